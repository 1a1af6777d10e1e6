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
#include "typeset/composeint.h"

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

/* Frees what composing made. */
static void
uncompose(struct wp_para *p)
{
	if (p->text != NULL)
		g_string_free(p->text, TRUE);
	if (p->attrs != NULL)
		pango_attr_list_unref(p->attrs);
	for (size_t i = 0; i < p->nlinks; i++)
		free(p->links[i].target);
	free(p->links);
	free(p->english);
	free(p->info);
	free(p->changes);
	p->changes = NULL;
	p->nchanges = 0;
	p->text = NULL;
	p->attrs = NULL;
	p->links = NULL;
	p->nlinks = 0;
	p->english = NULL;
	p->nenglish = 0;
	p->info = NULL;
}

/* Frees all a paragraph holds (the struct itself stays). */
static void
release(struct wp_para *p)
{
	uncompose(p);
	free(p->marks);
	for (size_t i = 0; i < p->ntargets; i++)
		free(p->targets[i]);
	free(p->targets);
	free(p->raw);
}

void
wp_para_free(struct wp_para *p)
{
	if (p == NULL)
		return;
	release(p);
	free(p);
}

/* A copy of n elements of size bytes, or NULL for none. */
static void *
dup_array(const void *a, size_t n, size_t size)
{
	void *d;

	if (a == NULL || n == 0)
		return NULL;
	d = wp_reallocarray(NULL, n, size);
	memcpy(d, a, n * size);
	return d;
}

void
wp_para_copy(struct wp_para *dst, const struct wp_para *src)
{
	size_t i;

	release(dst);
	*dst = *src;
	dst->text = src->text ? g_string_new_len(src->text->str,
	    (gssize)src->text->len) : NULL;
	/* composing makes a new list, and nothing changes one in place */
	dst->attrs = src->attrs ? pango_attr_list_ref(src->attrs) : NULL;
	dst->links = dup_array(src->links, src->nlinks, sizeof(*src->links));
	for (i = 0; i < dst->nlinks; i++)
		dst->links[i].target = wp_strdup(src->links[i].target);
	dst->english = dup_array(src->english, src->nenglish,
	    sizeof(*src->english));
	dst->info = dup_array(src->info, src->info ? src->ninfo + 1 : 0,
	    sizeof(*src->info));
	dst->marks = dup_array(src->marks, src->nmarks, 1);
	dst->raw = dup_array(src->raw, src->nraw, sizeof(*src->raw));
	dst->rawcap = src->raw ? src->nraw : 0;
	dst->targets = dup_array(src->targets, src->ntargets,
	    sizeof(*src->targets));
	for (i = 0; i < dst->ntargets; i++)
		dst->targets[i] = wp_strdup(src->targets[i]);
	dst->changes = dup_array(src->changes, src->nchanges,
	    sizeof(*src->changes));
}

/* Appends n bytes at v to a key. */
static void
key_bytes(GString *key, const void *v, size_t n)
{
	g_string_append_len(key, v, (gssize)n);
}

