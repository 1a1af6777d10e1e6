/*
 * diff: reads each model into lists of comparable items (meta fields,
 * revisions, front matter sections and figures, clauses), each with its
 * text flattened one block a line; aligns the lists by key, never by
 * position; and renders the entries that differ as text, coloured text
 * or HTML.  The revision-history check and `--rev` live here too.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xpath.h>

#include "chardiff.h"
#include "diag.h"
#include "diff.h"
#include "load.h"
#include "util.h"

/* The lists a model is read into, in report order. */
enum list {
	L_META,
	L_HISTORY,
	L_FRONT,		/* sections and figures, in document order */
	L_CLAUSES,
	L__MAX
};

static const char *const list_xpath[L__MAX] = {
	"/document/meta/*[not(self::version-label)]",	/* says version */
	"/document/history/revision",
	"/document//section | /document//figure",
	"/document/controls/chapter/clause",
};

/* One thing compared. */
struct item {
	enum list	 list;
	const char	*kind;		/* "clause", "section"...: for people */
	xmlNodePtr	 node;
	char		*key;		/* control, id, version or meta field */
	char		*number;	/* clause or figure number, or NULL */
	char		*title;		/* heading, or NULL */
	char		*text;		/* as read: a line a block */
	char		*written;	/* the same, with cross-references as
					   written (by control), not resolved */
};

struct items {
	struct item	*v;
	size_t		 n;
};

/* An item added, removed or changed: one entry of the report. */
struct entry {
	const struct item	*old, *new;	/* NULL if added or removed */
	unsigned		 what;		/* WP_DIFF_* */
	struct wp_chardiff	*title;		/* if retitled */
	struct wp_chardiff	*text;		/* if changed */
};

struct wp_diff {
	struct items	 old[L__MAX], new[L__MAX];
	struct entry	*e;
	size_t		 n;
};

/* ---- reading a model --------------------------------------------------- */

/* A string being built: open_memstream() grows it for us. */
struct str {
	FILE	*f;
	char	*s;
	size_t	 len;
};

static FILE *
str_open(struct str *b)
{
	b->s = NULL;
	if ((b->f = open_memstream(&b->s, &b->len)) == NULL) {
		fputs("wpgen: out of memory\n", stderr);
		abort();
	}
	return b->f;
}

static char *
str_close(struct str *b)
{
	if (fclose(b->f) != 0) {
		fputs("wpgen: out of memory\n", stderr);
		abort();
	}
	return b->s;
}

/* An attribute's value, or NULL; the caller frees. */
static char *
prop(xmlNodePtr n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, BAD_CAST name);
	char	*s;

	if (v == NULL)
		return NULL;
	s = wp_strdup((char *)v);
	xmlFree(v);
	return s;
}

static void
put_content(FILE *f, xmlNodePtr n)
{
	xmlChar	*v = xmlNodeGetContent(n);

	if (v != NULL)
		fputs((char *)v, f);
	xmlFree(v);
}

/*
 * Rich text.  Written, a cross-reference is its control number; read,
 * it is the number and title it resolved to, which change when its
 * target is renumbered.  A link shows its address when its text differs.
 */
static void
inlines(FILE *f, xmlNodePtr parent, int written)
{
	for (xmlNodePtr n = parent->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			fputs((const char *)n->content, f);
		else if (wp_xml_is(n, "em"))
			inlines(f, n, written);
		else if (wp_xml_is(n, "br"))
			fputc('\n', f);
		else if (wp_xml_is(n, "xref") && written) {
			char *c = prop(n, "control");
			fprintf(f, "<xref %s>", c != NULL ? c : "");
			free(c);
		} else if (wp_xml_is(n, "xref"))
			put_content(f, n);
		else if (wp_xml_is(n, "link")) {
			char *href = prop(n, "href");
			xmlChar *v = xmlNodeGetContent(n);
			fputs(v != NULL ? (char *)v : "", f);
			if (href != NULL && (v == NULL ||
			    strcmp((char *)v, href) != 0))
				fprintf(f, " <%s>", href);
			xmlFree(v);
			free(href);
		}
	}
}

static void blocks(FILE *, xmlNodePtr, int, int);

/* A list, as text.xsl writes it: indented by depth, with markers. */
static void
list(FILE *f, xmlNodePtr l, int written, int depth)
{
	for (xmlNodePtr li = l->children; li != NULL; li = li->next) {
		char *marker;
		if (!wp_xml_is(li, "li"))
			continue;
		marker = prop(li, "marker");
		fprintf(f, "%*s%s ", 2 * depth, "",
		    marker != NULL ? marker : "");
		free(marker);
		inlines(f, li, written);
		fputc('\n', f);
		blocks(f, li, written, depth + 1);
	}
}

