/*
 * check_phrase: where display text may break (model/phrase.c): between
 * phrases, as a Japanese setter breaks a heading, never inside a word,
 * a name or a designation, and as its writer asked.  "|" stands for the
 * U+200B the model writes at each break.
 */
#include "model/phrase.h"
#include "testutil.h"

/* The phrases of s, "|" between them; the caller frees. */
static char *
phrases(const char *s, const char *const *keep)
{
	char	*p = wp_phrases(s, keep);
	GString	*g = g_string_new(NULL);

	for (const char *c = p; *c != '\0'; c = g_utf8_next_char(c)) {
		gunichar u = g_utf8_get_char(c);
		if (u == WP_PHRASE_BREAK)
			g_string_append_c(g, '|');
		else if (u == WP_PHRASE_LINE)
			g_string_append(g, "\\n");
		else
			g_string_append_unichar(g, u);
	}
	free(p);
	return g_string_free(g, FALSE);
}

#define ck_assert_phrases(in, keep, want) do { \
	char *p_ = phrases((in), (keep)); \
	ck_assert_str_eq(p_, (want)); \
	g_free(p_); \
} while (0)

/* Particles and inflections stay with the word before them. */
START_TEST(particles_join)
{
	ck_assert_phrases("情報セキュリティのための方針群", NULL,
	    "情報セキュリティのための|方針群");
	ck_assert_phrases("関係当局との連絡", NULL, "関係当局との|連絡");
	ck_assert_phrases("技術的ぜい弱性の管理", NULL, "技術的ぜい弱性の|管理");
}
END_TEST

/* Compounds stay whole up to ten characters; a longer one parts where
 * kanji and katakana meet; katakana is never cut (ICU's dictionary
 * would: コン|ピ|ュ|ー|ティン|グ). */
START_TEST(compounds)
{
	ck_assert_phrases("クラウドサービスカスタマの資産の除去", NULL,
	    "クラウドサービスカスタマの|資産の|除去");
	ck_assert_phrases("仮想コンピューティング環境における分離", NULL,
	    "仮想|コンピューティング|環境における|分離");
	ck_assert_phrases("情報セキュリティ要求事項の分析及び仕様化", NULL,
	    "情報|セキュリティ|要求事項の|分析及び|仕様化");
}
END_TEST

/* Designations, product names and numbers with counters are whole;
 * a break may follow a space before Japanese. */
START_TEST(latin_runs)
{
	ck_assert_phrases("ISO/IEC 27017に基づく取り組み", NULL,
	    "ISO/IEC 27017に|基づく|取り組み");
	ck_assert_phrases("ISO/IEC27002 とISO/IEC27017の体系イメージ", NULL,
	    "ISO/IEC27002 と|ISO/IEC27017の|体系イメージ");
	ck_assert_phrases("14箇条・35カテゴリ", NULL, "14箇条・|35カテゴリ");
}
END_TEST

/* The service's names are never broken. */
START_TEST(names_kept)
{
	const char *const keep[] = { "IIJ セキュア MXサービス", NULL };

	ck_assert_phrases("IIJ セキュア MXサービスの概要", NULL,
	    "IIJ |セキュア |MXサービスの|概要");
	ck_assert_phrases("IIJ セキュア MXサービスの概要", keep,
	    "IIJ セキュア MXサービスの|概要");
}
END_TEST

/* A writer allows (U+200B), forbids (U+2060) or forces (U+2028) a
 * break; the plain text loses the marks. */
START_TEST(writer_marks)
{
	char *plain;

	ck_assert_phrases("資産の\u2060管理", NULL, "資産の管理");
	ck_assert_phrases("資産目\u200b録", NULL, "資産目|録");
	ck_assert_phrases("資産の\u2028管理", NULL, "資産の\\n管理");
	plain = wp_phrase_plain("資産の\u2060管\u200b理\u2028です");
	ck_assert_str_eq(plain, "資産の管理です");
	free(plain);
}
END_TEST

