/*
 * style: the PDF's look, read from templates/style/pdf.xml (validated
 * against schema/style.rng) into plain numbers.  All lengths are in
 * points; colours are 0xRRGGBB.
 */
#ifndef WP_STYLE_H
#define WP_STYLE_H

#include <libxml/tree.h>

enum wp_role {
	ROLE_BODY, ROLE_LIST, ROLE_SECTION, ROLE_CHAPTER, ROLE_CLAUSE,
	ROLE_LABEL, ROLE_CAPTION, ROLE_FIGURE, ROLE_TABLE, ROLE_TABLE_HEAD,
	ROLE_TOC_TITLE, ROLE_TOC1, ROLE_TOC2, ROLE_TOC3, ROLE_FOOTER,
	ROLE_SMALL, ROLE_COVER_KIND, ROLE_COVER_TITLE, ROLE_COVER_META,
	ROLE_COVER_PUBLISHER,
	ROLE__MAX
};

enum wp_align { ALIGN_JUSTIFY, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

struct wp_text_style {
	char		*family;
	int		 weight;	/* 400 or 700 */
	double		 size;
	double		 pitch;		/* line pitch: size * leading */
	double		 before, after;	/* space around the block */
	double		 indent;	/* first line */
	enum wp_align	 align;
	unsigned	 color;
	long		 line;		/* of its <text> in the style file */
};

enum wp_color {
	COLOR_ACCENT, COLOR_RULE, COLOR_SHADE, COLOR_LINK,
	COLOR_CUSTOMER, COLOR_CUSTOMER_EDGE, COLOR_PROVIDER, COLOR_PROVIDER_EDGE,
	COLOR_CHANGE,		/* inserted and deleted text, change bars */
	COLOR__MAX
};

struct wp_style {
	double		 page_w, page_h;
	double		 top, bottom;	/* margins */
	double		 left;		/* computed: centres the measure */
	double		 measure;	/* body width: a whole number of em */
	double		 footer_offset;	/* footer baseline above the page foot */
	char		*footer_pattern;/* "{page}" is the page number */
	double		 header_offset;	/* header baseline below the page top */
	char		*header_pattern;/* NULL: no header */
	int		 section_new_page, chapter_new_page;
	int		 keep_lines;	/* lines kept with a heading */
	int		 orphans, widows;
	int		 toc_depth;
	double		 toc_indent, toc_number_w;
	unsigned	 colors[COLOR__MAX];
	/* the parts' look: "em" values are factors of the part's own
	 * text size; the others points, or fractions where said */
	double		 number_gap;	/* em: a heading's number to its title */
	double		 section_rule, section_rule_below;	/* pt, em */
	double		 chapter_rule, chapter_rule_below;	/* pt, em */
	double		 marker_gap;	/* em: a list marker to its text */
	double		 bullet_column;	/* em: a bulleted list's markers */
	double		 label_pad;	/* em: round the control-number tag */
	double		 cell_pad, cell_vpad;	/* em: inside a table cell */
	double		 table_rule;
	double		 cover_title_at;	/* fraction of the text height */
	double		 cover_title_gap;
	double		 cover_meta_at;		/* fraction of the text height */
	int		 cover_publisher_lines;	/* from the foot */
	double		 cover_bar;
	double		 colophon_indent;	/* em of small text */
	double		 colophon_before;	/* em of body text */
	double		 colophon_bar;
	double		 figure_width;		/* fraction of the measure */
	double		 figure_column;		/* em of figure text */
	double		 figure_gap, figure_pad, figure_layer_pad, figure_line;
	int		 figure_chips;		/* chips a row at most */
	double		 change_bar, change_gap;	/* pt: a change bar's
						   width, its gap to the text */
	char		*em_family;	/* emphasis: this family, bold */
	int		 fullwidth_punct;	/* ASCII ( ) “ ” in Japanese */
	long		 em_line;	/* of <emphasis> */
	char		*file;		/* the style file, for messages */
	struct wp_text_style text[ROLE__MAX];
};

/*
 * Loads templates/style/pdf.xml from a templates folder, validated
 * against schema/style.rng; NULL after reporting.  Free with
 * wp_style_free().
 */
struct wp_style	*wp_style_load(const char *templates);

/*
 * Reads a validated style document; file names it in messages.
 * Returns NULL after reporting; free with wp_style_free().
 */
struct wp_style	*wp_style_read(xmlDocPtr, const char *file);
void		 wp_style_free(struct wp_style *);

/* Parses "12pt", "10mm" or "1.5em" (em = size); -1 if malformed. */
double		 wp_style_length(const char *, double size);

#endif
