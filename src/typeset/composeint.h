/*
 * composeint: what compose.c, protect.c and english.c share, seen by no
 * other module.  compose.c turns a paragraph's runs into composed
 * characters (struct out); protect.c finds the stretches of them that
 * must not be broken across lines, english.c those that are English.
 */
#ifndef WP_COMPOSEINT_H
#define WP_COMPOSEINT_H

#include <stddef.h>

#include <glib.h>

struct rawch {
	gunichar	 c;
	unsigned	 flags;
	int		 target;	/* index into targets, or -1 */
};

/* What a composed character is: written, or inserted by the composer. */
enum { OUT_REAL, OUT_QSPACE, OUT_ZWSP, OUT_SOFT };

struct outch {
	gunichar	 c;
	unsigned	 flags;		/* RUN_ */
	int		 target;
	int		 kind;		/* OUT_ */
	unsigned	 halt:1;	/* set half width */
	unsigned	 fw:1;		/* ASCII set full width (fwid) */
	unsigned	 url:1;		/* part of a URL */
	unsigned	 phrase:1;	/* a U+200B between two phrases */
	unsigned	 narrow:1;	/* a quarter-em space at 1/8 em */
};

/* A stretch of composed characters, end exclusive. */
struct range {
	size_t		 start, end;
};

struct out {
	struct outch	*ch;
	size_t		 n, cap;
	struct range	*protect;	/* never broken inside */
	size_t		 nprotect, protcap;
};

/* Keeps o->ch[start, end) on one line (nothing to keep when shorter
 * than two characters). */
void	 wp_protect(struct out *, size_t start, size_t end);

/* protect.c: each kind of stretch kept whole. */
void	 wp_protect_tokens(struct out *);	/* ISO/IEC, CLD.9.5.2 */
void	 wp_protect_designations(struct out *);	/* ISO/IEC 27017:2015 */
void	 wp_protect_counts(struct out *);	/* 35 カテゴリ, 第 1.7 版 */
void	 wp_protect_urls(struct out *);		/* each piece of a URL */
void	 wp_protect_phrases(struct out *);	/* each phrase of display text */

/* The character c stands for in the rules: a full-width form for what
 * is set full width. */
gunichar wp_out_class(const struct outch *);

/* english.c: the English phrases among the composed characters, as
 * ranges (*n of them; free the array), in order. */
struct range	*wp_english(const struct out *, size_t *n);

#endif
