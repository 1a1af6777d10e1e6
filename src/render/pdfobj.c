/*
 * pdfobj: a PDF's objects, read from the bytes cairo 1.16 wrote and
 * written again: each object is kept as cairo wrote it unless replaced
 * whole, so that what this pass does not touch stays byte for byte.
 * It reads only the form cairo writes (a cross-reference table from
 * object 0, no object streams), and says so of anything else.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "base/alloc.h"
#include "base/thread.h"
#include "render/pdfint.h"

/* ---- syntax ------------------------------------------------------------ */

static int
is_white(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
	    c == '\0';
}

static int
is_delim(char c)
{
	return strchr("()<>[]{}/%", c) != NULL;
}

const char *
wp_pdf_white(const char *s, const char *e)
{
	while (s < e) {
		if (*s == '%')
			while (s < e && *s != '\n' && *s != '\r')
				s++;
		else if (is_white(*s))
			s++;
		else
			break;
	}
	return s;
}

/* A literal string from its '(': nested parentheses, escapes. */
static const char *
skip_string(const char *s, const char *e)
{
	int	 depth = 0;

	for (; s < e; s++) {
		if (*s == '\\')
			s++;
		else if (*s == '(')
			depth++;
		else if (*s == ')' && --depth == 0)
			return s + 1;
	}
	return e;
}

/* A regular token (a number, a keyword, a name after its '/'). */
static const char *
skip_regular(const char *s, const char *e)
{
	while (s < e && !is_white(*s) && !is_delim(*s))
		s++;
	return s;
}

/* The end of a single token (a reference is three). */
static const char *
skip_token(const char *s, const char *e)
{
	const char *t;

	if (s >= e)
		return e;
	switch (*s) {
	case '(':
		return skip_string(s, e);
	case '/':
		return skip_regular(s + 1, e);
	case '<':
		if (s + 1 < e && s[1] == '<')
			return s + 2;
		t = memchr(s, '>', (size_t)(e - s));
		return t ? t + 1 : e;
	case '>':
		return s + 1 < e && s[1] == '>' ? s + 2 : s + 1;
	case '[': case ']': case '{': case '}':
		return s + 1;
	default:
		t = skip_regular(s, e);
		return t > s ? t : s + 1;
	}
}

/* How many digits start s, before e (the data is not a C string). */
static size_t
digits(const char *s, const char *e)
{
	const char *t = s;

	while (t < e && *t >= '0' && *t <= '9')
		t++;
	return (size_t)(t - s);
}

const char *
wp_pdf_skip(const char *s, const char *e)
{
	const char	*t, *u;

	s = wp_pdf_white(s, e);
	if (s >= e)
		return e;
	if (*s == '[' || (*s == '<' && s + 1 < e && s[1] == '<')) {
		char close = *s == '[' ? ']' : '>';
		s = skip_token(s, e);
		for (;;) {
			s = wp_pdf_white(s, e);
			if (s >= e)
				return e;
			if (*s == close)
				return skip_token(s, e);
			s = wp_pdf_skip(s, e);
		}
	}
	t = skip_token(s, e);
	/* an integer followed by an integer and R is a reference */
	if ((*s >= '0' && *s <= '9') && digits(s, e) == (size_t)(t - s)) {
		u = wp_pdf_white(t, e);
		if (u < e && *u >= '0' && *u <= '9') {
			const char *v = skip_token(u, e), *w;
			w = wp_pdf_white(v, e);
			if (digits(u, e) == (size_t)(v - u) &&
			    w < e && *w == 'R' && skip_token(w, e) == w + 1)
				return w + 1;
		}
	}
	return t;
}

