/*
 * chardiff: Myers' diff over units, kept as the list of runs the two
 * texts share ("matches"); the edits are the gaps between them.  A unit
 * is a character, except that what a reviewer reads as one word is one
 * unit: a run of digits, a Latin word, a URL, a control number or a
 * date (90 to 180 reads [-90-]{+180+}, not [-9-]{+18+}0).  A cleanup
 * then folds short matches between edits into the edits and slides
 * each pure insertion or deletion to a line boundary, so that a
 * rewritten phrase reads as one change rather than as confetti.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "base/alloc.h"
#include "diff/chardiff.h"

/* A run both texts share: a[a .. a+n) == b[b .. b+n), in code points. */
struct match {
	long	 a, b, n;
};

struct text {
	uint32_t	*cp;		/* units: code points, or TOKEN + n */
	size_t		*off;		/* byte offset of each, and the end's */
	long		 n;
};

/* A unit of several characters: TOKEN plus its number in the table
 * both texts share, so that the same word is the same unit in both. */
#define TOKEN	0x200000u

struct tokens {
	char		**s;
	size_t		 n, cap;
};

struct ctx {
	const uint32_t	*a, *b;
	long		*v1, *v2;	/* Myers' V, forward and backward */
	struct match	*m;		/* matches so far, in order */
	long		 nm;
};

/*
 * Splits s into code points.  A byte that starts no well-formed UTF-8
 * sequence stands for itself, as a value above Unicode's range, so that
 * it equals only the same byte and comes back as it was.
 */
static int
alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

/* The number of a token in the table, added if new. */
static uint32_t
intern(struct tokens *tk, const char *s, size_t len)
{
	for (size_t i = 0; i < tk->n; i++)
		if (strlen(tk->s[i]) == len && memcmp(tk->s[i], s, len) == 0)
			return TOKEN + (uint32_t)i;
	tk->s = wp_grow(tk->s, &tk->cap, tk->n, sizeof(*tk->s));
	tk->s[tk->n] = wp_strndup(s, len);
	return TOKEN + (uint32_t)tk->n++;
}

/*
 * Where the word starting at unit i ends: a URL (scheme:// and what a
 * URL may hold), else letters and digits, with . : / - _ between two of
 * them (CLD.9.5.1, 2019.10.31, ISO/IEC).
 */
static long
word_end(const uint32_t *cp, long n, long i)
{
	static const char url_chars[] = "-._~:/?#[]@!$&'()*+,;=%";
	long	 j = i;

	while (j < n && alnum(cp[j]))
		j++;
	if (j + 2 < n && cp[j] == ':' && cp[j + 1] == '/' && cp[j + 2] == '/') {
		for (j += 3; j < n && cp[j] < 0x80 && (alnum(cp[j]) ||
		    strchr(url_chars, (int)cp[j]) != NULL); j++)
			continue;
		while (j > i && strchr(".,;:!?)'", (int)cp[j - 1]) != NULL)
			j--;
		return j;
	}
	while (j + 1 < n && cp[j] < 0x80 && strchr(".:/-_", (int)cp[j]) &&
	    alnum(cp[j + 1]))
		for (j++; j < n && alnum(cp[j]); j++)
			continue;
	return j;
}

/* Joins the characters of each word of t into one unit. */
static void
words(struct text *t, const char *s, struct tokens *tk)
{
	long	 i, k = 0, e;

	for (i = 0; i < t->n; i = e) {
		e = alnum(t->cp[i]) && (i == 0 || !alnum(t->cp[i - 1])) ?
		    word_end(t->cp, t->n, i) : i + 1;
		t->off[k] = t->off[i];
		t->cp[k++] = e > i + 1 ? intern(tk, s + t->off[i],
		    t->off[e] - t->off[i]) : t->cp[i];
	}
	t->off[k] = t->off[t->n];
	t->n = k;
}

