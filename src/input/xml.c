/*
 * xml: the only place wpgen turns bytes into XML.  Parsing is locked
 * down: no network, no DTD loading, no entity substitution, and a
 * document that declares a DOCTYPE at all is refused, which rules out
 * external entities and entity-expansion bombs in one stroke.  RelaxNG
 * schemas are read and applied here too.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/path.h"
#include "input/xml.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

static int
is_utf8_name(const xmlChar *enc)
{
	return enc == NULL || xmlStrcasecmp(enc, BAD_CAST "UTF-8") == 0 ||
	    xmlStrcasecmp(enc, BAD_CAST "UTF8") == 0;
}

/* What one parse has seen, kept in the parser context's _private. */
struct parse {
	int		 nerr;		/* errors libxml2 raised */
	long		 doctype;	/* line of a DOCTYPE, or 0 */
	const char	*name;		/* the file as the user wrote it */
};

/*
 * The first error is the writer's slip; the ones after it are mostly its
 * echoes (every enclosing element "mismatched" after one unclosed tag),
 * so only the first is reported.
 */
static void
parse_error(void *ctx, xmlErrorPtr e)
{
	struct parse	*p = ((xmlParserCtxtPtr)ctx)->_private;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	if (p->nerr++ == 0 && p->doctype == 0) {
		/* libxml2 names the file by URL ("my%20folder"): say it
		 * as the user wrote it */
		xmlError named = *e;
		named.file = (char *)p->name;
		wp_diag_xml_error(NULL, &named);
	}
}

/*
 * Called as soon as "<!DOCTYPE name ..." has been read, before any
 * declaration in it: stopping here means no entity is ever declared, let
 * alone expanded, and no external subset is ever looked for.
 */
static void
refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *eid,
    const xmlChar *sid)
{
	xmlParserCtxtPtr pc = ctx;
	struct parse	*p = pc->_private;

	(void)name;
	(void)eid;
	(void)sid;
	p->doctype = pc->input != NULL && pc->input->line > 0 ?
	    pc->input->line : 1;
	xmlStopParser(pc);
}

static int
is_xinclude(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    (xmlStrEqual(n->ns->href, BAD_CAST "http://www.w3.org/2001/XInclude") ||
	    xmlStrEqual(n->ns->href, BAD_CAST "http://www.w3.org/2003/XInclude"));
}

/* The first XInclude element in document order, or NULL; no recursion. */
static xmlNodePtr
find_xinclude(xmlDocPtr doc)
{
	xmlNodePtr	 root = xmlDocGetRootElement(doc), n = root;

	while (n != NULL) {
		if (is_xinclude(n))
			return n;
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		n = n == root ? NULL : n->next;
	}
	return NULL;
}

xmlDocPtr
wp_load_xml_memory(const char *buf, size_t len, const char *name)
{
	struct parse		 p = { 0, 0, name };
	xmlParserCtxtPtr	 pc;
	xmlDocPtr		 doc;
	xmlNodePtr		 xi;
	const char		*nul;

	if (len > WP_MAX_FILE) {
		wp_msg(MSG_TOO_BIG, name, 0, (long)(len >> 10),
		    (long)(WP_MAX_FILE >> 10));
		return NULL;
	}
	if (len >= 2 && ((unsigned char)buf[0] == 0xFF ||
	    (unsigned char)buf[0] == 0xFE) && (unsigned char)buf[1] ==
	    ((unsigned char)buf[0] ^ 1)) {	/* FF FE or FE FF */
		wp_msg(MSG_ENCODING, name, 1, "UTF-16");
		return NULL;
	}
	if ((nul = memchr(buf, '\0', len)) != NULL) {
		long line = 1;
		for (const char *c = buf; c < nul; c++)
			line += *c == '\n';
		wp_msg(MSG_BINARY, name, line);
		return NULL;
	}
	if (len == 0) {
		wp_msg(MSG_XML, name, 1, "file is empty (it must hold an XML document)");
		return NULL;
	}
	if ((pc = xmlNewParserCtxt()) == NULL)
		wp_oom();
	pc->_private = &p;
	pc->sax->internalSubset = refuse_doctype;
	pc->sax->serror = parse_error;
	doc = xmlCtxtReadMemory(pc, buf, (int)len, name, NULL, PARSE_OPTIONS);
	xmlFreeParserCtxt(pc);
	if (p.doctype != 0)
		wp_msg(MSG_DOCTYPE, name, p.doctype);
	else if (p.nerr > 0)
		;	/* reported, and maybe recovered from: refused */
	else if (doc == NULL)
		wp_msg(MSG_XML, name, 0, "not a well-formed XML document");
	else if (!is_utf8_name(doc->encoding))
		wp_msg(MSG_ENCODING, name, 1, (const char *)doc->encoding);
	else if ((xi = find_xinclude(doc)) != NULL)
		wp_msg(MSG_XINCLUDE, name, xmlGetLineNo(xi));
	else {
		/* the schema's messages and wp:src() name the document by
		 * its URL, which libxml2 percent-encodes: keep the path */
		xmlFree((xmlChar *)doc->URL);
		doc->URL = xmlStrdup(BAD_CAST name);
		return doc;
	}
	xmlFreeDoc(doc);
	return NULL;
}

