/*
 * lintprose: Japanese prose rules through textlint (wpgen lint --prose).
 * Each service's text, as its model holds it (names, cross-references
 * and links resolved), is written one block a paragraph into a scratch
 * folder beside the publisher's names as a prh dictionary and the
 * rules' settings (templates/textlint/); textlint reads them all in one
 * run, and each finding is mapped back to the service.xml line that
 * holds the character it points at: the model knows each block's start
 * line, and the block's source text, read as lint reads it, the rest.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "base/diag.h"
#include "base/path.h"
#include "check/lint.h"
#include "check/lintint.h"
#include "input/xml.h"
#include "model/model.h"

/* One block of text given to textlint: where it came from. */
struct block {
	const char	*file;		/* service.xml (borrowed) */
	long		 line;		/* its start tag's */
	xmlNodePtr	 src;		/* the element there, or NULL */
	char		*text;		/* as given to textlint, one line */
};

struct wp_prose {
	char		*textlint;	/* the program */
	char		*dir;		/* the scratch folder */
	struct block	*b;		/* in the order of the files' lines */
	size_t		 nb, cap;
	char		**files;	/* one a service, in dir */
	size_t		*first;		/* each file's first block in b */
	size_t		 nf;
	const struct wp_service **svc;	/* each file's (borrowed) */
};

/*
 * The textlint program: $WPGEN_TEXTLINT, else the one `make textlint`
 * installs beside the program (build/textlint/ for build/wpgen), else
 * one on PATH.  NULL when none is.
 */
static char *
find_textlint(void)
{
	const char	*env = getenv("WPGEN_TEXTLINT");
	char		 exe[4096], *dir, *p;
	ssize_t		 n;

	if (env != NULL && *env != '\0')
		return access(env, X_OK) == 0 ? wp_strdup(env) : NULL;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0 && (exe[n] = '\0', dir = strrchr(exe, '/')) != NULL) {
		*dir = '\0';
		p = wp_path(exe, "textlint/node_modules/.bin/textlint");
		if (access(p, X_OK) == 0)
			return p;
		free(p);
	}
	p = g_find_program_in_path("textlint");
	if (p != NULL) {
		char *r = wp_strdup(p);
		g_free(p);
		return r;
	}
	return NULL;
}

/* Copies templates/textlint/<name> into the scratch folder. */
static int
copy_in(const char *tdir, const char *dir, const char *name)
{
	char	*from = wp_path(tdir, name), *to = wp_path(dir, name);
	gchar	*buf = NULL;
	gsize	 len = 0;
	int	 rc = 0;

	if (!g_file_get_contents(from, &buf, &len, NULL) ||
	    !g_file_set_contents(to, buf, (gssize)len, NULL)) {
		wp_msg(MSG_TEXTLINT, from, 0, "cannot copy textlint's "
		    "settings from here (is the templates folder whole?)");
		rc = -1;
	}
	g_free(buf);
	free(from);
	free(to);
	return rc;
}

struct wp_prose *
wp_prose_new(const struct wp_templates *t)
{
	struct wp_prose	*p;
	char		*tl = find_textlint(), *tdir, *prh;
	FILE		*f;
	int		 bad = 0;

	if (tl == NULL) {
		wp_msg(MSG_TEXTLINT, NULL, 0, "wpgen lint --prose needs "
		    "textlint, which is not installed (run make textlint, or "
		    "set WPGEN_TEXTLINT to a textlint program)");
		return NULL;
	}
	p = wp_calloc(1, sizeof(*p));
	p->textlint = tl;
	p->dir = g_dir_make_tmp("wpgen-prose-XXXXXX", NULL);
	if (p->dir == NULL) {
		wp_msg(MSG_TEXTLINT, NULL, 0, "cannot make a scratch folder");
		free(p->textlint);
		free(p);
		return NULL;
	}
	tdir = wp_path(t->dir, "textlint");
	bad |= copy_in(tdir, p->dir, "textlintrc.yml");
	bad |= copy_in(tdir, p->dir, "wpgen-format.js");
	prh = wp_path(p->dir, "prh.yml");
	if ((f = fopen(prh, "w")) != NULL) {
		int rc = wp_lint_prh(t, f);
		if (fclose(f) != 0 || rc == -1)
			f = NULL;
	}
	if (f == NULL) {
		wp_msg(MSG_TEXTLINT, prh, 0, "cannot write the publisher's "
		    "names as a prh dictionary (does the templates folder have "
		    "iso27017/names.xml?)");
		bad = 1;
	}
	free(prh);
	free(tdir);
	if (bad) {
		wp_prose_free(p);
		return NULL;
	}
	return p;
}

