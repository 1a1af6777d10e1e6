/*
 * timing: where a build's time goes, stage by stage, for `--timings`
 * and the benchmark.  Monotonic wall time, accumulated per stage.
 */
#ifndef WP_TIMING_H
#define WP_TIMING_H

#include <stdio.h>

enum wp_stage {
	STAGE_FONTS,		/* fontconfig and Pango set-up, once */
	STAGE_PARSE,		/* reading and validating the content */
	STAGE_MERGE,		/* the XSLT merge into the model */
	STAGE_LAYOUT,		/* typesetting: lines, boxes, pages */
	STAGE_PDF,		/* drawing and writing the PDF (subsetting) */
	STAGE_HTML,		/* html.xsl */
	STAGE_TEXT,		/* the text and the model's serialisation */
	STAGE_WRITE,		/* files written and renamed */
	STAGE__MAX
};

/* Monotonic seconds, for durations. */
double	 wp_now(void);
void	 wp_stage_begin(enum wp_stage);
void	 wp_stage_end(enum wp_stage);
/* Prints "label stage=seconds ..." for the stages since the last reset. */
void	 wp_timings_print(FILE *, const char *label);
void	 wp_timings_reset(void);

#endif
