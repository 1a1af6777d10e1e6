/*
 * build: the pipeline for one service.  Every output is rendered in
 * memory first and written only when all of them succeeded, so a failed
 * build leaves the previous outputs as they were.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "diag.h"
#include "layout.h"
#include "pdf.h"
#include "timing.h"
#include "merge.h"
#include "output.h"
#include "util.h"
#include "validate.h"
#include "xform.h"

static void	*load_fonts(void *);

/*
 * Everything a build would find wrong, without writing: the content is
 * validated, merged and typeset (a character no font has, a word too
 * long for the column), and the result dropped.
 */
int
wp_build_check(struct wp_templates *t, const char *dir)
{
	int		 before = wp_diag_errors();
	xmlDocPtr	 model = wp_build_model(t, dir);

	if (model != NULL && (t->fonts != NULL || load_fonts(t) != NULL))
		wp_doc_free(wp_layout(t->fonts, t->style, model));
	xmlFreeDoc(model);
	return wp_diag_errors() != before;
}

xmlDocPtr
wp_build_model(const struct wp_templates *t, const char *dir)
{
	int			 before = wp_diag_errors();
	struct wp_service	*s;
	xmlDocPtr		 model = NULL;

	wp_stage_begin(STAGE_PARSE);
	s = wp_service_load(dir);
	if (s != NULL && s->service != NULL)
		wp_validate(t, s);
	wp_stage_end(STAGE_PARSE);
	if (s == NULL)
		return NULL;
	wp_stage_begin(STAGE_MERGE);
	if (wp_diag_errors() == before)
		model = wp_merge(t, s);
	wp_stage_end(STAGE_MERGE);
	wp_service_free(s);
	return model;
}

xmlChar *
wp_build_text(const struct wp_templates *t, xmlDocPtr model, int *len)
{
	xmlDocPtr	 res = wp_xform_apply(t->text_xsl, model, NULL, 0, NULL);
	xmlChar		*buf;

	if (res == NULL)
		return NULL;
	buf = wp_xform_serialize(t->text_xsl, res, len);
	xmlFreeDoc(res);
	return buf;
}

struct output {
	const char	*name;
	void		*buf;		/* NULL if rendering failed */
	size_t		 len;
	void		(*release)(void *);
};

static void
release_xml(void *p)
{
	xmlFree(p);
}

static void
text_output(struct output *o, xmlChar *buf, int len)
{
	o->buf = buf;
	o->len = buf != NULL ? (size_t)len : 0;
	o->release = release_xml;
}

/* Loads the fonts, once for every service; a thread's body too. */
static void *
load_fonts(void *arg)
{
	struct wp_templates	*t = arg;

	struct wp_fonts		*f;

	if (t->fonts_failed)
		return NULL;
	wp_stage_begin(STAGE_FONTS);
	if ((f = wp_fonts_new(t->fonts_conf)) != NULL &&
	    wp_fonts_check(f, t->style) == -1) {
		wp_fonts_free(f);
		f = NULL;
	}
	if (f != NULL)
		wp_fonts_warm(f, t->style);
	t->fonts = f;
	t->fonts_failed = f == NULL;
	wp_stage_end(STAGE_FONTS);
	return f;
}

/*
 * The typeset PDF, with fonts loaded once for every service; and, when
 * cover is given, the first page as a PNG.  *pages gets the page count.
 */
static void
pdf_output(struct wp_templates *t, xmlDocPtr model, struct output *o,
    struct output *cover, int *pages)
{
	struct wp_doc	*doc;
	unsigned char	*buf;
	size_t		 len;

	o->release = free;
	if (cover != NULL)
		cover->release = free;
	if (t->fonts == NULL && load_fonts(t) == NULL)
		return;
	wp_stage_begin(STAGE_LAYOUT);
	doc = wp_layout(t->fonts, t->style, model);
	wp_stage_end(STAGE_LAYOUT);
	if (doc == NULL)
		return;
	wp_stage_begin(STAGE_PDF);
	if (wp_pdf_render(doc, &buf, &len) == 0) {
		o->buf = buf;
		o->len = len;
	}
	if (cover != NULL && wp_pdf_png(doc, 0, 72, &buf, &len) == 0) {
		cover->buf = buf;
		cover->len = len;
	}
	*pages = (int)doc->npages;
	wp_doc_free(doc);
	wp_stage_end(STAGE_PDF);
}

