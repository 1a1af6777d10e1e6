/*
 * validate: the content rules.  Each check reports through diag with the
 * line of the offending element and keeps going, so one run lists every
 * error a writer has to fix.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/relaxng.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "check/validate.h"

/* A name seen once already, and where: for "answered twice" checks. */
struct seen {
	xmlChar	*name;
	long	 line;
};

struct seenset {
	struct seen	*v;
	size_t		 n, cap;
};

/* Returns the line of an earlier entry with the same name, or 0 after
 * adding this one. */
static long
seen_add(struct seenset *s, xmlChar *name, long line)
{
	for (size_t i = 0; i < s->n; i++)
		if (xmlStrEqual(s->v[i].name, name))
			return s->v[i].line;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		struct seen *v = wp_malloc(s->cap * sizeof(*v));
		if (s->n)
			memcpy(v, s->v, s->n * sizeof(*v));
		free(s->v);
		s->v = v;
	}
	s->v[s->n].name = name;
	s->v[s->n++].line = line;
	return 0;
}

/* The entry with this name, or NULL. */
static const struct seen *
seen_find(const struct seenset *s, const xmlChar *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (xmlStrEqual(s->v[i].name, name))
			return &s->v[i];
	return NULL;
}

static int
seen_has(const struct seenset *s, const xmlChar *name)
{
	return seen_find(s, name) != NULL;
}

