/*
 * jobs: `wpgen build`: services built in one process as a line (one
 * read, one typeset, others drawn and written, at once), or in worker
 * processes taking them from a queue.
 */
#include <sys/stat.h>
#include <sys/wait.h>

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
#include "base/thread.h"
#include "base/timing.h"
#include "cli/cli.h"
#include "input/service.h"

struct job {
	struct wp_session	*t;
	const char		*outdir, *index_href;
	int			 each;	/* each service to outdir/<id>/ */
	int			 timings, progress, argc;
	char			**argv;
	char			*ok;	/* per service: built */
};

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The progress line and timings of service i, begun at start. */
static void
report(struct job *j, int i, int ok, int pages, double start)
{
	char	*id = wp_service_id(j->argv[i]);

	wp_diag_flush();
	if (j->progress && ok)
		fprintf(stderr, "[%d/%d] %s: %d pages, %.2f s\n", i + 1,
		    j->argc, id, pages, now() - start);
	else if (j->progress)
		fprintf(stderr, "[%d/%d] %s: failed\n", i + 1, j->argc, id);
	if (j->timings) {
		wp_timings_print(stderr, id);
		wp_timings_reset();
	}
	free(id);
}

/* The folder service i of a job is built into. */
static char *
out_dir(const struct job *j, int i)
{
	char	*id, *dir;

	if (!j->each)
		return wp_strdup(j->outdir);
	id = wp_service_id(j->argv[i]);
	dir = wp_path(j->outdir, id);
	free(id);
	return dir;
}

/* Builds service i of a job; 1 if it was built. */
static int
build_one(struct job *j, int i)
{
	char	*dir = out_dir(j, i);
	double	 start = now();
	int	 pages = 0, ok;

	ok = wp_publish_service(j->t, j->argv[i], dir, j->index_href, NULL,
	    &pages) == 0;
	report(j, i, ok, pages, start);
	free(dir);
	return ok;
}

/*
 * A build of several services in one process, as a line of three
 * stations (publish.h): a reader thread reads each service (content,
 * model, HTML) up to AHEAD services ahead of the one this thread
 * typesets, and each typeset service's PDF is drawn and written in a
 * thread of its own while this one typesets the next.  The build ends
 * when this thread has typeset the last service and its PDF is drawn,
 * so the others stand behind it (wp_thread_behind()) when the cores are
 * short.
 */
#define AHEAD	4
#define DRAWING	4	/* PDFs drawn at once, at most */

struct line {
	struct job		*j;
	struct wp_pending	**svc;		/* per service, once read */
	double			*start;		/* when its reading began */
	int			 read, typeset;	/* services so far */
	pthread_mutex_t		 lock;
	pthread_cond_t		 moved;		/* either count did */
};

static void *
reader(void *arg)
{
	struct line	*l = arg;
	char		*dir;

	wp_thread_behind();
	for (int i = 0; i < l->j->argc; i++) {
		pthread_mutex_lock(&l->lock);
		while (i - l->typeset >= AHEAD)
			pthread_cond_wait(&l->moved, &l->lock);
		pthread_mutex_unlock(&l->lock);
		l->start[i] = now();
		dir = out_dir(l->j, i);
		l->svc[i] = wp_publish_read(l->j->t, l->j->argv[i], dir,
		    l->j->index_href, NULL);
		free(dir);
		pthread_mutex_lock(&l->lock);
		l->read = i + 1;
		pthread_cond_broadcast(&l->moved);
		pthread_mutex_unlock(&l->lock);
	}
	return NULL;
}

/* Ends service i of a line: 1 if it was built. */
static int
end_one(struct line *l, int i)
{
	int	 pages = 0, ok;

	ok = wp_publish_end(l->svc[i], &pages) == 0;
	report(l->j, i, ok, pages, l->start[i]);
	return ok;
}

/*
 * The services one after another in this process: as a line when there
 * are several; one at a time with --timings, so that the stages timed
 * are each service's own.
 */
