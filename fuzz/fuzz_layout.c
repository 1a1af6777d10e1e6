/*
 * fuzz_layout: libFuzzer over the typesetting of one paragraph of any
 * Unicode text, through the engine's own wp_lines_set(): composition
 * (compose.c), Pango's line breaking with the real fonts, the fallback
 * for a word too wide (breaking between characters), JLReq
 * justification (justify.c).  Each input is set in a few styles and
 * widths.
 *
 * What must hold: no crash and no sanitizer report, and justification
 * never makes a line wider than Pango set it or than its room.  With
 * WP_FUZZ_STRICT=1, also: no line is wider than its room at all, which
 * Pango and compose.c do not always achieve (fuzz/known/fuzz_layout/
 * holds the cases found, each reported; see fuzz/README).
 *
 * Input: one byte of options, then UTF-8 text (invalid sequences are
 * replaced, as XML would have refused them); U+0001 separates runs,
 * which take turns at being plain, emphasis and a link.
 * Run from the top of the tree (templates/ and fonts/ are read there).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pango.h>

#include "fuzz.h"
#include "typeset/engine.h"
#include "typeset/justify.h"

static int	 strict;		/* WP_FUZZ_STRICT set */

static const enum wp_role roles[] = {
	ROLE_BODY, ROLE_LIST, ROLE_TABLE, ROLE_TABLE_HEAD, ROLE_CAPTION,
	ROLE_CLAUSE, ROLE_FIGURE, ROLE_COVER_TITLE,
};
static const double widths[] = { 2, 3.5, 7, 13.25, 40 };	/* em */

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	strict = getenv("WP_FUZZ_STRICT") != NULL;
	fuzz_setup("fuzz_layout", 1);
	wp_diag_stream(fopen("/dev/null", "w"));	/* the fallback warns */
	return 0;
}

/* What XML 1.0 allows in text, which is all a paragraph can hold. */
static int
xml_char(gunichar c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	    (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* The paragraph's runs from text, with only characters XML allows. */
static struct wp_para *
para(const char *text)
{
	static const unsigned flags[] = { 0, RUN_EM, RUN_LINK, RUN_EM | RUN_LINK };
	struct wp_para	*p = wp_para_new();
	GString		*run = g_string_new(NULL);
	unsigned	 k = 0;

	for (const char *s = text; ; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);
		if (c == 0 || c == 1) {
			unsigned f = flags[k++ % 4];
			if (run->len > 0)
				wp_para_add(p, run->str, (int)run->len, f,
				    f & RUN_LINK ? "https://example.jp/a?b=c" : NULL);
			g_string_truncate(run, 0);
			if (c == 0)
				break;
		} else if (xml_char(c))
			g_string_append_unichar(run, c);
	}
	g_string_free(run, TRUE);
	return p;
}

/* Line i's room: the width, less the indent on the first line. */
static int
room(int i, double width, double indent)
{
	return (int)lround((i == 0 ? width - indent : width) * PANGO_SCALE);
}

/* Aborts, for libFuzzer to keep the input, saying why. */
static void
fail(PangoLayout *lay, int i, const char *why, int w, int limit)
{
	PangoLayoutLine	*l = pango_layout_get_line_readonly(lay, i);
	char		*t = g_strescape(pango_layout_get_text(lay) +
			    l->start_index, NULL);

	fprintf(stderr, "fuzz_layout: line %d of %d is %.2f pt wide, %s "
	    "(%.2f pt): \"%.*s\"\n", i, pango_layout_get_line_count(lay),
	    (double)w / PANGO_SCALE, why, (double)limit / PANGO_SCALE,
	    (int)strlen(t) < 200 ? (int)strlen(t) : 200, t);
	g_free(t);
	abort();
}

/*
 * Checks the justified lines of lay against Pango's own, unjustified
 * (a fresh copy of lay: justify.c edits glyphs, never breaks).
 */
static void
check(PangoLayout *lay, PangoLayout *pango, double width, double indent)
{
	int	 n = pango_layout_get_line_count(lay);

	if (pango_layout_get_line_count(pango) != n)
		fail(lay, 0, "but the lines changed in number", 0, 0);
	for (int i = 0; i < n; i++) {
		int w = wp_line_width(pango_layout_get_line_readonly(lay, i));
		int before = wp_line_width(pango_layout_get_line_readonly(pango, i));
		int r = room(i, width, indent);
		/* A Pango unit of rounding is no overflow. */
		if (w > (before > r ? before : r) + 1)
			fail(lay, i, "wider after justification than both "
			    "Pango's line and the room", w, before > r ? before : r);
		if (strict && w > r + 1)
			fail(lay, i, "wider than its room", w, r);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wp_style		 st;
	enum wp_role		 role;
	char			*text;
	unsigned		 opt;

	if (size < 1 || size > 4096)
		return 0;
	opt = data[0];
	text = g_utf8_make_valid((const char *)data + 1, (gssize)size - 1);
	/* the real style, the role's alignment and emphasis varied */
	st = *S->style;
	role = roles[opt % (sizeof(roles) / sizeof(roles[0]))];
	st.text[role].align = opt & 0x80 ? ALIGN_LEFT : ALIGN_JUSTIFY;
	st.em_family = opt & 0x40 ? S->style->em_family : NULL;
	for (size_t i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		const struct wp_text_style *ts = &st.text[role];
		double w = widths[i] * ts->size;
		double indent = opt & 0x20 ? ts->size : 0;
		struct wp_engine e;
		struct wp_lines ln;
		PangoLayout *pango;

		wp_engine_start(&e, wp_session_fonts(S), &st);
		/* a missing glyph fails the build: nothing more to check */
		if (wp_lines_set(&e, &ln, para(text), role, w, indent) == 0) {
			/* Pango's own lines for the same text and settings,
			 * unjustified: a copy is laid out afresh */
			pango = pango_layout_copy(ln.layout);
			check(ln.layout, pango, w, ln.indent);
			g_object_unref(pango);
		}
		wp_doc_free(wp_engine_finish(&e));
	}
	g_free(text);
	return 0;
}