struct wp_pdf_span
wp_pdf_get(struct wp_pdf_span v, const char *key)
{
	struct wp_pdf_span	 none = { NULL, NULL };
	const char		*s, *k;
	size_t			 kl = strlen(key);

	if (v.s == NULL)	/* no such object */
		return none;
	s = wp_pdf_white(v.s, v.e);
	if (s + 1 >= v.e || s[0] != '<' || s[1] != '<')
		return none;
	for (s += 2;;) {
		s = wp_pdf_white(s, v.e);
		if (s >= v.e || *s != '/')
			return none;
		k = s;
		s = skip_token(s, v.e);
		if ((size_t)(s - k) == kl && memcmp(k, key, kl) == 0) {
			none.s = wp_pdf_white(s, v.e);
			none.e = wp_pdf_skip(s, v.e);
			return none;
		}
		s = wp_pdf_skip(s, v.e);
	}
}

int
wp_pdf_next(struct wp_pdf_span arr, const char **at, struct wp_pdf_span *item)
{
	const char *s = *at;

	if (s == arr.s) {
		s = wp_pdf_white(s, arr.e);
		if (s >= arr.e || *s != '[')
			return 0;
		s++;
	}
	s = wp_pdf_white(s, arr.e);
	if (s >= arr.e || *s == ']')
		return 0;
	item->s = s;
	item->e = *at = wp_pdf_skip(s, arr.e);
	return 1;
}

long
wp_pdf_int(struct wp_pdf_span v)
{
	const char	*s = v.s;
	long		 n = 0;

	if (s == NULL)
		return -1;
	s = wp_pdf_white(s, v.e);
	if (s >= v.e || *s < '0' || *s > '9')
		return -1;
	for (; s < v.e && *s >= '0' && *s <= '9'; s++)
		n = n * 10 + (*s - '0');
	return wp_pdf_white(s, v.e) == v.e ? n : -1;
}

long
wp_pdf_ref(struct wp_pdf_span v)
{
	const char	*t;

	if (v.s == NULL || (v.s = wp_pdf_white(v.s, v.e)) >= v.e ||
	    wp_pdf_skip(v.s, v.e) - v.s < 5 || wp_pdf_skip(v.s, v.e)[-1] != 'R')
		return -1;
	t = skip_token(v.s, v.e);
	return wp_pdf_int((struct wp_pdf_span){ v.s, t });
}

char *
wp_pdf_set(struct wp_pdf_span body, const char *key, const char *value)
{
	struct wp_pdf_span	 old = wp_pdf_get(body, key);
	GString			*g = g_string_new_len(body.s, body.e - body.s);
	const char		*end;
	char			*add;

	if (old.s != NULL) {
		g_string_erase(g, old.s - body.s, old.e - old.s);
		g_string_insert(g, old.s - body.s, value);
		return g_string_free(g, FALSE);
	}
	/* before the dictionary's closing >> */
	end = wp_pdf_skip(body.s, body.e);
	add = g_strdup_printf("   %s %s\n", key, value);
	g_string_insert(g, end - 2 - body.s, add);
	g_free(add);
	return g_string_free(g, FALSE);
}

/* n in decimal, appended. */
static void
append_decimal(GString *g, long n)
{
	char		 d[24], *e = d + sizeof(d), *p = e;
	unsigned long	 u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (n < 0)
		*--p = '-';
	g_string_append_len(g, p, e - p);
}

void
wp_pdf_append_int(GString *g, long n)
{
	g_string_append_c(g, ' ');
	append_decimal(g, n);
}

void
wp_pdf_append_ref(GString *g, long n)
{
	wp_pdf_append_int(g, n);
	g_string_append_len(g, " 0 R", 4);
}

/* A UTF-16 code unit in hex, as a text string's <FEFF...> holds it. */
static void
utf16_hex(GString *g, unsigned v)
{
	static const char	 hex[] = "0123456789ABCDEF";

	for (int shift = 12; shift >= 0; shift -= 4)
		g_string_append_c(g, hex[(v >> shift) & 0xF]);
}

