/*
 * layout: the typesetter.  It reads the document model and the style
 * and produces pages of positioned items (a display list) that a
 * renderer draws: lines of text already broken, justified and placed,
 * rules and boxes, links, and the destinations that the table of
 * contents, the bookmarks and cross-references point at.
 */
#ifndef WP_LAYOUT_H
#define WP_LAYOUT_H

#include <stdio.h>

#include <libxml/tree.h>
#include <pango/pango.h>

#include "style.h"

/* Fonts and the Pango context, shared by every document of a process. */
struct wp_fonts;

/*
 * Loads the private fontconfig file conf (wpgen never reads the user's
 * font settings).  Returns NULL after reporting; free with
 * wp_fonts_free().
 */
struct wp_fonts	*wp_fonts_new(const char *conf);
void		 wp_fonts_free(struct wp_fonts *);
/*
 * Checks that a font of every family the style names is there; 0, or
 * -1 after reporting each that is not (at its line in the style file).
 */
int		 wp_fonts_check(struct wp_fonts *, const struct wp_style *);
/*
 * Opens every face and size the style names and measures, in the body
 * face, the kana, Latin letters and punctuation that any Japanese text
 * uses, so that the first document finds them loaded.  Typesetting
 * would do the same on demand: this only lets another thread do it
 * sooner, while the content is still being read.
 */
void		 wp_fonts_warm(struct wp_fonts *, const struct wp_style *);

struct wp_para;

/*
 * Sets a composed paragraph (wp_para_compose() done) in a style at a
 * width with a first-line indent (points): Pango breaks the lines,
 * wp_justify() finishes them.  The caller owns the layout and checks
 * pango_layout_get_unknown_glyphs_count().
 */
PangoLayout	*wp_typeset(struct wp_fonts *, const struct wp_text_style *,
		    const struct wp_para *, double width, double indent);

enum wp_item_kind {
	ITEM_TEXT,	/* line at (x, y) = origin on the baseline */
	ITEM_RECT,	/* box (x, y, w, h): fill and/or stroke */
	ITEM_RULE,	/* line from (x, y) to (x + w, y + h) */
	ITEM_DISC,	/* bullet: centre (x, y), radius w */
	ITEM_CHECK,	/* check mark in the box (x, y, w, h) */
	ITEM_LINK	/* clickable (x, y, w, h) to target */
};

#define WP_NOCOLOR	0xFFFFFFFFu

struct wp_item {
	enum wp_item_kind kind;
	double		 x, y, w, h;
	PangoLayoutLine	*line;		/* TEXT; its layout is kept by the doc */
	double		 scale;		/* TEXT drawn at this scale (0: 1) */
	unsigned	 fill, stroke;	/* 0xRRGGBB or WP_NOCOLOR */
	double		 lw;		/* stroke width */
	char		*target;	/* LINK: "#id" in the document, or a URI */
};

struct wp_page {
	struct wp_item	*items;
	size_t		 n, cap;
};

struct wp_mark {			/* a bookmark */
	int		 level;		/* 1 is the top */
	char		*title;
	char		*id;		/* its destination */
};

struct wp_dest {
	char		*id;
	int		 page;		/* 0-based */
	double		 y;
};

struct wp_doc {
	double		 page_w, page_h;
	struct wp_page	*pages;
	size_t		 npages;
	struct wp_mark	*marks;
	size_t		 nmarks;
	struct wp_dest	*dests;
	size_t		 ndests;
	GPtrArray	*layouts;	/* owns every PangoLayout drawn */
	char		*title, *author, *subject, *keywords;
	char		*short_name, *kind;	/* for running heads */
	char		*date;		/* ISO date of the newest revision */
};

/*
 * Typesets a document model.  Returns NULL after reporting (a missing
 * glyph, say); free with wp_doc_free().  Neither argument is kept.
 */
struct wp_doc	*wp_layout(struct wp_fonts *, const struct wp_style *,
		    xmlDocPtr model);
void		 wp_doc_free(struct wp_doc *);

/* The destination of an id, or NULL. */
const struct wp_dest *wp_doc_dest(const struct wp_doc *, const char *id);

/*
 * Writes the display list as text, one item a line ("page 3",
 * "text 85.0 120.4 |...|"), for tests that compare layouts.
 */
void		 wp_doc_dump(const struct wp_doc *, FILE *);

#endif
