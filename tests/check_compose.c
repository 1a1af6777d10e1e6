/*
 * check_compose: the composer's text and attributes, without fonts:
 * the quarter-em space between Japanese and Latin, URLs made breakable,
 * tokens protected, punctuation pairs marked for compression.
 */
#include "base/chars.h"
#include "testutil.h"
#include "typeset/compose.h"

static struct wp_para *
composed(const char *text)
{
	struct wp_para *p = wp_para_new();

	wp_para_add(p, text, -1, 0, NULL);
	wp_para_compose(p, 10, 0, 0, NULL);
	return p;
}

#define ck_assert_composed(in, want) do { \
	struct wp_para *p_ = composed(in); \
	ck_assert_str_eq(p_->text->str, (want)); \
	wp_para_free(p_); \
} while (0)

/* Attributes of a type as "start-end" pairs, e.g. "0-7 9-12". */
static char *
ranges(const struct wp_para *p, PangoAttrType type)
{
	GSList	*l, *all = pango_attr_list_get_attributes(p->attrs);
	GString	*s = g_string_new(NULL);

	for (l = all; l != NULL; l = l->next) {
		PangoAttribute *a = l->data;
		if (a->klass->type == type)
			g_string_append_printf(s, "%s%u-%u", s->len ? " " : "",
			    a->start_index, a->end_index);
	}
	g_slist_free_full(all, (GDestroyNotify)pango_attribute_destroy);
	return g_string_free(s, FALSE);
}

START_TEST(quarter_space_inserted)
{
	ck_assert_composed("IIJのSMX", "IIJ\u2002の\u2002SMX");
	ck_assert_composed("2015年12月", "2015\u2002年\u200212\u2002月");
}
END_TEST

/* A space the writer typed at such a boundary becomes the same space. */
START_TEST(typed_space_normalised)
{
	ck_assert_composed("IIJ セキュア MXサービス",
	    "IIJ\u2002セキュア\u2002MX\u2002サービス");
	ck_assert_composed("All rights reserved.", "All rights reserved.");
}
END_TEST

START_TEST(no_space_beside_brackets)
{
	ck_assert_composed("機構（ISO）と", "機構（ISO）と");
	ck_assert_composed("「ISO」", "「ISO」");
}
END_TEST

/* Negative letter-spacing makes the inserted (half-em) space a quarter em. */
START_TEST(quarter_space_half_size)
{
	struct wp_para	*p = composed("IIJの");
	char		*r = ranges(p, PANGO_ATTR_LETTER_SPACING);

	ck_assert_str_eq(r, "3-6");		/* the U+2002, 3 bytes */
	g_free(r);
	wp_para_free(p);
}
END_TEST

/* After / ? = and before - # & _ ~ %; never beside a full stop. */
START_TEST(url_breakable)
{
	ck_assert_composed("詳細（https://www.iij.ad.jp/a-b?x=1）",
	    "詳細（https://\u200bwww.iij.ad.jp/\u200ba\u200b-b?\u200bx="
	    "\u200b1）");
	ck_assert_composed("https://a.jp/x_y#z&w",
	    "https://\u200ba.jp/\u200bx\u200b_y\u200b#z\u200b&w");
}
END_TEST

/*
 * A piece of a URL that Pango could break inside is protected, so that
 * the URL breaks only at its U+200Bs: "https://a." (after "//"); not
 * "b/" or "c", inside which UAX #14 has no break, so that a long
 * address of short pieces does not cost an attribute a piece.
 */
START_TEST(url_pieces_protected)
{
	struct wp_para	*p = composed("https://a.b/c");
	char		*r = ranges(p, PANGO_ATTR_ALLOW_BREAKS);

	ck_assert_str_eq(r, "0-8 11-15");	/* "https://", "a.b/" */
	g_free(r);
	wp_para_free(p);
	p = composed("https://a.b/c!d/e");
	r = ranges(p, PANGO_ATTR_ALLOW_BREAKS);
	ck_assert_str_eq(r, "0-8 11-15 18-22");	/* "c!d/": no break after "!" */
	g_free(r);
	wp_para_free(p);
}
END_TEST

