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
	int		 elem;		/* its TH or TD, once set */
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
		it->elem = WP_ARTIFACT;
		it->x = colx[col];
		it->h = h;
		it->stroke = e->st->colors[COLOR_RULE];
		it->lw = e->st->table_rule;
		if (i == nc)
			break;
	}
	for (i = 0; i < 2; i++) {		/* top and bottom */
		it = wp_item_add(x, ITEM_RULE);
		it->elem = WP_ARTIFACT;
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
		x->elem = c[i].elem;
		if (c[i].head) {
			struct wp_item *it = wp_item_add(x, ITEM_RECT);
			it->elem = WP_ARTIFACT;		/* its shading */
			it->x = colx[col];
			it->w = colx[col + c[i].span] - colx[col];
			it->h = h;
			it->fill = e->st->colors[COLOR_SHADE];
		}
		for (k = from; k < n && k < from + span; k++)
			wp_lines_put(x, &sp[i], k, colx[col] + pad, vpad +
			    (k - from) * sp[i].ts->pitch + wp_baseline(sp[i].ts));
	}
	x->elem = e->elem;
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
		c[i].elem = wp_struct_open(e, c[i].head ? EL_TH : EL_TD);
		if (wp_lines_set(e, &sp[i], c[i].para, c[i].head ?
		    ROLE_TABLE_HEAD : ROLE_TABLE, w, 0) == -1) {
			wp_struct_close(e);
			free(sp);
			return NULL;
		}
		wp_struct_close(e);
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

/*
 * A table's cells, read before any is set: its columns are sized from
 * what they hold.
 */
struct grid {
	struct cell	*c;		/* row r's cells from c[r * ncols] */
	int		*n;		/* how many each row has */
	const xmlNode	**src;		/* each row's element, for messages */
	int		 nrows, ncols;
};

static struct cell *
grid_row(struct grid *g, const xmlNode *src)
{
	g->c = wp_reallocarray(g->c, (size_t)(g->nrows + 1) *
	    (size_t)g->ncols, sizeof(*g->c));
	g->n = wp_reallocarray(g->n, (size_t)g->nrows + 1, sizeof(*g->n));
	g->src = wp_reallocarray(g->src, (size_t)g->nrows + 1,
	    sizeof(*g->src));
	g->src[g->nrows] = src;
	memset(&g->c[g->nrows * g->ncols], 0, (size_t)g->ncols *
	    sizeof(*g->c));
	g->n[g->nrows] = 0;
	return &g->c[g->nrows++ * g->ncols];
}

/* A cell's text is never set narrower than this many characters, where
 * it has as many: narrower, a cell reads a character a line (使⏎用). */
#define CELL_MIN_EM	4
/* A header cell this many characters long or shorter is not broken. */
#define HEAD_ONE_LINE_EM	8

/*
 * Column edges across the measure, sized as CSS's automatic table
 * layout sizes them: each column needs its widest unbreakable piece (or
 * CELL_MIN_EM) and would like its longest line; when all can have what
 * they would like the spare width goes by that, else each gets its
 * need and a share of the rest by how much more it would like.  An
 * empty column is narrow; no column is squeezed to a character a line
 * while another has room.
 */
static double *
fit_columns(struct wp_engine *e, const struct grid *g)
{
	const struct wp_text_style *ts = &e->st->text[ROLE_TABLE];
	double	 pad = 2 * ts->size * e->st->cell_pad, room = e->st->measure;
	double	*min = wp_calloc((size_t)g->ncols, sizeof(*min));
	double	*pref = wp_calloc((size_t)g->ncols, sizeof(*pref));
	double	*colx = wp_calloc((size_t)g->ncols + 1, sizeof(*colx));
	double	 smin = 0, spref = 0, w;
	int	 r, i, col;

	for (r = 0; r < g->nrows; r++)
		for (i = 0, col = 0; i < g->n[r]; col += g->c[r * g->ncols +
		    i].span, i++) {
			struct cell *c = &g->c[r * g->ncols + i];
			double lo, hi;
			if (c->span != 1)
				continue;	/* sized by the columns it spans */
			wp_lines_measure(e, c->para, c->head ? ROLE_TABLE_HEAD :
			    ROLE_TABLE, &lo, &hi);
			/* a short head is one line: 制定・改定日, not 制定・⏎改定日 */
			lo = c->head && hi <= HEAD_ONE_LINE_EM * ts->size ? hi :
			    fmax(lo, fmin(hi, CELL_MIN_EM * ts->size));
			min[col] = fmax(min[col], lo + pad);
			pref[col] = fmax(pref[col], hi + pad);
		}
	for (col = 0; col < g->ncols; col++) {
		min[col] = fmax(min[col], pad + ts->size);
		pref[col] = fmax(pref[col], min[col]);
		smin += min[col];
		spref += pref[col];
	}
	for (col = 0; col < g->ncols; col++) {
		if (spref <= room)
			w = pref[col] + (room - spref) * pref[col] / spref;
		else if (smin >= room)
			w = room * min[col] / smin;
		else
			w = min[col] + (pref[col] - min[col]) * (room - smin) /
			    (spref - smin);
		colx[col + 1] = colx[col] + w;
	}
	free(min);
	free(pref);
	return colx;
}

