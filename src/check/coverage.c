/*
 * coverage: the catalogue's controls against a service's <answers>.
 */
#include <stdlib.h>

#include <libxml/tree.h>

#include "base/diag.h"
#include "check/coverage.h"
#include "check/lint.h"

/* Whether <answers> holds an answer or out-of-scope mark for id. */
static int
decided(xmlNodePtr answers, const xmlChar *id)
{
	xmlNodePtr	 n;
	xmlChar		*c;
	int		 yes;

	for (n = answers->children; n != NULL; n = n->next) {
		if (!wp_xml_is(n, "answer") && !wp_xml_is(n, "out-of-scope"))
			continue;
		c = xmlGetProp(n, (const xmlChar *)"control");
		yes = xmlStrEqual(c, id);
		xmlFree(c);
		if (yes)
			return 1;
	}
	return 0;
}

int
wp_coverage(const struct wp_templates *t, const struct wp_service *s,
    struct wp_baseline *accept)
{
	xmlNodePtr	 answers = NULL, ch, ctl, n;
	int		 open = 0;

	if (s->service == NULL)
		return 0;
	for (n = xmlDocGetRootElement(s->service)->children; n; n = n->next)
		if (wp_xml_is(n, "answers"))
			answers = n;
	if (answers == NULL)
		return 0;
	for (ch = xmlDocGetRootElement(t->catalogue)->children; ch;
	    ch = ch->next) {
		if (!wp_xml_is(ch, "chapter"))
			continue;
		for (ctl = ch->children; ctl != NULL; ctl = ctl->next) {
			xmlChar *id, *title;
			if (!wp_xml_is(ctl, "control"))
				continue;
			id = xmlGetProp(ctl, (const xmlChar *)"id");
			if (!decided(answers, id)) {
				char *said;
				title = xmlGetProp(ctl, (const xmlChar *)"title");
				said = wp_msg_text(MSG_UNCOVERED, id, title, id);
				if (!wp_baseline_accept(accept, s->service_path,
				    said)) {
					wp_msg(MSG_UNCOVERED, s->service_path,
					    xmlGetLineNo(answers),
					    (const char *)id,
					    (const char *)title,
					    (const char *)id);
					open++;
				}
				free(said);
				xmlFree(title);
			}
			xmlFree(id);
		}
	}
	return open;
}
