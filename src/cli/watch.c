/*
 * watch: `wpgen watch`: each service built again as soon as its content,
 * the templates, the style or the fonts change (Linux inotify), by one
 * process that keeps what it loaded warm between edits: the templates
 * and stylesheets compiled, the style, the fonts and every glyph
 * measured and drawn so far.  The outputs are those `wpgen build
 * --changed` writes, byte for byte.
 */
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/path.h"
#include "base/timing.h"
#include "cli/cli.h"
#include "input/service.h"
#include "render/pdf.h"

/*
 * A file removed or renamed away is often about to come back: editors
 * that save by rename (vim, emacs) first move the old file aside, then
 * write the new one.  A removal is acted on only when the file has not
 * come back within this many seconds; a file written or renamed into
 * place is acted on at once.
 */
#define SETTLE		0.2
/* How often a watched folder that went away is looked for again. */
#define RETRY		1.0

enum what { W_SERVICE, W_TEMPLATES, W_FONTS, W_SUBSETS };

/* One watched folder. */
struct folder {
	char		*path;
	enum what	 what;
	int		 svc;		/* W_SERVICE: which */
	int		 wd;		/* inotify's; -1 while it is gone */
};

struct service {
	const char	*dir;		/* as given */
	char		*id, *outdir;	/* OUTDIR/<id> */
	double		 due;		/* when to build; 0: not due */
	double		 seen;		/* when the change was seen */
	int		 failed;	/* its last build failed */
};

struct watch {
	struct wp_session *s;
	int		 fd;		/* inotify */
	int		 sig;		/* signalfd: SIGINT, SIGTERM, SIGHUP */
	sigset_t	 sigs;
	struct folder	*folders;
	int		 nfolders;
	struct service	*svc;
	int		 nsvc;
	double		 reload_due;	/* templates and style; 0: not due */
	double		 reload_seen;
	int		 reload_fonts;	/* and the fonts */
	int		 reload_failed;	/* the last reload kept the old ones */
	char		*fonts_base;	/* fonts.conf's name */
	int		 timings;
};

/* A status line, after the time of day, so that a new one stands out
 * from the last. */
