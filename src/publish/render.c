/*
 * render: a service's outputs, made in memory.  The model, the text and
 * the HTML page are made in a second thread while this one typesets; the
 * page, which states the PDF's size, gets it once the PDF is made.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/thread.h"
#include "base/timing.h"
#include "publish/render.h"
#include "model/text.h"
#include "model/xform.h"
#include "render/pdf.h"
#include "typeset/typeset.h"

static void
release_xml(void *p)
{
	xmlFree(p);
}

static void
text_output(struct output *o, xmlChar *buf, int len)
{
	o->buf = buf;
	o->len = buf != NULL ? (size_t)len : 0;
	o->release = release_xml;
}

/*
 * The typeset document, with fonts loaded once for every service, into
 * r->doc (kept for wp_render_free() to free: it takes a few
 * milliseconds, which need not come before the outputs are written,
 * where `wpgen watch` counts the time to a new PDF).
 */
static void
typeset(struct rendering *r)
{
	struct wp_fonts	*f = wp_session_fonts(r->s);

	if (f == NULL)
		return;
	wp_stage_begin(STAGE_LAYOUT);
	r->doc = wp_typeset(f, r->s->style, r->model);
	wp_stage_end(STAGE_LAYOUT);
}

/*
 * The PDF of the typeset document; and, when r->cover, the first page
 * as PNGs at 72 and 144 dpi, into OUT_COVER and OUT_COVER2X.
 */
static void
pdf_output(struct rendering *r)
{
	struct output	*o = &r->out[OUT_PDF], *cover = &r->out[OUT_COVER];
	unsigned char	*buf;
	size_t		 len;

	o->release = free;
	cover[0].release = cover[1].release = free;
	if (r->doc == NULL)
		return;
	wp_stage_begin(STAGE_PDF);
	if (wp_pdf_render(r->doc, &buf, &len) == 0) {
		o->buf = buf;
		o->len = len;
	}
	for (int i = 0; r->cover && i < 2; i++)
		if (wp_pdf_png(r->doc, 0, 72 * (i + 1), &buf, &len) == 0) {
			cover[i].buf = buf;
			cover[i].len = len;
		}
	r->pages = (int)r->doc->npages;
	wp_stage_end(STAGE_PDF);
}

/*
 * The HTML page, linked to its PDF and (if index_href) to the index; its
 * link states the PDF's size, which is not known yet: a placeholder
 * until html_sized() puts it in.
 */
static xmlDocPtr
html_page(const struct wp_templates *t, xmlDocPtr model,
    const char *pdf_href, const char *index_href)
{
	const char	*params[] = { "pdf-href", pdf_href,
			    "index-href", index_href ? index_href : "",
			    "pdf-size", "?", NULL };

	return wp_xform_apply(t->html_xsl, model, NULL, 0, params);
}

/* The page's statement of the PDF's size (html.xsl: the first span of
 * class "size", in its header), or NULL. */
static xmlNodePtr
size_span(xmlNodePtr n)
{
	xmlNodePtr	 found;
	xmlChar		*class;
	int		 yes;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(n->name, BAD_CAST "span")) {
			class = xmlGetProp(n, BAD_CAST "class");
			yes = class != NULL && xmlStrEqual(class, BAD_CAST "size");
			xmlFree(class);
			if (yes)
				return n;
		}
		if ((found = size_span(n->children)) != NULL)
			return found;
	}
	return NULL;
}

/* Digits grouped by thousands: 1234 as 1,234. */
static void
grouped(GString *g, unsigned long long v)
{
	char	 d[32];
	size_t	 n = (size_t)snprintf(d, sizeof(d), "%llu", v), i;

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			g_string_append_c(g, ',');
		g_string_append_c(g, d[i]);
	}
}

/* A file size as a reader says it: 「262 KB」, 「1.4 MB」 (1 KB = 1,024
 * bytes, as file managers count), in the page's brackets. */
static char *
size_text(size_t n)
{
	GString	*g = g_string_new("（");

	if (n >= 1048576) {
		unsigned long long tenths = (n * 10 + 524288) / 1048576;
		grouped(g, tenths / 10);
		g_string_append_printf(g, ".%llu MB", tenths % 10);
	} else if (n >= 1024) {
		grouped(g, (n + 512) / 1024);
		g_string_append(g, " KB");
	} else
		g_string_append_printf(g, "%zu B", n);
	g_string_append(g, "）");
	return g_string_free(g, FALSE);
}

/*
 * Where the PDF's size goes in the page, until it is known: a word
 * between U+FDD0 and U+FDD1, noncharacters, which content may not hold
 * (check/validate.c), so that it is found once in the serialized page
 * and nowhere else.
 */
static const char	 size_mark[] = "\xef\xb7\x90pdf-size\xef\xb7\x91";

/*
 * The page serialized, in the side thread, with size_mark where its
 * size goes (r->size_at), or as it is when it has no such place
 * (r->size_at is then r->page_len).
 */
