/*
 * chars: text as Unicode code points, and the classes of characters that
 * Japanese composition (JLReq, appendix A) and the comparison of Japanese
 * text need.  One module for the composer, lint and chardiff, so that
 * they agree on what a character is.
 */
#ifndef WP_CHARS_H
#define WP_CHARS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decodes len bytes of UTF-8 into a new array of code points, returned in
 * *cp, and, unless off is NULL, a new array of each one's byte offset and
 * the end's in *off (the caller frees both).  A byte that starts no
 * well-formed sequence stands for itself, as 0x110000 plus the byte, so
 * that it equals only the same byte and comes back as it was.  Returns
 * how many code points.
 */
size_t	 wp_utf8_decode(const char *s, size_t len, uint32_t **cp,
	    size_t **off);
/* Writes c as UTF-8 into buf (room for 4 bytes); returns how many. */
size_t	 wp_utf8_put(char *buf, uint32_t c);

/* JLReq's classes, as the composer uses them. */
int	 wp_is_japanese(uint32_t);	/* kana, kanji, ー々〻 */
int	 wp_is_latin(uint32_t);		/* Latin letters and digits */
int	 wp_is_open(uint32_t);		/* cl-01 */
int	 wp_is_close(uint32_t);		/* cl-02, cl-06, cl-07 full-width */
int	 wp_no_line_start(uint32_t);	/* cl-02..07, 09..11 */
/* One of a pair of full-width brackets and stops (JLReq 3.1.4). */
int	 wp_is_fw_punct(uint32_t);

/*
 * The kinds of character that make a word when Japanese text is read
 * without spaces: a run of one kind is a word (lint).
 */
enum wp_char_kind {
	WP_CH_OTHER, WP_CH_SPACE, WP_CH_LATIN, WP_CH_DIGIT,
	WP_CH_HIRAGANA, WP_CH_KATAKANA, WP_CH_KANJI
};
enum wp_char_kind wp_char_kind(uint32_t);
/* Full-width ASCII as ASCII: （ and ( read the same. */
uint32_t wp_char_fold(uint32_t);

#endif
