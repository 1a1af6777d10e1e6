/*
 * pages: the boxes placed on pages (paginate.c decides where the breaks
 * fall), each page's items moved into place; the contents' page numbers
 * filled in now that they are known; running heads and page numbers;
 * destinations and bookmarks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "typeset/engine.h"

static void
place_box(struct wp_page *pg, const struct wp_box *x, double dx, double dy)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		wp_page_add(pg, &x->items[i], dx, dy);
}

/* A table's header row again on a following page: a repetition the
 * pages made, not content, and no link's second annotation. */
static void
place_repeat(struct wp_page *pg, const struct wp_box *x, double dx, double dy)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (x->items[i].kind != ITEM_LINK)
			wp_page_add(pg, &x->items[i], dx, dy)->elem =
			    WP_ARTIFACT;
}

/* A text line set now and put on a page (page numbers, leaders). */
static void
page_text(struct wp_engine *e, struct wp_page *pg, const char *text,
    enum wp_role role, double x, double y, int align_right)
{
	struct wp_lines	sp;
	struct wp_box	tmp = { 0 };

	if (wp_lines_text(e, &sp, text, role, e->st->measure) == -1)
		return;
	wp_lines_put(&tmp, &sp, 0, align_right ? x - wp_lines_width(&sp, 0) : x, 0);
	place_box(pg, &tmp, 0, y);
	free(tmp.items);
}

/*
 * A contents entry's last line, now that its page is known: see
 * wp_lines_entry().
 */
static void
resolve_pageref(struct wp_engine *e, struct wp_page *pg, const struct wp_box *x,
    double top)
{
	const struct wp_dest	*d = wp_doc_dest(e->doc, x->pageref);
	struct wp_lines		 sp;
	struct wp_box		 tmp = { 0 };
	char			 num[16];
	size_t			 i;
	int			 open, rc;

	if (d == NULL)
		return;
	snprintf(num, sizeof num, "%d", d->page + 1);
	/* its links and English are elements of the entry's, in place */
	open = e->elem;
	e->elem = x->elem;
	rc = wp_lines_entry(e, &sp, x->ref_role, x->ref_lead, x->ref_text,
	    x->ref_col, num, e->st->measure - x->ref_x);
	e->elem = open;
	if (rc == -1)
		return;
	tmp.elem = x->elem;	/* the entry's, but for its leaders */
	wp_lines_put(&tmp, &sp, 0, e->st->left + x->ref_x, 0);
	place_box(pg, &tmp, 0, top + x->ref_base);
	for (i = 0; i < tmp.n; i++)
		free(tmp.items[i].target);
	free(tmp.items);
}

/* A running text: the pattern with {page}, {short}, {kind}, {title}. */
static char *
running(const struct wp_doc *d, const char *pat, int page)
{
	GString		*s = g_string_new(NULL);
	const char	*at;
	char		 num[16];

	snprintf(num, sizeof num, "%d", page);
	while ((at = strchr(pat, '{')) != NULL) {
		const char *v = NULL, *end = strchr(at, '}');
		size_t n = end ? (size_t)(end - at + 1) : 1;
		g_string_append_len(s, pat, at - pat);
		if (strncmp(at, "{page}", n) == 0)
			v = num;
		else if (strncmp(at, "{short}", n) == 0)
			v = d->short_name;
		else if (strncmp(at, "{kind}", n) == 0)
			v = d->kind;
		else if (strncmp(at, "{title}", n) == 0)
			v = d->title;
		if (v != NULL)
			g_string_append(s, v);
		else
			g_string_append_len(s, at, (gssize)n);
		pat = at + n;
	}
	g_string_append(s, pat);
	return g_string_free(s, FALSE);
}

static void
add_running(struct wp_engine *e, struct wp_page *pg, int page)
{
	const struct wp_style	*st = e->st;
	char			*s;

	s = running(e->doc, st->footer_pattern, page);
	page_text(e, pg, s, ROLE_FOOTER, st->left,
	    st->page_h - st->footer_offset, 0);
	g_free(s);
	if (st->header_pattern == NULL)
		return;
	s = running(e->doc, st->header_pattern, page);
	page_text(e, pg, s, ROLE_FOOTER, st->left, st->header_offset, 0);
	g_free(s);
}

static void
place(struct wp_engine *e)
{
	struct wp_pbox	*pb = wp_calloc(e->n + 1, sizeof(*pb));
	struct wp_place	*pl = wp_calloc(e->n + 1, sizeof(*pl));
	double		 avail = e->st->page_h - e->st->top - e->st->bottom;
	int		 npages, *no_folio, p;
	size_t		 i;
	struct wp_doc	*d = e->doc;

	for (i = 0; i < e->n; i++)
		pb[i] = e->boxes[i].pb;
	npages = wp_paginate(pb, e->n, avail, pl);
	d->npages = (size_t)npages;
	d->pages = wp_calloc(d->npages + 1, sizeof(*d->pages));
	no_folio = wp_calloc(d->npages + 1, sizeof(*no_folio));
	for (i = 0; i < e->n; i++) {
		const struct wp_box *x = &e->boxes[i];
		double top = e->st->top + pl[i].y;
		if (x->dest != NULL)
			wp_doc_add_dest(d, x->dest, pl[i].page, top);
		if (x->no_folio)
			no_folio[pl[i].page] = 1;
	}
	for (i = 0; i < e->n; i++) {
		const struct wp_box *x = &e->boxes[i];
		struct wp_page *pg = &d->pages[pl[i].page];
		double top = e->st->top + pl[i].y;
		if (pl[i].repeat)
			place_repeat(pg, &e->boxes[x->pb.header], e->st->left,
			    top - e->boxes[x->pb.header].pb.h);
		place_box(pg, x, e->st->left, top);
		if (x->pageref != NULL)
			resolve_pageref(e, pg, x, top);
	}
	for (p = 0; p < npages; p++)
		if (!no_folio[p])
			add_running(e, &d->pages[p], p + 1);
	free(no_folio);
	free(pb);
	free(pl);
}

static void
collect_marks(struct wp_engine *e)
{
	struct wp_doc	*d = e->doc;
	size_t		 i;

	for (i = 0; i < e->n; i++) {
		const struct wp_box *x = &e->boxes[i];
		if (x->mark == 0)
			continue;
		d->marks = wp_reallocarray(d->marks, d->nmarks + 1,
		    sizeof(*d->marks));
		d->marks[d->nmarks++] = (struct wp_mark){ x->mark,
		    wp_strdup(x->mark_title), wp_strdup(x->dest) };
	}
}

void
wp_engine_pages(struct wp_engine *e)
{
	place(e);
	collect_marks(e);
}
