/*
 * fonts: wpgen's own fontconfig set-up and the Pango context every
 * document is set in.  wpgen reads no font configuration but
 * fonts/fonts.conf, so that output does not depend on the machine's or
 * the user's.
 */
#include <sys/syscall.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/path.h"
#include "typeset/fonts.h"
#include "typeset/setcache.h"

struct wp_fonts {
	FcConfig	*config;
	PangoFontMap	*map;
	PangoContext	*context;
	struct wp_setcache *set;	/* paragraphs set in them */
};

char *
wp_fonts_conf(const char *templates)
{
	char	*rel = wp_path(templates, "../fonts/fonts.conf");
	char	*abs = realpath(rel, NULL);

	/* fontconfig reads a relative path from its own folder, not ours */
	if (abs == NULL)
		return rel;
	free(rel);
	return abs;
}

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
	f->set = wp_setcache_new();
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
	wp_setcache_free(f->set);
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

struct wp_setcache *
wp_fonts_setcache(struct wp_fonts *f)
{
	return f->set;
}

PangoLayout *
wp_fonts_layout(struct wp_fonts *f, const struct wp_text_style *ts)
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
		lay = wp_fonts_layout(f, ts);
		pango_layout_set_text(lay, r == ROLE_BODY ? warm_text : "あ",
		    -1);
		pango_layout_get_extents(lay, NULL, NULL);
		g_object_unref(lay);
	}
}

