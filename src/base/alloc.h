/*
 * alloc: memory.  The one place wpgen gives up: an allocation that
 * fails, or a size that overflows, prints "wpgen: out of memory" and
 * aborts.  Nothing that calls these checks for NULL.
 */
#ifndef WP_ALLOC_H
#define WP_ALLOC_H

#include <stddef.h>

void	*wp_malloc(size_t);
void	*wp_calloc(size_t n, size_t size);
/* realloc(v, n * size), the product checked for overflow. */
void	*wp_reallocarray(void *v, size_t n, size_t size);
char	*wp_strdup(const char *);
/* Says "wpgen: out of memory" and aborts: for what a library failed to
 * allocate (an open_memstream(), a copy of a document). */
void	 wp_oom(void) __attribute__((noreturn));
char	*wp_strndup(const char *, size_t);

/*
 * Room for one more element in an array of n used of *cap (each size
 * bytes): returns v, or v grown (doubled, 16 at first) with *cap set.
 *	v = wp_grow(v, &cap, n, sizeof(*v));
 *	v[n++] = x;
 */
void	*wp_grow(void *v, size_t *cap, size_t n, size_t size);

/* Sets up the heap for a build (alloc.c says how): once, first thing in
 * main(), before any thread starts. */
void	 wp_heap_init(void);

#endif
