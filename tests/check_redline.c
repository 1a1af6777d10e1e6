/*
 * check_redline: the reviewer's copies' models, made of the regression
 * pairs' versions (tests/regress/diff/): what seq.c pairs, what the
 * redline marks (a list item removed is one item, a number is one
 * unit, markup kept and markup changes shown, clauses added, removed
 * in place, renumbered), the legend, and the comparison's rows; both
 * documents valid against templates/schema/document.rng.
 */
#include <libxml/relaxng.h>

#include "base/alloc.h"
#include "diff/diff.h"
#include "diff/items.h"
#include "testutil.h"

/* ---- seq ---------------------------------------------------------------- */

/* The pairs as "a:b" (a "-" for none), "=" after a pair of equals. */
static char *
pairs(const char *const *a, size_t na, const char *const *b, size_t nb)
{
	struct diff_pair	*p;
	size_t			 n = diff_seq(a, na, b, nb, &p);
	char			*s = NULL;
	size_t			 len;
	FILE			*f = open_memstream(&s, &len);

	for (size_t i = 0; i < n; i++) {
		fprintf(f, "%s", i > 0 ? " " : "");
		if (p[i].a < 0)
			fputc('-', f);
		else
			fprintf(f, "%ld", p[i].a);
		fputc(':', f);
		if (p[i].b < 0)
			fputc('-', f);
		else
			fprintf(f, "%ld", p[i].b);
		if (p[i].same)
			fputc('=', f);
	}
	fclose(f);
	free(p);
	return s;
}

#define ck_assert_pairs(a, b, want) do { \
	char *got_ = pairs((a), sizeof(a) / sizeof(*(a)), (b), \
	    sizeof(b) / sizeof(*(b))); \
	ck_assert_msg(strcmp(got_, (want)) == 0, "got \"%s\", want \"%s\"", \
	    got_, (want)); \
	free(got_); \
} while (0)

START_TEST(test_seq)
{
	/* an item removed: the others pair with themselves, not each with
	 * the one after it */
	static const char *const a[] = { "申請に基づき付与する",
	    "承認者を二名とする", "定期的に見直す", "退職時に削除する" };
	static const char *const b[] = { "申請に基づき付与する",
	    "定期的に見直す", "退職時に削除する" };
	/* one rewritten a little (paired), one past recognition (not) */
	static const char *const c[] = { "方針を定めております。",
	    "役割を定義しております。" };
	static const char *const d[] = { "方針を定め、公開しております。",
	    "サプライチェーンは対象外です。" };

	ck_assert_pairs(a, b, "0:0= 1:- 2:1= 3:2=");
	ck_assert_pairs(b, a, "0:0= -:1 1:2= 2:3=");
	ck_assert_pairs(c, d, "0:0 1:- -:1");
	ck_assert_double_ge(diff_alike("方針を定めております。",
	    "方針を定め、公開しております。"), 0.5);
	ck_assert_double_eq(diff_alike("", ""), 1);
}
END_TEST

/* ---- the redline -------------------------------------------------------- */

static xmlDocPtr
version(const char *name, const char *side)
{
	char		 dir[256];
	xmlDocPtr	 m;

	snprintf(dir, sizeof(dir), "tests/regress/diff/%s/%s", name, side);
	S->any_folder = 1;
	capture();
	m = wp_publish_model(S, dir);
	ck_assert_msg(m != NULL, "%s: %s", dir, captured());
	captured();
	return m;
}

static void
valid(xmlDocPtr d, const char *what)
{
	xmlRelaxNGValidCtxtPtr	 v = xmlRelaxNGNewValidCtxt(T->document_rng);
	int			 rc;

	capture();
	rc = xmlRelaxNGValidateDoc(v, d);
	xmlRelaxNGFreeValidCtxt(v);
	ck_assert_msg(rc == 0, "the %s breaks document.rng: %s", what,
	    captured());
	captured();
}

