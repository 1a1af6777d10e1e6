/*
 * walk: what every part of the model walker uses: where a block came
 * from, its inline text as runs, and headings.
 */
#include <stdlib.h>
#include <string.h>

#include "input/xml.h"
#include "model/model.h"
#include "model/phrase.h"
#include "typeset/walk.h"

void
wp_flow_source(struct wp_engine *e, const xmlNode *n)
{
	wp_engine_source(e, wp_model_src(n));
}

void
wp_flow_inline(struct wp_para *p, const xmlNode *parent, unsigned flags,
    const char *target)
{
	const xmlNode	*n;

	for (n = parent->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			wp_para_add(p, (const char *)n->content, -1, flags,
			    target);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (wp_xml_is(n, "em"))
			wp_flow_inline(p, n, flags | RUN_EM, target);
		else if (wp_xml_is(n, "ins"))	/* a reviewer's copy */
			wp_flow_inline(p, n, flags | RUN_INS, target);
		else if (wp_xml_is(n, "del"))
			wp_flow_inline(p, n, flags | RUN_DEL, target);
		else if (wp_xml_is(n, "br"))
			wp_para_add(p, "\xe2\x80\xa8", -1, flags, target);
		else if (wp_xml_is(n, "link"))
			wp_flow_inline(p, n, flags | RUN_LINK,
			    wp_attr(n, "href"));
		else if (wp_xml_is(n, "xref")) {
			char *h = g_strconcat("#", wp_attr(n, "target"), NULL);
			wp_flow_inline(p, n, flags | RUN_LINK, h);
			g_free(h);
		}
		/* nested lists are blocks, set by list() */
	}
}

/* ---- a reviewer's copy ------------------------------------------------ */

/* What the redline says of a block: RUN_INS, RUN_DEL, or 0. */
unsigned
wp_flow_change(const xmlNode *n)
{
	const char	*c = wp_attr(n, "change");

	if (c != NULL)
		return strcmp(c, "removed") == 0 ? RUN_DEL : RUN_INS;
	return wp_attr(n, "was-title") != NULL ? RUN_INS : 0;
}

/* ---- headings ------------------------------------------------------- */

/* A rule across a box at y; returns y. */
static double
rule_below(struct wp_box *x, double y, double w, unsigned color, double lw)
{
	struct wp_item *r = wp_item_add(x, ITEM_RULE);

	r->elem = WP_ARTIFACT;
	r->y = y;
	r->w = w;
	r->stroke = color;
	r->lw = lw;
	return y;
}

struct wp_box *
wp_flow_heading(struct wp_engine *e, enum wp_role role, const char *number,
    const char *title, const char *id, int mark, int new_page)
{
	const struct wp_text_style *ts = &e->st->text[role];
	struct wp_lines	 num, tit;
	struct wp_box	*x;
	double		 col = 0, h;
	char		*full, *plain;
	int		 k;

	/* open first: the title's links and English are the heading's */
	wp_struct_open(e, role == ROLE_CLAUSE ? EL_H3 : role == ROLE_CHAPTER ?
	    EL_H2 : EL_H1);
	if (number != NULL) {
		if (wp_lines_text(e, &num, number, role, e->st->measure) == -1)
			goto fail;
		col = wp_lines_width(&num, 0) + ts->size * e->st->number_gap;
	}
	if (wp_lines_display(e, &tit, title, role, e->st->measure - col) == -1)
		goto fail;
	/* a paragraph's last line kept with its heading's first lines
	 * does not keep with the next heading too */
	if (e->n > 0 && e->boxes[e->n - 1].line)
		e->boxes[e->n - 1].pb.keep = 0;
	e->keep_next = 0;
	x = wp_box_new(e, ts->before);
	x->pb.new_page = new_page;
	x->pb.keep = 1;
	h = wp_lines_put_all(x, &tit, col, 0);
	if (number != NULL) {
		/* the number and the first line are one line of text */
		char *first = wp_lines_string(&tit, 0);
		x->n = 0;
		if (wp_lines_entry(e, &num, role, number, first, col, NULL,
		    e->st->measure) == 0)
			wp_lines_put(x, &num, 0, 0, wp_baseline(ts));
		g_free(first);
		for (k = 1; k < wp_lines_count(&tit); k++)
			wp_lines_put(x, &tit, k, col, k * ts->pitch +
			    wp_baseline(ts));
	}
	if (role == ROLE_SECTION || role == ROLE_TOC_TITLE)
		h = rule_below(x, h + ts->size * e->st->section_rule_below,
		    e->st->measure, e->st->colors[COLOR_ACCENT],
		    e->st->section_rule);
	else if (role == ROLE_CHAPTER)
		h = rule_below(x, h + ts->size * e->st->chapter_rule_below,
		    e->st->measure, e->st->colors[COLOR_RULE],
		    e->st->chapter_rule);
	x->pb.h = h;
	plain = wp_phrase_plain(title);
	full = number ? g_strdup_printf("%s %s", number, plain) :
	    g_strdup(plain);
	free(plain);
	if (id != NULL)
		wp_box_dest(x, id, mark, full);
	g_free(full);
	e->pending = ts->after;
	e->keep_next = e->st->keep_lines;
	wp_struct_close(e);
	return x;
fail:
	wp_struct_close(e);
	return NULL;
}

