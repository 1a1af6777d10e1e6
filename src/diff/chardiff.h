/*
 * chardiff: the difference between two UTF-8 texts, character by
 * character (Japanese has no spaces to split words at), read as phrases:
 * Myers' O(ND) diff over code points, then a cleanup that folds short
 * runs of equal text between two edits into the edits.
 */
#ifndef WP_CHARDIFF_H
#define WP_CHARDIFF_H

#include <stddef.h>

enum wp_cd_op {
	CD_EQUAL,
	CD_DELETE,	/* in the old text only */
	CD_INSERT	/* in the new text only */
};

struct wp_cd_span {
	enum wp_cd_op	 op;
	char		*text;		/* UTF-8, NUL-terminated, never empty */
	size_t		 len;		/* bytes */
};

/*
 * The edit script: spans in reading order; where old and new text differ
 * the deletion comes before the insertion.  Concatenating the equal and
 * deleted spans gives the old text, the equal and inserted ones the new.
 */
struct wp_chardiff {
	struct wp_cd_span	*span;
	size_t			 n;
	size_t			 edits;	/* spans that are not CD_EQUAL */
};

/* Flags for wp_chardiff(). */
#define WP_CD_RAW	0x01	/* no cleanup: the minimal edit script */

/*
 * Compares old and new (lengths in bytes; neither need be
 * NUL-terminated).  Invalid UTF-8 is compared byte by byte and comes
 * back as it was.  Returns a new diff that the caller frees with
 * wp_chardiff_free(); never NULL (allocation failure aborts).
 */
struct wp_chardiff	*wp_chardiff(const char *old, size_t oldlen,
			    const char *new, size_t newlen, int flags);
void			 wp_chardiff_free(struct wp_chardiff *);

#endif
