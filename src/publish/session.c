/*
 * session: what a run of wpgen loads once.
 */
#include <stdlib.h>

#include "base/alloc.h"
#include "base/timing.h"
#include "check/validate.h"
#include "publish/publish.h"

struct wp_session *
wp_session_new(const char *dir)
{
	struct wp_session *s = wp_calloc(1, sizeof(*s));

	s->t = wp_templates_load(dir);
	s->style = wp_style_load(dir);
	/* a setting wpgen would ignore is an error before any service */
	if (s->t == NULL || s->style == NULL ||
	    wp_validate_settings(s->t) != 0) {
		wp_session_free(s);
		return NULL;
	}
	s->fonts_conf = wp_fonts_conf(dir);
	return s;
}

void
wp_session_free(struct wp_session *s)
{
	if (s == NULL)
		return;
	wp_fonts_free(s->fonts);	/* last: it waits for Pango's threads */
	free(s->fonts_conf);
	free(s->inputs);
	wp_style_free(s->style);
	wp_templates_free(s->t);
	free(s);
}

struct wp_fonts *
wp_session_fonts(struct wp_session *s)
{
	struct wp_fonts	*f;

	if (s->fonts != NULL || s->fonts_failed)
		return s->fonts;
	wp_stage_begin(STAGE_FONTS);
	if ((f = wp_fonts_new(s->fonts_conf)) != NULL &&
	    wp_fonts_check(f, s->style) == -1) {
		wp_fonts_free(f);
		f = NULL;
	}
	if (f != NULL)
		wp_fonts_warm(f, s->style);
	s->fonts = f;
	s->fonts_failed = f == NULL;
	wp_stage_end(STAGE_FONTS);
	return f;
}
