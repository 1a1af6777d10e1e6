/*
 * cli: what the command line's files share: the options given, and the
 * commands, each a function that returns the process's exit status.
 * The only part of wpgen that prints usage and decides exit statuses.
 */
#ifndef WP_CLI_H
#define WP_CLI_H

#include "publish/publish.h"

enum { EXIT_OK = 0, EXIT_CONTENT = 1, EXIT_USAGE = 2 };

/* Every option of every command (each command takes some: main.c). */
struct args {
	const char	*output;	/* -o */
	const char	*index_href;	/* -i */
	int		 no_index;	/* --no-index */
	int		 changed;	/* --changed */
	int		 jobs;		/* -j, at least 1 */
	int		 timings, verbose;
	int		 color;		/* diff: colour the report */
	int		 history, strict;
	const char	*html, *rev;	/* diff */
};

/*
 * Says what was wrong with a command line, in one line, "wpgen CMD:
 * what (see wpgen CMD --help)"; returns EXIT_USAGE.
 */
int	 wp_usage_error(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* commands.c */
int	 wp_cmd_check(struct wp_session *, const struct args *, int, char **);
int	 wp_cmd_text(struct wp_session *, const struct args *, int, char **);
int	 wp_cmd_index(struct wp_session *, const struct args *, int, char **);
int	 wp_cmd_release(struct wp_session *, const struct args *, int,
	    char **);
int	 wp_cmd_diff(struct wp_session *, const struct args *, int, char **);
int	 wp_cmd_lint(struct wp_session *, const struct args *, int, char **);
int	 wp_cmd_layout(struct wp_session *, const struct args *, int,
	    char **);
/* jobs.c */
int	 wp_cmd_build(struct wp_session *, const struct args *, int, char **);
/*
 * Two services given must not write one folder, OUTDIR/<id>/: their ids
 * (their folders' names) differ.  Returns how many do, each reported.
 */
int	 wp_same_outputs(const char *outdir, int argc, char **argv);
/* watch.c */
int	 wp_cmd_watch(struct wp_session *, const struct args *, int, char **);

#endif