void
wp_para_key(const struct wp_para *p, GString *key)
{
	const size_t	 each = sizeof(p->raw->c) + sizeof(p->raw->flags) +
			    sizeof(p->raw->target);
	size_t		 i, at;
	char		*k;

	key_bytes(key, &p->nraw, sizeof(p->nraw));
	/* field by field (struct padding is no part of a key), into room
	 * made once: a key is made for every paragraph set */
	at = key->len;
	g_string_set_size(key, at + p->nraw * each);
	k = key->str + at;
	for (i = 0; i < p->nraw; i++) {
		memcpy(k, &p->raw[i].c, sizeof(p->raw[i].c));
		k += sizeof(p->raw[i].c);
		memcpy(k, &p->raw[i].flags, sizeof(p->raw[i].flags));
		k += sizeof(p->raw[i].flags);
		memcpy(k, &p->raw[i].target, sizeof(p->raw[i].target));
		k += sizeof(p->raw[i].target);
	}
	for (i = 0; i < p->ntargets; i++)
		g_string_append_len(key, p->targets[i],
		    (gssize)strlen(p->targets[i]) + 1);
	key_bytes(key, &p->fullwidth, sizeof(p->fullwidth));
	key_bytes(key, &p->solid_open, sizeof(p->solid_open));
	key_bytes(key, &p->leader_size, sizeof(p->leader_size));
	key_bytes(key, &p->change_color, sizeof(p->change_color));
	key_bytes(key, &p->bar_x, sizeof(p->bar_x));
	key_bytes(key, &p->bar_w, sizeof(p->bar_w));
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
	o->ch[o->n] = (struct outch){ .c = c, .flags = from->flags,
	    .target = from->target, .kind = kind };
	return o->n++;
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

/*
 * Which ASCII brackets and quotation marks are set full width: those
 * inside Japanese text (ます(本書では, 対策も“2.1”), as a Japanese setter
 * sets them: parentheses as （ ）, quotation marks as written, drawn by
 * the font's fwid feature (their full-width glyphs are theirs alone).  An opening one is when Japanese stands before
 * it or right inside it, a closing one when its opening one was, or
 * Japanese stands on either side of it.
 */
static void
mark_fullwidth(const struct rawch *r, size_t n, char *fw)
{
	int	 depth = 0, open[16] = { 0 };

	for (size_t i = 0; i < n; i++) {
		gunichar prev = i > 0 ? r[i - 1].c : 0;
		gunichar next = i + 1 < n ? r[i + 1].c : 0;
		int jp = wp_is_japanese(prev) || wp_is_fw_punct(prev) ||
		    wp_is_japanese(next) || wp_is_fw_punct(next);

		if (r[i].c == '(' || r[i].c == 0x201C) {
			fw[i] = (char)jp;
			if (depth < 16)
				open[depth] = jp;
			depth++;
		} else if (r[i].c == ')' || r[i].c == 0x201D) {
			/* as its opening one was, when it has one */
			int paired = depth > 0 && depth <= 16 && open[depth - 1];
			if (depth > 0)
				depth--;
			fw[i] = (char)(jp || paired);
		}
	}
}

/*
 * Whether the font's halt feature can set a character half width: the
 * full-width punctuation, and ASCII parentheses set full width (fwid
 * gives them the full-width glyphs); not the full-width forms of “ ”,
 * which halt does not know.
 */
static int
halts(const struct outch *c)
{
	return c->c >= 0x3000 || (c->fw && (c->c == '(' || c->c == ')'));
}

/* JLReq 3.1.4: a pair of full-width punctuation takes 1.5 em, not 2. */
static void
mark_halt(struct out *o)
{
	size_t i;

	for (i = 0; i + 1 < o->n; i++) {
		size_t k = i + 1;
		/* a break breaks.c put between them parts no pair: the
		 * widths it chose by are kept */
		if (o->ch[k].kind == OUT_SOFT && k + 1 < o->n)
			k++;
		gunichar c = wp_out_class(&o->ch[i]);
		gunichar n = wp_out_class(&o->ch[k]);
		if (wp_is_close(c) && wp_is_fw_punct(n) && halts(&o->ch[i]))
			o->ch[i].halt = 1;
		else if (wp_is_open(c) && wp_is_open(n) && wp_is_fw_punct(n) &&
		    halts(&o->ch[k]))
			o->ch[k].halt = 1;
	}
}

/* A colour 0xRRGGBB as the three arguments Pango's colour attributes take. */
#define RGB(c) (guint16)(((c) >> 16 & 0xff) * 257), \
	(guint16)(((c) >> 8 & 0xff) * 257), (guint16)(((c) & 0xff) * 257)

static void
insert(PangoAttrList *l, PangoAttribute *a, unsigned start, unsigned end)
{
	a->start_index = start;
	a->end_index = end;
	pango_attr_list_insert(l, a);
}

/* Set on the full-width grid: kana, kanji and full-width punctuation,
 * whose kerning the font would otherwise apply (す。, ティ). */
static int
on_grid(const struct outch *c)
{
	gunichar k = wp_out_class(c);

	return k >= 0x2E80 && k != WP_QSPACE && c->kind == OUT_REAL;
}

/* The OpenType features a character asks for, as FEAT_ bits. */
enum { FEAT_KERN_OFF = 1, FEAT_HALT = 2, FEAT_FWID = 4 };

static unsigned
features(const struct outch *c)
{
	return (on_grid(c) ? FEAT_KERN_OFF : 0) | (c->halt ? FEAT_HALT : 0) |
	    (c->fw ? FEAT_FWID : 0);
}

/*
 * The attributes each character asks for.  Features go in one
 * attribute a stretch: Pango 1.50 does not add up overlapping font
 * feature attributes (the innermost wins), so a character's halt or
 * fwid and the kern 0 around it are one string.
 */
static void
char_attrs(PangoAttrList *l, const struct out *o, const unsigned *off,
    double size, double leader, const char *em_family)
{
	static const char *const feat[] = { NULL, "kern 0", "halt 1",
	    "kern 0, halt 1", "fwid 1", "kern 0, fwid 1", "halt 1, fwid 1",
	    "kern 0, halt 1, fwid 1" };
	size_t	 i, j;

	for (i = 0; i < o->n; i++) {
		const struct outch *c = &o->ch[i];
		if (c->kind == OUT_QSPACE)	/* 1/2 em less 1/4, or 3/8 */
			insert(l, pango_attr_letter_spacing_new(-(int)(size *
			    PANGO_SCALE * (c->narrow ? 3 : 2) / 8)),
			    off[i], off[i + 1]);
	}
	/* leaders and emphasis: one attribute a stretch, which Pango shapes
	 * as one item (an attribute a character made an item of each) */
	for (i = 0; i < o->n; i = j) {
		unsigned f = o->ch[i].flags & (RUN_LEADER | RUN_EM);
		for (j = i + 1; j < o->n && (o->ch[j].flags & (RUN_LEADER |
		    RUN_EM)) == f; j++)
			continue;
		if (f & RUN_LEADER)
			insert(l, pango_attr_size_new_absolute((int)(leader *
			    PANGO_SCALE)), off[i], off[j]);
		if (f & RUN_EM) {
			insert(l, pango_attr_weight_new(PANGO_WEIGHT_BOLD),
			    off[i], off[j]);
			if (em_family != NULL)
				insert(l, pango_attr_family_new(em_family),
				    off[i], off[j]);
		}
	}
	for (i = 0; i < o->n; i = j) {
		unsigned f = features(&o->ch[i]);
		for (j = i + 1; j < o->n && features(&o->ch[j]) == f; j++)
			continue;
		if (f != 0)
			insert(l, pango_attr_font_features_new(feat[f]),
			    off[i], off[j]);
	}
}

/*
 * Text inserted or deleted since the version compared with (the
 * reviewer's copies): underlined or struck through, in the change
 * colour, and its range kept for the change bars.
 */
static void
change(struct wp_para *p, PangoAttrList *l, unsigned f, unsigned start,
    unsigned end)
{
	unsigned	 c = p->change_color;

	insert(l, pango_attr_foreground_new(RGB(c)), start, end);
	if (f & RUN_INS) {
		insert(l, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE),
		    start, end);
		insert(l, pango_attr_underline_color_new(RGB(c)), start, end);
	} else {
		insert(l, pango_attr_strikethrough_new(TRUE), start, end);
		insert(l, pango_attr_strikethrough_color_new(RGB(c)), start,
		    end);
	}
	p->changes = wp_reallocarray(p->changes, p->nchanges + 1,
	    sizeof(*p->changes));
	p->changes[p->nchanges++] = (struct wp_change){ start, end };
}

