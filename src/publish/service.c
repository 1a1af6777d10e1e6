/*
 * service: one service from its content folder to its outputs: read,
 * validated, merged, rendered in memory, and written as one set only
 * when every output was made, so that a failed build leaves the
 * previous outputs as they were.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/output.h"
#include "base/thread.h"
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

/*
 * A service on its way to its outputs.  A build of several services
 * reads one (wp_publish_read(): content, model, HTML) in a thread of
 * its own, typesets it in the thread that owns Pango, and draws its PDF
 * and writes its outputs in a third (finish()), each while the others
 * do the same for the services before and after it: two cores kept
 * busy where one drew while the other waited.  Only what
 * wp_pdf_prepare() allows of Pango is asked outside the typesetting
 * thread.  Each service counts its own errors, whichever thread says
 * them (a scope).
 */
struct wp_pending {
	struct rendering	 r;
	struct wp_diag_scope	 scope;
	char			*id, *outdir, *inputs;
	const char		*index_href;
	pthread_t		 thread;
	int			 threaded, rc;
};

/* Writes the outputs, every one or none: one folder swapped in. */
static int
write_outputs(struct wp_pending *p)
{
	struct wp_outset	*o;
	int			 rc = 0;

	wp_stage_begin(STAGE_WRITE);
	o = p->r.s->in_place ?
	    wp_outset_begin_in_place(p->outdir, service_file, NULL) :
	    wp_outset_begin(p->outdir, service_file, NULL);
	if (o == NULL)
		rc = -1;
	for (int i = 0; i <= OUT_PDF && rc == 0; i++)
		rc = wp_outset_put(o, wp_publish_files[i], p->r.out[i].buf,
		    p->r.out[i].len);
	if (rc == 0)
		rc = put_entry(o, p->id, p->r.model);
	/* WP_INPUTS, last: what the outputs were made from */
	if (rc == 0)
		rc = wp_outset_put(o, WP_INPUTS, p->inputs, strlen(p->inputs));
	if (o != NULL)
		rc = rc == 0 ? wp_outset_commit(o) : (wp_outset_abort(o), -1);
	wp_stage_end(STAGE_WRITE);
	return rc;
}

/* The PDF drawn and the outputs written; a thread's body, or not. */
static void *
finish(void *arg)
{
	struct wp_pending	*p = arg;
	struct wp_diag_scope	*was = wp_diag_scope();

	wp_diag_enter(&p->scope);
	/* an error said while rendering, or a warning made one
	 * (--werror), fails the service as a failed output does */
	p->rc = wp_render_finish(&p->r) == 0 && wp_diag_errors() == 0 ?
	    write_outputs(p) : -1;
	wp_diag_enter(was);
	return NULL;
}

/* finish() in a thread of its own, behind the typesetting one. */
static void *
finish_apart(void *p)
{
	wp_thread_behind();
	return finish(p);
}

struct wp_pending *
wp_publish_read(struct wp_session *s, const char *dir, const char *outdir,
    const char *index_href, char *inputs)
{
	struct wp_pending	*p = wp_calloc(1, sizeof(*p));
	struct wp_diag_scope	*was = wp_diag_scope();

	p->r.s = s;
	p->r.pdf_href = "whitepaper.pdf";
	p->r.index_href = p->index_href = index_href;
	p->id = wp_service_id(dir);
	p->outdir = wp_strdup(outdir);
	p->rc = -1;
	p->inputs = inputs != NULL ? inputs :
	    wp_publish_inputs(s, dir, index_href);
	wp_diag_enter(&p->scope);
	p->r.model = wp_publish_model(s, dir);
	if (p->r.model != NULL)
		wp_render_begin(&p->r);
	wp_diag_enter(was);
	return p;
}

void
wp_publish_typeset(struct wp_pending *p, int in_thread)
{
	struct wp_diag_scope	*was = wp_diag_scope();
	int			 apart;

	if (p->r.model == NULL)
		return;
	wp_diag_enter(&p->scope);
	apart = wp_render_typeset(&p->r) == 1;
	wp_diag_enter(was);
	p->threaded = in_thread && apart &&
	    pthread_create(&p->thread, NULL, finish_apart, p) == 0;
	if (!p->threaded)
		finish(p);
}

int
wp_publish_end(struct wp_pending *p, int *pages)
{
	int	 rc = p->rc;

	if (p->threaded) {
		pthread_join(p->thread, NULL);
		rc = p->rc;
	}
	if (pages != NULL && rc == 0)
		*pages = p->r.pages;
	wp_render_free(&p->r);
	free(p->inputs);
	free(p->outdir);
	free(p->id);
	free(p);
	return rc;
}

int
wp_publish_service(struct wp_session *s, const char *dir,
    const char *outdir, const char *index_href, char *inputs, int *pages)
{
	struct wp_pending	*p;
	pthread_t		 fonts;
	int			 loading;

	/* The first service's fonts load in a thread of their own while its
	 * content is read, validated and merged. */
	loading = s->fonts == NULL && !s->fonts_failed &&
	    wp_thread_beside(&fonts, load_fonts, s) == 0;
	p = wp_publish_read(s, dir, outdir, index_href, inputs);
	if (loading)
		pthread_join(fonts, NULL);
	wp_publish_typeset(p, 0);
	return wp_publish_end(p, pages);
}
