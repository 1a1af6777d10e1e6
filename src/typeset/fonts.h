/*
 * fonts: the fonts and the Pango context every document is set in,
 * loaded once a process from wpgen's own fontconfig file.
 */
#ifndef WP_FONTS_H
#define WP_FONTS_H

#include <pango/pango.h>

#include "typeset/style.h"

struct wp_fonts;
struct wp_setcache;

/* The fontconfig file beside a templates folder (../fonts/fonts.conf),
 * as an absolute path when it exists; caller frees. */
char		*wp_fonts_conf(const char *templates);

/*
 * Loads the private fontconfig file conf (wpgen never reads the user's
 * font settings) and the font subsets beside it.  Returns NULL after
 * reporting; free with wp_fonts_free(), last: it waits for the threads
 * Pango started.
 */
struct wp_fonts	*wp_fonts_new(const char *conf);
void		 wp_fonts_free(struct wp_fonts *);

/*
 * Checks that a font of every family the style names is there; 0, or
 * -1 after reporting each that is not (at its line in the style file).
 */
int		 wp_fonts_check(struct wp_fonts *, const struct wp_style *);

/*
 * Opens every face and size the style names and measures, in the body
 * face, the kana, Latin letters and punctuation that any Japanese text
 * uses, so that the first document finds them loaded.  Typesetting
 * would do the same on demand: this only lets another thread do it
 * sooner, while the content is still being read.
 */
void		 wp_fonts_warm(struct wp_fonts *, const struct wp_style *);

/* The paragraphs set in these fonts, kept for the next document that
 * sets them again (setcache.h); the fonts own it. */
struct wp_setcache *wp_fonts_setcache(struct wp_fonts *);

/* A new layout in a text style's face and size, breaking at words
 * (never PANGO_WRAP_CHAR: it ignores kinsoku); caller unrefs it. */
PangoLayout	*wp_fonts_layout(struct wp_fonts *, const struct wp_text_style *);

#endif
