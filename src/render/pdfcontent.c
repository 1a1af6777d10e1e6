/*
 * pdfcontent: a page's content stream as the Tagged PDF needs it: what
 * is drawn outside every structure sequence (the marked content cairo
 * numbers) marked as /Artifact, cairo's /ActualText sequences nested in
 * them dropped, their MCIDs checked (pdftags.c says why).
 */
#include <string.h>

#include "render/pdfint.h"

/* ---- artifacts ------------------------------------------------------- */

static int
op_in(struct wp_pdf_span op, const char *const *list)
{
	for (; *list != NULL; list++)
		if (wp_pdf_is(op, *list))
			return 1;
	return 0;
}

/* Operators that start a graphics object, and that end one. */
static const char *const starts[] = { "m", "re", "BT", "Do", "sh", "BI",
    NULL };
static const char *const ends[] = { "S", "s", "f", "F", "f*", "B", "B*",
    "b", "b*", "n", "ET", "Do", "sh", "EI", NULL };

/* An edit of a content stream: at off, drop len bytes, insert text. */
struct edit {
	size_t		 off, len;
	const char	*text;
};

struct content {
	const char	*s, *e;		/* the page's content */
	GArray		*edits;		/* in order */
	const char	*first, *last;	/* this run of artifacts' objects */
	const char	*opstart;	/* the operation's first operand */
	int		 depth;		/* structure sequences open */
	int		 mcids;		/* structure sequences seen */
	int		 bad;
	GArray		*stack;		/* per open sequence: SEQ_ */
};

enum { SEQ_OTHER, SEQ_STRUCT, SEQ_DROP };

static void
edit(struct content *c, const char *at, const char *to, const char *text)
{
	struct edit ed = { (size_t)(at - c->s), (size_t)(to - at), text };

	g_array_append_val(c->edits, ed);
}

/* An operation with the end of line after it. */
static const char *
line_end(const struct content *c, const char *s)
{
	return s < c->e && *s == '\n' ? s + 1 : s;
}

/* What was drawn since the last structure sequence is an artifact:
 * from its first graphics object to the end of its last. */
static void
close_run(struct content *c)
{
	if (c->first != NULL && c->last > c->first) {
		edit(c, c->first, c->first, "/Artifact BMC\n");
		edit(c, c->last, c->last, "\nEMC");
	}
	c->first = c->last = NULL;
}

/*
 * A marked-content operator, with the last of the operands before it.
 * A sequence without an MCID inside a structure sequence is cairo's
 * /ActualText for a character drawn by another's glyph (a U+200B, which
 * has none; a "(" set full width); it is dropped, for poppler (22.12)
 * reads an element's text only to the first nested sequence's end
 * (MarkedContentOutputDev pops its stack at every EMC but pushes only
 * sequences with an MCID): the text reads as its glyphs do.
 */
static void
marked(struct content *c, struct wp_pdf_span op, struct wp_pdf_span props)
{
	int kind = SEQ_OTHER;

	if (wp_pdf_is(op, "EMC")) {
		if (c->stack->len == 0) {
			c->bad = 1;
			return;
		}
		kind = g_array_index(c->stack, int, c->stack->len - 1);
		g_array_set_size(c->stack, c->stack->len - 1);
		c->depth -= kind == SEQ_STRUCT;
		if (kind == SEQ_DROP)
			edit(c, op.s, line_end(c, op.e), "");
		return;
	}
	if (wp_pdf_is(op, "BDC")) {
		long id = wp_pdf_int(wp_pdf_get(props, "/MCID"));
		if (id >= 0) {
			kind = SEQ_STRUCT;
			if (id != c->mcids++ || c->depth > 0)
				c->bad = 1;
		}
	}
	if (kind == SEQ_STRUCT)
		close_run(c);
	else if (c->depth > 0) {
		kind = SEQ_DROP;
		edit(c, c->opstart, line_end(c, op.e), "");
	}
	c->depth += kind == SEQ_STRUCT;
	g_array_append_val(c->stack, kind);
}

/* An inline image's data: from ID to the EI after white space. */
static const char *
inline_image(const char *s, const char *e)
{
	for (; s + 2 < e; s++)
		if ((s[0] == ' ' || s[0] == '\n' || s[0] == '\r') &&
		    s[1] == 'E' && s[2] == 'I' && (s + 3 == e || s[3] == ' ' ||
		    s[3] == '\n' || s[3] == '\r'))
			return s + 3;
	return e;
}

static int
operand(struct wp_pdf_span v)
{
	char ch = *v.s;

	return ch == '/' || ch == '(' || ch == '<' || ch == '[' || ch == '-' ||
	    ch == '+' || ch == '.' || (ch >= '0' && ch <= '9') ||
	    wp_pdf_is(v, "true") || wp_pdf_is(v, "false") ||
	    wp_pdf_is(v, "null");
}

static void
apply(const struct content *c, GByteArray *out)
{
	const char	*at = c->s;
	guint		 i;

	for (i = 0; i < c->edits->len; i++) {
		const struct edit *ed = &g_array_index(c->edits, struct edit, i);
		g_byte_array_append(out, (const guint8 *)at,
		    (guint)(c->s + ed->off - at));
		g_byte_array_append(out, (const guint8 *)ed->text,
		    (guint)strlen(ed->text));
		at = c->s + ed->off + ed->len;
	}
	g_byte_array_append(out, (const guint8 *)at, (guint)(c->e - at));
}

int
wp_pdf_artifacts(const guint8 *data, size_t n, GByteArray *out)
{
	struct content	 c = { 0 };
	struct wp_pdf_span last = { NULL, NULL };
	const char	*s;

	c.s = s = (const char *)data;
	c.e = c.s + n;
	c.edits = g_array_new(FALSE, FALSE, sizeof(struct edit));
	c.stack = g_array_new(FALSE, FALSE, sizeof(int));
	while ((s = wp_pdf_white(s, c.e)) < c.e) {
		struct wp_pdf_span v = { s, wp_pdf_skip(s, c.e) };
		s = v.e;
		if (c.opstart == NULL)
			c.opstart = v.s;
		if (operand(v)) {
			last = v;
			continue;
		}
		if (wp_pdf_is(v, "BI"))
			s = v.e = inline_image(s, c.e);
		if (wp_pdf_is(v, "BDC") || wp_pdf_is(v, "BMC") ||
		    wp_pdf_is(v, "EMC"))
			marked(&c, v, last);
		else if (c.depth == 0) {
			if (op_in(v, starts) && c.first == NULL)
				c.first = c.opstart;
			if (op_in(v, ends) && c.first != NULL)
				c.last = v.e;
		}
		c.opstart = NULL;
	}
	close_run(&c);
	if (c.stack->len != 0)
		c.bad = 1;
	apply(&c, out);
	g_array_free(c.stack, TRUE);
	g_array_free(c.edits, TRUE);
	return c.bad ? -1 : c.mcids;
}
