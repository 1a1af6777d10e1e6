/*
 * redline: the reviewer's copy, a copy of the new model marked with
 * what changed since the old one, in the model's own terms
 * (templates/schema/document.rng: "Changes").  Clauses are paired by
 * control number, chapters by clause, sections by id; blocks, list
 * items and table rows by what they say (seq.c), so that a paragraph
 * added, removed or changed is each told apart; a changed block's
 * inline content is marked by marks.c.  What the old version had and
 * the new has not is kept where it stood, marked removed, its text
 * deleted; what the new one added is marked added, its text inserted.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/alloc.h"
#include "diff/items.h"
#include "diff/review.h"
#include "input/xml.h"
#include "model/model.h"
#include "model/text.h"

/* A redline being made. */
struct rl {
	xmlDocPtr	 doc;		/* the copy of NEW, being marked */
	const xmlNode	*words;		/* the settings' root */
	size_t		 marks;		/* what was marked */
};

/* How a block is compared: its text as read, emphasis and addresses
 * shown, a list without its markers (which follow the items). */
#define KEYS	(WP_TEXT_HREF | WP_TEXT_EM | WP_TEXT_NOMARKER)

static void	 blocks(struct rl *, xmlNodePtr, const xmlNode *, xmlNodePtr);

static int
is_block(const xmlNode *n)
{
	static const char *const names[] = { "p", "variant", "ol", "ul",
	    "table", "figure", "section" };

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (wp_xml_is(n, names[i]))
			return 1;
	return 0;
}

/* The children of parent that pass is(), in order; *n how many. */
static const xmlNode **
children(const xmlNode *parent, int (*is)(const xmlNode *), size_t *n)
{
	const xmlNode	**v = NULL;
	size_t		 cap = 0;

	*n = 0;
	for (const xmlNode *c = parent->children; c != NULL; c = c->next)
		if (is(c)) {
			v = wp_grow(v, &cap, *n, sizeof(*v));
			v[(*n)++] = c;
		}
	return v;
}

/* What a block says, with its kind: what blocks are paired by.  A
 * section or figure is itself by its id, whatever it holds. */
static char *
key_of(const xmlNode *b)
{
	struct diff_str	 s;
	FILE		*f = diff_str_open(&s);

	fprintf(f, "%s\x1f", (const char *)b->name);
	if (wp_xml_is(b, "section") || wp_xml_is(b, "figure"))
		fputs(wp_attr(b, "id") != NULL ? wp_attr(b, "id") : "", f);
	else if (wp_xml_is(b, "variant"))
		wp_text_blocks(f, b, KEYS, 0);
	else if (wp_xml_is(b, "li")) {
		wp_text_inline(f, b, KEYS);
		fputc('\n', f);
		wp_text_blocks(f, b, KEYS, 1);
	} else if (wp_xml_is(b, "tr") || wp_xml_is(b, "caption"))
		wp_text_inline(f, b, KEYS);
	else
		wp_text_block(f, b, KEYS, 0);
	return diff_str_close(&s);
}

/* Pairs two rows of elements by key_of() (diff_seq()); frees nothing it
 * is given.  Returns the pairs' count, *p the pairs. */
static size_t
pair(const xmlNode **a, size_t na, const xmlNode **b, size_t nb,
    struct diff_pair **p)
{
	char	**ka = wp_calloc(na + 1, sizeof(*ka));
	char	**kb = wp_calloc(nb + 1, sizeof(*kb));
	size_t	 n, i;

	for (i = 0; i < na; i++)
		ka[i] = key_of(a[i]);
	for (i = 0; i < nb; i++)
		kb[i] = key_of(b[i]);
	n = diff_seq((const char *const *)ka, na, (const char *const *)kb, nb,
	    p);
	for (i = 0; i < na; i++)
		free(ka[i]);
	for (i = 0; i < nb; i++)
		free(kb[i]);
	free(ka);
	free(kb);
	return n;
}

/* ---- added and removed -------------------------------------------------- */

/* Elements whose inline content is text a reader reads. */
static int
holds_text(const xmlNode *n)
{
	return wp_xml_is(n, "p") || wp_xml_is(n, "li") || wp_xml_is(n, "th") ||
	    wp_xml_is(n, "td") || wp_xml_is(n, "caption") ||
	    wp_xml_is(n, "change") || wp_xml_is(n, "remark");
}

/* Marks n, the clauses in it, and every text under it, added ("ins")
 * or removed ("del"). */
