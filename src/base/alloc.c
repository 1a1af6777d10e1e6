/*
 * alloc: allocation that aborts on exhaustion or overflow, and the heap
 * it comes from.
 */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include "base/alloc.h"

/* What the heap is grown by at once, and keeps when it shrinks: more
 * than a build of every service needs (some 20 MB) in one span. */
#define HEAP_RESERVE	((size_t)64 << 20)
/* More than a heap's first top holds (glibc grows it by 128 KB at
 * first), so that asking for it grows the heap. */
#define HEAP_NUDGE	((size_t)256 << 10)

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

/*
 * Fresh heap costs a page fault per 4 KB touched: a build of every
 * service took 9,400 of them, most in malloc, and a fifth of its
 * processor time was the kernel's (doc/performance.md).  Under
 * transparent huge pages one 2 MB fault does for 512, but Debian's
 * kernels give them only to what madvise() asks them for, and glibc
 * asks only when the GLIBC_TUNABLES variable tells it to, before main()
 * runs.  So the main arena's heap is grown by
 * HEAP_RESERVE at once and that span asked for huge pages; the threads'
 * arenas, whose heaps glibc keeps to itself, get the same top pad, which
 * makes each one writable at once instead of a page at a time (1,400
 * mprotect() calls).  The advice is only advice: where the kernel has
 * no huge pages, nothing changes.
 */
void
wp_heap_init(void)
{
	long		 page = sysconf(_SC_PAGESIZE);
	char		*from, *to;
	void *volatile	 nudge;	/* volatile: else no call is made */

	/*
	 * cairo copies a CFF font's whole table twice for each face of
	 * each PDF (23 MB for a full Noto CJK face, which serves what
	 * wpgen's TrueType subsets lack).  From the heap, and kept there
	 * once freed, the copies reuse one block; mapped and unmapped
	 * afresh, they cost a quarter of such a whitepaper's page faults
	 * and of its CPU time.
	 */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, (int)HEAP_RESERVE);
	mallopt(M_TOP_PAD, (int)HEAP_RESERVE);
	from = sbrk(0);
	if ((nudge = malloc(HEAP_NUDGE)) == NULL)
		wp_oom();
	free(nudge);
	to = sbrk(0);
#ifdef MADV_HUGEPAGE
	if (from != (char *)-1 && to != (char *)-1 && page > 0) {
		from += ((uintptr_t)-(uintptr_t)from) % (uintptr_t)page;
		if (to > from)
			(void)madvise(from, (size_t)(to - from),
			    MADV_HUGEPAGE);
	}
#endif
}
