/*
 * breaks: a paragraph's line breaks chosen over the whole paragraph
 * (breaks.h says why).  The paragraph is read back from Pango's first
 * layout as units (its glyph clusters, with their natural widths and
 * Pango's break opportunities, which already honour every protection
 * of protect.c); a line from unit i to unit j is rated by how much it
 * must stretch or shrink; the cheapest set of lines wins (dynamic
 * programming over the break opportunities, as TeX does).
 */
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "typeset/breaks.h"
#include "typeset/justify.h"

/* The ratings, as TeX's: demerits (10 + badness)^2 + penalty^2. */
#define STRETCH_GOOD	0.04	/* em between characters: badness 100 */
#define SHRINK_COST	50	/* badness of any shrinking at all */
#define URL_PENALTY	30	/* a break inside a URL, where it may */
#define PIECE_PENALTY	3000	/* a URL broken between two letters */
#define LONE_PENALTY	1e6	/* a last line of one character */

struct unit {
	int		 w;		/* natural width */
	int		 shrink;	/* what it can give up */
	size_t		 ch;		/* its first character (p->info) */
	gunichar	 c;		/* that character */
	unsigned	 brk:1;		/* a line may break before it */
	unsigned	 must:1;	/* a line breaks before it */
	unsigned	 piece:1;	/* ... only as a last resort */
	unsigned	 url:1;		/* the break before it is in a URL */
	unsigned	 blank:1;	/* takes no room at a line's ends */
	unsigned	 gap:2;		/* the gap after it: its shares of the
					 * slack (justify.c) */
};

struct para {
	struct unit	*u;
	size_t		 n, cap;
	long		*w, *s, *g, *g1;	/* prefix sums: width, shrink,
					 * shares, gaps of one share */
	int		 em, width, indent, justify;
	int		 solid_open;	/* p->solid_open */
};

