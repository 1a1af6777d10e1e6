/*
 * paginate: where the page breaks fall.  A pure function over box
 * heights and keep rules, so that pagination decisions can be tested
 * without fonts.
 */
#ifndef WP_PAGINATE_H
#define WP_PAGINATE_H

#include <stddef.h>

struct wp_pbox {
	double		 h;		/* height */
	double		 before;	/* space above, dropped at a page top */
	unsigned	 keep : 1;	/* no page break after this box */
	unsigned	 new_page : 1;	/* starts a page */
	unsigned	 bottom : 1;	/* sits at the foot of its page */
	int		 header;	/* box repeated above it on a new page
					   (a table's header row), or -1 */
};

struct wp_place {
	int		 page;		/* 0-based */
	double		 y;		/* top, from the top of the body */
	int		 repeat;	/* header repeated above it at y - header h */
};

/*
 * Places n boxes on pages avail tall, each run of them from one box
 * marked new_page to the next broken into pages as a whole: no page
 * overfull, no break after a box marked keep unless the keeps fill a
 * page, the slack shared by the run's pages, its last page filled a
 * third at least where it can be; a box taller than a page gets a page
 * of its own.  Returns the page count.
 */
int	 wp_paginate(const struct wp_pbox *, size_t n, double avail,
	    struct wp_place *);

#endif
