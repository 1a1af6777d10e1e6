/*
 * front: the parts around the text: the cover, the table of contents
 * (each entry's page number filled in by pages.c once known), and the
 * back matter with its colophon.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "input/xml.h"
#include "model/model.h"
#include "typeset/walk.h"

/* Sets text in a role and puts it in a box at (x, y); returns the y below. */
static double
put_para(struct wp_engine *e, struct wp_box *x, struct wp_para *p,
    enum wp_role role, double at, double indent, double y)
{
	struct wp_lines	 sp;
	int		 in = x->elem, open = e->elem, rc;

	/* a paragraph of the box's element, its links and English in it */
	x->elem = e->elem = wp_doc_elem(e->doc, EL_P, in);
	rc = wp_lines_set(e, &sp, p, role, e->st->measure - at, indent);
	e->elem = open;
	if (rc == 0)
		y = wp_lines_put_all(x, &sp, at, y);
	x->elem = in;
	return y;
}

static double
put_text(struct wp_engine *e, struct wp_box *x, const char *text,
    unsigned flags, enum wp_role role, double at, double y)
{
	struct wp_para	*p = wp_para_new();

	wp_para_add(p, text, -1, flags, NULL);
	return put_para(e, x, p, role, at, 0, y);
}

/* A meta element's text put in a box; returns the y below. */
static double
put_meta(struct wp_engine *e, struct wp_box *x, const xmlNode *meta,
    const char *name, unsigned flags, enum wp_role role, double at, double y)
{
	const xmlNode	*n = wp_xml_child(meta, name);
	char		*s;

	if (n == NULL)
		return y;
	wp_flow_source(e, n);
	/* a title: phrased by the model, set between phrases */
	if (wp_attr(n, "wbr") != NULL)
		return put_text(e, x, wp_attr(n, "wbr"), flags | RUN_PHRASED,
		    role, at, y);
	s = wp_text_all(n);
	y = put_text(e, x, s, flags, role, at, y);
	free(s);
	return y;
}

/* A vertical accent bar at the left of a block, from y0 to y1. */
static void
bar(struct wp_engine *e, struct wp_box *x, double y0, double y1, double w)
{
	struct wp_item *it = wp_item_add(x, ITEM_RECT);

	it->elem = WP_ARTIFACT;
	it->y = y0;
	it->w = w;
	it->h = y1 - y0;
	it->fill = e->st->colors[COLOR_ACCENT];
}

/*
 * The cover: kind, title, version and date set off by an accent bar,
 * the publisher and document number at the foot.  It has no page number.
 */
void
wp_flow_cover(struct wp_engine *e, const xmlNode *meta)
{
	const struct wp_style *st = e->st;
	struct wp_box	*x;
	double		 in = st->text[ROLE_COVER_TITLE].size, y, top;
	double		 avail = wp_engine_avail(e);

	wp_struct_open(e, EL_SECT);
	x = wp_box_new(e, 0);

	x->pb.h = avail;
	x->no_folio = 1;
	top = y = avail * st->cover_title_at;
	y = put_meta(e, x, meta, "document-kind", 0, ROLE_COVER_KIND, in, y);
	y = put_meta(e, x, meta, "title", 0, ROLE_COVER_TITLE, in,
	    y + st->cover_title_gap);
	bar(e, x, top, y, st->cover_bar);
	y = avail * st->cover_meta_at;
	y = put_meta(e, x, meta, "version-label", 0, ROLE_COVER_META, in, y);
	put_meta(e, x, meta, "date", 0, ROLE_COVER_META, in, y);
	y = avail - st->cover_publisher_lines *
	    st->text[ROLE_COVER_PUBLISHER].pitch;
	/* a reviewer's copy: the legend of its marks, above the foot */
	if (wp_xml_child(meta->parent, "legend") != NULL)
		wp_flow_legend(e, x, wp_xml_child(meta->parent, "legend"),
		    avail * st->cover_meta_at + 3 *
		    st->text[ROLE_COVER_META].pitch);
	y = put_meta(e, x, meta, "publisher", 0, ROLE_COVER_PUBLISHER, in, y);
	put_meta(e, x, meta, "document-number", 0, ROLE_COVER_META, in, y);
	wp_struct_close(e);
}

/* ---- the contents ---------------------------------------------------- */

/* Between an entry's number and its title, in em: the full-width
 * space wp_lines_entry() sets after a lead. */
#define TOC_GAP		0.4

