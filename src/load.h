/*
 * load: reads XML safely (no network, no DTD, no entities), and gathers
 * what a build reads: the templates once, then each service's files.
 */
#ifndef WP_LOAD_H
#define WP_LOAD_H

#include <libxml/tree.h>
#include <libxml/relaxng.h>
#include <libxslt/xsltInternals.h>

/*
 * The largest file wpgen reads, content or template: a service's
 * content is a few tens of KiB, so 1 MiB is far above any real file and
 * still bounds the time and memory one file can cost.
 */
#define WP_MAX_FILE	(1L << 20)

/*
 * Parses path into a document, or reports the problem through diag and
 * returns NULL.  The caller frees the result with xmlFreeDoc().
 * Documents keep line numbers and their URL is path as given.  Refused:
 * anything but a regular file, a file over WP_MAX_FILE, UTF-16, NUL
 * bytes, malformed XML (its first error only: the rest are echoes), a
 * DOCTYPE (parsing stops at it, before any entity is declared), another
 * declared encoding than UTF-8, and XInclude elements.
 */
xmlDocPtr	 wp_load_xml(const char *path);
/* The same over a buffer; name is what messages call it. */
xmlDocPtr	 wp_load_xml_memory(const char *buf, size_t len, const char *name);

/* Everything under templates/ that a build needs, loaded once. */
struct wp_style;
struct wp_fonts;

struct wp_templates {
	char			*dir;
	xmlDocPtr		 catalogue;
	xmlDocPtr		 boilerplate;
	xmlDocPtr		 settings;
	xmlRelaxNGPtr		 service_rng;
	xmlRelaxNGPtr		 revisions_rng;
	xmlRelaxNGPtr		 boilerplate_rng;
	xmlRelaxNGPtr		 document_rng;
	xsltStylesheetPtr	 merge_xsl;
	xsltStylesheetPtr	 text_xsl;
	xsltStylesheetPtr	 html_xsl;
	xsltStylesheetPtr	 index_xsl;
	struct wp_style		*style;		/* style/pdf.xml */
	char			*fonts_conf;	/* ../fonts/fonts.conf */
	struct wp_fonts		*fonts;		/* loaded on first use */
	int			 fonts_failed;	/* and said why: not again */
};

/* Whether n is an element called name (n may be NULL). */
int		 wp_xml_is(xmlNodePtr n, const char *name);
/* The first child element of parent called name, or NULL (parent may be
 * NULL). */
xmlNodePtr	 wp_xml_child(xmlNodePtr parent, const char *name);

/* Returns NULL after reporting; free with wp_templates_free(). */
struct wp_templates	*wp_templates_load(const char *dir);
void			 wp_templates_free(struct wp_templates *);

/* One service's content folder. */
struct wp_service {
	char		*dir;
	char		*id;		/* the folder's name */
	char		*service_path;	/* dir/service.xml */
	char		*revisions_path;/* dir/revisions.xml, or NULL if absent */
	xmlDocPtr	 service;	/* NULL if it could not be parsed */
	xmlDocPtr	 revisions;	/* NULL if absent or unparsable */
};

/*
 * A service's id: its folder's name, the folder as the path names it
 * ("content/x/" gives "x"; "." the current folder's name).  Caller frees.
 */
char			*wp_service_id(const char *dir);

/*
 * Loads a service folder.  Returns NULL only if the folder has no
 * service.xml; a file that fails to parse leaves its document NULL and
 * has been reported.  Free with wp_service_free().
 */
struct wp_service	*wp_service_load(const char *dir);
void			 wp_service_free(struct wp_service *);

#endif
