/*
 * layout: the typesetter's core.  Text is set into lines by Pango
 * (after compose.c) and finished by justify.c; every line, heading,
 * table row or figure becomes a box; paginate.c places the boxes; the
 * result is a display list per page.
 */
#include <sys/syscall.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "diag.h"
#include "justify.h"
#include "layoutint.h"
#include "merge.h"
#include "util.h"

#define PU(x)	((int)lround((x) * PANGO_SCALE))
#define PT(x)	((double)(x) / PANGO_SCALE)

static gint
by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The font subsets `make` cuts (scripts/subset-fonts) are in subset/
 * beside fonts.conf.  Added file by file, in name order: fontconfig then
 * neither looks for a cache of their folder nor writes one (fontconfig
 * 2.14 puts a relative <cachedir> under the working folder), and
 * reading the two files costs a few milliseconds.  Without them, or
 * with one unreadable (a warning), the full faces serve: the same
 * output, slower.
 */
static void
add_subsets(FcConfig *cfg, const char *conf)
{
	char		*dir = g_path_get_dirname(conf);
	char		*sub = g_build_filename(dir, "subset", NULL);
	GDir		*d = g_dir_open(sub, 0, NULL);
	GPtrArray	*names = g_ptr_array_new_with_free_func(g_free);
	const char	*name;

	while (d != NULL && (name = g_dir_read_name(d)) != NULL)
		if (g_str_has_suffix(name, ".ttf"))
			g_ptr_array_add(names, g_build_filename(sub, name,
			    NULL));
	g_ptr_array_sort(names, by_name);
	for (guint i = 0; i < names->len; i++)
		if (!FcConfigAppFontAddFile(cfg, names->pdata[i]))
			wp_msg_as(WP_WARNING, MSG_FONT, names->pdata[i], 0,
			    "cannot read this font; the full face serves "
			    "instead (run make to make it again)");
	if (d != NULL)
		g_dir_close(d);
	g_ptr_array_free(names, TRUE);
	g_free(sub);
	g_free(dir);
}

struct wp_fonts *
wp_fonts_new(const char *conf)
{
	struct wp_fonts		*f;
	FcConfig		*cfg = FcConfigCreate();
	cairo_font_options_t	*fo;
	cairo_surface_t		*pdf;

	if (!FcConfigParseAndLoad(cfg, (const FcChar8 *)conf, FcTrue) ||
	    !FcConfigBuildFonts(cfg)) {
		wp_msg(MSG_FONT, conf, 0, "cannot load this fontconfig "
		    "file (is fonts/fonts.conf installed beside templates/?)");
		FcConfigDestroy(cfg);
		return NULL;
	}
	add_subsets(cfg, conf);
	/* Pango initialises fontconfig in a thread of its own and waits
	 * for it; made current first, ours is all it finds, and neither
	 * the system's nor the user's configuration is read. */
	FcConfigSetCurrent(cfg);
	f = wp_calloc(1, sizeof(*f));
	f->config = cfg;
	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), cfg);
	f->context = pango_font_map_create_context(f->map);
	/* The PDF surface's own options (no hinting, grey, unrounded):
	 * cairo merges them into every font drawn on it, and a font laid
	 * out with any other options is a second scaled font whose every
	 * glyph FreeType loads again. */
	pdf = cairo_pdf_surface_create_for_stream(NULL, NULL, 1, 1);
	fo = cairo_font_options_create();
	cairo_surface_get_font_options(pdf, fo);
	cairo_surface_destroy(pdf);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(f->context, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(f->context, FALSE);
	pango_context_set_language(f->context,
	    pango_language_from_string("ja"));
	return f;
}

/* Whether any font of the configuration is of the family. */
static int
has_family(FcConfig *cfg, const char *family)
{
	FcPattern	*pat = FcPatternBuild(NULL, FC_FAMILY, FcTypeString,
			    (const FcChar8 *)family, (char *)NULL);
	FcObjectSet	*os = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
	FcFontSet	*fs = FcFontList(cfg, pat, os);
	int		 yes = fs != NULL && fs->nfont > 0;

	FcFontSetDestroy(fs);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	return yes;
}

