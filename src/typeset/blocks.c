/*
 * blocks: the body of a section or clause: paragraphs, lists (markers
 * in a column of their own), tables, figures and sections within.
 */
#include <stdlib.h>
#include <string.h>

#include "input/xml.h"
#include "model/model.h"
#include "typeset/walk.h"

/*
 * Whether a paragraph leads in to the list after it (「以下の対策を行って
 * います：」, 「…の通りです。」 before a list): it ends in a colon or an
 * ellipsis, or says 以下 (what follows) in its last sentence.
 */
static int
leads_in(const xmlNode *n)
{
	const xmlNode	*next = n->next;
	char		*t, *end, *last;
	int		 yes;

	while (next != NULL && next->type != XML_ELEMENT_NODE)
		next = next->next;
	if (next == NULL || !(wp_xml_is(next, "ul") || wp_xml_is(next, "ol")))
		return 0;
	t = wp_text_all(n);
	end = t + strlen(t);
	while (end > t && strchr(" \t\n", end[-1]) != NULL)
		end--;
	*end = '\0';
	/* its last sentence: after the last 。 before the end */
	last = end > t ? g_utf8_prev_char(end) : t;
	while (last > t && strncmp(g_utf8_prev_char(last), "。", 3) != 0)
		last = g_utf8_prev_char(last);
	yes = g_str_has_suffix(t, "：") || g_str_has_suffix(t, ":") ||
	    g_str_has_suffix(t, "…") || strstr(last, "以下") != NULL;
	free(t);
	return yes;
}

static void
paragraph(struct wp_engine *e, const xmlNode *n, enum wp_role role)
{
	struct wp_para	*p = wp_para_new();
	struct wp_lines	 sp;
	const struct wp_text_style *ts = &e->st->text[role];

	wp_flow_source(e, n);
	wp_flow_inline(p, n, 0, NULL);
	wp_struct_open(e, EL_P);
	if (wp_lines_set(e, &sp, p, role, e->st->measure, ts->indent) == 0) {
		wp_lines_flow(e, &sp, 0);
		/* a lead-in stays with the first item of its list */
		if (leads_in(n))
			e->boxes[e->n - 1].pb.keep = 1;
	}
	wp_struct_close(e);
}

static double
marker_column(struct wp_engine *e, const xmlNode *list)
{
	const struct wp_text_style *ts = &e->st->text[ROLE_LIST];
	double		 w = 0;
	const xmlNode	*li;
	struct wp_lines	 sp;

	if (wp_xml_is(list, "ul"))
		return ts->size * e->st->bullet_column;
	for (li = list->children; li != NULL; li = li->next)
		if (wp_xml_is(li, "li") && wp_lines_text(e, &sp,
		    wp_attr(li, "marker"), ROLE_LIST, e->st->measure) == 0 &&
		    wp_lines_width(&sp, 0) > w)
			w = wp_lines_width(&sp, 0);
	return w + ts->size * e->st->marker_gap;
}

static void
list_marker(struct wp_engine *e, struct wp_box *x, const xmlNode *list,
    const xmlNode *li, double at, double col)
{
	const struct wp_text_style *ts = &e->st->text[ROLE_LIST];
	double		 base = wp_baseline(ts), em = ts->size;
	struct wp_item	*it;
	struct wp_lines	 sp;

	if (wp_xml_is(list, "ol")) {
		if (wp_lines_text(e, &sp, wp_attr(li, "marker"), ROLE_LIST,
		    e->st->measure) == 0)
			wp_lines_put(x, &sp, 0, at + col - em * e->st->marker_gap -
			    wp_lines_width(&sp, 0), base);
		return;
	}
	if (strcmp(wp_attr(list, "mark"), "check") == 0) {
		it = wp_item_add(x, ITEM_CHECK);
		it->x = at + em * 0.1;
		it->y = base - em * 0.75;
		it->w = it->h = em * 0.75;
		it->stroke = e->st->colors[COLOR_ACCENT];
		it->lw = 1.1;
	} else {
		it = wp_item_add(x, ITEM_DISC);
		it->x = at + em * 0.4;
		it->y = base - em * 0.36;
		it->w = em * 0.14;
		it->fill = ts->color;
	}
}

