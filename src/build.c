/*
 * build: the pipeline for one service.  Every output is rendered in
 * memory first and written only when all of them succeeded, so a failed
 * build leaves the previous outputs as they were.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "diag.h"
#include "layout.h"
#include "pdf.h"
#include "timing.h"
#include "merge.h"
#include "util.h"
#include "validate.h"
#include "xform.h"

int
wp_build_check(const struct wp_templates *t, const char *dir)
{
	int			 before = wp_diag_errors();
	struct wp_service	*s = wp_service_load(dir);

	if (s != NULL) {
		if (s->service != NULL)
			wp_validate(t, s);
		wp_service_free(s);
	}
	return wp_diag_errors() != before;
}

xmlDocPtr
wp_build_model(const struct wp_templates *t, const char *dir)
{
	int			 before = wp_diag_errors();
	struct wp_service	*s;
	xmlDocPtr		 model = NULL;

	wp_stage_begin(STAGE_PARSE);
	s = wp_service_load(dir);
	if (s != NULL && s->service != NULL)
		wp_validate(t, s);
	wp_stage_end(STAGE_PARSE);
	if (s == NULL)
		return NULL;
	wp_stage_begin(STAGE_MERGE);
	if (wp_diag_errors() == before)
		model = wp_merge(t, s);
	wp_stage_end(STAGE_MERGE);
	wp_service_free(s);
	return model;
}

xmlChar *
wp_build_text(const struct wp_templates *t, xmlDocPtr model, int *len)
{
	xmlDocPtr	 res = wp_xform_apply(t->text_xsl, model, NULL, 0, NULL);
	xmlChar		*buf;

	if (res == NULL)
		return NULL;
	buf = wp_xform_serialize(t->text_xsl, res, len);
	xmlFreeDoc(res);
	return buf;
}

struct output {
	const char	*name;
	void		*buf;		/* NULL if rendering failed */
	size_t		 len;
	void		(*release)(void *);
};

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

/* Loads the fonts, once for every service; a thread's body too. */
static void *
load_fonts(void *arg)
{
	struct wp_templates	*t = arg;

	wp_stage_begin(STAGE_FONTS);
	if ((t->fonts = wp_fonts_new(t->fonts_conf)) != NULL)
		wp_fonts_warm(t->fonts, t->style);
	wp_stage_end(STAGE_FONTS);
	return t->fonts;
}

/*
 * The typeset PDF, with fonts loaded once for every service; and, when
 * cover is given, the first page as a PNG.  *pages gets the page count.
 */
static void
pdf_output(struct wp_templates *t, xmlDocPtr model, struct output *o,
    struct output *cover, int *pages)
{
	struct wp_doc	*doc;
	unsigned char	*buf;
	size_t		 len;

	o->release = free;
	if (cover != NULL)
		cover->release = free;
	if (t->fonts == NULL && load_fonts(t) == NULL)
		return;
	wp_stage_begin(STAGE_LAYOUT);
	doc = wp_layout(t->fonts, t->style, model);
	wp_stage_end(STAGE_LAYOUT);
	if (doc == NULL)
		return;
	wp_stage_begin(STAGE_PDF);
	if (wp_pdf_render(doc, &buf, &len) == 0) {
		o->buf = buf;
		o->len = len;
	}
	if (cover != NULL && wp_pdf_png(doc, 0, 72, &buf, &len) == 0) {
		cover->buf = buf;
		cover->len = len;
	}
	*pages = (int)doc->npages;
	wp_doc_free(doc);
	wp_stage_end(STAGE_PDF);
}

/* The HTML page, linked to its PDF and (if index_href) to the index. */
static void
html_output(struct wp_templates *t, xmlDocPtr model, const char *pdf_href,
    const char *index_href, struct output *o)
{
	const char	*params[] = { "pdf-href", pdf_href,
			    "index-href", index_href ? index_href : "", NULL };
	xmlDocPtr	 res = wp_xform_apply(t->html_xsl, model, NULL, 0,
			    params);
	xmlChar		*buf;
	int		 len;

	o->release = release_xml;
	if (res == NULL)
		return;
	buf = wp_xform_serialize(t->html_xsl, res, &len);
	text_output(o, buf, len);
	xmlFreeDoc(res);
}