static void
seen_free(struct seenset *s)
{
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

static long
line(xmlNodePtr n)
{
	return xmlGetLineNo(n);
}

/*
 * What the rules said, element by element, of the file being checked,
 * so that the schema's terser findings about the same go unsaid
 * (schema.h).  One file is checked at a time in a thread.
 */
static _Thread_local struct wp_explained *marks;

static void
mark(const xmlNode *n, int what, const char *attr)
{
	wp_explain(marks, n, what, attr);
}

/* The catalogue's <control> with this id, or NULL. */
static xmlNodePtr
catalogue_find(const struct wp_templates *t, const char *id)
{
	xmlNodePtr	 root = xmlDocGetRootElement(t->catalogue);

	for (xmlNodePtr ch = root ? root->children : NULL; ch; ch = ch->next) {
		if (!wp_xml_is(ch, "chapter"))
			continue;
		for (xmlNodePtr c = ch->children; c; c = c->next) {
			xmlChar *cid = wp_xml_is(c, "control") ?
			    xmlGetProp(c, BAD_CAST "id") : NULL;
			int hit = cid != NULL && xmlStrEqual(cid, BAD_CAST id);
			xmlFree(cid);
			if (hit)
				return c;
		}
	}
	return NULL;
}

int
wp_validate_control(const struct wp_templates *t, const char *id,
    char *hint, size_t n)
{
	char	 canon[64];
	size_t	 j = 0;

	if (catalogue_find(t, id) != NULL)
		return 1;
	/* "CLD 9.5.2", "CLD9.5.2", "cld.9.5.2" all mean CLD.9.5.2. */
	for (const char *s = id; *s != '\0' && j + 2 < sizeof(canon); s++) {
		if (isspace((unsigned char)*s))
			continue;
		canon[j++] = (char)toupper((unsigned char)*s);
		if (j == 3 && strncmp(canon, "CLD", 3) == 0 && s[1] != '.')
			canon[j++] = '.';
	}
	canon[j] = '\0';
	if (strcmp(canon, id) != 0 && catalogue_find(t, canon) != NULL) {
		snprintf(hint, n, "write it as %s", canon);
		return 0;
	}
	if (strncmp(canon, "CLD.", 4) != 0 && j + 4 < sizeof(canon)) {
		char cld[72];
		snprintf(cld, sizeof(cld), "CLD.%s", canon);
		if (catalogue_find(t, cld) != NULL) {
			snprintf(hint, n, "write it as %s", cld);
			return 0;
		}
	}
	snprintf(hint, n, "the catalogue templates/iso27017/catalogue.xml "
	    "has no such control");
	return 0;
}

int
wp_validate_id(const char *s)
{
	size_t	 n = strlen(s);

	if (n == 0 || n > WP_MAX_NAME || s[0] == '-')
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

int
wp_validate_file_part(const char *s)
{
	size_t	 n = strlen(s);

	if (n == 0 || n > WP_MAX_NAME || !isalnum((unsigned char)s[0]))
		return 0;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789.-_") == n;
}

int
wp_validate_date(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 y, m, d, len = -1;

	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &len) != 3 ||
	    len != 10 || s[len] != '\0')
		return 0;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

int
wp_validate_version_cmp(const char *a, const char *b)
{
	long	 amaj = strtol(a, NULL, 10), bmaj = strtol(b, NULL, 10);
	const char *ad = strchr(a, '.'), *bd = strchr(b, '.');
	long	 amin = ad ? strtol(ad + 1, NULL, 10) : 0;
	long	 bmin = bd ? strtol(bd + 1, NULL, 10) : 0;

	if (amaj != bmaj)
		return amaj < bmaj ? -1 : 1;
	return amin < bmin ? -1 : amin > bmin;
}

/* "1.12": digits, a dot, digits (revisions.rng). */
static int
is_version(const char *v)
{
	size_t	 d = strspn(v, "0123456789");

	return d > 0 && v[d] == '.' && v[d + 1] != '\0' &&
	    strspn(v + d + 1, "0123456789") == strlen(v + d + 1);
}

/* ---- limits ----------------------------------------------------------- */

#define MANY_COLUMNS	10000	/* where counting a row's columns stops */

static const char *const inline_names[] = { "em", "link", "name", "xref", "br",
    "paged" };

/* Elements that hold running text, and what a writer calls them. */
static const char *const para_names[][2] = {
	{ "p", "paragraph" }, { "li", "list item" }, { "td", "table cell" },
	{ "th", "table cell" }, { "caption", "table caption" },
	{ "remark", "revision remark" }, { "change", "revision change" },
};

/* Elements and attributes that hold a name, a title or a label. */
static const char *const short_names[] = {
	"item", "name", "short-name", "document-number", "publisher", "title",
	"date-format", "document-kind", "title-pattern", "overview-title",
	"responsibility-title", "documents-title", "customer-label",
	"provider-label", "keywords",
};
static const char *const short_attrs[] = { "title", "label", "web" };

static int
in(const xmlChar *name, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (xmlStrEqual(name, BAD_CAST v[i]))
			return 1;
	return 0;
}
#define IN(name, v)	in((name), (v), sizeof(v) / sizeof((v)[0]))

/*
 * What an element shows, in characters, as the typesetter will meet it:
 * its text, a link's address where the link has no text of its own,
 * the service's name for each <name/> and at most a clause's number and
 * title for each <xref/>.  (Counting only the text let a 200,000-letter
 * address through, which took minutes to set.)
 */
struct shown {
	long	 full, shorter;		/* the name's forms, in characters */
};

static long
text_length(xmlNodePtr n, const struct shown *sh)
{
	long	 len = 0;

	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			len += xmlUTF8Strlen(c->content);
		else if (wp_xml_is(c, "name"))
			len += sh->full + sh->shorter + 8;	/* "defining" */
		else if (wp_xml_is(c, "xref"))
			len += WP_MAX_NAME + 16;
		else if (wp_xml_is(c, "link") && c->children == NULL) {
			xmlChar *href = xmlGetProp(c, BAD_CAST "href");
			len += href != NULL ? xmlUTF8Strlen(href) : 0;
			xmlFree(href);
		} else if (c->type == XML_ELEMENT_NODE &&
		    IN(c->name, inline_names))
			len += text_length(c, sh);
	}
	return len;
}

/* The lengths of a service's names, from its service.xml root. */
static void
shown_names(xmlNodePtr root, struct shown *sh)
{
	xmlChar	*full = xmlNodeGetContent(wp_xml_child(root, "name"));
	xmlChar	*sn = xmlNodeGetContent(wp_xml_child(root, "short-name"));

	sh->full = full != NULL ? xmlUTF8Strlen(full) : 0;
	sh->shorter = sn != NULL ? xmlUTF8Strlen(sn) : sh->full;
	xmlFree(full);
	xmlFree(sn);
}

/*
 * Columns of a table row: the sum of its cells' spans, counted up to
 * just past the limit (a span of 10^20 must not overflow anything).
 */