static void
say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void
say(const char *fmt, ...)
{
	time_t		 t = time(NULL);
	struct tm	 tm;
	va_list		 ap;

	localtime_r(&t, &tm);
	fprintf(stderr, "[%02d:%02d:%02d] ", tm.tm_hour, tm.tm_min, tm.tm_sec);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int
ends(const char *s, const char *tail)
{
	size_t	 n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* Whether a file of a watched folder is one wpgen reads. */
static int
relevant(const struct watch *w, const struct folder *f, const char *name)
{
	switch (f->what) {
	case W_SERVICE:
		return strcmp(name, "service.xml") == 0 ||
		    strcmp(name, "revisions.xml") == 0;
	case W_TEMPLATES:
		return name[0] != '.' && (ends(name, ".xml") ||
		    ends(name, ".xsl") || ends(name, ".rng"));
	case W_FONTS:
		return strcmp(name, w->fonts_base) == 0;
	case W_SUBSETS:
		return name[0] != '.' && ends(name, ".ttf");
	}
	return 0;
}

#define EVENTS	(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | \
		    IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

/* Watches a folder again; 0, or -1 with errno. */
static int
arm(struct watch *w, struct folder *f)
{
	f->wd = inotify_add_watch(w->fd, f->path, EVENTS);
	return f->wd == -1 ? -1 : 0;
}

static struct folder *
add_folder(struct watch *w, const char *path, enum what what, int svc)
{
	struct folder	*f;

	w->folders = wp_reallocarray(w->folders, (size_t)w->nfolders + 1,
	    sizeof(*w->folders));
	f = &w->folders[w->nfolders++];
	f->path = wp_strdup(path);
	f->what = what;
	f->svc = svc;
	f->wd = -1;
	return f;
}

/* The templates folder and every folder in it. */
static void
add_tree(struct watch *w, const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;

	add_folder(w, dir, W_TEMPLATES, -1);
	while (d != NULL && (e = readdir(d)) != NULL) {
		struct stat st;
		char *p;
		if (e->d_name[0] == '.')
			continue;
		p = wp_path(dir, e->d_name);
		/* some file systems do not say what an entry is */
		if (e->d_type == DT_DIR || (e->d_type == DT_UNKNOWN &&
		    stat(p, &st) == 0 && S_ISDIR(st.st_mode)))
			add_tree(w, p);
		free(p);
	}
	if (d != NULL)
		closedir(d);
}

/*
 * Sets up the folders to watch: each service's, the templates' (with
 * the style), the fonts' and their subsets'.  A service's or the
 * templates' folder that cannot be watched is an error (a mistyped
 * name); the fonts' folders may be missing (the full faces serve).
 * Returns 0, or -1 after reporting.
 */
static int
watch_folders(struct watch *w)
{
	char	*fonts = wp_dirname(w->s->fonts_conf), *subsets;
	int	 rc = 0;

	for (int i = 0; i < w->nsvc; i++)
		add_folder(w, w->svc[i].dir, W_SERVICE, i);
	add_tree(w, w->s->t->dir);
	add_folder(w, fonts, W_FONTS, -1);
	subsets = wp_path(fonts, "subset");
	add_folder(w, subsets, W_SUBSETS, -1);
	free(subsets);
	free(fonts);
	for (int i = 0; i < w->nfolders; i++) {
		struct folder *f = &w->folders[i];
		if (arm(w, f) == 0 || f->what == W_FONTS ||
		    f->what == W_SUBSETS)
			continue;
		wp_msg(MSG_IO, f->path, 0, errno == ENOSPC ? "cannot be "
		    "watched: no inotify watch is left (raise "
		    "fs.inotify.max_user_watches)" : strerror(errno));
		rc = -1;
	}
	return rc;
}

/* Makes what a change in folder f touches due at when. */
static void
due(struct watch *w, const struct folder *f, double when, double seen)
{
	double	*at, *since;

	if (f->what == W_SERVICE) {
		at = &w->svc[f->svc].due;
		since = &w->svc[f->svc].seen;
	} else {
		at = &w->reload_due;
		since = &w->reload_seen;
		if (f->what != W_TEMPLATES)
			w->reload_fonts = 1;
	}
	/* a file back within SETTLE of its removal is due at once */
	if (*at == 0 || when < *at)
		*at = when;
	if (*since == 0 || seen < *since)
		*since = seen;
}

static struct folder *
folder_of(struct watch *w, int wd)
{
	for (int i = 0; i < w->nfolders; i++)
		if (w->folders[i].wd == wd)
			return &w->folders[i];
	return NULL;
}

/* One event: a file of ours written, renamed, removed; a folder gone. */
static void
event(struct watch *w, const struct inotify_event *ev, double t)
{
	struct folder	*f = folder_of(w, ev->wd);

	if (f == NULL)
		return;
	if (ev->mask & (IN_MOVE_SELF | IN_DELETE_SELF)) {
		/* its path no longer leads to it: looked for again */
		inotify_rm_watch(w->fd, f->wd);
		f->wd = -1;
	} else if (ev->mask & IN_IGNORED)
		f->wd = -1;
	else if (ev->len > 0 && relevant(w, f, ev->name))
		due(w, f, ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO) ?
		    t : t + SETTLE, t);
}

/* Reads every event waiting (a save is often several). */
static void
read_events(struct watch *w)
{
	char		 buf[16 * (sizeof(struct inotify_event) + NAME_MAX + 1)]
			    __attribute__((aligned(__alignof__(struct
			    inotify_event))));
	ssize_t		 n;
	double		 t = wp_now();

	while ((n = read(w->fd, buf, sizeof(buf))) > 0)
		for (char *p = buf; p < buf + n; ) {
			const struct inotify_event *ev = (void *)p;
			event(w, ev, t);
			p += sizeof(*ev) + ev->len;
		}
}

/* Folders that went away and are back: watched again, and what they
 * hold may have changed while they were away. */
static int
rearm(struct watch *w)
{
	int	 gone = 0;

	for (int i = 0; i < w->nfolders; i++) {
		struct folder *f = &w->folders[i];
		if (f->wd != -1)
			continue;
		if (arm(w, f) == 0)
			due(w, f, wp_now() + SETTLE, wp_now());
		else
			gone = 1;
	}
	return gone;
}

/* Whether Ctrl-C (or SIGTERM, SIGHUP) is waiting. */
static int
stopping(const struct watch *w)
{
	sigset_t	 pending;

	sigpending(&pending);
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&w->sigs, sig) && sigismember(&pending, sig))
			return 1;
	return 0;
}

