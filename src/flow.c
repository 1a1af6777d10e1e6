/*
 * flow: walks the document model in order and turns each part into
 * boxes: the cover, the revision history, the contents, the sections,
 * the controls with their chapters and clauses, and the back matter.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "layoutint.h"
#include "util.h"

/* Between a list marker and its text: at most half an em (JLReq). */
#define MARKER_GAP	0.45
/* Between a heading's number and its title: a word space's worth, so
 * that no gap beside Japanese text passes half the body's em. */
#define NUMBER_GAP	0.35

static char *
text_of(xmlNodePtr n)
{
	xmlChar	*v = xmlNodeGetContent(n);
	char	*s = wp_strdup(v ? (const char *)v : "");

	xmlFree(v);
	return s;
}

static double
avail(const struct builder *b)
{
	return b->st->page_h - b->st->top - b->st->bottom;
}

/* ---- headings ------------------------------------------------------- */

/* A rule across a box at y; returns y. */
static double
rule_below(struct box *x, double y, double w, unsigned color, double lw)
{
	struct wp_item *r = item_add(x, ITEM_RULE);

	r->y = y;
	r->w = w;
	r->stroke = color;
	r->lw = lw;
	return y;
}

/*
 * A heading: its number in a column of its own, the title beside it
 * (wrapping under itself), a destination and a bookmark.  It keeps with
 * the first lines of what follows.
 */
static struct box *
heading(struct builder *b, enum wp_role role, const char *number,
    const char *title, const char *id, int mark, int new_page)
{
	const struct wp_text_style *ts = &b->st->text[role];
	struct setpara	 num, tit;
	struct box	*x;
	double		 col = 0, h;
	char		*full;
	int		 k;

	if (number != NULL) {
		if (set_text(b, &num, number, role, b->st->measure) == -1)
			return NULL;
		col = line_w(&num, 0) + ts->size * NUMBER_GAP;
	}
	if (set_text(b, &tit, title, role, b->st->measure - col) == -1)
		return NULL;
	/* a paragraph's last line kept with its heading's first lines
	 * does not keep with the next heading too */
	if (b->n > 0 && b->boxes[b->n - 1].line)
		b->boxes[b->n - 1].pb.keep = 0;
	b->keep_next = 0;
	x = box_new(b, ts->before);
	x->pb.new_page = new_page;
	x->pb.keep = 1;
	h = put_lines(x, &tit, col, 0);
	if (number != NULL) {
		/* the number and the first line are one line of text */
		char *first = line_text(&tit, 0);
		x->n = 0;
		if (set_entry(b, &num, role, number, first, col, NULL,
		    b->st->measure) == 0)
			put_line(x, &num, 0, 0, baseline(ts));
		g_free(first);
		for (k = 1; k < set_lines(&tit); k++)
			put_line(x, &tit, k, col, k * ts->pitch + baseline(ts));
	}
	if (role == ROLE_SECTION || role == ROLE_TOC_TITLE)
		h = rule_below(x, h + ts->size * 0.3, b->st->measure,
		    b->st->colors[COLOR_ACCENT], 1.2);
	else if (role == ROLE_CHAPTER)
		h = rule_below(x, h + ts->size * 0.15, b->st->measure,
		    b->st->colors[COLOR_RULE], 0.6);
	x->pb.h = h;
	full = number ? g_strdup_printf("%s %s", number, title) :
	    g_strdup(title);
	if (id != NULL)
		box_dest(x, id, mark, full);
	g_free(full);
	b->pending = ts->after;
	b->keep_next = b->st->keep_lines;
	return x;
}

/* ---- blocks ---------------------------------------------------------- */

static void blocks(struct builder *, xmlNodePtr, enum wp_role, int level);

static void
paragraph(struct builder *b, xmlNodePtr n, enum wp_role role, double x)
{
	struct wp_para	*p = wp_para_new();
	struct setpara	 sp;
	const struct wp_text_style *ts = &b->st->text[role];

	at_source(b, n);
	para_inline(p, n, 0, NULL);
	if (set_para(b, &sp, p, role, b->st->measure - x, ts->indent) == 0)
		add_lines(b, &sp, x);
}

