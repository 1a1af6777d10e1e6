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
	char		*text;		/* as read: a line a block (list
					   items a line each), emphasis
					   between asterisks */
	char		*keys;		/* the same lines without list
					   markers: what lines align by */
	char		*written;	/* with cross-references as written
					   (by control), not resolved, and no
					   emphasis: what a release's part
					   digest is made of */
	char		*marked;	/* written, with emphasis: what says
					   whether the text changed */
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

/* One step of two sequences aligned (seq.c): an element of each paired,
 * the same or changed, or one side's alone. */
struct diff_pair {
	long	 a, b;		/* indices; -1 where that side has none */
	int	 same;		/* their keys are equal */
};

/*
 * Aligns two sequences of keys as a reviewer reads them: the longest
 * common subsequence, then in each stretch between, the pairs most
 * alike (a third of their text shared, at least), in order.  Returns
 * the count; *out is a new array (caller frees), in reading order, what
 * was removed before what was added in its place.
 */
size_t		 diff_seq(const char *const *a, size_t na,
		    const char *const *b, size_t nb, struct diff_pair **out);
/* How alike two texts are, from 0 to 1: the share of their bytes the
 * character diff keeps. */
double		 diff_alike(const char *a, const char *b);

/* A text's lines, split at newlines in place (s is changed); *n gets
 * how many.  A new array of pointers into s (caller frees). */
char		**diff_lines(char *s, size_t *n);

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

/*
 * Renumbering, said once for a run of clauses (「5.1–5.8 → 5.2–5.9」):
 * how many entries from i on are clauses renumbered (and changed no
 * otherwise than the WP_DIFF_* bits also allow), one after another in
 * both versions (0 if entry i is not); and the run of n from i, written
 * as above.
 */
size_t		 diff_renumber_run(const struct wp_diff *, size_t i,
		    unsigned also);
void		 diff_renumbered(FILE *, const struct wp_diff *, size_t i,
		    size_t n);

/* The report (text.c). */
void		 diff_text_write(const struct wp_diff *,
		    const struct wp_diff_opts *, FILE *);

#endif