static void
table(FILE *f, xmlNodePtr t, int written)
{
	int	 cells;

	for (xmlNodePtr r = t->children; r != NULL; r = r->next) {
		if (wp_xml_is(r, "caption")) {
			inlines(f, r, written);
			fputc('\n', f);
		}
		if (!wp_xml_is(r, "tr"))
			continue;
		cells = 0;
		for (xmlNodePtr c = r->children; c != NULL; c = c->next)
			if (wp_xml_is(c, "th") || wp_xml_is(c, "td")) {
				if (cells++ > 0)
					fputc('\t', f);
				inlines(f, c, written);
			}
		fputc('\n', f);
	}
}

/*
 * The blocks among parent's children, a line each (a list item or table
 * row a line); nested sections and figures are items of their own.
 */
static void
blocks(FILE *f, xmlNodePtr parent, int written, int depth)
{
	for (xmlNodePtr n = parent->children; n != NULL; n = n->next) {
		if (wp_xml_is(n, "p")) {
			inlines(f, n, written);
			fputc('\n', f);
		} else if (wp_xml_is(n, "ol") || wp_xml_is(n, "ul"))
			list(f, n, written, depth);
		else if (wp_xml_is(n, "table"))
			table(f, n, written);
	}
}

/* A figure's data, as text.xsl writes it: a line a layer or box. */
static void
figure(FILE *f, xmlNodePtr fig)
{
	for (xmlNodePtr n = fig->children; n != NULL; n = n->next) {
		char *a = NULL, *b = NULL;
		if (wp_xml_is(n, "layer")) {
			a = prop(n, "owner-label");
			b = prop(n, "label");
			fprintf(f, "[%s] %s", a != NULL ? a : "",
			    b != NULL ? b : "");
			for (xmlNodePtr i = n->children; i != NULL; i = i->next)
				if (wp_xml_is(i, "item")) {
					fputs(" / ", f);
					put_content(f, i);
				}
			fputc('\n', f);
		} else if (wp_xml_is(n, "base") || wp_xml_is(n, "addition")) {
			a = prop(n, "label");
			b = prop(n, "note");
			fprintf(f, "[%s] %s\n", a != NULL ? a : "",
			    b != NULL ? b : "");
		}
		free(a);
		free(b);
	}
}

/* A revision: its date, a line a change, then the remark. */
static void
revision(FILE *f, xmlNodePtr rev, int written)
{
	for (xmlNodePtr n = rev->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "date") || wp_xml_is(n, "change") || wp_xml_is(n, "remark")) {
			inlines(f, n, written);
			fputc('\n', f);
		}
}

static char *
flatten(const struct item *it, int written)
{
	struct str	 b;
	FILE		*f = str_open(&b);

	switch (it->list) {
	case L_META:
		put_content(f, it->node);
		break;
	case L_HISTORY:
		revision(f, it->node, written);
		break;
	case L_FRONT:
		if (wp_xml_is(it->node, "figure"))
			figure(f, it->node);
		else
			blocks(f, it->node, written, 0);
		break;
	case L_CLAUSES:
		blocks(f, it->node, written, 0);
		break;
	default:
		break;
	}
	return str_close(&b);
}

/* A figure's heading: its label and caption, "図1. 責任分界点". */
static char *
figure_title(xmlNodePtr fig)
{
	struct str	 b;
	FILE		*f = str_open(&b);

	for (xmlNodePtr n = fig->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "label") || wp_xml_is(n, "caption"))
			put_content(f, n);
	return str_close(&b);
}

static void
item_read(struct item *it, enum list l, xmlNodePtr n)
{
	it->list = l;
	it->node = n;
	switch (l) {
	case L_META:
		it->kind = "meta";
		it->key = wp_strdup((const char *)n->name);
		break;
	case L_HISTORY:
		it->kind = "revision";
		it->key = prop(n, "version");
		break;
	case L_FRONT:
		it->key = prop(n, "id");
		if (wp_xml_is(n, "figure")) {
			it->kind = "figure";
			it->number = prop(n, "number");
			it->title = figure_title(n);
		} else {
			it->kind = "section";
			it->title = prop(n, "title");
		}
		break;
	case L_CLAUSES:
		it->kind = "clause";
		it->key = prop(n, "control");
		it->number = prop(n, "number");
		it->title = prop(n, "title");
		break;
	default:
		break;
	}
	if (it->key == NULL)
		it->key = wp_strdup("");
	it->text = flatten(it, 0);
	it->written = flatten(it, 1);
}

static void
items_read(struct items *v, enum list l, xmlDocPtr doc)
{
	xmlXPathContextPtr	 ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr	 o = NULL;
	xmlNodeSetPtr		 set;

	v->v = NULL;
	v->n = 0;
	if (ctx != NULL)
		o = xmlXPathEvalExpression(BAD_CAST list_xpath[l], ctx);
	set = o != NULL ? o->nodesetval : NULL;
	if (set != NULL && set->nodeNr > 0) {
		v->v = wp_calloc((size_t)set->nodeNr, sizeof(*v->v));
		for (int i = 0; i < set->nodeNr; i++)
			if (set->nodeTab[i]->type == XML_ELEMENT_NODE)
				item_read(&v->v[v->n++], l, set->nodeTab[i]);
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
}

static void
items_free(struct items *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].key);
		free(v->v[i].number);
		free(v->v[i].title);
		free(v->v[i].text);
		free(v->v[i].written);
	}
	free(v->v);
}

