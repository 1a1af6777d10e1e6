/*
 * merge: content + clause template + revisions -> the document model,
 * by templates/xslt/merge.xsl.  The model is what every renderer reads
 * (through model/model.h).
 */
#ifndef WP_MERGE_H
#define WP_MERGE_H

#include <libxml/tree.h>

#include "input/service.h"
#include "input/templates.h"
#include "model/phrase.h"

/*
 * Merges a validated service.  Its documents are read, not changed
 * (merge.c folds the source line breaks of a copy).  Returns the
 * document model, which the caller frees with xmlFreeDoc(), or NULL
 * after reporting.  The model is checked against
 * templates/schema/document.rng.  Its display strings are phrased
 * (phrase.h) with the memo given, or NULL.
 */
xmlDocPtr	 wp_merge(const struct wp_templates *, const struct wp_service *,
		    struct wp_phrase_memo *);

#endif
