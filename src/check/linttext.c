/*
 * linttext: what lint's core and its passes share: characters compared
 * and written back, a text built from content (normalised, each
 * character with its source line), and the findings (each reported
 * once, the spans they claimed, the counting budget, the counts of
 * strings across all texts).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "check/lintint.h"

/* ---- characters ------------------------------------------------------- */

int
lint_same(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	return na == nb && (na == 0 || memcmp(a, b, na * sizeof(*a)) == 0);
}

int
lint_alnum(uint32_t c)
{
	return wp_char_kind(c) == WP_CH_LATIN || wp_char_kind(c) == WP_CH_DIGIT;
}

int
lint_cmp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	if (na != nb)
		return na < nb ? -1 : 1;
	for (size_t i = 0; i < na; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

uint32_t
lint_lower(uint32_t c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/* Appends c as UTF-8; an element's stand-in as its tag. */
static void
put(char **p, uint32_t c)
{
	if (c == LINT_CH_NAME || c == LINT_CH_XREF || c == LINT_CH_LINK ||
	    c == '\n') {
		const char *tag = c == LINT_CH_NAME ? "<name/>" :
		    c == LINT_CH_XREF ? "<xref/>" : c == LINT_CH_LINK ?
		    "<link/>" : "<br/>";
		memcpy(*p, tag, strlen(tag));
		*p += strlen(tag);
		return;
	}
	*p += wp_utf8_put(*p, c);
}

char *
lint_utf8(const uint32_t *c, size_t n)
{
	char	*s = wp_malloc(n * 7 + 1), *p = s;	/* 7: "<name/>" */

	for (size_t i = 0; i < n; i++)
		put(&p, c[i]);
	*p = '\0';
	return s;
}

/* ---- normalised text -------------------------------------------------- */

static void
append(struct lint_text *t, uint32_t c, long line)
{
	size_t	 cap = t->cap;	/* the two arrays grow alike */

	t->c = wp_grow(t->c, &cap, t->n, sizeof(*t->c));
	t->line = wp_grow(t->line, &t->cap, t->n, sizeof(*t->line));
	t->c[t->n] = c;
	t->line[t->n++] = line;
}

/*
 * Adds one character to t.  White space is dropped as rendering drops
 * it (README: "Source line breaks inside text are formatting"), and the
 * typesetter sets its own space between Japanese and Latin: only a space
 * between two Latin letters or digits is kept, as one.
 */
void
lint_push(struct lint_text *t, uint32_t c, long line, int *space)
{
	c = wp_char_fold(c);
	if (c == 0x2028) {		/* LINE SEPARATOR: a <br/> */
		append(t, '\n', line);
		*space = 0;
		return;
	}
	if (wp_char_kind(c) == WP_CH_SPACE) {
		*space = 1;
		return;
	}
	if (*space && t->n > 0 && lint_alnum(t->c[t->n - 1]) &&
	    lint_alnum(c))
		append(t, ' ', line);
	*space = 0;
	append(t, c, line);
}

void
lint_push_utf8(struct lint_text *t, const char *s, long *line, int *space)
{
	uint32_t	*c;
	size_t		 n;

	if (s == NULL)
		return;
	n = wp_utf8_decode(s, strlen(s), &c, NULL);
	/* up to a byte that is no UTF-8: the loader lets none in */
	for (size_t i = 0; i < n && c[i] < 0x110000; i++) {
		lint_push(t, c[i], *line, space);
		if (c[i] == '\n')
			(*line)++;
	}
	free(c);
}

/* ---- findings --------------------------------------------------------- */

void
lint_report(struct lint *x, enum wp_lint_kind kind, const char *file,
    long line, const char *fmt, ...)
{
	struct wp_lint_finding	*f;
	va_list			 ap;
	int			 len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	x->out->v = wp_grow(x->out->v, &x->outcap, x->out->n,
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

void
lint_claim(struct lint *x, size_t text, size_t start, size_t end)
{
	x->cl = wp_grow(x->cl, &x->clcap, x->ncl, sizeof(*x->cl));
	x->cl[x->ncl++] = (struct lint_span){ text, start, end };
}

int
lint_claimed(const struct lint *x, size_t text, size_t start, size_t end)
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
int
lint_work(struct lint *x)
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
size_t
lint_count(struct lint *x, const uint32_t *c, size_t n)
{
	size_t	 k = 0, at;

	if (x->nmemo * 2 >= x->memocap) {	/* keep it half empty */
		struct lint_memo	*old = x->memo;
		size_t			 ocap = x->memocap;

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
		if (lint_same(x->memo[at].c, x->memo[at].n, c, n))
			return x->memo[at].count;
	for (size_t i = 0; i < x->nt; i++)
		for (size_t j = 0; n > 0 && j + n <= x->t[i].n; j++)
			if (x->t[i].c[j] == c[0] && lint_same(x->t[i].c + j, n,
			    c, n))
				k++;
	x->memo[at].c = wp_malloc((n + 1) * sizeof(*c));
	memcpy(x->memo[at].c, c, n * sizeof(*c));
	x->memo[at].n = n;
	x->memo[at].count = k;
	x->nmemo++;
	return k;
}

