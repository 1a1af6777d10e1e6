/*
 * pdftags: the PDF cairo wrote made a Tagged PDF that claims PDF/UA-1.
 *
 * Why a pass after cairo.  cairo 1.16 marks what is drawn inside a tag
 * as content of a structure element, and that much wpgen uses: every
 * stretch of one element's items is drawn in a tag (pdf.c).  But its
 * structure tree cannot be the document's (cairo-pdf-interchange.c):
 * only an element without children gets content (is_leaf_node), so a
 * paragraph with a link in it would lose its text; an element is made
 * at its tag's start and cannot be continued after another's, so a
 * list label drawn after its item's first line, or a table row that
 * goes on over a page beside its neighbour cells, cannot be told; an
 * element still open at a page break is reopened first thing on the
 * next page, so a running head drawn there would be its content.  And
 * it writes no attributes (/Alt, /Lang, /ActualText, a header cell's
 * /Scope), no artifacts (it has no Artifact tag, and leaves what is
 * drawn outside tags unmarked), no /Lang, /ViewerPreferences or XMP
 * /Metadata in the catalog, no /Tabs on pages, and link annotations
 * without /Contents.  So: cairo draws and numbers the marked content;
 * this pass writes the structure tree from the doc's (doc.h) and those
 * numbers, marks everything outside them as artifacts, and adds the
 * entries.  It rewrites only the objects it must (pdfobj.c), so the
 * pages' look is cairo's to the byte, and the same input gives the same
 * bytes.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/thread.h"
#include "render/pdfint.h"

/* Each element type's standard structure type (ISO 32000-1, 14.8.4). */
static const char *const elem_names[] = {
	[EL_DOCUMENT] = "Document", [EL_SECT] = "Sect", [EL_H1] = "H1",
	[EL_H2] = "H2", [EL_H3] = "H3", [EL_P] = "P", [EL_L] = "L",
	[EL_LI] = "LI", [EL_LBL] = "Lbl", [EL_LBODY] = "LBody",
	[EL_TABLE] = "Table", [EL_TR] = "TR", [EL_TH] = "TH", [EL_TD] = "TD",
	[EL_FIGURE] = "Figure", [EL_CAPTION] = "Caption", [EL_TOC] = "TOC",
	[EL_TOCI] = "TOCI", [EL_LINK] = "Link", [EL_SPAN] = "Span"
};

const char *
wp_pdf_elem_name(enum wp_elem_type t)
{
	return elem_names[t];
}

/* ---- the file's parts ------------------------------------------------- */

/* The parent tree's number tree, as cairo writes it: one /Nums array. */
struct nums {
	long		*key, *val;
	size_t		 n;
};

struct tagging {
	struct wp_pdf_file	 f;
	const struct wp_doc	*d;
	const struct wp_pdf_mark *marks;
	size_t			 nmarks;
	long			*pages;		/* page objects */
	size_t			 npages;
	int			*mcid;		/* each mark's on its page */
	long			*annot;		/* each annot mark's annotation */
	long			*obj;		/* each element's object, or 0 */
	long			 root, tree;	/* catalog, structure tree root */
	struct nums		 nums;
	const char		*why;
	struct wp_pdf_ahead	*ahead;		/* pages rewritten, or NULL */
};

static int
fail(struct tagging *t, const char *why)
{
	t->why = why;
	return -1;
}

static struct wp_pdf_span
trailer(const struct tagging *t)
{
	return (struct wp_pdf_span){ t->f.trailer, t->f.trailer +
	    strlen(t->f.trailer) };
}

/* The pages, in order, from the catalog's (flat) page tree; the parent
 * tree's entries. */
