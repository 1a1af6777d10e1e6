/*
 * justify: JLReq line finishing on Pango's lines.  Each line is
 * flattened into clusters (one or more glyphs for one or more
 * characters); gaps between clusters are classed by what surrounds
 * them, and slack goes to the classes in order, each up to its limit.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "typeset/compose.h"
#include "typeset/justify.h"

struct cluster {
	PangoGlyphString *glyphs;
	int		 first, last;	/* glyph indices */
	int		 byte;		/* where its text starts */
	gunichar	 c;		/* its first character */
	gunichar	 lastc;		/* its last character */
	int		 ch;		/* char index of the next cluster's start */
};

static int
cluster_width(const struct cluster *c)
{
	int i, w = 0;

	for (i = c->first; i <= c->last; i++)
		w += c->glyphs->glyphs[i].geometry.width;
	return w;
}

static void
zero(struct cluster *c)
{
	int i;

	for (i = c->first; i <= c->last; i++)
		c->glyphs->glyphs[i].geometry.width = 0;
}

static int
is_blank(gunichar c)
{
	return c == ' ' || c == WP_QSPACE || c == WP_ZWSP || c == 0x2028 ||
	    c == 0x3000;
}

/* Flattens a line into clusters; returns how many (array caller frees). */
static size_t
clusters(PangoLayoutLine *line, const char *text, struct cluster **out)
{
	struct cluster	*v = NULL;
	size_t		 n = 0, cap = 0;
	GSList		*l;

	for (l = line->runs; l != NULL; l = l->next) {
		PangoGlyphItem	 *run = l->data;
		PangoGlyphString *g = run->glyphs;
		int		  i, j;

		for (i = 0; i < g->num_glyphs; i = j + 1) {
			for (j = i; j + 1 < g->num_glyphs &&
			    g->log_clusters[j + 1] == g->log_clusters[i]; j++)
				continue;
			v = wp_grow(v, &cap, n, sizeof(*v));
			v[n].glyphs = g;
			v[n].first = i;
			v[n].last = j;
			v[n].byte = run->item->offset + g->log_clusters[i];
			v[n].c = g_utf8_get_char(text + v[n].byte);
			n++;
		}
	}
	*out = v;
	return n;
}

int
wp_line_width(PangoLayoutLine *line)
{
	GSList	*l;
	int	 i, w = 0;

	for (l = line->runs; l != NULL; l = l->next) {
		PangoGlyphString *g = ((PangoGlyphItem *)l->data)->glyphs;
		for (i = 0; i < g->num_glyphs; i++)
			w += g->glyphs[i].geometry.width;
	}
	return w;
}

/*
 * finish_line() needs, for each cluster, the character index of the
 * next one (to read Pango's log attributes): looked up in a table of
 * the text's byte offsets, made once a paragraph (counting from the
 * text's start for each cluster made a 10,000-letter word take half a
 * second, and 200,000 letters minutes).
 */
static int *
char_index(const char *text)
{
	size_t	 n = strlen(text), i, k = 0;
	int	*at = wp_calloc(n + 1, sizeof(*at));

	for (i = 0; i <= n; i++) {
		at[i] = (int)k;
		if (i < n && ((unsigned char)text[i + 1] & 0xC0) != 0x80)
			k++;
	}
	return at;
}

/*
 * What every line gets, justified or not: the quarter-em space where
 * its advance starts; white space at the line's ends taking no room; a
 * line-initial opening bracket set solid (JLReq 3.1.5).  Returns 0 when
 * the line ends in a forced break (it is not justified), else 1.
 */
static int
trim(PangoLayoutLine *line, struct cluster *c, size_t n, const char *end,
    int em, int soft, int solid_open)
{
	size_t	 i;
	int	 justify = 1;

	/* the quarter-em space is narrowed by letter-spacing, which also
	 * moves its (invisible) glyph back by half the narrowing: put it
	 * where its advance starts, as text extraction expects */
	for (i = 0; i < n; i++)
		if (c[i].c == WP_QSPACE)
			c[i].glyphs->glyphs[c[i].first].geometry.x_offset = 0;
	for (i = n; i > 0 && is_blank(c[i - 1].c); i--)
		zero(&c[i - 1]);
	if (!soft && (c[n - 1].lastc == 0x2028 || (*end != '\0' &&
	    g_utf8_get_char(end) == 0x2028)))
		justify = 0;			/* a forced break */
	for (i = 0; i < n && (c[i].c == WP_QSPACE || c[i].c == ' '); i++)
		zero(&c[i]);
	/* full width by its advance: ( set with fwid counts too */
	if ((!line->is_paragraph_start || solid_open) && i < n &&
	    wp_is_open(c[i].c) && cluster_width(&c[i]) > em * 3 / 4) {
		c[i].glyphs->glyphs[c[i].first].geometry.x_offset -= em / 2;
		c[i].glyphs->glyphs[c[i].first].geometry.width -= em / 2;
	}
	return justify;
}

/* The room a line has left: the width, less its glyphs and, on a
 * paragraph's first line, the indent. */