static void
unknown_family(const struct wp_style *st, long line, const char *family)
{
	char	 what[256];

	snprintf(what, sizeof(what), "no font has the family \"%s\" (name "
	    "one fonts/fonts.conf gives, such as \"Noto Serif CJK JP\" or "
	    "\"Noto Sans CJK JP\")", family);
	wp_msg(MSG_STYLE, st->file, line, what);
}

int
wp_fonts_check(struct wp_fonts *f, const struct wp_style *st)
{
	int	 bad = 0, r;

	/* Pango would set an unknown family in whatever fontconfig
	 * finds closest, silently */
	for (r = 0; r < ROLE__MAX; r++)
		if (!has_family(f->config, st->text[r].family)) {
			unknown_family(st, st->text[r].line, st->text[r].family);
			bad = 1;
		}
	if (st->em_family != NULL && !has_family(f->config, st->em_family)) {
		unknown_family(st, st->em_line, st->em_family);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/*
 * Pango 1.50 runs FcFontSetMatch() and FcFontSetSort() for each font
 * description in a pair of detached threads of its own ("[pango]
 * FcFontSetMatch", "[pango] FcFontSetSort"), each holding a reference
 * to the font map, with no way to wait for them.  A build that fails at
 * once can reach exit while some still run, or have not yet started
 * (a new thread is named by itself; until then it bears its creator's
 * name): the font map then outlives wp_fonts_free(), and the fonts'
 * fontconfig patterns, whose elements fontconfig reaches by offsets,
 * look lost to a leak checker (about one early-failing run in twenty on
 * a busy machine).  So the fonts are freed once those threads have
 * ended: at once in a build that typeset anything, within milliseconds
 * otherwise.  Linux only (threads are read from /proc/self/task).
 */
static int
pango_threads(void)
{
	GDir		*d = g_dir_open("/proc/self/task", 0, NULL);
	char		*self = NULL, *mine = g_strdup_printf("%ld",
			    (long)syscall(SYS_gettid));
	const char	*tid;
	int		 n = 0;

	/* the process's name: what a thread not yet named bears */
	if (!g_file_get_contents("/proc/self/comm", &self, NULL, NULL))
		self = NULL;
	while (d != NULL && self != NULL && (tid = g_dir_read_name(d)) != NULL) {
		char *path = g_build_filename("/proc/self/task", tid, "comm",
		    NULL), *comm = NULL;
		if (strcmp(tid, mine) != 0 &&
		    g_file_get_contents(path, &comm, NULL, NULL) &&
		    (g_str_has_prefix(comm, "[pango] FcFont") ||
		    strcmp(comm, self) == 0))
			n++;
		g_free(comm);
		g_free(path);
	}
	if (d != NULL)
		g_dir_close(d);
	g_free(self);
	g_free(mine);
	return n;
}

void
wp_fonts_free(struct wp_fonts *f)
{
	int	 waited;

	if (f == NULL)
		return;
	/* (the caller's own threads have ended: fonts are freed last) */
	for (waited = 0; pango_threads() > 0 && waited < 5000; waited++)
		g_usleep(1000);		/* at most 5 s, were one to hang */
	g_object_unref(f->context);
	g_object_unref(f->map);
	/* The subsets' patterns go now: the configuration itself outlives
	 * us as fontconfig's current one, and a leak checker cannot follow
	 * the offsets by which fontconfig points at a charset's leaves. */
	FcConfigAppFontClear(f->config);
	FcConfigDestroy(f->config);
	free(f);
}

/* ---- boxes and items ----------------------------------------------- */

struct box *
box_new(struct builder *b, double before)
{
	struct box *x;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 256;
		b->boxes = realloc(b->boxes, b->cap * sizeof(*b->boxes));
		if (b->boxes == NULL)
			abort();
	}
	x = &b->boxes[b->n++];
	memset(x, 0, sizeof(*x));
	x->pb.before = before > b->pending ? before : b->pending;
	x->pb.header = -1;
	b->pending = 0;
	return x;
}

struct wp_item *
item_add(struct box *x, enum wp_item_kind kind)
{
	struct wp_item *it;

	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 4;
		x->items = realloc(x->items, x->cap * sizeof(*x->items));
		if (x->items == NULL)
			abort();
	}
	it = &x->items[x->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->fill = it->stroke = WP_NOCOLOR;
	return it;
}

void
box_dest(struct box *x, const char *id, int mark, const char *title)
{
	x->dest = wp_strdup(id);
	x->mark = mark;
	x->mark_title = mark ? wp_strdup(title) : NULL;
}

/* ---- text ------------------------------------------------------------ */

double
baseline(const struct wp_text_style *ts)
{
	/* the ideographic em box (0.88 above the baseline in Noto CJK)
	 * centred in the line's pitch */
	return (ts->pitch - ts->size) / 2 + 0.88 * ts->size;
}

/* Reports the first character no font could draw, with its source. */
static void
missing_glyph(struct builder *b, PangoLayout *lay)
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
				b->failed = 1;
				/* the same text may be set again (at another
				 * width): said once */
				if (b->glyph_src != NULL && c == b->glyph &&
				    strcmp(b->glyph_src, b->src) == 0)
					return;
				wp_msg(MSG_GLYPH, b->src, 0, ch, (unsigned)c,
				    ctx);
				free(b->glyph_src);
				b->glyph_src = wp_strdup(b->src);
				b->glyph = c;
				return;
			}
		}
	}
}

