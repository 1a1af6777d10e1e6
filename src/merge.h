/*
 * merge: content + clause template + revisions -> the document model,
 * by templates/xslt/merge.xsl.  The model is what every renderer reads.
 */
#ifndef WP_MERGE_H
#define WP_MERGE_H

#include "load.h"

/*
 * Merges a validated service; folds the source line breaks in its text
 * first (see merge.c), which changes the service's documents.  Returns the document model, which the
 * caller frees with xmlFreeDoc(), or NULL after reporting.  The model is
 * checked against templates/schema/document.rng.
 */
xmlDocPtr	 wp_merge(const struct wp_templates *, struct wp_service *);

/*
 * A model's /document/meta/<name> as text (for "date", its ISO form),
 * or NULL when the model has none; the caller frees it.
 */
char		*wp_model_meta(xmlDocPtr model, const char *name);

/*
 * Where a model node came from, "file:line" (its own src attribute or
 * its nearest ancestor's), or NULL; the caller frees it.
 */
char		*wp_model_src(xmlNodePtr);

#endif
