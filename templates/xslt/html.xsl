<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: the document model as one self-contained HTML5 page (inline
  CSS, inline SVG figures, no script), to be opened from disk or served.
  XSLT 1.0 with no extension, include, import or document(): it runs in
  wpgen's sandbox.  The output depends on the input and the parameters
  only (no dates, no generate-id()).

  Heading scheme (never skips a level):
    h1  the document title (meta/title), once, in the cover block
    h2  改訂履歴, 目次, each top-level front-matter section, the controls
        part (ISO/IEC27017に対する取り組み), the back-matter section
    h3  a front-matter section's subsections; a chapter of the controls
    h4  a clause of the controls (deeper front-matter sections: h4..h6)
  Every section carries the model's id (intro, responsibility, ch-5,
  ctl-9.2.3, ...) so that links survive renumbering; each row of the
  history its revision's (rev-1.7), which the clauses the newest revision
  changed link to from their mark (「1.7 で改定」).

  Reading order, for a phone first: a skip link, the cover (#top), the
  contents (#toc), then main (#main): the history, folded in a <details>
  on narrow screens, the front matter, the controls; the back matter.
  On a wide screen the contents are a column beside the text that stays
  in view; in print the history is open and everything is light.
  Headings break between phrases where the model says (a title-wbr
  attribute, or wbr on meta/title: the title with U+200B at each break).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>
  <xsl:preserve-space elements="p li td th caption change remark em link xref ins del"/>

  <!-- The PDF beside the page; the C side may pass another address. -->
  <xsl:param name="pdf-href" select="'whitepaper.pdf'"/>
  <!-- The index of all whitepapers; no link when empty. -->
  <xsl:param name="index-href" select="''"/>
  <!-- The PDF's size as its link states it (「215 KB」, written by the C
       side, which makes the page beside the PDF and puts the size in
       once the PDF is made); none when empty. -->
  <xsl:param name="pdf-size" select="''"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="zwsp" select="'&#x200B;'"/>
  <!-- The newest revision: the clauses its changes name carry a mark. -->
  <xsl:variable name="newest" select="/document/history/revision[last()]"/>

  <!-- ==== page ======================================================== -->

  <xsl:template match="/document">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;</xsl:text>
    <xsl:value-of select="$nl"/>
    <html lang="ja">
      <xsl:value-of select="$nl"/>
      <head>
        <xsl:value-of select="$nl"/>
        <!-- The encoding declaration in the one form that libxslt's HTML
             output recognises (it would add its own beside a meta charset,
             and HTML allows only one). -->
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <xsl:value-of select="$nl"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:value-of select="$nl"/>
        <title><xsl:value-of select="meta/title"/></title>
        <xsl:value-of select="$nl"/>
        <meta name="author" content="{meta/publisher}"/>
        <xsl:value-of select="$nl"/>
        <meta name="keywords" content="{meta/keywords}"/>
        <xsl:value-of select="$nl"/>
        <meta name="generator" content="wpgen"/>
        <xsl:value-of select="$nl"/>
        <style><xsl:value-of select="$css"/><xsl:if test="@changes-since"><xsl:value-of select="$css-changes"/></xsl:if></style>
        <xsl:value-of select="$nl"/>
      </head>
      <xsl:value-of select="$nl"/>
      <body>
        <xsl:value-of select="$nl"/>
        <a class="skip" href="#main">本文へ移動</a>
        <xsl:value-of select="$nl"/>
        <div class="page">
          <xsl:value-of select="$nl"/>
          <xsl:call-template name="cover"/>
          <xsl:apply-templates select="toc"/>
          <main id="main">
            <xsl:value-of select="$nl"/>
            <xsl:apply-templates select="legend | history | section | controls"/>
            <a class="to-top" href="#top"><span aria-hidden="true">↑</span><span class="vh">ページの先頭へ</span></a>
            <xsl:value-of select="$nl"/>
          </main>
          <xsl:value-of select="$nl"/>
          <xsl:apply-templates select="backmatter"/>
        </div>
        <xsl:value-of select="$nl"/>
      </body>
      <xsl:value-of select="$nl"/>
    </html>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- The cover block.  The h1 is always there (a page needs its title);
       the rest only when the model has <cover>: wpgen invents nothing. -->
  <xsl:template name="cover">
    <header class="cover" id="top">
      <xsl:value-of select="$nl"/>
      <xsl:if test="$index-href != ''">
        <p class="crumb"><a href="{$index-href}">ホワイトペーパー一覧</a></p>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:if test="cover">
        <p class="doc-kind"><xsl:value-of select="meta/document-kind"/></p>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <h1>
        <xsl:call-template name="phrased">
          <xsl:with-param name="plain" select="meta/title"/>
          <xsl:with-param name="wbr" select="meta/title/@wbr"/>
        </xsl:call-template>
      </h1>
      <xsl:value-of select="$nl"/>
      <xsl:if test="cover">
        <dl class="doc-meta">
          <xsl:if test="meta/version-label">
            <dt>版数</dt>
            <dd><xsl:value-of select="meta/version-label"/></dd>
            <dt>発行日</dt>
            <dd><time datetime="{meta/date/@iso}"><xsl:value-of select="meta/date"/></time></dd>
          </xsl:if>
          <xsl:if test="meta/document-number">
            <dt>文書番号</dt>
            <dd><xsl:value-of select="meta/document-number"/></dd>
          </xsl:if>
          <dt>発行</dt>
          <dd><xsl:value-of select="meta/publisher"/></dd>
        </dl>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:if test="$pdf-href != ''">
      <p class="download">
        <a href="{$pdf-href}" type="application/pdf">
          <xsl:text>PDF版をダウンロード</xsl:text>
          <xsl:if test="$pdf-size != ''">
            <span class="size">
              <xsl:value-of select="concat('（', $pdf-size, '）')"/>
            </span>
          </xsl:if>
        </a>
      </p>
      </xsl:if>
      <xsl:value-of select="$nl"/>
    </header>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ==== revision history ============================================ -->

  <!-- Folded on a narrow screen, where it would keep the reader from the
       text (the CSS opens it on a wide screen and in print); a link into
       it (a clause's mark) opens it too. -->
  <xsl:template match="history">
    <section id="{@id}" class="history">
      <h2>
        <xsl:call-template name="phrased"><xsl:with-param name="node" select="."/></xsl:call-template>
      </h2>
      <xsl:value-of select="$nl"/>
      <details class="fold">
        <summary><xsl:value-of select="concat('全 ', count(revision), ' 版の', @title, 'を表示')"/></summary>
        <xsl:value-of select="$nl"/>
        <xsl:call-template name="table-wrap">
          <xsl:with-param name="label" select="@title"/>
          <xsl:with-param name="table">
        <table class="history-table">
          <caption class="vh"><xsl:value-of select="@title"/></caption>
          <xsl:value-of select="$nl"/>
          <thead>
            <tr>
              <xsl:for-each select="columns/column">
                <th scope="col"><xsl:value-of select="."/></th>
              </xsl:for-each>
            </tr>
          </thead>
          <xsl:value-of select="$nl"/>
          <tbody>
            <xsl:value-of select="$nl"/>
            <xsl:for-each select="revision">
              <tr id="{@id}">
                <xsl:if test="@change"><xsl:attribute name="class">change-<xsl:value-of select="@change"/></xsl:attribute></xsl:if>
                <td class="h-version"><xsl:value-of select="@version"/></td>
                <td class="h-date"><time datetime="{@date}"><xsl:value-of select="date"/></time></td>
                <td class="h-changes">
                  <xsl:if test="change">
                    <ul class="changes">
                      <xsl:apply-templates select="change"/>
                    </ul>
                  </xsl:if>
                </td>
                <td class="h-remark"><xsl:apply-templates select="remark/node()"/></td>
              </tr>
              <xsl:value-of select="$nl"/>
            </xsl:for-each>
          </tbody>
        </table>
          </xsl:with-param>
        </xsl:call-template>
      </details>
      <xsl:value-of select="$nl"/>
    </section>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- One change a line.  Its text stays as written (it may name an old
       number); the link goes to the clause's id, which survives, and the
       title says what the clause is now. -->
  <xsl:template match="change">
    <li>
      <xsl:choose>
        <xsl:when test="@target">
          <a href="#{@target}" title="{@now}">
            <xsl:apply-templates mode="in-link"/>
          </a>
          <xsl:if test="@renumbered">
            <span class="now">
              <xsl:value-of select="concat('（', @now, '）')"/>
            </span>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

  <!-- ==== table of contents =========================================== -->

  <xsl:template match="toc">
    <nav id="{@id}" class="toc" aria-labelledby="{@id}-title">
      <h2 id="{@id}-title">
        <xsl:call-template name="phrased"><xsl:with-param name="node" select="."/></xsl:call-template>
      </h2>
      <xsl:value-of select="$nl"/>
      <ol>
        <xsl:value-of select="$nl"/>
        <xsl:apply-templates select="../section | ../controls" mode="toc"/>
      </ol>
      <xsl:value-of select="$nl"/>
    </nav>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="section" mode="toc">
    <li>
      <a href="#{@id}"><xsl:apply-templates select="." mode="heading"/></a>
      <xsl:if test="section">
        <ol>
          <xsl:apply-templates select="section" mode="toc"/>
        </ol>
      </xsl:if>
    </li>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="controls" mode="toc">
    <li>
      <a href="#{@id}"><xsl:apply-templates select="." mode="heading"/></a>
      <ol class="toc-chapters">
        <xsl:value-of select="$nl"/>
        <xsl:for-each select="chapter">
          <li>
            <a href="#{@id}"><xsl:apply-templates select="." mode="heading"/></a>
            <ol class="toc-clauses">
              <xsl:for-each select="clause">
                <li>
                  <a href="#{@id}">
                    <xsl:apply-templates select="." mode="heading"/>
                    <xsl:if test="$newest/change[@target = current()/@id or contains(concat(' ', @targets, ' '), concat(' ', current()/@id, ' '))]">
                      <span class="toc-rev"><xsl:value-of select="concat($newest/@version, ' で改定')"/></span>
                    </xsl:if>
                  </a>
                </li>
              </xsl:for-each>
            </ol>
          </li>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
      </ol>
    </li>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- Heading text with its number, as in the text renderer; the title
       broken between phrases where the model says. -->
  <xsl:template match="chapter" mode="heading">
    <span class="num"><xsl:value-of select="@label"/></span>
    <xsl:text> </xsl:text>
    <span class="title"><xsl:call-template name="phrased"><xsl:with-param name="node" select="."/></xsl:call-template></span>
  </xsl:template>
  <xsl:template match="clause" mode="heading">
    <xsl:choose>
      <!-- A reviewer's copy: a clause added or removed whole, its
           heading inserted or deleted; one retitled, its new title
           inserted (the old one follows the control number). -->
      <xsl:when test="@change = 'removed'"><del><xsl:call-template name="clause-heading"/></del></xsl:when>
      <xsl:when test="@change or @was-title"><ins><xsl:call-template name="clause-heading"/></ins></xsl:when>
      <xsl:otherwise><xsl:call-template name="clause-heading"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="clause-heading">
    <span class="num"><xsl:value-of select="@number"/></span>
    <xsl:text> </xsl:text>
    <span class="title"><xsl:call-template name="phrased"><xsl:with-param name="node" select="."/></xsl:call-template></span>
  </xsl:template>

  <!-- A title with a <wbr> at each break the model allows (U+200B in its
       companion: @title-wbr beside @title, @wbr on a text element), in a
       span that keeps phrases whole (class "phrases", see the CSS; a
       space inside a phrase, as in ISO/IEC 27017, is a no-break space,
       which keep-all alone would break at); the
       plain title when the model has no companion.  libxslt's HTML
       output knows no wbr (it would close it: </wbr>), hence the text. -->
  <xsl:template name="phrased">
    <xsl:param name="node" select="/.."/>
    <xsl:param name="plain" select="$node/@title"/>
    <xsl:param name="wbr" select="$node/@title-wbr"/>
    <xsl:choose>
      <xsl:when test="$wbr">
        <span class="phrases">
          <xsl:call-template name="wbr"><xsl:with-param name="s" select="string($wbr)"/></xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$plain"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="wbr">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, $zwsp)">
        <xsl:value-of select="translate(substring-before($s, $zwsp), ' ', '&#160;')"/>
        <xsl:text disable-output-escaping="yes">&lt;wbr&gt;</xsl:text>
        <xsl:call-template name="wbr"><xsl:with-param name="s" select="substring-after($s, $zwsp)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($s, ' ', '&#160;')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==== sections, controls ========================================== -->

  <xsl:template name="heading">
    <xsl:param name="level"/>
    <xsl:param name="class"/>
    <xsl:element name="{concat('h', $level)}">
      <xsl:if test="$class">
        <xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="." mode="heading"/>
    </xsl:element>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="section | controls" mode="heading">
    <xsl:call-template name="phrased"><xsl:with-param name="node" select="."/></xsl:call-template>
  </xsl:template>

  <!-- Front and back matter: h2 at the top, one level deeper each time
       (h6 at most). -->
  <xsl:template match="section">
    <xsl:param name="level" select="2"/>
    <section id="{@id}">
      <xsl:call-template name="change-class"/>
      <xsl:value-of select="$nl"/>
      <xsl:call-template name="heading">
        <xsl:with-param name="level">
          <xsl:choose>
            <xsl:when test="$level > 6">6</xsl:when>
            <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:apply-templates select="*">
        <xsl:with-param name="level" select="$level + 1"/>
      </xsl:apply-templates>
    </section>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="controls">
    <section id="{@id}" class="controls">
      <xsl:value-of select="$nl"/>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="2"/>
      </xsl:call-template>
      <xsl:apply-templates select="chapter"/>
    </section>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="chapter">
    <section id="{@id}" class="chapter">
      <xsl:value-of select="$nl"/>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="3"/>
      </xsl:call-template>
      <xsl:apply-templates select="clause"/>
    </section>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="clause">
    <section id="{@id}" class="clause">
      <xsl:call-template name="change-class"><xsl:with-param name="class" select="'clause'"/></xsl:call-template>
      <xsl:value-of select="$nl"/>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="4"/>
      </xsl:call-template>
      <p class="control-line">
        <span class="control"><xsl:value-of select="control-line"/></span>
        <xsl:apply-templates select="." mode="changes"/>
        <xsl:if test="$newest/change[@target = current()/@id or contains(concat(' ', @targets, ' '), concat(' ', current()/@id, ' '))]">
          <xsl:text> </xsl:text>
          <a class="rev-mark" href="#{$newest/@id}"><xsl:value-of select="concat($newest/@version, ' で改定')"/></a>
        </xsl:if>
      </p>
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="*[not(self::control-line)]"/>
    </section>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ==== a reviewer's copy ============================================ -->

  <!-- The class of an element, with change-added or change-removed when
       a reviewer's copy marks it so. -->
  <xsl:template name="change-class">
    <xsl:param name="class" select="''"/>
    <xsl:if test="@change">
      <xsl:attribute name="class">
        <xsl:value-of select="normalize-space(concat($class, ' change-', @change))"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- After a clause's control number: its mark (「［追加］」), the title
       it had, and in a comparison where it is in the whitepaper. -->
  <xsl:template match="clause" mode="changes">
    <xsl:if test="@mark">
      <xsl:text> </xsl:text>
      <span class="change-mark"><xsl:value-of select="@mark"/></span>
    </xsl:if>
    <xsl:if test="@was-title">
      <xsl:text> </xsl:text>
      <del class="was-title"><xsl:value-of select="@was-title"/></del>
    </xsl:if>
    <xsl:if test="@href">
      <xsl:text> </xsl:text>
      <a class="in-whitepaper" href="{@href}">本文の該当箇所</a>
    </xsl:if>
  </xsl:template>

  <!-- What the marks mean, first in the text. -->
  <xsl:template match="legend">
    <aside class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title"><xsl:value-of select="@title"/></h2>
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="p"/>
    </aside>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ==== back matter ================================================= -->

  <xsl:template match="backmatter">
    <footer id="{@id}" class="backmatter">
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="section"/>
      <div class="colophon">
        <p class="colophon-title"><xsl:value-of select="colophon/title"/></p>
        <p><xsl:value-of select="colophon/publisher"/></p>
        <xsl:if test="colophon/document-number">
          <p><xsl:value-of select="colophon/document-number"/></p>
        </xsl:if>
      </div>
      <xsl:value-of select="$nl"/>
    </footer>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ==== blocks ====================================================== -->

  <xsl:template match="p">
    <p><xsl:call-template name="change-class"/><xsl:apply-templates/></p>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- A paragraph worded for paged output (「次頁以降」) is not for a web
       page: the variant after it is. -->
  <xsl:template match="p[@output = 'print']"/>
  <xsl:template match="variant[@output = 'web']"><xsl:apply-templates select="p"/></xsl:template>
  <xsl:template match="variant"/>

  <!-- Lists draw the model's own markers (li/@marker: 「1.」「a)」「・」
       「✓」), so the numbering is the model's, not the browser's. -->
  <xsl:template match="ol">
    <ol class="list list-{@style}">
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="li"/>
    </ol>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="ul">
    <ul class="list list-{@mark}">
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="li"/>
    </ul>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="li">
    <li>
      <xsl:call-template name="change-class"/>
      <span class="mk">
        <xsl:if test="parent::ul">
          <xsl:attribute name="aria-hidden">true</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="@marker"/>
      </span>
      <xsl:apply-templates select="node()[not(self::ol or self::ul)]"/>
      <xsl:apply-templates select="ol | ul"/>
    </li>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- A table in a box that scrolls sideways when the table is wider
       than the column (the page itself never does), with a cue that the
       CSS shows only then.  The box takes the keyboard, so that it can
       be scrolled without a mouse. -->
  <xsl:template name="table-wrap">
    <xsl:param name="table"/>
    <xsl:param name="label" select="'表'"/>
    <div class="table-wrap" tabindex="0" role="group" aria-label="{$label}">
      <p class="scroll-hint" aria-hidden="true">← 横にスクロールできます →</p>
      <xsl:copy-of select="$table"/>
    </div>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- Header rows: leading rows of th only.  A th in a row that has td
       heads its row. -->
  <xsl:template match="table">
    <xsl:call-template name="table-wrap">
      <xsl:with-param name="label">
        <xsl:choose>
          <xsl:when test="caption"><xsl:value-of select="normalize-space(caption)"/></xsl:when>
          <xsl:otherwise>表</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="table">
      <table class="content-table">
        <xsl:if test="@columns = 'equal'"><xsl:attribute name="class">content-table compare-table</xsl:attribute></xsl:if>
        <xsl:if test="caption">
          <caption><xsl:apply-templates select="caption/node()"/></caption>
        </xsl:if>
        <xsl:variable name="head" select="tr[not(td) and not(preceding-sibling::tr[td])]"/>
        <xsl:if test="$head">
          <thead><xsl:apply-templates select="$head"/></thead>
        </xsl:if>
        <tbody>
          <xsl:value-of select="$nl"/>
          <xsl:apply-templates select="tr[td or preceding-sibling::tr[td]]"/>
        </tbody>
      </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tr">
    <tr><xsl:call-template name="change-class"/><xsl:apply-templates select="th | td"/></tr>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="th | td">
    <xsl:element name="{local-name()}">
      <xsl:if test="self::th">
        <xsl:attribute name="scope">
          <xsl:choose>
            <xsl:when test="../td">row</xsl:when>
            <xsl:otherwise>col</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:copy-of select="@colspan"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ==== inline ====================================================== -->

  <xsl:template match="em"><em><xsl:apply-templates/></em></xsl:template>

  <xsl:template match="link">
    <a href="{@href}">
      <xsl:apply-templates/>
      <xsl:if test="not(node())"><xsl:value-of select="@href"/></xsl:if>
    </a>
  </xsl:template>

  <xsl:template match="xref">
    <a class="xref" href="#{@target}"><xsl:apply-templates/></a>
  </xsl:template>

  <xsl:template match="br"><br/></xsl:template>

  <!-- A reviewer's copy: text inserted and deleted (the CSS says so
       without colour too: underlined, struck through, and in words to a
       screen reader). -->
  <xsl:template match="ins"><ins><xsl:apply-templates/></ins></xsl:template>
  <xsl:template match="del"><del><xsl:apply-templates/></del></xsl:template>

  <xsl:template match="text()"><xsl:value-of select="."/></xsl:template>

  <!-- Inside a link (a change row that links to its clause): no nested
       links, the text only. -->
  <xsl:template match="em" mode="in-link"><em><xsl:apply-templates mode="in-link"/></em></xsl:template>
  <xsl:template match="link" mode="in-link">
    <xsl:apply-templates mode="in-link"/>
    <xsl:if test="not(node())"><xsl:value-of select="@href"/></xsl:if>
  </xsl:template>
  <xsl:template match="xref" mode="in-link"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="br" mode="in-link"><br/></xsl:template>
  <xsl:template match="ins" mode="in-link"><ins><xsl:apply-templates mode="in-link"/></ins></xsl:template>
  <xsl:template match="del" mode="in-link"><del><xsl:apply-templates mode="in-link"/></del></xsl:template>
  <xsl:template match="text()" mode="in-link"><xsl:value-of select="."/></xsl:template>

  <!-- ==== figures ===================================================== -->
  <!--
    Both figures are drawn from data as inline SVG in a 340-unit-wide
    viewBox (narrow enough that a 375 px screen shows it at about full
    size, so its 13 px text stays legible), scaled to the column by CSS.  SVG text
    does not wrap, so the layout estimates text widths: a character
    outside ASCII is 1 em, an ASCII one 0.62 em (generous for Noto Sans
    CJK), and long texts are broken into lines by the "wrap" template
    below.  The svg is role="img" with a title and a description that
    say the same as the drawing; the caption is real text in figcaption.
  -->

  <xsl:variable name="fig-w" select="340"/>

  <xsl:variable name="ascii"><xsl:text> !"#$%&amp;'()*+,-./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~</xsl:text></xsl:variable>
  <!-- Characters that may not start a line (JLReq cl-02..cl-07, cl-09..cl-11)
       and that may not end one (cl-01). -->
  <xsl:variable name="no-start">、。，．・：；？！）」』】〕〉》’”ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.:;!?)]}</xsl:variable>
  <xsl:variable name="no-end">（「『【〔〈《‘“([{</xsl:variable>
  <xsl:variable name="word">ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./-_:@</xsl:variable>

  <xsl:template match="figure">
    <xsl:variable name="name" select="concat(normalize-space(label), ' ', caption)"/>
    <figure id="{@id}" class="figure figure-{@kind}">
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="." mode="svg">
        <xsl:with-param name="name" select="$name"/>
      </xsl:apply-templates>
      <xsl:value-of select="$nl"/>
      <figcaption><xsl:value-of select="concat(label, caption)"/></figcaption>
      <xsl:value-of select="$nl"/>
    </figure>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- The svg element around a figure's drawing. -->
  <xsl:template name="svg">
    <xsl:param name="name"/>
    <xsl:param name="desc"/>
    <xsl:param name="height"/>
    <xsl:param name="body"/>
    <svg viewBox="0 0 {$fig-w} {$height}" width="{$fig-w}" height="{$height}"
         role="img" aria-labelledby="{@id}-t" aria-describedby="{@id}-d" font-size="13">
      <title id="{@id}-t"><xsl:value-of select="$name"/></title>
      <desc id="{@id}-d"><xsl:value-of select="$desc"/></desc>
      <xsl:copy-of select="$body"/>
    </svg>
  </xsl:template>

  <!-- ~~ the responsibility boundary ~~
       Layers top first; consecutive layers with the same owner-label form
       one group, headed by that label; between groups of different
       owners, a dashed line marks the boundary. -->

  <xsl:variable name="b-pad" select="12"/>      <!-- group's inner margin -->
  <xsl:variable name="b-head" select="30"/>     <!-- group's header band -->
  <xsl:variable name="b-gap" select="40"/>      <!-- between two groups -->
  <xsl:variable name="b-lgap" select="10"/>     <!-- between two layers -->
  <xsl:variable name="b-chip" select="30"/>     <!-- chip height -->
  <xsl:variable name="b-cgap" select="8"/>      <!-- between chips -->
  <xsl:variable name="b-cfs" select="13"/>      <!-- chip font size -->
  <xsl:variable name="b-inner" select="$fig-w - 4 * $b-pad"/>   <!-- chip row width -->

  <xsl:template match="figure[@kind = 'boundary']" mode="svg">
    <xsl:param name="name"/>
    <xsl:variable name="height">
      <xsl:call-template name="b-flow">
        <xsl:with-param name="ls" select="layer"/>
        <xsl:with-param name="y" select="0"/>
        <xsl:with-param name="measure" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="svg">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="height" select="$height"/>
      <xsl:with-param name="desc">
        <xsl:for-each select="layer">
          <xsl:value-of select="concat(@owner-label, '：', @label)"/>
          <xsl:if test="item">
            <xsl:text>（</xsl:text>
            <xsl:for-each select="item">
              <xsl:if test="position() > 1">、</xsl:if>
              <xsl:value-of select="."/>
            </xsl:for-each>
            <xsl:text>）</xsl:text>
          </xsl:if>
          <xsl:text>。</xsl:text>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="body">
        <xsl:call-template name="b-flow">
          <xsl:with-param name="ls" select="layer"/>
          <xsl:with-param name="y" select="0"/>
          <xsl:with-param name="measure" select="false()"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Lays out the layers $ls from $y down.  With $measure, outputs only
       the total height; otherwise the drawing. -->
  <xsl:template name="b-flow">
    <xsl:param name="ls"/>
    <xsl:param name="y"/>
    <xsl:param name="measure"/>
    <xsl:variable name="l" select="$ls[1]"/>
    <xsl:choose>
      <xsl:when test="not($l)">
        <xsl:if test="$measure"><xsl:value-of select="$y - $b-gap"/></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="starts" select="not($l/preceding-sibling::layer[1]/@owner-label = $l/@owner-label)"/>
        <xsl:variable name="ends" select="not($l/following-sibling::layer[1]/@owner-label = $l/@owner-label)"/>
        <xsl:variable name="top">
          <xsl:choose>
            <xsl:when test="$starts"><xsl:value-of select="$y + $b-head + $b-pad"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$y"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="h">
          <xsl:call-template name="b-layer-h"><xsl:with-param name="l" select="$l"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="next">
          <xsl:choose>
            <xsl:when test="$ends"><xsl:value-of select="$top + $h + $b-pad + $b-gap"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$top + $h + $b-lgap"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="not($measure)">
          <xsl:if test="$starts">
            <xsl:call-template name="b-group">
              <xsl:with-param name="l" select="$l"/>
              <xsl:with-param name="y" select="$y"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="b-layer">
            <xsl:with-param name="l" select="$l"/>
            <xsl:with-param name="y" select="$top"/>
            <xsl:with-param name="h" select="$h"/>
          </xsl:call-template>
          <xsl:if test="$ends and $l/following-sibling::layer[1]/@owner != $l/@owner">
            <xsl:variable name="ly" select="$top + $h + $b-pad + $b-gap div 2"/>
            <line class="f-boundary" x1="0" x2="{$fig-w}" y1="{$ly}" y2="{$ly}"
                  stroke-width="2" stroke-dasharray="8 5"/>
            <xsl:variable name="tw" select="(string-length($l/../caption) + 2) * 12"/>
            <rect class="f-ground" x="{($fig-w - $tw) div 2}" y="{$ly - 11}" width="{$tw}" height="22"/>
            <text class="f-boundary-text" x="{$fig-w div 2}" y="{$ly + 4.5}" text-anchor="middle" font-size="12"
                  font-weight="700"><xsl:value-of select="$l/../caption"/></text>
          </xsl:if>
        </xsl:if>
        <xsl:call-template name="b-flow">
          <xsl:with-param name="ls" select="$ls[position() > 1]"/>
          <xsl:with-param name="y" select="$next"/>
          <xsl:with-param name="measure" select="$measure"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A group's box and header band; its height is that of its layers. -->
  <xsl:template name="b-group">
    <xsl:param name="l"/>
    <xsl:param name="y"/>
    <xsl:variable name="lh">
      <xsl:call-template name="b-group-h"><xsl:with-param name="l" select="$l"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="h" select="$b-head + $b-pad + $lh + $b-pad"/>
    <rect class="f-{$l/@owner} f-box" x="1" y="{$y + 1}" width="{$fig-w - 2}" height="{$h - 2}" rx="6"
          stroke-width="1.5"/>
    <path class="f-{$l/@owner} f-band"
          d="M1 {$y + 7} a6 6 0 0 1 6 -6 h{$fig-w - 14} a6 6 0 0 1 6 6 v{$b-head - 6} h-{$fig-w - 2} z"/>
    <text class="f-on-band" x="{$b-pad}" y="{$y + 20}" font-size="14" font-weight="700">
      <xsl:value-of select="$l/@owner-label"/>
    </text>
  </xsl:template>

  <xsl:template name="b-group-h">
    <xsl:param name="l"/>
    <xsl:variable name="h">
      <xsl:call-template name="b-layer-h"><xsl:with-param name="l" select="$l"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="n" select="$l/following-sibling::layer[1]"/>
    <xsl:choose>
      <xsl:when test="$n/@owner-label = $l/@owner-label">
        <xsl:variable name="rest">
          <xsl:call-template name="b-group-h"><xsl:with-param name="l" select="$n"/></xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="$h + $b-lgap + $rest"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$h"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Chips a row: as many as the widest item allows, 1 to 4. -->
  <xsl:template name="b-cols">
    <xsl:param name="l"/>
    <xsl:variable name="em">
      <xsl:for-each select="$l/item">
        <xsl:sort data-type="number" order="descending"
                  select="string-length(translate(., $ascii, '')) + 0.62 * (string-length(.) - string-length(translate(., $ascii, '')))"/>
        <xsl:if test="position() = 1">
          <xsl:value-of select="string-length(translate(., $ascii, '')) + 0.62 * (string-length(.) - string-length(translate(., $ascii, '')))"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="c" select="floor(($b-inner + $b-cgap) div ($em * $b-cfs + 14 + $b-cgap))"/>
    <xsl:choose>
      <xsl:when test="$c &lt; 1 or string($c) = 'NaN'">1</xsl:when>
      <xsl:when test="$c > 4">4</xsl:when>
      <xsl:otherwise><xsl:value-of select="$c"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b-layer-h">
    <xsl:param name="l"/>
    <xsl:variable name="cols">
      <xsl:call-template name="b-cols"><xsl:with-param name="l" select="$l"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="rows" select="ceiling(count($l/item) div $cols)"/>
    <xsl:choose>
      <xsl:when test="$rows = 0">44</xsl:when>
      <xsl:otherwise><xsl:value-of select="40 + $rows * $b-chip + ($rows - 1) * $b-cgap + 12"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One layer: a white box with its label and its items as chips. -->
  <xsl:template name="b-layer">
    <xsl:param name="l"/>
    <xsl:param name="y"/>
    <xsl:param name="h"/>
    <xsl:variable name="cols">
      <xsl:call-template name="b-cols"><xsl:with-param name="l" select="$l"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="cw" select="($b-inner - ($cols - 1) * $b-cgap) div $cols"/>
    <rect class="f-{$l/@owner} f-layer" x="{$b-pad}" y="{$y}" width="{$fig-w - 2 * $b-pad}" height="{$h}" rx="4"/>
    <text class="f-ink" x="{2 * $b-pad}" y="{$y + 26}" font-size="15" font-weight="700">
      <xsl:value-of select="$l/@label"/>
    </text>
    <xsl:for-each select="$l/item">
      <xsl:variable name="i" select="position() - 1"/>
      <xsl:variable name="cx" select="2 * $b-pad + ($i mod $cols) * ($cw + $b-cgap)"/>
      <xsl:variable name="cy" select="$y + 40 + floor($i div $cols) * ($b-chip + $b-cgap)"/>
      <xsl:variable name="em" select="string-length(translate(., $ascii, '')) + 0.62 * (string-length(.) - string-length(translate(., $ascii, '')))"/>
      <rect class="f-{$l/@owner} f-chip" x="{$cx}" y="{$cy}" width="{$cw}" height="{$b-chip}" rx="3"/>
      <text class="f-ink" x="{$cx + $cw div 2}" y="{$cy + 19.5}" text-anchor="middle" font-size="{$b-cfs}">
        <!-- too long even for a full row: squeeze rather than overflow -->
        <xsl:if test="$em * $b-cfs > $cw - 12">
          <xsl:attribute name="textLength"><xsl:value-of select="$cw - 12"/></xsl:attribute>
          <xsl:attribute name="lengthAdjust">spacingAndGlyphs</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="."/>
      </text>
    </xsl:for-each>
  </xsl:template>

  <!-- ~~ the structure of ISO/IEC 27017 ~~
       The base standard at the bottom, the additions stacked on it (the
       first one directly on the base), each with its label and note. -->

  <xsl:variable name="s-gap" select="10"/>
  <xsl:variable name="s-text" select="$fig-w - 44"/>    <!-- text measure -->

  <xsl:template match="figure[@kind = 'structure']" mode="svg">
    <xsl:param name="name"/>
    <xsl:variable name="height">
      <xsl:call-template name="s-stack">
        <xsl:with-param name="bs" select="addition | base"/>
        <xsl:with-param name="y" select="0"/>
        <xsl:with-param name="measure" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="svg">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="height" select="$height"/>
      <xsl:with-param name="desc">
        <xsl:for-each select="base | addition">
          <xsl:value-of select="concat(@label, '：', @note, '。')"/>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="body">
        <xsl:call-template name="s-stack">
          <xsl:with-param name="bs" select="addition | base"/>
          <xsl:with-param name="y" select="0"/>
          <xsl:with-param name="measure" select="false()"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Draws the blocks $bs from the last (top) to the first, $y down. -->
  <xsl:template name="s-stack">
    <xsl:param name="bs"/>
    <xsl:param name="y"/>
    <xsl:param name="measure"/>
    <xsl:variable name="b" select="$bs[last()]"/>
    <xsl:choose>
      <xsl:when test="not($b)">
        <xsl:if test="$measure"><xsl:value-of select="$y - $s-gap"/></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="n1">
          <xsl:call-template name="wrap">
            <xsl:with-param name="s" select="$b/@label"/>
            <xsl:with-param name="max" select="$s-text div 15"/>
            <xsl:with-param name="count" select="true()"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="n2">
          <xsl:call-template name="wrap">
            <xsl:with-param name="s" select="$b/@note"/>
            <xsl:with-param name="max" select="$s-text div 13"/>
            <xsl:with-param name="count" select="true()"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="h" select="16 + $n1 * 22 + 6 + $n2 * 20 + 10"/>
        <xsl:if test="not($measure)">
          <xsl:variable name="base" select="boolean($b/self::base)"/>
          <rect class="f-{local-name($b)} f-box" x="1" y="{$y + 0.5}" width="{$fig-w - 2}" height="{$h - 1}" rx="5">
            <xsl:if test="not($base)">
              <xsl:attribute name="stroke-dasharray">6 4</xsl:attribute>
            </xsl:if>
          </rect>
          <rect class="f-{local-name($b)} f-band" x="1" y="{$y + 0.5}" width="8" height="{$h - 1}"/>
          <text class="f-ink" x="24" font-size="15" font-weight="700">
            <xsl:call-template name="wrap">
              <xsl:with-param name="s" select="$b/@label"/>
              <xsl:with-param name="max" select="$s-text div 15"/>
              <xsl:with-param name="x" select="24"/>
              <xsl:with-param name="y" select="$y + 16 + 15"/>
              <xsl:with-param name="lh" select="22"/>
            </xsl:call-template>
          </text>
          <text class="f-muted" x="24" font-size="13">
            <xsl:call-template name="wrap">
              <xsl:with-param name="s" select="$b/@note"/>
              <xsl:with-param name="max" select="$s-text div 13"/>
              <xsl:with-param name="x" select="24"/>
              <xsl:with-param name="y" select="$y + 16 + $n1 * 22 + 6 + 13"/>
              <xsl:with-param name="lh" select="20"/>
            </xsl:call-template>
          </text>
        </xsl:if>
        <xsl:call-template name="s-stack">
          <xsl:with-param name="bs" select="$bs[position() &lt; last()]"/>
          <xsl:with-param name="y" select="$y + $h + $s-gap"/>
          <xsl:with-param name="measure" select="$measure"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ~~ line breaking for SVG text ~~
       Breaks $s into lines of at most $max em: as many characters as fit,
       then moved back so that no line starts with a character of
       $no-start, none ends with one of $no-end, and no Latin word or
       number is split (all as long as the line keeps one character).
       With $count, outputs the number of lines; otherwise one tspan a
       line at $x, the first at $y, $lh apart. -->
  <xsl:template name="wrap">
    <xsl:param name="s"/>
    <xsl:param name="max"/>
    <xsl:param name="count" select="false()"/>
    <xsl:param name="x" select="0"/>
    <xsl:param name="y" select="0"/>
    <xsl:param name="lh" select="0"/>
    <!-- Balance the lines: with the measure that gives n lines, try the
         text's width over n (plus a little) so that the last line is not a
         lone word; keep it if it still gives n lines. -->
    <xsl:variable name="n">
      <xsl:call-template name="wrap-lines">
        <xsl:with-param name="s" select="$s"/>
        <xsl:with-param name="max" select="$max"/>
        <xsl:with-param name="count" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="a" select="string-length(translate($s, $ascii, ''))"/>
    <xsl:variable name="even" select="($a + 0.62 * (string-length($s) - $a)) div $n + 1.5"/>
    <xsl:variable name="n2">
      <xsl:call-template name="wrap-lines">
        <xsl:with-param name="s" select="$s"/>
        <xsl:with-param name="max" select="$even"/>
        <xsl:with-param name="count" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$count"><xsl:value-of select="$n"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="max">
            <xsl:choose>
              <xsl:when test="$n > 1 and $n2 = $n and $even &lt; $max"><xsl:value-of select="$even"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$max"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="x" select="$x"/>
          <xsl:with-param name="y" select="$y"/>
          <xsl:with-param name="lh" select="$lh"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="wrap-lines">
    <xsl:param name="s"/>
    <xsl:param name="max"/>
    <xsl:param name="count" select="false()"/>
    <xsl:param name="x" select="0"/>
    <xsl:param name="y" select="0"/>
    <xsl:param name="lh" select="0"/>
    <xsl:param name="n" select="0"/>
    <xsl:choose>
      <xsl:when test="$s = ''">
        <xsl:if test="$count"><xsl:value-of select="$n"/></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="fit">
          <xsl:call-template name="wrap-fit">
            <xsl:with-param name="s" select="$s"/>
            <xsl:with-param name="max" select="$max"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="k">
          <xsl:choose>
            <xsl:when test="$fit >= string-length($s)"><xsl:value-of select="$fit"/></xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="wrap-break">
                <xsl:with-param name="s" select="$s"/>
                <xsl:with-param name="k" select="$fit"/>
                <xsl:with-param name="fit" select="$fit"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="not($count)">
          <tspan x="{$x}" y="{$y + $n * $lh}"><xsl:value-of select="normalize-space(substring($s, 1, $k))"/></tspan>
        </xsl:if>
        <xsl:variable name="rest" select="substring($s, $k + 1)"/>
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="s">
            <xsl:choose>
              <xsl:when test="starts-with($rest, ' ')"><xsl:value-of select="substring($rest, 2)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="max" select="$max"/>
          <xsl:with-param name="count" select="$count"/>
          <xsl:with-param name="x" select="$x"/>
          <xsl:with-param name="y" select="$y"/>
          <xsl:with-param name="lh" select="$lh"/>
          <xsl:with-param name="n" select="$n + 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The longest prefix of $s (at least one character) within $max em.
       No character is wider than an em, so the first floor($max) fit
       whatever they are: the search starts there, not at one (it was
       most of this transform's time). -->
  <xsl:template name="wrap-fit">
    <xsl:param name="s"/>
    <xsl:param name="max"/>
    <xsl:param name="k" select="floor($max) + 1 - (floor($max) >= 1)"/>
    <xsl:variable name="t" select="substring($s, 1, $k + 1)"/>
    <xsl:variable name="a" select="string-length(translate($t, $ascii, ''))"/>
    <xsl:choose>
      <xsl:when test="$k >= string-length($s)"><xsl:value-of select="string-length($s)"/></xsl:when>
      <xsl:when test="$a + 0.62 * (string-length($t) - $a) > $max"><xsl:value-of select="$k"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap-fit">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="max" select="$max"/>
          <xsl:with-param name="k" select="$k + 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Moves a break after character $k back until it is allowed; $fit
       when none is. -->
  <xsl:template name="wrap-break">
    <xsl:param name="s"/>
    <xsl:param name="k"/>
    <xsl:param name="fit"/>
    <xsl:variable name="a" select="substring($s, $k, 1)"/>
    <xsl:variable name="b" select="substring($s, $k + 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$k &lt; 1"><xsl:value-of select="$fit"/></xsl:when>
      <xsl:when test="contains($no-start, $b) or contains($no-end, $a)
                      or (contains($word, $a) and contains($word, $b))">
        <xsl:call-template name="wrap-break">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="k" select="$k - 1"/>
          <xsl:with-param name="fit" select="$fit"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$k"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==== style ======================================================= -->
  <!--
    One stylesheet, inline.  Every colour is a variable, given once for
    the light scheme and once for the dark one (screen only: print stays
    light), the figures' too.  Light: body text #1f2328 on white 15.8:1,
    links #0b57a3 7.2:1 and 6.7:1 on the contents' tint, muted text
    #4f5965 7.1:1, white on the accent #1d4e89 8.4:1, the figures' white
    on #9a4a0b 6.3:1, red #b3261e 6.5:1, the change mark #8a3c00 on
    #fff3e0 7.0:1.  Dark: text #e6edf3 on #151a21 14.8:1, links #8cbcff
    9.0:1 (8.2:1 on the tint), muted #9ba7b4 7.1:1, #0d1117 on the accent
    #79aef2 8.3:1, the change mark #ffc58a on #3a2814 9.1:1, the figures'
    red #ff7b72 6.9:1.  Japanese text: strict line breaking, no word
    breaking, any break in an over-long run (a URL) rather than a wider
    page; headings that carry phrase breaks keep their phrases whole.
    Widths: one column up to 64rem, where the history folds and the
    contents list the chapters only; from 64rem the contents are a
    column of their own beside the text, in view while reading.
  -->
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
  --head-bg: #e9eef5;
  --paper: #fff;
  --paper-bg: #eceff3;
  --shadow: rgba(20, 30, 50, .12);
  --target: #fff5d1;
  --badge-ink: #173b66;
  --badge-bg: #e8eff8;
  --badge-line: #b8cbe3;
  --back-ink: #3a424c;
  --mark-ink: #8a3c00;
  --mark-bg: #fff3e0;
  --mark-line: #e9b87f;
  --shade: rgba(20, 30, 50, .28);
  /* figures */
  --f-ink: #1f2328;
  --f-muted: #3d444d;
  --f-ground: #fff;
  --f-on-band: #fff;
  --f-boundary: #b3261e;
  --f-customer-band: #9a4a0b;
  --f-customer-box: #fdf3ea;
  --f-customer-edge: #e0b48f;
  --f-customer-chip: #fbe8d8;
  --f-provider-band: #1d4e89;
  --f-provider-box: #edf3fa;
  --f-provider-edge: #a9bfdc;
  --f-provider-chip: #dde8f5;
  --f-base-band: #1d4e89;
  --f-base-box: #edf3fa;
  --f-addition-band: #1d6b60;
  --f-addition-box: #e9f5f2;
}
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
    --head-bg: #232c38;
    --paper: #151a21;
    --paper-bg: #0b0f14;
    --shadow: transparent;
    --target: #3d3417;
    --badge-ink: #c4d8f2;
    --badge-bg: #1c2a3c;
    --badge-line: #34506f;
    --back-ink: #b9c2cc;
    --mark-ink: #ffc58a;
    --mark-bg: #3a2814;
    --mark-line: #7a5326;
    --shade: rgba(0, 0, 0, .7);
    --f-ink: #e6edf3;
    --f-muted: #b6c0ca;
    --f-ground: #151a21;
    --f-on-band: #fff;
    --f-boundary: #ff7b72;
    --f-customer-box: #261c15;
    --f-customer-edge: #7d5231;
    --f-customer-chip: #382718;
    --f-provider-box: #141d29;
    --f-provider-edge: #3d5f89;
    --f-provider-chip: #1c2d42;
    --f-base-band: #3a78c2;
    --f-base-box: #141d29;
    --f-addition-band: #2a8c7e;
    --f-addition-box: #13221e;
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
main, .backmatter { max-width: 40rem; }
a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: .18em; overflow-wrap: anywhere; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible, .table-wrap:focus-visible, summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
p { margin: .9em 0; text-wrap: pretty; }
em { font-style: normal; font-weight: 700; }
.vh {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}

/* ways through the page: to the text, back to the top */
.skip {
  position: absolute; left: .5rem; top: .5rem; z-index: 10; padding: .5rem 1rem;
  background: var(--paper); color: var(--link); border: 2px solid var(--accent); border-radius: 4px; font-weight: 700;
}
.skip:not(:focus) {
  width: 1px; height: 1px; padding: 0; border: 0; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
.to-top {
  position: fixed; right: 1rem; bottom: 1rem; z-index: 5;
  display: flex; align-items: center; justify-content: center;
  width: 2.75rem; height: 2.75rem; border-radius: 50%;
  background: var(--accent); color: var(--on-accent); text-decoration: none;
  font-size: 1.25rem; font-weight: 700; line-height: 1;
  box-shadow: 0 1px 4px rgba(0, 0, 0, .3);
}
.to-top:hover { background: var(--accent-dark); }

/* headings; a title that carries phrase breaks (wbr) breaks only there,
   unless a phrase is wider than the line */
h1, h2, h3, h4, h5, h6 { line-height: 1.5; font-weight: 700; color: var(--heading); text-wrap: balance; }
.phrases { word-break: keep-all; overflow-wrap: anywhere; }
h1 { font-size: 1.75rem; margin: .4rem 0 1.25rem; letter-spacing: .01em; }
h2 {
  font-size: 1.375rem; margin: 3.5rem 0 1.25rem; padding-bottom: .4rem;
  border-bottom: 2px solid var(--accent);
}
h3 { font-size: 1.1875rem; margin: 2.75rem 0 1rem; padding: .1rem 0 .1rem .7rem; border-left: 5px solid var(--accent); }
h4 { font-size: 1.0625rem; margin: 2.25rem 0 .5rem; }
h5, h6 { font-size: 1rem; margin: 1.75rem 0 .5rem; }
.num { color: var(--accent); font-feature-settings: "tnum" 1; }
section { scroll-margin-top: 1rem; }
section:target > h2, section:target > h3, section:target > h4 { background: var(--target); }

/* cover */
.cover { padding-bottom: 1.75rem; border-bottom: 1px solid var(--line); }
.crumb { margin: 0 0 1rem; font-size: .875rem; }
.doc-kind {
  display: inline-block; margin: 0 0 .5rem; padding: .15rem .75rem;
  font-size: .8125rem; font-weight: 700; letter-spacing: .08em; line-height: 1.6;
  color: var(--accent); border: 1px solid var(--accent); border-radius: 2px;
}
.doc-meta {
  display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1.25rem;
  margin: 0 0 1.5rem; font-size: .9375rem; line-height: 1.7;
}
.doc-meta dt { color: var(--muted); }
.doc-meta dd { margin: 0; }
.download { margin: 0; text-align: left; }
.download a {
  display: inline-block; padding: .5rem 1.25rem; border-radius: 4px;
  background: var(--accent); color: var(--on-accent); font-weight: 700; font-size: .9375rem;
  text-decoration: none; line-height: 1.6;
}
.download a::before { content: "\2193\00a0"; }
.download .size { font-weight: 400; }
.download a:hover { background: var(--accent-dark); text-decoration: underline; }

/* tables: a table wider than its column scrolls in its box, which casts
   a shadow at the side that has more, and (where the browser can tell,
   scroll-state queries) says so above the table */
.table-wrap {
  margin: 1.25rem 0; overflow-x: auto; container-type: scroll-state;
  background:
    linear-gradient(to right, var(--paper) 30%, transparent) left center / 2rem 100% no-repeat local,
    linear-gradient(to left, var(--paper) 30%, transparent) right center / 2rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, var(--shade), transparent) left center / .75rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, var(--shade), transparent) right center / .75rem 100% no-repeat scroll;
}
.scroll-hint { display: none; position: sticky; left: 0; margin: 0 0 .35rem; font-size: .8125rem; line-height: 1.6; color: var(--muted); }
@container scroll-state(scrollable: inline) {
  .scroll-hint { display: block; }
}
table { width: 100%; border-collapse: collapse; font-size: .875rem; line-height: 1.65; }
caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 .4rem; }
th, td { padding: .5rem .65rem; border: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--head-bg); font-weight: 700; }
th[scope="row"] { background: var(--tint); }
/* A long URL in one cell must not squeeze the others to a character a
   line (any break is allowed in it, so the table cannot overflow). */
