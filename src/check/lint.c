/*
 * lint: the services' texts compared with each other.  Each text (a
 * paragraph, list item or cell) is read from the content file as
 * characters, each with its source line, normalised so that only what a
 * reader would see as different stays different.  Then four passes look
 * for slips: names, links, phrases against the same clause elsewhere,
 * and words against the whole; each finding names the line of its
 * first character, and what one pass reported the next leave alone.
 * This file reads the services and runs the passes (lintint.h says who
 * does what).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlstring.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "check/lint.h"
#include "check/lintint.h"

#define WORK_MAX	2000000UL	/* comparisons; see lint_work() */

static int
is_list(xmlNodePtr n)
{
	return wp_xml_is(n, "ol") || wp_xml_is(n, "ul");
}

static void
add_link(struct lint *x, const struct lint_text *t, xmlNodePtr n, long line)
{
	xmlChar	*href = xmlGetProp(n, BAD_CAST "href");

	if (href == NULL)
		return;
	x->l = wp_grow(x->l, &x->lcap, x->nl, sizeof(*x->l));
	x->l[x->nl++] = (struct lint_link){ wp_strdup((char *)href), line,
	    t->svc, t->voter, t->file };
	xmlFree(href);
}

/*
 * Adds the inline content of n to t.  A text node's own line is where it
 * ends, so lines are counted from the block's start tag, and set again
 * at each element's start tag.
 */
static void
add_inline(struct lint *x, struct lint_text *t, xmlNodePtr n, long *line,
    int *space)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			lint_push_utf8(t, (const char *)c->content, line,
			    space);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || is_list(c))
			continue;	/* a nested list is a text of its own */
		if (xmlGetLineNo(c) > *line)
			*line = xmlGetLineNo(c);
		if (wp_xml_is(c, "name"))
			lint_push(t, LINT_CH_NAME, *line, space);
		else if (wp_xml_is(c, "xref"))
			lint_push(t, LINT_CH_XREF, *line, space);
		else if (wp_xml_is(c, "br"))
			lint_push(t, 0x2028, *line, space);
		else if (wp_xml_is(c, "link")) {
			add_link(x, t, c, *line);
			if (c->children == NULL)
				lint_push(t, LINT_CH_LINK, *line, space);
			else
				add_inline(x, t, c, line, space);
		} else
			add_inline(x, t, c, line, space);
	}
}

static struct lint_text *
new_text(struct lint *x, int svc, int voter, const char *file,
    const char *group)
{
	x->t = wp_grow(x->t, &x->tcap, x->nt, sizeof(*x->t));
	x->t[x->nt] = (struct lint_text){ .svc = svc, .voter = voter,
	    .file = file, .group = wp_strdup(group) };
	return &x->t[x->nt++];
}

/* Adds the texts of the blocks under n, nested lists included. */
static void
add_blocks(struct lint *x, xmlNodePtr n, int svc, int voter,
    const char *file, const char *group)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (wp_xml_is(c, "p") || wp_xml_is(c, "li") ||
		    wp_xml_is(c, "td") || wp_xml_is(c, "th") ||
		    wp_xml_is(c, "caption")) {
			struct lint_text	*t;
			long			 line = xmlGetLineNo(c);
			int			 space = 0;

			t = new_text(x, svc, voter, file, group);
			add_inline(x, t, c, &line, &space);
			if (wp_xml_is(c, "li"))
				add_blocks(x, c, svc, voter, file, group);
		} else if (is_list(c) || wp_xml_is(c, "table") ||
		    wp_xml_is(c, "tr"))
			add_blocks(x, c, svc, voter, file, group);
	}
}

/* The text content of n's first child element called name; caller frees. */
static char *
child_text(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (wp_xml_is(c, name)) {
			xmlChar *s = xmlNodeGetContent(c);
			char *r = wp_strdup(s != NULL ? (char *)s : "");
			xmlFree(s);
			return r;
		}
	return NULL;
}

