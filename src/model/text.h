/*
 * text: the model as plain text, one paragraph a line, headings with
 * their numbers (whitepaper.txt, `wpgen text`: for grep, git diff and
 * review), and the pieces of it that diff compares.  One writer for
 * both, so that a diff reads as the text output does.
 */
#ifndef WP_TEXT_H
#define WP_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include <libxml/tree.h>

/* How inline content is written. */
#define WP_TEXT_WRITTEN	0x01	/* a cross-reference as written,
				   "<xref CONTROL>", not as resolved */
#define WP_TEXT_HREF	0x02	/* a link's address after its text, " <href>",
				   when the two differ */
#define WP_TEXT_EM	0x04	/* emphasis between asterisks, "*text*":
				   for diff, so that emphasis added or
				   taken away shows */
#define WP_TEXT_NOMARKER 0x08	/* list items without their markers (what
				   diff aligns them by: a list renumbered
				   after an item removed) */

/* An element's inline content: text, emphasis, links, line breaks. */
void	 wp_text_inline(FILE *, const xmlNode *, unsigned flags);
/* One block: a paragraph, a list or a table; anything else, nothing. */
void	 wp_text_block(FILE *, const xmlNode *, unsigned flags, int depth);
/*
 * The blocks among parent's children, a line each (a list item or a
 * table row a line; list items indented two spaces a level, after their
 * markers); sections and figures among them are left out.
 */
void	 wp_text_blocks(FILE *, const xmlNode *parent, unsigned flags,
	    int depth);
/* A figure's data: a line a layer ("[owner] label / item / item") or
 * block ("[label] note"). */
void	 wp_text_figure(FILE *, const xmlNode *figure);

/* The whole document; a new buffer (caller frees), its length in *len. */
char	*wp_text_document(const xmlDoc *model, size_t *len);

#endif
