/*
 * check_pdf: the Tagged PDF pass on crafted input: PDF syntax (values,
 * dictionaries, text strings), a file read, changed and written again
 * (objects in object streams, a cross-reference stream read back, a
 * plain stream compressed), and a page's content found as cairo writes
 * it while showing the page, and marked: artifacts around what is
 * outside structure sequences, cairo's nested /ActualText dropped,
 * MCIDs checked; font programs' stand-ins made, and their outlines put
 * back (sfnt.c).  The real PDFs are read back by tests/pdf.sh, and
 * tests/watch.sh compares those drawn in stand-ins with a cold build's.
 */
#include <limits.h>
#include <zlib.h>

#include "testutil.h"
#include "render/pdfint.h"
#include "render/sfnt.h"

static struct wp_pdf_span
span(const char *s)
{
	return (struct wp_pdf_span){ s, s + strlen(s) };
}

static int
is(struct wp_pdf_span v, const char *want)
{
	return v.s != NULL && (size_t)(v.e - v.s) == strlen(want) &&
	    memcmp(v.s, want, strlen(want)) == 0;
}

START_TEST(values)
{
	const char *d = "<< /A (a (nested) \\) string) /B [ 1 2 0 R << /C 3 >> ]"
	    " /K 12 0 R /N 42 /D << /E /F >> >>";
	struct wp_pdf_span b = wp_pdf_get(span(d), "/B"), item;
	const char *at = b.s;
	int n = 0;

	ck_assert(is(wp_pdf_get(span(d), "/A"), "(a (nested) \\) string)"));
	ck_assert_int_eq(wp_pdf_ref(wp_pdf_get(span(d), "/K")), 12);
	ck_assert_int_eq(wp_pdf_int(wp_pdf_get(span(d), "/N")), 42);
	ck_assert_int_eq(wp_pdf_int(wp_pdf_get(span(d), "/K")), -1);
	ck_assert(wp_pdf_is(wp_pdf_get(wp_pdf_get(span(d), "/D"), "/E"), "/F"));
	ck_assert(wp_pdf_get(span(d), "/C").s == NULL);	/* not at the top */
	ck_assert(wp_pdf_get((struct wp_pdf_span){ NULL, NULL }, "/A").s ==
	    NULL);	/* no such object */
	while (wp_pdf_next(b, &at, &item))
		n++;
	ck_assert_int_eq(n, 3);		/* 1, 2 0 R, the dictionary */
	ck_assert_int_eq(wp_pdf_ref(span("  7 0 R ")), 7);
	ck_assert_int_eq(wp_pdf_int(span("\n   523\n")), 523);
}
END_TEST

START_TEST(set_keys)
{
	const char *d = "<< /Type /Catalog\n   /Pages 1 0 R\n>>";
	char *s = wp_pdf_set(span(d), "/Lang", "(ja)"), *t;

	ck_assert_str_eq(s, "<< /Type /Catalog\n   /Pages 1 0 R\n   /Lang (ja)\n>>");
	t = wp_pdf_set(span(s), "/Pages", "2 0 R");
	ck_assert_str_eq(t, "<< /Type /Catalog\n   /Pages 2 0 R\n   /Lang (ja)\n>>");
	g_free(s);
	g_free(t);
	/* an annotation cairo writes ends ">>>>" */
	s = wp_pdf_set(span("<< /BS << /W 0 >>>>"), "/Contents", "(x)");
	ck_assert_str_eq(s, "<< /BS << /W 0 >>   /Contents (x)\n>>");
	g_free(s);
}
END_TEST

START_TEST(text_strings)
{
	char *s = wp_pdf_text("ja");

	ck_assert_str_eq(s, "(ja)");
	g_free(s);
	s = wp_pdf_text("図(1)");	/* not ASCII, and parentheses */
	ck_assert_str_eq(s, "<FEFF56F3002800310029>");
	g_free(s);
	s = wp_pdf_text("\xf0\x9f\x98\x80");	/* beyond the BMP: a pair */
	ck_assert_str_eq(s, "<FEFFD83DDE00>");
	g_free(s);
}
END_TEST

