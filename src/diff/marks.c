/*
 * marks: the inline content of one block marked with what changed, for
 * the redline (redline.c).  Both versions' content is read as a row of
 * units, each a character with the markup around it (emphasis, a link
 * and its address) or a whole element that reads as one (a
 * cross-reference, a line break, a link that shows its address); the
 * character diff of the two rows (chardiff.c: a number, a Latin word, a
 * URL, a control number is one unit) says what was inserted and
 * deleted; a unit kept whose markup changed (emphasis added, a link's
 * address changed) is deleted and inserted, so that the change shows.
 * The new content is then written again, its markup kept, inserted
 * text inside <ins>, deleted text inside <del> with the markup it had.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/alloc.h"
#include "diff/chardiff.h"
#include "diff/review.h"
#include "input/xml.h"
#include "model/model.h"

/* The first code point of Unicode's private use area: an element read
 * as one unit is one such character in the text the diff compares. */
#define PUA	0xE000

/* One unit of inline content. */
struct unit {
	const xmlNode	*text;		/* its text node, or NULL */
	size_t		 off, len;	/* its bytes in that node's text */
	const xmlNode	*elem;		/* or the element read as one */
	const xmlNode	*chain[8];	/* the markup around it, outermost
					   first: em and link elements */
	int		 depth;
	char		*style;		/* the chain as a string, to compare */
	size_t		 at;		/* its first byte in the flat text */
};

struct row {
	struct unit	*u;
	size_t		 n, cap;
	GString		*flat;		/* what the diff compares */
};

/* Elements read as one unit, by their content: equal ones are one
 * character (PUA + index) in both rows. */
struct atoms {
	char		**v;
	size_t		 n, cap;
};

static gunichar
atom(struct atoms *a, const char *key)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], key) == 0)
			return PUA + (gunichar)i;
	a->v = wp_grow(a->v, &a->cap, a->n, sizeof(*a->v));
	a->v[a->n] = wp_strdup(key);
	return PUA + (gunichar)a->n++;
}

/* What an element read as one is: its name, attributes that matter and
 * text. */
static char *
atom_key(const xmlNode *n)
{
	char	*t = wp_text_all(n), *k;
	const char *target = wp_attr(n, "target"), *href = wp_attr(n, "href");

	k = g_strdup_printf("%s\x1f%s\x1f%s", (const char *)n->name,
	    target != NULL ? target : href != NULL ? href : "", t);
	free(t);
	return k;
}

static char *
chain_style(const xmlNode *const *chain, int depth)
{
	GString	*s = g_string_new(NULL);

	for (int i = 0; i < depth; i++) {
		const char *href = wp_attr(chain[i], "href");
		g_string_append_printf(s, "%s%s%s>", (const char *)chain[i]->name,
		    href != NULL ? " " : "", href != NULL ? href : "");
	}
	return g_string_free(s, FALSE);
}

static struct unit *
unit_add(struct row *r, const xmlNode *const *chain, int depth)
{
	struct unit	*u;

	r->u = wp_grow(r->u, &r->cap, r->n, sizeof(*r->u));
	u = &r->u[r->n++];
	memset(u, 0, sizeof(*u));
	memcpy(u->chain, chain, (size_t)depth * sizeof(*chain));
	u->depth = depth;
	u->style = chain_style(chain, depth);
	u->at = r->flat->len;
	return u;
}

/* Whether an element is read as one unit rather than as its text. */
static int
whole(const xmlNode *n)
{
	return wp_xml_is(n, "xref") || wp_xml_is(n, "br") ||
	    (wp_xml_is(n, "link") && n->children == NULL);
}

/* Reads the inline content under parent into r (lists in a list item
 * are blocks, not read). */
static void
read_row(struct row *r, const xmlNode *parent, const xmlNode **chain,
    int depth, struct atoms *a)
{
	for (const xmlNode *n = parent->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			const char *s = (const char *)n->content, *p;
			for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
				struct unit *u = unit_add(r, chain, depth);
				u->text = n;
				u->off = (size_t)(p - s);
				u->len = (size_t)(g_utf8_next_char(p) - p);
				g_string_append_len(r->flat, p, (gssize)u->len);
			}
		} else if (n->type != XML_ELEMENT_NODE || wp_xml_is(n, "ol") ||
		    wp_xml_is(n, "ul"))
			continue;
		else if (whole(n)) {
			char *k = atom_key(n);
			struct unit *u = unit_add(r, chain, depth);
			u->elem = n;
			g_string_append_unichar(r->flat, atom(a, k));
			g_free(k);
		} else if (depth < 8) {
			chain[depth] = n;
			read_row(r, n, chain, depth + 1, a);
		} else		/* deeper markup than any writer's: its text */
			read_row(r, n, chain, depth, a);
	}
}