struct entry {
	int		 level;		/* 1 to 3 */
	const char	*number;	/* or NULL */
	const char	*title, *id;
	const xmlNode	*at;		/* its heading, for messages */
};

struct entries {
	struct entry	*v;
	size_t		 n, cap;
};

static void
add_entry(struct entries *es, int level, const xmlNode *n, const char *num)
{
	es->v = wp_grow(es->v, &es->cap, es->n, sizeof(*es->v));
	es->v[es->n++] = (struct entry){ level, num != NULL ?
	    wp_attr(n, num) : NULL, wp_attr(n, "title"), wp_attr(n, "id"), n };
}

/* The headings the contents list, down to depth. */
static void
collect(const xmlNode *root, int depth, struct entries *es)
{
	const xmlNode	*s, *sub, *ch, *cl;

	for (s = root->children; s != NULL; s = s->next) {
		if (wp_xml_is(s, "section")) {
			add_entry(es, 1, s, NULL);
			for (sub = s->children; depth > 1 && sub; sub = sub->next)
				if (wp_xml_is(sub, "section"))
					add_entry(es, 2, sub, NULL);
		} else if (wp_xml_is(s, "controls")) {
			add_entry(es, 1, s, NULL);
			for (ch = s->children; depth > 1 && ch; ch = ch->next) {
				if (!wp_xml_is(ch, "chapter"))
					continue;
				add_entry(es, 2, ch, "label");
				for (cl = ch->children; depth > 2 && cl;
				    cl = cl->next)
					/* a redline's removed clause is no
					 * part of this version */
					if (wp_xml_is(cl, "clause") &&
					    wp_flow_change(cl) != RUN_DEL)
						add_entry(es, 3, cl, "number");
			}
		}
	}
}

/*
 * One entry: its number set right-aligned in the level's number column
 * (9. and 10. end at one place), then the title, so that every title of
 * a level starts at one place and a wrapped one continues there (col);
 * the number and title one run of text with a space between (text
 * extraction reads aligned columns apart).  Every line but the last
 * now, the last with its leaders and page when pages.c knows it.
 * Returns -1 after reporting.
 */
static int
toc_entry(struct wp_engine *e, const struct entry *en, double col)
{
	const struct wp_style *st = e->st;
	enum wp_role	 role = ROLE_TOC1 + en->level - 1;
	const struct wp_text_style *ts = &st->text[role];
	double		 at = (en->level - 1) * st->toc_indent, shift = 0;
	struct wp_lines	 sp, num;
	struct wp_box	*x;
	struct wp_item	*it;
	int		 last, k;

	wp_flow_source(e, en->at);
	/* an entry is a link to its heading: number, title and page (open
	 * first: the title's English is the link's) */
	wp_struct_open(e, EL_TOCI);
	wp_struct_elem(e, wp_struct_open(e, EL_LINK))->alt = en->number ?
	    g_strdup_printf("%s %s", en->number, en->title) :
	    g_strdup(en->title);
	if (en->number != NULL) {
		if (wp_lines_text(e, &num, en->number, role, st->measure) == -1)
			goto fail;
		shift = col - wp_lines_width(&num, 0) - ts->size * TOC_GAP;
	}
	if (wp_lines_text(e, &sp, en->title, role, st->measure - at - col -
	    st->toc_number_w - ts->size * 2) == -1)
		goto fail;
	x = wp_box_new(e, ts->before);
	last = wp_lines_count(&sp) - 1;
	for (k = 0; k < last; k++) {
		struct wp_lines	 ln;
		char		*t = wp_lines_string(&sp, k);
		if (k == 0 && wp_lines_entry(e, &ln, role, en->number, t, 0,
		    NULL, st->measure - at - shift) == 0)
			wp_lines_put(x, &ln, 0, at + shift, wp_baseline(ts));
		else if (k > 0)
			wp_lines_put(x, &sp, k, at + col, k * ts->pitch +
			    wp_baseline(ts));
		g_free(t);
	}
	x->pb.h = (last + 1) * ts->pitch;
	x->pageref = wp_strdup(en->id);
	x->ref_role = role;
	x->ref_lead = last == 0 && en->number ? wp_strdup(en->number) : NULL;
	x->ref_x = last == 0 ? at + shift : at + col;
	x->ref_col = 0;
	x->ref_base = last * ts->pitch + wp_baseline(ts);
	x->ref_text = wp_lines_string(&sp, last);
	it = wp_item_add(x, ITEM_LINK);
	it->x = at;
	it->w = st->measure - at;
	it->h = x->pb.h;
	it->target = g_strconcat("#", en->id, NULL);
	e->pending = ts->after;
	wp_struct_close(e);
	wp_struct_close(e);
	return 0;
fail:
	wp_struct_close(e);
	wp_struct_close(e);
	return -1;
}

