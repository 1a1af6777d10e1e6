/*
 * figure: the two figures, drawn from their data as vector graphics:
 * the responsibility boundary (layers stacked, grouped by whose
 * responsibility they are) and the ISO/IEC 27002 / 27017 structure.
 * Each is one unbreakable box with its caption.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "layoutint.h"
#include "util.h"

#define GAP	4.0		/* between shapes, pt */

/* Sets text centred in a width; bold when asked.  Returns -1 on error. */
static int
centred(struct builder *b, struct setpara *sp, const char *text, int bold,
    double w)
{
	struct wp_para *p = wp_para_new();

	wp_para_add(p, text, -1, bold ? RUN_EM : 0, NULL);
	return set_para(b, sp, p, ROLE_FIGURE, w, 0);
}

static void
rect(struct box *x, double rx, double ry, double w, double h, unsigned fill,
    unsigned edge)
{
	struct wp_item *it = item_add(x, ITEM_RECT);

	it->x = rx;
	it->y = ry;
	it->w = w;
	it->h = h;
	it->fill = fill;
	it->stroke = edge;
	it->lw = 0.7;
}

/* A labelled shape: text centred in it; returns its height. */
static double
shape(struct builder *b, struct box *x, double sx, double sy, double w,
    double minh, const char *text, int bold, unsigned fill, unsigned edge)
{
	struct setpara	sp;
	double		pad = 3, th, h;

	if (centred(b, &sp, text, bold, w - 2 * pad) == -1)
		return minh;
	th = set_lines(&sp) * sp.ts->pitch;
	h = th + 2 * pad > minh ? th + 2 * pad : minh;
	rect(x, sx, sy, w, h, fill, edge);
	put_lines(x, &sp, sx + pad, sy + (h - th) / 2);
	return h;
}

static double
chip_height(struct builder *b, const char *text, double w)
{
	struct setpara sp;

	if (centred(b, &sp, text, 0, w - 6) == -1)
		return 0;
	return set_lines(&sp) * sp.ts->pitch + 6;
}

/* The height of a row of chips: its tallest (at most per of n). */
static double
row_height(struct builder *b, char **items, xmlNodePtr *nodes, size_t n,
    int per, double cw)
{
	double	h = 0, ch;
	size_t	k;

	for (k = 0; k < n && k < (size_t)per; k++) {
		at_source(b, nodes[k]);
		if ((ch = chip_height(b, items[k], cw)) > h)
			h = ch;
	}
	return h;
}

/* One layer: its label, then its items as a grid of chips. */
static double
layer(struct builder *b, struct box *x, xmlNodePtr l, double lx, double ly,
    double w, unsigned fill, unsigned edge)
{
	xmlNodePtr	 it, *nodes = NULL;
	char		*label = prop(l, "label"), **items = NULL;
	size_t		 n = 0, i, k;
	int		 per = 4;
	double		 pad = 6, y, cw, rowh;

	at_source(b, l);
	for (it = l->children; it != NULL; it = it->next)
		if (wp_xml_is(it, "item")) {
			xmlChar *v = xmlNodeGetContent(it);
			items = realloc(items, (n + 1) * sizeof(*items));
			nodes = realloc(nodes, (n + 1) * sizeof(*nodes));
			if (items == NULL || nodes == NULL)
				abort();
			nodes[n] = it;
			items[n++] = wp_strdup((const char *)v);
			xmlFree(v);
		}
	if (n > 0 && n < (size_t)per)
		per = (int)n;
	/* as many a row as fit on one line each, down to two */
	for (;; per--) {
		double one = b->st->text[ROLE_FIGURE].pitch + 6;
		cw = (w - 2 * pad - (per - 1) * GAP) / per;
		for (i = 0; i < n; i++) {
			at_source(b, nodes[i]);	/* where each is first set */
			if (chip_height(b, items[i], cw) > one)
				break;
		}
		if (i == n || per <= 2)
			break;
	}
	/* first the height, then the shapes on top of the band */
	y = ly + pad + b->st->text[ROLE_FIGURE].pitch + GAP;
	for (i = 0; i < n; i += (size_t)per)
		y += row_height(b, items + i, nodes + i, n - i, per, cw) + GAP;
	y += pad - GAP;
	rect(x, lx, ly, w, y - ly, fill, edge);
	at_source(b, l);
	shape(b, x, lx + pad, ly + pad, w - 2 * pad,
	    b->st->text[ROLE_FIGURE].pitch, label, 1, WP_NOCOLOR, WP_NOCOLOR);
	y = ly + pad + b->st->text[ROLE_FIGURE].pitch + GAP;
	for (i = 0; i < n; i += (size_t)per) {
		rowh = row_height(b, items + i, nodes + i, n - i, per, cw);
		for (k = i; k < n && k < i + (size_t)per; k++)
			shape(b, x, lx + pad + (double)(k - i) * (cw + GAP), y,
			    cw, rowh, items[k], 0, 0xFFFFFF, edge);
		y += rowh + GAP;
	}
	for (i = 0; i < n; i++)
		free(items[i]);
	free(items);
	free(nodes);
	free(label);
	return y - GAP + pad - ly;
}

