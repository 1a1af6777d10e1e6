/*
 * pdfint: what the PDF back end's files share.  pdf.c draws with Cairo
 * and marks what it draws; pdftags.c makes the PDF cairo wrote a Tagged
 * PDF (PDF/UA-1): the structure tree, the document-level entries, and
 * through pdfcontent.c the pages' artifacts; pdfobj.c reads and rewrites
 * that PDF object by object.  Why a pass after cairo: see pdftags.c.
 */
#ifndef WP_PDFINT_H
#define WP_PDFINT_H

#include <stddef.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "typeset/doc.h"

/*
 * A marked-content sequence the drawing made: on a page, in the order
 * cairo numbers them there (MCID 0, 1, ...), holding a stretch of one
 * element's items, or (annot) that element's link annotation.
 */
struct wp_pdf_mark {
	int		 page;		/* 0-based */
	int		 elem;		/* in the doc's elems */
	int		 annot;		/* the empty tag of an annotation */
};

/* An element type's standard structure type: "P", "H1", "Link". */
const char	*wp_pdf_elem_name(enum wp_elem_type);

/*
 * The pages' content rewritten ahead, in a second thread: from the n
 * bytes cairo had written when it had shown the last page (copied),
 * page p's content the first object written from start[p] (its offset
 * when it began to show page p) on.  Returns NULL if no thread starts.
 */
struct wp_pdf_ahead;
struct wp_pdf_ahead *wp_pdf_ahead_start(const unsigned char *, size_t n,
		    const size_t *start, size_t npages);
void		 wp_pdf_ahead_free(struct wp_pdf_ahead *);

/*
 * Makes the PDF cairo wrote into *buf (*len bytes) a Tagged PDF with
 * the doc's structure, its n marks in order, and XMP metadata dated
 * date (ISO 8601, as the Info dictionary's); *buf is replaced (and the
 * old one freed) on success.  The pages rewritten ahead, if any, are
 * used where they are the file's, and freed; if stand_ins, the text was
 * drawn in stand-ins (pdffont.c), whose outlines are put back.  Returns
 * 0, or -1 after reporting.
 */
int		 wp_pdf_tagged(const struct wp_doc *,
		    const struct wp_pdf_mark *, size_t n, const char *date,
		    struct wp_pdf_ahead *, int stand_ins, unsigned char **buf,
		    size_t *len);

/*
 * pdfcontent.c: a page's content stream (n bytes, decoded) into out: what it draws
 * outside every structure sequence (marked content with an MCID, none
 * nested) marked as /Artifact, from its first graphics object to the
 * end of its last; the sequences nested in structure sequences dropped
 * (see pdftags.c).  Returns how many structure sequences there are,
 * whose MCIDs must run 0, 1, ..., or -1 if they do not.
 */
int		 wp_pdf_artifacts(const guint8 *, size_t n, GByteArray *out);

/* ---- pdfobj.c: a PDF's objects ---------------------------------------- */

struct wp_pdf_obj {
	const char	*body;		/* between "N 0 obj\n" and "\nendobj" */
	size_t		 len;
	char		*own;		/* body when replaced (owned), or NULL */
	size_t		 off;		/* where it was, for the order */
	int		 used;		/* in use (not free) */
};

struct wp_pdf_file {
	const char	*buf;		/* the PDF read (borrowed) */
	size_t		 len;
	size_t		 head;		/* bytes before the first object */
	struct wp_pdf_obj *obj;		/* by number, 0 to n - 1 */
	size_t		 n, cap;
	char		*trailer;	/* the trailer dictionary */
};

/* A span of PDF syntax: a value found in a body. */
struct wp_pdf_span {
	const char	*s, *e;
};

/*
 * Reads a PDF as cairo 1.16 writes it: one cross-reference table from
 * object 0, no object streams, no update.  Returns 0, or -1 (and why in
 * *why, static) for anything else.  wp_pdf_close() frees what it made.
 */
int		 wp_pdf_open(struct wp_pdf_file *, const unsigned char *,
		    size_t, const char **why);
void		 wp_pdf_close(struct wp_pdf_file *);

/* An object's body, or an empty span if there is no such object. */
struct wp_pdf_span wp_pdf_body(const struct wp_pdf_file *, long n);
/* Replaces object n's body with body (len bytes, g_malloc()ed, taken
 * over), or adds it as a new object (n -1); returns its number. */
long		 wp_pdf_put(struct wp_pdf_file *, long n, char *body,
		    size_t len);
void		 wp_pdf_free(struct wp_pdf_file *, long n);

