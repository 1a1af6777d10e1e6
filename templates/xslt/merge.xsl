<?xml version="1.0" encoding="UTF-8"?>
<!--
  merge.xsl: content + clause template + revisions -> the document model.

  Input: a service's service.xml (already validated).  The other inputs
  are handed over by wpgen under wpgen: addresses; the stylesheet can read
  nothing else.  wp:src() gives "file:line" of a content node, so that
  every later stage can point a writer at the source of a problem.

  Everything a renderer needs is resolved here: numbering, titles, the
  control-number lines, the service's name, dates, cross-references and
  list markers.  The output is described by templates/schema/document.rng.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:wp="urn:wpgen"
    exclude-result-prefixes="wp">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>
  <xsl:preserve-space elements="p li td th caption change remark em link title paged out-of-scope"/>

  <xsl:variable name="svc" select="/service"/>
  <xsl:variable name="cat" select="document('wpgen:catalogue')/catalogue"/>
  <xsl:variable name="bp" select="document('wpgen:boilerplate')/boilerplate"/>
  <xsl:variable name="defaults" select="document('wpgen:settings')/settings"/>
  <xsl:variable name="revs" select="document('wpgen:revisions')/revisions/revision"/>
  <xsl:variable name="answered" select="$svc/answers/answer/@control"/>
  <xsl:variable name="latest" select="$revs[last()]"/>

  <xsl:key name="answer" match="answer" use="@control"/>

  <!-- A setting: the service's own value, else the publisher's. -->
  <xsl:template name="setting">
    <xsl:param name="name"/>
    <xsl:variable name="own" select="$svc/settings/*[local-name() = $name]"/>
    <xsl:choose>
      <xsl:when test="$own"><xsl:value-of select="$own"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$defaults/*[local-name() = $name]"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Where a setting comes from ("file:line"): the service's own, else
       the publisher's.  Text made from it is reported there. -->
  <xsl:template name="setting-src">
    <xsl:param name="name"/>
    <xsl:variable name="own" select="$svc/settings/*[local-name() = $name]"/>
    <xsl:choose>
      <xsl:when test="$own"><xsl:value-of select="wp:src($own)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="wp:src($defaults/*[local-name() = $name])"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="full" select="normalize-space($svc/name)"/>
  <xsl:variable name="short">
    <xsl:choose>
      <xsl:when test="$svc/short-name"><xsl:value-of select="normalize-space($svc/short-name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$full"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The publisher: the service's <publisher>, else its
       <settings><publisher>, else the publisher's settings. -->
  <xsl:variable name="publisher-node"
      select="($svc/publisher | $svc/settings/publisher)[1] | $defaults/publisher[not($svc/publisher | $svc/settings/publisher)]"/>
  <xsl:variable name="publisher" select="normalize-space($publisher-node)"/>
  <xsl:variable name="short-node" select="($svc/short-name | $svc/name[not($svc/short-name)])[1]"/>
  <xsl:variable name="title-node" select="($svc/title | $svc/name[not($svc/title)])[1]"/>

  <!-- Replaces {name}, {short}, {version}, {n}, {number} and {title} in
       a pattern. -->
  <xsl:template name="fill">
    <xsl:param name="pattern"/>
    <xsl:param name="n" select="''"/>
    <xsl:param name="number" select="''"/>
    <xsl:param name="title" select="''"/>
    <xsl:choose>
      <xsl:when test="contains($pattern, '{')">
        <xsl:variable name="field" select="substring-before(substring-after($pattern, '{'), '}')"/>
        <xsl:value-of select="substring-before($pattern, '{')"/>
        <xsl:choose>
          <xsl:when test="$field = 'name'"><xsl:value-of select="$full"/></xsl:when>
          <xsl:when test="$field = 'short'"><xsl:value-of select="$short"/></xsl:when>
          <xsl:when test="$field = 'version'"><xsl:value-of select="$latest/@version"/></xsl:when>
          <xsl:when test="$field = 'n'"><xsl:value-of select="$n"/></xsl:when>
          <xsl:when test="$field = 'number'"><xsl:value-of select="$number"/></xsl:when>
          <xsl:when test="$field = 'title'"><xsl:value-of select="$title"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('{', $field, '}')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="fill">
          <xsl:with-param name="pattern" select="substring-after(substring-after($pattern, '{'), '}')"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="number" select="$number"/>
          <xsl:with-param name="title" select="$title"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$pattern"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An ISO date (2024-10-03) in the publisher's date-format. -->
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:variable name="format">
      <xsl:call-template name="setting"><xsl:with-param name="name" select="'date-format'"/></xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="date-fill">
      <xsl:with-param name="f" select="$format"/>
      <xsl:with-param name="iso" select="$iso"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="date-fill">
    <xsl:param name="f"/>
    <xsl:param name="iso"/>
    <xsl:choose>
      <xsl:when test="$f = ''"/>
      <xsl:when test="starts-with($f, 'YYYY')">
        <xsl:value-of select="substring($iso, 1, 4)"/>
        <xsl:call-template name="date-fill">
          <xsl:with-param name="f" select="substring($f, 5)"/><xsl:with-param name="iso" select="$iso"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="starts-with($f, 'MM')">
        <xsl:value-of select="substring($iso, 6, 2)"/>
        <xsl:call-template name="date-fill">
          <xsl:with-param name="f" select="substring($f, 3)"/><xsl:with-param name="iso" select="$iso"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="starts-with($f, 'DD')">
        <xsl:value-of select="substring($iso, 9, 2)"/>
        <xsl:call-template name="date-fill">
          <xsl:with-param name="f" select="substring($f, 3)"/><xsl:with-param name="iso" select="$iso"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring($f, 1, 1)"/>
        <xsl:call-template name="date-fill">
          <xsl:with-param name="f" select="substring($f, 2)"/><xsl:with-param name="iso" select="$iso"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==== The document ==================================================== -->

  <xsl:template match="/service">
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="title"><xsl:value-of select="normalize-space(title)"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="fill">
            <xsl:with-param name="pattern">
              <xsl:call-template name="setting"><xsl:with-param name="name" select="'title-pattern'"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document service="{@id}" lang="ja" src="{wp:src(.)}">
      <meta>
        <title src="{wp:src($title-node)}"><xsl:value-of select="$title"/></title>
        <name src="{wp:src(name)}"><xsl:value-of select="$full"/></name>
        <short-name src="{wp:src($short-node)}"><xsl:value-of select="$short"/></short-name>
        <document-kind>
          <xsl:attribute name="src">
            <xsl:call-template name="setting-src"><xsl:with-param name="name" select="'document-kind'"/></xsl:call-template>
          </xsl:attribute>
          <xsl:call-template name="setting"><xsl:with-param name="name" select="'document-kind'"/></xsl:call-template>
        </document-kind>
        <publisher src="{wp:src($publisher-node)}"><xsl:value-of select="$publisher"/></publisher>
        <xsl:if test="document-number">
          <document-number src="{wp:src(document-number)}"><xsl:value-of select="normalize-space(document-number)"/></document-number>
        </xsl:if>
        <xsl:if test="$latest">
          <version src="{wp:src($latest)}"><xsl:value-of select="$latest/@version"/></version>
          <version-label src="{wp:src($latest)}">
            <xsl:call-template name="fill">
              <xsl:with-param name="pattern" select="$defaults/version-label"/>
            </xsl:call-template>
          </version-label>
          <date iso="{$latest/@date}" src="{wp:src($latest)}">
            <xsl:call-template name="date"><xsl:with-param name="iso" select="$latest/@date"/></xsl:call-template>
          </date>
        </xsl:if>
        <keywords>
          <xsl:attribute name="src">
            <xsl:call-template name="setting-src"><xsl:with-param name="name" select="'keywords'"/></xsl:call-template>
          </xsl:attribute>
          <xsl:call-template name="setting"><xsl:with-param name="name" select="'keywords'"/></xsl:call-template>
        </keywords>
      </meta>
      <xsl:if test="not(boilerplate/omit[@key = 'cover'])">
        <cover/>
      </xsl:if>
      <xsl:if test="$revs and not(boilerplate/omit[@key = 'history'])">
        <xsl:call-template name="history"/>
      </xsl:if>
      <toc id="toc" title="{$defaults/toc-title}"/>
      <xsl:apply-templates select="$bp/section[@key = 'intro']"/>
      <xsl:apply-templates select="overview"/>
      <xsl:apply-templates select="$bp/section[@key = 'iso']"/>
      <xsl:call-template name="controls"/>
      <xsl:call-template name="out-of-scope"/>
      <xsl:if test="not(boilerplate/omit[@key = 'backmatter'])">
        <backmatter id="backmatter">
          <xsl:apply-templates select="$bp/section[@key = 'copyright']"/>
          <colophon>
            <title src="{wp:src($title-node)}"><xsl:value-of select="$title"/></title>
            <publisher src="{wp:src($publisher-node)}"><xsl:value-of select="$publisher"/></publisher>
            <xsl:if test="document-number">
              <document-number src="{wp:src(document-number)}"><xsl:value-of select="normalize-space(document-number)"/></document-number>
            </xsl:if>
          </colophon>
        </backmatter>
      </xsl:if>
    </document>
  </xsl:template>

  <!-- ==== Revision history ================================================ -->

  <xsl:template name="history">
    <history id="history" title="{$defaults/history-title}">
      <columns>
        <xsl:for-each select="$defaults/history-columns/column">
          <column><xsl:value-of select="."/></column>
        </xsl:for-each>
      </columns>
      <xsl:for-each select="$revs">
        <revision id="rev-{@version}" version="{@version}" date="{@date}" src="{wp:src(.)}">
          <date>
            <xsl:call-template name="date"><xsl:with-param name="iso" select="@date"/></xsl:call-template>
          </date>
          <xsl:for-each select="change">
            <change src="{wp:src(.)}">
              <!-- A row may name several clauses (control="5.1.1 5.1.2"):
                   it links to the first; targets lists all it names that
                   the service answers. -->
              <xsl:variable name="ctl"
                  select="substring-before(concat(normalize-space(@control), ' '), ' ')"/>
              <xsl:if test="@control">
                <xsl:attribute name="control"><xsl:value-of select="normalize-space(@control)"/></xsl:attribute>
                <xsl:if test="$answered[. = $ctl]">
                  <xsl:attribute name="target"><xsl:value-of select="concat('ctl-', $ctl)"/></xsl:attribute>
                  <xsl:call-template name="clause-ref">
                    <xsl:with-param name="control" select="$ctl"/>
                  </xsl:call-template>
                  <!-- Where the clause is now, in words, for every
                       renderer: 「現在の 8.4 …」. -->
                  <xsl:attribute name="now">
                    <xsl:call-template name="fill">
                      <xsl:with-param name="pattern" select="$defaults/current-clause"/>
                      <xsl:with-param name="number">
                        <xsl:call-template name="clause-number"><xsl:with-param name="control" select="$ctl"/></xsl:call-template>
                      </xsl:with-param>
                      <xsl:with-param name="title">
                        <xsl:call-template name="clause-title"><xsl:with-param name="control" select="$ctl"/></xsl:call-template>
                      </xsl:with-param>
                    </xsl:call-template>
                  </xsl:attribute>
                  <!-- The row names the clause by the number it had then;
                       when that is not today's, the renderers say where
                       the clause is now (the row's text stays as written). -->
                  <xsl:variable name="written"
                      select="substring-before(concat(normalize-space(.), ' '), ' ')"/>
                  <xsl:variable name="now">
                    <xsl:call-template name="clause-number">
                      <xsl:with-param name="control" select="$ctl"/>
                    </xsl:call-template>
                  </xsl:variable>
                  <xsl:if test="$written != $now and contains($written, '.')
                                and translate($written, '0123456789.', '') = ''">
                    <xsl:attribute name="renumbered">yes</xsl:attribute>
                  </xsl:if>
                </xsl:if>
              </xsl:if>
              <xsl:if test="contains(normalize-space(@control), ' ')">
                <xsl:attribute name="targets">
                  <xsl:call-template name="targets">
                    <xsl:with-param name="list" select="concat(normalize-space(@control), ' ')"/>
                  </xsl:call-template>
                </xsl:attribute>
              </xsl:if>
              <xsl:if test="@removed"><xsl:attribute name="removed">yes</xsl:attribute></xsl:if>
              <xsl:if test="@scope"><xsl:attribute name="scope"><xsl:value-of select="@scope"/></xsl:attribute></xsl:if>
              <xsl:apply-templates mode="inline"/>
            </change>
          </xsl:for-each>
          <xsl:if test="remark">
            <remark><xsl:apply-templates select="remark/node()" mode="inline"/></remark>
          </xsl:if>
        </revision>
      </xsl:for-each>
    </history>
  </xsl:template>

  <!-- The ids of the clauses a list of controls names ("5.1.1 5.1.2 "),
       those the service answers, between spaces. -->
  <xsl:template name="targets">
    <xsl:param name="list"/>
    <xsl:param name="sep" select="''"/>
    <xsl:if test="$list != ''">
      <xsl:variable name="c" select="substring-before($list, ' ')"/>
      <xsl:variable name="mine" select="boolean($answered[. = $c])"/>
      <xsl:if test="$mine"><xsl:value-of select="concat($sep, 'ctl-', $c)"/></xsl:if>
      <xsl:call-template name="targets">
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
        <xsl:with-param name="sep">
          <xsl:choose>
            <xsl:when test="$mine or $sep != ''"><xsl:text> </xsl:text></xsl:when>
            <xsl:otherwise/>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The number ("5.3") and title a control's clause has in this
       service's document: the one place numbering is decided. -->
  <!-- Every control's clause number, made once as "|9.2.3=5.3|…|": its
       chapter's place among the chapters the service answers, then its
       own among its chapter's answered controls.  A clause is numbered
       wherever the model names it (the revision history, references),
       and counting afresh each time was half of this transform. -->
  <xsl:variable name="number-list">
    <xsl:text>|</xsl:text>
    <xsl:for-each select="$cat/chapter">
      <xsl:variable name="ch" select="count(preceding-sibling::chapter[control/@id = $answered]) + 1"/>
      <xsl:for-each select="control">
        <xsl:value-of select="concat(@id, '=', $ch, '.', count(preceding-sibling::control[@id = $answered]) + 1, '|')"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="numbers" select="string($number-list)"/>

  <xsl:key name="control" match="control" use="@id"/>

  <xsl:template name="clause-number">
    <xsl:param name="control"/>
    <xsl:value-of select="substring-before(substring-after($numbers, concat('|', $control, '=')), '|')"/>
  </xsl:template>

  <!-- The service's title for a clause, else the catalogue's (keys look
       in the context node's document: each is entered in turn). -->
  <xsl:template name="clause-title">
    <xsl:param name="control"/>
    <xsl:for-each select="$svc">
      <xsl:variable name="own" select="key('answer', $control)/@title"/>
      <xsl:choose>
        <xsl:when test="$own"><xsl:value-of select="$own"/></xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$cat"><xsl:value-of select="key('control', $control)/@title"/></xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Attributes number and title of the clause that answers a control. -->
  <xsl:template name="clause-ref">
    <xsl:param name="control"/>
    <xsl:attribute name="number">
      <xsl:call-template name="clause-number"><xsl:with-param name="control" select="$control"/></xsl:call-template>
    </xsl:attribute>
    <xsl:attribute name="title">
      <xsl:call-template name="clause-title"><xsl:with-param name="control" select="$control"/></xsl:call-template>
    </xsl:attribute>
  </xsl:template>

  <!-- ==== Front and back matter from the template ========================= -->

  <!-- A template section; a service may omit it or replace its body
       (the heading stays the template's). -->
  <xsl:template match="section">
    <xsl:variable name="key" select="@key"/>
    <xsl:variable name="change" select="$svc/boilerplate/*[@key = $key]"/>
    <xsl:if test="not($change[self::omit])">
      <section id="{@key}" key="{@key}" title="{@title}">
        <xsl:choose>
          <xsl:when test="$change[self::replace]">
            <xsl:apply-templates select="$change/*" mode="block"/>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="*"/></xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A keyed template paragraph or figure: the service may replace or
       omit it.  Replacement blocks carry the service's source lines. -->
  <xsl:template match="boilerplate/section//*[@key and not(self::section)]" priority="2">
    <xsl:variable name="key" select="@key"/>
    <xsl:variable name="change" select="$svc/boilerplate/*[@key = $key]"/>
    <xsl:choose>
      <xsl:when test="$change[self::omit]"/>
      <xsl:when test="$change[self::replace]">
        <xsl:apply-templates select="$change/*" mode="block"/>
      </xsl:when>
      <xsl:when test="self::figure">
        <figure id="fig-{@key}" kind="structure" addition-label="{structure/@label}">
          <xsl:call-template name="figure-label">
            <xsl:with-param name="caption" select="@caption"/>
          </xsl:call-template>
          <xsl:for-each select="structure/*">
            <xsl:element name="{local-name()}">
              <xsl:copy-of select="@label | @note"/>
            </xsl:element>
          </xsl:for-each>
        </figure>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="block"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Figures are numbered in document order: the boundary figure (if the
       service has one) comes before the template's. -->
  <xsl:template name="figure-label">
    <xsl:param name="caption"/>
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="self::boundary">1</xsl:when>
        <xsl:otherwise><xsl:value-of select="count($svc/overview/responsibility/boundary) + 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:attribute name="number"><xsl:value-of select="$n"/></xsl:attribute>
    <label>
      <xsl:call-template name="fill">
        <xsl:with-param name="pattern" select="$defaults/figure-label"/>
        <xsl:with-param name="n" select="$n"/>
      </xsl:call-template>
    </label>
    <caption><xsl:value-of select="$caption"/></caption>
  </xsl:template>

  <!-- ==== Service overview ================================================ -->

  <xsl:template match="overview">
    <section id="overview" key="overview" src="{wp:src(.)}">
      <xsl:attribute name="title">
        <xsl:call-template name="fill">
          <xsl:with-param name="pattern">
            <xsl:call-template name="setting"><xsl:with-param name="name" select="'overview-title'"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:apply-templates select="*[not(self::responsibility or self::documents)]" mode="block"/>
      <section id="responsibility" key="responsibility" src="{wp:src(responsibility)}">
        <xsl:attribute name="title">
          <xsl:call-template name="setting"><xsl:with-param name="name" select="'responsibility-title'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:apply-templates select="responsibility/*" mode="block"/>
      </section>
      <section id="documents" key="documents" src="{wp:src(documents)}">
        <xsl:attribute name="title">
          <xsl:call-template name="setting"><xsl:with-param name="name" select="'documents-title'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:apply-templates select="documents/*" mode="block"/>
      </section>
    </section>
  </xsl:template>

  <xsl:template match="boundary" mode="block">
    <figure id="fig-boundary" kind="boundary" src="{wp:src(.)}">
      <xsl:call-template name="figure-label">
        <xsl:with-param name="caption">
          <xsl:call-template name="setting"><xsl:with-param name="name" select="'responsibility-title'"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="layer">
        <layer owner="{@owner}" label="{@label}" src="{wp:src(.)}">
          <xsl:attribute name="owner-label">
            <xsl:call-template name="setting">
              <xsl:with-param name="name" select="concat(@owner, '-label')"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:for-each select="item"><item src="{wp:src(.)}"><xsl:value-of select="."/></item></xsl:for-each>
        </layer>
      </xsl:for-each>
    </figure>
  </xsl:template>

  <!-- ==== The controls ==================================================== -->

  <xsl:template name="controls">
    <controls id="controls" title="{$defaults/controls-title}">
      <xsl:for-each select="$cat/chapter[control/@id = $answered]">
        <chapter id="ch-{@clause}" clause="{@clause}" number="{position()}" label="{position()}." title="{@title}" src="{wp:src(.)}">
          <xsl:for-each select="control[@id = $answered]">
            <xsl:variable name="id" select="@id"/>
            <xsl:for-each select="$svc/answers/answer[@control = $id]">
              <clause id="ctl-{$id}" control="{$id}" src="{wp:src(.)}">
                <xsl:call-template name="clause-ref">
                  <xsl:with-param name="control" select="$id"/>
                </xsl:call-template>
                <control-line>
                  <xsl:value-of select="concat($defaults/control-label, $id)"/>
                </control-line>
                <xsl:apply-templates select="*" mode="block"/>
              </clause>
            </xsl:for-each>
          </xsl:for-each>
        </chapter>
      </xsl:for-each>
    </controls>
  </xsl:template>

  <!-- The controls the service marks out of scope, with their reasons, as
       a section after the chapters: only where the setting
       out-of-scope-title names it (the publisher's is empty, so that the
       documents keep the references' shape), in the catalogue's order. -->
  <xsl:template name="out-of-scope">
    <xsl:variable name="title">
      <xsl:call-template name="setting"><xsl:with-param name="name" select="'out-of-scope-title'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="marked" select="$svc/answers/out-of-scope"/>
    <xsl:if test="normalize-space($title) != '' and $marked">
      <section id="out-of-scope" key="out-of-scope" title="{normalize-space($title)}" src="{wp:src($marked[1])}">
        <ul mark="disc" src="{wp:src($marked[1])}">
          <xsl:for-each select="$cat/chapter/control[@id = $marked/@control]">
            <xsl:variable name="id" select="@id"/>
            <xsl:for-each select="$marked[@control = $id][1]">
              <li src="{wp:src(.)}" marker="・">
                <xsl:value-of select="concat($id, ' ', $cat/chapter/control[@id = $id]/@title, '：')"/>
                <xsl:apply-templates mode="inline"/>
              </li>
            </xsl:for-each>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ==== Blocks ========================================================== -->

  <!-- A paragraph with wording for paged output only (<paged>: 「次頁以降」)
       is two in the model: the print one, which the PDF and the text show
       (they read only <p>), and the web page's, in a <variant> that only
       html.xsl reads. -->
  <xsl:template match="p" mode="block">
    <xsl:choose>
      <xsl:when test="paged">
        <p src="{wp:src(.)}" output="print"><xsl:apply-templates mode="inline"/></p>
        <variant output="web">
          <p src="{wp:src(.)}">
            <xsl:apply-templates mode="inline">
              <xsl:with-param name="web" select="true()"/>
            </xsl:apply-templates>
          </p>
        </variant>
      </xsl:when>
      <xsl:otherwise>
        <p src="{wp:src(.)}"><xsl:apply-templates mode="inline"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="ol" mode="block">
    <ol style="{substring(concat(@style, '1'), 1, 1)}" src="{wp:src(.)}">
      <xsl:for-each select="li">
        <li src="{wp:src(.)}">
          <xsl:attribute name="marker">
            <xsl:choose>
              <xsl:when test="../@style = 'a'">
                <xsl:value-of select="concat(substring('abcdefghijklmnopqrstuvwxyz', position(), 1), ')')"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="concat(position(), '.')"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:apply-templates select="node()[not(self::ol or self::ul)]" mode="inline"/>
          <xsl:apply-templates select="ol | ul" mode="block"/>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <xsl:template match="ul" mode="block">
    <ul mark="{substring(concat(@mark, 'disc'), 1, string-length(concat(@mark, 'disc')) - 4 * boolean(@mark))}" src="{wp:src(.)}">
      <xsl:for-each select="li">
        <li src="{wp:src(.)}">
          <xsl:attribute name="marker">
            <xsl:choose>
              <xsl:when test="../@mark = 'check'">✓</xsl:when>
              <xsl:otherwise>・</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:apply-templates select="node()[not(self::ol or self::ul)]" mode="inline"/>
          <xsl:apply-templates select="ol | ul" mode="block"/>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template match="table" mode="block">
    <table src="{wp:src(.)}">
      <xsl:if test="caption">
        <caption src="{wp:src(caption)}"><xsl:apply-templates select="caption/node()" mode="inline"/></caption>
      </xsl:if>
      <xsl:for-each select="tr">
        <tr src="{wp:src(.)}">
          <xsl:for-each select="th | td">
            <xsl:element name="{local-name()}">
              <xsl:copy-of select="@colspan"/>
              <xsl:attribute name="src"><xsl:value-of select="wp:src(.)"/></xsl:attribute>
              <xsl:apply-templates mode="inline"/>
            </xsl:element>
          </xsl:for-each>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- ==== Inline text ===================================================== -->

  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="name" mode="inline">
    <xsl:choose>
      <xsl:when test="@form = 'full'"><xsl:value-of select="$full"/></xsl:when>
      <xsl:when test="@form = 'defining' and $svc/short-name">
        <xsl:value-of select="concat($full, '（以下、', $short, '）')"/>
      </xsl:when>
      <xsl:when test="@form = 'defining'"><xsl:value-of select="$full"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$short"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="paged" mode="inline">
    <xsl:param name="web" select="false()"/>
    <xsl:choose>
      <xsl:when test="$web"><xsl:value-of select="@web"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="em" mode="inline">
    <em><xsl:apply-templates mode="inline"/></em>
  </xsl:template>

  <xsl:template match="br" mode="inline"><br/></xsl:template>

  <xsl:template match="link" mode="inline">
    <link href="{@href}">
      <xsl:choose>
        <xsl:when test="node()"><xsl:apply-templates mode="inline"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@href"/></xsl:otherwise>
      </xsl:choose>
    </link>
  </xsl:template>

  <xsl:template match="xref" mode="inline">
    <xref control="{@control}" target="ctl-{@control}">
      <xsl:call-template name="clause-ref">
        <xsl:with-param name="control" select="@control"/>
      </xsl:call-template>
      <xsl:text>“</xsl:text>
      <xsl:call-template name="clause-number"><xsl:with-param name="control" select="@control"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:call-template name="clause-title"><xsl:with-param name="control" select="@control"/></xsl:call-template>
      <xsl:text>”</xsl:text>
    </xref>
  </xsl:template>
</xsl:stylesheet>
