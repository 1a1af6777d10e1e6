/*
 * paginate: page breaks chosen over each run of pages (from one forced
 * new page to the next), not page by page.  A first-fit breaker fills
 * each page and leaves whatever the keeps leave at its foot: page
 * bottoms that vary by several lines, and a run's last page holding
 * three lines before a chapter that starts a new page.  Here every way
 * of breaking a run is rated, as breaks.c rates lines: a page's slack,
 * squared, so that the slack the keeps cause is shared by the pages of
 * the run rather than heaped on one; a run's last page filled less
 * than MIN_FILL (a page a reader turns to for three lines) as the worst
 * but an impossible page; a keep given way only when it fills a page.
 */
#include <float.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "typeset/paginate.h"

#define SLACK_COST	1e4	/* a page with nothing on it, squared */
#define UNDERFULL_COST	1e7	/* a run's last page empty: as it is filled
				 * toward a third, less */
#define GIVE_WAY_COST	1e9	/* a break after a box kept with the next */
#define MIN_FILL	0.4	/* a third, and a margin: a reader counts
				 * lines, not points */

/* The height of boxes [i, j) on one page starting with box i. */
static double
height(const struct wp_pbox *b, size_t i, size_t j, double *hdr)
{
	double	 y;

	*hdr = b[i].header >= 0 && (size_t)b[i].header < i ?
	    b[b[i].header].h : 0;
	y = *hdr + b[i].h;
	for (size_t k = i + 1; k < j; k++)
		y += b[k].before + b[k].h;
	return y;
}

/*
 * What a page of boxes [i, j) costs in a run [s, e), the document's
 * last run when last is set (its last page may be as short as it is).
 */
static double
cost(const struct wp_pbox *b, size_t s, size_t i, size_t j, size_t e,
    int last, double avail, double h)
{
	double	 c = 0, fill = h / avail;

	if (j < e && b[j - 1].keep)
		c += GIVE_WAY_COST;
	if (j < e)
		c += SLACK_COST * (1 - fill) * (1 - fill);
	else if (i > s && !last && fill < MIN_FILL)
		c += UNDERFULL_COST * (MIN_FILL - fill);
	return c + 1;		/* a page more costs more */
}

/*
 * Breaks a run of boxes [s, e) into pages: from[j] is where the page
 * that ends before box j starts, on the cheapest way to there.
 */
static void
run(const struct wp_pbox *b, size_t s, size_t e, int last, double avail,
    size_t *from)
{
	double	*best = wp_calloc(e - s + 1, sizeof(*best));
	double	 h, hdr, c;
	size_t	 i, j;

	for (j = s + 1; j <= e; j++) {
		best[j - s] = DBL_MAX;
		for (i = j; i-- > s;) {
			h = height(b, i, j, &hdr);
			/* a box taller than a page has one of its own */
			if (h > avail + 1e-6 && j > i + 1)
				break;
			if (best[i - s] == DBL_MAX)
				continue;
			c = best[i - s] + cost(b, s, i, j, e, last, avail, h);
			if (c < best[j - s]) {
				best[j - s] = c;
				from[j] = i;
			}
		}
	}
	free(best);
}

/* Places the boxes [i, j) of one page. */
static void
place(const struct wp_pbox *b, size_t i, size_t j, int page, double avail,
    struct wp_place *out)
{
	double	 hdr, y;

	height(b, i, j, &hdr);
	y = 0;
	for (size_t k = i; k < j; k++) {
		double space = k == i ? 0 : b[k].before;
		double top = k == i ? hdr : 0;
		out[k].page = page;
		out[k].repeat = top > 0;
		if (b[k].bottom && avail - b[k].h > y + space)
			y = avail - b[k].h - space;
		out[k].y = y + space + top;
		y += space + top + b[k].h;
	}
}

int
wp_paginate(const struct wp_pbox *b, size_t n, double avail,
    struct wp_place *out)
{
	size_t	*from = wp_calloc(n + 1, sizeof(*from));
	size_t	*starts = wp_calloc(n + 1, sizeof(*starts));
	size_t	 s = 0, e, j, k;
	int	 page = 0;

	while (s < n) {
		for (e = s + 1; e < n && !b[e].new_page; e++)
			continue;
		run(b, s, e, e == n, avail, from);
		/* the run's page starts, read back from its end */
		for (k = 0, j = e; j > s; j = from[j])
			starts[k++] = from[j];
		for (size_t m = k; m-- > 0;) {
			size_t end = m > 0 ? starts[m - 1] : e;
			place(b, starts[m], end, page++, avail, out);
		}
		s = e;
	}
	free(from);
	free(starts);
	return page;
}
