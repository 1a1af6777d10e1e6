/*
 * merge: hands merge.xsl its inputs and checks what comes out.
 */
#include <ctype.h>
#include <string.h>

#include <libxml/relaxng.h>

#include "diag.h"
#include "merge.h"
#include "util.h"
#include "xform.h"

static int
model_valid(const struct wp_templates *t, xmlDocPtr model)
{
	static enum wp_msg	 m = MSG_MODEL;
	xmlRelaxNGValidCtxtPtr	 vc = xmlRelaxNGNewValidCtxt(t->document_rng);
	int			 rc;

	xmlRelaxNGSetValidStructuredErrors(vc, wp_diag_xml_error, &m);
	rc = xmlRelaxNGValidateDoc(vc, model);
	xmlRelaxNGFreeValidCtxt(vc);
	return rc == 0;
}

static int
latin(int c)
{
	return c > 0 && c < 0x80 && isalnum(c);
}

/*
 * Source line breaks are formatting, not text: Japanese has no spaces
 * between words, so a run of white space that holds a newline goes away,
 * except between two Latin letters or digits, where it becomes one space.
 * Other spaces are kept as written.
 */
static void
fold_breaks(xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE) {
			fold_breaks(n->children);
			continue;
		}
		if (n->type != XML_TEXT_NODE || n->content == NULL ||
		    strchr((char *)n->content, '\n') == NULL)
			continue;
		const char *src = (const char *)n->content;
		size_t len = strlen(src), i = 0, j = 0;
		char *dst = xmlMalloc(len + 1);
		while (i < len) {
			size_t k = i;
			int nl = 0;
			while (k < len && (src[k] == ' ' || src[k] == '\t' ||
			    src[k] == '\n' || src[k] == '\r'))
				nl |= src[k++] == '\n';
			if (k == i) {
				dst[j++] = src[i++];
				continue;
			}
			if (!nl) {
				memcpy(dst + j, src + i, k - i);
				j += k - i;
			} else if (j > 0 && k < len && latin(dst[j - 1]) &&
			    latin(src[k]))
				dst[j++] = ' ';
			i = k;
		}
		dst[j] = '\0';
		xmlNodeSetContent(n, BAD_CAST dst);
		xmlFree(dst);
	}
}

xmlDocPtr
wp_merge(const struct wp_templates *t, struct wp_service *s)
{
	xmlDocPtr	 empty = NULL, model;

	fold_breaks(xmlDocGetRootElement(s->service));
	if (s->revisions != NULL)
		fold_breaks(xmlDocGetRootElement(s->revisions));
	if (s->revisions == NULL) {
		empty = xmlNewDoc(BAD_CAST "1.0");
		xmlDocSetRootElement(empty, xmlNewNode(NULL, BAD_CAST "revisions"));
	}
	const struct wp_xform_doc docs[] = {
		{ "catalogue", t->catalogue },
		{ "boilerplate", t->boilerplate },
		{ "settings", t->settings },
		{ "revisions", s->revisions != NULL ? s->revisions : empty },
	};
	model = wp_xform_apply(t->merge_xsl, s->service, docs,
	    sizeof(docs) / sizeof(docs[0]), NULL);
	xmlFreeDoc(empty);
	if (model != NULL && !model_valid(t, model)) {
		xmlFreeDoc(model);
		model = NULL;
	}
	return model;
}

char *
wp_model_meta(xmlDocPtr model, const char *name)
{
	xmlNodePtr	 m = wp_xml_child(xmlDocGetRootElement(model), "meta");
	xmlNodePtr	 n = wp_xml_child(m, name);
	xmlChar		*v;
	char		*s;

	if (n == NULL)
		return NULL;
	v = strcmp(name, "date") == 0 ? xmlGetProp(n, BAD_CAST "iso") :
	    xmlNodeGetContent(n);
	s = v != NULL ? wp_strdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

char *
wp_model_src(xmlNodePtr n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
		xmlChar *v = xmlGetProp(n, BAD_CAST "src");
		if (v != NULL) {
			char *s = wp_strdup((const char *)v);
			xmlFree(v);
			return s;
		}
	}
	return NULL;
}