void
wp_flow_toc(struct wp_engine *e, const xmlNode *n)
{
	const struct wp_style *st = e->st;
	struct entries	 es = { NULL, 0, 0 };
	double		 numw[4] = { 0 };
	struct wp_lines	 sp;
	size_t		 i;

	wp_flow_source(e, n);
	wp_struct_open(e, EL_SECT);
	wp_flow_heading(e, ROLE_TOC_TITLE, NULL, wp_display(n, "title"),
	    wp_attr(n, "id"), 1, 1);
	wp_struct_open(e, EL_TOC);
	e->keep_next = 0;
	collect(xmlDocGetRootElement(n->doc), st->toc_depth, &es);
	/* each level's widest number */
	for (i = 0; i < es.n; i++)
		if (es.v[i].number != NULL && wp_lines_text(e, &sp,
		    es.v[i].number, ROLE_TOC1 + es.v[i].level - 1,
		    st->measure) == 0 && wp_lines_width(&sp, 0) >
		    numw[es.v[i].level])
			numw[es.v[i].level] = wp_lines_width(&sp, 0);
	for (i = 0; i < es.n && !e->failed; i++) {
		int lv = es.v[i].level;
		double col = numw[lv] > 0 ? numw[lv] +
		    st->text[ROLE_TOC1 + lv - 1].size * TOC_GAP : 0;
		if (toc_entry(e, &es.v[i], col) == -1)
			break;
	}
	wp_struct_close(e);
	wp_struct_close(e);
	free(es.v);
}

/* The back matter: its sections, then the colophon at the last page's foot. */
void
wp_flow_backmatter(struct wp_engine *e, const xmlNode *n)
{
	const xmlNode	*c, *s;
	struct wp_box	*x;
	double		 in = e->st->text[ROLE_SMALL].size *
			    e->st->colophon_indent, y = 0;

	for (s = n->children; s != NULL; s = s->next)
		if (wp_xml_is(s, "section"))
			wp_flow_section(e, s, 1, ROLE_SMALL);
	if ((c = wp_xml_child(n, "colophon")) == NULL)
		return;
	/* the colophon: a paragraph a line, of the document */
	x = wp_box_new(e, e->st->text[ROLE_BODY].size *
	    e->st->colophon_before);
	x->pb.bottom = 1;
	y = put_meta(e, x, c, "title", RUN_EM, ROLE_SMALL, in, y);
	y = put_meta(e, x, c, "publisher", 0, ROLE_SMALL, in, y);
	y = put_meta(e, x, c, "document-number", 0, ROLE_SMALL, in, y);
	bar(e, x, 0, y, e->st->colophon_bar);
	x->pb.h = y;
}

/* ---- a reviewer's copy ------------------------------------------------ */

/*
 * The legend: its title, then its paragraphs as body text at the full
 * measure (so that they read, and justify, as the text they explain),
 * in a frame just outside the column.
 */
double
wp_flow_legend(struct wp_engine *e, struct wp_box *x, const xmlNode *lg,
    double y)
{
	const struct wp_text_style *ts = &e->st->text[ROLE_BODY];
	double		 pad = ts->size * e->st->cell_pad, top = y;
	int		 bars = e->bars, own = x == NULL;
	struct wp_item	*it;

	if (own)
		x = wp_box_new(e, ts->size);
	e->bars = 0;		/* its marks are samples, not changes */
	wp_flow_source(e, lg);
	y = put_text(e, x, wp_display(lg, "title"), RUN_PHRASED,
	    ROLE_TABLE_HEAD, 0, y + pad);
	for (const xmlNode *p = lg->children; p != NULL; p = p->next) {
		struct wp_para *para;
		if (!wp_xml_is(p, "p"))
			continue;
		para = wp_para_new();
		wp_flow_inline(para, p, 0, NULL);
		y = put_para(e, x, para, ROLE_BODY, 0, ts->indent, y);
	}
	e->bars = bars;
	y += pad;
	it = wp_item_add(x, ITEM_RECT);
	it->x = -pad;
	it->y = top;
	it->w = e->st->measure + 2 * pad;
	it->h = y - top;
	it->stroke = e->st->colors[COLOR_CHANGE];
	it->lw = e->st->table_rule;
	if (own) {
		x->pb.h = y;
		e->pending = ts->size;
	}
	return y;
}
