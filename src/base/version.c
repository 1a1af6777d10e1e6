/*
 * version: wpgen's version and commit, compiled in.  commit.h is written
 * by the Makefile, and rewritten only when the commit changes, so that
 * only this file is compiled again.
 */
#include <stddef.h>

#include "base/version.h"
#include "commit.h"

#ifndef WP_VERSION
#define WP_VERSION	"0.1"
#endif

const char *
wp_version(void)
{
	return WP_VERSION;
}

const char *
wp_commit(void)
{
	return WP_COMMIT[0] != '\0' ? WP_COMMIT : NULL;
}