/* The redline of a pair, checked against the schema. */
static xmlDocPtr
redline(const char *name)
{
	xmlDocPtr	 old = version(name, "old"), new = version(name, "new");
	xmlDocPtr	 rl = wp_redline(old, new, T->settings, "HEAD~1");

	valid(rl, "redline");
	xmlFreeDoc(old);
	xmlFreeDoc(new);
	return rl;
}

START_TEST(test_redline_list_item)
{
	xmlDocPtr	 rl = redline("list-item-removed");

	/* the item removed is one item, kept where it stood with its
	 * marker, its text deleted; the items after it keep theirs */
	ck_assert_xpath(rl, "count(//li[@change])", "1");
	ck_assert_xpath(rl, "//ol/li[2]/@change", "removed");
	ck_assert_xpath(rl, "//ol/li[2]/@marker", "2.");
	ck_assert_xpath(rl, "//ol/li[2]/del", "承認者を二名とします");
	ck_assert_xpath(rl, "count(//ol/li[not(@change)]//ins | "
	    "//ol/li[not(@change)]//del)", "0");
	ck_assert_xpath(rl, "//ol/li[3]", "定期的に見直します");
	ck_assert_xpath(rl, "//ol/li[3]/@marker", "2.");
	ck_assert_xpath(rl, "//ol/li[3]/@was", "3.");
	/* the paragraph before it did not change */
	ck_assert_xpath(rl, "count(//clause/p//ins | //clause/p//del)", "0");
	/* the revision 1.1 added is marked so; the legend says since when */
	ck_assert_xpath(rl, "//history/revision[@version='1.1']/@change",
	    "added");
	ck_assert_xpath(rl, "/document/@changes-since", "1.0");
	ck_assert_xpath(rl, "/document/legend/p[1]",
	    "第 1.0 版（2020/01/31）からの変更を、本文中に次のように示します。");
	xmlFreeDoc(rl);
}
END_TEST

START_TEST(test_redline_units)
{
	xmlDocPtr	 rl = redline("tokens");

	ck_assert_xpath(rl, "//clause[@control='12.4.1']/p/del[1]", "90");
	ck_assert_xpath(rl, "//clause[@control='12.4.1']/p/ins[1]", "180");
	ck_assert_xpath(rl, "//clause[@control='12.4.1']/p/del[2]", "TLS1.2");
	/* a link that shows its address: the address one unit, deleted
	 * under the old link, inserted under the new */
	ck_assert_xpath(rl, "//clause[@control='12.4.1']/p/link[del]/@href",
	    "https://www.example.jp/logs/v1/");
	ck_assert_xpath(rl, "//clause[@control='12.4.1']/p/link[ins]/@href",
	    "https://www.example.jp/logs/v2/");
	ck_assert_xpath(rl, "//clause[@control='12.4.1']/p/link/ins",
	    "https://www.example.jp/logs/v2/");
	ck_assert_xpath(rl, "//clause[@control='12.4.4']/p/del[3]",
	    "CLD.9.5.1");
	/* the cross-reference, unchanged, stays one */
	ck_assert_xpath(rl, "count(//clause[@control='12.4.4']/p/xref)", "1");
	xmlFreeDoc(rl);
}
END_TEST

START_TEST(test_redline_markup)
{
	xmlDocPtr	 rl = redline("markup-only");

	/* emphasis added: the words deleted as they were, inserted
	 * emphasised; a link's address changed: its text deleted under
	 * the old address, inserted under the new */
	ck_assert_xpath(rl, "//p/del[not(ancestor::legend)]", "定期的に");
	ck_assert_xpath(rl, "//p/em/ins", "定期的に");
	ck_assert_xpath(rl, "//p/link[@href='https://www.example.jp/policy/']"
	    "/del", "当社のサイト");
	ck_assert_xpath(rl, "//p/link[@href='https://www.example.jp/"
	    "security/policy/']/ins", "当社のサイト");
	/* the text kept is as it was */
	ck_assert_xpath(rl, "string(//clause/p/text()[1])", "方針は");
	xmlFreeDoc(rl);
}
END_TEST