char *
wp_pdf_text(const char *u)
{
	GString	*g;

	/* printable ASCII as it is, other text as UTF-16 */
	if (strspn(u, " !\"#$%&'*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWX"
	    "YZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~") == strlen(u))
		return g_strdup_printf("(%s)", u);
	g = g_string_sized_new(8 * strlen(u) + 8);
	g_string_append(g, "<FEFF");
	for (; *u != '\0'; u = g_utf8_next_char(u)) {
		gunichar c = g_utf8_get_char(u);
		if (c >= 0x10000) {
			c -= 0x10000;
			utf16_hex(g, 0xD800 + (c >> 10));
			utf16_hex(g, 0xDC00 + (c & 0x3FF));
		} else
			utf16_hex(g, c);
	}
	g_string_append_c(g, '>');
	return g_string_free(g, FALSE);
}

/* ---- the file ---------------------------------------------------------- */

static long
read_num(const char **s, const char *e)
{
	long n = -1;

	*s = wp_pdf_white(*s, e);
	if (*s < e && **s >= '0' && **s <= '9')
		for (n = 0; *s < e && **s >= '0' && **s <= '9'; (*s)++)
			n = n * 10 + (**s - '0');
	return n;
}

/* Where the bytes want start in s..e, or NULL. */
static const char *
find(const char *s, const char *e, const char *want)
{
	size_t n = strlen(want);

	while ((size_t)(e - s) >= n) {
		if ((s = memchr(s, want[0], (size_t)(e - s) - n + 1)) == NULL)
			return NULL;
		if (memcmp(s, want, n) == 0)
			return s;
		s++;
	}
	return NULL;
}

int
wp_pdf_first_stream(const char *s, const char *e, long *n,
    struct wp_pdf_span *data)
{
	struct wp_pdf_span	 dict;
	const char		*d, *end;
	char			 after[64];
	long			 lobj;

	if ((*n = read_num(&s, e)) < 0 || read_num(&s, e) != 0 ||
	    (s = wp_pdf_white(s, e)) + 3 > e || memcmp(s, "obj", 3) != 0)
		return -1;
	dict.s = wp_pdf_white(s + 3, e);
	dict.e = wp_pdf_skip(dict.s, e);
	if (wp_pdf_get(dict, "/Filter").s != NULL ||
	    (lobj = wp_pdf_ref(wp_pdf_get(dict, "/Length"))) < 0)
		return -1;
	d = wp_pdf_white(dict.e, e);
	if (e - d < 7 || memcmp(d, "stream\n", 7) != 0)
		return -1;
	d += 7;
	/* its end: where its length's object follows it */
	snprintf(after, sizeof(after), "\nendstream\nendobj\n%ld 0 obj\n", lobj);
	if ((end = find(d, e, after)) == NULL)
		return -1;
	s = end + strlen(after);
	if (read_num(&s, e) != end - d)
		return -1;
	data->s = d;
	data->e = end;
	return 0;
}

static int
by_offset(const void *a, const void *b, void *objs)
{
	const struct wp_pdf_obj *o = objs;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;

	if (o[i].off != o[j].off)
		return o[i].off < o[j].off ? -1 : 1;
	return i < j ? -1 : i > j;
}

/* Each object's body: from after "N 0 obj" to before its "endobj",
 * which ends before the next object (or the table) starts. */
static int
bodies(struct wp_pdf_file *f, size_t xref)
{
	size_t	*o = wp_reallocarray(NULL, f->n + 1, sizeof(*o)), m = 0, i;
	int	 ok = 1;

	for (i = 0; i < f->n; i++)
		if (f->obj[i].used)
			o[m++] = i;
	g_qsort_with_data(o, (gint)m, sizeof(*o), by_offset, f->obj);
	f->head = m > 0 ? f->obj[o[0]].off : xref;
	for (i = 0; i < m && ok; i++) {
		struct wp_pdf_obj *ob = &f->obj[o[i]];
		const char *s = f->buf + ob->off, *e = f->buf + (i + 1 < m ?
		    f->obj[o[i + 1]].off : xref), *t;
		if (read_num(&s, e) != (long)o[i] || read_num(&s, e) != 0 ||
		    (s = wp_pdf_white(s, e)) + 3 > e || memcmp(s, "obj", 3) != 0)
			ok = 0;
		s += 3;
		if (s < e && *s == '\r')
			s++;
		if (s < e && *s == '\n')
			s++;
		for (t = e - 6; t >= s && memcmp(t, "endobj", 6) != 0; t--)
			continue;
		if (t < s)
			ok = 0;
		else if (t > s && t[-1] == '\n')
			t--;
		ob->body = s;
		ob->len = t > s ? (size_t)(t - s) : 0;
	}
	free(o);
	return ok ? 0 : -1;
}

