/*
 * items: what diff's parts share.  A model is read into lists of
 * comparable items (meta fields, revisions, front matter sections and
 * figures, clauses), each with its text flattened a block a line as
 * the text output writes it (model/text.h); the lists of the two models
 * are aligned by key into entries, the report's units.
 */
#ifndef WP_DIFF_ITEMS_H
#define WP_DIFF_ITEMS_H

#include <stdio.h>

#include <libxml/tree.h>

#include "diff/chardiff.h"
#include "diff/diff.h"

/* The lists a model is read into, in report order. */
enum list {
	L_META,
	L_HISTORY,
	L_FRONT,		/* sections and figures, in document order */
	L_CLAUSES,
	L__MAX
};

/* One thing compared. */
struct item {
	enum list	 list;
	const char	*kind;		/* "clause", "section"...: for people */
	const xmlNode	*node;
	char		*key;		/* control, id, version or meta field */
	char		*number;	/* clause or figure number, or NULL */
	char		*title;		/* heading, or NULL */
	char		*text;		/* as read: a line a block */
	char		*written;	/* the same, with cross-references as
					   written (by control), not resolved */
};

struct items {
	struct item	*v;
	size_t		 n;
};

/* An item added, removed or changed: one entry of the report. */
struct entry {
	const struct item	*old, *new;	/* NULL if added or removed */
	unsigned		 what;		/* WP_DIFF_* */
	struct wp_chardiff	*title;		/* if retitled */
	struct wp_chardiff	*text;		/* if changed */
};

struct wp_diff {
	struct items	 old[L__MAX], new[L__MAX];
	struct entry	*e;
	size_t		 n;
};

/* A string written through a FILE (open_memstream). */
struct diff_str {
	FILE	*f;
	char	*s;
	size_t	 len;
};
FILE		*diff_str_open(struct diff_str *);
char		*diff_str_close(struct diff_str *);	/* caller frees */

/* The index of the item with this key, or -1. */
long		 diff_find(const struct items *, const char *key);
/* An entry's item in the new model, else in the old. */
const struct item *diff_either(const struct entry *);
/* The entry of the clause with this control number, or NULL. */
const struct entry *diff_clause_entry(const struct wp_diff *,
		    const char *control);
/* The entry's heading, " (2.1 title)", and what happened to it. */
void		 diff_heading(FILE *, const struct item *);
void		 diff_facts(FILE *, const struct entry *);

/* The reports (text.c, html.c). */
void		 diff_text_write(const struct wp_diff *,
		    const struct wp_diff_opts *, FILE *);
void		 diff_html_write(const struct wp_diff *,
		    const struct wp_diff_opts *, FILE *);

#endif
