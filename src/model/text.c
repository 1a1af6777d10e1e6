/*
 * text: the plain-text writer.  The document: the cover's facts, the
 * revision history a row a line (cells between tabs), the contents, then
 * every heading and block in order, the back matter and the colophon.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "input/xml.h"
#include "model/model.h"
#include "model/text.h"

void
wp_text_inline(FILE *f, const xmlNode *parent, unsigned flags)
{
	const xmlNode	*n;

	for (n = parent->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			fputs((const char *)n->content, f);
		else if (n->type != XML_ELEMENT_NODE ||
		    wp_xml_is(n, "ol") || wp_xml_is(n, "ul"))
			continue;	/* a list in a list item: its own lines */
		else if (wp_xml_is(n, "br"))
			fputc('\n', f);
		else if (wp_xml_is(n, "em") && (flags & WP_TEXT_EM)) {
			fputc('*', f);
			wp_text_inline(f, n, flags);
			fputc('*', f);
		} else if (wp_xml_is(n, "xref") && (flags & WP_TEXT_WRITTEN))
			fprintf(f, "<xref %s>", wp_attr(n, "control"));
		else if (wp_xml_is(n, "link") && (flags & WP_TEXT_HREF)) {
			const char *href = wp_attr(n, "href");
			char *shown = wp_text_all(n);
			wp_text_inline(f, n, flags);
			if (href != NULL && strcmp(shown, href) != 0)
				fprintf(f, " <%s>", href);
			free(shown);
		} else
			wp_text_inline(f, n, flags);
	}
}

/* A list, indented by depth, each item after its marker. */
static void
list(FILE *f, const xmlNode *l, unsigned flags, int depth)
{
	const xmlNode	*li;

	for (li = l->children; li != NULL; li = li->next) {
		const char *marker;
		if (!wp_xml_is(li, "li"))
			continue;
		marker = wp_attr(li, "marker");
		if (flags & WP_TEXT_NOMARKER)
			fprintf(f, "%*s", 2 * depth, "");
		else
			fprintf(f, "%*s%s ", 2 * depth, "",
			    marker != NULL ? marker : "");
		wp_text_inline(f, li, flags);
		fputc('\n', f);
		wp_text_blocks(f, li, flags, depth + 1);
	}
}

static void
table(FILE *f, const xmlNode *t, unsigned flags)
{
	const xmlNode	*r, *c;
	int		 cells;

	for (r = t->children; r != NULL; r = r->next) {
		if (wp_xml_is(r, "caption")) {
			wp_text_inline(f, r, flags);
			fputc('\n', f);
		}
		if (!wp_xml_is(r, "tr"))
			continue;
		cells = 0;
		for (c = r->children; c != NULL; c = c->next)
			if (wp_xml_is(c, "th") || wp_xml_is(c, "td")) {
				if (cells++ > 0)
					fputc('\t', f);
				wp_text_inline(f, c, flags);
			}
		fputc('\n', f);
	}
}

void
wp_text_block(FILE *f, const xmlNode *n, unsigned flags, int depth)
{
	if (wp_xml_is(n, "p")) {
		wp_text_inline(f, n, flags);
		fputc('\n', f);
	} else if (wp_xml_is(n, "ol") || wp_xml_is(n, "ul"))
		list(f, n, flags, depth);
	else if (wp_xml_is(n, "table"))
		table(f, n, flags);
}

void
wp_text_blocks(FILE *f, const xmlNode *parent, unsigned flags, int depth)
{
	const xmlNode	*n;

	for (n = parent->children; n != NULL; n = n->next)
		wp_text_block(f, n, flags, depth);
}

void
wp_text_figure(FILE *f, const xmlNode *fig)
{
	const xmlNode	*n, *i;

	for (n = fig->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "layer")) {
			fprintf(f, "[%s] %s", wp_attr(n, "owner-label"),
			    wp_attr(n, "label"));
			for (i = n->children; i != NULL; i = i->next)
				if (wp_xml_is(i, "item"))
					fprintf(f, " / %s", wp_text_only(i));
			fputc('\n', f);
		} else if (wp_xml_is(n, "base") || wp_xml_is(n, "addition"))
			fprintf(f, "[%s] %s\n", wp_attr(n, "label"),
			    wp_attr(n, "note"));
}

/* ---- the document ---------------------------------------------------- */

/* A meta field's text (all of it), or "". */
static const char *
meta(const xmlNode *m, const char *name)
{
	const char *s = wp_text_only(wp_xml_child(m, name));

	return s != NULL ? s : "";
}

static void
cover(FILE *f, const xmlNode *m)
{
	fprintf(f, "%s\n%s\n", meta(m, "document-kind"), meta(m, "title"));
	if (wp_xml_child(m, "version-label") != NULL)
		fprintf(f, "%s\n%s\n", meta(m, "version-label"),
		    meta(m, "date"));
	fprintf(f, "%s\n\n", meta(m, "publisher"));
}