START_TEST(test_redline_clauses)
{
	xmlDocPtr	 rl = redline("added-removed");

	ck_assert_xpath(rl, "//clause[@control='18.1.1']/@change", "added");
	ck_assert_xpath(rl, "//clause[@control='18.1.1']/@mark", "［追加］");
	ck_assert_xpath(rl, "//clause[@control='18.1.1']/p/ins",
	    "関係法令を特定しております。");
	/* in a chapter added whole, which is marked too */
	ck_assert_xpath(rl, "//chapter[clause/@control='18.1.1']/@change",
	    "added");
	/* removed, in place: after 9.2.3, with its old number */
	ck_assert_xpath(rl, "//clause[@control='CLD.9.5.1']/@change",
	    "removed");
	ck_assert_xpath(rl, "//clause[@control='CLD.9.5.1']/@number", "3.2");
	ck_assert_xpath(rl, "name(//clause[@control='CLD.9.5.1']/"
	    "preceding-sibling::clause[1])", "clause");
	ck_assert_xpath(rl, "//clause[@control='CLD.9.5.1']/"
	    "preceding-sibling::clause[1]/@control", "9.2.3");
	ck_assert_xpath(rl, "//clause[@control='CLD.9.5.1']/p/del",
	    "分離しております。");
	xmlFreeDoc(rl);
	rl = redline("renumber-run");
	ck_assert_xpath(rl, "//clause[@control='9.2.4']/@was", "1.4");
	ck_assert_xpath(rl, "count(//clause[@was])", "5");
	/* renumbered, said once */
	ck_assert_xpath(rl, "/document/legend/p[last()]",
	    "項番の変更：1.1–1.5 → 1.2–1.6");
	xmlFreeDoc(rl);
}
END_TEST

START_TEST(test_redline_retitled)
{
	xmlDocPtr	 rl = redline("retitled");

	ck_assert_xpath(rl, "count(//clause[@was-title])", "2");
	ck_assert_xpath(rl, "//clause[@control='6.1.1']/@was-title",
	    "情報セキュリティの役割及び責任");
	ck_assert_xpath(rl, "//clause[@control='6.1.1']/@title",
	    "情報セキュリティの役割と責任");
	/* the cross-reference to it reads otherwise: deleted, inserted */
	ck_assert_xpath(rl, "//clause[@control='CLD.6.3.1']/p/del/xref",
	    "“2.1 情報セキュリティの役割及び責任”");
	ck_assert_xpath(rl, "//clause[@control='CLD.6.3.1']/p/ins/xref",
	    "“2.1 情報セキュリティの役割と責任”");
	xmlFreeDoc(rl);
}
END_TEST

/* ---- the comparison ----------------------------------------------------- */

