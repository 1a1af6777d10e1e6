/*
 * publish: services from content folders to outputs, for the command line
 * and the tests: a session (what one run loads once), a service checked,
 * merged and built (every output or none), the index page, a release.
 */
#ifndef WP_PUBLISH_H
#define WP_PUBLISH_H

#include <libxml/tree.h>

#include "input/templates.h"
#include "model/phrase.h"
#include "typeset/fonts.h"
#include "typeset/style.h"

/*
 * What one run of wpgen loads once and every service it builds shares:
 * the templates, the PDF style and, on first use, the fonts.
 */
struct wp_session {
	struct wp_templates	*t;
	struct wp_style		*style;
	char			*fonts_conf;	/* ../fonts/fonts.conf */
	struct wp_fonts		*fonts;		/* loaded on first use */
	struct wp_phrase_memo	*phrases;	/* display strings phrased */
	int			 fonts_failed;	/* and said why: not again */
	char			*inputs;	/* inputs.c: what all share */
	const char		*rev;		/* a git revision: every
						   service as it was there
						   (--rev), or NULL */
	int			 any_folder;	/* a service's id is what its
						   service.xml says, whatever
						   its folder's name (diff's
						   versions) */
	int			 in_place;	/* watch: outputs renamed into
						 * their folder one by one
						 * (wp_outset_begin_in_place) */
};

/* Loads the templates folder dir; NULL after reporting.  Free with
 * wp_session_free(). */
struct wp_session *wp_session_new(const char *dir);
void		 wp_session_free(struct wp_session *);
/*
 * The end of a run: what the session holds goes back with the process,
 * unfreed, as clang leaves its own (-disable-free).  With
 * WPGEN_FREE_AT_EXIT set in the environment (for a leak checker, as
 * GLib's G_DEBUG=gc-friendly is) it is freed.
 */
void		 wp_session_end(struct wp_session *);
/* The fonts, loaded (and checked against the style) on the first call,
 * which may run in a thread of its own; NULL after reporting. */
struct wp_fonts	*wp_session_fonts(struct wp_session *);
/*
 * Loads the templates and the style again from s's folder, and the
 * fonts too if fonts (else the fonts loaded are kept, checked against
 * the new style), for `wpgen watch`.  Only when all of it loads does it
 * replace what s holds; else s is left as it was, after reporting.
 * Returns 0, or -1.
 */
int		 wp_session_reload(struct wp_session *s, int fonts);

/*
 * Loads, validates and merges a service.  Returns the document model
 * (caller frees with xmlFreeDoc()) or NULL after reporting.
 */
xmlDocPtr	 wp_publish_model(const struct wp_session *, const char *dir);

/*
 * Loads, validates, merges and typesets a service without writing
 * anything; returns 0 if it has no errors.
 */
int		 wp_publish_check(struct wp_session *, const char *dir);

/*
 * Builds a service into the folder outdir, which it replaces as a whole
 * (base/output.h; file by file when s->in_place): document.xml, whitepaper.txt, whitepaper.html
 * (linking to the index page at index_href unless NULL), whitepaper.pdf
 * index-entry.xml (its entry in an index, kept as it was, time too,
 * when it did not change) and WP_INPUTS; *pages (unless NULL) gets the PDF's page
 * count.  inputs is what wp_publish_current() handed over, freed here,
 * or NULL; see wp_publish_read().  Returns 0, or -1 after reporting;
 * then outdir is as it was.
 */
int		 wp_publish_service(struct wp_session *, const char *dir,
		    const char *outdir, const char *index_href, char *inputs,
		    int *pages);

/*
 * wp_publish_service() in three parts, for a build of several services
 * that reads one, typesets another and writes a third at once.
 * wp_publish_read() reads, validates and merges a service and starts
 * its HTML, in any thread, one at a time.  wp_publish_typeset()
 * typesets it in the thread that owns Pango (which loads the fonts if
 * they are not) and then, when in_thread and the document allows, draws
 * its PDF and writes its outputs in a thread of its own; else here.
 * wp_publish_end() waits for that, frees the service and returns as
 * wp_publish_service() does.
 *
 * What the outputs are made from (WP_INPUTS) is taken before the
 * content is read, so that a file changed meanwhile leaves inputs
 * older than the outputs, which the next `--changed` build makes
 * again, never newer, which it would take for current: inputs, if not
 * NULL, is what wp_publish_current() handed over just before (freed
 * with the service), else wp_publish_read() takes it.
 */
struct wp_pending;
struct wp_pending *wp_publish_read(struct wp_session *, const char *dir,
		    const char *outdir, const char *index_href, char *inputs);
