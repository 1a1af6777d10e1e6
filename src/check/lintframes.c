/*
 * lintframes: two passes that read a text as the dictionary cuts it.
 * The frames pass: a character written, left out or added where the
 * same words around it (eight characters, two to six of them on each
 * side) are written otherwise, and more often, elsewhere in the
 * content: 「管理に関るプロセ」 where four services write 「管理に関する
 * プロセ」.  The frame is the
 * evidence that it is one phrase written two ways; what the difference
 * is decides whether it is a slip (a kana for a kana, one left out of a
 * verb's ending) or a choice (a particle added, a number).  The doubled
 * pass: a word typed twice (「サービスサービス」, 「のの」).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "check/lint.h"
#include "check/lintint.h"

#define FRAME_LEN	8	/* characters alike around a centre, */
#define FRAME_REAL	5	/* of them, at least this many are text */
#define FRAME_OFTEN	2	/* the other form written this often, */
#define FRAME_RATIO	2	/* and this many times as often */
#define SHOW_SPAN	8	/* how far a variant shown grows */
/*
 * The most places a run reads (32 bytes each): the five services make
 * 155,528; content twenty-five times theirs is read as far as this
 * goes, and lint says nothing of the rest, as with lint_work().
 */
#define SLOTS_MAX	4000000

/* How a frame's characters fall either side of its centre: left ones. */
static const int lefts[] = { 2, 4, 6 };

/*
 * A place in a text and the frame around it: FRAME_LEN characters, l of
 * them before t->c[at], the rest after the centre, which is no
 * character (len 0, a gap) or one.  Beyond a text's edge the frame
 * reads 0: 「…しておりません。」 ends a paragraph.
 */
struct slot {
	uint64_t	 key;		/* the frame's hash */
	size_t		 text, at;
	int		 len, l;
};

static const struct lint *sort_x;

static uint32_t
centre(const struct slot *s)
{
	return s->len ? sort_x->t[s->text].c[s->at] : 0;
}

/* The frame's k-th character, 0 beyond the text. */
static uint32_t
fch(const struct lint *x, const struct slot *s, int k)
{
	const struct lint_text	*t = &x->t[s->text];
	size_t			 i;

	if (k < s->l) {
		if (s->at + (size_t)k < (size_t)s->l)
			return 0;
		i = s->at - (size_t)s->l + (size_t)k;
	} else
		i = s->at + (size_t)s->len + (size_t)(k - s->l);
	return i < t->n ? t->c[i] : 0;
}

/* Do a and b stand in one frame (whatever their centres)? */
static int
same_frame(const struct slot *a, const struct slot *b)
{
	if (a->key != b->key || a->l != b->l)
		return 0;
	for (int k = 0; k < FRAME_LEN; k++)
		if (fch(sort_x, a, k) != fch(sort_x, b, k))
			return 0;
	return 1;
}

