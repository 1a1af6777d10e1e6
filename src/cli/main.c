/*
 * wpgen: the command line.  A table of commands, each with its options,
 * its operands and its help; main() parses one command line against it
 * and runs the command.
 */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/output.h"
#include "base/path.h"
#include "cli/cli.h"
#include "model/xform.h"
#include "render/pdf.h"

/* Every option; a command takes those whose letters its opts list. */
static const struct option longopts[] = {
	{ "templates", required_argument, NULL, 't' },
	{ "help", no_argument, NULL, 'h' },
	{ "output", required_argument, NULL, 'o' },
	{ "index", required_argument, NULL, 'i' },
	{ "no-index", no_argument, NULL, 'N' },
	{ "changed", no_argument, NULL, 'u' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "timings", no_argument, NULL, 'T' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "color", optional_argument, NULL, 'c' },
	{ "no-color", no_argument, NULL, 'C' },
	{ "html", required_argument, NULL, 'H' },
	{ "check-history", no_argument, NULL, 'k' },
	{ "strict", no_argument, NULL, 's' },
	{ "rev", required_argument, NULL, 'r' },
	{ "baseline", required_argument, NULL, 'b' },	/* lint */
	{ "prh", required_argument, NULL, 'P' },
	{ "prose", no_argument, NULL, 'p' },
	{ "diagnostic-format", required_argument, NULL, 'D' },
	{ "werror", no_argument, NULL, 'W' },
	{ "changes-since", required_argument, NULL, 'S' },	/* issue 18 */
	{ "pdf", required_argument, NULL, 'F' },
	{ NULL, 0, NULL, 0 }
};

#define TEMPLATES_HELP \
"  -t, --templates DIR  the templates folder (default: $WPGEN_TEMPLATES,\n" \
"                       else ../templates beside the program if there,\n" \
"                       else ../share/wpgen/templates beside it)\n" \
"      --diagnostic-format=text|json  messages as file:line: lines, or\n" \
"                       a JSON object a line (file, line, column,\n" \
"                       severity, code, message)\n"
#define REV_HELP \
"      --rev REV        the content as it was at git revision REV\n"
#define CHANGES_HELP \
"      --changes-since REV  a reviewer's copy: what changed since git\n" \
"                       revision or tag REV marked in place\n"
#define WERROR_HELP \
"      --werror         warnings are errors\n"

struct command {
	const char	*name;
	int		(*run)(struct wp_session *, const struct args *, int,
			    char **);
	const char	*opts;		/* the options' letters (longopts) */
	int		 min, max;	/* operands; max -1: any number */
	const char	*needs;		/* an option it cannot do without */
	const char	*operand;	/* what its operands are, for messages */
	const char	*synopsis;
	const char	*help;		/* what it does, then its options */
};