static void
row_free(struct row *r)
{
	for (size_t i = 0; i < r->n; i++)
		g_free(r->u[i].style);
	free(r->u);
	g_string_free(r->flat, TRUE);
}

/* The unit whose text starts at byte at of the flat text. */
static size_t
unit_at(const struct row *r, size_t from, size_t at)
{
	while (from < r->n && r->u[from].at < at)
		from++;
	return from;
}

/* ---- what to write ------------------------------------------------------ */

enum op { KEEP, INS, DEL };

struct step {
	enum op			 op;
	const struct unit	*u;
};

struct steps {
	struct step	*v;
	size_t		 n, cap;
};

static void
step(struct steps *s, enum op op, const struct unit *u)
{
	s->v = wp_grow(s->v, &s->cap, s->n, sizeof(*s->v));
	s->v[s->n++] = (struct step){ op, u };
}

/*
 * A stretch both keep, units a[i..i+n) and b[j..j+n): kept where their
 * markup is the same; where it is not, each run of such units deleted
 * as it was and inserted as it is.
 */
static void
kept(struct steps *s, const struct row *a, size_t i, const struct row *b,
    size_t j, size_t n)
{
	size_t	 k = 0, e;

	while (k < n) {
		if (strcmp(a->u[i + k].style, b->u[j + k].style) == 0) {
			step(s, KEEP, &b->u[j + k++]);
			continue;
		}
		for (e = k; e < n && strcmp(a->u[i + e].style,
		    b->u[j + e].style) != 0; e++)
			continue;
		for (size_t x = k; x < e; x++)
			step(s, DEL, &a->u[i + x]);
		for (size_t x = k; x < e; x++)
			step(s, INS, &b->u[j + x]);
		k = e;
	}
}

/* The steps that write the new content with its changes marked. */
static void
steps_of(struct steps *s, const struct row *a, const struct row *b)
{
	struct wp_chardiff	*cd = wp_chardiff(a->flat->str, a->flat->len,
				    b->flat->str, b->flat->len, 0);
	size_t			 pa = 0, pb = 0, ia = 0, ib = 0, ea, eb;

	for (size_t k = 0; k < cd->n; k++) {
		const struct wp_cd_span *sp = &cd->span[k];
		if (sp->op != CD_INSERT) {
			ea = unit_at(a, ia, pa + sp->len);
			pa += sp->len;
		} else
			ea = ia;
		if (sp->op != CD_DELETE) {
			eb = unit_at(b, ib, pb + sp->len);
			pb += sp->len;
		} else
			eb = ib;
		if (sp->op == CD_EQUAL)
			kept(s, a, ia, b, ib, eb - ib);
		for (; sp->op == CD_DELETE && ia < ea; ia++)
			step(s, DEL, &a->u[ia]);
		for (; sp->op == CD_INSERT && ib < eb; ib++)
			step(s, INS, &b->u[ib]);
		ia = ea;
		ib = eb;
	}
	wp_chardiff_free(cd);
}

/* ---- writing ------------------------------------------------------------ */

/* The content being written: the elements open, innermost last. */
struct writer {
	xmlDocPtr	 doc;
	xmlNodePtr	 open[10];	/* [0] the block; then the chain's
					   copies, then an ins or del */
	const xmlNode	*src[10];	/* what each copies (NULL: ins, del) */
	int		 depth;		/* open[depth] is where text goes */
	enum op		 mark;		/* the ins or del open, or KEEP */
	GString		*text;		/* text not yet added */
};

static void
flush(struct writer *w)
{
	if (w->text->len == 0)
		return;
	xmlAddChild(w->open[w->depth], xmlNewDocTextLen(w->doc,
	    BAD_CAST w->text->str, (int)w->text->len));
	g_string_truncate(w->text, 0);
}

/* Whether an open element copies the same markup as chain element c. */
static int
same_markup(const xmlNode *a, const xmlNode *c)
{
	const char	*ha = wp_attr(a, "href"), *hc = wp_attr(c, "href");

	return a != NULL && xmlStrEqual(a->name, c->name) &&
	    (ha == NULL) == (hc == NULL) && (ha == NULL || strcmp(ha, hc) == 0);
}

/* Opens the markup around u, with an ins or del inside it for op; what
 * is open already and fits stays open. */