static void
whole(struct rl *rl, xmlNodePtr n, const char *mark)
{
	const char	*what = mark[0] == 'i' ? "added" : "removed";
	xmlNodePtr	 c;

	xmlSetProp(n, BAD_CAST "change", BAD_CAST what);
	for (c = n; c != NULL; c = wp_model_next(n, c))
		if (holds_text(c))
			rl_wrap(c, mark);
		else if (wp_xml_is(c, "clause"))
			xmlSetProp(c, BAD_CAST "change", BAD_CAST what);
	rl->marks++;
}

static void
added(struct rl *rl, xmlNodePtr n)
{
	whole(rl, n, "ins");
}

/*
 * What the old version had and the new has not, copied into parent
 * after prev (NULL: before parent's first child that first() accepts,
 * else at its end) and marked removed; returns the copy.
 */
static xmlNodePtr
removed(struct rl *rl, xmlNodePtr parent, xmlNodePtr prev, const xmlNode *old,
    int (*first)(const xmlNode *))
{
	xmlNodePtr	 c = xmlDocCopyNode((xmlNodePtr)old, rl->doc, 1), at;

	whole(rl, c, "del");
	if (prev != NULL)
		return xmlAddNextSibling(prev, c);
	for (at = parent->children; at != NULL && !first(at); at = at->next)
		continue;
	return at != NULL ? xmlAddPrevSibling(at, c) : xmlAddChild(parent, c);
}

/* ---- changed blocks ----------------------------------------------------- */

static int
is_li(const xmlNode *n)
{
	return wp_xml_is(n, "li");
}

static int
is_list(const xmlNode *n)
{
	return wp_xml_is(n, "ol") || wp_xml_is(n, "ul");
}

static int
is_row(const xmlNode *n)
{
	return wp_xml_is(n, "tr");
}

static int
is_cell(const xmlNode *n)
{
	return wp_xml_is(n, "th") || wp_xml_is(n, "td");
}

static void
inline_marks(struct rl *rl, xmlNodePtr n, const xmlNode *o)
{
	if (rl_mark_inline(n, o) > 0)
		rl->marks++;
}

static void	 items(struct rl *, xmlNodePtr, const xmlNode *);

/* A list item: its text, then the list it holds. */
static void
item(struct rl *rl, xmlNodePtr n, const xmlNode *o)
{
	xmlNodePtr	 nl = NULL;
	const xmlNode	*ol = NULL;

	inline_marks(rl, n, o);
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		nl = is_list(c) ? c : nl;
	for (const xmlNode *c = o->children; c != NULL; c = c->next)
		ol = is_list(c) ? c : ol;
	if (nl != NULL && ol != NULL && xmlStrEqual(nl->name, ol->name))
		items(rl, nl, ol);
	else {
		if (ol != NULL)
			removed(rl, n, NULL, ol, is_list);
		if (nl != NULL)
			added(rl, nl);
	}
}

/*
 * A list's items, paired by what they say: an item removed is one
 * item, kept where it stood with the marker it had; an item whose
 * marker moved keeps its old one in was.
 */
static void
items(struct rl *rl, xmlNodePtr nl, const xmlNode *ol)
{
	size_t			 na, nb, n;
	const xmlNode		**a = children(ol, is_li, &na);
	const xmlNode		**b = children(nl, is_li, &nb);
	struct diff_pair	*p;
	xmlNodePtr		 prev = NULL;

	n = pair(a, na, b, nb, &p);
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr nb_ = p[i].b >= 0 ? (xmlNodePtr)b[p[i].b] : NULL;
		if (p[i].b < 0) {
			prev = removed(rl, nl, prev, a[p[i].a], is_li);
			continue;
		}
		if (p[i].a < 0)
			added(rl, nb_);
		else {
			const char *was = wp_attr(a[p[i].a], "marker");
			if (was != NULL && wp_attr(nb_, "marker") != NULL &&
			    strcmp(was, wp_attr(nb_, "marker")) != 0)
				xmlSetProp(nb_, BAD_CAST "was", BAD_CAST was);
			if (!p[i].same)
				item(rl, nb_, a[p[i].a]);
		}
		prev = nb_;
	}
	free(p);
	free(a);
	free(b);
}

/* A table: its caption, then its rows paired by what they say; a row
 * with as many cells as before is marked cell by cell. */
