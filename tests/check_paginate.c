/*
 * check_paginate: page-break decisions on boxes of known heights, with
 * no fonts involved: keeps (a heading with what follows, orphans and
 * widows), new pages, the foot of the page, table headers repeated.
 */
#include "testutil.h"
#include "typeset/paginate.h"

#define LINE	{ 10, 0, 0, 0, 0, -1 }
#define KEEP	{ 10, 0, 1, 0, 0, -1 }

static struct wp_place pl[64];

START_TEST(fits_one_page)
{
	struct wp_pbox b[] = { LINE, LINE, LINE };

	ck_assert_int_eq(wp_paginate(b, 3, 100, pl), 1);
	ck_assert_double_eq(pl[2].y, 20);
}
END_TEST

START_TEST(breaks_when_full)
{
	struct wp_pbox b[12];
	int i;

	for (i = 0; i < 12; i++)
		b[i] = (struct wp_pbox)LINE;
	ck_assert_int_eq(wp_paginate(b, 12, 100, pl), 2);
	ck_assert_int_eq(pl[9].page, 0);
	ck_assert_int_eq(pl[10].page, 1);
	ck_assert_double_eq(pl[10].y, 0);
}
END_TEST

/* A heading at the foot of a page goes over with its first two lines. */
START_TEST(heading_kept_with_next)
{
	struct wp_pbox b[12];
	int i;

	for (i = 0; i < 12; i++)
		b[i] = (struct wp_pbox)LINE;
	b[8].keep = 1;		/* the heading */
	b[9].keep = 1;		/* its first line, kept with the second */
	ck_assert_int_eq(wp_paginate(b, 12, 100, pl), 2);
	ck_assert_int_eq(pl[7].page, 0);
	ck_assert_int_eq(pl[8].page, 1);
	ck_assert_double_eq(pl[8].y, 0);
}
END_TEST

/* Space before a box is dropped at the top of a page. */
START_TEST(space_dropped_at_top)
{
	struct wp_pbox b[11];
	int i;

	for (i = 0; i < 11; i++)
		b[i] = (struct wp_pbox)LINE;
	b[10].before = 5;
	wp_paginate(b, 11, 100, pl);
	ck_assert_int_eq(pl[10].page, 1);
	ck_assert_double_eq(pl[10].y, 0);
}
END_TEST

/* Keeps that fill a whole page give way instead of looping. */
START_TEST(keeps_give_way)
{
	struct wp_pbox b[25];
	int i, n;

	for (i = 0; i < 25; i++)
		b[i] = (struct wp_pbox)KEEP;
	n = wp_paginate(b, 25, 100, pl);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(pl[9].page, 0);
	ck_assert_int_eq(pl[10].page, 1);
}
END_TEST

START_TEST(new_page)
{
	struct wp_pbox b[] = { LINE, LINE, LINE };

	b[1].new_page = 1;
	ck_assert_int_eq(wp_paginate(b, 3, 100, pl), 2);
	ck_assert_int_eq(pl[1].page, 1);
	/* a box that starts a page anyway adds no blank one */
	b[0].new_page = 1;
	ck_assert_int_eq(wp_paginate(b, 3, 100, pl), 2);
}
END_TEST

/* A header row is repeated above the rows on the next page. */
START_TEST(header_repeated)
{
	struct wp_pbox b[14];
	int i;

	b[0] = (struct wp_pbox)KEEP;		/* the header row */
	for (i = 1; i < 14; i++) {
		b[i] = (struct wp_pbox)LINE;
		b[i].header = 0;
	}
	ck_assert_int_eq(wp_paginate(b, 14, 100, pl), 2);
	ck_assert_int_eq(pl[9].page, 0);
	ck_assert_int_eq(pl[10].page, 1);
	ck_assert_int_eq(pl[10].repeat, 1);
	ck_assert_double_eq(pl[10].y, 10);	/* below the repeated header */
	ck_assert_int_eq(pl[11].repeat, 0);
	ck_assert_int_eq(pl[5].repeat, 0);
}
END_TEST

