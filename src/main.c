/*
 * wpgen: the command line.  The only place that prints usage and exits.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "build.h"
#include "coverage.h"
#include "lint.h"
#include "validate.h"
#include "diff.h"
#include "diag.h"
#include "load.h"
#include "timing.h"
#include "output.h"
#include "pdf.h"
#include "util.h"
#include "xform.h"

#ifndef WP_VERSION
#define WP_VERSION "0.1"
#endif
#ifndef WP_DATADIR
#define WP_DATADIR "/usr/local/share/wpgen"
#endif

enum { EXIT_OK = 0, EXIT_CONTENT = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
"usage: wpgen check [--templates DIR] SERVICE-DIR...\n"
"       wpgen build [--templates DIR] [--index HREF] [--no-index] [-j N] [-v]\n"
"                   -o OUTDIR SERVICE-DIR...\n"
"       wpgen index [--templates DIR] -o FILE SERVICE-DIR|ENTRY.xml...\n"
"       wpgen release [--templates DIR] -o DISTDIR SERVICE-DIR...\n"
"       wpgen text  [--templates DIR] SERVICE-DIR\n"
"       wpgen diff  [--templates DIR] [--color|--no-color] [--html FILE]\n"
"                   [--check-history [--strict]] [--rev REV] OLD [NEW]\n"
"       wpgen lint  [--templates DIR] SERVICE-DIR...\n"
"       wpgen --help | --version\n"
"\n"
"  check   validate each service's content; report every error found\n"
"  build   write OUTDIR/whitepaper.pdf, whitepaper.html, whitepaper.txt\n"
"          and document.xml; with several services, each goes to\n"
"          OUTDIR/<id>/ and OUTDIR/index.html lists them all\n"
"          (with --no-index, each goes to OUTDIR/<id>/, even one alone,\n"
"          and no index is written: make writes it from the entries)\n"
"  index   write the page listing the services (their outputs in <id>/\n"
"          beside it)\n"
"  release check every service (writing nothing if one has an error),\n"
"          then write DISTDIR/<document number>_<version>.pdf, .html and\n"
"          .png (the cover) for each, and DISTDIR/manifest.json\n"
"  text    print the whole document as plain text\n"
"  diff    compare two versions of a service clause by clause (aligned by\n"
"          control number); with --rev, DIR at a git revision against DIR;\n"
"          --check-history: the newest revision must name every changed\n"
"          clause and no other; exit 0 same, 1 different, 2 trouble\n"
"  lint    likely mistakes across services (near-identical variants of\n"
"          the others' wording, unknown product names, odd URLs, names\n"
"          typed by hand) and controls neither answered nor marked\n"
"          out of scope\n"
"\n"
"  -o, --output PATH    where build or index writes\n"
"  -i, --index HREF     link each HTML page to the index page at HREF\n"
"                       (default with several services: ../index.html)\n"
"      --no-index       build: no index page (see build above)\n"
"  -j, --jobs N         build services in N processes at once (default:\n"
"                       as many as the machine has cores)\n"
"      --timings        print each service's time per stage (build)\n"
"  -v, --verbose        a line per service built: pages and time (shown\n"
"                       anyway on a terminal when there are several)\n"
"  -t, --templates DIR  the templates folder (default: $WPGEN_TEMPLATES,\n"
"                       else ../templates beside the program if there,\n"
"                       else " WP_DATADIR "/templates)\n"
"\n"
"Exit status: 0 success, 1 errors in content, 2 usage error.\n";

/*
 * The templates beside a binary run from its build tree (build/wpgen ->
 * templates/), else the installed ones.  Returns a string to free.
 */
static char *
default_templates(void)
{
	char	 exe[4096], *dir, *probe;
	ssize_t	 n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n > 0) {
		exe[n] = '\0';
		if ((dir = strrchr(exe, '/')) != NULL) {
			char *real;
			strcpy(dir, "/../templates");
			if ((real = realpath(exe, NULL)) != NULL) {
				probe = wp_path(real, "iso27017/catalogue.xml");
				int found = wp_exists(probe);
				free(probe);
				if (found)
					return real;
				free(real);
			}
		}
	}
	return wp_path(WP_DATADIR, "templates");
}

static int
usage(FILE *f, int status)
{
	fputs(usage_text, f);
	return status;
}

