/*
 * phrase: where display text may break.  Body text breaks between any
 * two Japanese characters; a heading or a title set that way tears words
 * apart (要⏎求事項) and leaves particles at a line's head (へ⏎の取り組み).
 * Display text breaks between phrases (文節) instead, found once, here,
 * and written into the model beside each display string, so that the
 * PDF and the HTML (<wbr>) break at the same places.
 *
 * A phrase is a run of ICU's dictionary words (locale ja): a word that
 * begins with hiragana (a particle, an auxiliary, an inflection) joins
 * the word before it, a one-kanji word joins its kanji or katakana
 * neighbour (管理|策, 本|サービス), kanji and katakana words join into
 * compounds up to COMPOUND_MAX characters, and a Latin token joins what
 * it touches without a space (MXサービス, 14箇条) and the Latin or digits
 * after a space (IIJ SMX, ISO/IEC 27017).  Nothing breaks after an
 * opening bracket or before a character that may not start a line.
 *
 * A writer steers it in the source text: U+200B (ZERO WIDTH SPACE,
 * &#x200B;) allows a break where none would be, U+2060 (WORD JOINER,
 * &#x2060;) forbids one, U+2028 (LINE SEPARATOR, &#x2028;) forces one.
 */
#ifndef WP_PHRASE_H
#define WP_PHRASE_H

#include <libxml/tree.h>

#define WP_PHRASE_BREAK	0x200B		/* a break allowed */
#define WP_PHRASE_JOIN	0x2060		/* a break forbidden */
#define WP_PHRASE_LINE	0x2028		/* a break forced */

/*
 * The text s with U+200B at every break between phrases and U+2028
 * where the writer forced one (the writer's U+2060 gone), never inside
 * one of the strings keep (NULL-terminated, or NULL: the service's
 * names); a new string, which the caller frees.
 */
char	*wp_phrases(const char *s, const char *const *keep);
/* The text s without the writer's marks; a new string. */
char	*wp_phrase_plain(const char *s);

/*
 * Display strings phrased before, kept for the next model a process
 * makes (a watch's, a build's of several services, which share most of
 * their headings): ICU's dictionary is nearly all that phrasing costs.
 * For one thread at a time.
 */
struct wp_phrase_memo;
struct wp_phrase_memo	*wp_phrase_memo_new(void);
void			 wp_phrase_memo_free(struct wp_phrase_memo *);

/*
 * Gives every display string of a model (titles, headings, figure
 * labels, table headers) its phrased companion: beside an attribute x,
 * an attribute x-wbr; on an element of text, an attribute wbr.  The
 * strings themselves lose the writer's marks.  The service's name and
 * short name are never broken.  memo (or NULL) remembers the phrasing.
 */
void	 wp_phrase_model(xmlDocPtr, struct wp_phrase_memo *memo);

#endif
