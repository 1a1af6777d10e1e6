/*
 * html: the diff as one HTML page, old and new side by side, the edits
 * marked <del> and <ins>.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/items.h"

static void
html_esc(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		switch (s[i]) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		default:
			fputc(s[i], f);
			break;
		}
}

static void
html_str(FILE *f, const char *s)
{
	html_esc(f, s, strlen(s));
}

/*
 * One side of a diff: the equal spans and those of op, marked; or, if
 * both is set, every span (a title, read on one line).
 */
static void
html_side(FILE *f, const struct wp_chardiff *cd, enum wp_cd_op op, int both)
{
	for (size_t i = 0; i < cd->n; i++) {
		const struct wp_cd_span *sp = &cd->span[i];
		const char *tag = sp->op == CD_DELETE ? "del" : "ins";
		if (sp->op != CD_EQUAL && sp->op != op && !both)
			continue;
		if (sp->op != CD_EQUAL)
			fprintf(f, "<%s>", tag);
		html_esc(f, sp->text, sp->len);
		if (sp->op != CD_EQUAL)
			fprintf(f, "</%s>", tag);
	}
}

static const char html_css[] =
"body{font-family:sans-serif;line-height:1.6;margin:1em auto;max-width:"
"80em;padding:0 1em;color:#222}\n"
"h1{font-size:1.4em}h2{font-size:1.1em;margin:1.5em 0 .5em;"
"border-bottom:1px solid #ccc}\n"
"code{font-size:.95em}\n"
".kind{color:#666;font-weight:normal}\n"
".sbs{display:grid;grid-template-columns:1fr 1fr;gap:1em}\n"
".sbs>div{white-space:pre-wrap;overflow-wrap:anywhere;background:#f8f8f8;"
"padding:.5em;border-radius:4px}\n"
".sbs h3{font-size:.85em;color:#666;margin:0 0 .3em;white-space:normal}\n"
"del{background:#fcc;color:#900;text-decoration:line-through}\n"
"ins{background:#cfc;color:#060;text-decoration:none}\n"
"@media (max-width:40em){.sbs{grid-template-columns:1fr}}\n";

/* Old and new side by side; an added or removed item has one side. */
static void
html_text(FILE *f, const struct entry *e, const struct wp_diff_opts *o)
{
	const char	*label[2] = {
		o->old_label != NULL ? o->old_label : "old",
		o->new_label != NULL ? o->new_label : "new"
	};

	fputs("<div class=\"sbs\">\n", f);
	for (int side = 0; side < 2; side++) {
		const struct item *it = side == 0 ? e->old : e->new;
		fputs("<div><h3>", f);
		html_str(f, label[side]);
		fputs("</h3>", f);
		if (e->text != NULL)
			html_side(f, e->text, side == 0 ? CD_DELETE : CD_INSERT,
			    0);
		else if (it != NULL) {
			const char *tag = side == 0 ? "del" : "ins";
			fprintf(f, "<%s>", tag);
			html_str(f, it->text);
			fprintf(f, "</%s>", tag);
		}
		fputs("</div>\n", f);
	}
	fputs("</div>\n", f);
}

static void
html_entry(FILE *f, const struct entry *e, const struct wp_diff_opts *o)
{
	const struct item	*it = diff_either(e);
	struct diff_str		 b;

	fprintf(f, "<section>\n<h2><span class=\"kind\">%s</span> ", it->kind);
	html_str(f, it->key);
	if (it->list == L_META) {
		fputs("</h2>\n<p>", f);
		if (e->old != NULL) {
			fputs("<del>", f);
			html_str(f, e->old->text);
			fputs("</del>", f);
		}
		fputs(" \xe2\x86\x92 ", f);
		if (e->new != NULL) {
			fputs("<ins>", f);
			html_str(f, e->new->text);
			fputs("</ins>", f);
		}
		fputs("</p>\n</section>\n", f);
		return;
	}
	diff_str_open(&b);
	diff_heading(b.f, it);
	fputs(": ", b.f);
	diff_facts(b.f, e);
	html_str(f, diff_str_close(&b));
	free(b.s);
	fputs("</h2>\n", f);
	if (e->what & WP_DIFF_RETITLED) {
		fputs("<p>title: ", f);
		html_side(f, e->title, CD_EQUAL, 1);
		fputs("</p>\n", f);
	}
	if (e->what & (WP_DIFF_ADDED | WP_DIFF_REMOVED | WP_DIFF_CHANGED |
	    WP_DIFF_REFS))
		html_text(f, e, o);
	fputs("</section>\n", f);
}

void
diff_html_write(const struct wp_diff *d, const struct wp_diff_opts *o, FILE *f)
{
	const char	*ol = o->old_label != NULL ? o->old_label : "old";
	const char	*nl = o->new_label != NULL ? o->new_label : "new";

	fputs("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>wpgen diff: ", f);
	html_str(f, ol);
	fputs(" \xe2\x86\x92 ", f);
	html_str(f, nl);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<h1>wpgen diff</h1>\n<p>old: <code>", html_css);
	html_str(f, ol);
	fputs("</code><br>new: <code>", f);
	html_str(f, nl);
	fputs("</code></p>\n", f);
	if (d->n == 0)
		fputs("<p>No differences.</p>\n", f);
	else
		fprintf(f, "<p>%zu difference%s.</p>\n", d->n,
		    d->n == 1 ? "" : "s");
	for (size_t i = 0; i < d->n; i++)
		html_entry(f, &d->e[i], o);
	fputs("</body>\n</html>\n", f);
}

