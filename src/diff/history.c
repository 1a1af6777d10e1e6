/*
 * history: the check that the revisions a new version adds name every
 * clause that changed, and no other.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "diff/items.h"
#include "input/xml.h"
#include "model/model.h"

#define CLAUSE_EDITS	(WP_DIFF_ADDED | WP_DIFF_REMOVED | WP_DIFF_RETITLED | \
			 WP_DIFF_CHANGED)

static int
edited(const struct wp_diff *d, const char *control)
{
	return (wp_diff_clause(d, control) & CLAUSE_EDITS) != 0;
}

/* An attribute's value as a new string (caller frees), or NULL. */
static char *
prop(const xmlNode *n, const char *name)
{
	const char	*v = wp_attr(n, name);

	return v != NULL ? wp_strdup(v) : NULL;
}

/* Whether a row's list of controls ("5.1.1 5.1.2") holds control. */
static int
lists(const xmlNode *change, const char *control)
{
	const char	*l = wp_attr(change, "control");
	size_t		 n = strlen(control);

	for (; l != NULL && *l != '\0'; l += strcspn(l, " ")) {
		l += strspn(l, " ");
		if (strncmp(l, control, n) == 0 && (l[n] == ' ' ||
		    l[n] == '\0'))
			return 1;
	}
	return 0;
}

/* A row that names the whole document (全面改訂): every clause. */
static int
whole(const xmlNode *change)
{
	const char	*sc = wp_attr(change, "scope");

	return sc != NULL && strcmp(sc, "document") == 0;
}

/* Does one of NEW's revisions since OLD name the clause? */
static int
named(const struct wp_diff *d, size_t fresh, const char *control)
{
	const struct items	*h = &d->new[L_HISTORY];

	for (size_t i = h->n - fresh; i < h->n; i++)
		for (const xmlNode *c = h->v[i].node->children; c != NULL;
		    c = c->next)
			if (wp_xml_is(c, "change") && (whole(c) ||
			    lists(c, control)))
				return 1;
	return 0;
}

/* "2.1 情報セキュリティの役割及び責任", from NEW if it has the clause. */
static char *
clause_name(const struct wp_diff *d, const char *control)
{
	const struct item	*it = NULL;
	const struct entry	*e;
	long			 k;
	struct diff_str		 b;

	if ((k = diff_find(&d->new[L_CLAUSES], control)) >= 0)
		it = &d->new[L_CLAUSES].v[k];
	else if ((e = diff_clause_entry(d, control)) != NULL)
		it = e->old;
	if (it == NULL)
		return NULL;
	diff_str_open(&b);
	fprintf(b.f, "%s %s", it->number != NULL ? it->number : "",
	    it->title != NULL ? it->title : "");
	return diff_str_close(&b);
}

/* The history check under way. */
struct check {
	const struct wp_diff	*d;
	const struct items	*h;		/* NEW's revisions */
	size_t			 fresh;		/* how many of the last are
						   not OLD's */
	struct wp_diff_note	*v;
	size_t			 n;
};

/* Adds a note located where the model says at came from ("file:line"). */
static struct wp_diff_note *
note(struct check *c, enum wp_diff_note_kind kind, const xmlNode *at,
    const char *version, char *control)
{
	struct wp_diff_note	*n = &c->v[c->n++];
	char			*colon;

	n->kind = kind;
	n->file = prop(at, "src");
	if (n->file != NULL && (colon = strrchr(n->file, ':')) != NULL) {
		*colon = '\0';
		n->line = strtol(colon + 1, NULL, 10);
	}
	n->version = wp_strdup(version);
	n->control = control;
	n->clause = clause_name(c->d, control);
	n->what = wp_diff_clause(c->d, control);
	return n;
}

/* Clauses changed, yet NEW's newest revision is OLD's: one note. */
static void
stale(struct check *c)
{
	const struct items	*oh = &c->d->old[L_HISTORY];
	const struct item	*it;
	struct diff_str		 ctls;
	size_t			 changed = 0;

	diff_str_open(&ctls);
	for (size_t i = 0; i < c->d->n; i++) {
		it = diff_either(&c->d->e[i]);
		if (it->list == L_CLAUSES && (c->d->e[i].what & CLAUSE_EDITS))
			fprintf(ctls.f, "%s%s", changed++ > 0 ? ", " : "",
			    it->key);
	}
	diff_str_close(&ctls);
	if (changed > 0)
		note(c, WP_NOTE_STALE, c->h->v[c->h->n - 1].node,
		    oh->v[oh->n - 1].key, ctls.s);
	else
		free(ctls.s);
}

