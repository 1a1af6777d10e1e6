/*
 * json: writing a JSON string, and reading the JSON wpgen wrote.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/json.h"

/* The length of the UTF-8 sequence at s (at most n bytes), 0 if s does
 * not start one: overlong forms and surrogates are not UTF-8 either. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t		 len, i;
	unsigned	 c;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, c = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, c = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10FFFF)))
		return 0;
	return len;
}

char *
wp_json_quote(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t		 n, k, len = 0;
	char		*out, *o;

	if (s == NULL)
		return wp_strdup("null");
	n = strlen(s);
	/* at most six bytes ("\u001f", "\ufffd") for each byte of s */
	out = o = wp_reallocarray(NULL, n + 1, 6);
	*o++ = '"';
	for (k = 0; k < n; k += len) {
		len = utf8_len(p + k, n - k);
		if (len == 0) {
			o += sprintf(o, "\\ufffd");
			len = 1;
		} else if (p[k] == '"' || p[k] == '\\') {
			*o++ = '\\';
			*o++ = (char)p[k];
		} else if (p[k] == '\n')
			o += sprintf(o, "\\n");
		else if (p[k] == '\t')
			o += sprintf(o, "\\t");
		else if (p[k] < 0x20 || p[k] == 0x7F)
			o += sprintf(o, "\\u%04x", p[k]);
		else {
			memcpy(o, p + k, len);
			o += len;
		}
	}
	*o++ = '"';
	*o = '\0';
	return out;
}

/* ---- reading ----------------------------------------------------------- */

#define MAX_DEPTH	32

struct reader {
	const char	*s, *end;
};

static void
blanks(struct reader *r)
{
	while (r->s < r->end && (*r->s == ' ' || *r->s == '\n' ||
	    *r->s == '\r' || *r->s == '\t'))
		r->s++;
}

static struct wp_json *
value(struct reader *r, int depth);

/* Four hex digits at s, or -1. */
static long
hex4(const char *s, const char *end)
{
	long	 c = 0;

	if (end - s < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		int d = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' :
		    s[i] >= 'a' && s[i] <= 'f' ? s[i] - 'a' + 10 :
		    s[i] >= 'A' && s[i] <= 'F' ? s[i] - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		c = c * 16 + d;
	}
	return c;
}

