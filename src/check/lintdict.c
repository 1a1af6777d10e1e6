/*
 * lintdict: what a Japanese word dictionary says of a variant, for lint.
 * ICU's word break iterator for "ja" cuts text at the words of its CJK
 * dictionary; a string it does not know comes out in more, shorter
 * pieces than one it knows (集収 as 集 + 収, 収集 whole; 関る as 関 + る,
 * 関する whole).  That is evidence that a variant is a slip, beside
 * the context it is written in.  Lint's own small wrapper: one
 * iterator a run, the text set anew for each question.
 */
#include <stdint.h>
#include <stdlib.h>

#include <unicode/ubrk.h>
#include <unicode/utf16.h>

#include "base/alloc.h"
#include "check/lintint.h"

/* Opens the iterator on first use; NULL if ICU has none (no data). */
static UBreakIterator *
iterator(struct lint *x)
{
	UErrorCode	 e = U_ZERO_ERROR;

	if (x->brk == NULL && !x->brk_failed) {
		x->brk = ubrk_open(UBRK_WORD, "ja", NULL, 0, &e);
		if (U_FAILURE(e)) {
			x->brk = NULL;
			x->brk_failed = 1;
		}
	}
	return x->brk;
}

/*
 * Where the dictionary cuts c[0..n) into words: the cuts, 0 and n
 * included, in order, in *at (caller frees); returns how many, 0 when
 * ICU has no dictionary.  Characters outside the BMP take two UTF-16
 * units; off[] maps each unit back to its character.
 */
size_t
lint_dict_cut(struct lint *x, const uint32_t *c, size_t n, size_t **at)
{
	UBreakIterator	*bi = iterator(x);
	UErrorCode	 err = U_ZERO_ERROR;
	UChar		*u;
	size_t		*off, nu = 0, k = 0, cap = 0;

	*at = NULL;
	if (bi == NULL || n == 0 || n > INT32_MAX / 2)
		return 0;
	u = wp_reallocarray(NULL, 2 * n + 1, sizeof(*u));
	off = wp_reallocarray(NULL, 2 * n + 1, sizeof(*off));
	for (size_t i = 0; i < n; i++) {
		uint32_t ch = c[i] < 0x110000 ? c[i] : 0xFFFD;
		off[nu] = i;
		if (U16_LENGTH(ch) == 2) {
			u[nu++] = U16_LEAD(ch);
			off[nu] = i;
			u[nu++] = U16_TRAIL(ch);
		} else
			u[nu++] = (UChar)ch;
	}
	off[nu] = n;
	ubrk_setText(bi, u, (int32_t)nu, &err);
	if (U_SUCCESS(err))
		for (int32_t b = ubrk_first(bi); b != UBRK_DONE;
		    b = ubrk_next(bi)) {
			*at = wp_grow(*at, &cap, k, sizeof(**at));
			(*at)[k++] = off[b];
		}
	ubrk_setText(bi, NULL, 0, &err);	/* u is freed below */
	free(u);
	free(off);
	return k;
}

size_t
lint_dict_words(struct lint *x, const uint32_t *c, size_t n, size_t s,
    size_t e)
{
	size_t	*at, na = lint_dict_cut(x, c, n, &at), k = 0;

	for (size_t i = 0; i + 1 < na; i++)
		if (at[i] < e && s < at[i + 1])
			k++;
	free(at);
	return k;
}

int
lint_dict_worse(struct lint *x, const uint32_t *a, size_t na, size_t a0,
    size_t a1, const uint32_t *b, size_t nb, size_t b0, size_t b1)
{
	size_t	 wa = lint_dict_words(x, a, na, a0, a1);
	size_t	 wb = lint_dict_words(x, b, nb, b0, b1);

	return wa > 0 && wb > 0 && wa > wb;
}

/* The word that holds c[i], [*ws, *we); 0 if none. */
static int
word_of(const size_t *at, size_t n, size_t i, size_t *ws, size_t *we)
{
	for (size_t k = 0; k + 1 < n; k++)
		if (at[k] <= i && i < at[k + 1]) {
			*ws = at[k], *we = at[k + 1];
			return 1;
		}
	return 0;
}

/* Is [s, e) one word of the cuts at[0..n)? */
static int
one_word(const size_t *at, size_t n, size_t s, size_t e)
{
	size_t	 ws, we;

	return s < e && word_of(at, n, s, &ws, &we) && ws == s && we == e;
}

int
lint_dict_breaks(struct lint *x, const uint32_t *a, size_t na, size_t aat,
    int alen, const uint32_t *b, size_t nb, size_t bat, int blen)
{
	size_t	*ca, *cb, nca = lint_dict_cut(x, a, na, &ca);
	size_t	 ncb = lint_dict_cut(x, b, nb, &cb), ws, we;
	int	 r = 0;

	if (nca == 0 || ncb == 0)
		;
	else if (alen == 0 && blen == 1) {
		/* b's word less the character is no word of a's: 関する,
		 * 関|る; では, は is one */
		if (word_of(cb, ncb, bat, &ws, &we) && we - ws >= 2 &&
		    aat >= bat - ws)
			r = !one_word(ca, nca, aat - (bat - ws),
			    aat + (we - bat - 1));
	} else if (alen == 1 && blen == 0) {
		/* the character falls inside a word of b's, and a does not
		 * read the whole as one */
		if (bat > 0 && word_of(cb, ncb, bat - 1, &ws, &we) &&
		    we > bat && aat >= bat - ws)
			r = !one_word(ca, nca, aat - (bat - ws),
			    aat + 1 + (we - bat));
	} else if (alen == 1 && blen == 1)	/* 管理, 菅|理 */
		r = word_of(cb, ncb, bat, &ws, &we) && we - ws >= 2 &&
		    word_of(ca, nca, aat, &ws, &we) && we - ws == 1;
	free(ca);
	free(cb);
	return r;
}

void
lint_dict_free(struct lint *x)
{
	if (x->brk != NULL)
		ubrk_close(x->brk);
	x->brk = NULL;
}
