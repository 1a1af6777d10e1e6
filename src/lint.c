/*
 * lint: the services' texts compared with each other.  Each text (a
 * paragraph, list item or cell) is read from the content file as
 * characters, each with its source line, normalised so that only what a
 * reader would see as different stays different.  Then four passes look
 * for slips: names, links, phrases against the same clause elsewhere,
 * and words against the whole; each finding names the line of its
 * first character, and what one pass reported the next leave alone.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlstring.h>

#include "lint.h"
#include "util.h"

/*
 * Characters that stand for an element in a normalised text.  They are
 * from the Private Use Area, so no content holds them; a line break
 * (<br/>) is kept as '\n', which white space folding leaves in no text.
 */
#define CH_NAME		0xE000		/* <name/>, any form */
#define CH_XREF		0xE001		/* <xref/>: renders a clause's title */
#define CH_LINK		0xE002		/* <link/> without text: its address */

/*
 * What "near" means: at most MAX_EDITS edits, and at most one edit per
 * NEAR_RATIO characters of the longer string (90% alike).  Three
 * services make a majority form: it must be written by at least
 * MIN_MAJORITY other services than the variant's, more than write the
 * variant.
 */
#define MAX_EDITS	2
#define NEAR_RATIO	10
#define MIN_MAJORITY	2

/*
 * Rare words: a word seen at most RARE_MAX times, one edit from a word of
 * at least MIN_WORD characters seen FREQ_RATIO times as often.
 */
#define RARE_MAX	3
#define FREQ_RATIO	3
#define MIN_WORD	3

#define WORD_SPAN	8		/* how far a variant shown grows */
#define WORK_MAX	2000000UL	/* comparisons; see work() */

struct text {
	uint32_t	*c;		/* normalised characters */
	long		*line;		/* the source line of each */
	size_t		 n, cap;
	int		 svc;		/* index into lint.svc */
	int		 voter;		/* template text: never reported */
	const char	*file;		/* borrowed */
	char		*group;		/* "control 5.1.1", "the overview" */
};

struct link {
	char		*href;
	long		 line;
	int		 svc;
	int		 voter;
	const char	*file;		/* borrowed */
};

/* A service's name or short name, normalised like text. */
struct name {
	uint32_t	*c;
	size_t		 n;
	int		 svc;
	int		 is_short;
	const char	*shown;		/* as the metadata writes it */
};

struct svc {
	const char	*id, *file;	/* borrowed from the wp_service */
	char		*name, *short_name;	/* short_name NULL if none */
};

/* A span already reported, which later passes leave alone. */
struct claim {
	size_t		 text, start, end;
};

/*
 * A piece of a name, looked up by its first two characters: the whole
 * name, to find it written; and 2k + 1 pieces, one of which a text holds
 * unchanged wherever it holds the name with k edits (one edit, a swap
 * included, spoils at most two pieces), so that only a text that holds
 * a piece is searched for the name.
 */
struct piece {
	uint64_t	 key;		/* the first two characters */
	size_t		 nm;		/* index into lint.nm */
	size_t		 off, n;	/* the piece, in the name */
};

/* A string's count in all texts: see count_all(). */
struct memo {
	uint32_t	*c;		/* NULL: an empty slot */
	size_t		 n, count;
};

struct lint {
	unsigned long	 work;		/* comparisons left; see work() */
	struct memo	*memo;		/* a hash table, open addressing */
	size_t		 nmemo, memocap;
	struct piece	*pc;
	size_t		 npc, pccap;
	const uint32_t	*pub;		/* the publisher's mark: "IIJ" */
	size_t		 npub;
	struct svc	*svc;
	size_t		 nsvc;
	struct text	*t;
	size_t		 nt, tcap;
	struct link	*l;
	size_t		 nl, lcap;
	struct name	*nm;
	size_t		 nnm, nmcap;
	struct claim	*cl;
	size_t		 ncl, clcap;
	struct wp_lint	*out;
	size_t		 outcap;
};

/*
 * Makes room for one more element in v (n used of *cap, each size
 * bytes); returns v or its larger copy, v freed.
 */
static void *
grow(void *v, size_t *cap, size_t n, size_t size)
{
	void	*nv;

	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 16;
	nv = wp_malloc(*cap * size);
	if (n)
		memcpy(nv, v, n * size);
	free(v);
	return nv;
}

/* ---- characters ------------------------------------------------------- */

static int
same(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	return na == nb && (na == 0 || memcmp(a, b, na * sizeof(*a)) == 0);
}

enum cls { C_OTHER, C_SPACE, C_LATIN, C_DIGIT, C_HIRA, C_KATA, C_KANJI };

static enum cls
cls(uint32_t c)
{
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000)
		return C_SPACE;
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return C_LATIN;
	if (c >= '0' && c <= '9')
		return C_DIGIT;
	if (c >= 0x3041 && c <= 0x309F)
		return C_HIRA;
	if ((c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x30FD ||
	    c == 0x30FE)
		return C_KATA;
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    c == 0x3005 || c == 0x3006)
		return C_KANJI;
	return C_OTHER;
}

static int
alnum(uint32_t c)
{
	return cls(c) == C_LATIN || cls(c) == C_DIGIT;
}

/* Full-width ASCII reads as ASCII: （ and ( are not a typo. */
static uint32_t
fold(uint32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E)
		return c - 0xFEE0;
	return c;
}

static int
is_break(uint32_t c)
{
	return c == '\n' || c == 0x3002 || c == 0x3001 || c == '!' ||
	    c == '?';
}

/* Appends c as UTF-8; an element's stand-in as its tag. */
static void
put_utf8(char **p, uint32_t c)
{
	unsigned char	*s = (unsigned char *)*p;

	if (c == CH_NAME || c == CH_XREF || c == CH_LINK || c == '\n') {
		const char *tag = c == CH_NAME ? "<name/>" : c == CH_XREF ?
		    "<xref/>" : c == CH_LINK ? "<link/>" : "<br/>";
		memcpy(*p, tag, strlen(tag));
		*p += strlen(tag);
		return;
	}
	if (c < 0x80)
		*s++ = (unsigned char)c;
	else if (c < 0x800) {
		*s++ = (unsigned char)(0xC0 | c >> 6);
		*s++ = (unsigned char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		*s++ = (unsigned char)(0xE0 | c >> 12);
		*s++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		*s++ = (unsigned char)(0x80 | (c & 0x3F));
	} else {
		*s++ = (unsigned char)(0xF0 | c >> 18);
		*s++ = (unsigned char)(0x80 | (c >> 12 & 0x3F));
		*s++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		*s++ = (unsigned char)(0x80 | (c & 0x3F));
	}
	*p = (char *)s;
}

/* A new UTF-8 string of n characters; the caller frees it. */
static char *
utf8(const uint32_t *c, size_t n)
{
	char	*s = wp_malloc(n * 7 + 1), *p = s;

	for (size_t i = 0; i < n; i++)
		put_utf8(&p, c[i]);
	*p = '\0';
	return s;
}

/* ---- normalised text -------------------------------------------------- */

static void
append(struct text *t, uint32_t c, long line)
{
	if (t->n == t->cap) {
		size_t cap = t->cap;
		t->c = grow(t->c, &cap, t->n, sizeof(*t->c));
		t->line = grow(t->line, &t->cap, t->n, sizeof(*t->line));
	}
	t->c[t->n] = c;
	t->line[t->n++] = line;
}

/*
 * Adds one character to t.  White space is dropped as rendering drops
 * it (README: "Source line breaks inside text are formatting"), and the
 * typesetter sets its own space between Japanese and Latin: only a space
 * between two Latin letters or digits is kept, as one.
 */
static void
push(struct text *t, uint32_t c, long line, int *space)
{
	c = fold(c);
	if (c == 0x2028) {		/* LINE SEPARATOR: a <br/> */
		append(t, '\n', line);
		*space = 0;
		return;
	}
	if (cls(c) == C_SPACE) {
		*space = 1;
		return;
	}
	if (*space && t->n > 0 && alnum(t->c[t->n - 1]) && alnum(c))
		append(t, ' ', line);
	*space = 0;
	append(t, c, line);
}

/* Adds UTF-8 text, counting its line breaks. */
static void
push_utf8(struct text *t, const xmlChar *s, long *line, int *space)
{
	while (s != NULL && *s != '\0') {
		int	 len = 4;
		int	 c = xmlGetUTF8Char(s, &len);

		if (c < 0 || len <= 0)
			break;		/* the loader let no bad UTF-8 in */
		push(t, (uint32_t)c, *line, space);
		if (c == '\n')
			(*line)++;
		s += len;
	}
}

static int
is_list(xmlNodePtr n)
{
	return wp_xml_is(n, "ol") || wp_xml_is(n, "ul");
}

static void
add_link(struct lint *x, const struct text *t, xmlNodePtr n, long line)
{
	xmlChar	*href = xmlGetProp(n, BAD_CAST "href");

	if (href == NULL)
		return;
	x->l = grow(x->l, &x->lcap, x->nl, sizeof(*x->l));
	x->l[x->nl++] = (struct link){ wp_strdup((char *)href), line, t->svc,
	    t->voter, t->file };
	xmlFree(href);
}

/*
 * Adds the inline content of n to t.  A text node's own line is where it
 * ends, so lines are counted from the block's start tag, and set again
 * at each element's start tag.
 */
static void
add_inline(struct lint *x, struct text *t, xmlNodePtr n, long *line,
    int *space)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			push_utf8(t, c->content, line, space);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || is_list(c))
			continue;	/* a nested list is a text of its own */
		if (xmlGetLineNo(c) > *line)
			*line = xmlGetLineNo(c);
		if (wp_xml_is(c, "name"))
			push(t, CH_NAME, *line, space);
		else if (wp_xml_is(c, "xref"))
			push(t, CH_XREF, *line, space);
		else if (wp_xml_is(c, "br")) {
			append(t, '\n', *line);
			*space = 0;
		} else if (wp_xml_is(c, "link")) {
			add_link(x, t, c, *line);
			if (c->children == NULL)
				push(t, CH_LINK, *line, space);
			else
				add_inline(x, t, c, line, space);
		} else
			add_inline(x, t, c, line, space);
	}
}

