/*
 * commands: each command but build (jobs.c), from its operands to its
 * exit status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/output.h"
#include "check/coverage.h"
#include "check/lint.h"
#include "check/validate.h"
#include "cli/cli.h"
#include "diff/diff.h"
#include "input/service.h"
#include "model/text.h"
#include "typeset/typeset.h"

int
wp_cmd_check(struct wp_session *t, const struct args *a, int argc,
    char **argv)
{
	(void)a;
	int	 bad = 0;

	for (int i = 0; i < argc; i++) {
		bad |= wp_publish_check(t, argv[i]);
		wp_diag_flush();
	}
	return bad ? EXIT_CONTENT : EXIT_OK;
}

/* Writes the diff's HTML page to path; 0, or -1 after reporting. */
static int
diff_html(const struct wp_diff *d, const struct wp_diff_opts *text,
    const char *path)
{
	struct wp_diff_opts	 o = *text;
	char			*buf = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(&buf, &len);
	int			 rc = -1;

	o.format = WP_DIFF_HTML;
	if (f != NULL && wp_diff_write(d, &o, f) != -1 && fclose(f) == 0) {
		f = NULL;
		rc = wp_write_file(path, buf, len);
	}
	if (f != NULL)
		fclose(f);
	free(buf);
	return rc;
}

/*
 * Two versions of a service, clause by clause: OLD NEW, or with a git
 * revision, DIR@REV against DIR (or OLD@REV against NEW).  Exit status
 * as diff(1): 0 the same, 1 different; 3 with --strict, a revision
 * history that does not say what changed; 4 versions that could not be
 * compared (content errors, git, files).
 */
int
wp_cmd_diff(struct wp_session *t, const struct args *a, int argc,
    char **argv)
{
	struct wp_diff_opts	 o = { a->color ? WP_DIFF_COLOR : WP_DIFF_TEXT,
				    NULL, NULL };
	struct wp_diff		*d = NULL;
	struct wp_diff_note	*notes = NULL;
	size_t			 nnotes = 0;
	char			*revdir = NULL, *label = NULL;
	xmlDocPtr		 old = NULL, new = NULL;
	int			 rc = EXIT_TROUBLE;

	if (argc > 2 || argc < (a->rev != NULL ? 1 : 2))
		return wp_usage_error("diff", "give two versions, OLD NEW, or "
		    "one with --rev REV");
	if (a->strict && !a->history)
		return wp_usage_error("diff", "--strict goes with "
		    "--check-history");
	if (a->rev != NULL) {
		if ((revdir = wp_diff_checkout(argv[0], a->rev)) == NULL)
			goto out;
		label = g_strdup_printf("%s@%s", argv[0], a->rev);
		o.old_label = label;
		old = wp_publish_model(t, revdir);
	} else {
		o.old_label = argv[0];
		old = wp_publish_model(t, argv[0]);
	}
	o.new_label = argv[argc - 1];
	new = wp_publish_model(t, argv[argc - 1]);
	if (old == NULL || new == NULL)
		goto out;
	d = wp_diff_new(old, new);
	if ((rc = wp_diff_write(d, &o, stdout)) == -1) {
		rc = EXIT_TROUBLE;
		goto out;
	}
	if (a->html != NULL && diff_html(d, &o, a->html) == -1)
		rc = EXIT_TROUBLE;
	if (a->history) {
		nnotes = wp_diff_check_history(d, &notes);
		if (wp_diff_report_history(notes, nnotes, a->strict) > 0 &&
		    a->strict)
			rc = EXIT_HISTORY;
	}
out:
	wp_diff_notes_free(notes, nnotes);
	wp_diff_free(d);
	xmlFreeDoc(old);
	xmlFreeDoc(new);
	wp_diff_checkout_remove(revdir);
	g_free(label);
	return rc;
}

/* Writes the publisher's names as a prh dictionary to path. */
static int
lint_prh(const struct wp_session *t, const char *path)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&buf, &len);
	int	 rc = EXIT_OK;

	if (f == NULL || wp_lint_prh(t->t, f) == -1) {
		wp_msg(MSG_IO, path, 0, "no names to write: the templates "
		    "have no iso27017/names.xml");
		rc = EXIT_CONTENT;
	}
	if (f != NULL && fclose(f) != 0)
		rc = EXIT_CONTENT;
	if (rc == EXIT_OK && wp_write_file(path, buf, len) == -1)
		rc = EXIT_CONTENT;
	free(buf);
	return rc;
}

/*
 * textlint over each service's text as its model holds it; how many
 * findings it reported, or -1 when textlint could not run.
 */
static int
lint_prose(const struct wp_session *t, struct wp_service **svc, int n,
    struct wp_baseline *base)
{
	struct wp_prose	*p = wp_prose_new(t->t);
	int		 rc;

	if (p == NULL)
		return -1;
	for (int i = 0; i < n; i++) {
		xmlDocPtr model;
		if (svc[i] == NULL || svc[i]->service == NULL ||
		    (model = wp_publish_model(t, svc[i]->dir)) == NULL)
			continue;
		wp_prose_add(p, model, svc[i]);
		xmlFreeDoc(model);
	}
	rc = wp_prose_run(p, base);
	wp_prose_free(p);
	return rc;
}

