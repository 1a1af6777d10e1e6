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
 * How many of the dictionary's words of c[0..n) overlap c[s..e): 0 when
 * there is no dictionary.  Characters outside the BMP take two UTF-16
 * units; off[] maps each unit back to its character.
 */
size_t
lint_dict_words(struct lint *x, const uint32_t *c, size_t n, size_t s,
    size_t e)
{
	UBreakIterator	*bi = iterator(x);
	UErrorCode	 err = U_ZERO_ERROR;
	UChar		*u;
	size_t		*off, nu = 0, k = 0;
	int32_t		 a, b;

	if (bi == NULL || n == 0 || n > INT32_MAX / 2 || s >= e)
		return 0;
	u = wp_reallocarray(NULL, 2 * n + 1, sizeof(*u));
	off = wp_reallocarray(NULL, 2 * n + 1, sizeof(*off));
	for (size_t i = 0; i < n; i++) {
		uint32_t ch = c[i] < 0x110000 ? c[i] : 0xFFFD;
		if (U16_LENGTH(ch) == 2) {
			off[nu] = i;
			u[nu++] = U16_LEAD(ch);
			off[nu] = i;
			u[nu++] = U16_TRAIL(ch);
		} else {
			off[nu] = i;
			u[nu++] = (UChar)ch;
		}
	}
	off[nu] = n;
	ubrk_setText(bi, u, (int32_t)nu, &err);
	if (U_SUCCESS(err))
		for (a = ubrk_first(bi); (b = ubrk_next(bi)) != UBRK_DONE;
		    a = b)
			if (off[a] < e && s < off[b])
				k++;
	ubrk_setText(bi, NULL, 0, &err);	/* u is freed below */
	free(u);
	free(off);
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

void
lint_dict_free(struct lint *x)
{
	if (x->brk != NULL)
		ubrk_close(x->brk);
	x->brk = NULL;
}