static double
marker_column(struct builder *b, xmlNodePtr list)
{
	const struct wp_text_style *ts = &b->st->text[ROLE_LIST];
	double		 w = 0;
	xmlNodePtr	 li;
	struct setpara	 sp;

	if (wp_xml_is(list, "ul"))
		return ts->size * 1.3;
	for (li = list->children; li != NULL; li = li->next) {
		char *m;
		if (!wp_xml_is(li, "li"))
			continue;
		m = prop(li, "marker");
		if (set_text(b, &sp, m, ROLE_LIST, b->st->measure) == 0 &&
		    line_w(&sp, 0) > w)
			w = line_w(&sp, 0);
		free(m);
	}
	return w + ts->size * MARKER_GAP;
}

static void
list_marker(struct builder *b, struct box *x, xmlNodePtr list,
    xmlNodePtr li, double at, double col)
{
	const struct wp_text_style *ts = &b->st->text[ROLE_LIST];
	double		 base = baseline(ts), em = ts->size;
	struct wp_item	*it;
	struct setpara	 sp;
	char		*m;

	if (wp_xml_is(list, "ol")) {
		m = prop(li, "marker");
		if (set_text(b, &sp, m, ROLE_LIST, b->st->measure) == 0)
			put_line(x, &sp, 0, at + col - em * MARKER_GAP -
			    line_w(&sp, 0), base);
		free(m);
		return;
	}
	m = prop(list, "mark");
	if (strcmp(m, "check") == 0) {
		it = item_add(x, ITEM_CHECK);
		it->x = at + em * 0.1;
		it->y = base - em * 0.75;
		it->w = it->h = em * 0.75;
		it->stroke = b->st->colors[COLOR_ACCENT];
		it->lw = 1.1;
	} else {
		it = item_add(x, ITEM_DISC);
		it->x = at + em * 0.4;
		it->y = base - em * 0.36;
		it->w = em * (x->pb.h > 0 && strcmp(m, "disc") == 0 ? 0.14 : 0.14);
		it->fill = ts->color;
	}
	free(m);
}

static void
list(struct builder *b, xmlNodePtr n, double at)
{
	const struct wp_text_style *ts = &b->st->text[ROLE_LIST];
	double		 col = marker_column(b, n);
	xmlNodePtr	 li, sub;

	for (li = n->children; li != NULL; li = li->next) {
		struct wp_para	*p;
		struct setpara	 sp;
		size_t		 first = b->n;

		if (!wp_xml_is(li, "li"))
			continue;
		at_source(b, li);
		p = wp_para_new();
		para_inline(p, li, 0, NULL);
		if (set_para(b, &sp, p, ROLE_LIST, b->st->measure - at - col,
		    0) == -1)
			continue;
		add_lines(b, &sp, at + col);
		if (first < b->n)
			list_marker(b, &b->boxes[first], n, li, at, col);
		for (sub = li->children; sub != NULL; sub = sub->next)
			if (wp_xml_is(sub, "ol") || wp_xml_is(sub, "ul"))
				list(b, sub, at + col);
	}
	b->pending = ts->after + b->st->text[ROLE_BODY].after;
}

/* ---- tables ---------------------------------------------------------- */

struct cell {
	struct wp_para	*para;
	int		 span;
	int		 head;
};

/* Rules round one piece of a row: the cells' edges, top and bottom. */
static void
row_rules(struct builder *b, struct box *x, const struct cell *c, int nc,
    const double *colx, double h)
{
	struct wp_item	*it;
	int		 i, col;

	for (i = 0, col = 0; i <= nc; col += i < nc ? c[i].span : 0, i++) {
		it = item_add(x, ITEM_RULE);	/* left edges, then the right */
		it->x = colx[col];
		it->h = h;
		it->stroke = b->st->colors[COLOR_RULE];
		it->lw = 0.5;
		if (i == nc)
			break;
	}
	for (i = 0; i < 2; i++) {		/* top and bottom */
		it = item_add(x, ITEM_RULE);
		it->x = colx[0];
		it->y = i * h;
		it->w = colx[col] - colx[0];
		it->stroke = b->st->colors[COLOR_RULE];
		it->lw = 0.5;
	}
}

/*
 * One row: cells set at their columns' widths, shaded if a header,
 * ruled all round.  A row is not split across pages, unless it is
 * taller than a page: then it goes in pieces of as many lines as a page
 * holds, each ruled and each below the repeated header.  Returns the
 * (last) box of the row.
 */
