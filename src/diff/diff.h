/*
 * diff: two document models of one service compared as a reviewer
 * reads them (clauses aligned by control number, not by position;
 * front matter sections and figures by id; meta data; revisions by
 * version), reported as text or coloured text; the check that the
 * newest revision names every clause that changed; and the reviewer's
 * copies: the redline and the comparison (新旧対照表).
 */
#ifndef WP_DIFF_H
#define WP_DIFF_H

#include <stddef.h>
#include <stdio.h>

#include <libxml/tree.h>

/* What happened to a clause, section, figure, revision or meta field. */
#define WP_DIFF_ADDED		0x01
#define WP_DIFF_REMOVED		0x02
#define WP_DIFF_RENUMBERED	0x04	/* its number changed */
#define WP_DIFF_RETITLED	0x08	/* its heading changed */
#define WP_DIFF_CHANGED		0x10	/* its text changed as written */
#define WP_DIFF_REFS		0x20	/* only its cross-references read
					   otherwise: their target was
					   renumbered or retitled */

enum wp_diff_format {
	WP_DIFF_TEXT,		/* [-deleted-]{+inserted+} */
	WP_DIFF_COLOR		/* the same in ANSI colours, for a terminal
				   (the comparison is a page of its own:
				   wp_comparison()) */
};

struct wp_diff_opts {
	enum wp_diff_format	 format;
	const char		*old_label;	/* says which is which; */
	const char		*new_label;	/* NULL: "old", "new" */
};

struct wp_diff;

/*
 * Compares two merged models (see templates/schema/document.rng).  The
 * result points into both documents, which must outlive it; free it
 * with wp_diff_free().  Never NULL (allocation failure aborts).
 */
struct wp_diff	*wp_diff_new(xmlDocPtr old, xmlDocPtr new);
void		 wp_diff_free(struct wp_diff *);

/* 0 if the models read the same, 1 if not. */
int		 wp_diff_differs(const struct wp_diff *);

/* The WP_DIFF_* bits of the clause with that control number; 0 if same. */
unsigned	 wp_diff_clause(const struct wp_diff *, const char *control);

/*
 * Writes the report to out in opts' format (opts NULL: plain text);
 * nothing in text formats when the models are the same.  Returns 0 if
 * they are the same, 1 if not, -1 if out could not be written.
 */
int		 wp_diff_write(const struct wp_diff *,
		    const struct wp_diff_opts *, FILE *out);

/* wp_diff_new(), wp_diff_write() and wp_diff_free() in one. */
int		 wp_diff_models(xmlDocPtr old, xmlDocPtr new,
		    const struct wp_diff_opts *, FILE *out);

/*
 * The parts of a model that the report compares (meta fields, revisions,
 * front matter sections and figures, clauses), in report order, each
 * handed to fn with its kind ("meta", "revision", "section", "figure",
 * "clause"), its key (field, version, id or control number), its title
 * (or NULL) and the SHA-256, in hex, of its title and its text as
 * written: what must not change while its version number stays.  A
 * renumbering alone changes no part's digest.
 */
void		 wp_diff_parts(xmlDocPtr model, void (*fn)(void *arg,
		    const char *kind, const char *key, const char *title,
		    const char *sha256), void *arg);

/*
 * The revision-history check.  The revisions NEW has and OLD has not
 * (normally one: the newest) must name by control number (change/@control)
 * every clause added, removed, retitled or changed as written, and no
 * other clause.  A clause that was only renumbered, or whose
 * cross-references only follow a renumbering, need not be named.
 */
enum wp_diff_note_kind {
	WP_NOTE_UNLISTED,	/* a clause changed; no new revision names it */
	WP_NOTE_UNCHANGED,	/* a new revision names an unchanged clause */
	WP_NOTE_STALE		/* clauses changed, but no revision was added */
};

struct wp_diff_note {
	enum wp_diff_note_kind	 kind;
	char			*file;		/* the revision's or change's */
	long			 line;		/* 0 if unknown */
	char			*version;	/* the newest revision's; for
						   STALE, OLD's newest */
	char			*control;	/* the clause; for STALE, the
						   changed ones, ", " between */
	char			*clause;	/* "number title", or NULL if
						   neither model has it */
	unsigned		 what;		/* its WP_DIFF_* bits */
};