static const struct command commands[] = {
	{ "check", wp_cmd_check, "thDWr", 1, -1, NULL, "a service folder",
	  "[--templates DIR] [--werror] [--rev REV] SERVICE-DIR...",
	  "Validates each service's content and typesets it, writing nothing;\n"
	  "reports every error found, as file:line: error: what (and how).\n"
	  "\n"
	  WERROR_HELP REV_HELP },
	{ "build", wp_cmd_build, "thoiNujTvDWrS", 1, -1, "o", "a service folder",
	  "[--templates DIR] [--index HREF] [--no-index] [--changed]\n"
	  "[-j N] [-v] [--timings] [--werror] [--rev REV]\n"
	  "[--changes-since REV] -o OUTDIR SERVICE-DIR...",
	  "Writes OUTDIR/whitepaper.pdf, whitepaper.html, whitepaper.txt,\n"
	  "document.xml and index-entry.xml, as one set replacing the last;\n"
	  "with several services, each goes to OUTDIR/<id>/ and\n"
	  "OUTDIR/index.html lists them all.\n"
	  "\n"
	  "  -o, --output OUTDIR  where to write\n"
	  "  -i, --index HREF     link each HTML page to the index page at HREF\n"
	  "                       (default with several services: ../index.html)\n"
	  "      --no-index       each service to OUTDIR/<id>/, even one alone,\n"
	  "                       and no index page\n"
	  "      --changed        each service to OUTDIR/<id>/, even one alone,\n"
	  "                       and only if what it is made from changed since\n"
	  "                       its last build (OUTDIR/<id>/" WP_INPUTS ")\n"
	  "  -j, --jobs N         build services in N processes at once, each\n"
	  "                       keeping two cores busy (default: half as many\n"
	  "                       as the machine has cores, at least 1)\n"
	  "  -v, --verbose        a line per service built: pages and time\n"
	  "                       (shown anyway on a terminal for several)\n"
	  "      --timings        each service's time per stage\n"
	  WERROR_HELP
	  "      --rev REV        the content as it was at git revision or tag\n"
	  "                       REV (not with --changed)\n"
	  CHANGES_HELP
	  "                       (one service): OUTDIR gets " WP_REDLINE_PDF ",\n"
	  "                       " WP_REDLINE_HTML " and " WP_REDLINE_MODEL "\n" },
	{ "index", wp_cmd_index, "thoD", 1, -1, "o",
	  "a service folder or index-entry.xml",
	  "[--templates DIR] -o FILE SERVICE-DIR|ENTRY.xml...",
	  "Writes the page listing the services (their outputs in <id>/ beside\n"
	  "it), from service folders or the index-entry.xml files builds wrote.\n"
	  "\n"
	  "  -o, --output FILE    the page to write (-: standard output)\n" },
	{ "release", wp_cmd_release, "thoDr", 1, -1, "o", "a service folder",
	  "[--templates DIR] [--rev REV] -o DISTDIR SERVICE-DIR...",
	  "Checks every service (writing nothing if one has an error), then\n"
	  "writes DISTDIR as one set: <document number>_<version>.pdf, .html,\n"
	  ".png and @2x.png (the cover) for each, manifest.json and SHA256SUMS;\n"
	  "refuses a version DISTDIR's last release has with other content.\n"
	  "\n"
	  "  -o, --output DISTDIR the release folder\n"
	  "      --rev REV        the content as it was at git revision or tag\n"
	  "                       REV: the release made again\n" },
	{ "text", wp_cmd_text, "thDr", 1, 1, NULL, "a service folder",
	  "[--templates DIR] [--rev REV] SERVICE-DIR",
	  "Prints the whole document as plain text, one paragraph a line.\n"
	  "\n"
	  REV_HELP },
	{ "layout", wp_cmd_layout, "thDrS", 1, 1, NULL, "a service folder",
	  "[--templates DIR] [--rev REV] [--changes-since REV] SERVICE-DIR",
	  "Prints where the PDF's lines and pages break, as text: each page,\n"
	  "each line of text (baseline, left edge, text), the bookmarks.\n"
	  "\n"
	  REV_HELP CHANGES_HELP },
	{ "diff", wp_cmd_diff, "thcCHksrDF", 1, 2, NULL, "a version",
	  "[--templates DIR] [--color[=WHEN]] [--pdf FILE] [--html FILE]\n"
	  "[--check-history [--strict]] [--rev REV[..REV]] OLD [NEW]",
	  "Compares two versions of a service clause by clause, aligned by\n"
	  "control number; exit 0 the same, 1 different.\n"
	  "\n"
	  "      --color[=WHEN]   colour the report: auto (on a terminal, unless\n"
	  "                       NO_COLOR is set), always (the default of a bare\n"
	  "                       --color) or never; --no-color is never\n"
	  "      --pdf FILE       also write the comparison (新旧対照表) as a PDF\n"
	  "      --html FILE      and as a web page\n"
	  "      --check-history  the newest revision must name every clause\n"
	  "                       that changed, and no other (warnings)\n"
	  "      --strict         with --check-history: errors, exit 3\n"
	  "      --rev REV        DIR as it was at git revision REV against DIR;\n"
	  "                       --rev A..B: DIR at A against DIR at B\n" },
	{ "watch", wp_cmd_watch, "thoTD", 1, -1, NULL, "a service folder",
	  "[--templates DIR] [--timings] [-o OUTDIR] SERVICE-DIR...",
	  "Builds each service into OUTDIR/<id>/, as build --changed does, and\n"
	  "again as soon as its content, a template, the style or the fonts\n"
	  "change; a line per build; Ctrl-C stops (exit 0).\n"
	  "\n"
	  "  -o, --output OUTDIR  where to write (default: build)\n"
	  "      --timings        each build's time per stage\n" },
	{ "lint", wp_cmd_lint, "thbPpD", 0, -1, NULL, "a service folder",
	  "[--templates DIR] [--baseline FILE] [--prose] [--prh FILE]\n"
	  "SERVICE-DIR...",
	  "Likely mistakes across services: near-identical variants of the\n"
	  "others' wording, misspelt names and addresses (against the\n"
	  "publisher's names.xml), words typed twice, names typed by hand;\n"
	  "and controls neither answered nor marked out of scope.  Exit 1\n"
	  "when it finds any the baseline does not accept.\n"
	  "\n"
	  "      --baseline FILE  accept the findings FILE lists (lint's own\n"
	  "                       output: file:line: warning: text), whatever\n"
	  "                       their line\n"
	  "      --prose          also run textlint (ja-technical-writing, prh)\n"
	  "                       over each service's text as the model holds it\n"
	  "      --prh FILE       write the publisher's names as a prh\n"
	  "                       dictionary to FILE (no service: only that)\n" },
};
#define NCOMMANDS	(sizeof(commands) / sizeof(commands[0]))

