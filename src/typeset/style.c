/*
 * style: reads the PDF style file into struct wp_style.  The file was
 * validated against schema/style.rng, so values are well formed; what
 * is checked here is what a schema cannot say (every role present, a
 * measure that fits the page).
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/path.h"
#include "input/xml.h"
#include "typeset/style.h"

static const char *const role_names[ROLE__MAX] = {
	[ROLE_BODY] = "body", [ROLE_LIST] = "list",
	[ROLE_SECTION] = "section", [ROLE_CHAPTER] = "chapter",
	[ROLE_CLAUSE] = "clause", [ROLE_LABEL] = "label",
	[ROLE_CAPTION] = "caption", [ROLE_FIGURE] = "figure",
	[ROLE_TABLE] = "table", [ROLE_TABLE_HEAD] = "table-head",
	[ROLE_TOC_TITLE] = "toc-title", [ROLE_TOC1] = "toc1",
	[ROLE_TOC2] = "toc2", [ROLE_TOC3] = "toc3",
	[ROLE_FOOTER] = "footer", [ROLE_SMALL] = "small",
	[ROLE_COVER_KIND] = "cover-kind", [ROLE_COVER_TITLE] = "cover-title",
	[ROLE_COVER_META] = "cover-meta",
	[ROLE_COVER_PUBLISHER] = "cover-publisher",
};

static const char *const color_names[COLOR__MAX] = {
	[COLOR_ACCENT] = "accent", [COLOR_RULE] = "rule",
	[COLOR_SHADE] = "shade", [COLOR_LINK] = "link",
	[COLOR_CUSTOMER] = "customer", [COLOR_CUSTOMER_EDGE] = "customer-edge",
	[COLOR_PROVIDER] = "provider", [COLOR_PROVIDER_EDGE] = "provider-edge",
	[COLOR_CHANGE] = "change",
};

double
wp_style_length(const char *s, double size)
{
	char	*end;
	double	 v;

	if (s == NULL)
		return 0;
	v = strtod(s, &end);
	if (end == s || v < 0)
		return -1;
	if (strcmp(end, "pt") == 0)
		return v;
	if (strcmp(end, "mm") == 0)
		return v * 72.0 / 25.4;
	if (strcmp(end, "em") == 0)
		return v * size;
	return -1;
}

/* An attribute's value, or NULL; the string lives until the next call. */
static const char *
attr(xmlNodePtr n, const char *name)
{
	static xmlChar	*v;

	xmlFree(v);
	v = xmlGetProp(n, (const xmlChar *)name);
	return (const char *)v;
}

static unsigned
color(const char *s)
{
	return s != NULL && s[0] == '#' ? (unsigned)strtoul(s + 1, NULL, 16) : 0;
}

static int
yes(const char *s)
{
	return s != NULL && strcmp(s, "yes") == 0;
}

/* The smallest and largest text wpgen sets: a size of 0 would make a
 * document of thousands of empty lines. */
#define MIN_SIZE	4.0
#define MAX_SIZE	72.0

/* Reads one <text>; returns 0, or -1 after reporting. */
static int
read_text(xmlNodePtr n, struct wp_text_style *t, const char *file)
{
	const char *a;

	t->line = xmlGetLineNo(n);
	t->family = wp_strdup(attr(n, "family"));
	t->weight = atoi(attr(n, "weight"));
	t->size = wp_style_length(attr(n, "size"), 0);
	if (t->size < MIN_SIZE || t->size > MAX_SIZE) {
		char what[128];
		snprintf(what, sizeof(what), "size=\"%s\" sets no readable "
		    "text (write a size from 4pt to 72pt)", attr(n, "size"));
		wp_msg(MSG_STYLE, file, t->line, what);
		return -1;
	}
	t->pitch = t->size * strtod(attr(n, "leading"), NULL);
	t->before = wp_style_length(attr(n, "before"), t->size);
	t->after = wp_style_length(attr(n, "after"), t->size);
	t->indent = wp_style_length(attr(n, "indent"), t->size);
	a = attr(n, "align");
	t->align = strcmp(a, "left") == 0 ? ALIGN_LEFT :
	    strcmp(a, "center") == 0 ? ALIGN_CENTER :
	    strcmp(a, "right") == 0 ? ALIGN_RIGHT : ALIGN_JUSTIFY;
	t->color = color(attr(n, "color"));
	return 0;
}

