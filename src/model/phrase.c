/*
 * phrase: display text cut into phrases (phrase.h says what a phrase
 * is and why).  ICU gives the dictionary words; the rules below join
 * them into phrases, each rule a case a Japanese setter would not break.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <unicode/ubrk.h>
#include <unicode/utf16.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "model/phrase.h"

/* Kanji and katakana words join into a compound; one longer than this
 * many characters may break where kanji and katakana meet, between
 * words of two characters or more (情報|セキュリティ|要求事項). */
#define COMPOUND_MAX	10

/* A text without the writer's marks, and what the marks said. */
struct marked {
	uint32_t	*c;
	size_t		 n;
	char		*mark;		/* before c[i]: 0, or one of the marks */
};

static void
unmark(const char *s, struct marked *m)
{
	uint32_t	*cp;
	size_t		 n = wp_utf8_decode(s, strlen(s), &cp, NULL), i;

	m->c = wp_calloc(n + 1, sizeof(*m->c));
	m->mark = wp_calloc(n + 1, 1);
	m->n = 0;
	for (i = 0; i < n; i++) {
		if (cp[i] == WP_PHRASE_BREAK)
			m->mark[m->n] = 'b';
		else if (cp[i] == WP_PHRASE_JOIN)
			m->mark[m->n] = 'j';
		else if (cp[i] == WP_PHRASE_LINE)
			m->mark[m->n] = 'l';
		else
			m->c[m->n++] = cp[i];
	}
	free(cp);
}

static int
kind(uint32_t c)
{
	return wp_char_kind(c);
}

static int
is_ascii_word(uint32_t c)
{
	return c > ' ' && c < 0x7F;
}

static int
is_content(uint32_t c)
{
	return kind(c) == WP_CH_KANJI || kind(c) == WP_CH_KATAKANA;
}

/*
 * The word boundaries of c[0..n) by ICU's dictionary (locale ja), as a
 * flag before each character; 1 before the first.
 */