enum { OUT_MODEL, OUT_TEXT, OUT_HTML, OUT_PDF, OUT_COVER, OUT__MAX };

/* One service rendered in memory. */
struct rendering {
	struct wp_templates	*t;
	xmlDocPtr		 model;
	const char		*pdf_href, *index_href;
	int			 cover;		/* make OUT_COVER too */
	struct output		 out[OUT__MAX];
	int			 pages;
	xmlDocPtr		 side_model;	/* the side thread's copy */
};

/* The outputs made beside the PDF, from a copy of the model. */
static void *
side_outputs(void *arg)
{
	struct rendering	*r = arg;
	xmlChar			*buf;
	int			 len;

	wp_stage_begin(STAGE_TEXT);
	buf = wp_xform_serialize(r->t->merge_xsl, r->side_model, &len);
	text_output(&r->out[OUT_MODEL], buf, len);
	buf = wp_build_text(r->t, r->side_model, &len);
	text_output(&r->out[OUT_TEXT], buf, len);
	wp_stage_end(STAGE_TEXT);
	wp_stage_begin(STAGE_HTML);
	html_output(r->t, r->side_model, r->pdf_href, r->index_href,
	    &r->out[OUT_HTML]);
	wp_stage_end(STAGE_HTML);
	return NULL;
}

/*
 * Renders every output of a model.  The XSLT outputs are made in a
 * second thread while this one typesets: a third of the time, on a
 * machine with two cores.  The side thread has its own copy of the
 * model; libxml2 and libxslt are safe across threads that share no
 * document, and Pango and Cairo stay in this one.  Returns 0 when every
 * output asked for was rendered.
 */
static int
render(struct rendering *r)
{
	pthread_t	 thread;
	int		 threaded, i;

	r->side_model = xmlCopyDoc(r->model, 1);
	threaded = r->side_model != NULL &&
	    pthread_create(&thread, NULL, side_outputs, r) == 0;
	if (!threaded && r->side_model != NULL)
		side_outputs(r);
	pdf_output(r->t, r->model, &r->out[OUT_PDF],
	    r->cover ? &r->out[OUT_COVER] : NULL, &r->pages);
	if (threaded)
		pthread_join(thread, NULL);
	xmlFreeDoc(r->side_model);
	r->side_model = NULL;
	for (i = 0; i < OUT__MAX; i++)
		if (r->out[i].buf == NULL && (i != OUT_COVER || r->cover))
			return -1;
	return 0;
}

static void
rendering_free(struct rendering *r)
{
	int i;

	for (i = 0; i < OUT__MAX; i++)
		if (r->out[i].buf != NULL)
			r->out[i].release(r->out[i].buf);
	xmlFreeDoc(r->model);
}

/*
 * index-entry.xml: the service as the index page shows it, an index of
 * one.  Rewritten only when it changes, so that make, which builds the
 * index from these, rebuilds it only when a title, version, date or
 * document number changed, not on every edit of a clause.
 */
static int
write_entry(const char *dir, const char *outdir, xmlDocPtr model)
{
	struct wp_index	*e = wp_index_new();
	char		*id = wp_basename(dir);
	char		*path = wp_path(outdir, "index-entry.xml");
	xmlChar		*buf = NULL;
	int		 len = 0, rc;

	wp_index_add(e, id, model);
	xmlDocDumpFormatMemoryEnc(e->doc, &buf, &len, "UTF-8", 1);
	rc = buf == NULL ? -1 :
	    wp_write_file_if_changed(path, buf, (size_t)len);
	if (buf == NULL)
		wp_msg(MSG_IO, path, 0, strerror(ENOMEM));
	xmlFree(buf);
	free(path);
	free(id);
	wp_index_free(e);
	return rc;
}