static void
decode(struct text *t, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0;
	int			 c, n;

	t->cp = wp_calloc(len + 1, sizeof(*t->cp));
	t->off = wp_calloc(len + 1, sizeof(*t->off));
	t->n = 0;
	while (i < len) {
		n = len - i < 4 ? (int)(len - i) : 4;
		if ((c = xmlGetUTF8Char(p + i, &n)) < 0 || n <= 0) {
			c = 0x110000 + p[i];
			n = 1;
		}
		t->off[t->n] = i;
		t->cp[t->n++] = (uint32_t)c;
		i += (size_t)n;
	}
	t->off[t->n] = len;
}

static void
add_match(struct ctx *c, long a, long b, long n)
{
	struct match	*last = c->nm > 0 ? &c->m[c->nm - 1] : NULL;

	if (n <= 0)
		return;
	if (last != NULL && last->a + last->n == a && last->b + last->n == b)
		last->n += n;
	else
		c->m[c->nm++] = (struct match){ a, b, n };
}

/*
 * The most edits bisect() looks for in one range: time grows with their
 * square, and past a few thousand the two texts have little to show in
 * common anyway; the range is then reported as rewritten.
 */
#define MAX_D	4096

/*
 * Finds where a shortest edit script of a[a0..a1) into b[b0..b1) crosses
 * its middle (Myers 1986, section 4b, walking from both ends at once, as
 * Fraser's diff-match-patch does) and stores the split point in *x, *y.
 * The second loop is the first one over the reversed texts: x2 and y2
 * count from the ends.  Returns 0 if there is none within MAX_D edits
 * (there always is for texts that differ in their first and last
 * characters).
 */
static int
bisect(struct ctx *c, long a0, long a1, long b0, long b1, long *x, long *y)
{
	const uint32_t	*a = c->a + a0, *b = c->b + b0;
	long		 n = a1 - a0, m = b1 - b0;
	long		 maxd = (n + m + 1) / 2, off = maxd, vlen = 2 * maxd;
	long		 dlim = maxd < MAX_D ? maxd : MAX_D;
	long		 delta = n - m, d, k, i, x1, y1, x2, y2;
	long		 k1start = 0, k1end = 0, k2start = 0, k2end = 0;
	int		 front = delta % 2 != 0;

	for (i = 0; i < vlen + 2; i++)
		c->v1[i] = c->v2[i] = -1;
	c->v1[off + 1] = c->v2[off + 1] = 0;
	for (d = 0; d < dlim; d++) {
		for (k = -d + k1start; k <= d - k1end; k += 2) {
			i = off + k;
			if (k == -d || (k != d && c->v1[i - 1] < c->v1[i + 1]))
				x1 = c->v1[i + 1];
			else
				x1 = c->v1[i - 1] + 1;
			y1 = x1 - k;
			while (x1 < n && y1 < m && a[x1] == b[y1]) {
				x1++;
				y1++;
			}
			c->v1[i] = x1;
			if (x1 > n)
				k1end += 2;
			else if (y1 > m)
				k1start += 2;
			else if (front) {
				long j = off + delta - k;
				if (j >= 0 && j < vlen && c->v2[j] != -1 &&
				    x1 >= n - c->v2[j]) {
					*x = a0 + x1;
					*y = b0 + y1;
					return 1;
				}
			}
		}
		for (k = -d + k2start; k <= d - k2end; k += 2) {
			i = off + k;
			if (k == -d || (k != d && c->v2[i - 1] < c->v2[i + 1]))
				x2 = c->v2[i + 1];
			else
				x2 = c->v2[i - 1] + 1;
			y2 = x2 - k;
			while (x2 < n && y2 < m &&
			    a[n - x2 - 1] == b[m - y2 - 1]) {
				x2++;
				y2++;
			}
			c->v2[i] = x2;
			if (x2 > n)
				k2end += 2;
			else if (y2 > m)
				k2start += 2;
			else if (!front) {
				long j = off + delta - k;
				if (j >= 0 && j < vlen && c->v1[j] != -1 &&
				    c->v1[j] >= n - x2) {
					*x = a0 + c->v1[j];
					*y = b0 + c->v1[j] - (j - off);
					return 1;
				}
			}
		}
	}
	return 0;
}

