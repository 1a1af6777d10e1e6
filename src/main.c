/*
 * wpgen: the command line.  The only place that prints usage and exits.
 */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "build.h"
#include "diag.h"
#include "load.h"
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
"       wpgen build [--templates DIR] [--index HREF] -o OUTDIR SERVICE-DIR...\n"
"       wpgen index [--templates DIR] -o FILE SERVICE-DIR...\n"
"       wpgen text  [--templates DIR] SERVICE-DIR\n"
"       wpgen --help | --version\n"
"\n"
"  check   validate each service's content; report every error found\n"
"  build   write OUTDIR/whitepaper.pdf, whitepaper.html, whitepaper.txt\n"
"          and document.xml; with several services, each goes to\n"
"          OUTDIR/<id>/ and OUTDIR/index.html lists them all\n"
"  index   write the page listing the services (their outputs in <id>/\n"
"          beside it)\n"
"  text    print the whole document as plain text\n"
"\n"
"  -o, --output PATH    where build or index writes\n"
"  -i, --index HREF     link each HTML page to the index page at HREF\n"
"                       (default with several services: ../index.html)\n"
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
cmd_check(const struct wp_templates *t, int argc, char **argv)
{
	int	 bad = 0;

	for (int i = 0; i < argc; i++)
		bad |= wp_build_check(t, argv[i]);
	return bad ? EXIT_CONTENT : EXIT_OK;
}

static int
cmd_build(struct wp_templates *t, const char *outdir, const char *index_href,
    int argc, char **argv)
{
	struct wp_index	*idx = argc > 1 ? wp_index_new() : NULL;
	int		 bad = 0;

	if (idx != NULL && index_href == NULL)
		index_href = "../index.html";
	for (int i = 0; i < argc; i++) {
		char *id = wp_basename(argv[i]);
		char *dir = argc > 1 ? wp_path(outdir, id) : wp_strdup(outdir);
		if (wp_build_service(t, argv[i], dir, index_href, idx) == -1)
			bad = 1;
		free(dir);
		free(id);
	}
	if (idx != NULL) {
		char *path = wp_path(outdir, "index.html");
		if (wp_index_write(t, idx, path) == -1)
			bad = 1;
		free(path);
		wp_index_free(idx);
	}
	return bad ? EXIT_CONTENT : EXIT_OK;
}

/* The index page alone: the services' models, not their outputs. */
static int
cmd_index(const struct wp_templates *t, const char *path, int argc,
    char **argv)
{
	struct wp_index	*idx = wp_index_new();
	int		 bad = 0;

	for (int i = 0; i < argc; i++) {
		xmlDocPtr model = wp_build_model(t, argv[i]);
		char *id = wp_basename(argv[i]);
		if (model == NULL)
			bad = 1;
		else
			wp_index_add(idx, id, model);
		xmlFreeDoc(model);
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
		{ "templates", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char		*outdir = NULL, *tdir = getenv("WPGEN_TEMPLATES");
	const char		*index_href = NULL;
	char			*deftdir = NULL;
	struct wp_templates	*t;
	const char		*cmd;
	int			 c, rc;

	/* Output must not depend on the user's locale. */
	setlocale(LC_ALL, "C");
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
	while ((c = getopt_long(argc, argv, "o:i:t:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outdir = optarg;
			break;
		case 'i':
			index_href = optarg;
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
	    strcmp(cmd, "index") != 0 && strcmp(cmd, "text") != 0) {
		fprintf(stderr, "wpgen: unknown command \"%s\"\n", cmd);
		return usage(stderr, EXIT_USAGE);
	}
	if (argc < 1 || (strcmp(cmd, "text") == 0 && argc != 1) ||
	    (strcmp(cmd, "build") == 0 && outdir == NULL) ||
	    (strcmp(cmd, "index") == 0 && outdir == NULL))
		return usage(stderr, EXIT_USAGE);

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
	else if (strcmp(cmd, "build") == 0)
		rc = cmd_build(t, outdir, index_href, argc, argv);
	else if (strcmp(cmd, "index") == 0)
		rc = cmd_index(t, outdir, argc, argv);
	else
		rc = cmd_text(t, argv[0]);
	wp_templates_free(t);
	free(deftdir);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
