<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.xsl: build/index.html, one HTML5 page that lists every whitepaper
  with a link to its HTML page and its PDF.  Input (made by wpgen):

    <index>
      <whitepaper id="secure-mx" html="secure-mx/whitepaper.html"
                  pdf="secure-mx/whitepaper.pdf">
        <meta>…a copy of the model's /document/meta…</meta>
        <revision>…and of its newest revision, if it has a history</revision>
      </whitepaper>
      …one per service, in id order
    </index>

  Each whitepaper shows its version, its date (that of its newest
  revision) and what that revision changed, each change linked to its
  clause.  Every date is in one format, the publisher's (the date-format
  parameter), whatever format a service chose for its own document.

  Same rules as html.xsl: XSLT 1.0 only, no include or document(), inline
  CSS (the base rules repeat html.xsl's, since a sandboxed stylesheet
  cannot include another), no script, output from the input alone.
  Headings: h1 the page, h2 each whitepaper's title.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <!-- The page title; by default 「<document-kind>一覧」. -->
  <xsl:param name="title" select="''"/>
  <!-- How dates are written (templates/iso27017/settings.xml: YYYY, MM
       and DD replaced); each entry's own text when empty. -->
  <xsl:param name="date-format" select="''"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="first" select="/index/whitepaper[1]/meta"/>
  <xsl:variable name="page-title">
    <xsl:choose>
      <xsl:when test="$title != ''"><xsl:value-of select="$title"/></xsl:when>
      <xsl:when test="$first/document-kind"><xsl:value-of select="concat($first/document-kind, '一覧')"/></xsl:when>
      <xsl:otherwise>ホワイトペーパー一覧</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/index">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;</xsl:text>
    <xsl:value-of select="$nl"/>
    <html lang="ja">
      <xsl:value-of select="$nl"/>
      <head>
        <xsl:value-of select="$nl"/>
        <!-- See html.xsl: the one encoding declaration libxslt keeps. -->
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <xsl:value-of select="$nl"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:value-of select="$nl"/>
        <title><xsl:value-of select="$page-title"/></title>
        <xsl:value-of select="$nl"/>
        <xsl:if test="$first/publisher">
          <meta name="author" content="{$first/publisher}"/>
          <xsl:value-of select="$nl"/>
        </xsl:if>
        <meta name="generator" content="wpgen"/>
        <xsl:value-of select="$nl"/>
        <style><xsl:value-of select="$css"/></style>
        <xsl:value-of select="$nl"/>
      </head>
      <xsl:value-of select="$nl"/>
      <body>
        <xsl:value-of select="$nl"/>
        <div class="page">
          <xsl:value-of select="$nl"/>
          <header class="cover">
            <xsl:if test="$first/publisher">
              <p class="doc-kind"><xsl:value-of select="$first/publisher"/></p>
            </xsl:if>
            <h1><xsl:value-of select="$page-title"/></h1>
            <p class="count"><xsl:value-of select="count(whitepaper)"/>件</p>
          </header>
          <xsl:value-of select="$nl"/>
          <main>
            <xsl:value-of select="$nl"/>
            <ul class="papers">
              <xsl:value-of select="$nl"/>
              <xsl:apply-templates select="whitepaper"/>
            </ul>
            <xsl:value-of select="$nl"/>
          </main>
          <xsl:value-of select="$nl"/>
        </div>
        <xsl:value-of select="$nl"/>
      </body>
      <xsl:value-of select="$nl"/>
    </html>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="whitepaper">
    <xsl:variable name="m" select="meta"/>
    <li class="paper" id="paper-{@id}">
      <h2>
        <a href="{@html}">
          <xsl:choose>
            <!-- broken between phrases where the model says, as in
                 html.xsl (libxslt's HTML output knows no wbr) -->
            <xsl:when test="$m/title/@wbr">
              <span class="phrases">
                <xsl:call-template name="wbr"><xsl:with-param name="s" select="string($m/title/@wbr)"/></xsl:call-template>
              </span>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$m/title"/></xsl:otherwise>
          </xsl:choose>
        </a>
      </h2>
      <dl class="doc-meta">
        <div>
        <dt>版数</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$m/version-label"><xsl:value-of select="$m/version-label"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="none"/></xsl:otherwise>
          </xsl:choose>
        </dd>
        </div>
        <div>
        <dt>発行日</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$m/date">
              <xsl:call-template name="date">
                <xsl:with-param name="iso" select="$m/date/@iso"/>
                <xsl:with-param name="text" select="$m/date"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:call-template name="none"/></xsl:otherwise>
          </xsl:choose>
        </dd>
        </div>
        <div>
        <dt>文書番号</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="normalize-space($m/document-number) != ''"><xsl:value-of select="$m/document-number"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="none"/></xsl:otherwise>
          </xsl:choose>
        </dd>
        </div>
      </dl>
      <xsl:apply-templates select="revision[last()]"/>
      <!-- Every row's link reads 「PDF版をダウンロード」; the hidden service
           name makes each one's accessible name say which PDF it is. -->
      <p class="download">
        <a href="{@pdf}" type="application/pdf">
          <span class="vh">
            <xsl:choose>
              <xsl:when test="normalize-space($m/short-name) != ''"><xsl:value-of select="$m/short-name"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$m/name"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text>の</xsl:text>
          </span>
          <xsl:text>PDF版をダウンロード</xsl:text>
        </a>
      </p>
    </li>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- What the newest revision changed, a line a change, each linked to
       the clause it names in the whitepaper's page.  The entry may have
       been edited by hand: its text is shown as text, and a target is
       used only when it is a clause's id (ctl-9.2.3, ctl-CLD.9.5.1). -->
  <xsl:template match="revision">
    <div class="latest">
      <p class="latest-title">
        <xsl:choose>
          <xsl:when test="../meta/version-label"><xsl:value-of select="../meta/version-label"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@version"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>の改定内容</xsl:text>
      </p>
      <xsl:if test="change">
        <ul class="changes">
          <xsl:for-each select="change">
            <li>
              <xsl:choose>
                <xsl:when test="starts-with(@target, 'ctl-') and string-length(@target) > 4
                                and translate(substring(@target, 5), 'CLD.0123456789', '') = ''">
                  <a href="{../../@html}#{@target}"><xsl:value-of select="."/></a>
                  <xsl:if test="@renumbered = 'yes' and @now">
                    <xsl:value-of select="concat('（', @now, '）')"/>
                  </xsl:if>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="normalize-space(remark) != ''">
        <p class="remark"><xsl:value-of select="remark"/></p>
      </xsl:if>
    </div>
  </xsl:template>

  <xsl:template name="wbr">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&#x200B;')">
        <xsl:value-of select="translate(substring-before($s, '&#x200B;'), ' ', '&#160;')"/>
        <xsl:text disable-output-escaping="yes">&lt;wbr&gt;</xsl:text>
        <xsl:call-template name="wbr"><xsl:with-param name="s" select="substring-after($s, '&#x200B;')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($s, ' ', '&#160;')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A date: <time> with the ISO date, shown in $date-format. -->
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:param name="text"/>
    <time datetime="{$iso}">
      <xsl:choose>
        <xsl:when test="$date-format != '' and string-length($iso) = 10">
          <xsl:call-template name="date-fill">
            <xsl:with-param name="f" select="$date-format"/>
            <xsl:with-param name="iso" select="$iso"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
      </xsl:choose>
    </time>
  </xsl:template>

  <!-- As merge.xsl's date-fill (a sandboxed stylesheet includes none). -->
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

  <!-- An absent value: a dash to the eye, 「なし」 to a screen reader. -->
  <xsl:template name="none">
    <span aria-hidden="true">—</span><span class="vh">なし</span>
  </xsl:template>

  <xsl:variable name="css">
:root {
  color-scheme: light;
  --ink: #1f2328;
  --heading: #16202c;
  --muted: #4f5965;
  --accent: #1d4e89;
  --accent-dark: #143a67;
  --on-accent: #fff;
  --link: #0b57a3;
  --line: #d3dae3;
  --tint: #f4f7fb;
  --paper: #fff;
  --paper-bg: #eceff3;
  --shadow: rgba(20, 30, 50, .12);
}
/* html.xsl's dark scheme, for the screen only: print stays light */
@media screen and (prefers-color-scheme: dark) {
  :root {
    color-scheme: dark;
    --ink: #e6edf3;
    --heading: #f0f6fc;
    --muted: #9ba7b4;
    --accent: #79aef2;
    --accent-dark: #a9cbf7;
    --on-accent: #0d1117;
    --link: #8cbcff;
    --line: #3a434e;
    --tint: #1b222c;
    --paper: #151a21;
    --paper-bg: #0b0f14;
    --shadow: transparent;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--paper-bg);
  color: var(--ink);
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic", YuGothic, Meiryo, sans-serif;
  font-size: 1rem;
  line-height: 1.8;
  line-break: strict;
  word-break: normal;
  overflow-wrap: anywhere;
  font-kerning: normal;
}
.page {
  max-width: 50rem;
  margin: 2.5rem auto;
  padding: 3rem 5rem 3.5rem;
  background: var(--paper);
  border-top: 6px solid var(--accent);
  box-shadow: 0 1px 4px var(--shadow);
}
a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: .18em; overflow-wrap: anywhere; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.vh {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
h1, h2 { line-height: 1.5; font-weight: 700; color: var(--heading); text-wrap: balance; }
.phrases { word-break: keep-all; overflow-wrap: anywhere; }
h1 { font-size: 1.75rem; margin: .4rem 0 .25rem; letter-spacing: .01em; }
.cover { padding-bottom: 1.25rem; border-bottom: 2px solid var(--accent); }
.doc-kind {
  display: inline-block; margin: 0 0 .5rem; padding: .15rem .75rem;
  font-size: .8125rem; font-weight: 700; letter-spacing: .08em; line-height: 1.6;
  color: var(--accent); border: 1px solid var(--accent); border-radius: 2px;
}
.count { margin: 0; color: var(--muted); font-size: .9375rem; }
.papers { list-style: none; margin: 0; padding: 0; }
.paper { padding: 1.5rem 0 1.6rem; border-bottom: 1px solid var(--line); }
.paper h2 { font-size: 1.125rem; margin: 0 0 .6rem; }
.paper h2 a { text-decoration: none; }
.paper h2 a:hover { text-decoration: underline; }
.doc-meta {
  display: flex; flex-wrap: wrap; gap: .15rem 2rem;
  margin: 0 0 .9rem; font-size: .9375rem; line-height: 1.7;
}
.doc-meta div { display: flex; gap: .75rem; min-width: 0; }
.doc-meta dt { color: var(--muted); }
.doc-meta dd { margin: 0; min-width: 0; }
.latest { margin: 0 0 1rem; padding: .6rem .9rem .7rem; background: var(--tint); border-left: 3px solid var(--accent); font-size: .9375rem; line-height: 1.7; }
.latest-title { margin: 0 0 .2rem; font-weight: 700; color: var(--muted); font-size: .875rem; }
.latest .changes { margin: 0; padding-left: 1.2em; list-style: disc; }
.latest .changes li + li { margin-top: .15rem; }
.latest .remark { margin: .2rem 0 0; }
.download { margin: 0; }
.download a {
  display: inline-block; padding: .35rem 1rem; border-radius: 4px;
  border: 1px solid var(--accent); color: var(--accent); background: var(--paper);
  font-weight: 700; font-size: .875rem; text-decoration: none; line-height: 1.6;
}
.download a::before { content: "\2193\00a0"; }
.download a:hover { background: var(--accent); color: var(--on-accent); }
@media (max-width: 52rem) {
  .page { margin: 0 auto; padding: 2rem 2rem 2.5rem; box-shadow: none; }
}
@media (max-width: 36rem) {
  body { background: var(--paper); }
  .page { padding: 1.25rem 1rem 2rem; }
  h1 { font-size: 1.25rem; }
  .paper h2 { font-size: 1.0625rem; }
  .doc-meta { display: block; }
  .doc-meta dt { min-width: 4.5em; }
}
@media print {
  :root { color-scheme: light; }
  @page { size: A4; margin: 18mm 17mm 20mm; }
  body { background: #fff; font-size: 10.5pt; }
  .page { max-width: none; margin: 0; padding: 0; border: 0; box-shadow: none; }
  a { color: inherit; }
  .paper { break-inside: avoid; page-break-inside: avoid; }
  .download a { border: 0; padding: 0; }
  .download a::after { content: "（" attr(href) "）"; font-weight: 400; }
}
</xsl:variable>
</xsl:stylesheet>
