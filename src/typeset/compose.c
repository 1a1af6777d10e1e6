/*
 * compose: prepares a paragraph for Japanese composition.  The rules
 * and their reasons are in compose.h; the measurements behind them
 * (what Pango 1.50 does by itself) are in the README.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "typeset/compose.h"

struct rawch {
	gunichar	 c;
	unsigned	 flags;
	int		 target;	/* index into targets, or -1 */
};

enum { OUT_REAL, OUT_QSPACE, OUT_ZWSP };

struct outch {
	gunichar	 c;
	unsigned	 flags;
	int		 target;
	int		 kind;
	int		 halt;
};

struct range {
	size_t		 start, end;	/* out indices, end exclusive */
};

struct out {
	struct outch	*ch;
	size_t		 n, cap;
	struct range	*protect;
	size_t		 nprotect, protcap;
};

/* Whether c is one of the ASCII characters of set. */
static int
in(gunichar c, const char *set)
{
	return c != 0 && c < 0x80 && strchr(set, (int)c) != NULL;
}

static int
boundary(gunichar a, gunichar b)
{
	return (wp_is_japanese(a) && wp_is_latin(b)) ||
	    (wp_is_latin(a) && wp_is_japanese(b));
}

struct wp_para *
wp_para_new(void)
{
	return wp_calloc(1, sizeof(struct wp_para));
}

void
wp_para_free(struct wp_para *p)
{
	size_t i;

	if (p == NULL)
		return;
	if (p->text != NULL)
		g_string_free(p->text, TRUE);
	if (p->attrs != NULL)
		pango_attr_list_unref(p->attrs);
	for (i = 0; i < p->nlinks; i++)
		free(p->links[i].target);
	free(p->links);
	for (i = 0; i < p->ntargets; i++)
		free(p->targets[i]);
	free(p->targets);
	free(p->raw);
	free(p);
}

void
wp_para_add(struct wp_para *p, const char *s, int len, unsigned flags,
    const char *target)
{
	const char	*end = s + (len < 0 ? (int)strlen(s) : len);
	int		 t = -1;

	if (flags & RUN_LINK) {
		p->targets = wp_reallocarray(p->targets, p->ntargets + 1,
		    sizeof(*p->targets));
		t = (int)p->ntargets;
		p->targets[p->ntargets++] = wp_strdup(target);
	}
	for (; s < end; s = g_utf8_next_char(s)) {
		p->raw = wp_grow(p->raw, &p->rawcap, p->nraw, sizeof(*p->raw));
		p->raw[p->nraw].c = g_utf8_get_char(s);
		p->raw[p->nraw].flags = flags;
		p->raw[p->nraw].target = t;
		p->nraw++;
	}
}

static size_t
emit(struct out *o, gunichar c, const struct rawch *from, int kind)
{
	o->ch = wp_grow(o->ch, &o->cap, o->n, sizeof(*o->ch));
	o->ch[o->n] = (struct outch){ c, from->flags, from->target, kind, 0 };
	return o->n++;
}

static void
protect(struct out *o, size_t start, size_t end)
{
	if (end <= start + 1)
		return;
	o->protect = wp_grow(o->protect, &o->protcap, o->nprotect,
	    sizeof(*o->protect));
	o->protect[o->nprotect++] = (struct range){ start, end };
}

static int
is_url_char(gunichar c)
{
	return c > 0x20 && c < 0x7F && c != '<' && c != '>' && c != '"';
}

/* Marks url[i] for the characters of every http(s):// URL in the runs. */
static void
find_urls(const struct rawch *r, size_t n, char *url)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (i > 0 && r[i - 1].c < 0x80 && g_ascii_isalnum(r[i - 1].c))
			continue;
		if (!(r[i].c == 'h' && i + 8 <= n && r[i + 1].c == 't' &&
		    r[i + 2].c == 't' && r[i + 3].c == 'p'))
			continue;
		j = i + 4;
		if (r[j].c == 's')
			j++;
		if (j + 3 > n || r[j].c != ':' || r[j + 1].c != '/' ||
		    r[j + 2].c != '/')
			continue;
		while (j < n && is_url_char(r[j].c))
			j++;
		while (j > i && in(r[j - 1].c, ".,;:!?)'"))
			j--;
		memset(url + i, 1, j - i);
		i = j;
	}
}

