/*
 * schema: RelaxNG's findings in a writer's words.  libxml2 says what
 * failed in the grammar's terms ("Element answer failed to validate
 * attributes", "Datatype element item has child elements") and says one
 * slip again for each element around it ("responsibility has extra
 * content: boundary" for a wrong owner= three levels down).  Here each
 * finding is said as what the element holds and what to write, once:
 * the tables below are the schemas (templates/schema/service.rng,
 * revisions.rng, common.rng) in words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "check/schema.h"
#include "input/xml.h"

/* ---- the schemas in words ----------------------------------------------- */

enum kind {
	ELEMENTS,	/* elements only, those in children */
	INLINE,		/* text, with the inline elements (and children) */
	PLAIN,		/* text only, not empty */
	EMPTY		/* nothing */
};

#define INLINE_HINT	"text, with <name/>, <em>, <link>, <xref/> and <br/>"
#define BLOCKS		"p ol ul table"

/* What an element holds; parent, when given, tells two of one name apart. */
static const struct holds {
	const char	*name, *parent;
	enum kind	 kind;
	const char	*children;	/* allowed child elements, " " between */
	const char	*hint;		/* what it holds, in words */
} holds[] = {
	{ "service", NULL, ELEMENTS, "name short-name document-number "
	    "publisher title settings boilerplate overview answers",
	    "in this order: <name>; then, as needed, <short-name>, "
	    "<document-number>, <publisher>, <title>, <settings> and "
	    "<boilerplate>; then <overview> and <answers>" },
	{ "name", "service", PLAIN, NULL, "the service's full name" },
	{ "short-name", NULL, PLAIN, NULL, "the short name the text uses" },
	{ "document-number", NULL, PLAIN, NULL,
	    "the document number, such as IIJ-SMX193-0007" },
	{ "publisher", "service", PLAIN, NULL, "the publisher's name" },
	{ "title", "service", PLAIN, NULL, "the document's title" },
	{ "settings", NULL, ELEMENTS, "publisher document-kind title-pattern "
	    "date-format overview-title responsibility-title documents-title "
	    "customer-label provider-label keywords",
	    "the settings a service may change: <publisher>, "
	    "<document-kind>, <title-pattern>, <date-format>, "
	    "<overview-title>, <responsibility-title>, <documents-title>, "
	    "<customer-label>, <provider-label> and <keywords>" },
	{ NULL, "settings", PLAIN, NULL, "the setting's value" },
	{ "boilerplate", NULL, ELEMENTS, "replace omit",
	    "<replace key=\"…\"> with the text that replaces a part, and "
	    "<omit key=\"…\"/>" },
	{ "replace", NULL, ELEMENTS, BLOCKS,
	    "the paragraphs, lists and tables that replace the part" },
	{ "omit", NULL, EMPTY, NULL, "nothing: write <omit key=\"…\"/>" },
	{ "overview", NULL, ELEMENTS, BLOCKS " responsibility documents",
	    "paragraphs, lists and tables, then <responsibility>, then "
	    "<documents>" },
	{ "responsibility", NULL, ELEMENTS, BLOCKS " boundary",
	    "paragraphs, lists and tables, and one <boundary> figure among "
	    "them" },
	{ "documents", NULL, ELEMENTS, BLOCKS, "paragraphs, lists and tables" },
	{ "boundary", NULL, ELEMENTS, "layer",
	    "<layer owner=\"customer\" label=\"…\"> elements, the top layer "
	    "first" },
	{ "layer", NULL, ELEMENTS, "item", "<item> elements, plain text each" },
	{ "item", NULL, PLAIN, NULL, "one thing in the layer, as plain text" },
	{ "answers", NULL, ELEMENTS, "answer out-of-scope",
	    "<answer control=\"…\"> and <out-of-scope control=\"…\"> "
	    "elements" },
	{ "answer", NULL, ELEMENTS, BLOCKS,
	    "the answer as paragraphs, lists and tables: write its text in "
	    "<p>…</p>" },
	{ "out-of-scope", NULL, INLINE, "",
	    "the reason, as " INLINE_HINT },
	{ "li", NULL, INLINE, "ol ul",
	    INLINE_HINT ", then at most one nested list" },
	{ "ol", NULL, ELEMENTS, "li", "<li> items" },
	{ "ul", NULL, ELEMENTS, "li", "<li> items" },
	{ "table", NULL, ELEMENTS, "caption tr",
	    "an optional <caption>, then <tr> rows" },
	{ "tr", NULL, ELEMENTS, "th td", "<th> and <td> cells" },
	{ "name", NULL, EMPTY, NULL, "nothing: <name/> stands for the "
	    "service's name; write <name/>, <name form=\"full\"/> or "
	    "<name form=\"defining\"/>" },
	{ "xref", NULL, EMPTY, NULL, "nothing: write <xref control=\"…\"/>" },
	{ "br", NULL, EMPTY, NULL, "nothing: write <br/>" },
	{ "revisions", NULL, ELEMENTS, "revision",
	    "<revision version=\"…\" date=\"…\"> elements, oldest first" },
	{ "revision", NULL, ELEMENTS, "change remark",
	    "<change> lines, then at most one <remark>" },
	/* the rest that hold text: p, td, th, caption, em, link, change,
	 * remark */
	{ NULL, NULL, INLINE, "", INLINE_HINT },
};

