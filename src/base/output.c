/*
 * output: atomic files and atomic sets of files, and the bookkeeping
 * that lets a signal handler remove what this process left half-made.
 */
#define _GNU_SOURCE		/* renameat2 */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/output.h"
#include "base/path.h"

#define TMP_TAG		".wpgen-"	/* ".<name>.wpgen-<pid>-XXXXXX" */

/* ---- what a signal handler removes --------------------------------- */

/*
 * Temporaries of this process: folders (a set's) and files, in the first
 * free slot, so in no order (threads writing sets at once free and take
 * slots in turn: a file may hold a slot below its folder's).  The
 * handler unlinks every file, then removes the folders, emptied.  A
 * slot's path is written before the slot is marked used, and the
 * handler only reads: it sees whole paths or none.
 */
#define SLOTS	64
static struct {
	volatile sig_atomic_t	 used;
	char			 path[PATH_MAX];
} slots[SLOTS];

/* While the old set is moved aside (see swap_in), where to put it back. */
static char		 undo_from[PATH_MAX], undo_to[PATH_MAX];
static volatile sig_atomic_t undo_set;

/* Threads that write sets at once (a build's line) take turns at the
 * slots and at the one set that may be moved aside. */
static pthread_mutex_t	 slots_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t	 aside_lock = PTHREAD_MUTEX_INITIALIZER;

/* Arms (or, with NULL, disarms) putting a set back on a signal. */
static void
undo(const char *from, const char *to)
{
	undo_set = 0;
	if (from == NULL || strlen(from) >= PATH_MAX || strlen(to) >= PATH_MAX)
		return;
	strcpy(undo_from, from);
	strcpy(undo_to, to);
	undo_set = 1;
}

#define WORKERS	64
static volatile pid_t	 workers[WORKERS];
static volatile sig_atomic_t nworkers;

/* Set when a signal ends the process: no temporary is made after. */
static volatile sig_atomic_t dying;

/* Returns the slot (or -1 when all are taken: the path then goes
 * unprotected, which loses nothing but tidiness). */
static int
track(const char *path)
{
	int	 i;

	/* another thread is removing the temporaries and ending the
	 * process: make none it would not see */
	while (dying)
		pause();
	if (strlen(path) >= PATH_MAX)
		return -1;
	pthread_mutex_lock(&slots_lock);
	for (i = 0; i < SLOTS && slots[i].used; i++)
		continue;
	if (i < SLOTS) {
		strcpy(slots[i].path, path);
		slots[i].used = 1;
	}
	pthread_mutex_unlock(&slots_lock);
	return i < SLOTS ? i : -1;
}

static void
untrack(int slot)
{
	if (slot < 0)
		return;
	pthread_mutex_lock(&slots_lock);
	slots[slot].used = 0;
	pthread_mutex_unlock(&slots_lock);
}

/* Every temporary tracked removed: the files, then the folders they
 * were in, emptied. */
static void
remove_tracked(void)
{
	int	 i;

	for (i = 0; i < SLOTS; i++)
		if (slots[i].used)
			unlink(slots[i].path);	/* a folder: fails, kept */
	for (i = 0; i < SLOTS; i++)
		if (slots[i].used)
			rmdir(slots[i].path);	/* a file, gone: fails */
}

/*
 * The other threads go on while this runs, on the other core: one may
 * be making a temporary it had tracked before this began (the file then
 * appears after the first removal, and keeps its folder from being
 * removed).  None is begun after (track() waits), and one under way is
 * made within microseconds: the temporaries are removed again 2 ms
 * later.
 */
static void
on_signal(int sig)
{
	struct timespec	 pause_for = { 0, 2000000 };
	int		 i, saved = errno;

	dying = 1;
	for (i = 0; i < nworkers; i++)
		if (workers[i] > 0)
			kill(workers[i], sig);
	if (undo_set)
		rename(undo_from, undo_to);
	remove_tracked();
	nanosleep(&pause_for, NULL);
	remove_tracked();
	errno = saved;
	signal(sig, SIG_DFL);
	raise(sig);
}