/* Sets every row of a grid; row header (or -1) repeats above the rest. */
static void
grid_rows(struct wp_engine *e, struct grid *g, const double *colx,
    int header_row)
{
	int	 hdr = -1;

	for (int r = 0; r < g->nrows; r++) {
		struct wp_box *x;
		wp_flow_source(e, g->src[r]);
		wp_struct_open(e, EL_TR);
		x = table_row(e, &g->c[r * g->ncols], g->n[r], colx,
		    r == header_row ? -1 : hdr);
		wp_struct_close(e);
		/* a header cell outside the header row heads its row */
		for (int i = 0; x != NULL && r != header_row && i < g->n[r]; i++)
			if (g->c[r * g->ncols + i].head)
				wp_struct_elem(e, g->c[r * g->ncols +
				    i].elem)->row_head = 1;
		if (x != NULL && r == header_row) {
			x->pb.keep = 1;
			hdr = (int)e->n - 1;
		}
	}
}

static void
grid_free(struct grid *g)
{
	free(g->c);
	free(g->n);
	free(g->src);
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
	struct grid	 g = { NULL, NULL, NULL, 0, HISTORY_COLUMNS };
	struct cell	*row;
	double		*colx;
	int		 i;

	wp_flow_source(e, n);
	wp_struct_open(e, EL_SECT);
	wp_flow_heading(e, ROLE_SECTION, NULL, wp_display(n, "title"),
	    wp_attr(n, "id"), 1, 1);
	row = grid_row(&g, n);
	c = wp_xml_child(n, "columns")->children;
	for (i = 0; c != NULL; c = c->next) {
		if (!wp_xml_is(c, "column") || i == HISTORY_COLUMNS)
			continue;
		row[i].para = wp_para_new();
		wp_para_add(row[i].para, wp_display(c, NULL), -1, RUN_PHRASED,
		    NULL);
		row[i].span = 1;
		row[i++].head = 1;
	}
	g.n[0] = i;
	for (rev = n->children; rev != NULL; rev = rev->next) {
		if (!wp_xml_is(rev, "revision"))
			continue;
		row = grid_row(&g, rev);
		g.n[g.nrows - 1] = HISTORY_COLUMNS;
		for (i = 0; i < HISTORY_COLUMNS; i++) {
			row[i].para = wp_para_new();
			row[i].span = 1;
		}
		wp_para_add(row[0].para, wp_attr(rev, "version"), -1, 0, NULL);
		wp_flow_inline(row[1].para, wp_xml_child(rev, "date"), 0, NULL);
		changes(row[2].para, rev);
		if ((c = wp_xml_child(rev, "remark")) != NULL)
			wp_flow_inline(row[3].para, c, 0, NULL);
	}
	colx = fit_columns(e, &g);
	wp_struct_open(e, EL_TABLE);
	grid_rows(e, &g, colx, 0);
	wp_struct_close(e);
	wp_struct_close(e);
	e->pending = e->st->text[ROLE_BODY].size;
	free(colx);
	grid_free(&g);
}

/* ---- content tables ------------------------------------------------ */

static int
span_of(const xmlNode *cell)
{
	const char	*s = wp_attr(cell, "colspan");

	return s != NULL ? atoi(s) : 1;
}

static void
caption(struct wp_engine *e, const xmlNode *cap)
{
	struct wp_para	*p = wp_para_new();
	struct wp_lines	 sp;

	wp_flow_source(e, cap);
	wp_flow_inline(p, cap, 0, NULL);
	wp_struct_open(e, EL_CAPTION);
	if (wp_lines_set(e, &sp, p, ROLE_CAPTION, e->st->measure, 0) == 0) {
		wp_lines_flow(e, &sp, 0);
		e->boxes[e->n - 1].pb.keep = 1;
		e->pending = 0;
	}
	wp_struct_close(e);
}

void
wp_flow_table(struct wp_engine *e, const xmlNode *t)
{
	const xmlNode	*tr, *c, *cap = wp_xml_child(t, "caption");
	struct grid	 g = { NULL, NULL, NULL, 0, 0 };
	struct cell	*row;
	double		*colx;
	int		 n, head = -1;

	wp_flow_source(e, t);
	for (tr = t->children; tr != NULL; tr = tr->next)
		if (wp_xml_is(tr, "tr")) {
			for (n = 0, c = tr->children; c != NULL; c = c->next)
				if (wp_xml_is(c, "td") || wp_xml_is(c, "th"))
					n += span_of(c);
			g.ncols = n > g.ncols ? n : g.ncols;
		}
	for (tr = t->children; tr != NULL; tr = tr->next) {
		int allhead = 1;
		if (!wp_xml_is(tr, "tr"))
			continue;
		row = grid_row(&g, tr);
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
		g.n[g.nrows - 1] = n;
		/* the first row, when all of it is header cells */
		if (g.nrows == 1 && allhead)
			head = 0;
	}
	colx = fit_columns(e, &g);
	/* columns="equal": a comparison's 新 and 旧, side by side */
	for (n = 1; wp_attr(t, "columns") != NULL && n <= g.ncols; n++)
		colx[n] = e->st->measure * n / g.ncols;
	wp_struct_open(e, EL_TABLE);
	if (cap != NULL)
		caption(e, cap);
	grid_rows(e, &g, colx, head);
	wp_struct_close(e);
	e->pending = e->st->text[ROLE_BODY].size;
	free(colx);
	grid_free(&g);
}
