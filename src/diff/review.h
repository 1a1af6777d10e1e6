/*
 * review: what the reviewer's copies share, seen by no other module:
 * marks.c marks one block's inline content, redline.c a whole model,
 * compare.c makes the comparison (新旧対照表) of a marked model; the
 * words of the marks come from the publisher's settings.
 */
#ifndef WP_REVIEW_H
#define WP_REVIEW_H

#include <libxml/tree.h>

/*
 * Marks what changed between the inline content of oldb and of newb
 * (a paragraph, a list item's text, a cell, a caption; a list in a list
 * item is left alone): newb's content is written again with its markup,
 * inserted text inside <ins>, deleted text inside <del> (with the markup
 * it had).  Returns how many stretches were inserted or deleted (0: newb
 * is as it was).  oldb may be in another document.
 */
int		 rl_mark_inline(xmlNodePtr newb, const xmlNode *oldb);
/* Wraps a block's inline content (not a list it holds) in <mark>, an
 * "ins" or a "del" element. */
void		 rl_wrap(xmlNodePtr block, const char *mark);

/* A setting's element in the settings document's root, or NULL. */
const xmlNode	*rl_setting(const xmlNode *settings, const char *name);
/* A setting's text, "" if it has none; a pattern's {name} replaced by
 * value when name is given.  A new string (g_free). */
char		*rl_words(const xmlNode *settings, const char *setting,
		    const char *name, const char *value);

/* Whether an element carries marks: change="added|removed", was-title,
 * or an ins or del anywhere inside it. */
int		 rl_marked(const xmlNode *);

#endif
