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
	p->fullwidth = 1;
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

/*
 * A URL breaks after / ? = and before # & _ ~ % -, never inside "://"
 * and never beside a full stop (index.⏎html, a line starting with "."),
 * and between two letters or digits only where nothing else would do.
 */
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
			const char *at = t + l->start_index, *p = at;
			gunichar b, a;
			if (at <= url || at >= end)
				continue;
			do	/* the characters before and after the break */
				p = g_utf8_prev_char(p);
			while (*p & 0x80);
			b = (gunichar)*p;
			a = (gunichar)*at;
			ck_assert_msg(b != '.' && a != '.',
			    "width %.2f em: URL broken beside '.'", w);
			ck_assert_msg(strchr("/?=", (int)b) != NULL ||
			    strchr("#&_~%-", (int)a) != NULL ||
			    (g_ascii_isalnum((char)b) && g_ascii_isalnum((char)a)),
			    "width %.2f em: URL broken between '%c' and '%c'", w,
			    (char)b, (char)a);
			ck_assert_msg(!(b == ':' && a == '/') &&
			    !(b == '/' && a == '/'),
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

/* The characters of a layout in order, with their glyphs' widths, the
 * U+2028 that breaks.c inserts left out. */
struct glyphs {
	gunichar	 c[1024];
	int		 w[1024], line[1024];
	size_t		 n;
};

static void
glyphs_of(PangoLayout *lay, struct glyphs *g)
{
	const char	*t = pango_layout_get_text(lay);
	int		 line = 0;

	g->n = 0;
	for (GSList *l = pango_layout_get_lines_readonly(lay); l;
	    l = l->next, line++)
		for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r;
		    r = r->next) {
			PangoGlyphItem *gi = r->data;
			for (int i = 0; i < gi->glyphs->num_glyphs &&
			    g->n < 1024; i++) {
				gunichar c = g_utf8_get_char(t +
				    gi->item->offset +
				    gi->glyphs->log_clusters[i]);
				if (c == 0x2028)
					continue;
				g->c[g->n] = c;
				g->w[g->n] = gi->glyphs->glyphs[i].geometry.width;
				g->line[g->n++] = line;
			}
		}
}

/* Japanese text with short Latin words: always fillable. */
static const char solid_text[] =
    "弊社では情報セキュリティ基本方針を定め、方針に従いサービスを運営して"
    "おります。なお、上記規程に、全ての社員に対する教育活動を実施する旨を"
    "定めております。IIJ SMXの設備はISMS認証を取得したデータセンターに"
    "設置され、「重要な設備」として管理されています。";

/*
 * Every line but the last ends exactly at the measure.  In text that
 * holds long unbreakable tokens (a URL beside an English sentence) a
 * line that could be filled only by spacing its characters more than
 * WP_SPREAD_MAX em is left short instead: at most one at any width.
 */
START_TEST(justified_edge)
{
	double	w;
	int	i, n, shorts;

	for (w = 10; w <= 40; w += 0.5) {
		PangoLayout *lay = set(solid_text, w, 1);
		n = pango_layout_get_line_count(lay);
		for (i = 0; i + 1 < n; i++) {
			PangoLayoutLine *l = pango_layout_get_line(lay, i);
			ck_assert_msg(wp_line_width(l) ==
			    (int)lround(w * body.size * PANGO_SCALE),
			    "width %.1f em: line %d ends short (%d): |%.*s|", w, i, wp_line_width(l),
			    l->length, pango_layout_get_text(lay) +
			    l->start_index);
		}
		ck_assert_int_le(wp_line_width(pango_layout_get_line(lay,
		    n - 1)), (int)lround(w * body.size * PANGO_SCALE));
		g_object_unref(lay);
		lay = set(justify_text, w, 1);
		n = pango_layout_get_line_count(lay);
		for (i = shorts = 0; i + 1 < n; i++)
			shorts += wp_line_width(pango_layout_get_line(lay, i)) !=
			    (int)lround(w * body.size * PANGO_SCALE);
		ck_assert_msg(shorts <= 1, "width %.1f em: %d lines short", w,
		    shorts);
		g_object_unref(lay);
	}
}
END_TEST

