/*
 * check_typeset: each Japanese composition rule proven on crafted
 * paragraphs set with the real fonts (fonts/fonts.conf, nothing from
 * the user's settings).  Line-breaking rules are checked as properties
 * over every measure from 5 to 30 em in quarter-em steps, so that each
 * paragraph is broken at every place it can be.
 */
#include <math.h>

#include "base/chars.h"
#include "testutil.h"
#include "typeset/compose.h"
#include "typeset/justify.h"
#include "typeset/engine.h"
#include "typeset/style.h"

static struct wp_fonts		*F;
static struct wp_text_style	 body;

static void
setup(void)
{
	setup_templates();
	F = wp_fonts_new(S->fonts_conf);
	ck_assert_ptr_nonnull(F);
	body = S->style->text[ROLE_BODY];
}

static void
teardown(void)
{
	wp_fonts_free(F);
	teardown_templates();
}

#define EM	((int)(body.size * PANGO_SCALE))

static PangoLayout *
set(const char *text, double width_em, int justify)
{
	struct wp_para		*p = wp_para_new();
	struct wp_text_style	 ts = body;
	PangoLayout		*lay;

	ts.align = justify ? ALIGN_JUSTIFY : ALIGN_LEFT;
	wp_para_add(p, text, -1, 0, NULL);
	wp_para_compose(p, ts.size, 0, 0, NULL);
	lay = wp_lines_layout(F, &ts, p, width_em * ts.size, 0);
	wp_para_free(p);
	return lay;
}

static int
blank(gunichar c)
{
	return c == ' ' || c == WP_QSPACE || c == WP_ZWSP;
}

/* First and last visible characters of line i. */
static void
ends(PangoLayout *lay, int i, gunichar *first, gunichar *last)
{
	PangoLayoutLine	*l = pango_layout_get_line_readonly(lay, i);
	const char	*t = pango_layout_get_text(lay) + l->start_index;
	const char	*e = t + l->length;

	*first = *last = 0;
	for (; t < e && blank(g_utf8_get_char(t)); t = g_utf8_next_char(t))
		continue;
	if (t < e)
		*first = g_utf8_get_char(t);
	while (e > t && blank(g_utf8_get_char(g_utf8_prev_char(e))))
		e = g_utf8_prev_char(e);
	if (e > t)
		*last = g_utf8_get_char(g_utf8_prev_char(e));
}

static const char kinsoku_text[] =
    "「ISO/IEC 27017」は、クラウドサービス（SaaS、PaaS）のための規格です。"
    "ッャュョァ々ーの後、「『引用』」や（括弧）！？・：；を置きます。"
    "期間は1～3日、範囲は10～20件です。word ・ー word ッ。"
    "また、お客様の情報（お客様にて保存されるデータ）と弊社の情報は、"
    "明確に分離しております。";

/* No line starts with a closing bracket, stop, small kana and the like. */
START_TEST(kinsoku_line_start)
{
	double	w;
	int	i, n;

	for (w = 5; w <= 30; w += 0.25) {
		PangoLayout *lay = set(kinsoku_text, w, 1);
		n = pango_layout_get_line_count(lay);
		for (i = 1; i < n; i++) {
			gunichar f, l;
			ends(lay, i, &f, &l);
			ck_assert_msg(!wp_no_line_start(f),
			    "width %.2f em: line %d starts with U+%04X", w, i,
			    (unsigned)f);
		}
		g_object_unref(lay);
	}
}
END_TEST

/* No line ends with an opening bracket. */
START_TEST(kinsoku_line_end)
{
	double	w;
	int	i, n;

	for (w = 5; w <= 30; w += 0.25) {
		PangoLayout *lay = set(kinsoku_text, w, 1);
		n = pango_layout_get_line_count(lay);
		for (i = 0; i + 1 < n; i++) {
			gunichar f, l;
			ends(lay, i, &f, &l);
			ck_assert_msg(!wp_is_open(l), "width %.2f em: line %d "
			    "ends with U+%04X", w, i, (unsigned)l);
		}
		g_object_unref(lay);
	}
}
END_TEST