/* Numbers and references as printf() would write them. */
START_TEST(numbers)
{
	GString	*g = g_string_new("[");
	char	*want;

	wp_pdf_append_int(g, 0);
	wp_pdf_append_int(g, 7);
	wp_pdf_append_int(g, -42);
	wp_pdf_append_int(g, LONG_MAX);
	wp_pdf_append_int(g, LONG_MIN);
	wp_pdf_append_ref(g, 1234);
	want = g_strdup_printf("[ 0 7 -42 %ld %ld 1234 0 R", LONG_MAX,
	    LONG_MIN);
	ck_assert_str_eq(g->str, want);
	g_free(want);
	g_string_free(g, TRUE);
}
END_TEST

/* A PDF as cairo 1.16 writes one: objects 1 to n - 1, then a table
 * from 0. */
static GString *
pdf_of(const char *const *body, int n)
{
	GString	*g = g_string_new("%PDF-1.5\n%\xb5\xed\xae\xfb\n");
	size_t	 off[16];
	int	 i;

	ck_assert_int_le(n, 16);
	for (i = 1; i < n; i++) {
		off[i] = g->len;
		g_string_append_printf(g, "%d 0 obj\n%s\nendobj\n", i, body[i]);
	}
	off[0] = g->len;
	g_string_append_printf(g, "xref\n0 %d\n0000000000 65535 f \n", n);
	for (i = 1; i < n; i++)
		g_string_append_printf(g, "%010zu 00000 n \n", off[i]);
	g_string_append_printf(g, "trailer\n<< /Size %d\n   /Root 1 0 R\n>>\n"
	    "startxref\n%zu\n%%%%EOF\n", n, off[0]);
	return g;
}

static GString *
small_pdf(void)
{
	static const char *const body[5] = { NULL,
	    "<< /Type /Catalog\n   /Pages 2 0 R\n>>",
	    "<< /Type /Pages\n   /Kids [ 3 0 R ]\n   /Count 1\n>>",
	    "<< /Type /Page\n   /Contents 4 0 R\n>>",
	    "<< /Length 5 >>\nstream\nq Q\nn\nendstream" };

	return pdf_of(body, 5);
}

/* The last occurrence of a string in bytes (which hold NULs). */
static const char *
last(const unsigned char *buf, size_t len, const char *what)
{
	const char	*p = (const char *)buf + len;
	size_t		 n = strlen(what);

	while (p-- > (const char *)buf)
		if ((size_t)((const char *)buf + len - p) >= n &&
		    memcmp(p, what, n) == 0)
			return p;
	return NULL;
}

/* The first occurrence of a string in bytes (which hold NULs) from
 * byte from on, or NULL. */
static const char *
first_of(const unsigned char *buf, size_t len, size_t from, const char *what)
{
	size_t	 n = strlen(what);

	for (size_t i = from; i + n <= len; i++)
		if (memcmp(buf + i, what, n) == 0)
			return (const char *)buf + i;
	return NULL;
}

