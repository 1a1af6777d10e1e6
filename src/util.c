/*
 * util: small helpers every stage needs.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "util.h"

void *
wp_malloc(size_t n)
{
	void	*p = malloc(n == 0 ? 1 : n);

	if (p == NULL) {
		fputs("wpgen: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *
wp_calloc(size_t n, size_t size)
{
	void	*p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

	if (p == NULL) {
		fputs("wpgen: out of memory\n", stderr);
		abort();
	}
	return p;
}

char *
wp_strdup(const char *s)
{
	size_t	 n = strlen(s) + 1;

	return memcpy(wp_malloc(n), s, n);
}

char *
wp_path(const char *dir, const char *name)
{
	size_t	 d = strlen(dir), n = strlen(name);
	char	*p;

	while (d > 1 && dir[d - 1] == '/')
		d--;
	p = wp_malloc(d + n + 2);
	memcpy(p, dir, d);
	p[d] = '/';
	memcpy(p + d + 1, name, n + 1);
	return p;
}

char *
wp_basename(const char *path)
{
	size_t	 end = strlen(path), start;
	char	*p;

	while (end > 1 && path[end - 1] == '/')
		end--;
	start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	p = wp_malloc(end - start + 1);
	memcpy(p, path + start, end - start);
	p[end - start] = '\0';
	return p;
}

char *
wp_dirname(const char *path)
{
	size_t	 end = strlen(path);
	char	*p;

	while (end > 1 && path[end - 1] == '/')
		end--;
	while (end > 0 && path[end - 1] != '/')
		end--;
	if (end == 0)
		return wp_strdup(".");
	while (end > 1 && path[end - 1] == '/')
		end--;
	p = wp_malloc(end + 1);
	memcpy(p, path, end);
	p[end] = '\0';
	return p;
}

int
wp_exists(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0;
}

int
wp_mkdirs(const char *path)
{
	char	*p = wp_strdup(path), *s;
	int	 rc = 0;

	for (s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}