/* The HTML page, linked to its PDF and (if index_href) to the index. */
static void
html_output(struct wp_templates *t, xmlDocPtr model, const char *pdf_href,
    const char *index_href, struct output *o)
{
	const char	*params[] = { "pdf-href", pdf_href,
			    "index-href", index_href ? index_href : "", NULL };
	xmlDocPtr	 res = wp_xform_apply(t->html_xsl, model, NULL, 0,
			    params);
	xmlChar		*buf;
	int		 len;

	o->release = release_xml;
	if (res == NULL)
		return;
	buf = wp_xform_serialize(t->html_xsl, res, &len);
	text_output(o, buf, len);
	xmlFreeDoc(res);
}

enum { OUT_MODEL, OUT_TEXT, OUT_HTML, OUT_PDF, OUT_COVER, OUT__MAX };

/* One service rendered in memory. */
struct rendering {
	struct wp_templates	*t;
	xmlDocPtr		 model;
	const char		*pdf_href, *index_href;
	int			 cover;		/* make OUT_COVER too */
	struct output		 out[OUT__MAX];
	int			 pages;
	xmlDocPtr		 side_model;	/* the side thread's copy */
};

/* The outputs made beside the PDF, from a copy of the model. */
static void *
side_outputs(void *arg)
{
	struct rendering	*r = arg;
	xmlChar			*buf;
	int			 len;

	wp_stage_begin(STAGE_TEXT);
	buf = wp_xform_serialize(r->t->merge_xsl, r->side_model, &len);
	text_output(&r->out[OUT_MODEL], buf, len);
	buf = wp_build_text(r->t, r->side_model, &len);
	text_output(&r->out[OUT_TEXT], buf, len);
	wp_stage_end(STAGE_TEXT);
	wp_stage_begin(STAGE_HTML);
	html_output(r->t, r->side_model, r->pdf_href, r->index_href,
	    &r->out[OUT_HTML]);
	wp_stage_end(STAGE_HTML);
	return NULL;
}

/*
 * Renders every output of a model.  The XSLT outputs are made in a
 * second thread while this one typesets: a third of the time, on a
 * machine with two cores.  The side thread has its own copy of the
 * model; libxml2 and libxslt are safe across threads that share no
 * document, and Pango and Cairo stay in this one.  Returns 0 when every
 * output asked for was rendered.
 */
static int
render(struct rendering *r)
{
	pthread_t	 thread;
	int		 threaded, i;

	r->side_model = xmlCopyDoc(r->model, 1);
	threaded = r->side_model != NULL &&
	    pthread_create(&thread, NULL, side_outputs, r) == 0;
	if (!threaded && r->side_model != NULL)
		side_outputs(r);
	pdf_output(r->t, r->model, &r->out[OUT_PDF],
	    r->cover ? &r->out[OUT_COVER] : NULL, &r->pages);
	if (threaded)
		pthread_join(thread, NULL);
	xmlFreeDoc(r->side_model);
	r->side_model = NULL;
	for (i = 0; i < OUT__MAX; i++)
		if (r->out[i].buf == NULL && (i != OUT_COVER || r->cover))
			return -1;
	return 0;
}

static void
rendering_free(struct rendering *r)
{
	int i;

	for (i = 0; i < OUT__MAX; i++)
		if (r->out[i].buf != NULL)
			r->out[i].release(r->out[i].buf);
	xmlFreeDoc(r->model);
}

/* The files a build writes into a service's folder, and nothing else. */
static const char *const service_files[] = { "document.xml",
    "whitepaper.txt", "whitepaper.html", "whitepaper.pdf", "index-entry.xml" };

static int
service_file(const char *name, void *unused)
{
	(void)unused;
	for (size_t i = 0; i < sizeof(service_files) / sizeof(*service_files); i++)
		if (strcmp(name, service_files[i]) == 0)
			return 1;
	return 0;
}

/*
 * index-entry.xml: the service as the index page shows it, an index of
 * one.  Kept as it was when it did not change, so that make, which
 * builds the index from these, rebuilds it only when a title, version,
 * date or document number changed, not on every edit of a clause.
 */