static int
latin_side(gunichar c)
{
	return (c > 0x20 && c < 0x7F) || c == WP_ZWSP;
}

/*
 * How justification spreads a line, against the same text set on one
 * line (its natural widths): nothing inside a Latin word, token or URL;
 * at most WP_SPREAD_MAX em between characters (at the 40 em measure;
 * more at narrower ones, as WP_FILLABLE says); a word space or a
 * Japanese-Latin space WP_SPACE_SHARE times what a gap between
 * characters gets (a product name is not torn apart by a wider gap
 * than its neighbours, nor a Latin word set beside a half-em hole).
 * The rounding remainder goes to a line's last gap, left out here.
 */
START_TEST(justified_limits)
{
	PangoLayout	*nat = set(justify_text, 1000, 0);
	struct glyphs	*a = malloc(sizeof(*a)), *b = malloc(sizeof(*b));
	double		 w;

	glyphs_of(nat, b);
	for (w = 12; w <= 40; w += 0.5) {
		PangoLayout *j = set(justify_text, w, 1);
		glyphs_of(j, a);
		ck_assert_int_eq(a->n, b->n);
		for (size_t i = 0; i + 1 < a->n; i++) {
			int extra = a->w[i] - b->w[i];
			if (a->line[i + 1] != a->line[i] ||
			    (i + 2 < a->n && a->line[i + 2] != a->line[i]))
				continue;	/* a line's end, or last gap */
			if (a->w[i] == 0)
				continue;	/* white space at a line's end */
			if (latin_side(a->c[i]) && latin_side(a->c[i + 1]) &&
			    a->c[i] != ' ')
				ck_assert_msg(extra == 0, "width %.1f: %d added "
				    "inside a Latin token at U+%04X", w, extra,
				    (unsigned)a->c[i]);
			if (wp_is_japanese(a->c[i]) &&
			    wp_is_japanese(a->c[i + 1]))
				ck_assert_msg(extra <= EM * WP_SPREAD_MAX *
				    (w < 40 ? 40 / w : 1) + 1,
				    "width %.1f: %d added between characters",
				    w, extra);
		}
		g_object_unref(j);
	}
	free(a);
	free(b);
	g_object_unref(nat);
}
END_TEST

/* A word space takes WP_SPACE_SHARE shares, a gap between kana one. */
START_TEST(spaces_share_evenly)
{
	/* one line, broken so that it must stretch: a long token next */
	PangoLayout	*lay = set("あいうえお IIJ SMX かきくけこさしすせそ"
			    "https://www.example.jp/aaaaaaaaaaaaaaaaaaaaaaaa", 18, 1);
	PangoLayout	*nat = set("あいうえお IIJ SMX かきくけこさしすせそ"
			    "https://www.example.jp/aaaaaaaaaaaaaaaaaaaaaaaa", 1000, 0);
	struct glyphs	*a = malloc(sizeof(*a)), *b = malloc(sizeof(*b));
	int		 kana = -1, space = -1;

	glyphs_of(lay, a);
	glyphs_of(nat, b);
	for (size_t i = 0; i + 2 < a->n && a->line[i + 2] == 0; i++) {
		if (a->c[i] == 0x3044)			/* い */
			kana = a->w[i] - b->w[i];
		if (a->c[i] == ' ' && a->c[i - 1] == 'J')	/* IIJ SMX */
			space = a->w[i] - b->w[i];
	}
	ck_assert_int_gt(kana, 0);
	ck_assert_int_le(abs(space - WP_SPACE_SHARE * kana), 2);
	free(a);
	free(b);
	g_object_unref(lay);
	g_object_unref(nat);
}
END_TEST

