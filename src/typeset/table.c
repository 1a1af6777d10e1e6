/*
 * table: the content tables and the revision history.  A row is a box;
 * a table's header row repeats above its rows on a following page.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "input/xml.h"
#include "model/model.h"
#include "typeset/walk.h"

/* The history's columns: 版数, 制定・改定日, 改定箇所、改定理由, 備考. */
#define HISTORY_COLUMNS	4

struct cell {
	struct wp_para	*para;
	int		 span;
	int		 head;
};

/* Rules round one piece of a row: the cells' edges, top and bottom. */
static void
row_rules(struct wp_engine *e, struct wp_box *x, const struct cell *c,
    int nc, const double *colx, double h)
{
	struct wp_item	*it;
	int		 i, col;

	for (i = 0, col = 0; i <= nc; col += i < nc ? c[i].span : 0, i++) {
		it = wp_item_add(x, ITEM_RULE);	/* left edges, then the right */
		it->x = colx[col];
		it->h = h;
		it->stroke = e->st->colors[COLOR_RULE];
		it->lw = e->st->table_rule;
		if (i == nc)
			break;
	}
	for (i = 0; i < 2; i++) {		/* top and bottom */
		it = wp_item_add(x, ITEM_RULE);
		it->x = colx[0];
		it->y = i * h;
		it->w = colx[col] - colx[0];
		it->stroke = e->st->colors[COLOR_RULE];
		it->lw = e->st->table_rule;
	}
}

/*
 * One piece of a row, its lines from..from+span of every cell: shaded
 * where a cell is a header, ruled all round.
 */
static struct wp_box *
row_piece(struct wp_engine *e, const struct cell *c, int nc,
    const struct wp_lines *sp, const double *colx, int header, int from,
    int span, double vpad, double pad)
{
	struct wp_box	*x;
	double		 h = 0;
	int		 i, col;

	for (i = 0; i < nc; i++) {
		int n = wp_lines_count(&sp[i]) - from;
		n = n < 0 ? 0 : n > span ? span : n;
		if (n * sp[i].ts->pitch > h)
			h = n * sp[i].ts->pitch;
	}
	h += 2 * vpad;
	x = wp_box_new(e, 0);
	x->pb.h = h;
	x->pb.header = header;
	for (i = 0, col = 0; i < nc; col += c[i].span, i++) {
		int k, n = wp_lines_count(&sp[i]);
		if (c[i].head) {
			struct wp_item *it = wp_item_add(x, ITEM_RECT);
			it->x = colx[col];
			it->w = colx[col + c[i].span] - colx[col];
			it->h = h;
			it->fill = e->st->colors[COLOR_SHADE];
		}
		for (k = from; k < n && k < from + span; k++)
			wp_lines_put(x, &sp[i], k, colx[col] + pad, vpad +
			    (k - from) * sp[i].ts->pitch + wp_baseline(sp[i].ts));
	}
	row_rules(e, x, c, nc, colx, h);
	return x;
}

/*
 * One row: cells set at their columns' widths.  A row is not split
 * across pages, unless it is taller than a page: then it goes in pieces
 * of as many lines as a page holds, each below the repeated header.
 * Returns the (last) box of the row, or NULL after reporting.
 */
