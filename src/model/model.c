/*
 * model: reading the document model without copying it.  An attribute
 * or a text-only element made by libxslt holds one text node, whose
 * content is the value.
 */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "input/xml.h"
#include "model/model.h"

const char *
wp_attr(const xmlNode *n, const char *name)
{
	const xmlAttr	*a;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL && xmlStrEqual(a->name, BAD_CAST name)) {
			if (a->children == NULL)
				return "";
			if (a->children->next == NULL &&
			    a->children->type == XML_TEXT_NODE)
				return (const char *)a->children->content;
			return NULL;	/* entity references: none here */
		}
	return NULL;
}

const char *
wp_text_only(const xmlNode *n)
{
	if (n == NULL || n->children == NULL)
		return n != NULL ? "" : NULL;
	if (n->children->next == NULL && n->children->type == XML_TEXT_NODE)
		return (const char *)n->children->content;
	return NULL;
}

char *
wp_text_all(const xmlNode *n)
{
	xmlChar	*v = xmlNodeGetContent(n);
	char	*s = wp_strdup(v != NULL ? (const char *)v : "");

	xmlFree(v);
	return s;
}

xmlNodePtr
wp_model_meta_node(const xmlDoc *model, const char *name)
{
	xmlNodePtr	 root = xmlDocGetRootElement(model);

	return wp_xml_child(wp_xml_child(root, "meta"), name);
}

const char *
wp_model_meta(const xmlDoc *model, const char *name)
{
	xmlNodePtr	 n = wp_model_meta_node(model, name);

	if (n == NULL)
		return NULL;
	return strcmp(name, "date") == 0 ? wp_attr(n, "iso") : wp_text_only(n);
}

const char *
wp_display(const xmlNode *n, const char *name)
{
	char		 wbr[64];
	const char	*v;

	if (name == NULL)
		return (v = wp_attr(n, "wbr")) != NULL ? v : wp_text_only(n);
	snprintf(wbr, sizeof(wbr), "%s-wbr", name);
	return (v = wp_attr(n, wbr)) != NULL ? v : wp_attr(n, name);
}

const char *
wp_model_src(const xmlNode *n)
{
	const char	*s;

	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if ((s = wp_attr(n, "src")) != NULL)
			return s;
	return NULL;
}

xmlNodePtr
wp_model_next(const xmlNode *top, const xmlNode *n)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return (xmlNodePtr)c;
	for (; n != NULL && n != top; n = n->parent)
		for (c = n->next; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				return (xmlNodePtr)c;
	return NULL;
}
