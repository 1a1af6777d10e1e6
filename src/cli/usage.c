/*
 * usage: a command line's mistake, said in one line.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cli/cli.h"

int
wp_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "wpgen%s%s: ", cmd != NULL ? " " : "",
	    cmd != NULL ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see wpgen%s%s --help)\n", cmd != NULL ? " " : "",
	    cmd != NULL ? cmd : "");
	return EXIT_USAGE;
}