/* Is the template's part with this key (or a section around it) changed? */
static int
changed(xmlNodePtr tpl, xmlNodePtr mine)
{
	for (; tpl != NULL && tpl->type == XML_ELEMENT_NODE;
	    tpl = tpl->parent) {
		xmlChar	*key = xmlGetProp(tpl, BAD_CAST "key");
		int	 hit = 0;

		for (xmlNodePtr c = mine ? mine->children : NULL; c && !hit;
		    c = c->next) {
			xmlChar *k = c->type == XML_ELEMENT_NODE ?
			    xmlGetProp(c, BAD_CAST "key") : NULL;
			hit = key != NULL && k != NULL && xmlStrEqual(k, key);
			xmlFree(k);
		}
		xmlFree(key);
		if (hit)
			return 1;
	}
	return 0;
}

/*
 * Adds the texts under each child of n called name that has the
 * attribute attr, in the group "<prefix><attr's value>".
 */
static void
add_keyed(struct lint *x, xmlNodePtr n, const char *name, const char *attr,
    const char *prefix, int svc, const char *file)
{
	char	 group[256];

	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		xmlChar	*key = xmlGetProp(c, BAD_CAST attr);

		if (wp_xml_is(c, name) && key != NULL) {
			snprintf(group, sizeof(group), "%s%s", prefix,
			    (char *)key);
			add_blocks(x, c, svc, 0, file, group);
		}
		xmlFree(key);
	}
}

/* The template's paragraphs that this service keeps, as voters. */
static void
add_defaults(struct lint *x, xmlNodePtr n, xmlNodePtr mine, int svc)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		xmlChar	*key;
		char	 group[256];

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!wp_xml_is(c, "p")) {
			add_defaults(x, c, mine, svc);
			continue;
		}
		key = xmlGetProp(c, BAD_CAST "key");
		if (key != NULL && !changed(c, mine)) {
			struct lint_text	*t;
			long			 line = xmlGetLineNo(c);
			int			 space = 0;

			snprintf(group, sizeof(group), "boilerplate part %s",
			    (char *)key);
			t = new_text(x, svc, 1, NULL, group);
			add_inline(x, t, c, &line, &space);
		}
		xmlFree(key);
	}
}

static void
add_name(struct lint *x, const char *s, int svc, int is_short, long at)
{
	struct lint_text	 t = { 0 };
	int			 space = 0;
	long			 line = 0;

	lint_push_utf8(&t, s, &line, &space);
	free(t.line);
	if (t.n == 0) {
		free(t.c);
		return;
	}
	x->nm = wp_grow(x->nm, &x->nmcap, x->nnm, sizeof(*x->nm));
	x->nm[x->nnm++] = (struct lint_name){ t.c, t.n, svc, is_short, s,
	    at };
}

/* The line of n's first child element called name, or 0. */
static long
child_line(xmlNodePtr n, const char *name)
{
	xmlNodePtr	 c = wp_xml_child(n, name);

	return c != NULL ? xmlGetLineNo(c) : 0;
}

/* Reads one service's texts, links and names. */
static void
add_service(struct lint *x, const struct wp_templates *tpl,
    const struct wp_service *s)
{
	xmlNodePtr	 root = xmlDocGetRootElement(s->service);
	xmlNodePtr	 mine = NULL;
	struct lint_svc	*v;
	int		 i = (int)x->nsvc;

	if (root == NULL)
		return;
	v = &x->svc[x->nsvc++];
	v->id = s->id;
	v->file = s->service_path;
	v->name = child_text(root, "name");
	v->short_name = child_text(root, "short-name");
	if (v->name != NULL)
		add_name(x, v->name, i, 0, child_line(root, "name"));
	if (v->short_name != NULL)
		add_name(x, v->short_name, i, 1, child_line(root,
		    "short-name"));
	for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
		if (wp_xml_is(c, "boilerplate")) {
			mine = c;
			add_keyed(x, c, "replace", "key",
			    "boilerplate part ", i, v->file);
		} else if (wp_xml_is(c, "overview")) {
			add_blocks(x, c, i, 0, v->file, "the overview");
			for (xmlNodePtr o = c->children; o; o = o->next)
				if (wp_xml_is(o, "responsibility"))
					add_blocks(x, o, i, 0, v->file,
					    "the responsibility section");
				else if (wp_xml_is(o, "documents"))
					add_blocks(x, o, i, 0, v->file,
					    "the documents section");
		} else if (wp_xml_is(c, "answers"))
			add_keyed(x, c, "answer", "control", "control ", i,
			    v->file);
	}
	if (tpl != NULL && tpl->boilerplate != NULL &&
	    xmlDocGetRootElement(tpl->boilerplate) != NULL)
		add_defaults(x, xmlDocGetRootElement(tpl->boilerplate), mine,
		    i);
}