/* Reads every <text role>; returns 0, or -1 after reporting. */
static int
read_texts(struct wp_style *st, xmlNodePtr root, const char *file)
{
	xmlNodePtr	 n;
	int		 i, bad = 0;

	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(n->name, (const xmlChar *)"text"))
			continue;
		for (i = 0; i < ROLE__MAX; i++)
			if (strcmp(attr(n, "role"), role_names[i]) == 0)
				break;
		if (i == ROLE__MAX) {
			wp_msg(MSG_STYLE, file, xmlGetLineNo(n),
			    "unknown text role (see the roles listed in "
			    "templates/style/pdf.xml)");
			bad = 1;
		} else if (st->text[i].family != NULL) {
			wp_msg(MSG_STYLE, file, xmlGetLineNo(n),
			    "this text role is styled twice (keep one)");
			bad = 1;
		} else if (read_text(n, &st->text[i], file) == -1)
			bad = 1;
	}
	for (i = 0; i < ROLE__MAX; i++)
		if (st->text[i].family == NULL) {
			char msg[128];
			snprintf(msg, sizeof msg, "no <text role=\"%s\"> "
			    "(every role needs a style)", role_names[i]);
			wp_msg(MSG_STYLE, file, xmlGetLineNo(root), msg);
			bad = 1;
		}
	return bad ? -1 : 0;
}

/* The page, the running heads, pagination and the contents; returns 0,
 * or -1 after reporting. */
static int
read_page(struct wp_style *st, xmlNodePtr root, const char *file)
{
	double		 em = st->text[ROLE_BODY].size;
	xmlNodePtr	 n = wp_xml_child(root, "page");

	st->page_w = wp_style_length(attr(n, "width"), em);
	st->page_h = wp_style_length(attr(n, "height"), em);
	st->top = wp_style_length(attr(n, "top"), em);
	st->bottom = wp_style_length(attr(n, "bottom"), em);
	st->measure = em * atoi(attr(n, "measure"));
	st->left = (st->page_w - st->measure) / 2;
	if (st->left < 10 || st->top + st->bottom > st->page_h / 2) {
		wp_msg(MSG_STYLE, file, xmlGetLineNo(n), "the measure or the "
		    "margins leave no room on the page (make the measure "
		    "or the margins smaller)");
		return -1;
	}
	n = wp_xml_child(root, "footer");
	st->footer_offset = wp_style_length(attr(n, "offset"), em);
	st->footer_pattern = wp_strdup(attr(n, "pattern"));
	if ((n = wp_xml_child(root, "header")) != NULL) {
		st->header_offset = wp_style_length(attr(n, "offset"), em);
		st->header_pattern = wp_strdup(attr(n, "pattern"));
	}
	n = wp_xml_child(root, "pagination");
	st->section_new_page = yes(attr(n, "section-new-page"));
	st->chapter_new_page = yes(attr(n, "chapter-new-page"));
	st->keep_lines = atoi(attr(n, "keep-lines"));
	st->orphans = atoi(attr(n, "orphans"));
	st->widows = atoi(attr(n, "widows"));
	n = wp_xml_child(root, "toc");
	st->toc_depth = atoi(attr(n, "depth"));
	st->toc_indent = wp_style_length(attr(n, "indent"), em);
	st->toc_number_w = wp_style_length(attr(n, "number-width"), em);
	return 0;
}

/* How a part's attribute is written, and where it goes. */
enum kind {
	K_EM,		/* "0.35em": a factor of the part's text size */
	K_PT,		/* "1.2pt" or "3mm": points */
	K_FRACTION,	/* "20%" */
	K_COUNT		/* a whole number */
};