int
wp_build_service(struct wp_templates *t, const char *dir,
    const char *outdir, const char *index_href, int *pages)
{
	static const char *const names[] = { "document.xml",
	    "whitepaper.txt", "whitepaper.html", "whitepaper.pdf" };
	struct rendering r = { 0 };
	pthread_t	 fonts;
	int		 loading, rc = -1, i;

	r.t = t;
	r.pdf_href = "whitepaper.pdf";
	r.index_href = index_href;
	/* The first service's fonts load in a thread of their own while its
	 * content is read, validated and merged. */
	loading = t->fonts == NULL &&
	    pthread_create(&fonts, NULL, load_fonts, t) == 0;
	r.model = wp_build_model(t, dir);
	if (loading)
		pthread_join(fonts, NULL);
	if (r.model == NULL)
		return -1;
	if (render(&r) == -1)
		goto done;
	if (wp_mkdirs(outdir) == -1) {
		wp_msg(MSG_IO, outdir, 0, strerror(errno));
		goto done;
	}
	rc = 0;
	wp_stage_begin(STAGE_WRITE);
	for (i = 0; i <= OUT_PDF; i++) {
		char *path = wp_path(outdir, names[i]);
		if (wp_write_file(path, r.out[i].buf, r.out[i].len) == -1)
			rc = -1;
		free(path);
	}
	if (rc == 0 && write_entry(dir, outdir, r.model) == -1)
		rc = -1;
	wp_stage_end(STAGE_WRITE);
	if (pages != NULL)
		*pages = r.pages;
done:
	rendering_free(&r);
	return rc;
}

/* ---- release ---------------------------------------------------------- */

/* A JSON string: quotes, backslashes and control characters escaped. */
static void
json_str(GString *j, const char *s)
{
	g_string_append_c(j, '"');
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			g_string_append_printf(j, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			g_string_append_printf(j, "\\u%04x", *s);
		else
			g_string_append_c(j, *s);
	}
	g_string_append_c(j, '"');
}

/* Writes one released file and describes it in the manifest. */
static int
release_file(const char *outdir, const char *name, const struct output *o,
    GString *j, int last)
{
	char	*path = wp_path(outdir, name);
	gchar	*sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
		    o->buf, o->len);
	int	 rc = wp_write_file(path, o->buf, o->len);

	g_string_append(j, "        { \"name\": ");
	json_str(j, name);
	g_string_append_printf(j, ", \"bytes\": %zu, \"sha256\": \"%s\" }%s\n",
	    o->len, sum, last ? "" : ",");
	g_free(sum);
	free(path);
	return rc;
}

int
wp_build_release(struct wp_templates *t, int n, char **dirs,
    const char *outdir)
{
	GString	*j = g_string_new("{\n  \"whitepapers\": [\n");
	int	 i, bad = 0;
	char	*path;

	for (i = 0; i < n; i++)
		bad |= wp_build_check(t, dirs[i]) != 0;
	if (bad) {
		wp_msg(MSG_RELEASE, outdir, 0);
		g_string_free(j, TRUE);
		return -1;
	}
	if (wp_mkdirs(outdir) == -1) {
		wp_msg(MSG_IO, outdir, 0, strerror(errno));
		g_string_free(j, TRUE);
		return -1;
	}
	for (i = 0; i < n && !bad; i++) {
		struct rendering r = { t, NULL, NULL, NULL, 1, { { 0 } }, 0,
				    NULL };
		char *id = wp_basename(dirs[i]), *num, *ver, *base;
		char *pdf, *html, *png, *title, *date;

		if ((r.model = wp_build_model(t, dirs[i])) == NULL) {
			bad = 1;
			free(id);
			break;
		}
		num = wp_model_meta(r.model, "document-number");
		ver = wp_model_meta(r.model, "version");
		base = ver ? g_strdup_printf("%s_%s", num ? num : id, ver) :
		    g_strdup(num ? num : id);
		pdf = g_strconcat(base, ".pdf", NULL);
		html = g_strconcat(base, ".html", NULL);
		png = g_strconcat(base, ".png", NULL);
		r.pdf_href = pdf;
		if (render(&r) == 0) {
			title = wp_model_meta(r.model, "title");
			date = wp_model_meta(r.model, "date");
			g_string_append(j, "    {\n      \"service\": ");
			json_str(j, id);
			g_string_append(j, ",\n      \"title\": ");
			json_str(j, title);
			g_string_append(j, ",\n      \"version\": ");
			json_str(j, ver);
			g_string_append(j, ",\n      \"date\": ");
			json_str(j, date);
			g_string_append(j, ",\n      \"document_number\": ");
			json_str(j, num);
			g_string_append_printf(j, ",\n      \"pages\": %d,\n"
			    "      \"files\": [\n", r.pages);
			bad |= release_file(outdir, pdf, &r.out[OUT_PDF], j, 0);
			bad |= release_file(outdir, html, &r.out[OUT_HTML], j, 0);
			bad |= release_file(outdir, png, &r.out[OUT_COVER], j, 1);
			g_string_append_printf(j, "      ]\n    }%s\n",
			    i + 1 < n ? "," : "");
			free(title);
			free(date);
		} else
			bad = 1;
		rendering_free(&r);
		g_free(pdf);
		g_free(html);
		g_free(png);
		g_free(base);
		free(num);
		free(ver);
		free(id);
	}
	g_string_append(j, "  ]\n}\n");
	path = wp_path(outdir, "manifest.json");
	if (!bad && wp_write_file(path, j->str, j->len) == -1)
		bad = 1;
	free(path);
	g_string_free(j, TRUE);
	return bad ? -1 : 0;
}