static struct text *
new_text(struct lint *x, int svc, int voter, const char *file,
    const char *group)
{
	x->t = grow(x->t, &x->tcap, x->nt, sizeof(*x->t));
	x->t[x->nt] = (struct text){ .svc = svc, .voter = voter,
	    .file = file, .group = wp_strdup(group) };
	return &x->t[x->nt++];
}

/* Adds the texts of the blocks under n, nested lists included. */
static void
add_blocks(struct lint *x, xmlNodePtr n, int svc, int voter,
    const char *file, const char *group)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (wp_xml_is(c, "p") || wp_xml_is(c, "li") || wp_xml_is(c, "td") || wp_xml_is(c, "th") ||
		    wp_xml_is(c, "caption")) {
			struct text	*t;
			long		 line = xmlGetLineNo(c);
			int		 space = 0;

			t = new_text(x, svc, voter, file, group);
			add_inline(x, t, c, &line, &space);
			if (wp_xml_is(c, "li"))
				add_blocks(x, c, svc, voter, file, group);
		} else if (is_list(c) || wp_xml_is(c, "table") || wp_xml_is(c, "tr"))
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
			struct text	*t;
			long		 line = xmlGetLineNo(c);
			int		 space = 0;

			snprintf(group, sizeof(group), "boilerplate part %s",
			    (char *)key);
			t = new_text(x, svc, 1, NULL, group);
			add_inline(x, t, c, &line, &space);
		}
		xmlFree(key);
	}
}

static void
add_name(struct lint *x, const char *s, int svc, int is_short)
{
	struct text	 t = { 0 };
	int		 space = 0;
	long		 line = 0;

	push_utf8(&t, BAD_CAST s, &line, &space);
	free(t.line);
	if (t.n == 0) {
		free(t.c);
		return;
	}
	x->nm = grow(x->nm, &x->nmcap, x->nnm, sizeof(*x->nm));
	x->nm[x->nnm++] = (struct name){ t.c, t.n, svc, is_short, s };
}

/* Reads one service's texts, links and names. */
static void
add_service(struct lint *x, const struct wp_templates *tpl,
    const struct wp_service *s)
{
	xmlNodePtr	 root = xmlDocGetRootElement(s->service);
	xmlNodePtr	 mine = NULL;
	struct svc	*v;
	int		 i = (int)x->nsvc;
	char		 group[256];

	if (root == NULL)
		return;
	v = &x->svc[x->nsvc++];
	v->id = s->id;
	v->file = s->service_path;
	v->name = child_text(root, "name");
	v->short_name = child_text(root, "short-name");
	if (v->name != NULL)
		add_name(x, v->name, i, 0);
	if (v->short_name != NULL)
		add_name(x, v->short_name, i, 1);
	for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
		if (wp_xml_is(c, "boilerplate")) {
			mine = c;
			for (xmlNodePtr r = c->children; r; r = r->next) {
				xmlChar *key = xmlGetProp(r, BAD_CAST "key");
				if (wp_xml_is(r, "replace") && key != NULL) {
					snprintf(group, sizeof(group),
					    "boilerplate part %s", (char *)key);
					add_blocks(x, r, i, 0, v->file, group);
				}
				xmlFree(key);
			}
		} else if (wp_xml_is(c, "overview")) {
			add_blocks(x, c, i, 0, v->file, "the overview");
			for (xmlNodePtr o = c->children; o; o = o->next)
				if (wp_xml_is(o, "responsibility"))
					add_blocks(x, o, i, 0, v->file,
					    "the responsibility section");
				else if (wp_xml_is(o, "documents"))
					add_blocks(x, o, i, 0, v->file,
					    "the documents section");
		} else if (wp_xml_is(c, "answers")) {
			for (xmlNodePtr a = c->children; a; a = a->next) {
				xmlChar *id = xmlGetProp(a, BAD_CAST "control");
				if (wp_xml_is(a, "answer") && id != NULL) {
					snprintf(group, sizeof(group),
					    "control %s", (char *)id);
					add_blocks(x, a, i, 0, v->file, group);
				}
				xmlFree(id);
			}
		}
	}
	if (tpl != NULL && tpl->boilerplate != NULL &&
	    xmlDocGetRootElement(tpl->boilerplate) != NULL)
		add_defaults(x, xmlDocGetRootElement(tpl->boilerplate), mine,
		    i);
}

/* ---- distances -------------------------------------------------------- */

static int
min2(int a, int b)
{
	return a < b ? a : b;
}

/*
 * Optimal string alignment distance, or max + 1 once it must exceed max.
 * Only the band |i - j| <= max of the table is computed (a path outside
 * it costs more than max), three rows of it: the previous two for a swap
 * of neighbours.  Time O(n max), so a long paragraph costs little.
 */
static int
osa(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, int max)
{
	int	 buf[3 * 128], *heap = NULL, *r0, *r1, *r2, *tmp, d;
	int	 inf = max + 1;
	size_t	 m = (size_t)max;

	if ((na > nb ? na - nb : nb - na) > m)
		return inf;
	if (nb + 1 > 128)
		heap = wp_malloc(3 * (nb + 1) * sizeof(*heap));
	r0 = heap != NULL ? heap : buf;
	r1 = r0 + nb + 1;
	r2 = r1 + nb + 1;
	for (size_t j = 0; j <= nb; j++)
		r1[j] = j <= m ? (int)j : inf;
	for (size_t i = 1; i <= na; i++) {
		size_t	 lo = i > m ? i - m : 0, hi = i + m < nb ? i + m : nb;
		int	 rowmin = inf;

		if (lo > 0)
			r2[lo - 1] = inf;
		for (size_t j = lo; j <= hi; j++) {
			int	 v = (int)i;

			if (j > 0) {
				v = r1[j - 1] + (a[i - 1] != b[j - 1]);
				v = min2(v, r1[j] + 1);
				v = min2(v, r2[j - 1] + 1);
				if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
				    a[i - 2] == b[j - 1])
					v = min2(v, r0[j - 2] + 1);
			}
			r2[j] = v = min2(v, inf);
			rowmin = min2(rowmin, v);
		}
		if (hi < nb)
			r2[hi + 1] = inf;
		/* a row's minimum never falls by more than one a row */
		if (rowmin > max) {
			free(heap);
			return inf;
		}
		tmp = r0, r0 = r1, r1 = r2, r2 = tmp;
	}
	d = r1[nb];
	free(heap);
	return d;
}