#define CONTROL_HINT	"a control number of the catalogue, such as 9.2.3 " \
			"or CLD.9.5.1"
#define KEY_HINT	"a key of templates/iso27017/boilerplate.xml"

/* Each element's attributes: required or not, their values in words. */
static const struct attr {
	const char	*element, *name;
	int		 required;
	const char	*values;	/* the only ones it takes, "|" between */
	const char	*hint;
} attrs[] = {
	{ "service", "id", 1, NULL, "the folder's name: lower-case letters, "
	    "digits and hyphens" },
	{ "answer", "control", 1, NULL, CONTROL_HINT },
	{ "answer", "title", 0, NULL, "the clause's title in this service" },
	{ "out-of-scope", "control", 1, NULL, CONTROL_HINT },
	{ "xref", "control", 1, NULL, "the control number of the clause it "
	    "refers to" },
	{ "change", "control", 0, NULL, "the control number of the clause it "
	    "changed" },
	{ "layer", "owner", 1, "customer|provider", "customer or provider" },
	{ "layer", "label", 1, NULL, "the layer's name, as the figure shows "
	    "it" },
	{ "name", "form", 0, "short|full|defining", "short, full or "
	    "defining" },
	{ "ol", "style", 0, "1|a", "1 for 1. 2. 3., or a for a) b) c)" },
	{ "ul", "mark", 0, "disc|check", "disc or check" },
	{ "link", "href", 1, NULL, "an https:, http: or mailto: address" },
	{ "td", "colspan", 0, NULL, "a whole number of columns, 1 or more" },
	{ "th", "colspan", 0, NULL, "a whole number of columns, 1 or more" },
	{ "replace", "key", 1, NULL, KEY_HINT },
	{ "omit", "key", 1, NULL, KEY_HINT },
	{ "p", "key", 0, NULL, KEY_HINT },
	{ "revision", "version", 1, NULL, "a version number, such as 1.0 or "
	    "1.12" },
	{ "revision", "date", 1, NULL, "the date, as YYYY-MM-DD" },
};
#define NATTRS	(sizeof(attrs) / sizeof(*attrs))

static const struct holds *
holds_of(const xmlNode *n)
{
	const char	*parent = n->parent != NULL &&
			    n->parent->type == XML_ELEMENT_NODE ?
			    (const char *)n->parent->name : "";

	for (size_t i = 0; i < sizeof(holds) / sizeof(*holds); i++)
		if ((holds[i].name == NULL ||
		    strcmp(holds[i].name, (const char *)n->name) == 0) &&
		    (holds[i].parent == NULL ||
		    strcmp(holds[i].parent, parent) == 0))
			return &holds[i];
	return &holds[sizeof(holds) / sizeof(*holds) - 1];
}

