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

/* The typeset PDF, with fonts loaded once for every service. */
static void
pdf_output(struct wp_templates *t, xmlDocPtr model, struct output *o)
{
	struct wp_doc	*doc;
	unsigned char	*buf;
	size_t		 len;

	o->release = free;
	if (t->fonts == NULL) {
		wp_stage_begin(STAGE_FONTS);
		t->fonts = wp_fonts_new(t->fonts_conf);
		wp_stage_end(STAGE_FONTS);
		if (t->fonts == NULL)
			return;
	}
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
	wp_doc_free(doc);
	wp_stage_end(STAGE_PDF);
}

/* The HTML page, linked to its PDF and (if index_href) to the index. */
static void
html_output(struct wp_templates *t, xmlDocPtr model, const char *index_href,
    struct output *o)
{
	const char	*params[] = { "pdf-href", "whitepaper.pdf",
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

/* The outputs made beside the PDF, from a copy of the model. */
struct side {
	struct wp_templates	*t;
	xmlDocPtr		 model;		/* the side's own copy */
	const char		*index_href;
	struct output		*out;		/* model, text, HTML */
};

static void *
side_outputs(void *arg)
{
	struct side	*s = arg;
	xmlChar		*buf;
	int		 len;

	wp_stage_begin(STAGE_TEXT);
	buf = wp_xform_serialize(s->t->merge_xsl, s->model, &len);
	text_output(&s->out[0], buf, len);
	buf = wp_build_text(s->t, s->model, &len);
	text_output(&s->out[1], buf, len);
	wp_stage_end(STAGE_TEXT);
	wp_stage_begin(STAGE_HTML);
	html_output(s->t, s->model, s->index_href, &s->out[2]);
	wp_stage_end(STAGE_HTML);
	return NULL;
}

int
wp_build_service(struct wp_templates *t, const char *dir,
    const char *outdir, const char *index_href, struct wp_index *idx)
{
	struct output	 out[4] = { { "document.xml", NULL, 0, NULL },
			    { "whitepaper.txt", NULL, 0, NULL },
			    { "whitepaper.html", NULL, 0, NULL },
			    { "whitepaper.pdf", NULL, 0, NULL } };
	size_t		 i, n = sizeof(out) / sizeof(out[0]);
	xmlDocPtr	 model;
	struct side	 side;
	pthread_t	 thread;
	int		 rc = -1, threaded;

	if ((model = wp_build_model(t, dir)) == NULL)
		return -1;
	/*
	 * The XSLT outputs are made in a second thread while this one
	 * typesets: a third of the time, on a machine with two cores.  The
	 * side thread has its own copy of the model; libxml2 and libxslt
	 * are safe across threads that share no document, and Pango and
	 * Cairo stay in this one.
	 */
	side = (struct side){ t, xmlCopyDoc(model, 1), index_href, out };
	threaded = side.model != NULL &&
	    pthread_create(&thread, NULL, side_outputs, &side) == 0;
	if (!threaded && side.model != NULL)
		side_outputs(&side);
	pdf_output(t, model, &out[3]);
	if (threaded)
		pthread_join(thread, NULL);
	xmlFreeDoc(side.model);
	for (i = 0; i < n; i++)
		if (out[i].buf == NULL)
			goto done;
	if (wp_mkdirs(outdir) == -1) {
		wp_msg(MSG_IO, outdir, 0, strerror(errno));
		goto done;
	}
	rc = 0;
	wp_stage_begin(STAGE_WRITE);
	for (i = 0; i < n; i++) {
		char *path = wp_path(outdir, out[i].name);
		if (wp_write_file(path, out[i].buf, out[i].len) == -1)
			rc = -1;
		free(path);
	}
	wp_stage_end(STAGE_WRITE);
	if (rc == 0 && idx != NULL) {
		char *id = wp_basename(dir);
		wp_index_add(idx, id, model);
		free(id);
	}
done:
	for (i = 0; i < n; i++)
		if (out[i].buf != NULL)
			out[i].release(out[i].buf);
	xmlFreeDoc(model);
	return rc;
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
	xmlNodePtr	 wp, n, meta = NULL;
	char		*path;

	for (n = xmlDocGetRootElement(model)->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST "meta"))
			meta = n;
	if (meta == NULL)
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