static int
cmd_check(struct wp_templates *t, int argc, char **argv)
{
	int	 bad = 0;

	for (int i = 0; i < argc; i++) {
		bad |= wp_build_check(t, argv[i]);
		wp_diag_flush();
	}
	return bad ? EXIT_CONTENT : EXIT_OK;
}

struct diff_args {
	int		 color, history, strict;
	const char	*html, *rev;
};

struct build_args {
	const char	*outdir, *index_href;
	int		 no_index, timings, verbose, jobs;
};

struct job {
	struct wp_templates	*t;
	const char		*outdir, *index_href;
	int			 each;	/* each service to outdir/<id>/ */
	int			 timings, progress, argc;
	char			**argv;
	char			*ok;	/* per service: built */
};

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Builds service i of a job; 1 if it was built. */
static int
build_one(struct job *j, int i)
{
	char	*id = wp_service_id(j->argv[i]);
	char	*dir = j->each ? wp_path(j->outdir, id) : wp_strdup(j->outdir);
	double	 start = now();
	int	 pages = 0, ok;

	ok = wp_build_service(j->t, j->argv[i], dir, j->index_href,
	    &pages) == 0;
	wp_diag_flush();
	if (j->progress && ok)
		fprintf(stderr, "[%d/%d] %s: %d pages, %.2f s\n", i + 1,
		    j->argc, id, pages, now() - start);
	else if (j->progress)
		fprintf(stderr, "[%d/%d] %s: failed\n", i + 1, j->argc, id);
	if (j->timings) {
		wp_timings_print(stderr, id);
		wp_timings_reset();
	}
	free(dir);
	free(id);
	return ok;
}

/* The size of a service's content, to deal the big ones first. */
static long
content_size(const char *dir)
{
	char		*path = wp_path(dir, "service.xml");
	struct stat	 st;
	long		 n = stat(path, &st) == 0 ? (long)st.st_size : 0;

	free(path);
	return n;
}

static const long	*sizes;	/* for bigger_first, during one qsort */

static int
bigger_first(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;

	return sizes[x] != sizes[y] ? (sizes[x] < sizes[y] ? 1 : -1) : x - y;
}

struct result {
	int	 service, ok;
};

/* A worker: takes services from the queue until it is empty. */
static void
work(struct job *j, int todo, int done)
{
	struct result	 r;

	while (read(todo, &r.service, sizeof(r.service)) ==
	    (ssize_t)sizeof(r.service)) {
		r.ok = build_one(j, r.service);
		fflush(NULL);
		if (write(done, &r, sizeof(r)) != (ssize_t)sizeof(r))
			_exit(EXIT_CONTENT);
	}
	_exit(EXIT_OK);
}

/*
 * Several services on several cores: one worker process per core, each
 * taking the next service from a queue (a pipe of service numbers, the
 * biggest service first, so that no worker is left with a long one at
 * the end) and reporting each one it built on a second pipe.  Each
 * number and report is one write of a few bytes, which a pipe keeps
 * whole.  Processes, not threads: threads, each with a font map of its
 * own (Pango's are not for sharing) and cairo's glyph caches shared,
 * were measured no faster, and a worker that dies takes only its own
 * service with it.  Each worker loads the fonts once.  A service whose
 * worker dies is not reported, so it counts as failed.
 */
static void
build_parallel(struct job *j, int jobs)
{
	int		 todo[2], done[2], *order, w, workers = 0;
	long		*size;
	pid_t		 pid[64];
	struct result	 r;

	if (pipe(todo) == -1)
		goto alone;
	if (pipe(done) == -1) {
		close(todo[0]);
		close(todo[1]);
		goto alone;
	}
	fflush(NULL);
	for (w = 0; w < jobs; w++) {
		if ((pid[workers] = fork()) == -1)
			break;
		if (pid[workers] == 0) {
			wp_output_child();
			close(todo[1]);
			close(done[0]);
			work(j, todo[0], done[1]);
		}
		wp_output_worker(pid[workers]);
		workers++;
	}
	close(todo[0]);
	close(done[1]);
	/* should every worker die, writing the queue fails, not kills */
	signal(SIGPIPE, SIG_IGN);
	order = wp_calloc((size_t)j->argc, sizeof(*order));
	size = wp_calloc((size_t)j->argc, sizeof(*size));
	for (int i = 0; i < j->argc; i++) {
		order[i] = i;
		size[i] = content_size(j->argv[i]);
	}
	sizes = size;
	qsort(order, (size_t)j->argc, sizeof(*order), bigger_first);
	free(size);
	for (int i = 0; i < j->argc && workers > 0; i++)
		if (write(todo[1], &order[i], sizeof(order[i])) !=
		    (ssize_t)sizeof(order[i]))
			break;
	close(todo[1]);
	free(order);
	while (read(done[0], &r, sizeof(r)) == (ssize_t)sizeof(r))
		if (r.service >= 0 && r.service < j->argc)
			j->ok[r.service] = (char)r.ok;
	close(done[0]);
	signal(SIGPIPE, SIG_DFL);
	for (w = 0; w < workers; w++) {
		int status;
		if (waitpid(pid[w], &status, 0) == pid[w] &&
		    WIFSIGNALED(status))
			fprintf(stderr, "wpgen: a worker process died (signal "
			    "%d); the service it was building counts as "
			    "failed\n", WTERMSIG(status));
	}
	if (workers > 0)
		return;
alone:
	for (int i = 0; i < j->argc; i++)
		j->ok[i] = (char)build_one(j, i);
}