struct wp_index *
wp_index_new(void)
{
	struct wp_index *x = wp_calloc(1, sizeof(*x));

	x->doc = xmlNewDoc(BAD_CAST "1.0");
	xmlDocSetRootElement(x->doc, xmlNewNode(NULL, BAD_CAST "index"));
	return x;
}

void
wp_index_add(struct wp_index *x, const char *id, xmlDocPtr model)
{
	xmlNodePtr	 wp, meta;
	char		*path;

	if ((meta = wp_xml_child(xmlDocGetRootElement(model), "meta")) == NULL)
		return;
	wp = xmlNewChild(xmlDocGetRootElement(x->doc), NULL,
	    BAD_CAST "whitepaper", NULL);
	xmlNewProp(wp, BAD_CAST "id", BAD_CAST id);
	path = wp_path(id, "whitepaper.html");
	xmlNewProp(wp, BAD_CAST "html", BAD_CAST path);
	free(path);
	path = wp_path(id, "whitepaper.pdf");
	xmlNewProp(wp, BAD_CAST "pdf", BAD_CAST path);
	free(path);
	xmlAddChild(wp, xmlDocCopyNode(meta, x->doc, 1));
}

int
wp_index_add_entry(struct wp_index *x, const char *path)
{
	xmlDocPtr	 entry = wp_load_xml(path);
	xmlNodePtr	 n;
	int		 rc = -1;

	if (entry == NULL)
		return -1;
	if (!wp_xml_is(xmlDocGetRootElement(entry), "index"))
		wp_msg(MSG_IO, path, 0, "neither a service folder nor an "
		    "index-entry.xml");
	else {
		for (n = xmlDocGetRootElement(entry)->children; n; n = n->next)
			if (wp_xml_is(n, "whitepaper"))
				xmlAddChild(xmlDocGetRootElement(x->doc),
				    xmlDocCopyNode(n, x->doc, 1));
		rc = 0;
	}
	xmlFreeDoc(entry);
	return rc;
}

int
wp_index_write(const struct wp_templates *t, struct wp_index *x,
    const char *path)
{
	xmlDocPtr	 res = wp_xform_apply(t->index_xsl, x->doc, NULL, 0,
			    NULL);
	xmlChar		*buf = NULL;
	int		 len, rc = -1;

	if (res != NULL)
		buf = wp_xform_serialize(t->index_xsl, res, &len);
	if (buf != NULL)
		rc = wp_write_file(path, buf, (size_t)len);
	xmlFree(buf);
	xmlFreeDoc(res);
	return rc;
}

void
wp_index_free(struct wp_index *x)
{
	if (x == NULL)
		return;
	xmlFreeDoc(x->doc);
	free(x);
}
