/*
 * sfnt: TrueType font programs taken apart and put together again, for
 * the PDF's text drawn in faces without outlines (pdffont.c says why):
 * the stand-in face made from a font, and the outlines put back into
 * the subset cairo cut from the stand-in.
 */
#ifndef WP_SFNT_H
#define WP_SFNT_H

#include <stddef.h>

#include <glib.h>

/*
 * A copy of the TrueType font at font (n bytes) whose every glyph that
 * has an outline is a stub: its box's two corners as the one contour's
 * points, and after them a mark, id and the glyph's number (which
 * wp_sfnt_restore() reads).  Every other table is the font's, so the
 * copy is shaped, measured and subset as the font is.  Returns a new
 * array (g_byte_array_unref() it), or NULL if the font is not a plain
 * TrueType font (a collection, CFF outlines), has a composite glyph, or
 * is damaged.
 */
GByteArray	*wp_sfnt_stub(const guint8 *font, size_t n, unsigned id);

/*
 * Whether the font program sub (n bytes) holds stub glyphs: 1, and the
 * id their stand-in was made with in *id; 0 if it holds none.
 */
int		 wp_sfnt_stub_id(const guint8 *sub, size_t n, unsigned *id);

/*
 * The font program sub (n bytes), cut from a stand-in for font (fn
 * bytes), as it would have been cut from font itself: each stub glyph
 * the font's outline, loca and head the font's kind, the tables laid out
 * and summed as cairo 1.16 lays out a subset (cairo-truetype-subset.c).
 * Returns a new array (g_byte_array_unref() it), or NULL and why
 * (static) in *why.
 */
GByteArray	*wp_sfnt_restore(const guint8 *sub, size_t n,
		    const guint8 *font, size_t fn, const char **why);

#endif
