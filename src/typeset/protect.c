/*
 * protect: what a line must not break inside (JLReq 3.1.10): Latin
 * tokens with punctuation in them (ISO/IEC, CLD.9.5.2, 27017:2015),
 * standard designations with their number (ISO/IEC 27017:2015, NIST SP
 * 800-88), a number with its counter or unit (35 カテゴリ, 10 営業日,
 * 第 1.7 版, 100 GB), each piece of a URL between the places it may
 * break, and each phrase of display text.  Pango's line breaking (UAX
 * #14) breaks inside all of these; each is kept whole with
 * pango_attr_allow_breaks_new(FALSE) by compose.c.
 */
#include <string.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "typeset/compose.h"
#include "typeset/composeint.h"

void
wp_protect(struct out *o, size_t start, size_t end)
{
	if (end <= start + 1)
		return;
	o->protect = wp_grow(o->protect, &o->protcap, o->nprotect,
	    sizeof(*o->protect));
	o->protect[o->nprotect++] = (struct range){ start, end };
}

static int
alnum(gunichar c)
{
	return c < 0x80 && g_ascii_isalnum(c);
}

static int
digit(gunichar c)
{
	return c >= '0' && c <= '9';
}

/* A printable ASCII character of a token (no space). */
static int
tokench(const struct outch *c)
{
	return c->kind == OUT_REAL && c->c > 0x20 && c->c < 0x7F && !c->url;
}

static int
space(const struct outch *c)
{
	return c->kind == OUT_QSPACE || c->c == ' ';
}

void
wp_protect_tokens(struct out *o)
{
	size_t	 i = 0, j;
	int	 punct;

	while (i < o->n) {
		if (!tokench(&o->ch[i])) {
			i++;
			continue;
		}
		punct = 0;
		for (j = i; j < o->n && tokench(&o->ch[j]); j++)
			punct |= !alnum(o->ch[j].c);
		if (punct)
			wp_protect(o, i, j);
		i = j;
	}
}

/* Whether o->ch from i spells s (ASCII); a space in s matches either
 * space.  Returns the index after it, or 0. */
static size_t
spells(const struct out *o, size_t i, const char *s)
{
	for (; *s != '\0'; s++, i++) {
		if (i >= o->n)
			return 0;
		if (*s == ' ' ? !space(&o->ch[i]) : o->ch[i].c != (gunichar)*s)
			return 0;
	}
	return i;
}

/* The end of a number from i: digits, and . , : - between digits. */
static size_t
number_end(const struct out *o, size_t i)
{
	size_t	 start = i;

	for (; i < o->n; i++) {
		gunichar c = o->ch[i].c;
		if (digit(c))
			continue;
		if ((c == '.' || c == ',' || c == ':' || c == '-') &&
		    i > start && i + 1 < o->n && digit(o->ch[i + 1].c))
			continue;
		break;
	}
	return i;
}

void
wp_protect_designations(struct out *o)
{
	static const char *const names[] = { "ISO/IEC", "ISO", "IEC",
	    "NIST SP", "RFC", "JIS" };
	size_t	 i, k, e;

	for (i = 0; i < o->n; i++) {
		if (i > 0 && tokench(&o->ch[i - 1]))
			continue;
		for (k = 0; k < sizeof(names) / sizeof(*names); k++)
			if ((e = spells(o, i, names[k])) != 0)
				break;
		if (k == sizeof(names) / sizeof(*names))
			continue;
		if (k + 1 == sizeof(names) / sizeof(*names)) {	/* JIS X */
			if (e < o->n && space(&o->ch[e]))
				e++;
			if (e >= o->n || o->ch[e].c < 'A' || o->ch[e].c > 'Z')
				continue;
			e++;
		}
		if (e < o->n && space(&o->ch[e]))
			e++;
		if (e < o->n && digit(o->ch[e].c))
			wp_protect(o, i, number_end(o, e));
	}
}

