/*
 * merge: hands merge.xsl its inputs and checks what comes out.
 */
#include <libxml/relaxng.h>

#include "diag.h"
#include "merge.h"
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

xmlDocPtr
wp_merge(const struct wp_templates *t, const struct wp_service *s)
{
	xmlDocPtr	 empty = NULL, model;

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
	    sizeof(docs) / sizeof(docs[0]));
	xmlFreeDoc(empty);
	if (model != NULL && !model_valid(t, model)) {
		xmlFreeDoc(model);
		model = NULL;
	}
	return model;
}
