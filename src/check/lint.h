/*
 * lint: consistency across services.  Compares the services' texts with
 * each other and reports what is likely a slip: a phrase one service
 * writes a few characters differently from the others in the same
 * clause, a rare variant of a frequent word, a misspelt or unknown
 * product name, a link whose host or path differs from the one the
 * other services use, and the service's own name typed by hand instead
 * of <name/>.  Findings are data; the caller reports them.
 */
#ifndef WP_LINT_H
#define WP_LINT_H

#include <stddef.h>
#include <stdio.h>

#include "input/service.h"
#include "input/templates.h"
#include "input/xml.h"

/*
 * What a finding is about, and what its text says ("X" the variant as
 * written, with <name/>, <xref/>, <link/> and <br/> for the elements):
 */
enum wp_lint_kind {
	/* "X" is written "Y" by N other services in control 18.1.1
	 * (a typo?): a phrase near-identical (at most 2 edits, 90% alike)
	 * to the same clause's (or boilerplate part's, or overview
	 * section's) in other services, that most of them write otherwise */
	LINT_VARIANT,
	/* "X" is written "Y" in N other places (a typo?): a word seen at
	 * most 3 times, one letter from a word of the same length seen
	 * 3 times as often, between the same characters */
	LINT_TOKEN,
	/* "X" is not this service's name "Y" (a typo? write <name/>), or
	 * "X" is not service ID's name "Y" (a typo?) */
	LINT_NAME_VARIANT,
	/* "X" is no service's name or short name (this service is "Y":
	 * write <name/>), or (service ID is "Y"; a typo?): the publisher's
	 * mark and a Latin word of a service's name, where no name is */
	LINT_NAME_UNKNOWN,
	/* "H" in "URL" is written "H2" in N other links (a typo?), and the
	 * same for a path on the same host */
	LINT_URL,
	/* "Y" is this service's name typed by hand (write <name/>), or
	 * short name, or (write <name form="full"/>) */
	LINT_NAME_LITERAL,
	/* "X" is written "Y" in N other places between the same words (a
	 * typo?): one character for another, or one left out or added,
	 * where the four characters on each side are written with the
	 * other form at least twice as often (lintframes.c) */
	LINT_FRAME,
	/* "W" is written twice running (a slip?) */
	LINT_DOUBLED
};

struct wp_lint_finding {
	enum wp_lint_kind	 kind;
	char			*file;	/* as loaded: wp_service.service_path */
	long			 line;
	char			*text;	/* the message, no "file:line:" */
};

struct wp_lint {
	struct wp_lint_finding	*v;	/* sorted by file, line, text */
	size_t			 n;
};

/*
 * Lints n services (loaded by wp_service_load()) against each other,
 * before or after wp_merge(), which works on a copy and leaves the loaded
 * documents as they are.  Services whose service.xml did not parse are
 * skipped.  When t is not NULL, the shared boilerplate's wording counts
 * as what each service says where it does not replace it; findings are
 * never reported in the template itself.  Borrows everything; returns
 * the findings, which the caller frees with wp_lint_free().  Prints
 * nothing.
 */
struct wp_lint	*wp_lint(const struct wp_templates *t,
		    struct wp_service *const *svc, size_t n);
void		 wp_lint_free(struct wp_lint *);

/*
 * Writes t's dictionary of the publisher's names (names.xml) to f as a
 * prh dictionary (YAML: each name as the rule's expected spelling, its
 * <avoid> spellings as patterns with a spec each).  0, or -1 when the
 * templates have no dictionary or f fails.  Prints nothing else.
 */
int		 wp_lint_prh(const struct wp_templates *t, FILE *f);

/*
 * The edit distance between two UTF-8 strings in characters (insert,
 * delete, substitute, or swap two neighbours: optimal string alignment),
 * or max + 1 when it is larger than max.  A byte that is no UTF-8 counts
 * as a character of its own (wp_utf8_decode()).
 */
int		 wp_lint_distance(const char *a, const char *b, int max);

/*
 * Splits a UTF-8 text into the phrases lint compares: at 。、！？ and at
 * U+2028, which stands for <br/>.  White space is dropped as rendering
 * drops it (a newline is formatting), but for one space between two
 * Latin letters or digits; full-width ASCII reads as ASCII.  Returns how
 * many phrases, and in *out an array of that many strings, which the
 * caller frees with wp_lint_strings_free().
 */
size_t		 wp_lint_split(const char *text, char ***out);
void		 wp_lint_strings_free(char **, size_t);

/*
 * A baseline: findings a team accepts (lintbase.c).  The file holds
 * lint's output lines, "file:line: warning: text" ('#' comments); a
 * finding is accepted by a line with its file and text, whatever the
 * line number, each line accepting one.  wp_baseline_load() returns NULL
 * after reporting a file it cannot read or a line that is no finding;
 * free with wp_baseline_free().  wp_baseline_accept() takes b NULL (no
 * baseline: accepts nothing); 1 when it accepted the finding.
 */
struct wp_baseline;
struct wp_baseline *wp_baseline_load(const char *path);
int		 wp_baseline_accept(struct wp_baseline *b, const char *file,
		    const char *text);
/* How many of its lines accepted no finding (gone since: remove them). */
size_t		 wp_baseline_unused(const struct wp_baseline *);
void		 wp_baseline_free(struct wp_baseline *);

/*
 * Japanese prose rules through textlint (lintprose.c).  wp_prose_new()
 * finds textlint ($WPGEN_TEXTLINT, build/textlint/ beside the program,
 * PATH) and readies a scratch folder with t's textlint settings and
 * names; NULL after reporting (textlint not installed: one line).
 * wp_prose_add() gives it a service's text as its model (merged by the
 * caller) holds it; it borrows s, which must outlive the run, and reads
 * model only during the call.  wp_prose_run() runs textlint once over
 * all and reports each finding the baseline (may be NULL) does not
 * accept, at the service.xml line of the text it points at; returns how
 * many it reported, or -1 when textlint could not run.
 */
struct wp_prose;
struct wp_prose	*wp_prose_new(const struct wp_templates *t);
void		 wp_prose_add(struct wp_prose *, const xmlDoc *model,
		    const struct wp_service *s);
int		 wp_prose_run(struct wp_prose *, struct wp_baseline *);
void		 wp_prose_free(struct wp_prose *);

#endif
