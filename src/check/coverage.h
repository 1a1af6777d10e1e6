/*
 * coverage: which controls of the catalogue a service leaves open: it
 * neither answers them nor marks them out of scope with a reason.  So
 * that an omission is a decision, not an accident.
 */
#ifndef WP_COVERAGE_H
#define WP_COVERAGE_H

#include "input/service.h"
#include "input/templates.h"
#include "input/xml.h"

struct wp_baseline;

/*
 * Reports (as warnings) each control of t's catalogue that service s
 * neither answers nor marks <out-of-scope>, but those the baseline
 * accepts (check/lint.h; NULL: none); returns how many it reported.
 */
int	 wp_coverage(const struct wp_templates *t, const struct wp_service *s,
	    struct wp_baseline *accept);

#endif
