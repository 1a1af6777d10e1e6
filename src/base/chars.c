/*
 * chars: UTF-8 and character classes.  The JLReq lists are kept as
 * strings of the characters themselves, so that they read as the
 * standard writes them.
 */
#include <pthread.h>
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
 * The classes below, as the standard writes them.  The typesetter asks
 * them of every character at every break it weighs (half a million
 * times a build of five services); each is decoded once into a bit a
 * character of the Basic Multilingual Plane, where all of theirs are (a
 * search of the string for the character's UTF-8 bytes was one
 * twentieth of the typesetting thread's instructions).
 */
enum { OPEN, CLOSE, NO_START, FW_OPEN, SETS };

static const char *const set_chars[SETS] = {
	[OPEN] = "‘“(〔[{〈《「『【⦅〘〖«〝（［｛｟｢",
	[CLOSE] = "）］｝｠〕〉》」』】〙〗、。，．",
	[NO_START] = "’”)〕]}〉》」』】⦆〙〗»〟）］｝｠｣"
	    "‐〜゠–～!?‼⁇⁈⁉！？・:;：；･。.．｡、,，､ヽヾゝゞ々〻ーｰ"
	    "ぁぃぅぇぉァィゥェォっゃゅょゎゕゖッャュョヮヵヶ"
	    "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ",
	[FW_OPEN] = "（［｛｟〔〈《「『【〘〖",
};
static uint32_t		 set_bits[SETS][0x10000 / 32];
static pthread_once_t	 decoded = PTHREAD_ONCE_INIT;

static void
decode_sets(void)
{
	for (int i = 0; i < SETS; i++) {
		uint32_t	*c;
		size_t		 n = wp_utf8_decode(set_chars[i],
				    strlen(set_chars[i]), &c, NULL);

		for (size_t k = 0; k < n; k++)
			if (c[k] < 0x10000)
				set_bits[i][c[k] >> 5] |= 1u << (c[k] & 31);
		free(c);
	}
}

/* Whether c is one of the characters of set i. */
static int
in(uint32_t c, int i)
{
	pthread_once(&decoded, decode_sets);
	return c < 0x10000 && (set_bits[i][c >> 5] >> (c & 31) & 1);
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
	return in(c, OPEN);
}

int
wp_is_close(uint32_t c)
{
	return in(c, CLOSE);
}

int
wp_no_line_start(uint32_t c)
{
	return in(c, NO_START);
}

int
wp_is_fw_punct(uint32_t c)
{
	return in(c, CLOSE) || in(c, FW_OPEN);
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
