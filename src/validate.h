/*
 * validate: everything wrong with a service's content, found before
 * anything is merged or rendered: the schemas, then the rules a schema
 * cannot say (known and unique controls, cross-references that land,
 * boilerplate keys, revisions in order with real dates).
 */
#ifndef WP_VALIDATE_H
#define WP_VALIDATE_H

#include "load.h"

/* Reports every problem found; returns how many errors it reported. */
int	 wp_validate(const struct wp_templates *, const struct wp_service *);

/* Reports each way doc breaks the RelaxNG schema rng. */
void	 wp_validate_schema(xmlRelaxNGPtr rng, xmlDocPtr doc);

/*
 * Checks a control number against the catalogue.  Returns 1 if known;
 * otherwise 0, and writes into hint (size n) what to write instead.
 */
int	 wp_validate_control(const struct wp_templates *, const char *id,
	    char *hint, size_t n);

/* 1 if "YYYY-MM-DD" is a real calendar date. */
int	 wp_validate_date(const char *);

/* Compares "major.minor" versions numerically, like strcmp. */
int	 wp_validate_version_cmp(const char *, const char *);

#endif
