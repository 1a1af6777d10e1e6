/*
 * util: allocation that aborts on exhaustion, paths, and writing a file
 * so that readers only ever see the old or the new whole.
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
int	 wp_exists(const char *path);
int	 wp_mkdirs(const char *path);	/* 0, or -1 with errno */

/*
 * Atomic output: wp_out_open() creates "path.tmp.XXXXXX" beside path;
 * wp_out_commit() flushes, syncs and renames it into place; on any
 * failure, or with wp_out_abort(), the temporary file is removed and
 * path is left as it was.  Each returns 0 or -1 after reporting.
 */
struct wp_out {
	char	*path;		/* final name */
	char	*tmp;		/* temporary name, NULL once closed */
	int	 fd;
};
int	 wp_out_open(struct wp_out *, const char *path);
int	 wp_out_write(struct wp_out *, const void *, size_t);
int	 wp_out_commit(struct wp_out *);
void	 wp_out_abort(struct wp_out *);
/* Writes a whole buffer to path atomically. */
int	 wp_write_file(const char *path, const void *, size_t);
/*
 * The same, unless path already holds exactly these bytes: then it is
 * left alone, its time too, so that make rebuilds nothing made from it.
 */
int	 wp_write_file_if_changed(const char *path, const void *, size_t);

#endif