static void
table(struct rl *rl, xmlNodePtr nt, const xmlNode *ot)
{
	xmlNodePtr		 nc = wp_xml_child(nt, "caption"), prev = nc;
	const xmlNode		*oc = wp_xml_child(ot, "caption");
	size_t			 na, nb, n, ca, cb;
	const xmlNode		**a = children(ot, is_row, &na);
	const xmlNode		**b = children(nt, is_row, &nb);
	struct diff_pair	*p;

	if (nc != NULL && oc != NULL)
		inline_marks(rl, nc, oc);
	else if (nc != NULL)
		added(rl, nc);
	else if (oc != NULL)
		prev = removed(rl, nt, NULL, oc, is_row);
	n = pair(a, na, b, nb, &p);
	for (size_t i = 0; i < n; i++) {
		const xmlNode **x, **y;
		if (p[i].b < 0) {
			prev = removed(rl, nt, prev, a[p[i].a], is_row);
			continue;
		}
		prev = (xmlNodePtr)b[p[i].b];
		if (p[i].a < 0) {
			added(rl, prev);
			continue;
		}
		if (p[i].same)
			continue;
		x = children(a[p[i].a], is_cell, &ca);
		y = children(prev, is_cell, &cb);
		if (ca == cb)
			for (size_t k = 0; k < ca; k++)
				inline_marks(rl, (xmlNodePtr)y[k], x[k]);
		else {
			removed(rl, nt, (xmlNodePtr)b[p[i].b]->prev, a[p[i].a],
			    is_row);
			added(rl, prev);
		}
		free(x);
		free(y);
	}
	free(p);
	free(a);
	free(b);
}

/* A heading's title that changed: the old one kept in was-title. */
static void
retitled(struct rl *rl, xmlNodePtr n, const xmlNode *o)
{
	const char	*a = wp_attr(o, "title"), *b = wp_attr(n, "title");

	if (a != NULL && b != NULL && strcmp(a, b) != 0) {
		xmlSetProp(n, BAD_CAST "was-title", BAD_CAST a);
		rl->marks++;
	}
}

/* Two blocks of one kind that say otherwise. */
static void
changed(struct rl *rl, xmlNodePtr n, const xmlNode *o)
{
	if (wp_xml_is(n, "p"))
		inline_marks(rl, n, o);
	else if (wp_xml_is(n, "variant")) {
		xmlNodePtr np = wp_xml_child(n, "p");
		const xmlNode *op = wp_xml_child(o, "p");
		if (np != NULL && op != NULL)
			inline_marks(rl, np, op);
	} else if (is_list(n))
		items(rl, n, o);
	else if (wp_xml_is(n, "table"))
		table(rl, n, o);
	else if (wp_xml_is(n, "section")) {
		retitled(rl, n, o);
		blocks(rl, n, o, NULL);
	}
}

/*
 * The blocks of two versions of a part (a clause, a section), paired by
 * what they say; what the old had alone is kept after prev (the first
 * after the control line in a clause; NULL: before the first block).
 */
static void
blocks(struct rl *rl, xmlNodePtr np, const xmlNode *op, xmlNodePtr prev)
{
	size_t			 na, nb, n;
	const xmlNode		**a = children(op, is_block, &na);
	const xmlNode		**b = children(np, is_block, &nb);
	struct diff_pair	*p;

	n = pair(a, na, b, nb, &p);
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr x = p[i].b >= 0 ? (xmlNodePtr)b[p[i].b] : NULL;
		if (x == NULL)
			prev = removed(rl, np, prev, a[p[i].a], is_block);
		else if (p[i].a < 0)
			added(rl, x);
		else if (!xmlStrEqual(x->name, a[p[i].a]->name)) {
			removed(rl, np, prev, a[p[i].a], is_block);
			added(rl, x);
		} else if (!p[i].same || wp_xml_is(x, "section"))
			changed(rl, x, a[p[i].a]);
		if (x != NULL)
			prev = x;
	}
	free(p);
	free(a);
	free(b);
}

/* ---- clauses, chapters, sections ---------------------------------------- */

static void
clause(struct rl *rl, xmlNodePtr n, const xmlNode *o)
{
	const char	*was = wp_attr(o, "number");

	if (was != NULL && strcmp(was, wp_attr(n, "number")) != 0)
		xmlSetProp(n, BAD_CAST "was", BAD_CAST was);
	retitled(rl, n, o);
	blocks(rl, n, o, wp_xml_child(n, "control-line"));
}

/* A clause or chapter added or removed whole: its tag beside its
 * heading (「［追加］」), from the settings. */
static void
tag(struct rl *rl, xmlNodePtr n)
{
	const char	*ch = wp_attr(n, "change");
	char		*w;

	if (ch == NULL || !(wp_xml_is(n, "clause") || wp_xml_is(n, "chapter")))
		return;
	w = rl_words(rl->words, strcmp(ch, "added") == 0 ?
	    "changes-added" : "changes-removed", NULL, NULL);
	xmlSetProp(n, BAD_CAST "mark", BAD_CAST w);
	g_free(w);
}

