/*
 * load: the only place wpgen turns bytes into XML.  Parsing is locked
 * down: no network, no DTD loading, no entity substitution, and a
 * document that declares a DOCTYPE at all is refused, which rules out
 * external entities and entity-expansion bombs in one stroke.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxslt/transform.h>

#include "diag.h"
#include "layout.h"
#include "load.h"
#include "style.h"
#include "validate.h"
#include "util.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)
#define MAX_FILE (64L * 1024 * 1024)

static int
is_utf8_name(const xmlChar *enc)
{
	return enc == NULL || xmlStrcasecmp(enc, BAD_CAST "UTF-8") == 0 ||
	    xmlStrcasecmp(enc, BAD_CAST "UTF8") == 0;
}

/* The line on which needle first occurs in buf, or 0. */
static long
line_of(const char *buf, size_t len, const char *needle)
{
	size_t	 n = strlen(needle);
	long	 line = 1;

	for (size_t i = 0; i + n <= len; i++) {
		if (memcmp(buf + i, needle, n) == 0)
			return line;
		if (buf[i] == '\n')
			line++;
	}
	return 0;
}

xmlDocPtr
wp_load_xml_memory(const char *buf, size_t len, const char *name)
{
	xmlDocPtr	 doc;
	int		 before = wp_diag_errors();

	if (memchr(buf, '\0', len) != NULL) {
		wp_msg(MSG_BINARY, name, 0);
		return NULL;
	}
	if (len == 0) {
		wp_msg(MSG_XML, name, 1, "file is empty (it must hold an XML document)");
		return NULL;
	}
	doc = xmlReadMemory(buf, (int)len, name, NULL, PARSE_OPTIONS);
	if (doc == NULL) {
		if (wp_diag_errors() == before)
			wp_msg(MSG_XML, name, 0, "not a well-formed XML document");
		return NULL;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		wp_msg(MSG_DOCTYPE, name, line_of(buf, len, "<!DOCTYPE"));
		xmlFreeDoc(doc);
		return NULL;
	}
	if (!is_utf8_name(doc->encoding)) {
		wp_msg(MSG_ENCODING, name, 1, (const char *)doc->encoding);
		xmlFreeDoc(doc);
		return NULL;
	}
	if (wp_diag_errors() != before) {	/* recovered errors */
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

xmlDocPtr
wp_load_xml(const char *path)
{
	FILE		*f;
	struct stat	 st;
	char		*buf;
	size_t		 n;
	xmlDocPtr	 doc;

	if ((f = fopen(path, "rb")) == NULL) {
		wp_msg(MSG_IO, path, 0, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == -1 || !S_ISREG(st.st_mode)) {
		wp_msg(MSG_IO, path, 0, "not a regular file");
		fclose(f);
		return NULL;
	}
	if (st.st_size > MAX_FILE) {
		wp_msg(MSG_IO, path, 0, "file is larger than 64 MiB");
		fclose(f);
		return NULL;
	}
	buf = wp_malloc((size_t)st.st_size + 1);
	n = fread(buf, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		wp_msg(MSG_IO, path, 0, strerror(errno));
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
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
	s->id = wp_basename(dir);
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
