/*
 * check_validate: each content rule, proven on a fixture that breaks it
 * (tests/regress/check/<case>/), with the message a writer would see.
 */
#include <glib.h>

#include "check/validate.h"
#include "testutil.h"

#define CASE "tests/regress/check/"

/* Loads and validates a case folder; returns what was said. */
static const char *
check_case(const char *name, int *errors)
{
	char			 dir[256];
	struct wp_service	*s;

	snprintf(dir, sizeof(dir), CASE "%s", name);
	capture();
	if ((s = wp_service_load(dir)) != NULL) {
		if (s->service != NULL)
			wp_validate(T, s);
		wp_service_free(s);
	}
	*errors = wp_diag_errors();
	return captured();
}

START_TEST(test_valid_fixture)
{
	int		 errors;
	struct wp_service *s;

	capture();
	s = wp_service_load("tests/regress/merge/minimal");
	ck_assert_ptr_nonnull(s);
	errors = wp_validate(T, s);
	wp_service_free(s);
	ck_assert_msg(errors == 0, "unexpected: %s", captured());
}
END_TEST

START_TEST(test_control_unknown)
{
	int		 errors;
	const char	*said = check_case("control-unknown", &errors);

	ck_assert_said(said, "control-unknown/service.xml:19: error: unknown control number \"6.1.2\" (the catalogue");
	ck_assert_said(said, "control-unknown/service.xml:27: error: unknown control number \"CLD9.5.1\" (write it as CLD.9.5.1)");
	ck_assert_int_ge(errors, 2);
}
END_TEST

START_TEST(test_control_twice)
{
	int		 errors;
	const char	*said = check_case("control-twice", &errors);

	ck_assert_said(said, "control-twice/service.xml:28: error: control 6.1.1 is answered twice (first at line 19");
	ck_assert_int_eq(errors, 1);
}
END_TEST

START_TEST(test_xref_missing)
{
	int		 errors;
	const char	*said = check_case("xref-missing", &errors);

	ck_assert_said(said, "xref-missing/service.xml:20: error: cross-reference to control 12.1.2, which this service does not answer");
	ck_assert_int_eq(errors, 1);
}
END_TEST

START_TEST(test_id_folder)
{
	int		 errors;
	const char	*said = check_case("id-folder", &errors);

	ck_assert_said(said, "id-folder/service.xml:2: error: service id \"another-name\" does not match its folder (write id=\"id-folder\")");
	ck_assert_int_eq(errors, 1);
}
END_TEST

START_TEST(test_key_unknown_and_twice)
{
	int		 errors;
	const char	*said = check_case("key-unknown", &errors);

	ck_assert_said(said, "key-unknown/service.xml:7: error: no boilerplate part has the key \"intro.nothing\"");
	ck_assert_said(said, "key-unknown/service.xml:9: error: boilerplate key \"cover\" is changed twice (first at line 8)");
	ck_assert_int_eq(errors, 2);
}
END_TEST

START_TEST(test_schema_missing_name)
{
	int		 errors;
	const char	*said = check_case("schema", &errors);

	ck_assert_said(said, "schema/service.xml:2: error: <service> has no <name>");
	ck_assert_int_ge(errors, 1);
}
END_TEST

START_TEST(test_version_order)
{
	int		 errors;
	const char	*said = check_case("version-order", &errors);

	ck_assert_said(said, "version-order/revisions.xml:4: error: version 0.9 does not come after version 1.0");
	ck_assert_int_eq(errors, 1);
}
END_TEST

START_TEST(test_date_order)
{
	int		 errors;
	const char	*said = check_case("date-order", &errors);

	ck_assert_said(said, "date-order/revisions.xml:4: error: date 2019-12-31 is earlier than the previous revision's 2020-01-31");
	ck_assert_int_eq(errors, 1);
}
END_TEST

START_TEST(test_date_impossible)
{
	int		 errors;
	const char	*said = check_case("date-impossible", &errors);

	ck_assert_said(said, "date-impossible/revisions.xml:4: error: impossible date \"2021-02-29\"");
	ck_assert_int_eq(errors, 1);
}
END_TEST