/*
 * An item's marker, in its first line's box (after the line, which it
 * needs to place it; the renderer draws it first, as it is read): its
 * label.  A drawn bullet is the character it shows, to a reader.
 */
static void
item_label(struct wp_engine *e, struct wp_box *x, int lbl,
    const xmlNode *list, const xmlNode *li, double at, double col)
{
	int	 body = x->elem;

	x->elem = lbl;
	list_marker(e, x, list, li, at, col);
	x->elem = body;
	if (wp_xml_is(list, "ul"))
		wp_struct_elem(e, lbl)->actual = g_strdup(strcmp(wp_attr(list,
		    "mark"), "check") == 0 ? "\xe2\x9c\x93" : "\xe2\x80\xa2");
}

static void
list(struct wp_engine *e, const xmlNode *n, double at)
{
	const struct wp_text_style *ts = &e->st->text[ROLE_LIST];
	double		 col = marker_column(e, n);
	const xmlNode	*li, *sub;

	wp_struct_open(e, EL_L);
	for (li = n->children; li != NULL; li = li->next) {
		struct wp_para	*p;
		struct wp_lines	 sp;
		size_t		 first = e->n;
		int		 lbl;

		if (!wp_xml_is(li, "li"))
			continue;
		wp_flow_source(e, li);
		p = wp_para_new();
		wp_flow_inline(p, li, 0, NULL);
		wp_struct_open(e, EL_LI);
		lbl = wp_struct_add(e, EL_LBL);
		wp_struct_open(e, EL_LBODY);
		if (wp_lines_set(e, &sp, p, ROLE_LIST, e->st->measure - at -
		    col, 0) == 0) {
			wp_lines_flow(e, &sp, at + col);
			/* an item added or removed: its marker too */
			e->mark = wp_flow_change(li);
			if (first < e->n)
				item_label(e, &e->boxes[first], lbl, n, li, at,
				    col);
			e->mark = 0;
			for (sub = li->children; sub != NULL; sub = sub->next)
				if (wp_xml_is(sub, "ol") || wp_xml_is(sub, "ul"))
					list(e, sub, at + col);
		}
		wp_struct_close(e);
		wp_struct_close(e);
	}
	wp_struct_close(e);
	e->pending = ts->after + e->st->text[ROLE_BODY].after;
}

void
wp_flow_section(struct wp_engine *e, const xmlNode *n, int level,
    enum wp_role prole)
{
	wp_flow_source(e, n);
	wp_struct_open(e, EL_SECT);
	e->mark = wp_flow_change(n);
	wp_flow_heading(e, level == 1 ? ROLE_SECTION : ROLE_CHAPTER, NULL,
	    wp_display(n, "title"), wp_attr(n, "id"), level,
	    level == 1 && e->st->section_new_page);
	e->mark = 0;
	wp_flow_blocks(e, n, prole, level);
	wp_struct_close(e);
}

void
wp_flow_blocks(struct wp_engine *e, const xmlNode *parent,
    enum wp_role prole, int level)
{
	const xmlNode	*n;

	for (n = parent->children; n != NULL && !e->failed; n = n->next) {
		if (wp_xml_is(n, "p"))
			paragraph(e, n, prole);
		else if (wp_xml_is(n, "ol") || wp_xml_is(n, "ul"))
			list(e, n, e->st->text[ROLE_BODY].indent);
		else if (wp_xml_is(n, "table"))
			wp_flow_table(e, n);
		else if (wp_xml_is(n, "figure"))
			wp_flow_figure(e, n);
		else if (wp_xml_is(n, "section"))
			wp_flow_section(e, n, level + 1, prole);
	}
}