static int
put_entry(struct wp_outset *o, const char *id, xmlDocPtr model)
{
	struct wp_index	*e = wp_index_new();
	xmlChar		*buf = NULL;
	int		 len = 0, rc;

	wp_index_add(e, id, model);
	xmlDocDumpFormatMemoryEnc(e->doc, &buf, &len, "UTF-8", 1);
	rc = buf == NULL ? -1 :
	    wp_outset_put_kept(o, "index-entry.xml", buf, (size_t)len);
	xmlFree(buf);
	wp_index_free(e);
	return rc;
}

int
wp_build_service(struct wp_templates *t, const char *dir,
    const char *outdir, const char *index_href, int *pages)
{
	struct rendering r = { 0 };
	struct wp_outset *o = NULL;
	pthread_t	 fonts;
	char		*id = wp_service_id(dir);
	int		 loading, rc = -1, i;

	r.t = t;
	r.pdf_href = "whitepaper.pdf";
	r.index_href = index_href;
	/* The first service's fonts load in a thread of their own while its
	 * content is read, validated and merged. */
	loading = t->fonts == NULL &&
	    pthread_create(&fonts, NULL, load_fonts, t) == 0;
	r.model = wp_build_model(t, dir);
	if (loading)
		pthread_join(fonts, NULL);
	if (r.model == NULL || render(&r) == -1)
		goto done;
	/* every output of the service, or none: one folder swapped in */
	wp_stage_begin(STAGE_WRITE);
	if ((o = wp_outset_begin(outdir, service_file, NULL)) != NULL) {
		rc = 0;
		for (i = 0; i <= OUT_PDF && rc == 0; i++)
			rc = wp_outset_put(o, service_files[i], r.out[i].buf,
			    r.out[i].len);
		if (rc == 0)
			rc = put_entry(o, id, r.model);
		rc = rc == 0 ? wp_outset_commit(o) : (wp_outset_abort(o), -1);
	}
	wp_stage_end(STAGE_WRITE);
	if (pages != NULL)
		*pages = r.pages;
done:
	rendering_free(&r);
	free(id);
	return rc;
}

/* ---- release ---------------------------------------------------------- */

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
	char		*num = wp_model_meta(model, "document-number");
	char		*ver = wp_model_meta(model, "version");
	char		*base, *src;
	const char	*other;

	base = g_strdup_printf("%s%s%s", num != NULL ? num : id,
	    ver != NULL ? "_" : "", ver != NULL ? ver : "");
	if ((other = g_hash_table_lookup(rl->names, base)) != NULL) {
		src = wp_model_src(wp_xml_child(meta, num != NULL ?
		    "document-number" : "name"));
		wp_msg(MSG_SAME_OUTPUT, src, 0, base, other);
		free(src);
		g_free(base);
		base = NULL;
	} else
		g_hash_table_insert(rl->names, g_strdup(base), g_strdup(id));
	free(num);
	free(ver);
	return base;
}