/* "ISO/IEC" and "TCP/IP" stay whole; Pango would break after '/'. */
START_TEST(tokens_whole)
{
	const char *text = "規格ISO/IEC27017とISO/IEC27002、TCP/IPの通信、"
	    "ISO/IEC 27001:2013を参照します。";
	double	w;
	int	i, n;

	for (w = 5; w <= 30; w += 0.25) {
		PangoLayout *lay = set(text, w, 1);
		n = pango_layout_get_line_count(lay);
		for (i = 1; i < n; i++) {
			PangoLayoutLine *l = pango_layout_get_line_readonly(lay,
			    i);
			const char *t = pango_layout_get_text(lay);
			ck_assert_msg(t[l->start_index - 1] != '/',
			    "width %.2f em: a line breaks after '/'", w);
		}
		g_object_unref(lay);
	}
}
END_TEST

/* A URL breaks only after / . - _ ? # & = and never inside "://". */
START_TEST(url_breaks)
{
	const char *text = "詳細は（https://www.iij.ad.jp/company/"
	    "development/tech/security-policy_2024/index.html?lang=ja&x=1#top）"
	    "をご覧ください。";
	double	w;
	int	i, n, broke = 0;

	for (w = 5; w <= 30; w += 0.25) {
		PangoLayout *lay = set(text, w, 1);
		const char *t = pango_layout_get_text(lay);
		const char *url = strstr(t, "https"), *end = strstr(t, "）");
		n = pango_layout_get_line_count(lay);
		for (i = 1; i < n; i++) {
			PangoLayoutLine *l = pango_layout_get_line_readonly(lay,
			    i);
			const char *at = t + l->start_index, *p;
			if (at <= url || at >= end)
				continue;
			p = g_utf8_prev_char(at);
			if (g_utf8_get_char(p) == WP_ZWSP)
				p = g_utf8_prev_char(p);
			ck_assert_msg(strchr("/.-_?#&=", *p) != NULL,
			    "width %.2f em: URL broken after '%c'", w, *p);
			ck_assert_msg(strncmp(p - 2, "://", 3) != 0 &&
			    strncmp(p - 1, "://", 3) != 0,
			    "width %.2f em: URL broken inside ://", w);
			broke++;
		}
		g_object_unref(lay);
	}
	ck_assert_int_gt(broke, 0);
}
END_TEST

/* No automatic hyphens, even in long Latin words at narrow measures. */
START_TEST(no_hyphens)
{
	PangoLayout		*lay = set("internationalization and "
	    "authentication configuration", 6, 1);
	const PangoLogAttr	*la;
	int			 n, i;

	la = pango_layout_get_log_attrs_readonly(lay, &n);
	for (i = 0; i < n; i++)
		ck_assert_msg(!la[i].break_inserts_hyphen, "hyphen at %d", i);
	g_object_unref(lay);
}
END_TEST

/* Width of the glyphs of one character, the n-th c of the text. */
static int
char_width(PangoLayout *lay, gunichar c, int nth, int *x_offset)
{
	const char	*t = pango_layout_get_text(lay);
	GSList		*l, *r;
	int		 i;

	for (l = pango_layout_get_lines_readonly(lay); l; l = l->next)
		for (r = ((PangoLayoutLine *)l->data)->runs; r; r = r->next) {
			PangoGlyphItem *gi = r->data;
			for (i = 0; i < gi->glyphs->num_glyphs; i++)
				if (g_utf8_get_char(t + gi->item->offset +
				    gi->glyphs->log_clusters[i]) == c &&
				    nth-- == 0) {
					if (x_offset)
						*x_offset = gi->glyphs->glyphs[i]
						    .geometry.x_offset;
					return gi->glyphs->glyphs[i]
					    .geometry.width;
				}
		}
	return -1;
}

/* A quarter em between Japanese and Latin, before justification. */
START_TEST(quarter_em_space)
{
	PangoLayout *lay = set("弊社のIIJ SMXは2024年に", 30, 0);
	int w = char_width(lay, WP_QSPACE, 0, NULL);

	ck_assert_int_lt(abs(w - EM / 4), EM / 100);
	g_object_unref(lay);
}
END_TEST

