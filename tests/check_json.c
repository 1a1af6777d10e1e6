/*
 * check_json: the JSON wpgen writes and reads back (base/json.c), the
 * diagnostics written as JSON, their kinds, --werror and scopes
 * (base/diag.c), the threads started beside another (base/thread.c),
 * and the heap a build works in (base/alloc.c).
 */
#ifdef __linux__
#define _GNU_SOURCE		/* the affinity calls */
#include <sched.h>
#endif
#include <pthread.h>
#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/json.h"
#include "base/thread.h"
#include "testutil.h"

#define ck_assert_quote(in, want) do { \
	char *got_ = wp_json_quote(in); \
	ck_assert_msg(strcmp(got_, (want)) == 0, "quote: got %s, want %s", \
	    got_, (want)); \
	free(got_); \
} while (0)

START_TEST(test_quote)
{
	ck_assert_quote(NULL, "null");
	ck_assert_quote("", "\"\"");
	ck_assert_quote("a\"b\\c", "\"a\\\"b\\\\c\"");
	ck_assert_quote("tab\there\nnew\x01\x7f", "\"tab\\there\\nnew\\u0001\\u007f\"");
	ck_assert_quote("情報セキュリティ", "\"情報セキュリティ\"");
	/* bytes that are no UTF-8: a lone continuation, an overlong form,
	 * a surrogate, a cut sequence */
	ck_assert_quote("a\x80z", "\"a\\ufffdz\"");
	ck_assert_quote("\xc0\xaf", "\"\\ufffd\\ufffd\"");
	ck_assert_quote("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");
	ck_assert_quote("\xe6\x83", "\"\\ufffd\\ufffd\"");
}
END_TEST

/* What wp_json_quote writes, wp_json_parse reads back as it was. */
START_TEST(test_round_trip)
{
	static const char *const texts[] = { "", "plain", "「引用」と\"quote\"",
	    "back\\slash", "line\nbreak\ttab", "\x01\x1f", "🙂 U+1F642" };

	for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
		char *q = wp_json_quote(texts[i]);
		struct wp_json *v = wp_json_parse(q, strlen(q));
		ck_assert_msg(v != NULL, "%s did not parse", q);
		ck_assert_str_eq(wp_json_str(v), texts[i]);
		wp_json_free(v);
		free(q);
	}
}
END_TEST

START_TEST(test_parse)
{
	const char	*doc = "{ \"a\": [1, -2.5e3, true, false, null, "
			    "{\"b\": \"\\u3042\\ud83d\\ude42\"}], \"c\": {} }";
	struct wp_json	*v = wp_json_parse(doc, strlen(doc));
	const struct wp_json *a;

	ck_assert_ptr_nonnull(v);
	a = wp_json_get(v, "a");
	ck_assert_ptr_nonnull(a);
	ck_assert_int_eq(a->type, WP_JSON_ARRAY);
	ck_assert_uint_eq(a->n, 6);
	ck_assert_int_eq(a->v[0]->type, WP_JSON_NUMBER);
	ck_assert_str_eq(a->v[1]->text, "-2.5e3");
	ck_assert_int_eq(a->v[2]->yes, 1);
	ck_assert_int_eq(a->v[3]->type, WP_JSON_BOOL);
	ck_assert_int_eq(a->v[3]->yes, 0);
	ck_assert_int_eq(a->v[4]->type, WP_JSON_NULL);
	ck_assert_str_eq(wp_json_str(wp_json_get(a->v[5], "b")), "あ🙂");
	ck_assert_int_eq(wp_json_get(v, "c")->type, WP_JSON_OBJECT);
	ck_assert_ptr_null(wp_json_get(v, "d"));
	ck_assert_ptr_null(wp_json_get(a, "a"));	/* no object */
	ck_assert_ptr_null(wp_json_str(a));		/* no string */
	wp_json_free(v);
}
END_TEST

/* What is not JSON, or nests deeper than 32, gives NULL, never a crash. */
START_TEST(test_malformed)
{
	static const char *const bad[] = { "", "{", "[1,]", "{\"a\" 1}",
	    "{\"a\": 1,}", "\"open", "\"bad \\q escape\"", "\"\\u12\"",
	    "[1] 2", "nul", "{1: 2}", "\"ctl \x01 char\"", "-", "[}" };
	char		 deep[200];
	struct wp_json	*v;

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		v = wp_json_parse(bad[i], strlen(bad[i]));
		ck_assert_msg(v == NULL, "\"%s\" parsed", bad[i]);
	}
	memset(deep, '[', 40);
	memset(deep + 40, ']', 40);
	ck_assert_ptr_null(wp_json_parse(deep, 80));
	memset(deep, '[', 30);
	memset(deep + 30, ']', 30);
	v = wp_json_parse(deep, 60);
	ck_assert_ptr_nonnull(v);
	wp_json_free(v);
}
END_TEST

