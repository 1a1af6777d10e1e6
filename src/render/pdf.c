/*
 * pdf: the Cairo PDF back end.  It draws the display list as it is;
 * every decision about where things go was made by the layout.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "render/pdf.h"
#include "render/pdfint.h"

struct sink {
	unsigned char	*buf;
	size_t		 len, cap;
};

static cairo_status_t
write_cb(void *closure, const unsigned char *data, unsigned int n)
{
	struct sink *s = closure;

	if (s->len + n > s->cap) {
		while (s->len + n > s->cap)
			s->cap = s->cap ? 2 * s->cap : 65536;
		s->buf = wp_reallocarray(s->buf, s->cap, 1);
	}
	memcpy(s->buf + s->len, data, n);
	s->len += n;
	return CAIRO_STATUS_SUCCESS;
}

/* The written bytes to the caller if cairo says all went well. */
static int
hand_over(const struct wp_doc *d, cairo_status_t st, struct sink *sk,
    unsigned char **buf, size_t *len)
{
	if (st != CAIRO_STATUS_SUCCESS) {
		wp_msg(MSG_PDF, d->title, 0, cairo_status_to_string(st));
		free(sk->buf);
		return -1;
	}
	*buf = sk->buf;
	*len = sk->len;
	return 0;
}

static void
source(cairo_t *cr, unsigned c)
{
	cairo_set_source_rgb(cr, (c >> 16 & 0xff) / 255.0,
	    (c >> 8 & 0xff) / 255.0, (c & 0xff) / 255.0);
}

/* A cairo attribute string value: quotes and backslashes escaped. */
static char *
quoted(const char *s)
{
	GString *g = g_string_new("'");

	for (; *s != '\0'; s++) {
		if (*s == '\'' || *s == '\\')
			g_string_append_c(g, '\\');
		g_string_append_c(g, *s);
	}
	g_string_append_c(g, '\'');
	return g_string_free(g, FALSE);
}

/*
 * Whether a URI byte may stand as it is.  cairo 1.16 writes a link's URI
 * into the PDF unescaped, as "/URI (...)": a ')' would end the string
 * (and a backslash escape what follows) and let the rest be read as PDF
 * syntax, an action that runs script, say.  So every byte but RFC
 * 3986's unreserved and reserved characters is percent-encoded, and so
 * are '(' and ')', which the RFC allows but a PDF string does not.
 */
static int
uri_plain(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || strchr("-._~:/?#[]@!$&'*+,;=", c) != NULL;
}

