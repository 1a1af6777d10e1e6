/*
 * flow: the typesetter's entry, and the walk through the document
 * model in order: its facts, then each part: the cover, the revision
 * history, the contents, the sections, the controls with their
 * chapters and clauses, the back matter.  The parts have files of their
 * own (walk.h).
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "input/xml.h"
#include "model/model.h"
#include "typeset/typeset.h"
#include "typeset/walk.h"

/* ---- the controls ---------------------------------------------------- */

/* The control number as a tag under the clause heading; in a
 * reviewer's copy, with the clause's mark (「［追加］」) and the title it
 * had (deleted) when it changed. */
static void
control_line(struct wp_engine *e, const xmlNode *cl)
{
	struct wp_para	*p = wp_para_new();
	struct wp_lines	 sp;
	struct wp_box	*x;
	struct wp_item	*it;
	double		 pad;

	wp_para_add(p, wp_text_only(wp_xml_child(cl, "control-line")), -1, 0,
	    NULL);
	if (wp_attr(cl, "mark") != NULL) {
		wp_para_add(p, "\xe3\x80\x80", -1, 0, NULL);	/* U+3000 */
		wp_para_add(p, wp_attr(cl, "mark"), -1, 0, NULL);
	}
	if (wp_attr(cl, "was-title") != NULL) {
		wp_para_add(p, "\xe3\x80\x80", -1, 0, NULL);
		wp_para_add(p, wp_attr(cl, "was-title"), -1, RUN_DEL, NULL);
	}
	wp_struct_open(e, EL_P);
	if (wp_lines_set(e, &sp, p, ROLE_LABEL, e->st->measure, 0) == -1) {
		wp_struct_close(e);
		return;
	}
	pad = sp.ts->size * e->st->label_pad;
	x = wp_box_new(e, 0);
	it = wp_item_add(x, ITEM_RECT);
	it->elem = WP_ARTIFACT;		/* its shading */
	it->w = wp_lines_width(&sp, 0) + 2 * pad;
	it->h = sp.ts->pitch;
	it->fill = e->st->colors[COLOR_SHADE];
	x->pb.h = wp_lines_put_all(x, &sp, pad, 0);
	x->pb.keep = 1;
	e->pending = sp.ts->after;
	wp_struct_close(e);
}

static void
clause(struct wp_engine *e, const xmlNode *cl)
{
	wp_flow_source(e, cl);
	wp_struct_open(e, EL_SECT);
	e->mark = wp_flow_change(cl);
	wp_flow_heading(e, ROLE_CLAUSE, wp_attr(cl, "number"),
	    wp_display(cl, "title"), wp_attr(cl, "id"), 3, 0);
	if (wp_attr(cl, "change") == NULL)	/* retitled: the old title */
		e->mark = 0;
	control_line(e, cl);
	e->mark = 0;
	wp_flow_blocks(e, cl, ROLE_BODY, 3);
	wp_struct_close(e);
}

static void
controls(struct wp_engine *e, const xmlNode *n)
{
	const xmlNode	*ch, *cl;

	wp_struct_open(e, EL_SECT);
	wp_flow_heading(e, ROLE_SECTION, NULL, wp_display(n, "title"),
	    wp_attr(n, "id"), 1, e->st->section_new_page);
	for (ch = n->children; ch != NULL && !e->failed; ch = ch->next) {
		if (!wp_xml_is(ch, "chapter"))
			continue;
		wp_flow_source(e, ch);
		wp_struct_open(e, EL_SECT);
		e->mark = wp_flow_change(ch);
		wp_flow_heading(e, ROLE_CHAPTER, wp_attr(ch, "label"),
		    wp_display(ch, "title"), wp_attr(ch, "id"), 2,
		    e->st->chapter_new_page);
		e->mark = 0;
		for (cl = ch->children; cl != NULL && !e->failed; cl = cl->next)
			if (wp_xml_is(cl, "clause"))
				clause(e, cl);
		wp_struct_close(e);
	}
	wp_struct_close(e);
}

/* ---- the document ---------------------------------------------------- */

/*
 * The document's facts appear in derived text (a heading made from the
 * short name, a running head), set where they appear: each is set once
 * first on its own, so that a character no font has is reported at the
 * line of the element that holds it.
 */
static void
check_meta(struct wp_engine *e, const xmlNode *meta)
{
	struct wp_lines	 sp;
	const xmlNode	*n;

	for (n = meta != NULL ? meta->children : NULL; n; n = n->next) {
		char *s;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		wp_flow_source(e, n);
		s = wp_text_all(n);
		wp_lines_text(e, &sp, s, ROLE_BODY, e->st->measure);
		free(s);
	}
}

/* The PDF's metadata and the running heads' fields. */
static void
facts(struct wp_doc *d, const xmlDoc *model)
{
	const char	*s;

#define META(name) ((s = wp_model_meta(model, (name))) != NULL ? \
	wp_strdup(s) : NULL)
	d->title = META("title");
	d->author = META("publisher");
	d->subject = g_strdup_printf("%s %s",
	    wp_model_meta(model, "document-kind"), wp_model_meta(model, "name"));
	d->short_name = META("short-name");
	d->kind = META("document-kind");
	d->keywords = META("keywords");
	d->date = META("date");
#undef META
}

struct wp_doc *
wp_typeset(struct wp_fonts *f, const struct wp_style *st, const xmlDoc *model)
{
	struct wp_engine e;
	const xmlNode	*root = xmlDocGetRootElement(model), *n;

	wp_engine_start(&e, f, st);
	/* a redline: bars beside changed lines (a comparison's are all) */
	e.bars = wp_attr(root, "changes-since") != NULL &&
	    wp_attr(root, "kind") == NULL;
	facts(e.doc, model);
	check_meta(&e, wp_xml_child(root, "meta"));
	for (n = root->children; n != NULL && !e.failed; n = n->next) {
		if (wp_xml_is(n, "cover"))
			wp_flow_cover(&e, wp_xml_child(root, "meta"));
		else if (wp_xml_is(n, "history"))
			wp_flow_history(&e, n);
		else if (wp_xml_is(n, "toc"))
			wp_flow_toc(&e, n);
		else if (wp_xml_is(n, "legend") &&
		    wp_xml_child(root, "cover") == NULL)
			wp_flow_legend(&e, NULL, n, 0);	/* else on the cover */
		else if (wp_xml_is(n, "section"))
			wp_flow_section(&e, n, 1, ROLE_BODY);
		else if (wp_xml_is(n, "controls"))
			controls(&e, n);
		else if (wp_xml_is(n, "backmatter"))
			wp_flow_backmatter(&e, n);
	}
	if (!e.failed) {
		/* the running heads, set with the pages, show the short name */
		wp_flow_source(&e, wp_model_meta_node(model, "short-name"));
		wp_engine_pages(&e);
	}
	return wp_engine_finish(&e);
}
