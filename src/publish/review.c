/*
 * review: the reviewer's copies of a service, made from two of its
 * versions: the redline (`wpgen build --changes-since`), the whitepaper
 * with what changed marked in place, written as a set of its own; and
 * the comparison (新旧対照表, `wpgen diff --pdf`, `--html`).  Both are
 * models (diff/redline.c, diff/compare.c) that the typesetter and
 * html.xsl render as they render a whitepaper.
 */
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/output.h"
#include "diff/diff.h"
#include "publish/render.h"

xmlDocPtr
wp_publish_version(struct wp_session *s, const char *dir, const char *rev,
    int *absent)
{
	const char	*saved = s->rev;
	char		*commit;
	xmlDocPtr	 m;

	*absent = 0;
	if (rev == NULL)
		return wp_publish_model(s, dir);
	/* a service added since: not there, which is no error */
	if ((commit = wp_git_commit(dir, rev)) != NULL &&
	    wp_git_has(dir, commit, "service.xml") == 0) {
		free(commit);
		*absent = 1;
		return NULL;
	}
	free(commit);
	s->rev = rev;
	m = wp_publish_model(s, dir);
	s->rev = saved;
	return m;
}

/* What a service that was not there is compared as: nothing. */
static xmlDocPtr
nothing(void)
{
	xmlDocPtr	 d = xmlNewDoc(BAD_CAST "1.0");

	xmlDocSetRootElement(d, xmlNewDocNode(d, NULL, BAD_CAST "document",
	    NULL));
	return d;
}

xmlDocPtr
wp_publish_redline_model(struct wp_session *s, const char *dir,
    const char *since)
{
	int		 absent;
	xmlDocPtr	 old = wp_publish_version(s, dir, since, &absent);
	xmlDocPtr	 new = NULL, rl = NULL;

	if (old == NULL && absent)
		old = nothing();
	if (old != NULL && (new = wp_publish_model(s, dir)) != NULL)
		rl = wp_redline(old, new, s->t->settings, since);
	xmlFreeDoc(old);
	xmlFreeDoc(new);
	return rl;
}

const char *const wp_redline_files[] = { WP_REDLINE_MODEL, WP_REDLINE_PDF,
    WP_REDLINE_HTML, NULL };

static int
redline_file(const char *name, void *unused)
{
	(void)unused;
	for (size_t i = 0; wp_redline_files[i] != NULL; i++)
		if (strcmp(name, wp_redline_files[i]) == 0)
			return 1;
	return 0;
}

int
wp_publish_redline(struct wp_session *s, const char *dir, const char *since,
    const char *outdir)
{
	static const int	 outs[] = { OUT_MODEL, OUT_PDF, OUT_HTML };
	struct rendering	 r = { 0 };
	struct wp_outset	*o;
	int			 rc = -1, before = wp_diag_errors();

	r.s = s;
	r.pdf_href = WP_REDLINE_PDF;
	if ((r.model = wp_publish_redline_model(s, dir, since)) == NULL ||
	    wp_render(&r) == -1 || wp_diag_errors() != before)
		goto done;
	if ((o = wp_outset_begin(outdir, redline_file, NULL)) != NULL) {
		rc = 0;
		for (size_t i = 0; i < 3 && rc == 0; i++)
			rc = wp_outset_put(o, wp_redline_files[i],
			    r.out[outs[i]].buf, r.out[outs[i]].len);
		rc = rc == 0 ? wp_outset_commit(o) : (wp_outset_abort(o), -1);
	}
done:
	wp_render_free(&r);
	return rc;
}

int
wp_publish_comparison(struct wp_session *s, const xmlDoc *old,
    const xmlDoc *new, const char *since, const struct wp_diff_note *notes,
    size_t nnotes, const char *pdf, const char *html)
{
	struct rendering	 r = { 0 };
	xmlDocPtr		 rl = wp_redline(old, new, s->t->settings, since);
	int			 rc = -1, before = wp_diag_errors();

	r.s = s;
	/* the page links to the PDF when both are written, side by side */
	r.pdf_href = pdf != NULL && html != NULL ? (strrchr(pdf, '/') != NULL ?
	    strrchr(pdf, '/') + 1 : pdf) : "";
	r.model = wp_comparison(rl, old, s->t->settings, notes, nnotes,
	    "whitepaper.html");
	xmlFreeDoc(rl);
	if (wp_render(&r) == 0 && wp_diag_errors() == before &&
	    (pdf == NULL || wp_write_file(pdf, r.out[OUT_PDF].buf,
	    r.out[OUT_PDF].len) == 0) &&
	    (html == NULL || wp_write_file(html, r.out[OUT_HTML].buf,
	    r.out[OUT_HTML].len) == 0))
		rc = 0;
	wp_render_free(&r);
	return rc;
}
