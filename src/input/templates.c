/*
 * templates: what every service is made with, loaded once: the control
 * catalogue, the shared boilerplate and the publisher's settings, the
 * schemas and the stylesheets.  XML only: the PDF style and the fonts
 * are the typesetter's (typeset/style.h, typeset/fonts.h).
 */
#include <stdlib.h>

#include <libxslt/transform.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/path.h"
#include "input/templates.h"
#include "input/xml.h"

static xmlRelaxNGPtr
load_rng(const char *dir, const char *name)
{
	char		*path = wp_path(dir, name);
	xmlRelaxNGPtr	 rng = wp_xml_schema(path);

	free(path);
	return rng;
}

static xmlDocPtr
load_in(const char *dir, const char *name)
{
	char		*path = wp_path(dir, name);
	xmlDocPtr	 doc = wp_load_xml(path);

	free(path);
	return doc;
}

static xsltStylesheetPtr
load_xsl(const char *dir, const char *name)
{
	xmlDocPtr		 doc = load_in(dir, name);
	xsltStylesheetPtr	 xsl;

	if (doc == NULL)
		return NULL;
	if ((xsl = xsltParseStylesheetDoc(doc)) == NULL)
		xmlFreeDoc(doc);	/* on success the stylesheet owns it */
	return xsl;
}

/*
 * The publisher's known names (lint's dictionary), validated: optional,
 * since only lint reads them, and a templates folder made before them
 * serves every other command as it did.  0, or -1 after reporting.
 */
static int
load_names(struct wp_templates *t, const char *dir)
{
	char		*path = wp_path(dir, "iso27017/names.xml");
	xmlRelaxNGPtr	 rng;
	int		 rc = 0;

	if (wp_exists(path)) {
		t->names = wp_load_xml(path);
		rng = load_rng(dir, "schema/names.rng");
		if (t->names == NULL || rng == NULL ||
		    wp_xml_validate(rng, t->names, MSG_SCHEMA) != 0)
			rc = -1;
		xmlRelaxNGFree(rng);
	}
	free(path);
	return rc;
}

struct wp_templates *
wp_templates_load(const char *dir)
{
	struct wp_templates	*t = wp_calloc(1, sizeof(*t));
	int			 before = wp_diag_errors();

	t->dir = wp_strdup(dir);
	t->catalogue = load_in(dir, "iso27017/catalogue.xml");
	t->boilerplate = load_in(dir, "iso27017/boilerplate.xml");
	t->settings = load_in(dir, "iso27017/settings.xml");
	t->service_rng = load_rng(dir, "schema/service.rng");
	t->revisions_rng = load_rng(dir, "schema/revisions.rng");
	t->boilerplate_rng = load_rng(dir, "schema/boilerplate.rng");
	t->document_rng = load_rng(dir, "schema/document.rng");
	t->merge_xsl = load_xsl(dir, "xslt/merge.xsl");
	t->html_xsl = load_xsl(dir, "xslt/html.xsl");
	t->index_xsl = load_xsl(dir, "xslt/index.xsl");
	if (wp_diag_errors() != before || t->catalogue == NULL ||
	    t->boilerplate == NULL || t->settings == NULL ||
	    t->service_rng == NULL || t->revisions_rng == NULL ||
	    t->boilerplate_rng == NULL || t->document_rng == NULL ||
	    t->merge_xsl == NULL ||
	    t->html_xsl == NULL || t->index_xsl == NULL ||
	    load_names(t, dir) != 0) {
		if (wp_diag_errors() == before)
			wp_msg(MSG_IO, dir, 0, "templates are incomplete");
		wp_templates_free(t);
		return NULL;
	}
	return t;
}

void
wp_templates_free(struct wp_templates *t)
{
	if (t == NULL)
		return;
	xmlFreeDoc(t->catalogue);
	xmlFreeDoc(t->boilerplate);
	xmlFreeDoc(t->settings);
	xmlFreeDoc(t->names);
	xmlRelaxNGFree(t->service_rng);
	xmlRelaxNGFree(t->revisions_rng);
	xmlRelaxNGFree(t->boilerplate_rng);
	xmlRelaxNGFree(t->document_rng);
	if (t->merge_xsl != NULL)
		xsltFreeStylesheet(t->merge_xsl);
	if (t->html_xsl != NULL)
		xsltFreeStylesheet(t->html_xsl);
	if (t->index_xsl != NULL)
		xsltFreeStylesheet(t->index_xsl);
	free(t->dir);
	free(t);
}

