/*
 * merge: hands merge.xsl its inputs and checks what comes out.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "input/xml.h"
#include "model/merge.h"
#include "model/phrase.h"
#include "model/xform.h"

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

/* A copy of a content file with its source line breaks folded. */
static xmlDocPtr
folded(xmlDocPtr doc)
{
	xmlDocPtr	 copy = xmlCopyDoc(doc, 1);

	if (copy == NULL)
		wp_oom();
	fold_breaks(xmlDocGetRootElement(copy));
	return copy;
}

xmlDocPtr
wp_merge(const struct wp_templates *t, const struct wp_service *s,
    struct wp_phrase_memo *memo)
{
	xmlDocPtr	 svc = folded(s->service), revs, model;

	if (s->revisions != NULL)
		revs = folded(s->revisions);
	else {
		revs = xmlNewDoc(BAD_CAST "1.0");
		xmlDocSetRootElement(revs, xmlNewNode(NULL, BAD_CAST "revisions"));
	}
	const struct wp_xform_doc docs[] = {
		{ "catalogue", t->catalogue },
		{ "boilerplate", t->boilerplate },
		{ "settings", t->settings },
		{ "revisions", revs },
	};
	model = wp_xform_apply(t->merge_xsl, svc, docs,
	    sizeof(docs) / sizeof(docs[0]), NULL);
	xmlFreeDoc(revs);
	xmlFreeDoc(svc);
	if (model != NULL)
		wp_phrase_model(model, memo);
	if (model != NULL &&
	    wp_xml_validate(t->document_rng, model, MSG_MODEL) == -1) {
		xmlFreeDoc(model);
		model = NULL;
	}
	return model;
}
