/*
 * pdffont: a PDF's text drawn in stand-in faces without outlines, and
 * the outlines put back in by the Tagged PDF pass.
 *
 * Why.  cairo 1.16 cuts a subset of each face a PDF uses, with the
 * outline of every glyph drawn, and deflates it, anew for every PDF: a
 * fifth of what `wpgen watch` spends rebuilding a PDF after a sentence
 * edit, for subsets that are the last rebuild's to the byte.  So the
 * PDF is drawn in stand-ins (sfnt.c: each outline a stub, every other
 * table the face's), which cairo places, measures and subsets as it
 * would the face, cutting small programs; the pass then makes each
 * stand-in's subset the face's own (wp_sfnt_restore()) and deflates it,
 * or takes the bytes it made for the same subset last time.  The PDF is
 * what cairo would have written to the byte (tests/watch.sh compares).
 *
 * Only for a process that makes the same PDFs again (wpgen watch): a
 * first PDF costs more so (its glyphs loaded anew in the stand-ins, its
 * programs deflated after cairo has finished rather than beside the
 * pages rewritten ahead), 10 to 15 ms of a cold build's 25.
 */
#include <sys/stat.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-ft.h>
#include <fontconfig/fcfreetype.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include "base/alloc.h"
#include "render/pdfint.h"
#include "render/sfnt.h"

/* A face's file, and its stand-in if it can have one. */
struct face {
	char		*file;		/* fontconfig's FC_FILE (FC_INDEX 0) */
	struct stat	 st;		/* the file's, when it was read */
	GMappedFile	*real;		/* the file, or NULL */
	GByteArray	*stub;		/* the stand-in's bytes, or NULL */
	FT_Face		 ft;		/* the stand-in, or NULL */
};

/*
 * Every face the process has drawn: a stand-in's id is its place here.
 * Never freed: cairo keeps the FreeType faces of the stand-ins it has
 * used in caches of its own as long as the process lives.
 */
static struct {
	pthread_mutex_t	 lock;
	struct face	*v;
	size_t		 n, cap;
	FT_Library	 ft;
} faces = { PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0, NULL };

/*
 * Font programs made before, by the stand-in's subset they were made of:
 * a watch's rebuild after a sentence edit draws the glyphs the last one
 * drew.  The least recently used goes first.
 */
#define KEPT	32

struct kept {
	GBytes		*sub;		/* the stand-in's subset, or NULL */
	GBytes		*z;		/* the font program, deflated */
	size_t		 len1;		/* its length inflated */
	unsigned long	 used;		/* when last asked for */
};

static struct {
	pthread_mutex_t	 lock;
	struct kept	 v[KEPT];
	unsigned long	 clock;
} kept = { PTHREAD_MUTEX_INITIALIZER, { { NULL, NULL, 0, 0 } }, 0 };

/* Whether st is the file that was read as f: a font file replaced
 * while a watch runs is a new face. */
static int
unchanged(const struct face *f, const struct stat *st)
{
	return f->st.st_dev == st->st_dev && f->st.st_ino == st->st_ino &&
	    f->st.st_size == st->st_size &&
	    f->st.st_mtim.tv_sec == st->st_mtim.tv_sec &&
	    f->st.st_mtim.tv_nsec == st->st_mtim.tv_nsec;
}

/* The stand-in of face file (index), made if new; NULL if it cannot
 * have one (a face of a collection cannot).  Called with faces.lock
 * held. */
static FT_Face
face_for(const char *file, int index)
{
	struct face	*f;
	struct stat	 st;
	size_t		 i;

	if (stat(file, &st) == -1 || index != 0)
		return NULL;
	for (i = 0; i < faces.n; i++)
		if (strcmp(faces.v[i].file, file) == 0 &&
		    unchanged(&faces.v[i], &st))
			return faces.v[i].ft;
	faces.v = wp_grow(faces.v, &faces.cap, faces.n, sizeof(*faces.v));
	f = &faces.v[faces.n];
	*f = (struct face){ wp_strdup(file), st, NULL, NULL, NULL };
	f->real = g_mapped_file_new(file, FALSE, NULL);
	if (f->real != NULL)
		f->stub = wp_sfnt_stub(
		    (const guint8 *)g_mapped_file_get_contents(f->real),
		    g_mapped_file_get_length(f->real), (unsigned)faces.n);
	if (f->stub != NULL && ((faces.ft == NULL &&
	    FT_Init_FreeType(&faces.ft) != 0) ||
	    FT_New_Memory_Face(faces.ft, f->stub->data, (FT_Long)f->stub->len,
	    0, &f->ft) != 0)) {
		g_byte_array_unref(f->stub);
		f->stub = NULL;
		f->ft = NULL;
	}
	faces.n++;
	return f->ft;
}

