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
	xmlDocPtr	 res = wp_xform_apply(t->text_xsl, model, NULL, 0);
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

int
wp_build_service(struct wp_templates *t, const char *dir,
    const char *outdir)
{
	struct output	 out[3] = { { "document.xml", NULL, 0, NULL },
			    { "whitepaper.txt", NULL, 0, NULL },
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
	pdf_output(t, model, &out[2]);
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
done:
	for (i = 0; i < n; i++)
		if (out[i].buf != NULL)
			out[i].release(out[i].buf);
	xmlFreeDoc(model);
	return rc;
}
