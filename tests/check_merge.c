/*
 * check_merge: the document model resolves everything a renderer needs:
 * numbering from what the service answers, titles and overrides, the
 * control-number line, names, dates, versions, cross-references, list
 * markers, boilerplate changes and figure numbers.
 */
#include <unistd.h>

#include <libxslt/xsltInternals.h>

#include "publish/publish.h"
#include "model/merge.h"
#include "model/model.h"
#include "model/text.h"
#include "testutil.h"

static xmlDocPtr M;	/* the model of tests/regress/merge/minimal */

static void
setup(void)
{
	setup_templates();
	capture();
	M = wp_publish_model(S, "tests/regress/merge/minimal");
	ck_assert_msg(M != NULL, "merge failed: %s", captured());
}

static void
teardown(void)
{
	xmlFreeDoc(M);
	teardown_templates();
}

START_TEST(test_numbering_follows_answers)
{
	/* Chapters 5, 6 and 9 of the catalogue are answered: 1, 2, 3. */
	ck_assert_xpath(M, "count(//chapter)", "3");
	ck_assert_xpath(M, "//chapter[@clause='9']/@number", "3");
	ck_assert_xpath(M, "//chapter[@clause='9']/@label", "3.");
	ck_assert_xpath(M, "//chapter[@clause='9']/@title", "アクセス制御");
	/* 9.2.3 is the first answered control of chapter 9. */
	ck_assert_xpath(M, "//clause[@control='9.2.3']/@number", "3.1");
	ck_assert_xpath(M, "//clause[@control='CLD.9.5.1']/@number", "3.2");
	ck_assert_xpath(M, "//clause[@control='CLD.6.3.1']/@number", "2.2");
}
END_TEST

START_TEST(test_titles_and_control_lines)
{
	ck_assert_xpath(M, "//clause[@control='6.1.1']/@title", "情報セキュリティの役割及び責任");
	ck_assert_xpath(M, "//clause[@control='9.2.3']/@title", "特権的アクセス権の管理（独自の題）");
	ck_assert_xpath(M, "//clause[@control='CLD.9.5.1']/control-line", "ISO/IEC27017項番：CLD.9.5.1");
	ck_assert_xpath(M, "//clause[@control='6.1.1']/@id", "ctl-6.1.1");
	ck_assert_xpath(M, "//clause[@control='6.1.1']/@src", "tests/regress/merge/minimal/service.xml:24");
}
END_TEST

START_TEST(test_xref)
{
	ck_assert_xpath(M, "//clause[@control='CLD.6.3.1']/p", "詳細は、“2.1 情報セキュリティの役割及び責任”を参照ください。");
	ck_assert_xpath(M, "//xref/@target", "ctl-6.1.1");
	ck_assert_xpath(M, "//xref/@number", "2.1");
}
END_TEST

START_TEST(test_names)
{
	ck_assert_xpath(M, "//clause[@control='5.1.1']/p", "テスト クラウドサービスでは、方針を定めております。");
	ck_assert_xpath(M, "//section[@key='overview']/@title", "TCSのサービス概要");
	ck_assert_xpath(M, "//section[@key='overview']/p", "TCSは、試験用のサービスです。");
	ck_assert_xpath(M, "//section[@key='intro']/p[3]", "本書では、テスト クラウドサービス（以下、TCS）におけるISO/IEC 27017:2015への取り組みを解説いたします。");
	ck_assert_xpath(M, "/document/meta/title", "テスト クラウドサービスのISO/IEC 27017に基づくセキュリティ要求事項への取り組み");
}
END_TEST

START_TEST(test_version_and_dates)
{
	ck_assert_xpath(M, "/document/meta/version", "1.2");
	ck_assert_xpath(M, "/document/meta/version-label", "第 1.2 版");
	ck_assert_xpath(M, "/document/meta/date", "2021.02.28");	/* date-format override */
	ck_assert_xpath(M, "/document/meta/date/@iso", "2021-02-28");
	ck_assert_xpath(M, "count(//history/revision)", "3");
	ck_assert_xpath(M, "//history/revision[1]/date", "2020.01.31");
	ck_assert_xpath(M, "//history/revision[1]/remark", "初版");
	/* A change names its clause by control: today's number is resolved. */
	ck_assert_xpath(M, "//history/revision[2]/change/@number", "3.1");
	ck_assert_xpath(M, "//history/revision[2]/change/@target", "ctl-9.2.3");
	ck_assert_xpath(M, "//history/revision[2]/change", "4.1 特権的アクセス権の管理を更新");
}
END_TEST

START_TEST(test_lists)
{
	ck_assert_xpath(M, "//ol[@style='1']/li[2]/@marker", "2.");
	ck_assert_xpath(M, "//ol[@style='a']/li[2]/@marker", "b)");
	ck_assert_xpath(M, "//ul[@mark='disc']/li/@marker", "・");
	ck_assert_xpath(M, "//ul[@mark='check']/li/@marker", "✓");
	ck_assert_xpath(M, "//ul[@mark='check']/li", "細目");
	ck_assert_xpath(M, "//link/@href", "https://www.example.jp/policy/");
	ck_assert_xpath(M, "//link", "https://www.example.jp/policy/");
}
END_TEST

