/*
 * index: the page that lists the whitepapers, made by index.xsl from
 * each service's facts.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/output.h"
#include "base/path.h"
#include "check/validate.h"
#include "input/xml.h"
#include "model/xform.h"
#include "publish/publish.h"

struct wp_index *
wp_index_new(void)
{
	struct wp_index *x = wp_calloc(1, sizeof(*x));

	x->doc = xmlNewDoc(BAD_CAST "1.0");
	xmlDocSetRootElement(x->doc, xmlNewNode(NULL, BAD_CAST "index"));
	return x;
}

/* Where each fact was written is the build's business: an entry changes
 * only when what the index shows does. */
static void
unset_src(xmlNodePtr n)
{
	for (; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE) {
			xmlUnsetProp(n, BAD_CAST "src");
			unset_src(n->children);
		}
}

/*
 * Adds a whitepaper: its meta and, when it has a history, its newest
 * revision (what changed, which the index shows).  Its outputs'
 * addresses are made from its id, never copied, so that no entry can
 * point the index anywhere else.
 */
static void
index_add_meta(struct wp_index *x, const char *id, xmlNodePtr meta,
    xmlNodePtr newest)
{
	xmlNodePtr	 wp;
	char		*path;

	wp = xmlNewChild(xmlDocGetRootElement(x->doc), NULL,
	    BAD_CAST "whitepaper", NULL);
	xmlNewProp(wp, BAD_CAST "id", BAD_CAST id);
	path = wp_path(id, "whitepaper.html");
	xmlNewProp(wp, BAD_CAST "html", BAD_CAST path);
	free(path);
	path = wp_path(id, "whitepaper.pdf");
	xmlNewProp(wp, BAD_CAST "pdf", BAD_CAST path);
	free(path);
	xmlAddChild(wp, xmlDocCopyNode(meta, x->doc, 1));
	if (newest != NULL)
		xmlAddChild(wp, xmlDocCopyNode(newest, x->doc, 1));
	unset_src(wp->children);
}

/* The last <revision> child of n, or NULL. */
static xmlNodePtr
last_revision(const xmlNode *n)
{
	xmlNodePtr	 last = NULL;

	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (wp_xml_is(n, "revision"))
			last = (xmlNodePtr)n;
	return last;
}

void
wp_index_add(struct wp_index *x, const char *id, const xmlDoc *model)
{
	xmlNodePtr	 root = xmlDocGetRootElement(model), meta;

	if ((meta = wp_xml_child(root, "meta")) != NULL)
		index_add_meta(x, id, meta,
		    last_revision(wp_xml_child(root, "history")));
}

/*
 * An entry is read as data a build wrote, but checked as content: it may
 * have been edited or planted.  Only its id (a service id, so a safe
 * folder name), its <meta> and its <revision> are taken, and index.xsl
 * shows them as text (a change links only to a clause of the
 * whitepaper's own page).
 */
int
wp_index_add_entry(struct wp_index *x, const char *path)
{
	xmlDocPtr	 entry = wp_load_xml(path);
	xmlNodePtr	 n;
	int		 rc = -1;

	if (entry == NULL)
		return -1;
	if (!wp_xml_is(xmlDocGetRootElement(entry), "index")) {
		wp_msg(MSG_NOT_ENTRY, path, 0);
		goto done;
	}
	rc = 0;
	for (n = xmlDocGetRootElement(entry)->children; n; n = n->next) {
		xmlChar *id;
		if (!wp_xml_is(n, "whitepaper"))
			continue;
		id = xmlGetProp(n, BAD_CAST "id");
		if (id == NULL || !wp_validate_id((const char *)id) ||
		    wp_xml_child(n, "meta") == NULL) {
			wp_msg(MSG_ENTRY, path, xmlGetLineNo(n));
			rc = -1;
		} else
			index_add_meta(x, (const char *)id,
			    wp_xml_child(n, "meta"), last_revision(n));
		xmlFree(id);
	}
done:
	xmlFreeDoc(entry);
	return rc;
}

int
wp_index_write(const struct wp_session *s, struct wp_index *x,
    const char *path)
{
	const struct wp_templates *t = s->t;
	xmlChar		*format = xmlNodeGetContent(wp_xml_child(
			    xmlDocGetRootElement(t->settings), "date-format"));
	/* every date in the publisher's format, not each service's own */
	const char	*params[] = { "date-format",
			    format != NULL ? (const char *)format : "", NULL };
	xmlDocPtr	 res = wp_xform_apply(t->index_xsl, x->doc, NULL, 0,
			    params);
	xmlChar		*buf = NULL;
	int		 len, rc = -1;

	xmlFree(format);
	if (res != NULL)
		buf = wp_xform_serialize(t->index_xsl, res, &len);
	if (buf != NULL && strcmp(path, "-") == 0) {
		/* -o -: standard output */
		rc = fwrite(buf, 1, (size_t)len, stdout) == (size_t)len &&
		    fflush(stdout) == 0 ? 0 : -1;
		if (rc == -1)
			wp_msg(MSG_IO, "standard output", 0, strerror(errno));
	} else if (buf != NULL)
		rc = wp_write_file(path, buf, (size_t)len);
	xmlFree(buf);
	xmlFreeDoc(res);
	return rc;
}

void
wp_index_free(struct wp_index *x)
{
	if (x == NULL)
		return;
	xmlFreeDoc(x->doc);
	free(x);
}
