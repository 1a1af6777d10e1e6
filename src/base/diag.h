/*
 * diag: wpgen's one diagnostics module.  Every message a user sees goes
 * through here, as "file:line: level: text", with the texts kept as data
 * keyed by enum wp_msg.  libxml2 and libxslt errors are routed in too.
 */
#ifndef WP_DIAG_H
#define WP_DIAG_H

#include <stdio.h>

enum wp_level {
	WP_WARNING,
	WP_ERROR
};

/*
 * What an error is about, for the exit status (README: Exit status):
 * the content (or the templates) a writer mends, a revision history
 * that does not say what changed, or trouble with the system around
 * (the file system, git, fonts), which no edit of the content mends.
 */
#define WP_KIND_CONTENT	0x01
#define WP_KIND_HISTORY	0x02
#define WP_KIND_TROUBLE	0x04

/* How messages are written. */
enum wp_diag_format {
	WP_DIAG_TEXT,		/* file:line: error: text */
	WP_DIAG_JSON		/* a JSON object a line: file, line,
				   column, severity, code, message */
};

enum wp_msg {
	MSG_IO,			/* %s: system error text */
	MSG_NOFILE,		/* %s: file name that is missing */
	MSG_XML,		/* %s: libxml2's message */
	MSG_DOCTYPE,
	MSG_ENCODING,		/* %s: declared encoding */
	MSG_BINARY,
	MSG_TOO_BIG,		/* %ld KiB its size, %ld KiB the limit */
	MSG_XINCLUDE,
	MSG_SCHEMA,		/* %s: RelaxNG message */
	MSG_MISSING,		/* %s element, %s what it holds */
	MSG_ID_FOLDER,		/* %s id, %s folder */
	MSG_CONTROL_UNKNOWN,	/* %s control, %s hint */
	MSG_CONTROL_TWICE,	/* %s control, %d first line */
	MSG_XREF_MISSING,	/* %s control */
	MSG_KEY_UNKNOWN,	/* %s key */
	MSG_KEY_TWICE,		/* %s key, %d first line */
	MSG_DATE_INVALID,	/* %s date */
	MSG_VERSION_ORDER,	/* %s version, %s previous */
	MSG_DATE_ORDER,		/* %s date, %s previous */
	MSG_TOO_LONG,		/* %s what, %ld its length, %ld the limit */
	MSG_NAME_LONG,		/* %s what, %ld its length, %ld the limit */
	MSG_NESTED,		/* %d depth, %d the limit */
	MSG_COLUMNS,		/* %s how many columns, %d the limit */
	MSG_LINK,		/* %s the address */
	MSG_XSLT,		/* %s: libxslt's message */
	MSG_MODEL,		/* %s: document-model schema message */
	MSG_STYLE,		/* %s: what is wrong in the style file */
	MSG_GLYPH,		/* %s character, U+%04X, %s text */
	MSG_FONT,		/* %s: fontconfig problem */
	MSG_OVERFULL,		/* %s text that cannot be broken */
	MSG_TALL,		/* %s what, %.0f its height in pt */
	MSG_PDF,		/* %s: cairo's status text */
	MSG_RELEASE,		/* (none) */
	MSG_UNCOVERED,		/* %s control, %s title, %s control */
	MSG_HISTORY_UNLISTED,	/* %s version, %s control, %s clause, %s how, %s control */
	MSG_HISTORY_UNCHANGED,	/* %s version, %s control, %s clause */
	MSG_HISTORY_STALE,	/* %s version, %s controls */
	MSG_REV,		/* %s revision */
	MSG_GIT,		/* %s file, %s revision, %s git's message */
	MSG_GIT_RUN,		/* %s why */
	MSG_LINT,		/* %s: a finding, worded by lint.c */
	MSG_SCOPE_ANSWERED,	/* %s control, %ld line of its answer */
	MSG_SCOPE_TWICE,	/* %s control, %ld first line */
	MSG_ENTRY,		/* (none) */
	MSG_FILE_NAME,		/* %s what, %s value */
	MSG_SAME_OUTPUT,	/* %s file name, %s other service */
	MSG_OUTDIR,		/* %s what is wrong with it */
	MSG_INVISIBLE,		/* U+%04X, %s what it is */
	/* issue 23: lint's baseline and prose */
	MSG_BASELINE,		/* %s what the line should be */
	MSG_TEXTLINT,		/* %s what went wrong running textlint */
	MSG_PROSE,		/* %s textlint's message, %s its rule */
	/* issue 19 */
	MSG_NOT_FILE,		/* (none): a content path that is no file */
	MSG_USAGE,		/* %s: a command line's mistake */
	MSG_NOT_SHOWN,		/* %s: how many more were not said */
	MSG_WORKER,		/* %d signal */
	MSG_RERELEASE,		/* %s version, %s what changed */
	MSG_MANIFEST,		/* %s what is wrong with it */
	MSG_DATE_FORMAT,	/* %s format, %s what is wrong */
	MSG_SETTING_UNKNOWN,	/* %s element, %s the settings it may be */
	MSG_SETTING_TWICE,	/* %s element, %ld first line */
	MSG_PLACEHOLDER,	/* %s placeholder, %s setting, %s what it takes */
	MSG_NOT_ENTRY,		/* (none): an index operand that is neither */
	MSG_CHANGE_UNANSWERED,	/* %s control */
	MSG_CHANGE_REMOVED,	/* %s control */
	MSG_CHANGE_NUMBER,	/* %s number written, %s control, %s its number */
	MSG__MAX
};

