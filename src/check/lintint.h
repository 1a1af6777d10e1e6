/*
 * lintint: what lint's files share, seen by no other module.  The core
 * (lint.c) reads the services into one struct lint and runs the passes;
 * linttext.c holds the characters, texts and findings they share;
 * lintnear.c says how near two strings are; the passes (lintnames.c,
 * lintlinks.c, lintwords.c) use those and never each other or lint.c.
 */
#ifndef WP_LINTINT_H
#define WP_LINTINT_H

#include <stddef.h>
#include <stdint.h>

#include "check/lint.h"

/*
 * Characters that stand for an element in a normalised text.  They are
 * from the Private Use Area, so no content holds them; a line break
 * (<br/>) is kept as '\n', which white space folding leaves in no text.
 */
#define LINT_CH_NAME	0xE000		/* <name/>, any form */
#define LINT_CH_XREF	0xE001		/* <xref/>: renders a clause's title */
#define LINT_CH_LINK	0xE002		/* <link/> without text: its address */

/*
 * What "near" means: at most LINT_MAX_EDITS edits, and at most one edit
 * per LINT_NEAR_RATIO characters of the longer string (90% alike).
 * Three services make a majority form: it must be written by at least
 * LINT_MIN_MAJORITY other services than the variant's, more than write
 * the variant.
 */
#define LINT_MAX_EDITS		2
#define LINT_NEAR_RATIO		10
#define LINT_MIN_MAJORITY	2

struct lint_text {
	uint32_t	*c;		/* normalised characters */
	long		*line;		/* the source line of each */
	size_t		 n, cap;
	int		 svc;		/* index into lint.svc */
	int		 voter;		/* template text: never reported */
	const char	*file;		/* borrowed */
	char		*group;		/* "control 5.1.1", "the overview" */
};

struct lint_link {
	char		*href;
	long		 line;
	int		 svc;
	int		 voter;
	const char	*file;		/* borrowed */
};

/*
 * A service's name or short name, normalised like text; or one the
 * publisher's dictionary lists (templates/iso27017/names.xml), which
 * belongs to no service linted: svc LINT_LISTED.
 */
#define LINT_LISTED	(-1)

struct lint_name {
	uint32_t	*c;
	size_t		 n;
	int		 svc;		/* index into lint.svc, or LINT_LISTED */
	int		 is_short;
	const char	*shown;		/* as the metadata or the list writes it */
	long		 line;		/* of <name> or <short-name>; 0 listed */
};

/* A host the dictionary lists, and its spellings seen wrong. */
struct lint_domain {
	uint32_t	*c;		/* lower case */
	size_t		 n;
	char		*shown;
	uint32_t	**avoid;
	size_t		*navoid, nav;
};

struct lint_svc {
	const char	*id, *file;	/* borrowed from the wp_service */
	char		*name, *short_name;	/* short_name NULL if none */
};

/* A span already reported, which later passes leave alone. */
struct lint_span {
	size_t		 text, start, end;
};

/* A string's count in all texts: see lint_count(). */
struct lint_memo {
	uint32_t	*c;		/* NULL: an empty slot */
	size_t		 n, count;
};

struct lint {
	unsigned long	 work;		/* comparisons left; lint_work() */
	struct lint_memo *memo;		/* a hash table, open addressing */
	size_t		 nmemo, memocap;
	struct lint_svc	*svc;
	size_t		 nsvc;
	struct lint_text *t;
	size_t		 nt, tcap;
	struct lint_link *l;
	size_t		 nl, lcap;
	struct lint_name *nm;		/* longest first, then by service */
	size_t		 nnm, nmcap;
	char		**shown;	/* the listed names' strings (owned) */
	size_t		 nshown;
	uint32_t	*mark;		/* the publisher's mark, if listed */
	size_t		 nmark;
	struct lint_domain *dom;	/* the listed hosts */
	size_t		 ndom;
	const char	*names_file;	/* the dictionary's path, or NULL */
	struct lint_span *cl;		/* what the passes have reported */
	size_t		 ncl, clcap;
	struct UBreakIterator *brk;	/* ICU's, for lintdict.c */
	int		 brk_failed;	/* ICU has no dictionary */
	struct wp_lint	*out;		/* the findings, for the caller */
	size_t		 outcap;
};

/* One stretch where two aligned strings differ: a[a0..a1), b[b0..b1). */
struct lint_seg {
	size_t		 a0, a1, b0, b1;
};

/* ---- linttext.c: characters and texts --------------------------------- */
int	 lint_same(const uint32_t *, size_t, const uint32_t *, size_t);
/* Orders strings by length, then character by character. */
int	 lint_cmp(const uint32_t *, size_t, const uint32_t *, size_t);
int	 lint_alnum(uint32_t);		/* a Latin letter or a digit */
uint32_t lint_lower(uint32_t);		/* ASCII only */
/* A new UTF-8 string of n characters, stand-ins as tags; caller frees. */
char	*lint_utf8(const uint32_t *c, size_t n);
/* Adds one character to t as a reader would see it: white space
 * folded, U+2028 (a <br/>) a line break. */