/* Frames first (hash, then the characters), then centres, then place. */
static int
slot_cmp(const void *a, const void *b)
{
	const struct slot	*sa = a, *sb = b;

	if (sa->key != sb->key)
		return sa->key < sb->key ? -1 : 1;
	if (sa->l != sb->l)
		return sa->l < sb->l ? -1 : 1;
	for (int k = 0; k < FRAME_LEN; k++) {
		uint32_t ca = fch(sort_x, sa, k), cb = fch(sort_x, sb, k);
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	if (sa->len != sb->len)
		return sa->len < sb->len ? -1 : 1;
	if (centre(sa) != centre(sb))
		return centre(sa) < centre(sb) ? -1 : 1;
	if (sa->text != sb->text)
		return sa->text < sb->text ? -1 : 1;
	return sa->at < sb->at ? -1 : sa->at > sb->at;
}

/*
 * The frame's hash, or 0 when it is no frame: it holds a line break or
 * an element's stand-in, fewer than FRAME_REAL characters of text, or
 * none on one side.
 */
static uint64_t
frame_key(const struct lint *x, const struct slot *s)
{
	uint64_t	 h = 14695981039346656037ULL;
	int		 real = 0, left = 0, right = 0;

	for (int k = 0; k < FRAME_LEN; k++) {
		uint32_t c = fch(x, s, k);
		if (c == '\n' || (c >= LINT_CH_NAME && c <= LINT_CH_LINK))
			return 0;
		if (c != 0) {
			real++;
			*(k < s->l ? &left : &right) += 1;
		}
		h = (h ^ c) * 1099511628211ULL;
	}
	if (real < FRAME_REAL || left == 0 || right == 0)
		return 0;
	return (h ^ (uint64_t)s->l) * 1099511628211ULL | 1;
}

/* Every gap and character of every text, in each frame, in *out. */
static size_t
slots(const struct lint *x, struct slot **out)
{
	struct slot	*v = NULL;
	size_t		 n = 0, cap = 0;

	for (size_t ti = 0; ti < x->nt && n < SLOTS_MAX; ti++)
		for (size_t j = 0; j <= x->t[ti].n; j++)
			for (int len = 0; len <= 1; len++)
				for (size_t f = 0; f < sizeof(lefts) /
				    sizeof(*lefts); f++) {
					struct slot s = { 0, ti, j, len,
					    lefts[f] };

					if (j + (size_t)len > x->t[ti].n ||
					    (s.key = frame_key(x, &s)) == 0)
						continue;
					v = wp_grow(v, &cap, n, sizeof(*v));
					v[n++] = s;
				}
	*out = v;
	return n;
}

/*
 * A particle, which a writer adds, leaves out or changes by choice
 * (弊社(で)は, ネットワークを分離 and ネットワークは分離).
 */
static int
particle(uint32_t c)
{
	static const uint32_t p[] = { 0x306F, 0x304C, 0x3092, 0x306B, 0x3067,
	    0x3068, 0x306E, 0x3082, 0x3078, 0x3084 };	/* はがをにでとのもへや */

	for (size_t i = 0; i < sizeof(p) / sizeof(*p); i++)
		if (c == p[i])
			return 1;
	return 0;
}

/* An honorific prefix, which is a choice too: (ご)契約, て(ご)実施. */
static int
honorific(uint32_t c)
{
	return c == 0x3054 || c == 0x304A;		/* ご お */
}

/* Is c[i] a word of its own in the dictionary's reading of c? */
static int
alone(struct lint *x, const uint32_t *c, size_t n, size_t i)
{
	return (i == 0 || lint_dict_words(x, c, n, i - 1, i + 1) == 2) &&
	    (i + 1 >= n || lint_dict_words(x, c, n, i, i + 2) == 2);
}

/*
 * Is the variant a (its centre at a->at) of the frequent b a slip?  One
 * kana for another (知つて, アクセスの制限, ドキュメントを記載), one
 * katakana or Latin letter for another (ポータルサイド); one kanji for
 * another that breaks a word the dictionary reads in b (菅理, 堤供), or
 * where both stand alone (契約社); a kana left out or added that is no
 * particle or honorific (関(す)る, しており(ま)す), unless it stands between
 * two kanji, where okurigana are a choice (取(り)組み).  A particle for
 * another, one added or left out, a kanji or katakana added or left
 * out: only where that breaks a word of b's (lint_dict_breaks()).  Never a digit (30日,
 * 90日 are facts), punctuation or a space, nor the long-vowel mark
 * (サーバ, サーバー: a style).
 */
static int
frame_slip(struct lint *x, const struct slot *a, const struct slot *b)
{
	const struct lint_text	*ta = &x->t[a->text], *tb = &x->t[b->text];
	const struct slot	*has = a->len ? a : b;
	uint32_t		 ca = centre(a), cb = centre(b);
	enum wp_char_kind	 ka = wp_char_kind(ca), kb = wp_char_kind(cb);
	enum wp_char_kind	 k = wp_char_kind(centre(has));
	int			 worse;

	for (int i = 0; i < 2; i++) {
		enum wp_char_kind kk = i ? kb : ka;
		uint32_t cc = i ? cb : ca;
		if ((i ? b : a)->len && (kk == WP_CH_DIGIT || kk ==
		    WP_CH_OTHER || kk == WP_CH_SPACE || cc == 0x30FC))
			return 0;
	}
	worse = lint_dict_breaks(x, ta->c, ta->n, a->at, a->len, tb->c,
	    tb->n, b->at, b->len);
	if (a->len && b->len) {		/* one for another */
		if (ka != kb)
			return 0;
		if (particle(ca) && particle(cb))
			return worse;
		if (ka != WP_CH_KANJI)
			return 1;
		return worse || (alone(x, ta->c, ta->n, a->at) &&
		    alone(x, tb->c, tb->n, b->at));
	}
	if (k == WP_CH_HIRAGANA) {	/* one left out or added */
		const struct lint_text *th = &x->t[has->text];
		/* okurigana between two kanji is the writer's (取(り)組み) */
		if (has->at > 0 && has->at + 1 < th->n &&
		    wp_char_kind(th->c[has->at - 1]) == WP_CH_KANJI &&
		    wp_char_kind(th->c[has->at + 1]) == WP_CH_KANJI)
			return 0;
		return !(particle(centre(has)) || honorific(centre(has))) ||
		    worse;
	}
	if (k == WP_CH_LATIN)
		return 1;
	return worse;
}

/*
 * Grows [*s, *e) in c[0..n) to the dictionary's words it touches, at
 * most SHOW_SPAN characters each way, so that a reader sees a word
 * (契約社, not 社).
 */
static void
show_span(struct lint *x, const uint32_t *c, size_t n, size_t *s, size_t *e)
{
	size_t	*at, na = lint_dict_cut(x, c, n, &at), s0 = *s, e0 = *e;

	for (size_t i = 0; i + 1 < na; i++)
		if (at[i] < e0 && s0 < at[i + 1]) {
			if (at[i] < *s && s0 - at[i] <= SHOW_SPAN)
				*s = at[i];
			if (at[i + 1] > *e && at[i + 1] - e0 <= SHOW_SPAN)
				*e = at[i + 1];
		}
	free(at);
}

/* Reports variant a of the frequent b, written often times. */
static void
report_frame(struct lint *x, const struct slot *a, const struct slot *b,
    size_t often)
{
	const struct lint_text	*t = &x->t[a->text];
	size_t			 s = a->at > 0 ? a->at - 1 : 0;
	size_t			 e = a->at + a->len < t->n ? a->at + a->len +
				    1 : t->n;
	uint32_t		*w;
	size_t			 nw = 0;
	char			*vs, *ws;

	show_span(x, t->c, t->n, &s, &e);
	if (lint_claimed(x, a->text, s, e))
		return;
	/* what b writes there: the variant with b's centre for a's */
	w = wp_reallocarray(NULL, e - s + 2, sizeof(*w));
	for (size_t j = s; j < e; j++) {
		if (j == a->at && b->len)
			w[nw++] = centre(b);
		if (j < a->at || j >= a->at + a->len)
			w[nw++] = t->c[j];
	}
	if (e == a->at && b->len)
		w[nw++] = centre(b);
	vs = lint_utf8(t->c + s, e - s);
	ws = lint_utf8(w, nw);
	lint_report(x, LINT_FRAME, t->file, t->line[a->len ? a->at : s],
	    "\"%s\" is written \"%s\" in %zu other places between the same "
	    "words (a typo?)", vs, ws, often);
	lint_claim(x, a->text, s, e);
	free(vs);
	free(ws);
	free(w);
}

/* The services that write centre run v[r0..r1), less svc: how many. */
static size_t
writers(const struct lint *x, const struct slot *v, size_t r0, size_t r1,
    int svc, char *seen)
{
	size_t	 k = 0;

	memset(seen, 0, x->nsvc);
	for (size_t i = r0; i < r1; i++) {
		int s = x->t[v[i].text].svc;
		if (s != svc && !seen[s])
			seen[s] = 1, k++;
	}
	return k;
}

/*
 * Within one frame's slots v[g0..g1), sorted by centre: each rare
 * centre written by a service's own text, against the most frequent
 * other centre, written by another service too.
 */
static void
frame_group(struct lint *x, const struct slot *v, size_t g0, size_t g1,
    char *seen)
{
	for (size_t r0 = g0, r1; r0 < g1; r0 = r1) {
		size_t	 best = 0, bo = 0, nr;

		for (r1 = r0; r1 < g1 && centre(&v[r1]) == centre(&v[r0]) &&
		    v[r1].len == v[r0].len; r1++)
			;
		nr = r1 - r0;
		if (nr > 1 || x->t[v[r0].text].voter)
			continue;
		for (size_t o0 = g0, o1; o0 < g1; o0 = o1) {
			for (o1 = o0; o1 < g1 && centre(&v[o1]) ==
			    centre(&v[o0]) && v[o1].len == v[o0].len; o1++)
				;
			if (o0 == r0 || o1 - o0 < FRAME_OFTEN ||
			    o1 - o0 < FRAME_RATIO * nr || o1 - o0 <= bo ||
			    writers(x, v, o0, o1, x->t[v[r0].text].svc,
			    seen) == 0)
				continue;
			best = o0, bo = o1 - o0;
		}
		if (bo > 0 && frame_slip(x, &v[r0], &v[best]))
			report_frame(x, &v[r0], &v[best], bo);
	}
}

void
lint_pass_frames(struct lint *x)
{
	struct slot	*v;
	size_t		 n = slots(x, &v);
	char		*seen = wp_calloc(x->nsvc + 1, 1);

	sort_x = x;
	if (n > 1)
		qsort(v, n, sizeof(*v), slot_cmp);
	for (size_t g0 = 0, g1; g0 < n; g0 = g1) {
		for (g1 = g0 + 1; g1 < n && same_frame(&v[g0], &v[g1]); g1++)
			;
		if (g1 - g0 > 1 && lint_work(x))
			frame_group(x, v, g0, g1, seen);
	}
	free(seen);
	free(v);
}

/* ---- doubled: a word typed twice -------------------------------------- */

/*
 * Is c[0..n), written twice running, a word typed twice?  A word of two
 * characters or more that holds a kanji, katakana or Latin letter
 * (サービスサービス, 管理管理, TLS TLS), or a particle (のの, をを); not
 * kana words that repeat by nature (ますます, まだまだ: the dictionary
 * cuts some in two), 々, digits or punctuation.
 */
static int
doubled_word(const uint32_t *c, size_t n)
{
	int	 hira = 1;

	for (size_t i = 0; i < n; i++) {
		enum wp_char_kind k = wp_char_kind(c[i]);
		if (k == WP_CH_DIGIT || k == WP_CH_OTHER || k == WP_CH_SPACE ||
		    c[i] == 0x3005)
			return 0;
		hira = hira && k == WP_CH_HIRAGANA;
	}
	if (n == 1)
		return particle(c[0]) && c[0] != 0x3068;	/* とと */
	return !hira;
}

void
lint_pass_doubled(struct lint *x)
{
	for (size_t ti = 0; ti < x->nt; ti++) {
		const struct lint_text	*t = &x->t[ti];
		size_t			*at, na;

		if (t->voter)
			continue;
		na = lint_dict_cut(x, t->c, t->n, &at);
		for (size_t i = 0; i + 2 < na; i++) {
			size_t	 s = at[i], m = at[i + 1], e = at[i + 2];
			char	*w;

			/* Latin words stand a space apart: TLS TLS */
			if (e - m == 1 && t->c[m] == ' ' && i + 3 < na)
				m = e, e = at[i + 3];
			if (e - m != at[i + 1] - s || memcmp(t->c + s,
			    t->c + m, (at[i + 1] - s) * sizeof(*t->c)) != 0 ||
			    !doubled_word(t->c + s, at[i + 1] - s) ||
			    lint_claimed(x, ti, s, e))
				continue;
			w = lint_utf8(t->c + s, at[i + 1] - s);
			lint_report(x, LINT_DOUBLED, t->file, t->line[m],
			    "\"%s\" is written twice running (a slip?)", w);
			lint_claim(x, ti, s, e);
			free(w);
		}
		free(at);
	}
}