/* ---- comparing -------------------------------------------------------- */

static long
find(const struct items *v, const char *key)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i].key, key) == 0)
			return (long)i;
	return -1;
}

static int
same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static struct wp_chardiff *
chardiff(const char *a, const char *b)
{
	a = a != NULL ? a : "";
	b = b != NULL ? b : "";
	return wp_chardiff(a, strlen(a), b, strlen(b), 0);
}

/* Adds an entry for old and new (either NULL) if they differ. */
static void
add(struct wp_diff *d, const struct item *old, const struct item *new)
{
	struct entry	 e = { old, new, 0, NULL, NULL };

	if (old == NULL)
		e.what = WP_DIFF_ADDED;
	else if (new == NULL)
		e.what = WP_DIFF_REMOVED;
	else {
		if (!same(old->number, new->number))
			e.what |= WP_DIFF_RENUMBERED;
		if (!same(old->title, new->title)) {
			e.what |= WP_DIFF_RETITLED;
			e.title = chardiff(old->title, new->title);
		}
		if (strcmp(old->written, new->written) != 0)
			e.what |= WP_DIFF_CHANGED;
		else if (strcmp(old->text, new->text) != 0)
			e.what |= WP_DIFF_REFS;
		if (e.what & (WP_DIFF_CHANGED | WP_DIFF_REFS))
			e.text = chardiff(old->text, new->text);
	}
	if (e.what != 0)
		d->e[d->n++] = e;
}

/* Reports the items of old from *r up to limit that new has not. */
static void
removed(struct wp_diff *d, const struct items *old, const struct items *new,
    size_t *r, size_t limit)
{
	for (; *r < limit; (*r)++)
		if (find(new, old->v[*r].key) < 0)
			add(d, &old->v[*r], NULL);
}

/*
 * Pairs the items of old and new by key.  Entries follow new's order;
 * an item only old has comes where it stood, before what new added in
 * its place (as diff(1) puts deletions first).
 */
static void
align(struct wp_diff *d, const struct items *old, const struct items *new)
{
	size_t	 r = 0, j, next;
	long	 k = -1;

	for (j = 0; j < new->n; j++) {
		/* The next item both have: removals before it go first. */
		for (next = j; next < new->n &&
		    (k = find(old, new->v[next].key)) < 0; next++)
			;
		removed(d, old, new, &r, next < new->n ? (size_t)k : old->n);
		for (; j < next; j++)
			add(d, NULL, &new->v[j]);
		if (j < new->n)
			add(d, &old->v[k], &new->v[j]);
	}
	removed(d, old, new, &r, old->n);
}

struct wp_diff *
wp_diff_new(xmlDocPtr old, xmlDocPtr new)
{
	struct wp_diff	*d = wp_calloc(1, sizeof(*d));
	size_t		 most = 0;

	for (int l = 0; l < L__MAX; l++) {
		items_read(&d->old[l], l, old);
		items_read(&d->new[l], l, new);
		most += d->old[l].n + d->new[l].n;
	}
	d->e = wp_calloc(most, sizeof(*d->e));
	for (int l = 0; l < L__MAX; l++)
		align(d, &d->old[l], &d->new[l]);
	return d;
}

void
wp_diff_free(struct wp_diff *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n; i++) {
		wp_chardiff_free(d->e[i].title);
		wp_chardiff_free(d->e[i].text);
	}
	free(d->e);
	for (int l = 0; l < L__MAX; l++) {
		items_free(&d->old[l]);
		items_free(&d->new[l]);
	}
	free(d);
}

int
wp_diff_differs(const struct wp_diff *d)
{
	return d->n > 0;
}

static const struct item *
either(const struct entry *e)
{
	return e->new != NULL ? e->new : e->old;
}

static const struct entry *
clause_entry(const struct wp_diff *d, const char *control)
{
	for (size_t i = 0; i < d->n; i++)
		if (either(&d->e[i])->list == L_CLAUSES &&
		    strcmp(either(&d->e[i])->key, control) == 0)
			return &d->e[i];
	return NULL;
}

unsigned
wp_diff_clause(const struct wp_diff *d, const char *control)
{
	const struct entry	*e = clause_entry(d, control);

	return e != NULL ? e->what : 0;
}

/* ---- the text report -------------------------------------------------- */

/* How the text report marks things: wdiff's brackets, or ANSI colours. */
struct marks {
	const char	*head, *head_end;	/* an entry's first line */
	const char	*del, *del_end;		/* deleted text */
	const char	*ins, *ins_end;		/* inserted text */
	const char	*old, *old_end;		/* a whole old value */
	const char	*new, *new_end;		/* a whole new value */
};

static const struct marks plain_marks = {
	"", "", "[-", "-]", "{+", "+}", "", "", "", ""
};

static const struct marks color_marks = {
	"\033[1m", "\033[m", "\033[31m", "\033[m", "\033[32m", "\033[m",
	"\033[31m", "\033[m", "\033[32m", "\033[m"
};

