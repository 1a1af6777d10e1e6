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

/* Adds a whitepaper: its outputs' addresses made from its id, never
 * copied, so that no entry can point the index anywhere else. */
static void
index_add_meta(struct wp_index *x, const char *id, xmlNodePtr meta)
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
	meta = xmlAddChild(wp, xmlDocCopyNode(meta, x->doc, 1));
	/* where each fact was written is the build's business: an entry
	 * changes only when what the index shows does */
	for (xmlNodePtr n = meta != NULL ? meta->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			xmlUnsetProp(n, BAD_CAST "src");
}

void
wp_index_add(struct wp_index *x, const char *id, const xmlDoc *model)
{
	xmlNodePtr	 meta;

	if ((meta = wp_xml_child(xmlDocGetRootElement(model), "meta")) != NULL)
		index_add_meta(x, id, meta);
}

/*
 * An entry is read as data a build wrote, but checked as content: it may
 * have been edited or planted.  Only its id (a service id, so a safe
 * folder name) and its <meta> are taken.
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
			    wp_xml_child(n, "meta"));
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
	xmlDocPtr	 res = wp_xform_apply(t->index_xsl, x->doc, NULL, 0,
			    NULL);
	xmlChar		*buf = NULL;
	int		 len, rc = -1;

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