/* A pair of full-width punctuation takes 1.5 em, not 2. */
START_TEST(punctuation_pair_compressed)
{
	PangoLayout *lay = set("です。」と、「『あ』」", 30, 0);

	ck_assert_int_eq(char_width(lay, 0x3002, 0, NULL), EM / 2);  /* 。 */
	ck_assert_int_eq(char_width(lay, 0x300D, 0, NULL), EM);	     /* 」 last */
	ck_assert_int_eq(char_width(lay, 0x3001, 0, NULL), EM / 2);  /* 、 */
	ck_assert_int_eq(char_width(lay, 0x300E, 0, NULL), EM / 2);  /* 『 */
	g_object_unref(lay);
}
END_TEST

/* A line that starts with an opening bracket loses its leading half em. */
START_TEST(line_head_bracket)
{
	const char *text = "あいうえおかきくけこ「さしすせそ」たちつてと"
	    "なにぬねの「はひふへほ」まみむめも";
	double	w;
	int	i, n, seen = 0;

	for (w = 5; w <= 20; w += 1) {
		PangoLayout *lay = set(text, w, 1);
		n = pango_layout_get_line_count(lay);
		for (i = 1; i < n; i++) {
			PangoLayoutLine *l = pango_layout_get_line_readonly(lay,
			    i);
			PangoGlyphItem *gi = l->runs->data;
			const char *t = pango_layout_get_text(lay) +
			    l->start_index;
			if (g_utf8_get_char(t) != 0x300C)
				continue;
			ck_assert_int_eq(gi->glyphs->glyphs[0].geometry.x_offset,
			    -EM / 2);
			seen++;
		}
		g_object_unref(lay);
	}
	ck_assert_int_gt(seen, 0);
}
END_TEST

static const char justify_text[] =
    "IIJ SMXでは、お客様専用のポータルサイトの管理者認証に関しましては、"
    "IDとパスワードの認証に加え、アクセス元IPアドレスによる制限を提供して"
    "おります。また、IIJ IDサービス 多要素認証オプションをご契約いただく"
    "ことで、FIDO2を利用した生体認証や、クライアント証明書による認証を"
    "ご利用いただけます（https://www.iij.ad.jp/svcsol/）。Internet Initiative "
    "Japan Inc. All rights reserved.";

/* Every line but the last ends exactly at the measure. */
START_TEST(justified_edge)
{
	double	w;
	int	i, n;

	for (w = 10; w <= 40; w += 0.5) {
		PangoLayout *lay = set(justify_text, w, 1);
		n = pango_layout_get_line_count(lay);
		for (i = 0; i + 1 < n; i++)
			ck_assert_int_eq(wp_line_width(
			    pango_layout_get_line(lay, i)),
			    (int)lround(w * body.size * PANGO_SCALE));
		ck_assert_int_le(wp_line_width(pango_layout_get_line(lay,
		    n - 1)), (int)lround(w * body.size * PANGO_SCALE));
		g_object_unref(lay);
	}
}
END_TEST

/* Whether a line holds a Japanese character. */
static int
has_japanese(PangoLayout *lay, PangoLayoutLine *l)
{
	const char *t = pango_layout_get_text(lay) + l->start_index;
	const char *e = t + l->length;

	for (; t < e; t = g_utf8_next_char(t))
		if (wp_is_japanese(g_utf8_get_char(t)))
			return 1;
	return 0;
}

/*
 * Justification stretches in JLReq order within limits: word spaces
 * and Japanese-Latin spaces up to 1/2 em, never inside a Latin word.
 * (A line of Latin words alone has nothing but its spaces to stretch.)
 */