static int
hex_digit(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

char *
wp_pdf_uri(const char *uri)
{
	GString			*g = g_string_sized_new(strlen(uri) + 16);
	const unsigned char	*s = (const unsigned char *)uri;

	for (; *s != '\0'; s++) {
		if (uri_plain(*s) || (*s == '%' && hex_digit((char)s[1]) &&
		    hex_digit((char)s[2])))
			g_string_append_c(g, (char)*s);
		else
			g_string_append_printf(g, "%%%02X", *s);
	}
	return g_string_free(g, FALSE);
}

/* "page=N pos=[x y]" for an id, or a uri; NULL if the id is unknown. */
static char *
link_attrs(const struct wp_doc *d, const char *target)
{
	const struct wp_dest	*dst;
	char			*q, *s, *u;

	if (target[0] != '#') {
		u = wp_pdf_uri(target);
		q = quoted(u);
		g_free(u);
		s = g_strdup_printf("uri=%s", q);
		g_free(q);
		return s;
	}
	if ((dst = wp_doc_dest(d, target + 1)) == NULL)
		return NULL;
	return g_strdup_printf("page=%d pos=[0 %.2f]", dst->page + 1,
	    dst->y > 12 ? dst->y - 12 : 0);
}

/* ---- a line's glyphs ----------------------------------------------------

   cairo's cost is per call as much as per glyph, and paid twice (its
   analysis of the page, then the writing): Pango draws a line one run
   (an item: a script, a font, an attribute's stretch) a call, a dozen
   a line of mixed text.  Here consecutive runs of one font and colour
   are drawn in one call, each glyph where pango_renderer_draw_layout_line()
   puts it (the same sums) and with the text clusters Pango gives it
   (pangocairo-render.c), so that copying the text reads the same.  A
   piece of a line (a link, a stretch of English: another element's) is
   drawn so too, apart from the rest.  Only a whole line with what Pango
   draws besides glyphs (a reviewer's copy's underline and
   strike-through) is left to Pango.  No run is right to left: every
   script that is has no glyph in the fonts, which fails the document
   before it is drawn. */

/* Whether Pango draws anything of a run but its glyphs in its colour. */
static int
decorated(const PangoGlyphItem *run)
{
	const GSList	*l;

	for (l = run->item->analysis.extra_attrs; l != NULL; l = l->next)
		switch (((const PangoAttribute *)l->data)->klass->type) {
		case PANGO_ATTR_FOREGROUND:
		case PANGO_ATTR_LETTER_SPACING:
		case PANGO_ATTR_FONT_FEATURES:
		case PANGO_ATTR_ALLOW_BREAKS:
		case PANGO_ATTR_INSERT_HYPHENS:
			break;
		default:
			return 1;
		}
	return 0;
}

/* Whether a run is part of the item drawn (all of its line, or one
 * piece). */
static int
in_item(const struct wp_item *it, const PangoGlyphItem *run)
{
	unsigned at = (unsigned)run->item->offset;

	return it->start == it->end || (at >= it->start && at < it->end);
}

static const PangoColor *
run_fg(const PangoGlyphItem *run)
{
	const GSList	*l;

	for (l = run->item->analysis.extra_attrs; l != NULL; l = l->next)
		if (((const PangoAttribute *)l->data)->klass->type ==
		    PANGO_ATTR_FOREGROUND)
			return &((const PangoAttrColor *)l->data)->color;
	return NULL;
}

/* Whether run b can be drawn in the call that draws run a. */
static int
one_call(const PangoGlyphItem *a, const PangoGlyphItem *b)
{
	const PangoColor *ca = run_fg(a), *cb = run_fg(b);

	return a->item->analysis.font == b->item->analysis.font &&
	    a->y_offset == b->y_offset &&
	    b->item->offset == a->item->offset + a->item->length &&
	    (ca == cb || (ca != NULL && cb != NULL && ca->red == cb->red &&
	    ca->green == cb->green && ca->blue == cb->blue));
}

/* Whether Pango draws a glyph: neither nothing nor a missing one (it
 * draws a box for that, and wpgen fails such a document). */
static int
drawn(const PangoGlyphInfo *gi)
{
	return gi->glyph != PANGO_GLYPH_EMPTY &&
	    !(gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG);
}

/*
 * Draws runs from..to (list nodes; the first at off, in Pango units
 * from the line's start x) in one call, with their text.  A cluster none
 * of whose glyphs is drawn (a contents line's leaders that fit_leaders()
 * dropped) is left out, text and all: cairo would mark its text as the
 * ActualText of nothing, a span a thousand times on a contents page.
 */
static void
show_runs(cairo_t *cr, const char *text, GSList *from, GSList *to,
    double x, double y, int off)
{
	const PangoGlyphItem	*first = from->data;
	const PangoColor	*c = run_fg(first);
	cairo_glyph_t		*g;
	cairo_text_cluster_t	*cl;
	char			*u;
	size_t			 ng = 0, nc = 0, nu = 0, max = 0, bytes = 0;
	GSList			*l;

	for (l = from;; l = l->next) {
		const PangoGlyphItem *run = l->data;
		max += (size_t)run->glyphs->num_glyphs;
		bytes += (size_t)run->item->length;
		if (l == to)
			break;
	}
	g = wp_reallocarray(NULL, max + 1, sizeof(*g));
	cl = wp_reallocarray(NULL, max + 1, sizeof(*cl));
	u = wp_reallocarray(NULL, bytes + 1, 1);
	for (l = from;; l = l->next) {
		PangoGlyphItem *run = l->data;
		PangoGlyphItemIter iter;
		int xp = 0;
		off += l == from ? 0 : run->start_x_offset;
		for (int i = 0; i < run->glyphs->num_glyphs; i++) {
			const PangoGlyphInfo *gi = &run->glyphs->glyphs[i];
			if (drawn(gi))
				g[ng++] = (cairo_glyph_t){ gi->glyph, x +
				    (double)(off + xp + gi->geometry.x_offset) /
				    PANGO_SCALE, y + (double)(gi->geometry.y_offset
				    - run->y_offset) / PANGO_SCALE };
			xp += gi->geometry.width;
		}
		if (pango_glyph_item_iter_init_start(&iter, run, text))
			do {
				int n = 0;
				for (int i = iter.start_glyph; i < iter.end_glyph;
				    i++)
					n += drawn(&run->glyphs->glyphs[i]);
				if (n == 0)
					continue;
				cl[nc++] = (cairo_text_cluster_t){ iter.end_index -
				    iter.start_index, n };
				memcpy(u + nu, text + iter.start_index,
				    (size_t)(iter.end_index - iter.start_index));
				nu += (size_t)(iter.end_index - iter.start_index);
			} while (pango_glyph_item_iter_next_cluster(&iter));
		off += xp + run->end_x_offset;
		if (l == to)
			break;
	}
	if (ng > 0) {
		cairo_save(cr);
		if (c != NULL)
			cairo_set_source_rgb(cr, c->red / 65535.,
			    c->green / 65535., c->blue / 65535.);
		cairo_set_scaled_font(cr, wp_pdf_font(cr,
		    first->item->analysis.font));
		cairo_show_text_glyphs(cr, u, (int)nu, g, (int)ng, cl, (int)nc,
		    0);
		cairo_restore(cr);
	}
	free(g);
	free(cl);
	free(u);
}

/* Whether a line is drawn by Pango (pango_cairo_show_layout_line()). */
static int
pango_draws(const struct wp_item *it)
{
	const GSList *l;

	if (it->start != it->end)	/* a piece: drawn here, glyphs only */
		return 0;
	for (l = it->line->runs; l != NULL; l = l->next)
		if (decorated(l->data))
			return 1;
	return 0;
}

static void
show_line(cairo_t *cr, const struct wp_item *it)
{
	const char	*text = pango_layout_get_text(it->line->layout);
	GSList		*l, *from = NULL, *to = NULL;
	double		 x, y;
	int		 off = 0, from_off = 0;

	if (pango_draws(it)) {
		pango_cairo_show_layout_line(cr, it->line);
		return;
	}
	cairo_get_current_point(cr, &x, &y);
	for (l = it->line->runs; l != NULL; l = l->next) {
		PangoGlyphItem *run = l->data;
		off += run->start_x_offset;
		if (in_item(it, run) && from != NULL && one_call(to->data, run))
			to = l;
		else {
			if (from != NULL)
				show_runs(cr, text, from, to, x, y, from_off);
			from = to = in_item(it, run) ? l : NULL;
			from_off = off;
		}
		off += pango_glyph_string_get_width(run->glyphs) +
		    run->end_x_offset;
	}
	if (from != NULL)
		show_runs(cr, text, from, to, x, y, from_off);
	cairo_move_to(cr, x, y);
}

static void
draw(cairo_t *cr, const struct wp_doc *d, const struct wp_item *it)
{
	char *a, *r;

	switch (it->kind) {
	case ITEM_TEXT:
		if (it->scale > 0) {
			cairo_save(cr);
			cairo_translate(cr, it->x, it->y);
			cairo_scale(cr, it->scale, it->scale);
			cairo_move_to(cr, 0, 0);
			show_line(cr, it);
			cairo_restore(cr);
			break;
		}
		cairo_move_to(cr, it->x, it->y);
		show_line(cr, it);
		break;
	case ITEM_RECT:
		cairo_rectangle(cr, it->x, it->y, it->w, it->h);
		if (it->fill != WP_NOCOLOR) {
			source(cr, it->fill);
			cairo_fill_preserve(cr);
		}
		if (it->stroke != WP_NOCOLOR) {
			source(cr, it->stroke);
			cairo_set_line_width(cr, it->lw);
			cairo_stroke_preserve(cr);
		}
		cairo_new_path(cr);
		break;
	case ITEM_RULE:
		cairo_move_to(cr, it->x, it->y);
		cairo_rel_line_to(cr, it->w, it->h);
		source(cr, it->stroke);
		cairo_set_line_width(cr, it->lw);
		cairo_stroke(cr);
		break;
	case ITEM_DISC:
		cairo_new_sub_path(cr);
		cairo_arc(cr, it->x, it->y, it->w, 0, 2 * G_PI);
		source(cr, it->fill);
		cairo_fill(cr);
		break;
	case ITEM_CHECK:
		cairo_move_to(cr, it->x + it->w * 0.1, it->y + it->h * 0.55);
		cairo_line_to(cr, it->x + it->w * 0.4, it->y + it->h * 0.85);
		cairo_line_to(cr, it->x + it->w * 0.95, it->y + it->h * 0.15);
		source(cr, it->stroke);
		cairo_set_line_width(cr, it->lw);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
		cairo_stroke(cr);
		break;
	case ITEM_LINK:
		if ((a = link_attrs(d, it->target)) == NULL)
			break;
		r = g_strdup_printf("rect=[%.2f %.2f %.2f %.2f] %s", it->x,
		    it->y, it->w, it->h, a);
		cairo_tag_begin(cr, CAIRO_TAG_LINK, r);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		g_free(r);
		g_free(a);
		break;
	}
}

/* ---- the structure ---------------------------------------------------- */

/*
 * The drawing's marked content: cairo marks what is drawn inside a tag
 * (BDC ... EMC, numbered on each page), one tag a stretch of items of
 * one element; pdftags.c builds the structure from these marks.
 */
struct marking {
	cairo_t			*cr;
	const struct wp_doc	*d;
	int			 open;		/* element tagged, or artifact */
	int			 page;
	struct wp_pdf_mark	*marks;
	size_t			 n, cap;
};

static void
mark(struct marking *m, int elem, int annot)
{
	m->marks = wp_grow(m->marks, &m->cap, m->n, sizeof(*m->marks));
	m->marks[m->n++] = (struct wp_pdf_mark){ m->page, elem, annot };
}

/* What is drawn next belongs to elem (or is an artifact: untagged). */
static void
tag_to(struct marking *m, int elem)
{
	const char *name;

	if (m->open == elem)
		return;
	if (m->open != WP_ARTIFACT)
		cairo_tag_end(m->cr,
		    wp_pdf_elem_name(m->d->elems[m->open].type));
	m->open = elem;
	if (elem == WP_ARTIFACT)
		return;
	name = wp_pdf_elem_name(m->d->elems[elem].type);
	/* a link's text: a Link tag without a target makes no annotation */
	cairo_tag_begin(m->cr, name, m->d->elems[elem].type == EL_LINK ? "" :
	    NULL);
	mark(m, elem, 0);
}

/* Whether element e is a or under it. */
static int
within(const struct wp_doc *d, int e, int a)
{
	for (; e > 0; e = d->elems[e].parent)
		if (e == a)
			return 1;
	return 0;
}

/*
 * The order a page's items are drawn in, which is the order its text is
 * read in: the typesetter's, except that a list item's label, set after
 * its first line (which it needs to place it), comes before that line.
 * The label does not overlap its item, so nothing looks different.
 */
static size_t *
reading_order(const struct wp_doc *d, const struct wp_page *pg)
{
	size_t	*o = wp_reallocarray(NULL, pg->n + 1, sizeof(*o));
	size_t	 i, j;

	for (i = 0; i < pg->n; i++) {
		int e = pg->items[i].elem, li;
		o[i] = i;
		if (e == WP_ARTIFACT || d->elems[e].type != EL_LBL)
			continue;
		li = d->elems[e].parent;
		for (j = i; j > 0 && pg->items[o[j - 1]].elem != e &&
		    within(d, pg->items[o[j - 1]].elem, li); j--)
			o[j] = o[j - 1];
		o[j] = i;
	}
	return o;
}

/*
 * A page: its items in reading order, each stretch of one element's
 * tagged; then its links' annotations, each an empty Link tag (cairo
 * makes an annotation of a Link tag with a target), which pdftags.c
 * hands to the link's element.
 */
static void
draw_page(struct marking *m, const struct wp_page *pg)
{
	size_t	*o = reading_order(m->d, pg), i;

	for (i = 0; i < pg->n; i++) {
		const struct wp_item *it = &pg->items[o[i]];
		if (it->kind == ITEM_LINK)
			continue;
		tag_to(m, it->elem);
		draw(m->cr, m->d, it);
	}
	tag_to(m, WP_ARTIFACT);
	for (i = 0; i < pg->n; i++) {
		const struct wp_item *it = &pg->items[i];
		char *a = it->kind == ITEM_LINK ? link_attrs(m->d, it->target) :
		    NULL;
		if (a == NULL || it->elem == WP_ARTIFACT) {
			g_free(a);
			continue;
		}
		draw(m->cr, m->d, it);
		mark(m, it->elem, 1);
		g_free(a);
	}
	free(o);
}

static void
outline(cairo_surface_t *s, const struct wp_doc *d)
{
	int	 parent[8] = { CAIRO_PDF_OUTLINE_ROOT };
	size_t	 i;

	for (i = 0; i < d->nmarks; i++) {
		const struct wp_mark *m = &d->marks[i];
		char *a, *h = g_strconcat("#", m->id, NULL);
		int lv = m->level < 7 ? m->level : 7;
		if ((a = link_attrs(d, h)) != NULL)
			parent[lv] = cairo_pdf_surface_add_outline(s,
			    parent[lv - 1], m->title, a, lv == 1 ?
			    CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		g_free(a);
		g_free(h);
	}
}

/* The creation date every PDF gets when set, or -1: the document's. */
static long long	 epoch = -1;

/* Whether PDFs are drawn in stand-ins (wp_pdf_keep_subsets()). */
static int		 stand_ins;

/*
 * cairo's content streams written plain: the Tagged PDF pass rewrites
 * every page's and compresses all (pdftags.c), and would otherwise
 * inflate again what cairo had just deflated: 6 of the 44 ms a
 * sentence edit's PDF took.  CAIRO_DEBUG_PDF is read as each surface is
 * made (cairo-pdf-surface.c) and does nothing else.
 */
void
wp_pdf_setup(void)
{
	setenv("CAIRO_DEBUG_PDF", "1", 1);
}

void
wp_pdf_keep_subsets(void)
{
	stand_ins = 1;
}

int
wp_pdf_set_epoch(const char *s)
{
	char		*end;
	long long	 v;

	if (s == NULL || *s == '\0') {
		epoch = -1;
		return 0;
	}
	errno = 0;
	v = strtoll(s, &end, 10);
	/* up to the year 9999, which a PDF date can write */
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 ||
	    v > 253402300799LL)
		return -1;
	epoch = v;
	return 0;
}

/* The creation date: the epoch if set, else the document's. */
static char *
creation_date(const struct wp_doc *d)
{
	char		 buf[32];
	time_t		 t;
	struct tm	 tm;

	if (epoch >= 0) {
		t = (time_t)epoch;
		gmtime_r(&t, &tm);
		strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
		return wp_strdup(buf);
	}
	return g_strdup_printf("%sT00:00:00Z", d->date ? d->date :
	    "1970-01-01");
}

/*
 * The only Pango a line drawn here asks for is each font's cairo font,
 * which pangocairo makes on first asking and keeps (a write that must
 * not meet the typesetting thread's own first asking): asked for here.
 * Everything else read is the lines as they were set, which no one
 * changes once they are in a document (typeset/setcache.c hands a
 * later document the same lines to read).
 */
int
wp_pdf_prepare(const struct wp_doc *d)
{
	for (size_t p = 0; p < d->npages; p++)
		for (size_t i = 0; i < d->pages[p].n; i++) {
			const struct wp_item *it = &d->pages[p].items[i];
			if (it->kind != ITEM_TEXT)
				continue;
			if (pango_draws(it))
				return -1;
			for (const GSList *l = it->line->runs; l != NULL;
			    l = l->next) {
				const PangoGlyphItem *run = l->data;
				if (pango_cairo_font_get_scaled_font(
				    PANGO_CAIRO_FONT(run->item->analysis.font))
				    == NULL)
					return -1;
			}
		}
	return 0;
}

int
wp_pdf_png(const struct wp_doc *d, int page, double dpi, unsigned char **buf,
    size_t *len)
{
	struct sink	 sk = { 0 };
	double		 k = dpi / 72.0;
	cairo_surface_t	*s;
	cairo_t		*cr;
	cairo_status_t	 st;
	size_t		 i;

	if ((size_t)page >= d->npages)
		return -1;
	/* the page's size in whole points, times k: at 144 dpi an image
	 * of exactly twice the pixels of the one at 72 (1190 by 1684 for
	 * A4, not 1191), whose every pixel it shows as two by two */
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)((int)(d->page_w + 0.5) * k + 0.5),
	    (int)((int)(d->page_h + 0.5) * k + 0.5));
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	for (i = 0; i < d->pages[page].n; i++)
		if (d->pages[page].items[i].kind != ITEM_LINK)
			draw(cr, d, &d->pages[page].items[i]);
	st = cairo_status(cr);
	cairo_destroy(cr);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(s, write_cb, &sk);
	cairo_surface_destroy(s);
	return hand_over(d, st, &sk, buf, len);
}