static int
find_parts(struct tagging *t)
{
	struct wp_pdf_span kids, k, root, n;
	const char *at;

	t->root = wp_pdf_ref(wp_pdf_get(trailer(t), "/Root"));
	root = wp_pdf_body(&t->f, t->root);
	kids = wp_pdf_get(wp_pdf_body(&t->f, wp_pdf_ref(wp_pdf_get(root,
	    "/Pages"))), "/Kids");
	for (at = kids.s; wp_pdf_next(kids, &at, &k);) {
		t->pages = wp_reallocarray(t->pages, t->npages + 1,
		    sizeof(*t->pages));
		t->pages[t->npages++] = wp_pdf_ref(k);
	}
	if (t->npages != t->d->npages)
		return fail(t, "its pages are not the document's");
	t->tree = wp_pdf_ref(wp_pdf_get(root, "/StructTreeRoot"));
	n = wp_pdf_get(wp_pdf_body(&t->f, wp_pdf_ref(wp_pdf_get(
	    wp_pdf_body(&t->f, t->tree), "/ParentTree"))), "/Nums");
	for (at = n.s; wp_pdf_next(n, &at, &k) && wp_pdf_next(n, &at, &root);) {
		t->nums.key = wp_reallocarray(t->nums.key, t->nums.n + 1,
		    sizeof(long));
		t->nums.val = wp_reallocarray(t->nums.val, t->nums.n + 1,
		    sizeof(long));
		t->nums.key[t->nums.n] = wp_pdf_int(k);
		t->nums.val[t->nums.n++] = wp_pdf_ref(root);
	}
	return t->tree > 0 && t->nums.n > 0 ? 0 :
	    fail(t, "it has no structure tree");
}

static long
nums_get(const struct nums *n, long key)
{
	size_t i;

	for (i = 0; i < n->n; i++)
		if (n->key[i] == key)
			return n->val[i];
	return -1;
}

static void
nums_set(struct nums *n, long key, long val)
{
	size_t i;

	for (i = 0; i < n->n; i++)
		if (n->key[i] == key)
			n->val[i] = val;
}

/* Each mark's MCID: its place among its page's marks. */
static void
number_marks(struct tagging *t)
{
	size_t	 i;
	int	 k = 0;

	for (i = 0; i < t->nmarks; i++) {
		k = i > 0 && t->marks[i].page == t->marks[i - 1].page ? k + 1 : 0;
		t->mcid[i] = k;
	}
}

/* A page's content stream rewritten: what contents() does per page. */
struct page_content {
	long		 c, len;	/* its object and its length's */
	size_t		 marks;		/* its structure sequences, drawn */
	int		 read;		/* its stream could be read */
	int		 seen;		/* sequences found in it, or -1 */
	char		*body;		/* the new object, when seen >= 0 */
	size_t		 n;
};

/* A page's content (n bytes, decoded) into pc: its artifacts marked,
 * compressed. */
static void
rewrite_page(struct page_content *pc, const guint8 *data, size_t n)
{
	GByteArray *out = g_byte_array_sized_new((guint)n + 1024);

	pc->read = 1;
	pc->seen = wp_pdf_artifacts(data, n, out);
	if (pc->seen >= 0)
		pc->body = wp_pdf_stream_body(NULL, out->data, out->len, 1,
		    &pc->n);
	g_byte_array_unref(out);
}

/*
 * Pages rewritten ahead.  A page's content is final once cairo has
 * shown it, and after the last page cairo spends a third of the PDF's
 * time writing the fonts: meanwhile the pages are rewritten here, in a
 * second thread, from a copy of what cairo had written.  A page whose
 * content is not where and what cairo writes (wp_pdf_first_stream) is
 * left to contents().
 */
struct wp_pdf_ahead {
	pthread_t		 thread;
	unsigned char		*buf;	/* the copy */
	size_t			*start;	/* each page's, then the end */
	size_t			 npages;
	struct page_content	*pc;
	int			 running;	/* not joined yet */
};

static void *
ahead(void *arg)
{
	struct wp_pdf_ahead	*a = arg;
	const char		*b = (const char *)a->buf;
	struct wp_pdf_span	 data;

	for (size_t p = 0; p < a->npages; p++)
		if (wp_pdf_first_stream(b + a->start[p], b + a->start[p + 1],
		    &a->pc[p].c, &data) == 0)
			rewrite_page(&a->pc[p], (const guint8 *)data.s,
			    (size_t)(data.e - data.s));
	return NULL;
}

