/*
 * model: the one reader of the document model, the tree merge.xsl makes
 * (templates/schema/document.rng) and every output reads.  The model is
 * read, never changed: each function takes it const, and a string it
 * returns points into the tree (valid as long as the model) unless it
 * says otherwise.
 */
#ifndef WP_MODEL_H
#define WP_MODEL_H

#include <libxml/tree.h>

/* An attribute's value, or NULL. */
const char	*wp_attr(const xmlNode *, const char *name);

/*
 * The text of an element that holds text only (a meta field, a label):
 * "" when it is empty, NULL when it holds elements too.
 */
const char	*wp_text_only(const xmlNode *);

/*
 * A display string as phrased for breaking (model/phrase.h): the
 * attribute name's companion name-wbr, or with name NULL the element's
 * wbr attribute; failing those, the attribute or the text itself.
 */
const char	*wp_display(const xmlNode *, const char *name);

/* All the text an element holds, its descendants' too; caller frees. */
char		*wp_text_all(const xmlNode *);

/* The element /document/meta/<name>, or NULL. */
xmlNodePtr	 wp_model_meta_node(const xmlDoc *, const char *name);
/* Its text (for "date", its ISO form), or NULL. */
const char	*wp_model_meta(const xmlDoc *, const char *name);

/*
 * Where an element came from, "file:line": its own src attribute or its
 * nearest ancestor's; NULL if none has one.
 */
const char	*wp_model_src(const xmlNode *);

/*
 * The element after n in document order (its first child element, else
 * the next element after it or an ancestor), staying under top; NULL
 * after the last.  Walks a subtree without recursion:
 *	for (n = top; n != NULL; n = wp_model_next(top, n))
 */
xmlNodePtr	 wp_model_next(const xmlNode *top, const xmlNode *n);

#endif