/* Reports a message; the arguments follow the text's format. */
void	 wp_msg(enum wp_msg, const char *file, long line, ...);
/* The same at another level (warnings made errors by a --strict). */
void	 wp_msg_as(enum wp_level, enum wp_msg, const char *file, long line,
	    ...);

/*
 * The text message m says with these arguments, as wp_msg() would say it
 * (no "file:line: level:"): a new string the caller frees.  For what
 * compares findings with what an earlier run said (lint's baseline).
 */
char	*wp_msg_text(enum wp_msg m, ...);

/* Where messages go (stderr until set); does not take ownership. */
void	 wp_diag_stream(FILE *);
/* How they are written (text until set). */
void	 wp_diag_format(enum wp_diag_format);
int	 wp_diag_json(void);		/* whether they are JSON */
/* Warnings said and counted as errors from now on (--werror). */
void	 wp_diag_werror(int);

/* Routes libxml2's and libxslt's errors into wp_msg(MSG_XML/MSG_XSLT). */
void	 wp_diag_route_libxml(void);

/*
 * At most this many messages are said about one file; wp_diag_flush()
 * then says how many more there were (and forgets the counts).
 */
#define WP_DIAG_CAP	50
void	 wp_diag_flush(void);

/* The errors since the last reset; in a scope, those said in it. */
int	 wp_diag_errors(void);
int	 wp_diag_warnings(void);
void	 wp_diag_reset(void);
/* The WP_KIND_* of the errors since the last reset; and those a worker
 * process saw, added to this one's. */
int	 wp_diag_kinds(void);
void	 wp_diag_add_kinds(int);
void	 wp_diag_clear_kinds(void);

/*
 * A piece of work's own count of errors: a service whose PDF is made in
 * a thread while the next service is read counts what each thread says
 * of it, and not what the other service's say.  A thread that enters a
 * scope counts its errors there (and in the total) until it leaves; in
 * it, wp_diag_errors() says the scope's count.  Several threads may be
 * in one scope.
 */
struct wp_diag_scope {
	int	 errors;
};
/* Enters scope (NULL: leaves the one it was in). */
void	 wp_diag_enter(struct wp_diag_scope *);
struct wp_diag_scope *wp_diag_scope(void);	/* this thread's, or NULL */

/* Makes one libxml2 "file:line: ..." message read as a wpgen one. */
struct _xmlError;
void	 wp_diag_xml_error(void *, struct _xmlError *);

#endif