static struct wp_box *
table_row(struct wp_engine *e, struct cell *c, int nc, const double *colx,
    int header)
{
	const struct wp_text_style *body = &e->st->text[ROLE_TABLE];
	double		 pad = body->size * e->st->cell_pad;
	double		 vpad = body->size * e->st->cell_vpad;
	double		 room = wp_engine_avail(e) - 2 * vpad - (header >= 0 ?
			    e->boxes[header].pb.h : 0);
	struct wp_lines	*sp = wp_calloc((size_t)nc, sizeof(*sp));
	struct wp_box	*x = NULL;
	int		 i, col, from, per, first = 0, span, most;

	for (i = 0, col = 0; i < nc; col += c[i].span, i++) {
		double w = colx[col + c[i].span] - colx[col] - 2 * pad;
		if (wp_lines_set(e, &sp[i], c[i].para, c[i].head ?
		    ROLE_TABLE_HEAD : ROLE_TABLE, w, 0) == -1) {
			free(sp);
			return NULL;
		}
		if (wp_lines_count(&sp[i]) > first)
			first = wp_lines_count(&sp[i]);
	}
	most = first;
	per = (int)(room / body->pitch);
	if (per < 2)
		per = 2;
	/* the first piece of a tall row is half a page, so that it can
	 * start below a heading and the header row */
	first = first > per ? per / 2 : per;
	for (from = 0; from == 0 || from < most; from += span) {
		span = from == 0 ? first : per;
		x = row_piece(e, c, nc, sp, colx, header, from, span, vpad, pad);
	}
	free(sp);
	return x;
}

/* Column edges from weights, across the measure. */
static double *
columns(const struct wp_engine *e, const double *weight, int ncols)
{
	double	*colx = wp_calloc((size_t)ncols + 1, sizeof(*colx));
	double	 sum = 0;
	int	 i;

	for (i = 0; i < ncols; i++)
		sum += weight[i];
	for (i = 0; i < ncols; i++)
		colx[i + 1] = colx[i] + e->st->measure * weight[i] / sum;
	return colx;
}

/* ---- the revision history ------------------------------------------ */

/* The 改定箇所 cell of a revision: a line a change, each linked to the
 * clause it names. */
static void
changes(struct wp_para *p, const xmlNode *rev)
{
	const xmlNode	*ch;
	int		 first = 1;

	for (ch = rev->children; ch != NULL; ch = ch->next) {
		const char	*t;
		char		*h;
		if (!wp_xml_is(ch, "change"))
			continue;
		if (!first)
			wp_para_add(p, "\xe2\x80\xa8", -1, 0, NULL);
		first = 0;
		t = wp_attr(ch, "target");
		h = t ? g_strconcat("#", t, NULL) : NULL;
		wp_flow_inline(p, ch, h ? RUN_LINK : 0, h);
		if (wp_attr(ch, "renumbered") != NULL) {
			/* where the clause the row names is now */
			char *now = g_strdup_printf("（%s）",
			    wp_attr(ch, "now"));
			wp_para_add(p, now, -1, RUN_LINK, h);
			g_free(now);
		}
		g_free(h);
	}
}

void
wp_flow_history(struct wp_engine *e, const xmlNode *n)
{
	const xmlNode	*c, *rev;
	struct cell	 row[HISTORY_COLUMNS];
	double		*colx = columns(e, e->st->history_columns,
			    HISTORY_COLUMNS);
	int		 i, hdr;

	wp_flow_source(e, n);
	wp_flow_heading(e, ROLE_SECTION, NULL, wp_display(n, "title"),
	    wp_attr(n, "id"), 1, 1);
	c = wp_xml_child(n, "columns")->children;
	for (i = 0; c != NULL; c = c->next) {
		if (!wp_xml_is(c, "column") || i == HISTORY_COLUMNS)
			continue;
		row[i].para = wp_para_new();
		wp_flow_inline(row[i].para, c, 0, NULL);
		row[i].span = 1;
		row[i++].head = 1;
	}
	if (table_row(e, row, i, colx, -1) == NULL)
		goto done;
	hdr = (int)e->n - 1;
	e->boxes[hdr].pb.keep = 1;
	for (rev = n->children; rev != NULL; rev = rev->next) {
		if (!wp_xml_is(rev, "revision"))
			continue;
		wp_flow_source(e, rev);
		memset(row, 0, sizeof(row));
		for (i = 0; i < HISTORY_COLUMNS; i++) {
			row[i].para = wp_para_new();
			row[i].span = 1;
		}
		wp_para_add(row[0].para, wp_attr(rev, "version"), -1, 0, NULL);
		wp_flow_inline(row[1].para, wp_xml_child(rev, "date"), 0, NULL);
		changes(row[2].para, rev);
		if ((c = wp_xml_child(rev, "remark")) != NULL)
			wp_flow_inline(row[3].para, c, 0, NULL);
		table_row(e, row, HISTORY_COLUMNS, colx, hdr);
	}
	e->pending = e->st->text[ROLE_BODY].size;
done:
	free(colx);
}

