/*
 * output: the only way wpgen writes files.  A reader of an output folder
 * sees the old outputs or the new ones, never a mixture, never half a
 * file: whatever happens to the build (an error, a full disk, SIGTERM,
 * SIGKILL, a second build into the same folder at the same time).  (A
 * set put in place file by file, for `wpgen watch`, is the exception:
 * see wp_outset_begin_in_place().)
 *
 * Temporaries are named ".<name>.wpgen-<pid>-XXXXXX" beside what they
 * become.  This process removes its own on failure and on SIGINT,
 * SIGTERM and SIGHUP; those of a process that died (SIGKILL) are removed
 * by the next write into the same folder.  Several threads may write
 * sets at once.
 */
#ifndef WP_OUTPUT_H
#define WP_OUTPUT_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Removes this process's temporaries when it is interrupted (SIGINT,
 * SIGTERM, SIGHUP), passes the signal on to the workers registered with
 * wp_output_worker(), and dies of it.  Call once, early in main().
 */
void	 wp_output_signals(void);
/* A worker process, sent the signal that interrupts this one. */
void	 wp_output_worker(pid_t);
/* In a new worker: forget the parent's temporaries and workers; die
 * when the parent does. */
void	 wp_output_child(void);

/*
 * Writes a whole file atomically: to a temporary beside path, renamed
 * into place; a file that already holds these bytes is left alone, its
 * time too (so that make sees no change).  Returns 0, or -1 after
 * reporting (path is then as it was).
 */
int	 wp_write_file(const char *path, const void *, size_t);

/*
 * A set of files that replaces a folder as a whole: the files are
 * written into a new folder beside it, which is then swapped in with one
 * rename (renameat2 RENAME_EXCHANGE), and the old set removed.
 *
 * The folder may not yet exist.  If it does, it must hold nothing but
 * files for which owned(name, arg) says 1 (what an earlier set wrote):
 * wpgen never throws away what it did not write.  Nor does it replace
 * the current folder or one that holds it.
 */
struct wp_outset;

/* Returns NULL after reporting. */
struct wp_outset *wp_outset_begin(const char *dir,
		    int (*owned)(const char *name, void *arg), void *arg);
/*
 * The same, but the set goes in file by file, each renamed into the
 * folder itself, which stays: a viewer watching a file there (GIO's
 * file monitors, which evince uses, notice a folder replaced under them
 * only by polling, every four seconds) sees it replaced at once.  The
 * last file put seals the set: it is removed from the folder before the
 * first rename and renamed in last, so that a folder holding it holds
 * one whole set; in between a reader may find files of both sets, each
 * whole.  Commits into one folder take turns (flock), those of whole
 * folders too.  A folder not there yet is put in whole.
 */
struct wp_outset *wp_outset_begin_in_place(const char *dir,
		    int (*owned)(const char *name, void *arg), void *arg);
/* Adds a file to the set; 0, or -1 after reporting. */
int		 wp_outset_put(struct wp_outset *, const char *name,
		    const void *, size_t);
/*
 * The same, but when the folder already holds exactly these bytes under
 * that name, that file is kept, its time too: make rebuilds nothing made
 * from it.
 */
int		 wp_outset_put_kept(struct wp_outset *, const char *name,
		    const void *, size_t);
/*
 * Swaps the set in and frees it.  Returns 0, or -1 after reporting (the
 * folder then holds the previous set).  The set is freed either way.
 */
int		 wp_outset_commit(struct wp_outset *);
/* Drops the set, leaving the folder as it was; NULL is allowed. */
void		 wp_outset_abort(struct wp_outset *);

#endif