static const char exits_help[] =
"\nExit status: 0 success, 1 errors in the content, 2 usage error,\n"
"3 history findings (the revisions do not say what changed), 4 trouble\n"
"(the file system, git, fonts).\n";

/* A synopsis, its lines after the first indented by indent. */
static void
synopsis(FILE *f, const char *s, int indent)
{
	for (; *s != '\0'; s++) {
		fputc(*s, f);
		if (*s == '\n')
			fprintf(f, "%*s", indent, "");
	}
	fputc('\n', f);
}

static void
command_help(FILE *f, const struct command *c)
{
	fprintf(f, "usage: wpgen %s ", c->name);
	synopsis(f, c->synopsis, (int)strlen(c->name) + 14);
	fprintf(f, "\n%s", c->help);
	if (strchr(c->help, '\n') != NULL && strstr(c->help, "\n\n") == NULL)
		fputc('\n', f);
	fputs(TEMPLATES_HELP, f);
	fputs(exits_help, f);
}

static void
help(FILE *f)
{
	size_t	 i;

	fputs("usage: wpgen COMMAND [OPTION...] OPERAND...\n"
	    "       wpgen --help | --version\n\n", f);
	for (i = 0; i < NCOMMANDS; i++) {
		fprintf(f, "  wpgen %-7s ", commands[i].name);
		synopsis(f, commands[i].synopsis, 16);
	}
	fputs("\n`wpgen COMMAND --help` says what a command does and what "
	    "its options are.\n", f);
	fputs(exits_help, f);
}

/* The long option with this letter, for messages. */
static const char *
option_name(int letter)
{
	for (const struct option *o = longopts; o->name != NULL; o++)
		if (o->val == letter)
			return o->name;
	return "?";
}

/* Sets how messages are written; 0, or -1 if f names no format. */
static int
diagnostics_format(const char *f)
{
	if (strcmp(f, "json") == 0)
		wp_diag_format(WP_DIAG_JSON);
	else if (strcmp(f, "text") == 0)
		wp_diag_format(WP_DIAG_TEXT);
	else
		return -1;
	return 0;
}

/*
 * --diagnostic-format among a command's arguments, seen before any
 * other option, so that a mistake in those is said in the format a CI
 * asked for.  (An abbreviation or a wrong value is left to parse().)
 */
static void
diagnostics_first(int argc, char **argv)
{
	static const char opt[] = "--diagnostic-format";
	size_t	 n = sizeof(opt) - 1;

	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strncmp(argv[i], opt, n) == 0 && argv[i][n] == '=')
			(void)diagnostics_format(argv[i] + n + 1);
		else if (strcmp(argv[i], opt) == 0 && i + 1 < argc)
			(void)diagnostics_format(argv[++i]);
}

