/*
 * check_diff: the character diff (minimal, code points not bytes,
 * phrases not confetti), clauses aligned by control number rather than
 * position, the report's forms, the revision-history check, and --rev.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/path.h"
#include "publish/publish.h"
#include "diff/chardiff.h"
#include "diff/diff.h"
#include "testutil.h"

/* ---- chardiff ----------------------------------------------------------- */

/* The diff as "=eq -del +ins" spans, for exact comparison. */
static char *
spans(const char *a, const char *b, int flags)
{
	struct wp_chardiff	*d = wp_chardiff(a, strlen(a), b, strlen(b),
				    flags);
	char			*s = NULL;
	size_t			 len;
	FILE			*f = open_memstream(&s, &len);

	for (size_t i = 0; i < d->n; i++)
		fprintf(f, "%s%c%s", i > 0 ? " " : "",
		    "=-+"[d->span[i].op], d->span[i].text);
	fclose(f);
	wp_chardiff_free(d);
	return s;
}

#define ck_assert_spans(a, b, flags, want) do { \
	char *got_ = spans((a), (b), (flags)); \
	ck_assert_msg(strcmp(got_, (want)) == 0, "diff of \"%s\" and \"%s\": " \
	    "got \"%s\", want \"%s\"", (a), (b), got_, (want)); \
	free(got_); \
} while (0)

/*
 * The diff gives back both texts, never has an empty span, and puts a
 * deletion before the insertion it meets; raw, it is minimal: it edits
 * len(a) + len(b) - 2 * LCS characters.  Returns the edited characters.
 */
static size_t
check_script(const char *a, const char *b, int flags)
{
	struct wp_chardiff	*d = wp_chardiff(a, strlen(a), b, strlen(b),
				    flags);
	char			*ra = wp_calloc(strlen(a) + 1, 1);
	char			*rb = wp_calloc(strlen(b) + 1, 1);
	size_t			 edited = 0, edits = 0;

	for (size_t i = 0; i < d->n; i++) {
		const struct wp_cd_span *sp = &d->span[i];
		ck_assert_uint_gt(sp->len, 0);
		ck_assert_uint_eq(strlen(sp->text), sp->len);
		if (sp->op != CD_INSERT)
			strcat(ra, sp->text);
		if (sp->op != CD_DELETE)
			strcat(rb, sp->text);
		if (sp->op != CD_EQUAL) {
			edits++;
			edited += sp->len;
		}
		if (i > 0 && sp->op == CD_DELETE)
			ck_assert_int_ne(d->span[i - 1].op, CD_INSERT);
		if (i > 0)
			ck_assert_int_ne(d->span[i - 1].op, sp->op);
	}
	ck_assert_str_eq(ra, a);
	ck_assert_str_eq(rb, b);
	ck_assert_uint_eq(edits, d->edits);
	free(ra);
	free(rb);
	wp_chardiff_free(d);
	return edited;
}

static size_t
lcs(const char *a, const char *b)
{
	size_t	 na = strlen(a), nb = strlen(b);
	size_t	*t = wp_calloc((na + 1) * (nb + 1), sizeof(*t)), r;

	for (size_t i = 1; i <= na; i++)
		for (size_t j = 1; j <= nb; j++)
			t[i * (nb + 1) + j] = a[i - 1] == b[j - 1] ?
			    t[(i - 1) * (nb + 1) + j - 1] + 1 :
			    t[(i - 1) * (nb + 1) + j] > t[i * (nb + 1) + j - 1] ?
			    t[(i - 1) * (nb + 1) + j] : t[i * (nb + 1) + j - 1];
	r = t[na * (nb + 1) + nb];
	free(t);
	return r;
}

/* A Latin word is one unit: changed whole, as a reviewer reads it. */
START_TEST(test_chardiff_ascii)
{
	ck_assert_spans("kitten", "sitting", WP_CD_RAW, "-kitten +sitting");
	ck_assert_spans("The cat sat.", "The dog sat.", 0,
	    "=The  -cat +dog = sat.");
	ck_assert_spans("abcdef", "abXdef", 0, "-abcdef +abXdef");
	ck_assert_spans("abc", "abcd", 0, "-abc +abcd");
	ck_assert_spans("abc", "xabc", 0, "-abc +xabc");
}
END_TEST

