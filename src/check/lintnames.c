/*
 * lintnames: the names pass.  Finds in each service's texts its own name
 * typed by hand, a name misspelt (its own or another service's), and the
 * publisher's mark with a product word where no service's name is
 * written; then leaves the service's own name as <name/> for the passes
 * after it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "check/lint.h"
#include "check/lintint.h"

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

/* What the pass looks names up by. */
struct index {
	struct piece	*pc;		/* sorted by key */
	size_t		 npc, pccap;
	const uint32_t	*pub;		/* the publisher's mark: "IIJ" */
	size_t		 npub;
};

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
	h->v = wp_grow(h->v, &h->cap, h->n, sizeof(*h->v));
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

	*p = x->mark;			/* the dictionary says it */
	if (x->nmark >= 2)
		return x->nmark;
	*p = NULL;
	for (size_t i = 0; i < x->nnm; i++) {
		const struct lint_name *m = &x->nm[i];
		size_t l = 0;

		if (m->is_short || m->svc == LINT_LISTED)
			continue;
		while (l < m->n && wp_char_kind(m->c[l]) == WP_CH_LATIN)
			l++;
		if (nfull++ == 0)
			*p = m->c, len = l;
		else if (!lint_same(*p, len, m->c, l))
			return 0;
	}
	return nfull >= 2 && len >= 2 ? len : 0;
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
		lw[i] = lint_lower(w[i]);
	for (size_t i = 0; i < x->nnm; i++) {
		const struct lint_name *m = &x->nm[i];

		for (size_t j = 0; j < m->n; ) {
			size_t k = j, d;
			while (k < m->n && wp_char_kind(m->c[k]) == WP_CH_LATIN)
				k++;
			if (k - j >= 2 && k - j < 64 &&
			    !(j == 0 && k == plen)) {
				for (size_t l = j; l < k; l++)
					lt[l - j] = lint_lower(m->c[l]);
				d = (size_t)lint_osa(lw, n, lt, k - j, 1);
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
find_products(const struct lint *x, const struct index *ix,
    const struct lint_text *t, struct hits *h)
{
	const uint32_t	*p = ix->pub;
	size_t		 np = ix->npub;

	for (size_t j = 0; np > 0 && j + np < t->n; j++) {
		size_t	 k = j + np, w, e;
		long	 nm;

		if (memcmp(t->c + j, p, np * sizeof(*p)) != 0 ||
		    (j > 0 && wp_char_kind(t->c[j - 1]) == WP_CH_LATIN))
			continue;
		if (k < t->n && t->c[k] == ' ')
			k++;
		for (w = k; w < t->n && wp_char_kind(t->c[w]) == WP_CH_LATIN;
		    w++)
			;
		if (w - k < 2)
			continue;
		for (e = w; e < t->n && (lint_alnum(t->c[e]) ||
		    t->c[e] == ' ' || t->c[e] == '@' ||
		    wp_char_kind(t->c[e]) == WP_CH_KATAKANA); e++)
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
add_piece(struct index *ix, const struct lint *x, size_t nm, size_t off,
    size_t n)
{
	ix->pc = wp_grow(ix->pc, &ix->pccap, ix->npc, sizeof(*ix->pc));
	ix->pc[ix->npc++] = (struct piece){ key2(x->nm[nm].c + off), nm, off,
	    n };
}

/* Indexes the names' pieces; names of one character are not looked for. */
static void
index_names(struct index *ix, const struct lint *x)
{
	for (size_t i = 0; i < x->nnm; i++) {
		size_t	 n = x->nm[i].n;
		size_t	 np = 2 * (size_t)lint_allowed(n, n) + 1;

		if (n < 2)
			continue;
		add_piece(ix, x, i, 0, n);
		for (size_t k = 0; np > 1 && k < np; k++)
			add_piece(ix, x, i, k * n / np,
			    (k + 1) * n / np - k * n / np);
	}
	if (ix->npc > 1)
		qsort(ix->pc, ix->npc, sizeof(*ix->pc), piece_cmp);
	ix->npub = publisher(x, &ix->pub);
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
find_names(const struct lint *x, const struct index *ix,
    const struct lint_text *t, struct hits *h, char *cand)
{
	struct hit	*whole = NULL;
	size_t		 nwhole = 0, cap = 0;

	memset(cand, 0, x->nnm);
	for (size_t j = 0; j + 1 < t->n; j++) {
		uint64_t key = key2(t->c + j);
		size_t	 lo = 0, hi = ix->npc;

		while (lo < hi) {		/* the first piece with key */
			size_t mid = lo + (hi - lo) / 2;
			if (ix->pc[mid].key < key)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < ix->npc && ix->pc[lo].key == key; lo++) {
			const struct piece *p = &ix->pc[lo];
			const struct lint_name *m = &x->nm[p->nm];

			if (j + p->n > t->n || !lint_same(t->c + j, p->n,
			    m->c + p->off, p->n))
				continue;
			cand[p->nm] = 1;
			if (p->n == m->n) {
				whole = wp_grow(whole, &cap, nwhole,
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
name_tag(const struct lint *x, const struct lint_name *m)
{
	return !m->is_short && x->svc[m->svc].short_name != NULL ?
	    "<name form=\"full\"/>" : "<name/>";
}

/* A hit of a name the dictionary lists, and no linted service has. */
static void
report_listed(struct lint *x, const struct lint_text *t, const struct hit *h,
    const char *s)
{
	const struct lint_name	*m = &x->nm[h->nm];
	long			 line = t->line[h->s];

	if (h->kind == LINT_NAME_VARIANT)
		lint_report(x, h->kind, t->file, line, "\"%s\" is not \"%s\", "
		    "as %s spells it (a typo?)", s, m->shown, x->names_file);
	else
		lint_report(x, h->kind, t->file, line, "\"%s\" is no name %s "
		    "lists, nor a service's (is it \"%s\"?)", s, x->names_file,
		    m->shown);
}

static void
report_hit(struct lint *x, const struct lint_text *t, const struct hit *h)
{
	const struct lint_name	*m = &x->nm[h->nm];
	const struct lint_svc	*of = m->svc == LINT_LISTED ? NULL :
				    &x->svc[m->svc];
	const char		*what = m->is_short ? "short name" : "name";
	char			*s = lint_utf8(t->c + h->s, h->e - h->s);
	int			 own = m->svc == t->svc;
	long			 line = t->line[h->s];

	if (of == NULL) {
		report_listed(x, t, h, s);
		free(s);
		return;
	}
	switch (h->kind) {
	case LINT_NAME_LITERAL:
		lint_report(x, h->kind, t->file, line, "\"%s\" is this "
		    "service's %s typed by hand (write %s)", m->shown, what,
		    name_tag(x, m));
		break;
	case LINT_NAME_VARIANT:
		if (own)
			lint_report(x, h->kind, t->file, line, "\"%s\" is "
			    "not this service's %s \"%s\" (a typo? write %s)",
			    s, what, m->shown, name_tag(x, m));
		else
			lint_report(x, h->kind, t->file, line, "\"%s\" is "
			    "not service %s's %s \"%s\" (a typo?)", s, of->id,
			    what, m->shown);
		break;
	default:
		if (own)
			lint_report(x, h->kind, t->file, line, "\"%s\" is no "
			    "service's name or short name (this service is "
			    "\"%s\": write %s)", s, of->name, "<name/>");
		else
			lint_report(x, h->kind, t->file, line, "\"%s\" is no "
			    "service's name or short name (service %s is "
			    "\"%s\"; a typo?)", s, of->id, of->name);
		break;
	}
	free(s);
}

/*
 * Reports the hits h (sorted by place) in text ti, and leaves the
 * service's own name, as written or misspelt, as <name/>.
 */
static void
apply_hits(struct lint *x, size_t ti, const struct hits *h)
{
	struct lint_text	*t = &x->t[ti];
	size_t			 n = 0, next = 0;

	for (size_t j = 0; j < t->n; ) {
		struct hit *e = next < h->n && h->v[next].s == j ?
		    &h->v[next++] : NULL;
		int own = e != NULL && x->nm[e->nm].svc == t->svc;
		/* another service's name, rightly written, is fine */
		int bad = e != NULL && (own || e->d > 0 ||
		    e->kind == LINT_NAME_UNKNOWN);
		int mine = own && e->kind != LINT_NAME_UNKNOWN;

		if (bad) {
			report_hit(x, t, e);
			lint_claim(x, ti, n, mine ? n + 1 : n + e->e - j);
		} else if (e != NULL)
			/* a name as written is no one's variant: the list's
			 * spelling stays, however many misspell it */
			lint_claim(x, ti, n, n + e->e - j);
		if (mine) {
			t->c[n] = LINT_CH_NAME, t->line[n++] = t->line[j];
			j = e->e;
			continue;
		}
		do
			t->c[n] = t->c[j], t->line[n++] = t->line[j++];
		while (e != NULL && j < e->e);
	}
	t->n = n;
}

/*
 * A service's own name or short name a little unlike one the dictionary
 * lists: the metadata misspelt (every <name/> then prints it so), or a
 * new name near an old one, which the dictionary should then list too.
 */
static void
check_metadata(struct lint *x)
{
	for (size_t i = 0; i < x->nnm; i++) {
		const struct lint_name	*m = &x->nm[i];

		if (m->svc == LINT_LISTED)
			continue;
		for (size_t k = 0; k < x->nnm; k++) {
			const struct lint_name *l = &x->nm[k];
			int d;

			if (l->svc != LINT_LISTED)
				continue;
			d = lint_osa(m->c, m->n, l->c, l->n, LINT_MAX_EDITS);
			if (d > 0 && d <= lint_allowed(m->n, l->n))
				lint_report(x, LINT_NAME_VARIANT,
				    x->svc[m->svc].file, m->line, "the "
				    "service's %s \"%s\" is not \"%s\", as %s "
				    "spells it (a typo? or list the new name "
				    "there)", m->is_short ? "short name" :
				    "name", m->shown, l->shown, x->names_file);
		}
	}
}

/*
 * Finds names in each service's own texts, reports them, and leaves the
 * service's own name, as written or misspelt, as <name/>: a phrase that
 * differs from another service's only there differs as intended.
 */
void
lint_pass_names(struct lint *x)
{
	struct index	 ix = { 0 };
	struct hits	 h = { 0 };
	char		*cand = wp_calloc(x->nnm, 1);

	check_metadata(x);
	index_names(&ix, x);
	for (size_t ti = 0; ti < x->nt; ti++) {
		const struct lint_text *t = &x->t[ti];

		if (t->voter)
			continue;
		h.n = 0;
		find_names(x, &ix, t, &h, cand);
		for (size_t k = 0; k < x->nnm; k++) {
			const struct lint_name *m = &x->nm[k];
			int d = lint_allowed(m->n, m->n);

			if (!cand[k] || d == 0)
				continue;
			h.nm = k;
			lint_search(m->c, m->n, t->c, t->n, d, found_near, &h);
		}
		find_products(x, &ix, t, &h);
		if (h.n == 0)
			continue;
		qsort(h.v, h.n, sizeof(*h.v), hit_cmp);
		apply_hits(x, ti, &h);
	}
	free(cand);
	free(h.v);
	free(ix.pc);
}