START_TEST(test_dates)
{
	ck_assert(wp_validate_date("2024-02-29"));
	ck_assert(!wp_validate_date("2023-02-29"));
	ck_assert(!wp_validate_date("1900-02-29"));
	ck_assert(wp_validate_date("2000-02-29"));
	ck_assert(!wp_validate_date("2024-04-31"));
	ck_assert(!wp_validate_date("2024-13-01"));
	ck_assert(!wp_validate_date("2024-1-01"));
	ck_assert(!wp_validate_date("2024-01-01x"));
}
END_TEST

START_TEST(test_versions)
{
	ck_assert_int_lt(wp_validate_version_cmp("1.9", "1.10"), 0);
	ck_assert_int_gt(wp_validate_version_cmp("2.0", "1.10"), 0);
	ck_assert_int_eq(wp_validate_version_cmp("1.3", "1.3"), 0);
}
END_TEST

START_TEST(test_control_hints)
{
	char	 hint[160];

	ck_assert(wp_validate_control(T, "CLD.9.5.1", hint, sizeof(hint)));
	ck_assert(!wp_validate_control(T, "CLD 9.5.2", hint, sizeof(hint)));
	ck_assert_str_eq(hint, "write it as CLD.9.5.2");
	ck_assert(!wp_validate_control(T, "13.1.4", hint, sizeof(hint)));
	ck_assert_str_eq(hint, "write it as CLD.13.1.4");
	ck_assert(!wp_validate_control(T, "17.1.1", hint, sizeof(hint)));
	ck_assert_said(hint, "has no such control");
}
END_TEST

/* ---- limits (validate.h) ------------------------------------------- */

/*
 * Validates a service made of head + body (the body of one answer's
 * <p>, repeated n times) + tail, held in memory; returns what was said.
 */
static const char *
check_body(const char *open, const char *unit, int n, const char *close,
    int *errors)
{
	static const char head[] = "<service id=\"limits\"><name>テスト</name>"
	    "<overview><p>概要</p><responsibility><p>責任</p>"
	    "</responsibility><documents><p>文書</p></documents></overview>"
	    "<answers><answer control=\"5.1.1\">";
	static const char tail[] = "</answer></answers></service>";
	GString			*g = g_string_new(head);
	struct wp_service	 sv = { 0 };

	g_string_append(g, open);
	for (int i = 0; i < n; i++)
		g_string_append(g, unit);
	g_string_append(g, close);
	g_string_append(g, tail);
	capture();
	sv.dir = "limits";
	sv.id = "limits";
	sv.service_path = "limits/service.xml";
	sv.service = wp_load_xml_memory(g->str, g->len, sv.service_path);
	ck_assert_ptr_nonnull(sv.service);
	wp_validate(T, &sv);
	xmlFreeDoc(sv.service);
	g_string_free(g, TRUE);
	*errors = wp_diag_errors();
	return captured();
}

START_TEST(test_paragraph_limit)
{
	int		 errors;
	const char	*said;

	/* Characters, not bytes: 10,000 kanji are 30,000 bytes. */
	said = check_body("<p>", "字", WP_MAX_PARA, "</p>", &errors);
	ck_assert_msg(errors == 0, "unexpected: %s", said);
	/* Inline elements' text counts with the paragraph's. */
	said = check_body("<p><em>", "字", WP_MAX_PARA + 1, "</em></p>", &errors);
	ck_assert_said(said, "limits/service.xml:1: error: this paragraph is 10001 characters long (the limit is 10000; split it)");
	ck_assert_int_eq(errors, 1);
	said = check_body("<table><tr><td>", "x", WP_MAX_PARA + 5, "</td></tr></table>", &errors);
	ck_assert_said(said, "error: this table cell is 10005 characters long");
	/* A nested list's text is its own item's, not its parent's. */
	said = check_body("<ul><li>親<ul><li>", "字", WP_MAX_PARA, "</li></ul></li></ul>", &errors);
	ck_assert_msg(errors == 0, "unexpected: %s", said);
}
END_TEST

