/*
 * lintwords: the phrases and words passes.  A phrase that a service
 * writes a few characters differently from most other services in the
 * same clause, and a rare word one letter from a frequent one, are
 * likely slips; wording and the choices Japanese spelling allows are not.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "check/lint.h"
#include "check/lintint.h"

/*
 * Rare words: a word seen at most RARE_MAX times, one edit from a word of
 * at least MIN_WORD characters seen FREQ_RATIO times as often.
 */
#define RARE_MAX	3
#define FREQ_RATIO	3
#define MIN_WORD	3

#define WORD_SPAN	8		/* how far a variant shown grows */

/*
 * A rare word's sentence frame: what must read the same around it and
 * the frequent word for the frame alone to be evidence of a slip.
 */
#define FRAME_MIN	4		/* in all, one character each side */
#define FRAME_SIDE	3		/* on one side at least */
#define FRAME_MAX	8

/* Does c end a phrase?  。、!? (！？ read as ASCII) and <br/>. */
static int
is_break(uint32_t c)
{
	return c == '\n' || c == 0x3002 || c == 0x3001 || c == '!' ||
	    c == '?';
}

/* ---- phrases: the same clause in other services ----------------------- */

struct phrase {
	size_t		 text, s, e;
};

static size_t
split(const struct lint_text *t, size_t ti, struct phrase **v, size_t n,
    size_t *cap)
{
	size_t	 s = 0;

	for (size_t j = 0; j <= t->n; j++) {
		if (j < t->n && !is_break(t->c[j]))
			continue;
		if (j > s) {
			*v = wp_grow(*v, cap, n, sizeof(**v));
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
	int			 c = strcmp(sort_x->t[pa->text].group,
				    sort_x->t[pb->text].group);

	if (c == 0)
		c = lint_cmp(pc(sort_x, pa), pa->e - pa->s, pc(sort_x, pb),
		    pb->e - pb->s);
	if (c != 0)
		return c;
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

/* A set of kinds of character, for all_in(). */
#define M(k)	(1U << (k))
#define HIRA	M(WP_CH_HIRAGANA)

/* Is each character of c[0..n) of a kind in mask? */
static int
all_in(const uint32_t *c, size_t n, unsigned mask)
{
	for (size_t i = 0; i < n; i++)
		if (!(mask & M(wp_char_kind(c[i]))))
			return 0;
	return 1;
}

/*
 * Is n characters added between a character of class before and one of
 * class after a slip?  A kana after a kanji stem, before kana (関(す)る),
 * or a letter inside a word (マネ(ー)ジド); not a particle or a word.
 */
static int
slip_at(const uint32_t *ins, size_t n, enum wp_char_kind before,
    enum wp_char_kind after)
{
	enum wp_char_kind	 k = wp_char_kind(ins[0]);

	if (all_in(ins, n, HIRA))
		return before == WP_CH_KANJI && after == WP_CH_HIRAGANA;
	return k != WP_CH_OTHER && all_in(ins, n, M(k)) && before == k &&
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
    const struct lint_seg *g)
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
			    wp_char_kind(in[at - 1]), wp_char_kind(in[at])))
				return 0;
		return 1;
	}
	if (all_in(da, la, HIRA) && all_in(db, lb, HIRA))
		return la == lb;
	if ((all_in(da, la, M(WP_CH_KANJI)) && all_in(db, lb, HIRA)) ||
	    (all_in(da, la, HIRA) && all_in(db, lb, M(WP_CH_KANJI))))
		return 0;
	return !(all_in(da, la, HIRA | M(WP_CH_OTHER)) &&
	    all_in(db, lb, HIRA | M(WP_CH_OTHER)));
}

/* Is c[i] a word of its own in the dictionary's reading of c? */
static int
alone(struct lint *x, const uint32_t *c, size_t n, size_t i)
{
	return (i == 0 || lint_dict_words(x, c, n, i - 1, i + 1) == 2) &&
	    (i + 1 >= n || lint_dict_words(x, c, n, i, i + 2) == 2);
}

