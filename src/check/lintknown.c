/*
 * lintknown: the publisher's dictionary (templates/iso27017/names.xml)
 * in lint: its names join the services' as names of no service, its
 * hosts are what links are measured against first, its mark is the
 * publisher's; and the same list written as a prh dictionary, so that
 * writers get the same advice in their editor (textlint, prh).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "check/lint.h"
#include "check/lintint.h"
#include "input/xml.h"

/* The attribute's value, kept in x->shown (freed with the run); or NULL. */
static const char *
keep(struct lint *x, xmlNodePtr n, const char *attr)
{
	xmlChar	*v = xmlGetProp(n, BAD_CAST attr);

	if (v == NULL)
		return NULL;
	x->shown = wp_reallocarray(x->shown, x->nshown + 1, sizeof(*x->shown));
	x->shown[x->nshown] = wp_strdup((char *)v);
	xmlFree(v);
	return x->shown[x->nshown++];
}

/* s normalised as text is, in *c; returns its length. */
static size_t
chars(const char *s, uint32_t **c)
{
	struct lint_text	 t = { 0 };
	long			 line = 0;
	int			 space = 0;

	lint_push_utf8(&t, s, &line, &space);
	free(t.line);
	*c = t.c;
	return t.n;
}

/* Adds a listed name unless a linted service has it already. */
static void
add_listed(struct lint *x, const char *s, int is_short)
{
	uint32_t	*c;
	size_t		 n = chars(s, &c);

	for (size_t i = 0; i < x->nnm && n > 0; i++)
		if (lint_same(x->nm[i].c, x->nm[i].n, c, n))
			n = 0;
	if (n == 0) {
		free(c);
		return;
	}
	x->nm = wp_grow(x->nm, &x->nmcap, x->nnm, sizeof(*x->nm));
	x->nm[x->nnm++] = (struct lint_name){ c, n, LINT_LISTED, is_short,
	    s, 0 };
}

/* A host in lower case, as links' hosts are compared. */
static size_t
host_chars(const char *s, uint32_t **c)
{
	size_t	 n = wp_utf8_decode(s, strlen(s), c, NULL);

	for (size_t i = 0; i < n; i++)
		(*c)[i] = lint_lower((*c)[i]);
	return n;
}

static void
add_domain(struct lint *x, xmlNodePtr e)
{
	struct lint_domain	*d;
	const char		*name = keep(x, e, "name");

	if (name == NULL)
		return;
	x->dom = wp_reallocarray(x->dom, x->ndom + 1, sizeof(*x->dom));
	d = &x->dom[x->ndom++];
	*d = (struct lint_domain){ .shown = (char *)name };
	d->n = host_chars(name, &d->c);
	for (xmlNodePtr a = e->children; a != NULL; a = a->next) {
		xmlChar	*v;

		if (!wp_xml_is(a, "avoid"))
			continue;
		v = xmlNodeGetContent(a);
		d->avoid = wp_reallocarray(d->avoid, d->nav + 1,
		    sizeof(*d->avoid));
		d->navoid = wp_reallocarray(d->navoid, d->nav + 1,
		    sizeof(*d->navoid));
		d->navoid[d->nav] = host_chars((char *)v, &d->avoid[d->nav]);
		d->nav++;
		xmlFree(v);
	}
}

void
lint_add_known(struct lint *x, xmlDocPtr names)
{
	xmlNodePtr	 root = names != NULL ? xmlDocGetRootElement(names) :
			    NULL;
	const char	*s;

	if (root == NULL)
		return;
	x->names_file = (const char *)names->URL;
	for (xmlNodePtr e = root->children; e != NULL; e = e->next) {
		if (wp_xml_is(e, "domain")) {
			add_domain(x, e);
			continue;
		}
		if (wp_xml_is(e, "publisher")) {
			if ((s = keep(x, e, "mark")) != NULL) {
				free(x->mark);
				x->nmark = chars(s, &x->mark);
			}
			continue;
		}
		if (!wp_xml_is(e, "service") && !wp_xml_is(e, "product"))
			continue;
		if ((s = keep(x, e, "name")) != NULL)
			add_listed(x, s, 0);
		if ((s = keep(x, e, "short")) != NULL)
			add_listed(x, s, 1);
	}
}

void
lint_known_free(struct lint *x)
{
	for (size_t i = 0; i < x->nshown; i++)
		free(x->shown[i]);
	for (size_t i = 0; i < x->ndom; i++) {
		for (size_t k = 0; k < x->dom[i].nav; k++)
			free(x->dom[i].avoid[k]);
		free(x->dom[i].avoid);
		free(x->dom[i].navoid);
		free(x->dom[i].c);
	}
	free(x->dom);
	free(x->shown);
	free(x->mark);
}

