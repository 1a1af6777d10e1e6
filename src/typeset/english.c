/*
 * english: the stretches of a composed paragraph that are English
 * phrases ("Software as a Service"), which the Tagged PDF marks as a
 * span in English (/Lang en) for a screen reader to read aloud so.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "typeset/composeint.h"

static int
latin(gunichar c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A character that goes on a stretch begun with a letter: ASCII
 * letters, digits, spaces and word punctuation. */
static int
wordish(gunichar c)
{
	return latin(c) || (c >= '0' && c <= '9') ||
	    (c < 0x80 && c != 0 && strchr(" '-.,&", (int)c) != NULL);
}

/* Whether a stretch of characters is English: two words of two letters
 * or more, one in lower case, spaces between ("IIJ SMX" and "ISO/IEC
 * 27017" are read letter by letter in either language). */
static int
english(const struct outch *ch, size_t n)
{
	size_t	 i, run = 0;
	int	 words = 0, lower = 0, space = 0;

	for (i = 0; i <= n; i++) {
		if (i < n && latin(ch[i].c)) {
			lower |= ch[i].c >= 'a';
			run++;
			continue;
		}
		words += run >= 2;
		run = 0;
		space |= i < n && ch[i].c == ' ';
	}
	return words >= 2 && lower && space;
}

struct range *
wp_english(const struct out *o, size_t *n)
{
	struct range	*r = NULL;
	size_t		 cap = 0, i = 0, j, k;

	*n = 0;
	while (i < o->n) {
		if (!latin(o->ch[i].c)) {
			i++;
			continue;
		}
		/* from a letter to the last letter of what goes on */
		for (j = i; j < o->n && wordish(o->ch[j].c); j++)
			continue;
		for (k = j; !latin(o->ch[k - 1].c); k--)
			continue;
		if (english(o->ch + i, k - i)) {
			r = wp_grow(r, &cap, *n, sizeof(*r));
			r[(*n)++] = (struct range){ i, k };
		}
		i = j;
	}
	return r;
}
