/*
 * chars: UTF-8 and character classes.  The JLReq lists are kept as
 * strings of the characters themselves, so that they read as the
 * standard writes them.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/alloc.h"
#include "base/chars.h"

size_t
wp_utf8_decode(const char *s, size_t len, uint32_t **cp, size_t **off)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		*c = wp_calloc(len + 1, sizeof(*c));
	size_t			*at = off != NULL ?
				    wp_calloc(len + 1, sizeof(*at)) : NULL;
	size_t			 i = 0, n = 0;

	while (i < len) {
		size_t	 rest = len - i;
		gunichar u = g_utf8_get_char_validated((const char *)p + i,
			    (gssize)(rest < 4 ? rest : 4));
		size_t	 k = u < 0x110000 ? (size_t)g_unichar_to_utf8(u,
			    NULL) : 0;

		if (u >= 0x110000 || k == 0 || k > rest) {
			u = 0x110000 + p[i];	/* a byte that is no UTF-8 */
			k = 1;
		}
		if (at != NULL)
			at[n] = i;
		c[n++] = u;
		i += k;
	}
	if (at != NULL)
		at[n] = len;
	*cp = c;
	if (off != NULL)
		*off = at;
	return n;
}

size_t
wp_utf8_put(char *buf, uint32_t c)
{
	return (size_t)g_unichar_to_utf8(c, buf);
}

/*
 * Whether c is one of the characters of set (UTF-8).  c's own bytes are
 * looked for: a UTF-8 sequence can match only where a character of set
 * begins (no lead byte is a continuation byte), and the typesetter asks
 * this of every character at every break it weighs, so the search is a
 * strstr, not a decoding of set each time (a fifth of a warm rebuild's
 * instructions were spent here).
 */
static int
in(uint32_t c, const char *set)
{
	char	 b[8];
	size_t	 n;

	if (c == 0 || c >= 0x110000)
		return 0;
	n = (size_t)g_unichar_to_utf8(c, b);
	b[n] = '\0';
	return strstr(set, b) != NULL;
}

int
wp_is_japanese(uint32_t c)
{
	if (c == 0x30FC || c == 0x3005 || c == 0x303B)	/* ー 々 〻 */
		return 1;
	if (c == 0x30FB || c == 0x30A0)			/* ・ ゠ */
		return 0;
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0x31F0 && c <= 0x31FF);
}

int
wp_is_latin(uint32_t c)
{
	return c < 0x250 && g_unichar_isalnum(c);
}

int
wp_is_open(uint32_t c)
{
	return in(c, "‘“(〔[{〈《「『【⦅〘〖«〝（［｛｟｢");
}

int
wp_is_close(uint32_t c)
{
	return in(c, "）］｝｠〕〉》」』】〙〗、。，．");
}

int
wp_no_line_start(uint32_t c)
{
	return c != 0 && in(c, "’”)〕]}〉》」』】⦆〙〗»〟）］｝｠｣"
	    "‐〜゠–～!?‼⁇⁈⁉！？・:;：；･。.．｡、,，､ヽヾゝゞ々〻ーｰ"
	    "ぁぃぅぇぉァィゥェォっゃゅょゎゕゖッャュョヮヵヶ"
	    "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ");
}

int
wp_is_fw_punct(uint32_t c)
{
	return wp_is_close(c) || in(c, "（［｛｟〔〈《「『【〘〖");
}

enum wp_char_kind
wp_char_kind(uint32_t c)
{
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000)
		return WP_CH_SPACE;
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return WP_CH_LATIN;
	if (c >= '0' && c <= '9')
		return WP_CH_DIGIT;
	if (c >= 0x3041 && c <= 0x309F)
		return WP_CH_HIRAGANA;
	if ((c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x30FD ||
	    c == 0x30FE)
		return WP_CH_KATAKANA;
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    c == 0x3005 || c == 0x3006)
		return WP_CH_KANJI;
	return WP_CH_OTHER;
}

uint32_t
wp_char_fold(uint32_t c)
{
	return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
}