/* A table header at a page foot goes over with its first row. */
START_TEST(header_not_alone)
{
	struct wp_pbox b[12];
	int i;

	for (i = 0; i < 9; i++)
		b[i] = (struct wp_pbox)LINE;
	b[9] = (struct wp_pbox)KEEP;		/* header at the foot */
	b[10] = (struct wp_pbox)LINE;
	b[10].header = 9;
	b[11] = b[10];
	wp_paginate(b, 12, 100, pl);
	ck_assert_int_eq(pl[9].page, 1);
	ck_assert_int_eq(pl[10].repeat, 0);
}
END_TEST

START_TEST(bottom)
{
	struct wp_pbox b[] = { LINE, { 20, 5, 0, 0, 1, -1 } };

	ck_assert_int_eq(wp_paginate(b, 2, 100, pl), 1);
	ck_assert_double_eq(pl[1].y, 80);
}
END_TEST

/* A box taller than a page gets a page of its own, and the rest go on. */
START_TEST(too_tall)
{
	struct wp_pbox b[] = { LINE, { 250, 0, 0, 0, 0, -1 }, LINE };

	ck_assert_int_eq(wp_paginate(b, 3, 100, pl), 3);
	ck_assert_int_eq(pl[1].page, 1);
	ck_assert_int_eq(pl[2].page, 2);
}
END_TEST

/*
 * A run's last page, before a box that starts a page of its own, holds
 * at least MIN_FILL of a page: lines come back from the page before
 * (which ends short at a section's end instead), never three lines
 * alone before a chapter.
 */
START_TEST(last_page_of_run_filled)
{
	struct wp_pbox b[16];
	int i;

	for (i = 0; i < 16; i++)
		b[i] = (struct wp_pbox)LINE;
	b[12].new_page = 1;		/* 12 lines, then a new chapter */
	ck_assert_int_eq(wp_paginate(b, 16, 100, pl), 3);
	ck_assert_int_eq(pl[12].page, 2);
	/* 10 + 2 first-fit; now the second page holds four at least */
	for (i = 0; i < 12 && pl[i].page == 0; i++)
		continue;
	ck_assert_int_le(i, 8);
	/* the document's own last page may be short */
	ck_assert_int_eq(pl[15].page, 2);
}
END_TEST

/*
 * Keeps move a break back, and the pages keep full: a heading with
 * the two lines kept with it leaves the first page 0.7 full (no better
 * break exists), and every later page but the last is full.
 */
START_TEST(slack_shared)
{
	struct wp_pbox b[30];
	double foot[4] = { 0 };
	int i, n;

	for (i = 0; i < 30; i++)
		b[i] = (struct wp_pbox)LINE;
	for (i = 7; i < 10; i++)	/* a heading and two lines kept */
		b[i].keep = 1;
	n = wp_paginate(b, 30, 100, pl);
	for (i = 0; i < 30; i++)
		if (pl[i].y + b[i].h > foot[pl[i].page])
			foot[pl[i].page] = pl[i].y + b[i].h;
	ck_assert_int_eq(n, 4);
	ck_assert_double_eq(foot[0], 70);
	ck_assert_double_eq(foot[1], 100);
	ck_assert_double_eq(foot[2], 100);
	/* no box over a page's foot */
	for (i = 0; i < 30; i++)
		ck_assert_double_le(pl[i].y + b[i].h, 100 + 1e-6);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("paginate");
	TCase	*tc = tcase_create("paginate");

	tcase_add_test(tc, fits_one_page);
	tcase_add_test(tc, breaks_when_full);
	tcase_add_test(tc, heading_kept_with_next);
	tcase_add_test(tc, space_dropped_at_top);
	tcase_add_test(tc, keeps_give_way);
	tcase_add_test(tc, new_page);
	tcase_add_test(tc, header_repeated);
	tcase_add_test(tc, header_not_alone);
	tcase_add_test(tc, bottom);
	tcase_add_test(tc, too_tall);
	tcase_add_test(tc, last_page_of_run_filled);
	tcase_add_test(tc, slack_shared);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