/* Diagnostics as JSON: one object a line, "file:line" split, the rest
 * null where not known; and their kinds. */
START_TEST(test_diag_json)
{
	const char	*said;

	capture();
	wp_diag_format(WP_DIAG_JSON);
	wp_msg(MSG_CONTROL_TWICE, "content/x/service.xml", 27, "9.2.1", 12L);
	wp_msg(MSG_SAME_OUTPUT, "content/x/service.xml:4", 0, "a\"b", "y");
	wp_msg(MSG_RELEASE, NULL, 0);
	wp_msg_as(WP_WARNING, MSG_HISTORY_STALE, "r.xml", 3, "1.0", "5.1.1");
	wp_diag_format(WP_DIAG_TEXT);
	said = captured();
	ck_assert_said(said, "{\"file\": \"content/x/service.xml\", \"line\": "
	    "27, \"column\": null, \"severity\": \"error\", \"code\": "
	    "\"control-twice\", \"message\": \"control 9.2.1 is answered twice "
	    "(first at line 12; keep one answer)\"}\n");
	ck_assert_said(said, "{\"file\": \"content/x/service.xml\", \"line\": 4, "
	    "\"column\": null, \"severity\": \"error\", \"code\": "
	    "\"same-output\", \"message\": \"this service's outputs would be "
	    "written as a\\\"b, as");
	ck_assert_said(said, "{\"file\": null, \"line\": null, \"column\": null, "
	    "\"severity\": \"error\", \"code\": \"release\"");
	ck_assert_said(said, "\"severity\": \"warning\", \"code\": "
	    "\"history-stale\"");
	/* errors of the content; the warning counts as none */
	ck_assert_int_eq(wp_diag_kinds(), WP_KIND_CONTENT);
	wp_diag_add_kinds(WP_KIND_TROUBLE);
	ck_assert_int_eq(wp_diag_kinds(), WP_KIND_CONTENT | WP_KIND_TROUBLE);
}
END_TEST

/* --werror: a warning is said and counted as an error, of its kind. */
START_TEST(test_werror)
{
	const char	*said;

	capture();
	wp_diag_werror(1);
	wp_msg(MSG_OVERFULL, "s.xml", 5, "AAAA");
	wp_msg_as(WP_WARNING, MSG_HISTORY_UNCHANGED, "r.xml", 2, "1.1",
	    "5.1.1", "1.1 方針");
	wp_diag_werror(0);
	ck_assert_int_eq(wp_diag_errors(), 2);
	ck_assert_int_eq(wp_diag_warnings(), 0);
	ck_assert_int_eq(wp_diag_kinds(), WP_KIND_CONTENT | WP_KIND_HISTORY);
	said = captured();
	ck_assert_said(said, "s.xml:5: error: \"AAAA\" has no place to break");
	ck_assert_said(said, "r.xml:2: error: revision 1.1 names clause 5.1.1");
	capture();
	wp_msg(MSG_OVERFULL, "s.xml", 5, "AAAA");
	ck_assert_int_eq(wp_diag_errors(), 0);
	ck_assert_said(captured(), "s.xml:5: warning:");
}
END_TEST

/* A thread that says n errors in a scope of its own, and counts them. */
struct sayer {
	struct wp_diag_scope	 scope;
	int			 n, counted;
};

static void *
say_errors(void *arg)
{
	struct sayer	*w = arg;

	wp_diag_enter(&w->scope);
	for (int i = 0; i < w->n; i++)
		wp_msg(MSG_OVERFULL, "t.xml", i + 1, "AAAA");
	w->counted = wp_diag_errors();
	wp_diag_enter(NULL);
	return NULL;
}

/* A service's errors are its own: threads in one scope count together,
 * other scopes' errors are not theirs, and the total has them all. */