struct keyed {
	const char	*name, *key;	/* the children paired, by what */
	void		(*both)(struct rl *, xmlNodePtr, const xmlNode *);
};

static const xmlNode	*key_find(const xmlNode *, const struct keyed *,
			    const char *);

static int
named(const xmlNode *n, const struct keyed *k)
{
	return wp_xml_is(n, k->name);
}

/*
 * The children of np and op named k->name, paired by their k->key
 * attribute (k->both for each pair).  What the old had alone is kept
 * before the next it shared with the new, in the old order, or after
 * the new's last.
 */
static void
keyed(struct rl *rl, xmlNodePtr np, const xmlNode *op, const struct keyed *k)
{
	xmlNodePtr	 last = NULL, c;

	for (c = np->children; c != NULL; c = c->next)
		if (named(c, k)) {
			const xmlNode *o = key_find(op, k, wp_attr(c, k->key));
			last = c;
			if (o != NULL)
				k->both(rl, c, o);
			else
				added(rl, c);
		}
	for (const xmlNode *o = op->children; o != NULL; o = o->next) {
		const xmlNode *next;
		xmlNodePtr at = NULL, copy;
		if (!named(o, k) || key_find(np, k, wp_attr(o, k->key)) != NULL)
			continue;
		for (next = o->next; next != NULL && at == NULL;
		    next = next->next)
			if (named(next, k))
				at = (xmlNodePtr)key_find(np, k,
				    wp_attr(next, k->key));
		copy = xmlDocCopyNode((xmlNodePtr)o, rl->doc, 1);
		whole(rl, copy, "del");
		if (at != NULL)
			xmlAddPrevSibling(at, copy);
		else if (last != NULL)
			last = xmlAddNextSibling(last, copy);
		else
			xmlAddChild(np, copy);
	}
}

static const xmlNode *
key_find(const xmlNode *parent, const struct keyed *k, const char *v)
{
	for (const xmlNode *c = parent->children; v != NULL && c != NULL;
	    c = c->next)
		if (named(c, k) && wp_attr(c, k->key) != NULL &&
		    strcmp(wp_attr(c, k->key), v) == 0)
			return c;
	return NULL;
}

static const struct keyed clauses_k = { "clause", "control", clause };

static void
chapter(struct rl *rl, xmlNodePtr n, const xmlNode *o)
{
	keyed(rl, n, o, &clauses_k);
}

static void
section(struct rl *rl, xmlNodePtr n, const xmlNode *o)
{
	retitled(rl, n, o);
	blocks(rl, n, o, NULL);
}

static const struct keyed chapters_k = { "chapter", "clause", chapter };
static const struct keyed sections_k = { "section", "id", section };

/* The history: the revisions the new version added, their rows
 * inserted. */
static void
history(struct rl *rl, xmlNodePtr nh, const xmlNode *oh)
{
	for (xmlNodePtr r = nh->children; r != NULL; r = r->next)
		if (wp_xml_is(r, "revision") && (oh == NULL ||
		    key_find(oh, &(struct keyed){ "revision", "version",
		    NULL }, wp_attr(r, "version")) == NULL))
			added(rl, r);
}

/* ---- the document ------------------------------------------------------- */

/* What the old version is called in the legend: 「第 1.6 版（2023/10/19）」,
 * or the revision it was read at when it has no version. */
static char *
since_words(const xmlDoc *old, const char *since)
{
	const char	*label = wp_model_meta(old, "version-label");
	const xmlNode	*date = wp_model_meta_node(old, "date");

	if (label == NULL)
		return g_strdup(since);
	if (date == NULL)
		return g_strdup(label);
	return g_strdup_printf("%s（%s）", label, wp_text_only(date));
}

/* A paragraph of the legend. */
static xmlNodePtr
legend_p(xmlNodePtr lg, const char *text)
{
	return xmlNewTextChild(lg, NULL, BAD_CAST "p", BAD_CAST text);
}

/* The clauses renumbered, said once: 「5.1–5.8 → 5.2–5.9、9.1 → 9.2」;
 * NULL when none was. */
static char *
renumbered(const struct wp_diff *d)
{
	struct diff_str	 s;
	FILE		*f = diff_str_open(&s);
	size_t		 run, said = 0;

	for (size_t i = 0; i < d->n; i += run > 0 ? run : 1)
		if ((run = diff_renumber_run(d, i, ~0u)) > 0) {
			if (said++ > 0)
				fputs("、", f);
			diff_renumbered(f, d, i, run);
		}
	diff_str_close(&s);
	if (said == 0) {
		free(s.s);
		return NULL;
	}
	return s.s;
}