/* Whether bytes start..end touch a link (whose colour stays its own;
 * its text is the link's, in the document's language). */
static int
in_link(const struct wp_para *p, unsigned start, unsigned end)
{
	size_t i;

	for (i = 0; i < p->nlinks; i++)
		if (p->links[i].end > start && p->links[i].start < end)
			return 1;
	return 0;
}

/*
 * The English in a paragraph (english.c) outside its links, each
 * stretch its own run: a foreground attribute of the text's colour, for
 * Pango splits runs where attributes change, without shaping again.
 */
static void
find_english(struct wp_para *p, PangoAttrList *l, const struct out *o,
    const unsigned *off, unsigned color)
{
	size_t		 n, i;
	struct range	*r = wp_english(o, &n);

	for (i = 0; i < n; i++) {
		unsigned start = off[r[i].start], end = off[r[i].end];
		if (in_link(p, start, end))
			continue;
		p->english = wp_reallocarray(p->english, p->nenglish + 1,
		    sizeof(*p->english));
		p->english[p->nenglish++] = (struct wp_english){ start, end,
		    0 };
		insert(l, pango_attr_foreground_new(RGB(color)), start, end);
	}
	free(r);
}

static void
build_attrs(struct wp_para *p, const struct out *o, const unsigned *off,
    double size, unsigned color, unsigned link_color, const char *em_family)
{
	PangoAttrList	*l = pango_attr_list_new();
	size_t		 i, j;

	insert(l, pango_attr_language_new(pango_language_from_string("ja")),
	    0, off[o->n]);
	insert(l, pango_attr_insert_hyphens_new(FALSE), 0, off[o->n]);
	insert(l, pango_attr_foreground_new(RGB(color)), 0, off[o->n]);
	char_attrs(l, o, off, size, p->leader_size, em_family);
	p->lead_start = p->lead_end = 0;
	for (i = 0; i < o->n; i++)
		if (o->ch[i].flags & RUN_LEADER) {
			if (p->lead_end == 0)
				p->lead_start = off[i];
			p->lead_end = off[i + 1];
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
		    wp_strdup(p->targets[t]), 0 };
	}
	find_english(p, l, o, off, color);
	/* after the links' colour, which a change's overrides */
	for (i = 0; i < o->n; i = j) {
		unsigned f = o->ch[i].flags & (RUN_INS | RUN_DEL);
		for (j = i + 1; j < o->n && (o->ch[j].flags & (RUN_INS |
		    RUN_DEL)) == f; j++)
			continue;
		if (f != 0)
			change(p, l, f, off[i], off[j]);
	}
	p->attrs = l;
}

