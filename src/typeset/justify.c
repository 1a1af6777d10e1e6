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

enum { GAP_NONE, GAP_SPACE, GAP_MIXED, GAP_BREAK, GAP__MAX };

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

/* Shares slack among the gaps: each class up to its limit, in order,
 * then evenly among all of them. */
static void
fill(struct cluster *c, size_t n, const int *cls, const int *cap, int slack)
{
	int	*extra = wp_calloc(n, sizeof(*extra));
	int	 k, total, given, ngaps = 0, even;
	size_t	 i;

	for (k = GAP_SPACE; k < GAP__MAX && slack > 0; k++) {
		total = 0;
		for (i = 0; i < n; i++)
			if (cls[i] == k)
				total += cap[i];
		if (total <= 0)
			continue;
		given = slack < total ? slack : total;
		for (i = 0; i < n; i++)
			if (cls[i] == k)
				extra[i] += (int)((double)cap[i] * given / total);
		slack -= given;
	}
	/* evenly: between characters, keeping spaces within 1/2 em, unless
	 * the line has nothing else to stretch */
	for (i = 0; i < n; i++)
		ngaps += cls[i] == GAP_BREAK;
	even = ngaps > 0 ? GAP_BREAK : GAP_NONE;
	if (ngaps == 0)
		for (i = 0; i < n; i++)
			ngaps += cls[i] != GAP_NONE;
	for (i = 0; i < n; i++) {
		if (cls[i] != GAP_NONE && (even == GAP_NONE || cls[i] == even) &&
		    slack > 0)
			extra[i] += slack / ngaps;
		c[i].glyphs->glyphs[c[i].last].geometry.width += extra[i];
	}
	free(extra);
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
    int em)
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
	if (c[n - 1].lastc == 0x2028 || (*end != '\0' &&
	    g_utf8_get_char(end) == 0x2028))
		justify = 0;			/* a forced break */
	for (i = 0; i < n && (c[i].c == WP_QSPACE || c[i].c == ' '); i++)
		zero(&c[i]);
	if (!line->is_paragraph_start && i < n && wp_is_open(c[i].c) &&
	    c[i].c >= 0x3000 && cluster_width(&c[i]) > em * 3 / 4) {
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

/*
 * Fills a line to the width: each gap classed by what surrounds it,
 * the slack shared by class (fill()), the rounding remainder onto the
 * last gap between characters (or, failing that, any gap), so that the
 * line ends exactly at the measure.
 */
static void
spread(PangoLayout *lay, PangoLayoutLine *line, struct cluster *c, size_t n,
    const PangoLogAttr *la, int em, int width)
{
	int	*cls, *cap, slack = slack_of(lay, line, width), k;
	size_t	 i;

	if (slack <= 0)
		return;
	cls = wp_calloc(n, sizeof(*cls));
	cap = wp_calloc(n, sizeof(*cap));
	for (i = 0; i + 1 < n; i++) {
		gunichar a = c[i].lastc, b = c[i + 1].c;
		if (is_blank(b) && b != WP_ZWSP)
			continue;		/* the gap after it counts */
		if (a == ' ') {
			cls[i] = GAP_SPACE;
			cap[i] = em / 2 - cluster_width(&c[i]);
		} else if (a == WP_QSPACE) {
			cls[i] = GAP_MIXED;
			cap[i] = em / 2 - cluster_width(&c[i]);
		} else if (la[c[i].ch].is_line_break) {
			cls[i] = GAP_BREAK;
			cap[i] = em / 4;
		}
		if (cap[i] < 0)
			cap[i] = 0;
	}
	/* never past the last visible character */
	for (i = n - 1; i > 0 && is_blank(c[i].c); i--)
		cls[i - 1] = GAP_NONE;
	fill(c, n, cls, cap, slack);
	slack = slack_of(lay, line, width);
	for (k = GAP_BREAK; k > GAP_NONE; k--)
		for (i = n; i-- > 0;)
			if (cls[i] == k) {
				c[i].glyphs->glyphs[c[i].last].geometry.width +=
				    slack;
				slack = 0;
				k = GAP_NONE + 1;
				break;
			}
	free(cls);
	free(cap);
}

static void
finish_line(PangoLayout *lay, PangoLayoutLine *line, const char *text,
    const int *chars, const PangoLogAttr *la, int em, int width,
    int justify)
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
	if (trim(line, c, n, end, em) && justify && line->length > 0)
		spread(lay, line, c, n, la, em, width);
	free(c);
}

void
wp_justify(PangoLayout *lay, int em, int justify)
{
	const char		*text = pango_layout_get_text(lay);
	const PangoLogAttr	*la;
	GSList			*l;
	int			 nla, width = pango_layout_get_width(lay);
	int			*chars = char_index(text);

	la = pango_layout_get_log_attrs_readonly(lay, &nla);
	for (l = pango_layout_get_lines(lay); l != NULL; l = l->next)
		finish_line(lay, l->data, text, chars, la, em, width,
		    justify && l->next != NULL);
	free(chars);
}
