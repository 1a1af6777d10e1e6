/*
 * build: one service from content folder to outputs: load, validate,
 * merge, then write each output atomically.
 */
#ifndef WP_BUILD_H
#define WP_BUILD_H

#include "load.h"

/* Loads and validates; returns 0 if the service has no errors. */
int	 wp_build_check(const struct wp_templates *, const char *dir);

/*
 * Builds a service into outdir (created if need be): document.xml,
 * whitepaper.txt and whitepaper.pdf.  Loads t's fonts on first use.
 * Returns 0, or -1 after reporting; on failure no output in outdir is
 * touched.
 */
int	 wp_build_service(struct wp_templates *, const char *dir,
	    const char *outdir);

/*
 * Loads, validates and merges a service.  Returns the document model
 * (caller frees) or NULL after reporting.
 */
xmlDocPtr wp_build_model(const struct wp_templates *, const char *dir);

/* Renders a model as plain text; caller frees with xmlFree(). */
xmlChar	*wp_build_text(const struct wp_templates *, xmlDocPtr model, int *len);

#endif
