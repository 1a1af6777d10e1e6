/*
 * figure: the two figures, drawn from their data as vector graphics:
 * the responsibility boundary (layers stacked, grouped by whose
 * responsibility they are) and the ISO/IEC 27002 / 27017 structure.
 * Each is one unbreakable box with its caption.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "input/xml.h"
#include "model/model.h"
#include "typeset/walk.h"

/*
 * Sets text centred in a width, with RUN_ flags (RUN_EM: bold;
 * RUN_PHRASED: a label as the model phrased it), and under it, when not
 * NULL, a note as running text.  Returns -1 on error.
 */
static int
centred(struct wp_engine *e, struct wp_lines *sp, const char *text,
    unsigned flags, const char *note, double w)
{
	struct wp_para *p = wp_para_new();

	wp_para_add(p, text, -1, flags, NULL);
	if (note != NULL) {
		wp_para_add(p, "\xe2\x80\xa8", -1, 0, NULL);
		wp_para_add(p, note, -1, 0, NULL);
	}
	return wp_lines_set(e, sp, p, ROLE_FIGURE, w, 0);
}

static void
rect(struct wp_box *x, double rx, double ry, double w, double h,
    unsigned fill, unsigned edge, double lw)
{
	struct wp_item *it = wp_item_add(x, ITEM_RECT);

	it->x = rx;
	it->y = ry;
	it->w = w;
	it->h = h;
	it->fill = fill;
	it->stroke = edge;
	it->lw = lw;
}

/* A labelled shape: text (and a note) centred in it; returns its
 * height. */
static double
shape(struct wp_engine *e, struct wp_box *x, double sx, double sy, double w,
    double minh, const char *text, unsigned flags, const char *note,
    unsigned fill, unsigned edge)
{
	struct wp_lines	sp;
	double		pad = e->st->figure_pad, th, h;

	if (centred(e, &sp, text, flags, note, w - 2 * pad) == -1)
		return minh;
	th = wp_lines_count(&sp) * sp.ts->pitch;
	h = th + 2 * pad > minh ? th + 2 * pad : minh;
	rect(x, sx, sy, w, h, fill, edge, e->st->figure_line);
	wp_lines_put_all(x, &sp, sx + pad, sy + (h - th) / 2);
	return h;
}

/* The height of an item's chip at a width, set where the item was
 * written (so that a character no font has is reported there). */
static double
chip_height(struct wp_engine *e, const xmlNode *item, double w)
{
	struct wp_lines sp;

	wp_flow_source(e, item);
	if (centred(e, &sp, wp_display(item, NULL), RUN_PHRASED, NULL,
	    w - 2 * e->st->figure_pad) == -1)
		return 0;
	return wp_lines_count(&sp) * sp.ts->pitch + 2 * e->st->figure_pad;
}

/* The height of a row of chips: its tallest (at most per of n). */
static double
row_height(struct wp_engine *e, const xmlNode **items, size_t n, int per,
    double cw)
{
	double	h = 0, ch;
	size_t	k;

	for (k = 0; k < n && k < (size_t)per; k++)
		if ((ch = chip_height(e, items[k], cw)) > h)
			h = ch;
	return h;
}

/* How many chips a row: as many as fit on one line each, down to two. */
static int
per_row(struct wp_engine *e, const xmlNode **items, size_t n, double w,
    double pad, double *cw)
{
	double	 one = e->st->text[ROLE_FIGURE].pitch + 2 * e->st->figure_pad;
	int	 most = e->st->figure_chips;
	int	 per = n > 0 && n < (size_t)most ? (int)n : most;
	size_t	 i;

	for (;; per--) {
		*cw = (w - 2 * pad - (per - 1) * e->st->figure_gap) / per;
		for (i = 0; i < n && chip_height(e, items[i], *cw) <= one; i++)
			continue;
		if (i == n || per <= 2)
			return per;
	}
}

