/*
 * compare: the comparison (新旧対照表) of a redline (redline.c), as a
 * document the typesetter and html.xsl read as they read a whitepaper:
 * the revisions the new version added, the legend (with what the
 * history check found), the contents, then each clause or section that
 * changed: its
 * heading, then a table 新 | 旧, a row a block that changed, each side
 * the block as that version has it, with its own marks (新 its
 * insertions, 旧 its deletions); a run of blocks kept between is one
 * row, 「（略）」.  Clauses only renumbered are left out (the legend says
 * how they moved).
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/alloc.h"
#include "diff/diff.h"
#include "diff/review.h"
#include "input/xml.h"
#include "model/model.h"

/* Which version a cell shows. */
enum side { NEW, OLD };

struct cmp {
	xmlDocPtr	 doc;		/* the comparison */
	const xmlNode	*words;		/* the settings' root */
	char		*label[2];	/* the columns' heads: 新, 旧 */
	char		*omitted;	/* 「（略）」 */
	const char	*href;		/* the whitepaper, or NULL */
};

static xmlNodePtr
elem(struct cmp *c, xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr	 n = xmlNewDocNode(c->doc, NULL, BAD_CAST name, NULL);

	if (text != NULL)
		xmlAddChild(n, xmlNewDocText(c->doc, BAD_CAST text));
	return parent != NULL ? xmlAddChild(parent, n) : n;
}

/* Whether a block or item is not in a version: added since OLD, or
 * removed from NEW. */
static int
absent(const xmlNode *n, enum side s)
{
	const char	*ch = wp_attr(n, "change");

	return ch != NULL && strcmp(ch, s == NEW ? "removed" : "added") == 0;
}

/*
 * Copies the inline content of a block into cell as one side has it:
 * the other side's marks dropped with what they hold, and a
 * cross-reference as its text (its clause may not be in the table).
 */
static void
side_inline(struct cmp *c, xmlNodePtr cell, const xmlNode *from, enum side s)
{
	const char	*drop = s == NEW ? "del" : "ins";

	for (const xmlNode *n = from->children; n != NULL; n = n->next) {
		xmlNodePtr k;
		if (n->type == XML_TEXT_NODE)
			xmlAddChild(cell, xmlNewDocText(c->doc, n->content));
		else if (n->type != XML_ELEMENT_NODE || wp_xml_is(n, drop) ||
		    wp_xml_is(n, "ol") || wp_xml_is(n, "ul"))
			continue;
		else if (wp_xml_is(n, "xref")) {
			char *t = wp_text_all(n);
			xmlAddChild(cell, xmlNewDocText(c->doc, BAD_CAST t));
			free(t);
		} else if (wp_xml_is(n, "br"))
			elem(c, cell, "br", NULL);
		else {
			k = elem(c, cell, (const char *)n->name, NULL);
			if (wp_attr(n, "href") != NULL)
				xmlSetProp(k, BAD_CAST "href",
				    BAD_CAST wp_attr(n, "href"));
			side_inline(c, k, n, s);
			/* markup round the other side's text only: gone with
			 * it (an empty link would show its address) */
			if (k->children == NULL && n->children != NULL) {
				xmlUnlinkNode(k);
				xmlFreeNode(k);
			}
		}
	}
}

static void
line_break(struct cmp *c, xmlNodePtr cell)
{
	if (cell->children != NULL)
		elem(c, cell, "br", NULL);
}

/* A list's items a line each: indent, marker (the old one on the old
 * side), text; the nested lists after their items. */
static void
side_list(struct cmp *c, xmlNodePtr cell, const xmlNode *list, enum side s,
    int depth)
{
	for (const xmlNode *li = list->children; li != NULL; li = li->next) {
		const char *mk;
		char *lead;
		if (!wp_xml_is(li, "li") || absent(li, s))
			continue;
		mk = s == OLD && wp_attr(li, "was") != NULL ?
		    wp_attr(li, "was") : wp_attr(li, "marker");
		line_break(c, cell);
		lead = g_strdup_printf("%*s%s ", 2 * depth, "", mk != NULL ?
		    mk : "");
		/* an item added or removed: its marker too */
		if (wp_attr(li, "change") != NULL)
			elem(c, cell, s == NEW ? "ins" : "del", lead);
		else
			xmlAddChild(cell, xmlNewDocText(c->doc, BAD_CAST lead));
		g_free(lead);
		side_inline(c, cell, li, s);
		for (const xmlNode *sub = li->children; sub; sub = sub->next)
			if ((wp_xml_is(sub, "ol") || wp_xml_is(sub, "ul")) &&
			    !absent(sub, s))
				side_list(c, cell, sub, s, depth + 1);
	}
}

