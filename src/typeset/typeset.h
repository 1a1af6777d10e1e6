/*
 * typeset: the typesetter's one entry.  A document model goes in, a
 * display list (typeset/doc.h) comes out, which a renderer draws.
 */
#ifndef WP_TYPESET_H
#define WP_TYPESET_H

#include <libxml/tree.h>

#include "typeset/doc.h"
#include "typeset/fonts.h"
#include "typeset/style.h"

/*
 * Typesets a document model in the fonts and style.  Returns NULL after
 * reporting (a missing glyph, say); free with wp_doc_free().  Nothing
 * passed is kept.
 */
struct wp_doc	*wp_typeset(struct wp_fonts *, const struct wp_style *,
		    const xmlDoc *model);

#endif