/* The index of the services built, from the entries they wrote. */
static int
write_index(struct job *j)
{
	struct wp_index	*idx = wp_index_new();
	char		*path;
	int		 rc = 0, listed = 0;

	/* each service whose outputs are there: a failed build leaves the
	 * previous ones in place, and they stay listed */
	for (int i = 0; i < j->argc; i++) {
		char *id = wp_service_id(j->argv[i]);
		char *dir = wp_path(j->outdir, id);
		char *file = wp_path(dir, "index-entry.xml");
		if (wp_exists(file) && wp_index_add_entry(idx, file) == 0)
			listed++;
		free(file);
		free(dir);
		free(id);
	}
	path = wp_path(j->outdir, "index.html");
	if (listed > 0)
		rc = wp_index_write(j->t, idx, path);
	free(path);
	wp_index_free(idx);
	return rc;
}

/*
 * Two services of one build must not write one folder: their ids (their
 * folders' names) differ.  Returns how many do, each reported.
 */
static int
same_outputs(const struct job *j)
{
	int	 bad = 0;

	for (int i = 0; j->each && i < j->argc; i++) {
		char *id = wp_service_id(j->argv[i]);
		for (int k = 0; k < i; k++) {
			char *other = wp_service_id(j->argv[k]);
			int same = strcmp(id, other) == 0;
			free(other);
			if (!same)
				continue;
			char *where = wp_path(j->outdir, id);
			wp_msg(MSG_SAME_OUTPUT, j->argv[i], 0, where,
			    j->argv[k]);
			free(where);
			bad++;
			break;
		}
		free(id);
	}
	return bad;
}

/*
 * Progress, a line per service, goes to a terminal when several services
 * are built, and anywhere with -v; a build run by make or a pipeline is
 * otherwise quiet.  Several services, or any with --no-index (make's
 * form: it writes the index itself), each go to OUTDIR/<id>/.
 */