/* Nothing breaks after an opening bracket or before a closing one. */
START_TEST(brackets)
{
	ck_assert_phrases("保存データ（お客様データ）の管理", NULL,
	    "保存データ|（お客様データ）の|管理");
}
END_TEST

/* The model's display strings get their companions. */
START_TEST(model_companions)
{
	static const char xml[] = "<document><meta><title>資産の管理の方針"
	    "</title><name>資産</name></meta><chapter title=\"資産の\u2060管理\">"
	    "<clause title=\"情報の分類\"/></chapter></document>";
	xmlDocPtr	 doc = xmlReadMemory(xml, (int)strlen(xml), NULL,
			    "UTF-8", 0);
	xmlNodePtr	 root = xmlDocGetRootElement(doc);
	xmlNodePtr	 title = root->children->children;
	xmlNodePtr	 ch = root->children->next;
	xmlChar		*v;

	ck_assert_ptr_nonnull(ch);
	wp_phrase_model(doc, NULL);
	v = xmlGetProp(title, BAD_CAST "wbr");
	ck_assert_str_eq((char *)v, "資産の\u200b管理の\u200b方針");
	xmlFree(v);
	v = xmlGetProp(ch, BAD_CAST "title");
	ck_assert_str_eq((char *)v, "資産の管理");
	xmlFree(v);
	v = xmlGetProp(ch, BAD_CAST "title-wbr");
	ck_assert_str_eq((char *)v, "資産の管理");
	xmlFree(v);
	v = xmlGetProp(ch->children, BAD_CAST "title-wbr");
	ck_assert_str_eq((char *)v, "情報の\u200b分類");
	xmlFree(v);
	xmlFreeDoc(doc);
}
END_TEST

/* The title's phrased companion in a model whose service is called
 * name, phrased with memo. */
static char *
title_wbr(const char *name, struct wp_phrase_memo *memo)
{
	char		*xml = g_strdup_printf("<document><meta><title>"
			    "資産の管理の方針</title><name>%s</name></meta>"
			    "</document>", name);
	xmlDocPtr	 doc = xmlReadMemory(xml, (int)strlen(xml), NULL,
			    "UTF-8", 0);
	xmlChar		*v;
	char		*wbr;

	wp_phrase_model(doc, memo);
	v = xmlGetProp(xmlDocGetRootElement(doc)->children->children,
	    BAD_CAST "wbr");
	wbr = g_strdup((char *)v);
	xmlFree(v);
	xmlFreeDoc(doc);
	g_free(xml);
	return wbr;
}

/* A memo gives what phrasing afresh gives, for the names it was given:
 * the same string in a service of another name is phrased anew. */
START_TEST(memo_same_as_afresh)
{
	struct wp_phrase_memo	*memo = wp_phrase_memo_new();
	char			*a = title_wbr("資産", NULL);
	char			*b = title_wbr("資産", memo);
	char			*c = title_wbr("資産", memo);
	char			*d = title_wbr("管理の方針", memo);

	ck_assert_str_eq(a, "資産の\u200b管理の\u200b方針");
	ck_assert_str_eq(b, a);
	ck_assert_str_eq(c, a);
	ck_assert_str_eq(d, "資産の\u200b管理の方針");
	g_free(a);
	g_free(b);
	g_free(c);
	g_free(d);
	wp_phrase_memo_free(memo);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("phrase");
	TCase	*tc = tcase_create("phrase");

	tcase_add_test(tc, particles_join);
	tcase_add_test(tc, compounds);
	tcase_add_test(tc, latin_runs);
	tcase_add_test(tc, names_kept);
	tcase_add_test(tc, writer_marks);
	tcase_add_test(tc, brackets);
	tcase_add_test(tc, model_companions);
	tcase_add_test(tc, memo_same_as_afresh);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
