/*
 * text: the diff as text: each entry's heading and facts, then its
 * lines that hold an edit, deletions [-so-] and insertions {+so+} (or in
 * ANSI colours for a terminal).
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "diff/items.h"

/* How the text report marks things: wdiff's brackets, or ANSI colours. */
struct marks {
	const char	*head, *head_end;	/* an entry's first line */
	const char	*del, *del_end;		/* deleted text */
	const char	*ins, *ins_end;		/* inserted text */
	const char	*old, *old_end;		/* a whole old value */
	const char	*new, *new_end;		/* a whole new value */
};

static const struct marks plain_marks = {
	"", "", "[-", "-]", "{+", "+}", "", "", "", ""
};

/* Coloured, the brackets stay: a reader who cannot tell red from green,
 * or a terminal log pasted elsewhere, still reads what changed. */
static const struct marks color_marks = {
	"\033[1m", "\033[m", "\033[31m[-", "-]\033[m", "\033[32m{+", "+}\033[m",
	"\033[31m", "\033[m", "\033[32m", "\033[m"
};

/*
 * One line of the combined old and new text, built until its end is
 * known, then written if it holds an edit.
 */
struct line {
	struct diff_str		 b;
	const struct marks	*mk;
	enum wp_cd_op		 cur;		/* the mark left open */
	int			 has[3];	/* by enum wp_cd_op */
};

static void
line_open(struct line *l, const struct marks *mk)
{
	diff_str_open(&l->b);
	l->mk = mk;
	l->cur = CD_EQUAL;
	memset(l->has, 0, sizeof(l->has));
}

/* The mark that opens, or closes, text that op was done to. */
static const char *
mark(const struct marks *mk, enum wp_cd_op op, int end)
{
	if (op == CD_DELETE)
		return end ? mk->del_end : mk->del;
	if (op == CD_INSERT)
		return end ? mk->ins_end : mk->ins;
	return "";
}

/* Adds text with op, opening and closing marks only where op changes. */
static void
line_put(struct line *l, enum wp_cd_op op, const char *s, size_t n)
{
	if (op != l->cur) {
		fputs(mark(l->mk, l->cur, 1), l->b.f);
		fputs(mark(l->mk, op, 0), l->b.f);
		l->cur = op;
	}
	fwrite(s, 1, n, l->b.f);
	l->has[op] = 1;
}

static void
line_close(struct line *l, FILE *out)
{
	char	*s;

	line_put(l, CD_EQUAL, "", 0);
	s = diff_str_close(&l->b);
	if (l->has[CD_DELETE] || l->has[CD_INSERT])
		fprintf(out, "  %s\n", s);
	free(s);
}

/* A line's edits marked, from the character diff of its two forms. */
static void
line_diff(FILE *out, const char *a, const char *b, const struct marks *mk)
{
	struct wp_chardiff	*cd = wp_chardiff(a, strlen(a), b, strlen(b), 0);
	struct line		 l;

	line_open(&l, mk);
	for (size_t i = 0; i < cd->n; i++)
		line_put(&l, cd->span[i].op, cd->span[i].text, cd->span[i].len);
	line_close(&l, out);
	wp_chardiff_free(cd);
}

/*
 * The lines that changed, each whole with its edits marked: the two
 * texts' lines aligned first (diff_seq(), by their text without list
 * markers), so that a list item removed shows as one line removed,
 * not as each item after it rewritten into the one before, and a line
 * rewritten past recognition as one removed and one added.
 */