void
wp_output_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	size_t		 i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);	/* one cleanup at a time */
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

void
wp_output_worker(pid_t pid)
{
	if (nworkers < WORKERS) {
		workers[nworkers] = pid;
		nworkers++;
	}
}

void
wp_output_child(void)
{
	int	 i;

	for (i = 0; i < SLOTS; i++)
		slots[i].used = 0;
	nworkers = 0;
#ifdef __linux__
	pid_t parent = getppid();
	/* a worker left alone would go on taking services from the queue */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != parent)
		raise(SIGTERM);
#endif
}

/* ---- leftovers of processes that died ------------------------------ */

/*
 * The pid in a temporary's name ".<name>.wpgen-<pid>-XXXXXX", or 0 if
 * the name is not one.
 */
static pid_t
tmp_owner(const char *name)
{
	const char	*tag, *p;
	long		 pid = 0;

	if (name[0] != '.' || (tag = strstr(name, TMP_TAG)) == NULL)
		return 0;
	for (p = tag + strlen(TMP_TAG); *p >= '0' && *p <= '9'; p++)
		if ((pid = pid * 10 + (*p - '0')) > INT_MAX)
			return 0;
	if (p == tag + strlen(TMP_TAG) || *p != '-' || strlen(p + 1) != 6)
		return 0;
	return (pid_t)pid;
}

/* Removes the regular files in a folder, then the folder if empty. */
static void
remove_set(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		char *p;
		struct stat st;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = wp_path(dir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode))
			unlink(p);
		free(p);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

/*
 * Removes from a folder the temporaries of processes that no longer
 * run (killed before they could tidy up).  A live process's are its
 * own; one whose pid is in use again is left for a later sweep.
 */
static void
sweep(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		pid_t pid = tmp_owner(e->d_name);
		char *p;
		struct stat st;
		if (pid <= 0 || pid == getpid() || kill(pid, 0) == 0 ||
		    errno != ESRCH)
			continue;
		p = wp_path(dir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			remove_set(p);
		else if (lstat(p, &st) == 0 && S_ISREG(st.st_mode))
			unlink(p);
		free(p);
	}
	if (d != NULL)
		closedir(d);
}

/* ---- one file ------------------------------------------------------ */

/* "dir/.name.wpgen-<pid>-XXXXXX" for a path "dir/name". */
static char *
tmp_name(const char *path)
{
	char	*dir = wp_dirname(path), *base = wp_basename(path), *t;
	size_t	 n = strlen(dir) + strlen(base) + 64;

	t = wp_malloc(n);
	snprintf(t, n, "%s/.%s%s%ld-XXXXXX", dir, base, TMP_TAG,
	    (long)getpid());
	free(dir);
	free(base);
	return t;
}

/*
 * mkdtemp(), but the folder made as mkdir(2) makes one, with the
 * permissions the user's umask gives (mkdtemp's are 0700): it becomes
 * the output folder.  Returns 0, or -1 with errno.
 */
