/*
 * git: a content folder as it was at a git revision (`wpgen diff
 * --rev`, `build --rev`, `release --rev`): its files written into a
 * temporary folder by git cat-file; and what a release records of its
 * sources (their commit, its time, whether they are modified).  git is
 * run without a shell.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/path.h"
#include "diff/diff.h"

/* What wp_service_load() reads from a content folder. */
static const char *const content_files[] = { "service.xml", "revisions.xml" };

/* The most of git's standard output wp_git() keeps: a commit, a date,
 * a status line or two. */
#define GIT_OUT_MAX	4096

/* Reads fd to its end, keeping the start in buf (len bytes, terminated). */
static void
drain(int fd, char *buf, size_t len)
{
	char	 chunk[512];
	size_t	 got = 0;
	ssize_t	 r;

	buf[0] = '\0';
	while ((r = read(fd, chunk, sizeof(chunk))) != 0) {
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			break;
		if (got + 1 < len) {
			size_t k = (size_t)r < len - 1 - got ? (size_t)r :
			    len - 1 - got;
			memcpy(buf + got, chunk, k);
			buf[got += k] = '\0';
		}
	}
}

int
wp_git(const char *dir, const char *const *args, int outfd, char *out,
    size_t outlen, char *err, size_t errlen)
{
	const char	*argv[16] = { "git", "-C", dir };
	size_t		 n = 3;
	int		 ep[2], op[2] = { -1, -1 }, status;
	pid_t		 pid;

	err[0] = '\0';
	if (out != NULL)
		out[0] = '\0';
	for (; args[n - 3] != NULL && n + 1 < sizeof(argv) / sizeof(*argv);
	    n++)
		argv[n] = args[n - 3];
	argv[n] = NULL;
	if (pipe(ep) == -1)
		return -1;
	if (out != NULL && pipe(op) == -1) {
		close(ep[0]);
		close(ep[1]);
		return -1;
	}
	if ((pid = fork()) == -1) {
		close(ep[0]);
		close(ep[1]);
		if (out != NULL) {
			close(op[0]);
			close(op[1]);
		}
		return -1;
	}
	if (pid == 0) {
		if (out != NULL)
			outfd = op[1];
		else if (outfd == -1)
			outfd = open("/dev/null", O_WRONLY);
		if (outfd == -1 || dup2(outfd, STDOUT_FILENO) == -1 ||
		    dup2(ep[1], STDERR_FILENO) == -1)
			_exit(127);
		close(ep[0]);
		execvp(argv[0], (char *const *)argv);
		dprintf(STDERR_FILENO, "%s\n", strerror(errno));
		_exit(127);
	}
	close(ep[1]);
	if (out != NULL) {
		/* git writes little here, and its errors after: read them
		 * in turn, as a pipe holds far more than either */
		close(op[1]);
		drain(op[0], out, outlen);
		close(op[0]);
	}
	drain(ep[0], err, errlen);
	close(ep[0]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	err[strcspn(err, "\n")] = '\0';
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* "git -C dir cat-file op spec": the blob's bytes, without a pager,
 * textconv or filters. */
static int
git(const char *dir, const char *op, const char *spec, int outfd, char *err,
    size_t errlen)
{
	const char *const args[] = { "cat-file", op, spec, NULL };

	return wp_git(dir, args, outfd, NULL, 0, err, errlen);
}

/* Writes dir/name at rev into sub/name; 0, or -1 after reporting. */
static int
fetch(const char *dir, const char *rev, const char *name, const char *sub,
    int required)
{
	char	 err[512], *spec, *path;
	int	 fd, rc = -1, st;

	spec = wp_malloc(strlen(rev) + strlen(name) + 4);
	sprintf(spec, "%s:./%s", rev, name);
	path = wp_path(sub, name);
	if (!required) {
		st = git(dir, "-e", spec, -1, err, sizeof(err));
		if (st == -1 || st == 127) {
			wp_msg(MSG_GIT_RUN, dir, 0, err[0] != '\0' ?
			    err : strerror(errno));
			goto out;
		}
		if (st != 0) {		/* not at that revision */
			rc = 0;
			goto out;
		}
	}
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1) {
		wp_msg(MSG_IO, path, 0, strerror(errno));
		goto out;
	}
	st = git(dir, "blob", spec, fd, err, sizeof(err));
	if (close(fd) == -1 && st == 0) {
		wp_msg(MSG_IO, path, 0, strerror(errno));
		goto out;
	}
	if (st != 0) {
		wp_msg(MSG_GIT, dir, 0, name, rev,
		    err[0] != '\0' ? err : "git failed");
		goto out;
	}
	rc = 0;
out:
	free(path);
	free(spec);
	return rc;
}

void
wp_diff_checkout_remove(char *path)
{
	char	*p, *slash;

	if (path == NULL)
		return;
	for (size_t i = 0; i < sizeof(content_files) / sizeof(*content_files);
	    i++) {
		p = wp_path(path, content_files[i]);
		unlink(p);
		free(p);
	}
	rmdir(path);
	if ((slash = strrchr(path, '/')) != NULL) {
		*slash = '\0';
		rmdir(path);
	}
	free(path);
}

char *
wp_diff_checkout(const char *dir, const char *rev)
{
	const char	*tmp = getenv("TMPDIR");
	char		*real = NULL, *base = NULL, *id = NULL, *sub = NULL;
	char		*result = NULL;

	/* A revision that git would read as an option, or a path. */
	if (rev[0] == '\0' || rev[0] == '-' || strchr(rev, ':') != NULL) {
		wp_msg(MSG_REV, NULL, 0, rev);
		return NULL;
	}
	/* The service id must match the folder's name: the real one. */
	if ((real = realpath(dir, NULL)) == NULL) {
		wp_msg(MSG_IO, dir, 0, strerror(errno));
		return NULL;
	}
	if (tmp == NULL || tmp[0] != '/')
		tmp = "/tmp";
	base = wp_path(tmp, "wpgen-rev.XXXXXX");
	if (mkdtemp(base) == NULL) {
		wp_msg(MSG_IO, base, 0, strerror(errno));
		goto out;
	}
	id = wp_basename(real);
	sub = wp_path(base, id);
	if (mkdir(sub, 0700) == -1) {
		wp_msg(MSG_IO, sub, 0, strerror(errno));
		rmdir(base);
		goto out;
	}
	if (fetch(dir, rev, content_files[0], sub, 1) == 0 &&
	    fetch(dir, rev, content_files[1], sub, 0) == 0) {
		result = sub;
		sub = NULL;
	} else {
		wp_diff_checkout_remove(sub);
		sub = NULL;
	}
out:
	free(sub);
	free(id);
	free(base);
	free(real);
	return result;
}

/* git's output, its first line alone, or NULL when git said no. */
static char *
git_line(const char *dir, const char *const *args)
{
	char	 out[GIT_OUT_MAX], err[256];

	if (wp_git(dir, args, -1, out, sizeof(out), err, sizeof(err)) != 0)
		return NULL;
	out[strcspn(out, "\n")] = '\0';
	return out[0] != '\0' ? wp_strdup(out) : NULL;
}

char *
wp_git_commit(const char *dir, const char *rev)
{
	char		*spec = wp_malloc(strlen(rev) + 10), *c;
	const char *const args[] = { "rev-parse", "--verify", "--quiet",
		    spec, NULL };

	if (rev[0] == '-') {		/* an option, not a revision */
		free(spec);
		return NULL;
	}
	sprintf(spec, "%s^{commit}", rev);
	c = git_line(dir, args);
	free(spec);
	return c;
}

long long
wp_git_commit_time(const char *dir, const char *commit)
{
	const char *const args[] = { "show", "-s", "--format=%ct", commit,
		    NULL };
	char		*t = git_line(dir, args), *end;
	long long	 v = -1;

	if (t != NULL) {
		v = strtoll(t, &end, 10);
		if (*end != '\0' || v < 0)
			v = -1;
	}
	free(t);
	return v;
}

int
wp_git_modified(const char *dir)
{
	const char *const args[] = { "status", "--porcelain",
		    "--untracked-files=all", "--", content_files[0],
		    content_files[1], NULL };
	char	 out[GIT_OUT_MAX], err[256];
	int	 st = wp_git(dir, args, -1, out, sizeof(out), err,
		    sizeof(err));

	return st != 0 ? -1 : out[0] != '\0';
}

int
wp_git_has(const char *dir, const char *rev, const char *name)
{
	char	 err[256], *spec;
	int	 st;

	if (rev[0] == '-' || strchr(rev, ':') != NULL)
		return -1;
	spec = wp_malloc(strlen(rev) + strlen(name) + 4);
	sprintf(spec, "%s:./%s", rev, name);
	st = git(dir, "-e", spec, -1, err, sizeof(err));
	free(spec);
	return st == 0 ? 1 : st == 1 || st == 128 ? 0 : -1;
}
