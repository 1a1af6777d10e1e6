/*
 * path: paths joined and split without touching the file system, and
 * folders made.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/path.h"

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
