/*
 * check_load: safe parsing.  Every way a file can be unreadable gets a
 * file:line error, never a crash, and never anything read from outside.
 */
#include <sys/stat.h>

#include <unistd.h>

#include "input/service.h"
#include "input/xml.h"
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

/* Parsing stops at the DOCTYPE: no entity is declared, let alone
 * expanded, and the message is the DOCTYPE's, not libxml2's. */
START_TEST(test_billion_laughs_stopped_at_doctype)
{
	const char	*said;

	capture();
	ck_assert_ptr_null(wp_load_xml("tests/regress/check/billion-laughs/service.xml"));
	said = captured();
	ck_assert_said(said, "billion-laughs/service.xml:2: error: DOCTYPE declarations are not allowed");
	ck_assert_ptr_null(strstr(said, "entity reference loop"));
	ck_assert_int_eq(wp_diag_errors(), 1);
}
END_TEST

/* One slip, one message: not every enclosing element's echo of it. */
START_TEST(test_first_error_only)
{
	const char	*said;

	capture();
	ck_assert_ptr_null(wp_load_xml("tests/regress/check/unclosed/service.xml"));
	said = captured();
	ck_assert_str_eq(said, "tests/regress/check/unclosed/service.xml:18: error: "
	    "<em> opened on line 18 is closed by </p> (close <em> first, or "
	    "correct the tag's name)\n");
}
END_TEST

START_TEST(test_readable_messages)
{
	static const struct {
		const char	*xml;
		const char	*says;
	} cases[] = {
		{ "<a>\n<b>x</a>", ":2: error: <b> opened on line 2 is closed by </a>" },
		{ "<a>\n<b>x", ":2: error: the file ends before <b> (opened on line 2) is closed" },
		{ "<a>&nbsp;</a>", "error: unknown entity &nbsp; (XML knows only" },
		{ "<a>\x01</a>", "error: a control character (U+0001) that XML does not allow" },
		{ "<a>&#1;</a>", "error: a control character (U+0001) that XML does not allow" },
		{ "<a>a < b</a>", "error: a '<' that starts no element (write &lt;" },
		{ "<a x=1/>", "error: an attribute value without quotes" },
		{ "<a x='1' x='2'/>", "error: the attribute x is written twice" },
		{ "<a>\xed\xa0\x80</a>", "error: invalid UTF-8 byte sequence" },
		{ "<?xml version='1.0' encoding='bogus'?><a/>", "error: file is declared as bogus" },
		{ "<xi:include/>", "error: the prefix xi: of <xi:include> is not declared" },
	};
	const char	*said;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_ptr_null(load_bytes(cases[i].xml, strlen(cases[i].xml), &said));
		ck_assert_said(said, cases[i].says);
		ck_assert_int_eq(wp_diag_errors(), 1);
	}
}
END_TEST

START_TEST(test_xinclude_refused)
{
	const char	 xml[] = "<a xmlns:xi='http://www.w3.org/2001/XInclude'>\n"
	    "<b><xi:include href='/etc/passwd' parse='text'/></b></a>";
	const char	*said;

	ck_assert_ptr_null(load_bytes(xml, sizeof(xml) - 1, &said));
	ck_assert_said(said, ":2: error: XInclude is not allowed in content");
	ck_assert_ptr_null(strstr(said, "root:"));
}
END_TEST

START_TEST(test_utf16_refused)
{
	const char	 bytes[] = "\xff\xfe<\0a\0/\0>\0";
	const char	*said;

	ck_assert_ptr_null(load_bytes(bytes, sizeof(bytes) - 1, &said));
	ck_assert_said(said, ":1: error: file is declared as UTF-16 (content files must be UTF-8)");
}
END_TEST

/* A document of n bytes: <a>, spaces, </a>. */
static char *
spaces_doc(size_t n)
{
	char	*buf = malloc(n);

	ck_assert_ptr_nonnull(buf);
	memset(buf, ' ', n);
	memcpy(buf, "<a>", 3);
	memcpy(buf + n - 4, "</a>", 4);
	return buf;
}

/* Over the limit, in memory or on disk, refused; at the limit, read. */
START_TEST(test_too_big)
{
	char		*big = spaces_doc(WP_MAX_FILE + 1);
	char		*limit = spaces_doc(WP_MAX_FILE);
	const char	*said;
	xmlDocPtr	 doc;

	capture();
	ck_assert_ptr_null(wp_load_xml_memory(big, WP_MAX_FILE + 1, "big.xml"));
	said = captured();
	ck_assert_said(said, "big.xml: error: file is 1024 KiB, over the limit of 1024 KiB");
	ck_assert_ptr_null(load_bytes(big, WP_MAX_FILE + 1, &said));
	ck_assert_said(said, "error: file is 1024 KiB, over the limit of 1024 KiB");
	doc = load_bytes(limit, WP_MAX_FILE, &said);
	ck_assert_msg(doc != NULL, "refused at the limit: %s", said);
	xmlFreeDoc(doc);
	free(big);
	free(limit);
}
END_TEST

/* A pipe with no writer: refused at once, not waited on. */
START_TEST(test_fifo_refused)
{
	char		 path[64] = "/tmp/wpgen-check-load-fifo-XXXXXX";
	const char	*said;

	ck_assert_ptr_nonnull(mkdtemp(path));
	strncat(path, "/service.xml", sizeof(path) - strlen(path) - 1);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	capture();
	ck_assert_ptr_null(wp_load_xml(path));
	said = captured();
	ck_assert_said(said, "service.xml: error: not a regular file");
	unlink(path);
	*strrchr(path, '/') = '\0';
	rmdir(path);
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
	tcase_add_test(tc, test_billion_laughs_stopped_at_doctype);
	tcase_add_test(tc, test_first_error_only);
	tcase_add_test(tc, test_readable_messages);
	tcase_add_test(tc, test_xinclude_refused);
	tcase_add_test(tc, test_utf16_refused);
	tcase_add_test(tc, test_too_big);
	tcase_add_test(tc, test_fifo_refused);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