/* How many edits two strings of these lengths may differ by and be near. */
static int
allowed(size_t la, size_t lb)
{
	size_t	 l = la > lb ? la : lb;

	return l / NEAR_RATIO < MAX_EDITS ? (int)(l / NEAR_RATIO) : MAX_EDITS;
}

/* One stretch where two aligned strings differ: a[a0..a1), b[b0..b1). */
struct seg {
	size_t	 a0, a1, b0, b1;
};

/* The band of a table, |i - j| <= MAX_EDITS, as rows of BAND cells. */
#define BAND		(2 * MAX_EDITS + 1)

static int
cell(const int *d, size_t i, size_t j)
{
	if (j + MAX_EDITS < i || i + MAX_EDITS < j)
		return MAX_EDITS + 1;
	return d[i * BAND + j + MAX_EDITS - i];
}

/*
 * Aligns a with b, which are at most MAX_EDITS apart, and returns the
 * stretches where they differ, in order, in *out (caller frees); their
 * number in *n.
 */
static void
diff(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    struct seg **out, size_t *n)
{
	int	*d = wp_malloc((na + 1) * BAND * sizeof(*d));
	size_t	 i, j, cap = 0;
	int	 open = 0;

	*out = NULL;
	*n = 0;
	for (i = 0; i <= na; i++)
		for (size_t k = 0; k < BAND; k++) {
			int v = MAX_EDITS + 1;

			j = i + k;
			if (j < MAX_EDITS || (j -= MAX_EDITS) > nb) {
				d[i * BAND + k] = v;
				continue;
			}
			if (i == 0 || j == 0)
				v = (int)(i + j);
			else {
				v = cell(d, i - 1, j - 1) +
				    (a[i - 1] != b[j - 1]);
				v = min2(v, cell(d, i - 1, j) + 1);
				v = min2(v, cell(d, i, j - 1) + 1);
				if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
				    a[i - 2] == b[j - 1])
					v = min2(v, cell(d, i - 2, j - 2) + 1);
			}
			d[i * BAND + k] = min2(v, MAX_EDITS + 1);
		}
	/* Walk back; a stretch is open while edits follow each other. */
	i = na, j = nb;
	while (i > 0 || j > 0) {
		int	 v = cell(d, i, j);
		size_t	 ni = i, nj = j;

		if (i > 0 && j > 0 && a[i - 1] == b[j - 1] &&
		    v == cell(d, i - 1, j - 1)) {
			open = 0;
			i--, j--;
			continue;
		}
		if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
		    a[i - 2] == b[j - 1] && v == cell(d, i - 2, j - 2) + 1)
			ni = i - 2, nj = j - 2;
		else if (i > 0 && j > 0 && v == cell(d, i - 1, j - 1) + 1)
			ni = i - 1, nj = j - 1;
		else if (i > 0 && v == cell(d, i - 1, j) + 1)
			ni = i - 1;
		else
			nj = j - 1;
		if (!open) {
			*out = grow(*out, &cap, *n, sizeof(**out));
			(*out)[(*n)++] = (struct seg){ i, i, j, j };
			open = 1;
		}
		(*out)[*n - 1].a0 = ni;
		(*out)[*n - 1].b0 = nj;
		i = ni, j = nj;
	}
	free(d);
	for (size_t k = 0; k < *n / 2; k++) {	/* found last first */
		struct seg s = (*out)[k];
		(*out)[k] = (*out)[*n - 1 - k];
		(*out)[*n - 1 - k] = s;
	}
}

/*
 * Approximate occurrences of p in t with at most k edits (Sellers'
 * algorithm: a match may start anywhere in t), each as the span with
 * fewest edits, then the longest, among overlapping ones, trimmed of an
 * edge that is an edit for nothing.  Calls found() for each; exact
 * occurrences are left out.  The table goes column by column, along t,
 * three columns kept.
 */
static void
search(const uint32_t *p, size_t np, const uint32_t *t, size_t nt, int k,
    void (*found)(void *, size_t, size_t, int), void *arg)
{
	int	*d = wp_malloc(3 * (np + 1) * sizeof(*d));
	size_t	*st = wp_malloc(3 * (np + 1) * sizeof(*st));
	size_t	 bs = 0, be = 0;
	int	 bd = -1;

	for (size_t j = 0; j <= nt + 1; j++) {
		/* column j of the table: d[c + i], where match ends at j */
		size_t	 c = j % 3 * (np + 1), c1 = (j + 2) % 3 * (np + 1);
		size_t	 c2 = (j + 1) % 3 * (np + 1), s = 0;
		int	 v = k + 1;

		if (j <= nt) {
			d[c] = 0, st[c] = j;
			for (size_t i = 1; i <= np; i++) {
				int	 w;
				size_t	 ws;

				if (j == 0) {
					d[c + i] = (int)i, st[c + i] = 0;
					continue;
				}
#define TRY(nv, ns) do { \
	if ((nv) < w || ((nv) == w && (ns) < ws)) \
		w = (nv), ws = (ns); \
} while (0)
				w = d[c1 + i - 1] + (p[i - 1] != t[j - 1]);
				ws = st[c1 + i - 1];
				TRY(d[c + i - 1] + 1, st[c + i - 1]);
				TRY(d[c1 + i] + 1, st[c1 + i]);
				if (i > 1 && j > 1 && p[i - 1] == t[j - 2] &&
				    p[i - 2] == t[j - 1])
					TRY(d[c2 + i - 2] + 1, st[c2 + i - 2]);
#undef TRY
				d[c + i] = w, st[c + i] = ws;
			}
			if (j > 0)
				v = d[c + np], s = st[c + np];
		}
		if (bd >= 0 && (v > k || s >= be)) {	/* the cluster ends */
			/* "はIJ DDoS…" is "IJ DDoS…" with one edit too */
			while (be - bs > 1 && t[bs] != p[0] &&
			    osa(p, np, t + bs + 1, be - bs - 1, bd) <= bd)
				bs++;
			while (be - bs > 1 && t[be - 1] != p[np - 1] &&
			    osa(p, np, t + bs, be - bs - 1, bd) <= bd)
				be--;
			if (bd > 0)
				found(arg, bs, be, bd);
			bd = -1;
		}
		if (v > k)
			continue;
		if (bd < 0 || v < bd || (v == bd && j - s > be - bs))
			bs = s, be = j, bd = v;
	}
	free(d);
	free(st);
}

/* ---- findings --------------------------------------------------------- */

static void
report(struct lint *x, enum wp_lint_kind kind, const char *file, long line,
    const char *fmt, ...)
{
	struct wp_lint_finding	*f;
	va_list			 ap;
	int			 len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	x->out->v = grow(x->out->v, &x->outcap, x->out->n,
	    sizeof(*x->out->v));
	f = &x->out->v[x->out->n++];
	f->kind = kind;
	f->file = wp_strdup(file);
	f->line = line;
	f->text = wp_malloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(f->text, (size_t)len + 1, fmt, ap);
	va_end(ap);
}

static void
claim(struct lint *x, size_t text, size_t start, size_t end)
{
	x->cl = grow(x->cl, &x->clcap, x->ncl, sizeof(*x->cl));
	x->cl[x->ncl++] = (struct claim){ text, start, end };
}

static int
claimed(const struct lint *x, size_t text, size_t start, size_t end)
{
	for (size_t i = 0; i < x->ncl; i++)
		if (x->cl[i].text == text && x->cl[i].start < end &&
		    start < x->cl[i].end)
			return 1;
	return 0;
}

/*
 * Counts one comparison of phrases or of words; 0 when the pass's budget
 * is spent.  The five real services take about 1,500 and two hundred of
 * them about 7,600; content that needs millions is no set of whitepapers
 * (a clause of thousands of near-identical phrases), and lint compares
 * what it can in the budget, under a second, and says nothing of the
 * rest.
 */
static int
work(struct lint *x)
{
	if (x->work == 0)
		return 0;
	x->work--;
	return 1;
}