static PangoLayout *
new_layout(struct wp_fonts *f, const struct wp_text_style *ts)
{
	PangoLayout		*lay = pango_layout_new(f->context);
	PangoFontDescription	*fd = pango_font_description_new();

	pango_font_description_set_family(fd, ts->family);
	pango_font_description_set_weight(fd, ts->weight >= 700 ?
	    PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_absolute_size(fd, ts->size * PANGO_SCALE);
	pango_layout_set_font_description(lay, fd);
	pango_font_description_free(fd);
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD);
	return lay;
}

/* Characters every whitepaper sets in its body face. */
static const char warm_text[] =
    "あいうえおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてで"
    "とどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよ"
    "らりるれろわをんアィイウェエォオカガキギクグケゲコゴサザシジスズセ"
    "ゼソゾタダチッツテデトドナニヌネノハバパヒビピフブプヘベペホボポマ"
    "ミムメモャヤュユョヨラリルレロワンヴー・、。「」『』（）：／"
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

void
wp_fonts_warm(struct wp_fonts *f, const struct wp_style *st)
{
	for (int r = 0; r < ROLE__MAX; r++) {
		const struct wp_text_style *ts = &st->text[r];
		PangoLayout *lay;
		int seen = 0;
		for (int q = 0; q < r && !seen; q++)
			seen = st->text[q].weight == ts->weight &&
			    st->text[q].size == ts->size &&
			    strcmp(st->text[q].family, ts->family) == 0;
		if (seen)
			continue;
		lay = new_layout(f, ts);
		pango_layout_set_text(lay, r == ROLE_BODY ? warm_text : "あ",
		    -1);
		pango_layout_get_extents(lay, NULL, NULL);
		g_object_unref(lay);
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
	wp_justify(lay, PU(ts->size), ts->align == ALIGN_JUSTIFY);
}

PangoLayout *
wp_typeset(struct wp_fonts *f, const struct wp_text_style *ts,
    const struct wp_para *p, double width, double indent)
{
	PangoLayout *lay = new_layout(f, ts);

	pango_layout_set_width(lay, PU(width));
	pango_layout_set_indent(lay, PU(indent));
	pango_layout_set_attributes(lay, p->attrs);
	pango_layout_set_text(lay, p->text->str, (int)p->text->len);
	if (pango_layout_get_unknown_glyphs_count(lay) == 0)
		wp_justify(lay, PU(ts->size), ts->align == ALIGN_JUSTIFY);
	return lay;
}

int
set_para(struct builder *b, struct setpara *sp, struct wp_para *p,
    enum wp_role role, double width, double indent)
{
	const struct wp_text_style *ts = &b->st->text[role];
	PangoLayoutLine	*line;

	wp_para_compose(p, ts->size, ts->color, b->st->colors[COLOR_LINK],
	    b->st->em_family);
	sp->ts = ts;
	sp->para = p;
	sp->width = width;
	sp->indent = indent;
	sp->layout = wp_typeset(b->fonts, ts, p, width, indent);
	g_ptr_array_add(b->doc->layouts, sp->layout);
	g_object_set_data_full(G_OBJECT(sp->layout), "wpgen-para", p,
	    (GDestroyNotify)wp_para_free);
	if (pango_layout_get_unknown_glyphs_count(sp->layout) > 0) {
		missing_glyph(b, sp->layout);
		return -1;
	}
	if (overfull(sp->layout, width, indent) != NULL && indent > 0) {
		/* a long first word: the paragraph goes without its indent */
		sp->indent = indent = 0;
		pango_layout_set_indent(sp->layout, 0);
		wp_justify(sp->layout, PU(ts->size), ts->align == ALIGN_JUSTIFY);
	}
	if ((line = overfull(sp->layout, width, indent)) != NULL) {
		char ctx[64];
		g_utf8_strncpy(ctx, pango_layout_get_text(sp->layout) +
		    line->start_index, 20);
		wp_msg(MSG_OVERFULL, b->src, 0, ctx);
		break_anywhere(sp->layout, ts);
	}
	return 0;
}

int
set_text(struct builder *b, struct setpara *sp, const char *text,
    enum wp_role role, double width)
{
	struct wp_para *p = wp_para_new();

	wp_para_add(p, text, -1, 0, NULL);
	return set_para(b, sp, p, role, width, 0);
}

int
set_lines(const struct setpara *sp)
{
	return pango_layout_get_line_count(sp->layout);
}

double
line_w(const struct setpara *sp, int i)
{
	return PT(wp_line_width(pango_layout_get_line_readonly(sp->layout, i)));
}

char *
line_text(const struct setpara *sp, int i)
{
	PangoLayoutLine	*line = pango_layout_get_line_readonly(sp->layout, i);
	const char	*t = pango_layout_get_text(sp->layout) + line->start_index;
	const char	*end = t + line->length;
	GString		*s = g_string_new(NULL);

	/* without what the composer inserted: it is composed again */
	for (; t < end; t = g_utf8_next_char(t)) {
		gunichar c = g_utf8_get_char(t);
		if (c != WP_QSPACE && c != WP_ZWSP && c != 0x2028)
			g_string_append_unichar(s, c);
	}
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

int
set_entry(struct builder *b, struct setpara *sp, enum wp_role role,
    const char *lead, const char *text, double col, const char *page,
    double width)
{
	struct wp_para		*p = wp_para_new();
	PangoLayoutLine		*line;
	PangoGlyphString	*g;
	PangoGlyphInfo		*first;
	const char		*t;
	double			 unit = b->st->text[role].size;
	int			 i, x, n = 0, slack, each;
	GSList			*l;

	g = NULL;
	x = 0;
	if (lead != NULL) {
		wp_para_add(p, lead, -1, 0, NULL);
		wp_para_add(p, "\xe3\x80\x80", -1, 0, NULL);	/* U+3000 */
	}
	wp_para_add(p, text, -1, 0, NULL);
	if (page != NULL) {
		/* leaders: enough to fill, then trimmed to fit exactly */
		n = (int)(width / unit) + 1;
		for (i = 0; i < n; i++)
			wp_para_add(p, "\xe2\x80\xa6", -1, 0, NULL);
		wp_para_add(p, " ", -1, 0, NULL);
		wp_para_add(p, page, -1, 0, NULL);
	}
	if (set_para(b, sp, p, role, width * 4, 0) == -1)
		return -1;
	line = pango_layout_get_line(sp->layout, 0);
	t = pango_layout_get_text(sp->layout);
	if (lead != NULL && (i = find_glyph(line, t, 0x3000, &g, 0, &x)) >= 0)
		g->glyphs[i].geometry.width = col > 0 ? PU(col) - x :
		    PU(unit * 0.4);
	if (page == NULL)
		return 0;
	/*
	 * Drop leaders until the line fits with a gap of a third of an em
	 * before them (a gap, not a space character: a wide space would
	 * read as a loose word space), then spread the rest.
	 */
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
	/*
	 * What is left goes between the leaders, a little each (more, and
	 * text extraction reads them as separate words), and the rest
	 * before the first, so that the number ends at the measure.
	 */
	each = n > 0 ? slack / n : 0;
	if (each > PU(unit * 0.08))
		each = PU(unit * 0.08);
	for (l = line->runs, first = NULL; l != NULL && n > 0; l = l->next) {
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
		/* a third of an em before the first leader, and the rest
		 * spread over the title's characters: any wider gap would
		 * read as a loose space */
		first->geometry.x_offset += PU(unit / 3);
		first->geometry.width += PU(unit / 3);
		spread_before(line, t, 0x2026, slack);
	}
	return 0;
}

double
line_x(const struct setpara *sp, int i)
{
	double first = i == 0 ? sp->indent : 0;

	switch (sp->ts->align) {
	case ALIGN_CENTER:
		return (sp->width - line_w(sp, i)) / 2;
	case ALIGN_RIGHT:
		return sp->width - line_w(sp, i);
	default:
		return first;
	}
}

void
put_line(struct box *x, const struct setpara *sp, int i, double ox,
    double y)
{
	PangoLayoutLine	*line = pango_layout_get_line_readonly(sp->layout, i);
	struct wp_item	*it = item_add(x, ITEM_TEXT);
	size_t		 k;
	double		 lx = ox + line_x(sp, i);

	it->x = lx;
	it->y = y;
	it->line = line;
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
		it = item_add(x, ITEM_LINK);
		it->x = lx + PT(x0);
		it->w = PT(x1 - x0);
		it->y = y - 0.88 * sp->ts->size - 1;
		it->h = sp->ts->size + 2;
		it->target = wp_strdup(ln->target);
	}
}

double
put_lines(struct box *x, const struct setpara *sp, double ox, double y)
{
	int i, n = set_lines(sp);

	for (i = 0; i < n; i++, y += sp->ts->pitch)
		put_line(x, sp, i, ox, y + baseline(sp->ts));
	return y;
}

void
at_source(struct builder *b, xmlNodePtr n)
{
	free(b->src);
	b->src = src_of(n);
}

void
add_lines(struct builder *b, const struct setpara *sp, double x)
{
	int	 i, n = set_lines(sp);
	int	 orph = b->st->orphans, wid = b->st->widows;

	for (i = 0; i < n; i++) {
		struct box *bx = box_new(b, i == 0 ? sp->ts->before : 0);
		bx->line = 1;
		bx->pb.h = sp->ts->pitch;
		put_line(bx, sp, i, x, baseline(sp->ts));
		/* orphans: the first lines stay together; widows: the last */
		if ((i + 1 < orph && i + 1 < n) || (i >= n - wid && i + 1 < n))
			bx->pb.keep = 1;
		if (b->keep_next > 0) {
			if (b->keep_next > 1)
				bx->pb.keep = 1;
			b->keep_next--;
		}
	}
	b->pending = sp->ts->after;
}

/* ---- the model ------------------------------------------------------- */

char *
prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char	*s = v ? wp_strdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

char *
src_of(xmlNodePtr n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (xmlHasProp(n, (const xmlChar *)"src"))
			return prop(n, "src");
	return wp_strdup("(document)");
}

void
para_inline(struct wp_para *p, xmlNodePtr parent, unsigned flags,
    const char *target)
{
	xmlNodePtr n;

	for (n = parent->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			wp_para_add(p, (const char *)n->content, -1, flags,
			    target);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(n->name, (const xmlChar *)"em"))
			para_inline(p, n, flags | RUN_EM, target);
		else if (xmlStrEqual(n->name, (const xmlChar *)"br"))
			wp_para_add(p, "\xe2\x80\xa8", -1, flags, target);
		else if (xmlStrEqual(n->name, (const xmlChar *)"link")) {
			char *href = prop(n, "href");
			para_inline(p, n, flags | RUN_LINK, href);
			free(href);
		} else if (xmlStrEqual(n->name, (const xmlChar *)"xref")) {
			char *t = prop(n, "target"), *h;
			h = g_strconcat("#", t, NULL);
			para_inline(p, n, flags | RUN_LINK, h);
			g_free(h);
			free(t);
		}
		/* nested lists are blocks, set by flow.c */
	}
}