/* Kana and kanji stand on the full-width grid: the font's kerning
 * (す。, ティ) is not applied between them; Latin keeps it. */
START_TEST(kana_not_kerned)
{
	PangoLayout	*lay = set("セキュリティです。AVAILABLE", 30, 0);
	struct glyphs	*g = malloc(sizeof(*g));
	int		 av = 0;

	glyphs_of(lay, g);
	for (size_t i = 0; i < g->n; i++) {
		if (g->c[i] >= 0x3000)
			ck_assert_msg(g->w[i] == EM, "U+%04X set %d wide",
			    (unsigned)g->c[i], g->w[i]);
		if (g->c[i] == 'A' && i + 1 < g->n && g->c[i + 1] == 'V')
			av = g->w[i];
	}
	/* AV is kerned: narrower than the A before L */
	ck_assert_int_gt(av, 0);
	free(g);
	g_object_unref(lay);
}
END_TEST

/*
 * A layout's text as read: the composer's insertions out (U+200B,
 * U+2028), its quarter-em space a space; starts[] flags the characters
 * a line starts with.
 */
static size_t
read_text(PangoLayout *lay, gunichar *c, char *starts, size_t max)
{
	const char	*t = pango_layout_get_text(lay), *p;
	size_t		 n = 0;
	int		 line = 0;
	PangoLayoutLine	*l = pango_layout_get_line_readonly(lay, 0);
	int		 next = 0;

	for (p = t; *p != '\0' && n < max; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		int at_start = 0;
		while (l != NULL && p - t >= next) {
			at_start = p - t == next && line > 0;
			l = pango_layout_get_line_readonly(lay, line);
			next = l != NULL ? l->start_index + l->length : 1 << 30;
			line++;
		}
		if (ch == WP_ZWSP || ch == 0x2028)
			continue;
		c[n] = ch == WP_QSPACE ? ' ' : ch;
		starts[n++] = (char)at_start;
	}
	return n;
}

/* Numbers stay with their counters, designations with their numbers,
 * dotted identifiers whole, at every measure. */
START_TEST(inseparable_runs)
{
	static const char *const runs[] = { "35 カテゴリ", "10 営業日",
	    "2015 年", "14 箇条", "ISO/IEC 27017:2015", "NIST SP 800-88",
	    "CLD.9.5.2", "第 1.7 版" };
	const char *text = "規範（14箇条・35カテゴリ・114管理策）は、10営業日"
	    "以内に2015年のISO/IEC 27017:2015とNIST SP 800-88、"
	    "CLD.9.5.2を第 1.7 版で参照します。";
	gunichar	 c[512];
	char		 starts[512];
	double		 w;
	int		 seen = 0;

	for (w = 8; w <= 30; w += 0.25) {
		PangoLayout *lay = set(text, w, 1);
		size_t n = read_text(lay, c, starts, 512);
		for (size_t k = 0; k < sizeof(runs) / sizeof(*runs); k++) {
			glong m;
			gunichar *r = g_utf8_to_ucs4(runs[k], -1, NULL, &m,
			    NULL);
			for (size_t i = 0; i + (size_t)m <= n; i++) {
				if (memcmp(c + i, r, (size_t)m * sizeof(*r)))
					continue;
				seen++;
				for (glong j = 1; j < m; j++)
					ck_assert_msg(!starts[i + j],
					    "width %.2f em: \"%s\" broken", w,
					    runs[k]);
			}
			g_free(r);
		}
		g_object_unref(lay);
	}
	/* every run found at every width */
	ck_assert_int_eq(seen, 89 * 8);
}
END_TEST

/* No paragraph ends with a line of one character (JLReq's 泣き別れ;
 * in a narrow cell, 使⏎用). */
