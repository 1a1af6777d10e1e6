/*
 * lsan-libs: linked into the sanitizer builds only (build/asan/,
 * build/fuzz/), never into wpgen.  Three library calls of Debian 12 make
 * memory that LeakSanitizer would report:
 *
 *  - cairo_surface_finish() of a PDF surface (cairo 1.16.0) loses 768
 *    bytes for each CID-keyed CFF font it subsets (the full Noto CJK
 *    faces, which serve what the TrueType subsets lack);
 *    a ten-line cairo program that shows one string shows it too;
 *  - FcConfigAppFontAddFile() and FcConfigParseAndLoad() (fontconfig
 *    2.14.1) make patterns whose elements and charset leaves fontconfig
 *    points at by offsets, which LSan cannot follow: the font patterns
 *    of the first, and the <rejectfont> patterns of fonts/fonts.conf
 *    that the second reads, look lost while the configuration lives on
 *    as fontconfig's current one (to the end of the process, since
 *    setting none would load the system's).  wp_fonts_free() releases
 *    the first (FcConfigAppFontClear).  (Pango's own threads, which
 *    outlived a build that failed at once about one run in twenty on a
 *    busy machine, are waited for by wp_fonts_free(): not hidden here.)
 *
 * A suppression file cannot say "allocated by the library itself":
 * these libraries have no frame pointers, so LSan's fast unwinder stops
 * at their first frame, and the slow one makes the run fifteen times
 * slower; and a pattern such as cairo_surface_finish would also hide
 * wpgen's own PDF buffer, which pdf.c's write callback grows while cairo
 * finishes.  So each call is wrapped: leak tracking is off while the
 * library runs and back on while it calls wpgen's write callback.  Every
 * object wpgen allocates (the surface, the PDF buffer) stays tracked.
 * (A relative <dir> in fonts/fonts.conf would add a real fontconfig leak
 * to FcConfigParseAndLoad(), and these wrappers would hide it; wpgen's
 * has none.)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <sanitizer/lsan_interface.h>

static __thread int finishing;	/* inside cairo_surface_finish() */

static void *
real(const char *name)
{
	void	*f = dlsym(RTLD_NEXT, name);

	if (f == NULL) {
		fprintf(stderr, "lsan-libs: no %s\n", name);
		abort();
	}
	return f;
}

FcBool
FcConfigAppFontAddFile(FcConfig *config, const FcChar8 *file)
{
	static FcBool	(*f)(FcConfig *, const FcChar8 *);
	FcBool		 ok;

	if (f == NULL)
		f = real("FcConfigAppFontAddFile");
	__lsan_disable();
	ok = f(config, file);
	__lsan_enable();
	return ok;
}

FcBool
FcConfigParseAndLoad(FcConfig *config, const FcChar8 *file, FcBool complain)
{
	static FcBool	(*f)(FcConfig *, const FcChar8 *, FcBool);
	FcBool		 ok;

	if (f == NULL)
		f = real("FcConfigParseAndLoad");
	__lsan_disable();
	ok = f(config, file, complain);
	__lsan_enable();
	return ok;
}

struct stream {
	cairo_write_func_t	 write;
	void			*closure;
};

/* wpgen's callback, tracked even while cairo finishes. */
static cairo_status_t
stream_write(void *closure, const unsigned char *data, unsigned int n)
{
	const struct stream	*s = closure;
	cairo_status_t		 st;

	if (finishing)
		__lsan_enable();
	st = s->write(s->closure, data, n);
	if (finishing)
		__lsan_disable();
	return st;
}

cairo_surface_t *
cairo_pdf_surface_create_for_stream(cairo_write_func_t write, void *closure,
    double w, double h)
{
	static cairo_surface_t *(*f)(cairo_write_func_t, void *, double, double);
	static const cairo_user_data_key_t key;
	struct stream	*s = malloc(sizeof(*s));
	cairo_surface_t	*surface;

	if (f == NULL)
		f = real("cairo_pdf_surface_create_for_stream");
	if (write == NULL) {	/* cairo's no-op stream: nothing to track */
		free(s);
		return f(NULL, closure, w, h);
	}
	if (s == NULL)
		abort();
	s->write = write;
	s->closure = closure;
	surface = f(stream_write, s, w, h);
	if (cairo_surface_set_user_data(surface, &key, s, free) !=
	    CAIRO_STATUS_SUCCESS)
		free(s);	/* an error surface: it writes nothing */
	return surface;
}

void
cairo_surface_finish(cairo_surface_t *surface)
{
	static void	(*f)(cairo_surface_t *);

	if (f == NULL)
		f = real("cairo_surface_finish");
	finishing++;
	__lsan_disable();
	f(surface);
	__lsan_enable();
	finishing--;
}
