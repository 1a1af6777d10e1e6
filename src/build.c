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
	xmlChar		*buf;
	int		 len;
};

int
wp_build_service(const struct wp_templates *t, const char *dir,
    const char *outdir)
{
	struct output	 out[] = { { "document.xml", NULL, 0 },
			    { "whitepaper.txt", NULL, 0 } };
	size_t		 i, n = sizeof(out) / sizeof(out[0]);
	xmlDocPtr	 model;
	int		 rc = -1;

	if ((model = wp_build_model(t, dir)) == NULL)
		return -1;
	out[0].buf = wp_xform_serialize(t->merge_xsl, model, &out[0].len);
	out[1].buf = wp_build_text(t, model, &out[1].len);
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
		if (wp_write_file(path, out[i].buf, (size_t)out[i].len) == -1)
			rc = -1;
		free(path);
	}
done:
	for (i = 0; i < n; i++)
		xmlFree(out[i].buf);
	xmlFreeDoc(model);
	return rc;
}
