/*
 * xml: reading XML safely (no network, no DTD, no entities), and
 * RelaxNG schemas.
 */
#ifndef WP_XML_H
#define WP_XML_H

#include <stddef.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "base/diag.h"

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
/* The same, the document named name (in messages, its URL) instead. */
xmlDocPtr	 wp_load_xml_as(const char *path, const char *name);
/* The same over a buffer; name is what messages call it. */
xmlDocPtr	 wp_load_xml_memory(const char *buf, size_t len, const char *name);

/* A RelaxNG schema, or NULL after reporting; free with xmlRelaxNGFree(). */
xmlRelaxNGPtr	 wp_xml_schema(const char *path);
/*
 * Reports, as messages of kind m, each way doc breaks the schema;
 * returns 0 if it breaks none, else -1.
 */
int		 wp_xml_validate(xmlRelaxNGPtr, xmlDocPtr, enum wp_msg m);
/* The same, each finding handed to fn (libxml2's error, for check/schema.c
 * to say in a writer's words) instead of reported. */
int		 wp_xml_validate_each(xmlRelaxNGPtr, xmlDocPtr,
		    void (*fn)(void *, xmlErrorPtr), void *arg);

/* Whether n is an element called name (n may be NULL). */
int		 wp_xml_is(const xmlNode *n, const char *name);
/* The first child element of parent called name, or NULL (parent may be
 * NULL). */
xmlNodePtr	 wp_xml_child(const xmlNode *parent, const char *name);

#endif