/* The entry's heading: " (2.1 情報セキュリティの役割及び責任)". */
static void
heading(FILE *f, const struct item *it)
{
	if (it->title == NULL)
		return;
	if (it->list == L_CLAUSES && it->number != NULL)
		fprintf(f, " (%s %s)", it->number, it->title);
	else
		fprintf(f, " (%s)", it->title);
}

static void
facts(FILE *f, const struct entry *e)
{
	const char	*sep = "";

	if (e->what & WP_DIFF_ADDED) {
		fputs("added", f);
		sep = ", ";
	}
	if (e->what & WP_DIFF_REMOVED) {
		fputs("removed", f);
		sep = ", ";
	}
	if (e->what & WP_DIFF_RENUMBERED) {
		fprintf(f, "%srenumbered from %s", sep, e->old->number);
		sep = ", ";
	}
	if (e->what & WP_DIFF_RETITLED) {
		fprintf(f, "%sretitled", sep);
		sep = ", ";
	}
	if (e->what & WP_DIFF_CHANGED)
		fprintf(f, "%schanged", sep);
	if (e->what & WP_DIFF_REFS)
		fprintf(f, "%sreferences updated", sep);
}

/*
 * One line of the combined old and new text, built until its end is
 * known, then written if it holds an edit.
 */
struct line {
	struct str		 b;
	const struct marks	*mk;
	enum wp_cd_op		 cur;		/* the mark left open */
	int			 has[3];	/* by enum wp_cd_op */
};

static void
line_open(struct line *l, const struct marks *mk)
{
	str_open(&l->b);
	l->mk = mk;
	l->cur = CD_EQUAL;
	memset(l->has, 0, sizeof(l->has));
}

/* The mark that opens, or closes, text that op was done to. */
static const char *
mark(const struct marks *mk, enum wp_cd_op op, int end)
{
	if (op == CD_DELETE)
		return end ? mk->del_end : mk->del;
	if (op == CD_INSERT)
		return end ? mk->ins_end : mk->ins;
	return "";
}

/* Adds text with op, opening and closing marks only where op changes. */
static void
line_put(struct line *l, enum wp_cd_op op, const char *s, size_t n)
{
	if (op != l->cur) {
		fputs(mark(l->mk, l->cur, 1), l->b.f);
		fputs(mark(l->mk, op, 0), l->b.f);
		l->cur = op;
	}
	fwrite(s, 1, n, l->b.f);
	l->has[op] = 1;
}

static void
line_close(struct line *l, FILE *out)
{
	char	*s;

	line_put(l, CD_EQUAL, "", 0);
	s = str_close(&l->b);
	if (l->has[CD_DELETE] || l->has[CD_INSERT])
		fprintf(out, "  %s\n", s);
	free(s);
}

/*
 * The lines of a diff that hold an edit, each whole with its edits
 * marked.  A line break that was deleted or inserted ends the line only
 * where the line is all deleted or all inserted (a paragraph removed or
 * added); inside a line it shows as ↵.
 */
static void
changed_lines(FILE *out, const struct wp_chardiff *cd, const struct marks *mk)
{
	struct line	 l;

	line_open(&l, mk);
	for (size_t i = 0; i < cd->n; i++) {
		const struct wp_cd_span *sp = &cd->span[i];
		const char *p = sp->text, *end = p + sp->len, *nl;
		enum wp_cd_op other = sp->op == CD_DELETE ? CD_INSERT :
		    CD_DELETE;
		while (p < end) {
			nl = memchr(p, '\n', (size_t)(end - p));
			if (nl == NULL)
				nl = end;
			if (nl > p)
				line_put(&l, sp->op, p, (size_t)(nl - p));
			if (nl == end)
				break;
			p = nl + 1;
			if (sp->op == CD_EQUAL ||
			    (!l.has[CD_EQUAL] && !l.has[other])) {
				l.has[sp->op] |= sp->op != CD_EQUAL;
				line_close(&l, out);
				line_open(&l, mk);
			} else
				line_put(&l, sp->op, "\xe2\x86\xb5", 3);
		}
	}
	line_close(&l, out);
}

/* A one-line diff (a title) with its edits marked. */
static void
inline_diff(FILE *out, const struct wp_chardiff *cd, const struct marks *mk)
{
	for (size_t i = 0; i < cd->n; i++)
		fprintf(out, "%s%s%s", mark(mk, cd->span[i].op, 0),
		    cd->span[i].text, mark(mk, cd->span[i].op, 1));
}

/* Every line of text, marked as inserted or deleted. */
static void
whole_lines(FILE *out, const char *text, const char *mark, const char *end)
{
	size_t	 n;

	for (; *text != '\0'; text += n + (text[n] == '\n')) {
		n = strcspn(text, "\n");
		fprintf(out, "  %s%.*s%s\n", mark, (int)n, text, end);
	}
}

