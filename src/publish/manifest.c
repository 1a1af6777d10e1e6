/*
 * manifest: manifest.json written, and the previous one read back.  The
 * manifest says how the release was made, so that it can be made again
 * (`wpgen release --rev`), and keeps a digest of every part of every
 * whitepaper, so that the next release of the same version can be
 * compared with it part by part.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/json.h"
#include "base/path.h"
#include "base/version.h"
#include "diff/diff.h"
#include "input/xml.h"
#include "model/model.h"
#include "publish/manifest.h"

/* The format of manifest.json: 2 since it says how it was made. */
#define MANIFEST_FORMAT	2
/* wpgen's namespace (model/xform.h), here for the schema's annotation. */
#define WP_NS_ANNOTATIONS	"urn:wpgen"

/* ---- parts ------------------------------------------------------------- */

static void
add_part(void *arg, const char *kind, const char *key, const char *title,
    const char *sha256)
{
	struct parts	*p = arg;

	p->v = wp_reallocarray(p->v, p->n + 1, sizeof(*p->v));
	p->v[p->n].name = g_strdup_printf("%s %s", kind, key);
	p->v[p->n].title = title != NULL ? wp_strdup(title) : NULL;
	p->v[p->n++].sha256 = wp_strdup(sha256);
}

void
parts_read(struct parts *p, xmlDocPtr model)
{
	GChecksum	*all = g_checksum_new(G_CHECKSUM_SHA256);

	memset(p, 0, sizeof(*p));
	wp_diff_parts(model, add_part, p);
	for (size_t i = 0; i < p->n; i++)
		g_checksum_update(all, (const guchar *)p->v[i].sha256, 64);
	p->digest = wp_strdup(g_checksum_get_string(all));
	g_checksum_free(all);
}

void
parts_free(struct parts *p)
{
	for (size_t i = 0; i < p->n; i++) {
		g_free(p->v[i].name);
		free(p->v[i].title);
		free(p->v[i].sha256);
	}
	free(p->v);
	free(p->digest);
	memset(p, 0, sizeof(*p));
}

/* ---- writing ----------------------------------------------------------- */

/* Appends s as a JSON string (null for NULL or ""). */
static void
put_str(GString *j, const char *s)
{
	char	*q = wp_json_quote(s != NULL && *s != '\0' ? s : NULL);

	g_string_append(j, q);
	free(q);
}

/* A time as ISO 8601 in UTC, or null. */
static void
put_time(GString *j, long long t)
{
	time_t		 tt = (time_t)t;
	struct tm	 tm;
	char		 s[32];

	if (t < 0 || gmtime_r(&tt, &tm) == NULL ||
	    strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
		g_string_append(j, "null");
		return;
	}
	g_string_append_printf(j, "\"%s\"", s);
}

/*
 * The sources' commit: the one every service folder is at (rev, or
 * HEAD), NULL when they are not in git or not in one repository;
 * *modified whether any folder differs from it (-1: unknown).
 */
static char *
source_commit(int n, char **dirs, const char *rev, int *modified)
{
	char	*commit = NULL, *c;

	*modified = rev != NULL ? 0 : -1;
	for (int i = 0; i < n; i++) {
		c = wp_git_commit(dirs[i], rev != NULL ? rev : "HEAD");
		if (c == NULL || (commit != NULL && strcmp(c, commit) != 0)) {
			free(c);
			free(commit);
			*modified = -1;
			return NULL;
		}
		free(commit);
		commit = c;
		if (rev == NULL) {
			int m = wp_git_modified(dirs[i]);
			if (m == -1 || *modified == -1)
				*modified = m;
			else
				*modified |= m;
		}
	}
	return commit;
}

/* The version the model's schema declares (templates/schema/
 * document.rng, its wp:model-version), or NULL after reporting. */
