/*
 * fuzz_load: libFuzzer over everything content reaches before the
 * typesetter: the safe parser (wp_load_xml_memory), validation, the
 * merge (libxslt, sandboxed) and the text and HTML stylesheets.  The
 * input is service.xml, optionally followed by a NUL byte and
 * revisions.xml (a NUL can never be part of a content file).
 * Run from the top of the tree (templates/ is read from there).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "publish/publish.h"
#include "check/validate.h"
#include "fuzz.h"
#include "model/merge.h"
#include "model/model.h"
#include "model/text.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup("fuzz_load", 0);
	/* Diagnostics are expected by the million: say nothing. */
	wp_diag_stream(fopen("/dev/null", "w"));
	return 0;
}

/* The service's id, taken from its root so that merging is reached. */
static char *
root_id(xmlDocPtr doc)
{
	xmlNodePtr	 root = xmlDocGetRootElement(doc);
	xmlChar		*id = root != NULL ? xmlGetProp(root, BAD_CAST "id") : NULL;
	char		*s = strdup(id != NULL ? (char *)id : "fuzz");

	xmlFree(id);
	return s;
}

static void
render(xmlDocPtr model)
{
	const char	*params[] = { "pdf-href", "whitepaper.pdf",
			    "index-href", "", NULL };
	xmlDocPtr	 res;
	xmlChar		*buf;
	size_t		 n;
	int		 len;

	free(wp_text_document(model, &n));
	if ((res = wp_xform_apply(T->html_xsl, model, NULL, 0, params)) != NULL) {
		if ((buf = wp_xform_serialize(T->html_xsl, res, &len)) != NULL)
			xmlFree(buf);
		xmlFreeDoc(res);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*buf = (const char *)data;
	const char		*nul = memchr(buf, '\0', size);
	size_t			 n = nul != NULL ? (size_t)(nul - buf) : size;
	struct wp_service	 s = { 0 };
	xmlDocPtr		 model;

	wp_diag_reset();
	s.dir = "fuzz";
	s.service_path = "fuzz/service.xml";
	if ((s.service = wp_load_xml_memory(buf, n, s.service_path)) == NULL)
		return 0;
	if (nul != NULL) {
		s.revisions_path = "fuzz/revisions.xml";
		s.revisions = wp_load_xml_memory(nul + 1, size - n - 1,
		    s.revisions_path);
	}
	s.id = root_id(s.service);
	if ((nul == NULL || s.revisions != NULL) && wp_validate(T, &s) == 0 &&
	    (model = wp_merge(T, &s)) != NULL) {
		render(model);
		xmlFreeDoc(model);
	}
	xmlFreeDoc(s.service);
	xmlFreeDoc(s.revisions);
	free(s.id);
	return 0;
}