/* Whether name is among the elements n may hold. */
static int
holds_child(const xmlNode *n, const char *name)
{
	const struct holds *h = holds_of(n);
	const char	*s = h->kind == INLINE ? "name em link xref br" : "";
	size_t		 len = strlen(name);

	for (int pass = 0; pass < 2; pass++, s = h->children)
		for (const char *w = s; w != NULL && *w != '\0'; ) {
			size_t k = strcspn(w, " ");
			if (k == len && strncmp(w, name, len) == 0)
				return 1;
			w += k + (w[k] == ' ');
		}
	return 0;
}

/* The attributes element takes, "a, b and c" into buf; "none" if none. */
static const char *
attr_names(const char *element, char *buf, size_t n)
{
	size_t	 k = 0, count = 0, i;

	for (i = 0; i < NATTRS; i++)
		count += strcmp(attrs[i].element, element) == 0;
	buf[0] = '\0';
	for (i = 0; i < NATTRS && count > 0; i++) {
		if (strcmp(attrs[i].element, element) != 0)
			continue;
		snprintf(buf + strlen(buf), n - strlen(buf), "%s%s",
		    k == 0 ? "" : k + 1 == count ? " and " : ", ",
		    attrs[i].name);
		k++;
	}
	return count > 0 ? buf : "none";
}

static const struct attr *
attr_of(const char *element, const char *name)
{
	for (size_t i = 0; i < NATTRS; i++)
		if (strcmp(attrs[i].element, element) == 0 &&
		    strcmp(attrs[i].name, name) == 0)
			return &attrs[i];
	return NULL;
}

/* ---- what was explained ------------------------------------------------ */

void
wp_explain(struct wp_explained *x, const xmlNode *n, int what,
    const char *attr)
{
	if (x == NULL || n == NULL)
		return;
	x->v = wp_grow(x->v, &x->cap, x->n, sizeof(*x->v));
	x->v[x->n].node = n;
	x->v[x->n].what = what;
	x->v[x->n++].attr = attr;
}

void
wp_explained_free(struct wp_explained *x)
{
	free(x->v);
	memset(x, 0, sizeof(*x));
}

/* Whether n was spoken of so (what; attr, if not NULL, that one). */
static int
explained(const struct wp_explained *x, const xmlNode *n, int what,
    const char *attr)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->v[i].node == n && (x->v[i].what & what) &&
		    (attr == NULL || x->v[i].attr == NULL ||
		    strcmp(x->v[i].attr, attr) == 0))
			return 1;
	return 0;
}

/* Whether anything was said about n or an element in it. */
static int
explained_within(const struct wp_explained *x, const xmlNode *n)
{
	for (size_t i = 0; i < x->n; i++)
		for (const xmlNode *p = x->v[i].node; p != NULL; p = p->parent)
			if (p == n)
				return 1;
	return 0;
}

/* ---- precise checks before the schema's ------------------------------- */

/* Says text about n (file's line of n) and records it. */
static void
say(const char *file, struct wp_explained *x, const xmlNode *n, int what,
    const char *attr, const char *text)
{
	wp_msg(MSG_SCHEMA, file, xmlGetLineNo(n), text);
	wp_explain(x, n, what, attr);
}