static uint64_t
hash(const uint32_t *c, size_t n)
{
	uint64_t h = 14695981039346656037ULL;	/* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ c[i]) * 1099511628211ULL;
	return h;
}

/*
 * How many times c[0..n) is written in all texts, template's included.
 * Each string is counted once and remembered: the same variants come up
 * again and again when many services are linted.
 */
static size_t
count_all(struct lint *x, const uint32_t *c, size_t n)
{
	size_t	 k = 0, at;

	if (x->nmemo * 2 >= x->memocap) {	/* keep it half empty */
		struct memo	*old = x->memo;
		size_t		 ocap = x->memocap;

		x->memocap = ocap ? ocap * 2 : 64;
		x->memo = wp_calloc(x->memocap, sizeof(*x->memo));
		for (size_t i = 0; i < ocap; i++) {
			if (old[i].c == NULL)
				continue;
			at = hash(old[i].c, old[i].n) & (x->memocap - 1);
			while (x->memo[at].c != NULL)
				at = (at + 1) & (x->memocap - 1);
			x->memo[at] = old[i];
		}
		free(old);
	}
	at = hash(c, n) & (x->memocap - 1);
	for (; x->memo[at].c != NULL; at = (at + 1) & (x->memocap - 1))
		if (same(x->memo[at].c, x->memo[at].n, c, n))
			return x->memo[at].count;
	for (size_t i = 0; i < x->nt; i++)
		for (size_t j = 0; n > 0 && j + n <= x->t[i].n; j++)
			if (x->t[i].c[j] == c[0] && same(x->t[i].c + j, n, c,
			    n))
				k++;
	x->memo[at].c = wp_malloc((n + 1) * sizeof(*c));
	memcpy(x->memo[at].c, c, n * sizeof(*c));
	x->memo[at].n = n;
	x->memo[at].count = k;
	x->nmemo++;
	return k;
}

/* Decodes len bytes of UTF-8 (all of s if len < 0); caller frees *out. */
static size_t
decode(const char *s, long len, uint32_t **out)
{
	size_t	 n = 0, max = len < 0 ? strlen(s) : (size_t)len;
	const unsigned char *p = (const unsigned char *)s, *end = p + max;

	*out = wp_malloc((max + 1) * sizeof(**out));
	while (p < end) {
		int	 l = (int)(end - p);
		int	 c = xmlGetUTF8Char(p, &l);

		if (c < 0 || l <= 0)
			break;
		(*out)[n++] = (uint32_t)c;
		p += l;
	}
	return n;
}

/* ---- names: the service's own, misspelt, or unknown ------------------- */

/* A name found in a text. */
struct hit {
	size_t			 s, e;		/* the span in the text */
	size_t			 nm;		/* index into lint.nm */
	int			 d;		/* edits from the name */
	enum wp_lint_kind	 kind;
};

struct hits {
	struct hit	*v;
	size_t		 n, cap;
	size_t		 nm;		/* the name being searched */
};

static int
overlaps(const struct hits *h, size_t s, size_t e)
{
	for (size_t i = 0; i < h->n; i++)
		if (h->v[i].s < e && s < h->v[i].e)
			return 1;
	return 0;
}

static void
add_hit(struct hits *h, size_t s, size_t e, int d, enum wp_lint_kind kind)
{
	h->v = grow(h->v, &h->cap, h->n, sizeof(*h->v));
	h->v[h->n++] = (struct hit){ s, e, h->nm, d, kind };
}

static void
found_near(void *arg, size_t s, size_t e, int d)
{
	struct hits	*h = arg;

	if (!overlaps(h, s, e))
		add_hit(h, s, e, d, LINT_NAME_VARIANT);
}

/*
 * The publisher's mark that starts every service's name ("IIJ"), as
 * normalised characters in *p; 0 if the names share none.
 */
static size_t
publisher(const struct lint *x, const uint32_t **p)
{
	size_t	 len = 0, nfull = 0;

	*p = NULL;
	for (size_t i = 0; i < x->nnm; i++) {
		const struct name *m = &x->nm[i];
		size_t l = 0;

		if (m->is_short)
			continue;
		while (l < m->n && cls(m->c[l]) == C_LATIN)
			l++;
		if (nfull++ == 0)
			*p = m->c, len = l;
		else if (!same(*p, len, m->c, l))
			return 0;
	}
	return nfull >= 2 && len >= 2 ? len : 0;
}

static uint32_t
lower(uint32_t c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/*
 * Does the Latin word w[0..n) name the same product as a Latin word of
 * some service's name other than the publisher's mark?  Returns the
 * name's index, or -1.  Case does not count; one edit does, from three
 * letters up.
 */
static long
product_word(const struct lint *x, const uint32_t *w, size_t n, size_t plen)
{
	uint32_t	 lw[64], lt[64];

	if (n >= 64)
		return -1;
	for (size_t i = 0; i < n; i++)
		lw[i] = lower(w[i]);
	for (size_t i = 0; i < x->nnm; i++) {
		const struct name *m = &x->nm[i];

		for (size_t j = 0; j < m->n; ) {
			size_t k = j, d;
			while (k < m->n && cls(m->c[k]) == C_LATIN)
				k++;
			if (k - j >= 2 && k - j < 64 &&
			    !(j == 0 && k == plen)) {
				for (size_t l = j; l < k; l++)
					lt[l - j] = lower(m->c[l]);
				d = (size_t)osa(lw, n, lt, k - j, 1);
				if (d == 0 || (d == 1 && n >= 3 && k - j >= 3))
					return (long)i;
			}
			j = k > j ? k : j + 1;
		}
	}
	return -1;
}

/*
 * The publisher's mark and a Latin product name ("IIJ DDoS…") where no
 * service's name is written: a hit when the Latin word is one of a
 * service's name, which it then likely means.  Another product of the
 * publisher's ("IIJ IDサービス") shares no word with the services' names.
 */
static void
find_products(const struct lint *x, const struct text *t, struct hits *h)
{
	const uint32_t	*p = x->pub;
	size_t		 np = x->npub;

	for (size_t j = 0; np > 0 && j + np < t->n; j++) {
		size_t	 k = j + np, w, e;
		long	 nm;

		if (memcmp(t->c + j, p, np * sizeof(*p)) != 0 ||
		    (j > 0 && cls(t->c[j - 1]) == C_LATIN))
			continue;
		if (k < t->n && t->c[k] == ' ')
			k++;
		for (w = k; w < t->n && cls(t->c[w]) == C_LATIN; w++)
			;
		if (w - k < 2)
			continue;
		for (e = w; e < t->n && (alnum(t->c[e]) || t->c[e] == ' ' ||
		    t->c[e] == '@' || cls(t->c[e]) == C_KATA); e++)
			;
		while (e > w && t->c[e - 1] == ' ')
			e--;
		/* a name written whole here is a hit already */
		if (overlaps(h, j, e) ||
		    (nm = product_word(x, t->c + k, w - k, np)) < 0)
			continue;
		h->nm = (size_t)nm;
		add_hit(h, j, e, 0, LINT_NAME_UNKNOWN);
		j = e - 1;
	}
}

static int
hit_cmp(const void *a, const void *b)
{
	const struct hit *ha = a, *hb = b;

	return ha->s < hb->s ? -1 : ha->s > hb->s;
}

static uint64_t
key2(const uint32_t *c)
{
	return (uint64_t)c[0] << 32 | c[1];
}

static int
piece_cmp(const void *a, const void *b)
{
	const struct piece *pa = a, *pb = b;

	return pa->key < pb->key ? -1 : pa->key > pb->key;
}

static void
add_piece(struct lint *x, size_t nm, size_t off, size_t n)
{
	x->pc = grow(x->pc, &x->pccap, x->npc, sizeof(*x->pc));
	x->pc[x->npc++] = (struct piece){ key2(x->nm[nm].c + off), nm, off, n };
}

/* Indexes the names' pieces; names of one character are not looked for. */
static void
index_names(struct lint *x)
{
	for (size_t i = 0; i < x->nnm; i++) {
		size_t	 n = x->nm[i].n, np = 2 * (size_t)allowed(n, n) + 1;

		if (n < 2)
			continue;
		add_piece(x, i, 0, n);
		for (size_t k = 0; np > 1 && k < np; k++)
			add_piece(x, i, k * n / np,
			    (k + 1) * n / np - k * n / np);
	}
	if (x->npc > 1)
		qsort(x->pc, x->npc, sizeof(*x->pc), piece_cmp);
	x->npub = publisher(x, &x->pub);
}

/* Adds the hits of name k in whole[0..n) that overlap none so far. */
static void
add_whole(struct hits *h, const struct hit *whole, size_t n, size_t k)
{
	for (size_t i = 0; i < n; i++)
		if (whole[i].nm == k && !overlaps(h, whole[i].s, whole[i].e)) {
			h->nm = k;
			add_hit(h, whole[i].s, whole[i].e, 0,
			    LINT_NAME_LITERAL);
		}
}

/*
 * Looks the text up in the index: adds a hit for each name written whole
 * (longest first, none overlapping), and marks in cand[] each name a
 * piece of which it holds.
 */
static void
find_names(const struct lint *x, const struct text *t, struct hits *h,
    char *cand)
{
	struct hit	*whole = NULL;
	size_t		 nwhole = 0, cap = 0;

	memset(cand, 0, x->nnm);
	for (size_t j = 0; j + 1 < t->n; j++) {
		uint64_t key = key2(t->c + j);
		size_t	 lo = 0, hi = x->npc;

		while (lo < hi) {		/* the first piece with key */
			size_t mid = lo + (hi - lo) / 2;
			if (x->pc[mid].key < key)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < x->npc && x->pc[lo].key == key; lo++) {
			const struct piece *p = &x->pc[lo];
			const struct name *m = &x->nm[p->nm];

			if (j + p->n > t->n || !same(t->c + j, p->n,
			    m->c + p->off, p->n))
				continue;
			cand[p->nm] = 1;
			if (p->n == m->n) {
				whole = grow(whole, &cap, nwhole,
				    sizeof(*whole));
				whole[nwhole++] = (struct hit){ j, j + m->n,
				    p->nm, 0, LINT_NAME_LITERAL };
			}
		}
	}
	/*
	 * Names go longest first (a name inside a longer one is that one),
	 * and of two the same, the text's own service's first.
	 */
	for (size_t k0 = 0, k1; k0 < x->nnm; k0 = k1) {
		for (k1 = k0; k1 < x->nnm && x->nm[k1].n == x->nm[k0].n; k1++)
			;
		for (int own = 1; own >= 0; own--)
			for (size_t k = k0; k < k1; k++)
				if ((x->nm[k].svc == t->svc) == own)
					add_whole(h, whole, nwhole, k);
	}
	free(whole);
}

/* The tag that renders name m in its service's text. */
static const char *
name_tag(const struct lint *x, const struct name *m)
{
	return !m->is_short && x->svc[m->svc].short_name != NULL ?
	    "<name form=\"full\"/>" : "<name/>";
}

static void
report_hit(struct lint *x, const struct text *t, const struct hit *h)
{
	const struct name	*m = &x->nm[h->nm];
	const struct svc	*of = &x->svc[m->svc];
	char			*s = utf8(t->c + h->s, h->e - h->s);
	int			 own = m->svc == t->svc;
	long			 line = t->line[h->s];

	switch (h->kind) {
	case LINT_NAME_LITERAL:
		report(x, h->kind, t->file, line, "\"%s\" is this service's "
		    "%s typed by hand (write %s)", m->shown, m->is_short ?
		    "short name" : "name", name_tag(x, m));
		break;
	case LINT_NAME_VARIANT:
		if (own)
			report(x, h->kind, t->file, line, "\"%s\" is not this "
			    "service's %s \"%s\" (a typo? write %s)", s,
			    m->is_short ? "short name" : "name", m->shown,
			    name_tag(x, m));
		else
			report(x, h->kind, t->file, line, "\"%s\" is not "
			    "service %s's %s \"%s\" (a typo?)", s, of->id,
			    m->is_short ? "short name" : "name", m->shown);
		break;
	default:
		if (own)
			report(x, h->kind, t->file, line, "\"%s\" is no "
			    "service's name or short name (this service is "
			    "\"%s\": write %s)", s, of->name, "<name/>");
		else
			report(x, h->kind, t->file, line, "\"%s\" is no "
			    "service's name or short name (service %s is "
			    "\"%s\"; a typo?)", s, of->id, of->name);
		break;
	}
	free(s);
}

/*
 * Finds names in each service's own texts, reports them, and leaves the
 * service's own name, as written or misspelt, as <name/>: a phrase that
 * differs from another service's only there differs as intended.
 */
static void
pass_names(struct lint *x)
{
	struct hits	 h = { 0 };
	char		*cand = wp_calloc(x->nnm, 1);

	index_names(x);
	for (size_t ti = 0; ti < x->nt; ti++) {
		struct text	*t = &x->t[ti];
		size_t		 n = 0, next = 0;

		if (t->voter)
			continue;
		h.n = 0;
		find_names(x, t, &h, cand);
		for (size_t k = 0; k < x->nnm; k++) {
			const struct name *m = &x->nm[k];
			if (!cand[k] || allowed(m->n, m->n) == 0)
				continue;
			h.nm = k;
			search(m->c, m->n, t->c, t->n, allowed(m->n, m->n),
			    found_near, &h);
		}
		find_products(x, t, &h);
		if (h.n == 0)
			continue;
		qsort(h.v, h.n, sizeof(*h.v), hit_cmp);
		for (size_t j = 0; j < t->n; ) {
			struct hit *e = next < h.n && h.v[next].s == j ?
			    &h.v[next++] : NULL;
			int own = e != NULL && x->nm[e->nm].svc == t->svc;
			/* another service's name, rightly written, is fine */
			int bad = e != NULL && (own || e->d > 0 ||
			    e->kind == LINT_NAME_UNKNOWN);
			int mine = own && e->kind != LINT_NAME_UNKNOWN;

			if (bad) {
				report_hit(x, t, e);
				claim(x, ti, n, mine ? n + 1 : n + e->e - j);
			}
			if (mine) {
				t->c[n] = CH_NAME, t->line[n++] = t->line[j];
				j = e->e;
				continue;
			}
			do
				t->c[n] = t->c[j], t->line[n++] = t->line[j++];
			while (e != NULL && j < e->e);
		}
		t->n = n;
	}
	free(cand);
	free(h.v);
}

/* ---- links ------------------------------------------------------------ */

/* A link's host (lower case) and path, as characters. */
struct addr {
	uint32_t	*host, *path;
	size_t		 nhost, npath;
	size_t		 hf;		/* its host's form */
};

static void
parse_addr(const char *href, struct addr *a)
{
	const char	*h = strstr(href, "://"), *p;

	h = h != NULL ? h + 3 : href + strlen(href);
	p = h + strcspn(h, "/?#");
	a->nhost = decode(h, p - h, &a->host);
	for (size_t i = 0; i < a->nhost; i++)
		a->host[i] = lower(a->host[i]);
	a->npath = decode(p, -1, &a->path);
}

/* A host the links write, or a path they write on one host. */
struct uform {
	const uint32_t	*c;		/* borrowed from a struct addr */
	size_t		 n;
	size_t		 host;		/* a path's host form */
	size_t		 links;		/* how many links write it */
	size_t		 writers;	/* how many services */
	char		*by;		/* by[svc]: does svc write it? */
};

static const struct addr *sort_ad;
static int sort_part;

static int
addr_cmp(const void *a, const void *b)
{
	const struct addr *x = &sort_ad[*(const size_t *)a];
	const struct addr *y = &sort_ad[*(const size_t *)b];
	const uint32_t	*cx = sort_part ? x->path : x->host;
	const uint32_t	*cy = sort_part ? y->path : y->host;
	size_t		 nx = sort_part ? x->npath : x->nhost;
	size_t		 ny = sort_part ? y->npath : y->nhost;

	if (sort_part && x->hf != y->hf)
		return x->hf < y->hf ? -1 : 1;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	for (size_t i = 0; i < nx; i++)
		if (cx[i] != cy[i])
			return cx[i] < cy[i] ? -1 : 1;
	return 0;
}

/*
 * The forms of the links' hosts (part 0) or paths on each host (part 1)
 * in *out; returns how many.  Hosts first: they set each addr's hf.
 */
static size_t
uforms(const struct lint *x, struct addr *ad, int part, struct uform **out)
{
	size_t	*ix = wp_malloc((x->nl + 1) * sizeof(*ix)), nf = 0;

	*out = wp_calloc(x->nl + 1, sizeof(**out));
	for (size_t i = 0; i < x->nl; i++)
		ix[i] = i;
	sort_ad = ad, sort_part = part;
	if (x->nl > 1)
		qsort(ix, x->nl, sizeof(*ix), addr_cmp);
	for (size_t k = 0; k < x->nl; k++) {
		struct addr	*a = &ad[ix[k]];
		struct uform	*f;

		if (k == 0 || addr_cmp(&ix[k - 1], &ix[k]) != 0) {
			f = &(*out)[nf++];
			f->c = part ? a->path : a->host;
			f->n = part ? a->npath : a->nhost;
			f->host = a->hf;
			f->by = wp_calloc(x->nsvc, 1);
		}
		f = &(*out)[nf - 1];
		f->links++;
		if (!f->by[x->l[ix[k]].svc]) {
			f->by[x->l[ix[k]].svc] = 1;
			f->writers++;
		}
		if (!part)
			a->hf = nf - 1;
	}
	free(ix);
	return nf;
}

/*
 * Of the forms (on host, for paths), the near form of mine that the
 * most services other than svc write, if more write it than write mine.
 * Returns its index, or -1.
 */
static long
url_majority(const struct uform *f, size_t nf, const uint32_t *mine,
    size_t nmine, int part, size_t host, int svc)
{
	size_t	 bestk = 0, k, own = 0;
	long	 best = -1;

	for (size_t g = 0; g < nf; g++) {
		int d;

		if (part && f[g].host != host)
			continue;
		k = f[g].writers - (f[g].by[svc] != 0);
		d = osa(mine, nmine, f[g].c, f[g].n, MAX_EDITS);
		if (d == 0)
			own = k;
		else if (d <= allowed(nmine, f[g].n) && k > bestk)
			best = (long)g, bestk = k;
	}
	return bestk >= MIN_MAJORITY && bestk > own ? best : -1;
}

static void
report_url(struct lint *x, const struct link *l, const uint32_t *c,
    size_t n, const struct uform *m)
{
	char	*v = utf8(c, n), *w = utf8(m->c, m->n);

	report(x, LINT_URL, l->file, l->line, "\"%s\" in \"%s\" is written "
	    "\"%s\" in %zu other links (a typo?)", v, l->href, w, m->links);
	free(v);
	free(w);
}

static void
pass_links(struct lint *x)
{
	struct addr	*ad = wp_calloc(x->nl + 1, sizeof(*ad));
	struct uform	*hf, *pf;
	size_t		 nh, np;

	for (size_t i = 0; i < x->nl; i++)
		parse_addr(x->l[i].href, &ad[i]);
	nh = uforms(x, ad, 0, &hf);
	np = uforms(x, ad, 1, &pf);
	for (size_t i = 0; i < x->nl; i++) {
		const struct link *l = &x->l[i];
		size_t		 host = ad[i].hf;
		long		 m;

		if (l->voter || ad[i].nhost == 0)
			continue;
		m = url_majority(hf, nh, ad[i].host, ad[i].nhost, 0, 0, l->svc);
		if (m >= 0) {
			report_url(x, l, ad[i].host, ad[i].nhost, &hf[m]);
			host = (size_t)m;	/* the path as on that host */
		}
		m = url_majority(pf, np, ad[i].path, ad[i].npath, 1, host,
		    l->svc);
		if (m >= 0)
			report_url(x, l, ad[i].path, ad[i].npath, &pf[m]);
	}
	for (size_t i = 0; i < nh; i++)
		free(hf[i].by);
	for (size_t i = 0; i < np; i++)
		free(pf[i].by);
	for (size_t i = 0; i < x->nl; i++) {
		free(ad[i].host);
		free(ad[i].path);
	}
	free(hf);
	free(pf);
	free(ad);
}

/* ---- phrases: the same clause in other services ----------------------- */

struct phrase {
	size_t		 text, s, e;
};

static size_t
split(const struct text *t, size_t ti, struct phrase **v, size_t n,
    size_t *cap)
{
	size_t	 s = 0;

	for (size_t j = 0; j <= t->n; j++) {
		if (j < t->n && !is_break(t->c[j]))
			continue;
		if (j > s) {
			*v = grow(*v, cap, n, sizeof(**v));
			(*v)[n++] = (struct phrase){ ti, s, j };
		}
		s = j + 1;
	}
	return n;
}

static const uint32_t *
pc(const struct lint *x, const struct phrase *p)
{
	return x->t[p->text].c + p->s;
}

/*
 * The phrases by group, then by what they read (length first), then
 * service and place.  Texts are read service by service, so the order
 * of texts is the order of services.
 */
static const struct lint *sort_x;

static int
phrase_cmp(const void *a, const void *b)
{
	const struct phrase	*pa = a, *pb = b;
	const struct text	*ta = &sort_x->t[pa->text];
	const struct text	*tb = &sort_x->t[pb->text];
	size_t			 na = pa->e - pa->s, nb = pb->e - pb->s;
	int			 c = strcmp(ta->group, tb->group);

	if (c != 0)
		return c;
	if (na != nb)
		return na < nb ? -1 : 1;
	for (size_t i = 0; i < na; i++)
		if (ta->c[pa->s + i] != tb->c[pb->s + i])
			return ta->c[pa->s + i] < tb->c[pb->s + i] ? -1 : 1;
	if (pa->text != pb->text)
		return pa->text < pb->text ? -1 : 1;
	return pa->s < pb->s ? -1 : pa->s > pb->s;
}

/* The phrases of a group that read the same: v[s..e). */
struct form {
	size_t		 s, e;
	size_t		 len;
	size_t		 writers;	/* how many services write it */
};

/* Does service svc write form f? */
static int
writes(const struct lint *x, const struct phrase *v, const struct form *f,
    int svc)
{
	for (size_t i = f->s; i < f->e; i++)
		if (x->t[v[i].text].svc == svc)
			return 1;
	return 0;
}

static int
all_in(const uint32_t *c, size_t n, unsigned mask)
{
	for (size_t i = 0; i < n; i++)
		if (!(mask & 1U << cls(c[i])))
			return 0;
	return 1;
}

#define M(k)	(1U << (k))

/*
 * Is n characters added between a character of class before and one of
 * class after a slip?  A kana after a kanji stem, before kana (関(す)る),
 * or a letter inside a word (マネ(ー)ジド); not a particle or a word.
 */
static int
slip_at(const uint32_t *ins, size_t n, enum cls before, enum cls after)
{
	enum cls	 k = cls(ins[0]);

	if (all_in(ins, n, M(C_HIRA)))
		return before == C_KANJI && after == C_HIRA;
	return k != C_OTHER && all_in(ins, n, M(k)) && before == k &&
	    after == k;
}

/*
 * Does the difference g between a and b look like a slip rather than
 * wording, or a choice in how Japanese is spelt?  Slips: a character for
 * another (契約社, 知つて, ISO/ICE), one added or left out inside a word
 * (マネジド) or a kana left out after a kanji stem (関る).  Not slips:
 * kanji for kana (及び, および), kana of another length (しています,
 * しております), okurigana and particles (取り組み, 取組み; ように努め,
 * よう努め), words added at a phrase's edge (ご契約, お客様間), and
 * punctuation for a particle (センター・機器, センターや機器).
 */
static int
slip(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    const struct seg *g)
{
	const uint32_t	*da = a + g->a0, *db = b + g->b0;
	size_t		 la = g->a1 - g->a0, lb = g->b1 - g->b0;

	if (la == 0 || lb == 0) {
		const uint32_t	*ins = la ? da : db, *in = la ? b : a;
		size_t		 nins = la ? la : lb, nin = la ? nb : na;
		size_t		 at = la ? g->b0 : g->a0, lo = at, hi = at;

		/* 関し(まし)て is 関(しま)して: each place the text allows */
		for (size_t i = 0; lo > 0 && in[lo - 1] == ins[(nins - 1 -
		    i % nins)]; i++)
			lo--;
		for (size_t i = 0; hi < nin && in[hi] == ins[i % nins]; i++)
			hi++;
		for (at = lo; at <= hi; at++)
			if (at == 0 || at >= nin || !slip_at(ins, nins,
			    cls(in[at - 1]), cls(in[at])))
				return 0;
		return 1;
	}
	if (all_in(da, la, M(C_HIRA)) && all_in(db, lb, M(C_HIRA)))
		return la == lb;
	if ((all_in(da, la, M(C_KANJI)) && all_in(db, lb, M(C_HIRA))) ||
	    (all_in(da, la, M(C_HIRA)) && all_in(db, lb, M(C_KANJI))))
		return 0;
	return !(all_in(da, la, M(C_HIRA) | M(C_OTHER)) &&
	    all_in(db, lb, M(C_HIRA) | M(C_OTHER)));
}

/* Does c continue a word of class k (Latin words hold ISO/IEC, e-mail)? */
static int
in_word(uint32_t c, enum cls k)
{
	if (k == C_LATIN)
		return cls(c) == C_LATIN || (c != 0 && strchr("/-._&@", (int)c)
		    != NULL && c < 0x80);
	if (k == C_DIGIT)
		return cls(c) == C_DIGIT || c == '.' || c == ',';
	return cls(c) == k;
}

/*
 * How far a difference at a[at] going in direction dir (-1, +1) grows:
 * over the rest of a word of its own class, or, for kana, over the word
 * next to it, or one character.
 */
static size_t
reach(const uint32_t *a, size_t na, size_t at, int dir, enum cls k)
{
	size_t	 n = 0;

	if (k == C_HIRA || k == C_OTHER) {
		if (at >= na || is_break(a[at]))
			return 0;
		k = cls(a[at]);
		if (k == C_HIRA || k == C_OTHER || k == C_SPACE) {
			/* a kana; going left, two and what they follow */
			if (dir > 0)
				return 1;
			for (n = 1, at--; n < 2 && at < na &&
			    cls(a[at]) == C_HIRA; n++)
				at--;
			return n + (at < na && !is_break(a[at]));
		}
	}
	while (n < WORD_SPAN && at < na && !is_break(a[at]) &&
	    in_word(a[at], k))
		n++, at += (size_t)dir;		/* wraps below 0: at >= na */
	return n;
}

/*
 * Widens a difference to what a reader recognises: to whole words, or
 * for a kana, to the words on either side (アクセスの制限).
 */
static void
widen(const uint32_t *a, const uint32_t *b, size_t na, size_t nb,
    struct seg *g)
{
	uint32_t first = g->a0 < g->a1 ? a[g->a0] : b[g->b0];
	uint32_t last = g->a0 < g->a1 ? a[g->a1 - 1] : b[g->b1 - 1];
	size_t	 l = reach(a, na, g->a0 - 1, -1, cls(first));
	size_t	 r = reach(a, na, g->a1, 1, cls(last));

	for (size_t i = 0; i < l && g->a0 > 0 && g->b0 > 0 &&
	    a[g->a0 - 1] == b[g->b0 - 1]; i++)
		g->a0--, g->b0--;
	for (size_t i = 0; i < r && g->a1 < na && g->b1 < nb &&
	    a[g->a1] == b[g->b1]; i++)
		g->a1++, g->b1++;
}

/* Does another text of ti's service hold c[0..n)? */
static int
written_elsewhere(const struct lint *x, size_t ti, const uint32_t *c,
    size_t n)
{
	for (size_t i = 0; i < x->nt; i++) {
		const struct text *t = &x->t[i];
		if (i == ti || t->voter || t->svc != x->t[ti].svc)
			continue;
		for (size_t j = 0; j + n <= t->n; j++)
			if (memcmp(t->c + j, c, n * sizeof(*c)) == 0)
				return 1;
	}
	return 0;
}

/* Reports where phrase p differs from the majority's phrase m. */
static void
report_variant(struct lint *x, const struct phrase *p,
    const struct phrase *m, size_t writers_m)
{
	const struct text	*t = &x->t[p->text];
	const uint32_t		*a = pc(x, p), *b = pc(x, m);
	size_t			 na = p->e - p->s, nb = m->e - m->s, ns;
	struct seg		*sg;

	diff(a, na, b, nb, &sg, &ns);
	for (size_t i = 0; i < ns; i++) {
		struct seg	 g = sg[i];
		char		*v, *w;

		if (!slip(a, na, b, nb, &g))
			continue;
		widen(a, b, na, nb, &g);
		if (claimed(x, p->text, p->s + g.a0, p->s + g.a1))
			continue;
		/* the clause's majority is the content's minority */
		if (count_all(x, a + g.a0, g.a1 - g.a0) >
		    count_all(x, b + g.b0, g.b1 - g.b0))
			continue;
		/* a word this service writes elsewhere too is its own (PaaS) */
		if (g.a1 > g.a0 && cls(a[g.a0]) != C_HIRA &&
		    all_in(a + g.a0, g.a1 - g.a0, M(cls(a[g.a0]))) &&
		    written_elsewhere(x, p->text, a + g.a0, g.a1 - g.a0))
			continue;
		claim(x, p->text, p->s + g.a0, p->s + g.a1);
		v = utf8(a + g.a0, g.a1 - g.a0);
		w = utf8(b + g.b0, g.b1 - g.b0);
		report(x, LINT_VARIANT, t->file, t->line[p->s + (g.a0 < na ?
		    g.a0 : na - 1)], "\"%s\" is written "
		    "\"%s\" by %zu other services in %s (a typo?)", v, w,
		    writers_m, t->group);
		free(v);
		free(w);
	}
	free(sg);
}

/*
 * The forms near form f among fm[lo..hi), those of a length near its,
 * in *near, with their distances in *dist; returns how many.
 */
static size_t
near_forms(struct lint *x, const struct phrase *v, const struct form *fm,
    size_t lo, size_t hi, size_t f, size_t *near, int *dist)
{
	size_t	 k = 0;

	for (size_t g = lo; g < hi && work(x); g++) {
		int d;

		if (g == f)
			continue;
		d = osa(pc(x, &v[fm[f].s]), fm[f].len, pc(x, &v[fm[g].s]),
		    fm[g].len, MAX_EDITS);
		if (d <= allowed(fm[f].len, fm[g].len))
			near[k] = g, dist[k++] = d;
	}
	return k;
}

static void
pass_phrases(struct lint *x)
{
	struct phrase	*v = NULL;
	struct form	*fm = NULL;
	size_t		 n = 0, cap = 0, fcap = 0, *near = NULL;
	int		*dist = NULL;

	for (size_t i = 0; i < x->nt; i++)
		n = split(&x->t[i], i, &v, n, &cap);
	sort_x = x;
	if (n > 1)
		qsort(v, n, sizeof(*v), phrase_cmp);
	near = wp_malloc((n + 1) * sizeof(*near));
	dist = wp_malloc((n + 1) * sizeof(*dist));
	for (size_t g0 = 0, g1; g0 < n; g0 = g1) {
		const char	*group = x->t[v[g0].text].group;
		size_t		 nf = 0;

		/* the group's forms, each with its number of writers */
		for (g1 = g0; g1 < n && strcmp(x->t[v[g1].text].group,
		    group) == 0; g1++) {
			size_t	 len = v[g1].e - v[g1].s;
			int	 svc = x->t[v[g1].text].svc;

			if (nf == 0 || !same(pc(x, &v[g1]), len,
			    pc(x, &v[fm[nf - 1].s]), fm[nf - 1].len)) {
				fm = grow(fm, &fcap, nf, sizeof(*fm));
				fm[nf++] = (struct form){ g1, g1, len, 0 };
			}
			if (fm[nf - 1].s == g1 ||
			    x->t[v[g1 - 1].text].svc != svc)
				fm[nf - 1].writers++;
			fm[nf - 1].e = g1 + 1;
		}
		for (size_t f = 0, lo = 0, hi = 0; f < nf && x->work > 0; f++) {
			size_t	 nn;

			/* forms go by length: those near f's are beside it */
			while (fm[lo].len + MAX_EDITS < fm[f].len)
				lo++;
			while (hi < nf && fm[hi].len <= fm[f].len + MAX_EDITS)
				hi++;
			if (allowed(fm[f].len, fm[f].len) == 0 ||
			    (nn = near_forms(x, v, fm, lo, hi, f, near,
			    dist)) == 0)
				continue;
			for (size_t i = fm[f].s; i < fm[f].e; i++) {
				const struct text *t = &x->t[v[i].text];
				size_t	 bestk = 0, mine = fm[f].writers - 1;
				long	 best = -1;
				int	 bestd = 0;

				if (t->voter)
					continue;
				for (size_t j = 0; j < nn; j++) {
					const struct form *g = &fm[near[j]];
					size_t k = g->writers -
					    (size_t)writes(x, v, g, t->svc);

					if (k > bestk || (k == bestk &&
					    dist[j] < bestd))
						best = (long)g->s, bestk = k,
						bestd = dist[j];
				}
				if (best >= 0 && bestk >= MIN_MAJORITY &&
				    bestk > mine)
					report_variant(x, &v[i], &v[best],
					    bestk);
			}
		}
	}
	free(near);
	free(dist);
	free(fm);
	free(v);
}

/* ---- words: a rare near-variant of a frequent word, anywhere ----------- */

struct word {
	size_t		 text, s, e;
	enum cls	 k;
};

static int
word_cmp(const void *a, const void *b)
{
	const struct word	*wa = a, *wb = b;
	const uint32_t		*ca = sort_x->t[wa->text].c + wa->s;
	const uint32_t		*cb = sort_x->t[wb->text].c + wb->s;
	size_t			 na = wa->e - wa->s, nb = wb->e - wb->s;

	if (wa->k != wb->k)
		return wa->k < wb->k ? -1 : 1;
	if (na != nb)
		return na < nb ? -1 : 1;
	for (size_t i = 0; i < na; i++)
		if (ca[i] != cb[i])
			return ca[i] < cb[i] ? -1 : 1;
	if (wa->text != wb->text)
		return wa->text < wb->text ? -1 : 1;
	return wa->s < wb->s ? -1 : wa->s > wb->s;
}

/* The words of t: runs of kanji, of katakana, of Latin letters. */
static size_t
words(const struct text *t, size_t ti, struct word **v, size_t n,
    size_t *cap)
{
	for (size_t j = 0; j < t->n; ) {
		enum cls k = cls(t->c[j]);
		size_t	 e = j + 1;

		if (k != C_KANJI && k != C_KATA && k != C_LATIN) {
			j++;
			continue;
		}
		while (e < t->n && (cls(t->c[e]) == k || (k == C_LATIN &&
		    in_word(t->c[e], k) && e + 1 < t->n &&
		    cls(t->c[e + 1]) == C_LATIN)))
			e++;
		if (e - j >= MIN_WORD) {
			*v = grow(*v, cap, n, sizeof(**v));
			(*v)[n++] = (struct word){ ti, j, e, k };
		}
		j = e;
	}
	return n;
}

/* The characters around word w, 0 at a phrase's edge. */
static void
context(const struct lint *x, const struct word *w, uint32_t *l, uint32_t *r)
{
	const struct text *t = &x->t[w->text];

	*l = w->s > 0 && !is_break(t->c[w->s - 1]) ? t->c[w->s - 1] : 0;
	*r = w->e < t->n && !is_break(t->c[w->e]) ? t->c[w->e] : 0;
}

/*
 * Is some occurrence in v[r0..r1) written between the same characters
 * as some occurrence in v[f0..f1)?  「当社と契約社の」 and 「当社と契約者の」
 * are one phrase; 「暗号リスト」 and 「のリスク」 two words.
 */
static int
same_context(const struct lint *x, const struct word *v, size_t r0,
    size_t r1, size_t f0, size_t f1)
{
	for (size_t i = r0; i < r1; i++) {
		uint32_t rl, rr;
		context(x, &v[i], &rl, &rr);
		for (size_t j = f0; j < f1; j++) {
			uint32_t fl, fr;
			context(x, &v[j], &fl, &fr);
			if (rl == fl && rr == fr)
				return 1;
		}
	}
	return 0;
}

/* Same class, same length? */
static int
word_kin(const struct word *a, const struct word *b)
{
	return a->k == b->k && a->e - a->s == b->e - b->s;
}

static void
pass_words(struct lint *x)
{
	struct word	*v = NULL;
	size_t		*first = NULL, nd = 0, n = 0, cap = 0;

	for (size_t i = 0; i < x->nt; i++)
		n = words(&x->t[i], i, &v, n, &cap);
	sort_x = x;
	if (n > 1)
		qsort(v, n, sizeof(*v), word_cmp);
	/* first[i]: where the i-th distinct word starts in v */
	first = wp_malloc((n + 1) * sizeof(*first));
	for (size_t i = 0; i < n; i++)
		if (i == 0 || v[i].k != v[i - 1].k || !same(x->t[v[i].text].c +
		    v[i].s, v[i].e - v[i].s, x->t[v[i - 1].text].c +
		    v[i - 1].s, v[i - 1].e - v[i - 1].s))
			first[nd++] = i;
	first[nd] = n;
	for (size_t r = 0, b0 = 0, b1 = 0; r < nd; r++) {
		const struct word *wr = &v[first[r]];
		const uint32_t *cr = x->t[wr->text].c + wr->s;
		size_t	 nr = wr->e - wr->s, rare = first[r + 1] - first[r];
		size_t	 bestn = 0;
		long	 best = -1;

		/* words of r's class and length: v[first[b0..b1)] */
		if (r == 0 || !word_kin(&v[first[r - 1]], wr))
			b0 = r;
		for (b1 = b1 > r ? b1 : r + 1; b1 < nd &&
		    word_kin(&v[first[b1]], wr); b1++)
			;
		if (rare > RARE_MAX)
			continue;
		if (x->work == 0)
			break;
		for (size_t f = b0; f < b1; f++) {
			const struct word *wf = &v[first[f]];
			const uint32_t *cf = x->t[wf->text].c + wf->s;
			size_t	 nf = wf->e - wf->s, often;

			if (f == r || first[f + 1] - first[f] <= rare ||
			    !work(x) || osa(cr, nr, cf, nf, 1) != 1 ||
			    !same_context(x, v, first[r], first[r + 1],
			    first[f], first[f + 1]))
				continue;
			often = count_all(x, cf, nf);
			if (often >= FREQ_RATIO * rare && often > bestn)
				best = (long)f, bestn = often;
		}
		if (best < 0)
			continue;
		for (size_t i = first[r]; i < first[r + 1]; i++) {
			const struct text *t = &x->t[v[i].text];
			const struct word *wf = &v[first[best]];
			char	*s, *w;

			if (t->voter || claimed(x, v[i].text, v[i].s, v[i].e))
				continue;
			s = utf8(cr, nr);
			w = utf8(x->t[wf->text].c + wf->s, wf->e - wf->s);
			report(x, LINT_TOKEN, t->file, t->line[v[i].s],
			    "\"%s\" is written \"%s\" in %zu other places "
			    "(a typo?)", s, w, bestn);
			free(s);
			free(w);
		}
	}
	free(first);
	free(v);
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
	const struct name *na = a, *nb = b;

	if (na->n != nb->n)
		return na->n > nb->n ? -1 : 1;
	if (na->svc != nb->svc)
		return na->svc < nb->svc ? -1 : 1;
	return na->is_short - nb->is_short;
}

/* Frees what a run gathered; the findings stay. */
static void
lint_free(struct lint *x)
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
	free(x->pc);
	free(x->cl);
	free(x->svc);
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
	/* longest first: a name inside a longer one is that one */
	if (x.nnm > 1)
		qsort(x.nm, x.nnm, sizeof(*x.nm), name_cmp);
	pass_names(&x);
	pass_links(&x);
	pass_phrases(&x);
	x.work = WORK_MAX;
	pass_words(&x);

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
	lint_free(&x);
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

int
wp_lint_distance(const char *a, const char *b, int max)
{
	uint32_t	*ca, *cb;
	size_t		 na = decode(a, -1, &ca), nb = decode(b, -1, &cb);
	int		 d = osa(ca, na, cb, nb, max);

	free(ca);
	free(cb);
	return d;
}

size_t
wp_lint_split(const char *text, char ***out)
{
	struct text	 t = { 0 };
	struct phrase	*v = NULL;
	size_t		 n, cap = 0;
	long		 line = 1;
	int		 space = 0;

	push_utf8(&t, BAD_CAST text, &line, &space);
	n = split(&t, 0, &v, 0, &cap);
	*out = wp_calloc(n, sizeof(**out));
	for (size_t i = 0; i < n; i++)
		(*out)[i] = utf8(t.c + v[i].s, v[i].e - v[i].s);
	free(v);
	free(t.c);
	free(t.line);
	return n;
}

void
wp_lint_strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
