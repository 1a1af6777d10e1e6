/*
 * fuzz: what both harnesses need: a session (the real templates and
 * style, and the fonts), loaded once from the top of the tree, and freed
 * at exit so that the leak check at exit sees only what an input lost.
 */
#ifndef WP_FUZZ_H
#define WP_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "base/diag.h"
#include "publish/publish.h"
#include "model/xform.h"

static struct wp_session	*S;
static struct wp_templates	*T;	/* S's */

static void
fuzz_teardown(void)
{
	wp_session_free(S);
	xsltCleanupGlobals();
	xmlCleanupParser();
}

/* Loads the session, and the fonts if asked; exits if it cannot. */
static void
fuzz_setup(const char *name, int fonts)
{
	xmlInitParser();
	wp_diag_route_libxml();
	wp_xform_init();
	if ((S = wp_session_new("templates")) == NULL ||
	    (fonts && wp_session_fonts(S) == NULL)) {
		fprintf(stderr, "%s: run from the top of the tree\n", name);
		exit(1);
	}
	T = S->t;
	atexit(fuzz_teardown);
}

#endif
