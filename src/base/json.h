/*
 * json: the little JSON wpgen writes (the release's manifest, the
 * diagnostics of --diagnostic-format=json) and reads back (the previous
 * release's manifest, to compare a re-release with).  Not a general
 * JSON library: no numbers beyond their text, a nesting limit.
 */
#ifndef WP_JSON_H
#define WP_JSON_H

#include <stddef.h>

/*
 * s as a JSON string, quoted, with quotes, backslashes and control
 * characters escaped and any byte that is not part of UTF-8 written as
 * U+FFFD; "null" for NULL.  A new string: the caller frees it.
 */
char	*wp_json_quote(const char *s);

enum wp_json_type {
	WP_JSON_NULL,
	WP_JSON_BOOL,
	WP_JSON_NUMBER,
	WP_JSON_STRING,
	WP_JSON_ARRAY,
	WP_JSON_OBJECT
};

/* A parsed value.  Owned by the tree it is in; free the root. */
struct wp_json {
	enum wp_json_type	 type;
	char			*text;	/* a string's value, a number's text */
	int			 yes;	/* a boolean's value */
	struct wp_json		**v;	/* an array's items, an object's values */
	char			**keys;	/* an object's keys, beside v */
	size_t			 n;
};

/*
 * Parses a JSON document of len bytes.  Returns its root (free it with
 * wp_json_free()), or NULL if it is not JSON or nests deeper than 32.
 */
struct wp_json	*wp_json_parse(const char *text, size_t len);
void		 wp_json_free(struct wp_json *);

/* An object's member called key, or NULL (also when o is no object). */
const struct wp_json *wp_json_get(const struct wp_json *o, const char *key);
/* A string value's text, or NULL (also when v is no string or NULL). */
const char	*wp_json_str(const struct wp_json *v);

#endif
