/*
 * check_outline: end to end, each service under content/ merges into a
 * model whose clause outline (number, control number, title, in order)
 * is its reference document's, as written down in tests/outline/<id>.txt.
 * Titles are compared as the references are read: NFKC, no white space.
 */
#include <glib.h>

#include "publish/publish.h"
#include "testutil.h"

static const char *const services[] = {
	"secure-mx", "private-access", "ddos-protection", "managed-database",
	"renrakucho",
};

static char *
fold(const char *s)
{
	char	*n = g_utf8_normalize(s, -1, G_NORMALIZE_NFKC), *d = n;

	for (const char *p = n; *p != '\0'; p++)
		if (!g_ascii_isspace(*p))
			*d++ = *p;
	*d = '\0';
	return n;
}

START_TEST(test_outline)
{
	const char	*id = services[_i];
	char		 dir[128], path[128], line[1024];
	FILE		*f;
	xmlDocPtr	 m;
	int		 row = 0;

	snprintf(dir, sizeof(dir), "content/%s", id);
	snprintf(path, sizeof(path), "tests/outline/%s.txt", id);
	capture();
	m = wp_publish_model(S, dir);
	const char *said = captured();
	ck_assert_msg(m != NULL, "%s did not build: %s", id, said);
	ck_assert_msg(wp_diag_warnings() == 0, "%s: %s", id, said);

	xmlXPathContextPtr ctx = xmlXPathNewContext(m);
	xmlXPathObjectPtr cl = xmlXPathEvalExpression(BAD_CAST "//clause", ctx);
	ck_assert_ptr_nonnull((f = fopen(path, "r")));
	while (fgets(line, sizeof(line), f) != NULL) {
		if (line[0] == '#')
			continue;
		line[strcspn(line, "\n")] = '\0';
		char *num = strtok(line, "\t"), *ctl = strtok(NULL, "\t"),
		    *title = strtok(NULL, "\t");
		ck_assert_msg(row < cl->nodesetval->nodeNr,
		    "%s: model ends before clause %s", id, num);
		xmlNodePtr c = cl->nodesetval->nodeTab[row++];
		xmlChar *gn = xmlGetProp(c, BAD_CAST "number");
		xmlChar *gc = xmlGetProp(c, BAD_CAST "control");
		xmlChar *gt = xmlGetProp(c, BAD_CAST "title");
		char *want = fold(title), *got = fold((char *)gt);
		ck_assert_msg(strcmp(num, (char *)gn) == 0 &&
		    strcmp(ctl, (char *)gc) == 0 && strcmp(want, got) == 0,
		    "%s row %d: want %s %s %s, got %s %s %s", id, row,
		    num, ctl, title, gn, gc, gt);
		g_free(want);
		g_free(got);
		xmlFree(gn);
		xmlFree(gc);
		xmlFree(gt);
	}
	fclose(f);
	ck_assert_msg(row == cl->nodesetval->nodeNr,
	    "%s: model has %d clauses, the reference %d", id,
	    cl->nodesetval->nodeNr, row);
	xmlXPathFreeObject(cl);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(m);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("outline");
	TCase	*tc = tcase_create("outline");

	tcase_add_unchecked_fixture(tc, setup_templates, teardown_templates);
	tcase_add_loop_test(tc, test_outline, 0,
	    (int)(sizeof(services) / sizeof(services[0])));
	suite_add_tcase(s, tc);
	return run_suite(s);
}
