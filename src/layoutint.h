/*
 * layoutint: what the typesetter's parts share.  layout.c owns the
 * builder (boxes of items, text set into lines, pagination); flow.c
 * walks the document model; figure.c draws the figures.
 */
#ifndef WP_LAYOUTINT_H
#define WP_LAYOUTINT_H

#include "compose.h"
#include "layout.h"
#include "load.h"
#include "paginate.h"

struct wp_fonts {
	void		*config;	/* FcConfig */
	PangoFontMap	*map;
	PangoContext	*context;
};

/* A box: the unit of pagination (a line, a heading, a table row). */
struct box {
	struct wp_item	*items;		/* y relative to the box's top */
	size_t		 n, cap;
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

struct builder {
	struct wp_fonts		*fonts;
	const struct wp_style	*st;
	struct wp_doc		*doc;
	struct box		*boxes;
	size_t			 n, cap;
	double			 pending;	/* space after the last block */
	int			 keep_next;	/* lines still kept with a heading */
	int			 failed;	/* an error was reported */
	char			*src;		/* the block being set: file:line */
	char			*glyph_src;	/* where a missing glyph was */
	gunichar		 glyph;		/* last reported, and which */
};

/* A text set into lines. */
struct setpara {
	PangoLayout		*layout;	/* owned by the doc */
	const struct wp_para	*para;
	const struct wp_text_style *ts;
	double			 width;		/* the measure it was set to */
	double			 indent;	/* first line */
};

struct box	*box_new(struct builder *, double before);
struct wp_item	*item_add(struct box *, enum wp_item_kind);
void		 box_dest(struct box *, const char *id, int mark,
		    const char *title);

/*
 * Sets a paragraph (taking it over: it lives as long as the doc) in a
 * role at a width, first line indented.  Returns 0, or -1 after
 * reporting a missing glyph.
 */
int		 set_para(struct builder *, struct setpara *, struct wp_para *,
		    enum wp_role, double width, double indent);
/* Sets plain text (no links, no emphasis). */
int		 set_text(struct builder *, struct setpara *, const char *,
		    enum wp_role, double width);
int		 set_lines(const struct setpara *);
/* Where line i starts, for the style's alignment, from the left edge. */
double		 line_x(const struct setpara *, int i);
double		 line_w(const struct setpara *, int i);
/*
 * Sets one line: lead (a heading's number, or NULL), then text starting
 * at col (or 0.4 em after it if col is 0), then, if page is given, leaders and the page number ending at
 * width.  One line of text, so that a reader's copy (and pdftotext) has
 * "1.1 title……12" as written.
 */
int		 set_entry(struct builder *, struct setpara *, enum wp_role,
		    const char *lead, const char *text, double col,
		    const char *page, double width);
/* The text of line i as written (g_free it). */
char		*line_text(const struct setpara *, int i);
/* Puts every line in a box from top y; returns the y below them. */
double		 put_lines(struct box *, const struct setpara *, double x,
		    double y);
/* Points messages at a model element's source. */
void		 at_source(struct builder *, xmlNodePtr);
/* Adds line i as text (and its links) to a box, baseline at y. */
void		 put_line(struct box *, const struct setpara *, int i,
		    double x, double y);
/* The baseline of a line in a pitch-tall slot. */
double		 baseline(const struct wp_text_style *);
/* Adds a set text as one box per line, with orphan and widow keeps. */
void		 add_lines(struct builder *, const struct setpara *, double x);
/* Collects a model element's inline content into a paragraph. */
void		 para_inline(struct wp_para *, xmlNodePtr, unsigned flags,
		    const char *target);
char		*src_of(xmlNodePtr);	/* the src attribute; caller frees */
char		*prop(xmlNodePtr, const char *);	/* caller frees */

void		 flow_document(struct builder *, xmlDocPtr);
void		 figure(struct builder *, xmlNodePtr);

#endif
