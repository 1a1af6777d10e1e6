/*
 * load: the only place wpgen turns bytes into XML.  Parsing is locked
 * down: no network, no DTD loading, no entity substitution, and a
 * document that declares a DOCTYPE at all is refused, which rules out
 * external entities and entity-expansion bombs in one stroke.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/transform.h>

#include "diag.h"
#include "layout.h"
#include "load.h"
#include "style.h"
#include "validate.h"
#include "util.h"

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
	if ((pc = xmlNewParserCtxt()) == NULL) {
		fputs("wpgen: out of memory\n", stderr);
		abort();
	}
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
		wp_msg(MSG_IO, path, 0, "not a regular file (a content file "
		    "is an ordinary file, not a folder, device or pipe)");
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
	size_t		 n;
	char		*buf = slurp(path, &n);
	xmlDocPtr	 doc;

	if (buf == NULL)
		return NULL;
	doc = wp_load_xml_memory(buf, n, path);
	free(buf);
	return doc;
}

static xmlRelaxNGPtr
load_rng(const char *dir, const char *name)
{
	char			*path = wp_path(dir, name);
	xmlRelaxNGParserCtxtPtr	 pc;
	xmlRelaxNGPtr		 rng = NULL;

	if (!wp_exists(path)) {
		wp_msg(MSG_IO, path, 0, "schema not found");
	} else if ((pc = xmlRelaxNGNewParserCtxt(path)) != NULL) {
		xmlRelaxNGSetParserStructuredErrors(pc, wp_diag_xml_error, NULL);
		rng = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
	}
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

int
wp_xml_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

xmlNodePtr
wp_xml_child(xmlNodePtr parent, const char *name)
{
	xmlNodePtr c;

	for (c = parent != NULL ? parent->children : NULL; c; c = c->next)
		if (wp_xml_is(c, name))
			return c;
	return NULL;
}

/*
 * The private fontconfig file beside the templates, as an absolute path
 * (fontconfig reads a relative one from its own folder, not ours).
 */
static char *
fonts_conf(const char *dir)
{
	char	*rel = wp_path(dir, "../fonts/fonts.conf");
	char	*abs = realpath(rel, NULL);

	if (abs == NULL)
		return rel;
	free(rel);
	return abs;
}

/* The PDF style, validated against its schema. */
static struct wp_style *
load_style(const char *dir)
{
	char		*path = wp_path(dir, "style/pdf.xml");
	xmlDocPtr	 doc = wp_load_xml(path);
	xmlRelaxNGPtr	 rng = load_rng(dir, "schema/style.rng");
	struct wp_style	*st = NULL;
	int		 before = wp_diag_errors();

	if (doc != NULL && rng != NULL) {
		wp_validate_schema(rng, doc);
		if (wp_diag_errors() == before)
			st = wp_style_read(doc, path);
	}
	xmlRelaxNGFree(rng);
	xmlFreeDoc(doc);
	free(path);
	return st;
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
	t->text_xsl = load_xsl(dir, "xslt/text.xsl");
	t->html_xsl = load_xsl(dir, "xslt/html.xsl");
	t->index_xsl = load_xsl(dir, "xslt/index.xsl");
	t->style = load_style(dir);
	t->fonts_conf = fonts_conf(dir);
	if (wp_diag_errors() != before || t->style == NULL || t->catalogue == NULL ||
	    t->boilerplate == NULL || t->settings == NULL ||
	    t->service_rng == NULL || t->revisions_rng == NULL ||
	    t->boilerplate_rng == NULL || t->document_rng == NULL ||
	    t->merge_xsl == NULL || t->text_xsl == NULL ||
	    t->html_xsl == NULL || t->index_xsl == NULL) {
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
	xmlRelaxNGFree(t->service_rng);
	xmlRelaxNGFree(t->revisions_rng);
	xmlRelaxNGFree(t->boilerplate_rng);
	xmlRelaxNGFree(t->document_rng);
	if (t->merge_xsl != NULL)
		xsltFreeStylesheet(t->merge_xsl);
	if (t->text_xsl != NULL)
		xsltFreeStylesheet(t->text_xsl);
	if (t->html_xsl != NULL)
		xsltFreeStylesheet(t->html_xsl);
	if (t->index_xsl != NULL)
		xsltFreeStylesheet(t->index_xsl);
	wp_style_free(t->style);
	wp_fonts_free(t->fonts);
	free(t->fonts_conf);
	free(t->dir);
	free(t);
}

char *
wp_service_id(const char *dir)
{
	char	*id = wp_basename(dir), *real;

	if (strcmp(id, ".") != 0 && strcmp(id, "..") != 0 && *id != '\0')
		return id;
	if ((real = realpath(dir, NULL)) != NULL) {
		free(id);
		id = wp_basename(real);
		free(real);
	}
	return id;
}

struct wp_service *
wp_service_load(const char *dir)
{
	struct wp_service	*s;
	char			*path = wp_path(dir, "service.xml");

	if (!wp_exists(path)) {
		wp_msg(MSG_NOFILE, dir, 0, "service.xml");
		free(path);
		return NULL;
	}
	s = wp_calloc(1, sizeof(*s));
	s->dir = wp_strdup(dir);
	s->id = wp_service_id(dir);
	s->service_path = path;
	s->service = wp_load_xml(path);
	path = wp_path(dir, "revisions.xml");
	if (wp_exists(path)) {
		s->revisions_path = path;
		s->revisions = wp_load_xml(path);
	} else
		free(path);
	return s;
}

void
wp_service_free(struct wp_service *s)
{
	if (s == NULL)
		return;
	xmlFreeDoc(s->service);
	xmlFreeDoc(s->revisions);
	free(s->dir);
	free(s->id);
	free(s->service_path);
	free(s->revisions_path);
	free(s);
}