/* One layer: its label, then its items as a grid of chips. */
static double
draw_layer(struct wp_engine *e, struct wp_box *x, const xmlNode *l, double lx,
    double ly, double w, unsigned fill, unsigned edge)
{
	const xmlNode	**items = NULL, *it;
	size_t		  n = 0, cap = 0, i, k;
	int		  per;
	double		  pad = e->st->figure_layer_pad;
	double		  gap = e->st->figure_gap, y, cw, rowh;

	wp_flow_source(e, l);
	for (it = l->children; it != NULL; it = it->next)
		if (wp_xml_is(it, "item")) {
			items = wp_grow(items, &cap, n, sizeof(*items));
			items[n++] = it;
		}
	per = per_row(e, items, n, w, pad, &cw);
	/* first the height, then the shapes on top of the band */
	y = ly + pad + e->st->text[ROLE_FIGURE].pitch + gap;
	for (i = 0; i < n; i += (size_t)per)
		y += row_height(e, items + i, n - i, per, cw) + gap;
	y += pad - gap;
	rect(x, lx, ly, w, y - ly, fill, edge, e->st->figure_line);
	wp_flow_source(e, l);
	shape(e, x, lx + pad, ly + pad, w - 2 * pad,
	    e->st->text[ROLE_FIGURE].pitch, wp_display(l, "label"),
	    RUN_EM | RUN_PHRASED, NULL, WP_NOCOLOR, WP_NOCOLOR);
	y = ly + pad + e->st->text[ROLE_FIGURE].pitch + gap;
	for (i = 0; i < n; i += (size_t)per) {
		rowh = row_height(e, items + i, n - i, per, cw);
		for (k = i; k < n && k < i + (size_t)per; k++)
			shape(e, x, lx + pad + (double)(k - i) * (cw + gap), y,
			    cw, rowh, wp_display(items[k], NULL), RUN_PHRASED,
			    NULL, 0xFFFFFF, edge);
		y += rowh + gap;
	}
	free(items);
	return y - gap + pad - ly;
}

/* Where a figure's shapes go: its width and left edge, the column of
 * group labels at its left, the gap between shapes. */
struct frame {
	double	 w, x, col, gap;
};

static struct frame
frame(const struct wp_engine *e)
{
	const struct wp_style *st = e->st;
	struct frame	 f;

	f.w = st->measure * st->figure_width;
	f.x = (st->measure - f.w) / 2;
	f.col = st->text[ROLE_FIGURE].size * st->figure_column;
	f.gap = st->figure_gap;
	return f;
}

/* The next layer at or after n, or NULL. */
static const xmlNode *
next_layer(const xmlNode *n)
{
	while (n != NULL && !wp_xml_is(n, "layer"))
		n = n->next;
	return n;
}

/*
 * The layers, top first, each group of one owner's with the owner's
 * label in a column beside them, drawn after the group's layers.
 */
static void
boundary(struct wp_engine *e, struct wp_box *x, const xmlNode *f, double *y)
{
	const struct wp_style *st = e->st;
	struct frame	 fr = frame(e);
	double		 ly = *y;
	const xmlNode	*l = next_layer(f->children), *first;

	while (l != NULL) {
		const char	*owner = wp_attr(l, "owner");
		int		 cust = strcmp(owner, "customer") == 0;
		unsigned	 fill = st->colors[cust ? COLOR_CUSTOMER :
				    COLOR_PROVIDER];
		unsigned	 edge = st->colors[cust ? COLOR_CUSTOMER_EDGE :
				    COLOR_PROVIDER_EDGE];
		double		 gy = ly;

		for (first = l; l != NULL && strcmp(wp_attr(l, "owner"),
		    owner) == 0; l = next_layer(l->next))
			ly += draw_layer(e, x, l, fr.x + fr.col, ly, fr.w - fr.col,
			    fill, edge) + fr.gap;
		shape(e, x, fr.x, gy, fr.col - fr.gap, ly - fr.gap - gy,
		    wp_attr(first, "owner-label"), RUN_EM, NULL, fill, edge);
	}
	*y = ly - fr.gap;
}

/* A block of the structure figure: its label and note, on two lines. */
static double
block(struct wp_engine *e, struct wp_box *x, const xmlNode *n, double bx,
    double by, double w, unsigned fill, unsigned edge)
{
	return shape(e, x, bx, by, w, 0, wp_display(n, "label"), RUN_PHRASED,
	    wp_attr(n, "note"), fill, edge);
}

static void
structure(struct wp_engine *e, struct wp_box *x, const xmlNode *f, double *y)
{
	const struct wp_style *st = e->st;
	struct frame	 fr = frame(e);
	double		 top = *y, h = 0;
	const xmlNode	*n, *base = NULL;

	for (n = f->children; n != NULL; n = n->next) {
		if (wp_xml_is(n, "base"))
			base = n;
		if (!wp_xml_is(n, "addition"))
			continue;
		h = block(e, x, n, fr.x + fr.col, *y, fr.w - fr.col,
		    st->colors[COLOR_PROVIDER], st->colors[COLOR_PROVIDER_EDGE]);
		*y += h + fr.gap;
	}
	if (base != NULL) {
		double by = *y;
		h = block(e, x, base, fr.x + fr.col, *y, fr.w - fr.col,
		    st->colors[COLOR_SHADE], st->colors[COLOR_RULE]);
		*y += h;
		shape(e, x, fr.x, by, fr.col - fr.gap, h,
		    wp_display(base, "label"), RUN_EM | RUN_PHRASED, NULL,
		    st->colors[COLOR_SHADE], st->colors[COLOR_RULE]);
	}
	shape(e, x, fr.x, top, fr.col - fr.gap, *y - top - (base ? h + fr.gap : 0),
	    wp_attr(f, "addition-label"), RUN_EM, NULL,
	    st->colors[COLOR_PROVIDER], st->colors[COLOR_PROVIDER_EDGE]);
}