/* ---- pages ----------------------------------------------------------- */

static struct wp_item *
page_add(struct wp_page *pg, const struct wp_item *it, double dx, double dy)
{
	struct wp_item *o;

	if (pg->n == pg->cap) {
		pg->cap = pg->cap ? 2 * pg->cap : 64;
		pg->items = realloc(pg->items, pg->cap * sizeof(*pg->items));
		if (pg->items == NULL)
			abort();
	}
	o = &pg->items[pg->n++];
	*o = *it;
	o->x += dx;
	o->y += dy;
	o->target = it->target ? wp_strdup(it->target) : NULL;
	return o;
}

static void
place_box(struct wp_page *pg, const struct box *x, double dx, double dy)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		page_add(pg, &x->items[i], dx, dy);
}

static void
add_dest(struct wp_doc *d, const char *id, int page, double y)
{
	d->dests = realloc(d->dests, (d->ndests + 1) * sizeof(*d->dests));
	if (d->dests == NULL)
		abort();
	d->dests[d->ndests++] = (struct wp_dest){ wp_strdup(id), page, y };
}

const struct wp_dest *
wp_doc_dest(const struct wp_doc *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->ndests; i++)
		if (strcmp(d->dests[i].id, id) == 0)
			return &d->dests[i];
	return NULL;
}