/* ---- the text --------------------------------------------------------- */

static int
is_block(const xmlNode *n)
{
	return wp_xml_is(n, "p") || wp_xml_is(n, "li") ||
	    wp_xml_is(n, "td") || wp_xml_is(n, "th") ||
	    wp_xml_is(n, "caption");
}

/*
 * Appends n's text to g, nested lists left out (each item is a block of
 * its own), white space as rendering folds it: a run of it is nothing,
 * but one space between two Latin letters or digits.
 */
static void
block_text(GString *g, const xmlNode *n, int *space)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (!wp_xml_is(c, "ol") && !wp_xml_is(c, "ul"))
				block_text(g, c, space);
			continue;
		}
		if (c->type != XML_TEXT_NODE || c->content == NULL)
			continue;
		for (const char *s = (const char *)c->content; *s; ) {
			gunichar u = g_utf8_get_char_validated(s, -1);
			if (u == (gunichar)-1 || u == (gunichar)-2)
				break;
			s = g_utf8_next_char(s);
			if (g_unichar_isspace(u)) {
				*space = 1;
				continue;
			}
			if (*space && g->len > 0 && u < 0x80 &&
			    g_ascii_isalnum((char)u) &&
			    g_ascii_isalnum(g->str[g->len - 1]))
				g_string_append_c(g, ' ');
			*space = 0;
			g_string_append_unichar(g, u);
		}
	}
}

/* The element of doc called name on line, not taken yet; or NULL. */
static xmlNodePtr
source_of(const struct wp_prose *p, xmlDocPtr doc, const char *name,
    long line)
{
	xmlNodePtr	 top = xmlDocGetRootElement(doc);

	for (xmlNodePtr n = top; n != NULL; ) {
		int taken = 0;

		if (n->type == XML_ELEMENT_NODE && xmlGetLineNo(n) == line &&
		    wp_xml_is(n, name)) {
			for (size_t i = 0; i < p->nb && !taken; i++)
				taken = p->b[i].src == n;
			if (!taken)
				return n;
		}
		if (n->children != NULL && n->type == XML_ELEMENT_NODE)
			n = n->children;
		else {
			while (n != NULL && n->next == NULL)
				n = n->parent == (xmlNodePtr)doc ? NULL :
				    n->parent;
			n = n != NULL ? n->next : NULL;
		}
	}
	return NULL;
}

void
wp_prose_add(struct wp_prose *p, const xmlDoc *model,
    const struct wp_service *s)
{
	xmlNodePtr	 top = xmlDocGetRootElement((xmlDocPtr)model);
	size_t		 nfile = strlen(s->service_path);
	GString		*all = g_string_new(NULL);
	char		 name[64], *path;

	p->first = wp_reallocarray(p->first, p->nf + 1, sizeof(*p->first));
	p->first[p->nf] = p->nb;

	for (xmlNodePtr n = top; n != NULL; n = wp_model_next(top, n)) {
		xmlChar	*src;
		int	 space = 0;
		GString	*g;

		if (!is_block(n) ||
		    (src = xmlGetProp(n, BAD_CAST "src")) == NULL)
			continue;
		if (strncmp((char *)src, s->service_path, nfile) == 0 &&
		    src[nfile] == ':') {
			g = g_string_new(NULL);
			block_text(g, n, &space);
			if (g->len > 0) {
				long line = strtol((char *)src + nfile + 1,
				    NULL, 10);
				p->b = wp_grow(p->b, &p->cap, p->nb,
				    sizeof(*p->b));
				p->b[p->nb] = (struct block){ s->service_path,
				    line, s->service == NULL ? NULL :
				    source_of(p, s->service, (char *)n->name,
				    line), wp_strdup(g->str) };
				g_string_append_printf(all, "%s\n\n", g->str);
				p->nb++;
			}
			g_string_free(g, TRUE);
		}
		xmlFree(src);
	}
	snprintf(name, sizeof(name), "%zu.txt", p->nf);
	path = wp_path(p->dir, name);
	if (!g_file_set_contents(path, all->str, (gssize)all->len, NULL))
		wp_msg(MSG_TEXTLINT, path, 0, "cannot write the text");
	p->files = wp_reallocarray(p->files, p->nf + 1, sizeof(*p->files));
	p->svc = wp_reallocarray(p->svc, p->nf + 1, sizeof(*p->svc));
	p->files[p->nf] = path;
	p->svc[p->nf++] = s;
	g_string_free(all, TRUE);
}

