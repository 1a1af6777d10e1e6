/*
 * doc: a typeset document, the typesetter's result and the renderer's
 * input: pages of positioned items (a display list), lines of text
 * already broken, justified and placed, rules and boxes, links; the
 * destinations that the contents, bookmarks and cross-references point
 * at; the bookmarks; the metadata; and the structure a reader that
 * reads aloud or reflows needs: which element each item belongs to.
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

/*
 * The document's structure: a tree of elements in reading order, the
 * walkers' record of what each item is (typeset/walk.h).  The renderer
 * writes it as the PDF's structure tree; the names say what the
 * elements are, not how a format spells them.
 */
enum wp_elem_type {
	EL_DOCUMENT,	/* the root, elems[0] */
	EL_SECT,	/* the cover, a section, chapter or clause */
	EL_H1, EL_H2, EL_H3,
	EL_P,
	EL_L, EL_LI, EL_LBL, EL_LBODY,	/* a list, its items, marker, body */
	EL_TABLE, EL_TR, EL_TH, EL_TD,
	EL_FIGURE, EL_CAPTION,
	EL_TOC, EL_TOCI,	/* the contents and an entry */
	EL_LINK,
	EL_SPAN		/* text in another language than the document's */
};

struct wp_elem {
	enum wp_elem_type type;
	int		 parent;	/* index in elems, -1 for the root */
	char		*alt;		/* FIGURE: what it shows, as text;
					   LINK: what it says */
	char		*actual;	/* LBL: the text a drawn marker is */
	const char	*lang;		/* SPAN: its language (static) */
	int		 row_head;	/* TH: heads its row, not its column */
};

/*
 * An item's element: an index in the doc's elems, or WP_ARTIFACT for
 * what is not content (running heads, page numbers, rules, shading,
 * leaders).  The root holds no item of its own, so its index says so.
 */
#define WP_ARTIFACT	0

struct wp_item {
	enum wp_item_kind kind;
	double		 x, y, w, h;
	PangoLayoutLine	*line;		/* TEXT; its layout is kept by the doc */
	unsigned	 start, end;	/* TEXT: the piece of the line drawn, as
					   bytes of its layout's text (0, 0:
					   all of it); a line whose pieces
					   belong to other elements (a link,
					   leaders) is an item a piece, each
					   at the line's origin */
	double		 scale;		/* TEXT drawn at this scale (0: 1) */
	unsigned	 fill, stroke;	/* 0xRRGGBB or WP_NOCOLOR */
	double		 lw;		/* stroke width */
	char		*target;	/* LINK: "#id" in the document, or a URI */
	int		 change;	/* RULE: a change bar (a reviewer's copy) */
	int		 elem;		/* its element, or WP_ARTIFACT; a LINK's
					   is the link's (EL_LINK) */
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
	GPtrArray	*paras;		/* owns every paragraph set */
	char		*title, *author, *subject, *keywords;
	char		*short_name, *kind;	/* for running heads */
	char		*date;		/* ISO date of the newest revision */
	const char	*lang;		/* the language it is written in */
	struct wp_elem	*elems;		/* the structure; elems[0] the root */
	size_t		 nelems, elemcap;
};

/* A new, empty document of pages page_w by page_h points. */
struct wp_doc	*wp_doc_new(double page_w, double page_h);
void		 wp_doc_free(struct wp_doc *);

/*
 * Adds an element of a type under parent (an index in elems) after its
 * other children; returns its index.
 */
int		 wp_doc_elem(struct wp_doc *, enum wp_elem_type, int parent);

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
 * typesetting change reads as a diff of these.  A line drawn in pieces
 * is written once.
 */
void		 wp_doc_dump(const struct wp_doc *, FILE *);

#endif