/*
 * A figure taller than a page (hundreds of items) is scaled down to fit
 * one, centred, with a warning: a vector figure keeps every item that
 * way, where cutting it would lose some.
 */
static void
fit(struct wp_engine *e, struct wp_box *x)
{
	double	room = wp_engine_avail(e);
	double	s, dx;
	size_t	i;

	if (x->pb.h <= room)
		return;
	wp_msg(MSG_TALL, e->src, 0, "this figure", x->pb.h);
	s = room / x->pb.h;
	dx = e->st->measure * (1 - s) / 2;
	for (i = 0; i < x->n; i++) {
		struct wp_item *it = &x->items[i];
		it->x = dx + it->x * s;
		it->y *= s;
		it->w *= s;
		it->h *= s;
		it->lw *= s;
		if (it->kind == ITEM_TEXT)
			it->scale = s;
	}
	x->pb.h = room;
}

/* ---- alternative text ----------------------------------------------- */

/* An attribute's value, "" when it has none. */
static const char *
attr(const xmlNode *n, const char *name)
{
	const char *v = wp_attr(n, name);

	return v != NULL ? v : "";
}

/*
 * What a figure shows, in words, from its data, for a reader that
 * cannot see it: the boundary's layers top first, each group under its
 * owner's label, each layer with its items; the structure's base, and
 * what the additions add to it.
 */
static char *
alt_text(const xmlNode *f)
{
	GString		*g = g_string_new(NULL);
	const xmlNode	*n, *it, *base = NULL;
	const char	*owner = NULL;
	int		 first = 1;

	if (strcmp(wp_attr(f, "kind"), "boundary") == 0) {
		for (n = next_layer(f->children); n; n = next_layer(n->next)) {
			if (owner == NULL || strcmp(owner, attr(n, "owner")))
				g_string_append_printf(g, "%s%s：", owner ?
				    "。" : "", attr(n, "owner-label"));
			else
				g_string_append(g, "、");
			owner = wp_attr(n, "owner");
			g_string_append_printf(g, "%s（", attr(n, "label"));
			for (it = n->children, first = 1; it; it = it->next)
				if (wp_xml_is(it, "item")) {
					char *t = wp_text_all(it);
					g_string_append_printf(g, "%s%s",
					    first ? "" : "、", t);
					free(t);
					first = 0;
				}
			g_string_append(g, "）");
		}
		g_string_append(g, "。");
		return g_string_free(g, FALSE);
	}
	for (n = f->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "base"))
			base = n;
	if (base != NULL)
		g_string_append_printf(g, "%s（%s）の上に、", attr(base,
		    "label"), attr(base, "note"));
	g_string_append_printf(g, "%s：", attr(f, "addition-label"));
	for (n = f->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "addition")) {
			g_string_append_printf(g, "%s%s（%s）", first ? "" : "、",
			    attr(n, "label"), attr(n, "note"));
			first = 0;
		}
	g_string_append(g, "。");
	return g_string_free(g, FALSE);
}

void
wp_flow_figure(struct wp_engine *e, const xmlNode *f)
{
	const struct wp_text_style *cap = &e->st->text[ROLE_CAPTION];
	struct wp_box	*x;
	struct wp_lines	 sp;
	struct wp_para	*p;
	double		 y = 0;
	const xmlNode	*n;

	wp_flow_source(e, f);
	/* the figure (its shapes and their text), then its caption */
	wp_struct_elem(e, wp_struct_open(e, EL_FIGURE))->alt = alt_text(f);
	x = wp_box_new(e, cap->size * 1.2);
	if (strcmp(wp_attr(f, "kind"), "boundary") == 0)
		boundary(e, x, f, &y);
	else
		structure(e, x, f, &y);
	wp_struct_close(e);	/* open till now: its labels' English is its */
	x->elem = wp_struct_open(e, EL_CAPTION);
	y += cap->before;
	p = wp_para_new();
	/* 図1. and the caption, broken between its phrases */
	for (n = f->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "label"))
			wp_flow_inline(p, n, 0, NULL);
		else if (wp_xml_is(n, "caption"))
			wp_para_add(p, wp_display(n, NULL), -1, RUN_PHRASED,
			    NULL);
	if (wp_lines_set(e, &sp, p, ROLE_CAPTION, e->st->measure, 0) == 0)
		y = wp_lines_put_all(x, &sp, 0, y);
	wp_struct_close(e);
	x->pb.h = y;
	wp_flow_source(e, f);
	fit(e, x);
	x->dest = wp_strdup(wp_attr(f, "id"));
	e->pending = cap->after;
}
