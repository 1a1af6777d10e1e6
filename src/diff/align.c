/*
 * align: each model read into lists of comparable items, the lists of
 * the two aligned by key, never by position, into the entries that
 * differ.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/alloc.h"
#include "input/xml.h"
#include "model/model.h"
#include "model/text.h"
#include "diff/items.h"

/* Whether an element of the model is an item of list l. */
static int
of_list(const xmlNode *n, enum list l)
{
	const xmlNode	*p = n->parent;

	switch (l) {
	case L_META:		/* but version-label, which says version */
		return wp_xml_is(p, "meta") && !wp_xml_is(n, "version-label");
	case L_HISTORY:
		return wp_xml_is(n, "revision") && wp_xml_is(p, "history");
	case L_FRONT:
		return wp_xml_is(n, "section") || wp_xml_is(n, "figure");
	case L_CLAUSES:
		return wp_xml_is(n, "clause") && wp_xml_is(p, "chapter");
	default:
		return 0;
	}
}

/* How an item's text is read: a link's address shown where its text
 * differs, emphasis marked; written, a cross-reference by its control
 * number (and, for the digests, as it always was: no emphasis). */
#define READ	(WP_TEXT_HREF | WP_TEXT_EM)
#define KEYS	(READ | WP_TEXT_NOMARKER)
#define WRITTEN	(WP_TEXT_HREF | WP_TEXT_WRITTEN)
#define MARKED	(WRITTEN | WP_TEXT_EM)

FILE *
diff_str_open(struct diff_str *b)
{
	b->s = NULL;
	if ((b->f = open_memstream(&b->s, &b->len)) == NULL)
		wp_oom();
	return b->f;
}

char *
diff_str_close(struct diff_str *b)
{
	if (fclose(b->f) != 0)
		wp_oom();
	return b->s;
}

static char *
dup_attr(const xmlNode *n, const char *name)
{
	const char	*v = wp_attr(n, name);

	return v != NULL ? wp_strdup(v) : NULL;
}

/* A revision: its date, a line a change, then the remark. */
static void
revision(FILE *f, const xmlNode *rev, unsigned flags)
{
	const xmlNode	*n;

	for (n = rev->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "date") || wp_xml_is(n, "change") ||
		    wp_xml_is(n, "remark")) {
			wp_text_inline(f, n, flags);
			fputc('\n', f);
		}
}

static char *
flatten(const struct item *it, unsigned flags)
{
	struct diff_str	 b;
	FILE		*f = diff_str_open(&b);
	char		*s;

	switch (it->list) {
	case L_META:
		s = wp_text_all(it->node);
		fputs(s, f);
		free(s);
		break;
	case L_HISTORY:
		revision(f, it->node, flags);
		break;
	case L_FRONT:
		if (wp_xml_is(it->node, "figure"))
			wp_text_figure(f, it->node);
		else
			wp_text_blocks(f, it->node, flags, 0);
		break;
	case L_CLAUSES:
		wp_text_blocks(f, it->node, flags, 0);
		break;
	default:
		break;
	}
	return diff_str_close(&b);
}

/* A figure's heading: its label and caption, "図1. 責任分界点". */
static char *
figure_title(const xmlNode *fig)
{
	return g_strdup_printf("%s%s",
	    wp_text_only(wp_xml_child(fig, "label")),
	    wp_text_only(wp_xml_child(fig, "caption")));
}

static void
item_read(struct item *it, enum list l, const xmlNode *n)
{
	it->list = l;
	it->node = n;
	switch (l) {
	case L_META:
		it->kind = "meta";
		it->key = wp_strdup((const char *)n->name);
		break;
	case L_HISTORY:
		it->kind = "revision";
		it->key = dup_attr(n, "version");
		break;
	case L_FRONT:
		it->key = dup_attr(n, "id");
		if (wp_xml_is(n, "figure")) {
			it->kind = "figure";
			it->number = dup_attr(n, "number");
			it->title = figure_title(n);
		} else {
			it->kind = "section";
			it->title = dup_attr(n, "title");
		}
		break;
	case L_CLAUSES:
		it->kind = "clause";
		it->key = dup_attr(n, "control");
		it->number = dup_attr(n, "number");
		it->title = dup_attr(n, "title");
		break;
	default:
		break;
	}
	if (it->key == NULL)
		it->key = wp_strdup("");
	it->text = flatten(it, READ);
	it->keys = flatten(it, KEYS);
	it->written = flatten(it, WRITTEN);
	it->marked = flatten(it, MARKED);
}