static char *
words(const uint32_t *c, size_t n)
{
	UChar		*u = wp_calloc(2 * n + 1, sizeof(*u));
	int32_t		*at = wp_calloc(2 * n + 2, sizeof(*at));
	char		*wb = wp_calloc(n + 1, 1);
	int32_t		 len = 0, b;
	UErrorCode	 err = U_ZERO_ERROR;
	UBreakIterator	*bi;

	for (size_t i = 0; i < n; i++) {
		at[len] = (int32_t)i;
		U16_APPEND_UNSAFE(u, len, c[i] < 0x110000 ? c[i] : 0xFFFD);
		at[len - 1] = (int32_t)i;
	}
	at[len] = (int32_t)n;
	bi = ubrk_open(UBRK_WORD, "ja", u, len, &err);
	if (U_FAILURE(err)) {
		/* no dictionary: every character a word, every rule below
		 * still applied */
		memset(wb, 1, n);
	} else {
		for (b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
			wb[at[b]] = 1;
		ubrk_close(bi);
	}
	/* ICU's dictionary cuts loanwords into pieces (コン|ピ|ュ|ー|ティン|グ):
	 * a run of katakana is one word here */
	for (size_t i = 1; i < n; i++)
		if (kind(c[i - 1]) == WP_CH_KATAKANA &&
		    kind(c[i]) == WP_CH_KATAKANA)
			wb[i] = 0;
	wb[0] = 1;
	free(at);
	free(u);
	return wb;
}

/* A word: c[a..b). */
struct word {
	size_t		 a, b;
};

/*
 * Whether a phrase may end between word p and word w (prev the word
 * before p, or NULL).  Kanji and katakana words are joined here;
 * compounds() parts the long ones.
 */
static int
may_break(const uint32_t *c, const struct word *prev, const struct word *p,
    const struct word *w)
{
	uint32_t	 last = c[p->b - 1], first = c[w->a];

	if (kind(first) == WP_CH_SPACE || kind(first) == WP_CH_HIRAGANA ||
	    wp_no_line_start(first) || wp_is_open(last))
		return 0;		/* a space: after it, not before */
	if (kind(last) == WP_CH_SPACE)	/* IIJ SMX, ISO/IEC 27017 */
		return !(prev != NULL && is_ascii_word(c[prev->b - 1]) &&
		    is_ascii_word(first));
	if ((is_ascii_word(last) || is_content(last)) && is_ascii_word(first))
		return 0;		/* ISO/IEC, 2.1, 電子@連絡帳 */
	if (is_ascii_word(last) && is_content(first))
		return 0;		/* MXサービス, 14箇条 */
	return !(is_content(last) && is_content(first));
}

/*
 * Parts each compound of kanji and katakana longer than COMPOUND_MAX
 * where the two scripts meet between words of two characters or more;
 * wb flags the word starts, ps the phrase starts.
 */
static void
compounds(const uint32_t *c, size_t n, const char *wb, char *ps)
{
	size_t	 i = 0, s, k, a, b;

	while (i < n) {
		if (!is_content(c[i])) {
			i++;
			continue;
		}
		for (s = i++; i < n && is_content(c[i]) && !ps[i]; i++)
			continue;
		if (i - s <= COMPOUND_MAX)
			continue;
		for (k = s + 1; k < i; k++) {
			if (!wb[k] || (kind(c[k - 1]) == WP_CH_KATAKANA) ==
			    (kind(c[k]) == WP_CH_KATAKANA))
				continue;
			for (a = k - 1; a > s && !wb[a]; a--)
				continue;
			for (b = k + 1; b < i && !wb[b]; b++)
				continue;
			if (k - a >= 2 && b - k >= 2)
				ps[k] = 1;
		}
	}
}

/* Clears the phrase starts inside each occurrence of a kept string. */
static void
keep_whole(const struct marked *m, const char *const *keep, char *ps)
{
	for (; keep != NULL && *keep != NULL; keep++) {
		uint32_t	*k;
		size_t		 nk = wp_utf8_decode(*keep, strlen(*keep), &k,
				    NULL);

		for (size_t i = 0; nk > 1 && i + nk <= m->n; i++)
			if (memcmp(m->c + i, k, nk * sizeof(*k)) == 0)
				memset(ps + i + 1, 0, nk - 1);
		free(k);
	}
}

/* Where phrases begin: a flag before each character of m. */
static char *
phrase_starts(const struct marked *m, const char *const *keep)
{
	char		*wb = words(m->c, m->n), *ps = wp_calloc(m->n + 1, 1);
	struct word	 prev = { 0, 0 }, p = { 0, 0 }, w;
	size_t		 i;

	for (i = 0; i < m->n; i = w.b) {
		w.a = i;
		for (w.b = i + 1; w.b < m->n && !wb[w.b]; w.b++)
			continue;
		if (i > 0)
			ps[i] = (char)may_break(m->c, i > p.b - p.a ? &prev :
			    NULL, &p, &w);
		prev = p;
		p = w;
	}
	compounds(m->c, m->n, wb, ps);
	keep_whole(m, keep, ps);
	free(wb);
	for (i = 1; i < m->n; i++)
		if (m->mark[i] == 'b' || m->mark[i] == 'l')
			ps[i] = 1;
		else if (m->mark[i] == 'j')
			ps[i] = 0;
	return ps;
}

char *
wp_phrases(const char *s, const char *const *keep)
{
	struct marked	 m;
	char		*ps, *out, *o;

	unmark(s, &m);
	ps = phrase_starts(&m, keep);
	out = o = wp_calloc(m.n * 8 + 1, 1);
	for (size_t i = 0; i < m.n; i++) {
		if (i > 0 && ps[i])
			o += wp_utf8_put(o, m.mark[i] == 'l' ?
			    WP_PHRASE_LINE : WP_PHRASE_BREAK);
		o += wp_utf8_put(o, m.c[i]);
	}
	free(ps);
	free(m.c);
	free(m.mark);
	return out;
}

char *
wp_phrase_plain(const char *s)
{
	struct marked	 m;
	char		*out, *o;

	unmark(s, &m);
	out = o = wp_calloc(m.n * 4 + 1, 1);
	for (size_t i = 0; i < m.n; i++)
		o += wp_utf8_put(o, m.c[i]);
	free(m.c);
	free(m.mark);
	return out;
}

/* ---- the model's display strings --------------------------------------- */

/* The display strings: element and attribute (NULL: its text). */
static const struct {
	const char	*element, *attribute;
} display[] = {
	{ "title", NULL },		/* meta and colophon: the title */
	{ "toc", "title" }, { "history", "title" }, { "section", "title" },
	{ "controls", "title" }, { "chapter", "title" }, { "clause", "title" },
	{ "column", NULL },		/* the history's column heads */
	{ "caption", NULL }, { "layer", "label" }, { "item", NULL },
	{ "base", "label" }, { "addition", "label" },
};

/* Whether an element holds text only (a heading cell may hold more). */
static int
text_only(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (c->type != XML_TEXT_NODE)
			return 0;
	return 1;
}

/* Strings a memo holds before it starts again (a watch would keep
 * every heading a writer ever typed). */
#define MEMO_MAX	4096

struct wp_phrase_memo {
	GHashTable	*map;	/* GBytes s, keep -> char * phrased */
};

struct wp_phrase_memo *
wp_phrase_memo_new(void)
{
	struct wp_phrase_memo *m = wp_calloc(1, sizeof(*m));

	m->map = g_hash_table_new_full(g_bytes_hash, g_bytes_equal,
	    (GDestroyNotify)g_bytes_unref, free);
	return m;
}

void
wp_phrase_memo_free(struct wp_phrase_memo *m)
{
	if (m == NULL)
		return;
	g_hash_table_destroy(m->map);
	free(m);
}

/* wp_phrases(s, keep) (keep of two names at most), from memo when it
 * has them; a new string. */
static char *
phrased(struct wp_phrase_memo *memo, const char *s, const char *const *keep)
{
	GString	*k;
	GBytes	*key;
	char	*ph;

	if (memo == NULL)
		return wp_phrases(s, keep);
	k = g_string_new_len(s, (gssize)strlen(s) + 1);
	for (int i = 0; i < 2 && keep[i] != NULL; i++)
		g_string_append_len(k, keep[i], (gssize)strlen(keep[i]) + 1);
	key = g_string_free_to_bytes(k);
	if ((ph = g_hash_table_lookup(memo->map, key)) != NULL) {
		g_bytes_unref(key);
		return wp_strdup(ph);
	}
	if (g_hash_table_size(memo->map) >= MEMO_MAX)
		g_hash_table_remove_all(memo->map);
	ph = wp_phrases(s, keep);
	g_hash_table_insert(memo->map, key, wp_strdup(ph));
	return ph;
}

static void
companion(xmlNodePtr n, const char *attribute, const char *const *keep,
    struct wp_phrase_memo *memo)
{
	xmlChar		*v = attribute != NULL ?
			    xmlGetProp(n, BAD_CAST attribute) :
			    xmlNodeGetContent(n);
	char		*ph, *plain, name[64];

	if (v == NULL)
		return;
	ph = phrased(memo, (const char *)v, keep);
	plain = wp_phrase_plain((const char *)v);
	if (attribute != NULL) {
		snprintf(name, sizeof(name), "%s-wbr", attribute);
		xmlSetProp(n, BAD_CAST attribute, BAD_CAST plain);
		xmlSetProp(n, BAD_CAST name, BAD_CAST ph);
	} else {
		if (strcmp(plain, (const char *)v) != 0)
			xmlNodeSetContent(n, BAD_CAST plain);
		xmlSetProp(n, BAD_CAST "wbr", BAD_CAST ph);
	}
	free(plain);
	free(ph);
	xmlFree(v);
}

static void
walk(xmlNodePtr n, const char *const *keep, struct wp_phrase_memo *memo)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (size_t i = 0; i < sizeof(display) / sizeof(*display); i++)
			if (strcmp((const char *)n->name,
			    display[i].element) == 0 &&
			    (display[i].attribute != NULL || text_only(n)))
				companion(n, display[i].attribute, keep, memo);
		walk(n->children, keep, memo);
	}
}

void
wp_phrase_model(xmlDocPtr doc, struct wp_phrase_memo *memo)
{
	xmlNodePtr	 root = xmlDocGetRootElement(doc), meta, n;
	char		*keep[3] = { NULL, NULL, NULL };
	size_t		 k = 0;

	/* the service's names are never broken */
	meta = root != NULL ? root->children : NULL;
	while (meta != NULL && (meta->type != XML_ELEMENT_NODE ||
	    strcmp((const char *)meta->name, "meta") != 0))
		meta = meta->next;
	for (n = meta != NULL ? meta->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && k < 2 &&
		    (strcmp((const char *)n->name, "name") == 0 ||
		    strcmp((const char *)n->name, "short-name") == 0))
			keep[k++] = (char *)xmlNodeGetContent(n);
	walk(root, (const char *const *)keep, memo);
	for (k = 0; k < 2; k++)
		xmlFree(keep[k]);
}
