/*
 * render: one service's outputs rendered in memory, for build.c and
 * release.c to write: the model, the text, the HTML, the PDF and (for a
 * release) the cover as a PNG.
 */
#ifndef WP_PUBLISH_RENDER_H
#define WP_PUBLISH_RENDER_H

#include <stddef.h>

#include <libxml/tree.h>

#include "publish/publish.h"

struct wp_doc;

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
	xmlDocPtr		 side_model;	/* the side thread's copy */
	xmlDocPtr		 page;		/* its HTML page, unsized */
	struct wp_doc		*doc;		/* the PDF's display list */
};

/* Renders every output of r->model; 0 when every one asked for was. */
int	 wp_render(struct rendering *);
/* Frees the outputs, the display list and the model. */
void	 wp_render_free(struct rendering *);

#endif