static long
row_columns(xmlNodePtr tr)
{
	long	 cols = 0;

	for (xmlNodePtr c = tr->children; c != NULL; c = c->next) {
		if (!wp_xml_is(c, "td") && !wp_xml_is(c, "th"))
			continue;
		xmlChar *span = xmlGetProp(c, BAD_CAST "colspan");
		long n = span != NULL ? strtol((char *)span, NULL, 10) : 1;
		xmlFree(span);
		/* The schema rejects spans below 1; they count as 1 here. */
		cols += n < 1 ? 1 : n > MANY_COLUMNS ? MANY_COLUMNS : n;
		if (cols > MANY_COLUMNS)
			cols = MANY_COLUMNS;
	}
	return cols;
}

/* Said once a table, at its first row too wide. */
static void
check_table(const char *file, xmlNodePtr table)
{
	for (xmlNodePtr tr = table->children; tr != NULL; tr = tr->next) {
		long cols = wp_xml_is(tr, "tr") ? row_columns(tr) : 0;
		char count[32];
		if (cols <= WP_MAX_COLUMNS)
			continue;
		if (cols >= MANY_COLUMNS)
			snprintf(count, sizeof(count), "over %d", MANY_COLUMNS - 1);
		else
			snprintf(count, sizeof(count), "%ld", cols);
		wp_msg(MSG_COLUMNS, file, line(tr), count, WP_MAX_COLUMNS);
		return;
	}
}

static void
check_name_length(const char *file, xmlNodePtr n, const char *what,
    const xmlChar *text)
{
	long	 len = xmlUTF8Strlen(text);

	if (len > WP_MAX_NAME)
		wp_msg(MSG_NAME_LONG, file, line(n), what, len, (long)WP_MAX_NAME);
}

/*
 * The schema says the same, tersely ("failed to validate attributes"):
 * a javascript: or file: address must never reach the HTML or the PDF.
 */
static void
check_link(const char *file, xmlNodePtr n)
{
	static const char *const schemes[] = { "https:", "http:", "mailto:" };
	xmlChar		*href = xmlGetProp(n, BAD_CAST "href");
	const char	*h = (const char *)href;
	int		 ok = 0;

	if (href == NULL)
		return;
	while (*h == ' ' || *h == '\t' || *h == '\n' || *h == '\r')
		h++;
	for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (strncmp(h, schemes[i], strlen(schemes[i])) == 0 &&
		    h[strlen(schemes[i])] != '\0')
			ok = 1;
	if (!ok) {
		/* Enough to recognise it (an address can be long), cut
		 * between two UTF-8 characters. */
		char shown[64];
		size_t cut = sizeof(shown) - 4;
		snprintf(shown, sizeof(shown), "%s", h);
		if (strlen(h) >= sizeof(shown)) {
			while (cut > 0 && ((unsigned char)shown[cut] & 0xC0) == 0x80)
				cut--;
			memcpy(shown + cut, "...", 4);
		}
		wp_msg(MSG_LINK, file, line(n), shown);
		mark(n, WP_X_ATTR, "href");
	}
	xmlFree(href);
}

/*
 * Rules on each element: link addresses, and sizes a typesetter could
 * choke on, all far above any real content (see validate.h).  depth
 * counts the lists n is in.
 */
static void
check_elements(const char *file, xmlNodePtr n, int depth,
    const struct shown *sh)
{
	for (; n != NULL; n = n->next) {
		int d = depth;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (size_t i = 0; i < sizeof(para_names) / sizeof(para_names[0]); i++) {
			long len;
			if (!wp_xml_is(n, para_names[i][0]) ||
			    (len = text_length(n, sh)) <= WP_MAX_PARA)
				continue;
			wp_msg(MSG_TOO_LONG, file, line(n), para_names[i][1],
			    len, (long)WP_MAX_PARA);
		}
		if (IN(n->name, short_names) && n->children != NULL) {
			char what[64];
			xmlChar *text = xmlNodeGetContent(n);
			snprintf(what, sizeof(what), "<%s>", (const char *)n->name);
			check_name_length(file, n, what, text);
			xmlFree(text);
		}
		for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
			char what[64];
			xmlChar *v;
			if (!IN(a->name, short_attrs))
				continue;
			v = xmlNodeListGetString(n->doc, a->children, 1);
			snprintf(what, sizeof(what), "the %s attribute",
			    (const char *)a->name);
			check_name_length(file, n, what, v != NULL ? v : BAD_CAST "");
			xmlFree(v);
		}
		if (wp_xml_is(n, "table"))
			check_table(file, n);
		if (wp_xml_is(n, "link"))
			check_link(file, n);
		if (wp_xml_is(n, "ul") || wp_xml_is(n, "ol")) {
			if (++d > WP_MAX_NESTING) {
				/* Said once, at the first list too deep. */
				wp_msg(MSG_NESTED, file, line(n), d,
				    WP_MAX_NESTING);
				continue;
			}
		}
		check_elements(file, n->children, d, sh);
	}
}