static int
cmd_build(struct wp_templates *t, const struct build_args *a, int argc,
    char **argv)
{
	struct job	 j = { t, a->outdir, a->index_href,
			    argc > 1 || a->no_index, a->timings,
			    a->verbose || (argc > 1 && isatty(STDERR_FILENO)),
			    argc, argv, NULL };
	int		 bad = 0, jobs = a->jobs;

	if (j.each && j.index_href == NULL)
		j.index_href = "../index.html";
	if (same_outputs(&j) > 0)
		return EXIT_CONTENT;
	j.ok = wp_calloc((size_t)argc, 1);
	if (jobs > argc)
		jobs = argc;
	if (jobs > 1)
		build_parallel(&j, jobs);
	else
		for (int i = 0; i < argc; i++)
			j.ok[i] = (char)build_one(&j, i);
	for (int i = 0; i < argc; i++)
		bad |= !j.ok[i];
	if (argc > 1 && !a->no_index && write_index(&j) == -1)
		bad = 1;
	free(j.ok);
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
 * as diff(1): 0 the same, 1 different, 2 trouble (or, with --strict, a
 * revision history that does not say what changed).
 */
static int
cmd_diff(const struct wp_templates *t, const struct diff_args *a, int argc,
    char **argv)
{
	struct wp_diff_opts	 o = { a->color ? WP_DIFF_COLOR : WP_DIFF_TEXT,
				    NULL, NULL };
	struct wp_diff		*d = NULL;
	struct wp_diff_note	*notes = NULL;
	size_t			 nnotes = 0;
	char			*revdir = NULL, *label = NULL;
	xmlDocPtr		 old = NULL, new = NULL;
	int			 rc = EXIT_USAGE;

	if (argc < (a->rev != NULL ? 1 : 2) || argc > 2 ||
	    (a->strict && !a->history))
		return usage(stderr, EXIT_USAGE);
	if (a->rev != NULL) {
		if ((revdir = wp_diff_checkout(argv[0], a->rev)) == NULL)
			goto out;
		label = g_strdup_printf("%s@%s", argv[0], a->rev);
		o.old_label = label;
		old = wp_build_model(t, revdir);
	} else {
		o.old_label = argv[0];
		old = wp_build_model(t, argv[0]);
	}
	o.new_label = argv[argc - 1];
	new = wp_build_model(t, argv[argc - 1]);
	if (old == NULL || new == NULL)
		goto out;
	d = wp_diff_new(old, new);
	if ((rc = wp_diff_write(d, &o, stdout)) == -1) {
		rc = EXIT_USAGE;
		goto out;
	}
	if (a->html != NULL && diff_html(d, &o, a->html) == -1)
		rc = EXIT_USAGE;
	if (a->history) {
		nnotes = wp_diff_check_history(d, &notes);
		if (wp_diff_report_history(notes, nnotes, a->strict) > 0 &&
		    a->strict)
			rc = EXIT_USAGE;
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

/*
 * Consistency across services (lint.c) and each service's coverage of
 * the catalogue (coverage.c).  Exit status 0 when nothing was found, 1
 * when something was (or the content has errors).
 */
static int
cmd_lint(const struct wp_templates *t, int argc, char **argv)
{
	struct wp_service	**svc = wp_calloc((size_t)argc, sizeof(*svc));
	struct wp_lint		 *l;
	int			  found = 0, i;
	size_t			  k;

	for (i = 0; i < argc; i++)
		if ((svc[i] = wp_service_load(argv[i])) != NULL &&
		    svc[i]->service != NULL)
			found |= wp_validate(t, svc[i]) != 0;
	l = wp_lint(t, svc, (size_t)argc);
	for (k = 0; k < l->n; k++)
		wp_msg(MSG_LINT, l->v[k].file, l->v[k].line, l->v[k].text);
	found |= l->n > 0;
	wp_lint_free(l);
	for (i = 0; i < argc; i++) {
		if (svc[i] != NULL)
			found |= wp_coverage(t, svc[i]) > 0;
		wp_service_free(svc[i]);
	}
	free(svc);
	return found || wp_diag_errors() ? EXIT_CONTENT : EXIT_OK;
}

/*
 * The index page alone, of service folders (their models merged anew)
 * or of the index-entry.xml files builds wrote (read as they are).
 */
static int
cmd_index(const struct wp_templates *t, const char *path, int argc,
    char **argv)
{
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
		doc = wp_build_model(t, argv[i]);
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

static int
cmd_text(const struct wp_templates *t, const char *dir)
{
	xmlDocPtr	 model = wp_build_model(t, dir);
	xmlChar		*buf;
	int		 len, rc = EXIT_CONTENT;

	if (model == NULL)
		return EXIT_CONTENT;
	if ((buf = wp_build_text(t, model, &len)) != NULL) {
		if (fwrite(buf, 1, (size_t)len, stdout) == (size_t)len &&
		    fflush(stdout) == 0)
			rc = EXIT_OK;
		xmlFree(buf);
	}
	xmlFreeDoc(model);
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "index", required_argument, NULL, 'i' },
		{ "no-index", no_argument, NULL, 'N' },
		{ "timings", no_argument, NULL, 'T' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "color", no_argument, NULL, 'c' },
		{ "no-color", no_argument, NULL, 'C' },
		{ "html", required_argument, NULL, 'H' },
		{ "check-history", no_argument, NULL, 'k' },
		{ "strict", no_argument, NULL, 's' },
		{ "rev", required_argument, NULL, 'r' },
		{ "templates", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char		*outdir = NULL, *tdir = getenv("WPGEN_TEMPLATES");
	struct build_args	 ba = { NULL, NULL, 0, 0, 0, 0 };
	struct diff_args	 da = { isatty(STDOUT_FILENO), 0, 0, NULL, NULL };
	long			 jobs = sysconf(_SC_NPROCESSORS_ONLN);
	char			*end;
	char			*deftdir = NULL;
	struct wp_templates	*t;
	const char		*cmd;
	int			 c, rc;

	/* Output must not depend on the user's locale. */
	setlocale(LC_ALL, "C");
	/*
	 * cairo copies a CFF font's whole table twice for each face of
	 * each PDF (23 MB for a full Noto CJK face, which serves what
	 * wpgen's TrueType subsets lack).  From the heap, and kept there
	 * once freed, the copies reuse one block; mapped and unmapped
	 * afresh, they cost a quarter of such a whitepaper's page faults
	 * and of its CPU time.
	 */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		return usage(stdout, EXIT_OK);
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("wpgen %s\n", WP_VERSION);
		return EXIT_OK;
	}
	if (argc < 2 || argv[1][0] == '-')
		return usage(stderr, EXIT_USAGE);
	cmd = argv[1];
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "o:i:j:t:vhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outdir = optarg;
			break;
		case 'i':
			ba.index_href = optarg;
			break;
		case 'N':
			ba.no_index = 1;
			break;
		case 'T':
			ba.timings = 1;
			break;
		case 'v':
			ba.verbose = 1;
			break;
		case 'c':
		case 'C':
			da.color = c == 'c';
			break;
		case 'H':
			da.html = optarg;
			break;
		case 'k':
			da.history = 1;
			break;
		case 's':
			da.strict = 1;
			break;
		case 'r':
			da.rev = optarg;
			break;
		case 'j':
			jobs = strtol(optarg, &end, 10);
			if (*end != '\0' || jobs < 1 || jobs > 64) {
				fprintf(stderr, "wpgen: -j takes a number from "
				    "1 to 64, not \"%s\"\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 't':
			tdir = optarg;
			break;
		case 'h':
			return usage(stdout, EXIT_OK);
		case 'V':
			printf("wpgen %s\n", WP_VERSION);
			return EXIT_OK;
		default:
			return usage(stderr, EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (strcmp(cmd, "check") != 0 && strcmp(cmd, "build") != 0 &&
	    strcmp(cmd, "index") != 0 && strcmp(cmd, "text") != 0 &&
	    strcmp(cmd, "release") != 0 && strcmp(cmd, "diff") != 0 &&
	    strcmp(cmd, "lint") != 0) {
		fprintf(stderr, "wpgen: unknown command \"%s\"\n", cmd);
		return usage(stderr, EXIT_USAGE);
	}
	if (jobs < 1)
		jobs = 1;
	if (jobs > 64)
		jobs = 64;
	if (argc < 1 || (strcmp(cmd, "text") == 0 && argc != 1) ||
	    (strcmp(cmd, "build") == 0 && outdir == NULL) ||
	    (strcmp(cmd, "index") == 0 && outdir == NULL) ||
	    (strcmp(cmd, "release") == 0 && outdir == NULL))
		return usage(stderr, EXIT_USAGE);

	if (wp_pdf_set_epoch(getenv("SOURCE_DATE_EPOCH")) == -1) {
		fprintf(stderr, "wpgen: error: SOURCE_DATE_EPOCH=\"%s\" is not "
		    "a time (give seconds since 1970 as a whole number, or "
		    "unset it)\n", getenv("SOURCE_DATE_EPOCH"));
		return EXIT_USAGE;
	}
	wp_output_signals();
	xmlInitParser();
	wp_diag_route_libxml();
	wp_xform_init();
	if (tdir == NULL)
		tdir = deftdir = default_templates();
	if ((t = wp_templates_load(tdir)) == NULL) {
		free(deftdir);
		return EXIT_CONTENT;
	}
	if (strcmp(cmd, "check") == 0)
		rc = cmd_check(t, argc, argv);
	else if (strcmp(cmd, "build") == 0) {
		ba.outdir = outdir;
		ba.jobs = (int)jobs;
		rc = cmd_build(t, &ba, argc, argv);
	}
	else if (strcmp(cmd, "index") == 0)
		rc = cmd_index(t, outdir, argc, argv);
	else if (strcmp(cmd, "lint") == 0)
		rc = cmd_lint(t, argc, argv);
	else if (strcmp(cmd, "diff") == 0)
		rc = cmd_diff(t, &da, argc, argv);
	else if (strcmp(cmd, "release") == 0)
		rc = wp_build_release(t, argc, argv, outdir) == 0 ? EXIT_OK :
		    EXIT_CONTENT;
	else
		rc = cmd_text(t, argv[0]);
	wp_diag_flush();
	wp_templates_free(t);
	free(deftdir);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