void		 wp_publish_typeset(struct wp_pending *, int in_thread);
int		 wp_publish_end(struct wp_pending *, int *pages);

/*
 * The files wp_publish_service() writes into a service's folder, and
 * nothing else; NULL-terminated.  WP_INPUTS is the last of them: what
 * the others were made from.
 */
#define WP_INPUTS	"inputs.sha256"
extern const char *const wp_publish_files[];

/*
 * What a service's outputs are made from, as the text of WP_INPUTS: the
 * SHA-256 of its content and of the templates, the size and time of the
 * fonts and of wpgen itself, SOURCE_DATE_EPOCH and index_href.  The
 * caller frees it.
 */
char		*wp_publish_inputs(struct wp_session *, const char *dir,
		    const char *index_href);
/*
 * Whether the outputs in outdir are those a build of dir would write:
 * every file there, made from the inputs they would be made from now.
 * Unless inputs is NULL, *inputs gets those inputs, for the build that
 * follows (wp_publish_read()), which the caller frees or hands on.
 */
int		 wp_publish_current(struct wp_session *, const char *dir,
		    const char *outdir, const char *index_href, char **inputs);

/*
 * A version of a service to compare (review.c): dir as it is (rev NULL,
 * or the session's --rev), or at git revision rev.  Returns the model,
 * or NULL after reporting; or NULL with *absent set, having said
 * nothing, when the service was not there at rev (added since).
 */
xmlDocPtr	 wp_publish_version(struct wp_session *, const char *dir,
		    const char *rev, int *absent);

/*
 * The reviewer's copy of a service (`build --changes-since`): its model
 * marked with what changed since git revision since (diff/redline.c;
 * everything added when the service was not there then), or NULL after
 * reporting; the caller frees it.
 */
xmlDocPtr	 wp_publish_redline_model(struct wp_session *, const char *dir,
		    const char *since);
/*
 * Renders that copy and writes outdir as a set of its own (base/
 * output.h): WP_REDLINE_PDF, WP_REDLINE_HTML and WP_REDLINE_MODEL.
 * Returns 0, or -1 after reporting; outdir is then as it was.
 */
#define WP_REDLINE_PDF		"whitepaper-redline.pdf"
#define WP_REDLINE_HTML		"whitepaper-redline.html"
#define WP_REDLINE_MODEL	"document-redline.xml"
int		 wp_publish_redline(struct wp_session *, const char *dir,
		    const char *since, const char *outdir);
extern const char *const wp_redline_files[];

/*
 * The comparison (新旧対照表) of two versions' models (diff/compare.c),
 * with the history check's notes, typeset and written to pdf and html
 * (either may be NULL); its clauses link to whitepaper.html beside it.
 * since names OLD where it has no version.  Returns 0, or -1 after
 * reporting.
 */
struct wp_diff_note;
int		 wp_publish_comparison(struct wp_session *, const xmlDoc *old,
		    const xmlDoc *new, const char *since,
		    const struct wp_diff_note *, size_t, const char *pdf,
		    const char *html);

/*
 * The index page of several whitepapers: each entry is a service id
 * (its outputs in the folder <id>/ beside the index) and its facts.
 */
struct wp_index {
	xmlDocPtr	 doc;		/* <index><whitepaper>... */
};
struct wp_index	*wp_index_new(void);
/* Adds a service; the model's meta and newest revision are copied. */
void		 wp_index_add(struct wp_index *, const char *id,
		    const xmlDoc *model);
/* Adds the services of the index file at path (an index-entry.xml that
 * wp_publish_service() wrote); 0, or -1 after reporting. */
int		 wp_index_add_entry(struct wp_index *, const char *path);
/* Writes the page to path atomically ("-": standard output); 0, or -1
 * after reporting. */
int		 wp_index_write(const struct wp_session *, struct wp_index *,
		    const char *path);
void		 wp_index_free(struct wp_index *);

/*
 * A release: checks every service first and writes nothing if any has
 * an error; then writes outdir as one set (replacing an earlier
 * release, of which it keeps nothing): per service, <document number>_
 * <version>.pdf, .html, .png and @2x.png (its cover at 72 and 144 dpi;
 * a service without revisions is named <number>_draft-<digest>),
 * manifest.json (how the release was made: wpgen, the sources' commit
 * and date, the model's schema; per service its title, version, date,
 * document number, pages, each file's bytes and SHA-256, and a digest
 * of each part) and SHA256SUMS.  A version the previous release in
 * outdir has with other content is refused, naming what changed.
 * Returns 0, or -1 after reporting.
 */
int		 wp_publish_release(struct wp_session *, int n, char **dirs,
		    const char *outdir);

#endif