.content-table th, .content-table td { min-width: 5em; }
.history-table th, .history-table .h-version, .history-table .h-date { white-space: nowrap; }
.history-table th:nth-child(3) { white-space: normal; }
.history-table td.h-version { text-align: center; }
.history-table tr:target > td { background: var(--target); }
.changes { list-style: none; margin: 0; padding: 0; }
.changes li + li { margin-top: .3rem; }

/* the revision history, folded on a narrow screen */
.fold > summary {
  cursor: pointer; padding: .55rem .9rem; border: 1px solid var(--line); border-radius: 4px;
  background: var(--tint); color: var(--link); font-weight: 700; font-size: .9375rem; line-height: 1.6;
}
.fold[open] > summary { margin-bottom: .75rem; }
.fold > .table-wrap { margin-top: 0; }

/* table of contents */
.toc { margin: 2.5rem 0; padding: 1.25rem 1.75rem 1.5rem; background: var(--tint); border: 1px solid var(--line); border-radius: 4px; }
.toc h2 { margin: 0 0 .75rem; font-size: 1.125rem; border: 0; padding: 0; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc ol ol { padding-left: 1.25em; }
.toc li { margin: .2rem 0; line-height: 1.6; }
.toc > ol > li { margin-top: .5rem; font-weight: 700; }
.toc > ol > li li { font-weight: 400; }
.toc .toc-chapters > li { margin-top: .45rem; }
.toc .toc-clauses { font-size: .9375rem; }
.toc a { text-decoration: none; }
.toc a:hover { text-decoration: underline; }
/* numbered entries: the title hangs beside its number when it wraps */
.toc .toc-chapters a { display: inline-flex; gap: .35em; }
.toc .num { flex: none; min-width: 1.4em; }
.toc .toc-clauses .num { min-width: 2.2em; }
.toc-rev {
  flex: none; align-self: flex-start; margin-top: .2em; padding: 0 .35em; border-radius: 2px;
  font-size: .75rem; line-height: 1.5; font-weight: 700;
  color: var(--mark-ink); background: var(--mark-bg); border: 1px solid var(--mark-line);
}

/* controls */
.control-line { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .6rem; margin: .25rem 0 .9rem; text-align: left; }
.control-line .control, .rev-mark {
  display: inline-block; padding: .05rem .65rem; border-radius: 3px;
  font-size: .8125rem; line-height: 1.7; font-weight: 700; letter-spacing: .02em;
}
.control-line .control { color: var(--badge-ink); background: var(--badge-bg); border: 1px solid var(--badge-line); }
.rev-mark { color: var(--mark-ink); background: var(--mark-bg); border: 1px solid var(--mark-line); text-decoration: none; }
.rev-mark:hover { text-decoration: underline; }

/* lists, with the model's own markers */
.list { list-style: none; margin: .9em 0; padding: 0; }
.list .list { margin: .3em 0 .2em; }
.list > li { position: relative; margin: .3em 0; padding-left: 2.25em; }
.list > li > .mk { position: absolute; left: 0; width: 1.8em; text-align: right; font-feature-settings: "tnum" 1; }
.list-disc > li, .list-check > li { padding-left: 1.4em; }
.list-disc > li > .mk, .list-check > li > .mk { width: 1em; text-align: center; }
.list-check > li > .mk { color: var(--accent); font-weight: 700; }

/* figures: every colour from the variables above, so that they follow
   the scheme; the owner (or layer) class names the colours a shape
   takes from its role */
.figure { margin: 2rem 0; padding: 1.25rem 1rem 1rem; border: 1px solid var(--line); border-radius: 4px; text-align: center; }
.figure svg { display: block; width: 100%; max-width: 27rem; height: auto; margin: 0 auto; font-family: inherit; }
.f-customer { --band: var(--f-customer-band); --box: var(--f-customer-box); --edge: var(--f-customer-edge); --chip: var(--f-customer-chip); }
.f-provider { --band: var(--f-provider-band); --box: var(--f-provider-box); --edge: var(--f-provider-edge); --chip: var(--f-provider-chip); }
.f-base { --band: var(--f-base-band); --box: var(--f-base-box); }
.f-addition { --band: var(--f-addition-band); --box: var(--f-addition-box); }
.f-box { fill: var(--box); stroke: var(--band); }
.f-band { fill: var(--band); }
.f-layer { fill: var(--f-ground); stroke: var(--edge); }
.f-chip { fill: var(--chip); stroke: var(--edge); }
.f-ground { fill: var(--f-ground); }
.f-ink { fill: var(--f-ink); }
.f-muted { fill: var(--f-muted); }
.f-on-band { fill: var(--f-on-band); }
.f-boundary { stroke: var(--f-boundary); }
.f-boundary-text { fill: var(--f-boundary); }
figcaption { margin-top: .85rem; font-size: .9375rem; font-weight: 700; line-height: 1.6; }

/* back matter */
.backmatter { margin-top: 4rem; padding-top: .5rem; font-size: .875rem; color: var(--back-ink); }
.backmatter h2 { font-size: 1.125rem; margin-top: 1.5rem; }
.backmatter p { margin: .5em 0; text-align: left; }
.colophon { margin-top: 2rem; padding: 1rem 1.25rem; background: var(--tint); border-left: 4px solid var(--accent); }
.colophon p { margin: .15rem 0; }
.colophon .colophon-title { font-weight: 700; color: var(--ink); }

/* up to 64rem: one column, the contents before the history, which is
   folded; the contents list the parts and chapters, not every clause */
@media screen and (max-width: 63.99rem) {
  .toc .toc-clauses { display: none; }
}
@media (max-width: 52rem) {
  .page { margin: 0 auto; padding: 2rem 2rem 2.5rem; box-shadow: none; }
}
@media (max-width: 36rem) {
  body { background: var(--paper); }
  .page { padding: 1.25rem 1rem 2rem; }
  h1 { font-size: 1.375rem; }
  h2 { font-size: 1.25rem; margin-top: 2.75rem; }
  h3 { font-size: 1.125rem; }
  h4 { font-size: 1.0625rem; }
  .toc { margin: 2rem 0; padding: 1rem 1rem 1.25rem; }
  .toc ol ol { padding-left: .9em; }
  .figure { padding: .75rem .25rem; }
  th, td { padding: .4rem .45rem; }
}

/* from 64rem: the contents a column of their own, in view while the
   text scrolls (scrolling on their own when taller than the screen);
   the history open */
@media screen and (min-width: 64rem) {
  .page {
    display: grid; grid-template-columns: 17rem minmax(0, 40rem); column-gap: 3.5rem;
    max-width: 70rem; padding: 3rem 3.5rem 3.5rem; justify-content: center;
  }
  .cover { grid-column: 1 / -1; }
  .toc {
    grid-column: 1; grid-row: 2 / span 2; align-self: start;
    position: sticky; top: 0; max-height: 100vh; overflow-y: auto; overscroll-behavior: contain;
    margin: 0; padding: 2rem .75rem 2rem 0; background: none; border: 0; border-radius: 0;
    font-size: .875rem;
  }
  .toc h2 { font-size: 1rem; }
  .toc > ol > li { margin-top: .6rem; }
  .toc .toc-clauses { font-size: .8125rem; }
  .toc .toc-clauses .num { min-width: 2.4em; }
  main { grid-column: 2; grid-row: 2; }
  .backmatter { grid-column: 2; grid-row: 3; }
}
/* the history open where a browser can open a details element from CSS (one
   that cannot shows it folded, with its summary, rather than not at all) */
@supports selector(::details-content) {
  @media screen and (min-width: 64rem), print {
    .fold > summary { display: none; }
    .fold::details-content { content-visibility: visible; display: block; }
  }
}

/* print: A4, the document as on paper, light whatever the screen */
@media print {
  :root { color-scheme: light; }
  @page { size: A4; margin: 18mm 17mm 20mm; }
  body { background: #fff; font-size: 10.5pt; line-height: 1.75; }
  .page { max-width: none; margin: 0; padding: 0; border: 0; box-shadow: none; }
  main, .backmatter { max-width: none; }
  .download, .crumb, .skip, .to-top, .scroll-hint { display: none; }
  a { color: inherit; text-decoration: none; }
  .toc { background: none; border: 0; padding: 0; break-before: page; }
  .controls, .backmatter { break-before: page; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  .control-line { break-before: avoid; break-after: avoid; }
  figure, tr, .list > li, .changes li, .toc-clauses li, .colophon { break-inside: avoid; page-break-inside: avoid; }
  .history, .history + section { break-before: page; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; background: none; }
  .figure svg { max-width: 105mm; }
  section:target > h2, section:target > h3, section:target > h4 { background: none; }
}
</xsl:variable>

  <!-- A reviewer's copy (a redline, a comparison): what changed, told by
       more than its colour: inserted text underlined, deleted text
       struck through, a bar beside each paragraph or item that holds a
       change, and, to a screen reader, words where each starts and
       ends.  Only in pages of a model with changes-since: a whitepaper's
       page is as it was. -->
  <xsl:variable name="css-changes">
:root { --change: #b3261e; --change-bg: #fdf0ee; }
@media screen and (prefers-color-scheme: dark) {
  :root { --change: #ff9d94; --change-bg: #35201e; }
}
ins { color: var(--change); text-decoration: underline; text-decoration-thickness: .08em; text-underline-offset: .18em; }
del { color: var(--change); text-decoration: line-through; }
ins::before, ins::after, del::before, del::after {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
ins::before { content: "［追加ここから］"; }
ins::after { content: "［追加ここまで］"; }
del::before { content: "［削除ここから］"; }
del::after { content: "［削除ここまで］"; }
main p:has(ins, del), main .list > li:has(> ins, > del), .clause.change-added > h4, .clause.change-removed > h4, .history tr.change-added > td:first-child {
  border-left: 3px solid var(--change); margin-left: -.75rem; padding-left: calc(.75rem - 3px);
}
.change-mark { color: var(--change); font-weight: 700; }
.was-title { font-size: .9em; }
.history tr.change-added > td { background: var(--change-bg); }
.legend { border: 1px solid var(--change); border-radius: 4px; padding: .6rem 1rem; margin: 0 0 1.5rem; }
.legend h2 { font-size: 1rem; margin: 0 0 .3rem; border: 0; padding: 0; }
.legend p { margin: .15rem 0; }
.legend p { border-left: 0; margin-left: 0; padding-left: 0; }
.compare-table { table-layout: fixed; }
.compare-table th, .compare-table td { width: 50%; }
.in-whitepaper { font-size: .875rem; }
@media print {
  :root { --change: #b3261e; --change-bg: #fdf0ee; }
}
</xsl:variable>
</xsl:stylesheet>