static void
html_unsized(struct rendering *r, xmlDocPtr page)
{
	xmlNodePtr	 span = size_span(xmlDocGetRootElement(page));
	const char	*at;
	int		 len;

	if (span != NULL) {
		xmlNodeSetContent(span, NULL);
		xmlAddChild(span, xmlNewDocText(page, BAD_CAST size_mark));
	}
	r->page = wp_xform_serialize(r->s->t->html_xsl, page, &len);
	if (r->page == NULL)
		return;
	r->page_len = (size_t)len;
	at = span != NULL ? g_strstr_len((const char *)r->page, len,
	    size_mark) : NULL;
	r->size_at = at != NULL ? (size_t)(at - (const char *)r->page) :
	    r->page_len;
}

/* The page with the PDF's size put in, as its output. */
static void
html_sized(struct rendering *r, size_t pdf_len, struct output *o)
{
	char	*text, *buf;
	size_t	 tl, rest;

	if (r->size_at == r->page_len) {
		text_output(o, r->page, (int)r->page_len);
		r->page = NULL;
		return;
	}
	text = size_text(pdf_len);
	tl = strlen(text);
	rest = r->page_len - r->size_at - (sizeof(size_mark) - 1);
	buf = wp_reallocarray(NULL, r->page_len + tl + 1, 1);
	memcpy(buf, r->page, r->size_at);
	memcpy(buf + r->size_at, text, tl);
	memcpy(buf + r->size_at + tl, r->page + r->page_len - rest, rest);
	o->buf = buf;
	o->len = r->size_at + tl + rest;
	o->release = free;
	g_free(text);
}

/* The outputs made beside the PDF, from a copy of the model. */
static void *
side_outputs(void *arg)
{
	struct rendering	*r = arg;
	xmlChar			*buf;
	xmlDocPtr		 model, page;
	int			 len;

	wp_diag_enter(r->scope);
	/* the copy made, used and freed here: in this thread's own malloc
	 * arena, out of the typesetting thread's */
	if ((model = xmlCopyDoc(r->model, 1)) == NULL)
		return NULL;
	wp_stage_begin(STAGE_TEXT);
	buf = wp_xform_serialize(r->s->t->merge_xsl, model, &len);
	text_output(&r->out[OUT_MODEL], buf, len);
	r->out[OUT_TEXT].buf = wp_text_document(model,
	    &r->out[OUT_TEXT].len);
	r->out[OUT_TEXT].release = free;
	wp_stage_end(STAGE_TEXT);
	wp_stage_begin(STAGE_HTML);
	page = html_page(r->s->t, model, r->pdf_href, r->index_href);
	if (page != NULL)
		html_unsized(r, page);
	wp_stage_end(STAGE_HTML);
	xmlFreeDoc(page);
	xmlFreeDoc(model);
	return NULL;
}

/*
 * Renders every output of a model.  The model, the text and the HTML
 * page are made in a second thread (begun by wp_render_begin()) while
 * this one typesets.  The side thread makes its own copy of the model,
 * which libxslt marks as it transforms it; the model itself is only
 * read from then on, by both threads.  libxml2 and libxslt are safe
 * across threads that share no document they change, and Pango stays
 * in the typesetting thread (but for what wp_pdf_prepare() allows).
 *
 * Each thread frees what it allocated.  glibc's malloc gives each
 * thread an arena of its own and takes an arena's lock to free into
 * it: the side thread freeing a copy the typesetting thread had made
 * held that thread's arena lock while cairo drew the PDF, and the
 * typesetting thread slept on it, 3 to 8 ms of a 45 ms rebuild.
 *
 * The page's link states how big the PDF is, which it puts in once the
 * PDF is made.
 */
void
wp_render_begin(struct rendering *r)
{
	r->scope = wp_diag_scope();
	r->threaded = wp_thread_beside(&r->side, side_outputs, r) == 0;
	if (!r->threaded)
		side_outputs(r);
}

int
wp_render_typeset(struct rendering *r)
{
	typeset(r);
	return r->doc != NULL && wp_pdf_prepare(r->doc) == 0;
}

int
wp_render_finish(struct rendering *r)
{
	int	 i;

	pdf_output(r);
	if (r->threaded)
		pthread_join(r->side, NULL);
	r->threaded = 0;
	if (r->out[OUT_PDF].buf != NULL && r->page != NULL)
		html_sized(r, r->out[OUT_PDF].len, &r->out[OUT_HTML]);
	xmlFree(r->page);
	r->page = NULL;
	for (i = 0; i < OUT__MAX; i++)
		if (r->out[i].buf == NULL && ((i != OUT_COVER &&
		    i != OUT_COVER2X) || r->cover))
			return -1;
	return 0;
}

int
wp_render(struct rendering *r)
{
	wp_render_begin(r);
	wp_render_typeset(r);
	return wp_render_finish(r);
}

void
wp_render_free(struct rendering *r)
{
	int i;

	for (i = 0; i < OUT__MAX; i++)
		if (r->out[i].buf != NULL)
			r->out[i].release(r->out[i].buf);
	wp_doc_free(r->doc);
	xmlFreeDoc(r->model);
}