struct wp_pdf_ahead *
wp_pdf_ahead_start(const unsigned char *buf, size_t n, const size_t *start,
    size_t npages)
{
	struct wp_pdf_ahead *a = wp_calloc(1, sizeof(*a));

	a->buf = wp_reallocarray(NULL, n + 1, 1);
	memcpy(a->buf, buf, n);
	a->start = wp_reallocarray(NULL, npages + 1, sizeof(*a->start));
	memcpy(a->start, start, npages * sizeof(*a->start));
	a->start[npages] = n;
	a->npages = npages;
	a->pc = wp_calloc(npages + 1, sizeof(*a->pc));
	if (wp_thread_beside(&a->thread, ahead, a) != 0) {
		wp_pdf_ahead_free(a);
		return NULL;
	}
	a->running = 1;
	return a;
}

void
wp_pdf_ahead_free(struct wp_pdf_ahead *a)
{
	if (a == NULL)
		return;
	if (a->running)
		pthread_join(a->thread, NULL);
	for (size_t p = 0; p < a->npages; p++)
		g_free(a->pc[p].body);
	free(a->pc);
	free(a->start);
	free(a->buf);
	free(a);
}

/* The pages rewritten ahead taken over where they are the file's. */
static void
take_ahead(struct tagging *t, struct page_content *pc)
{
	struct wp_pdf_ahead *a = t->ahead;

	if (a == NULL)
		return;
	pthread_join(a->thread, NULL);
	a->running = 0;
	for (size_t p = 0; p < t->npages && p < a->npages; p++)
		if (a->pc[p].read && a->pc[p].c == pc[p].c) {
			pc[p].read = 1;
			pc[p].seen = a->pc[p].seen;
			pc[p].body = a->pc[p].body;
			pc[p].n = a->pc[p].n;
			a->pc[p].body = NULL;
		}
}

/*
 * Each page's content with its artifacts marked, its structure
 * sequences checked against the marks: as rewritten ahead, or here
 * (a page cairo wrote otherwise, or no second thread), and the file
 * changed only once every page has been.
 */
static int
contents(struct tagging *t)
{
	struct page_content	*pc = wp_calloc(t->npages + 1, sizeof(*pc));
	GByteArray		*in;
	size_t			 p, i = 0;
	int			 rc = 0;

	for (p = 0; p < t->npages; p++) {
		pc[p].c = wp_pdf_ref(wp_pdf_get(wp_pdf_body(&t->f,
		    t->pages[p]), "/Contents"));
		pc[p].len = wp_pdf_ref(wp_pdf_get(wp_pdf_body(&t->f,
		    pc[p].c), "/Length"));
		for (; i < t->nmarks && t->marks[i].page == (int)p; i++)
			pc[p].marks++;
	}
	take_ahead(t, pc);
	for (p = 0; p < t->npages; p++)
		if (!pc[p].read && wp_pdf_stream(&t->f, pc[p].c, &in) == 0) {
			rewrite_page(&pc[p], in->data, in->len);
			g_byte_array_unref(in);
		}
	for (p = 0; p < t->npages && rc == 0; p++) {
		if (!pc[p].read)
			rc = fail(t, "a page's content is unreadable");
		else if (pc[p].seen < 0 || (size_t)pc[p].seen != pc[p].marks)
			rc = fail(t, "its marked content is not what was drawn");
		else {
			wp_pdf_put(&t->f, pc[p].c, pc[p].body, pc[p].n);
			pc[p].body = NULL;	/* the file's now */
			wp_pdf_free(&t->f, pc[p].len);	/* its length's object */
		}
	}
	for (p = 0; p < t->npages; p++)
		g_free(pc[p].body);
	free(pc);
	return rc;
}

/* The fonts' outlines, if the PDF was drawn without (pdffont.c). */
static int
outlines(struct tagging *t, int stand_ins)
{
	return stand_ins ? wp_pdf_put_outlines(&t->f, &t->why) : 0;
}

/* The rest of what cairo wrote plain (its ToUnicode maps), compressed:
 * see wp_pdf_setup(). */
static int
compress_rest(struct tagging *t)
{
	return wp_pdf_compress_all(&t->f) == 0 ? 0 :
	    fail(t, "a stream is unreadable");
}