/* ---- textlint's findings, back to the source -------------------------- */

/*
 * The characters of the source element src as lint reads them (white
 * space dropped), each with its line: an element that the model
 * resolves (<name/>, <xref/>, a <link/> without text) as one stand-in.
 */
static void
source_chars(const xmlNode *n, struct lint_text *t, long *line)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			int space = 0;
			lint_push_utf8(t, (const char *)c->content, line,
			    &space);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || wp_xml_is(c, "ol") ||
		    wp_xml_is(c, "ul"))
			continue;
		if (xmlGetLineNo(c) > *line)
			*line = xmlGetLineNo(c);
		if (wp_xml_is(c, "name") || wp_xml_is(c, "xref") ||
		    (wp_xml_is(c, "link") && c->children == NULL)) {
			int space = 0;
			lint_push(t, LINT_CH_NAME, *line, &space);
		} else
			source_chars(c, t, line);
	}
}

/*
 * The source line of the character at UTF-16 index col0 of block b's
 * text: both read without white space, the model's characters matched
 * to the source's in order, a stand-in matching what the model wrote
 * for it, up to the source's next character.
 */
static long
source_line(const struct block *b, long col0)
{
	struct lint_text	 src = { 0 }, mod = { 0 };
	long			 line = b->line, m = b->line, u = 0;
	size_t			 target = 0, i = 0, j = 0;
	int			 space = 0;

	if (b->src == NULL)
		return b->line;
	source_chars(b->src, &src, &line);
	/* the model's text, and which of its characters col0 is */
	for (const char *s = b->text; *s != '\0' && u <= col0; ) {
		gunichar c = g_utf8_get_char(s);
		if (u == col0 || (u < col0 && u + (c > 0xFFFF) >= col0))
			target = mod.n;
		u += c > 0xFFFF ? 2 : 1;
		s = g_utf8_next_char(s);
		lint_push(&mod, c, 0, &space);
		if (mod.n > 0 && mod.c[mod.n - 1] == ' ')
			mod.n--;		/* the source reads none */
	}
	while (i < mod.n && j < src.n && i < target) {
		if (src.c[j] == LINT_CH_NAME) {
			/* what the model wrote for it: up to the next match */
			i++;
			if (j + 1 < src.n && i < mod.n &&
			    mod.c[i] == src.c[j + 1])
				j++;
		} else if (mod.c[i] == src.c[j])
			i++, j++;
		else
			i++;
	}
	if (src.n > 0)
		m = src.line[j < src.n ? j : src.n - 1];
	free(src.c);
	free(src.line);
	free(mod.c);
	free(mod.line);
	return m;
}

/*
 * Reports one line of wpgen-format.js's output, "file\tline\tcolumn\t
 * rule\tmessage"; returns 1 if it said it, 0 if the baseline accepted
 * it or it is no finding of a block.
 */
