/*
 * engine: the typesetter's core, which knows nothing of XML.  Text is
 * set into lines (compose.c prepares it, Pango breaks it, justify.c
 * finishes each line); lines, rules and shapes are gathered into boxes,
 * the unit of pagination; pages.c places the boxes on pages.  The model
 * walker (flow.c and its parts) drives it, and nothing here calls back.
 */
#ifndef WP_ENGINE_H
#define WP_ENGINE_H

#include "typeset/compose.h"
#include "typeset/doc.h"
#include "typeset/fonts.h"
#include "typeset/paginate.h"
#include "typeset/style.h"

/* A box: the unit of pagination (a line, a heading, a table row). */
struct wp_box {
	struct wp_item	*items;		/* y relative to the box's top */
	size_t		 n, cap;
	int		 elem;		/* the element its items are added to
					   (the current one when it was made) */
	struct wp_pbox	 pb;
	char		*dest;		/* id of a destination at its top */
	int		 no_folio;	/* its page has no page number */
	int		 mark;		/* bookmark level, or 0 */
	char		*mark_title;
	int		 line;		/* a line of text (counts for keeps) */
	char		*pageref;	/* id whose page number ends the box
					   (a contents entry), with leaders */
	char		*ref_lead;	/* its number, or NULL */
	char		*ref_text;	/* the entry's last line, set with its
					   leaders and number once known */
	double		 ref_x;		/* where that line starts */
	double		 ref_col;	/* where its text starts after the lead */
	double		 ref_base;	/* its baseline */
	enum wp_role	 ref_role;
};

/* One document being typeset. */
struct wp_engine {
	struct wp_fonts		*fonts;
	const struct wp_style	*st;
	struct wp_doc		*doc;
	struct wp_box		*boxes;
	size_t			 n, cap;
	double			 pending;	/* space after the last block */
	int			 keep_next;	/* lines still kept with a heading */
	int			 failed;	/* an error was reported */
	int			 elem;		/* the element being set (doc.h) */
	char			*src;		/* the block being set: file:line */
	char			*glyph_src;	/* where a missing glyph was */
	gunichar		 glyph;		/* last reported, and which */
	int			 bars;		/* a reviewer's copy: change
						   bars beside changed lines */
	unsigned		 mark;		/* RUN_INS or RUN_DEL over all
						   text set now (a heading
						   added or removed), or 0 */
};

/* A text set into lines. */
struct wp_lines {
	PangoLayout		*layout;	/* owned by the doc */
	const struct wp_para	*para;
	const struct wp_text_style *ts;
	double			 width;		/* the measure it was set to */
	double			 indent;	/* first line */
};

/* Starts a document (its metadata set by the caller) and ends it:
 * wp_engine_finish() frees the boxes and returns the document (placed
 * on pages by wp_engine_pages()), or NULL if an error was reported. */
void		 wp_engine_start(struct wp_engine *, struct wp_fonts *,
		    const struct wp_style *);
struct wp_doc	*wp_engine_finish(struct wp_engine *);

/* Messages about what is set next name this source ("file:line"). */
void		 wp_engine_source(struct wp_engine *, const char *src);

/* The height text has on a page: from the top margin to the bottom. */
double		 wp_engine_avail(const struct wp_engine *);

/*
 * The structure (doc.h): wp_struct_open() adds an element of a type
 * under the current one and makes it current, until wp_struct_close();
 * wp_struct_add() adds one without entering it.  Both return its index.
 * What is set meanwhile belongs to the current element: each new box's
 * items, unless a walker says otherwise (a box's or an item's elem).
 */
int		 wp_struct_open(struct wp_engine *, enum wp_elem_type);
int		 wp_struct_add(struct wp_engine *, enum wp_elem_type);
void		 wp_struct_close(struct wp_engine *);
/* An element by index, to give it its alternative text and the like. */
struct wp_elem	*wp_struct_elem(struct wp_engine *, int);

/* A new box, before points below the last (or what it asked for). */
struct wp_box	*wp_box_new(struct wp_engine *, double before);
struct wp_item	*wp_item_add(struct wp_box *, enum wp_item_kind);
/* Marks the box's top as id's destination, and a bookmark (level mark,
 * 0 for none) titled title. */
void		 wp_box_dest(struct wp_box *, const char *id, int mark,
		    const char *title);

/*
 * Sets a composed paragraph (wp_para_compose() done) in a style at a
 * width with a first-line indent (points): Pango breaks the lines,
 * wp_breaks_choose() may choose better ones (composing p again), and
 * wp_justify() finishes them.  The caller owns the layout and checks
 * pango_layout_get_unknown_glyphs_count().
 */
PangoLayout	*wp_lines_layout(struct wp_fonts *, const struct wp_text_style *,
		    struct wp_para *, double width, double indent);

/*
 * Sets a paragraph (taking it over: it lives as long as the doc) in a
 * role at a width, first line indented.  Returns 0, or -1 after
 * reporting a missing glyph.
 */
int		 wp_lines_set(struct wp_engine *, struct wp_lines *,
		    struct wp_para *, enum wp_role, double width, double indent);
/*
 * Sets display text (a title, a heading, a label) as phrased by the
 * model (U+200B between phrases, model/phrase.h): broken only between
 * phrases, its lines balanced.
 */
int		 wp_lines_display(struct wp_engine *, struct wp_lines *,
		    const char *, enum wp_role, double width);
/*
 * The widths a paragraph needs in a role, as CSS's table layout has
 * them: *pref set on one line, *min its widest unbreakable piece (at
 * the narrowest width), measured once a process for the same inputs.
 * p is not set (it may be composed); wp_lines_set() may set it
 * afterwards.
 */
void		 wp_lines_measure(struct wp_engine *, struct wp_para *,
		    enum wp_role, double *min, double *pref);
/* Sets plain text (no links, no emphasis). */
int		 wp_lines_text(struct wp_engine *, struct wp_lines *,
		    const char *, enum wp_role, double width);
/*
 * Sets one line: lead (a heading's number, or NULL), then text starting
 * at col (or 0.4 em after the lead if col is 0), then, if page is given,
 * leaders and the page number ending at width.  One line of text, so
 * that a reader's copy (and pdftotext) has "1.1 title……12" as written.
 */
int		 wp_lines_entry(struct wp_engine *, struct wp_lines *,
		    enum wp_role, const char *lead, const char *text,
		    double col, const char *page, double width);

int		 wp_lines_count(const struct wp_lines *);
/* Where line i starts, for the style's alignment, from the left edge. */
double		 wp_lines_x(const struct wp_lines *, int i);
double		 wp_lines_width(const struct wp_lines *, int i);
/* The text of line i as written (g_free it). */
char		*wp_lines_string(const struct wp_lines *, int i);

/*
 * Adds line i as text (and its links) to a box, baseline at y: in the
 * box's element, but for its pieces that are a link's (the link's
 * element) or leaders (an artifact).
 */
void		 wp_lines_put(struct wp_box *, const struct wp_lines *, int i,
		    double x, double y);
/* Puts every line in a box from top y; returns the y below them. */
double		 wp_lines_put_all(struct wp_box *, const struct wp_lines *,
		    double x, double y);
/* Adds the lines as one box each, with the style's orphans and widows. */
void		 wp_lines_flow(struct wp_engine *, const struct wp_lines *,
		    double x);

/* The baseline of a line in a pitch-tall slot. */
double		 wp_baseline(const struct wp_text_style *);

/* pages.c: places the boxes on pages, with running heads, the contents'
 * page numbers and the bookmarks. */
void		 wp_engine_pages(struct wp_engine *);

#endif