/*
 * Checks NEW's history against what changed.  Returns how many notes,
 * stored in a new array *notes (NULL if none) in report order, which the
 * caller frees with wp_diff_notes_free().  A model without a history
 * gives none: a service may do without one.
 */
size_t		 wp_diff_check_history(const struct wp_diff *,
		    struct wp_diff_note **notes);
void		 wp_diff_notes_free(struct wp_diff_note *, size_t);

/* A note as words, "file:line: what" (no level): a new string to free. */
char		*wp_diff_note_text(const struct wp_diff_note *);

/*
 * Reports each note as "file:line: warning: ...", or as an error when
 * strict; returns n.
 */
size_t		 wp_diff_report_history(const struct wp_diff_note *, size_t n,
		    int strict);

/*
 * The reviewer's copy (`wpgen build --changes-since`): a copy of NEW
 * marked with what changed since OLD (templates/schema/document.rng,
 * "Changes"): inserted text in <ins>, deleted text in <del>, blocks,
 * list items, rows, clauses and chapters added or removed marked
 * change="added" or "removed" (the removed kept where they stood), a
 * clause's old number in was and a heading's old title in was-title,
 * the revisions NEW added marked added, and a <legend> of the marks
 * after the cover, in the words of settings (the publisher's
 * settings.xml).  The document says changes-since: OLD's version, or
 * since (a git revision) when it has none.  Returns a new document,
 * which the caller frees with xmlFreeDoc().
 */
xmlDocPtr	 wp_redline(const xmlDoc *old, const xmlDoc *new,
		    const xmlDoc *settings, const char *since);

/*
 * The comparison (新旧対照表) of a redline: a document (kind=
 * "comparison") holding the revisions NEW added, a legend (with the
 * history's findings, notes), the contents, then, for each clause or
 * section that changed, its heading and a table of two columns, 新 | 旧,
 * a row for each block that changed (the kept ones between left out, 「（略）」),
 * each side with its own marks.  Its clauses link to href#<id> (the
 * whitepaper's page) when href is given.  Returns a new document (caller
 * frees with xmlFreeDoc()).
 */
struct wp_diff_note;
xmlDocPtr	 wp_comparison(const xmlDoc *redline, const xmlDoc *old,
		    const xmlDoc *settings, const struct wp_diff_note *notes,
		    size_t nnotes, const char *href);

/*
 * For `wpgen diff --rev REV DIR`: writes the content folder dir's files
 * (service.xml, and revisions.xml where REV has it) as they are at git
 * revision rev into a new temporary folder named like dir (so that the
 * service id matches its folder), by running git without a shell.
 * Returns that folder's path, which the caller hands to
 * wp_diff_checkout_remove() when done; or NULL after reporting.
 */
char		*wp_diff_checkout(const char *dir, const char *rev);
/* Removes the folder and what wp_diff_checkout() wrote; frees path. */
void		 wp_diff_checkout_remove(char *path);

/*
 * git itself, run without a shell: "git -C dir args..." (at most a dozen
 * args, NULL-terminated), its standard output into outfd, or (out not
 * NULL) the start of it, outlen bytes at most, into out, or (outfd -1)
 * nowhere; the first line of its error output into err.  Returns git's
 * exit status, or -1 (127) if it could not be run.
 */
int		 wp_git(const char *dir, const char *const *args, int outfd,
		    char *out, size_t outlen, char *err, size_t errlen);
/* The full name of the commit rev names in dir's repository, or NULL
 * (not in git, or no such commit); the caller frees it.  Says nothing. */
char		*wp_git_commit(const char *dir, const char *rev);
/* Whether dir/name is at revision rev (which must be a commit: see
 * wp_git_commit()): 1 or 0, or -1 when git cannot say.  Says nothing. */
int		 wp_git_has(const char *dir, const char *rev, const char *name);
/* A commit's time in seconds since 1970, or -1. */
long long	 wp_git_commit_time(const char *dir, const char *commit);
/* Whether dir's content files differ from HEAD (changed, added, or
 * not committed): 1 or 0, or -1 when git cannot say. */
int		 wp_git_modified(const char *dir);

#endif