/*
 * Values: v's value for key (a name, "/Type") when v is a dictionary (or
 * starts with one, as a stream's body does); empty span if none, or if
 * v is empty (no such object).
 */
struct wp_pdf_span wp_pdf_get(struct wp_pdf_span v, const char *key);
/* The next value of an array from *at (start: its '['); 0 at its end. */
int		 wp_pdf_next(struct wp_pdf_span arr, const char **at,
		    struct wp_pdf_span *item);
/* A value as an object reference (N 0 R) or an integer; -1 if not. */
long		 wp_pdf_ref(struct wp_pdf_span);
long		 wp_pdf_int(struct wp_pdf_span);
/* Whether a value is a given name ("/Link"). */
static inline int
wp_pdf_is(struct wp_pdf_span v, const char *name)
{
	/* inline: a page's content asks it of every operator, mostly
	 * with a literal, whose length the compiler then knows */
	size_t n = strlen(name);

	return v.s != NULL && (size_t)(v.e - v.s) == n &&
	    memcmp(v.s, name, n) == 0;
}
/* The end of the value starting at s (after leading white space). */
const char	*wp_pdf_skip(const char *s, const char *e);
const char	*wp_pdf_white(const char *s, const char *e);

/*
 * A copy of a body that is a dictionary (not a stream) with key set to
 * value (PDF syntax): replaced where it is, else added at its end.
 * g_free() it.
 */
char		*wp_pdf_set(struct wp_pdf_span body, const char *key,
		    const char *value);

/*
 * A stream's data, decoded if it is FlateDecode (the only filter cairo
 * puts on content), into *data (g_free() it).  Returns 0, or -1.
 */
int		 wp_pdf_stream(const struct wp_pdf_file *, long n,
		    GByteArray **data);
/* Whether object n is a stream. */
int		 wp_pdf_is_stream(const struct wp_pdf_file *, long n);

/*
 * A stream to compress: its dictionary's entries but the length, and
 * its data; wp_pdf_squeeze() puts its new body in body and len
 * (g_free() it), or if bare the data deflated alone.
 */
struct wp_pdf_squeeze {
	char		*dict;
	const guint8	*data;
	size_t		 n;
	int		 bare;
	char		*body;
	size_t		 len;
};

/* Compresses n streams at once, in this thread and a second (a job's
 * data is read, its body written, nothing else touched). */
void		 wp_pdf_squeeze(struct wp_pdf_squeeze *, size_t n);

/*
 * Every stream not compressed (what cairo writes plain, pdf.c)
 * compressed, two at a time, its dictionary kept but for the length,
 * whose own object, if it had one, is freed.  Anything else is left.
 * Returns 0, or -1 (the file unchanged) if a stream cannot be read.
 */
int		 wp_pdf_compress_all(struct wp_pdf_file *);
/*
 * The first object in s..e as cairo writes one as it shows a page: "N
 * 0 obj", a stream not compressed, whose length is an object written
 * right after it.  Its number in *n, its data in *data; 0, or -1 if
 * it is not such an object.
 */
int		 wp_pdf_first_stream(const char *s, const char *e, long *n,
		    struct wp_pdf_span *data);
/* A new stream body: extra dictionary entries and data, compressed. */
char		*wp_pdf_stream_body(const char *extra, const guint8 *,
		    size_t, int deflate, size_t *len);

/* The file again (PDF 1.5): its streams in their order, new ones last,
 * every other object in compressed object streams, a cross-reference
 * stream: a new buffer (free() it). */
void		 wp_pdf_write(const struct wp_pdf_file *, unsigned char **,
		    size_t *);

/* A text string: printable ASCII without parentheses or backslash as
 * it is, "(ja)"; other text as UTF-16BE, "<FEFF...>".  g_free() it. */
char		*wp_pdf_text(const char *utf8);

/*
 * pdffont.c: the font to draw a Pango font's glyphs with: its stand-in
 * (a face without outlines) if the surface cr draws on was given
 * stand-ins, else its own.  Borrowed: the surface's, or Pango's.
 */
void		 wp_pdf_stand_ins(cairo_surface_t *);
cairo_scaled_font_t *wp_pdf_font(cairo_t *cr, PangoFont *);
/*
 * The pass: every font program cut from a stand-in made the face's own
 * (its outlines put back) and compressed.  Returns 0, or -1 and why
 * (static) in *why.
 */
int		 wp_pdf_put_outlines(struct wp_pdf_file *, const char **why);

/* " n", and " n 0 R" (a reference to object n), appended to g without
 * printf(): the pass writes a few thousand a PDF. */
void		 wp_pdf_append_int(GString *g, long n);
void		 wp_pdf_append_ref(GString *g, long n);

#endif