/* A text line set now and put on a page (page numbers, leaders). */
static void
page_text(struct builder *b, struct wp_page *pg, const char *text,
    enum wp_role role, double x, double y, int align_right)
{
	struct setpara	sp;
	struct box	tmp = { 0 };

	if (set_text(b, &sp, text, role, b->st->measure) == -1)
		return;
	put_line(&tmp, &sp, 0, align_right ? x - line_w(&sp, 0) : x, 0);
	place_box(pg, &tmp, 0, y);
	free(tmp.items);
}

/*
 * A contents entry's last line, now that its page is known: see
 * set_entry().
 */
static void
resolve_pageref(struct builder *b, struct wp_page *pg, const struct box *x,
    double top)
{
	const struct wp_dest	*d = wp_doc_dest(b->doc, x->pageref);
	struct setpara		 sp;
	struct box		 tmp = { 0 };
	char			 num[16];
	size_t			 i;

	if (d == NULL)
		return;
	snprintf(num, sizeof num, "%d", d->page + 1);
	if (set_entry(b, &sp, x->ref_role, x->ref_lead, x->ref_text,
	    x->ref_col, num, b->st->measure - x->ref_x) == -1)
		return;
	put_line(&tmp, &sp, 0, b->st->left + x->ref_x, 0);
	place_box(pg, &tmp, 0, top + x->ref_base);
	for (i = 0; i < tmp.n; i++)
		free(tmp.items[i].target);
	free(tmp.items);
}