static void
text_entry(FILE *f, const struct entry *e, const struct marks *mk)
{
	const struct item	*it = either(e);

	if (it->list == L_META) {
		fprintf(f, "%smeta %s:%s %s%s%s -> %s%s%s\n", mk->head, it->key,
		    mk->head_end, mk->old, e->old != NULL ? e->old->text :
		    "(none)", mk->old_end, mk->new, e->new != NULL ?
		    e->new->text : "(none)", mk->new_end);
		return;
	}
	fprintf(f, "%s%s %s", mk->head, it->kind, it->key);
	heading(f, it);
	fputs(": ", f);
	facts(f, e);
	fprintf(f, "%s\n", mk->head_end);
	if (e->what & WP_DIFF_RETITLED) {
		fputs("  title: ", f);
		inline_diff(f, e->title, mk);
		fputc('\n', f);
	}
	if (e->what & WP_DIFF_ADDED)
		whole_lines(f, e->new->text, mk->ins, mk->ins_end);
	else if (e->what & WP_DIFF_REMOVED)
		whole_lines(f, e->old->text, mk->del, mk->del_end);
	else if (e->text != NULL)
		changed_lines(f, e->text, mk);
}

static void
text_write(const struct wp_diff *d, const struct wp_diff_opts *o, FILE *f)
{
	const struct marks	*mk = o->format == WP_DIFF_COLOR ?
				    &color_marks : &plain_marks;

	if (d->n == 0)
		return;
	fprintf(f, "%s--- %s\n+++ %s%s\n", mk->head,
	    o->old_label != NULL ? o->old_label : "old",
	    o->new_label != NULL ? o->new_label : "new", mk->head_end);
	for (size_t i = 0; i < d->n; i++)
		text_entry(f, &d->e[i], mk);
}

/* ---- the HTML report -------------------------------------------------- */

static void
html_esc(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		switch (s[i]) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		default:
			fputc(s[i], f);
			break;
		}
}

static void
html_str(FILE *f, const char *s)
{
	html_esc(f, s, strlen(s));
}

/*
 * One side of a diff: the equal spans and those of op, marked; or, if
 * both is set, every span (a title, read on one line).
 */
static void
html_side(FILE *f, const struct wp_chardiff *cd, enum wp_cd_op op, int both)
{
	for (size_t i = 0; i < cd->n; i++) {
		const struct wp_cd_span *sp = &cd->span[i];
		const char *tag = sp->op == CD_DELETE ? "del" : "ins";
		if (sp->op != CD_EQUAL && sp->op != op && !both)
			continue;
		if (sp->op != CD_EQUAL)
			fprintf(f, "<%s>", tag);
		html_esc(f, sp->text, sp->len);
		if (sp->op != CD_EQUAL)
			fprintf(f, "</%s>", tag);
	}
}

static const char html_css[] =
"body{font-family:sans-serif;line-height:1.6;margin:1em auto;max-width:"
"80em;padding:0 1em;color:#222}\n"
"h1{font-size:1.4em}h2{font-size:1.1em;margin:1.5em 0 .5em;"
"border-bottom:1px solid #ccc}\n"
"code{font-size:.95em}\n"
".kind{color:#666;font-weight:normal}\n"
".sbs{display:grid;grid-template-columns:1fr 1fr;gap:1em}\n"
".sbs>div{white-space:pre-wrap;overflow-wrap:anywhere;background:#f8f8f8;"
"padding:.5em;border-radius:4px}\n"
".sbs h3{font-size:.85em;color:#666;margin:0 0 .3em;white-space:normal}\n"
"del{background:#fcc;color:#900;text-decoration:line-through}\n"
"ins{background:#cfc;color:#060;text-decoration:none}\n"
"@media (max-width:40em){.sbs{grid-template-columns:1fr}}\n";

/* Old and new side by side; an added or removed item has one side. */
static void
html_text(FILE *f, const struct entry *e, const struct wp_diff_opts *o)
{
	const char	*label[2] = {
		o->old_label != NULL ? o->old_label : "old",
		o->new_label != NULL ? o->new_label : "new"
	};

	fputs("<div class=\"sbs\">\n", f);
	for (int side = 0; side < 2; side++) {
		const struct item *it = side == 0 ? e->old : e->new;
		fputs("<div><h3>", f);
		html_str(f, label[side]);
		fputs("</h3>", f);
		if (e->text != NULL)
			html_side(f, e->text, side == 0 ? CD_DELETE : CD_INSERT,
			    0);
		else if (it != NULL) {
			const char *tag = side == 0 ? "del" : "ins";
			fprintf(f, "<%s>", tag);
			html_str(f, it->text);
			fprintf(f, "</%s>", tag);
		}
		fputs("</div>\n", f);
	}
	fputs("</div>\n", f);
}