/* Protects each run of ASCII characters holding a '/' (ISO/IEC, TCP/IP). */
static void
protect_tokens(struct out *o, const char *url_out)
{
	size_t i = 0, j;
	int slash;

	while (i < o->n) {
		if (url_out[i] || o->ch[i].c <= 0x20 || o->ch[i].c >= 0x7F) {
			i++;
			continue;
		}
		slash = 0;
		for (j = i; j < o->n && !url_out[j] && o->ch[j].c > 0x20 &&
		    o->ch[j].c < 0x7F; j++)
			slash |= o->ch[j].c == '/';
		if (slash)
			protect(o, i, j);
		i = j;
	}
}

/*
 * Protects out[start, end) when Pango could break inside it: when a
 * character before its last is other than an ASCII letter or digit
 * (UAX #14 breaks neither between those nor before the punctuation
 * that ends a piece, "a/" or "example.").  Fewer protections, fewer
 * attributes: Pango's attribute pass costs the text's length for each,
 * and a 10,000-letter address of one-letter pieces took half a second.
 */
static void
protect_piece(struct out *o, size_t start, size_t end)
{
	size_t i;

	for (i = start; i + 1 < end; i++)
		if (o->ch[i].kind == OUT_REAL && !(o->ch[i].c < 0x80 &&
		    g_ascii_isalnum(o->ch[i].c))) {
			protect(o, start, end);
			return;
		}
}

/* Each piece of a URL between its U+200B breaks is kept whole. */
static void
protect_urls(struct out *o, const char *url_out)
{
	size_t i = 0, start;

	while (i < o->n) {
		if (!url_out[i]) {
			i++;
			continue;
		}
		start = i;
		for (; i < o->n && url_out[i]; i++)
			if (o->ch[i].kind == OUT_ZWSP) {
				protect_piece(o, start, i);
				start = i + 1;
			}
		protect_piece(o, start, i);
	}
}

/* JLReq 3.1.4: a pair of full-width punctuation takes 1.5 em, not 2. */
static void
mark_halt(struct out *o)
{
	size_t i;

	for (i = 0; i + 1 < o->n; i++) {
		gunichar c = o->ch[i].c, n = o->ch[i + 1].c;
		if (wp_is_close(c) && wp_is_fw_punct(n))
			o->ch[i].halt = 1;
		else if (wp_is_open(c) && wp_is_open(n) && wp_is_fw_punct(n))
			o->ch[i + 1].halt = 1;
	}
}

static void
insert(PangoAttrList *l, PangoAttribute *a, unsigned start, unsigned end)
{
	a->start_index = start;
	a->end_index = end;
	pango_attr_list_insert(l, a);
}

static void
build_attrs(struct wp_para *p, const struct out *o, const unsigned *off,
    double size, unsigned color, unsigned link_color, const char *em_family)
{
	PangoAttrList	*l = pango_attr_list_new();
	size_t		 i, j;

#define RGB(c) (guint16)(((c) >> 16 & 0xff) * 257), \
	(guint16)(((c) >> 8 & 0xff) * 257), (guint16)(((c) & 0xff) * 257)
	insert(l, pango_attr_language_new(pango_language_from_string("ja")),
	    0, off[o->n]);
	insert(l, pango_attr_insert_hyphens_new(FALSE), 0, off[o->n]);
	insert(l, pango_attr_foreground_new(RGB(color)), 0, off[o->n]);
	for (i = 0; i < o->n; i++) {
		const struct outch *c = &o->ch[i];
		if (c->kind == OUT_QSPACE)
			insert(l, pango_attr_letter_spacing_new(
			    -(int)(size * PANGO_SCALE / 4)), off[i], off[i + 1]);
		if (c->halt)
			insert(l, pango_attr_font_features_new("halt 1"),
			    off[i], off[i + 1]);
		if (c->flags & RUN_EM) {
			insert(l, pango_attr_weight_new(PANGO_WEIGHT_BOLD),
			    off[i], off[i + 1]);
			if (em_family != NULL)
				insert(l, pango_attr_family_new(em_family),
				    off[i], off[i + 1]);
		}
	}
	for (i = 0; i < o->nprotect; i++)
		insert(l, pango_attr_allow_breaks_new(FALSE),
		    off[o->protect[i].start], off[o->protect[i].end]);
	for (i = 0; i < o->n; i = j) {
		int t = o->ch[i].target;
		for (j = i + 1; j < o->n && o->ch[j].target == t; j++)
			continue;
		if (t < 0)
			continue;
		insert(l, pango_attr_foreground_new(RGB(link_color)),
		    off[i], off[j]);
		p->links = wp_reallocarray(p->links, p->nlinks + 1,
		    sizeof(*p->links));
		p->links[p->nlinks++] = (struct wp_link){ off[i], off[j],
		    wp_strdup(p->targets[t]) };
	}
#undef RGB
	p->attrs = l;
}

