/*
 * breaks: where a paragraph's lines break, chosen over the whole
 * paragraph rather than line by line.  Pango breaks greedily: each line
 * takes what fits, and the one before a long unbreakable run (a URL, a
 * designation such as ISO/IEC 27017:2015) is left with ems of slack,
 * which justification can only spread thinly over its characters.  A
 * Japanese setter has two more means, which this module uses as JLReq
 * 3.8 orders them: shrink a line where it allows (a full-width
 * punctuation mark gives up its half-em blank, a Japanese-Latin space
 * narrows to 1/8 em), and choose breaks so that the slack is shared by
 * several lines (total fit, after Knuth and Plass).  As a last resort a
 * URL breaks inside a piece, between two letters.  A last line of one
 * character is avoided (JLReq 3.1.10's 泣き別れ in a narrow cell: 使⏎用).
 */
#ifndef WP_BREAKS_H
#define WP_BREAKS_H

#include <pango/pango.h>

#include "typeset/compose.h"

/*
 * Chooses the breaks of a paragraph Pango has laid out in lay (at its
 * width and indent, lines not yet justified), with em the text's size
 * and justify whether its lines are filled to the width.  Returns 1 when
 * the choice differs from Pango's: then p has been composed again with
 * the breaks as forced breaks and its lines shrunk where they must be,
 * and must be laid out again (wp_lines_layout() does it).  Returns 0
 * when Pango's breaks stand.
 */
int	 wp_breaks_choose(PangoLayout *lay, struct wp_para *p, int em,
	    int justify);

#endif