/* Object n of a written file, through its cross-reference stream. */
static GString *
read_back(const unsigned char *buf, size_t len, int n)
{
	const char *s = last(buf, len, "startxref");
	long x = strtol(s + 9, NULL, 10), first;
	struct wp_pdf_span xs = { strstr((const char *)buf + x, "<<"),
	    (const char *)buf + len };
	const char *d = strstr(xs.s, "stream\n") + 7, *o;
	long zl = wp_pdf_int(wp_pdf_get(xs, "/Length"));
	unsigned char z8[4096], e[4096];
	uLongf el = sizeof(z8);
	size_t at;

	ck_assert_int_eq(uncompress(z8, &el, (const Bytef *)d, (uLong)zl), Z_OK);
	/* rows of a filter byte and 7, each less the row above (PNG Up) */
	ck_assert_ptr_nonnull(strstr(xs.s, "/Predictor 12 /Columns 7"));
	ck_assert_uint_eq(el % 8, 0);
	for (size_t r = 0; r < el / 8; r++) {
		ck_assert_int_eq(z8[r * 8], 2);
		for (size_t j = 0; j < 7; j++)
			e[r * 7 + j] = (unsigned char)(z8[r * 8 + 1 + j] +
			    (r > 0 ? e[(r - 1) * 7 + j] : 0));
	}
	el = el / 8 * 7;
	ck_assert_uint_gt(el, (uLongf)n * 7);
	at = (size_t)e[n * 7 + 1] << 24 | (size_t)e[n * 7 + 2] << 16 |
	    (size_t)e[n * 7 + 3] << 8 | e[n * 7 + 4];
	if (e[n * 7] == 1) {	/* in the file */
		o = (const char *)buf + at;
		return g_string_new_len(o, strstr(o, "endobj") - o);
	}
	ck_assert_int_eq(e[n * 7], 2);	/* in an object stream */
	{
		char *head = g_strdup_printf("\n%zu 0 obj\n", at);
		o = last(buf, len, head) + 1;
		g_free(head);
	}
	{
		struct wp_pdf_span os = { strstr(o, "<<"), (const char *)buf + len };
		unsigned char z[8192];
		uLongf zn = sizeof(z);
		const char *zd = strstr(o, "stream\n") + 7;
		first = wp_pdf_int(wp_pdf_get(os, "/First"));
		ck_assert_int_eq(uncompress(z, &zn, (const Bytef *)zd, (uLong)
		    wp_pdf_int(wp_pdf_get(os, "/Length"))), Z_OK);
		z[zn] = '\0';
		/* the index pairs: find n's offset */
		long num[64], off[64];
		int k = 0, m;
		char *p = (char *)z;
		while (k < 64 && (num[k] = strtol(p, &p, 10)) > 0)
			off[k++] = strtol(p, &p, 10);
		for (m = 0; m < k; m++)
			if (num[m] == n)	/* less the newline after it */
				return g_string_new_len((char *)z + first +
				    off[m], (m + 1 < k ? off[m + 1] : (long)zn -
				    first) - off[m] - 1);
	}
	ck_abort_msg("object %d not in its stream", n);
	return NULL;
}

START_TEST(file_round_trip)
{
	GString			*g = small_pdf(), *o;
	struct wp_pdf_file	 f;
	const char		*why = NULL;
	unsigned char		*out;
	size_t			 len;
	long			 n;

	ck_assert_int_eq(wp_pdf_open(&f, (const unsigned char *)g->str, g->len,
	    &why), 0);
	ck_assert(is(wp_pdf_get(wp_pdf_body(&f, 1), "/Pages"), "2 0 R"));
	n = wp_pdf_put(&f, -1, g_strdup("<< /New true >>"), 15);
	ck_assert_int_eq(n, 5);
	wp_pdf_put(&f, 1, wp_pdf_set(wp_pdf_body(&f, 1), "/Lang", "(ja)"),
	    strlen("<< /Type /Catalog\n   /Pages 2 0 R\n   /Lang (ja)\n>>"));
	wp_pdf_write(&f, &out, &len);
	wp_pdf_close(&f);
	ck_assert(memcmp(out, "%PDF-1.5\n", 9) == 0);
	o = read_back(out, len, 1);
	ck_assert(strstr(o->str, "/Lang (ja)") != NULL);
	g_string_free(o, TRUE);
	o = read_back(out, len, 5);
	ck_assert_str_eq(o->str, "<< /New true >>");
	g_string_free(o, TRUE);
	o = read_back(out, len, 4);	/* a stream stays in the file */
	ck_assert(strstr(o->str, "stream\nq Q\nn\nendstream") != NULL);
	g_string_free(o, TRUE);
	free(out);
	g_string_free(g, TRUE);
}
END_TEST

/* The objects split into object streams by bytes, whatever their sizes:
 * one big object first, then many small ones (which made more streams
 * than room was made for), each stream of 500 objects at most, every
 * object in one. */