void
wp_para_compose(struct wp_para *p, double size, unsigned color,
    unsigned link_color, const char *em_family)
{
	struct out	 o = { 0 };
	char		*url = wp_calloc(p->nraw + 1, 1), *url_out;
	size_t		*at = wp_calloc(p->nraw + 1, sizeof(*at));
	unsigned	*off;
	size_t		 i;
	struct rawch	 none = { 0, 0, -1 };

	find_urls(p->raw, p->nraw, url);
	for (i = 0; i < p->nraw; i++) {
		const struct rawch *r = &p->raw[i];
		gunichar prev = i > 0 ? p->raw[i - 1].c : 0;
		gunichar next = i + 1 < p->nraw ? p->raw[i + 1].c : 0;

		if ((r->c == ' ' || r->c == '\t') && !url[i] && i > 0 &&
		    (prev == ' ' || prev == '\t')) {
			at[i] = at[i - 1];	/* a run of spaces is one */
			continue;
		}
		if ((r->c == ' ' || r->c == '\t') && !url[i]) {
			if (boundary(prev, next)) {
				at[i] = emit(&o, WP_QSPACE, r, OUT_QSPACE);
				continue;
			}
			if (wp_no_line_start(next))
				protect(&o, o.n, o.n + 2);
			at[i] = emit(&o, ' ', r, OUT_REAL);	/* a tab too */
			continue;
		}
		if (boundary(prev, r->c))
			emit(&o, WP_QSPACE, r->target == (i > 0 ?
			    p->raw[i - 1].target : -1) ? r : &none, OUT_QSPACE);
		at[i] = emit(&o, r->c, r, OUT_REAL);
		if (r->c == 0xFF5E && i > 0)		/* ～ */
			protect(&o, at[i - 1], o.n);
		if (url[i] && url[i + 1] && in(r->c, "/.-_?#&=") &&
		    !(r->c == '/' && (next == '/' || prev == '/')))
			emit(&o, WP_ZWSP, r, OUT_ZWSP);
	}
	url_out = wp_calloc(o.n + 1, 1);
	for (i = 0; i < o.n; i++)
		url_out[i] = 0;
	for (i = 0; i < p->nraw; i++)
		if (url[i]) {
			size_t k = at[i];
			url_out[k] = 1;
			/* the U+200B emitted after it belongs to the URL */
			if (k + 1 < o.n && o.ch[k + 1].kind == OUT_ZWSP)
				url_out[k + 1] = 1;
		}
	protect_tokens(&o, url_out);
	protect_urls(&o, url_out);
	mark_halt(&o);

	p->text = g_string_sized_new(o.n * 3 + 1);
	off = wp_calloc(o.n + 1, sizeof(*off));
	for (i = 0; i < o.n; i++) {
		off[i] = (unsigned)p->text->len;
		g_string_append_unichar(p->text, o.ch[i].c);
	}
	off[o.n] = (unsigned)p->text->len;
	build_attrs(p, &o, off, size, color, link_color, em_family);
	free(off);
	free(url_out);
	free(url);
	free(at);
	free(o.ch);
	free(o.protect);
}