/* Counters and units a number is never parted from, longest first. */
static const gunichar *const counters[] = {
	U"カテゴリ", U"営業日", U"ヶ月", U"か月", U"カ月", U"年間", U"年度",
	U"年目", U"月間", U"日間", U"日目", U"週間", U"時間", U"分間",
	U"回目", U"箇所", U"箇条", U"Gbps", U"Mbps", U"Kbps", U"bps",
	U"年", U"月", U"日", U"週", U"時", U"分", U"秒", U"件", U"個", U"名",
	U"人", U"回", U"台", U"円", U"倍", U"歳", U"版", U"章", U"節", U"条",
	U"項", U"%", U"％", U"KB", U"MB", U"GB", U"TB", U"PB", U"ms",
};

/* The end of the counter at i, or 0. */
static size_t
counter_end(const struct out *o, size_t i)
{
	for (size_t k = 0; k < sizeof(counters) / sizeof(*counters); k++) {
		size_t j = i;
		const gunichar *c = counters[k];
		while (*c != 0 && j < o->n && o->ch[j].c == *c)
			c++, j++;
		/* a Latin unit is a whole word: "100 GBytes" is not GB */
		if (*c == 0 && !(alnum(o->ch[j - 1].c) && j < o->n &&
		    alnum(o->ch[j].c)))
			return j;
	}
	return 0;
}

void
wp_protect_counts(struct out *o)
{
	size_t	 i, s, e, c;

	for (i = 0; i < o->n; i++) {
		if (!digit(o->ch[i].c) || o->ch[i].url ||
		    (i > 0 && (alnum(o->ch[i - 1].c) || o->ch[i - 1].c == '.')))
			continue;
		e = number_end(o, i);
		c = e < o->n && space(&o->ch[e]) ? e + 1 : e;
		if ((c = counter_end(o, c)) == 0)
			continue;
		s = i;
		/* 第 1.7 版: the ordinal prefix too */
		if (s > 0 && space(&o->ch[s - 1]) && s > 1 &&
		    o->ch[s - 2].c == 0x7B2C)
			s -= 2;
		else if (s > 0 && o->ch[s - 1].c == 0x7B2C)
			s--;
		wp_protect(o, s, c);
		i = e;
	}
}

/*
 * Protects o->ch[start, end) of a URL when Pango could break inside it:
 * when a character before its last is other than an ASCII letter or
 * digit (UAX #14 breaks neither between those nor before the
 * punctuation that ends a piece, "a/" or "example.").  Fewer
 * protections, fewer attributes: Pango's attribute pass costs the
 * text's length for each, and a 10,000-letter address of one-letter
 * pieces took half a second.
 */
static void
protect_piece(struct out *o, size_t start, size_t end)
{
	for (size_t i = start; i + 1 < end; i++)
		if (o->ch[i].kind == OUT_REAL && !alnum(o->ch[i].c)) {
			wp_protect(o, start, end);
			return;
		}
}

void
wp_protect_urls(struct out *o)
{
	size_t	 i = 0, start;

	while (i < o->n) {
		if (!o->ch[i].url) {
			i++;
			continue;
		}
		start = i;
		for (; i < o->n && o->ch[i].url; i++)
			if (o->ch[i].kind == OUT_ZWSP ||
			    o->ch[i].kind == OUT_SOFT) {
				protect_piece(o, start, i);
				start = i + 1;
			}
		protect_piece(o, start, i);
	}
}

void
wp_protect_phrases(struct out *o)
{
	size_t	 i = 0, start;

	while (i < o->n) {
		if (!(o->ch[i].flags & RUN_PHRASED)) {
			i++;
			continue;
		}
		start = i;
		for (; i < o->n && (o->ch[i].flags & RUN_PHRASED); i++)
			if (o->ch[i].phrase || o->ch[i].c == 0x2028) {
				wp_protect(o, start, i);
				start = i + 1;
			}
		wp_protect(o, start, i);
	}
}

gunichar
wp_out_class(const struct outch *c)
{
	if (!c->fw)
		return c->c;
	switch (c->c) {
	case 0x201C:			/* “ */
		return 0xFF08;
	case 0x201D:			/* ” */
		return 0xFF09;
	default:
		return c->c + 0xFEE0;	/* ( ) to （ ） */
	}
}