static int
blank(const xmlChar *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Whether v is one of values ("a|b|c"). */
static int
one_of(const char *v, const char *values)
{
	size_t	 len = strlen(v);

	for (const char *w = values; *w != '\0'; ) {
		size_t k = strcspn(w, "|");
		if (k == len && strncmp(w, v, len) == 0)
			return 1;
		w += k + (w[k] == '|');
	}
	return 0;
}

/* Whether an attribute's value is one it takes (the values the rules
 * check, controls, keys, dates and addresses, pass here). */
static int
value_ok(const struct attr *a, const char *v)
{
	const char	*end;

	if (a->values != NULL)
		return one_of(v, a->values);
	if (strcmp(a->name, "colspan") == 0) {
		long n = strtol(v, (char **)&end, 10);
		return *v >= '0' && *v <= '9' && *end == '\0' && n >= 1;
	}
	if (strcmp(a->name, "version") == 0) {
		size_t d = strspn(v, "0123456789");
		return d > 0 && v[d] == '.' &&
		    strspn(v + d + 1, "0123456789") == strlen(v + d + 1) &&
		    v[d + 1] != '\0';
	}
	return !blank((const xmlChar *)v);
}

static void
check_attrs(const char *file, struct wp_explained *x, const xmlNode *n)
{
	char	 text[512];

	for (size_t i = 0; i < NATTRS; i++) {
		const struct attr *a = &attrs[i];
		xmlChar *v;
		if (strcmp(a->element, (const char *)n->name) != 0)
			continue;
		v = xmlGetProp(n, BAD_CAST a->name);
		if (v == NULL && a->required)
			snprintf(text, sizeof(text), "<%s> lacks its %s "
			    "attribute (write %s=\"…\": %s)", n->name,
			    a->name, a->name, a->hint);
		else if (v != NULL && !value_ok(a, (const char *)v))
			snprintf(text, sizeof(text), "%s=\"%.80s\" is not a "
			    "value <%s> takes (write %s)", a->name, v,
			    n->name, a->hint);
		else
			text[0] = '\0';
		if (text[0] != '\0' && !explained(x, n, WP_X_ATTR, a->name))
			say(file, x, n, WP_X_ATTR, a->name, text);
		xmlFree(v);
	}
}

/* An element that must hold text and holds none. */
static void
check_empty(const char *file, struct wp_explained *x, const xmlNode *n)
{
	const struct holds *h = holds_of(n);
	char		 text[512];
	xmlChar		*s;

	if (h->kind != PLAIN && !wp_xml_is(n, "out-of-scope"))
		return;
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return;		/* the schema says what is wrong */
	s = xmlNodeGetContent(n);
	if (blank(s) && !explained(x, n, WP_X_CONTENT, NULL)) {
		if (wp_xml_is(n, "out-of-scope"))
			snprintf(text, sizeof(text), "<out-of-scope> gives no "
			    "reason (write why the service does not answer "
			    "the control: %s)", h->hint);
		else
			snprintf(text, sizeof(text), "<%s> is empty (write "
			    "%s)", n->name, h->hint);
		say(file, x, n, WP_X_CONTENT, NULL, text);
	}
	xmlFree(s);
}

static void
precise(const char *file, struct wp_explained *x, const xmlNode *n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		check_attrs(file, x, n);
		check_empty(file, x, n);
		precise(file, x, n->children);
	}
}

/* ---- the schema's findings -------------------------------------------- */

/* One finding of libxml2, and whether it is said. */
struct finding {
	int		 code;		/* XML_RELAXNG_ERR_* */
	const xmlNode	*node;		/* where libxml2 was */
	const xmlNode	*subject;	/* the element it is about */
	char		*s1, *s2;
	char		*message;	/* libxml2's, for the last resort */
	long		 line;
	int		 said;
};

struct findings {
	struct finding	*v;
	size_t		 n, cap;
};

/*
 * The element a finding is about.  libxml2 names it (str1, or str2 for
 * an attribute) but points at the node where validation stood, which
 * may be one of its children: the nearest element of that name.
 */
static const xmlNode *
subject(const xmlError *e)
{
	const xmlNode	*n = e->node;
	const char	*name = e->code == XML_RELAXNG_ERR_INVALIDATTR ?
			    e->str2 : e->str1;

	if (n == NULL || e->code == XML_RELAXNG_ERR_DATATYPE ||
	    e->code == XML_RELAXNG_ERR_NOELEM || name == NULL)
		return n;
	for (const xmlNode *p = n; p != NULL && p->type == XML_ELEMENT_NODE;
	    p = p->parent)
		if (xmlStrEqual(p->name, BAD_CAST name))
			return p;
	return n;
}