START_TEST(test_comparison)
{
	xmlDocPtr	 old = version("renumbered", "old");
	xmlDocPtr	 new = version("renumbered", "new");
	xmlDocPtr	 rl = wp_redline(old, new, T->settings, "HEAD~1");
	struct wp_diff	*d = wp_diff_new(old, new);
	struct wp_diff_note *notes;
	size_t		 n = wp_diff_check_history(d, &notes);
	xmlDocPtr	 c = wp_comparison(rl, old, T->settings, notes, n,
			    "whitepaper.html");

	valid(c, "comparison");
	ck_assert_xpath(c, "/document/@kind", "comparison");
	ck_assert_xpath(c, "/document/meta/document-kind", "新旧対照表");
	/* the clauses that changed, and no other: two added, one whose
	 * cross-reference follows a renumbering; none only renumbered */
	ck_assert_xpath(c, "count(//clause)", "3");
	ck_assert_xpath(c, "count(//clause[@control='9.2.3'])", "0");
	ck_assert_xpath(c, "//clause[@control='6.1.3']/table/tr[1]/th[1]",
	    "新（第 1.1 版）");
	ck_assert_xpath(c, "//clause[@control='6.1.3']/table/tr[1]/th[2]",
	    "旧（第 1.0 版）");
	ck_assert_xpath(c, "//clause[@control='6.1.3']/table/tr[2]/td[1]/ins",
	    "関係当局との連絡体制を定めております。");
	ck_assert_xpath(c, "//clause[@control='6.1.3']/table/tr[2]/td[2]", "");
	/* a cell has its side's marks only */
	ck_assert_xpath(c, "count(//td[1]//del | //td[2]//ins)", "0");
	/* a cross-reference changed whole, as its text */
	ck_assert_xpath(c, "//clause[@control='5.1.1']/table/tr[2]/td[1]/ins",
	    "“4.1 特権的アクセス権の管理”");
	ck_assert_xpath(c, "//clause[@control='5.1.1']/table/tr[2]/td[2]/del",
	    "“3.1 特権的アクセス権の管理”");
	ck_assert_xpath(c, "count(//xref)", "0");
	/* added clauses are not yet in the whitepaper; the others link */
	ck_assert_xpath(c, "//clause[@control='5.1.1']/@href",
	    "whitepaper.html#ctl-5.1.1");
	ck_assert_xpath(c, "count(//clause[@control='6.1.3']/@href)", "0");
	/* the revision 1.1 added, and it alone */
	ck_assert_xpath(c, "count(//history/revision)", "1");
	ck_assert_xpath(c, "//history/revision/@version", "1.1");
	xmlFreeDoc(c);
	wp_diff_notes_free(notes, n);
	wp_diff_free(d);
	xmlFreeDoc(rl);
	xmlFreeDoc(old);
	xmlFreeDoc(new);
}
END_TEST

/* Kept blocks between changed ones are one 「（略）」 row; the history
 * check's findings are in the legend. */
START_TEST(test_comparison_omitted)
{
	xmlDocPtr	 old = version("history-forgot", "old");
	xmlDocPtr	 new = version("history-forgot", "new");
	xmlDocPtr	 rl = wp_redline(old, new, T->settings, "HEAD~1");
	struct wp_diff	*d = wp_diff_new(old, new);
	struct wp_diff_note *notes;
	size_t		 n = wp_diff_check_history(d, &notes);
	xmlDocPtr	 c = wp_comparison(rl, old, T->settings, notes, n, NULL);

	valid(c, "comparison");
	ck_assert_uint_eq(n, 1);
	ck_assert_xpath(c, "/document/legend/p[last()]",
	    "・tests/regress/diff/history-forgot/new/revisions.xml:4: "
	    "revision 1.1 does not name clause 9.2.3 (3.1 特権的アクセス権の"
	    "管理), which changed (add <change control=\"9.2.3\">)");
	ck_assert_xpath(c, "count(//@href)", "0");
	xmlFreeDoc(c);
	wp_diff_notes_free(notes, n);
	wp_diff_free(d);
	xmlFreeDoc(rl);
	xmlFreeDoc(old);
	xmlFreeDoc(new);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("redline");
	TCase	*tc = tcase_create("seq");

	tcase_add_test(tc, test_seq);
	suite_add_tcase(s, tc);
	tc = tcase_create("models");
	tcase_add_unchecked_fixture(tc, setup_templates, teardown_templates);
	tcase_add_test(tc, test_redline_list_item);
	tcase_add_test(tc, test_redline_units);
	tcase_add_test(tc, test_redline_markup);
	tcase_add_test(tc, test_redline_clauses);
	tcase_add_test(tc, test_redline_retitled);
	tcase_add_test(tc, test_comparison);
	tcase_add_test(tc, test_comparison_omitted);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
