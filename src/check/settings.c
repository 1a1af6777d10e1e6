/*
 * settings: the publisher's settings (templates/iso27017/settings.xml)
 * and a service's <settings>, checked for what wpgen would otherwise
 * ignore or print as written: a setting it does not know, one set
 * twice, a placeholder that stands for nothing in its pattern, a date
 * format with a letter that is no part of a date.
 */
#include <stdio.h>
#include <string.h>

#include "base/diag.h"
#include "check/validate.h"

#define COMMON	"{name} {short} {version} "

/* Every setting merge.xsl reads, whether a service may set it, and the
 * placeholders its text may hold ("": none; NULL: not a pattern). */
static const struct setting {
	const char	*name;
	int		 service;
	const char	*placeholders;
} settings[] = {
	{ "publisher", 1, NULL },
	{ "document-kind", 1, NULL },
	{ "title-pattern", 1, COMMON },
	{ "date-format", 1, NULL },
	{ "control-label", 0, NULL },
	{ "controls-title", 0, NULL },
	{ "overview-title", 1, COMMON },
	{ "responsibility-title", 1, NULL },
	{ "documents-title", 1, NULL },
	{ "out-of-scope-title", 1, NULL },
	{ "history-title", 0, NULL },
	{ "history-columns", 0, NULL },
	{ "toc-title", 0, NULL },
	{ "figure-label", 0, COMMON "{n} " },
	{ "version-label", 0, COMMON },
	{ "current-clause", 0, COMMON "{number} {title} " },
	{ "customer-label", 1, NULL },
	{ "provider-label", 1, NULL },
	{ "keywords", 1, NULL },
	/* the reviewer's copies (diff/redline.c, diff/compare.c) */
	{ "changes-title", 0, NULL },
	{ "changes-since", 0, "{since} " },
	{ "changes-legend", 0, NULL },
	{ "changes-added", 0, NULL },
	{ "changes-removed", 0, NULL },
	{ "changes-renumbered", 0, "{ranges} " },
	{ "comparison-title", 0, "{title} " },
	{ "comparison-kind", 0, NULL },
	{ "comparison-new", 0, "{version} " },
	{ "comparison-old", 0, "{version} " },
	{ "comparison-omitted", 0, NULL },
	{ "comparison-findings", 0, NULL },
};
#define NSETTINGS	(sizeof(settings) / sizeof(*settings))

static const struct setting *
setting_of(const xmlChar *name)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (xmlStrEqual(name, BAD_CAST settings[i].name))
			return &settings[i];
	return NULL;
}

/* The settings a service (or the publisher) may set, in words. */
static void
known(int service, char *buf, size_t n)
{
	size_t	 len, k = 0, count = 0;

	for (size_t i = 0; i < NSETTINGS; i++)
		count += !service || settings[i].service;
	snprintf(buf, n, "%s", service ? "a service may set " :
	    "templates/iso27017/settings.xml holds ");
	for (size_t i = 0; i < NSETTINGS; i++)
		if (!service || settings[i].service) {
			len = strlen(buf);
			snprintf(buf + len, n - len, "%s<%s>", k == 0 ? "" :
			    k + 1 == count ? " and " : ", ", settings[i].name);
			k++;
		}
}

/*
 * A date format: YYYY, MM and DD are the date's parts (merge.xsl's
 * date-fill); any other Latin letter would be printed as it is, which
 * is never what the writer meant (「yyyy/mm/dd」 on every page).
 */
static void
check_date_format(const char *file, const xmlNode *n, const char *f)
{
	char	 what[128];
	int	 parts = 0;

	what[0] = '\0';
	for (const char *p = f; *p != '\0' && what[0] == '\0'; ) {
		if (strncmp(p, "YYYY", 4) == 0 || strncmp(p, "MM", 2) == 0 ||
		    strncmp(p, "DD", 2) == 0) {
			p += *p == 'Y' ? 4 : 2;
			parts++;
		} else if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
			snprintf(what, sizeof(what), "has '%c', which is no "
			    "part of a date and would be printed as it is",
			    *p);
		else
			p++;
	}
	if (what[0] == '\0' && parts == 0)
		snprintf(what, sizeof(what), "holds none of YYYY, MM and DD, "
		    "so it would print no date");
	if (what[0] != '\0')
		wp_msg(MSG_DATE_FORMAT, file, xmlGetLineNo(n), f, what);
}

/* "it takes {a}, {b} and {c}" from "{a} {b} {c} ". */
static void
list_placeholders(const char *all, char *buf, size_t n)
{
	size_t	 count = 0, k = 0, len;

	for (const char *p = all; *p != '\0'; p++)
		count += *p == ' ';
	snprintf(buf, n, "it takes ");
	for (const char *p = all; *p != '\0'; p += len + 1, k++) {
		len = strcspn(p, " ");
		snprintf(buf + strlen(buf), n - strlen(buf), "%s%.*s",
		    k == 0 ? "" : k + 1 == count ? " and " : ", ", (int)len, p);
	}
}

/* Each {word} of a pattern must be one the setting fills in. */
static void
check_placeholders(const char *file, const xmlNode *n,
    const struct setting *s, const char *text)
{
	char	 word[64], takes[160];

	for (const char *p = strchr(text, '{'); p != NULL;
	    p = strchr(p + 1, '{')) {
		size_t k = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz-");
		if (k == 0 || p[k + 1] != '}' || k + 3 > sizeof(word))
			continue;
		snprintf(word, sizeof(word), "{%.*s} ", (int)k, p + 1);
		if (s->placeholders != NULL &&
		    strstr(s->placeholders, word) != NULL)
			continue;
		word[k + 2] = '\0';
		if (s->placeholders == NULL)
			snprintf(takes, sizeof(takes), "<%s> is plain text: "
			    "write what it says", s->name);
		else
			list_placeholders(s->placeholders, takes,
			    sizeof(takes));
		wp_msg(MSG_PLACEHOLDER, file, xmlGetLineNo(n), word, s->name,
		    takes);
	}
}

void
wp_check_settings(const char *file, const xmlNode *parent, int service,
    struct wp_explained *x)
{
	char		 list[1024];

	for (const xmlNode *n = parent != NULL ? parent->children : NULL;
	    n != NULL; n = n->next) {
		const struct setting *s;
		xmlChar *text;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((s = setting_of(n->name)) == NULL ||
		    (service && !s->service)) {
			known(service, list, sizeof(list));
			wp_msg(MSG_SETTING_UNKNOWN, file, xmlGetLineNo(n),
			    n->name, list);
			wp_explain(x, n, WP_X_CONTENT, NULL);
			continue;
		}
		for (const xmlNode *p = parent->children; p != n; p = p->next)
			if (p->type == XML_ELEMENT_NODE &&
			    xmlStrEqual(p->name, n->name)) {
				wp_msg(MSG_SETTING_TWICE, file, xmlGetLineNo(n),
				    n->name, xmlGetLineNo(p));
				wp_explain(x, n, WP_X_CONTENT, NULL);
				break;
			}
		text = xmlNodeGetContent(n);
		if (text != NULL && xmlStrEqual(n->name, BAD_CAST "date-format"))
			check_date_format(file, n, (const char *)text);
		else if (text != NULL)
			check_placeholders(file, n, s, (const char *)text);
		xmlFree(text);
	}
}

int
wp_validate_settings(const struct wp_templates *t)
{
	int	 before = wp_diag_errors();

	wp_check_settings((const char *)t->settings->URL,
	    xmlDocGetRootElement(t->settings), 0, NULL);
	return wp_diag_errors() - before;
}