int
wp_pdf_open(struct wp_pdf_file *f, const unsigned char *buf, size_t len,
    const char **why)
{
	const char	*b = (const char *)buf, *s, *e = b + len, *t;
	long		 at, first, count, i;

	memset(f, 0, sizeof(*f));
	f->buf = b;
	f->len = len;
	*why = "no startxref at its end";
	for (s = e - 9; s > b && e - s < 1024 && memcmp(s, "startxref", 9); s--)
		continue;
	if (s <= b || e - s >= 1024)
		return -1;
	s += 9;
	if ((at = read_num(&s, e)) < 0 || (size_t)at >= len)
		return -1;
	*why = "not one cross-reference table from object 0 (cairo 1.16's)";
	s = b + at;
	if (e - s < 4 || memcmp(s, "xref", 4) != 0)
		return -1;
	s += 4;
	first = read_num(&s, e);
	count = read_num(&s, e);
	s = wp_pdf_white(s, e);
	if (first != 0 || count <= 0 || (e - s) / 20 < count)
		return -1;
	f->n = f->cap = (size_t)count;
	f->obj = wp_calloc(f->n, sizeof(*f->obj));
	for (i = 0; i < count; i++, s += 20) {
		const char *p = s;
		long off = read_num(&p, s + 20);
		read_num(&p, s + 20);
		p = wp_pdf_white(p, s + 20);
		f->obj[i].used = *p == 'n' && off > 0 && (size_t)off < (size_t)at;
		f->obj[i].off = f->obj[i].used ? (size_t)off : 0;
	}
	s = wp_pdf_white(s, e);
	if (e - s < 7 || memcmp(s, "trailer", 7) != 0)
		return -1;
	s = wp_pdf_white(s + 7, e);
	t = wp_pdf_skip(s, e);
	f->trailer = g_strndup(s, (gsize)(t - s));
	*why = "an object not where the table says";
	return bodies(f, (size_t)at);
}

void
wp_pdf_close(struct wp_pdf_file *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		g_free(f->obj[i].own);
	free(f->obj);
	g_free(f->trailer);
	memset(f, 0, sizeof(*f));
}

struct wp_pdf_span
wp_pdf_body(const struct wp_pdf_file *f, long n)
{
	struct wp_pdf_span none = { NULL, NULL };

	if (n < 0 || (size_t)n >= f->n || !f->obj[n].used)
		return none;
	return (struct wp_pdf_span){ f->obj[n].body, f->obj[n].body +
	    f->obj[n].len };
}

long
wp_pdf_put(struct wp_pdf_file *f, long n, char *body, size_t len)
{
	struct wp_pdf_obj *o;

	if (n < 0) {
		f->obj = wp_grow(f->obj, &f->cap, f->n, sizeof(*f->obj));
		n = (long)f->n++;
		memset(&f->obj[n], 0, sizeof(f->obj[n]));
		f->obj[n].off = (size_t)-1;	/* after those read */
	}
	o = &f->obj[n];
	g_free(o->own);
	o->own = body;
	o->body = body;
	o->len = len;
	o->used = 1;
	return n;
}

void
wp_pdf_free(struct wp_pdf_file *f, long n)
{
	if (n >= 0 && (size_t)n < f->n)
		f->obj[n].used = 0;
}

