/*
 * justify: wpgen's own line finishing, after Pango has broken a
 * paragraph into lines (JLReq 3.8).  Pango's set_justify() puts all the
 * slack into Latin word spaces and stretches Latin words; this module
 * edits the glyph widths of each line instead, in JLReq order.
 */
#ifndef WP_JUSTIFY_H
#define WP_JUSTIFY_H

#include <pango/pango.h>

#include "typeset/compose.h"

/*
 * Finishes every line of a laid-out paragraph: white space at a line's
 * ends takes no room, a line-initial opening bracket loses its leading
 * half em, and, when justify is set, every line but the paragraph's
 * last (or one ended by a forced break) is filled to the layout's width,
 * its slack shared by the word spaces, the Japanese-Latin spaces (two
 * shares each) and the gaps between Japanese characters (one), never
 * inside a Latin token or a URL.  width is the measure, em the text's size, in Pango units;
 * a line ended by a break breaks.c chose (p's CH_SOFT, p may be NULL)
 * is filled as any other.
 */
/* The most a justified line adds to a gap between characters, in em:
 * more reads as letter-spaced (弊 社 で は). */
#define WP_SPREAD_MAX	0.08
/* What a word space or a Japanese-Latin space takes of the slack, in
 * shares of a gap between characters. */
#define WP_SPACE_SHARE	2
/* The most a word space grows on a line of Latin words alone, in em
 * (to about half an em, JLReq 3.8.3's limit). */
#define WP_SPACE_GROW	0.24

/*
 * Whether a line can be filled: slack over its shares, ones of them
 * the gaps between characters, at a measure of width (em, slack and
 * width in the same units).  The limits hold at the body's 40 em; a
 * narrower measure has fewer gaps to spread a character's room over
 * and no better break to choose (a table cell), so its limit grows as
 * its characters are fewer.
 */
#define WP_FILLABLE(slack, shares, ones, em, width) ((shares) > 0 && \
	(double)(slack) / (shares) <= (em) * ((ones) > 0 ? WP_SPREAD_MAX : \
	WP_SPACE_GROW / WP_SPACE_SHARE) * ((width) < 40 * (em) ? \
	40.0 * (em) / (width) : 1))

/*
 * Whether the gap between characters a and b takes a share of a line's
 * slack (besides spaces, which take WP_SPACE_SHARE): where a line may
 * break (brk), and between any two Japanese characters (ネ|ー, フ|ィ:
 * JLReq spaces them as any others); never inside a Latin token or URL.
 */
int	 wp_stretches(gunichar a, gunichar b, int brk);

void	 wp_justify(PangoLayout *, const struct wp_para *, int em,
	    int justify, int width);

/* The width of a line as drawn (Pango units), after wp_justify(). */
int	 wp_line_width(PangoLayoutLine *);

#endif