static void
build_serial(struct job *j)
{
	struct line	 l = { j, NULL, NULL, 0, 0,
			    PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
	pthread_t	 thread;
	int		 i;

	l.svc = wp_calloc((size_t)j->argc + 1, sizeof(*l.svc));
	l.start = wp_calloc((size_t)j->argc + 1, sizeof(*l.start));
	if (j->timings || j->argc < 2 ||
	    pthread_create(&thread, NULL, reader, &l) != 0) {
		for (i = 0; i < j->argc; i++)
			j->ok[i] = (char)build_one(j, i);
		goto done;
	}
	/* the fonts load here while the first service is read */
	wp_session_fonts(j->t);
	for (i = 0; i < j->argc; i++) {
		pthread_mutex_lock(&l.lock);
		while (l.read <= i)
			pthread_cond_wait(&l.moved, &l.lock);
		pthread_mutex_unlock(&l.lock);
		wp_publish_typeset(l.svc[i], 1);
		pthread_mutex_lock(&l.lock);
		l.typeset = i + 1;
		pthread_cond_broadcast(&l.moved);
		pthread_mutex_unlock(&l.lock);
		if (i >= DRAWING)
			j->ok[i - DRAWING] = (char)end_one(&l, i - DRAWING);
	}
	for (i = j->argc > DRAWING ? j->argc - DRAWING : 0; i < j->argc; i++)
		j->ok[i] = (char)end_one(&l, i);
	pthread_join(thread, NULL);
done:
	free(l.svc);
	free(l.start);
}

/* The size of a service's content, to deal the big ones first. */
static long
content_size(const char *dir)
{
	char		*path = wp_path(dir, "service.xml");
	struct stat	 st;
	long		 n = stat(path, &st) == 0 ? (long)st.st_size : 0;

	free(path);
	return n;
}

static const long	*sizes;	/* for bigger_first, during one qsort */

static int
bigger_first(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;

	return sizes[x] != sizes[y] ? (sizes[x] < sizes[y] ? 1 : -1) : x - y;
}

struct result {
	int	 service, ok;
	int	 kinds;		/* diag.h: WP_KIND_* of its errors */
};

/* A worker: takes services from the queue until it is empty. */
static void
work(struct job *j, int todo, int done)
{
	struct result	 r;

	while (read(todo, &r.service, sizeof(r.service)) ==
	    (ssize_t)sizeof(r.service)) {
		r.ok = build_one(j, r.service);
		r.kinds = wp_diag_kinds();
		fflush(NULL);
		if (write(done, &r, sizeof(r)) != (ssize_t)sizeof(r))
			_exit(EXIT_CONTENT);
	}
	_exit(EXIT_OK);
}

/*
 * Several services in several processes (-j): one worker process each
 * taking the next service from a queue (a pipe of service numbers, the
 * biggest service first, so that no worker is left with a long one at
 * the end) and reporting each one it built on a second pipe.  Each
 * number and report is one write of a few bytes, which a pipe keeps
 * whole.  Processes, not threads: threads, each with a font map of its
 * own (Pango's are not for sharing) and cairo's glyph caches shared,
 * were measured no faster, and a worker that dies takes only its own
 * service with it.  Each worker loads the fonts once.  A service whose
 * worker dies is not reported, so it counts as failed.
 */
static void
build_parallel(struct job *j, int jobs)
{
	int		 todo[2], done[2], *order, w, workers = 0;
	long		*size;
	pid_t		 pid[64];
	struct result	 r;

	if (pipe(todo) == -1)
		goto alone;
	if (pipe(done) == -1) {
		close(todo[0]);
		close(todo[1]);
		goto alone;
	}
	fflush(NULL);
	for (w = 0; w < jobs; w++) {
		if ((pid[workers] = fork()) == -1)
			break;
		if (pid[workers] == 0) {
			wp_output_child();
			close(todo[1]);
			close(done[0]);
			work(j, todo[0], done[1]);
		}
		wp_output_worker(pid[workers]);
		workers++;
	}
	close(todo[0]);
	close(done[1]);
	/* should every worker die, writing the queue fails, not kills */
	signal(SIGPIPE, SIG_IGN);
	order = wp_calloc((size_t)j->argc, sizeof(*order));
	size = wp_calloc((size_t)j->argc, sizeof(*size));
	for (int i = 0; i < j->argc; i++) {
		order[i] = i;
		size[i] = content_size(j->argv[i]);
	}
	sizes = size;
	qsort(order, (size_t)j->argc, sizeof(*order), bigger_first);
	free(size);
	for (int i = 0; i < j->argc && workers > 0; i++)
		if (write(todo[1], &order[i], sizeof(order[i])) !=
		    (ssize_t)sizeof(order[i]))
			break;
	close(todo[1]);
	free(order);
	while (read(done[0], &r, sizeof(r)) == (ssize_t)sizeof(r))
		if (r.service >= 0 && r.service < j->argc) {
			j->ok[r.service] = (char)r.ok;
			wp_diag_add_kinds(r.kinds);
		}
	close(done[0]);
	signal(SIGPIPE, SIG_DFL);
	for (w = 0; w < workers; w++) {
		int status;
		if (waitpid(pid[w], &status, 0) == pid[w] &&
		    WIFSIGNALED(status))
			wp_msg(MSG_WORKER, NULL, 0, WTERMSIG(status));
	}
	if (workers > 0)
		return;
alone:
	build_serial(j);
}

/* The index of the services, from the entries their builds wrote. */
static int
write_index(struct job *j, int argc, char **argv)
{
	struct wp_index	*idx = wp_index_new();
	char		*path;
	int		 rc = 0, listed = 0;

	/* each service whose outputs are there: a failed build leaves the
	 * previous ones in place, and they stay listed */
	for (int i = 0; i < argc; i++) {
		char *id = wp_service_id(argv[i]);
		char *dir = wp_path(j->outdir, id);
		char *file = wp_path(dir, "index-entry.xml");
		if (wp_exists(file) && wp_index_add_entry(idx, file) == 0)
			listed++;
		free(file);
		free(dir);
		free(id);
	}
	path = wp_path(j->outdir, "index.html");
	if (listed > 0)
		rc = wp_index_write(j->t, idx, path);
	free(path);
	wp_index_free(idx);
	return rc;
}

int
wp_same_outputs(const char *outdir, int argc, char **argv)
{
	int	 bad = 0;

	for (int i = 0; i < argc; i++) {
		char *id = wp_service_id(argv[i]);
		for (int k = 0; k < i; k++) {
			char *other = wp_service_id(argv[k]);
			int same = strcmp(id, other) == 0;
			free(other);
			if (!same)
				continue;
			char *where = wp_path(outdir, id);
			wp_msg(MSG_SAME_OUTPUT, argv[i], 0, where, argv[k]);
			free(where);
			bad++;
			break;
		}
		free(id);
	}
	return bad;
}

/*
 * --changed: the services whose outputs are not current (publish.h:
 * wp_publish_current), into todo; returns how many.  A failed build
 * wrote nothing, so its service is not current and is built again.
 */
static int
outdated(const struct job *j, int argc, char **argv, char **todo)
{
	int	 n = 0;

	for (int i = 0; i < argc; i++) {
		char *id = wp_service_id(argv[i]);
		char *dir = wp_path(j->outdir, id);
		if (!wp_publish_current(j->t, argv[i], dir, j->index_href,
		    NULL))
			todo[n++] = argv[i];
		else if (j->progress)
			fprintf(stderr, "%s: up to date\n", id);
		free(dir);
		free(id);
	}
	return n;
}

/*
 * Progress, a line per service, goes to a terminal when several services
 * are built (unless its messages are JSON, a line each), and anywhere
 * with -v; a build run by make or a pipeline is otherwise quiet.  Several services, or any with --no-index or
 * --changed, each go to OUTDIR/<id>/.
 */
int
wp_cmd_build(struct wp_session *t, const struct args *a, int argc,
    char **argv)
{
	struct job	 j = { t, a->output, a->index_href,
			    argc > 1 || a->no_index || a->changed, a->timings,
			    a->verbose || (argc > 1 && isatty(STDERR_FILENO) &&
			    !wp_diag_json()),
			    argc, argv, NULL };
	char		**todo = NULL;
	int		 bad = 0, jobs = a->jobs;

	if (a->since != NULL)		/* a reviewer's copy: commands.c */
		return wp_cmd_redline(t, a, argc, argv);
	if (j.each && j.index_href == NULL)
		j.index_href = "../index.html";
	if (j.each && wp_same_outputs(j.outdir, argc, argv) > 0)
		return EXIT_CONTENT;
	if (a->changed) {
		todo = wp_calloc((size_t)argc, sizeof(*todo));
		j.argc = outdated(&j, argc, argv, todo);
		j.argv = todo;
	}
	j.ok = wp_calloc((size_t)argc, 1);
	if (jobs > j.argc)
		jobs = j.argc;
	if (jobs > 1)
		build_parallel(&j, jobs);
	else
		build_serial(&j);
	for (int i = 0; i < j.argc; i++)
		bad |= !j.ok[i];
	if (j.each && !a->no_index && write_index(&j, argc, argv) == -1)
		bad = 1;
	free(j.ok);
	free(todo);
	return bad ? EXIT_CONTENT : EXIT_OK;
}