/* Whether cairo's element node holds MCID mcid. */
static int
holds(const struct tagging *t, long node, int mcid)
{
	struct wp_pdf_span k = wp_pdf_get(wp_pdf_body(&t->f, node), "/K"), v;
	const char *at;

	if (wp_pdf_int(k) == mcid)
		return 1;
	for (at = k.s; wp_pdf_next(k, &at, &v);)
		if (wp_pdf_int(v) == mcid)
			return 1;
	return 0;
}

/*
 * Each annotation mark's annotation: a page's /Annots are cairo's Link
 * tags with a target there, in order, which are those marks; each is
 * checked through its /StructParent to the element cairo made of the
 * tag, which holds the mark's MCID.
 */
static int
find_annots(struct tagging *t)
{
	size_t	 p, i = 0;

	for (p = 0; p < t->npages; p++) {
		struct wp_pdf_span an = wp_pdf_get(wp_pdf_body(&t->f,
		    t->pages[p]), "/Annots"), a;
		const char *at = an.s;
		for (; i < t->nmarks && t->marks[i].page == (int)p; i++) {
			long sp;
			if (!t->marks[i].annot)
				continue;
			if (an.s == NULL || !wp_pdf_next(an, &at, &a))
				return fail(t, "an annotation is missing");
			t->annot[i] = wp_pdf_ref(a);
			sp = wp_pdf_int(wp_pdf_get(wp_pdf_body(&t->f,
			    t->annot[i]), "/StructParent"));
			if (!holds(t, nums_get(&t->nums, sp), t->mcid[i]))
				return fail(t, "an annotation is not its link's");
		}
		if (an.s != NULL && wp_pdf_next(an, &at, &a))
			return fail(t, "an annotation was not drawn");
	}
	return 0;
}

/* ---- the structure tree ----------------------------------------------- */

/* The doc's tree as lists: each element's children, its own marks. */
struct tree {
	size_t		*kid0, *kids;	/* children of e: kids[kid0[e]..] */
	size_t		*own0, *own;	/* marks of e: own[own0[e]..] */
	size_t		*first;		/* first mark in e's subtree */
	int		*keep;
};

static size_t *
lists(size_t n, size_t m, const size_t *of, size_t **start)
{
	size_t	*s = wp_calloc(n + 2, sizeof(*s));
	size_t	*v = wp_calloc(m + 1, sizeof(*v)), *at, i;

	for (i = 0; i < m; i++)
		s[of[i] + 2]++;
	for (i = 2; i < n + 2; i++)
		s[i] += s[i - 1];
	at = s + 1;
	for (i = 0; i < m; i++)
		v[at[of[i]]++] = i;
	*start = s;
	return v;
}

static void
tree_make(struct tree *tr, const struct tagging *t)
{
	const struct wp_doc *d = t->d;
	size_t	 n = d->nelems, i, *of;

	of = wp_calloc(n + t->nmarks + 1, sizeof(*of));
	for (i = 1; i < n; i++)
		of[i - 1] = (size_t)d->elems[i].parent;
	tr->kids = lists(n, n - 1, of, &tr->kid0);
	for (i = 0; i < n - 1; i++)	/* element indexes, not positions */
		tr->kids[i]++;
	for (i = 0; i < t->nmarks; i++)
		of[i] = (size_t)t->marks[i].elem;
	tr->own = lists(n, t->nmarks, of, &tr->own0);
	free(of);
	tr->first = wp_calloc(n + 1, sizeof(*tr->first));
	tr->keep = wp_calloc(n + 1, sizeof(*tr->keep));
	for (i = 0; i < n; i++)
		tr->first[i] = tr->own0[i] < tr->own0[i + 1] ?
		    tr->own[tr->own0[i]] : (size_t)-1;
	/* children come after their parents: up the tree from the end */
	for (i = n; i-- > 1;)
		if (tr->first[i] < tr->first[d->elems[i].parent])
			tr->first[d->elems[i].parent] = tr->first[i];
	for (i = 0; i < n; i++) {
		enum wp_elem_type ty = d->elems[i].type;
		/* an empty cell keeps its row's shape */
		tr->keep[i] = i == 0 || tr->first[i] != (size_t)-1 ||
		    ((ty == EL_TH || ty == EL_TD) &&
		    tr->first[d->elems[i].parent] != (size_t)-1);
	}
}

