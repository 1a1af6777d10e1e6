/*
 * check_validate: each content rule, proven on a fixture that breaks it
 * (tests/regress/check/<case>/), with the message a writer would see.
 */
#include "testutil.h"
#include "validate.h"

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
	suite_add_tcase(s, tc);
	return run_suite(s);
}