START_TEST(object_streams_split)
{
	GString			*g = small_pdf(), *big = g_string_new("<< /Big (");
	struct wp_pdf_file	 f;
	const char		*why = NULL, *at;
	unsigned char		*out;
	size_t			 len, held = 0, streams = 0;
	int			 i;

	ck_assert_int_eq(wp_pdf_open(&f, (const unsigned char *)g->str, g->len,
	    &why), 0);
	for (i = 0; i < 100000; i++)
		g_string_append_c(big, 'x');
	g_string_append(big, ") >>");
	wp_pdf_put(&f, -1, g_string_free(big, FALSE), 100000 + 13);
	for (i = 0; i < 1510; i++) {
		char *b = g_strdup_printf("<< /N %08d >>", i);
		wp_pdf_put(&f, -1, b, strlen(b));
	}
	wp_pdf_write(&f, &out, &len);
	wp_pdf_close(&f);
	for (at = first_of(out, len, 0, "/Type /ObjStm\n   /N "); at != NULL;
	    at = first_of(out, len, (size_t)(at + 1 - (const char *)out),
	    "/Type /ObjStm\n   /N ")) {
		long n = strtol(at + 20, NULL, 10);
		ck_assert_int_le(n, 500);
		held += (size_t)n;
		streams++;
	}
	/* catalog, pages, page, the big one and the small ones */
	ck_assert_uint_eq(held, 3 + 1 + 1510);
	ck_assert_uint_ge(streams, 4);
	free(out);
	g_string_free(g, TRUE);
}
END_TEST

START_TEST(plain_stream_compressed)
{
	static const char *const body[8] = { NULL,
	    "<< /Type /Catalog\n   /Pages 2 0 R\n>>",
	    "<< /Type /Pages\n   /Kids [ 3 0 R ]\n   /Count 1\n>>",
	    "<< /Type /Page\n   /Contents 4 0 R\n>>",
	    "<< /Length 5 0 R\n   /Type /XObject /BBox [ 0 0 1 1 ]\n>>\n"
	    "stream\nq Q\nn\nendstream",
	    "5",
	    "<< /Length 3 /Filter /FlateDecode >>\nstream\nxyz\nendstream",
	    "<< /Length 5 >>\nstream\nBT ET\nendstream" };
	GString			*g = pdf_of(body, 8);
	struct wp_pdf_file	 f;
	struct wp_pdf_span	 b;
	GByteArray		*data;
	const char		*why = NULL;

	ck_assert_int_eq(wp_pdf_open(&f, (const unsigned char *)g->str, g->len,
	    &why), 0);
	ck_assert_int_eq(wp_pdf_compress_all(&f), 0);
	b = wp_pdf_body(&f, 4);
	ck_assert(wp_pdf_is(wp_pdf_get(b, "/Filter"), "/FlateDecode"));
	ck_assert(wp_pdf_is(wp_pdf_get(b, "/Type"), "/XObject"));
	ck_assert(is(wp_pdf_get(b, "/BBox"), "[ 0 0 1 1 ]"));
	ck_assert_int_gt(wp_pdf_int(wp_pdf_get(b, "/Length")), 0);
	ck_assert(wp_pdf_body(&f, 5).s == NULL);	/* its length's, freed */
	ck_assert_int_eq(wp_pdf_stream(&f, 4, &data), 0);
	ck_assert_uint_eq(data->len, 5);
	ck_assert(memcmp(data->data, "q Q\nn", 5) == 0);
	g_byte_array_unref(data);
	/* the second plain stream (compressed beside the first), its
	 * length given in place */
	b = wp_pdf_body(&f, 7);
	ck_assert(wp_pdf_is(wp_pdf_get(b, "/Filter"), "/FlateDecode"));
	ck_assert_int_eq(wp_pdf_stream(&f, 7, &data), 0);
	ck_assert_uint_eq(data->len, 5);
	ck_assert(memcmp(data->data, "BT ET", 5) == 0);
	g_byte_array_unref(data);
	/* a compressed stream and a dictionary are left as they are */
	ck_assert(wp_pdf_body(&f, 6).s == f.obj[6].body &&
	    f.obj[6].own == NULL);
	ck_assert(f.obj[1].own == NULL);
	wp_pdf_close(&f);
	g_string_free(g, TRUE);
}
END_TEST