static void
html_entry(FILE *f, const struct entry *e, const struct wp_diff_opts *o)
{
	const struct item	*it = either(e);
	struct str		 b;

	fprintf(f, "<section>\n<h2><span class=\"kind\">%s</span> ", it->kind);
	html_str(f, it->key);
	if (it->list == L_META) {
		fputs("</h2>\n<p>", f);
		if (e->old != NULL) {
			fputs("<del>", f);
			html_str(f, e->old->text);
			fputs("</del>", f);
		}
		fputs(" \xe2\x86\x92 ", f);
		if (e->new != NULL) {
			fputs("<ins>", f);
			html_str(f, e->new->text);
			fputs("</ins>", f);
		}
		fputs("</p>\n</section>\n", f);
		return;
	}
	str_open(&b);
	heading(b.f, it);
	fputs(": ", b.f);
	facts(b.f, e);
	html_str(f, str_close(&b));
	free(b.s);
	fputs("</h2>\n", f);
	if (e->what & WP_DIFF_RETITLED) {
		fputs("<p>title: ", f);
		html_side(f, e->title, CD_EQUAL, 1);
		fputs("</p>\n", f);
	}
	if (e->what & (WP_DIFF_ADDED | WP_DIFF_REMOVED | WP_DIFF_CHANGED |
	    WP_DIFF_REFS))
		html_text(f, e, o);
	fputs("</section>\n", f);
}

static void
html_write(const struct wp_diff *d, const struct wp_diff_opts *o, FILE *f)
{
	const char	*ol = o->old_label != NULL ? o->old_label : "old";
	const char	*nl = o->new_label != NULL ? o->new_label : "new";

	fputs("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>wpgen diff: ", f);
	html_str(f, ol);
	fputs(" \xe2\x86\x92 ", f);
	html_str(f, nl);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<h1>wpgen diff</h1>\n<p>old: <code>", html_css);
	html_str(f, ol);
	fputs("</code><br>new: <code>", f);
	html_str(f, nl);
	fputs("</code></p>\n", f);
	if (d->n == 0)
		fputs("<p>No differences.</p>\n", f);
	else
		fprintf(f, "<p>%zu difference%s.</p>\n", d->n,
		    d->n == 1 ? "" : "s");
	for (size_t i = 0; i < d->n; i++)
		html_entry(f, &d->e[i], o);
	fputs("</body>\n</html>\n", f);
}

int
wp_diff_write(const struct wp_diff *d, const struct wp_diff_opts *opts,
    FILE *out)
{
	static const struct wp_diff_opts	 defaults;
	const struct wp_diff_opts		*o = opts != NULL ? opts :
						    &defaults;

	if (o->format == WP_DIFF_HTML)
		html_write(d, o, out);
	else
		text_write(d, o, out);
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return d->n > 0;
}

int
wp_diff_models(xmlDocPtr old, xmlDocPtr new, const struct wp_diff_opts *opts,
    FILE *out)
{
	struct wp_diff	*d = wp_diff_new(old, new);
	int		 rc = wp_diff_write(d, opts, out);

	wp_diff_free(d);
	return rc;
}

/* ---- the revision-history check --------------------------------------- */

#define CLAUSE_EDITS	(WP_DIFF_ADDED | WP_DIFF_REMOVED | WP_DIFF_RETITLED | \
			 WP_DIFF_CHANGED)

static int
edited(const struct wp_diff *d, const char *control)
{
	return (wp_diff_clause(d, control) & CLAUSE_EDITS) != 0;
}

/* Does one of NEW's revisions since OLD name the clause? */
static int
named(const struct wp_diff *d, size_t fresh, const char *control)
{
	const struct items	*h = &d->new[L_HISTORY];
	int			 found = 0;

	for (size_t i = h->n - fresh; i < h->n && !found; i++)
		for (xmlNodePtr c = h->v[i].node->children; c != NULL &&
		    !found; c = c->next) {
			char *ctl = wp_xml_is(c, "change") ? prop(c, "control") : NULL;
			found = ctl != NULL && strcmp(ctl, control) == 0;
			free(ctl);
		}
	return found;
}

/* "2.1 情報セキュリティの役割及び責任", from NEW if it has the clause. */
static char *
clause_name(const struct wp_diff *d, const char *control)
{
	const struct item	*it = NULL;
	const struct entry	*e;
	long			 k;
	struct str		 b;

	if ((k = find(&d->new[L_CLAUSES], control)) >= 0)
		it = &d->new[L_CLAUSES].v[k];
	else if ((e = clause_entry(d, control)) != NULL)
		it = e->old;
	if (it == NULL)
		return NULL;
	str_open(&b);
	fprintf(b.f, "%s %s", it->number != NULL ? it->number : "",
	    it->title != NULL ? it->title : "");
	return str_close(&b);
}

/* The history check under way. */
struct check {
	const struct wp_diff	*d;
	const struct items	*h;		/* NEW's revisions */
	size_t			 fresh;		/* how many of the last are
						   not OLD's */
	struct wp_diff_note	*v;
	size_t			 n;
};

/* Adds a note located where the model says at came from ("file:line"). */
static struct wp_diff_note *
note(struct check *c, enum wp_diff_note_kind kind, xmlNodePtr at,
    const char *version, char *control)
{
	struct wp_diff_note	*n = &c->v[c->n++];
	char			*colon;

	n->kind = kind;
	n->file = prop(at, "src");
	if (n->file != NULL && (colon = strrchr(n->file, ':')) != NULL) {
		*colon = '\0';
		n->line = strtol(colon + 1, NULL, 10);
	}
	n->version = wp_strdup(version);
	n->control = control;
	n->clause = clause_name(c->d, control);
	n->what = wp_diff_clause(c->d, control);
	return n;
}