static const struct {
	const char	*element, *name;
	enum kind	 kind;
	size_t		 at;	/* the field's offset in struct wp_style */
} parts[] = {
#define F(f)	offsetof(struct wp_style, f)
	{ "headings", "number-gap", K_EM, F(number_gap) },
	{ "headings", "section-rule", K_PT, F(section_rule) },
	{ "headings", "section-rule-below", K_EM, F(section_rule_below) },
	{ "headings", "chapter-rule", K_PT, F(chapter_rule) },
	{ "headings", "chapter-rule-below", K_EM, F(chapter_rule_below) },
	{ "lists", "marker-gap", K_EM, F(marker_gap) },
	{ "lists", "bullet-column", K_EM, F(bullet_column) },
	{ "labels", "padding", K_EM, F(label_pad) },
	{ "tables", "padding", K_EM, F(cell_pad) },
	{ "tables", "padding-vertical", K_EM, F(cell_vpad) },
	{ "tables", "rule", K_PT, F(table_rule) },
	{ "cover", "title-at", K_FRACTION, F(cover_title_at) },
	{ "cover", "title-gap", K_PT, F(cover_title_gap) },
	{ "cover", "meta-at", K_FRACTION, F(cover_meta_at) },
	{ "cover", "publisher-lines", K_COUNT, F(cover_publisher_lines) },
	{ "cover", "bar", K_PT, F(cover_bar) },
	{ "colophon", "indent", K_EM, F(colophon_indent) },
	{ "colophon", "before", K_EM, F(colophon_before) },
	{ "colophon", "bar", K_PT, F(colophon_bar) },
	{ "figures", "width", K_FRACTION, F(figure_width) },
	{ "figures", "label-column", K_EM, F(figure_column) },
	{ "figures", "gap", K_PT, F(figure_gap) },
	{ "figures", "padding", K_PT, F(figure_pad) },
	{ "figures", "layer-padding", K_PT, F(figure_layer_pad) },
	{ "figures", "line", K_PT, F(figure_line) },
	{ "figures", "chips", K_COUNT, F(figure_chips) },
	{ "changes", "bar", K_PT, F(change_bar) },
	{ "changes", "gap", K_PT, F(change_gap) },
#undef F
};

/* The parts' look (the schema has checked how each is written). */
static void
read_parts(struct wp_style *st, xmlNodePtr root)
{
	size_t		 i;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		const char *v = attr(wp_xml_child(root, parts[i].element),
		    parts[i].name);
		void *at = (char *)st + parts[i].at;
		switch (parts[i].kind) {
		case K_EM:
			*(double *)at = wp_style_length(v, 1);
			break;
		case K_PT:
			*(double *)at = wp_style_length(v, 0);
			break;
		case K_FRACTION:
			*(double *)at = strtod(v, NULL) / 100;
			break;
		case K_COUNT:
			*(int *)at = atoi(v);
			break;
		}
	}
}

/* The colours; returns 0, or -1 after reporting one missing. */
static int
read_colors(struct wp_style *st, xmlNodePtr root, const char *file)
{
	xmlNodePtr	 n = wp_xml_child(root, "colors");
	int		 i;

	for (i = 0; i < COLOR__MAX; i++) {
		const char *v = attr(n, color_names[i]);
		if (v == NULL) {
			char msg[128];
			snprintf(msg, sizeof msg, "<colors> has no %s= "
			    "(give it as #RRGGBB)", color_names[i]);
			wp_msg(MSG_STYLE, file, xmlGetLineNo(n), msg);
			return -1;
		}
		st->colors[i] = color(v);
	}
	return 0;
}

struct wp_style *
wp_style_read(xmlDocPtr doc, const char *file)
{
	struct wp_style	*st = wp_calloc(1, sizeof(*st));
	xmlNodePtr	 root = xmlDocGetRootElement(doc), n;

	st->file = wp_strdup(file);
	if (read_texts(st, root, file) == -1 ||
	    read_page(st, root, file) == -1 ||
	    read_colors(st, root, file) == -1) {
		attr(NULL, NULL);
		wp_style_free(st);
		return NULL;
	}
	read_parts(st, root);
	n = wp_xml_child(root, "emphasis");
	st->em_family = wp_strdup(attr(n, "family"));
	st->em_line = xmlGetLineNo(n);
	n = wp_xml_child(root, "punctuation");
	st->fullwidth_punct = n == NULL ||
	    strcmp(attr(n, "full-width"), "yes") == 0;
	attr(NULL, NULL);
	return st;
}

struct wp_style *
wp_style_load(const char *templates)
{
	char		*path = wp_path(templates, "style/pdf.xml");
	char		*rng_path = wp_path(templates, "schema/style.rng");
	xmlDocPtr	 doc = wp_load_xml(path);
	xmlRelaxNGPtr	 rng = wp_xml_schema(rng_path);
	struct wp_style	*st = NULL;

	if (doc != NULL && rng != NULL &&
	    wp_xml_validate(rng, doc, MSG_SCHEMA) == 0)
		st = wp_style_read(doc, path);
	xmlRelaxNGFree(rng);
	xmlFreeDoc(doc);
	free(rng_path);
	free(path);
	return st;
}

void
wp_style_free(struct wp_style *st)
{
	int i;

	if (st == NULL)
		return;
	for (i = 0; i < ROLE__MAX; i++)
		free(st->text[i].family);
	free(st->footer_pattern);
	free(st->header_pattern);
	free(st->em_family);
	free(st->file);
	free(st);
}
