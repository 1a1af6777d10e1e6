/*
 * util: allocation that aborts on exhaustion, and paths.  (Writing
 * files: output.h.)
 */
#ifndef WP_UTIL_H
#define WP_UTIL_H

#include <stddef.h>

void	*wp_malloc(size_t);
void	*wp_calloc(size_t, size_t);
char	*wp_strdup(const char *);
/* Returns a new string "dir/name"; the caller frees it. */
char	*wp_path(const char *dir, const char *name);
/* The last component of a path, without trailing slashes; caller frees. */
char	*wp_basename(const char *path);
/* The folder of a path ("." when it names none); caller frees. */
char	*wp_dirname(const char *path);
int	 wp_exists(const char *path);
int	 wp_mkdirs(const char *path);	/* 0, or -1 with errno */

#endif