/* Clauses changed, yet NEW's newest revision is OLD's: one note. */
static void
stale(struct check *c)
{
	const struct items	*oh = &c->d->old[L_HISTORY];
	const struct item	*it;
	struct str		 ctls;
	size_t			 changed = 0;

	str_open(&ctls);
	for (size_t i = 0; i < c->d->n; i++) {
		it = either(&c->d->e[i]);
		if (it->list == L_CLAUSES && (c->d->e[i].what & CLAUSE_EDITS))
			fprintf(ctls.f, "%s%s", changed++ > 0 ? ", " : "",
			    it->key);
	}
	str_close(&ctls);
	if (changed > 0)
		note(c, WP_NOTE_STALE, c->h->v[c->h->n - 1].node,
		    oh->v[oh->n - 1].key, ctls.s);
	else
		free(ctls.s);
}

/* Each clause that changed and that no new revision names. */
static void
unlisted(struct check *c)
{
	const struct item	*newest = &c->h->v[c->h->n - 1], *it;

	for (size_t i = 0; i < c->d->n; i++) {
		it = either(&c->d->e[i]);
		if (it->list == L_CLAUSES && (c->d->e[i].what & CLAUSE_EDITS) &&
		    !named(c->d, c->fresh, it->key))
			note(c, WP_NOTE_UNLISTED, newest->node, newest->key,
			    wp_strdup(it->key));
	}
}

/* Each change of a new revision that names a clause that did not. */
static void
unchanged(struct check *c)
{
	for (size_t i = c->h->n - c->fresh; i < c->h->n; i++)
		for (xmlNodePtr ch = c->h->v[i].node->children; ch != NULL;
		    ch = ch->next) {
			char *ctl = wp_xml_is(ch, "change") ? prop(ch, "control") :
			    NULL;
			if (ctl != NULL && !edited(c->d, ctl))
				note(c, WP_NOTE_UNCHANGED, ch, c->h->v[i].key,
				    ctl);
			else
				free(ctl);
		}
}

size_t
wp_diff_check_history(const struct wp_diff *d, struct wp_diff_note **notes)
{
	struct check	 c = { d, &d->new[L_HISTORY], 0, NULL, 0 };
	size_t		 most = d->n + 1;

	*notes = NULL;
	if (c.h->n == 0)
		return 0;
	/* The revisions OLD has not: the last ones, versions increasing. */
	while (c.fresh < c.h->n &&
	    find(&d->old[L_HISTORY], c.h->v[c.h->n - 1 - c.fresh].key) < 0)
		c.fresh++;
	for (size_t i = c.h->n - c.fresh; i < c.h->n; i++)
		for (xmlNodePtr ch = c.h->v[i].node->children; ch != NULL;
		    ch = ch->next)
			most++;
	c.v = wp_calloc(most, sizeof(*c.v));
	if (c.fresh == 0)
		stale(&c);
	else {
		unlisted(&c);
		unchanged(&c);
	}
	if (c.n == 0)
		free(c.v);
	else
		*notes = c.v;
	return c.n;
}

void
wp_diff_notes_free(struct wp_diff_note *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].file);
		free(v[i].version);
		free(v[i].control);
		free(v[i].clause);
	}
	free(v);
}

static const char *
how(unsigned what)
{
	if (what & WP_DIFF_ADDED)
		return "was added";
	if (what & WP_DIFF_REMOVED)
		return "was removed";
	if (what & WP_DIFF_CHANGED)
		return "changed";
	return "was retitled";
}

size_t
wp_diff_report_history(const struct wp_diff_note *v, size_t n, int strict)
{
	enum wp_level level = strict ? WP_ERROR : WP_WARNING;

	for (size_t i = 0; i < n; i++) {
		const struct wp_diff_note *t = &v[i];
		switch (t->kind) {
		case WP_NOTE_UNLISTED:
			wp_msg_as(level, MSG_HISTORY_UNLISTED, t->file,
			    t->line, t->version, t->control,
			    t->clause != NULL ? t->clause : "?", how(t->what),
			    t->control);
			break;
		case WP_NOTE_UNCHANGED:
			wp_msg_as(level, MSG_HISTORY_UNCHANGED, t->file,
			    t->line, t->version, t->control,
			    t->clause != NULL ? t->clause :
			    "answered in neither version");
			break;
		case WP_NOTE_STALE:
			wp_msg_as(level, MSG_HISTORY_STALE, t->file, t->line,
			    t->version, t->control);
			break;
		}
	}
	return n;
}

/* ---- --rev: a folder as it was at a git revision ---------------------- */

/* What wp_service_load() reads from a content folder. */
static const char *const content_files[] = { "service.xml", "revisions.xml" };