START_TEST(test_boilerplate_changes)
{
	/* intro.iij is omitted, intro.closing replaced with the service's own. */
	ck_assert_xpath(M, "count(//section[@key='intro']/p[contains(., '第三者認証')])", "0");
	ck_assert_xpath(M, "//section[@key='intro']/p[contains(., '幸い')]", "本書でTCSの取り組みを知っていただければ幸いです。");
	ck_assert_xpath(M, "//section[@key='intro']/p[contains(., '幸い')]/@src", "tests/regress/merge/minimal/service.xml:9");
	ck_assert_xpath(M, "count(//section[@key='copyright']/p)", "7");
}
END_TEST

START_TEST(test_figures)
{
	ck_assert_xpath(M, "//figure[@kind='boundary']/@number", "1");
	ck_assert_xpath(M, "//figure[@kind='boundary']/label", "図1. ");
	ck_assert_xpath(M, "//figure[@kind='boundary']/layer[1]/@owner-label", "お客様責任範囲");
	ck_assert_xpath(M, "//figure[@kind='structure']/@number", "2");
	ck_assert_xpath(M, "//figure[@kind='structure']/caption", "ISO/IEC27002 とISO/IEC27017の体系イメージ");
}
END_TEST

START_TEST(test_document_order)
{
	ck_assert_xpath(M, "name(/document/*[2])", "cover");
	ck_assert_xpath(M, "name(/document/*[3])", "history");
	ck_assert_xpath(M, "name(/document/*[4])", "toc");
	ck_assert_xpath(M, "/document/*[5]/@key", "intro");
	ck_assert_xpath(M, "/document/*[6]/@key", "overview");
	ck_assert_xpath(M, "/document/*[7]/@key", "iso");
	ck_assert_xpath(M, "name(/document/*[8])", "controls");
	ck_assert_xpath(M, "/document/backmatter/colophon/document-number", "TEST-0001");
}
END_TEST

START_TEST(test_model_is_reproducible)
{
	xmlDocPtr	 again = wp_publish_model(S, "tests/regress/merge/minimal");
	char		*a, *b;
	size_t		 na, nb;

	ck_assert_ptr_nonnull(again);
	a = wp_text_document(M, &na);
	b = wp_text_document(again, &nb);
	ck_assert_uint_eq(na, nb);
	ck_assert(memcmp(a, b, na) == 0);
	free(a);
	free(b);
	xmlFreeDoc(again);
}
END_TEST

/* Runs a stylesheet from a string over the catalogue, as merge would. */
static xmlDocPtr
run_xsl(const char *xsl)
{
	xmlDocPtr	 sdoc = xmlReadMemory(xsl, (int)strlen(xsl), "t.xsl", NULL, 0);
	xsltStylesheetPtr sheet = xsltParseStylesheetDoc(sdoc);
	const struct wp_xform_doc docs[] = { { "catalogue", T->catalogue } };
	xmlDocPtr	 res;

	ck_assert_ptr_nonnull(sheet);
	capture();
	res = wp_xform_apply(sheet, T->catalogue, docs, 1, NULL);
	captured();
	xsltFreeStylesheet(sheet);
	return res;
}

#define XSL_HEAD "<xsl:stylesheet version='1.1' " \
	"xmlns:xsl='http://www.w3.org/1999/XSL/Transform'><xsl:template match='/'>"
#define XSL_TAIL "</xsl:template></xsl:stylesheet>"

/* A stylesheet reads only what wpgen hands it: any other read fails
 * the transform... */
START_TEST(test_xslt_reads_only_wpgen_docs)
{
	static const char *const forbidden[] = {
		"file:///etc/passwd", "/etc/hostname", "../Makefile",
		"http://127.0.0.1:9/x.xml", "wpgen:no-such-document",
	};
	char	 xsl[512];
	xmlDocPtr res;

	for (size_t i = 0; i < sizeof(forbidden) / sizeof(forbidden[0]); i++) {
		snprintf(xsl, sizeof(xsl), XSL_HEAD "<out><xsl:copy-of "
		    "select=\"document('%s')\"/></out>" XSL_TAIL, forbidden[i]);
		res = run_xsl(xsl);
		if (res != NULL) {
			ck_assert_xpath(res, "string(/out)", "");
			xmlFreeDoc(res);
		}
	}
	res = run_xsl(XSL_HEAD "<out><xsl:value-of "
	    "select=\"count(document('wpgen:catalogue')//control)\"/></out>" XSL_TAIL);
	ck_assert_ptr_nonnull(res);
	ck_assert_xpath(res, "number(/out) > 40", "true");
	xmlFreeDoc(res);
}
END_TEST

/* ...and writes nothing. */
START_TEST(test_xslt_writes_nothing)
{
	xmlDocPtr res;

	unlink("/tmp/wpgen-sandbox-escape.xml");
	res = run_xsl(XSL_HEAD "<out/>"
	    "<xsl:document href='/tmp/wpgen-sandbox-escape.xml'><x/></xsl:document>"
	    XSL_TAIL);
	ck_assert_ptr_null(res);
	ck_assert(access("/tmp/wpgen-sandbox-escape.xml", F_OK) == -1);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("merge");
	TCase	*tc = tcase_create("merge");

	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_numbering_follows_answers);
	tcase_add_test(tc, test_titles_and_control_lines);
	tcase_add_test(tc, test_xref);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_version_and_dates);
	tcase_add_test(tc, test_lists);
	tcase_add_test(tc, test_boilerplate_changes);
	tcase_add_test(tc, test_figures);
	tcase_add_test(tc, test_document_order);
	tcase_add_test(tc, test_model_is_reproducible);
	tcase_add_test(tc, test_xslt_reads_only_wpgen_docs);
	tcase_add_test(tc, test_xslt_writes_nothing);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