/* A page's content as cairo writes it while showing the page. */
START_TEST(page_stream_found)
{
	const char *page = "102 0 obj\n<< /Length 103 0 R\n>>\nstream\n"
	    "q\n(endstream) Tj\nQ\n\nendstream\nendobj\n103 0 obj\n   19\n"
	    "endobj\n101 0 obj\n<< >>\nendobj\n";
	const char *zipped = "7 0 obj\n<< /Length 8 0 R\n   /Filter "
	    "/FlateDecode\n>>\nstream\nxyz\nendstream\nendobj\n8 0 obj\n"
	    "   3\nendobj\n";
	const char *wrong = "7 0 obj\n<< /Length 8 0 R\n>>\nstream\nq Q\n"
	    "endstream\nendobj\n8 0 obj\n   9\nendobj\n";
	struct wp_pdf_span data;
	long n;

	ck_assert_int_eq(wp_pdf_first_stream(page, page + strlen(page), &n,
	    &data), 0);
	ck_assert_int_eq(n, 102);
	ck_assert_int_eq(data.e - data.s, 19);
	ck_assert(memcmp(data.s, "q\n(endstream) Tj\nQ\n", 19) == 0);
	/* compressed, or not the length its object says: not taken */
	ck_assert_int_eq(wp_pdf_first_stream(zipped, zipped + strlen(zipped),
	    &n, &data), -1);
	ck_assert_int_eq(wp_pdf_first_stream(wrong, wrong + strlen(wrong),
	    &n, &data), -1);
	/* cut short */
	ck_assert_int_eq(wp_pdf_first_stream(page, page + 60, &n, &data), -1);
}
END_TEST

START_TEST(file_refused)
{
	struct wp_pdf_file	 f;
	const char		*why = NULL;
	const char		*junk = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";

	ck_assert_int_eq(wp_pdf_open(&f, (const unsigned char *)junk,
	    strlen(junk), &why), -1);
	ck_assert(why != NULL);
	wp_pdf_close(&f);
}
END_TEST

static char *
marked(const char *in, int *n)
{
	GByteArray *out = g_byte_array_new();

	*n = wp_pdf_artifacts((const guint8 *)in, strlen(in), out);
	g_byte_array_append(out, (const guint8 *)"", 1);
	return (char *)g_byte_array_free(out, FALSE);
}

START_TEST(artifacts)
{
	/* a heading, a rule, the footer; state outside the marks */
	const char *in = "1 0 0 -1 0 842 cm\nq\n"
	    "/H1 << /MCID 0 >> BDC\nBT\n(Title) Tj\nET\nEMC\n"
	    "0.5 w\n10 10 m 20 10 l S\n"
	    "/P << /MCID 1 >> BDC\nBT\n(Text \\) BDC EMC) Tj\nET\nEMC\n"
	    "0 g BT\n(3) Tj\nET\nQ\n";
	int n;
	char *s = marked(in, &n);

	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(s, "1 0 0 -1 0 842 cm\nq\n"
	    "/H1 << /MCID 0 >> BDC\nBT\n(Title) Tj\nET\nEMC\n"
	    "0.5 w\n/Artifact BMC\n10 10 m 20 10 l S\nEMC\n"
	    "/P << /MCID 1 >> BDC\nBT\n(Text \\) BDC EMC) Tj\nET\nEMC\n"
	    "0 g /Artifact BMC\nBT\n(3) Tj\nET\nEMC\nQ\n");
	g_free(s);
}
END_TEST

START_TEST(actual_text)
{
	/* cairo's ActualText: dropped inside a structure sequence (poppler
	 * would stop reading the element there), kept in an artifact */
	const char *in = "/P << /MCID 0 >> BDC\nBT\n<01>Tj\n"
	    "/Span << /ActualText <feff200b> >> BDC\nEMC\n"
	    "/Span << /ActualText <feff0028> >> BDC\n<02>Tj\nEMC\n<03>Tj\nET\nEMC\n"
	    "BT\n/Span << /ActualText <feff0028> >> BDC\n<02>Tj\nEMC\nET\n";
	int n;
	char *s = marked(in, &n);

	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(s, "/P << /MCID 0 >> BDC\nBT\n<01>Tj\n"
	    "<02>Tj\n<03>Tj\nET\nEMC\n"
	    "/Artifact BMC\nBT\n/Span << /ActualText <feff0028> >> BDC\n"
	    "<02>Tj\nEMC\nET\nEMC\n");
	g_free(s);
}
END_TEST