/*
 * Runs "git -C dir cat-file op spec" (cat-file: the blob's bytes,
 * without a pager, textconv or filters) with its output into outfd
 * (-1: none) and the start of its error output in err.  Returns git's
 * exit status, or -1 if it could not be run.
 */
static int
git(const char *dir, const char *op, const char *spec, int outfd, char *err,
    size_t errlen)
{
	char	*argv[] = { "git", "-C", (char *)dir, "cat-file", (char *)op,
		    (char *)spec, NULL };
	char	 buf[512];
	size_t	 got = 0;
	ssize_t	 r;
	int	 ep[2], status;
	pid_t	 pid;

	err[0] = '\0';
	if (pipe(ep) == -1)
		return -1;
	if ((pid = fork()) == -1) {
		close(ep[0]);
		close(ep[1]);
		return -1;
	}
	if (pid == 0) {
		if (outfd == -1)
			outfd = open("/dev/null", O_WRONLY);
		if (outfd == -1 || dup2(outfd, STDOUT_FILENO) == -1 ||
		    dup2(ep[1], STDERR_FILENO) == -1)
			_exit(127);
		close(ep[0]);
		execvp(argv[0], argv);
		dprintf(STDERR_FILENO, "%s\n", strerror(errno));
		_exit(127);
	}
	close(ep[1]);
	while ((r = read(ep[0], buf, sizeof(buf))) != 0) {
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			break;
		if (got + 1 < errlen) {
			size_t k = (size_t)r < errlen - 1 - got ? (size_t)r :
			    errlen - 1 - got;
			memcpy(err + got, buf, k);
			err[got += k] = '\0';
		}
	}
	close(ep[0]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	err[strcspn(err, "\n")] = '\0';
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Writes dir/name at rev into sub/name; 0, or -1 after reporting. */
static int
fetch(const char *dir, const char *rev, const char *name, const char *sub,
    int required)
{
	char	 err[512], *spec, *path;
	int	 fd, rc = -1, st;

	spec = wp_malloc(strlen(rev) + strlen(name) + 4);
	sprintf(spec, "%s:./%s", rev, name);
	path = wp_path(sub, name);
	if (!required) {
		st = git(dir, "-e", spec, -1, err, sizeof(err));
		if (st == -1 || st == 127) {
			wp_msg(MSG_GIT_RUN, dir, 0, err[0] != '\0' ?
			    err : strerror(errno));
			goto out;
		}
		if (st != 0) {		/* not at that revision */
			rc = 0;
			goto out;
		}
	}
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1) {
		wp_msg(MSG_IO, path, 0, strerror(errno));
		goto out;
	}
	st = git(dir, "blob", spec, fd, err, sizeof(err));
	if (close(fd) == -1 && st == 0) {
		wp_msg(MSG_IO, path, 0, strerror(errno));
		goto out;
	}
	if (st != 0) {
		wp_msg(MSG_GIT, dir, 0, name, rev,
		    err[0] != '\0' ? err : "git failed");
		goto out;
	}
	rc = 0;
out:
	free(path);
	free(spec);
	return rc;
}

void
wp_diff_checkout_remove(char *path)
{
	char	*p, *slash;

	if (path == NULL)
		return;
	for (size_t i = 0; i < sizeof(content_files) / sizeof(*content_files);
	    i++) {
		p = wp_path(path, content_files[i]);
		unlink(p);
		free(p);
	}
	rmdir(path);
	if ((slash = strrchr(path, '/')) != NULL) {
		*slash = '\0';
		rmdir(path);
	}
	free(path);
}

char *
wp_diff_checkout(const char *dir, const char *rev)
{
	const char	*tmp = getenv("TMPDIR");
	char		*real = NULL, *base = NULL, *id = NULL, *sub = NULL;
	char		*result = NULL;

	/* A revision that git would read as an option, or a path. */
	if (rev[0] == '\0' || rev[0] == '-' || strchr(rev, ':') != NULL) {
		wp_msg(MSG_REV, NULL, 0, rev);
		return NULL;
	}
	/* The service id must match the folder's name: the real one. */
	if ((real = realpath(dir, NULL)) == NULL) {
		wp_msg(MSG_IO, dir, 0, strerror(errno));
		return NULL;
	}
	if (tmp == NULL || tmp[0] != '/')
		tmp = "/tmp";
	base = wp_path(tmp, "wpgen-rev.XXXXXX");
	if (mkdtemp(base) == NULL) {
		wp_msg(MSG_IO, base, 0, strerror(errno));
		goto out;
	}
	id = wp_basename(real);
	sub = wp_path(base, id);
	if (mkdir(sub, 0700) == -1) {
		wp_msg(MSG_IO, sub, 0, strerror(errno));
		rmdir(base);
		goto out;
	}
	if (fetch(dir, rev, content_files[0], sub, 1) == 0 &&
	    fetch(dir, rev, content_files[1], sub, 0) == 0) {
		result = sub;
		sub = NULL;
	} else {
		wp_diff_checkout_remove(sub);
		sub = NULL;
	}
out:
	free(sub);
	free(id);
	free(base);
	free(real);
	return result;
}