static void
collect(void *arg, xmlErrorPtr e)
{
	struct findings	*f = arg;
	struct finding	*x;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	f->v = wp_grow(f->v, &f->cap, f->n, sizeof(*f->v));
	x = &f->v[f->n++];
	memset(x, 0, sizeof(*x));
	x->code = e->code;
	x->node = e->node;
	x->subject = subject(e);
	x->s1 = e->str1 != NULL ? wp_strdup(e->str1) : NULL;
	x->s2 = e->str2 != NULL ? wp_strdup(e->str2) : NULL;
	x->message = wp_strdup(e->message != NULL ? e->message : "");
	x->line = x->subject != NULL ? xmlGetLineNo(x->subject) : e->line;
}

/* The element child of parent called name, else parent. */
static const xmlNode *
child_named(const xmlNode *parent, const char *name)
{
	for (const xmlNode *c = parent->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && name != NULL &&
		    xmlStrEqual(c->name, BAD_CAST name))
			return c;
	return parent;
}

/*
 * Whether a finding is one of libxml2's echoes, said of every element
 * around a failure (an element "failed to validate" its attributes or
 * content, "extra content", an element "not expected" where it is
 * allowed): those go when something was said of the element or of one
 * inside it, or (for an element out of place) of its parent's content.
 */
static int
vague(const struct finding *f)
{
	const xmlNode	*s = f->subject;

	switch (f->code) {
	case XML_RELAXNG_ERR_ATTRVALID:
	case XML_RELAXNG_ERR_CONTENTVALID:
	case XML_RELAXNG_ERR_EXTRACONTENT:
		return 1;
	case XML_RELAXNG_ERR_ELEMWRONG:
		return s != NULL && s->parent != NULL &&
		    s->parent->type == XML_ELEMENT_NODE &&
		    holds_child(s->parent, (const char *)s->name);
	default:
		return 0;
	}
}

static int
echo(const struct finding *f, const struct wp_explained *x)
{
	const xmlNode	*s = f->subject;

	if (s == NULL)
		return 0;
	if (f->code == XML_RELAXNG_ERR_ATTRVALID)
		return explained(x, s, WP_X_ATTR, NULL) ||
		    explained_within(x, s);
	return explained_within(x, s) || (s->parent != NULL &&
	    explained(x, s->parent, WP_X_CONTENT, NULL));
}

/* Whether a precise finding was said better by the rules. */
static int
said_better(const struct finding *f, const struct wp_explained *x)
{
	if (f->subject == NULL)
		return 0;
	if (f->code == XML_RELAXNG_ERR_INVALIDATTR)
		return explained(x, f->subject, WP_X_ATTR, f->s1);
	return explained(x, f->subject, WP_X_CONTENT, NULL);
}

/* n's name as written, with its prefix if it has one. */
static void
tag(const xmlNode *n, char *buf, size_t len)
{
	if (n->ns != NULL && n->ns->prefix != NULL)
		snprintf(buf, len, "%s:%s", n->ns->prefix, n->name);
	else
		snprintf(buf, len, "%s", n->name);
}

/* An element where its parent p does not take it. */
static void
misplaced(const xmlNode *c, const xmlNode *p, char *t, size_t n)
{
	const struct holds *h = holds_of(p);
	char		 name[128];

	tag(c, name, sizeof(name));
	if (holds_child(p, name))
		snprintf(t, n, "<%s> is out of place in <%s>, or there once "
		    "too often (<%s> holds %s)", name, p->name, p->name,
		    h->hint);
	else if (h->kind == PLAIN || h->kind == EMPTY)
		snprintf(t, n, "<%s> holds %s: <%s> cannot be inside it",
		    p->name, h->hint, name);
	else
		snprintf(t, n, "<%s> is not allowed in <%s> (<%s> holds %s)",
		    name, p->name, p->name, h->hint);
}