/*
 * breaks.c's choice, marks by character of the first composition:
 * punctuation set half width, spaces narrowed, and a U+2028 before each
 * character a line breaks before.  What compose_char() protected moves
 * with its characters (no chosen break falls inside it).
 */
static void
apply_marks(struct out *o, const unsigned char *marks)
{
	struct outch	*ch = NULL;
	size_t		 n = 0, cap = 0, i, *at = wp_calloc(o->n + 1,
			    sizeof(*at));

	for (i = 0; i < o->n; i++) {
		if ((marks[i] & MARK_BREAK) && i > 0) {
			ch = wp_grow(ch, &cap, n, sizeof(*ch));
			ch[n] = o->ch[i];
			ch[n].c = 0x2028;
			ch[n].kind = OUT_SOFT;
			ch[n].fw = ch[n].halt = 0;
			n++;
		}
		ch = wp_grow(ch, &cap, n, sizeof(*ch));
		at[i] = n;
		ch[n] = o->ch[i];
		ch[n].halt |= (marks[i] & MARK_HALT) != 0;
		ch[n].narrow = (marks[i] & MARK_NARROW) != 0;
		n++;
	}
	at[o->n] = n;
	for (i = 0; i < o->nprotect; i++) {
		o->protect[i].start = at[o->protect[i].start];
		o->protect[i].end = at[o->protect[i].end - 1] + 1;
	}
	free(o->ch);
	free(at);
	o->ch = ch;
	o->n = n;
	o->cap = cap;
}