/*
 * The legend, first in the document (after the cover): since when, what
 * each mark means (the settings' changes-legend), and the clauses
 * renumbered.
 */
static void
legend(struct rl *rl, xmlNodePtr root, const xmlDoc *old,
    const struct wp_diff *d, const char *since)
{
	xmlNodePtr	 lg = xmlNewDocNode(rl->doc, NULL, BAD_CAST "legend", NULL);
	xmlNodePtr	 at = wp_xml_child(root, "cover");
	const xmlNode	*lines = rl_setting(rl->words, "changes-legend");
	char		*w = rl_words(rl->words, "changes-title", NULL, NULL);
	char		*sw = since_words(old, since), *ranges;

	xmlSetProp(lg, BAD_CAST "title", BAD_CAST w);
	g_free(w);
	w = rl_words(rl->words, "changes-since", "since", sw);
	legend_p(lg, w);
	g_free(w);
	g_free(sw);
	for (const xmlNode *l = lines != NULL ? lines->children : NULL; l;
	    l = l->next)
		if (wp_xml_is(l, "line")) {
			xmlNodePtr p = legend_p(lg, NULL);
			xmlAddChildList(p, xmlDocCopyNodeList(rl->doc,
			    l->children));
		}
	if ((ranges = renumbered(d)) != NULL) {
		w = rl_words(rl->words, "changes-renumbered", "ranges", ranges);
		legend_p(lg, w);
		g_free(w);
		free(ranges);
	}
	if (at == NULL)
		at = wp_xml_child(root, "meta");
	xmlAddNextSibling(at, lg);
}

xmlDocPtr
wp_redline(const xmlDoc *old, const xmlDoc *new, const xmlDoc *settings,
    const char *since)
{
	struct rl	 rl = { xmlCopyDoc((xmlDocPtr)new, 1),
			    xmlDocGetRootElement(settings), 0 };
	xmlNodePtr	 root = xmlDocGetRootElement(rl.doc), n;
	const xmlNode	*oroot = xmlDocGetRootElement(old), *o;
	struct wp_diff	*d = wp_diff_new((xmlDocPtr)old, (xmlDocPtr)new);
	const char	*ver = wp_model_meta(old, "version");

	xmlSetProp(root, BAD_CAST "changes-since",
	    BAD_CAST (ver != NULL ? ver : since));
	keyed(&rl, root, oroot, &sections_k);
	for (n = root->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "history"))
			history(&rl, n, wp_xml_child(oroot, "history"));
		else if (wp_xml_is(n, "controls") &&
		    (o = wp_xml_child(oroot, "controls")) != NULL)
			keyed(&rl, n, o, &chapters_k);
		else if (wp_xml_is(n, "controls")) {
			/* a service that was not there: all of it new */
			for (xmlNodePtr ch = n->children; ch; ch = ch->next)
				if (wp_xml_is(ch, "chapter"))
					added(&rl, ch);
		}
		else if (wp_xml_is(n, "backmatter") &&
		    (o = wp_xml_child(oroot, "backmatter")) != NULL)
			keyed(&rl, n, o, &sections_k);
	for (n = root; n != NULL; n = wp_model_next(root, n))
		if (wp_xml_is(n, "clause") || wp_xml_is(n, "chapter"))
			tag(&rl, n);
	legend(&rl, root, old, d, since);
	wp_diff_free(d);
	return rl.doc;
}

int
rl_marked(const xmlNode *top)
{
	for (const xmlNode *n = top; n != NULL; n = wp_model_next(top, n))
		if (wp_xml_is(n, "ins") || wp_xml_is(n, "del") ||
		    wp_attr(n, "change") != NULL ||
		    wp_attr(n, "was-title") != NULL)
			return 1;
	return 0;
}

/* ---- the settings' words ------------------------------------------------ */

const xmlNode *
rl_setting(const xmlNode *settings, const char *name)
{
	return wp_xml_child(settings, name);
}

char *
rl_words(const xmlNode *settings, const char *setting, const char *name,
    const char *value)
{
	char		*t = wp_text_all(rl_setting(settings, setting));
	char		*pat, *at, *r;

	if (t == NULL)
		return g_strdup("");
	if (name == NULL) {
		r = g_strdup(t);
		free(t);
		return r;
	}
	pat = g_strdup_printf("{%s}", name);
	if ((at = strstr(t, pat)) == NULL)
		r = g_strdup(t);
	else
		r = g_strdup_printf("%.*s%s%s", (int)(at - t), t, value,
		    at + strlen(pat));
	g_free(pat);
	free(t);
	return r;
}
