/*
 * setcache: paragraphs set into lines, kept from one document to the
 * next in a process (`wpgen watch`, or `wpgen build` of several
 * services, which share their boilerplate), so that a paragraph set
 * before from the same inputs is not shaped and broken again.  A hit
 * gives the very layout a fresh setting would have made: the output is
 * byte for byte that of a cold build.  So are a table cell's
 * measurements.
 */
#ifndef WP_SETCACHE_H
#define WP_SETCACHE_H

#include <pango/pango.h>

#include "typeset/compose.h"

struct wp_setcache;

struct wp_setcache	*wp_setcache_new(void);
void			 wp_setcache_free(struct wp_setcache *);

/*
 * A new document begins: what the last few documents did not use is
 * dropped (a watch would otherwise keep every version of a paragraph
 * it has seen).
 */
void			 wp_setcache_tick(struct wp_setcache *);

/*
 * The layout set before from the inputs key describes, its reference
 * added for the caller, with p made as that paragraph was once set (its
 * own state freed first); or NULL.
 */
PangoLayout		*wp_setcache_find(struct wp_setcache *,
			    const GString *key, struct wp_para *p);

/*
 * Keeps a layout (a reference taken) and a copy of the paragraph it was
 * set from, under key (copied).  Nothing may change the layout after
 * this but what a caller does to every layout of this key alike.
 */
void			 wp_setcache_keep(struct wp_setcache *,
			    const GString *key, PangoLayout *,
			    const struct wp_para *);

/* A measurement kept the same way: two numbers under a key no setting
 * has.  find returns 1 with size set, or 0. */
int			 wp_setcache_find_size(struct wp_setcache *,
			    const GString *key, double size[2]);
void			 wp_setcache_keep_size(struct wp_setcache *,
			    const GString *key, const double size[2]);

#endif