/* A table's caption and rows a line each, cells between bars. */
static void
side_table(struct cmp *c, xmlNodePtr cell, const xmlNode *t, enum side s)
{
	for (const xmlNode *r = t->children; r != NULL; r = r->next) {
		int k = 0;
		if (absent(r, s) || !(wp_xml_is(r, "tr") ||
		    wp_xml_is(r, "caption")))
			continue;
		line_break(c, cell);
		if (wp_xml_is(r, "caption"))
			side_inline(c, cell, r, s);
		for (const xmlNode *d = r->children; d != NULL; d = d->next)
			if (wp_xml_is(d, "th") || wp_xml_is(d, "td")) {
				if (k++ > 0)
					xmlAddChild(cell, xmlNewDocText(c->doc,
					    BAD_CAST " | "));
				side_inline(c, cell, d, s);
			}
	}
}

/* One side of a block, into a cell. */
static void
side_block(struct cmp *c, xmlNodePtr cell, const xmlNode *b, enum side s)
{
	if (absent(b, s))
		return;
	if (wp_xml_is(b, "p"))
		side_inline(c, cell, b, s);
	else if (wp_xml_is(b, "ol") || wp_xml_is(b, "ul"))
		side_list(c, cell, b, s, 0);
	else if (wp_xml_is(b, "table"))
		side_table(c, cell, b, s);
}

static xmlNodePtr
table_new(struct cmp *c, xmlNodePtr parent)
{
	xmlNodePtr	 t = elem(c, parent, "table", NULL), tr;

	xmlSetProp(t, BAD_CAST "columns", BAD_CAST "equal");
	tr = elem(c, t, "tr", NULL);
	elem(c, tr, "th", c->label[NEW]);
	elem(c, tr, "th", c->label[OLD]);
	return t;
}

/* A row: the two sides of a block, or 「（略）」 for both (b NULL). */
static void
row(struct cmp *c, xmlNodePtr t, const xmlNode *b)
{
	xmlNodePtr	 tr = elem(c, t, "tr", NULL);

	for (int s = NEW; s <= OLD; s++) {
		xmlNodePtr td = elem(c, tr, "td", b == NULL ? c->omitted : NULL);
		if (b != NULL)
			side_block(c, td, b, (enum side)s);
	}
}

/*
 * The heading row of a clause renumbered or retitled: each side its
 * number and title, the changed characters marked.
 */
static void
heading_row(struct cmp *c, xmlNodePtr t, const xmlNode *cl)
{
	const char	*num = wp_attr(cl, "number"), *title = wp_attr(cl, "title");
	const char	*was = wp_attr(cl, "was"), *wt = wp_attr(cl, "was-title");
	char		*a, *b;
	xmlNodePtr	 nb, ob, tr;

	if (was == NULL && wt == NULL)
		return;
	a = g_strdup_printf("%s %s", was != NULL ? was : num,
	    wt != NULL ? wt : title);
	b = g_strdup_printf("%s %s", num, title);
	nb = elem(c, NULL, "p", b);
	ob = elem(c, NULL, "p", a);
	rl_mark_inline(nb, ob);
	tr = elem(c, t, "tr", NULL);
	side_inline(c, elem(c, tr, "td", NULL), nb, NEW);
	side_inline(c, elem(c, tr, "td", NULL), nb, OLD);
	xmlFreeNode(nb);
	xmlFreeNode(ob);
	g_free(a);
	g_free(b);
}

static int
is_block(const xmlNode *n)
{
	return wp_xml_is(n, "p") || wp_xml_is(n, "ol") || wp_xml_is(n, "ul") ||
	    wp_xml_is(n, "table");
}

/* The rows of a part's blocks (its sections and figures are not rows). */
static void
rows(struct cmp *c, xmlNodePtr t, const xmlNode *part)
{
	int	 kept = 0;

	for (const xmlNode *b = part->children; b != NULL; b = b->next) {
		if (!is_block(b))
			continue;
		if (!rl_marked(b)) {
			kept = 1;
			continue;
		}
		if (kept)
			row(c, t, NULL);
		kept = 0;
		row(c, t, b);
	}
	if (kept)
		row(c, t, NULL);
}

