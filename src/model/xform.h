/*
 * xform: runs an XSLT stylesheet the safe way.  A stylesheet can read
 * only the documents it is handed (as document('wpgen:NAME')), cannot
 * write files, make folders or reach the network, and gets one extension
 * function, wp:src(node) in namespace urn:wpgen, that returns the node's
 * "file:line".
 */
#ifndef WP_XFORM_H
#define WP_XFORM_H

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

/* A document a stylesheet may read as document('wpgen:<name>'). */
struct wp_xform_doc {
	const char	*name;
	xmlDocPtr	 doc;		/* borrowed; copied for each use */
};

/* Installs the loader; call once before any transform. */
void		 wp_xform_init(void);

/*
 * Applies xsl to doc with the given documents (ndocs of them) and
 * parameters (NULL, or name/value pairs ending in NULL; values are
 * strings, quoted here).  Returns the result, which the caller frees
 * with xmlFreeDoc(), or NULL after reporting the stylesheet's errors.
 */
xmlDocPtr	 wp_xform_apply(xsltStylesheetPtr xsl, xmlDocPtr doc,
		    const struct wp_xform_doc *docs, size_t ndocs,
		    const char **params);

/*
 * Serialises a result as its stylesheet's xsl:output says.  Returns a
 * buffer the caller frees with xmlFree(), its length in *len, or NULL.
 */
xmlChar		*wp_xform_serialize(xsltStylesheetPtr xsl, xmlDocPtr res, int *len);

#endif
