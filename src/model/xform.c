/*
 * xform: libxslt driven as xsltproc would be with every door shut.
 * The document loader serves only the wpgen: documents of the running
 * transform; security preferences refuse everything else.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>

#include "base/diag.h"
#include "input/xml.h"
#include "model/xform.h"

#define WP_NS	BAD_CAST "urn:wpgen"
#define SCHEME	"wpgen:"

struct docset {
	const struct wp_xform_doc	*v;
	size_t				 n;
};

static xmlDocPtr
loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctx,
    xsltLoadType type)
{
	(void)dict;
	(void)options;
	if (type == XSLT_LOAD_STYLESHEET) {
		/* xsl:include and xsl:import of wpgen's own stylesheets. */
		if (strstr((const char *)uri, "://") != NULL)
			return NULL;
		return wp_load_xml((const char *)uri);
	}
	if (type != XSLT_LOAD_DOCUMENT || ctx == NULL ||
	    strncmp((const char *)uri, SCHEME, strlen(SCHEME)) != 0)
		return NULL;

	const struct docset *ds = ((xsltTransformContextPtr)ctx)->_private;
	const char *name = (const char *)uri + strlen(SCHEME);
	for (size_t i = 0; ds != NULL && i < ds->n; i++) {
		if (strcmp(ds->v[i].name, name) != 0)
			continue;
		/* libxslt frees what it loads: hand it a copy. */
		xmlDocPtr copy = xmlCopyDoc(ds->v[i].doc, 1);
		if (copy != NULL && copy->URL == NULL && ds->v[i].doc->URL != NULL)
			copy->URL = xmlStrdup(ds->v[i].doc->URL);
		return copy;
	}
	return NULL;
}

/* Only wpgen: documents may be read; nothing may be written. */
static int
allow_wpgen(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
    const char *value)
{
	(void)sec;
	(void)ctxt;
	return value != NULL && strncmp(value, SCHEME, strlen(SCHEME)) == 0;
}

/* wp:src(node-set?) -> "file:line" of the first node (or the context). */
static void
fn_src(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlNodePtr	 node = ctxt->context->node;
	xmlXPathObjectPtr arg = NULL;
	char		 buf[4096];

	if (nargs > 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if (nargs == 1) {
		arg = valuePop(ctxt);
		if (arg == NULL || arg->type != XPATH_NODESET) {
			xmlXPathFreeObject(arg);
			xmlXPathSetTypeError(ctxt);
			return;
		}
		node = arg->nodesetval != NULL && arg->nodesetval->nodeNr > 0 ?
		    arg->nodesetval->nodeTab[0] : NULL;
	}
	if (node != NULL && node->doc != NULL && node->doc->URL != NULL)
		snprintf(buf, sizeof(buf), "%s:%ld", node->doc->URL,
		    xmlGetLineNo(node));
	else
		buf[0] = '\0';
	xmlXPathFreeObject(arg);
	valuePush(ctxt, xmlXPathNewCString(buf));
}

void
wp_xform_init(void)
{
	xsltSetLoaderFunc(loader);
}

xmlDocPtr
wp_xform_apply(xsltStylesheetPtr xsl, xmlDocPtr doc,
    const struct wp_xform_doc *docs, size_t ndocs, const char **params)
{
	struct docset		 ds = { docs, ndocs };
	xsltTransformContextPtr	 ctxt;
	xsltSecurityPrefsPtr	 sec;
	xmlDocPtr		 res = NULL;

	if ((ctxt = xsltNewTransformContext(xsl, doc)) == NULL)
		return NULL;
	ctxt->_private = &ds;
	sec = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, allow_wpgen);
	xsltSetCtxtSecurityPrefs(sec, ctxt);
	xsltRegisterExtFunction(ctxt, BAD_CAST "src", WP_NS, fn_src);

	if (params != NULL)
		xsltQuoteUserParams(ctxt, params);
	res = xsltApplyStylesheetUser(xsl, doc, NULL, NULL, NULL, ctxt);
	if (ctxt->state != XSLT_STATE_OK && res != NULL) {
		xmlFreeDoc(res);
		res = NULL;
	}
	if (res == NULL)
		wp_msg(MSG_XSLT, (const char *)xsl->doc->URL, 0,
		    "transformation failed");
	xsltFreeTransformContext(ctxt);
	xsltFreeSecurityPrefs(sec);
	return res;
}

xmlChar *
wp_xform_serialize(xsltStylesheetPtr xsl, xmlDocPtr res, int *len)
{
	xmlChar	*buf = NULL;

	if (xsltSaveResultToString(&buf, len, res, xsl) != 0) {
		xmlFree(buf);
		return NULL;
	}
	if (buf == NULL) {		/* an empty result */
		buf = xmlStrdup(BAD_CAST "");
		*len = 0;
	}
	return buf;
}
