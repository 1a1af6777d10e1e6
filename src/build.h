/*
 * build: one service from content folder to outputs: load, validate,
 * merge, then write each output atomically.
 */
#ifndef WP_BUILD_H
#define WP_BUILD_H

#include "load.h"

/*
 * Loads, validates, merges and typesets a service without writing
 * anything (fonts loaded on first use); returns 0 if it has no errors.
 */
int	 wp_build_check(struct wp_templates *, const char *dir);

/*
 * Builds a service into outdir (created if need be): document.xml,
 * whitepaper.txt, whitepaper.html (linking to the index page at
 * index_href unless NULL), whitepaper.pdf and index-entry.xml (its entry
 * in an index, rewritten only when it changes); *pages (unless NULL)
 * gets the PDF's page count.  Loads t's fonts on first use.
 * Returns 0, or -1 after reporting; on failure no output in outdir is
 * touched.
 */
int	 wp_build_service(struct wp_templates *, const char *dir,
	    const char *outdir, const char *index_href, int *pages);

/*
 * The index page of several whitepapers: each entry is a service id
 * (its outputs in the folder <id>/ beside the index) and its model.
 */
struct wp_index {
	xmlDocPtr	 doc;		/* <index><whitepaper>... */
};
struct wp_index	*wp_index_new(void);
/* Adds a service; the model's meta is copied. */
void		 wp_index_add(struct wp_index *, const char *id, xmlDocPtr model);
/* Adds the services of the index file at path (an index-entry.xml that
 * wp_build_service() wrote); 0, or -1 after reporting. */
int		 wp_index_add_entry(struct wp_index *, const char *path);
/* Writes the page to path atomically; 0, or -1 after reporting. */
int		 wp_index_write(const struct wp_templates *, struct wp_index *,
		    const char *path);
void		 wp_index_free(struct wp_index *);

/*
 * Loads, validates and merges a service.  Returns the document model
 * (caller frees) or NULL after reporting.
 */
xmlDocPtr wp_build_model(const struct wp_templates *, const char *dir);

/* Renders a model as plain text; caller frees with xmlFree(). */
xmlChar	*wp_build_text(const struct wp_templates *, xmlDocPtr model, int *len);

/*
 * A release: checks every service first and writes nothing if any has
 * an error; then writes into outdir, per service, <document number>_
 * <version>.pdf, .html and .png (its cover), and manifest.json (title,
 * version, date, document number, pages, and each file's bytes and
 * SHA-256).  Returns 0, or -1 after reporting.
 */
int	 wp_build_release(struct wp_templates *, int n, char **dirs,
	    const char *outdir);

#endif
