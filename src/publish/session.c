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
	s->phrases = wp_phrase_memo_new();
	return s;
}

void
wp_session_free(struct wp_session *s)
{
	if (s == NULL)
		return;
	wp_fonts_free(s->fonts);	/* last: it waits for Pango's threads */
	free(s->fonts_conf);
	wp_phrase_memo_free(s->phrases);
	free(s->inputs);
	wp_style_free(s->style);
	wp_templates_free(s->t);
	free(s);
}

/*
 * Freeing the session, the layout of every paragraph the run set most,
 * was 13 to 20 ms of a build of every service (a twentieth), after its
 * outputs were written.
 */
static struct wp_session *ended;	/* reachable to the end */

void
wp_session_end(struct wp_session *s)
{
	if (getenv("WPGEN_FREE_AT_EXIT") != NULL)
		wp_session_free(s);
	else
		ended = s;
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

int
wp_session_reload(struct wp_session *s, int fonts)
{
	struct wp_session	*n = wp_session_new(s->t->dir), old;

	if (n == NULL)
		return -1;
	if (fonts && wp_session_fonts(n) == NULL) {
		wp_session_free(n);
		return -1;
	}
	/* the fonts loaded serve the new style, if they have its faces */
	if (!fonts && s->fonts != NULL) {
		if (wp_fonts_check(s->fonts, n->style) == -1) {
			wp_session_free(n);
			return -1;
		}
		wp_fonts_warm(s->fonts, n->style);
		n->fonts = s->fonts;
		s->fonts = NULL;
	}
	/* phrasing depends on the strings alone: what was phrased stays */
	wp_phrase_memo_free(n->phrases);
	n->phrases = s->phrases;
	s->phrases = NULL;
	n->in_place = s->in_place;
	n->rev = s->rev;
	n->any_folder = s->any_folder;
	/* swapped, so that the caller's pointer holds the new session */
	old = *s;
	*s = *n;
	*n = old;
	wp_session_free(n);
	return 0;
}