/* The stand-in for a Pango font drawn as real, or NULL. */
static cairo_scaled_font_t *
stand_in(PangoFont *font, cairo_scaled_font_t *real)
{
	FcPattern		*pat, *own;
	FcChar8			*file;
	int			 index = 0;
	FT_Face			 ft;
	cairo_font_face_t	*face;
	cairo_scaled_font_t	*sf;
	cairo_matrix_t		 fm, ctm;
	cairo_font_options_t	*opt;

	if (!PANGO_IS_FC_FONT(font) ||
	    (pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font))) == NULL ||
	    FcPatternGetString(pat, FC_FILE, 0, &file) != FcResultMatch)
		return NULL;
	FcPatternGetInteger(pat, FC_INDEX, 0, &index);
	pthread_mutex_lock(&faces.lock);
	ft = face_for((const char *)file, index);
	pthread_mutex_unlock(&faces.lock);
	if (ft == NULL)
		return NULL;
	/* the font's own pattern, which says how cairo loads its glyphs,
	 * with the stand-in's face */
	own = FcPatternDuplicate(pat);
	FcPatternDel(own, FC_FT_FACE);
	FcPatternAddFTFace(own, FC_FT_FACE, ft);
	face = cairo_ft_font_face_create_for_pattern(own);
	FcPatternDestroy(own);
	cairo_scaled_font_get_font_matrix(real, &fm);
	cairo_scaled_font_get_ctm(real, &ctm);
	opt = cairo_font_options_create();
	cairo_scaled_font_get_font_options(real, opt);
	sf = cairo_scaled_font_create(face, &fm, &ctm, opt);
	cairo_font_options_destroy(opt);
	cairo_font_face_destroy(face);
	if (cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS) {
		cairo_scaled_font_destroy(sf);
		return NULL;
	}
	return sf;
}

/* A PDF's stand-ins: its fonts' scaled fonts, each to its stand-in. */
static const cairo_user_data_key_t stand_ins_key;

static void
drop_stand_in(gpointer sf)
{
	if (sf != NULL)
		cairo_scaled_font_destroy(sf);
}

void
wp_pdf_stand_ins(cairo_surface_t *s)
{
	cairo_surface_set_user_data(s, &stand_ins_key,
	    g_hash_table_new_full(NULL, NULL, NULL, drop_stand_in),
	    (cairo_destroy_func_t)g_hash_table_unref);
}

cairo_scaled_font_t *
wp_pdf_font(cairo_t *cr, PangoFont *font)
{
	cairo_scaled_font_t	*real, *sf;
	GHashTable		*t = cairo_surface_get_user_data(
				    cairo_get_target(cr), &stand_ins_key);

	real = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
	if (t == NULL || real == NULL)
		return real;
	/* the table is the surface's, which one thread draws */
	if (!g_hash_table_lookup_extended(t, real, NULL, (gpointer *)&sf)) {
		sf = stand_in(font, real);
		g_hash_table_insert(t, real, sf);
	}
	return sf != NULL ? sf : real;
}

/* ---- the pass: the outlines put back ------------------------------------ */

/* A stand-in's face's bytes; 0, or -1 if id is none. */
static int
real_face(unsigned id, const guint8 **p, size_t *n)
{
	int rc = -1;

	pthread_mutex_lock(&faces.lock);
	if (id < faces.n && faces.v[id].stub != NULL) {
		*p = (const guint8 *)g_mapped_file_get_contents(
		    faces.v[id].real);
		*n = g_mapped_file_get_length(faces.v[id].real);
		rc = 0;
	}
	pthread_mutex_unlock(&faces.lock);
	return rc;
}

/* The program made before of a stand-in's subset (a reference), or
 * NULL. */
static GBytes *
kept_program(GBytes *sub, size_t *len1)
{
	GBytes *z = NULL;

	pthread_mutex_lock(&kept.lock);
	for (size_t i = 0; i < KEPT && z == NULL; i++)
		if (kept.v[i].sub != NULL && g_bytes_equal(kept.v[i].sub, sub)) {
			z = g_bytes_ref(kept.v[i].z);
			*len1 = kept.v[i].len1;
			kept.v[i].used = ++kept.clock;
		}
	pthread_mutex_unlock(&kept.lock);
	return z;
}

static void
keep(GBytes *sub, GBytes *z, size_t len1)
{
	size_t i, old = 0;

	pthread_mutex_lock(&kept.lock);
	for (i = 1; i < KEPT; i++)
		if (kept.v[i].used < kept.v[old].used)
			old = i;
	if (kept.v[old].sub != NULL) {
		g_bytes_unref(kept.v[old].sub);
		g_bytes_unref(kept.v[old].z);
	}
	kept.v[old] = (struct kept){ g_bytes_ref(sub), g_bytes_ref(z), len1,
	    ++kept.clock };
	pthread_mutex_unlock(&kept.lock);
}

/* A font program of the file's, cut from a stand-in. */
struct program {
	long		 obj;
	GBytes		*sub;		/* as cairo cut it */
	unsigned	 id;		/* of its stand-in */
	GBytes		*z;		/* the face's, deflated */
	size_t		 len1;		/* and inflated, its length */
};