static struct box *
table_row(struct builder *b, struct cell *c, int nc, const double *colx,
    int header)
{
	const struct wp_text_style *body = &b->st->text[ROLE_TABLE];
	double		 pad = body->size * 0.5, vpad = body->size * 0.35;
	double		 room = avail(b) - 2 * vpad - (header >= 0 ?
			    b->boxes[header].pb.h : 0);
	struct setpara	*sp = wp_calloc((size_t)nc, sizeof(*sp));
	struct box	*x = NULL;
	double		 h;
	int		 i, col, from, per, first, span, more = 1;

	for (i = 0, col = 0; i < nc; col += c[i].span, i++) {
		double w = colx[col + c[i].span] - colx[col] - 2 * pad;
		if (set_para(b, &sp[i], c[i].para, c[i].head ? ROLE_TABLE_HEAD :
		    ROLE_TABLE, w, 0) == -1) {
			free(sp);
			return NULL;
		}
	}
	per = (int)(room / body->pitch);
	if (per < 2)
		per = 2;
	/* the first piece of a tall row is half a page, so that it can
	 * start below a heading and the header row */
	first = 0;
	for (i = 0; i < nc; i++)
		if (set_lines(&sp[i]) > first)
			first = set_lines(&sp[i]);
	first = first > per ? per / 2 : per;
	for (from = 0; more; from += span) {
		span = from == 0 ? first : per;
		h = 0;
		more = 0;
		for (i = 0; i < nc; i++) {
			int n = set_lines(&sp[i]) - from;
			if (n > span)
				more = 1;
			n = n < 0 ? 0 : n > span ? span : n;
			if (n * sp[i].ts->pitch > h)
				h = n * sp[i].ts->pitch;
		}
		h += 2 * vpad;
		x = box_new(b, 0);
		x->pb.h = h;
		x->pb.header = header;
		for (i = 0, col = 0; i < nc; col += c[i].span, i++) {
			int k, n = set_lines(&sp[i]);
			if (c[i].head) {
				struct wp_item *it = item_add(x, ITEM_RECT);
				it->x = colx[col];
				it->w = colx[col + c[i].span] - colx[col];
				it->h = h;
				it->fill = b->st->colors[COLOR_SHADE];
			}
			for (k = from; k < n && k < from + span; k++)
				put_line(x, &sp[i], k, colx[col] + pad, vpad +
				    (k - from) * sp[i].ts->pitch +
				    baseline(sp[i].ts));
		}
		row_rules(b, x, c, nc, colx, h);
	}
	free(sp);
	return x;
}

/* Column edges from weights, across the measure. */
static double *
columns(const struct builder *b, const double *weight, int ncols)
{
	double	*colx = wp_calloc((size_t)ncols + 1, sizeof(*colx));
	double	 sum = 0;
	int	 i;

	for (i = 0; i < ncols; i++)
		sum += weight[i];
	for (i = 0; i < ncols; i++)
		colx[i + 1] = colx[i] + b->st->measure * weight[i] / sum;
	return colx;
}

static void
history(struct builder *b, xmlNodePtr n)
{
	static const double weight[] = { 9, 19, 52, 20 };
	xmlNodePtr	 cols = wp_xml_child(n, "columns"), c, rev;
	struct cell	 row[4];
	double		*colx = columns(b, weight, 4);
	char		*id = prop(n, "id"), *title = prop(n, "title");
	int		 i, hdr;

	at_source(b, n);
	heading(b, ROLE_SECTION, NULL, title, id, 1, 1);
	free(id);
	free(title);
	for (i = 0, c = cols->children; c != NULL; c = c->next) {
		if (!wp_xml_is(c, "column") || i == 4)
			continue;
		row[i].para = wp_para_new();
		para_inline(row[i].para, c, 0, NULL);
		row[i].span = 1;
		row[i++].head = 1;
	}
	if (table_row(b, row, i, colx, -1) == NULL)
		goto done;
	hdr = (int)b->n - 1;
	b->boxes[hdr].pb.keep = 1;
	for (rev = n->children; rev != NULL; rev = rev->next) {
		xmlNodePtr ch;
		int first = 1;
		if (!wp_xml_is(rev, "revision"))
			continue;
		at_source(b, rev);
		memset(row, 0, sizeof(row));
		for (i = 0; i < 4; i++) {
			row[i].para = wp_para_new();
			row[i].span = 1;
		}
		title = prop(rev, "version");
		wp_para_add(row[0].para, title, -1, 0, NULL);
		free(title);
		para_inline(row[1].para, wp_xml_child(rev, "date"), 0, NULL);
		for (ch = rev->children; ch != NULL; ch = ch->next) {
			char *t, *h;
			if (!wp_xml_is(ch, "change"))
				continue;
			if (!first)
				wp_para_add(row[2].para, "\xe2\x80\xa8", -1, 0,
				    NULL);
			first = 0;
			t = prop(ch, "target");
			h = t ? g_strconcat("#", t, NULL) : NULL;
			para_inline(row[2].para, ch, h ? RUN_LINK : 0, h);
			if (xmlHasProp(ch, BAD_CAST "renumbered")) {
				/* where the clause the row names is now */
				char *num = prop(ch, "number");
				char *ttl = prop(ch, "title");
				char *now = g_strdup_printf("（現在の %s %s）",
				    num, ttl);
				wp_para_add(row[2].para, now, -1, RUN_LINK, h);
				g_free(now);
				free(num);
				free(ttl);
			}
			g_free(h);
			free(t);
		}
		if ((ch = wp_xml_child(rev, "remark")) != NULL)
			para_inline(row[3].para, ch, 0, NULL);
		table_row(b, row, 4, colx, hdr);
	}
	b->pending = b->st->text[ROLE_BODY].size;
done:
	free(colx);
}