/*
 * Characters that are invisible and change how text reads or what it
 * is: the bidirectional embeddings, overrides and isolates (a line that
 * shows one thing and stores another), the C1 controls (pasted from
 * legacy encodings), and the noncharacters, which Unicode keeps for a
 * program's own use (wpgen's fonts map some to glyphs of their own,
 * scripts/subset-fonts).  XML allows them; content does not.  Returns
 * what the character is, or NULL.
 */
static const char *
invisible(gunichar c)
{
	if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
		return "an invisible bidirectional control";
	if (c >= 0x80 && c <= 0x9F)
		return "a C1 control character";
	if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
		return "a noncharacter (Unicode keeps it for programs' own "
		    "use)";
	return NULL;
}

/* Reports the first invisible character of a text, at its own line. */
static void
check_chars(const char *file, long line, const xmlChar *text)
{
	const char	*p = (const char *)text;

	for (; p != NULL && *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		const char *what;
		if (c == '\n')
			line++;
		if ((what = invisible(c)) != NULL) {
			wp_msg(MSG_INVISIBLE, file, line, (unsigned)c, what);
			return;
		}
	}
}

/* Every text and attribute of a content file, for invisible characters. */
static void
check_text(const char *file, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			check_chars(file, xmlGetLineNo(n), n->content);
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
			xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
			check_chars(file, line(n), v);
			xmlFree(v);
		}
		check_text(file, n->children);
	}
}

/* A control out of scope is neither answered nor marked out twice. */
static void
check_scope(xmlNodePtr answers, const char *file,
    const struct seenset *answered)
{
	struct seenset	 out = { 0 };
	xmlNodePtr	 n;

	for (n = answers ? answers->children : NULL; n; n = n->next) {
		xmlChar *c;
		const struct seen *a;
		long first;
		if (!wp_xml_is(n, "out-of-scope") ||
		    (c = xmlGetProp(n, BAD_CAST "control")) == NULL)
			continue;
		if ((a = seen_find(answered, c)) != NULL)
			wp_msg(MSG_SCOPE_ANSWERED, file, line(n), c, a->line);
		if ((first = seen_add(&out, c, line(n))) != 0) {
			wp_msg(MSG_SCOPE_TWICE, file, line(n), c, first);
			mark(n, WP_X_ATTR, "control");
			xmlFree(c);
		}
	}
	for (size_t i = 0; i < out.n; i++)
		xmlFree(out.v[i].name);
	seen_free(&out);
}

/* Every control attribute names a catalogue control; xrefs must land. */
static void
check_refs(const struct wp_templates *t, xmlNodePtr n, const char *file,
    const struct seenset *answered)
{
	char	 hint[160];

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *c = xmlGetProp(n, BAD_CAST "control");
		char *save = NULL, *one;
		/* a revision's row may name several, between spaces */
		for (one = c != NULL && !wp_xml_is(n, "answer") ?
		    strtok_r((char *)c, " \t\n", &save) : NULL; one != NULL;
		    one = strtok_r(NULL, " \t\n", &save))
			if (!wp_validate_control(t, one, hint, sizeof(hint))) {
				wp_msg(MSG_CONTROL_UNKNOWN, file, line(n), one,
				    hint);
				mark(n, WP_X_ATTR, "control");
			} else if (wp_xml_is(n, "xref") &&
			    !seen_has(answered, BAD_CAST one))
				wp_msg(MSG_XREF_MISSING, file, line(n), one);
		xmlFree(c);
		check_refs(t, n->children, file, answered);
	}
}

static void
collect_keys(xmlNodePtr n, struct seenset *keys)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *k = xmlGetProp(n, BAD_CAST "key");
		if (k != NULL)
			seen_add(keys, k, line(n));
		collect_keys(n->children, keys);
	}
}

