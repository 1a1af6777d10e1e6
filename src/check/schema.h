/*
 * schema: a content file checked against its RelaxNG schema, and what
 * the schema finds said in a writer's words: what the element holds,
 * which attribute it lacks and what to write there.  A finding that the
 * rules (validate.c, settings.c) or a precise check here said better
 * already is dropped, and so are libxml2's echoes of one slip (the same
 * failure reported again for each element around it).
 */
#ifndef WP_SCHEMA_H
#define WP_SCHEMA_H

#include <stddef.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>

/* What a message said about an element. */
#define WP_X_CONTENT	0x01	/* its content (or that a part is missing) */
#define WP_X_ATTR	0x02	/* one of its attributes */

/* The elements of one file the rules have spoken of. */
struct wp_explained {
	struct explanation {
		const xmlNode	*node;
		int		 what;		/* WP_X_* */
		const char	*attr;		/* for WP_X_ATTR; static */
	}		*v;
	size_t		 n, cap;
};

/* Records that a message was said about n (attr: a string constant). */
void	 wp_explain(struct wp_explained *, const xmlNode *n, int what,
	    const char *attr);
void	 wp_explained_free(struct wp_explained *);

/*
 * Checks doc, the content file called file, against rng: first the
 * slips the schema would say tersely (an attribute missing or of a
 * value it does not take, a name or item left empty), here precisely;
 * then whatever else the schema finds, in a writer's words, but for
 * what x (the rules' messages, added to by this) explains.  Returns how
 * many errors it reported.
 */
int	 wp_schema_check(xmlRelaxNGPtr rng, xmlDocPtr doc, const char *file,
	    struct wp_explained *x);

#endif
