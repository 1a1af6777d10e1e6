/*
 * validate: everything wrong with a service's content, found before
 * anything is merged or rendered: the schemas, then the rules a schema
 * cannot say (known and unique controls, cross-references that land,
 * boilerplate keys, revisions in order with real dates).
 */
#ifndef WP_VALIDATE_H
#define WP_VALIDATE_H

#include "check/schema.h"
#include "input/service.h"
#include "input/templates.h"
#include "input/xml.h"

/*
 * Limits on sizes, checked with the rules.  Real content is far below
 * them (its longest paragraph is 256 characters, its longest name or
 * title 41, its lists 2 deep, its tables none); beyond them a document
 * would be unreadable anyway, and the typesetter's time grows with a
 * paragraph's length.  Files are limited to WP_MAX_FILE (load.h).
 */
#define WP_MAX_PARA	10000	/* characters in a paragraph, list item, cell */
#define WP_MAX_NAME	200	/* in a name, title, label or setting */
#define WP_MAX_NESTING	8	/* lists within lists */
#define WP_MAX_COLUMNS	16	/* columns in a table row, spans included */

/*
 * rows.c: the rows of the newest revision among root's (<revisions>)
 * children name controls the service answers (answered(control, arg)
 * says which: 1 or 0, or -1 for a control to say nothing of), but a
 * row that says removed="yes", whose must not be.
 * Reported at file's lines.
 */
void	 wp_check_rows(const char *file, xmlNodePtr root,
	    int (*answered)(const char *control, void *), void *arg);
/*
 * In a merged model: the newest revision's rows name their clauses by
 * the numbers they have now.  Returns 1 after reporting a row that
 * does not, else 0.
 */
int	 wp_check_model_rows(const xmlDoc *);

/* Reports every problem found; returns how many errors it reported. */
int	 wp_validate(const struct wp_templates *, const struct wp_service *);

/*
 * Checks a control number against the catalogue.  Returns 1 if known;
 * otherwise 0, and writes into hint (size n) what to write instead.
 */
int	 wp_validate_control(const struct wp_templates *, const char *id,
	    char *hint, size_t n);

/*
 * 1 if s is a service id: lower-case letters, digits and hyphens,
 * starting with a letter or digit (it names a folder of outputs).
 */
int	 wp_validate_id(const char *s);

/*
 * 1 if s may be part of a file name (a document number): letters,
 * digits, '.', '-' and '_', starting with a letter or digit, at most
 * WP_MAX_NAME bytes.  No '/', no ".." alone, nothing a shell or a file
 * system reads otherwise.
 */
int	 wp_validate_file_part(const char *s);

/* 1 if "YYYY-MM-DD" is a real calendar date. */
int	 wp_validate_date(const char *);

/*
 * The settings among parent's children (a service's <settings> when
 * service, else the publisher's settings.xml): a setting wpgen does not
 * know (or a service may not change), one set twice, a placeholder its
 * pattern does not fill in, a date format with a letter that is no part
 * of a date; each reported at its line and added to x (which may be
 * NULL).
 */
void	 wp_check_settings(const char *file, const xmlNode *parent,
	    int service, struct wp_explained *x);
/* The publisher's settings so checked; returns how many errors. */
int	 wp_validate_settings(const struct wp_templates *);

/* Compares "major.minor" versions numerically, like strcmp. */
int	 wp_validate_version_cmp(const char *, const char *);

#endif