START_TEST(test_chardiff_japanese)
{
	/* Code points, never bytes: 語 and 人 share their first byte. */
	ck_assert_spans("日本語", "日本人", 0, "=日本 -語 +人");
	ck_assert_spans("役割を定義しております。",
	    "役割と責任を定義し、文書化しております。", 0,
	    "=役割 +と責任 =を定義 +し、文書化 =しております。");
	/* Raw, the coincidental の is kept; cleaned, the phrase is one edit. */
	ck_assert_spans("日本の文化", "中国の歴史", WP_CD_RAW,
	    "-日本 +中国 =の -文化 +歴史");
	ck_assert_spans("日本の文化", "中国の歴史", 0,
	    "-日本の文化 +中国の歴史");
	/* A phrase the sentence kept stays, even between long edits. */
	ck_assert_spans("本書でTCSにおけるクラウドセキュリティの取り組みを知っていただき、"
	    "TCSをご活用いただくことで、お役に立ちたいと考えております。",
	    "本書でTCSの取り組みを知っていただければ幸いです。", 0,
	    "=本書でTCS -におけるクラウドセキュリティ =の取り組みを知っていただ "
	    "-き、TCSをご活用いただくことで、お役に立ちたいと考えておりま "
	    "+ければ幸いで =す。");
}
END_TEST

START_TEST(test_chardiff_empty)
{
	ck_assert_spans("", "", 0, "");
	ck_assert_spans("", "", WP_CD_RAW, "");
	ck_assert_spans("", "新しい", 0, "+新しい");
	ck_assert_spans("古い", "", 0, "-古い");
}
END_TEST

START_TEST(test_chardiff_identical)
{
	struct wp_chardiff *d = wp_chardiff("同じ文章", 12, "同じ文章", 12, 0);

	ck_assert_uint_eq(d->n, 1);
	ck_assert_uint_eq(d->edits, 0);
	ck_assert_int_eq(d->span[0].op, CD_EQUAL);
	ck_assert_str_eq(d->span[0].text, "同じ文章");
	wp_chardiff_free(d);
}
END_TEST

START_TEST(test_chardiff_all_different)
{
	ck_assert_spans("abc", "xyz", 0, "-abc +xyz");
	ck_assert_spans("abc", "xyz", WP_CD_RAW, "-abc +xyz");
	ck_assert_spans("あいう", "かきくけ", 0, "-あいう +かきくけ");
}
END_TEST

START_TEST(test_chardiff_lines)
{
	/* A match with a line break is kept: edits in two paragraphs. */
	ck_assert_spans("A\nB", "C\nD", 0, "-A +C =\n -B +D");
	/* A new paragraph is a whole line, not the end of one and the
	 * start of the next. */
	ck_assert_spans("一。\n二。\n", "一。\n新。\n二。\n", 0,
	    "=一。\n +新。\n =二。\n");
	ck_assert_spans("一。\n二。\n三。\n", "一。\n", 0,
	    "=一。\n -二。\n三。\n");
}
END_TEST

START_TEST(test_chardiff_bad_utf8)
{
	/* Bytes that start no character compare, and come back, as bytes. */
	ck_assert_spans("a\xff" "b", "a\xfe" "b", 0, "=a -\xff +\xfe =b");
	check_script("\xe6\x97", "\xe6\x97\xa5", 0);
	check_script("\xc0\x80x\xed\xa0\x80", "x\xf4\x90\x80\x80", 0);
}
END_TEST

/* Long texts: one edit in the middle; or nothing in common. */
START_TEST(test_chardiff_large)
{
	size_t		 n = 30000, i;
	char		*a = wp_malloc(3 * n + 1), *b = wp_malloc(3 * n + 4);
	struct wp_chardiff *d;

	for (i = 0; i < n; i++)		/* あいう...: 3 bytes each */
		memcpy(a + 3 * i, (char[]){ '\xe3', (char)(0x81 +
		    (i / 64) % 2), (char)(0x80 + i % 64) }, 3);
	a[3 * n] = '\0';
	memcpy(b, a, 3 * n / 2);
	memcpy(b + 3 * n / 2, "\xe6\x96\xb0", 3);	/* 新 */
	strcpy(b + 3 * n / 2 + 3, a + 3 * n / 2);
	d = wp_chardiff(a, strlen(a), b, strlen(b), 0);
	ck_assert_uint_eq(d->n, 3);
	ck_assert_str_eq(d->span[1].text, "新");
	wp_chardiff_free(d);
	for (i = 0; i < 3 * n; i++)	/* nothing in common with a */
		b[i] = (char)('a' + i % 26);
	b[3 * n] = '\0';
	check_script(a, b, 0);
	free(a);
	free(b);
}
END_TEST

