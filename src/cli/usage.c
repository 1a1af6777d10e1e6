/*
 * usage: a command line's mistake, said in one line; wpgen's version.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <pango/pango.h>
#include <unicode/uversion.h>

#include "base/diag.h"
#include "base/version.h"
#include "cli/cli.h"

int
wp_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list	 ap;
	char	 what[1024], line[1200];

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(line, sizeof(line), "wpgen%s%s: %s (see wpgen%s%s --help)",
	    cmd != NULL ? " " : "", cmd != NULL ? cmd : "", what,
	    cmd != NULL ? " " : "", cmd != NULL ? cmd : "");
	/* a CI reading JSON gets it as one more diagnostic */
	if (wp_diag_json())
		wp_msg(MSG_USAGE, NULL, 0, line);
	else
		fprintf(stderr, "%s\n", line);
	return EXIT_USAGE;
}

/*
 * --version: wpgen's version and commit, and the versions of the
 * libraries that shape its output (they run now: the shared ones
 * loaded, not those it was compiled against), so that a report of
 * different bytes says which differ.
 */
void
wp_print_version(FILE *f)
{
	const char	*commit = wp_commit();
	int		 xml = atoi(xmlParserVersion), fc = FcGetVersion();
	int		 xslt = xsltLibxsltVersion;
	UVersionInfo	 icu;
	char		 icus[U_MAX_VERSION_STRING_LENGTH];

	u_getVersion(icu);
	u_versionToString(icu, icus);
	fprintf(f, "wpgen %s", wp_version());
	if (commit != NULL)
		fprintf(f, " (commit %s)", commit);
	fprintf(f, "\nlibxml2 %d.%d.%d\nlibxslt %d.%d.%d\ncairo %s\n"
	    "pango %s\nharfbuzz %s\nfontconfig %d.%d.%d\nICU %s\n",
	    xml / 10000, xml / 100 % 100, xml % 100, xslt / 10000,
	    xslt / 100 % 100, xslt % 100,
	    cairo_version_string(), pango_version_string(),
	    hb_version_string(), fc / 10000, fc / 100 % 100, fc % 100, icus);
}