long
lint_domain(const struct lint *x, const uint32_t *host, size_t n,
    int *exact)
{
	long	 near = -1;

	*exact = 0;
	for (size_t i = 0; i < x->ndom; i++) {
		const struct lint_domain *d = &x->dom[i];
		int e;

		if (lint_same(d->c, d->n, host, n)) {
			*exact = 1;
			return (long)i;
		}
		/* a known misspelling, or one a little unlike it */
		for (size_t k = 0; k < d->nav; k++) {
			e = lint_osa(d->avoid[k], d->navoid[k], host, n,
			    LINT_MAX_EDITS);
			if (e <= lint_allowed(d->navoid[k], n))
				near = (long)i;
		}
		e = lint_osa(d->c, d->n, host, n, LINT_MAX_EDITS);
		if (near < 0 && e > 0 && e <= lint_allowed(d->n, n))
			near = (long)i;
	}
	return near;
}

/* ---- prh -------------------------------------------------------------- */

/* s as a YAML double-quoted scalar. */
static void
yaml_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static int
ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/*
 * A wrong spelling as a prh pattern: a regular expression, so that
 * "IJ" is found alone and not inside "IIJ" (an edge that is a Latin
 * letter or digit must not have one beside it; prh's own wordBoundary
 * would ask the same of a Japanese edge, where no \b is).
 */
static void
prh_pattern(FILE *f, const char *s)
{
	char	*buf = NULL;
	size_t	 len = 0, n = strlen(s);
	FILE	*m = open_memstream(&buf, &len);

	if (m == NULL)
		wp_oom();
	fputc('/', m);
	if (n > 0 && ascii_alnum(s[0]))
		fputs("(?<![A-Za-z0-9])", m);
	for (const char *p = s; *p != '\0'; p++) {
		if (strchr("\\^$.*+?()[]{}|/", *p) != NULL)
			fputc('\\', m);
		fputc(*p, m);
	}
	if (n > 0 && ascii_alnum(s[n - 1]))
		fputs("(?![A-Za-z0-9])", m);
	fputc('/', m);
	fclose(m);
	yaml_str(f, buf);
	free(buf);
}

/*
 * One rule: the spelling in attribute attr, and, if avoids, the entry's
 * wrong spellings as its patterns, each with a spec (prh checks, as it
 * loads the dictionary, that each pattern turns its spelling into the
 * right one).
 */
static void
prh_rule(FILE *f, xmlNodePtr e, const char *attr, int avoids)
{
	xmlChar	*want = xmlGetProp(e, BAD_CAST attr);

	if (want == NULL)
		return;
	fputs("  - expected: ", f);
	yaml_str(f, (char *)want);
	fputc('\n', f);
	for (int pass = 0; pass < 2 && avoids; pass++) {
		int	 any = 0;

		for (xmlNodePtr a = e->children; a != NULL; a = a->next) {
			xmlChar	*v;

			if (!wp_xml_is(a, "avoid"))
				continue;
			v = xmlNodeGetContent(a);
			if (!any++)
				fputs(pass == 0 ? "    patterns:\n" :
				    "    specs:\n", f);
			if (pass == 0) {
				fputs("      - ", f);
				prh_pattern(f, (char *)v);
			} else {
				fputs("      - from: ", f);
				yaml_str(f, (char *)v);
				fputs("\n        to: ", f);
				yaml_str(f, (char *)want);
			}
			fputc('\n', f);
			xmlFree(v);
		}
	}
	xmlFree(want);
}

int
wp_lint_prh(const struct wp_templates *t, FILE *f)
{
	xmlNodePtr	 root;

	if (t == NULL || t->names == NULL ||
	    (root = xmlDocGetRootElement(t->names)) == NULL)
		return -1;
	fprintf(f, "# The publisher's names and addresses for prh, written by "
	    "wpgen lint --prh\n# from %s: edit that file, not this one.\n"
	    "version: 1\nrules:\n", (const char *)t->names->URL);
	for (xmlNodePtr e = root->children; e != NULL; e = e->next) {
		if (wp_xml_is(e, "publisher")) {
			/* the publisher's wrong spellings are of its mark */
			prh_rule(f, e, "mark", 1);
			prh_rule(f, e, "name", 0);
		} else if (wp_xml_is(e, "service") ||
		    wp_xml_is(e, "product") || wp_xml_is(e, "domain")) {
			prh_rule(f, e, "name", 1);
			prh_rule(f, e, "short", 0);
		}
	}
	return ferror(f) ? -1 : 0;
}
