/*
 * alloc: allocation that aborts on exhaustion or overflow.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

void
wp_oom(void)
{
	fputs("wpgen: out of memory\n", stderr);
	abort();
}

void *
wp_malloc(size_t n)
{
	void	*p = malloc(n == 0 ? 1 : n);

	if (p == NULL)
		wp_oom();
	return p;
}

void *
wp_calloc(size_t n, size_t size)
{
	void	*p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

	if (p == NULL)
		wp_oom();
	return p;
}

void *
wp_reallocarray(void *v, size_t n, size_t size)
{
	void	*p;

	if (size != 0 && n > SIZE_MAX / size)
		wp_oom();
	if ((p = realloc(v, n * size == 0 ? 1 : n * size)) == NULL)
		wp_oom();
	return p;
}

char *
wp_strdup(const char *s)
{
	return wp_strndup(s, strlen(s));
}

char *
wp_strndup(const char *s, size_t n)
{
	char	*p = wp_malloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *
wp_grow(void *v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return v;
	if (*cap > SIZE_MAX / 2)
		wp_oom();
	*cap = *cap != 0 ? *cap * 2 : 16;
	return wp_reallocarray(v, *cap, size);
}