static int
slack_of(PangoLayout *lay, PangoLayoutLine *line, int width)
{
	return width - wp_line_width(line) - (line->is_paragraph_start ?
	    pango_layout_get_indent(lay) : 0);
}

/* A side of a gap inside a Latin token or a URL: never spread. */
static int
latin_side(gunichar c)
{
	return (c > 0x20 && c < 0x7F) || c == WP_ZWSP;
}

int
wp_stretches(gunichar a, gunichar b, int brk)
{
	if (latin_side(a) && latin_side(b))
		return 0;
	return brk || (wp_is_japanese(a) && wp_is_japanese(b));
}

/*
 * Fills a line to the width.  The slack goes to every gap that may
 * stretch: word spaces and the spaces between Japanese and Latin take
 * WP_SPACE_SHARE shares each, the gaps between characters where a line
 * could break one share; none inside a Latin word, a token or a URL
 * (www. iij. ad. jp would not copy as one).  Nearly evenly, because a
 * reader sees a gap that is wider than its neighbours: JLReq's order
 * (word spaces first, up to half an em) left half-em holes beside Latin
 * words on lines otherwise solid, and tore 「IIJ SMX」 apart.  The
 * rounding remainder goes to the last gap, so that the line ends
 * exactly at the measure.  How much a line may need is breaks.c's
 * concern: it chooses breaks that keep this small; a line that would
 * need more than WP_SPREAD_MAX em a share (before a long URL or
 * designation that no break can part) is left short instead.
 */
static void
spread(PangoLayout *lay, PangoLayoutLine *line, struct cluster *c, size_t n,
    const PangoLogAttr *la, int em, int width)
{
	char	*share;
	int	 slack = slack_of(lay, line, width), shares = 0, ones = 0;
	int	 each, given = 0;
	size_t	 i, last = n;

	if (slack <= 0)
		return;
	share = wp_calloc(n, 1);
	for (i = 0; i + 1 < n; i++) {
		gunichar a = c[i].lastc, b = c[i + 1].c;
		if (is_blank(b) && b != WP_ZWSP)
			continue;		/* the gap after it counts */
		if (a == ' ' || a == WP_QSPACE)
			share[i] = WP_SPACE_SHARE;
		else if (wp_stretches(a, b, la[c[i].ch].is_line_break))
			share[i] = 1;
	}
	/* never past the last visible character */
	for (i = n - 1; i > 0 && is_blank(c[i].c); i--)
		share[i - 1] = 0;
	for (i = 0; i < n; i++)
		if (share[i]) {
			shares += share[i];
			ones += share[i] == 1;
			last = i;
		}
	if (WP_FILLABLE(slack, shares, ones, em, width)) {
		each = slack / shares;
		for (i = 0; i < n; i++) {
			int add = i == last ? slack - given : each * share[i];
			if (share[i] == 0)
				continue;
			c[i].glyphs->glyphs[c[i].last].geometry.width += add;
			given += add;
		}
	}
	free(share);
}

/* Whether a line ends in a break breaks.c chose (a U+2028 it put). */
static int
soft_end(const struct wp_para *p, const char *text, const char *end,
    const struct cluster *last)
{
	const char	*at = NULL;

	if (p == NULL || p->info == NULL)
		return 0;
	if (last->lastc == 0x2028)
		at = g_utf8_prev_char(end);
	else if (*end != '\0' && g_utf8_get_char(end) == 0x2028)
		at = end;
	for (size_t lo = 0, hi = p->ninfo; at != NULL && lo < hi;) {
		size_t mid = (lo + hi) / 2;
		if (p->info[mid].off == (unsigned)(at - text))
			return (p->info[mid].flags & CH_SOFT) != 0;
		if (p->info[mid].off < (unsigned)(at - text))
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void
finish_line(PangoLayout *lay, PangoLayoutLine *line, const char *text,
    const int *chars, const PangoLogAttr *la, int em, int width,
    int justify, const struct wp_para *p)
{
	struct cluster	*c;
	size_t		 n = clusters(line, text, &c), i;
	const char	*end = text + line->start_index + line->length;

	if (n == 0) {
		free(c);
		return;
	}
	for (i = 0; i < n; i++) {
		const char *next = i + 1 < n ? text + c[i + 1].byte : end;
		c[i].lastc = g_utf8_get_char(g_utf8_prev_char(next));
		c[i].ch = chars[next - text];
	}
	if (trim(line, c, n, end, em, soft_end(p, text, end, &c[n - 1]),
	    p != NULL && p->solid_open) &&
	    justify && line->length > 0)
		spread(lay, line, c, n, la, em, width);
	free(c);
}

void
wp_justify(PangoLayout *lay, const struct wp_para *p, int em, int justify,
    int width)
{
	const char		*text = pango_layout_get_text(lay);
	const PangoLogAttr	*la;
	GSList			*l;
	int			 nla;
	int			*chars = char_index(text);

	la = pango_layout_get_log_attrs_readonly(lay, &nla);
	for (l = pango_layout_get_lines(lay); l != NULL; l = l->next)
		finish_line(lay, l->data, text, chars, la, em, width,
		    justify && l->next != NULL, p);
	free(chars);
}