static char *
model_schema(const struct wp_session *s)
{
	char		*path = wp_path(s->t->dir, "schema/document.rng");
	xmlDocPtr	 doc = wp_load_xml(path);
	xmlChar		*v = NULL;
	char		*version = NULL;

	if (doc != NULL)
		v = xmlGetNsProp(xmlDocGetRootElement(doc),
		    BAD_CAST "model-version", BAD_CAST WP_NS_ANNOTATIONS);
	if (v != NULL)
		version = wp_strdup((const char *)v);
	else if (doc != NULL)
		wp_msg(MSG_MODEL, path, 1, "the schema has no wp:model-version");
	xmlFree(v);
	xmlFreeDoc(doc);
	free(path);
	return version;
}

int
manifest_begin(struct manifest *m, const struct wp_session *s, int n,
    char **dirs, const char *rev)
{
	const char	*epoch = getenv("SOURCE_DATE_EPOCH");
	char		*commit, *schema;
	long long	 date = -1;
	int		 modified;

	if ((schema = model_schema(s)) == NULL)
		return -1;
	commit = source_commit(n, dirs, rev, &modified);
	/* the date the outputs stand for (reproducible-builds.org) */
	if (epoch != NULL && *epoch != '\0')
		date = strtoll(epoch, NULL, 10);
	else if (commit != NULL)
		date = wp_git_commit_time(dirs[0], commit);
	m->json = g_string_new(NULL);
	g_string_append_printf(m->json, "{\n  \"manifest\": %d,\n"
	    "  \"wpgen\": { \"version\": ", MANIFEST_FORMAT);
	put_str(m->json, wp_version());
	g_string_append(m->json, ", \"commit\": ");
	put_str(m->json, wp_commit());
	g_string_append(m->json, " },\n  \"source\": { \"commit\": ");
	put_str(m->json, commit);
	g_string_append(m->json, ", \"date\": ");
	put_time(m->json, date);
	g_string_append_printf(m->json, ", \"modified\": %s },\n"
	    "  \"model_schema\": ", modified == -1 ? "null" :
	    modified ? "true" : "false");
	put_str(m->json, schema);
	g_string_append(m->json, ",\n  \"whitepapers\": [");
	free(commit);
	free(schema);
	return 0;
}

void
manifest_add(struct manifest *m, const char *id, xmlDocPtr model, int pages,
    const struct released *files, size_t nfiles, const struct parts *p)
{
	static const char *const fields[][2] = { { "title", "title" },
	    { "version", "version" }, { "date", "date" },
	    { "document_number", "document-number" } };
	GString		*j = m->json;

	g_string_append(j, m->entries++ > 0 ? ",\n" : "\n");
	g_string_append(j, "    {\n      \"service\": ");
	put_str(j, id);
	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++) {
		g_string_append_printf(j, ",\n      \"%s\": ", fields[i][0]);
		put_str(j, wp_model_meta(model, fields[i][1]));
	}
	g_string_append_printf(j, ",\n      \"pages\": %d,\n"
	    "      \"files\": [\n", pages);
	for (size_t i = 0; i < nfiles; i++) {
		g_string_append(j, "        { \"name\": ");
		put_str(j, files[i].name);
		g_string_append_printf(j, ", \"bytes\": %zu, \"sha256\": "
		    "\"%s\" }%s\n", files[i].len, files[i].sha256,
		    i + 1 < nfiles ? "," : "");
	}
	g_string_append(j, "      ],\n      \"parts\": {\n");
	for (size_t i = 0; i < p->n; i++) {
		g_string_append(j, "        ");
		put_str(j, p->v[i].name);
		g_string_append_printf(j, ": \"%s\"%s\n", p->v[i].sha256,
		    i + 1 < p->n ? "," : "");
	}
	g_string_append(j, "      }\n    }");
}

