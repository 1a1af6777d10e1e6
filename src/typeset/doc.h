/*
 * doc: a typeset document, the typesetter's result and the renderer's
 * input: pages of positioned items (a display list), lines of text
 * already broken, justified and placed, rules and boxes, links; the
 * destinations that the contents, bookmarks and cross-references point
 * at; the bookmarks; the metadata.
 */
#ifndef WP_DOC_H
#define WP_DOC_H

#include <stdio.h>

#include <pango/pango.h>

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
	int		 change;	/* RULE: a change bar (a reviewer's copy) */
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

/* A new, empty document of pages page_w by page_h points. */
struct wp_doc	*wp_doc_new(double page_w, double page_h);
void		 wp_doc_free(struct wp_doc *);

/* Adds a copy of an item to a page, moved by (dx, dy); returns it. */
struct wp_item	*wp_page_add(struct wp_page *, const struct wp_item *,
		    double dx, double dy);
/* Records where an id's destination is. */
void		 wp_doc_add_dest(struct wp_doc *, const char *id, int page,
		    double y);
/* The destination of an id, or NULL. */
const struct wp_dest *wp_doc_dest(const struct wp_doc *, const char *id);

/*
 * Writes where the lines and pages break, as text: "=== page 3", then a
 * line of text a line, "baseline x text" (points), then the bookmarks,
 * "mark level id title".  For `wpgen layout` and the layout goldens: a
 * typesetting change reads as a diff of these.
 */
void		 wp_doc_dump(const struct wp_doc *, FILE *);

#endif