START_TEST(lone_last_avoided)
{
	const char *text = "あいうえおかきくけこさしすせそたちつてとなにぬねの"
	    "はひふへほまみむめもや";
	int	w, lone = 0;

	for (w = 4; w <= 20; w++) {
		for (int j = 0; j < 2; j++) {
			PangoLayout *lay = set(text, w, j);
			int n = pango_layout_get_line_count(lay);
			PangoLayoutLine *l = pango_layout_get_line_readonly(lay,
			    n - 1);
			ck_assert_msg(n == 1 || g_utf8_strlen(
			    pango_layout_get_text(lay) + l->start_index,
			    l->length) > 1, "width %d em: a last line of one "
			    "character", w);
			/* 31 characters: one over at 5, 6, 10, 15 em */
			lone += 31 % w == 1 && n > 1;
			g_object_unref(lay);
		}
	}
	ck_assert_int_gt(lone, 0);
}
END_TEST

/*
 * A line shrinks before it stretches (JLReq 3.8): rather than send 「こ。」
 * to the next line and spread what is left over nine gaps, the 。 at
 * the line's end gives up its half-em blank and the line fits.
 */
START_TEST(shrink_before_stretch)
{
	PangoLayout	*lay = set("あいうえおかきくけこ。さしすせそたちつてと", 10.5,
			    1);
	PangoLayoutLine	*l = pango_layout_get_line_readonly(lay, 0);
	const char	*t = pango_layout_get_text(lay) + l->start_index;

	ck_assert_msg(strstr(t, "こ。") != NULL &&
	    strstr(t, "こ。") < t + l->length, "line 1: |%.*s|", l->length, t);
	ck_assert_int_eq(wp_line_width(pango_layout_get_line(lay, 0)),
	    (int)lround(10.5 * EM));
	g_object_unref(lay);
}
END_TEST

/* ASCII parentheses inside Japanese are set full width, as （ ）; in
 * Latin text they stay as they are. */
START_TEST(fullwidth_parentheses)
{
	PangoLayout *lay = set("ます(本書では)と see (RFC) now", 30, 0);

	ck_assert_int_eq(char_width(lay, 0xFF08, 0, NULL), EM);
	ck_assert_int_eq(char_width(lay, 0xFF09, 0, NULL), EM);
	ck_assert_int_lt(char_width(lay, '(', 0, NULL), EM / 2);
	ck_assert_ptr_nonnull(strstr(pango_layout_get_text(lay),
	    "ます（本書では）と"));
	g_object_unref(lay);
}
END_TEST