/*
 * Consistency across services (lint.c), each service's coverage of the
 * catalogue (coverage.c) and, with --prose, textlint's findings on its
 * text (lintprose.c); a baseline accepts some.  Exit status 0 when
 * nothing else was found, 1 when something was (or the content has
 * errors), 2 when the baseline cannot be read or textlint run.
 */
int
wp_cmd_lint(struct wp_session *t, const struct args *a, int argc,
    char **argv)
{
	struct wp_service	**svc;
	struct wp_baseline	 *base = NULL;
	struct wp_lint		 *l;
	int			  found = 0, i;

	if (a->prh != NULL && argc == 0)
		return lint_prh(t, a->prh);
	if (argc == 0)
		return wp_usage_error("lint", "give a service folder");
	if (a->prh != NULL && lint_prh(t, a->prh) != EXIT_OK)
		return EXIT_CONTENT;
	if (a->baseline != NULL &&
	    (base = wp_baseline_load(a->baseline)) == NULL)
		return EXIT_USAGE;
	svc = wp_calloc((size_t)argc, sizeof(*svc));
	for (i = 0; i < argc; i++)
		if ((svc[i] = wp_service_load(argv[i])) != NULL &&
		    svc[i]->service != NULL)
			found |= wp_validate(t->t, svc[i]) != 0;
	l = wp_lint(t->t, svc, (size_t)argc);
	for (size_t k = 0; k < l->n; k++)
		if (!wp_baseline_accept(base, l->v[k].file, l->v[k].text)) {
			wp_msg(MSG_LINT, l->v[k].file, l->v[k].line,
			    l->v[k].text);
			found = 1;
		}
	wp_lint_free(l);
	for (i = 0; i < argc; i++)
		if (svc[i] != NULL)
			found |= wp_coverage(t->t, svc[i], base) > 0;
	if (a->prose) {
		int rc = lint_prose(t, svc, argc, base);
		if (rc < 0)
			found = -1;
		else
			found |= rc > 0;
	}
	for (i = 0; i < argc; i++)
		wp_service_free(svc[i]);
	free(svc);
	wp_baseline_free(base);
	if (found < 0)
		return EXIT_USAGE;
	return found || wp_diag_errors() ? EXIT_CONTENT : EXIT_OK;
}

/*
 * The index page alone, of service folders (their models merged anew)
 * or of the index-entry.xml files builds wrote (read as they are).
 */
int
wp_cmd_index(struct wp_session *t, const struct args *a, int argc,
    char **argv)
{
	const char	*path = a->output;
	struct wp_index	*idx = wp_index_new();
	int		 bad = 0;

	for (int i = 0; i < argc; i++) {
		xmlDocPtr doc;
		char *id;
		if (!g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
			if (wp_index_add_entry(idx, argv[i]) == -1)
				bad = 1;
			continue;
		}
		doc = wp_publish_model(t, argv[i]);
		id = wp_service_id(argv[i]);
		if (doc == NULL)
			bad = 1;
		else
			wp_index_add(idx, id, doc);
		xmlFreeDoc(doc);
		free(id);
	}
	if (!bad && wp_index_write(t, idx, path) == -1)
		bad = 1;
	wp_index_free(idx);
	return bad ? EXIT_CONTENT : EXIT_OK;
}

int
wp_cmd_text(struct wp_session *t, const struct args *a, int argc,
    char **argv)
{
	xmlDocPtr	 model = wp_publish_model(t, argv[0]);
	(void)a;
	(void)argc;
	char		*buf;
	size_t		 len;
	int		 rc = EXIT_CONTENT;

	if (model == NULL)
		return EXIT_CONTENT;
	buf = wp_text_document(model, &len);
	rc = fwrite(buf, 1, len, stdout) == len && fflush(stdout) == 0 ?
	    EXIT_OK : EXIT_TROUBLE;
	free(buf);
	xmlFreeDoc(model);
	return rc;
}


int
wp_cmd_release(struct wp_session *t, const struct args *a, int argc,
    char **argv)
{
	return wp_publish_release(t, argc, argv, a->output) == 0 ? EXIT_OK :
	    EXIT_CONTENT;
}

/*
 * Where the lines and pages of a service's PDF break, as text: what a
 * change to the typesetter or the style moves shows as a plain diff.
 */
int
wp_cmd_layout(struct wp_session *t, const struct args *a, int argc,
    char **argv)
{
	xmlDocPtr	 model = wp_publish_model(t, argv[0]);
	struct wp_fonts	*f;
	struct wp_doc	*d = NULL;
	int		 rc = EXIT_CONTENT;

	(void)a;
	(void)argc;
	if (model != NULL && (f = wp_session_fonts(t)) != NULL &&
	    (d = wp_typeset(f, t->style, model)) != NULL) {
		wp_doc_dump(d, stdout);
		rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_TROUBLE;
	}
	wp_doc_free(d);
	xmlFreeDoc(model);
	return rc;
}