void
manifest_end(struct manifest *m)
{
	g_string_append(m->json, m->entries > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

void
manifest_free(struct manifest *m)
{
	if (m->json != NULL)
		g_string_free(m->json, TRUE);
	wp_json_free(m->old);
	memset(m, 0, sizeof(*m));
}

/* ---- the previous one -------------------------------------------------- */

int
manifest_previous(struct manifest *m, const char *path)
{
	gchar	*text = NULL;
	gsize	 len = 0;

	if (!g_file_get_contents(path, &text, &len, NULL))
		return 0;	/* none: a first release */
	m->old = wp_json_parse(text, len);
	g_free(text);
	if (m->old == NULL ||
	    wp_json_get(m->old, "whitepapers") == NULL ||
	    wp_json_get(m->old, "whitepapers")->type != WP_JSON_ARRAY) {
		wp_msg(MSG_MANIFEST, path, 0, "is not one wpgen wrote");
		return -1;
	}
	return 0;
}

int
manifest_listed(const struct manifest *m, const char *name)
{
	const struct wp_json *w = wp_json_get(m->old, "whitepapers");

	for (size_t i = 0; w != NULL && i < w->n; i++) {
		const struct wp_json *f = wp_json_get(w->v[i], "files");
		for (size_t k = 0; f != NULL && k < f->n; k++) {
			const char *s = wp_json_str(wp_json_get(f->v[k],
			    "name"));
			if (s != NULL && strcmp(s, name) == 0)
				return 1;
		}
	}
	return 0;
}

/* The previous release's entry of service id at version, or NULL. */
static const struct wp_json *
previous_entry(const struct manifest *m, const char *id, const char *version)
{
	const struct wp_json *w = wp_json_get(m->old, "whitepapers");

	for (size_t i = 0; w != NULL && i < w->n; i++) {
		const char *s = wp_json_str(wp_json_get(w->v[i], "service"));
		const char *v = wp_json_str(wp_json_get(w->v[i], "version"));
		if (s != NULL && v != NULL && strcmp(s, id) == 0 &&
		    strcmp(v, version) == 0)
			return w->v[i];
	}
	return NULL;
}

/* At most this many changes are named; the rest are counted. */
#define NAMED	5

/* Adds one change to the list said, "clause 9.2.1 「title」 changed". */
static void
said(GString *s, int *n, const char *name, const char *title,
    const char *how)
{
	if ((*n)++ >= NAMED)
		return;
	g_string_append_printf(s, "%s%s", *n > 1 ? ", " : "", name);
	if (title != NULL)
		g_string_append_printf(s, " 「%s」", title);
	g_string_append_printf(s, " %s", how);
}

int
manifest_same(const struct manifest *m, const char *id, xmlDocPtr model,
    const struct parts *p)
{
	const char		*version = wp_model_meta(model, "version");
	const struct wp_json	*old, *parts;
	GString			*s;
	int			 n = 0;

	if (version == NULL || *version == '\0' ||
	    (old = previous_entry(m, id, version)) == NULL ||
	    (parts = wp_json_get(old, "parts")) == NULL ||
	    parts->type != WP_JSON_OBJECT)
		return 0;	/* not released, or by a wpgen without digests */
	s = g_string_new(NULL);
	for (size_t i = 0; i < p->n; i++) {
		const char *was = wp_json_str(wp_json_get(parts,
		    p->v[i].name));
		if (was == NULL)
			said(s, &n, p->v[i].name, p->v[i].title, "added");
		else if (strcmp(was, p->v[i].sha256) != 0)
			said(s, &n, p->v[i].name, p->v[i].title, "changed");
	}
	for (size_t k = 0; k < parts->n; k++) {
		size_t i;
		for (i = 0; i < p->n && strcmp(parts->keys[k],
		    p->v[i].name) != 0; i++)
			;
		if (i == p->n)
			said(s, &n, parts->keys[k], NULL, "removed");
	}
	if (n > NAMED)
		g_string_append_printf(s, " and %d more", n - NAMED);
	if (n > 0)
		wp_msg(MSG_RERELEASE, wp_model_src(wp_model_meta_node(model,
		    "version")), 0, version, s->str);
	g_string_free(s, TRUE);
	return n > 0 ? -1 : 0;
}