/* Takes one option of c into a; returns 0, or a usage error's status. */
static int
take(const struct command *c, int ch, struct args *a, const char **tdir)
{
	char	*end;
	long	 n;

	switch (ch) {
	case 't': *tdir = optarg; break;
	case 'o': a->output = optarg; break;
	case 'i': a->index_href = optarg; break;
	case 'N': a->no_index = 1; break;
	case 'u': a->changed = 1; break;
	case 'T': a->timings = 1; break;
	case 'v': a->verbose = 1; break;
	case 'c':
		if (optarg == NULL || strcmp(optarg, "always") == 0)
			a->color = 1;
		else if (strcmp(optarg, "never") == 0)
			a->color = 0;
		else if (strcmp(optarg, "auto") == 0)
			a->color = -1;
		else
			return wp_usage_error(c->name, "--color takes auto, "
			    "always or never, not \"%s\"", optarg);
		break;
	case 'F': a->pdf = optarg; break;
	case 'S': a->since = optarg; break;
	case 'C': a->color = 0; break;
	case 'H': a->html = optarg; break;
	case 'k': a->history = 1; break;
	case 'b': a->baseline = optarg; break;
	case 'P': a->prh = optarg; break;
	case 'p': a->prose = 1; break;
	case 'W': a->werror = 1; break;
	case 'D':
		if (diagnostics_format(optarg) == -1)
			return wp_usage_error(c->name, "--diagnostic-format "
			    "takes text or json, not \"%s\"", optarg);
		break;
	case 's': a->strict = 1; break;
	case 'r':
		if (a->rev != NULL)
			return wp_usage_error(c->name, "--rev is given twice");
		a->rev = optarg;
		break;
	case 'j':
		n = strtol(optarg, &end, 10);
		if (*end != '\0' || n < 1 || n > 64)
			return wp_usage_error(c->name, "-j takes a number from "
			    "1 to 64, not \"%s\"", optarg);
		a->jobs = (int)n;
		break;
	}
	return 0;
}

/*
 * Parses the options of command c (argv[0] is its name) into a and
 * *tdir.  Returns 0 and sets *optind_out, -1 if --help was asked (and
 * given), or a usage error's status.
 */
static int
parse(const struct command *c, int argc, char **argv, struct args *a,
    const char **tdir)
{
	int	 ch, rc;

	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":t:ho:i:j:v", longopts,
	    NULL)) != -1) {
		if (ch == '?')
			return wp_usage_error(c->name, "unknown option %s",
			    argv[optind - 1]);
		if (ch == ':')
			return wp_usage_error(c->name, "%s needs a value",
			    argv[optind - 1]);
		if (strchr(c->opts, ch) == NULL)
			return wp_usage_error(c->name, "--%s is not an option "
			    "of %s", option_name(ch), c->name);
		if (ch == 'h') {
			command_help(stdout, c);
			return -1;
		}
		if ((rc = take(c, ch, a, tdir)) != 0)
			return rc;
	}
	if (c->needs != NULL && strchr(c->needs, 'o') != NULL &&
	    a->output == NULL)
		return wp_usage_error(c->name, "-o is missing: say where to "
		    "write");
	/* only the index is one file: a build or a release is a set */
	if (a->output != NULL && strcmp(a->output, "-") == 0 &&
	    strcmp(c->name, "index") != 0)
		return wp_usage_error(c->name, "-o - is refused: %s writes "
		    "several files, as a folder (wpgen text prints the text "
		    "on standard output)", c->name);
	if (a->rev != NULL && a->changed)
		return wp_usage_error(c->name, "--changed goes by the content "
		    "as it is now, not with --rev");
	if (a->rev != NULL && strstr(a->rev, "..") != NULL &&
	    strcmp(c->name, "diff") != 0)
		return wp_usage_error(c->name, "--rev takes one revision here, "
		    "not a range (\"%s\": diff compares two)", a->rev);
	if (a->since != NULL && (a->changed || a->no_index ||
	    a->index_href != NULL))
		return wp_usage_error(c->name, "--changes-since makes a "
		    "reviewer's copy of one service, not with --changed, "
		    "--index or --no-index");
	if (a->since != NULL && argc - optind > 1)
		return wp_usage_error(c->name, "--changes-since takes one "
		    "service, not %d: a reviewer's copy is made of one",
		    argc - optind);
	if (argc - optind < c->min)
		return wp_usage_error(c->name, "give %s", c->operand);
	if (c->max >= 0 && argc - optind > c->max)
		return wp_usage_error(c->name, "%d operands given, at most %d "
		    "taken", argc - optind, c->max);
	return 0;
}

/*
 * The templates beside the program: ../templates when it runs from its
 * build tree (build/wpgen), ../share/wpgen/templates when installed
 * (PREFIX/bin/wpgen), so that one binary serves any PREFIX.  Returns a
 * string to free.
 */
