<?xml version="1.0" encoding="UTF-8"?>
<!--
  expect.xsl: what a whitepaper's page must show, read from its document
  model (build/<id>/document.xml) as JSON for tests/html/drive.js: the
  clauses the newest revision names (they carry a mark), the id and
  version of that revision (the mark's link and text), and the PDF's
  size (param bytes, which its link states).  $extra is more JSON
  members, for the fixtures (",&quot;wide&quot;:1").  Read from the model, not from
  the page, so that the page cannot agree with itself.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="bytes" select="0"/>
  <xsl:param name="extra" select="''"/>
  <xsl:key name="target" match="history/revision[last()]/change[@target]" use="@target"/>

  <xsl:template match="/document">
    <xsl:variable name="r" select="history/revision[last()]"/>
    <xsl:text>{"marks":[</xsl:text>
    <xsl:for-each select="$r/change[@target][generate-id() = generate-id(key('target', @target)[1])]">
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:value-of select="concat('&quot;', @target, '&quot;')"/>
    </xsl:for-each>
    <xsl:value-of select="concat('],&quot;row&quot;:&quot;', $r/@id, '&quot;,&quot;version&quot;:&quot;',
        $r/@version, '&quot;,&quot;bytes&quot;:', $bytes, $extra, '}')"/>
  </xsl:template>
</xsl:stylesheet>