/* Random texts over small alphabets (of characters that make no word,
 * so that each is a unit): scripts hold, and raw is minimal. */
START_TEST(test_chardiff_random)
{
	static const char *const alpha[] = { "+*", "+*;\n", "!#$%&*+," };
	unsigned	 seed = 12345;
	char		 a[64], b[64];

	for (int round = 0; round < 3000; round++) {
		const char *al = alpha[round % 3];
		size_t k = strlen(al);
		size_t na, nb;
		seed = seed * 1103515245 + 12345;
		na = (seed >> 16) % 40;
		seed = seed * 1103515245 + 12345;
		nb = (seed >> 16) % 40;
		for (size_t i = 0; i < na; i++) {
			seed = seed * 1103515245 + 12345;
			a[i] = al[(seed >> 16) % k];
		}
		a[na] = '\0';
		/* b: a with some edits, or unrelated */
		for (size_t i = 0; i < nb; i++) {
			seed = seed * 1103515245 + 12345;
			b[i] = i < na && (seed >> 16) % 4 != 0 ? a[i] :
			    al[(seed >> 20) % k];
		}
		b[nb] = '\0';
		ck_assert_uint_eq(check_script(a, b, WP_CD_RAW),
		    na + nb - 2 * lcs(a, b));
		check_script(a, b, 0);
	}
}
END_TEST

/* Numbers, control numbers, dates and URLs are whole units. */
START_TEST(test_chardiff_units)
{
	ck_assert_spans("保存期間は90日です", "保存期間は180日です", 0,
	    "=保存期間は -90 +180 =日です");
	ck_assert_spans("CLD.9.5.1を参照", "CLD.9.5.2を参照", 0,
	    "-CLD.9.5.1 +CLD.9.5.2 =を参照");
	ck_assert_spans("2019.10.31に制定", "2019.11.25に制定", 0,
	    "-2019.10.31 +2019.11.25 =に制定");
	ck_assert_spans("（https://a.jp/x）を見る", "（https://a.jp/y）を見る", 0,
	    "=（ -https://a.jp/x +https://a.jp/y =）を見る");
}
END_TEST

/* ---- alignment ---------------------------------------------------------- */

static xmlDocPtr
model(const char *clauses)
{
	char		 buf[4096];
	xmlDocPtr	 doc;

	snprintf(buf, sizeof(buf), "<document><meta><title>T</title></meta>"
	    "<controls><chapter number=\"1\">%s</chapter></controls>"
	    "</document>", clauses);
	doc = xmlReadMemory(buf, (int)strlen(buf), "model.xml", NULL,
	    XML_PARSE_NONET);
	ck_assert_ptr_nonnull(doc);
	return doc;
}

#define CLAUSE(ctl, num, title, text) "<clause control=\"" ctl "\" number=\"" \
	num "\" title=\"" title "\"><control-line>" ctl "</control-line><p>" \
	text "</p></clause>"

static char *
report(xmlDocPtr old, xmlDocPtr new, enum wp_diff_format format, int *rc)
{
	struct wp_diff_opts	 o = { format, "a", "b" };
	char			*s = NULL;
	size_t			 len;
	FILE			*f = open_memstream(&s, &len);

	*rc = wp_diff_models(old, new, &o, f);
	fclose(f);
	return s;
}