/* Writes code point c as UTF-8 at o; returns the bytes written. */
static size_t
put_utf8(char *o, long c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3F));
	o[2] = (char)(0x80 | (c >> 6 & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* A string's text (r->s after its opening quote), or NULL. */
static char *
string(struct reader *r)
{
	/* the text is never longer than its escaped form */
	char	*out = wp_malloc((size_t)(r->end - r->s) + 1), *o = out;
	long	 c, lo;

	while (r->s < r->end && *r->s != '"') {
		if ((unsigned char)*r->s < 0x20)
			goto bad;
		if (*r->s != '\\') {
			*o++ = *r->s++;
			continue;
		}
		if (++r->s == r->end)
			goto bad;
		switch (*r->s++) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			if ((c = hex4(r->s, r->end)) < 0)
				goto bad;
			r->s += 4;
			if (c >= 0xD800 && c <= 0xDBFF && r->end - r->s >= 6 &&
			    r->s[0] == '\\' && r->s[1] == 'u' &&
			    (lo = hex4(r->s + 2, r->end)) >= 0xDC00 &&
			    lo <= 0xDFFF) {
				c = 0x10000 + ((c - 0xD800) << 10) +
				    (lo - 0xDC00);
				r->s += 6;
			} else if (c >= 0xD800 && c <= 0xDFFF)
				c = 0xFFFD;
			o += put_utf8(o, c);
			break;
		default:
			goto bad;
		}
	}
	if (r->s == r->end)
		goto bad;
	r->s++;
	*o = '\0';
	return out;
bad:
	free(out);
	return NULL;
}

static struct wp_json *
node(enum wp_json_type type)
{
	struct wp_json	*v = wp_calloc(1, sizeof(*v));

	v->type = type;
	return v;
}

/* The members or items of an object or array, after its bracket. */
static int
members(struct reader *r, struct wp_json *v, int depth)
{
	char	 close = v->type == WP_JSON_OBJECT ? '}' : ']';
	size_t	 cap = 0, kcap = 0;

	blanks(r);
	if (r->s < r->end && *r->s == close) {
		r->s++;
		return 0;
	}
	for (;;) {
		char *key = NULL;
		struct wp_json *item;
		blanks(r);
		if (v->type == WP_JSON_OBJECT) {
			if (r->s == r->end || *r->s++ != '"' ||
			    (key = string(r)) == NULL)
				return -1;
			blanks(r);
			if (r->s == r->end || *r->s++ != ':') {
				free(key);
				return -1;
			}
		}
		if ((item = value(r, depth + 1)) == NULL) {
			free(key);
			return -1;
		}
		if (key != NULL) {
			v->keys = wp_grow(v->keys, &kcap, v->n,
			    sizeof(*v->keys));
			v->keys[v->n] = key;
		}
		v->v = wp_grow(v->v, &cap, v->n, sizeof(*v->v));
		v->v[v->n++] = item;
		blanks(r);
		if (r->s == r->end)
			return -1;
		if (*r->s == close) {
			r->s++;
			return 0;
		}
		if (*r->s++ != ',')
			return -1;
	}
}

/* The digits at r->s, at least one; their count. */
static size_t
digits(struct reader *r)
{
	size_t	 n = 0;

	while (r->s < r->end && *r->s >= '0' && *r->s <= '9') {
		r->s++;
		n++;
	}
	return n;
}

/* A number as JSON writes it: -?digits(.digits)?([eE][+-]?digits)?;
 * 0, or -1 if there is none at r->s. */
static int
number(struct reader *r)
{
	if (r->s < r->end && *r->s == '-')
		r->s++;
	if (digits(r) == 0)
		return -1;
	if (r->s < r->end && *r->s == '.') {
		r->s++;
		if (digits(r) == 0)
			return -1;
	}
	if (r->s < r->end && (*r->s == 'e' || *r->s == 'E')) {
		r->s++;
		if (r->s < r->end && (*r->s == '+' || *r->s == '-'))
			r->s++;
		if (digits(r) == 0)
			return -1;
	}
	return 0;
}

static struct wp_json *
value(struct reader *r, int depth)
{
	static const struct { const char *word; enum wp_json_type t; int yes; }
	    words[] = { { "null", WP_JSON_NULL, 0 },
	    { "true", WP_JSON_BOOL, 1 }, { "false", WP_JSON_BOOL, 0 } };
	struct wp_json	*v = NULL;
	const char	*start;

	blanks(r);
	if (r->s == r->end || depth > MAX_DEPTH)
		return NULL;
	if (*r->s == '{' || *r->s == '[') {
		v = node(*r->s++ == '{' ? WP_JSON_OBJECT : WP_JSON_ARRAY);
		if (members(r, v, depth) == -1) {
			wp_json_free(v);
			return NULL;
		}
		return v;
	}
	if (*r->s == '"') {
		r->s++;
		v = node(WP_JSON_STRING);
		if ((v->text = string(r)) == NULL) {
			free(v);
			return NULL;
		}
		return v;
	}
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++) {
		size_t n = strlen(words[i].word);
		if ((size_t)(r->end - r->s) >= n &&
		    strncmp(r->s, words[i].word, n) == 0) {
			r->s += n;
			v = node(words[i].t);
			v->yes = words[i].yes;
			return v;
		}
	}
	start = r->s;
	if (number(r) == -1)
		return NULL;
	v = node(WP_JSON_NUMBER);
	v->text = wp_strndup(start, (size_t)(r->s - start));
	return v;
}

struct wp_json *
wp_json_parse(const char *text, size_t len)
{
	struct reader	 r = { text, text + len };
	struct wp_json	*v = value(&r, 0);

	blanks(&r);
	if (v != NULL && r.s != r.end) {
		wp_json_free(v);
		v = NULL;
	}
	return v;
}

void
wp_json_free(struct wp_json *v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < v->n; i++) {
		wp_json_free(v->v[i]);
		if (v->keys != NULL)
			free(v->keys[i]);
	}
	free(v->v);
	free(v->keys);
	free(v->text);
	free(v);
}

const struct wp_json *
wp_json_get(const struct wp_json *o, const char *key)
{
	if (o == NULL || o->type != WP_JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->keys[i], key) == 0)
			return o->v[i];
	return NULL;
}

const char *
wp_json_str(const struct wp_json *v)
{
	return v != NULL && v->type == WP_JSON_STRING ? v->text : NULL;
}