/* ---- streams ----------------------------------------------------------- */

static int
inflated(const guint8 *in, size_t n, GByteArray *out)
{
	z_stream	 z;
	guint8		 chunk[16384];
	int		 r;

	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return -1;
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)n;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		r = inflate(&z, Z_NO_FLUSH);
		g_byte_array_append(out, chunk, sizeof(chunk) - z.avail_out);
	} while (r == Z_OK);
	inflateEnd(&z);
	return r == Z_STREAM_END ? 0 : -1;
}

int
wp_pdf_stream(const struct wp_pdf_file *f, long n, GByteArray **data)
{
	struct wp_pdf_span	 b = wp_pdf_body(f, n), v;
	const char		*s;
	long			 len;

	*data = NULL;
	if (b.s == NULL)
		return -1;
	v = wp_pdf_get(b, "/Length");
	if ((len = wp_pdf_int(v)) < 0)
		len = wp_pdf_int(wp_pdf_body(f, wp_pdf_ref(v)));
	s = wp_pdf_white(wp_pdf_skip(b.s, b.e), b.e);
	if (len < 0 || b.e - s < 6 || memcmp(s, "stream", 6) != 0)
		return -1;
	s += 6;
	if (s < b.e && *s == '\r')
		s++;
	if (s < b.e && *s == '\n')
		s++;
	if (b.e - s < len)
		return -1;
	*data = g_byte_array_new();
	v = wp_pdf_get(b, "/Filter");
	if (v.s == NULL) {
		g_byte_array_append(*data, (const guint8 *)s, (guint)len);
		return 0;
	}
	if (wp_pdf_is(v, "/FlateDecode") &&
	    inflated((const guint8 *)s, (size_t)len, *data) == 0)
		return 0;
	g_byte_array_unref(*data);
	*data = NULL;
	return -1;
}

/* n bytes of data deflated: a new buffer (g_free() it) of *zn bytes. */
static guint8 *
deflated(const guint8 *data, size_t n, size_t *zn)
{
	uLongf	 len = compressBound((uLong)n);
	guint8	*z = g_malloc(len + 1);

	if (compress2(z, &len, data, (uLong)n, Z_DEFAULT_COMPRESSION) != Z_OK)
		wp_oom();
	*zn = len;
	return z;
}

char *
wp_pdf_stream_body(const char *extra, const guint8 *data, size_t n,
    int deflate, size_t *len)
{
	GString		*g = g_string_new(NULL);
	guint8		*z = NULL;

	if (deflate)
		data = z = deflated(data, n, &n);
	g_string_append_printf(g, "<< /Length %zu\n%s%s>>\nstream\n", n,
	    deflate ? "   /Filter /FlateDecode\n" : "", extra ? extra : "");
	g_string_append_len(g, (const char *)data, (gssize)n);
	g_string_append(g, "\nendstream");
	g_free(z);
	*len = g->len;
	return g_string_free(g, FALSE);
}

/*
 * Whether a body is a stream (which no object stream may hold): whether
 * it ends in the keyword endstream, after an end of line.  (Only a name
 * could end so otherwise, and a name's /endstream has a slash before
 * it.)  Skipping the dictionary to find the keyword stream after it
 * cost a tenth of writing the file.
 */
