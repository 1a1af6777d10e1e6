/*
 * testutil: what every Check test needs: the real templates (a session,
 * wp_session_new()), loaded once, and diagnostics captured into a string
 * to assert on.
 * Tests run from the top of the source tree (make check does).
 */
#ifndef WP_TESTUTIL_H
#define WP_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "base/diag.h"
#include "publish/publish.h"
#include "model/xform.h"

static struct wp_session	*S;	/* the real templates and style */
static struct wp_templates	*T;	/* S's templates */
static char			*diag_buf;
static size_t			 diag_len;
static FILE			*diag_f;

static inline void
setup_templates(void)
{
	xmlInitParser();
	wp_diag_route_libxml();
	wp_xform_init();
	S = wp_session_new("templates");
	ck_assert_msg(S != NULL, "templates/ did not load");
	T = S->t;
}

static inline void
teardown_templates(void)
{
	wp_session_free(S);
	S = NULL;
	T = NULL;
}

/* Starts capturing diagnostics. */
static inline void
capture(void)
{
	if (diag_f != NULL)	/* an earlier capture never read */
		fclose(diag_f);
	free(diag_buf);
	diag_buf = NULL;
	diag_f = open_memstream(&diag_buf, &diag_len);
	wp_diag_stream(diag_f);
	wp_diag_reset();
}

/* Stops capturing; returns what was said (valid until the next capture). */
static inline const char *
captured(void)
{
	fclose(diag_f);
	diag_f = NULL;
	wp_diag_stream(NULL);
	return diag_buf;
}

#define ck_assert_said(said, text) \
	ck_assert_msg(strstr((said), (text)) != NULL, \
	    "expected \"%s\" in:\n%s", (text), (said))

/* The string value of an XPath expression over doc; caller frees. */
static inline char *
xpath_string(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr	 ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr	 obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	xmlChar			*s = xmlXPathCastToString(obj);
	char			*r = strdup((char *)s);

	xmlFree(s);
	xmlXPathFreeObject(obj);
	xmlXPathFreeContext(ctx);
	return r;
}

#define ck_assert_xpath(doc, expr, want) do { \
	char *got_ = xpath_string((doc), (expr)); \
	ck_assert_msg(strcmp(got_, (want)) == 0, "%s: got \"%s\", want \"%s\"", \
	    (expr), got_, (want)); \
	free(got_); \
} while (0)

/* Runs a suite; returns the process's exit status. */
static inline int
run_suite(Suite *s)
{
	SRunner	*sr = srunner_create(s);
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
