/*
 * templates: what every service is made with, loaded once (templates/):
 * the catalogue, boilerplate and settings, the schemas and stylesheets.
 */
#ifndef WP_TEMPLATES_H
#define WP_TEMPLATES_H

#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

struct wp_templates {
	char			*dir;
	xmlDocPtr		 catalogue;	/* iso27017/catalogue.xml */
	xmlDocPtr		 boilerplate;	/* iso27017/boilerplate.xml */
	xmlDocPtr		 settings;	/* iso27017/settings.xml */
	xmlDocPtr		 names;		/* iso27017/names.xml: the
						   publisher's known names,
						   for lint; NULL if none */
	xmlRelaxNGPtr		 service_rng;
	xmlRelaxNGPtr		 revisions_rng;
	xmlRelaxNGPtr		 boilerplate_rng;
	xmlRelaxNGPtr		 document_rng;
	xsltStylesheetPtr	 merge_xsl;
	xsltStylesheetPtr	 html_xsl;
	xsltStylesheetPtr	 index_xsl;
};

/* Returns NULL after reporting; free with wp_templates_free(). */
struct wp_templates	*wp_templates_load(const char *dir);
void			 wp_templates_free(struct wp_templates *);

#endif