static void
changed_lines(FILE *out, const struct entry *e, const struct marks *mk)
{
	char			*ta = wp_strdup(e->old->text);
	char			*tb = wp_strdup(e->new->text);
	char			*ka = wp_strdup(e->old->keys);
	char			*kb = wp_strdup(e->new->keys);
	char			**la, **lb, **kla, **klb;
	size_t			 na, nb, nka, nkb, n;
	struct diff_pair	*p;

	la = diff_lines(ta, &na);
	lb = diff_lines(tb, &nb);
	kla = diff_lines(ka, &nka);
	klb = diff_lines(kb, &nkb);
	/* the keys are the same lines less their markers */
	n = diff_seq((const char *const *)(nka == na ? kla : la), na,
	    (const char *const *)(nkb == nb ? klb : lb), nb, &p);
	for (size_t i = 0; i < n; i++) {
		/* the same but for a list marker: the items before it
		 * changed, which the report shows */
		if (p[i].same)
			continue;
		if (p[i].b < 0)
			fprintf(out, "  %s%s%s\n", mk->del, la[p[i].a],
			    mk->del_end);
		else if (p[i].a < 0)
			fprintf(out, "  %s%s%s\n", mk->ins, lb[p[i].b],
			    mk->ins_end);
		else
			line_diff(out, la[p[i].a], lb[p[i].b], mk);
	}
	free(p);
	free(la);
	free(lb);
	free(kla);
	free(klb);
	free(ta);
	free(tb);
	free(ka);
	free(kb);
}

/* A one-line diff (a title) with its edits marked. */
static void
inline_diff(FILE *out, const struct wp_chardiff *cd, const struct marks *mk)
{
	for (size_t i = 0; i < cd->n; i++)
		fprintf(out, "%s%s%s", mark(mk, cd->span[i].op, 0),
		    cd->span[i].text, mark(mk, cd->span[i].op, 1));
}

/* Every line of text, marked as inserted or deleted. */
static void
whole_lines(FILE *out, const char *text, const char *mark, const char *end)
{
	size_t	 n;

	for (; *text != '\0'; text += n + (text[n] == '\n')) {
		n = strcspn(text, "\n");
		fprintf(out, "  %s%.*s%s\n", mark, (int)n, text, end);
	}
}

static void
text_entry(FILE *f, const struct entry *e, const struct marks *mk)
{
	const struct item	*it = diff_either(e);

	if (it->list == L_META) {
		fprintf(f, "%smeta %s:%s %s%s%s -> %s%s%s\n", mk->head, it->key,
		    mk->head_end, mk->old, e->old != NULL ? e->old->text :
		    "(none)", mk->old_end, mk->new, e->new != NULL ?
		    e->new->text : "(none)", mk->new_end);
		return;
	}
	fprintf(f, "%s%s %s", mk->head, it->kind, it->key);
	diff_heading(f, it);
	fputs(": ", f);
	diff_facts(f, e);
	fprintf(f, "%s\n", mk->head_end);
	if (e->what & WP_DIFF_RETITLED) {
		fputs("  title: ", f);
		inline_diff(f, e->title, mk);
		fputc('\n', f);
	}
	if (e->what & WP_DIFF_ADDED)
		whole_lines(f, e->new->text, mk->ins, mk->ins_end);
	else if (e->what & WP_DIFF_REMOVED)
		whole_lines(f, e->old->text, mk->del, mk->del_end);
	else if (e->old != NULL && e->new != NULL &&
	    (e->what & (WP_DIFF_CHANGED | WP_DIFF_REFS)))
		changed_lines(f, e, mk);
}

void
diff_text_write(const struct wp_diff *d, const struct wp_diff_opts *o, FILE *f)
{
	const struct marks	*mk = o->format == WP_DIFF_COLOR ?
				    &color_marks : &plain_marks;

	if (d->n == 0)
		return;
	fprintf(f, "%s--- %s\n+++ %s%s\n", mk->head,
	    o->old_label != NULL ? o->old_label : "old",
	    o->new_label != NULL ? o->new_label : "new", mk->head_end);
	for (size_t i = 0, run; i < d->n; i++) {
		if ((run = diff_renumber_run(d, i, 0)) > 1) {
			fprintf(f, "%sclauses renumbered: ", mk->head);
			diff_renumbered(f, d, i, run);
			fprintf(f, "%s\n", mk->head_end);
			i += run - 1;
		} else
			text_entry(f, &d->e[i], mk);
	}
}