/*
 * The templates and the style loaded again (the fonts too when theirs
 * changed), and every service made due; a broken template is reported
 * and the ones loaded before are kept, serving edits of the content.
 */
static void
reload(struct watch *w)
{
	int	 fonts = w->reload_fonts;

	w->reload_due = 0;
	w->reload_fonts = 0;
	if (wp_session_reload(w->s, fonts) == -1) {
		wp_diag_flush();
		say("templates: not loaded; the last good ones serve until "
		    "this is mended");
		w->reload_failed = 1;
		return;
	}
	if (w->reload_failed)
		say("templates: mended");
	w->reload_failed = 0;
	for (int i = 0; i < w->nsvc; i++) {
		w->svc[i].due = w->reload_seen;
		if (w->svc[i].seen == 0 || w->reload_seen < w->svc[i].seen)
			w->svc[i].seen = w->reload_seen;
	}
	w->reload_seen = 0;
}

/*
 * Builds a service whose outputs are no longer current, as `build
 * --changed` would, and says so in a line: pages, and the time from the
 * change being seen to the new outputs in place.
 */
static void
build(struct watch *w, struct service *v, int first)
{
	double	 seen = v->seen;
	char	*inputs;
	int	 pages = 0, ok;

	v->due = v->seen = 0;
	/* its inputs, taken once: for the outputs, if they are not current */
	if (wp_publish_current(w->s, v->dir, v->outdir, "../index.html",
	    &inputs)) {
		free(inputs);
		if (first || v->failed)
			say("%s: up to date%s", v->id, v->failed ?
			    " (mended as it was last built)" : "");
		v->failed = 0;
		return;
	}
	wp_timings_reset();
	ok = wp_publish_service(w->s, v->dir, v->outdir, "../index.html",
	    inputs, &pages) == 0;
	wp_diag_flush();
	if (ok)
		say("%s: %d pages, %.0f ms", v->id, pages,
		    1000 * (wp_now() - seen));
	else
		say("%s: not built; its last good outputs stay until this is "
		    "mended", v->id);
	if (w->timings)
		wp_timings_print(stderr, v->id);
	v->failed = !ok;
}

/* The earliest time something is due, 0 if nothing is. */
static double
next_due(const struct watch *w)
{
	double	 t = w->reload_due;

	for (int i = 0; i < w->nsvc; i++)
		if (w->svc[i].due != 0 && (t == 0 || w->svc[i].due < t))
			t = w->svc[i].due;
	return t;
}

/* Does what is due; stops early when a signal waits. */
static void
act(struct watch *w, int first)
{
	double	 t = wp_now();

	if (w->reload_due != 0 && w->reload_due <= t)
		reload(w);
	for (int i = 0; i < w->nsvc && !stopping(w); i++)
		if (w->svc[i].due != 0 && w->svc[i].due <= t)
			build(w, &w->svc[i], first);
}