START_TEST(mcids_checked)
{
	int n;
	char *s;

	/* out of order */
	s = marked("/P << /MCID 1 >> BDC\nEMC\n", &n);
	ck_assert_int_eq(n, -1);
	g_free(s);
	/* nested */
	s = marked("/P << /MCID 0 >> BDC\n/P << /MCID 1 >> BDC\nEMC\nEMC\n", &n);
	ck_assert_int_eq(n, -1);
	g_free(s);
	/* unbalanced */
	s = marked("/P << /MCID 0 >> BDC\n", &n);
	ck_assert_int_eq(n, -1);
	g_free(s);
	/* nothing drawn outside: nothing to mark */
	s = marked("q\n/P << /MCID 0 >> BDC\nEMC\nQ\n", &n);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(s, "q\n/P << /MCID 0 >> BDC\nEMC\nQ\n");
	g_free(s);
}
END_TEST

/* ---- sfnt: stand-ins and their outlines put back ----------------------- */

static unsigned
rd16(const guint8 *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static guint32
rd32(const guint8 *p)
{
	return (guint32)rd16(p) << 16 | rd16(p + 2);
}

static void
wr16(GByteArray *a, unsigned v)
{
	guint8 b[2] = { (guint8)(v >> 8), (guint8)v };

	g_byte_array_append(a, b, 2);
}

static void
wr32(GByteArray *a, guint32 v)
{
	wr16(a, v >> 16);
	wr16(a, v & 0xffff);
}

/* A glyph: its bytes. */
struct gl {
	const guint8	*p;
	size_t		 n;
};

/*
 * A TrueType font of n glyphs, its tables head, loca, maxp and glyf (in
 * that order in the file, by tag in the directory), loca short or long.
 * No checksums: neither stand-in nor restoring reads them.
 */
static GByteArray *
font_of(const struct gl *g, size_t n, int wide)
{
	GByteArray	*head = g_byte_array_new(), *loca = g_byte_array_new();
	GByteArray	*maxp = g_byte_array_new(), *glyf = g_byte_array_new();
	GByteArray	*f = g_byte_array_new();
	GByteArray	*t[4] = { glyf, head, loca, maxp };	/* by tag */
	const char	*tag[4] = { "glyf", "head", "loca", "maxp" };
	int		 order[4] = { 1, 2, 3, 0 };	/* in the file */
	size_t		 off[4], at, i;

	g_byte_array_set_size(head, 54);
	memset(head->data, 0, 54);
	head->data[51] = (guint8)(wide != 0);	/* indexToLocFormat */
	wr32(maxp, 0x00005000);
	wr16(maxp, (unsigned)n);
	for (i = 0; i < n; i++) {
		if (wide)
			wr32(loca, glyf->len);
		else
			wr16(loca, glyf->len / 2);
		g_byte_array_append(glyf, g[i].p, (guint)g[i].n);
		if (glyf->len % 2)
			g_byte_array_append(glyf, (const guint8 *)"", 1);
	}
	if (wide)
		wr32(loca, glyf->len);
	else
		wr16(loca, glyf->len / 2);
	at = 12 + 16 * 4;
	for (i = 0; i < 4; i++) {
		off[order[i]] = at;
		at += (t[order[i]]->len + 3) & ~3u;
	}
	wr32(f, 0x00010000);
	wr16(f, 4);
	wr16(f, 64);
	wr16(f, 2);
	wr16(f, 0);
	for (i = 0; i < 4; i++) {
		wr32(f, rd32((const guint8 *)tag[i]));
		wr32(f, 0);
		wr32(f, (guint32)off[i]);
		wr32(f, t[i]->len);
	}
	for (i = 0; i < 4; i++) {
		g_byte_array_append(f, t[order[i]]->data, t[order[i]]->len);
		while (f->len % 4)
			g_byte_array_append(f, (const guint8 *)"", 1);
	}
	for (i = 0; i < 4; i++)
		g_byte_array_unref(t[i]);
	return f;
}

/* Table tag's place and length in font f; 0 if it has none. */
static size_t
table(const GByteArray *f, const char *tag, size_t *len)
{
	for (unsigned i = 0; i < rd16(f->data + 4); i++) {
		const guint8 *e = f->data + 12 + 16 * i;
		if (memcmp(e, tag, 4) == 0) {
			*len = rd32(e + 12);
			return rd32(e + 8);
		}
	}
	return 0;
}

/* Glyph i of font f, by its loca. */
static struct gl
glyph_of(const GByteArray *f, unsigned i)
{
	size_t	 n, glyf = table(f, "glyf", &n), loca = table(f, "loca", &n);
	size_t	 head = table(f, "head", &n), b, e;

	if (f->data[head + 51]) {
		b = rd32(f->data + loca + 4 * i);
		e = rd32(f->data + loca + 4 * i + 4);
	} else {
		b = 2 * (size_t)rd16(f->data + loca + 2 * i);
		e = 2 * (size_t)rd16(f->data + loca + 2 * i + 2);
	}
	return (struct gl){ f->data + glyf + b, e - b };
}

/* Whether font f's checksums are those of the OpenType spec. */
static int
summed(const GByteArray *f)
{
	guint32	 all = 0;
	size_t	 n, head = table(f, "head", &n);

	for (unsigned i = 0; i < rd16(f->data + 4); i++) {
		const guint8 *e = f->data + 12 + 16 * i;
		guint32 sum = 0;
		for (size_t j = 0; j < ((rd32(e + 12) + 3) & ~3u); j += 4)
			sum += j + rd32(e + 8) == head + 8 ? 0 :
			    rd32(f->data + rd32(e + 8) + j);
		if (sum != rd32(e + 4))
			return 0;
	}
	for (size_t j = 0; j < f->len; j += 4)
		all += rd32(f->data + j);
	return all == 0xb1b0afba && f->len % 4 == 0;
}

/* Simple glyphs: one contour in (10, -20)..(500, 700), two in
 * (0, 0)..(300, 300) of an odd length, and no contour at all. */
static const guint8 g_one[16] = { 0, 1, 0, 10, 0xff, 0xec, 1, 0xf4, 2, 0xbc,
    0, 2, 0, 0, 1, 2 };
static const guint8 g_two[18] = { 0, 2, 0, 0, 0, 0, 1, 0x2c, 1, 0x2c, 0, 1,
    0, 3, 0, 0, 9, 9 };
static const guint8 g_none[10] = { 0 };
static const guint8 g_comp[20] = { 0xff, 0xff, 0, 0, 0, 0, 1, 0, 1, 0, 0,
    0x20, 0, 1, 0, 0 };

START_TEST(stand_in_restored)
{
	struct gl	 g[4] = { { g_one, 16 }, { NULL, 0 }, { g_two, 18 },
			    { g_none, 10 } };
	GByteArray	*f = font_of(g, 4, 0), *st, *sub, *r;
	struct gl	 s, in[3];
	const char	*why = NULL;
	unsigned	 id = 0;
	size_t		 n;

	st = wp_sfnt_stub(f->data, f->len, 7);
	ck_assert_ptr_nonnull(st);
	ck_assert_int_eq(wp_sfnt_stub_id(st->data, st->len, &id), 1);
	ck_assert_uint_eq(id, 7);
	ck_assert_int_eq(wp_sfnt_stub_id(f->data, f->len, &id), 0);
	/* the stub: the box, two points at its corners, in words */
	s = glyph_of(st, 0);
	ck_assert_uint_ge(s.n, 30);
	ck_assert_int_eq(memcmp(s.p, g_one, 10), 0);
	ck_assert_uint_eq(rd16(s.p + 10), 1);		/* ends at point 1 */
	ck_assert_uint_eq(rd16(s.p + 12), 0);		/* no instructions */
	ck_assert_uint_eq(rd16(s.p + 16), 10);		/* x: 10, +490 */
	ck_assert_uint_eq(rd16(s.p + 18), 490);
	ck_assert_uint_eq(rd16(s.p + 20), 0xffec);	/* y: -20, +720 */
	ck_assert_uint_eq(rd16(s.p + 22), 720);
	ck_assert_uint_eq(glyph_of(st, 1).n, 0);
	ck_assert_uint_eq(glyph_of(st, 3).n, 0);	/* cairo drops it */
	ck_assert_uint_eq(st->data[table(st, "head", &n) + 51], 1);

	/* a subset cut from the stand-in (as cairo would: glyphs 0, 2, 1,
	 * loca long) made the font's: its outlines, its short loca */
	in[0] = glyph_of(st, 0);
	in[1] = glyph_of(st, 2);
	in[2] = glyph_of(st, 1);
	sub = font_of(in, 3, 1);
	r = wp_sfnt_restore(sub->data, sub->len, f->data, f->len, &why);
	ck_assert_msg(r != NULL, "%s", why);
	ck_assert_uint_eq(r->data[table(r, "head", &n) + 51], 0);
	s = glyph_of(r, 0);
	ck_assert_uint_eq(s.n, 16);
	ck_assert_int_eq(memcmp(s.p, g_one, 16), 0);
	s = glyph_of(r, 1);
	ck_assert_uint_eq(s.n, 20);			/* to four bytes */
	ck_assert_int_eq(memcmp(s.p, g_two, 18), 0);
	ck_assert_uint_eq(glyph_of(r, 2).n, 0);
	ck_assert_msg(summed(r), "checksums");
	ck_assert_uint_eq(rd16(r->data + table(r, "maxp", &n) + 4), 3);
	/* tables in the order they were in, from four-byte boundaries */
	ck_assert_uint_lt(table(r, "head", &n), table(r, "loca", &n));
	ck_assert_uint_lt(table(r, "maxp", &n), table(r, "glyf", &n));
	g_byte_array_unref(r);

	/* a subset that is not the stand-in's, or damaged */
	r = wp_sfnt_restore(f->data, f->len, f->data, f->len, &why);
	ck_assert_ptr_null(r);
	ck_assert_str_eq(why, "a font subset's glyph is not its stand-in's");
	r = wp_sfnt_restore(sub->data, 40, f->data, f->len, &why);
	ck_assert_ptr_null(r);
	ck_assert_str_eq(why, "a font subset is damaged");
	g_byte_array_unref(sub);
	g_byte_array_unref(st);
	g_byte_array_unref(f);
}
END_TEST

START_TEST(stand_in_refused)
{
	struct gl	 g[2] = { { g_one, 16 }, { g_comp, 20 } };
	GByteArray	*f = font_of(g, 2, 1);

	/* a composite glyph, whose parts a subset would lack */
	ck_assert_ptr_null(wp_sfnt_stub(f->data, f->len, 0));
	/* a collection; a font cut short */
	memcpy(f->data, "ttcf", 4);
	ck_assert_ptr_null(wp_sfnt_stub(f->data, f->len, 0));
	g_byte_array_unref(f);
	f = font_of(g, 1, 1);
	ck_assert_ptr_null(wp_sfnt_stub(f->data, f->len - 20, 0));
	ck_assert_ptr_null(wp_sfnt_stub(f->data, 11, 0));
	g_byte_array_unref(f);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("pdf");
	TCase	*tc = tcase_create("pdf");

	tcase_add_test(tc, values);
	tcase_add_test(tc, set_keys);
	tcase_add_test(tc, text_strings);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, file_round_trip);
	tcase_add_test(tc, object_streams_split);
	tcase_add_test(tc, plain_stream_compressed);
	tcase_add_test(tc, page_stream_found);
	tcase_add_test(tc, file_refused);
	tcase_add_test(tc, artifacts);
	tcase_add_test(tc, actual_text);
	tcase_add_test(tc, mcids_checked);
	tcase_add_test(tc, stand_in_restored);
	tcase_add_test(tc, stand_in_refused);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