START_TEST(slash_token_protected)
{
	struct wp_para	*p = composed("これはISO/IECの規格");
	char		*r = ranges(p, PANGO_ATTR_ALLOW_BREAKS);

	/* これは = 9 bytes, then U+2002 (3), then ISO/IEC (7) */
	ck_assert_str_eq(r, "12-19");
	g_free(r);
	wp_para_free(p);
}
END_TEST

/* Pango may start a line with ～ or with a non-starter after a space. */
START_TEST(kinsoku_gaps_closed)
{
	struct wp_para	*p = composed("1～3");
	char		*r = ranges(p, PANGO_ATTR_ALLOW_BREAKS);

	ck_assert_str_eq(r, "0-4");		/* "1" and "～" together */
	g_free(r);
	wp_para_free(p);
	p = composed("a ・b");
	r = ranges(p, PANGO_ATTR_ALLOW_BREAKS);
	ck_assert_str_eq(r, "1-5");		/* the space and "・" */
	g_free(r);
	wp_para_free(p);
}
END_TEST

/* Font features as "start-end:features" (one attribute a stretch). */
static char *
features(const struct wp_para *p)
{
	GSList	*l, *all = pango_attr_list_get_attributes(p->attrs);
	GString	*s = g_string_new(NULL);

	for (l = all; l != NULL; l = l->next) {
		PangoAttribute *a = l->data;
		if (a->klass->type == PANGO_ATTR_FONT_FEATURES)
			g_string_append_printf(s, "%s%u-%u:%s", s->len ? " " : "",
			    a->start_index, a->end_index,
			    ((PangoAttrFontFeatures *)a)->features);
	}
	g_slist_free_full(all, (GDestroyNotify)pango_attribute_destroy);
	return g_string_free(s, FALSE);
}

START_TEST(punctuation_pairs)
{
	struct wp_para	*p = composed("です。」、「『あ");
	char		*r = features(p);

	/* 。 」 、 are compressed before the next bracket; 『 after 「;
	 * all of it off the font's kerning */
	ck_assert_str_eq(r, "0-6:kern 0 6-15:kern 0, halt 1 15-18:kern 0 "
	    "18-21:kern 0, halt 1 21-24:kern 0");
	g_free(r);
	wp_para_free(p);
}
END_TEST

/* Japanese is set on the full-width grid; Latin keeps its kerning. */
START_TEST(kerning_off_in_japanese)
{
	struct wp_para	*p = composed("IIJのSMXです");
	char		*r = features(p);

	/* IIJ(3) QSPACE(3) の(3) QSPACE(3) SMX(3) です(6) */
	ck_assert_str_eq(r, "6-9:kern 0 18-24:kern 0");
	g_free(r);
	wp_para_free(p);
}
END_TEST

/* ( ) and “ ” inside Japanese are set full width when asked. */
START_TEST(fullwidth_marked)
{
	struct wp_para	*p = wp_para_new();
	char		*r;

	p->fullwidth = 1;
	wp_para_add(p, "ます(本書)と“2.1”を see (RFC)", -1, 0, NULL);
	wp_para_compose(p, 10, 0, 0, NULL);
	r = features(p);
	/* ( after ます and ) before と become （ ）, on the grid like the
	 * rest; “ after と and ” before を are drawn by fwid; not (RFC) */
	ck_assert_str_eq(r, "0-21:kern 0 21-24:kern 0, fwid 1 "
	    "27-30:kern 0, fwid 1 30-33:kern 0");
	ck_assert_str_eq(p->text->str, "ます（本書）と“2.1”を\u2002see (RFC)");
	g_free(r);
	wp_para_free(p);
	/* a list marker's ) with no ( and no Japanese beside it: as typed */
	p = wp_para_new();
	p->fullwidth = 1;
	wp_para_add(p, "a)", -1, 0, NULL);
	wp_para_compose(p, 10, 0, 0, NULL);
	r = features(p);
	ck_assert_str_eq(r, "");
	g_free(r);
	wp_para_free(p);
	p = composed("ます(本書)と");		/* the style's choice: off */
	r = features(p);
	ck_assert_ptr_null(strstr(r, "fwid"));
	g_free(r);
	wp_para_free(p);
}
END_TEST

