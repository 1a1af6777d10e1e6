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

/*
 * Reports (as warnings) each control of t's catalogue that service s
 * neither answers nor marks <out-of-scope>; returns how many.
 */
int	 wp_coverage(const struct wp_templates *t, const struct wp_service *s);

#endif