/* Does the same word stand elsewhere in a[0..na), outside [s, e)? */
static int
repeated(const uint32_t *a, size_t na, size_t s, size_t e)
{
	for (size_t j = 0; j + (e - s) <= na; j++)
		if ((j + (e - s) <= s || j >= e) &&
		    memcmp(a + j, a + s, (e - s) * sizeof(*a)) == 0)
			return 1;
	return 0;
}

/*
 * Is there evidence, beyond how few edits a phrase is from the same
 * clause's, that its difference d from b (widened to whole words in w)
 * is a slip and not a choice of words?  The dictionary knows the
 * majority's words and not the variant's (関る, 集収, 菅理); or one kana
 * is written for another (知つて, アクセスの制限, くださいませ), or one
 * Latin letter or digit for another (ISO/ICE); or one kanji that is a
 * word of its own for another (契約社: 社 for 者); or a word for a word
 * the phrase already holds (違反が違反した).  Not evidence: a particle
 * added or left out where both read as words (弊社は, 弊社では), one
 * word of the dictionary for another (一元的, 一時的; 確認可能, 閲覧可能).
 */
static int
evident(struct lint *x, const uint32_t *a, size_t na, const uint32_t *b,
    size_t nb, const struct lint_seg *d, const struct lint_seg *w)
{
	const uint32_t	*da = a + d->a0, *db = b + d->b0;
	size_t		 la = d->a1 - d->a0, lb = d->b1 - d->b0;
	unsigned	 kana = HIRA | M(WP_CH_KATAKANA);
	unsigned	 latin = M(WP_CH_LATIN) | M(WP_CH_DIGIT);

	if (lint_dict_worse(x, a, na, w->a0, w->a1, b, nb, w->b0, w->b1))
		return 1;
	if (la != lb || la == 0)
		return 0;
	if ((all_in(da, la, kana) && all_in(db, lb, kana)) ||
	    (all_in(da, la, latin) && all_in(db, lb, latin)))
		return 1;
	if (!all_in(da, la, M(WP_CH_KANJI)) || !all_in(db, lb, M(WP_CH_KANJI)))
		return 0;
	if (la == 1 && alone(x, a, na, d->a0) && alone(x, b, nb, d->b0))
		return 1;		/* 契約|社 for 契約|者 */
	return repeated(a, na, d->a0, d->a1);
}

/* Does c continue a word of class k (Latin words hold ISO/IEC, e-mail)? */
static int
in_word(uint32_t c, enum wp_char_kind k)
{
	if (k == WP_CH_LATIN)
		return wp_char_kind(c) == WP_CH_LATIN || (c != 0 &&
		    strchr("/-._&@", (int)c) != NULL && c < 0x80);
	if (k == WP_CH_DIGIT)
		return wp_char_kind(c) == WP_CH_DIGIT || c == '.' || c == ',';
	return wp_char_kind(c) == k;
}

/*
 * How far a difference at a[at] going in direction dir (-1, +1) grows:
 * over the rest of a word of its own class, or, for kana, over the word
 * next to it, or one character.
 */