static void
content_table(struct builder *b, xmlNodePtr t)
{
	xmlNodePtr	 tr, c, cap = wp_xml_child(t, "caption");
	int		 ncols = 0, n, i, hdr = -1, body = 0;
	double		*weight, *colx;
	struct cell	*row;

	for (tr = t->children; tr != NULL; tr = tr->next) {
		if (!wp_xml_is(tr, "tr"))
			continue;
		for (n = 0, c = tr->children; c != NULL; c = c->next)
			if (wp_xml_is(c, "td") || wp_xml_is(c, "th")) {
				char *s = prop(c, "colspan");
				n += s ? atoi(s) : 1;
				free(s);
			}
		if (n > ncols)
			ncols = n;
	}
	at_source(b, t);
	weight = wp_calloc((size_t)ncols + 1, sizeof(*weight));
	for (i = 0; i < ncols; i++)
		weight[i] = 4;
	for (tr = t->children; tr != NULL; tr = tr->next) {
		if (!wp_xml_is(tr, "tr"))
			continue;
		for (i = 0, c = tr->children; c != NULL; c = c->next) {
			char *s;
			if (!wp_xml_is(c, "td") && !wp_xml_is(c, "th"))
				continue;
			s = text_of(c);
			if (i < ncols && (double)g_utf8_strlen(s, -1) > weight[i])
				weight[i] = fmin(40, g_utf8_strlen(s, -1));
			free(s);
			s = prop(c, "colspan");
			i += s ? atoi(s) : 1;
			free(s);
		}
	}
	colx = columns(b, weight, ncols);
	if (cap != NULL) {
		struct wp_para *p = wp_para_new();
		struct setpara sp;
		at_source(b, cap);
		para_inline(p, cap, 0, NULL);
		if (set_para(b, &sp, p, ROLE_CAPTION, b->st->measure, 0) == 0) {
			add_lines(b, &sp, 0);
			b->boxes[b->n - 1].pb.keep = 1;
			b->pending = 0;
		}
	}
	row = wp_calloc((size_t)ncols + 1, sizeof(*row));
	for (tr = t->children; tr != NULL; tr = tr->next) {
		int allhead = 1;
		struct box *x;
		if (!wp_xml_is(tr, "tr"))
			continue;
		at_source(b, tr);
		for (n = 0, c = tr->children; c != NULL; c = c->next) {
			char *s;
			if (!wp_xml_is(c, "td") && !wp_xml_is(c, "th"))
				continue;
			row[n].para = wp_para_new();
			para_inline(row[n].para, c, 0, NULL);
			s = prop(c, "colspan");
			row[n].span = s ? atoi(s) : 1;
			free(s);
			row[n].head = wp_xml_is(c, "th");
			allhead &= row[n].head;
			n++;
		}
		x = table_row(b, row, n, colx, allhead && !body ? -1 : hdr);
		if (x != NULL && allhead && !body) {
			x->pb.keep = 1;
			hdr = (int)b->n - 1;
		} else
			body = 1;
	}
	b->pending = b->st->text[ROLE_BODY].size;
	free(row);
	free(weight);
	free(colx);
}