/* What breaks.c and justify.c need to know of a composed character. */
static unsigned char
info_flags(const struct outch *c)
{
	gunichar	 k = wp_out_class(c);
	unsigned char	 f = 0;

	if (c->url)
		f |= CH_URL;
	if (c->kind == OUT_QSPACE)
		f |= CH_QSPACE;
	if (c->kind == OUT_SOFT)
		f |= CH_SOFT;
	if (c->kind == OUT_REAL && !c->halt && halts(c) &&
	    (wp_is_fw_punct(k) || k == 0x3001 || k == 0x3002))
		f |= CH_PUNCT;
	return f;
}

/*
 * Where a URL may break (after Chicago 14.18; JLReq has no rule for
 * it): after a slash (and the scheme's "//"), a question mark or an
 * equals sign; before a number sign, ampersand, underscore, tilde,
 * percent sign or hyphen.  Never beside a full stop: "index.⏎html"
 * reads as a sentence's end, and a line starting with "." breaks the
 * rule that no line starts with a full stop (JLReq cl-06), which
 * readers apply to URLs too.  A piece between these places is broken
 * only when a line could not be set otherwise (breaks.c).
 */
static int
url_break_before(gunichar c)
{
	return in(c, "#&_~%-");
}

static int
url_break_after(gunichar c, gunichar next)
{
	return (c == '/' && next != '/') || c == '?' || c == '=';
}

/*
 * Composes raw character i into o (or not: a run of spaces is one);
 * at[] maps raw to composed indices.
 */
static void
compose_char(struct wp_para *p, struct out *o, size_t i, const char *url,
    const char *fw, size_t *at)
{
	const struct rawch *r = &p->raw[i];
	gunichar prev = i > 0 ? p->raw[i - 1].c : 0;
	gunichar next = i + 1 < p->nraw ? p->raw[i + 1].c : 0;
	static const struct rawch none = { 0, 0, -1 };
	int blank = (r->c == ' ' || r->c == '\t') && !url[i];

	if (blank && i > 0 && (prev == ' ' || prev == '\t')) {
		at[i] = at[i - 1];		/* a run of spaces is one */
		return;
	}
	if ((r->flags & RUN_PHRASED) && r->c == WP_ZWSP) {
		at[i] = emit(o, WP_ZWSP, r, OUT_ZWSP);
		o->ch[at[i]].phrase = 1;
		return;
	}
	if (blank) {
		if (boundary(prev, next)) {
			at[i] = emit(o, WP_QSPACE, r, OUT_QSPACE);
			return;
		}
		if (wp_no_line_start(next))
			wp_protect(o, o->n, o->n + 2);
		at[i] = emit(o, ' ', r, OUT_REAL);	/* a tab too */
		return;
	}
	if (boundary(prev, r->c)) {
		struct rawch sp = r->target == (i > 0 ? p->raw[i - 1].target :
		    -1) ? *r : none;
		/* where an insertion or deletion starts or ends, the space
		 * between is neither's */
		if (i > 0 && ((p->raw[i - 1].flags ^ r->flags) &
		    (RUN_INS | RUN_DEL)))
			sp.flags &= ~(unsigned)(RUN_INS | RUN_DEL);
		emit(o, WP_QSPACE, &sp, OUT_QSPACE);
	}
	if (url[i] && i > 0 && url[i - 1] && url_break_before(r->c) &&
	    o->n > 0 && o->ch[o->n - 1].kind != OUT_ZWSP)
		emit(o, WP_ZWSP, r, OUT_ZWSP);
	if (fw[i] && (r->c == '(' || r->c == ')')) {
		/* （ ）: the glyph fwid would draw, which the PDF's text
		 * could read only as one of the two (render/pdfcontent.c) */
		struct rawch full = *r;
		full.c = r->c + 0xFEE0;
		at[i] = emit(o, full.c, &full, OUT_REAL);
	} else {
		at[i] = emit(o, r->c, r, OUT_REAL);
		o->ch[at[i]].fw = fw[i] != 0;
	}
	if (r->c == 0xFF5E && i > 0)		/* ～ */
		wp_protect(o, at[i - 1], o->n);
	if (url[i] && url[i + 1] && url_break_after(r->c, next))
		emit(o, WP_ZWSP, r, OUT_ZWSP);
}