/* ---- content tables ------------------------------------------------ */

static int
span_of(const xmlNode *cell)
{
	const char	*s = wp_attr(cell, "colspan");

	return s != NULL ? atoi(s) : 1;
}

/*
 * Column edges: each column weighted by its longest cell (4 to 40
 * characters).  Returns them, their count in *ncols.
 */
static double *
table_columns(struct wp_engine *e, const xmlNode *t, int *ncols)
{
	const xmlNode	*tr, *c;
	double		*weight, *colx;
	int		 n, i;

	*ncols = 0;
	for (tr = t->children; tr != NULL; tr = tr->next) {
		if (!wp_xml_is(tr, "tr"))
			continue;
		for (n = 0, c = tr->children; c != NULL; c = c->next)
			if (wp_xml_is(c, "td") || wp_xml_is(c, "th"))
				n += span_of(c);
		if (n > *ncols)
			*ncols = n;
	}
	weight = wp_calloc((size_t)*ncols + 1, sizeof(*weight));
	for (i = 0; i < *ncols; i++)
		weight[i] = 4;
	for (tr = t->children; tr != NULL; tr = tr->next) {
		if (!wp_xml_is(tr, "tr"))
			continue;
		for (i = 0, c = tr->children; c != NULL; c = c->next) {
			char *s;
			if (!wp_xml_is(c, "td") && !wp_xml_is(c, "th"))
				continue;
			s = wp_text_all(c);
			if (i < *ncols && (double)g_utf8_strlen(s, -1) > weight[i])
				weight[i] = fmin(40, g_utf8_strlen(s, -1));
			free(s);
			i += span_of(c);
		}
	}
	colx = columns(e, weight, *ncols);
	free(weight);
	return colx;
}

static void
caption(struct wp_engine *e, const xmlNode *cap)
{
	struct wp_para	*p = wp_para_new();
	struct wp_lines	 sp;

	wp_flow_source(e, cap);
	wp_flow_inline(p, cap, 0, NULL);
	if (wp_lines_set(e, &sp, p, ROLE_CAPTION, e->st->measure, 0) == 0) {
		wp_lines_flow(e, &sp, 0);
		e->boxes[e->n - 1].pb.keep = 1;
		e->pending = 0;
	}
}

void
wp_flow_table(struct wp_engine *e, const xmlNode *t)
{
	const xmlNode	*tr, *c, *cap = wp_xml_child(t, "caption");
	int		 ncols, n, hdr = -1, body = 0;
	double		*colx;
	struct cell	*row;

	wp_flow_source(e, t);
	colx = table_columns(e, t, &ncols);
	if (cap != NULL)
		caption(e, cap);
	row = wp_calloc((size_t)ncols + 1, sizeof(*row));
	for (tr = t->children; tr != NULL; tr = tr->next) {
		int allhead = 1;
		struct wp_box *x;
		if (!wp_xml_is(tr, "tr"))
			continue;
		wp_flow_source(e, tr);
		for (n = 0, c = tr->children; c != NULL; c = c->next) {
			if (!wp_xml_is(c, "td") && !wp_xml_is(c, "th"))
				continue;
			row[n].para = wp_para_new();
			wp_flow_inline(row[n].para, c, 0, NULL);
			row[n].span = span_of(c);
			row[n].head = wp_xml_is(c, "th");
			allhead &= row[n].head;
			n++;
		}
		x = table_row(e, row, n, colx, allhead && !body ? -1 : hdr);
		if (x != NULL && allhead && !body) {
			x->pb.keep = 1;
			hdr = (int)e->n - 1;
		} else
			body = 1;
	}
	e->pending = e->st->text[ROLE_BODY].size;
	free(row);
	free(colx);
}
