/*
 * compose: a paragraph's text and Pango attributes, prepared for
 * Japanese composition (JLReq) before Pango breaks it into lines.
 * Text comes in as runs (from the document model's inline elements);
 * wp_para_compose() then
 *   - normalises the space between Japanese and Latin letters or digits
 *     to a quarter em (U+2002, half an em, narrowed by letter-spacing:
 *     a half-size font would be one more font to load), none beside
 *     brackets;
 *   - protects from breaking: tokens such as "ISO/IEC", "～" with what
 *     precedes it, and an ASCII space with a following character that
 *     may not start a line (the two gaps of Pango's kinsoku);
 *   - makes URLs breakable after / . - _ ? # & = with U+200B;
 *   - compresses punctuation pairs with the "halt" feature;
 *   - turns off automatic hyphens and sets the language to Japanese.
 */
#ifndef WP_COMPOSE_H
#define WP_COMPOSE_H

#include <pango/pango.h>

#define WP_QSPACE	0x2002		/* the quarter-em space, narrowed */
#define WP_ZWSP		0x200B

enum {
	RUN_EM = 1 << 0,		/* emphasis: the bold weight */
	RUN_LINK = 1 << 1,		/* part of a link: run's target set */
	RUN_PHRASED = 1 << 2,		/* display text: breaks only at its
					 * U+200B, between phrases */
	RUN_LEADER = 1 << 3,		/* contents leaders: leader_size */
	RUN_INS = 1 << 4,		/* inserted since a version compared
					 * with: underlined, change_color */
	RUN_DEL = 1 << 5,		/* deleted since: struck through */
};

struct wp_link {
	unsigned	 start, end;	/* byte range in the composed text */
	char		*target;	/* "#id" inside the document, else a URI */
	int		 elem;		/* its element, once set (doc.h) */
};

/*
 * A stretch of English in the text: Latin words with spaces between
 * ("Software as a Service"), which a reader reads aloud in English.
 * Its own run of glyphs (an attribute that changes nothing drawn starts
 * and ends one), so that it can be marked as such.
 */
struct wp_english {
	unsigned	 start, end;	/* byte range in the composed text */
	int		 elem;		/* its element, once set (doc.h) */
};

/* A byte range of the composed text inserted or deleted (RUN_INS,
 * RUN_DEL): the lines that hold one get a change bar. */
struct wp_change {
	unsigned	 start, end;
};

/* What a composed character is, for breaks.c and justify.c. */
enum {
	CH_URL = 1 << 0,		/* part of a URL */
	CH_QSPACE = 1 << 1,		/* the quarter-em space */
	CH_PUNCT = 1 << 2,		/* full-width punctuation with a half-em
					 * blank it could give up */
	CH_SOFT = 1 << 3,		/* a U+2028 breaks.c put there */
};

struct wp_charinfo {
	unsigned	 off;		/* where it starts in text */
	unsigned char	 flags;		/* CH_ */
};

/* What breaks.c asks of a character of the paragraph as first composed. */
enum {
	MARK_BREAK = 1 << 0,		/* a line breaks before it */
	MARK_HALT = 1 << 1,		/* punctuation set half width */
	MARK_NARROW = 1 << 2,		/* a quarter-em space set at 1/8 em */
};

struct wp_para {
	GString		*text;		/* the composed text */
	PangoAttrList	*attrs;		/* its attributes */
	struct wp_link	*links;
	size_t		 nlinks;
	struct wp_english *english;
	size_t		 nenglish;
	struct wp_charinfo *info;	/* per composed character, and one
					 * more: off is the text's length */
	size_t		 ninfo;		/* characters, the extra one not counted */
	unsigned char	*marks;		/* MARK_ per character, or NULL */
	size_t		 nmarks;	/* of the composition they were made
					 * for: its characters and one */
	/* input, before composing */
	struct rawch	*raw;
	size_t		 nraw, rawcap;
	char		**targets;	/* link targets of the runs */
	size_t		 ntargets;
	int		 fullwidth;	/* ASCII ( ) “ ” in Japanese: full
					 * width (the style's choice) */
	int		 solid_open;	/* its first line's opening bracket set
					 * solid too (a table cell) */
	double		 leader_size;	/* points, of RUN_LEADER runs */
	unsigned	 change_color;	/* of RUN_INS and RUN_DEL runs */
	struct wp_change *changes;	/* where they are, once composed */
	size_t		 nchanges;
	double		 bar_x, bar_w;	/* a change bar beside each line that
					 * holds a change: x from the column's
					 * left edge, width (0: no bars) */
	unsigned	 lead_start, lead_end;	/* where they are in text */
	/* what wp_para_compose() was given, to compose again */
	double		 size;
	unsigned	 color, link_color;
	const char	*em_family;
};

struct wp_para	*wp_para_new(void);
void		 wp_para_free(struct wp_para *);

/* Makes dst a deep copy of src, what dst held freed first. */
void		 wp_para_copy(struct wp_para *dst, const struct wp_para *src);

/* Appends to key every input of p that composing it depends on, the
 * composer's arguments aside: its runs, their targets and its fields. */
void		 wp_para_key(const struct wp_para *, GString *key);

/*
 * Appends a run of UTF-8 text (len bytes, or -1 up to NUL) with RUN_
 * flags; target (copied) is the link's target when flags has RUN_LINK.
 * A U+2028 in the text is a forced line break.
 */
void		 wp_para_add(struct wp_para *, const char *, int len,
		    unsigned flags, const char *target);

/* Adds RUN_ flags to every run added so far (a heading added whole). */
void		 wp_para_mark(struct wp_para *, unsigned flags);

/*
 * Builds text, attrs, links and info from the runs for text of the
 * given size (points) and colours (0xRRGGBB: text, links); emphasis is
 * set bold in em_family (NULL: the text's own family; borrowed).
 */
void		 wp_para_compose(struct wp_para *, double size,
		    unsigned color, unsigned link_color, const char *em_family);
/*
 * Composes the paragraph again, as before but with marks (MARK_ for
 * each character of the first composition, which the paragraph takes
 * over): the lines break where breaks.c chose.
 */
void		 wp_para_recompose(struct wp_para *, unsigned char *marks);
/* Whether it holds display text (RUN_PHRASED runs). */
int		 wp_para_phrased(const struct wp_para *);
/* Composes it again as body text: breaking anywhere the rules allow. */
void		 wp_para_unphrase(struct wp_para *);

#endif