/* A running text: the pattern with {page}, {short}, {kind}, {title}. */
static char *
running(const struct wp_doc *d, const char *pat, int page)
{
	GString		*s = g_string_new(NULL);
	const char	*at;
	char		 num[16];

	snprintf(num, sizeof num, "%d", page);
	while ((at = strchr(pat, '{')) != NULL) {
		const char *v = NULL, *end = strchr(at, '}');
		size_t n = end ? (size_t)(end - at + 1) : 1;
		g_string_append_len(s, pat, at - pat);
		if (strncmp(at, "{page}", n) == 0)
			v = num;
		else if (strncmp(at, "{short}", n) == 0)
			v = d->short_name;
		else if (strncmp(at, "{kind}", n) == 0)
			v = d->kind;
		else if (strncmp(at, "{title}", n) == 0)
			v = d->title;
		if (v != NULL)
			g_string_append(s, v);
		else
			g_string_append_len(s, at, (gssize)n);
		pat = at + n;
	}
	g_string_append(s, pat);
	return g_string_free(s, FALSE);
}

static void
add_running(struct builder *b, struct wp_page *pg, int page)
{
	const struct wp_style	*st = b->st;
	char			*s;

	s = running(b->doc, st->footer_pattern, page);
	page_text(b, pg, s, ROLE_FOOTER, st->left,
	    st->page_h - st->footer_offset, 0);
	g_free(s);
	if (st->header_pattern == NULL)
		return;
	s = running(b->doc, st->header_pattern, page);
	page_text(b, pg, s, ROLE_FOOTER, st->left, st->header_offset, 0);
	g_free(s);
}