static void
items_read(struct items *v, enum list l, const xmlDoc *doc)
{
	const xmlNode	*top = xmlDocGetRootElement(doc), *n;
	size_t		 cap = 0;

	v->v = NULL;
	v->n = 0;
	for (n = top; n != NULL; n = wp_model_next(top, n))
		if (of_list(n, l)) {
			v->v = wp_grow(v->v, &cap, v->n, sizeof(*v->v));
			memset(&v->v[v->n], 0, sizeof(*v->v));
			item_read(&v->v[v->n++], l, n);
		}
}

static void
items_free(struct items *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].key);
		free(v->v[i].number);
		g_free(v->v[i].title);
		free(v->v[i].text);
		free(v->v[i].keys);
		free(v->v[i].written);
		free(v->v[i].marked);
	}
	free(v->v);
}

void
wp_diff_parts(xmlDocPtr model, void (*fn)(void *, const char *, const char *,
    const char *, const char *), void *arg)
{
	struct items	 v;

	for (int l = 0; l < L__MAX; l++) {
		items_read(&v, l, model);
		for (size_t i = 0; i < v.n; i++) {
			const struct item *it = &v.v[i];
			GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
			/* the title, a line, then the text */
			if (it->title != NULL)
				g_checksum_update(c, (const guchar *)it->title,
				    (gssize)strlen(it->title));
			g_checksum_update(c, (const guchar *)"\n", 1);
			g_checksum_update(c, (const guchar *)it->written,
			    (gssize)strlen(it->written));
			fn(arg, it->kind, it->key, it->title,
			    g_checksum_get_string(c));
			g_checksum_free(c);
		}
		items_free(&v);
	}
}

/* ---- comparing -------------------------------------------------------- */

char **
diff_lines(char *s, size_t *n)
{
	size_t	 cap = 0;
	char	**v = NULL, *nl;

	*n = 0;
	while (*s != '\0') {
		v = wp_grow(v, &cap, *n, sizeof(*v));
		v[(*n)++] = s;
		if ((nl = strchr(s, '\n')) == NULL)
			break;
		*nl = '\0';
		s = nl + 1;
	}
	return v;
}

long
diff_find(const struct items *v, const char *key)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i].key, key) == 0)
			return (long)i;
	return -1;
}

static int
same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static struct wp_chardiff *
chardiff(const char *a, const char *b)
{
	a = a != NULL ? a : "";
	b = b != NULL ? b : "";
	return wp_chardiff(a, strlen(a), b, strlen(b), 0);
}

/* Adds an entry for old and new (either NULL) if they differ. */
static void
add(struct wp_diff *d, const struct item *old, const struct item *new)
{
	struct entry	 e = { old, new, 0, NULL, NULL };

	if (old == NULL)
		e.what = WP_DIFF_ADDED;
	else if (new == NULL)
		e.what = WP_DIFF_REMOVED;
	else {
		if (!same(old->number, new->number))
			e.what |= WP_DIFF_RENUMBERED;
		if (!same(old->title, new->title)) {
			e.what |= WP_DIFF_RETITLED;
			e.title = chardiff(old->title, new->title);
		}
		if (strcmp(old->marked, new->marked) != 0)
			e.what |= WP_DIFF_CHANGED;
		else if (strcmp(old->text, new->text) != 0)
			e.what |= WP_DIFF_REFS;
		if (e.what & (WP_DIFF_CHANGED | WP_DIFF_REFS))
			e.text = chardiff(old->text, new->text);
	}
	if (e.what != 0)
		d->e[d->n++] = e;
}

/* Reports the items of old from *r up to limit that new has not. */
static void
removed(struct wp_diff *d, const struct items *old, const struct items *new,
    size_t *r, size_t limit)
{
	for (; *r < limit; (*r)++)
		if (diff_find(new, old->v[*r].key) < 0)
			add(d, &old->v[*r], NULL);
}

/*
 * Pairs the items of old and new by key.  Entries follow new's order;
 * an item only old has comes where it stood, before what new added in
 * its place (as diff(1) puts deletions first).
 */
static void
align(struct wp_diff *d, const struct items *old, const struct items *new)
{
	size_t	 r = 0, j, next;
	long	 k = -1;

	for (j = 0; j < new->n; j++) {
		/* The next item both have: removals before it go first. */
		for (next = j; next < new->n &&
		    (k = diff_find(old, new->v[next].key)) < 0; next++)
			;
		removed(d, old, new, &r, next < new->n ? (size_t)k : old->n);
		for (; j < next; j++)
			add(d, NULL, &new->v[j]);
		if (j < new->n)
			add(d, &old->v[k], &new->v[j]);
	}
	removed(d, old, new, &r, old->n);
}