static int
report_line(struct wp_prose *p, char *s, struct wp_baseline *base)
{
	char	*f[5], *base_name, *said;
	long	 line, col;
	size_t	 k = 0, fi, bi;
	int	 said_it = 0;

	for (char *t = s; k < 5; k++) {
		f[k] = t;
		if (k < 4) {
			if ((t = strchr(t, '\t')) == NULL)
				return 0;
			*t++ = '\0';
		}
	}
	base_name = strrchr(f[0], '/');
	base_name = base_name != NULL ? base_name + 1 : f[0];
	fi = (size_t)strtoul(base_name, NULL, 10);
	line = strtol(f[1], NULL, 10);
	col = strtol(f[2], NULL, 10);
	if (fi >= p->nf || line < 1 || (line - 1) % 2 != 0)
		return 0;
	bi = p->first[fi] + (size_t)(line - 1) / 2;
	if (bi >= p->nb || (fi + 1 < p->nf && bi >= p->first[fi + 1]))
		return 0;
	said = wp_msg_text(MSG_PROSE, f[4], f[3]);
	if (!wp_baseline_accept(base, p->b[bi].file, said)) {
		wp_msg(MSG_PROSE, p->b[bi].file, source_line(&p->b[bi],
		    col > 0 ? col - 1 : 0), f[4], f[3]);
		said_it = 1;
	}
	free(said);
	return said_it;
}

int
wp_prose_run(struct wp_prose *p, struct wp_baseline *base)
{
	GPtrArray	*argv = g_ptr_array_new();
	char		*format = wp_path(p->dir, "wpgen-format.js");
	gchar		*out = NULL, *err = NULL;
	gint		 status = 0;
	GError		*e = NULL;
	int		 found = 0;

	if (p->nf == 0)
		return 0;
	g_ptr_array_add(argv, p->textlint);
	g_ptr_array_add(argv, "--config");
	g_ptr_array_add(argv, "textlintrc.yml");
	g_ptr_array_add(argv, "--format");
	g_ptr_array_add(argv, format);
	for (size_t i = 0; i < p->nf; i++)
		g_ptr_array_add(argv, p->files[i]);
	g_ptr_array_add(argv, NULL);
	if (!g_spawn_sync(p->dir, (gchar **)argv->pdata, NULL, 0, NULL, NULL,
	    &out, &err, &status, &e)) {
		wp_msg(MSG_TEXTLINT, p->textlint, 0, e->message);
		found = -1;
	} else if (!g_spawn_check_wait_status(status, NULL) &&
	    (!WIFEXITED(status) || WEXITSTATUS(status) != 1 ||
	    (out != NULL && *out == '\0' && err != NULL && *err != '\0'))) {
		/* 1 and findings is "found something"; else trouble */
		char *nl = err != NULL ? strchr(err, '\n') : NULL;
		if (nl != NULL)
			*nl = '\0';
		wp_msg(MSG_TEXTLINT, p->textlint, 0, err != NULL && *err ?
		    err : "textlint failed");
		found = -1;
	} else
		for (char *l = out, *nl; l != NULL && *l != '\0'; l = nl) {
			if ((nl = strchr(l, '\n')) != NULL)
				*nl++ = '\0';
			found += report_line(p, l, base);
		}
	if (e != NULL)
		g_error_free(e);
	g_free(out);
	g_free(err);
	g_ptr_array_free(argv, TRUE);
	free(format);
	return found;
}

void
wp_prose_free(struct wp_prose *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->nb; i++)
		free(p->b[i].text);
	for (size_t i = 0; i < p->nf; i++) {
		g_unlink(p->files[i]);
		free(p->files[i]);
	}
	if (p->dir != NULL) {
		static const char *const mine[] = { "textlintrc.yml",
		    "wpgen-format.js", "prh.yml" };
		for (size_t i = 0; i < sizeof(mine) / sizeof(*mine); i++) {
			char *f = wp_path(p->dir, mine[i]);
			g_unlink(f);
			free(f);
		}
		g_rmdir(p->dir);
		g_free(p->dir);
	}
	free(p->b);
	free(p->files);
	free(p->first);
	free(p->svc);
	free(p->textlint);
	free(p);
}