static void
tree_free(struct tree *tr)
{
	free(tr->kid0);
	free(tr->kids);
	free(tr->own0);
	free(tr->own);
	free(tr->first);
	free(tr->keep);
}

/* One of an element's own marks as a content item. */
static void
content_item(GString *g, const struct tagging *t, size_t m, int pg)
{
	const struct wp_pdf_mark *k = &t->marks[m];

	if (k->page == pg)
		wp_pdf_append_int(g, t->mcid[m]);
	else {
		g_string_append(g, " << /Type /MCR /Pg");
		wp_pdf_append_ref(g, t->pages[k->page]);
		g_string_append(g, " /MCID");
		wp_pdf_append_int(g, t->mcid[m]);
		g_string_append(g, " >>");
	}
	if (k->annot) {
		g_string_append(g, " << /Type /OBJR /Obj");
		wp_pdf_append_ref(g, t->annot[m]);
		g_string_append(g, " /Pg");
		wp_pdf_append_ref(g, t->pages[k->page]);
		g_string_append(g, " >>");
	}
}

/* What an element says beyond its type and content. */
static void
attributes(GString *g, const struct wp_elem *el)
{
	char *s;

	if (el->type == EL_FIGURE && el->alt != NULL) {
		s = wp_pdf_text(el->alt);
		g_string_append_printf(g, "\n   /Alt %s", s);
		g_free(s);
	}
	if (el->actual != NULL) {
		s = wp_pdf_text(el->actual);
		g_string_append_printf(g, "\n   /ActualText %s", s);
		g_free(s);
	}
	if (el->lang != NULL) {
		s = wp_pdf_text(el->lang);
		g_string_append_printf(g, "\n   /Lang %s", s);
		g_free(s);
	}
	if (el->type == EL_TH)
		g_string_append_printf(g, "\n   /A << /O /Table /Scope /%s >>",
		    el->row_head ? "Row" : "Column");
}

/*
 * An element: its children in the doc's order, its own content among
 * them where it was drawn (a paragraph's text around its links).
 */
static char *
element(const struct tagging *t, const struct tree *tr, size_t e)
{
	const struct wp_elem *el = &t->d->elems[e];
	GString	*g = g_string_new(NULL);
	size_t	 o = tr->own0[e], oe = tr->own0[e + 1], k;
	int	 pg = o < oe ? t->marks[tr->own[o]].page : -1;

	g_string_append(g, "<< /Type /StructElem /S /");
	g_string_append(g, wp_pdf_elem_name(el->type));
	g_string_append(g, " /P");
	wp_pdf_append_ref(g, e == 0 ? t->tree : t->obj[el->parent]);
	if (pg >= 0) {
		g_string_append(g, " /Pg");
		wp_pdf_append_ref(g, t->pages[pg]);
	}
	g_string_append(g, "\n   /K [");
	for (k = tr->kid0[e]; k < tr->kid0[e + 1]; k++) {
		size_t c = tr->kids[k];
		if (!tr->keep[c])
			continue;
		/* an empty cell goes after its neighbour */
		for (; tr->first[c] != (size_t)-1 && o < oe &&
		    tr->own[o] < tr->first[c]; o++)
			content_item(g, t, tr->own[o], pg);
		wp_pdf_append_ref(g, t->obj[c]);
	}
	for (; o < oe; o++)
		content_item(g, t, tr->own[o], pg);
	g_string_append(g, " ]");
	attributes(g, el);
	g_string_append(g, "\n>>");
	return g_string_free(g, FALSE);
}

/* cairo's structure elements: the tree this pass replaces.  (Each
 * object's type is its first entry, as cairo writes them: walking the
 * tree instead read every element's kids, a fifth of this pass.) */
static void
free_elements(struct tagging *t)
{
	for (long n = 1; n < (long)t->f.n; n++)
		if (wp_pdf_is(wp_pdf_get(wp_pdf_body(&t->f, n), "/Type"),
		    "/StructElem"))
			wp_pdf_free(&t->f, n);
}

/* The parent tree: each page's array of its MCIDs' elements, each
 * annotation's element; keys as cairo gave them to pages and links. */