int
wp_pdf_render(const struct wp_doc *d, unsigned char **buf, size_t *len)
{
	struct sink	 sk = { 0 };
	struct marking	 m = { 0 };
	cairo_surface_t	*s;
	cairo_t		*cr;
	cairo_status_t	 st;
	char		*date = creation_date(d);
	size_t		*start;
	struct wp_pdf_ahead *ahead;
	int		 rc;

	s = cairo_pdf_surface_create_for_stream(write_cb, &sk, d->page_w,
	    d->page_h);
	if (stand_ins)
		wp_pdf_stand_ins(s);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR,
	    d->author);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT,
	    d->subject);
	if (d->keywords != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS,
		    d->keywords);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
	    "wpgen " WP_VERSION);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	cr = cairo_create(s);
	m.cr = cr;
	m.d = d;
	/* One structure element round everything: cairo 1.16 writes a
	 * damaged file (a reserved structure object never written) when
	 * links appear outside any structure.  pdftags.c replaces it. */
	cairo_tag_begin(cr, "Document", NULL);
	start = wp_calloc(d->npages + 1, sizeof(*start));
	for (m.page = 0; m.page < (int)d->npages; m.page++) {
		/* Paper, painted first: cairo's analysis of a page adds
		 * each drawing's box to a region, which costs a page of
		 * text ever more the more boxes it holds; within a box as
		 * big as the page each adds nothing.  It is outside every
		 * structure element, so an artifact (pdftags.c). */
		cairo_rectangle(cr, 0, 0, d->page_w, d->page_h);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_fill(cr);
		draw_page(&m, &d->pages[m.page]);
		start[m.page] = sk.len;	/* cairo writes the page as it shows it */
		cairo_show_page(cr);
	}
	cairo_tag_end(cr, "Document");
	ahead = wp_pdf_ahead_start(sk.buf, sk.len, start, d->npages);
	free(start);
	outline(s, d);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	rc = hand_over(d, st, &sk, buf, len);
	if (rc == -1)
		wp_pdf_ahead_free(ahead);
	else if ((rc = wp_pdf_tagged(d, m.marks, m.n, date, ahead, stand_ins,
	    buf, len)) == -1) {
		free(*buf);
		*buf = NULL;
	}
	free(m.marks);
	free(date);
	return rc;
}