static void
paginate(struct builder *b)
{
	struct wp_pbox	*pb = wp_calloc(b->n + 1, sizeof(*pb));
	struct wp_place	*pl = wp_calloc(b->n + 1, sizeof(*pl));
	double		 avail = b->st->page_h - b->st->top - b->st->bottom;
	int		 npages, *no_folio, p;
	size_t		 i;
	struct wp_doc	*d = b->doc;

	for (i = 0; i < b->n; i++)
		pb[i] = b->boxes[i].pb;
	npages = wp_paginate(pb, b->n, avail, pl);
	d->npages = (size_t)npages;
	d->pages = wp_calloc(d->npages + 1, sizeof(*d->pages));
	no_folio = wp_calloc(d->npages + 1, sizeof(*no_folio));
	for (i = 0; i < b->n; i++) {
		const struct box *x = &b->boxes[i];
		double top = b->st->top + pl[i].y;
		if (x->dest != NULL)
			add_dest(d, x->dest, pl[i].page, top);
		if (x->no_folio)
			no_folio[pl[i].page] = 1;
	}
	for (i = 0; i < b->n; i++) {
		const struct box *x = &b->boxes[i];
		struct wp_page *pg = &d->pages[pl[i].page];
		double top = b->st->top + pl[i].y;
		if (pl[i].repeat)
			place_box(pg, &b->boxes[x->pb.header], b->st->left,
			    top - b->boxes[x->pb.header].pb.h);
		place_box(pg, x, b->st->left, top);
		if (x->pageref != NULL)
			resolve_pageref(b, pg, x, top);
	}
	for (p = 0; p < npages; p++)
		if (!no_folio[p])
			add_running(b, &d->pages[p], p + 1);
	free(no_folio);
	free(pb);
	free(pl);
}

static void
collect_marks(struct builder *b)
{
	struct wp_doc	*d = b->doc;
	size_t		 i;

	for (i = 0; i < b->n; i++) {
		const struct box *x = &b->boxes[i];
		if (x->mark == 0)
			continue;
		d->marks = realloc(d->marks, (d->nmarks + 1) * sizeof(*d->marks));
		if (d->marks == NULL)
			abort();
		d->marks[d->nmarks++] = (struct wp_mark){ x->mark,
		    wp_strdup(x->mark_title), wp_strdup(x->dest) };
	}
}

