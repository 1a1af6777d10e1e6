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
			pango_cairo_show_layout_line(cr, it->line);
			cairo_restore(cr);
			break;
		}
		cairo_move_to(cr, it->x, it->y);
		pango_cairo_show_layout_line(cr, it->line);
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
	cairo_surface_t	*s;
	cairo_t		*cr;
	cairo_status_t	 st;
	char		*date = creation_date(d);
	size_t		 p, i;

	s = cairo_pdf_surface_create_for_stream(write_cb, &sk, d->page_w,
	    d->page_h);
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
	free(date);
	cr = cairo_create(s);
	/* One structure element round everything: it makes the PDF tagged,
	 * and cairo 1.16 writes a damaged file (a reserved structure object
	 * never written) when links appear outside any structure. */
	cairo_tag_begin(cr, "Document", NULL);
	for (p = 0; p < d->npages; p++) {
		for (i = 0; i < d->pages[p].n; i++)
			draw(cr, d, &d->pages[p].items[i]);
		cairo_show_page(cr);
	}
	cairo_tag_end(cr, "Document");
	outline(s, d);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	return hand_over(d, st, &sk, buf, len);
}
