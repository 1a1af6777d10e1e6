/*
 * build: the pipeline for one service.  Every output is rendered in
 * memory first and written only when all of them succeeded, so a failed
 * build leaves the previous outputs as they were.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "diag.h"
#include "layout.h"
#include "pdf.h"
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
	struct wp_service	*s = wp_service_load(dir);
	xmlDocPtr		 model = NULL;

	if (s == NULL)
		return NULL;
	if (s->service != NULL)
		wp_validate(t, s);
	if (wp_diag_errors() == before)
		model = wp_merge(t, s);
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
	if (t->fonts == NULL && (t->fonts = wp_fonts_new(t->fonts_conf)) == NULL)
		return;
	if ((doc = wp_layout(t->fonts, t->style, model)) == NULL)
		return;
	if (wp_pdf_render(doc, &buf, &len) == 0) {
		o->buf = buf;
		o->len = len;
	}
	wp_doc_free(doc);
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
	xmlChar		*buf;
	int		 rc = -1, len;

	if ((model = wp_build_model(t, dir)) == NULL)
		return -1;
	buf = wp_xform_serialize(t->merge_xsl, model, &len);
	text_output(&out[0], buf, len);
	buf = wp_build_text(t, model, &len);
	text_output(&out[1], buf, len);
	html_output(t, model, index_href, &out[2]);
	pdf_output(t, model, &out[3]);
	for (i = 0; i < n; i++)
		if (out[i].buf == NULL)
			goto done;
	if (wp_mkdirs(outdir) == -1) {
		wp_msg(MSG_IO, outdir, 0, strerror(errno));
		goto done;
	}
	rc = 0;
	for (i = 0; i < n; i++) {
		char *path = wp_path(outdir, out[i].name);
		if (wp_write_file(path, out[i].buf, out[i].len) == -1)
			rc = -1;
		free(path);
	}
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