/* Reads a whole regular file of at most WP_MAX_FILE bytes. */
static char *
slurp(const char *path, size_t *len)
{
	struct stat	 st;
	char		*buf = NULL;
	size_t		 n = 0;
	ssize_t		 r = 0;
	int		 fd;

	/* O_NONBLOCK: a FIFO must not hang the open; fstat refuses it. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)) == -1) {
		wp_msg(MSG_IO, path, 0, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1)
		wp_msg(MSG_IO, path, 0, strerror(errno));
	else if (!S_ISREG(st.st_mode))
		wp_msg(MSG_NOT_FILE, path, 0);
	else if (st.st_size > WP_MAX_FILE)
		wp_msg(MSG_TOO_BIG, path, 0, (long)(st.st_size >> 10),
		    (long)(WP_MAX_FILE >> 10));
	else {
		/* One byte more than allowed tells a file that grew. */
		buf = wp_malloc(WP_MAX_FILE + 1);
		while (n <= WP_MAX_FILE) {
			r = read(fd, buf + n, WP_MAX_FILE + 1 - n);
			if (r == -1 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			n += (size_t)r;
		}
		if (r == -1) {
			wp_msg(MSG_IO, path, 0, strerror(errno));
			free(buf);
			buf = NULL;
		}
	}
	close(fd);
	*len = n;
	return buf;
}

xmlDocPtr
wp_load_xml(const char *path)
{
	return wp_load_xml_as(path, path);
}

xmlDocPtr
wp_load_xml_as(const char *path, const char *name)
{
	size_t		 n;
	char		*buf = slurp(path, &n);
	xmlDocPtr	 doc;

	if (buf == NULL)
		return NULL;
	doc = wp_load_xml_memory(buf, n, name);
	free(buf);
	return doc;
}

xmlRelaxNGPtr
wp_xml_schema(const char *path)
{
	xmlRelaxNGParserCtxtPtr	 pc;
	xmlRelaxNGPtr		 rng = NULL;

	if (!wp_exists(path)) {
		wp_msg(MSG_IO, path, 0, "schema not found");
	} else if ((pc = xmlRelaxNGNewParserCtxt(path)) != NULL) {
		xmlRelaxNGSetParserStructuredErrors(pc, wp_diag_xml_error, NULL);
		rng = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
	}
	return rng;
}

int
wp_xml_validate(xmlRelaxNGPtr rng, xmlDocPtr doc, enum wp_msg m)
{
	static enum wp_msg	 kinds[MSG__MAX];
	xmlRelaxNGValidCtxtPtr	 vc = xmlRelaxNGNewValidCtxt(rng);
	int			 rc;

	/* the error handler learns the message kind by pointer */
	kinds[m] = m;
	xmlRelaxNGSetValidStructuredErrors(vc, wp_diag_xml_error, &kinds[m]);
	rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	return rc == 0 ? 0 : -1;
}

int
wp_xml_validate_each(xmlRelaxNGPtr rng, xmlDocPtr doc,
    void (*fn)(void *, xmlErrorPtr), void *arg)
{
	xmlRelaxNGValidCtxtPtr	 vc = xmlRelaxNGNewValidCtxt(rng);
	int			 rc;

	if (vc == NULL)
		wp_oom();
	xmlRelaxNGSetValidStructuredErrors(vc, fn, arg);
	rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	return rc == 0 ? 0 : -1;
}

int
wp_xml_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

xmlNodePtr
wp_xml_child(const xmlNode *parent, const char *name)
{
	xmlNodePtr c;

	for (c = parent != NULL ? parent->children : NULL; c; c = c->next)
		if (wp_xml_is(c, name))
			return c;
	return NULL;
}

