/*
 * pdf: draws a typeset document with Cairo into a PDF: text, shapes,
 * links, bookmarks and metadata.  Fonts are embedded as subsets.
 */
#ifndef WP_PDF_H
#define WP_PDF_H

#include <stddef.h>

#include "typeset/doc.h"

/*
 * Readies cairo for wpgen's PDFs: call it once, before any thread
 * starts (it sets an environment variable).  Without it the PDFs are
 * the same in all but bytes, and slower to make.
 */
void	 wp_pdf_setup(void);

/*
 * Draws every PDF from now on in stand-ins for its fonts and keeps the
 * font programs made of them (pdffont.c): for a process that makes the
 * same PDFs again (wpgen watch), whose rebuilds then skip cutting and
 * deflating the same subsets; a first PDF costs more.  The PDFs are the
 * same to the byte.  Call it before the first PDF is begun (it is read
 * without a lock).
 */
void	 wp_pdf_keep_subsets(void);

/*
 * Sets the creation date of every PDF from SOURCE_DATE_EPOCH's value
 * (NULL or "": each document's own date).  Returns -1 if it is not a
 * non-negative whole number of seconds.
 */
int	 wp_pdf_set_epoch(const char *);

/*
 * Renders into a new buffer (*buf, *len; caller frees *buf with free()).
 * The creation date is the document's (its newest revision's), or the
 * one wp_pdf_set_epoch() set.  Returns 0, or -1 after reporting.
 */
int	 wp_pdf_render(const struct wp_doc *, unsigned char **buf,
	    size_t *len);

/*
 * Readies a document to be drawn in another thread than the one that
 * typeset it, while that one goes on with Pango: whatever drawing would
 * ask of Pango's fonts lazily is asked now.  Returns 0 if the document
 * may then be drawn elsewhere, -1 if it must be drawn in this thread (a
 * line that Pango itself draws, a reviewer's copy's underlines).
 */
int	 wp_pdf_prepare(const struct wp_doc *);

/*
 * Renders page (0-based) as a PNG image at dpi (a cover for a release
 * listing), into a new buffer as above.  Returns 0, or -1.
 */
int	 wp_pdf_png(const struct wp_doc *, int page, double dpi,
	    unsigned char **buf, size_t *len);

/*
 * A URI as it may stand in a PDF string: every byte that is neither an
 * unreserved nor a reserved character of RFC 3986, and '(' and ')', is
 * percent-encoded (an existing %XX is kept).  The caller g_free()s it.
 */
char	*wp_pdf_uri(const char *uri);

#endif
