/*
 * lines: text set into lines.  Pango breaks a composed paragraph
 * (compose.c) at the measure, justify.c finishes each line; a word no
 * rule can break is broken between characters, with a warning, and a
 * character no font has fails the document at its source.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "typeset/breaks.h"
#include "typeset/engine.h"
#include "typeset/justify.h"
#include "typeset/setcache.h"

#define PU(x)	((int)lround((x) * PANGO_SCALE))
#define PT(x)	((double)(x) / PANGO_SCALE)

double
wp_baseline(const struct wp_text_style *ts)
{
	/* the ideographic em box (0.88 above the baseline in Noto CJK)
	 * centred in the line's pitch */
	return (ts->pitch - ts->size) / 2 + 0.88 * ts->size;
}

/* Reports the first character no font could draw, with its source. */
static void
missing_glyph(struct wp_engine *e, PangoLayout *lay)
{
	const char	*text = pango_layout_get_text(lay);
	GSList		*l;
	int		 i;

	for (l = pango_layout_get_line_readonly(lay, 0) ? 
	    pango_layout_get_lines_readonly(lay) : NULL; l; l = l->next) {
		GSList *r;
		for (r = ((PangoLayoutLine *)l->data)->runs; r; r = r->next) {
			PangoGlyphItem *gi = r->data;
			for (i = 0; i < gi->glyphs->num_glyphs; i++) {
				const char *p;
				char ch[8] = "", ctx[64];
				gunichar c;
				if (!(gi->glyphs->glyphs[i].glyph &
				    PANGO_GLYPH_UNKNOWN_FLAG))
					continue;
				p = text + gi->item->offset +
				    gi->glyphs->log_clusters[i];
				c = g_utf8_get_char(p);
				ch[g_unichar_to_utf8(c, ch)] = '\0';
				g_utf8_strncpy(ctx, text, 20);
				e->failed = 1;
				/* the same text may be set again (at another
				 * width): said once */
				if (e->glyph_src != NULL && c == e->glyph &&
				    strcmp(e->glyph_src, e->src) == 0)
					return;
				wp_msg(MSG_GLYPH, e->src, 0, ch, (unsigned)c,
				    ctx);
				free(e->glyph_src);
				e->glyph_src = wp_strdup(e->src);
				e->glyph = c;
				return;
			}
		}
	}
}

/*
 * The first line wider than its room (the width, less the indent on a
 * paragraph's first line), or NULL: a word longer than the measure,
 * which the rules cannot break.
 */
static PangoLayoutLine *
overfull(PangoLayout *lay, double width, double indent)
{
	GSList	*l;

	for (l = pango_layout_get_lines_readonly(lay); l; l = l->next) {
		PangoLayoutLine *line = l->data;
		int room = PU(width) - (line->is_paragraph_start ?
		    PU(indent) : 0);
		if (wp_line_width(line) > room + PANGO_SCALE / 10)
			return line;
	}
	return NULL;
}

static gboolean
is_break_rule(PangoAttribute *a, gpointer unused)
{
	(void)unused;
	return a->klass->type == PANGO_ATTR_ALLOW_BREAKS;
}

/*
 * The last resort for an overfull paragraph: breaks between any two
 * characters, the protection of tokens such as "ISO/IEC" lifted, so
 * that nothing leaves the column.
 */
