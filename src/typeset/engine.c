/*
 * engine: a document being typeset, and its boxes.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "typeset/engine.h"
#include "typeset/setcache.h"

void
wp_engine_start(struct wp_engine *e, struct wp_fonts *f,
    const struct wp_style *st)
{
	memset(e, 0, sizeof(*e));
	e->fonts = f;
	e->st = st;
	e->doc = wp_doc_new(st->page_w, st->page_h);
	wp_setcache_tick(wp_fonts_setcache(f));
	e->src = wp_strdup("(document)");
}

int
wp_struct_add(struct wp_engine *e, enum wp_elem_type type)
{
	return wp_doc_elem(e->doc, type, e->elem);
}

int
wp_struct_open(struct wp_engine *e, enum wp_elem_type type)
{
	return e->elem = wp_struct_add(e, type);
}

void
wp_struct_close(struct wp_engine *e)
{
	/* the root stays open: a walker closes what it opened */
	if (e->elem > 0)
		e->elem = e->doc->elems[e->elem].parent;
}

struct wp_elem *
wp_struct_elem(struct wp_engine *e, int i)
{
	return &e->doc->elems[i];
}

struct wp_doc *
wp_engine_finish(struct wp_engine *e)
{
	struct wp_doc	*d = e->doc;
	size_t		 i, k;

	for (i = 0; i < e->n; i++) {
		struct wp_box *x = &e->boxes[i];
		for (k = 0; k < x->n; k++)
			free(x->items[k].target);
		free(x->items);
		free(x->dest);
		free(x->mark_title);
		free(x->pageref);
		g_free(x->ref_text);
		free(x->ref_lead);
	}
	free(e->boxes);
	free(e->src);
	free(e->glyph_src);
	if (e->failed) {
		wp_doc_free(d);
		d = NULL;
	}
	memset(e, 0, sizeof(*e));
	return d;
}

void
wp_engine_source(struct wp_engine *e, const char *src)
{
	free(e->src);
	e->src = wp_strdup(src != NULL ? src : "(document)");
}

double
wp_engine_avail(const struct wp_engine *e)
{
	return e->st->page_h - e->st->top - e->st->bottom;
}

struct wp_box *
wp_box_new(struct wp_engine *e, double before)
{
	struct wp_box	*x;

	e->boxes = wp_grow(e->boxes, &e->cap, e->n, sizeof(*e->boxes));
	x = &e->boxes[e->n++];
	memset(x, 0, sizeof(*x));
	x->pb.before = before > e->pending ? before : e->pending;
	x->pb.header = -1;
	x->elem = e->elem;
	e->pending = 0;
	return x;
}

struct wp_item *
wp_item_add(struct wp_box *x, enum wp_item_kind kind)
{
	struct wp_item	*it;

	x->items = wp_grow(x->items, &x->cap, x->n, sizeof(*x->items));
	it = &x->items[x->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->fill = it->stroke = WP_NOCOLOR;
	it->elem = x->elem;
	return it;
}

void
wp_box_dest(struct wp_box *x, const char *id, int mark, const char *title)
{
	x->dest = wp_strdup(id);
	x->mark = mark;
	x->mark_title = mark ? wp_strdup(title) : NULL;
}