struct wp_doc *
wp_layout(struct wp_fonts *f, const struct wp_style *st, xmlDocPtr model)
{
	struct builder	 b = { 0 };
	struct wp_doc	*d = wp_calloc(1, sizeof(*d));
	size_t		 i;
	char		*kind, *name;

	d->page_w = st->page_w;
	d->page_h = st->page_h;
	d->layouts = g_ptr_array_new_with_free_func(g_object_unref);
	d->title = wp_model_meta(model, "title");
	d->author = wp_model_meta(model, "publisher");
	kind = wp_model_meta(model, "document-kind");
	name = wp_model_meta(model, "name");
	d->subject = g_strdup_printf("%s %s", kind, name);
	d->short_name = wp_model_meta(model, "short-name");
	d->kind = kind;
	free(name);
	d->keywords = wp_model_meta(model, "keywords");
	d->date = wp_model_meta(model, "date");
	b.fonts = f;
	b.st = st;
	b.doc = d;
	b.src = wp_strdup("(document)");
	flow_document(&b, model);
	if (!b.failed) {
		paginate(&b);
		collect_marks(&b);
	}
	for (i = 0; i < b.n; i++) {
		size_t k;
		for (k = 0; k < b.boxes[i].n; k++)
			free(b.boxes[i].items[k].target);
		free(b.boxes[i].items);
		free(b.boxes[i].dest);
		free(b.boxes[i].mark_title);
		free(b.boxes[i].pageref);
		g_free(b.boxes[i].ref_text);
		free(b.boxes[i].ref_lead);
	}
	free(b.boxes);
	free(b.src);
	free(b.glyph_src);
	if (b.failed) {
		wp_doc_free(d);
		return NULL;
	}
	return d;
}

void
wp_doc_free(struct wp_doc *d)
{
	size_t i, k;

	if (d == NULL)
		return;
	for (i = 0; i < d->npages; i++) {
		for (k = 0; k < d->pages[i].n; k++)
			free(d->pages[i].items[k].target);
		free(d->pages[i].items);
	}
	free(d->pages);
	for (i = 0; i < d->nmarks; i++) {
		free(d->marks[i].title);
		free(d->marks[i].id);
	}
	free(d->marks);
	for (i = 0; i < d->ndests; i++)
		free(d->dests[i].id);
	free(d->dests);
	g_ptr_array_free(d->layouts, TRUE);
	free(d->title);
	free(d->author);
	g_free(d->subject);
	free(d->short_name);
	free(d->kind);
	free(d->keywords);
	free(d->date);
	free(d);
}

void
wp_doc_dump(const struct wp_doc *d, FILE *fp)
{
	static const char *const kinds[] = { "text", "rect", "rule", "disc",
	    "check", "link" };
	size_t i, k;

	for (i = 0; i < d->npages; i++) {
		fprintf(fp, "page %zu\n", i + 1);
		for (k = 0; k < d->pages[i].n; k++) {
			const struct wp_item *it = &d->pages[i].items[k];
			fprintf(fp, "%s %.1f %.1f", kinds[it->kind], it->x, it->y);
			if (it->kind == ITEM_TEXT) {
				const char *t = pango_layout_get_text(
				    it->line->layout);
				fprintf(fp, " |%.*s|", it->line->length,
				    t + it->line->start_index);
			} else if (it->kind == ITEM_LINK)
				fprintf(fp, " %.1f %s", it->w, it->target);
			else
				fprintf(fp, " %.1f %.1f", it->w, it->h);
			fputc('\n', fp);
		}
	}
	for (i = 0; i < d->nmarks; i++)
		fprintf(fp, "mark %d %s %s\n", d->marks[i].level,
		    d->marks[i].id, d->marks[i].title);
}