static void
parent_tree(struct tagging *t)
{
	GString	*g;
	size_t	 i, p;
	long	 pt;

	for (i = 0, p = 0; p < t->npages; p++) {
		long key = wp_pdf_int(wp_pdf_get(wp_pdf_body(&t->f,
		    t->pages[p]), "/StructParents"));
		g = g_string_new("[");
		for (; i < t->nmarks && t->marks[i].page == (int)p; i++) {
			wp_pdf_append_ref(g, t->obj[t->marks[i].elem]);
			if (t->marks[i].annot)
				nums_set(&t->nums, wp_pdf_int(wp_pdf_get(
				    wp_pdf_body(&t->f, t->annot[i]),
				    "/StructParent")), t->obj[t->marks[i].elem]);
		}
		g_string_append(g, " ]");
		wp_pdf_put(&t->f, nums_get(&t->nums, key), g->str, g->len);
		g_string_free(g, FALSE);
	}
	pt = wp_pdf_ref(wp_pdf_get(wp_pdf_body(&t->f, t->tree), "/ParentTree"));
	g = g_string_new("<< /Nums [");
	for (i = 0; i < t->nums.n; i++)
		g_string_append_printf(g, "\n   %ld %ld 0 R", t->nums.key[i],
		    t->nums.val[i]);
	g_string_append(g, " ]\n>>");
	wp_pdf_put(&t->f, pt, g->str, g->len);
	g_string_free(g, FALSE);
}

static void
write_tree(struct tagging *t)
{
	struct tree	 tr;
	size_t		 e, n = t->d->nelems;
	long		 next = 0;
	char		*s;

	tree_make(&tr, t);
	t->obj = wp_calloc(n + 1, sizeof(*t->obj));
	free_elements(t);
	for (e = 0; e < n; e++)
		if (tr.keep[e])
			t->obj[e] = wp_pdf_put(&t->f, -1, g_strdup(""), 0);
	for (e = 0; e < n; e++)
		if (tr.keep[e]) {
			s = element(t, &tr, e);
			wp_pdf_put(&t->f, t->obj[e], s, strlen(s));
		}
	parent_tree(t);
	for (e = 0; e < t->nums.n; e++)
		if (t->nums.key[e] >= next)
			next = t->nums.key[e] + 1;
	s = g_strdup_printf("<< /Type /StructTreeRoot\n   /K [ %ld 0 R ]\n"
	    "   /ParentTree %ld 0 R\n   /ParentTreeNextKey %ld\n>>", t->obj[0],
	    wp_pdf_ref(wp_pdf_get(wp_pdf_body(&t->f, t->tree), "/ParentTree")),
	    next);
	wp_pdf_put(&t->f, t->tree, s, strlen(s));
	tree_free(&tr);
}

/* ---- the document ------------------------------------------------------ */

static void
xml_text(GString *g, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s == '&')
			g_string_append(g, "&amp;");
		else if (*s == '<')
			g_string_append(g, "&lt;");
		else if (*s == '>')
			g_string_append(g, "&gt;");
		else
			g_string_append_c(g, *s);
}

static void
xmp_alt(GString *g, const char *tag, const char *s)
{
	g_string_append_printf(g, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">",
	    tag);
	xml_text(g, s);
	g_string_append_printf(g, "</rdf:li></rdf:Alt></%s>\n", tag);
}

static void
xmp_prop(GString *g, const char *tag, const char *s)
{
	g_string_append_printf(g, "   <%s>", tag);
	xml_text(g, s);
	g_string_append_printf(g, "</%s>\n", tag);
}

/*
 * The XMP metadata PDF/UA asks for: the title (dc:title), and the
 * claim, pdfuaid:part 1; the rest as the Info dictionary has it.
 */