/* Waits for changes and acts on them, until a signal. */
static void
loop(struct watch *w)
{
	struct pollfd	 pfd[2] = { { w->fd, POLLIN, 0 }, { w->sig, POLLIN, 0 } };
	int		 gone = 0;

	for (;;) {
		double	 at = next_due(w), t = wp_now();
		int	 timeout = -1;

		if (at != 0)
			timeout = at <= t ? 0 : (int)((at - t) * 1000) + 1;
		if (gone && (timeout == -1 || timeout > RETRY * 1000))
			timeout = (int)(RETRY * 1000);
		if (poll(pfd, 2, timeout) == -1 && errno != EINTR)
			break;
		if (pfd[1].revents != 0 || stopping(w))
			break;
		if (pfd[0].revents != 0)
			read_events(w);
		gone = rearm(w);
		act(w, 0);
	}
}

static void
watch_free(struct watch *w)
{
	for (int i = 0; i < w->nfolders; i++)
		free(w->folders[i].path);
	free(w->folders);
	for (int i = 0; i < w->nsvc; i++) {
		free(w->svc[i].id);
		free(w->svc[i].outdir);
	}
	free(w->svc);
	free(w->fonts_base);
	if (w->fd != -1)
		close(w->fd);
	if (w->sig != -1)
		close(w->sig);
}

/*
 * SIGINT, SIGTERM and SIGHUP are blocked, in this thread and so in
 * every thread started after (Pango's, the side outputs'), and read
 * from a signalfd between builds: a build under way is finished (or
 * failed) whole, its temporaries gone, and the process ends with status
 * 0.  Only the command line, which ends the process, calls this.
 */
int
wp_cmd_watch(struct wp_session *s, const struct args *a, int argc,
    char **argv)
{
	struct watch	 w = { .s = s, .fd = -1, .sig = -1,
			    .timings = a->timings };
	const char	*outdir = a->output != NULL ? a->output : "build";
	int		 rc = EXIT_CONTENT;

	if (wp_same_outputs(outdir, argc, argv) > 0)
		return EXIT_CONTENT;
	/* a folder that is no service is said as build says it */
	for (int i = 0; i < argc; i++)
		if (!wp_service_present(argv[i], argv[i]))
			return EXIT_CONTENT;
	sigemptyset(&w.sigs);
	sigaddset(&w.sigs, SIGINT);
	sigaddset(&w.sigs, SIGTERM);
	sigaddset(&w.sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &w.sigs, NULL);
	w.sig = signalfd(-1, &w.sigs, SFD_CLOEXEC);
	w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w.sig == -1 || w.fd == -1) {
		wp_msg(MSG_IO, "inotify", 0, strerror(errno));
		goto done;
	}
	/* a viewer watching a PDF notices a file renamed over it at once,
	 * a folder replaced only seconds later (base/output.h) */
	s->in_place = 1;
	/* every rebuild draws the glyphs the last one drew */
	wp_pdf_keep_subsets();
	w.fonts_base = wp_basename(s->fonts_conf);
	w.nsvc = argc;
	w.svc = wp_calloc((size_t)argc, sizeof(*w.svc));
	for (int i = 0; i < argc; i++) {
		w.svc[i].dir = argv[i];
		w.svc[i].id = wp_service_id(argv[i]);
		w.svc[i].outdir = wp_path(outdir, w.svc[i].id);
		w.svc[i].due = w.svc[i].seen = wp_now();
	}
	/* watched before the first builds, so that no edit goes unseen */
	if (watch_folders(&w) == -1)
		goto done;
	act(&w, 1);
	say("watching %d service%s, the templates and the fonts; Ctrl-C "
	    "stops", argc, argc == 1 ? "" : "s");
	loop(&w);
	wp_diag_clear_kinds();
	rc = EXIT_OK;
done:
	wp_diag_flush();
	watch_free(&w);
	return rc;
}