START_TEST(test_align_by_control)
{
	/* Two clauses swap places with their numbers: by position both
	 * changed; by control number only their numbers did. */
	xmlDocPtr	 old = model(CLAUSE("6.1.1", "1.1", "甲", "甲の本文")
			    CLAUSE("9.2.3", "1.2", "乙", "乙の本文"));
	xmlDocPtr	 new = model(CLAUSE("9.2.3", "1.1", "乙", "乙の本文")
			    CLAUSE("6.1.1", "1.2", "甲", "甲の本文"));
	struct wp_diff	*d = wp_diff_new(old, new);

	ck_assert_uint_eq(wp_diff_clause(d, "6.1.1"), WP_DIFF_RENUMBERED);
	ck_assert_uint_eq(wp_diff_clause(d, "9.2.3"), WP_DIFF_RENUMBERED);
	ck_assert_int_eq(wp_diff_differs(d), 1);
	wp_diff_free(d);
	xmlFreeDoc(old);
	xmlFreeDoc(new);
}
END_TEST

START_TEST(test_align_removed_in_place)
{
	/* 6.1.1 removed, 8.1.1 added: the rest renumber, none changes, and
	 * the removed clause is reported where it stood. */
	xmlDocPtr	 old = model(CLAUSE("5.1.1", "1.1", "A", "一")
			    CLAUSE("6.1.1", "1.2", "B", "二")
			    CLAUSE("9.2.3", "1.3", "C", "三"));
	xmlDocPtr	 new = model(CLAUSE("5.1.1", "1.1", "A", "一")
			    CLAUSE("8.1.1", "1.2", "D", "四")
			    CLAUSE("9.2.3", "1.3", "C", "三<em>！</em>"));
	int		 rc;
	char		*s = report(old, new, WP_DIFF_TEXT, &rc);

	ck_assert_int_eq(rc, 1);
	ck_assert_str_eq(s,
	    "--- a\n+++ b\n"
	    "clause 6.1.1 (1.2 B): removed\n"
	    "  [-二-]\n"
	    "clause 8.1.1 (1.2 D): added\n"
	    "  {+四+}\n"
	    "clause 9.2.3 (1.3 C): changed\n"
	    "  三{+*！*+}\n");
	free(s);
	xmlFreeDoc(old);
	xmlFreeDoc(new);
}
END_TEST

START_TEST(test_identical)
{
	xmlDocPtr	 old = model(CLAUSE("5.1.1", "1.1", "A", "一"));
	xmlDocPtr	 new = model(CLAUSE("5.1.1", "1.1", "A", "一"));
	int		 rc;
	char		*s = report(old, new, WP_DIFF_TEXT, &rc);

	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(s, "");
	free(s);
	xmlFreeDoc(old);
	xmlFreeDoc(new);
}
END_TEST

START_TEST(test_color)
{
	xmlDocPtr	 old = model(CLAUSE("5.1.1", "1.1", "A&lt;B", "x &lt; y"));
	xmlDocPtr	 new = model(CLAUSE("5.1.1", "1.1", "A&lt;B",
			    "x &lt; y &amp; \"z\" 'w'"));
	int		 rc;
	char		*s = report(old, new, WP_DIFF_COLOR, &rc);

	/* coloured, the marks stay: red and green are not all a reader
	 * tells apart */
	ck_assert_int_eq(rc, 1);
	ck_assert_said(s, "\033[1mclause 5.1.1 (1.1 A<B): changed\033[m\n");
	ck_assert_said(s, "  x < y\033[32m{+ & \"z\" 'w'+}\033[m\n");
	free(s);
	xmlFreeDoc(old);
	xmlFreeDoc(new);
}
END_TEST

/* ---- on real models ----------------------------------------------------- */

static xmlDocPtr
case_model(const char *name, const char *side)
{
	char		 dir[256];
	xmlDocPtr	 m;

	snprintf(dir, sizeof(dir), "tests/regress/diff/%s/%s", name, side);
	capture();
	m = wp_publish_model(S, dir);
	ck_assert_msg(m != NULL, "%s: %s", dir, captured());
	captured();
	return m;
}

struct pair {
	xmlDocPtr	 old, new;
	struct wp_diff	*d;
};

static struct pair
pair(const char *name)
{
	struct pair	 p;

	p.old = case_model(name, "old");
	p.new = case_model(name, "new");
	p.d = wp_diff_new(p.old, p.new);
	return p;
}

static void
pair_free(struct pair *p)
{
	wp_diff_free(p->d);
	xmlFreeDoc(p->old);
	xmlFreeDoc(p->new);
}