/* Copies the attributes of n named in names (NULL-terminated). */
static void
attrs(xmlNodePtr to, const xmlNode *n, const char *const *names)
{
	for (; *names != NULL; names++)
		if (wp_attr(n, *names) != NULL)
			xmlSetProp(to, BAD_CAST *names,
			    BAD_CAST wp_attr(n, *names));
}

static int
blocks_marked(const xmlNode *part)
{
	for (const xmlNode *b = part->children; b != NULL; b = b->next)
		if (is_block(b) && rl_marked(b))
			return 1;
	return 0;
}

/* A clause that changed: its heading, its control line, its table. */
static void
clause(struct cmp *c, xmlNodePtr ch, const xmlNode *cl)
{
	static const char *const names[] = { "id", "control", "number",
	    "title", "title-wbr", "src", "change", "mark", "was", "was-title",
	    NULL };
	xmlNodePtr	 n = elem(c, ch, "clause", NULL), t;

	attrs(n, cl, names);
	if (c->href != NULL && wp_attr(cl, "change") == NULL) {
		char *h = g_strdup_printf("%s#%s", c->href, wp_attr(cl, "id"));
		xmlSetProp(n, BAD_CAST "href", BAD_CAST h);
		g_free(h);
	}
	elem(c, n, "control-line",
	    wp_text_only(wp_xml_child(cl, "control-line")));
	t = table_new(c, n);
	heading_row(c, t, cl);
	rows(c, t, cl);
}

static void
controls(struct cmp *c, xmlNodePtr root, const xmlNode *ctl)
{
	static const char *const names[] = { "id", "clause", "number",
	    "label", "title", "title-wbr", "src", "change", "mark", NULL };
	xmlNodePtr	 n = NULL, ch;
	char		*title;

	for (const xmlNode *chap = ctl->children; chap; chap = chap->next) {
		if (!wp_xml_is(chap, "chapter"))
			continue;
		ch = NULL;
		for (const xmlNode *cl = chap->children; cl; cl = cl->next) {
			if (!wp_xml_is(cl, "clause") || !rl_marked(cl))
				continue;
			if (n == NULL) {
				n = elem(c, root, "controls", NULL);
				xmlSetProp(n, BAD_CAST "id", BAD_CAST "controls");
				title = rl_words(c->words, "comparison-kind",
				    NULL, NULL);
				xmlSetProp(n, BAD_CAST "title", BAD_CAST title);
				g_free(title);
			}
			if (ch == NULL) {
				ch = elem(c, n, "chapter", NULL);
				attrs(ch, chap, names);
			}
			clause(c, ch, cl);
		}
	}
}

/* A section that changed, as its heading and a table of its blocks,
 * then its sections that changed. */
static void
section(struct cmp *c, xmlNodePtr parent, const xmlNode *s)
{
	static const char *const names[] = { "id", "key", "title",
	    "title-wbr", "src", "change", "was-title", NULL };
	xmlNodePtr	 n;

	if (!rl_marked(s))
		return;
	n = elem(c, parent, "section", NULL);
	attrs(n, s, names);
	if (blocks_marked(s) || wp_attr(s, "was-title") != NULL) {
		xmlNodePtr t = table_new(c, n);
		rows(c, t, s);
	}
	for (const xmlNode *sub = s->children; sub != NULL; sub = sub->next)
		if (wp_xml_is(sub, "section"))
			section(c, n, sub);
}

/* ---- the document ------------------------------------------------------- */

/* The head of a column: 「新（第 1.7 版）」, from the settings. */
static char *
label(const struct cmp *c, const char *setting, const xmlDoc *m,
    const char *fallback)
{
	const char	*v = wp_model_meta(m, "version-label");

	return rl_words(c->words, setting, "version", v != NULL ? v :
	    fallback != NULL ? fallback : "");
}

