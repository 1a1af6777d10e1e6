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

/*
 * The two versions diff compares, OLD NEW, or DIR at --rev REV and DIR,
 * or DIR at A and at B (--rev A..B): their models and labels.  A
 * version's folder need not be named after its service.  Returns 0,
 * 1 when the service was not there at OLD's revision (*old NULL), or -1
 * after reporting.
 */
static int
versions(struct wp_session *t, const struct args *a, int argc, char **argv,
    xmlDocPtr *old, xmlDocPtr *new, char **label)
{
	const char	*dots = a->rev != NULL ? strstr(a->rev, "..") : NULL;
	char		*from = NULL;
	int		 absent = 0;

	t->any_folder = 1;
	if (dots != NULL)
		from = g_strndup(a->rev, (size_t)(dots - a->rev));
	else if (a->rev != NULL)
		from = g_strdup(a->rev);
	label[0] = from != NULL ? g_strdup_printf("%s@%s", argv[0], from) :
	    g_strdup(argv[0]);
	label[1] = dots != NULL ? g_strdup_printf("%s@%s", argv[0], dots + 2) :
	    g_strdup(argv[argc - 1]);
	*old = wp_publish_version(t, argv[0], from, &absent);
	if (*old != NULL || !absent)
		*new = wp_publish_version(t, argv[argc - 1], dots != NULL ?
		    dots + 2 : NULL, &absent);
	if (absent && *old != NULL)	/* B has no such service */
		wp_msg(MSG_GIT, argv[0], 0, "service.xml", dots + 2,
		    "the service is not there");
	g_free(from);
	if (*old == NULL && absent)
		return 1;
	return *old != NULL && *new != NULL ? 0 : -1;
}

/* Says that the service is new since OLD's revision: every clause is,
 * and (history) there is no history to check against it. */
static int
new_service(const char *dir, const char *rev, int history)
{
	printf("service %s: new since %s: not there, every clause is new\n",
	    dir, rev);
	if (history)
		fprintf(stderr, "%s: new since %s: every clause is new, no "
		    "history to check\n", dir, rev);
	return fflush(stdout) == 0 ? EXIT_CONTENT : EXIT_TROUBLE;
}

/*
 * Two versions of a service, clause by clause: OLD NEW, or with a git
 * revision, DIR@REV against DIR (OLD@REV against NEW), or DIR@A against
 * DIR@B (--rev A..B).  Exit status as diff(1): 0 the same, 1 different;
 * 3 with --strict, a revision history that does not say what changed;
 * 4 versions that could not be compared (git, files).
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
	char			*label[2] = { NULL, NULL };
	xmlDocPtr		 old = NULL, new = NULL;
	int			 rc = EXIT_TROUBLE;

	if (a->rev != NULL && strstr(a->rev, "..") != NULL && argc != 1)
		return wp_usage_error("diff", "--rev A..B compares one folder "
		    "at two revisions: give one, DIR");
	if (argc > 2 || argc < (a->rev != NULL ? 1 : 2))
		return wp_usage_error("diff", "give two versions, OLD NEW, or "
		    "one with --rev REV");
	if (a->strict && !a->history)
		return wp_usage_error("diff", "--strict goes with "
		    "--check-history");
	switch (versions(t, a, argc, argv, &old, &new, label)) {
	case 1:
		rc = new_service(argv[0], label[0] + strlen(argv[0]) + 1,
		    a->history);
		goto out;
	case -1:
		goto out;
	}
	o.old_label = label[0];
	o.new_label = label[1];
	d = wp_diff_new(old, new);
	if ((rc = wp_diff_write(d, &o, stdout)) == -1) {
		rc = EXIT_TROUBLE;
		goto out;
	}
	nnotes = wp_diff_check_history(d, &notes);
	if (a->history && wp_diff_report_history(notes, nnotes, a->strict) >
	    0 && a->strict)
		rc = EXIT_HISTORY;
	if ((a->pdf != NULL || a->html != NULL) &&
	    wp_publish_comparison(t, old, new, label[0], notes, nnotes,
	    a->pdf, a->html) == -1)
		rc = EXIT_TROUBLE;
out:
	wp_diff_notes_free(notes, nnotes);
	wp_diff_free(d);
	xmlFreeDoc(old);
	xmlFreeDoc(new);
	g_free(label[0]);
	g_free(label[1]);
	return rc;
}

/* `build --changes-since REV`: the reviewer's copy of one service. */
int
wp_cmd_redline(struct wp_session *t, const struct args *a, int argc,
    char **argv)
{
	(void)argc;
	return wp_publish_redline(t, argv[0], a->since, a->output) == 0 ?
	    EXIT_OK : EXIT_CONTENT;
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
	xmlDocPtr	 model = a->since != NULL ?
			    wp_publish_redline_model(t, argv[0], a->since) :
			    wp_publish_model(t, argv[0]);
	struct wp_fonts	*f;
	struct wp_doc	*d = NULL;
	int		 rc = EXIT_CONTENT;

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