static void
history(FILE *f, const xmlNode *h)
{
	const xmlNode	*c, *rev, *ch;
	int		 first;

	fprintf(f, "%s\n", wp_attr(h, "title"));
	for (first = 1, c = wp_xml_child(h, "columns")->children; c != NULL;
	    c = c->next)
		if (wp_xml_is(c, "column")) {
			fprintf(f, "%s%s", first ? "" : "\t", wp_text_only(c));
			first = 0;
		}
	fputc('\n', f);
	for (rev = h->children; rev != NULL; rev = rev->next) {
		if (!wp_xml_is(rev, "revision"))
			continue;
		fprintf(f, "%s\t%s\t", wp_attr(rev, "version"),
		    wp_text_only(wp_xml_child(rev, "date")));
		for (first = 1, ch = rev->children; ch != NULL; ch = ch->next) {
			if (!wp_xml_is(ch, "change"))
				continue;
			if (!first)
				fputc(' ', f);
			first = 0;
			wp_text_inline(f, ch, 0);
			if (wp_attr(ch, "renumbered") != NULL)
				fprintf(f, "（%s）", wp_attr(ch, "now"));
		}
		fputc('\t', f);
		if ((ch = wp_xml_child(rev, "remark")) != NULL)
			wp_text_inline(f, ch, 0);
		fputc('\n', f);
	}
	fputc('\n', f);
}

/* A heading's line: a section's title, a chapter's label and title, a
 * clause's number and title. */
static void
heading(FILE *f, const xmlNode *n)
{
	if (wp_xml_is(n, "chapter"))
		fprintf(f, "%s %s\n", wp_attr(n, "label"), wp_attr(n, "title"));
	else if (wp_xml_is(n, "clause"))
		fprintf(f, "%s %s\n", wp_attr(n, "number"), wp_attr(n, "title"));
	else
		fprintf(f, "%s\n", wp_attr(n, "title"));
}

/* The contents: the top sections and theirs, the controls, chapters and
 * clauses. */
static void
toc(FILE *f, const xmlNode *toc)
{
	const xmlNode	*s, *sub, *ch, *cl;

	fprintf(f, "%s\n", wp_attr(toc, "title"));
	for (s = toc->parent->children; s != NULL; s = s->next) {
		if (wp_xml_is(s, "section")) {
			heading(f, s);
			for (sub = s->children; sub != NULL; sub = sub->next)
				if (wp_xml_is(sub, "section"))
					heading(f, sub);
		} else if (wp_xml_is(s, "controls")) {
			heading(f, s);
			for (ch = s->children; ch != NULL; ch = ch->next) {
				if (!wp_xml_is(ch, "chapter"))
					continue;
				heading(f, ch);
				for (cl = ch->children; cl != NULL; cl = cl->next)
					if (wp_xml_is(cl, "clause"))
						heading(f, cl);
			}
		}
	}
	fputc('\n', f);
}

static void	write_part(FILE *, const xmlNode *);

/* The element children of n, each as a part or a block, in order. */
static void
parts(FILE *f, const xmlNode *n)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			write_part(f, n);
}

static void
write_part(FILE *f, const xmlNode *n)
{
	if (wp_xml_is(n, "section") || wp_xml_is(n, "controls") ||
	    wp_xml_is(n, "chapter")) {
		heading(f, n);
		parts(f, n);
	} else if (wp_xml_is(n, "clause")) {
		heading(f, n);
		fprintf(f, "%s\n", wp_text_only(wp_xml_child(n, "control-line")));
		parts(f, n);
	} else if (wp_xml_is(n, "figure")) {
		wp_text_figure(f, n);
		fprintf(f, "%s%s\n", wp_text_only(wp_xml_child(n, "label")),
		    wp_text_only(wp_xml_child(n, "caption")));
	} else
		wp_text_block(f, n, 0, 0);
}

static void
backmatter(FILE *f, const xmlNode *b)
{
	const xmlNode	*n, *c = wp_xml_child(b, "colophon");

	for (n = b->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "section"))
			write_part(f, n);
	fprintf(f, "%s\n%s\n", meta(c, "title"), meta(c, "publisher"));
	if (wp_xml_child(c, "document-number") != NULL)
		fprintf(f, "%s\n", meta(c, "document-number"));
}

char *
wp_text_document(const xmlDoc *model, size_t *len)
{
	const xmlNode	*root = xmlDocGetRootElement(model), *n;
	char		*buf = NULL;
	FILE		*f = open_memstream(&buf, len);

	if (f == NULL)
		wp_oom();
	for (n = root->children; n != NULL; n = n->next)
		if (wp_xml_is(n, "cover"))
			cover(f, wp_xml_child(root, "meta"));
		else if (wp_xml_is(n, "history"))
			history(f, n);
		else if (wp_xml_is(n, "toc"))
			toc(f, n);
		else if (wp_xml_is(n, "section") || wp_xml_is(n, "controls"))
			write_part(f, n);
		else if (wp_xml_is(n, "backmatter"))
			backmatter(f, n);
	if (fclose(f) != 0)
		wp_oom();
	return buf;
}
