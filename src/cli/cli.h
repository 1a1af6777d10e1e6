/*
 * cli: what the command line's files share: the options given, and the
 * commands, each a function that returns the process's exit status.
 * The only part of wpgen that prints usage and decides exit statuses.
 */
#ifndef WP_CLI_H
#define WP_CLI_H

#include <stdio.h>

#include "publish/publish.h"

/*
 * Exit statuses (README: Exit status).  A command returns its own (diff:
 * EXIT_CONTENT for versions that differ); main() then says what the
 * errors reported were about: trouble before history before content.
 */
enum {
	EXIT_OK = 0,
	EXIT_CONTENT = 1,	/* errors in the content or templates */
	EXIT_USAGE = 2,		/* the command line is wrong */
	EXIT_HISTORY = 3,	/* the revision history does not say
				   what changed */
	EXIT_TROUBLE = 4	/* the file system, git, the fonts */
};

/* Every option of every command (each command takes some: main.c). */
struct args {
	const char	*output;	/* -o */
	const char	*index_href;	/* -i */
	int		 no_index;	/* --no-index */
	int		 changed;	/* --changed */
	int		 jobs;		/* -j, at least 1 */
	int		 timings, verbose;
	int		 color;		/* diff: colour the report (-1:
					   auto, until main() decides) */
	int		 history, strict;
	int		 werror;	/* --werror */
	const char	*html, *pdf;	/* diff: the comparison */
	const char	*since;		/* --changes-since */
	const char	*rev;		/* diff: the old version's; the
					   others: what they read */
	const char	*baseline, *prh;	/* lint */
	int		 prose;		/* lint --prose */
};

/*
 * Says what was wrong with a command line, in one line, "wpgen CMD:
 * what (see wpgen CMD --help)"; returns EXIT_USAGE.
 */
int	 wp_usage_error(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* wpgen's version and commit, and its libraries' (--version). */
void	 wp_print_version(FILE *);

/* commands.c */
int	 wp_cmd_check(struct wp_session *, const struct args *, int, char **);
int	 wp_cmd_text(struct wp_session *, const struct args *, int, char **);
int	 wp_cmd_index(struct wp_session *, const struct args *, int, char **);
int	 wp_cmd_release(struct wp_session *, const struct args *, int,
	    char **);
int	 wp_cmd_diff(struct wp_session *, const struct args *, int, char **);
int	 wp_cmd_redline(struct wp_session *, const struct args *, int,
	    char **);
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