static char *
default_templates(void)
{
	static const char *const beside[] = { "../templates",
	    "../share/wpgen/templates" };
	char	 exe[4096], *dir, *path, *real, *probe;
	ssize_t	 n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0 || (exe[n] = '\0', dir = strrchr(exe, '/')) == NULL)
		return wp_strdup("templates");
	*dir = '\0';
	for (size_t i = 0; i < sizeof(beside) / sizeof(*beside); i++) {
		path = wp_path(exe, beside[i]);
		real = realpath(path, NULL);
		free(path);
		if (real == NULL)
			continue;
		probe = wp_path(real, "iso27017/catalogue.xml");
		if (wp_exists(probe)) {
			free(probe);
			return real;
		}
		free(probe);
		free(real);
	}
	/* none there: the second, for the message that it is missing */
	return wp_path(exe, beside[1]);
}

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/*
 * A command's exit status, said more precisely by what its errors were
 * about (diag.h: WP_KIND_*): trouble first, which no edit of the
 * content mends, then a history that does not say what changed.
 */
static int
exit_status(int rc)
{
	int	 k = wp_diag_kinds();

	if (rc == EXIT_USAGE)
		return rc;
	if (k & WP_KIND_TROUBLE)
		return EXIT_TROUBLE;
	if (k & WP_KIND_HISTORY)
		return EXIT_HISTORY;
	if ((k & WP_KIND_CONTENT) && rc == EXIT_OK)
		return EXIT_CONTENT;
	return rc;
}

/* Loads the session and runs the command on its operands. */
static int
run(const struct command *c, const struct args *a, const char *tdir,
    int argc, char **argv)
{
	char			*deftdir = NULL;
	struct wp_session	*s;
	int			 rc;

	wp_output_signals();
	wp_diag_werror(a->werror);
	xmlInitParser();
	wp_diag_route_libxml();
	wp_xform_init();
	if (tdir == NULL)
		tdir = deftdir = default_templates();
	if ((s = wp_session_new(tdir)) == NULL) {
		free(deftdir);
		wp_diag_flush();
		return exit_status(EXIT_CONTENT);
	}
	/* diff's --rev is its old version; the others' all they read */
	if (strcmp(c->name, "diff") != 0)
		s->rev = a->rev;
	rc = c->run(s, a, argc, argv);
	wp_diag_flush();
	rc = exit_status(rc);
	wp_session_end(s);
	free(deftdir);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}

int
main(int argc, char **argv)
{
	const struct command	*c;
	struct args		 a;
	const char		*tdir = getenv("WPGEN_TEMPLATES");
	long			 cores = sysconf(_SC_NPROCESSORS_ONLN);
	int			 rc;

	/* Output must not depend on the user's locale. */
	setlocale(LC_ALL, "C");
	wp_heap_init();
	if (argc < 2)
		return wp_usage_error(NULL, "no command given");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		help(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		wp_print_version(stdout);
		return fflush(stdout) == 0 ? EXIT_OK : EXIT_TROUBLE;
	}
	diagnostics_first(argc - 1, argv + 1);
	if ((c = find_command(argv[1])) == NULL)
		return wp_usage_error(NULL, "unknown command \"%s\"", argv[1]);
	memset(&a, 0, sizeof(a));
	a.color = -1;
	/* a process builds several services as a line (jobs.c), which keeps
	 * two cores busy */
	a.jobs = cores < 4 ? 1 : cores > 128 ? 64 : (int)(cores / 2);
	if ((rc = parse(c, argc - 1, argv + 1, &a, &tdir)) != 0)
		return rc == -1 ? EXIT_OK : rc;
	/* auto: on a terminal, unless NO_COLOR says no (no-color.org) */
	if (a.color == -1)
		a.color = isatty(STDOUT_FILENO) && (getenv("NO_COLOR") == NULL ||
		    getenv("NO_COLOR")[0] == '\0');
	wp_pdf_setup();
	if (wp_pdf_set_epoch(getenv("SOURCE_DATE_EPOCH")) == -1)
		return wp_usage_error(c->name, "SOURCE_DATE_EPOCH=\"%s\" is "
		    "not a time (give seconds since 1970 as a whole number, "
		    "or unset it)", getenv("SOURCE_DATE_EPOCH"));
	return run(c, &a, tdir, argc - 1 - optind, argv + 1 + optind);
}