/* ---- the whole -------------------------------------------------------- */

static int
finding_cmp(const void *a, const void *b)
{
	const struct wp_lint_finding *fa = a, *fb = b;
	int	 c = strcmp(fa->file, fb->file);

	if (c != 0)
		return c;
	if (fa->line != fb->line)
		return fa->line < fb->line ? -1 : 1;
	return strcmp(fa->text, fb->text);
}

/* Longest first, then by service: the same order on every system. */
static int
name_cmp(const void *a, const void *b)
{
	const struct lint_name *na = a, *nb = b;

	if (na->n != nb->n)
		return na->n > nb->n ? -1 : 1;
	if (na->svc != nb->svc)
		return na->svc < nb->svc ? -1 : 1;
	return na->is_short - nb->is_short;
}

/* Frees what a run gathered; the findings stay. */
static void
clear(struct lint *x)
{
	for (size_t i = 0; i < x->nt; i++) {
		free(x->t[i].c);
		free(x->t[i].line);
		free(x->t[i].group);
	}
	for (size_t i = 0; i < x->nl; i++)
		free(x->l[i].href);
	for (size_t i = 0; i < x->nnm; i++)
		free(x->nm[i].c);
	for (size_t i = 0; i < x->nsvc; i++) {
		free(x->svc[i].name);
		free(x->svc[i].short_name);
	}
	for (size_t i = 0; i < x->memocap; i++)
		free(x->memo[i].c);
	free(x->t);
	free(x->l);
	free(x->nm);
	free(x->memo);
	free(x->cl);
	free(x->svc);
	lint_known_free(x);
	lint_dict_free(x);
}

struct wp_lint *
wp_lint(const struct wp_templates *tpl, struct wp_service *const *svc,
    size_t n)
{
	struct lint	 x = { 0 };
	size_t		 k = 0;

	x.work = WORK_MAX;
	x.out = wp_calloc(1, sizeof(*x.out));
	x.svc = wp_calloc(n, sizeof(*x.svc));
	for (size_t i = 0; i < n; i++)
		if (svc[i] != NULL && svc[i]->service != NULL)
			add_service(&x, tpl, svc[i]);
	if (tpl != NULL)
		lint_add_known(&x, tpl->names);
	/* longest first: a name inside a longer one is that one */
	if (x.nnm > 1)
		qsort(x.nm, x.nnm, sizeof(*x.nm), name_cmp);
	lint_pass_names(&x);
	lint_pass_links(&x);
	lint_pass_doubled(&x);
	lint_pass_phrases(&x);
	x.work = WORK_MAX;
	lint_pass_frames(&x);
	x.work = WORK_MAX;
	lint_pass_words(&x);

	if (x.out->n > 1)
		qsort(x.out->v, x.out->n, sizeof(*x.out->v), finding_cmp);
	for (size_t i = 0; i < x.out->n; i++) {	/* one finding said once */
		struct wp_lint_finding *f = &x.out->v[i];
		if (k > 0 && finding_cmp(f, &x.out->v[k - 1]) == 0) {
			free(f->file);
			free(f->text);
		} else
			x.out->v[k++] = *f;
	}
	x.out->n = k;
	clear(&x);
	return x.out;
}

void
wp_lint_free(struct wp_lint *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].file);
		free(l->v[i].text);
	}
	free(l->v);
	free(l);
}