static void
break_anywhere(PangoLayout *lay, const struct wp_text_style *ts)
{
	PangoAttrList *attrs = pango_attr_list_copy(
	    pango_layout_get_attributes(lay));
	PangoAttrList *lifted = pango_attr_list_filter(attrs, is_break_rule,
	    NULL);

	if (lifted != NULL)
		pango_attr_list_unref(lifted);
	pango_layout_set_attributes(lay, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	wp_justify(lay, NULL, PU(ts->size), ts->align == ALIGN_JUSTIFY,
	    pango_layout_get_width(lay));
}

PangoLayout *
wp_lines_layout(struct wp_fonts *f, const struct wp_text_style *ts,
    struct wp_para *p, double width, double indent)
{
	PangoLayout	*lay = wp_fonts_layout(f, ts);
	int		 em = PU(ts->size), justify = ts->align == ALIGN_JUSTIFY;

	pango_layout_set_width(lay, PU(width));
	pango_layout_set_indent(lay, PU(indent));
	pango_layout_set_attributes(lay, p->attrs);
	pango_layout_set_text(lay, p->text->str, (int)p->text->len);
	if (pango_layout_get_unknown_glyphs_count(lay) > 0)
		return lay;
	if (wp_breaks_choose(lay, p, em, justify)) {
		/* every line ends in a break of its own now: the width
		 * has room for rounding, so that Pango adds none */
		pango_layout_set_width(lay, PU(width) + em);
		pango_layout_set_attributes(lay, p->attrs);
		pango_layout_set_text(lay, p->text->str, (int)p->text->len);
	}
	wp_justify(lay, p, em, justify, PU(width));
	return lay;
}

/*
 * Display text broken between phrases, balanced: the narrowest width
 * that keeps its number of lines, so that a two-line heading reads as
 * two halves, not a line and a word (as CSS's text-wrap: balance).
 */
static void
balance(struct wp_lines *sp, int em)
{
	PangoLayout	*lay = sp->layout;
	int		 n = pango_layout_get_line_count(lay);
	int		 hi = PU(sp->width), lo = hi / 2, w;

	if (n < 2)
		return;
	while (hi - lo > em / 4) {
		w = (lo + hi) / 2;
		pango_layout_set_width(lay, w);
		if (pango_layout_get_line_count(lay) > n)
			lo = w;
		else
			hi = w;
	}
	pango_layout_set_width(lay, hi);
	wp_justify(lay, sp->para, em, 0, hi);
}

/* Display text that cannot be set between phrases (a phrase wider than
 * the column) is set as any other. */
static void
unphrase(struct wp_engine *e, struct wp_lines *sp, struct wp_para *p)
{
	wp_para_unphrase(p);
	g_ptr_array_remove(e->doc->layouts, sp->layout);
	sp->layout = wp_lines_layout(e->fonts, sp->ts, p, sp->width,
	    sp->indent);
	g_ptr_array_add(e->doc->layouts, sp->layout);
}

/* A reviewer's copy: the change colour, the bars, and the walker's
 * mark over the whole text (a heading added or removed). */
static void
changes(const struct wp_engine *e, struct wp_para *p)
{
	p->change_color = e->st->colors[COLOR_CHANGE];
	if (e->bars) {
		p->bar_x = -e->st->change_gap - e->st->change_bar / 2;
		p->bar_w = e->st->change_bar;
	}
	if (e->mark != 0)
		wp_para_mark(p, e->mark);
}

/* Text as a reader reads it: without what the composer inserted. */
static GString *
plain(const char *t, const char *end)
{
	GString	*s = g_string_new(NULL);

	for (; t < end; t = g_utf8_next_char(t)) {
		gunichar c = g_utf8_get_char(t);
		if (c != WP_QSPACE && c != WP_ZWSP && c != 0x2028)
			g_string_append_unichar(s, c);
	}
	return s;
}

/* Each link of a paragraph set is an element in the current one, which
 * knows what it says (its annotations say it again); so is each stretch
 * of English, in its language.  Made in the order they are read (the
 * two never overlap), as an element's children are written in the order
 * they were made. */
static void
link_elems(struct wp_engine *e, struct wp_para *p)
{
	size_t	 k = 0, g = 0;

	while (k < p->nlinks || g < p->nenglish) {
		if (g == p->nenglish || (k < p->nlinks &&
		    p->links[k].start < p->english[g].start)) {
			struct wp_link *ln = &p->links[k++];
			ln->elem = wp_struct_add(e, EL_LINK);
			wp_struct_elem(e, ln->elem)->alt = g_string_free(plain(
			    p->text->str + ln->start, p->text->str + ln->end),
			    FALSE);
		} else {
			p->english[g].elem = wp_struct_add(e, EL_SPAN);
			wp_struct_elem(e, p->english[g++].elem)->lang = "en";
		}
	}
}

/*
 * Every input of setting p (not yet composed) in a role's style at a
 * width and indent; salt stands for what a caller does to the layout
 * afterwards (wp_lines_entry()), the same for the same salt.
 */
static GString *
set_key(const struct wp_engine *e, const struct wp_para *p,
    const struct wp_text_style *ts, double width, double indent,
    const double salt[2])
{
	GString	*key = g_string_sized_new(64 + p->nraw * 12);
	double	 v[] = { ts->size, width, indent, salt[0], salt[1] };
	unsigned u[] = { (unsigned)ts->weight, (unsigned)ts->align, ts->color,
		    e->st->colors[COLOR_LINK] };
	const char *em = e->st->em_family ? e->st->em_family : "";

	g_string_append_len(key, (const char *)v, sizeof(v));
	g_string_append_len(key, (const char *)u, sizeof(u));
	g_string_append_len(key, ts->family, (gssize)strlen(ts->family) + 1);
	g_string_append_len(key, em, (gssize)strlen(em) + 1);
	wp_para_key(p, key);
	return key;
}

/*
 * Sets p as wp_lines_set() does; *cached says whether the lines came
 * from the cache (setcache.h), where a setting is kept unless something
 * was wrong with it or its indent had to go.
 */
static int
set(struct wp_engine *e, struct wp_lines *sp, struct wp_para *p,
    enum wp_role role, double width, double indent, const double salt[2],
    int *cached)
{
	const struct wp_text_style *ts = &e->st->text[role];
	struct wp_setcache *c = wp_fonts_setcache(e->fonts);
	PangoLayoutLine	*line;
	GString		*key = NULL;

	p->fullwidth = e->st->fullwidth_punct;
	/* in a cell every entry starts at one edge, the first too */
	p->solid_open = role == ROLE_TABLE || role == ROLE_TABLE_HEAD;
	changes(e, p);
	g_ptr_array_add(e->doc->paras, p);
	sp->ts = ts;
	sp->para = p;
	sp->width = width;
	sp->indent = indent;
	*cached = 0;
	if (p->marks == NULL) {
		key = set_key(e, p, ts, width, indent, salt);
		sp->layout = wp_setcache_find(c, key, p);
		if (sp->layout != NULL) {
			g_string_free(key, TRUE);
			g_ptr_array_add(e->doc->layouts, sp->layout);
			link_elems(e, p);
			*cached = 1;
			return 0;
		}
	}
	wp_para_compose(p, ts->size, ts->color, e->st->colors[COLOR_LINK],
	    e->st->em_family);
	sp->layout = wp_lines_layout(e->fonts, ts, p, width, indent);
	g_ptr_array_add(e->doc->layouts, sp->layout);
	if (pango_layout_get_unknown_glyphs_count(sp->layout) > 0) {
		missing_glyph(e, sp->layout);
		if (key != NULL)
			g_string_free(key, TRUE);
		return -1;
	}
	if (wp_para_phrased(p)) {
		if (overfull(sp->layout, width, indent) != NULL)
			unphrase(e, sp, p);
		else
			balance(sp, PU(ts->size));
	}
	if (overfull(sp->layout, width, indent) != NULL && indent > 0) {
		/* a long first word: the paragraph goes without its indent */
		sp->indent = indent = 0;
		pango_layout_set_indent(sp->layout, 0);
		wp_justify(sp->layout, p, PU(ts->size),
		    ts->align == ALIGN_JUSTIFY, PU(width));
	} else if (key != NULL && overfull(sp->layout, width, indent) == NULL)
		wp_setcache_keep(c, key, sp->layout, p);
	if ((line = overfull(sp->layout, width, indent)) != NULL) {
		char ctx[64];
		g_utf8_strncpy(ctx, pango_layout_get_text(sp->layout) +
		    line->start_index, 20);
		wp_msg(MSG_OVERFULL, e->src, 0, ctx);
		break_anywhere(sp->layout, ts);
	}
	if (key != NULL)
		g_string_free(key, TRUE);
	link_elems(e, p);
	return 0;
}

int
wp_lines_set(struct wp_engine *e, struct wp_lines *sp, struct wp_para *p,
    enum wp_role role, double width, double indent)
{
	static const double none[2] = { 0, 0 };
	int cached;

	return set(e, sp, p, role, width, indent, none, &cached);
}

void
wp_lines_measure(struct wp_engine *e, struct wp_para *p, enum wp_role role,
    double *min, double *pref)
{
	/* no width a setting has: a measurement's key */
	static const double measuring[2] = { -1, -1 };
	const struct wp_text_style *ts = &e->st->text[role];
	struct wp_setcache *c = wp_fonts_setcache(e->fonts);
	PangoLayout	*lay;
	double		 w[2] = { 1e6, 1 }, size[2];
	GString		*key;

	p->fullwidth = e->st->fullwidth_punct;
	p->solid_open = role == ROLE_TABLE || role == ROLE_TABLE_HEAD;
	/* breaks chosen before are no input of the key: measured anew */
	key = p->marks == NULL ? set_key(e, p, ts, 0, 0, measuring) : NULL;
	if (key != NULL && wp_setcache_find_size(c, key, size)) {
		*pref = size[0];
		*min = size[1];
		g_string_free(key, TRUE);
		return;
	}
	wp_para_compose(p, ts->size, ts->color, e->st->colors[COLOR_LINK],
	    e->st->em_family);
	for (int k = 0; k < 2; k++) {
		double widest = 0;
		lay = wp_lines_layout(e->fonts, ts, p, w[k], 0);
		for (int i = 0; i < pango_layout_get_line_count(lay); i++) {
			double lw = PT(wp_line_width(
			    pango_layout_get_line_readonly(lay, i)));
			widest = lw > widest ? lw : widest;
		}
		g_object_unref(lay);
		size[k] = widest;
		/* what breaks.c chose at this width is no choice for the
		 * real one */
		free(p->marks);
		p->marks = NULL;
		p->nmarks = 0;
	}
	*pref = size[0];
	*min = size[1];
	if (key != NULL) {
		wp_setcache_keep_size(c, key, size);
		g_string_free(key, TRUE);
	}
}

int
wp_lines_display(struct wp_engine *e, struct wp_lines *sp, const char *text,
    enum wp_role role, double width)
{
	struct wp_para *p = wp_para_new();

	wp_para_add(p, text, -1, RUN_PHRASED, NULL);
	return wp_lines_set(e, sp, p, role, width, 0);
}

int
wp_lines_text(struct wp_engine *e, struct wp_lines *sp, const char *text,
    enum wp_role role, double width)
{
	struct wp_para *p = wp_para_new();

	wp_para_add(p, text, -1, 0, NULL);
	return wp_lines_set(e, sp, p, role, width, 0);
}

int
wp_lines_count(const struct wp_lines *sp)
{
	return pango_layout_get_line_count(sp->layout);
}

double
wp_lines_width(const struct wp_lines *sp, int i)
{
	return PT(wp_line_width(pango_layout_get_line_readonly(sp->layout, i)));
}

char *
wp_lines_string(const struct wp_lines *sp, int i)
{
	PangoLayoutLine	*line = pango_layout_get_line_readonly(sp->layout, i);
	const char	*t = pango_layout_get_text(sp->layout) + line->start_index;
	/* without what the composer inserted: it is composed again */
	GString		*s = plain(t, t + line->length);

	while (s->len > 0 && s->str[s->len - 1] == ' ')
		g_string_truncate(s, s->len - 1);
	return g_string_free(s, FALSE);
}

/* Index of the first cluster of a line holding character c, or -1. */
static int
find_glyph(PangoLayoutLine *line, const char *text, gunichar c,
    PangoGlyphString **gs, int from_x, int *x)
{
	GSList	*l;
	int	 i;

	*x = 0;
	for (l = line->runs; l != NULL; l = l->next) {
		PangoGlyphItem *gi = l->data;
		for (i = 0; i < gi->glyphs->num_glyphs; i++) {
			gunichar t = g_utf8_get_char(text + gi->item->offset +
			    gi->glyphs->log_clusters[i]);
			if (t == c && *x >= from_x) {
				*gs = gi->glyphs;
				return i;
			}
			*x += gi->glyphs->glyphs[i].geometry.width;
		}
	}
	return -1;
}

/*
 * The glyphs of a line before its first character c: their count, and,
 * when add is not 0, each widened by add (the last by what add * count
 * leaves of total).
 */
static int
before(PangoLayoutLine *line, const char *t, gunichar c, int add, int total)
{
	PangoGlyphInfo	*last = NULL;
	GSList		*l;
	int		 i, m = 0;

	for (l = line->runs; l != NULL; l = l->next) {
		PangoGlyphItem *gi = l->data;
		for (i = 0; i < gi->glyphs->num_glyphs; i++) {
			if (g_utf8_get_char(t + gi->item->offset +
			    gi->glyphs->log_clusters[i]) == c)
				goto done;
			last = &gi->glyphs->glyphs[i];
			last->geometry.width += add;
			m++;
		}
	}
done:
	if (last != NULL && add != 0)
		last->geometry.width += total - add * m;
	return m;
}

/* Spreads extra evenly over the glyphs of a line before its first c. */
static void
spread_before(PangoLayoutLine *line, const char *t, gunichar c, int extra)
{
	int m = before(line, t, c, 0, 0);

	if (m > 0)
		before(line, t, c, extra / m, extra);
}

/*
 * Fits the leaders of a contents line (n of them, enough to overfill
 * it) to the width: drops leaders until the line fits with a gap of a
 * third of an em before them (a gap, not a space character: a wide
 * space would read as a loose word space), then spreads what is left
 * between the leaders, a little each (more, and text extraction reads
 * them as separate words), and the rest over the title, so that the
 * page number ends at the measure.
 */
static void
fit_leaders(PangoLayoutLine *line, const char *t, double width, double unit,
    int n)
{
	PangoGlyphInfo	*first = NULL;
	GSList		*l;
	int		 i, slack, each;

	slack = PU(width) - wp_line_width(line) - PU(unit / 3);
	for (l = line->runs; l != NULL && slack < 0; l = l->next) {
		PangoGlyphItem *gi = l->data;
		for (i = 0; i < gi->glyphs->num_glyphs && slack < 0; i++)
			if (g_utf8_get_char(t + gi->item->offset +
			    gi->glyphs->log_clusters[i]) == 0x2026 &&
			    gi->glyphs->glyphs[i].geometry.width > 0) {
				slack += gi->glyphs->glyphs[i].geometry.width;
				gi->glyphs->glyphs[i].geometry.width = 0;
				gi->glyphs->glyphs[i].glyph = PANGO_GLYPH_EMPTY;
				n--;
			}
	}
	each = n > 0 ? slack / n : 0;
	if (each > PU(unit * 0.08))
		each = PU(unit * 0.08);
	for (l = line->runs; l != NULL && n > 0; l = l->next) {
		PangoGlyphItem *gi = l->data;
		for (i = 0; i < gi->glyphs->num_glyphs; i++)
			if (gi->glyphs->glyphs[i].glyph != PANGO_GLYPH_EMPTY &&
			    g_utf8_get_char(t + gi->item->offset +
			    gi->glyphs->log_clusters[i]) == 0x2026) {
				gi->glyphs->glyphs[i].geometry.width += each;
				slack -= each;
				if (first == NULL)
					first = &gi->glyphs->glyphs[i];
			}
	}
	if (first != NULL) {
		/* a third of an em before the first leader */
		first->geometry.x_offset += PU(unit / 3);
		first->geometry.width += PU(unit / 3);
		spread_before(line, t, 0x2026, slack);
	}
}

int
wp_lines_entry(struct wp_engine *e, struct wp_lines *sp, enum wp_role role,
    const char *lead, const char *text, double col, const char *page,
    double width)
{
	struct wp_para		*p = wp_para_new();
	PangoLayoutLine		*line;
	PangoGlyphString	*g = NULL;
	const char		*t;
	double			 unit = e->st->text[role].size;
	const double		 salt[2] = { col, width };
	int			 i, x = 0, n = 0, cached;

	if (lead != NULL) {
		wp_para_add(p, lead, -1, 0, NULL);
		wp_para_add(p, "\xe3\x80\x80", -1, 0, NULL);	/* U+3000 */
	}
	wp_para_add(p, text, -1, 0, NULL);
	if (page != NULL) {
		/* leaders: enough to fill, then trimmed to fit exactly */
		n = (int)(width / unit) + 1;
		/* leaders at the first level's size at every level: one
		 * pitch of dots down the page */
		p->leader_size = e->st->text[ROLE_TOC1].size;
		for (i = 0; i < n; i++)
			wp_para_add(p, "\xe2\x80\xa6", -1, RUN_LEADER, NULL);
		wp_para_add(p, " ", -1, 0, NULL);
		wp_para_add(p, page, -1, 0, NULL);
	}
	if (set(e, sp, p, role, width * 4, 0, salt, &cached) == -1)
		return -1;
	if (cached)	/* as this function left it */
		return 0;
	line = pango_layout_get_line(sp->layout, 0);
	t = pango_layout_get_text(sp->layout);
	if (lead != NULL && (i = find_glyph(line, t, 0x3000, &g, 0, &x)) >= 0)
		g->glyphs[i].geometry.width = col > 0 ? PU(col) - x :
		    PU(unit * 0.4);
	if (page != NULL)
		fit_leaders(line, t, width, unit, n);
	return 0;
}

double
wp_lines_x(const struct wp_lines *sp, int i)
{
	double first = i == 0 ? sp->indent : 0;

	switch (sp->ts->align) {
	case ALIGN_CENTER:
		return (sp->width - wp_lines_width(sp, i)) / 2;
	case ALIGN_RIGHT:
		return sp->width - wp_lines_width(sp, i);
	default:
		return first;
	}
}

/* A change bar in the margin beside a line that holds a change, as
 * tall as the line's pitch: the bars of lines in a row meet. */
static void
change_bar(struct wp_box *x, const struct wp_lines *sp,
    const PangoLayoutLine *line, double y)
{
	const struct wp_para	*p = sp->para;
	struct wp_item		*it;
	int			 s = line->start_index, e = s + line->length;

	for (size_t k = 0; p->bar_w > 0 && k < p->nchanges; k++)
		if ((int)p->changes[k].end > s && (int)p->changes[k].start < e) {
			it = wp_item_add(x, ITEM_RULE);
			it->x = p->bar_x;
			it->y = y - wp_baseline(sp->ts);
			it->h = sp->ts->pitch;
			it->stroke = p->change_color;
			it->lw = p->bar_w;
			it->change = 1;
			it->elem = WP_ARTIFACT;	/* a mark, not content */
			return;
		}
}

/*
 * The pieces of a line that belong to another element than the box's,
 * in order: its links' text (each link's element), its English (a span
 * in English, unless the line is itself an artifact: a running head)
 * and its leaders (an artifact); as (start, end, elem), at most n.
 */
static size_t
pieces(const struct wp_para *p, unsigned s, unsigned e, int artifact,
    unsigned (*pc)[3], size_t n)
{
	size_t	 k, m = 0;

	for (k = 0; k < p->nlinks && m < n; k++)
		if (p->links[k].end > s && p->links[k].start < e) {
			pc[m][0] = p->links[k].start > s ? p->links[k].start : s;
			pc[m][1] = p->links[k].end < e ? p->links[k].end : e;
			pc[m++][2] = (unsigned)p->links[k].elem;
		}
	for (k = 0; !artifact && k < p->nenglish && m < n; k++)
		if (p->english[k].end > s && p->english[k].start < e) {
			pc[m][0] = p->english[k].start > s ?
			    p->english[k].start : s;
			pc[m][1] = p->english[k].end < e ? p->english[k].end : e;
			pc[m++][2] = (unsigned)p->english[k].elem;
		}
	/* the leaders end a contents line, after any link */
	if (p->lead_end > s && p->lead_start < e && m < n) {
		pc[m][0] = p->lead_start > s ? p->lead_start : s;
		pc[m][1] = p->lead_end < e ? p->lead_end : e;
		pc[m++][2] = WP_ARTIFACT;
	}
	/* in order: links and English (which never overlap) interleave */
	for (k = 1; k < m; k++)
		for (size_t j = k; j > 0 && pc[j][0] < pc[j - 1][0]; j--) {
			unsigned t[3] = { pc[j][0], pc[j][1], pc[j][2] };
			memcpy(pc[j], pc[j - 1], sizeof(t));
			memcpy(pc[j - 1], t, sizeof(t));
		}
	return m;
}

/* Adds a line as text items: one, or one a piece. */
static void
put_text(struct wp_box *x, PangoLayoutLine *line, const struct wp_para *p,
    double lx, double y)
{
	unsigned	 pc[16][3], s = (unsigned)line->start_index;
	unsigned	 e = s + (unsigned)line->length, at = s;
	int		 own = x->elem;
	size_t		 n = pieces(p, s, e, own == WP_ARTIFACT, pc, 16), k;
	struct wp_item	*it;

	for (k = 0; k <= n; k++) {
		unsigned to = k < n ? pc[k][0] : e;
		if (to > at || (n == 0 && k == 0)) {	/* the box's own */
			it = wp_item_add(x, ITEM_TEXT);
			*it = (struct wp_item){ .kind = ITEM_TEXT, .x = lx, .y = y,
			    .line = line, .start = n ? at : 0, .end = n ? to : 0,
			    .fill = WP_NOCOLOR, .stroke = WP_NOCOLOR, .elem = own };
		}
		if (k == n)
			break;
		it = wp_item_add(x, ITEM_TEXT);
		*it = (struct wp_item){ .kind = ITEM_TEXT, .x = lx, .y = y,
		    .line = line, .start = pc[k][0], .end = pc[k][1],
		    .fill = WP_NOCOLOR, .stroke = WP_NOCOLOR,
		    .elem = (int)pc[k][2] };
		at = pc[k][1];
	}
}

void
wp_lines_put(struct wp_box *x, const struct wp_lines *sp, int i, double ox,
    double y)
{
	PangoLayoutLine	*line = pango_layout_get_line_readonly(sp->layout, i);
	struct wp_item	*it;
	size_t		 k;
	double		 lx = ox + wp_lines_x(sp, i);

	put_text(x, line, sp->para, lx, y);
	for (k = 0; k < sp->para->nlinks; k++) {
		const struct wp_link *ln = &sp->para->links[k];
		int s = line->start_index, e = s + line->length, x0, x1;
		if ((int)ln->end <= s || (int)ln->start >= e)
			continue;
		pango_layout_line_index_to_x(line,
		    (int)ln->start > s ? (int)ln->start : s, 0, &x0);
		if ((int)ln->end < e)
			pango_layout_line_index_to_x(line, (int)ln->end, 0, &x1);
		else
			x1 = wp_line_width(line);
		it = wp_item_add(x, ITEM_LINK);
		it->x = lx + PT(x0);
		it->w = PT(x1 - x0);
		it->y = y - 0.88 * sp->ts->size - 1;
		it->h = sp->ts->size + 2;
		it->target = wp_strdup(ln->target);
		it->elem = ln->elem;
	}
	change_bar(x, sp, line, y);
}

double
wp_lines_put_all(struct wp_box *x, const struct wp_lines *sp, double ox, double y)
{
	int i, n = wp_lines_count(sp);

	for (i = 0; i < n; i++, y += sp->ts->pitch)
		wp_lines_put(x, sp, i, ox, y + wp_baseline(sp->ts));
	return y;
}

void
wp_lines_flow(struct wp_engine *e, const struct wp_lines *sp, double x)
{
	int	 i, n = wp_lines_count(sp);
	int	 orph = e->st->orphans, wid = e->st->widows;

	for (i = 0; i < n; i++) {
		struct wp_box *bx = wp_box_new(e, i == 0 ? sp->ts->before : 0);
		bx->line = 1;
		bx->pb.h = sp->ts->pitch;
		wp_lines_put(bx, sp, i, x, wp_baseline(sp->ts));
		/* orphans: the first lines stay together; widows: the last */
		if ((i + 1 < orph && i + 1 < n) || (i >= n - wid && i + 1 < n))
			bx->pb.keep = 1;
		if (e->keep_next > 0) {
			if (e->keep_next > 1)
				bx->pb.keep = 1;
			e->keep_next--;
		}
	}
	e->pending = sp->ts->after;
}