static int
make_stage(char *templ, int *slot)
{
	static const char	 abc[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	char			*x = templ + strlen(templ) - 6;
	int			 tries, i;

	for (tries = 0; tries < 100; tries++) {
		struct timespec ts;
		unsigned long	v;
		clock_gettime(CLOCK_REALTIME, &ts);
		v = (unsigned long)ts.tv_nsec * 2654435761u ^
		    (unsigned long)getpid() << 16 ^ (unsigned long)tries;
		for (i = 0; i < 6; i++, v /= sizeof(abc) - 1)
			x[i] = abc[v % (sizeof(abc) - 1)];
		/* known to the signal handler before it exists */
		*slot = track(templ);
		if (mkdir(templ, 0777) == 0)
			return 0;
		untrack(*slot);
		*slot = -1;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

/* Writes all of buf to fd; -1 with errno on failure. */
static int
write_all(int fd, const void *buf, size_t n)
{
	const char	*p = buf;

	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Whether path is a regular file holding exactly the n bytes of buf.
 * Opened without blocking, so that a FIFO in its place is no trap. */
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
wp_write_file(const char *path, const void *buf, size_t n)
{
	char	*dir, *tmp;
	int	 fd, slot = -1, rc = -1;

	if (same_file(path, buf, n))
		return 0;
	dir = wp_dirname(path);
	tmp = tmp_name(path);
	sweep(dir);
	if ((fd = mkstemp(tmp)) == -1) {
		wp_msg(MSG_IO, path, 0, strerror(errno));
		goto done;
	}
	slot = track(tmp);
	/* mkstemp makes 0600; outputs are ordinary files */
	if (fchmod(fd, 0644) == -1 || write_all(fd, buf, n) == -1) {
		wp_msg(MSG_IO, path, 0, strerror(errno));
		close(fd);
	} else if (close(fd) == -1 || rename(tmp, path) == -1)
		wp_msg(MSG_IO, path, 0, strerror(errno));
	else
		rc = 0;
	if (rc == -1)
		unlink(tmp);
	untrack(slot);
done:
	free(tmp);
	free(dir);
	return rc;
}

/* ---- a set of files ------------------------------------------------ */

struct wp_outset {
	char	*dir;		/* as the caller named it */
	char	*stage;		/* the new set's folder, beside dir */
	int	 slot;		/* stage's, for the signal handler */
	int	 files[SLOTS];	/* its files' */
	int	 nfiles;
	int	 failed;	/* a put failed: commit refuses */
	int	 in_place;	/* renamed into dir one by one */
	char	**names;	/* the files put, in order */
	int	 nnames;
	int	(*owned)(const char *, void *);
	void	*arg;
};

/* Remembers the name of a file put, for a commit in place. */
static void
named(struct wp_outset *o, const char *name)
{
	o->names = wp_reallocarray(o->names, (size_t)o->nnames + 1,
	    sizeof(*o->names));
	o->names[o->nnames++] = wp_strdup(name);
}

/* Whether path is dir, or a folder that holds it. */
static int
holds(const char *outer, const char *inner)
{
	size_t	 n = strlen(outer);

	return strncmp(outer, inner, n) == 0 &&
	    (inner[n] == '\0' || inner[n] == '/' || strcmp(outer, "/") == 0);
}

/*
 * Checks that dir may be replaced: a folder (or nothing yet) that holds
 * only what owned() accepts, and neither the current folder nor one
 * holding it.  Returns 0, or -1 after reporting.
 */
static int
replaceable(const char *dir, int (*owned)(const char *, void *), void *arg)
{
	struct stat	 st;
	char		*real, *cwd;
	DIR		*d;
	struct dirent	*e;
	int		 rc = 0;

	if (lstat(dir, &st) == -1)
		return errno == ENOENT ? 0 : (wp_msg(MSG_IO, dir, 0,
		    strerror(errno)), -1);
	if (!S_ISDIR(st.st_mode)) {
		wp_msg(MSG_OUTDIR, dir, 0, "is not a folder");
		return -1;
	}
	real = realpath(dir, NULL);
	cwd = realpath(".", NULL);
	if (real != NULL && cwd != NULL && holds(real, cwd)) {
		wp_msg(MSG_OUTDIR, dir, 0, "is the current folder or holds it");
		rc = -1;
	}
	free(real);
	free(cwd);
	if (rc == -1)
		return -1;
	if ((d = opendir(dir)) == NULL) {
		wp_msg(MSG_IO, dir, 0, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		char what[512];
		if (strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0 || owned(e->d_name, arg))
			continue;
		snprintf(what, sizeof(what), "holds \"%s\", which wpgen did "
		    "not write there", e->d_name);
		wp_msg(MSG_OUTDIR, dir, 0, what);
		rc = -1;
		break;
	}
	closedir(d);
	return rc;
}

struct wp_outset *
wp_outset_begin(const char *dir, int (*owned)(const char *, void *),
    void *arg)
{
	struct wp_outset *o;
	char		*trimmed = wp_strdup(dir), *parent;
	size_t		 n = strlen(trimmed);

	while (n > 1 && trimmed[n - 1] == '/')
		trimmed[--n] = '\0';
	if (replaceable(trimmed, owned, arg) == -1) {
		free(trimmed);
		return NULL;
	}
	parent = wp_dirname(trimmed);
	if (wp_mkdirs(parent) == -1) {
		wp_msg(MSG_IO, parent, 0, strerror(errno));
		free(parent);
		free(trimmed);
		return NULL;
	}
	sweep(parent);
	free(parent);
	o = wp_calloc(1, sizeof(*o));
	o->dir = trimmed;
	o->owned = owned;
	o->arg = arg;
	o->stage = tmp_name(trimmed);
	if (make_stage(o->stage, &o->slot) == -1) {
		wp_msg(MSG_IO, dir, 0, strerror(errno));
		free(o->stage);
		free(o->dir);
		free(o);
		return NULL;
	}
	return o;
}

struct wp_outset *
wp_outset_begin_in_place(const char *dir, int (*owned)(const char *, void *),
    void *arg)
{
	struct wp_outset *o = wp_outset_begin(dir, owned, arg);

	if (o != NULL)
		o->in_place = 1;
	return o;
}

int
wp_outset_put(struct wp_outset *o, const char *name, const void *buf,
    size_t n)
{
	char	*path = wp_path(o->stage, name);
	int	 fd, rc = -1;

	named(o, name);

	/* known to the signal handler before it exists */
	if (o->nfiles < SLOTS)
		o->files[o->nfiles++] = track(path);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0644)) != -1) {
		if (write_all(fd, buf, n) == 0)
			rc = 0;
		if (close(fd) == -1)
			rc = -1;
	}
	if (rc == -1) {
		char *final = wp_path(o->dir, name);
		wp_msg(MSG_IO, final, 0, strerror(errno));
		free(final);
		o->failed = 1;
	}
	free(path);
	return rc;
}

int
wp_outset_put_kept(struct wp_outset *o, const char *name, const void *buf,
    size_t n)
{
	char	*old = wp_path(o->dir, name), *path = wp_path(o->stage, name);
	int	 kept;

	/* a second name for the same file: same bytes, same time */
	kept = same_file(old, buf, n);
	if (kept && o->nfiles < SLOTS)
		o->files[o->nfiles++] = track(path);
	if (kept && link(old, path) == -1) {
		untrack(o->files[--o->nfiles]);
		kept = 0;
	}
	free(old);
	free(path);
	if (kept)
		named(o, name);
	return kept ? 0 : wp_outset_put(o, name, buf, n);
}

static void
outset_free(struct wp_outset *o)
{
	int	 i;

	for (i = o->nfiles; i-- > 0;)
		untrack(o->files[i]);
	untrack(o->slot);
	for (i = 0; i < o->nnames; i++)
		free(o->names[i]);
	free(o->names);
	free(o->stage);
	free(o->dir);
	free(o);
}

void
wp_outset_abort(struct wp_outset *o)
{
	if (o == NULL)
		return;
	remove_set(o->stage);
	outset_free(o);
}

/*
 * Puts the new set in dir's place in one step.  Where the file system
 * cannot exchange two names (ENOSYS, EINVAL), the old set is moved
 * aside first: dir is then briefly missing, never mixed, and a signal
 * in between puts the old set back.  Returns 0, or -1 with errno; on
 * success o->stage holds the old set (or nothing).
 */
static int
swap_in(struct wp_outset *o)
{
	char	*aside;
	int	 slot = -1, e;

	if (renameat2(AT_FDCWD, o->stage, AT_FDCWD, o->dir,
	    RENAME_NOREPLACE) == 0)
		return 0;	/* nothing was there: o->stage is no more */
	if (errno == EEXIST && renameat2(AT_FDCWD, o->stage, AT_FDCWD,
	    o->dir, RENAME_EXCHANGE) == 0)
		return 0;
	if (errno != ENOSYS && errno != EINVAL)
		return -1;
	aside = tmp_name(o->dir);
	pthread_mutex_lock(&aside_lock);	/* the handler puts back one */
	if (make_stage(aside, &slot) == -1 || rename(o->dir, aside) == -1)
		goto fail;
	undo(aside, o->dir);
	if (rename(o->stage, o->dir) == -1) {
		e = errno;
		rename(aside, o->dir);
		undo(NULL, NULL);
		errno = e;
		goto fail;
	}
	undo(NULL, NULL);
	pthread_mutex_unlock(&aside_lock);
	untrack(o->slot);
	o->slot = slot;
	free(o->stage);
	o->stage = aside;
	return 0;
fail:
	e = errno;
	rmdir(aside);
	pthread_mutex_unlock(&aside_lock);
	untrack(slot);
	free(aside);
	errno = e;
	return -1;
}

/*
 * The folder dir, open and locked (flock), so that commits into it take
 * turns: the one found at its path once locked (a commit before may
 * have replaced it).  Returns the descriptor, or -1 when there is none.
 */
static int
lock_folder(const char *dir)
{
	struct stat	 held, there;
	int		 fd;

	for (;;) {
		if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
			return -1;
		while (flock(fd, LOCK_EX) == -1 && errno == EINTR)
			continue;
		if (fstat(fd, &held) == 0 && stat(dir, &there) == 0 &&
		    held.st_ino == there.st_ino && held.st_dev == there.st_dev)
			return fd;
		close(fd);
	}
}

/*
 * Removes from the folder fd the files the set does not hold (an
 * earlier set's, which owned() accepts), so that it holds one set.
 * Returns 0, or -1 with errno.
 */
static int
drop_others(struct wp_outset *o, int fd)
{
	int		 copy = dup(fd), i, rc = 0;
	DIR		*d = copy == -1 ? NULL : fdopendir(copy);
	struct dirent	*e;

	if (d == NULL) {
		if (copy != -1)
			close(copy);
		return -1;
	}
	while ((e = readdir(d)) != NULL && rc == 0) {
		if (e->d_type != DT_REG || !o->owned(e->d_name, o->arg))
			continue;
		for (i = 0; i < o->nnames; i++)
			if (strcmp(o->names[i], e->d_name) == 0)
				break;
		if (i == o->nnames && unlinkat(fd, e->d_name, 0) == -1 &&
		    errno != ENOENT)
			rc = -1;
	}
	closedir(d);
	return rc;
}

/*
 * Puts the set into the folder fd (dir, locked) file by file: the seal
 * (the last file put) removed first and renamed in last.  A file kept
 * as it was is its own second name in o->stage, and renaming it onto
 * itself does nothing.  A folder not there yet is put in whole.
 * Returns 0, or -1 with errno (the folder then holds no seal).
 */
static int
put_in_place(struct wp_outset *o, int fd)
{
	int	 i, r;

	if (fd == -1 || o->nnames == 0)
		return swap_in(o);
	if ((unlinkat(fd, o->names[o->nnames - 1], 0) == -1 &&
	    errno != ENOENT) || drop_others(o, fd) == -1)
		return -1;
	for (i = 0; i < o->nnames; i++) {
		char *from = wp_path(o->stage, o->names[i]);
		r = renameat(AT_FDCWD, from, fd, o->names[i]);
		free(from);
		if (r == -1)
			return -1;
	}
	return 0;
}

int
wp_outset_commit(struct wp_outset *o)
{
	int	 rc = 0, fd;

	if (o->failed) {
		wp_outset_abort(o);
		return -1;
	}
	fd = lock_folder(o->dir);
	if ((o->in_place ? put_in_place(o, fd) : swap_in(o)) == -1) {
		wp_msg(MSG_IO, o->dir, 0, strerror(errno));
		rc = -1;
	}
	if (fd != -1)
		close(fd);
	/* the old set, or the new one that could not go in */
	remove_set(o->stage);
	outset_free(o);
	return rc;
}
