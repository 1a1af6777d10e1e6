/*
 * release: every service's PDF, HTML and cover under names that carry
 * the document number and version, a manifest and SHA256SUMS, written
 * as one set: the whole release or none of it.
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
#include "publish/render.h"

/* A JSON string: quotes, backslashes and control characters escaped;
 * null for NULL. */
static void
json_str(GString *j, const char *s)
{
	if (s == NULL) {
		g_string_append(j, "null");
		return;
	}
	g_string_append_c(j, '"');
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			g_string_append_printf(j, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			g_string_append_printf(j, "\\u%04x", *s);
		else
			g_string_append_c(j, *s);
	}
	g_string_append_c(j, '"');
}

/* What a release writes besides the services' files. */
#define MANIFEST	"manifest.json"
#define SUMS		"SHA256SUMS"

/* The files of the release being written, and of the one it replaces. */
struct release {
	struct wp_outset *set;
	GString		*json;		/* manifest.json */
	GString		*sums;		/* SHA256SUMS */
	GHashTable	*names;		/* file base name -> its service */
	char		*old_sums;	/* the previous SHA256SUMS, or NULL */
	char		*old_manifest;	/* the previous manifest.json */
};

/*
 * A name the previous release wrote: it listed the name in its
 * SHA256SUMS (or, before those were written, its manifest), so the new
 * release may replace it.
 */
static int
released_file(const char *name, void *arg)
{
	const struct release *rl = arg;
	char	*line, *quoted;
	int	 yes;

	if (strcmp(name, MANIFEST) == 0 || strcmp(name, SUMS) == 0)
		return 1;
	line = g_strdup_printf("  %s\n", name);
	quoted = g_strdup_printf("\"name\": \"%s\"", name);
	yes = (rl->old_sums != NULL && strstr(rl->old_sums, line) != NULL) ||
	    (rl->old_sums == NULL && rl->old_manifest != NULL &&
	    strstr(rl->old_manifest, quoted) != NULL);
	g_free(line);
	g_free(quoted);
	return yes;
}

/* Adds one released file to the set, the manifest and the sums. */
static int
release_file(struct release *rl, const char *name, const struct output *o,
    int last)
{
	gchar	*sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
		    o->buf, o->len);
	int	 rc = wp_outset_put(rl->set, name, o->buf, o->len);

	g_string_append(rl->json, "        { \"name\": ");
	json_str(rl->json, name);
	g_string_append_printf(rl->json, ", \"bytes\": %zu, \"sha256\": "
	    "\"%s\" }%s\n", o->len, sum, last ? "" : ",");
	g_string_append_printf(rl->sums, "%s  %s\n", sum, name);
	g_free(sum);
	return rc;
}

/*
 * The base of a service's released file names: "<document number>_
 * <version>", or the id where there is no number; NULL after reporting
 * that another service of the release has it already.
 */
static char *
release_base(struct release *rl, const char *id, xmlDocPtr model)
{
	xmlNodePtr	 meta = wp_xml_child(xmlDocGetRootElement(model), "meta");
	const char	*num = wp_model_meta(model, "document-number");
	const char	*ver = wp_model_meta(model, "version");
	const char	*other;
	char		*base;

	base = g_strdup_printf("%s%s%s", num != NULL ? num : id,
	    ver != NULL ? "_" : "", ver != NULL ? ver : "");
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
release_service(struct wp_session *s, struct release *rl, const char *dir,
    int last)
{
	struct rendering r = { s, NULL, NULL, NULL, 1, { { 0 } }, 0, NULL,
			    NULL };
	char	*id = wp_service_id(dir), *base = NULL, *pdf, *html, *png;
	int	 rc = -1;

	if ((r.model = wp_publish_model(s, dir)) == NULL ||
	    (base = release_base(rl, id, r.model)) == NULL)
		goto done;
	pdf = g_strconcat(base, ".pdf", NULL);
	html = g_strconcat(base, ".html", NULL);
	png = g_strconcat(base, ".png", NULL);
	r.pdf_href = pdf;
	if (wp_render(&r) == 0) {
		static const char *const fields[][2] = { { "title", "title" },
		    { "version", "version" }, { "date", "date" },
		    { "document_number", "document-number" } };
		g_string_append(rl->json, "    {\n      \"service\": ");
		json_str(rl->json, id);
		for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++) {
			g_string_append_printf(rl->json, ",\n      \"%s\": ",
			    fields[i][0]);
			json_str(rl->json, wp_model_meta(r.model, fields[i][1]));
		}
		g_string_append_printf(rl->json, ",\n      \"pages\": %d,\n"
		    "      \"files\": [\n", r.pages);
		rc = release_file(rl, pdf, &r.out[OUT_PDF], 0) |
		    release_file(rl, html, &r.out[OUT_HTML], 0) |
		    release_file(rl, png, &r.out[OUT_COVER], 1);
		g_string_append_printf(rl->json, "      ]\n    }%s\n",
		    last ? "" : ",");
	}
	g_free(pdf);
	g_free(html);
	g_free(png);
done:
	g_free(base);
	free(id);
	wp_render_free(&r);
	return rc;
}

/* Reads a small file of the previous release, or NULL. */
static char *
previous(const char *outdir, const char *name)
{
	char	*path = wp_path(outdir, name), *text = NULL;

	if (!g_file_get_contents(path, &text, NULL, NULL))
		text = NULL;
	free(path);
	return text;
}

int
wp_publish_release(struct wp_session *s, int n, char **dirs,
    const char *outdir)
{
	struct release	 rl = { NULL, NULL, NULL, NULL, NULL, NULL };
	int		 i, bad = 0;

	for (i = 0; i < n; i++)
		bad |= wp_publish_check(s, dirs[i]) != 0;
	if (bad) {
		wp_msg(MSG_RELEASE, outdir, 0);
		return -1;
	}
	rl.old_sums = previous(outdir, SUMS);
	rl.old_manifest = previous(outdir, MANIFEST);
	/* the whole release, or nothing: one folder swapped in */
	if ((rl.set = wp_outset_begin(outdir, released_file, &rl)) == NULL) {
		bad = 1;
		goto done;
	}
	rl.json = g_string_new("{\n  \"whitepapers\": [\n");
	rl.sums = g_string_new(NULL);
	rl.names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
	for (i = 0; i < n && !bad; i++)
		bad = release_service(s, &rl, dirs[i], i + 1 == n) != 0;
	g_string_append(rl.json, "  ]\n}\n");
	if (!bad) {
		gchar *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
		    (const guchar *)rl.json->str, rl.json->len);
		g_string_append_printf(rl.sums, "%s  %s\n", sum, MANIFEST);
		g_free(sum);
		bad = wp_outset_put(rl.set, MANIFEST, rl.json->str,
		    rl.json->len) != 0 || wp_outset_put(rl.set, SUMS,
		    rl.sums->str, rl.sums->len) != 0;
	}
	bad = bad ? (wp_outset_abort(rl.set), 1) : wp_outset_commit(rl.set) != 0;
	g_string_free(rl.json, TRUE);
	g_string_free(rl.sums, TRUE);
	g_hash_table_destroy(rl.names);
done:
	g_free(rl.old_sums);
	g_free(rl.old_manifest);
	return bad ? -1 : 0;
}

