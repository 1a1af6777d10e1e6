/*
 * release: every service's PDF, HTML and cover (at 1x and 2x) under
 * names that carry the document number and version, a manifest and
 * SHA256SUMS, written as one set: the whole release or none of it, and
 * nothing of the release it replaces that it does not list.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/diag.h"
#include "base/output.h"
#include "base/path.h"
#include "input/service.h"
#include "input/xml.h"
#include "model/model.h"
#include "publish/manifest.h"
#include "publish/render.h"

/* What a release writes besides the services' files. */
#define MANIFEST	"manifest.json"
#define SUMS		"SHA256SUMS"

/* The files of the release being written, and of the one it replaces. */
struct release {
	struct wp_outset *set;
	struct manifest	 m;		/* manifest.json */
	GString		*sums;		/* SHA256SUMS */
	GHashTable	*names;		/* file base name -> its service */
	char		*old_sums;	/* the previous SHA256SUMS, or NULL */
};

/*
 * A name the previous release wrote: it listed the name in its
 * SHA256SUMS or its manifest, so the new release may replace it.
 */
static int
released_file(const char *name, void *arg)
{
	const struct release *rl = arg;
	char	*line;
	int	 yes;

	if (strcmp(name, MANIFEST) == 0 || strcmp(name, SUMS) == 0)
		return 1;
	line = g_strdup_printf("  %s\n", name);
	yes = (rl->old_sums != NULL && strstr(rl->old_sums, line) != NULL) ||
	    manifest_listed(&rl->m, name);
	g_free(line);
	return yes;
}

/*
 * The base of a service's released file names, "<document number>_
 * <version>" (the id where there is no number).  A service without a
 * revision history has no version: its files are named by what they
 * hold, "<number or id>_draft-<12 hex digits>", so that a release of
 * other content never takes the name of one before.  NULL after
 * reporting that another service of the release has the name.
 */
static char *
release_base(struct release *rl, const char *id, xmlDocPtr model,
    const struct parts *p)
{
	xmlNodePtr	 meta = wp_xml_child(xmlDocGetRootElement(model), "meta");
	const char	*num = wp_model_meta(model, "document-number");
	const char	*ver = wp_model_meta(model, "version");
	const char	*other;
	char		*base;

	if (num != NULL && *num == '\0')
		num = NULL;
	if (ver != NULL && *ver != '\0')
		base = g_strdup_printf("%s_%s", num != NULL ? num : id, ver);
	else
		base = g_strdup_printf("%s_draft-%.12s", num != NULL ? num : id,
		    p->digest);
	if ((other = g_hash_table_lookup(rl->names, base)) != NULL) {
		wp_msg(MSG_SAME_OUTPUT, wp_model_src(wp_xml_child(meta,
		    num != NULL ? "document-number" : "name")), 0, base, other);
		g_free(base);
		base = NULL;
	} else
		g_hash_table_insert(rl->names, g_strdup(base), g_strdup(id));
	return base;
}

/* One service's files and manifest entry; 0, or -1 after reporting. */
static int
release_service(struct wp_session *s, struct release *rl, const char *dir)
{
	static const struct { int out; const char *suffix; } kinds[] = {
		{ OUT_PDF, ".pdf" }, { OUT_HTML, ".html" },
		{ OUT_COVER, ".png" }, { OUT_COVER2X, "@2x.png" } };
	struct rendering r = { .s = s, .cover = 1 };
	struct released	 files[sizeof(kinds) / sizeof(*kinds)];
	struct parts	 p = { 0 };
	char		*id = wp_service_id(dir), *base = NULL;
	char		*names[sizeof(kinds) / sizeof(*kinds)] = { 0 };
	size_t		 i, n = sizeof(kinds) / sizeof(*kinds);
	int		 rc = -1;

	if ((r.model = wp_publish_model(s, dir)) == NULL)
		goto done;
	parts_read(&p, r.model);
	if (manifest_same(&rl->m, id, r.model, &p) == -1 ||
	    (base = release_base(rl, id, r.model, &p)) == NULL)
		goto done;
	for (i = 0; i < n; i++)
		names[i] = g_strconcat(base, kinds[i].suffix, NULL);
	r.pdf_href = names[0];
	if (wp_render(&r) == -1)
		goto done;
	rc = 0;
	for (i = 0; i < n; i++) {
		gchar *sum;
		files[i].name = names[i];
		files[i].buf = r.out[kinds[i].out].buf;
		files[i].len = r.out[kinds[i].out].len;
		sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
		    files[i].buf, files[i].len);
		g_strlcpy(files[i].sha256, sum, sizeof(files[i].sha256));
		g_free(sum);
		/* the manifest lists the same sums */
		g_string_append_printf(rl->sums, "%s  %s\n", files[i].sha256,
		    names[i]);
		rc |= wp_outset_put(rl->set, names[i], files[i].buf,
		    files[i].len);
	}
	manifest_add(&rl->m, id, r.model, r.pages, files, n, &p);
done:
	for (i = 0; i < n; i++)
		g_free(names[i]);
	parts_free(&p);
	g_free(base);
	free(id);
	wp_render_free(&r);
	return rc;
}

/* Adds the manifest and the sums (the manifest's own last) to the set. */
static int
release_close(struct release *rl)
{
	gchar	*sum;

	manifest_end(&rl->m);
	sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
	    (const guchar *)rl->m.json->str, rl->m.json->len);
	g_string_append_printf(rl->sums, "%s  %s\n", sum, MANIFEST);
	g_free(sum);
	return wp_outset_put(rl->set, MANIFEST, rl->m.json->str,
	    rl->m.json->len) != 0 || wp_outset_put(rl->set, SUMS,
	    rl->sums->str, rl->sums->len) != 0 ? -1 : 0;
}

int
wp_publish_release(struct wp_session *s, int n, char **dirs,
    const char *outdir)
{
	struct release	 rl;
	char		*path;
	int		 i, bad = 0;

	memset(&rl, 0, sizeof(rl));
	for (i = 0; i < n; i++)
		bad |= wp_publish_check(s, dirs[i]) != 0;
	if (bad) {
		wp_msg(MSG_RELEASE, outdir, 0);
		return -1;
	}
	path = wp_path(outdir, SUMS);
	if (!g_file_get_contents(path, &rl.old_sums, NULL, NULL))
		rl.old_sums = NULL;
	free(path);
	path = wp_path(outdir, MANIFEST);
	bad = manifest_previous(&rl.m, path) == -1 ||
	    manifest_begin(&rl.m, s, n, dirs, s->rev) == -1;
	free(path);
	/* the whole release, or nothing: one folder swapped in */
	if (bad || (rl.set = wp_outset_begin(outdir, released_file,
	    &rl)) == NULL) {
		bad = 1;
		goto done;
	}
	rl.sums = g_string_new(NULL);
	rl.names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
	for (i = 0; i < n; i++)
		bad |= release_service(s, &rl, dirs[i]) != 0;
	if (!bad)
		bad = release_close(&rl) != 0;
	bad = bad ? (wp_outset_abort(rl.set), 1) :
	    wp_outset_commit(rl.set) != 0;
	g_string_free(rl.sums, TRUE);
	g_hash_table_destroy(rl.names);
done:
	manifest_free(&rl.m);
	g_free(rl.old_sums);
	return bad ? -1 : 0;
}
