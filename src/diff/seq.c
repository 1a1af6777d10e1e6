/*
 * seq: two sequences (a clause's lines, its blocks, a list's items)
 * aligned as a reviewer reads them: what both have unchanged first (the
 * longest common subsequence), then, in each stretch between, the pairs
 * alike enough to be one thing changed; what is left was removed or
 * added whole.  A list item deleted is one item removed, not an edit
 * smeared over each item after it.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "diff/items.h"

/* Below this likeness two things are one removed and one added, not one
 * changed: a third of the text kept. */
#define ALIKE	0.34

/* Past these sizes the tables below cost too much: the sequences are
 * then matched by their common ends, and the middle pairs in order. */
#define LCS_MAX		(1L << 20)
#define GAP_MAX		400

double
diff_alike(const char *a, const char *b)
{
	struct wp_chardiff	*d;
	size_t			 la = strlen(a), lb = strlen(b), same = 0;

	if (la + lb == 0)
		return 1;
	d = wp_chardiff(a, la, b, lb, WP_CD_RAW);
	for (size_t i = 0; i < d->n; i++)
		if (d->span[i].op == CD_EQUAL)
			same += d->span[i].len;
	wp_chardiff_free(d);
	return 2.0 * (double)same / (double)(la + lb);
}

struct out {
	struct diff_pair	*v;
	size_t			 n;
};

static void
put(struct out *o, long a, long b, int same)
{
	o->v[o->n++] = (struct diff_pair){ a, b, same };
}

/*
 * A stretch with nothing equal: a[a0..a1) and b[b0..b1).  The pairs are
 * those of most likeness in all (each above ALIKE), in order; between
 * two, what is removed comes before what is added (as diff(1) puts it).
 */
static void
gap(struct out *o, const char *const *a, long a0, long a1,
    const char *const *b, long b0, long b1)
{
	long	 p = a1 - a0, q = b1 - b0, i, j, ra, rb;
	double	*w, *best;

	if (p == 0 || q == 0 || p * q > GAP_MAX) {
		for (i = a0; i < a1; i++)
			put(o, i, -1, 0);
		for (j = b0; j < b1; j++)
			put(o, -1, j, 0);
		return;
	}
	w = wp_calloc((size_t)(p * q), sizeof(*w));
	best = wp_calloc((size_t)((p + 1) * (q + 1)), sizeof(*best));
	for (i = 0; i < p; i++)
		for (j = 0; j < q; j++)
			w[i * q + j] = diff_alike(a[a0 + i], b[b0 + j]);
	/* best[i][j]: the most likeness a[i..p) and b[j..q) can pair */
#define B(i, j)	best[(i) * (q + 1) + (j)]
	for (i = p - 1; i >= 0; i--)
		for (j = q - 1; j >= 0; j--) {
			double v = B(i + 1, j) > B(i, j + 1) ? B(i + 1, j) :
			    B(i, j + 1);
			if (w[i * q + j] >= ALIKE && w[i * q + j] +
			    B(i + 1, j + 1) > v)
				v = w[i * q + j] + B(i + 1, j + 1);
			B(i, j) = v;
		}
	for (i = j = ra = rb = 0; i < p && j < q;) {
		if (w[i * q + j] >= ALIKE &&
		    B(i, j) == w[i * q + j] + B(i + 1, j + 1)) {
			for (; ra < i; ra++)
				put(o, a0 + ra, -1, 0);
			for (; rb < j; rb++)
				put(o, -1, b0 + rb, 0);
			put(o, a0 + i++, b0 + j++, 0);
			ra = i;
			rb = j;
		} else if (B(i, j) == B(i + 1, j))
			i++;
		else
			j++;
	}
#undef B
	for (; ra < p; ra++)
		put(o, a0 + ra, -1, 0);
	for (; rb < q; rb++)
		put(o, -1, b0 + rb, 0);
	free(w);
	free(best);
}

/* The longest common subsequence of a[a0..a1) and b[b0..b1), walked. */
static void
lcs(struct out *o, const char *const *a, long a0, long a1,
    const char *const *b, long b0, long b1)
{
	long	 p = a1 - a0, q = b1 - b0, i, j, ga, gb;
	int	*len;

	if (p * q > LCS_MAX) {
		gap(o, a, a0, a1, b, b0, b1);
		return;
	}
	len = wp_calloc((size_t)((p + 1) * (q + 1)), sizeof(*len));
#define L(i, j)	len[(i) * (q + 1) + (j)]
	for (i = p - 1; i >= 0; i--)
		for (j = q - 1; j >= 0; j--)
			L(i, j) = strcmp(a[a0 + i], b[b0 + j]) == 0 ?
			    L(i + 1, j + 1) + 1 : L(i + 1, j) > L(i, j + 1) ?
			    L(i + 1, j) : L(i, j + 1);
	for (i = j = ga = gb = 0; i < p && j < q;) {
		if (strcmp(a[a0 + i], b[b0 + j]) == 0) {
			gap(o, a, a0 + ga, a0 + i, b, b0 + gb, b0 + j);
			put(o, a0 + i++, b0 + j++, 1);
			ga = i;
			gb = j;
		} else if (L(i + 1, j) >= L(i, j + 1))
			i++;
		else
			j++;
	}
#undef L
	gap(o, a, a0 + ga, a1, b, b0 + gb, b1);
	free(len);
}

size_t
diff_seq(const char *const *a, size_t na, const char *const *b, size_t nb,
    struct diff_pair **out)
{
	struct out	 o;
	long		 p = 0, s = 0, n = (long)na, m = (long)nb;

	o.v = wp_calloc(na + nb + 1, sizeof(*o.v));
	o.n = 0;
	/* the common ends first: most of a long text is unchanged */
	while (p < n && p < m && strcmp(a[p], b[p]) == 0) {
		put(&o, p, p, 1);
		p++;
	}
	while (s < n - p && s < m - p &&
	    strcmp(a[n - 1 - s], b[m - 1 - s]) == 0)
		s++;
	lcs(&o, a, p, n - s, b, p, m - s);
	for (; s > 0; s--)
		put(&o, n - s, m - s, 1);
	*out = o.v;
	return o.n;
}