START_TEST(justified_limits)
{
	double	w;

	for (w = 12; w <= 40; w += 0.5) {
		PangoLayout	*j = set(justify_text, w, 1);
		PangoLayout	*r = set(justify_text, w, 0);
		const char	*t = pango_layout_get_text(j);
		GSList		*lj, *lr;

		ck_assert_int_eq(pango_layout_get_line_count(j),
		    pango_layout_get_line_count(r));
		for (lj = pango_layout_get_lines_readonly(j),
		    lr = pango_layout_get_lines_readonly(r); lj && lr;
		    lj = lj->next, lr = lr->next) {
			GSList *rj = ((PangoLayoutLine *)lj->data)->runs;
			GSList *rr = ((PangoLayoutLine *)lr->data)->runs;
			for (; rj && rr; rj = rj->next, rr = rr->next) {
				PangoGlyphItem *a = rj->data, *b = rr->data;
				int i;
				for (i = 0; i < a->glyphs->num_glyphs; i++) {
					const char *c = t + a->item->offset +
					    a->glyphs->log_clusters[i];
					gunichar ch = g_utf8_get_char(c);
					gunichar nx = g_utf8_get_char(
					    g_utf8_next_char(c));
					int wa = a->glyphs->glyphs[i].geometry.width;
					int wb = b->glyphs->glyphs[i].geometry.width;
					if ((ch == ' ' || ch == WP_QSPACE) &&
					    has_japanese(j, lj->data))
						ck_assert_msg(wa <= EM / 2 + 1,
						    "width %.1f: space of %d in |%.*s|", w, wa,
						    ((PangoLayoutLine *)lj->data)->length,
						    t + ((PangoLayoutLine *)lj->data)->start_index);
					if (wp_is_latin(ch) && wp_is_latin(nx))
						ck_assert_int_eq(wa, wb);
				}
			}
		}
		g_object_unref(j);
		g_object_unref(r);
	}
}
END_TEST

START_TEST(missing_glyph_counted)
{
	PangoLayout *lay = set("古代の文字\xf0\x93\x80\x80です", 30, 1);

	ck_assert_int_gt(pango_layout_get_unknown_glyphs_count(lay), 0);
	g_object_unref(lay);
}
END_TEST

/* The family of the font each character of a one-line text is set in. */
static char *
family_of(PangoLayout *lay, const char *ch)
{
	PangoLayoutLine	*l = pango_layout_get_line_readonly(lay, 0);
	const char	*t = pango_layout_get_text(lay);
	int		 at = (int)(strstr(t, ch) - t);

	for (GSList *r = l->runs; r != NULL; r = r->next) {
		PangoGlyphItem *gi = r->data;
		if (at >= gi->item->offset &&
		    at < gi->item->offset + gi->item->length) {
			PangoFontDescription *d = pango_font_describe(
			    gi->item->analysis.font);
			char *f = g_strdup(pango_font_description_get_family(d));
			pango_font_description_free(d);
			return f;
		}
	}
	return g_strdup("");
}

/*
 * Text is set in the subsets `make` cuts (fonts/subset/); a kanji
 * outside JIS X 0208 comes from the full face, with no missing glyph.
 */
START_TEST(subset_then_full_face)
{
	PangoLayout	*lay = set("高橋と髙橋、ISO/IEC 27017", 30, 1);
	char		*in = family_of(lay, "高"), *out = family_of(lay, "髙");
	char		*latin = family_of(lay, "ISO");

	ck_assert_str_eq(in, "wpgen Noto Serif CJK JP");
	ck_assert_str_eq(latin, "wpgen Noto Serif CJK JP");
	ck_assert_str_eq(out, "Noto Serif CJK JP");
	ck_assert_int_eq(pango_layout_get_unknown_glyphs_count(lay), 0);
	g_free(in);
	g_free(out);
	g_free(latin);
	g_object_unref(lay);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("typeset");
	TCase	*tc = tcase_create("typeset");

	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, kinsoku_line_start);
	tcase_add_test(tc, kinsoku_line_end);
	tcase_add_test(tc, tokens_whole);
	tcase_add_test(tc, url_breaks);
	tcase_add_test(tc, no_hyphens);
	tcase_add_test(tc, quarter_em_space);
	tcase_add_test(tc, punctuation_pair_compressed);
	tcase_add_test(tc, line_head_bracket);
	tcase_add_test(tc, justified_edge);
	tcase_add_test(tc, justified_limits);
	tcase_add_test(tc, missing_glyph_counted);
	tcase_add_test(tc, subset_then_full_face);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
