/*
 * render: one service's outputs rendered in memory, for build.c and
 * release.c to write: the model, the text, the HTML, the PDF and (for a
 * release) the cover as a PNG.
 */
#ifndef WP_PUBLISH_RENDER_H
#define WP_PUBLISH_RENDER_H

#include <pthread.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "publish/publish.h"

struct wp_doc;
struct wp_diag_scope;

/* OUT_COVER and OUT_COVER2X: the first page as a PNG at 72 and 144 dpi
 * (595 by 842 pixels for A4, and twice as many each way). */
enum { OUT_MODEL, OUT_TEXT, OUT_HTML, OUT_PDF, OUT_COVER, OUT_COVER2X,
    OUT__MAX };

struct output {
	void		*buf;		/* NULL if rendering failed */
	size_t		 len;
	void		(*release)(void *);
};

/* One service rendered in memory. */
struct rendering {
	struct wp_session	*s;
	xmlDocPtr		 model;
	const char		*pdf_href, *index_href;
	int			 cover;		/* make the OUT_COVERs too */
	struct output		 out[OUT__MAX];
	int			 pages;
	xmlChar			*page;		/* its HTML page, unsized */
	size_t			 page_len;
	size_t			 size_at;	/* where the size goes in it */
	struct wp_doc		*doc;		/* the PDF's display list */
	pthread_t		 side;		/* the side thread, if threaded */
	int			 threaded;
	struct wp_diag_scope	*scope;		/* the caller's, for the side */
};

/* Renders every output of r->model; 0 when every one asked for was. */
int	 wp_render(struct rendering *);

/*
 * wp_render() in three parts, for a build that reads the next service
 * and draws the last one's PDF while it typesets one.
 * wp_render_begin() starts the side outputs, in any thread.
 * wp_render_typeset() typesets, in the thread that owns Pango; it
 * returns 1 if wp_render_finish() may then run in any thread, 0 if it
 * must run in this one (or the document failed, which
 * wp_render_finish() says).  wp_render_finish() draws the PDF, waits
 * for the side outputs and returns as wp_render() does.
 */
void	 wp_render_begin(struct rendering *);
int	 wp_render_typeset(struct rendering *);
int	 wp_render_finish(struct rendering *);
/* Frees the outputs, the display list and the model. */
void	 wp_render_free(struct rendering *);

#endif