static void
check_boilerplate(const struct wp_templates *t, xmlNodePtr bp, const char *file)
{
	struct seenset	 known = { 0 }, used = { 0 };
	static const char *const generated[] = { "cover", "history", "backmatter" };

	collect_keys(xmlDocGetRootElement(t->boilerplate), &known);
	for (size_t i = 0; i < sizeof(generated) / sizeof(generated[0]); i++)
		seen_add(&known, xmlStrdup(BAD_CAST generated[i]), 0);
	for (xmlNodePtr c = bp != NULL ? bp->children : NULL; c; c = c->next) {
		xmlChar *k = c->type == XML_ELEMENT_NODE ?
		    xmlGetProp(c, BAD_CAST "key") : NULL;
		if (k == NULL)
			continue;
		long first;
		if (!seen_has(&known, k)) {
			wp_msg(MSG_KEY_UNKNOWN, file, line(c), k);
			mark(c, WP_X_ATTR, "key");
		}
		if ((first = seen_add(&used, k, line(c))) != 0) {
			wp_msg(MSG_KEY_TWICE, file, line(c), k, first);
			xmlFree(k);
		}
	}
	for (size_t i = 0; i < known.n; i++)
		xmlFree(known.v[i].name);
	for (size_t i = 0; i < used.n; i++)
		xmlFree(used.v[i].name);
	seen_free(&known);
	seen_free(&used);
}

/*
 * The publisher is named once: by <publisher> or in <settings>; merge.xsl
 * would take the first and ignore the other.
 */
static void
check_publisher(const char *file, xmlNodePtr root)
{
	xmlNodePtr	 own = wp_xml_child(root, "publisher");
	xmlNodePtr	 set = wp_xml_child(wp_xml_child(root, "settings"),
			    "publisher");

	if (own != NULL && set != NULL) {
		wp_msg(MSG_SETTING_TWICE, file, line(set), "publisher",
		    line(own));
		mark(set, WP_X_CONTENT, NULL);
	}
}

static void
check_service(const struct wp_templates *t, const struct wp_service *s,
    struct seenset *answered, const struct shown *sh)
{
	xmlNodePtr	 root = xmlDocGetRootElement(s->service);
	const char	*file = s->service_path;
	char		 hint[160];

	if (!wp_xml_is(root, "service")) {
		wp_msg(MSG_SCHEMA, file, line(root), "the root element must be "
		    "<service id=\"...\"> (see templates/schema/service.rng)");
		return;
	}
	/* Say plainly what is missing before the schema says it tersely. */
	static const char *const required[][2] = {
		{ "name", "the service's full name, e.g. <name>IIJ セキュア MXサービス</name>" },
		{ "overview", "the service overview with <responsibility> and <documents>" },
		{ "answers", "one <answer control=\"...\"> per control" },
	};
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (wp_xml_child(root, required[i][0]) == NULL) {
			wp_msg(MSG_MISSING, file, line(root), required[i][0],
			    required[i][1]);
			mark(root, WP_X_CONTENT, NULL);
		}

	xmlChar *id = xmlGetProp(root, BAD_CAST "id");
	if (id != NULL && strcmp((char *)id, s->id) != 0) {
		wp_msg(MSG_ID_FOLDER, file, line(root), id, s->id);
		mark(root, WP_X_ATTR, "id");
	}
	xmlFree(id);
	xmlNodePtr num = wp_xml_child(root, "document-number");
	if (num != NULL) {
		xmlChar *v = xmlNodeGetContent(num);
		char *dn = v != NULL ? g_strstrip(g_strdup((char *)v)) : NULL;
		if (dn != NULL && *dn != '\0' && !wp_validate_file_part(dn)) {
			wp_msg(MSG_FILE_NAME, file, line(num),
			    "the document number", dn);
			mark(num, WP_X_CONTENT, NULL);
		}
		g_free(dn);
		xmlFree(v);
	}

