/*
 * walk: the parts of the model walker.  The walker reads the document
 * model (through model/model.h) in order and drives the engine: flow.c
 * the document and its clauses; front.c the cover, the contents and the
 * back matter; blocks.c sections, paragraphs and lists; table.c the
 * tables and the revision history; figure.c the figures; walk.c what
 * they all use.  Each calls only those after it in this list, and it is
 * the only part of the typesetter that reads the model.
 */
#ifndef WP_WALK_H
#define WP_WALK_H

#include <libxml/tree.h>

#include "typeset/engine.h"

/* Messages about what is set next name this element's source. */
void		 wp_flow_source(struct wp_engine *, const xmlNode *);

/* Adds a model element's inline content to a paragraph as runs. */
void		 wp_flow_inline(struct wp_para *, const xmlNode *,
		    unsigned flags, const char *target);

/*
 * A heading: its number (or NULL) in a column of its own, the title
 * beside it (wrapping under itself), a destination id (or NULL) and a
 * bookmark of level mark (0: none).  It keeps with the first lines of
 * what follows.  Returns its box, or NULL after reporting.
 */
struct wp_box	*wp_flow_heading(struct wp_engine *, enum wp_role,
		    const char *number, const char *title, const char *id,
		    int mark, int new_page);

/* The blocks among parent's children, set in role; level is the depth
 * of the sections around them. */
void		 wp_flow_blocks(struct wp_engine *, const xmlNode *parent,
		    enum wp_role, int level);
/* A section: its heading (at level), then its blocks in role. */
void		 wp_flow_section(struct wp_engine *, const xmlNode *, int level,
		    enum wp_role);

void		 wp_flow_table(struct wp_engine *, const xmlNode *);
void		 wp_flow_history(struct wp_engine *, const xmlNode *);
void		 wp_flow_figure(struct wp_engine *, const xmlNode *);
void		 wp_flow_cover(struct wp_engine *, const xmlNode *meta);
void		 wp_flow_toc(struct wp_engine *, const xmlNode *);
void		 wp_flow_backmatter(struct wp_engine *, const xmlNode *);
/*
 * A reviewer's copy: the legend of its marks, framed, into box x at y
 * (returns the y below it), or (x NULL) as a box of its own; and the
 * mark a part added or removed sets its heading in (RUN_INS, RUN_DEL,
 * or 0).
 */
double		 wp_flow_legend(struct wp_engine *, struct wp_box *x,
		    const xmlNode *legend, double y);
unsigned	 wp_flow_change(const xmlNode *);

#endif