/* ---- sections -------------------------------------------------------- */

static void
section(struct builder *b, xmlNodePtr n, int level, enum wp_role prole)
{
	char *id = prop(n, "id"), *title = prop(n, "title");

	at_source(b, n);
	heading(b, level == 1 ? ROLE_SECTION : ROLE_CHAPTER, NULL, title, id,
	    level, level == 1 && b->st->section_new_page);
	free(id);
	free(title);
	blocks(b, n, prole, level);
}

static void
blocks(struct builder *b, xmlNodePtr parent, enum wp_role prole, int level)
{
	xmlNodePtr n;

	for (n = parent->children; n != NULL && !b->failed; n = n->next) {
		if (wp_xml_is(n, "p"))
			paragraph(b, n, prole, 0);
		else if (wp_xml_is(n, "ol") || wp_xml_is(n, "ul"))
			list(b, n, b->st->text[ROLE_BODY].indent);
		else if (wp_xml_is(n, "table"))
			content_table(b, n);
		else if (wp_xml_is(n, "figure"))
			figure(b, n);
		else if (wp_xml_is(n, "section"))
			section(b, n, level + 1, prole);
	}
}

/* The control number as a tag under the clause heading. */
static void
control_line(struct builder *b, const char *line)
{
	struct setpara	 sp;
	struct box	*x;
	struct wp_item	*it;
	double		 pad;

	if (set_text(b, &sp, line, ROLE_LABEL, b->st->measure) == -1)
		return;
	pad = sp.ts->size * 0.5;
	x = box_new(b, 0);
	it = item_add(x, ITEM_RECT);
	it->w = line_w(&sp, 0) + 2 * pad;
	it->h = sp.ts->pitch;
	it->fill = b->st->colors[COLOR_SHADE];
	x->pb.h = put_lines(x, &sp, pad, 0);
	x->pb.keep = 1;
	b->pending = sp.ts->after;
}

static void
controls(struct builder *b, xmlNodePtr n)
{
	xmlNodePtr	 ch, cl;
	char		*id = prop(n, "id"), *title = prop(n, "title");

	heading(b, ROLE_SECTION, NULL, title, id, 1, b->st->section_new_page);
	free(id);
	free(title);
	for (ch = n->children; ch != NULL && !b->failed; ch = ch->next) {
		char *label;
		if (!wp_xml_is(ch, "chapter"))
			continue;
		at_source(b, ch);
		id = prop(ch, "id");
		title = prop(ch, "title");
		label = prop(ch, "label");
		heading(b, ROLE_CHAPTER, label, title, id, 2,
		    b->st->chapter_new_page);
		free(id);
		free(title);
		free(label);
		for (cl = ch->children; cl != NULL && !b->failed; cl = cl->next) {
			char		*num, *line;
			if (!wp_xml_is(cl, "clause"))
				continue;
			at_source(b, cl);
			id = prop(cl, "id");
			title = prop(cl, "title");
			num = prop(cl, "number");
			heading(b, ROLE_CLAUSE, num, title, id, 3, 0);
			free(id);
			free(title);
			free(num);
			line = text_of(wp_xml_child(cl, "control-line"));
			control_line(b, line);
			free(line);
			blocks(b, cl, ROLE_BODY, 3);
		}
	}
}

/* ---- cover, contents, back matter ------------------------------------ */

/* Sets text in a role and puts it in a box at (x, y); returns the y below. */
static double
put_text(struct builder *b, struct box *x, const char *text, unsigned flags,
    enum wp_role role, double at, double y)
{
	struct wp_para	*p = wp_para_new();
	struct setpara	 sp;

	wp_para_add(p, text, -1, flags, NULL);
	if (set_para(b, &sp, p, role, b->st->measure - at, 0) == -1)
		return y;
	return put_lines(x, &sp, at, y);
}

/* A meta element's text put in a box; returns the y below. */
static double
put_meta(struct builder *b, struct box *x, xmlNodePtr meta, const char *name,
    enum wp_role role, double at, double y)
{
	xmlNodePtr	 n = wp_xml_child(meta, name);
	char		*s;

	if (n == NULL)
		return y;
	at_source(b, n);
	s = text_of(n);
	y = put_text(b, x, s, 0, role, at, y);
	free(s);
	return y;
}

