/*
 * fuzz: what both harnesses need: the real templates (and fonts), loaded
 * once from the top of the tree, and freed at exit so that the leak
 * check at exit sees only what an input lost.
 */
#ifndef WP_FUZZ_H
#define WP_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "diag.h"
#include "layout.h"
#include "load.h"
#include "xform.h"

static struct wp_templates	*T;

static void
fuzz_teardown(void)
{
	wp_templates_free(T);		/* and T->fonts */
	xsltCleanupGlobals();
	xmlCleanupParser();
}

/* Loads the templates, and the fonts if asked; exits if it cannot. */
static void
fuzz_setup(const char *name, int fonts)
{
	xmlInitParser();
	wp_diag_route_libxml();
	wp_xform_init();
	if ((T = wp_templates_load("templates")) == NULL || (fonts &&
	    (T->fonts = wp_fonts_new(T->fonts_conf)) == NULL)) {
		fprintf(stderr, "%s: run from the top of the tree\n", name);
		exit(1);
	}
	atexit(fuzz_teardown);
}

#endif