START_TEST(test_scopes)
{
	struct sayer	 a = { { 0 }, 3, -1 }, b = { { 0 }, 5, -1 };
	pthread_t	 ta, tb, tc;
	int		 before;

	capture();
	wp_diag_werror(1);
	wp_diag_reset();
	ck_assert_ptr_null(wp_diag_scope());
	ck_assert_int_eq(pthread_create(&ta, NULL, say_errors, &a), 0);
	ck_assert_int_eq(pthread_create(&tb, NULL, say_errors, &b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	ck_assert_int_eq(a.counted, 3);
	ck_assert_int_eq(b.counted, 5);
	ck_assert_int_eq(wp_diag_errors(), 8);
	/* a second thread in a's scope adds to it, not to b's */
	a.n = 2;
	ck_assert_int_eq(pthread_create(&tc, NULL, say_errors, &a), 0);
	pthread_join(tc, NULL);
	ck_assert_int_eq(a.counted, 5);
	ck_assert_int_eq(b.scope.errors, 5);
	/* this thread, in b's scope, sees b's count and adds to it */
	wp_diag_enter(&b.scope);
	before = wp_diag_errors();
	wp_msg(MSG_OVERFULL, "u.xml", 1, "BBBB");
	ck_assert_int_eq(wp_diag_errors(), before + 1);
	ck_assert_ptr_eq(wp_diag_scope(), &b.scope);
	wp_diag_enter(NULL);
	ck_assert_int_eq(wp_diag_errors(), 11);
	wp_diag_werror(0);
	ck_assert_said(captured(), "u.xml:1: error:");
	wp_diag_reset();
}
END_TEST

/* What a thread started beside this one found of itself. */
struct beside {
	int		 ran;
#ifdef __linux__
	cpu_set_t	 mask;
#endif
};

static void *
note_beside(void *arg)
{
	struct beside *b = arg;

	b->ran = 1;
#ifdef __linux__
	(void)pthread_getaffinity_np(pthread_self(), sizeof(b->mask),
	    &b->mask);
#endif
	return arg;
}

/* It runs, with its argument; on Linux, on every processor this thread
 * may use but one (the one it was on), or on the same one if that is
 * all there is. */
START_TEST(test_thread_beside)
{
	struct beside	 b = { 0 };
	pthread_t	 t;
	void		*ret = NULL;

	ck_assert_int_eq(wp_thread_beside(&t, note_beside, &b), 0);
	ck_assert_int_eq(pthread_join(t, &ret), 0);
	ck_assert_ptr_eq(ret, &b);
	ck_assert_int_eq(b.ran, 1);
#ifdef __linux__
	{
		cpu_set_t	 mine, both;
		int		 n;

		ck_assert_int_eq(pthread_getaffinity_np(pthread_self(),
		    sizeof(mine), &mine), 0);
		n = CPU_COUNT(&mine);
		CPU_AND(&both, &b.mask, &mine);
		ck_assert(CPU_EQUAL(&both, &b.mask));	/* none but mine */
		ck_assert_int_eq(CPU_COUNT(&b.mask), n > 1 ? n - 1 : n);
	}
#endif
}
END_TEST

/* A sanitizer's malloc(), which has no heap to grow (make sanitize). */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define OWN_MALLOC	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define OWN_MALLOC	1
#endif
#endif

#if defined(__linux__) && !defined(OWN_MALLOC)
/* The size of the mapping that holds p, from /proc/self/smaps, and
 * whether it is advised to take huge pages; 0 if none holds it. */
static size_t
mapping_of(const void *p, int *huge)
{
	FILE		*f = fopen("/proc/self/smaps", "r");
	char		 line[512];
	uintptr_t	 lo, hi, at = (uintptr_t)p;
	size_t		 size = 0;

	*huge = 0;
	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		if (size == 0 && sscanf(line, "%" SCNxPTR "-%" SCNxPTR " ",
		    &lo, &hi) == 2 && lo <= at && at < hi)
			size = hi - lo;
		else if (size != 0 && strncmp(line, "VmFlags:", 8) == 0) {
			*huge = strstr(line, " hg") != NULL;
			break;
		}
	}
	fclose(f);
	return size;
}

/* The main arena's heap is grown by its reserve at once, and (where
 * the kernel has transparent huge pages) that span is advised to take
 * them. */
START_TEST(test_heap_init)
{
	char	*before = sbrk(0), *end;
	int	 huge;

	wp_heap_init();
	end = sbrk(0);
	ck_assert_msg(end >= before + (32 << 20),
	    "the heap did not grow by its reserve");
	ck_assert_uint_ge(mapping_of(end - 1, &huge), 32 << 20);
	if (access("/sys/kernel/mm/transparent_hugepage/enabled", F_OK) == 0)
		ck_assert_msg(huge, "the heap is not advised to take huge pages");
}
END_TEST
#endif

int
main(void)
{
	Suite	*s = suite_create("json");
	TCase	*tc = tcase_create("json");

	tcase_add_test(tc, test_quote);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_malformed);
	suite_add_tcase(s, tc);
	tc = tcase_create("diag");
	tcase_add_test(tc, test_diag_json);
	tcase_add_test(tc, test_werror);
	tcase_add_test(tc, test_scopes);
	suite_add_tcase(s, tc);
	tc = tcase_create("thread");
	tcase_add_test(tc, test_thread_beside);
	suite_add_tcase(s, tc);
#if defined(__linux__) && !defined(OWN_MALLOC)
	tc = tcase_create("heap");
	tcase_add_test(tc, test_heap_init);
	suite_add_tcase(s, tc);
#endif
	return run_suite(s);
}