struct wp_diff *
wp_diff_new(xmlDocPtr old, xmlDocPtr new)
{
	struct wp_diff	*d = wp_calloc(1, sizeof(*d));
	size_t		 most = 0;

	for (int l = 0; l < L__MAX; l++) {
		items_read(&d->old[l], l, old);
		items_read(&d->new[l], l, new);
		most += d->old[l].n + d->new[l].n;
	}
	d->e = wp_calloc(most, sizeof(*d->e));
	for (int l = 0; l < L__MAX; l++)
		align(d, &d->old[l], &d->new[l]);
	return d;
}

void
wp_diff_free(struct wp_diff *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n; i++) {
		wp_chardiff_free(d->e[i].title);
		wp_chardiff_free(d->e[i].text);
	}
	free(d->e);
	for (int l = 0; l < L__MAX; l++) {
		items_free(&d->old[l]);
		items_free(&d->new[l]);
	}
	free(d);
}

int
wp_diff_differs(const struct wp_diff *d)
{
	return d->n > 0;
}

const struct item *
diff_either(const struct entry *e)
{
	return e->new != NULL ? e->new : e->old;
}

const struct entry *
diff_clause_entry(const struct wp_diff *d, const char *control)
{
	for (size_t i = 0; i < d->n; i++)
		if (diff_either(&d->e[i])->list == L_CLAUSES &&
		    strcmp(diff_either(&d->e[i])->key, control) == 0)
			return &d->e[i];
	return NULL;
}

unsigned
wp_diff_clause(const struct wp_diff *d, const char *control)
{
	const struct entry	*e = diff_clause_entry(d, control);

	return e != NULL ? e->what : 0;
}

/* ---- describing an entry ---------------------------------------------- */

/* The entry's heading: " (2.1 情報セキュリティの役割及び責任)". */
void
diff_heading(FILE *f, const struct item *it)
{
	if (it->title == NULL)
		return;
	if (it->list == L_CLAUSES && it->number != NULL)
		fprintf(f, " (%s %s)", it->number, it->title);
	else
		fprintf(f, " (%s)", it->title);
}

void
diff_facts(FILE *f, const struct entry *e)
{
	const char	*sep = "";

	if (e->what & WP_DIFF_ADDED) {
		fputs("added", f);
		sep = ", ";
	}
	if (e->what & WP_DIFF_REMOVED) {
		fputs("removed", f);
		sep = ", ";
	}
	if (e->what & WP_DIFF_RENUMBERED) {
		fprintf(f, "%srenumbered from %s", sep, e->old->number);
		sep = ", ";
	}
	if (e->what & WP_DIFF_RETITLED) {
		fprintf(f, "%sretitled", sep);
		sep = ", ";
	}
	if (e->what & WP_DIFF_CHANGED)
		fprintf(f, "%schanged", sep);
	if (e->what & WP_DIFF_REFS)
		fprintf(f, "%sreferences updated", sep);
}


/* ---- renumbering -------------------------------------------------------- */

/* A clause number's chapter and place: "5.3" gives 5 and 3. */
static int
number_parts(const char *num, long *ch, long *at)
{
	char	*end;

	if (num == NULL)
		return -1;
	*ch = strtol(num, &end, 10);
	if (*end != '.')
		return -1;
	*at = strtol(end + 1, &end, 10);
	return *end == '\0' ? 0 : -1;
}

/* A clause renumbered, and changed no otherwise than also allows. */
static int
renumbered(const struct entry *e, unsigned also)
{
	return (e->what & WP_DIFF_RENUMBERED) &&
	    (e->what & ~(WP_DIFF_RENUMBERED | also)) == 0 &&
	    e->new->list == L_CLAUSES;
}

/* Whether number b comes right after a in its chapter. */
static int
next_number(const char *a, const char *b)
{
	long	 ca, pa, cb, pb;

	return number_parts(a, &ca, &pa) == 0 &&
	    number_parts(b, &cb, &pb) == 0 && ca == cb && pb == pa + 1;
}

size_t
diff_renumber_run(const struct wp_diff *d, size_t i, unsigned also)
{
	size_t	 j;

	if (i >= d->n || !renumbered(&d->e[i], also))
		return 0;
	for (j = i + 1; j < d->n && renumbered(&d->e[j], also) &&
	    next_number(d->e[j - 1].old->number, d->e[j].old->number) &&
	    next_number(d->e[j - 1].new->number, d->e[j].new->number); j++)
		continue;
	return j - i;
}

void
diff_renumbered(FILE *f, const struct wp_diff *d, size_t i, size_t n)
{
	const struct entry	*a = &d->e[i], *z = &d->e[i + n - 1];

	if (n == 1)
		fprintf(f, "%s \xe2\x86\x92 %s", a->old->number,
		    a->new->number);
	else
		fprintf(f, "%s\xe2\x80\x93%s \xe2\x86\x92 %s\xe2\x80\x93%s",
		    a->old->number, z->old->number, a->new->number,
		    z->new->number);
}