static void
boundary(struct builder *b, struct box *x, xmlNodePtr f, double *y)
{
	const struct wp_style *st = b->st;
	double		 fw = st->measure * 0.94, fx = (st->measure - fw) / 2;
	double		 col = st->text[ROLE_FIGURE].size * 10;
	double		 gy = *y, ly = *y;
	xmlNodePtr	 l, first = NULL;
	char		*owner = NULL;

	for (l = f->children; ; l = l->next) {
		char *o = l != NULL && wp_xml_is(l, "layer") ? prop(l, "owner") : NULL;
		if (l != NULL && o == NULL)
			continue;
		/* a group ends where the owner changes */
		if (owner != NULL && (o == NULL || strcmp(o, owner) != 0)) {
			int cust = strcmp(owner, "customer") == 0;
			char *label = prop(first, "owner-label");
			shape(b, x, fx, gy, col - GAP, ly - GAP - gy, label, 1,
			    st->colors[cust ? COLOR_CUSTOMER : COLOR_PROVIDER],
			    st->colors[cust ? COLOR_CUSTOMER_EDGE :
			    COLOR_PROVIDER_EDGE]);
			free(label);
			free(owner);
			owner = NULL;
			gy = ly;
		}
		if (o == NULL)
			break;
		if (owner == NULL) {
			owner = o;
			first = l;
		} else
			free(o);
		{
			int cust = strcmp(owner, "customer") == 0;
			ly += layer(b, x, l, fx + col, ly, fw - col,
			    st->colors[cust ? COLOR_CUSTOMER : COLOR_PROVIDER],
			    st->colors[cust ? COLOR_CUSTOMER_EDGE :
			    COLOR_PROVIDER_EDGE]) + GAP;
		}
	}
	*y = ly - GAP;
}

static void
structure(struct builder *b, struct box *x, xmlNodePtr f, double *y)
{
	const struct wp_style *st = b->st;
	double		 fw = st->measure * 0.94, fx = (st->measure - fw) / 2;
	double		 col = st->text[ROLE_FIGURE].size * 10, top = *y, h = 0;
	xmlNodePtr	 n, base = NULL;

	for (n = f->children; n != NULL; n = n->next) {
		char *label, *note, *t;
		if (wp_xml_is(n, "base"))
			base = n;
		if (!wp_xml_is(n, "addition"))
			continue;
		label = prop(n, "label");
		note = prop(n, "note");
		t = g_strdup_printf("%s\xe2\x80\xa8%s", label, note);
		h = shape(b, x, fx + col, *y, fw - col, 0, t, 0,
		    st->colors[COLOR_PROVIDER], st->colors[COLOR_PROVIDER_EDGE]);
		*y += h + GAP;
		g_free(t);
		free(label);
		free(note);
	}
	if (base != NULL) {
		char *label = prop(base, "label"), *note = prop(base, "note");
		char *t = g_strdup_printf("%s\xe2\x80\xa8%s", label, note);
		double by = *y;
		h = shape(b, x, fx + col, *y, fw - col, 0, t, 0,
		    st->colors[COLOR_SHADE], st->colors[COLOR_RULE]);
		*y += h;
		shape(b, x, fx, by, col - GAP, h, label, 1,
		    st->colors[COLOR_SHADE], st->colors[COLOR_RULE]);
		g_free(t);
		free(label);
		free(note);
	}
	shape(b, x, fx, top, col - GAP, *y - top - (base ? h + GAP : 0),
	    "ISO/IEC 27017", 1, st->colors[COLOR_PROVIDER],
	    st->colors[COLOR_PROVIDER_EDGE]);
}

/*
 * A figure taller than a page (hundreds of items) is scaled down to fit
 * one, centred, with a warning: a vector figure keeps every item that
 * way, where cutting it would lose some.
 */
static void
fit(struct builder *b, struct box *x)
{
	double	room = b->st->page_h - b->st->top - b->st->bottom;
	double	s, dx;
	size_t	i;

	if (x->pb.h <= room)
		return;
	wp_msg(MSG_TALL, b->src, 0, "this figure", x->pb.h);
	s = room / x->pb.h;
	dx = b->st->measure * (1 - s) / 2;
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

void
figure(struct builder *b, xmlNodePtr f)
{
	const struct wp_text_style *cap = &b->st->text[ROLE_CAPTION];
	struct box	*x;
	struct setpara	 sp;
	struct wp_para	*p;
	char		*kind = prop(f, "kind"), *id = prop(f, "id");
	double		 y = 0;
	xmlNodePtr	 n;

	at_source(b, f);
	x = box_new(b, cap->size * 1.2);
	if (strcmp(kind, "boundary") == 0)
		boundary(b, x, f, &y);
	else
		structure(b, x, f, &y);
	y += cap->before;
	p = wp_para_new();
	for (n = f->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "label") || wp_xml_is(n, "caption"))
			para_inline(p, n, 0, NULL);
	if (set_para(b, &sp, p, ROLE_CAPTION, b->st->measure, 0) == 0)
		y = put_lines(x, &sp, 0, y);
	x->pb.h = y;
	at_source(b, f);
	fit(b, x);
	x->dest = id;
	b->pending = cap->after;
	free(kind);
}
