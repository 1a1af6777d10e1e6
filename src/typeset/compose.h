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
};

struct wp_link {
	unsigned	 start, end;	/* byte range in the composed text */
	char		*target;	/* "#id" inside the document, else a URI */
};

struct wp_para {
	GString		*text;		/* the composed text */
	PangoAttrList	*attrs;		/* its attributes */
	struct wp_link	*links;
	size_t		 nlinks;
	/* input, before composing */
	struct rawch	*raw;
	size_t		 nraw, rawcap;
	char		**targets;	/* link targets of the runs */
	size_t		 ntargets;
};

struct wp_para	*wp_para_new(void);
void		 wp_para_free(struct wp_para *);

/*
 * Appends a run of UTF-8 text (len bytes, or -1 up to NUL) with RUN_
 * flags; target (copied) is the link's target when flags has RUN_LINK.
 * A U+2028 in the text is a forced line break.
 */
void		 wp_para_add(struct wp_para *, const char *, int len,
		    unsigned flags, const char *target);

/*
 * Builds text and attrs from the runs for text of the given size
 * (points) and colours (0xRRGGBB: text, links); emphasis is set bold in
 * em_family (NULL: the text's own family).  Call once.
 */
void		 wp_para_compose(struct wp_para *, double size,
		    unsigned color, unsigned link_color, const char *em_family);

#endif