static size_t
reach(const uint32_t *a, size_t na, size_t at, int dir, enum wp_char_kind k)
{
	size_t	 n = 0;

	if (k == WP_CH_HIRAGANA || k == WP_CH_OTHER) {
		if (at >= na || is_break(a[at]))
			return 0;
		k = wp_char_kind(a[at]);
		if (k == WP_CH_HIRAGANA || k == WP_CH_OTHER ||
		    k == WP_CH_SPACE) {
			/* a kana; going left, two and what they follow */
			if (dir > 0)
				return 1;
			for (n = 1, at--; n < 2 && at < na &&
			    wp_char_kind(a[at]) == WP_CH_HIRAGANA; n++)
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
    struct lint_seg *g)
{
	uint32_t first = g->a0 < g->a1 ? a[g->a0] : b[g->b0];
	uint32_t last = g->a0 < g->a1 ? a[g->a1 - 1] : b[g->b1 - 1];
	size_t	 l = reach(a, na, g->a0 - 1, -1, wp_char_kind(first));
	size_t	 r = reach(a, na, g->a1, 1, wp_char_kind(last));

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
		const struct lint_text *t = &x->t[i];
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
	const struct lint_text	*t = &x->t[p->text];
	const uint32_t		*a = pc(x, p), *b = pc(x, m);
	size_t			 na = p->e - p->s, nb = m->e - m->s, ns;
	struct lint_seg		*sg;

	lint_diff(a, na, b, nb, &sg, &ns);
	for (size_t i = 0; i < ns; i++) {
		struct lint_seg	 g = sg[i];
		char		*v, *w;

		if (!slip(a, na, b, nb, &g))
			continue;
		widen(a, b, na, nb, &g);
		if (!evident(x, a, na, b, nb, &sg[i], &g))
			continue;
		if (lint_claimed(x, p->text, p->s + g.a0, p->s + g.a1))
			continue;
		/* the clause's majority is the content's minority */
		if (lint_count(x, a + g.a0, g.a1 - g.a0) >
		    lint_count(x, b + g.b0, g.b1 - g.b0))
			continue;
		/* a word this service writes elsewhere too is its own (PaaS) */
		if (g.a1 > g.a0 && wp_char_kind(a[g.a0]) != WP_CH_HIRAGANA &&
		    all_in(a + g.a0, g.a1 - g.a0, M(wp_char_kind(a[g.a0]))) &&
		    written_elsewhere(x, p->text, a + g.a0, g.a1 - g.a0))
			continue;
		lint_claim(x, p->text, p->s + g.a0, p->s + g.a1);
		v = lint_utf8(a + g.a0, g.a1 - g.a0);
		w = lint_utf8(b + g.b0, g.b1 - g.b0);
		lint_report(x, LINT_VARIANT, t->file,
		    t->line[p->s + (g.a0 < na ? g.a0 : na - 1)], "\"%s\" is "
		    "written \"%s\" by %zu other services in %s (a typo?)", v,
		    w, writers_m, t->group);
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

	for (size_t g = lo; g < hi && lint_work(x); g++) {
		int d;

		if (g == f)
			continue;
		d = lint_osa(pc(x, &v[fm[f].s]), fm[f].len,
		    pc(x, &v[fm[g].s]), fm[g].len, LINT_MAX_EDITS);
		if (d <= lint_allowed(fm[f].len, fm[g].len))
			near[k] = g, dist[k++] = d;
	}
	return k;
}

/*
 * The forms of the group of phrases that starts at v[g0], each with its
 * number of writers, in *fm; returns how many, and where the group ends
 * in *g1.
 */
static size_t
forms(const struct lint *x, const struct phrase *v, size_t n, size_t g0,
    size_t *g1, struct form **fm, size_t *fcap)
{
	const char	*group = x->t[v[g0].text].group;
	struct form	*f = *fm;
	size_t		 nf = 0, g;

	for (g = g0; g < n && strcmp(x->t[v[g].text].group, group) == 0;
	    g++) {
		size_t	 len = v[g].e - v[g].s;
		int	 svc = x->t[v[g].text].svc;

		if (nf == 0 || !lint_same(pc(x, &v[g]), len,
		    pc(x, &v[f[nf - 1].s]), f[nf - 1].len)) {
			f = wp_grow(f, fcap, nf, sizeof(*f));
			f[nf++] = (struct form){ g, g, len, 0 };
		}
		if (f[nf - 1].s == g || x->t[v[g - 1].text].svc != svc)
			f[nf - 1].writers++;
		f[nf - 1].e = g + 1;
	}
	*fm = f;
	*g1 = g;
	return nf;
}

/*
 * Reports each phrase of form f where a near form (near[0..nn), at the
 * distances dist[]) is written by more other services: of those, the
 * one most of them write, of two the nearer.
 */
static void
vote(struct lint *x, const struct phrase *v, const struct form *fm,
    size_t f, const size_t *near, const int *dist, size_t nn)
{
	for (size_t i = fm[f].s; i < fm[f].e; i++) {
		const struct lint_text	*t = &x->t[v[i].text];
		size_t			 bestk = 0, mine = fm[f].writers - 1;
		long			 best = -1;
		int			 bestd = 0;

		if (t->voter)
			continue;
		for (size_t j = 0; j < nn; j++) {
			const struct form *g = &fm[near[j]];
			size_t k = g->writers - (size_t)writes(x, v, g, t->svc);

			if (k > bestk || (k == bestk && dist[j] < bestd))
				best = (long)g->s, bestk = k, bestd = dist[j];
		}
		if (best >= 0 && bestk >= LINT_MIN_MAJORITY && bestk > mine)
			report_variant(x, &v[i], &v[best], bestk);
	}
}

void
lint_pass_phrases(struct lint *x)
{
	struct phrase	*v = NULL;
	struct form	*fm = NULL;
	size_t		 n = 0, cap = 0, fcap = 0, *near;
	int		*dist;

	for (size_t i = 0; i < x->nt; i++)
		n = split(&x->t[i], i, &v, n, &cap);
	sort_x = x;
	if (n > 1)
		qsort(v, n, sizeof(*v), phrase_cmp);
	near = wp_malloc((n + 1) * sizeof(*near));
	dist = wp_malloc((n + 1) * sizeof(*dist));
	for (size_t g0 = 0, g1; g0 < n; g0 = g1) {
		size_t	 nf = forms(x, v, n, g0, &g1, &fm, &fcap);

		for (size_t f = 0, lo = 0, hi = 0; f < nf && x->work > 0; f++) {
			size_t	 nn;

			/* forms go by length: those near f's are beside it */
			while (fm[lo].len + LINT_MAX_EDITS < fm[f].len)
				lo++;
			while (hi < nf &&
			    fm[hi].len <= fm[f].len + LINT_MAX_EDITS)
				hi++;
			if (lint_allowed(fm[f].len, fm[f].len) == 0 ||
			    (nn = near_forms(x, v, fm, lo, hi, f, near,
			    dist)) == 0)
				continue;
			vote(x, v, fm, f, near, dist, nn);
		}
	}
	free(near);
	free(dist);
	free(fm);
	free(v);
}

/* ---- words: a rare near-variant of a frequent word, anywhere ----------- */

struct word {
	size_t			 text, s, e;
	enum wp_char_kind	 k;
};

static const uint32_t *
wc(const struct lint *x, const struct word *w)
{
	return x->t[w->text].c + w->s;
}

static int
word_cmp(const void *a, const void *b)
{
	const struct word	*wa = a, *wb = b;
	int			 c;

	if (wa->k != wb->k)
		return wa->k < wb->k ? -1 : 1;
	if ((c = lint_cmp(wc(sort_x, wa), wa->e - wa->s, wc(sort_x, wb),
	    wb->e - wb->s)) != 0)
		return c;
	if (wa->text != wb->text)
		return wa->text < wb->text ? -1 : 1;
	return wa->s < wb->s ? -1 : wa->s > wb->s;
}

/* The words of t: runs of kanji, of katakana, of Latin letters. */
static size_t
words(const struct lint_text *t, size_t ti, struct word **v, size_t n,
    size_t *cap)
{
	for (size_t j = 0; j < t->n; ) {
		enum wp_char_kind	 k = wp_char_kind(t->c[j]);
		size_t			 e = j + 1;

		if (k != WP_CH_KANJI && k != WP_CH_KATAKANA &&
		    k != WP_CH_LATIN) {
			j++;
			continue;
		}
		while (e < t->n && (wp_char_kind(t->c[e]) == k ||
		    (k == WP_CH_LATIN && in_word(t->c[e], k) && e + 1 < t->n &&
		    wp_char_kind(t->c[e + 1]) == WP_CH_LATIN)))
			e++;
		if (e - j >= MIN_WORD) {
			*v = wp_grow(*v, cap, n, sizeof(**v));
			(*v)[n++] = (struct word){ ti, j, e, k };
		}
		j = e;
	}
	return n;
}

/*
 * How far the text around two words reads the same, going in direction
 * dir (-1 left, +1 right) from each: the characters alike, up to
 * FRAME_MAX; a phrase's edge on both sides is alike too, and ends it.
 */
static size_t
frame_side(const struct lint *x, const struct word *a, const struct word *b,
    int dir)
{
	const struct lint_text	*ta = &x->t[a->text], *tb = &x->t[b->text];
	size_t			 i = dir < 0 ? a->s : a->e, j = dir < 0 ? b->s :
				    b->e, k;

	for (k = 0; k < FRAME_MAX; k++) {
		int ea = dir < 0 ? i == 0 : i >= ta->n;
		int eb = dir < 0 ? j == 0 : j >= tb->n;
		uint32_t ca = ea ? 0 : ta->c[dir < 0 ? i - 1 : i];
		uint32_t cb = eb ? 0 : tb->c[dir < 0 ? j - 1 : j];

		ea = ea || is_break(ca);
		eb = eb || is_break(cb);
		if (ea || eb)
			return k + (ea && eb);
		if (ca != cb)
			return k;
		i += (size_t)dir, j += (size_t)dir;
	}
	return k;
}

/*
 * The sentence frame the rare word's occurrences v[r0..r1) share with
 * the frequent word's v[f0..f1): of the pairs written between at least
 * one character alike on each side, the most characters alike, in all;
 * 0 when none is.  A frame whose longer side is shorter than FRAME_SIDE
 * counts as FRAME_MIN - 1 at most: it shows a kind of place, not a
 * sentence.  「当社と契約社の」 and 「当社と契約者の」 share four
 * (three on the left), 「協議会（JASA）の発足」 and 「協会（JNSA）の役員」
 * two a side, 「暗号リスト」 and 「のリスク」 none.  The best pair is left
 * in *rb and *fb.
 */
static size_t
frame(const struct lint *x, const struct word *v, size_t r0, size_t r1,
    size_t f0, size_t f1, size_t *rb, size_t *fb)
{
	size_t	 best = 0;

	*rb = r0, *fb = f0;
	for (size_t i = r0; i < r1; i++)
		for (size_t j = f0; j < f1; j++) {
			size_t l = frame_side(x, &v[i], &v[j], -1);
			size_t r = frame_side(x, &v[i], &v[j], 1);
			size_t k = l + r;

			if (l < FRAME_SIDE && r < FRAME_SIDE && k >= FRAME_MIN)
				k = FRAME_MIN - 1;
			if (l > 0 && r > 0 && k > best)
				best = k, *rb = i, *fb = j;
		}
	return best;
}

/* Same class, same length? */
static int
word_kin(const struct word *a, const struct word *b)
{
	return a->k == b->k && a->e - a->s == b->e - b->s;
}

/*
 * Where each distinct word starts in v, and after them where v ends, in
 * *first (caller frees); returns how many.
 */
static size_t
distinct(const struct lint *x, const struct word *v, size_t n,
    size_t **first)
{
	size_t	*f = wp_malloc((n + 1) * sizeof(*f)), nd = 0;

	for (size_t i = 0; i < n; i++)
		if (i == 0 || v[i].k != v[i - 1].k || !lint_same(wc(x, &v[i]),
		    v[i].e - v[i].s, wc(x, &v[i - 1]), v[i - 1].e - v[i - 1].s))
			f[nd++] = i;
	f[nd] = n;
	*first = f;
	return nd;
}

/*
 * The frequent word that the rare word r likely means: of the distinct
 * words b0..b1 (r's class and length), one letter from r, the most
 * frequent, if it is written FREQ_RATIO times as often as r, and there
 * is evidence beyond the letter: the two are written in the same
 * sentence frame (FRAME_MIN characters alike around them), or in a
 * frame at all and the dictionary knows the frequent word and not the
 * rare one.  Returns its index, its count in *often; or -1.
 */
static long
frequent(struct lint *x, const struct word *v, const size_t *first,
    size_t r, size_t b0, size_t b1, size_t *often)
{
	const struct word	*wr = &v[first[r]];
	const uint32_t		*cr = wc(x, wr);
	size_t			 nr = wr->e - wr->s;
	size_t			 rare = first[r + 1] - first[r];
	long			 best = -1;

	*often = 0;
	for (size_t f = b0; f < b1; f++) {
		const struct word	*wf = &v[first[f]];
		const uint32_t		*cf = wc(x, wf);
		size_t			 nf = wf->e - wf->s, k, fr, ri, fi;

		if (f == r || first[f + 1] - first[f] <= rare ||
		    !lint_work(x) || lint_osa(cr, nr, cf, nf, 1) != 1 ||
		    (fr = frame(x, v, first[r], first[r + 1], first[f],
		    first[f + 1], &ri, &fi)) == 0)
			continue;
		if (fr < FRAME_MIN && !lint_dict_worse(x, x->t[v[ri].text].c,
		    x->t[v[ri].text].n, v[ri].s, v[ri].e, x->t[v[fi].text].c,
		    x->t[v[fi].text].n, v[fi].s, v[fi].e))
			continue;
		k = lint_count(x, cf, nf);
		if (k >= FREQ_RATIO * rare && k > *often)
			best = (long)f, *often = k;
	}
	return best;
}

/* Reports each place the rare word r is written, as the frequent f. */
static void
report_rare(struct lint *x, const struct word *v, const size_t *first,
    size_t r, size_t f, size_t often)
{
	const struct word	*wr = &v[first[r]], *wf = &v[first[f]];

	for (size_t i = first[r]; i < first[r + 1]; i++) {
		const struct lint_text	*t = &x->t[v[i].text];
		char			*s, *w;

		if (t->voter || lint_claimed(x, v[i].text, v[i].s, v[i].e))
			continue;
		s = lint_utf8(wc(x, wr), wr->e - wr->s);
		w = lint_utf8(wc(x, wf), wf->e - wf->s);
		lint_report(x, LINT_TOKEN, t->file, t->line[v[i].s],
		    "\"%s\" is written \"%s\" in %zu other places "
		    "(a typo?)", s, w, often);
		free(s);
		free(w);
	}
}

void
lint_pass_words(struct lint *x)
{
	struct word	*v = NULL;
	size_t		*first, nd, n = 0, cap = 0;

	for (size_t i = 0; i < x->nt; i++)
		n = words(&x->t[i], i, &v, n, &cap);
	sort_x = x;
	if (n > 1)
		qsort(v, n, sizeof(*v), word_cmp);
	nd = distinct(x, v, n, &first);
	for (size_t r = 0, b0 = 0, b1 = 0; r < nd; r++) {
		const struct word	*wr = &v[first[r]];
		size_t			 often;
		long			 f;

		/* words of r's class and length: v[first[b0..b1)] */
		if (r == 0 || !word_kin(&v[first[r - 1]], wr))
			b0 = r;
		for (b1 = b1 > r ? b1 : r + 1; b1 < nd &&
		    word_kin(&v[first[b1]], wr); b1++)
			;
		if (first[r + 1] - first[r] > RARE_MAX)
			continue;
		if (x->work == 0)
			break;
		if ((f = frequent(x, v, first, r, b0, b1, &often)) >= 0)
			report_rare(x, v, first, r, (size_t)f, often);
	}
	free(first);
	free(v);
}

size_t
wp_lint_split(const char *text, char ***out)
{
	struct lint_text	 t = { 0 };
	struct phrase		*v = NULL;
	size_t			 n, cap = 0;
	long			 line = 1;
	int			 space = 0;

	lint_push_utf8(&t, text, &line, &space);
	n = split(&t, 0, &v, 0, &cap);
	*out = wp_calloc(n, sizeof(**out));
	for (size_t i = 0; i < n; i++)
		(*out)[i] = lint_utf8(t.c + v[i].s, v[i].e - v[i].s);
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