/* Adds the matches of a[a0..a1) and b[b0..b1), in order. */
static void
compare(struct ctx *c, long a0, long a1, long b0, long b1)
{
	long	 p = 0, s = 0, x, y;

	while (a0 + p < a1 && b0 + p < b1 && c->a[a0 + p] == c->b[b0 + p])
		p++;
	add_match(c, a0, b0, p);
	a0 += p;
	b0 += p;
	while (a1 - s > a0 && b1 - s > b0 &&
	    c->a[a1 - s - 1] == c->b[b1 - s - 1])
		s++;
	a1 -= s;
	b1 -= s;
	if (a0 < a1 && b0 < b1 && bisect(c, a0, a1, b0, b1, &x, &y) &&
	    !(x == a0 && y == b0) && !(x == a1 && y == b1)) {
		compare(c, a0, x, b0, y);
		compare(c, x, a1, y, b1);
	}
	add_match(c, a1, b1, s);
}

static long
max(long x, long y)
{
	return x > y ? x : y;
}

/* The larger side of the edit between matches i and i + 1. */
static long
gap(const struct match *m, long i)
{
	return max(m[i + 1].a - (m[i].a + m[i].n),
	    m[i + 1].b - (m[i].b + m[i].n));
}

static int
has_newline(const uint32_t *x, const struct match *m)
{
	for (long i = 0; i < m->n; i++)
		if (x[m->a + i] == '\n')
			return 1;
	return 0;
}

/*
 * Folds into the edits around it every short match between two edits,
 * shortest first: one kana shared by two rewrites of a phrase (a の, a
 * して) is a coincidence, not news.  Short is two characters at most,
 * or half the edit on either side, and never longer than either edit.
 * That is stricter than Fraser's diff-match-patch semantic cleanup
 * (no longer than either edit), which also swallows the words of a
 * phrase that a sentence kept while its ends were rewritten.  A match
 * that holds a line break stays: edits in two paragraphs are two edits.
 * m[0] and m[n - 1] are the empty matches at the start and the end,
 * which stay.  Returns the new count.
 */
static long
fold(const uint32_t *a, struct match *m, long n)
{
	long	 i, best, before, after;

	for (;;) {
		best = 0;
		for (i = 1; i + 1 < n; i++) {
			before = gap(m, i - 1);
			after = gap(m, i);
			if (before == 0 || after == 0 || m[i].n > before ||
			    m[i].n > after || (m[i].n > 2 &&
			    2 * m[i].n > (before < after ? before : after)))
				continue;
			if ((best == 0 || m[i].n < m[best].n) &&
			    !has_newline(a, &m[i]))
				best = i;
		}
		if (best == 0)
			return n;
		memmove(&m[best], &m[best + 1], (size_t)(n - best - 1) *
		    sizeof(*m));
		n--;
	}
}

static int
is_stop(uint32_t c)
{
	return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF0E;
}

/* How well an edit of x[s..e) sits: at a line's ends, or a phrase's. */
static int
score(const uint32_t *x, long s, long e)
{
	int	 sc = 0;

	if (s == 0 || x[s - 1] == '\n')
		sc += 2;
	if (x[e - 1] == '\n')
		sc += 2;
	if (s > 0 && is_stop(x[s - 1]))
		sc++;
	return sc;
}

/*
 * Slides each pure insertion or deletion along the equal text around it
 * (which changes nothing it says) to where it scores best, so that a new
 * paragraph is shown as a whole line and not as the end of one line and
 * the start of the next.  A match keeps a character at least, unless
 * it is the first or last text and the edit takes its place there.
 * Returns the new count.
 */
