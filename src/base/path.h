/*
 * path: file names, built and taken apart; folders made.
 */
#ifndef WP_PATH_H
#define WP_PATH_H

/* A new string "dir/name"; the caller frees it. */
char	*wp_path(const char *dir, const char *name);
/* The last component of a path, without trailing slashes; caller frees. */
char	*wp_basename(const char *path);
/* The folder of a path ("." when it names none); caller frees. */
char	*wp_dirname(const char *path);
int	 wp_exists(const char *path);
int	 wp_mkdirs(const char *path);	/* 0, or -1 with errno */

#endif
