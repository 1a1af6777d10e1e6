/*
 * rows: the rows of the newest revision, which readers and reviewers
 * take for what this version changed.  They name clauses the service
 * answers (but the row that records a removal), by the numbers they
 * have in this version: an older row keeps the number it was written
 * with, and the renderers say where its clause is now; the newest has
 * no excuse.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "check/validate.h"
#include "model/model.h"

/* The last <revision> among root's children, or NULL. */
static xmlNodePtr
newest(xmlNodePtr root)
{
	xmlNodePtr	 last = NULL;

	for (xmlNodePtr r = root != NULL ? root->children : NULL; r != NULL;
	    r = r->next)
		if (wp_xml_is(r, "revision"))
			last = r;
	return last;
}

void
wp_check_rows(const char *file, xmlNodePtr root,
    int (*answered)(const char *control, void *), void *arg)
{
	xmlNodePtr	 rev = newest(root);

	for (xmlNodePtr ch = rev != NULL ? rev->children : NULL; ch != NULL;
	    ch = ch->next) {
		xmlChar *list;
		char *save = NULL, *c;
		int removed;
		if (!wp_xml_is(ch, "change") ||
		    (list = xmlGetProp(ch, BAD_CAST "control")) == NULL)
			continue;
		removed = xmlHasProp(ch, BAD_CAST "removed") != NULL;
		for (c = strtok_r((char *)list, " \t\n", &save); c != NULL;
		    c = strtok_r(NULL, " \t\n", &save)) {
			int yes = answered(c, arg);
			if (yes < 0)		/* unknown: said already */
				continue;
			if (!yes && !removed)
				wp_msg(MSG_CHANGE_UNANSWERED, file,
				    xmlGetLineNo(ch), c);
			else if (yes && removed)
				wp_msg(MSG_CHANGE_REMOVED, file,
				    xmlGetLineNo(ch), c);
		}
		xmlFree(list);
	}
}

int
wp_check_model_rows(const xmlDoc *model)
{
	const xmlNode	*root = xmlDocGetRootElement(model);
	xmlNodePtr	 rev = newest(wp_xml_child(root, "history"));
	int		 bad = 0;

	for (xmlNodePtr ch = rev != NULL ? rev->children : NULL; ch != NULL;
	    ch = ch->next) {
		const char *src;
		char *text, *file = NULL, *colon = NULL, *sp = NULL;
		if (!wp_xml_is(ch, "change") ||
		    wp_attr(ch, "renumbered") == NULL)
			continue;
		/* merge.xsl marks a row whose first word is a clause number
		 * other than the one its control has now */
		text = wp_text_all(ch);
		text[strcspn(text, " \t\n")] = '\0';
		if (wp_attr(ch, "control") != NULL) {
			sp = wp_strdup(wp_attr(ch, "control"));
			sp[strcspn(sp, " ")] = '\0';
		}
		if ((src = wp_model_src(ch)) != NULL) {
			file = wp_strdup(src);
			if ((colon = strrchr(file, ':')) != NULL)
				*colon++ = '\0';
		}
		wp_msg(MSG_CHANGE_NUMBER, file, colon != NULL ?
		    strtol(colon, NULL, 10) : 0, text, sp != NULL ? sp : "?",
		    wp_attr(ch, "number"));
		free(sp);
		free(file);
		free(text);
		bad = 1;
	}
	return bad;
}