/* The character at byte off of the text: p->info is in text order. */
static size_t
char_at(const struct wp_para *p, unsigned off)
{
	size_t	 lo = 0, hi = p->ninfo;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (p->info[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
is_blank(gunichar c)
{
	return c == ' ' || c == WP_QSPACE || c == WP_ZWSP || c == 0x2028;
}

/*
 * The width of a space Pango set at a line's end: Pango gives a line's
 * trailing white space an empty glyph, but here the line may end
 * elsewhere.  Asked of the font (HarfBuzz's advance, in Pango units as
 * Pango scales its fonts).
 */
static int
trailing_width(const PangoGlyphItem *gi, int em, gunichar c)
{
	hb_font_t	*hb = pango_font_get_hb_font(gi->item->analysis.font);
	hb_codepoint_t	 g;

	if ((c != ' ' && c != WP_QSPACE) || hb == NULL ||
	    !hb_font_get_nominal_glyph(hb, c, &g))
		return 0;
	/* the quarter-em space is an en space narrowed by a quarter em */
	return hb_font_get_glyph_h_advance(hb, g) -
	    (c == WP_QSPACE ? em / 4 : 0);
}

/* Reads the units of a laid-out paragraph. */
static void
read_units(struct para *q, PangoLayout *lay, const struct wp_para *p)
{
	const char		*text = pango_layout_get_text(lay);
	const PangoLogAttr	*la;
	int			 nla;

	la = pango_layout_get_log_attrs_readonly(lay, &nla);
	for (GSList *l = pango_layout_get_lines_readonly(lay); l; l = l->next)
		for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r;
		    r = r->next) {
			PangoGlyphItem	 *gi = r->data;
			PangoGlyphString *g = gi->glyphs;
			int		  i, j;
			for (i = 0; i < g->num_glyphs; i = j) {
				struct unit *u;
				unsigned off = (unsigned)(gi->item->offset +
				    g->log_clusters[i]);
				q->u = wp_grow(q->u, &q->cap, q->n,
				    sizeof(*q->u));
				u = memset(&q->u[q->n++], 0, sizeof(*u));
				u->ch = char_at(p, off);
				u->c = g_utf8_get_char(text + off);
				for (j = i; j < g->num_glyphs &&
				    g->log_clusters[j] == g->log_clusters[i];
				    j++)
					u->w += g->glyphs[j].geometry.width;
				if (u->w == 0 && is_blank(u->c))
					u->w = trailing_width(gi, q->em, u->c);
			}
		}
	for (size_t k = 0; k < q->n; k++) {
		struct unit	*u = &q->u[k];
		unsigned char	 f = p->info[u->ch].flags;
		int		 at = (int)u->ch < nla ? (int)u->ch : nla - 1;

		u->blank = is_blank(u->c);
		u->shrink = (f & CH_PUNCT) ? q->em / 2 :
		    (f & CH_QSPACE) ? q->em / 8 : 0;
		if (k == 0)
			continue;
		u->brk = la[at].is_line_break;
		u->must = la[at].is_mandatory_break;
		u->url = (f & CH_URL) && (p->info[q->u[k - 1].ch].flags & CH_URL);
		/* inside a URL piece, between two letters or digits */
		u->piece = !u->brk && u->url && u->c < 0x80 &&
		    g_ascii_isalnum(u->c) && q->u[k - 1].c < 0x80 &&
		    g_ascii_isalnum(q->u[k - 1].c);
		if (u->blank && u->c != WP_ZWSP)
			continue;		/* the gap after it counts */
		if (q->u[k - 1].c == ' ' || q->u[k - 1].c == WP_QSPACE)
			q->u[k - 1].gap = WP_SPACE_SHARE;
		else if (wp_stretches(q->u[k - 1].c, u->c, u->brk))
			q->u[k - 1].gap = 1;
	}
}

static void
sums(struct para *q)
{
	q->w = wp_calloc(q->n + 1, sizeof(*q->w));
	q->s = wp_calloc(q->n + 1, sizeof(*q->s));
	q->g = wp_calloc(q->n + 1, sizeof(*q->g));
	q->g1 = wp_calloc(q->n + 1, sizeof(*q->g1));
	for (size_t k = 0; k < q->n; k++) {
		q->w[k + 1] = q->w[k] + q->u[k].w;
		q->s[k + 1] = q->s[k] + q->u[k].shrink;
		q->g[k + 1] = q->g[k] + q->u[k].gap;
		q->g1[k + 1] = q->g1[k] + (q->u[k].gap == 1);
	}
}

/* A line of units [i, j): what it needs to fill the width. */
struct line {
	size_t		 s, e;		/* its visible units */
	long		 natural, shrink, gaps, ones;
	int		 cut;		/* a line-initial bracket's half em */
};

static void
measure(const struct para *q, size_t i, size_t j, struct line *ln)
{
	size_t	 s = i, e = j;

	while (s < e && q->u[s].blank)
		s++;
	while (e > s && q->u[e - 1].blank)
		e--;
	ln->s = s;
	ln->e = e;
	ln->natural = q->w[e] - q->w[s] + (i == 0 ? q->indent : 0);
	ln->shrink = q->s[e] - q->s[s];
	ln->gaps = e > s ? q->g[e - 1] - q->g[s] : 0;
	ln->ones = e > s ? q->g1[e - 1] - q->g1[s] : 0;
	ln->cut = 0;
	if ((i > 0 || q->solid_open) && s < e && wp_is_open(q->u[s].c) &&
	    q->u[s].w > q->em * 3 / 4) {
		ln->cut = q->em / 2;	/* justify.c sets it solid */
		ln->natural -= ln->cut;
		ln->shrink -= q->u[s].shrink;
	}
}

/* The badness of a line: how far it is from its natural width. */
static double
badness(const struct para *q, const struct line *ln, int last)
{
	double	 slack = (double)(q->width - ln->natural), r;

	if (slack < 0) {
		if (-slack > ln->shrink)
			return -1;		/* cannot be set */
		r = -slack / (double)ln->shrink;
		return SHRINK_COST + 300 * r * r * r;
	}
	if (last)
		return 0;
	if (!q->justify) {
		r = slack / q->width;
		return 100 * r * r;
	}
	if (ln->gaps == 0)	/* nothing to fill */
		return slack > q->em / 4 ? 1e4 * (1 + slack / q->em) : 0;
	/* past WP_SPREAD_MAX the line is left short: as bad as can be
	 * set, and the shorter the worse */
	if (!WP_FILLABLE(slack, ln->gaps, ln->ones, q->em, q->width))
		return 1e4 * (1 + slack / q->em);
	r = slack / (double)ln->gaps / q->em / STRETCH_GOOD;
	return 100 * r * r * r;
}

static double
demerits(const struct para *q, size_t i, size_t j)
{
	struct line	 ln;
	int		 last = j == q->n || q->u[j].must;
	double		 b, pen = 0;

	measure(q, i, j, &ln);
	if ((b = badness(q, &ln, last)) < 0)
		return -1;
	if (j < q->n && q->u[j].piece)
		pen = PIECE_PENALTY;
	else if (j < q->n && q->u[j].url)
		pen = URL_PENALTY;
	if (last && i > 0 && ln.e - ln.s == 1)
		pen += LONE_PENALTY;
	return (10 + b) * (10 + b) + pen * pen;
}

/* Whether a line may end before unit j. */
static int
candidate(const struct para *q, size_t j)
{
	return j == q->n || q->u[j].brk || q->u[j].must || q->u[j].piece;
}

/*
 * The cheapest lines: best[j] the least demerits of lines ending before
 * unit j, from[j] where the last of them starts.  Returns 0, or -1 when
 * the paragraph cannot be set without overfull lines.
 */
static int
choose(const struct para *q, size_t *from)
{
	double	*best = wp_calloc(q->n + 1, sizeof(*best));
	size_t	 i, j;

	for (j = 1; j <= q->n; j++) {
		best[j] = DBL_MAX;
		if (!candidate(q, j))
			continue;
		for (i = j; i-- > 0;) {
			double d;
			if (i > 0 && !candidate(q, i))
				continue;
			/* too long even at its narrowest: so is any longer */
			if (q->w[j] - q->w[i] - (q->s[j] - q->s[i]) - 2 * q->em >
			    q->width)
				break;
			if (best[i] < DBL_MAX &&
			    (d = demerits(q, i, j)) >= 0 && best[i] + d < best[j]) {
				best[j] = best[i] + d;
				from[j] = i;
			}
			if (i > 0 && q->u[i].must)
				break;		/* no line spans a forced break */
		}
	}
	j = best[q->n] < DBL_MAX ? 0 : (size_t)-1;
	free(best);
	return j == 0 ? 0 : -1;
}

/* Marks what a line must give up to fit: its last punctuation, then its
 * Japanese-Latin spaces, then its other punctuation from the end. */
static void
shrink_line(const struct para *q, size_t i, size_t j, unsigned char *marks)
{
	struct line	 ln;
	long		 need;
	size_t		 k;

	measure(q, i, j, &ln);
	need = ln.natural - q->width;
	if (need <= 0 || ln.e == ln.s)
		return;
	if (q->u[ln.e - 1].shrink == q->em / 2) {
		marks[q->u[ln.e - 1].ch] |= MARK_HALT;
		need -= q->em / 2;
	}
	for (k = ln.s; k < ln.e && need > 0; k++)
		if (q->u[k].shrink == q->em / 8) {
			marks[q->u[k].ch] |= MARK_NARROW;
			need -= q->em / 8;
		}
	for (k = ln.e - 1; k-- > ln.s + (ln.cut != 0) && need > 0;)
		if (q->u[k].shrink == q->em / 2 &&
		    !(marks[q->u[k].ch] & MARK_HALT)) {
			marks[q->u[k].ch] |= MARK_HALT;
			need -= q->em / 2;
		}
}

/* Whether the chosen lines are Pango's, none of them shrunk. */
static int
same_as_pango(const struct para *q, PangoLayout *lay, const size_t *from,
    const struct wp_para *p)
{
	GSList	*l = g_slist_reverse(g_slist_copy(
		    pango_layout_get_lines_readonly(lay)));
	GSList	*k = l;
	size_t	 j = q->n;
	int	 same = 1;
	struct line ln;

	while (j > 0 && same) {
		size_t i = from[j];
		PangoLayoutLine *line = k != NULL ? k->data : NULL;
		measure(q, i, j, &ln);
		same = line != NULL && ln.natural <= q->width &&
		    (i == 0 ? line->start_index == 0 :
		    p->info[q->u[i].ch].off == (unsigned)line->start_index);
		k = k != NULL ? k->next : NULL;
		j = i;
	}
	same = same && k == NULL;
	g_slist_free(l);
	return same;
}

/* Whether Pango's last line holds one visible unit. */
static int
lone_last(const struct para *q, PangoLayout *lay, const struct wp_para *p)
{
	PangoLayoutLine	*last = pango_layout_get_line_readonly(lay,
			    pango_layout_get_line_count(lay) - 1);
	size_t		 k, seen = 0;

	for (k = 0; k < q->n; k++)
		if (p->info[q->u[k].ch].off >= (unsigned)last->start_index &&
		    !q->u[k].blank)
			seen++;
	return seen == 1;
}

int
wp_breaks_choose(PangoLayout *lay, struct wp_para *p, int em, int justify)
{
	struct para	 q = { 0 };
	size_t		*from, j;
	unsigned char	*marks;
	int		 lines = pango_layout_get_line_count(lay), changed = 0;

	if (lines < 2 || p->info == NULL || p->marks != NULL)
		return 0;
	q.em = em;
	q.width = pango_layout_get_width(lay);
	q.indent = pango_layout_get_indent(lay);
	q.justify = justify;
	q.solid_open = p->solid_open;
	read_units(&q, lay, p);
	/* ragged text: Pango's breaks, unless its last line is one
	 * character */
	if (!justify && !lone_last(&q, lay, p)) {
		free(q.u);
		return 0;
	}
	sums(&q);
	from = wp_calloc(q.n + 1, sizeof(*from));
	if (q.n > 0 && choose(&q, from) == 0 &&
	    !same_as_pango(&q, lay, from, p)) {
		marks = wp_calloc(p->ninfo + 1, 1);
		for (j = q.n; j > 0; j = from[j]) {
			if (j < q.n && !q.u[j].must)
				marks[q.u[j].ch] |= MARK_BREAK;
			shrink_line(&q, from[j], j, marks);
		}
		wp_para_recompose(p, marks);
		changed = 1;
	}
	free(from);
	free(q.u);
	free(q.w);
	free(q.s);
	free(q.g);
	free(q.g1);
	return changed;
}