/* Numbers with counters, designations, dotted identifiers: whole. */
START_TEST(inseparables_protected)
{
	struct wp_para	*p = composed("は35カテゴリ、ISO/IEC 27017:2015と"
			    "CLD.9.5.2と第 1.7 版");
	char		*r = ranges(p, PANGO_ATTR_ALLOW_BREAKS);

	/* は QSPACE 35 QSPACE カテゴリ: 6-23; 、; ISO/IEC 27017:2015:
	 * 26-44, and its tokens ISO/IEC 26-33, 27017:2015 34-44;
	 * QSPACE と QSPACE; CLD.9.5.2: 53-62; QSPACE と; 第 QSPACE 1.7
	 * QSPACE 版: 68-83, and its token 1.7 */
	ck_assert_str_eq(r, "6-23 26-33 26-44 34-44 53-62 68-83 74-77");
	g_free(r);
	wp_para_free(p);
}
END_TEST

/* Display text: each phrase whole, breaks at the model's U+200B only. */
START_TEST(phrases_protected)
{
	struct wp_para	*p = wp_para_new();
	char		*r;

	wp_para_add(p, "資産の\u200b管理", -1, RUN_PHRASED, NULL);
	wp_para_compose(p, 10, 0, 0, NULL);
	r = ranges(p, PANGO_ATTR_ALLOW_BREAKS);
	ck_assert_str_eq(r, "0-9 12-18");
	ck_assert_str_eq(p->text->str, "資産の\u200b管理");
	g_free(r);
	wp_para_free(p);
}
END_TEST

/* Composed again with breaks.c's marks: a U+2028 before a break, the
 * punctuation halved, the quarter-em space narrowed to 1/8 em. */
START_TEST(marks_applied)
{
	struct wp_para	*p = composed("あ、いIIJう");
	unsigned char	*m = calloc(p->ninfo + 1, 1);
	char		*r;

	/* あ 、 い QSPACE I I J QSPACE う */
	m[1] = MARK_HALT;
	m[3] = MARK_NARROW;
	m[8] = MARK_BREAK;
	wp_para_recompose(p, m);
	ck_assert_str_eq(p->text->str,
	    "あ、い\u2002IIJ\u2002\u2028う");
	ck_assert(p->info[8].flags & CH_SOFT);
	r = features(p);
	ck_assert_str_eq(r, "0-3:kern 0 3-6:kern 0, halt 1 6-9:kern 0 "
	    "21-24:kern 0");
	g_free(r);
	r = ranges(p, PANGO_ATTR_LETTER_SPACING);
	ck_assert_str_eq(r, "9-12 15-18");
	g_free(r);
	/* the first narrowed by 3/8 em, the other by 1/4 */
	GSList *all = pango_attr_list_get_attributes(p->attrs);
	int ls[2], k = 0;
	for (GSList *l = all; l != NULL; l = l->next) {
		PangoAttribute *a = l->data;
		if (a->klass->type == PANGO_ATTR_LETTER_SPACING && k < 2)
			ls[k++] = ((PangoAttrInt *)a)->value;
	}
	g_slist_free_full(all, (GDestroyNotify)pango_attribute_destroy);
	ck_assert_int_eq(ls[0], -10 * PANGO_SCALE * 3 / 8);
	ck_assert_int_eq(ls[1], -10 * PANGO_SCALE / 4);
	wp_para_free(p);
}
END_TEST

START_TEST(no_hyphens_language_ja)
{
	struct wp_para	*p = composed("internationalization");
	char		*h = ranges(p, PANGO_ATTR_INSERT_HYPHENS);
	char		*l = ranges(p, PANGO_ATTR_LANGUAGE);

	ck_assert_str_eq(h, "0-20");
	ck_assert_str_eq(l, "0-20");
	g_free(h);
	g_free(l);
	wp_para_free(p);
}
END_TEST

