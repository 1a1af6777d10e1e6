/*
 * lsan-libs: linked into the sanitizer builds only (build/asan/,
 * build/fuzz/), never into wpgen.  Two library calls of Debian 12 lose
 * memory of their own, which LeakSanitizer would report:
 *
 *  - FcConfigParseAndLoad() (fontconfig 2.14.1) loses the folder name
 *    it computes for <dir prefix="relative"> in fonts/fonts.conf when the
 *    file's path is absolute (28 bytes: the path's length plus one);
 *  - cairo_surface_finish() of a PDF surface (cairo 1.16.0) loses 768
 *    bytes for each CID-keyed CFF font it subsets (the Noto CJK faces);
 *    a ten-line cairo program that shows one string shows it too.
 *
 * A suppression file cannot say "allocated by the library itself":
 * these libraries have no frame pointers, so LSan's fast unwinder stops
 * at their first frame, and the slow one makes the run fifteen times
 * slower; and a pattern such as cairo_surface_finish would also hide
 * wpgen's own PDF buffer, which pdf.c's write callback grows while cairo
 * finishes.  So each call is wrapped: leak tracking is off while the
 * library runs and back on while it calls wpgen's write callback.  Every
 * object wpgen allocates (the FcConfig, the surface, the PDF buffer)
 * stays tracked.
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