/* A vertical accent bar at the left of a block, from y0 to y1. */
static void
bar(struct builder *b, struct box *x, double y0, double y1, double w)
{
	struct wp_item *it = item_add(x, ITEM_RECT);

	it->y = y0;
	it->w = w;
	it->h = y1 - y0;
	it->fill = b->st->colors[COLOR_ACCENT];
}

/*
 * The cover: kind, title, version and date set off by an accent bar,
 * the publisher and document number at the foot.  It has no page number.
 */
static void
cover(struct builder *b, xmlNodePtr meta)
{
	const struct wp_style *st = b->st;
	struct box	*x = box_new(b, 0);
	double		 in = st->text[ROLE_COVER_TITLE].size, y, top;

	x->pb.h = avail(b);
	x->no_folio = 1;
	top = y = avail(b) * 0.2;
	y = put_meta(b, x, meta, "document-kind", ROLE_COVER_KIND, in, y);
	y = put_meta(b, x, meta, "title", ROLE_COVER_TITLE, in, y + 10);
	bar(b, x, top, y, 4);
	y = avail(b) * 0.6;
	y = put_meta(b, x, meta, "version-label", ROLE_COVER_META, in, y);
	put_meta(b, x, meta, "date", ROLE_COVER_META, in, y);
	y = avail(b) - 3 * st->text[ROLE_COVER_PUBLISHER].pitch;
	y = put_meta(b, x, meta, "publisher", ROLE_COVER_PUBLISHER, in, y);
	put_meta(b, x, meta, "document-number", ROLE_COVER_META, in, y);
}

struct entry {
	int		 level;
	char		*number, *title, *id;
	xmlNodePtr	 at;		/* its heading, for messages */
};

static void
toc_collect(xmlNodePtr root, int depth, struct entry **v, size_t *n)
{
	xmlNodePtr	 s, sub, ch, cl;

#define ADD(lv, node, numattr) do { \
	*v = realloc(*v, (*n + 1) * sizeof(**v)); \
	if (*v == NULL) abort(); \
	(*v)[*n].level = (lv); \
	(*v)[*n].number = (numattr) ? prop((node), (numattr)) : NULL; \
	(*v)[*n].title = prop((node), "title"); \
	(*v)[*n].at = (node); \
	(*v)[(*n)++].id = prop((node), "id"); } while (0)
	for (s = root->children; s != NULL; s = s->next) {
		if (wp_xml_is(s, "section")) {
			ADD(1, s, NULL);
			for (sub = s->children; depth > 1 && sub; sub = sub->next)
				if (wp_xml_is(sub, "section"))
					ADD(2, sub, NULL);
		} else if (wp_xml_is(s, "controls")) {
			ADD(1, s, NULL);
			for (ch = s->children; depth > 1 && ch; ch = ch->next) {
				if (!wp_xml_is(ch, "chapter"))
					continue;
				ADD(2, ch, "label");
				for (cl = ch->children; depth > 2 && cl;
				    cl = cl->next)
					if (wp_xml_is(cl, "clause"))
						ADD(3, cl, "number");
			}
		}
	}
#undef ADD
}

