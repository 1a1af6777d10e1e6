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

int
wp_out_open(struct wp_out *o, const char *path)
{
	o->path = wp_strdup(path);
	o->tmp = wp_malloc(strlen(path) + sizeof(".tmp.XXXXXX"));
	strcpy(o->tmp, path);
	strcat(o->tmp, ".tmp.XXXXXX");
	if ((o->fd = mkstemp(o->tmp)) == -1) {
		wp_msg(MSG_IO, path, 0, strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		free(o->path);
		o->path = NULL;
		return -1;
	}
	/* mkstemp makes 0600; outputs are ordinary files. */
	fchmod(o->fd, 0644);
	return 0;
}

int
wp_out_write(struct wp_out *o, const void *buf, size_t n)
{
	const char	*p = buf;

	while (n > 0) {
		ssize_t w = write(o->fd, p, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1) {
			wp_msg(MSG_IO, o->path, 0, strerror(errno));
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

void
wp_out_abort(struct wp_out *o)
{
	if (o->tmp != NULL) {
		close(o->fd);
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
	free(o->path);
	o->path = NULL;
}

int
wp_out_commit(struct wp_out *o)
{
	int	 rc = 0;

	/* No fsync: the rename protects readers from our own failures,
	 * which is the promise; surviving power loss is not. */
	if (close(o->fd) == -1 || rename(o->tmp, o->path) == -1) {
		wp_msg(MSG_IO, o->path, 0, strerror(errno));
		unlink(o->tmp);
		rc = -1;
	}
	free(o->tmp);
	o->tmp = NULL;
	free(o->path);
	o->path = NULL;
	return rc;
}

int
wp_write_file(const char *path, const void *buf, size_t n)
{
	struct wp_out	 o;

	if (wp_out_open(&o, path) == -1)
		return -1;
	if (wp_out_write(&o, buf, n) == -1) {
		wp_out_abort(&o);
		return -1;
	}
	return wp_out_commit(&o);
}

/*
 * Whether path is a regular file holding exactly the n bytes of buf.
 * Opened without blocking, so that a FIFO in its place is no trap.
 */
static int
same_file(const char *path, const void *buf, size_t n)
{
	char		 chunk[4096];
	struct stat	 st;
	size_t		 at = 0;
	ssize_t		 got;
	int		 fd, same;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return 0;
	same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size == n;
	while (same && (got = read(fd, chunk, sizeof(chunk))) != 0) {
		same = got > 0 && at + (size_t)got <= n &&
		    memcmp(chunk, (const char *)buf + at, (size_t)got) == 0;
		at += got > 0 ? (size_t)got : 0;
	}
	close(fd);
	return same && at == n;
}

int
wp_write_file_if_changed(const char *path, const void *buf, size_t n)
{
	return same_file(path, buf, n) ? 0 : wp_write_file(path, buf, n);
}