void	 lint_push(struct lint_text *t, uint32_t c, long line, int *space);
/* Adds UTF-8 text to t, normalised, counting its line breaks. */
void	 lint_push_utf8(struct lint_text *t, const char *s, long *line,
	    int *space);

/* ---- linttext.c: findings, and what the passes share ------------------ */
void	 lint_report(struct lint *, enum wp_lint_kind, const char *file,
	    long line, const char *fmt, ...);
/* Marks t[text] from start to end reported: later passes leave it. */
void	 lint_claim(struct lint *, size_t text, size_t start, size_t end);
int	 lint_claimed(const struct lint *, size_t text, size_t start,
	    size_t end);
/* Counts one comparison; 0 when the pass's budget is spent. */
int	 lint_work(struct lint *);
/* How many times c[0..n) is written in all texts. */
size_t	 lint_count(struct lint *, const uint32_t *c, size_t n);

/* ---- lintnear.c: how near two strings are ----------------------------- */

/* The edit distance, or max + 1 when it is larger. */
int	 lint_osa(const uint32_t *a, size_t na, const uint32_t *b,
	    size_t nb, int max);
/* How many edits two strings of these lengths may be apart and near. */
int	 lint_allowed(size_t la, size_t lb);
/* Where a and b differ, in order, in *out (caller frees). */
void	 lint_diff(const uint32_t *a, size_t na, const uint32_t *b,
	    size_t nb, struct lint_seg **out, size_t *n);
/* Calls found(arg, start, end, edits) where t holds p with 1..k edits. */
void	 lint_search(const uint32_t *p, size_t np, const uint32_t *t,
	    size_t nt, int k, void (*found)(void *, size_t, size_t, int),
	    void *arg);

/* ---- lintknown.c: the publisher's dictionary --------------------------- */

/*
 * Adds the names and hosts names.xml lists (a name that a linted
 * service has already is left out), and the publisher's mark.
 */
void	 lint_add_known(struct lint *, xmlDocPtr names);
void	 lint_known_free(struct lint *);
/*
 * The listed host that host (lower case) is, or nearly is (*exact 0):
 * one of its <avoid> spellings, or a near miss; its index, or -1.
 */
long	 lint_domain(const struct lint *, const uint32_t *host, size_t n,
	    int *exact);

/* ---- lintdict.c: a Japanese word dictionary (ICU's) -------------------- */

/*
 * Where the dictionary cuts c[0..n) into words, 0 and n included, in
 * order, in *at (caller frees); returns how many (0: no dictionary).
 */
size_t	 lint_dict_cut(struct lint *, const uint32_t *c, size_t n,
	    size_t **at);
/*
 * How many of the dictionary's words of c[0..n) overlap c[s..e), the
 * text read whole (a word's cut depends on its neighbours); 0 when ICU
 * has no dictionary.
 */
size_t	 lint_dict_words(struct lint *, const uint32_t *c, size_t n,
	    size_t s, size_t e);
/*
 * Does the dictionary know b[b0..b1) (in b) better than a[a0..a1) (in a):
 * does a's span fall into more of its words?  Evidence that a is a slip
 * for b (集収 for 収集), where a bare edit distance is none (一元的 and
 * 一時的 are both words).
 */
int	 lint_dict_worse(struct lint *, const uint32_t *a, size_t na,
	    size_t a0, size_t a1, const uint32_t *b, size_t nb, size_t b0,
	    size_t b1);
/*
 * Does a break a word the dictionary reads in b, where the two differ by
 * one character, a's at a[aat] (alen 1) or none there (alen 0), and b's
 * likewise?  A character left out of b's word, where what is left of it
 * is no word of a's (関る: b reads 関する as one, a cuts 関|る; では less
 * で is は, a word), one added inside b's word that a does not read as
 * one, one put for another inside b's word and left alone (菅|理 for
 * 管理).  A word added or left out between b's words breaks none
 * (て(ご)実施, サービス(の)内容).
 */
int	 lint_dict_breaks(struct lint *, const uint32_t *a, size_t na,
	    size_t aat, int alen, const uint32_t *b, size_t nb, size_t bat,
	    int blen);
void	 lint_dict_free(struct lint *);

/* ---- the passes, in the order wp_lint() runs them --------------------- */
void	 lint_pass_names(struct lint *);	/* lintnames.c */
void	 lint_pass_links(struct lint *);	/* lintlinks.c */
void	 lint_pass_phrases(struct lint *);	/* lintwords.c */
void	 lint_pass_words(struct lint *);	/* lintwords.c */
void	 lint_pass_frames(struct lint *);	/* lintframes.c */
void	 lint_pass_doubled(struct lint *);	/* lintframes.c */

#endif