static long
slide(const struct text *ta, const struct text *tb, struct match *m, long n)
{
	const uint32_t	*x;
	long		 i, j, s, e, o, lo, hi, lomax, himax, best;
	int		 sc, bestsc;

	for (i = 1; i < n; i++) {
		long ga = m[i].a - (m[i - 1].a + m[i - 1].n);
		long gb = m[i].b - (m[i - 1].b + m[i - 1].n);
		if ((ga > 0) == (gb > 0))
			continue;
		x = ga > 0 ? ta->cp : tb->cp;
		s = ga > 0 ? m[i - 1].a + m[i - 1].n : m[i - 1].b + m[i - 1].n;
		e = ga > 0 ? m[i].a : m[i].b;
		lomax = m[i - 1].n - (i - 1 == 1 && m[1].a == 0 && m[1].b == 0 ?
		    0 : 1);
		himax = m[i].n - (i + 1 == n - 1 && gap(m, i) == 0 ? 0 : 1);
		for (lo = 0; lo < lomax && x[s - lo - 1] == x[e - lo - 1]; lo++)
			;
		for (hi = 0; hi < himax && x[s + hi] == x[e + hi]; hi++)
			;
		best = 0;
		bestsc = score(x, s, e);
		for (o = -lo; o <= hi; o++)
			if ((sc = score(x, s + o, e + o)) > bestsc) {
				best = o;
				bestsc = sc;
			}
		m[i - 1].n += best;
		m[i].a += best;
		m[i].b += best;
		m[i].n -= best;
	}
	for (i = j = 1; i < n - 1; i++)
		if (m[i].n > 0)
			m[j++] = m[i];
	m[j++] = m[n - 1];
	return j;
}

static void
add_span(struct wp_chardiff *d, enum wp_cd_op op, const char *s,
    const struct text *t, long from, long to)
{
	struct wp_cd_span	*sp;

	if (to <= from)
		return;
	sp = &d->span[d->n++];
	sp->op = op;
	sp->len = t->off[to] - t->off[from];
	sp->text = wp_malloc(sp->len + 1);
	memcpy(sp->text, s + t->off[from], sp->len);
	sp->text[sp->len] = '\0';
	if (op != CD_EQUAL)
		d->edits++;
}

struct wp_chardiff *
wp_chardiff(const char *old, size_t oldlen, const char *new, size_t newlen,
    int flags)
{
	struct wp_chardiff	*d = wp_calloc(1, sizeof(*d));
	struct text		 ta, tb;
	struct ctx		 c;
	long			 i, n, pa = 0, pb = 0;

	struct tokens		 tk = { NULL, 0, 0 };

	decode(&ta, old, oldlen);
	decode(&tb, new, newlen);
	words(&ta, old, &tk);
	words(&tb, new, &tk);
	for (size_t k = 0; k < tk.n; k++)
		free(tk.s[k]);
	free(tk.s);
	c.a = ta.cp;
	c.b = tb.cp;
	c.v1 = wp_calloc((size_t)(ta.n + tb.n + 4), sizeof(*c.v1));
	c.v2 = wp_calloc((size_t)(ta.n + tb.n + 4), sizeof(*c.v2));
	/* Disjoint matches, each a character at least: min(n, m) of them. */
	c.m = wp_calloc((size_t)(ta.n < tb.n ? ta.n : tb.n) + 2, sizeof(*c.m));
	c.m[0] = (struct match){ 0, 0, 0 };
	c.nm = 1;
	compare(&c, 0, ta.n, 0, tb.n);
	c.m[c.nm++] = (struct match){ ta.n, tb.n, 0 };
	n = c.nm;
	if (!(flags & WP_CD_RAW)) {
		n = fold(ta.cp, c.m, n);
		n = slide(&ta, &tb, c.m, n);
	}

	d->span = wp_calloc((size_t)(3 * n), sizeof(*d->span));
	for (i = 0; i < n; i++) {
		add_span(d, CD_DELETE, old, &ta, pa, c.m[i].a);
		add_span(d, CD_INSERT, new, &tb, pb, c.m[i].b);
		add_span(d, CD_EQUAL, old, &ta, c.m[i].a, c.m[i].a + c.m[i].n);
		pa = c.m[i].a + c.m[i].n;
		pb = c.m[i].b + c.m[i].n;
	}
	free(c.m);
	free(c.v1);
	free(c.v2);
	free(ta.cp);
	free(ta.off);
	free(tb.cp);
	free(tb.off);
	return d;
}

void
wp_chardiff_free(struct wp_chardiff *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->span[i].text);
	free(d->span);
	free(d);
}