/* Display text breaks only between its phrases (the model's U+200B). */
START_TEST(display_breaks_between_phrases)
{
	const char	*text = "クラウドコンピューティング\u200b環境における"
			    "\u200b役割及び\u200b責任の\u200b共有及び\u200b分担";
	double		 w;
	int		 breaks = 0;

	for (w = 9; w <= 30; w += 0.5) {
		struct wp_para *p = wp_para_new();
		struct wp_text_style ts = body;
		PangoLayout *lay;
		ts.align = ALIGN_LEFT;
		wp_para_add(p, text, -1, RUN_PHRASED, NULL);
		wp_para_compose(p, ts.size, 0, 0, NULL);
		lay = wp_lines_layout(F, &ts, p, w * ts.size, 0);
		for (int i = 1; i < pango_layout_get_line_count(lay); i++) {
			PangoLayoutLine *l = pango_layout_get_line_readonly(lay,
			    i);
			const char *at = pango_layout_get_text(lay) +
			    l->start_index;
			ck_assert_msg(g_utf8_get_char(g_utf8_prev_char(at)) ==
			    WP_ZWSP, "width %.1f em: broken inside a phrase "
			    "at |%s|", w, at);
			breaks++;
		}
		g_object_unref(lay);
		wp_para_free(p);
	}
	ck_assert_int_gt(breaks, 0);
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
 * Text is set in the subsets `make` cuts (fonts/subset/), a kanji
 * outside JIS X 0208 too (髙, U+9AD9); one outside the subsets (𠮷,
 * U+20BB7) comes from the full face, with no missing glyph.
 */
START_TEST(subset_then_full_face)
{
	PangoLayout	*lay = set("高橋と髙橋と𠮷野、ISO/IEC 27017", 30, 1);
	char		*in = family_of(lay, "高"), *out = family_of(lay, "𠮷");
	char		*latin = family_of(lay, "ISO"), *rare = family_of(lay, "髙");

	ck_assert_str_eq(in, "wpgen Noto Serif CJK JP");
	ck_assert_str_eq(rare, "wpgen Noto Serif CJK JP");
	ck_assert_str_eq(latin, "wpgen Noto Serif CJK JP");
	ck_assert_str_eq(out, "Noto Serif CJK JP");
	ck_assert_int_eq(pango_layout_get_unknown_glyphs_count(lay), 0);
	g_free(in);
	g_free(out);
	g_free(latin);
	g_free(rare);
	g_object_unref(lay);
}
END_TEST

/* ---- paragraphs set once, kept for the next document (setcache.h) ---- */

static const char cached_text[] =
    "当社は、お客様のデータを「ISO/IEC 27017」に基づき管理しています。"
    "詳細は https://example.jp/security/ をご覧ください。";

/* A paragraph of cached_text with a link, set in a new document of e. */
static PangoLayout *
set_in(struct wp_engine *e, double width_em, struct wp_lines *sp)
{
	struct wp_para *p = wp_para_new();

	wp_para_add(p, "当社は、", -1, 0, NULL);
	wp_para_add(p, cached_text + strlen("当社は、"), -1, RUN_LINK,
	    "#policy");
	ck_assert_int_eq(wp_lines_set(e, sp, p, ROLE_BODY,
	    width_em * body.size, 0), 0);
	return sp->layout;
}

/* The text of a layout's lines, a line a string, joined by '|'. */
static char *
line_texts(PangoLayout *lay)
{
	GString	*g = g_string_new(NULL);

	for (int i = 0; i < pango_layout_get_line_count(lay); i++) {
		PangoLayoutLine *l = pango_layout_get_line_readonly(lay, i);
		g_string_append_len(g, pango_layout_get_text(lay) +
		    l->start_index, l->length);
		g_string_append_printf(g, "|%d|", wp_line_width(l));
	}
	return g_string_free(g, FALSE);
}

/*
 * The same paragraph set again, in the next document, is the very
 * layout the first setting made, and its paragraph the same, its link
 * an element of the new document; at another width it is set anew.
 */
START_TEST(set_again_from_cache)
{
	struct wp_engine	 e;
	struct wp_lines		 a, b, c;
	struct wp_doc		*d1, *d2;
	char			*la, *lc;

	wp_engine_start(&e, F, S->style);
	set_in(&e, 12, &a);
	la = line_texts(a.layout);
	d1 = wp_engine_finish(&e);
	wp_engine_start(&e, F, S->style);
	set_in(&e, 12, &b);
	ck_assert_ptr_eq(b.layout, a.layout);
	ck_assert_str_eq(b.para->text->str, a.para->text->str);
	ck_assert_uint_eq(b.para->nlinks, 1);
	ck_assert_str_eq(b.para->links[0].target, "#policy");
	ck_assert_uint_eq(b.para->links[0].start, a.para->links[0].start);
	ck_assert_int_gt(b.para->links[0].elem, 0);
	ck_assert_ptr_ne(b.para, a.para);
	set_in(&e, 13, &c);
	ck_assert_ptr_ne(c.layout, a.layout);
	lc = line_texts(c.layout);
	ck_assert_str_ne(lc, la);
	d2 = wp_engine_finish(&e);
	/* the first document gone, the second still draws its lines */
	wp_doc_free(d1);
	free(lc);
	lc = line_texts(b.layout);
	ck_assert_str_eq(lc, la);
	wp_doc_free(d2);
	free(la);
	free(lc);
}
END_TEST

/* What the cache kept and no later document used is set anew. */
START_TEST(cache_forgets_unused)
{
	struct wp_engine	 e;
	struct wp_lines		 a, b;
	struct wp_doc		*d[12];
	int			 n = 0;

	wp_engine_start(&e, F, S->style);
	set_in(&e, 11, &a);
	d[n++] = wp_engine_finish(&e);
	while (n < 11) {
		wp_engine_start(&e, F, S->style);
		d[n++] = wp_engine_finish(&e);
	}
	wp_engine_start(&e, F, S->style);
	set_in(&e, 11, &b);
	ck_assert_ptr_ne(b.layout, a.layout);
	d[n++] = wp_engine_finish(&e);
	while (n-- > 0)
		wp_doc_free(d[n]);
}
END_TEST

/* A table cell measured again, in the next document, has the widths it
 * had, taken from the cache: it is not even composed. */
START_TEST(measure_again_from_cache)
{
	struct wp_engine	 e;
	struct wp_para		*p[2];
	double			 lo[2], hi[2];

	for (int k = 0; k < 2; k++) {
		p[k] = wp_para_new();
		wp_para_add(p[k], "制定・改定日：2024年4月1日", -1, 0, NULL);
		wp_engine_start(&e, F, S->style);
		wp_lines_measure(&e, p[k], ROLE_TABLE, &lo[k], &hi[k]);
		wp_doc_free(wp_engine_finish(&e));
	}
	ck_assert_ptr_nonnull(p[0]->text);
	ck_assert_ptr_null(p[1]->text);
	ck_assert_double_gt(lo[0], 0);
	ck_assert_double_gt(hi[0], lo[0]);
	ck_assert_double_eq(lo[1], lo[0]);
	ck_assert_double_eq(hi[1], hi[0]);
	wp_para_free(p[0]);
	wp_para_free(p[1]);
}
END_TEST

/* A contents line set twice is fitted to its width once: its leaders
 * end at the measure both times. */
START_TEST(entry_fitted_once)
{
	struct wp_engine	 e;
	struct wp_lines		 a, b;
	struct wp_doc		*d1, *d2;
	double			 w = 30 * body.size;
	char			*la, *lb;

	for (int k = 0; k < 2; k++) {
		struct wp_lines *sp = k == 0 ? &a : &b;
		wp_engine_start(&e, F, S->style);
		ck_assert_int_eq(wp_lines_entry(&e, sp, ROLE_TOC1, "5.",
		    "アクセス制御", 0, "12", w), 0);
		if (k == 0)
			d1 = wp_engine_finish(&e);
		else
			d2 = wp_engine_finish(&e);
	}
	ck_assert_ptr_eq(b.layout, a.layout);
	ck_assert_double_eq_tol(wp_lines_width(&b, 0), w, 0.01);
	la = line_texts(a.layout);
	lb = line_texts(b.layout);
	ck_assert_str_eq(la, lb);
	free(la);
	free(lb);
	wp_doc_free(d1);
	wp_doc_free(d2);
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
	tcase_add_test(tc, spaces_share_evenly);
	tcase_add_test(tc, kana_not_kerned);
	tcase_add_test(tc, inseparable_runs);
	tcase_add_test(tc, lone_last_avoided);
	tcase_add_test(tc, shrink_before_stretch);
	tcase_add_test(tc, fullwidth_parentheses);
	tcase_add_test(tc, display_breaks_between_phrases);
	tcase_add_test(tc, missing_glyph_counted);
	tcase_add_test(tc, subset_then_full_face);
	tcase_add_test(tc, set_again_from_cache);
	tcase_add_test(tc, cache_forgets_unused);
	tcase_add_test(tc, entry_fitted_once);
	tcase_add_test(tc, measure_again_from_cache);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