static void
open_for(struct writer *w, const struct unit *u, enum op op)
{
	int	 chains = w->depth - (w->mark != KEEP), k = 0;

	while (k < u->depth && k < chains &&
	    same_markup(w->src[k + 1], u->chain[k]))
		k++;
	if (k == chains && k == u->depth && w->mark == op)
		return;
	flush(w);
	w->depth = k;
	w->mark = KEEP;
	for (; k < u->depth; k++) {
		xmlNodePtr c = xmlDocCopyNode((xmlNodePtr)u->chain[k], w->doc,
		    2);
		xmlAddChild(w->open[w->depth], c);
		w->open[++w->depth] = c;
		w->src[w->depth] = u->chain[k];
	}
	if (op != KEEP) {
		xmlNodePtr m = xmlNewDocNode(w->doc, NULL,
		    BAD_CAST (op == INS ? "ins" : "del"), NULL);
		xmlAddChild(w->open[w->depth], m);
		w->open[++w->depth] = m;
		w->src[w->depth] = NULL;
		w->mark = op;
	}
}

static void
put(struct writer *w, const struct unit *u, enum op op)
{
	open_for(w, u, op);
	if (u->text != NULL)
		g_string_append_len(w->text, (const char *)u->text->content +
		    u->off, (gssize)u->len);
	else {
		flush(w);
		xmlAddChild(w->open[w->depth],
		    xmlDocCopyNode((xmlNodePtr)u->elem, w->doc, 1));
	}
}

/* The inline children of a block: all but a list in a list item. */
static int
is_inline(const xmlNode *n)
{
	return !(n->type == XML_ELEMENT_NODE && (wp_xml_is(n, "ol") ||
	    wp_xml_is(n, "ul")));
}

/* Takes the inline children out of block (kept, in *old, to be freed). */
static xmlNodePtr
take_inline(xmlNodePtr block)
{
	xmlNodePtr	 first = NULL, last = NULL, n, next;

	for (n = block->children; n != NULL; n = next) {
		next = n->next;
		if (!is_inline(n))
			continue;
		xmlUnlinkNode(n);
		if (last == NULL)
			first = n;
		else {
			last->next = n;
			n->prev = last;
		}
		last = n;
	}
	return first;
}

int
rl_mark_inline(xmlNodePtr newb, const xmlNode *oldb)
{
	struct atoms	 a = { NULL, 0, 0 };
	struct row	 ra = { NULL, 0, 0, g_string_new(NULL) };
	struct row	 rb = { NULL, 0, 0, g_string_new(NULL) };
	struct steps	 s = { NULL, 0, 0 };
	struct writer	 w;
	const xmlNode	*chain[8];
	xmlNodePtr	 taken, list, n, next;
	int		 edits = 0;

	read_row(&ra, oldb, chain, 0, &a);
	read_row(&rb, newb, chain, 0, &a);
	steps_of(&s, &ra, &rb);
	for (size_t i = 0; i < s.n; i++)
		edits += s.v[i].op != KEEP;
	if (edits > 0) {
		/* written again before a list the item holds */
		for (list = newb->children; list != NULL && is_inline(list);
		    list = list->next)
			continue;
		taken = take_inline(newb);
		memset(&w, 0, sizeof(w));
		w.doc = newb->doc;
		w.open[0] = xmlNewDocNode(w.doc, NULL, BAD_CAST "x", NULL);
		w.text = g_string_new(NULL);
		for (size_t i = 0; i < s.n; i++)
			put(&w, s.v[i].u, s.v[i].op);
		flush(&w);
		for (n = w.open[0]->children; n != NULL; n = next) {
			next = n->next;
			xmlUnlinkNode(n);
			if (list != NULL)
				xmlAddPrevSibling(list, n);
			else
				xmlAddChild(newb, n);
		}
		xmlFreeNode(w.open[0]);
		g_string_free(w.text, TRUE);
		xmlFreeNodeList(taken);
	}
	free(s.v);
	row_free(&ra);
	row_free(&rb);
	for (size_t i = 0; i < a.n; i++)
		free(a.v[i]);
	free(a.v);
	return edits;
}

void
rl_wrap(xmlNodePtr block, const char *mark)
{
	xmlNodePtr	 m, n, next, list = NULL;

	for (n = block->children; n != NULL; n = n->next)
		if (!is_inline(n)) {
			list = n;
			break;
		}
	if (block->children == NULL || block->children == list)
		return;
	m = xmlNewDocNode(block->doc, NULL, BAD_CAST mark, NULL);
	for (n = block->children; n != NULL && n != list; n = next) {
		next = n->next;
		xmlUnlinkNode(n);
		xmlAddChild(m, n);
	}
	if (list != NULL)
		xmlAddPrevSibling(list, m);
	else
		xmlAddChild(block, m);
}