/* The meta data of the redline, its title and kind the comparison's. */
static void
meta(struct cmp *c, xmlNodePtr root, const xmlNode *m)
{
	xmlNodePtr	 n = xmlDocCopyNode((xmlNodePtr)m, c->doc, 1), k;
	char		*w;

	xmlAddChild(root, n);
	if ((k = wp_xml_child(n, "title")) != NULL) {
		char *t = wp_text_all(k);
		w = rl_words(c->words, "comparison-title", "title", t);
		xmlNodeSetContent(k, BAD_CAST w);
		xmlUnsetProp(k, BAD_CAST "wbr");
		g_free(w);
		free(t);
	}
	if ((k = wp_xml_child(n, "document-kind")) != NULL) {
		w = rl_words(c->words, "comparison-kind", NULL, NULL);
		xmlNodeSetContent(k, BAD_CAST w);
		g_free(w);
	}
}

/* The history, with the revisions the new version added only. */
static void
history(struct cmp *c, xmlNodePtr root, const xmlNode *h)
{
	xmlNodePtr	 n = NULL;

	for (const xmlNode *r = h != NULL ? h->children : NULL; r; r = r->next)
		if (wp_xml_is(r, "revision") && wp_attr(r, "change") != NULL) {
			if (n == NULL) {
				n = xmlDocCopyNode((xmlNodePtr)h, c->doc, 2);
				xmlAddChild(root, n);
				xmlAddChild(n, xmlDocCopyNode(wp_xml_child(h,
				    "columns"), c->doc, 1));
			}
			xmlAddChild(n, xmlDocCopyNode((xmlNodePtr)r, c->doc, 1));
		}
}

/* The legend, then what the history check found, a line each. */
static void
legend(struct cmp *c, xmlNodePtr root, const xmlNode *lg,
    const struct wp_diff_note *notes, size_t n)
{
	xmlNodePtr	 l;

	if (lg == NULL)
		return;
	l = xmlAddChild(root, xmlDocCopyNode((xmlNodePtr)lg, c->doc, 1));
	if (n > 0) {
		char *w = rl_words(c->words, "comparison-findings", NULL, NULL);
		elem(c, l, "p", w);
		g_free(w);
	}
	for (size_t i = 0; i < n; i++) {
		char *t = wp_diff_note_text(&notes[i]);
		char *line = g_strdup_printf("・%s", t);
		elem(c, l, "p", line);
		g_free(line);
		free(t);
	}
}

xmlDocPtr
wp_comparison(const xmlDoc *redline, const xmlDoc *old, const xmlDoc *settings,
    const struct wp_diff_note *notes, size_t nnotes, const char *href)
{
	const xmlNode	*top = xmlDocGetRootElement(redline), *n;
	struct cmp	 c = { xmlNewDoc(BAD_CAST "1.0"),
			    xmlDocGetRootElement(settings), { NULL, NULL },
			    NULL, href };
	xmlNodePtr	 root = xmlNewDocNode(c.doc, NULL, BAD_CAST "document",
			    NULL);

	xmlDocSetRootElement(c.doc, root);
	xmlSetProp(root, BAD_CAST "service", BAD_CAST wp_attr(top, "service"));
	xmlSetProp(root, BAD_CAST "lang", BAD_CAST "ja");
	xmlSetProp(root, BAD_CAST "kind", BAD_CAST "comparison");
	xmlSetProp(root, BAD_CAST "changes-since",
	    BAD_CAST wp_attr(top, "changes-since"));
	c.label[NEW] = label(&c, "comparison-new", redline, NULL);
	c.label[OLD] = label(&c, "comparison-old", old,
	    wp_attr(top, "changes-since"));
	c.omitted = rl_words(c.words, "comparison-omitted", NULL, NULL);
	meta(&c, root, wp_xml_child(top, "meta"));
	history(&c, root, wp_xml_child(top, "history"));
	legend(&c, root, wp_xml_child(top, "legend"), notes, nnotes);
	/* the contents, of what changed: a long comparison is read by them */
	if (wp_xml_child(top, "toc") != NULL)
		xmlAddChild(root, xmlDocCopyNode(wp_xml_child(top, "toc"), c.doc,
		    1));
	for (n = top->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "section"))
			section(&c, root, n);
		else if (wp_xml_is(n, "controls"))
			controls(&c, root, n);
		else if (wp_xml_is(n, "backmatter"))
			for (const xmlNode *s = n->children; s; s = s->next)
				if (wp_xml_is(s, "section"))
					section(&c, root, s);
	g_free(c.label[NEW]);
	g_free(c.label[OLD]);
	g_free(c.omitted);
	return c.doc;
}