static long
xmp(struct tagging *t, const char *date)
{
	const struct wp_doc *d = t->d;
	GString	*g = g_string_new("<?xpacket begin=\"\xef\xbb\xbf\" "
		    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		    "  <rdf:Description rdf:about=\"\"\n"
		    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
		    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		    "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
		    "   <dc:format>application/pdf</dc:format>\n");
	char	*prod, *body;
	size_t	 n;
	long	 obj;

	xmp_alt(g, "dc:title", d->title);
	g_string_append(g, "   <dc:creator><rdf:Seq><rdf:li>");
	xml_text(g, d->author);
	g_string_append(g, "</rdf:li></rdf:Seq></dc:creator>\n");
	xmp_alt(g, "dc:description", d->subject);
	g_string_append_printf(g, "   <dc:language><rdf:Bag><rdf:li>%s"
	    "</rdf:li></rdf:Bag></dc:language>\n", d->lang);
	if (d->keywords != NULL)
		xmp_prop(g, "pdf:Keywords", d->keywords);
	prod = g_strdup_printf("cairo %s (https://cairographics.org)",
	    cairo_version_string());
	xmp_prop(g, "pdf:Producer", prod);
	g_free(prod);
	xmp_prop(g, "xmp:CreatorTool", "wpgen " WP_VERSION);
	xmp_prop(g, "xmp:CreateDate", date);
	xmp_prop(g, "xmp:ModifyDate", date);
	xmp_prop(g, "pdfuaid:part", "1");
	g_string_append(g, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"r\"?>");
	/* not compressed: a reader that knows no PDF finds it */
	body = wp_pdf_stream_body("   /Type /Metadata\n   /Subtype /XML\n",
	    (const guint8 *)g->str, g->len, 0, &n);
	obj = wp_pdf_put(&t->f, -1, body, n);
	g_string_free(g, TRUE);
	return obj;
}

/* Sets key to value in object n's dictionary. */
static void
set_key(struct tagging *t, long n, const char *key, const char *value)
{
	char *s = wp_pdf_set(wp_pdf_body(&t->f, n), key, value);

	wp_pdf_put(&t->f, n, s, strlen(s));
}

/*
 * The catalog: the document's language, its title shown (not the file
 * name), its metadata; pages read in the structure's order (links
 * reached by Tab in reading order); each link annotation's text.
 */
static void
document(struct tagging *t, const char *date)
{
	char	*s, ref[32];
	size_t	 i;

	s = wp_pdf_text(t->d->lang);
	set_key(t, t->root, "/Lang", s);
	g_free(s);
	set_key(t, t->root, "/MarkInfo", "<< /Marked true >>");
	set_key(t, t->root, "/ViewerPreferences", "<< /DisplayDocTitle true >>");
	snprintf(ref, sizeof(ref), "%ld 0 R", xmp(t, date));
	set_key(t, t->root, "/Metadata", ref);
	for (i = 0; i < t->npages; i++)
		set_key(t, t->pages[i], "/Tabs", "/S");
	for (i = 0; i < t->nmarks; i++) {
		const char *text = t->d->elems[t->marks[i].elem].alt;
		if (!t->marks[i].annot || text == NULL)
			continue;
		s = wp_pdf_text(text);
		set_key(t, t->annot[i], "/Contents", s);
		g_free(s);
	}
}

int
wp_pdf_tagged(const struct wp_doc *d, const struct wp_pdf_mark *marks,
    size_t n, const char *date, struct wp_pdf_ahead *ahead, int stand_ins,
    unsigned char **buf, size_t *len)
{
	struct tagging	 t = { .d = d, .marks = marks, .nmarks = n,
			    .ahead = ahead };
	unsigned char	*out;
	size_t		 olen;
	int		 ok;

	t.mcid = wp_calloc(n + 1, sizeof(*t.mcid));
	t.annot = wp_calloc(n + 1, sizeof(*t.annot));
	number_marks(&t);
	ok = wp_pdf_open(&t.f, *buf, *len, &t.why) == 0 &&
	    find_parts(&t) == 0 && contents(&t) == 0 &&
	    outlines(&t, stand_ins) == 0 && compress_rest(&t) == 0 &&
	    find_annots(&t) == 0;
	if (ok) {
		write_tree(&t);
		document(&t, date);
		wp_pdf_write(&t.f, &out, &olen);
		free(*buf);
		*buf = out;
		*len = olen;
	} else
		wp_msg(MSG_PDF, d->title, 0, t.why);
	wp_pdf_close(&t.f);
	wp_pdf_ahead_free(ahead);
	free(t.pages);
	free(t.mcid);
	free(t.annot);
	free(t.obj);
	free(t.nums.key);
	free(t.nums.val);
	return ok ? 0 : -1;
}