	for (xmlNodePtr a = wp_xml_child(wp_xml_child(root, "answers"), "answer"); a; a = a->next) {
		if (!wp_xml_is(a, "answer"))
			continue;
		xmlChar *c = xmlGetProp(a, BAD_CAST "control");
		long first;
		if (c == NULL)
			continue;
		if (!wp_validate_control(t, (char *)c, hint, sizeof(hint))) {
			wp_msg(MSG_CONTROL_UNKNOWN, file, line(a), c, hint);
			mark(a, WP_X_ATTR, "control");
		}
		if ((first = seen_add(answered, c, line(a))) != 0) {
			wp_msg(MSG_CONTROL_TWICE, file, line(a), c, first);
			xmlFree(c);
		}
	}
	check_scope(wp_xml_child(root, "answers"), file, answered);
	check_refs(t, root->children, file, answered);
	check_boilerplate(t, wp_xml_child(root, "boilerplate"), file);
	check_publisher(file, root);
	wp_check_settings(file, wp_xml_child(root, "settings"), 1, marks);
	check_elements(file, root, 0, sh);
	check_text(file, root);
	/* last: what the rules said better, it need not say */
	wp_schema_check(t->service_rng, s->service, file, marks);
}

/* What rows.c asks about a control. */
struct rows_arg {
	const struct wp_templates	*t;
	const struct seenset		*answered;
};

/* Whether a control is answered: 1 or 0, or -1 when the catalogue has
 * no such control (check_refs() said so). */
static int
answered_is(const char *control, void *arg)
{
	const struct rows_arg	*a = arg;
	char			 hint[160];

	if (!wp_validate_control(a->t, control, hint, sizeof(hint)))
		return -1;
	return seen_has(a->answered, BAD_CAST control);
}

static void
check_revisions(const struct wp_templates *t, const struct wp_service *s,
    const struct seenset *answered, const struct shown *sh)
{
	xmlNodePtr	 root = xmlDocGetRootElement(s->revisions);
	const char	*file = s->revisions_path;
	xmlChar		*pver = NULL, *pdate = NULL;

	if (!wp_xml_is(root, "revisions")) {
		wp_msg(MSG_SCHEMA, file, line(root), "the root element must be "
		    "<revisions> (see templates/schema/revisions.rng)");
		return;
	}
	for (xmlNodePtr r = root->children; r; r = r->next) {
		if (!wp_xml_is(r, "revision"))
			continue;
		xmlChar *ver = xmlGetProp(r, BAD_CAST "version");
		xmlChar *date = xmlGetProp(r, BAD_CAST "date");
		if (date != NULL && !wp_validate_date((char *)date)) {
			wp_msg(MSG_DATE_INVALID, file, line(r), date);
			mark(r, WP_X_ATTR, "date");
			xmlFree(date);
			date = NULL;
		}
		/* a version that is no number the schema check says so */
		if (ver != NULL && !is_version((char *)ver)) {
			xmlFree(ver);
			ver = NULL;
		}
		if (ver != NULL && pver != NULL &&
		    wp_validate_version_cmp((char *)ver, (char *)pver) <= 0)
			wp_msg(MSG_VERSION_ORDER, file, line(r), ver, pver);
		if (date != NULL && pdate != NULL &&
		    strcmp((char *)date, (char *)pdate) < 0)
			wp_msg(MSG_DATE_ORDER, file, line(r), date, pdate);
		if (ver != NULL) {
			xmlFree(pver);
			pver = ver;
		}
		if (date != NULL) {
			xmlFree(pdate);
			pdate = date;
		}
	}
	xmlFree(pver);
	xmlFree(pdate);
	check_refs(t, root->children, file, answered);
	if (s->service != NULL) {
		struct rows_arg ra = { t, answered };
		wp_check_rows(file, root, answered_is, &ra);
	}
	check_elements(file, root, 0, sh);
	check_text(file, root);
	wp_schema_check(t->revisions_rng, s->revisions, file, marks);
}

int
wp_validate(const struct wp_templates *t, const struct wp_service *s)
{
	int			 before = wp_diag_errors();
	struct seenset		 answered = { 0 };
	struct shown		 sh = { 0, 0 };
	struct wp_explained	 x = { NULL, 0, 0 };

	marks = &x;
	if (s->service != NULL) {
		shown_names(xmlDocGetRootElement(s->service), &sh);
		check_service(t, s, &answered, &sh);
	}
	wp_explained_free(&x);
	if (s->revisions != NULL)
		check_revisions(t, s, &answered, &sh);
	wp_explained_free(&x);
	marks = NULL;
	for (size_t i = 0; i < answered.n; i++)
		xmlFree(answered.v[i].name);
	seen_free(&answered);
	return wp_diag_errors() - before;
}
