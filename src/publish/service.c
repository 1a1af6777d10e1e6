/*
 * service: one service from its content folder to its outputs: read,
 * validated, merged, rendered in memory, and written as one set only
 * when every output was made, so that a failed build leaves the
 * previous outputs as they were.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/output.h"
#include "base/timing.h"
#include "check/validate.h"
#include "diff/diff.h"
#include "input/service.h"
#include "model/merge.h"
#include "publish/render.h"
#include "typeset/typeset.h"

xmlDocPtr
wp_publish_model(const struct wp_session *ss, const char *dir)
{
	int			 before = wp_diag_errors();
	struct wp_service	*s;
	xmlDocPtr		 model = NULL;

	wp_stage_begin(STAGE_PARSE);
	if (ss->rev == NULL)
		s = wp_service_load(dir);
	else {
		/* the folder as it was at a revision, under its own names:
		 * the model, and so the outputs, as a build there made them */
		char *at = wp_diff_checkout(dir, ss->rev);
		s = at != NULL ? wp_service_load_as(at, dir) : NULL;
		wp_diff_checkout_remove(at);
	}
	if (s != NULL && ss->any_folder)
		wp_service_own_id(s);
	if (s != NULL && s->service != NULL)
		wp_validate(ss->t, s);
	wp_stage_end(STAGE_PARSE);
	if (s == NULL)
		return NULL;
	wp_stage_begin(STAGE_MERGE);
	if (wp_diag_errors() == before)
		model = wp_merge(ss->t, s, ss->phrases);
	if (model != NULL && wp_check_model_rows(model)) {
		xmlFreeDoc(model);
		model = NULL;
	}
	wp_stage_end(STAGE_MERGE);
	wp_service_free(s);
	return model;
}

const char *const wp_publish_files[] = { "document.xml", "whitepaper.txt",
    "whitepaper.html", "whitepaper.pdf", "index-entry.xml", WP_INPUTS, NULL };

/* WP_INPUTS, last: what the outputs were made from. */
static int
put_inputs(struct wp_outset *o, struct wp_session *s, const char *dir,
    const char *index_href)
{
	char	*inputs = wp_publish_inputs(s, dir, index_href);
	int	 rc = wp_outset_put(o, WP_INPUTS, inputs, strlen(inputs));

	free(inputs);
	return rc;
}

static int
service_file(const char *name, void *unused)
{
	(void)unused;
	for (size_t i = 0; wp_publish_files[i] != NULL; i++)
		if (strcmp(name, wp_publish_files[i]) == 0)
			return 1;
	return 0;
}

/*
 * index-entry.xml: the service as the index page shows it, an index of
 * one.  Kept as it was when it did not change, so that make, which
 * builds the index from these, rebuilds it only when a title, version,
 * date, document number or what the newest revision changed did, not on
 * every edit of a clause.
 */
static int
put_entry(struct wp_outset *o, const char *id, const xmlDoc *model)
{
	struct wp_index	*e = wp_index_new();
	xmlChar		*buf = NULL;
	int		 len = 0, rc;

	wp_index_add(e, id, model);
	xmlDocDumpFormatMemoryEnc(e->doc, &buf, &len, "UTF-8", 1);
	rc = buf == NULL ? -1 :
	    wp_outset_put_kept(o, "index-entry.xml", buf, (size_t)len);
	xmlFree(buf);
	wp_index_free(e);
	return rc;
}

/* The fonts, loaded beside the first service's merge; a thread's body. */
static void *
load_fonts(void *s)
{
	return wp_session_fonts(s);
}

/*
 * Everything a build would find wrong, without writing: the content is
 * validated, merged and typeset (a character no font has, a word too
 * long for the column), and the result dropped.
 */
int
wp_publish_check(struct wp_session *s, const char *dir)
{
	int		 before = wp_diag_errors();
	xmlDocPtr	 model = wp_publish_model(s, dir);
	struct wp_fonts	*f;

	if (model != NULL && (f = wp_session_fonts(s)) != NULL)
		wp_doc_free(wp_typeset(f, s->style, model));
	xmlFreeDoc(model);
	return wp_diag_errors() != before;
}

int
wp_publish_service(struct wp_session *s, const char *dir,
    const char *outdir, const char *index_href, int *pages)
{
	struct rendering r = { 0 };
	struct wp_outset *o = NULL;
	pthread_t	 fonts;
	char		*id = wp_service_id(dir);
	int		 loading, rc = -1, i, before = wp_diag_errors();

	r.s = s;
	r.pdf_href = "whitepaper.pdf";
	r.index_href = index_href;
	/* The first service's fonts load in a thread of their own while its
	 * content is read, validated and merged. */
	loading = s->fonts == NULL && !s->fonts_failed &&
	    pthread_create(&fonts, NULL, load_fonts, s) == 0;
	r.model = wp_publish_model(s, dir);
	if (loading)
		pthread_join(fonts, NULL);
	/* an error said while rendering, or a warning made one
	 * (--werror), fails the service as a failed output does */
	if (r.model == NULL || wp_render(&r) == -1 ||
	    wp_diag_errors() != before)
		goto done;
	/* every output of the service, or none: one folder swapped in */
	wp_stage_begin(STAGE_WRITE);
	o = s->in_place ? wp_outset_begin_in_place(outdir, service_file, NULL) :
	    wp_outset_begin(outdir, service_file, NULL);
	if (o != NULL) {
		rc = 0;
		for (i = 0; i <= OUT_PDF && rc == 0; i++)
			rc = wp_outset_put(o, wp_publish_files[i],
			    r.out[i].buf, r.out[i].len);
		if (rc == 0)
			rc = put_entry(o, id, r.model);
		if (rc == 0)
			rc = put_inputs(o, s, dir, index_href);
		rc = rc == 0 ? wp_outset_commit(o) : (wp_outset_abort(o), -1);
	}
	wp_stage_end(STAGE_WRITE);
	if (pages != NULL)
		*pages = r.pages;
done:
	wp_render_free(&r);
	free(id);
	return rc;
}