/* Each clause that changed and that no new revision names. */
static void
unlisted(struct check *c)
{
	const struct item	*newest = &c->h->v[c->h->n - 1], *it;

	for (size_t i = 0; i < c->d->n; i++) {
		it = diff_either(&c->d->e[i]);
		if (it->list == L_CLAUSES && (c->d->e[i].what & CLAUSE_EDITS) &&
		    !named(c->d, c->fresh, it->key))
			note(c, WP_NOTE_UNLISTED, newest->node, newest->key,
			    wp_strdup(it->key));
	}
}

/* Each change of a new revision that names a clause that did not. */
static void
unchanged(struct check *c)
{
	for (size_t i = c->h->n - c->fresh; i < c->h->n; i++)
		for (const xmlNode *ch = c->h->v[i].node->children; ch != NULL;
		    ch = ch->next) {
			char *list, *save = NULL, *ctl;
			if (!wp_xml_is(ch, "change") ||
			    (list = prop(ch, "control")) == NULL)
				continue;
			for (ctl = strtok_r(list, " ", &save); ctl != NULL;
			    ctl = strtok_r(NULL, " ", &save))
				if (!edited(c->d, ctl))
					note(c, WP_NOTE_UNCHANGED, ch,
					    c->h->v[i].key, wp_strdup(ctl));
			free(list);
		}
}

size_t
wp_diff_check_history(const struct wp_diff *d, struct wp_diff_note **notes)
{
	struct check	 c = { d, &d->new[L_HISTORY], 0, NULL, 0 };
	size_t		 most = d->n + 1;

	*notes = NULL;
	if (c.h->n == 0)
		return 0;
	/* The revisions OLD has not: the last ones, versions increasing. */
	while (c.fresh < c.h->n &&
	    diff_find(&d->old[L_HISTORY], c.h->v[c.h->n - 1 - c.fresh].key) < 0)
		c.fresh++;
	for (size_t i = c.h->n - c.fresh; i < c.h->n; i++)
		for (const xmlNode *ch = c.h->v[i].node->children; ch != NULL;
		    ch = ch->next)
			for (const char *l = wp_attr(ch, "control");
			    l != NULL && *l != '\0'; l++)
				most += *l == ' ' || l[1] == '\0';
	c.v = wp_calloc(most, sizeof(*c.v));
	if (c.fresh == 0)
		stale(&c);
	else {
		unlisted(&c);
		unchanged(&c);
	}
	if (c.n == 0)
		free(c.v);
	else
		*notes = c.v;
	return c.n;
}

void
wp_diff_notes_free(struct wp_diff_note *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].file);
		free(v[i].version);
		free(v[i].control);
		free(v[i].clause);
	}
	free(v);
}

static const char *
how(unsigned what)
{
	if (what & WP_DIFF_ADDED)
		return "was added";
	if (what & WP_DIFF_REMOVED)
		return "was removed";
	if (what & WP_DIFF_CHANGED)
		return "changed";
	return "was retitled";
}

char *
wp_diff_note_text(const struct wp_diff_note *t)
{
	char	*m = NULL, *r;

	switch (t->kind) {
	case WP_NOTE_UNLISTED:
		m = wp_msg_text(MSG_HISTORY_UNLISTED, t->version, t->control,
		    t->clause != NULL ? t->clause : "?", how(t->what),
		    t->control);
		break;
	case WP_NOTE_UNCHANGED:
		m = wp_msg_text(MSG_HISTORY_UNCHANGED, t->version, t->control,
		    t->clause != NULL ? t->clause :
		    "answered in neither version");
		break;
	case WP_NOTE_STALE:
		m = wp_msg_text(MSG_HISTORY_STALE, t->version, t->control);
		break;
	}
	if (t->file == NULL)
		return m;
	r = wp_malloc(strlen(t->file) + strlen(m) + 32);
	sprintf(r, "%s:%ld: %s", t->file, t->line, m);
	free(m);
	return r;
}

size_t
wp_diff_report_history(const struct wp_diff_note *v, size_t n, int strict)
{
	enum wp_level level = strict ? WP_ERROR : WP_WARNING;

	for (size_t i = 0; i < n; i++) {
		const struct wp_diff_note *t = &v[i];
		switch (t->kind) {
		case WP_NOTE_UNLISTED:
			wp_msg_as(level, MSG_HISTORY_UNLISTED, t->file,
			    t->line, t->version, t->control,
			    t->clause != NULL ? t->clause : "?", how(t->what),
			    t->control);
			break;
		case WP_NOTE_UNCHANGED:
			wp_msg_as(level, MSG_HISTORY_UNCHANGED, t->file,
			    t->line, t->version, t->control,
			    t->clause != NULL ? t->clause :
			    "answered in neither version");
			break;
		case WP_NOTE_STALE:
			wp_msg_as(level, MSG_HISTORY_STALE, t->file, t->line,
			    t->version, t->control);
			break;
		}
	}
	return n;
}

