/*
 * lintnear: how near two strings of characters are.  The edit distance
 * (optimal string alignment: a swap of neighbours is one edit), where
 * two near strings differ, and where a text holds a string nearly: the
 * measures every pass of lint compares with.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "check/lint.h"
#include "check/lintint.h"

static int
min2(int a, int b)
{
	return a < b ? a : b;
}

/*
 * Optimal string alignment distance, or max + 1 once it must exceed max.
 * Only the band |i - j| <= max of the table is computed (a path outside
 * it costs more than max), three rows of it: the previous two for a swap
 * of neighbours.  Time O(n max), so a long paragraph costs little.
 */
int
lint_osa(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, int max)
{
	int	 buf[3 * 128], *heap = NULL, *r0, *r1, *r2, *tmp, d;
	int	 inf = max + 1;
	size_t	 m = (size_t)max;

	if ((na > nb ? na - nb : nb - na) > m)
		return inf;
	if (nb + 1 > 128)
		heap = wp_malloc(3 * (nb + 1) * sizeof(*heap));
	r0 = heap != NULL ? heap : buf;
	r1 = r0 + nb + 1;
	r2 = r1 + nb + 1;
	for (size_t j = 0; j <= nb; j++)
		r1[j] = j <= m ? (int)j : inf;
	for (size_t i = 1; i <= na; i++) {
		size_t	 lo = i > m ? i - m : 0, hi = i + m < nb ? i + m : nb;
		int	 rowmin = inf;

		if (lo > 0)
			r2[lo - 1] = inf;
		for (size_t j = lo; j <= hi; j++) {
			int	 v = (int)i;

			if (j > 0) {
				v = r1[j - 1] + (a[i - 1] != b[j - 1]);
				v = min2(v, r1[j] + 1);
				v = min2(v, r2[j - 1] + 1);
				if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
				    a[i - 2] == b[j - 1])
					v = min2(v, r0[j - 2] + 1);
			}
			r2[j] = v = min2(v, inf);
			rowmin = min2(rowmin, v);
		}
		if (hi < nb)
			r2[hi + 1] = inf;
		/* a row's minimum never falls by more than one a row */
		if (rowmin > max) {
			free(heap);
			return inf;
		}
		tmp = r0, r0 = r1, r1 = r2, r2 = tmp;
	}
	d = r1[nb];
	free(heap);
	return d;
}

/* How many edits two strings of these lengths may differ by and be near. */
int
lint_allowed(size_t la, size_t lb)
{
	size_t	 l = (la > lb ? la : lb) / LINT_NEAR_RATIO;

	return l < LINT_MAX_EDITS ? (int)l : LINT_MAX_EDITS;
}

/* The band of a table, |i - j| <= LINT_MAX_EDITS, as rows of BAND cells. */
#define BAND		(2 * LINT_MAX_EDITS + 1)

static int
cell(const int *d, size_t i, size_t j)
{
	if (j + LINT_MAX_EDITS < i || i + LINT_MAX_EDITS < j)
		return LINT_MAX_EDITS + 1;
	return d[i * BAND + j + LINT_MAX_EDITS - i];
}

/*
 * The band of the table of distances between the prefixes of a and b,
 * each cell at most LINT_MAX_EDITS + 1 (caller frees).
 */
static int *
band(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	int	*d = wp_malloc((na + 1) * BAND * sizeof(*d));

	for (size_t i = 0; i <= na; i++)
		for (size_t k = 0; k < BAND; k++) {
			size_t	 j = i + k;
			int	 v = LINT_MAX_EDITS + 1;

			if (j < LINT_MAX_EDITS || (j -= LINT_MAX_EDITS) > nb) {
				d[i * BAND + k] = v;
				continue;
			}
			if (i == 0 || j == 0)
				v = (int)(i + j);
			else {
				v = cell(d, i - 1, j - 1) +
				    (a[i - 1] != b[j - 1]);
				v = min2(v, cell(d, i - 1, j) + 1);
				v = min2(v, cell(d, i, j - 1) + 1);
				if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
				    a[i - 2] == b[j - 1])
					v = min2(v, cell(d, i - 2, j - 2) + 1);
			}
			d[i * BAND + k] = min2(v, LINT_MAX_EDITS + 1);
		}
	return d;
}

/*
 * Aligns a with b, which are at most LINT_MAX_EDITS apart, and returns
 * the stretches where they differ, in order, in *out (caller frees);
 * their number in *n.
 */