START_TEST(test_model_renumbered)
{
	struct pair	 p = pair("renumbered");

	ck_assert_uint_eq(wp_diff_clause(p.d, "6.1.1"), 0);
	ck_assert_uint_eq(wp_diff_clause(p.d, "6.1.3"), WP_DIFF_ADDED);
	ck_assert_uint_eq(wp_diff_clause(p.d, "8.1.1"), WP_DIFF_ADDED);
	ck_assert_uint_eq(wp_diff_clause(p.d, "CLD.6.3.1"), WP_DIFF_RENUMBERED);
	ck_assert_uint_eq(wp_diff_clause(p.d, "9.2.3"), WP_DIFF_RENUMBERED);
	ck_assert_uint_eq(wp_diff_clause(p.d, "CLD.9.5.1"), WP_DIFF_RENUMBERED);
	/* Its reference to 9.2.3 now reads 4.1: not a change as written. */
	ck_assert_uint_eq(wp_diff_clause(p.d, "5.1.1"), WP_DIFF_REFS);
	pair_free(&p);
}
END_TEST

START_TEST(test_model_kinds)
{
	struct pair	 p = pair("retitled");

	ck_assert_uint_eq(wp_diff_clause(p.d, "6.1.1"), WP_DIFF_RETITLED);
	ck_assert_uint_eq(wp_diff_clause(p.d, "9.2.3"), WP_DIFF_RETITLED);
	ck_assert_uint_eq(wp_diff_clause(p.d, "CLD.6.3.1"), WP_DIFF_REFS);
	pair_free(&p);
	p = pair("added-removed");
	ck_assert_uint_eq(wp_diff_clause(p.d, "CLD.9.5.1"), WP_DIFF_REMOVED);
	ck_assert_uint_eq(wp_diff_clause(p.d, "18.1.1"), WP_DIFF_ADDED);
	ck_assert_uint_eq(wp_diff_clause(p.d, "9.2.3"), 0);
	pair_free(&p);
	p = pair("identical");
	ck_assert_int_eq(wp_diff_differs(p.d), 0);
	pair_free(&p);
}
END_TEST

/* ---- the revision-history check ---------------------------------------- */

static size_t
history(const char *name, struct wp_diff_note **notes)
{
	struct pair	 p = pair(name);
	size_t		 n = wp_diff_check_history(p.d, notes);

	pair_free(&p);		/* the notes own their strings */
	return n;
}

START_TEST(test_history_complete)
{
	static const char *const fine[] = { "changed", "added-removed",
	    "renumbered", "retitled", "front-figure", "identical" };
	struct wp_diff_note	*v;

	for (size_t i = 0; i < sizeof(fine) / sizeof(*fine); i++) {
		ck_assert_uint_eq(history(fine[i], &v), 0);
		ck_assert_ptr_null(v);
	}
}
END_TEST

START_TEST(test_history_forgot)
{
	struct wp_diff_note	*v;

	ck_assert_uint_eq(history("history-forgot", &v), 1);
	ck_assert_int_eq(v[0].kind, WP_NOTE_UNLISTED);
	ck_assert_str_eq(v[0].file,
	    "tests/regress/diff/history-forgot/new/revisions.xml");
	ck_assert_int_eq(v[0].line, 4);
	ck_assert_str_eq(v[0].version, "1.1");
	ck_assert_str_eq(v[0].control, "9.2.3");
	ck_assert_str_eq(v[0].clause, "3.1 特権的アクセス権の管理");
	ck_assert_uint_eq(v[0].what, WP_DIFF_CHANGED);
	wp_diff_notes_free(v, 1);
}
END_TEST

START_TEST(test_history_unchanged)
{
	struct wp_diff_note	*v;

	ck_assert_uint_eq(history("history-unchanged", &v), 1);
	ck_assert_int_eq(v[0].kind, WP_NOTE_UNCHANGED);
	ck_assert_int_eq(v[0].line, 6);		/* the change's own line */
	ck_assert_str_eq(v[0].control, "CLD.9.5.1");
	ck_assert_uint_eq(v[0].what, 0);
	wp_diff_notes_free(v, 1);
}
END_TEST

START_TEST(test_history_stale)
{
	struct wp_diff_note	*v;

	ck_assert_uint_eq(history("history-stale", &v), 1);
	ck_assert_int_eq(v[0].kind, WP_NOTE_STALE);
	ck_assert_str_eq(v[0].version, "1.0");
	ck_assert_str_eq(v[0].control, "6.1.1");
	wp_diff_notes_free(v, 1);
}
END_TEST

