/*
 * doc: the display list's bookkeeping.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "typeset/compose.h"
#include "typeset/doc.h"

struct wp_doc *
wp_doc_new(double page_w, double page_h)
{
	struct wp_doc	*d = wp_calloc(1, sizeof(*d));

	d->page_w = page_w;
	d->page_h = page_h;
	d->layouts = g_ptr_array_new_with_free_func(g_object_unref);
	d->paras = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)wp_para_free);
	d->lang = "ja";
	wp_doc_elem(d, EL_DOCUMENT, -1);
	return d;
}

int
wp_doc_elem(struct wp_doc *d, enum wp_elem_type type, int parent)
{
	d->elems = wp_grow(d->elems, &d->elemcap, d->nelems,
	    sizeof(*d->elems));
	d->elems[d->nelems] = (struct wp_elem){ .type = type,
	    .parent = parent };
	return (int)d->nelems++;
}

struct wp_item *
wp_page_add(struct wp_page *pg, const struct wp_item *it, double dx, double dy)
{
	struct wp_item *o;

	pg->items = wp_grow(pg->items, &pg->cap, pg->n, sizeof(*pg->items));
	o = &pg->items[pg->n++];
	*o = *it;
	o->x += dx;
	o->y += dy;
	o->target = it->target ? wp_strdup(it->target) : NULL;
	return o;
}

void
wp_doc_add_dest(struct wp_doc *d, const char *id, int page, double y)
{
	d->dests = wp_reallocarray(d->dests, d->ndests + 1, sizeof(*d->dests));
	d->dests[d->ndests++] = (struct wp_dest){ wp_strdup(id), page, y };
}

const struct wp_dest *
wp_doc_dest(const struct wp_doc *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->ndests; i++)
		if (strcmp(d->dests[i].id, id) == 0)
			return &d->dests[i];
	return NULL;
}

void
wp_doc_free(struct wp_doc *d)
{
	size_t i, k;

	if (d == NULL)
		return;
	for (i = 0; i < d->npages; i++) {
		for (k = 0; k < d->pages[i].n; k++)
			free(d->pages[i].items[k].target);
		free(d->pages[i].items);
	}
	free(d->pages);
	for (i = 0; i < d->nmarks; i++) {
		free(d->marks[i].title);
		free(d->marks[i].id);
	}
	free(d->marks);
	for (i = 0; i < d->ndests; i++)
		free(d->dests[i].id);
	free(d->dests);
	for (i = 0; i < d->nelems; i++) {
		g_free(d->elems[i].alt);
		g_free(d->elems[i].actual);
	}
	free(d->elems);
	g_ptr_array_free(d->layouts, TRUE);
	g_ptr_array_free(d->paras, TRUE);
	free(d->title);
	free(d->author);
	g_free(d->subject);
	free(d->short_name);
	free(d->kind);
	free(d->keywords);
	free(d->date);
	free(d);
}

/* Whether the text at byte i was inserted (1: underlined) or deleted
 * (2: struck through) in a reviewer's copy; else 0. */
static int
changed_at(GSList *attrs, guint i)
{
	for (GSList *a = attrs; a != NULL; a = a->next) {
		PangoAttribute *at = a->data;
		if (i < at->start_index || i >= at->end_index)
			continue;
		if (at->klass->type == PANGO_ATTR_UNDERLINE)
			return 1;
		if (at->klass->type == PANGO_ATTR_STRIKETHROUGH)
			return 2;
	}
	return 0;
}

/* A line's text as a reader reads it: the composer's invisible break
 * marks dropped, its narrowed space a space; what a reviewer's copy
 * inserted {+so+} and deleted [-so-], as diff's report marks them. */
static void
put_text(FILE *fp, const struct wp_item *it)
{
	static const char *const open[] = { "", "{+", "[-" };
	static const char *const close[] = { "", "+}", "-]" };
	const char	*all = pango_layout_get_text(it->line->layout);
	const char	*t = all + it->line->start_index;
	const char	*end = t + it->line->length;
	PangoAttrList	*l = pango_layout_get_attributes(it->line->layout);
	GSList		*attrs = l != NULL ? pango_attr_list_get_attributes(l) :
			    NULL;
	int		 cur = 0, m;

	for (; t < end; t = g_utf8_next_char(t)) {
		gunichar c = g_utf8_get_char(t);
		if ((m = changed_at(attrs, (guint)(t - all))) != cur &&
		    c != 0x200B && c != 0x2028) {
			fprintf(fp, "%s%s", close[cur], open[m]);
			cur = m;
		}
		if (c == 0x2002)
			fputc(' ', fp);
		else if (c != 0x200B && c != 0x2028)
			fprintf(fp, "%.*s", (int)(g_utf8_next_char(t) - t), t);
	}
	fputs(close[cur], fp);
	g_slist_free_full(attrs, (GDestroyNotify)pango_attribute_destroy);
}

void
wp_doc_dump(const struct wp_doc *d, FILE *fp)
{
	const PangoLayoutLine	*last;
	size_t			 i, k;

	for (i = 0; i < d->npages; i++) {
		fprintf(fp, "=== page %zu\n", i + 1);
		for (k = 0, last = NULL; k < d->pages[i].n; k++) {
			const struct wp_item *it = &d->pages[i].items[k];
			if (it->kind == ITEM_RULE && it->change)
				fprintf(fp, "%6.1f %5.1f | change bar to "
				    "%.1f\n", it->y, it->x, it->y + it->h);
			if (it->kind != ITEM_TEXT || it->line == last)
				continue;
			last = it->line;
			fprintf(fp, "%6.1f %5.1f ", it->y, it->x);
			put_text(fp, it);
			fputc('\n', fp);
		}
	}
	for (i = 0; i < d->nmarks; i++)
		fprintf(fp, "mark %d %s %s\n", d->marks[i].level,
		    d->marks[i].id, d->marks[i].title);
}