/* One service's files and manifest entry; 0, or -1 after reporting. */
static int
release_service(struct wp_templates *t, struct release *rl, const char *dir,
    int last)
{
	struct rendering r = { t, NULL, NULL, NULL, 1, { { 0 } }, 0, NULL };
	char	*id = wp_service_id(dir), *base = NULL, *pdf, *html, *png;
	int	 rc = -1;

	if ((r.model = wp_build_model(t, dir)) == NULL ||
	    (base = release_base(rl, id, r.model)) == NULL)
		goto done;
	pdf = g_strconcat(base, ".pdf", NULL);
	html = g_strconcat(base, ".html", NULL);
	png = g_strconcat(base, ".png", NULL);
	r.pdf_href = pdf;
	if (render(&r) == 0) {
		static const char *const fields[][2] = { { "title", "title" },
		    { "version", "version" }, { "date", "date" },
		    { "document_number", "document-number" } };
		g_string_append(rl->json, "    {\n      \"service\": ");
		json_str(rl->json, id);
		for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++) {
			char *v = wp_model_meta(r.model, fields[i][1]);
			g_string_append_printf(rl->json, ",\n      \"%s\": ",
			    fields[i][0]);
			json_str(rl->json, v);
			free(v);
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
	rendering_free(&r);
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
wp_build_release(struct wp_templates *t, int n, char **dirs,
    const char *outdir)
{
	struct release	 rl = { NULL, NULL, NULL, NULL, NULL, NULL };
	int		 i, bad = 0;

	for (i = 0; i < n; i++)
		bad |= wp_build_check(t, dirs[i]) != 0;
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
		bad = release_service(t, &rl, dirs[i], i + 1 == n) != 0;
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

struct wp_index *
wp_index_new(void)
{
	struct wp_index *x = wp_calloc(1, sizeof(*x));

	x->doc = xmlNewDoc(BAD_CAST "1.0");
	xmlDocSetRootElement(x->doc, xmlNewNode(NULL, BAD_CAST "index"));
	return x;
}

/* Adds a whitepaper: its outputs' addresses made from its id, never
 * copied, so that no entry can point the index anywhere else. */
static void
index_add_meta(struct wp_index *x, const char *id, xmlNodePtr meta)
{
	xmlNodePtr	 wp;
	char		*path;

	wp = xmlNewChild(xmlDocGetRootElement(x->doc), NULL,
	    BAD_CAST "whitepaper", NULL);
	xmlNewProp(wp, BAD_CAST "id", BAD_CAST id);
	path = wp_path(id, "whitepaper.html");
	xmlNewProp(wp, BAD_CAST "html", BAD_CAST path);
	free(path);
	path = wp_path(id, "whitepaper.pdf");
	xmlNewProp(wp, BAD_CAST "pdf", BAD_CAST path);
	free(path);
	meta = xmlAddChild(wp, xmlDocCopyNode(meta, x->doc, 1));
	/* where each fact was written is the build's business: an entry
	 * changes only when what the index shows does */
	for (xmlNodePtr n = meta != NULL ? meta->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			xmlUnsetProp(n, BAD_CAST "src");
}

void
wp_index_add(struct wp_index *x, const char *id, xmlDocPtr model)
{
	xmlNodePtr	 meta;

	if ((meta = wp_xml_child(xmlDocGetRootElement(model), "meta")) != NULL)
		index_add_meta(x, id, meta);
}

/*
 * An entry is read as data a build wrote, but checked as content: it may
 * have been edited or planted.  Only its id (a service id, so a safe
 * folder name) and its <meta> are taken.
 */
int
wp_index_add_entry(struct wp_index *x, const char *path)
{
	xmlDocPtr	 entry = wp_load_xml(path);
	xmlNodePtr	 n;
	int		 rc = -1;

	if (entry == NULL)
		return -1;
	if (!wp_xml_is(xmlDocGetRootElement(entry), "index")) {
		wp_msg(MSG_IO, path, 0, "neither a service folder nor an "
		    "index-entry.xml");
		goto done;
	}
	rc = 0;
	for (n = xmlDocGetRootElement(entry)->children; n; n = n->next) {
		xmlChar *id;
		if (!wp_xml_is(n, "whitepaper"))
			continue;
		id = xmlGetProp(n, BAD_CAST "id");
		if (id == NULL || !wp_validate_id((const char *)id) ||
		    wp_xml_child(n, "meta") == NULL) {
			wp_msg(MSG_ENTRY, path, xmlGetLineNo(n));
			rc = -1;
		} else
			index_add_meta(x, (const char *)id,
			    wp_xml_child(n, "meta"));
		xmlFree(id);
	}
done:
	xmlFreeDoc(entry);
	return rc;
}

int
wp_index_write(const struct wp_templates *t, struct wp_index *x,
    const char *path)
{
	xmlDocPtr	 res = wp_xform_apply(t->index_xsl, x->doc, NULL, 0,
			    NULL);
	xmlChar		*buf = NULL;
	int		 len, rc = -1;

	if (res != NULL)
		buf = wp_xform_serialize(t->index_xsl, res, &len);
	if (buf != NULL)
		rc = wp_write_file(path, buf, (size_t)len);
	xmlFree(buf);
	xmlFreeDoc(res);
	return rc;
}

void
wp_index_free(struct wp_index *x)
{
	if (x == NULL)
		return;
	xmlFreeDoc(x->doc);
	free(x);
}