static void
programs_free(struct program *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		g_bytes_unref(p[i].sub);
		if (p[i].z != NULL)
			g_bytes_unref(p[i].z);
	}
	free(p);
}

/* The font programs cut from stand-ins, read; 0, or -1. */
static int
find_programs(const struct wp_pdf_file *f, struct program **out, size_t *np,
    const char **why)
{
	struct program	*p = NULL;
	size_t		 n = 0, cap = 0;
	unsigned	 id;

	for (long k = 1; k < (long)f->n; k++) {
		struct wp_pdf_span b = wp_pdf_body(f, k);
		GByteArray *data;
		if (b.s == NULL || !wp_pdf_is_stream(f, k) ||
		    wp_pdf_get(b, "/Length1").s == NULL)
			continue;
		if (wp_pdf_stream(f, k, &data) == -1) {
			*why = "a font program is unreadable";
			programs_free(p, n);
			return -1;
		}
		if (wp_sfnt_stub_id(data->data, data->len, &id)) {
			p = wp_grow(p, &cap, n, sizeof(*p));
			p[n++] = (struct program){ k,
			    g_byte_array_free_to_bytes(data), id, NULL, 0 };
		} else
			g_byte_array_unref(data);
	}
	*out = p;
	*np = n;
	return 0;
}

/* The face's program for p, cut from a stand-in, to deflate in job. */
static int
restore(const struct program *p, struct wp_pdf_squeeze *job,
    GByteArray **font, const char **why)
{
	const guint8	*s, *real;
	gsize		 sn;
	size_t		 rn;

	s = g_bytes_get_data(p->sub, &sn);
	if (real_face(p->id, &real, &rn) == -1) {
		*why = "a font subset's stand-in is not this process's";
		return -1;
	}
	if ((*font = wp_sfnt_restore(s, sn, real, rn, why)) == NULL)
		return -1;
	*job = (struct wp_pdf_squeeze){ NULL, (*font)->data, (*font)->len, 1,
	    NULL, 0 };
	return 0;
}

/*
 * Object obj's stream made program (deflated z, len1 bytes inflated),
 * as cairo writes one: its dictionary but /Length1 kept, its length in
 * the object of its own that /Length refers to.
 */
static void
put(struct wp_pdf_file *f, long obj, GBytes *z, size_t len1)
{
	struct wp_pdf_span	 b = wp_pdf_body(f, obj), dict = b;
	long			 lobj = wp_pdf_ref(wp_pdf_get(b, "/Length"));
	char			*d, num[32];
	gsize			 zn;
	const char		*data = g_bytes_get_data(z, &zn);
	GString			*g;

	dict.e = wp_pdf_skip(b.s, b.e);
	snprintf(num, sizeof(num), "%zu", len1);
	d = wp_pdf_set(dict, "/Length1", num);
	g = g_string_new(d);
	g_free(d);
	snprintf(num, sizeof(num), "%zu", (size_t)zn);
	if (lobj > 0) {
		d = g_strconcat("   ", num, NULL);
		wp_pdf_put(f, lobj, d, strlen(d));
	} else {
		dict = (struct wp_pdf_span){ g->str, g->str + g->len };
		d = wp_pdf_set(dict, "/Length", num);
		g_string_assign(g, d);
		g_free(d);
	}
	g_string_append(g, "\nstream\n");
	g_string_append_len(g, data, (gssize)zn);
	g_string_append(g, "\nendstream");
	wp_pdf_put(f, obj, g->str, g->len);
	g_string_free(g, FALSE);
}

int
wp_pdf_put_outlines(struct wp_pdf_file *f, const char **why)
{
	struct program		*p;
	struct wp_pdf_squeeze	*job;
	GByteArray		**font;
	size_t			*of, n, i, made = 0;
	int			 rc = 0;

	if (find_programs(f, &p, &n, why) == -1)
		return -1;
	job = wp_calloc(n + 1, sizeof(*job));
	font = wp_calloc(n + 1, sizeof(*font));
	of = wp_calloc(n + 1, sizeof(*of));
	for (i = 0; i < n && rc == 0; i++)
		if ((p[i].z = kept_program(p[i].sub, &p[i].len1)) == NULL) {
			rc = restore(&p[i], &job[made], &font[made], why);
			of[made++] = i;
		}
	if (rc == 0) {
		/* two at a time, as the pass's other streams */
		wp_pdf_squeeze(job, made);
		for (i = 0; i < made; i++) {
			struct program *q = &p[of[i]];
			q->z = g_bytes_new_take(job[i].body, job[i].len);
			job[i].body = NULL;
			q->len1 = font[i]->len;
			keep(q->sub, q->z, q->len1);
		}
		for (i = 0; i < n; i++)
			put(f, p[i].obj, p[i].z, p[i].len1);
	}
	for (i = 0; i < made; i++) {
		g_free(job[i].body);
		if (font[i] != NULL)
			g_byte_array_unref(font[i]);
	}
	free(job);
	free(font);
	free(of);
	programs_free(p, n);
	return rc;
}