static void
toc(struct builder *b, xmlNodePtr n)
{
	const struct wp_style *st = b->st;
	struct entry	*e = NULL;
	size_t		 ne = 0, i;
	double		 numw[4] = { 0 };
	struct setpara	 sp;
	char		*id = prop(n, "id"), *title = prop(n, "title");

	at_source(b, n);
	heading(b, ROLE_TOC_TITLE, NULL, title, id, 1, 1);
	b->keep_next = 0;
	free(id);
	free(title);
	toc_collect(xmlDocGetRootElement(n->doc), st->toc_depth, &e, &ne);
	for (i = 0; i < ne; i++)
		if (e[i].number != NULL && set_text(b, &sp, e[i].number,
		    ROLE_TOC1 + e[i].level - 1, st->measure) == 0 &&
		    line_w(&sp, 0) > numw[e[i].level])
			numw[e[i].level] = line_w(&sp, 0);
	for (i = 0; i < ne && !b->failed; i++) {
		enum wp_role	 role = ROLE_TOC1 + e[i].level - 1;
		const struct wp_text_style *ts = &st->text[role];
		double		 at = (e[i].level - 1) * st->toc_indent, col;
		struct box	*x;
		struct wp_item	*it;
		int		 last, k;

		at_source(b, e[i].at);
		/* the number and title as written, not in columns: aligned
		 * columns make text extraction read the numbers apart */
		col = numw[e[i].level] > 0 ? numw[e[i].level] + ts->size : 0;
		if (set_text(b, &sp, e[i].title, role, st->measure - at - col -
		    st->toc_number_w - ts->size * 2) == -1)
			break;
		x = box_new(b, ts->before);
		/* every line but the last now; that one with its page */
		last = set_lines(&sp) - 1;
		for (k = 0; k < last; k++) {
			struct setpara	 ln;
			char		*t = line_text(&sp, k);
			if (k == 0 && set_entry(b, &ln, role, e[i].number, t,
			    0, NULL, st->measure - at) == 0)
				put_line(x, &ln, 0, at, baseline(ts));
			else if (k > 0)
				put_line(x, &sp, k, at + col, k * ts->pitch +
				    baseline(ts));
			g_free(t);
		}
		x->pb.h = (last + 1) * ts->pitch;
		x->pageref = wp_strdup(e[i].id);
		x->ref_role = role;
		x->ref_lead = last == 0 && e[i].number ?
		    wp_strdup(e[i].number) : NULL;
		x->ref_x = last == 0 ? at : at + col;
		x->ref_col = 0;
		x->ref_base = last * ts->pitch + baseline(ts);
		x->ref_text = line_text(&sp, last);
		it = item_add(x, ITEM_LINK);
		it->x = at;
		it->w = st->measure - at;
		it->h = x->pb.h;
		it->target = g_strconcat("#", e[i].id, NULL);
		b->pending = ts->after;
	}
	for (i = 0; i < ne; i++) {
		free(e[i].number);
		free(e[i].title);
		free(e[i].id);
	}
	free(e);
}

/* The back matter: its sections, then the colophon at the last page's foot. */
static void
backmatter(struct builder *b, xmlNodePtr n)
{
	xmlNodePtr	 c, s;
	struct box	*x;
	double		 in = b->st->text[ROLE_SMALL].size * 1.5, y = 0;
	char		*t;

	for (s = n->children; s != NULL; s = s->next)
		if (wp_xml_is(s, "section"))
			section(b, s, 1, ROLE_SMALL);
	if ((c = wp_xml_child(n, "colophon")) == NULL)
		return;
	x = box_new(b, b->st->text[ROLE_BODY].size * 2);
	x->pb.bottom = 1;
	at_source(b, wp_xml_child(c, "title"));
	t = text_of(wp_xml_child(c, "title"));
	y = put_text(b, x, t, RUN_EM, ROLE_SMALL, in, y);
	free(t);
	y = put_meta(b, x, c, "publisher", ROLE_SMALL, in, y);
	y = put_meta(b, x, c, "document-number", ROLE_SMALL, in, y);
	bar(b, x, 0, y, 2.5);
	x->pb.h = y;
}

/*
 * The document's facts appear in derived text (a heading made from the
 * short name, a running head), set where they appear: each is set once
 * first on its own, so that a character no font has is reported at the
 * line of the element that holds it.
 */
static void
check_meta(struct builder *b, xmlNodePtr meta)
{
	struct setpara	 sp;
	xmlNodePtr	 n;

	for (n = meta != NULL ? meta->children : NULL; n; n = n->next) {
		char *s;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		at_source(b, n);
		s = text_of(n);
		set_text(b, &sp, s, ROLE_BODY, b->st->measure);
		free(s);
	}
}

void
flow_document(struct builder *b, xmlDocPtr model)
{
	xmlNodePtr root = xmlDocGetRootElement(model), n;

	check_meta(b, wp_xml_child(root, "meta"));
	for (n = root->children; n != NULL && !b->failed; n = n->next) {
		if (wp_xml_is(n, "cover"))
			cover(b, wp_xml_child(root, "meta"));
		else if (wp_xml_is(n, "history"))
			history(b, n);
		else if (wp_xml_is(n, "toc"))
			toc(b, n);
		else if (wp_xml_is(n, "section"))
			section(b, n, 1, ROLE_BODY);
		else if (wp_xml_is(n, "controls"))
			controls(b, n);
		else if (wp_xml_is(n, "backmatter"))
			backmatter(b, n);
	}
}