START_TEST(test_history_none)
{
	/* A model without a history: nothing to check. */
	xmlDocPtr		 old = model(CLAUSE("5.1.1", "1.1", "A", "一"));
	xmlDocPtr		 new = model(CLAUSE("5.1.1", "1.1", "A", "二"));
	struct wp_diff		*d = wp_diff_new(old, new);
	struct wp_diff_note	*v;

	ck_assert_uint_eq(wp_diff_check_history(d, &v), 0);
	ck_assert_ptr_null(v);
	wp_diff_free(d);
	xmlFreeDoc(old);
	xmlFreeDoc(new);
}
END_TEST

/* ---- --rev -------------------------------------------------------------- */

START_TEST(test_checkout)
{
	char		*dir = wp_diff_checkout("tests/regress/merge/minimal",
			    "HEAD");
	char		*p;
	xmlDocPtr	 m;
	struct stat	 st;

	ck_assert_ptr_nonnull(dir);
	/* Named like the folder, so that the service id matches it. */
	ck_assert_str_eq(strrchr(dir, '/'), "/minimal");
	p = wp_path(dir, "revisions.xml");
	ck_assert_int_eq(stat(p, &st), 0);
	free(p);
	capture();
	m = wp_publish_model(S, dir);
	ck_assert_msg(m != NULL, "%s", captured());
	captured();
	ck_assert_xpath(m, "/document/@service", "minimal");
	xmlFreeDoc(m);
	p = wp_strdup(dir);
	wp_diff_checkout_remove(dir);
	ck_assert_int_eq(stat(p, &st), -1);
	*strrchr(p, '/') = '\0';
	ck_assert_int_eq(stat(p, &st), -1);
	free(p);
}
END_TEST

START_TEST(test_checkout_refused)
{
	int	 saved = dup(STDERR_FILENO);
	int	 null = open("/dev/null", O_WRONLY);

	dup2(null, STDERR_FILENO);	/* the stand-in's messages */
	close(null);
	/* An option for git, a path, a revision git does not know. */
	ck_assert_ptr_null(wp_diff_checkout("tests/regress/merge/minimal",
	    "--output=/tmp/x"));
	ck_assert_ptr_null(wp_diff_checkout("tests/regress/merge/minimal",
	    "HEAD:Makefile"));
	ck_assert_ptr_null(wp_diff_checkout("tests/regress/merge/minimal",
	    "no-such-revision-here"));
	ck_assert_ptr_null(wp_diff_checkout("no/such/folder", "HEAD"));
	dup2(saved, STDERR_FILENO);
	close(saved);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("diff");
	TCase	*tc = tcase_create("chardiff");

	tcase_add_test(tc, test_chardiff_ascii);
	tcase_add_test(tc, test_chardiff_japanese);
	tcase_add_test(tc, test_chardiff_empty);
	tcase_add_test(tc, test_chardiff_identical);
	tcase_add_test(tc, test_chardiff_all_different);
	tcase_add_test(tc, test_chardiff_lines);
	tcase_add_test(tc, test_chardiff_bad_utf8);
	tcase_add_test(tc, test_chardiff_large);
	tcase_add_test(tc, test_chardiff_random);
	tcase_add_test(tc, test_chardiff_units);
	suite_add_tcase(s, tc);

	tc = tcase_create("align");
	tcase_add_test(tc, test_align_by_control);
	tcase_add_test(tc, test_align_removed_in_place);
	tcase_add_test(tc, test_identical);
	tcase_add_test(tc, test_color);
	suite_add_tcase(s, tc);

	tc = tcase_create("models");
	tcase_add_unchecked_fixture(tc, setup_templates, teardown_templates);
	tcase_add_test(tc, test_model_renumbered);
	tcase_add_test(tc, test_model_kinds);
	tcase_add_test(tc, test_history_complete);
	tcase_add_test(tc, test_history_forgot);
	tcase_add_test(tc, test_history_unchanged);
	tcase_add_test(tc, test_history_stale);
	tcase_add_test(tc, test_history_none);
	tcase_add_test(tc, test_checkout);
	tcase_add_test(tc, test_checkout_refused);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