START_TEST(test_name_limits)
{
	int		 errors;
	const char	*said = check_case("long-title", &errors);

	ck_assert_said(said, "long-title/service.xml:18: error: the title attribute is 300 characters long (the limit for a name, title or label is 200; shorten it)");
	ck_assert_int_eq(errors, 1);
}
END_TEST

/* Lists nested depth deep. */
static const char *
check_nesting(int depth, int *errors)
{
	GString		*ends = g_string_new(NULL);
	const char	*said;

	for (int i = 0; i < depth; i++)
		g_string_append(ends, "</li></ol>");
	said = check_body("", "<ol><li>項目", depth, ends->str, errors);
	g_string_free(ends, TRUE);
	return said;
}

START_TEST(test_nesting_limit)
{
	int		 errors;
	const char	*said;

	said = check_nesting(WP_MAX_NESTING, &errors);
	ck_assert_msg(errors == 0, "unexpected: %s", said);
	said = check_nesting(WP_MAX_NESTING + 3, &errors);
	ck_assert_said(said, "limits/service.xml:1: error: lists are nested 9 deep here (the limit is 8; flatten the inner lists)");
	ck_assert_int_eq(errors, 1);	/* said once, not for each deeper list */
}
END_TEST

START_TEST(test_column_limit)
{
	int		 errors;
	const char	*said;

	said = check_body("<table><tr>", "<td>値</td>", WP_MAX_COLUMNS, "</tr></table>", &errors);
	ck_assert_msg(errors == 0, "unexpected: %s", said);
	said = check_body("<table><tr>", "<td colspan=\"2\">値</td>", 9, "</tr><tr>"
	    "<td>a</td></tr></table>", &errors);
	ck_assert_said(said, "error: this table row has 18 columns (the limit is 16;");
	ck_assert_int_eq(errors, 1);
	said = check_case("huge-colspan", &errors);
	ck_assert_said(said, "huge-colspan/service.xml:18: error: this table row has over 9999 columns (the limit is 16;");
}
END_TEST

START_TEST(test_link_schemes)
{
	int		 errors;
	const char	*said;

	said = check_body("<p>", "<link href=\"https://a.jp/\"/><link href=\"mailto:a@b.jp\">宛先</link>", 1, "</p>", &errors);
	ck_assert_msg(errors == 0, "unexpected: %s", said);
	said = check_case("javascript-link", &errors);
	ck_assert_said(said, "javascript-link/service.xml:18: error: link address \"javascript:alert(1)\" is not allowed (write an https:, http: or mailto: address)");
	said = check_body("<p>", "<link href=\" file:///etc/passwd\"/>", 1, "</p>", &errors);
	ck_assert_said(said, "error: link address \"file:///etc/passwd\" is not allowed");
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("validate");
	TCase	*tc = tcase_create("validate");

	tcase_add_unchecked_fixture(tc, setup_templates, teardown_templates);
	tcase_add_test(tc, test_valid_fixture);
	tcase_add_test(tc, test_control_unknown);
	tcase_add_test(tc, test_control_twice);
	tcase_add_test(tc, test_xref_missing);
	tcase_add_test(tc, test_id_folder);
	tcase_add_test(tc, test_key_unknown_and_twice);
	tcase_add_test(tc, test_schema_missing_name);
	tcase_add_test(tc, test_version_order);
	tcase_add_test(tc, test_date_order);
	tcase_add_test(tc, test_date_impossible);
	tcase_add_test(tc, test_dates);
	tcase_add_test(tc, test_versions);
	tcase_add_test(tc, test_control_hints);
	tcase_add_test(tc, test_paragraph_limit);
	tcase_add_test(tc, test_name_limits);
	tcase_add_test(tc, test_nesting_limit);
	tcase_add_test(tc, test_column_limit);
	tcase_add_test(tc, test_link_schemes);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