void
lint_diff(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    struct lint_seg **out, size_t *n)
{
	int	*d = band(a, na, b, nb);
	size_t	 i = na, j = nb, cap = 0;
	int	 open = 0;

	*out = NULL;
	*n = 0;
	/* Walk back; a stretch is open while edits follow each other. */
	while (i > 0 || j > 0) {
		int	 v = cell(d, i, j);
		size_t	 ni = i, nj = j;

		if (i > 0 && j > 0 && a[i - 1] == b[j - 1] &&
		    v == cell(d, i - 1, j - 1)) {
			open = 0;
			i--, j--;
			continue;
		}
		if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
		    a[i - 2] == b[j - 1] && v == cell(d, i - 2, j - 2) + 1)
			ni = i - 2, nj = j - 2;
		else if (i > 0 && j > 0 && v == cell(d, i - 1, j - 1) + 1)
			ni = i - 1, nj = j - 1;
		else if (i > 0 && v == cell(d, i - 1, j) + 1)
			ni = i - 1;
		else
			nj = j - 1;
		if (!open) {
			*out = wp_grow(*out, &cap, *n, sizeof(**out));
			(*out)[(*n)++] = (struct lint_seg){ i, i, j, j };
			open = 1;
		}
		(*out)[*n - 1].a0 = ni;
		(*out)[*n - 1].b0 = nj;
		i = ni, j = nj;
	}
	free(d);
	for (size_t k = 0; k < *n / 2; k++) {	/* found last first */
		struct lint_seg s = (*out)[k];
		(*out)[k] = (*out)[*n - 1 - k];
		(*out)[*n - 1 - k] = s;
	}
}

/*
 * Approximate occurrences of p in t with at most k edits (Sellers'
 * algorithm: a match may start anywhere in t), each as the span with
 * fewest edits, then the longest, among overlapping ones, trimmed of an
 * edge that is an edit for nothing.  Calls found() for each; exact
 * occurrences are left out.  The table goes column by column, along t,
 * three columns kept.
 */
void
lint_search(const uint32_t *p, size_t np, const uint32_t *t, size_t nt, int k,
    void (*found)(void *, size_t, size_t, int), void *arg)
{
	int	*d = wp_malloc(3 * (np + 1) * sizeof(*d));
	size_t	*st = wp_malloc(3 * (np + 1) * sizeof(*st));
	size_t	 bs = 0, be = 0;
	int	 bd = -1;

	for (size_t j = 0; j <= nt + 1; j++) {
		/* column j of the table: d[c + i], where match ends at j */
		size_t	 c = j % 3 * (np + 1), c1 = (j + 2) % 3 * (np + 1);
		size_t	 c2 = (j + 1) % 3 * (np + 1), s = 0;
		int	 v = k + 1;

		if (j <= nt) {
			d[c] = 0, st[c] = j;
			for (size_t i = 1; i <= np; i++) {
				int	 w;
				size_t	 ws;

				if (j == 0) {
					d[c + i] = (int)i, st[c + i] = 0;
					continue;
				}
#define TRY(nv, ns) do { \
	if ((nv) < w || ((nv) == w && (ns) < ws)) \
		w = (nv), ws = (ns); \
} while (0)
				w = d[c1 + i - 1] + (p[i - 1] != t[j - 1]);
				ws = st[c1 + i - 1];
				TRY(d[c + i - 1] + 1, st[c + i - 1]);
				TRY(d[c1 + i] + 1, st[c1 + i]);
				if (i > 1 && j > 1 && p[i - 1] == t[j - 2] &&
				    p[i - 2] == t[j - 1])
					TRY(d[c2 + i - 2] + 1, st[c2 + i - 2]);
#undef TRY
				d[c + i] = w, st[c + i] = ws;
			}
			if (j > 0)
				v = d[c + np], s = st[c + np];
		}
		if (bd >= 0 && (v > k || s >= be)) {	/* the cluster ends */
			/* "はIJ DDoS…" is "IJ DDoS…" with one edit too */
			while (be - bs > 1 && t[bs] != p[0] &&
			    lint_osa(p, np, t + bs + 1, be - bs - 1, bd) <= bd)
				bs++;
			while (be - bs > 1 && t[be - 1] != p[np - 1] &&
			    lint_osa(p, np, t + bs, be - bs - 1, bd) <= bd)
				be--;
			if (bd > 0)
				found(arg, bs, be, bd);
			bd = -1;
		}
		if (v > k)
			continue;
		if (bd < 0 || v < bd || (v == bd && j - s > be - bs))
			bs = s, be = j, bd = v;
	}
	free(d);
	free(st);
}

int
wp_lint_distance(const char *a, const char *b, int max)
{
	uint32_t	*ca, *cb;
	size_t		 na = wp_utf8_decode(a, strlen(a), &ca, NULL);
	size_t		 nb = wp_utf8_decode(b, strlen(b), &cb, NULL);
	int		 d = lint_osa(ca, na, cb, nb, max);

	free(ca);
	free(cb);
	return d;
}