START_TEST(links_follow_composition)
{
	struct wp_para *p = wp_para_new();

	wp_para_add(p, "方針（", -1, 0, NULL);
	wp_para_add(p, "https://x.jp/", -1, RUN_LINK, "https://x.jp/");
	wp_para_add(p, "）と", -1, 0, NULL);
	wp_para_compose(p, 10, 0, 0, NULL);
	ck_assert_uint_eq(p->nlinks, 1);
	ck_assert_str_eq(p->links[0].target, "https://x.jp/");
	/* 方針（ is 9 bytes; the URL gained one U+200B (3 bytes) */
	ck_assert_uint_eq(p->links[0].start, 9);
	ck_assert_uint_eq(p->links[0].end, 9 + 13 + 3);
	wp_para_free(p);
}
END_TEST

/* English phrases are spans of their own: two words or more, one in
 * lower case; not an acronym pair or a designation. */
START_TEST(english_spans)
{
	struct wp_para	*p = composed("本書は Software as a Service (SaaS) "
			    "です。IIJ SMX と ISO/IEC 27017 は略称です。");
	char		*t;

	ck_assert_uint_eq(p->nenglish, 1);
	t = g_strndup(p->text->str + p->english[0].start,
	    p->english[0].end - p->english[0].start);
	ck_assert_str_eq(t, "Software as a Service");
	g_free(t);
	wp_para_free(p);
}
END_TEST

/* The JLReq classes (base/chars.c): every member of each as written,
 * and characters that are not, nor can be (none, beyond Unicode). */
START_TEST(character_classes)
{
	static const struct {
		int		 (*in)(uint32_t);
		const char	*yes, *no;
	} classes[] = {
		{ wp_is_open, "「『（［〔【〈《‘“([{«〝｢", "」。、あ漢A0 ）" },
		{ wp_is_close, "」』）］〕】〉》、。，．", "「（あ漢A.,!" },
		{ wp_no_line_start, "、。」』）ぁぃぅぇぉっゃゅょゎァッャー々ゝ！？・：；",
		    "「（あア漢A0" },
		{ wp_is_fw_punct, "（［「『」』）、。", "(あ漢A,.!" },
	};

	for (size_t k = 0; k < sizeof(classes) / sizeof(classes[0]); k++) {
		uint32_t	*c;
		size_t		 n = wp_utf8_decode(classes[k].yes,
				    strlen(classes[k].yes), &c, NULL);
		for (size_t i = 0; i < n; i++)
			ck_assert_msg(classes[k].in(c[i]), "class %zu: U+%04X "
			    "not in it", k, (unsigned)c[i]);
		free(c);
		n = wp_utf8_decode(classes[k].no, strlen(classes[k].no), &c,
		    NULL);
		for (size_t i = 0; i < n; i++)
			ck_assert_msg(!classes[k].in(c[i]), "class %zu: U+%04X "
			    "in it", k, (unsigned)c[i]);
		free(c);
		ck_assert(!classes[k].in(0));
		ck_assert(!classes[k].in(0x20BB7));	/* 𠮷 */
		ck_assert(!classes[k].in(0x110000 + 0xE3));	/* a stray byte */
	}
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("compose");
	TCase	*tc = tcase_create("compose");

	tcase_add_test(tc, quarter_space_inserted);
	tcase_add_test(tc, typed_space_normalised);
	tcase_add_test(tc, no_space_beside_brackets);
	tcase_add_test(tc, quarter_space_half_size);
	tcase_add_test(tc, url_breakable);
	tcase_add_test(tc, url_pieces_protected);
	tcase_add_test(tc, slash_token_protected);
	tcase_add_test(tc, kinsoku_gaps_closed);
	tcase_add_test(tc, punctuation_pairs);
	tcase_add_test(tc, kerning_off_in_japanese);
	tcase_add_test(tc, fullwidth_marked);
	tcase_add_test(tc, inseparables_protected);
	tcase_add_test(tc, phrases_protected);
	tcase_add_test(tc, marks_applied);
	tcase_add_test(tc, no_hyphens_language_ja);
	tcase_add_test(tc, links_follow_composition);
	tcase_add_test(tc, english_spans);
	tcase_add_test(tc, character_classes);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
