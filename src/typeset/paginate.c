/*
 * paginate: a first-fit page breaker with keeps.  When a box does not
 * fit, the break moves back over every box that must stay with the
 * next one (a heading with its first lines, a paragraph's first and
 * last lines, a table header with its first row).  When the keeps fill
 * the whole page, they give way and the break falls where the page is
 * full.
 */
#include "typeset/paginate.h"

int
wp_paginate(const struct wp_pbox *b, size_t n, double avail,
    struct wp_place *out)
{
	size_t	 i = 0, start = 0, j;
	int	 page = 0;
	double	 y = 0, space, hdr;

	while (i < n) {
		if (b[i].new_page && i > start) {
			page++;
			y = 0;
			start = i;
		}
		space = i == start ? 0 : b[i].before;
		hdr = 0;
		if (i == start && b[i].header >= 0 && (size_t)b[i].header < i)
			hdr = b[b[i].header].h;
		if (y + space + hdr + b[i].h > avail + 1e-6 && i > start) {
			j = i;
			while (j > start + 1 && b[j - 1].keep)
				j--;
			if (j == start + 1 && b[start].keep)
				j = i;	/* the keeps fill the page: give way */
			page++;
			y = 0;
			start = i = j;
			continue;
		}
		out[i].page = page;
		out[i].repeat = hdr > 0;
		if (b[i].bottom && avail - b[i].h > y + space)
			y = avail - b[i].h - space;
		out[i].y = y + space + hdr;
		y += space + hdr + b[i].h;
		i++;
	}
	return n > 0 ? page + 1 : 0;
}
