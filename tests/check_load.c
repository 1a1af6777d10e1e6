/*
 * check_load: safe parsing.  Every way a file can be unreadable gets a
 * file:line error, never a crash, and never anything read from outside.
 */
#include <unistd.h>

#include "testutil.h"

#define CASE "tests/regress/check/"

static xmlDocPtr
load_bytes(const char *bytes, size_t n, const char **said)
{
	char		 path[] = "/tmp/wpgen-check-load-XXXXXX";
	int		 fd = mkstemp(path);
	xmlDocPtr	 doc;

	ck_assert_int_ne(fd, -1);
	ck_assert_int_eq(write(fd, bytes, n), (ssize_t)n);
	close(fd);
	capture();
	doc = wp_load_xml(path);
	*said = captured();
	unlink(path);
	return doc;
}

START_TEST(test_wellformed)
{
	const char	*said;
	xmlDocPtr	 doc = load_bytes("<a>\n<b/></a>", 12, &said);

	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(said, "");
	ck_assert_int_eq(xmlGetLineNo(xmlDocGetRootElement(doc)->children->next), 2);
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_bom_accepted)
{
	const char	 bytes[] = "\xef\xbb\xbf<a>日本語</a>";
	const char	*said;
	xmlDocPtr	 doc = load_bytes(bytes, sizeof(bytes) - 1, &said);

	ck_assert_ptr_nonnull(doc);
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_bare_ampersand)
{
	const char	*said;

	capture();
	ck_assert_ptr_null(wp_load_xml(CASE "malformed/service.xml"));
	said = captured();
	ck_assert_said(said, CASE "malformed/service.xml:19: error: a bare '&'");
}
END_TEST

START_TEST(test_truncated)
{
	const char	*said;

	ck_assert_ptr_null(load_bytes("<service>\n<name>x</na", 21, &said));
	ck_assert_said(said, ":2: error:");
}
END_TEST

START_TEST(test_empty)
{
	const char	*said;

	ck_assert_ptr_null(load_bytes("", 0, &said));
	ck_assert_said(said, ":1: error: file is empty");
}
END_TEST

START_TEST(test_binary)
{
	const char	*said;

	ck_assert_ptr_null(load_bytes("<a>\0\1\2</a>", 10, &said));
	ck_assert_said(said, "error: file holds a NUL byte");
}
END_TEST

START_TEST(test_doctype_refused)
{
	const char	*said;

	capture();
	ck_assert_ptr_null(wp_load_xml(CASE "doctype/service.xml"));
	said = captured();
	ck_assert_said(said, CASE "doctype/service.xml:2: error: DOCTYPE declarations are not allowed");
	ck_assert_ptr_null(strstr(said, "root:"));	/* nothing of /etc/passwd */
}
END_TEST

START_TEST(test_entity_bomb_refused)
{
	const char	 bomb[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n"
	    "<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n<a>&c;</a>";
	const char	*said;

	/* libxml2's own guard or ours: either way refused, with an error. */
	ck_assert_ptr_null(load_bytes(bomb, sizeof(bomb) - 1, &said));
	ck_assert_said(said, "error:");
}
END_TEST

START_TEST(test_shift_jis_declared)
{
	const char	*said;

	capture();
	ck_assert_ptr_null(wp_load_xml(CASE "encoding/service.xml"));
	said = captured();
	ck_assert_said(said, "service.xml:1: error: file is declared as Shift_JIS (content files must be UTF-8)");
}
END_TEST

START_TEST(test_invalid_utf8)
{
	/* 「あ」 in Shift_JIS (0x82 0xA0) in a file that claims nothing. */
	const char	 bytes[] = "<a>\n\x82\xa0</a>";
	const char	*said;

	ck_assert_ptr_null(load_bytes(bytes, sizeof(bytes) - 1, &said));
	ck_assert_said(said, ":2: error: invalid UTF-8 byte sequence");
}
END_TEST

START_TEST(test_missing_file)
{
	const char	*said;

	capture();
	ck_assert_ptr_null(wp_load_xml("tests/no/such/file.xml"));
	said = captured();
	ck_assert_said(said, "tests/no/such/file.xml: error: No such file or directory");
}
END_TEST

START_TEST(test_service_folder_without_service)
{
	const char	*said;

	capture();
	ck_assert_ptr_null(wp_service_load(CASE "no-service"));
	said = captured();
	ck_assert_said(said, "no-service: error: no service.xml in this folder");
}
END_TEST

START_TEST(test_templates_load)
{
	ck_assert_ptr_nonnull(T->catalogue);
	ck_assert_ptr_nonnull(T->merge_xsl);
	ck_assert_ptr_nonnull(T->document_rng);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("load");
	TCase	*tc = tcase_create("load");

	tcase_add_unchecked_fixture(tc, setup_templates, teardown_templates);
	tcase_add_test(tc, test_wellformed);
	tcase_add_test(tc, test_bom_accepted);
	tcase_add_test(tc, test_bare_ampersand);
	tcase_add_test(tc, test_truncated);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_binary);
	tcase_add_test(tc, test_doctype_refused);
	tcase_add_test(tc, test_entity_bomb_refused);
	tcase_add_test(tc, test_shift_jis_declared);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_service_folder_without_service);
	tcase_add_test(tc, test_templates_load);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