static int
is_stream(const struct wp_pdf_obj *o)
{
	const char	*b = o->body, *e = b + o->len;

	while (e > b && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	return e - b > 10 && memcmp(e - 9, "endstream", 9) == 0 &&
	    (e[-10] == '\n' || e[-10] == '\r');
}

int
wp_pdf_is_stream(const struct wp_pdf_file *f, long n)
{
	return n > 0 && (size_t)n < f->n && f->obj[n].used &&
	    is_stream(&f->obj[n]);
}

/* The dictionary starting body b, its entries but key copied, each on
 * a line of its own as cairo writes them. */
static void
entries_but(struct wp_pdf_span b, const char *key, GString *g)
{
	const char	*s = wp_pdf_white(b.s, b.e), *e, *k, *v;
	size_t		 kl = strlen(key);

	e = wp_pdf_skip(s, b.e) - 2;	/* before its >> */
	for (s += 2;;) {
		s = wp_pdf_white(s, e);
		if (s >= e || *s != '/')
			return;
		k = s;
		s = skip_token(s, e);
		v = wp_pdf_white(s, e);
		if ((size_t)(s - k) != kl || memcmp(k, key, kl) != 0)
			g_string_append_printf(g, "   %.*s %.*s\n",
			    (int)(s - k), k, (int)(wp_pdf_skip(s, e) - v), v);
		s = wp_pdf_skip(s, e);
	}
}

/*
 * Streams compressed at once, two threads taking turns down the list
 * (a job's data is read, its body written, nothing else touched).
 */
struct deflating {
	struct wp_pdf_squeeze	*j;
	size_t			 n, i, step;
};

static void *
deflate_some(void *arg)
{
	struct deflating *d = arg;

	for (size_t i = d->i; i < d->n; i += d->step)
		if (d->j[i].bare)
			d->j[i].body = (char *)deflated(d->j[i].data,
			    d->j[i].n, &d->j[i].len);
		else
			d->j[i].body = wp_pdf_stream_body(d->j[i].dict,
			    d->j[i].data, d->j[i].n, 1, &d->j[i].len);
	return NULL;
}

void
wp_pdf_squeeze(struct wp_pdf_squeeze *j, size_t n)
{
	struct deflating	 odd = { j, n, 1, 2 }, even = { j, n, 0, 2 };
	pthread_t		 t;
	int			 threaded;

	threaded = n > 1 && wp_thread_beside(&t, deflate_some, &odd) == 0;
	if (!threaded)
		even.step = 1;
	deflate_some(&even);
	if (threaded)
		pthread_join(t, NULL);
}

int
wp_pdf_compress_all(struct wp_pdf_file *f)
{
	struct wp_pdf_squeeze	*j = wp_calloc(f->n + 1, sizeof(*j));
	GByteArray		**data = wp_calloc(f->n + 1, sizeof(*data));
	long			*obj = wp_calloc(f->n + 1, sizeof(*obj));
	size_t			 n = 0, i;
	int			 rc = 0;

	for (long k = 1; k < (long)f->n; k++) {
		struct wp_pdf_span b = wp_pdf_body(f, k);
		GString *extra;
		if (b.s == NULL || !is_stream(&f->obj[k]) ||
		    wp_pdf_get(b, "/Filter").s != NULL)
			continue;
		if (wp_pdf_stream(f, k, &data[n]) == -1) {
			rc = -1;
			break;
		}
		extra = g_string_new(NULL);
		entries_but(b, "/Length", extra);
		j[n] = (struct wp_pdf_squeeze){ g_string_free(extra, FALSE),
		    data[n]->data, data[n]->len, 0, NULL, 0 };
		obj[n++] = k;
	}
	if (rc == 0)
		wp_pdf_squeeze(j, n);
	for (i = 0; i < n; i++) {
		if (rc == 0) {
			long lobj = wp_pdf_ref(wp_pdf_get(wp_pdf_body(f, obj[i]),
			    "/Length"));
			wp_pdf_put(f, obj[i], j[i].body, j[i].len);
			if (lobj > 0)
				wp_pdf_free(f, lobj);
		}
		g_free(j[i].dict);
		g_byte_array_unref(data[i]);
	}
	free(j);
	free(data);
	free(obj);
	return rc;
}

/* ---- writing ------------------------------------------------------------ */

/* Objects a compressed object stream holds (PDF 1.5): a few hundred
 * small dictionaries compress to a sixth. */
#define OBJSTM_MAX	500

/* A cross-reference stream entry's bytes: type, then 4 and 2 bytes. */
#define XREF_ROW	7

/*
 * A cross-reference stream entry, as the PNG predictor Up writes it
 * (/Predictor 12): a filter byte, then each byte less the one above it.
 * Entries differ little from the one before, so the rows are mostly
 * zeros, which deflate compresses in a tenth of the instructions it
 * spent on the rows themselves (their runs of near repeats make long
 * hash chains), and to half the bytes.
 */
static void
xref_entry(GByteArray *x, guint8 *above, int type, size_t a, size_t b)
{
	guint8 e[XREF_ROW] = { (guint8)type, (guint8)(a >> 24),
	    (guint8)(a >> 16), (guint8)(a >> 8), (guint8)a, (guint8)(b >> 8),
	    (guint8)b };
	guint8 row[1 + XREF_ROW] = { 2 };

	for (int j = 0; j < XREF_ROW; j++) {
		row[1 + j] = (guint8)(e[j] - above[j]);
		above[j] = e[j];
	}
	g_byte_array_append(x, row, sizeof(row));
}

struct placed {
	size_t		 off;		/* in the file, or in its stream */
	size_t		 stm;		/* the object stream holding it, or 0 */
};

/*
 * The objects (in o[0..m)) that are not streams, in object streams
 * numbered from first; returns how many streams.  There are two or
 * more, of about the same bytes, compressed at once, one in a second
 * thread (compressing them was a twelfth of a sentence edit's rebuild).
 */
static size_t
object_streams(const struct wp_pdf_file *f, const size_t *o, size_t m,
    size_t first, struct placed *at, GString *g)
{
	struct wp_pdf_squeeze	*s;
	GString			**data, *head = g_string_new(NULL);
	GString			*objs = g_string_new(NULL);
	size_t			 i, k = 0, nstm = 0, count = 0, bytes = 0;
	size_t			 done = 0, want;

	for (i = 0; i < m; i++)
		if (!is_stream(&f->obj[o[i]])) {
			count++;
			bytes += f->obj[o[i]].len;
		}
	want = (count + OBJSTM_MAX - 1) / OBJSTM_MAX;
	want = want < 2 ? 2 : want;
	/* at most: the streams ended at OBJSTM_MAX objects, those ended at
	 * a share of the bytes (the first want), and the last */
	s = wp_calloc(count / OBJSTM_MAX + want + 1, sizeof(*s));
	data = wp_calloc(count / OBJSTM_MAX + want + 1, sizeof(*data));
	for (i = 0; i <= m; i++) {
		if (i < m && is_stream(&f->obj[o[i]]))
			continue;
		if (i < m) {
			at[o[i]] = (struct placed){ k++, first + nstm };
			append_decimal(head, (long)o[i]);
			g_string_append_c(head, ' ');
			append_decimal(head, (long)objs->len);
			g_string_append_c(head, ' ');
			g_string_append_len(objs, f->obj[o[i]].body,
			    (gssize)f->obj[o[i]].len);
			g_string_append_c(objs, '\n');
			done += f->obj[o[i]].len;
		}
		/* a stream ends at OBJSTM_MAX objects, or at its share of
		 * the bytes */
		if (k == 0 || (k < OBJSTM_MAX && i < m &&
		    done * want < bytes * (nstm + 1)))
			continue;
		s[nstm].dict = g_strdup_printf("   /Type /ObjStm\n   /N %zu\n"
		    "   /First %zu\n", k, head->len);
		g_string_append(head, objs->str);
		data[nstm] = head;
		s[nstm].data = (const guint8 *)head->str;
		s[nstm++].n = head->len;
		head = g_string_new(NULL);
		g_string_truncate(objs, 0);
		k = 0;
	}
	wp_pdf_squeeze(s, nstm);
	for (i = 0; i < nstm; i++) {
		at[first + i] = (struct placed){ g->len, 0 };
		g_string_append_printf(g, "%zu 0 obj\n", first + i);
		g_string_append_len(g, s[i].body, (gssize)s[i].len);
		g_string_append(g, "\nendobj\n");
		g_free(s[i].body);
		g_free(s[i].dict);
		g_string_free(data[i], TRUE);
	}
	free(s);
	free(data);
	g_string_free(head, TRUE);
	g_string_free(objs, TRUE);
	return nstm;
}

/* A trailer entry copied into the cross-reference stream's dictionary. */
static void
keep_entry(GString *g, const char *trailer, const char *key)
{
	struct wp_pdf_span v = wp_pdf_get((struct wp_pdf_span){ trailer,
	    trailer + strlen(trailer) }, key);

	if (v.s != NULL)
		g_string_append_printf(g, "   %s %.*s\n", key, (int)(v.e - v.s),
		    v.s);
}

/*
 * Streams as they were, new ones last; every other object in object
 * streams; a cross-reference stream, its free objects a list from
 * object 0, each naming the next.
 */
void
wp_pdf_write(const struct wp_pdf_file *f, unsigned char **buf, size_t *len)
{
	GString		*g = g_string_sized_new(f->len);
	GByteArray	*x = g_byte_array_new();
	size_t		*o = wp_reallocarray(NULL, f->n + 1, sizeof(*o));
	struct placed	*at = wp_calloc(f->n + OBJSTM_MAX + f->n /
			    OBJSTM_MAX + 2, sizeof(*at));
	size_t		 m = 0, i, n, next, xref, xlen;
	guint8		 above[XREF_ROW] = { 0 };
	char		*body;
	GString		*dict = g_string_new(NULL);

	g_string_append_len(g, f->buf, (gssize)f->head);
	for (i = 0; i < f->n; i++)
		if (f->obj[i].used)
			o[m++] = i;
	g_qsort_with_data(o, (gint)m, sizeof(*o), by_offset, f->obj);
	for (i = 0; i < m; i++)
		if (is_stream(&f->obj[o[i]])) {
			at[o[i]] = (struct placed){ g->len, 0 };
			g_string_append_printf(g, "%zu 0 obj\n", o[i]);
			g_string_append_len(g, f->obj[o[i]].body,
			    (gssize)f->obj[o[i]].len);
			g_string_append(g, "\nendobj\n");
		}
	n = f->n + object_streams(f, o, m, f->n, at, g);
	xref = g->len;
	for (i = 0, next = 0; i < n + 1; i++) {
		/* the next free object after i */
		for (next = next > i ? next : i + 1; next < f->n &&
		    f->obj[next].used; next++)
			continue;
		if (i == 0 || (i < f->n && !f->obj[i].used))
			xref_entry(x, above, 0, next < f->n ? next : 0, i == 0 ?
			    65535 : 1);
		else if (i == n)
			xref_entry(x, above, 1, xref, 0);
		else if (at[i].stm != 0)
			xref_entry(x, above, 2, at[i].stm, at[i].off);
		else
			xref_entry(x, above, 1, at[i].off, 0);
	}
	g_string_printf(dict, "   /Type /XRef\n   /Size %zu\n   /W [ 1 4 2 ]\n"
	    "   /DecodeParms << /Predictor 12 /Columns %d >>\n", n + 1,
	    XREF_ROW);
	keep_entry(dict, f->trailer, "/Root");
	keep_entry(dict, f->trailer, "/Info");
	keep_entry(dict, f->trailer, "/ID");
	body = wp_pdf_stream_body(dict->str, x->data, x->len, 1, &xlen);
	g_string_append_printf(g, "%zu 0 obj\n", n);
	g_string_append_len(g, body, (gssize)xlen);
	g_string_append_printf(g, "\nendobj\nstartxref\n%zu\n%%%%EOF\n", xref);
	g_free(body);
	g_string_free(dict, TRUE);
	g_byte_array_unref(x);
	free(at);
	free(o);
	*len = g->len;
	*buf = (unsigned char *)g_string_free(g, FALSE);
}