void
wp_para_mark(struct wp_para *p, unsigned flags)
{
	for (size_t i = 0; i < p->nraw; i++)
		p->raw[i].flags |= flags;
}

int
wp_para_phrased(const struct wp_para *p)
{
	for (size_t i = 0; i < p->nraw; i++)
		if (p->raw[i].flags & RUN_PHRASED)
			return 1;
	return 0;
}

void
wp_para_unphrase(struct wp_para *p)
{
	for (size_t i = 0; i < p->nraw; i++)
		p->raw[i].flags &= ~(unsigned)RUN_PHRASED;
	wp_para_recompose(p, NULL);
}

void
wp_para_recompose(struct wp_para *p, unsigned char *marks)
{
	free(p->marks);
	p->marks = marks;
	/* marks are of the composition they were chosen in: this one */
	p->nmarks = marks != NULL ? p->ninfo + 1 : 0;
	wp_para_compose(p, p->size, p->color, p->link_color, p->em_family);
}

void
wp_para_compose(struct wp_para *p, double size, unsigned color,
    unsigned link_color, const char *em_family)
{
	struct out	 o = { 0 };
	char		*url = wp_calloc(p->nraw + 1, 1);
	char		*fw = wp_calloc(p->nraw + 1, 1);
	size_t		*at = wp_calloc(p->nraw + 1, sizeof(*at));
	unsigned	*off;
	size_t		 i;

	uncompose(p);
	p->size = size;
	p->color = color;
	p->link_color = link_color;
	p->em_family = em_family;
	find_urls(p->raw, p->nraw, url);
	if (p->fullwidth)
		mark_fullwidth(p->raw, p->nraw, fw);
	for (i = 0; i < p->nraw; i++)
		compose_char(p, &o, i, url, fw, at);
	for (i = 0; i < p->nraw; i++)
		if (url[i]) {
			size_t k = at[i];
			o.ch[k].url = 1;
			/* the U+200B on either side belongs to the URL */
			if (k + 1 < o.n && o.ch[k + 1].kind == OUT_ZWSP)
				o.ch[k + 1].url = 1;
			if (k > 0 && o.ch[k - 1].kind == OUT_ZWSP)
				o.ch[k - 1].url = 1;
		}
	if (p->marks != NULL)
		apply_marks(&o, p->marks);
	wp_protect_tokens(&o);
	wp_protect_designations(&o);
	wp_protect_counts(&o);
	wp_protect_urls(&o);
	wp_protect_phrases(&o);
	mark_halt(&o);

	p->text = g_string_sized_new(o.n * 3 + 1);
	off = wp_calloc(o.n + 1, sizeof(*off));
	for (i = 0; i < o.n; i++) {
		off[i] = (unsigned)p->text->len;
		g_string_append_unichar(p->text, o.ch[i].c);
	}
	off[o.n] = (unsigned)p->text->len;
	build_attrs(p, &o, off, size, color, link_color, em_family);
	p->info = wp_calloc(o.n + 1, sizeof(*p->info));
	p->ninfo = o.n;
	for (i = 0; i <= o.n; i++)
		p->info[i].off = off[i];
	for (i = 0; i < o.n; i++)
		p->info[i].flags = info_flags(&o.ch[i]);
	free(off);
	free(fw);
	free(url);
	free(at);
	free(o.ch);
	free(o.protect);
}