/* A datatype's finding: the element empty, or its text not of its kind. */
static void
bad_text(const xmlNode *s, char *t, size_t n)
{
	const struct holds *h = holds_of(s);
	xmlChar		*v = xmlNodeGetContent(s);

	if (blank(v))
		snprintf(t, n, "<%s> is empty (write %s)", s->name, h->hint);
	else
		snprintf(t, n, "\"%.60s\" is not what <%s> holds (write %s)",
		    v, s->name, h->hint);
	xmlFree(v);
}

/* The first element n holds, or n. */
static const xmlNode *
first_child(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return n;
}

/* A finding about the attributes of f's subject (called name), into t. */
static void
reword_attr(const struct finding *f, const char *name, char *t, size_t n)
{
	const xmlNode		*s = f->subject;
	const struct attr	*a;
	char			 names[256];
	xmlChar			*v;

	attr_names((const char *)s->name, names, sizeof(names));
	if (f->code == XML_RELAXNG_ERR_ATTRVALID)
		snprintf(t, n, "<%s> lacks an attribute it needs, or one of "
		    "its attributes has a value it does not take (its "
		    "attributes: %s)", name, names);
	else if (f->s1 != NULL && (a = attr_of((const char *)s->name,
	    f->s1)) != NULL) {
		v = xmlGetProp(s, BAD_CAST f->s1);
		snprintf(t, n, "%s=\"%.80s\" is not a value <%s> takes "
		    "(write %s)", f->s1, v != NULL ? (char *)v : "", name,
		    a->hint);
		xmlFree(v);
	} else
		snprintf(t, n, "<%s> has no attribute %s (its attributes: %s)",
		    name, f->s1 != NULL ? f->s1 : "?", names);
}

/* A finding in words, into t. */
static void
reword(const struct finding *f, char *t, size_t n)
{
	const xmlNode		*s = f->subject;
	const struct holds	*h;
	char			 name[128];

	if (s == NULL || s->type != XML_ELEMENT_NODE) {
		snprintf(t, n, "the file does not match its schema "
		    "(templates/schema/): %s", f->message);
		return;
	}
	h = holds_of(s);
	tag(s, name, sizeof(name));
	switch (f->code) {
	case XML_RELAXNG_ERR_ELEMWRONG:
	case XML_RELAXNG_ERR_ELEMNAME:
		if (s->parent != NULL && s->parent->type == XML_ELEMENT_NODE)
			misplaced(s, s->parent, t, n);
		else
			snprintf(t, n, "<%s> is not allowed here", name);
		break;
	case XML_RELAXNG_ERR_EXTRACONTENT:
		misplaced(child_named(s, f->s2), s, t, n);
		break;
	case XML_RELAXNG_ERR_NOELEM:
		snprintf(t, n, "<%s> lacks a part it must hold (it holds %s)",
		    name, h->hint);
		break;
	case XML_RELAXNG_ERR_TEXTWRONG:
	case XML_RELAXNG_ERR_NOTELEM:
		snprintf(t, n, "text is not allowed directly in <%s> (it holds "
		    "%s)", name, h->hint);
		break;
	case XML_RELAXNG_ERR_DATAELEM:
	case XML_RELAXNG_ERR_VALELEM:
	case XML_RELAXNG_ERR_LISTELEM:
		snprintf(t, n, "<%s> holds plain text only: <%s> cannot be "
		    "inside it (write %s, without markup)", name,
		    first_child(s)->name, h->hint);
		break;
	case XML_RELAXNG_ERR_DATATYPE:
	case XML_RELAXNG_ERR_VALUE:
	case XML_RELAXNG_ERR_TYPEVAL:
	case XML_RELAXNG_ERR_LACKDATA:
	case XML_RELAXNG_ERR_EXTRADATA:
	case XML_RELAXNG_ERR_LIST:
		bad_text(s, t, n);
		break;
	case XML_RELAXNG_ERR_ELEMNOTEMPTY:
		snprintf(t, n, "<%s> holds %s", name, h->hint);
		break;
	case XML_RELAXNG_ERR_ATTRVALID:
	case XML_RELAXNG_ERR_INVALIDATTR:
		reword_attr(f, name, t, n);
		break;
	case XML_RELAXNG_ERR_CONTENTVALID:
		snprintf(t, n, "<%s> holds something it does not take (it "
		    "holds %s)", name, h->hint);
		break;
	case XML_RELAXNG_ERR_ELEMNONS:
	case XML_RELAXNG_ERR_ELEMWRONGNS:
	case XML_RELAXNG_ERR_ELEMEXTRANS:
		snprintf(t, n, "<%s> has a namespace, which no element of "
		    "content has (write it without prefix and xmlns)", name);
		break;
	case XML_RELAXNG_ERR_ATTRNONS:
	case XML_RELAXNG_ERR_ATTRWRONGNS:
	case XML_RELAXNG_ERR_ATTREXTRANS:
		snprintf(t, n, "an attribute of <%s> has a namespace, which no "
		    "attribute of content has (write it without prefix)",
		    name);
		break;
	default:
		snprintf(t, n, "<%s> does not match its schema "
		    "(templates/schema/): %s", name, f->message);
		break;
	}
	/* libxml2's own text ends in a newline */
	t[strcspn(t, "\n")] = '\0';
}

