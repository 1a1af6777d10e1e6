<?xml version="1.0" encoding="UTF-8"?>
<!--
  text.xsl: the document model as plain text, one paragraph a line,
  headings with their numbers: for grep, git diff and review.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>
  <xsl:preserve-space elements="p li td th caption change remark em link"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <xsl:template match="/document">
    <xsl:apply-templates select="cover | history | toc | section | controls | backmatter"/>
  </xsl:template>

  <xsl:template match="cover">
    <xsl:value-of select="concat(../meta/document-kind, $nl, ../meta/title, $nl)"/>
    <xsl:if test="../meta/version-label">
      <xsl:value-of select="concat(../meta/version-label, $nl, ../meta/date, $nl)"/>
    </xsl:if>
    <xsl:value-of select="concat(../meta/publisher, $nl, $nl)"/>
  </xsl:template>

  <xsl:template match="history">
    <xsl:value-of select="concat(@title, $nl)"/>
    <xsl:for-each select="columns/column">
      <xsl:value-of select="."/>
      <xsl:value-of select="substring('&#9;', 1, last() - position())"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
    <xsl:for-each select="revision">
      <xsl:value-of select="concat(@version, '&#9;', date, '&#9;')"/>
      <xsl:for-each select="change">
        <xsl:if test="position() > 1"><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates/>
        <xsl:if test="@renumbered">
          <xsl:value-of select="concat('（現在の ', @number, ' ', @title, '）')"/>
        </xsl:if>
      </xsl:for-each>
      <xsl:text>&#9;</xsl:text>
      <xsl:apply-templates select="remark/node()"/>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="toc">
    <xsl:value-of select="concat(@title, $nl)"/>
    <xsl:for-each select="../section | ../controls | ../controls/chapter | ../controls/chapter/clause | ../section/section">
      <xsl:apply-templates select="." mode="heading"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="section | controls" mode="heading">
    <xsl:value-of select="concat(@title, $nl)"/>
  </xsl:template>
  <xsl:template match="chapter" mode="heading">
    <xsl:value-of select="concat(@label, ' ', @title, $nl)"/>
  </xsl:template>
  <xsl:template match="clause" mode="heading">
    <xsl:value-of select="concat(@number, ' ', @title, $nl)"/>
  </xsl:template>

  <xsl:template match="section | controls">
    <xsl:apply-templates select="." mode="heading"/>
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="chapter">
    <xsl:apply-templates select="." mode="heading"/>
    <xsl:apply-templates select="clause"/>
  </xsl:template>

  <xsl:template match="clause">
    <xsl:apply-templates select="." mode="heading"/>
    <xsl:value-of select="concat(control-line, $nl)"/>
    <xsl:apply-templates select="*[not(self::control-line)]"/>
  </xsl:template>

  <xsl:template match="p">
    <xsl:apply-templates/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="li">
    <xsl:for-each select="ancestor::li"><xsl:text>  </xsl:text></xsl:for-each>
    <xsl:value-of select="concat(@marker, ' ')"/>
    <xsl:apply-templates select="node()[not(self::ol or self::ul)]"/>
    <xsl:value-of select="$nl"/>
    <xsl:apply-templates select="ol | ul"/>
  </xsl:template>

  <xsl:template match="table">
    <xsl:if test="caption"><xsl:apply-templates select="caption/node()"/><xsl:value-of select="$nl"/></xsl:if>
    <xsl:for-each select="tr">
      <xsl:for-each select="th | td">
        <xsl:if test="position() > 1"><xsl:text>&#9;</xsl:text></xsl:if>
        <xsl:apply-templates/>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="figure">
    <xsl:for-each select="layer">
      <xsl:value-of select="concat('[', @owner-label, '] ', @label)"/>
      <xsl:for-each select="item"><xsl:value-of select="concat(' / ', .)"/></xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:for-each select="base | addition">
      <xsl:value-of select="concat('[', @label, '] ', @note, $nl)"/>
    </xsl:for-each>
    <xsl:value-of select="concat(label, caption, $nl)"/>
  </xsl:template>

  <xsl:template match="backmatter">
    <xsl:apply-templates select="section"/>
    <xsl:value-of select="concat(colophon/title, $nl, colophon/publisher, $nl)"/>
    <xsl:if test="colophon/document-number">
      <xsl:value-of select="concat(colophon/document-number, $nl)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="br"><xsl:value-of select="$nl"/></xsl:template>
  <xsl:template match="text()"><xsl:value-of select="."/></xsl:template>
</xsl:stylesheet>
