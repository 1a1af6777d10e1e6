/*
 * justify: wpgen's own line finishing, after Pango has broken a
 * paragraph into lines (JLReq 3.8).  Pango's set_justify() puts all the
 * slack into Latin word spaces and stretches Latin words; this module
 * edits the glyph widths of each line instead, in JLReq order.
 */
#ifndef WP_JUSTIFY_H
#define WP_JUSTIFY_H

#include <pango/pango.h>

/*
 * Finishes every line of a laid-out paragraph: white space at a line's
 * ends takes no room, a line-initial opening bracket loses its leading
 * half em, and, when justify is set, every line but the paragraph's
 * last (or one ended by a forced break) is filled to the layout's width:
 * word spaces up to 1/2 em, Japanese-Latin spaces up to 1/2 em, other
 * break opportunities up to 1/4 em, then evenly.  em is in Pango units.
 */
void	 wp_justify(PangoLayout *, int em, int justify);

/* The width of a line as drawn (Pango units), after wp_justify(). */
int	 wp_line_width(PangoLayoutLine *);

#endif
