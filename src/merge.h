/*
 * merge: content + clause template + revisions -> the document model,
 * by templates/xslt/merge.xsl.  The model is what every renderer reads.
 */
#ifndef WP_MERGE_H
#define WP_MERGE_H

#include "load.h"

/*
 * Merges a validated service.  Returns the document model, which the
 * caller frees with xmlFreeDoc(), or NULL after reporting.  The model is
 * checked against templates/schema/document.rng.
 */
xmlDocPtr	 wp_merge(const struct wp_templates *, const struct wp_service *);

#endif