/* What a finding that is said explains, so that its echoes go. */
static void
explain_finding(const struct finding *f, struct wp_explained *x)
{
	const xmlNode	*s = f->subject;

	if (f->code == XML_RELAXNG_ERR_INVALIDATTR ||
	    f->code == XML_RELAXNG_ERR_ATTRVALID)
		wp_explain(x, s, WP_X_ATTR, NULL);
	else if (f->code == XML_RELAXNG_ERR_EXTRACONTENT)
		wp_explain(x, child_named(s, f->s2), WP_X_CONTENT, NULL);
	else
		wp_explain(x, s, WP_X_CONTENT, NULL);
}

/* Whether an earlier finding said the same at the same line. */
static int
repeated(const struct findings *f, size_t i, char **texts)
{
	for (size_t k = 0; k < f->n; k++)
		if (k != i && texts[k] != NULL && f->v[k].line == f->v[i].line &&
		    strcmp(texts[k], texts[i]) == 0 && (k < i || f->v[k].said))
			return 1;
	return 0;
}

int
wp_schema_check(xmlRelaxNGPtr rng, xmlDocPtr doc, const char *file,
    struct wp_explained *x)
{
	struct findings	 f = { NULL, 0, 0 };
	char		 text[1024], **texts;
	int		 before = wp_diag_errors();
	size_t		 i;

	precise(file, x, xmlDocGetRootElement(doc));
	wp_xml_validate_each(rng, doc, collect, &f);
	texts = wp_calloc(f.n + 1, sizeof(*texts));
	/* first what is precise, which explains its echoes; then the
	 * echoes nothing explains */
	for (int pass = 0; pass < 2; pass++)
		for (i = 0; i < f.n; i++) {
			if (vague(&f.v[i]) != pass ||
			    (pass == 0 ? said_better(&f.v[i], x) :
			    echo(&f.v[i], x)))
				continue;
			reword(&f.v[i], text, sizeof(text));
			texts[i] = wp_strdup(text);
			if (repeated(&f, i, texts))
				continue;
			f.v[i].said = 1;
			explain_finding(&f.v[i], x);
		}
	for (i = 0; i < f.n; i++) {
		if (f.v[i].said)
			wp_msg(MSG_SCHEMA, file, f.v[i].line, texts[i]);
		free(texts[i]);
		free(f.v[i].s1);
		free(f.v[i].s2);
		free(f.v[i].message);
	}
	free(texts);
	free(f.v);
	return wp_diag_errors() - before;
}
