/*
 * diag: formats and counts diagnostics.  The table below is the whole
 * list of things wpgen can say about content; tests match these texts.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <libxslt/xsltutils.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/json.h"

static const struct {
	enum wp_level	 level;
	const char	*fmt;
} msgs[MSG__MAX] = {
	[MSG_IO] = { WP_ERROR, "%s" },
	[MSG_NOFILE] = { WP_ERROR, "no %s in this folder (a service needs content/<id>/service.xml)" },
	[MSG_XML] = { WP_ERROR, "%s" },
	[MSG_DOCTYPE] = { WP_ERROR, "DOCTYPE declarations are not allowed in content (remove the <!DOCTYPE ...> and any entity it declares)" },
	[MSG_ENCODING] = { WP_ERROR, "file is declared as %s (content files must be UTF-8)" },
	[MSG_BINARY] = { WP_ERROR, "file holds a NUL byte: not a text file (content files are UTF-8 XML)" },
	[MSG_TOO_BIG] = { WP_ERROR, "file is %ld KiB, over the limit of %ld KiB (a service's content is a few tens of KiB)" },
	[MSG_XINCLUDE] = { WP_ERROR, "XInclude is not allowed in content (a content file cannot include other files: write the text here)" },
	[MSG_SCHEMA] = { WP_ERROR, "%s" },
	[MSG_MISSING] = { WP_ERROR, "<service> has no <%s> (add %s)" },
	[MSG_ID_FOLDER] = { WP_ERROR, "service id \"%s\" does not match its folder (write id=\"%s\")" },
	[MSG_CONTROL_UNKNOWN] = { WP_ERROR, "unknown control number \"%s\" (%s)" },
	[MSG_CONTROL_TWICE] = { WP_ERROR, "control %s is answered twice (first at line %ld; keep one answer)" },
	[MSG_XREF_MISSING] = { WP_ERROR, "cross-reference to control %s, which this service does not answer (answer it, or write the reference as text)" },
	[MSG_KEY_UNKNOWN] = { WP_ERROR, "no boilerplate part has the key \"%s\" (see templates/iso27017/boilerplate.xml)" },
	[MSG_KEY_TWICE] = { WP_ERROR, "boilerplate key \"%s\" is changed twice (first at line %ld)" },
	[MSG_DATE_INVALID] = { WP_ERROR, "impossible date \"%s\" (write a real calendar date as YYYY-MM-DD)" },
	[MSG_VERSION_ORDER] = { WP_ERROR, "version %s does not come after version %s (revisions are listed oldest first, versions increasing)" },
	[MSG_DATE_ORDER] = { WP_ERROR, "date %s is earlier than the previous revision's %s (revisions are listed oldest first)" },
	[MSG_TOO_LONG] = { WP_ERROR, "this %s is %ld characters long (the limit is %ld; split it)" },
	[MSG_NAME_LONG] = { WP_ERROR, "%s is %ld characters long (the limit for a name, title or label is %ld; shorten it)" },
	[MSG_NESTED] = { WP_ERROR, "lists are nested %d deep here (the limit is %d; flatten the inner lists)" },
	[MSG_LINK] = { WP_ERROR, "link address \"%s\" is not allowed (write an https:, http: or mailto: address)" },
	[MSG_COLUMNS] = { WP_ERROR, "this table row has %s columns (the limit is %d; split the table, or make it a list)" },
	[MSG_XSLT] = { WP_ERROR, "%s" },
	[MSG_MODEL] = { WP_ERROR, "internal error: the merged document does not match its schema: %s" },
	[MSG_STYLE] = { WP_ERROR, "%s" },
	[MSG_GLYPH] = { WP_ERROR, "no font has a glyph for '%s' (U+%04X) in \"%s\" (use another character, or add a font that has it to fonts/)" },
	[MSG_FONT] = { WP_ERROR, "%s" },
	[MSG_OVERFULL] = { WP_WARNING, "\"%s\" has no place to break and is wider than the column; it is broken between characters" },
	[MSG_TALL] = { WP_WARNING, "%s is %.0f pt tall, taller than a page; it is scaled down to fit one" },
	[MSG_PDF] = { WP_ERROR, "cannot write the PDF: %s" },
	[MSG_RELEASE] = { WP_ERROR, "release refused: the content has errors (run wpgen check and fix them)" },
	[MSG_UNCOVERED] = { WP_WARNING, "control %s 「%s」 is neither answered nor marked out of scope (answer it, or write <out-of-scope control=\"%s\">the reason</out-of-scope>)" },
	[MSG_HISTORY_UNLISTED] = { WP_WARNING, "revision %s does not name clause %s (%s), which %s (add <change control=\"%s\">)" },
	[MSG_HISTORY_UNCHANGED] = { WP_WARNING, "revision %s names clause %s (%s), whose text did not change (make the change, or remove the row)" },
	[MSG_HISTORY_STALE] = { WP_WARNING, "no revision added after %s, the previous release's newest, but clauses changed: %s (add a <revision> that names them)" },
	[MSG_REV] = { WP_ERROR, "\"%s\" is not a git revision (write a commit, branch or tag, such as HEAD~1 or v1.2)" },
	[MSG_GIT] = { WP_ERROR, "git cannot give %s at %s: %s" },
	[MSG_GIT_RUN] = { WP_ERROR, "cannot run git: %s" },
	/* lint words each finding itself: the variant, the majority form
	 * and how often each is written are the finding's own data */
	[MSG_LINT] = { WP_WARNING, "%s" },
	[MSG_SCOPE_ANSWERED] = { WP_ERROR, "control %s is marked out of scope but answered at line %ld (keep one)" },
	[MSG_ENTRY] = { WP_ERROR, "this <whitepaper> entry has no service id (lower-case letters, digits and hyphens) or no <meta>: it is not one wpgen wrote (build the service again)" },
	[MSG_FILE_NAME] = { WP_ERROR, "%s \"%s\" becomes part of a file name: write letters, digits, '.', '-' and '_' only, starting with a letter or digit" },
	[MSG_SAME_OUTPUT] = { WP_ERROR, "this service's outputs would be written as %s, as those of %s are (give each service its own document number and folder name)" },
	[MSG_OUTDIR] = { WP_ERROR, "cannot replace this output folder as a whole: it %s (give the outputs a folder of their own)" },
	[MSG_INVISIBLE] = { WP_ERROR, "U+%04X here is %s, which can make text read otherwise than it is stored (delete it; it often comes with pasted text)" },
	[MSG_SCOPE_TWICE] = { WP_ERROR, "control %s is marked out of scope twice (first at line %ld; keep one)" },
	/* issue 23 */
	[MSG_BASELINE] = { WP_ERROR, "not a finding: %s (write each as wpgen lint prints it, file:line: warning: text; '#' starts a comment)" },
	[MSG_TEXTLINT] = { WP_ERROR, "%s" },
	[MSG_PROSE] = { WP_WARNING, "%s (textlint: %s)" },
	[MSG_NOT_FILE] = { WP_ERROR, "not a regular file (a content file is an ordinary file, not a folder, device or pipe)" },
	[MSG_USAGE] = { WP_ERROR, "%s" },
	[MSG_NOT_SHOWN] = { WP_ERROR, "%s not shown (mend the ones above and run again)" },
	[MSG_WORKER] = { WP_ERROR, "a worker process died (signal %d); the service it was building counts as failed" },
	[MSG_RERELEASE] = { WP_ERROR, "version %s was released before with other content: %s (add a revision to revisions.xml that says what changed, or release the version as it was)" },
	[MSG_MANIFEST] = { WP_ERROR, "the previous release's manifest %s, so this release cannot be compared with it (move the folder away to start a new one)" },
	[MSG_DATE_FORMAT] = { WP_ERROR, "date format \"%s\" %s (YYYY, MM and DD stand for the year, month and day, as in YYYY/MM/DD or YYYY年MM月DD日)" },
	[MSG_SETTING_UNKNOWN] = { WP_ERROR, "<%s> is not a setting wpgen reads here, so it would be ignored (%s)" },
	[MSG_SETTING_TWICE] = { WP_ERROR, "<%s> is set twice (first at line %ld; the second would be ignored: keep one)" },
	[MSG_PLACEHOLDER] = { WP_ERROR, "%s in <%s> stands for nothing and would be printed as it is (%s)" },
	[MSG_NOT_ENTRY] = { WP_ERROR, "neither a service folder nor an index-entry.xml" },
	[MSG_CHANGE_UNANSWERED] = { WP_ERROR, "the newest revision names control %s, which the service does not answer (correct the number, or, in the row that records the clause's removal, write removed=\"yes\")" },
	[MSG_CHANGE_REMOVED] = { WP_ERROR, "the row says removed=\"yes\", but the service still answers control %s (remove the answer, or removed=\"yes\")" },
	[MSG_CHANGE_NUMBER] = { WP_ERROR, "the newest revision's row names clause %s, but control %s is clause %s now (write the number it has now: the newest rows are read against this version)" },
};

/*
 * Each message's name, for --diagnostic-format=json: a CI matches
 * these, so a name once given is kept.
 */
static const char *const codes[MSG__MAX] = {
	[MSG_IO] = "io", [MSG_NOFILE] = "no-file", [MSG_XML] = "xml",
	[MSG_DOCTYPE] = "doctype", [MSG_ENCODING] = "encoding",
	[MSG_BINARY] = "binary", [MSG_TOO_BIG] = "too-big",
	[MSG_XINCLUDE] = "xinclude", [MSG_SCHEMA] = "schema",
	[MSG_MISSING] = "missing", [MSG_ID_FOLDER] = "id-folder",
	[MSG_CONTROL_UNKNOWN] = "control-unknown",
	[MSG_CONTROL_TWICE] = "control-twice",
	[MSG_XREF_MISSING] = "xref-missing", [MSG_KEY_UNKNOWN] = "key-unknown",
	[MSG_KEY_TWICE] = "key-twice", [MSG_DATE_INVALID] = "date-invalid",
	[MSG_VERSION_ORDER] = "version-order", [MSG_DATE_ORDER] = "date-order",
	[MSG_TOO_LONG] = "too-long", [MSG_NAME_LONG] = "name-long",
	[MSG_NESTED] = "nested", [MSG_COLUMNS] = "columns",
	[MSG_LINK] = "link", [MSG_XSLT] = "xslt", [MSG_MODEL] = "model",
	[MSG_STYLE] = "style", [MSG_GLYPH] = "glyph", [MSG_FONT] = "font",
	[MSG_OVERFULL] = "overfull", [MSG_TALL] = "tall", [MSG_PDF] = "pdf",
	[MSG_RELEASE] = "release", [MSG_UNCOVERED] = "uncovered",
	[MSG_HISTORY_UNLISTED] = "history-unlisted",
	[MSG_HISTORY_UNCHANGED] = "history-unchanged",
	[MSG_HISTORY_STALE] = "history-stale", [MSG_REV] = "rev",
	[MSG_GIT] = "git", [MSG_GIT_RUN] = "git-run", [MSG_LINT] = "lint",
	[MSG_SCOPE_ANSWERED] = "scope-answered",
	[MSG_SCOPE_TWICE] = "scope-twice", [MSG_ENTRY] = "entry",
	[MSG_FILE_NAME] = "file-name", [MSG_SAME_OUTPUT] = "same-output",
	[MSG_OUTDIR] = "outdir", [MSG_INVISIBLE] = "invisible",
	[MSG_NOT_FILE] = "not-file", [MSG_USAGE] = "usage",
	[MSG_NOT_SHOWN] = "not-shown", [MSG_WORKER] = "worker",
	[MSG_RERELEASE] = "rerelease", [MSG_MANIFEST] = "manifest",
	[MSG_DATE_FORMAT] = "date-format",
	[MSG_SETTING_UNKNOWN] = "setting-unknown",
	[MSG_SETTING_TWICE] = "setting-twice",
	[MSG_PLACEHOLDER] = "placeholder", [MSG_NOT_ENTRY] = "not-entry",
	[MSG_CHANGE_UNANSWERED] = "change-unanswered",
	[MSG_CHANGE_REMOVED] = "change-removed",
	[MSG_CHANGE_NUMBER] = "change-number",
	[MSG_BASELINE] = "baseline", [MSG_TEXTLINT] = "textlint",
	[MSG_PROSE] = "prose",
};

/* What an error is about (diag.h); the content, but for these. */
static int
kind(enum wp_msg m)
{
	switch (m) {
	case MSG_HISTORY_UNLISTED:
	case MSG_HISTORY_UNCHANGED:
	case MSG_HISTORY_STALE:
	case MSG_RERELEASE:
		return WP_KIND_HISTORY;
	case MSG_IO:
	case MSG_FONT:
	case MSG_PDF:
	case MSG_REV:
	case MSG_GIT:
	case MSG_GIT_RUN:
	case MSG_OUTDIR:
	case MSG_WORKER:
	case MSG_MANIFEST:
	case MSG_TEXTLINT:
		return WP_KIND_TROUBLE;
	default:
		return WP_KIND_CONTENT;
	}
}

/* libxml2's words for common slips, and what a writer needs to hear. */
static const struct {
	const char	*prefix;
	const char	*says;
} rewrites[] = {
	{ "Input is not proper UTF-8", "invalid UTF-8 byte sequence (content "
	    "files must be UTF-8; convert a Shift_JIS file with iconv -f "
	    "SHIFT_JIS -t UTF-8)" },
	{ "xmlParseEntityRef: no name", "a bare '&' (write &amp; for an "
	    "ampersand)" },
	{ "EntityRef: expecting ';'", "an '&' that starts no entity reference "
	    "(write &amp; for an ampersand)" },
	{ "Document is empty", "the file holds no XML element (it must hold "
	    "one root element such as <service>)" },
	{ "Start tag expected, '<' not found", "not an XML document (it must "
	    "start with <?xml version=\"1.0\" encoding=\"UTF-8\"?> or an "
	    "element)" },
	{ "Extra content at the end of the document", "text or elements after "
	    "the root element has been closed (a file holds one root element)" },
	{ "Excessive depth in document", "elements are nested more than 256 "
	    "deep (look for elements opened and never closed)" },
	{ "StartTag: invalid element name", "a '<' that starts no element "
	    "(write &lt; for a less-than sign)" },
	{ "AttValue: \" or ' expected", "an attribute value without quotes "
	    "(write name=\"value\")" },
	{ "Unescaped '<' not allowed in attributes values", "a '<' inside an "
	    "attribute value (write &lt;)" },
	{ "attributes construct error", "a malformed attribute (write "
	    "name=\"value\", separated by spaces)" },
	{ "Comment not terminated", "a comment <!-- is never closed with -->" },
	{ "Sequence ']]>' not allowed in content", "the sequence ]]> is not "
	    "allowed in text (write ]]&gt;)" },
	{ "xmlSAX2Characters: huge text node", "a text of more than ten "
	    "million bytes (split it)" },
};

/*
 * The parser's messages that need its details (element names, lines,
 * characters) said another way.  Returns 0 if e is not one of them.
 */
static int
rewrite_parser(const xmlError *e, char *text, size_t n)
{
	const char	*s1 = e->str1 != NULL ? e->str1 : "?";
	const char	*s2 = e->str2 != NULL ? e->str2 : "?";
	int		 c = e->int1;

	if (e->domain != XML_FROM_PARSER && e->domain != XML_FROM_NAMESPACE)
		return 0;
	switch (e->code) {
	case XML_ERR_TAG_NAME_MISMATCH:
		snprintf(text, n, "<%s> opened on line %d is closed by </%s> "
		    "(close <%s> first, or correct the tag's name)", s1, c, s2,
		    s1);
		return 1;
	case XML_ERR_TAG_NOT_FINISHED:
		snprintf(text, n, "the file ends before <%s> (opened on line "
		    "%d) is closed (is the file cut short, or an end tag "
		    "missing?)", s1, c);
		return 1;
	case XML_ERR_GT_REQUIRED:
		if (e->str1 != NULL)
			snprintf(text, n, "the start tag <%s> is not closed "
			    "with '>'", s1);
		else
			snprintf(text, n, "a tag is not closed with '>'");
		return 1;
	case XML_ERR_UNDECLARED_ENTITY:
		snprintf(text, n, "unknown entity &%s; (XML knows only &amp; "
		    "&lt; &gt; &quot; &apos;: type the character itself)", s1);
		return 1;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		snprintf(text, n, "the attribute %s is written twice on one "
		    "element (keep one)", e->str2 != NULL ? s2 : s1);
		return 1;
	case XML_ERR_UNSUPPORTED_ENCODING:
		snprintf(text, n, "file is declared as %s (content files must "
		    "be UTF-8)", s1);
		return 1;
	case XML_ERR_INVALID_CHAR:
		if ((c >= 0xD800 && c <= 0xDFFF) || (e->message != NULL &&
		    strncmp(e->message, "Input is not proper UTF-8", 25) == 0))
			return 0;	/* bad UTF-8: said by rewrites[] */
		snprintf(text, n, "%s (U+%04X) that XML does not allow "
		    "(delete it; it often comes with pasted text)",
		    c < 0x20 || (c >= 0x7F && c < 0xA0) ? "a control character" :
		    "a character", (unsigned)c);
		return 1;
	case XML_NS_ERR_UNDEFINED_NAMESPACE:
		snprintf(text, n, "the prefix %s: of <%s:%s> is not declared "
		    "(content elements have no prefix)", s1, s1, s2);
		return 1;
	default:
		return 0;
	}
}

/* Messages may come from the threads that load fonts or make HTML. */
static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;
static FILE		*out;
static int		 nerrors, nwarnings, kinds_seen;
static enum wp_diag_format format = WP_DIAG_TEXT;
static int		 werror;
static _Thread_local struct wp_diag_scope *scope;

/*
 * A flood (10,000 answers to one control) is cut short: after WP_DIAG_CAP
 * messages about one file the rest are counted, not said, and
 * wp_diag_flush() says how many there were.
 */
#define FLOODED	64		/* files whose messages are counted */
static struct {
	char	*file;		/* without its ":line" */
	int	 said;
	int	 errors, warnings;	/* not said */
} flood[FLOODED];

/* The length of file without a ":line" at its end (wp_model_src()
 * gives "file:line"). */
static size_t
file_part(const char *file)
{
	size_t	 n = strlen(file), d = n;

	while (d > 0 && file[d - 1] >= '0' && file[d - 1] <= '9')
		d--;
	return d > 1 && d < n && file[d - 1] == ':' ? d - 1 : n;
}

/* The counter of a file, or NULL when too many files have spoken. */
static int
flood_slot(const char *file)
{
	size_t	 n = file_part(file);
	int	 i;

	for (i = 0; i < FLOODED && flood[i].file != NULL; i++)
		if (strlen(flood[i].file) == n &&
		    strncmp(flood[i].file, file, n) == 0)
			return i;
	if (i == FLOODED)
		return -1;
	flood[i].file = strndup(file, n);
	return flood[i].file != NULL ? i : -1;
}

/* A new string printed from fmt; aborts when out of memory. */
static char *
vformat(const char *fmt, va_list ap)
{
	va_list	 again;
	char	*s;
	int	 n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0)
		wp_oom();
	s = wp_malloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static char *
format_str(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = vformat(fmt, ap);
	va_end(ap);
	return s;
}

/*
 * Writes one message as one line, in one write where the stream allows:
 * the worker processes of a build share standard error, and their lines
 * must not interleave.  file may end in ":line" (then line is 0); col
 * is 0 where it is not known.
 */
static void
emit(FILE *f, enum wp_level level, enum wp_msg m, const char *file,
    long line, long col, const char *text)
{
	const char	*sev = level == WP_ERROR ? "error" : "warning";
	char		*s, *qfile, *qtext, lines[24] = "null";
	char		 cols[24] = "null";
	size_t		 n;

	if (format == WP_DIAG_TEXT) {
		if (file != NULL && line > 0)
			s = format_str("%s:%ld: %s: %s\n", file, line, sev,
			    text);
		else if (file != NULL)
			s = format_str("%s: %s: %s\n", file, sev, text);
		else
			s = format_str("%s: %s\n", sev, text);
	} else {
		n = file != NULL ? file_part(file) : 0;
		if (file != NULL && line == 0 && n < strlen(file))
			line = strtol(file + n + 1, NULL, 10);
		if (line > 0)
			snprintf(lines, sizeof(lines), "%ld", line);
		if (col > 0)
			snprintf(cols, sizeof(cols), "%ld", col);
		if (file != NULL) {
			char *name = strndup(file, n);
			qfile = wp_json_quote(name);
			free(name);
		} else
			qfile = wp_json_quote(NULL);
		qtext = wp_json_quote(text);
		s = format_str("{\"file\": %s, \"line\": %s, \"column\": "
		    "%s, \"severity\": \"%s\", \"code\": \"%s\", "
		    "\"message\": %s}\n", qfile, lines, cols, sev, codes[m],
		    qtext);
		free(qfile);
		free(qtext);
	}
	fputs(s, f);
	free(s);
}

void
wp_diag_flush(void)
{
	FILE	*f;
	int	 i;

	pthread_mutex_lock(&lock);
	f = out != NULL ? out : stderr;
	for (i = 0; i < FLOODED && flood[i].file != NULL; i++) {
		int e = flood[i].errors, w = flood[i].warnings;
		char more[96] = "", text[160];
		if (e > 0 && w > 0)
			snprintf(more, sizeof(more), "%d more error%s and %d "
			    "more warning%s", e, e == 1 ? "" : "s", w,
			    w == 1 ? "" : "s");
		else if (e + w > 0)
			snprintf(more, sizeof(more), "%d more %s%s", e + w,
			    e > 0 ? "error" : "warning", e + w == 1 ? "" : "s");
		if (e + w > 0) {
			snprintf(text, sizeof(text), msgs[MSG_NOT_SHOWN].fmt,
			    more);
			emit(f, e > 0 ? WP_ERROR : WP_WARNING, MSG_NOT_SHOWN,
			    flood[i].file, 0, 0, text);
		}
		free(flood[i].file);
		flood[i].file = NULL;
		flood[i].said = flood[i].errors = flood[i].warnings = 0;
	}
	pthread_mutex_unlock(&lock);
}

void
wp_diag_stream(FILE *f)
{
	out = f;
}

void
wp_diag_format(enum wp_diag_format f)
{
	format = f;
}

int
wp_diag_json(void)
{
	return format == WP_DIAG_JSON;
}

void
wp_diag_werror(int yes)
{
	werror = yes;
}

int
wp_diag_errors(void)
{
	int	 n;

	pthread_mutex_lock(&lock);
	n = scope != NULL ? scope->errors : nerrors;
	pthread_mutex_unlock(&lock);
	return n;
}

void
wp_diag_enter(struct wp_diag_scope *s)
{
	scope = s;
}

struct wp_diag_scope *
wp_diag_scope(void)
{
	return scope;
}

int
wp_diag_warnings(void)
{
	int	 n;

	pthread_mutex_lock(&lock);
	n = nwarnings;
	pthread_mutex_unlock(&lock);
	return n;
}

void
wp_diag_reset(void)
{
	pthread_mutex_lock(&lock);
	nerrors = nwarnings = kinds_seen = 0;
	pthread_mutex_unlock(&lock);
}

int
wp_diag_kinds(void)
{
	int	 k;

	pthread_mutex_lock(&lock);
	k = kinds_seen;
	pthread_mutex_unlock(&lock);
	return k;
}

void
wp_diag_add_kinds(int k)
{
	pthread_mutex_lock(&lock);
	kinds_seen |= k;
	pthread_mutex_unlock(&lock);
}

/* Forgets the kinds seen: `wpgen watch`'s errors were each mended or
 * said as they came, and its Ctrl-C ends with status 0. */
void
wp_diag_clear_kinds(void)
{
	pthread_mutex_lock(&lock);
	kinds_seen = 0;
	pthread_mutex_unlock(&lock);
}

static void
vmsg(enum wp_level level, enum wp_msg m, const char *file, long line,
    long col, va_list ap)
{
	FILE	*f;
	char	*text;
	int	 slot;

	if (werror)
		level = WP_ERROR;
	text = vformat(msgs[m].fmt, ap);
	pthread_mutex_lock(&lock);
	f = out != NULL ? out : stderr;
	if (level == WP_ERROR) {
		nerrors++;
		if (scope != NULL)
			scope->errors++;
		kinds_seen |= kind(m);
	} else
		nwarnings++;
	if (file != NULL && (slot = flood_slot(file)) >= 0 &&
	    ++flood[slot].said > WP_DIAG_CAP) {
		if (level == WP_ERROR)
			flood[slot].errors++;
		else
			flood[slot].warnings++;
	} else
		emit(f, level, m, file, line, col, text);
	pthread_mutex_unlock(&lock);
	free(text);
}

void
wp_msg(enum wp_msg m, const char *file, long line, ...)
{
	va_list	 ap;

	va_start(ap, line);
	vmsg(msgs[m].level, m, file, line, 0, ap);
	va_end(ap);
}

char *
wp_msg_text(enum wp_msg m, ...)
{
	va_list	 ap;
	char	*s;
	int	 n;

	va_start(ap, m);
	n = vsnprintf(NULL, 0, msgs[m].fmt, ap);
	va_end(ap);
	s = wp_malloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, m);
	vsnprintf(s, n > 0 ? (size_t)n + 1 : 1, msgs[m].fmt, ap);
	va_end(ap);
	return s;
}

void
wp_msg_as(enum wp_level level, enum wp_msg m, const char *file, long line,
    ...)
{
	va_list	 ap;

	va_start(ap, line);
	vmsg(level, m, file, line, 0, ap);
	va_end(ap);
}

/* A message with the column libxml2 knows. */
static void
msg_col(enum wp_msg m, const char *file, long line, long col, ...)
{
	va_list	 ap;

	va_start(ap, col);
	vmsg(msgs[m].level, m, file, line, col, ap);
	va_end(ap);
}

/* libxml2 messages end in a newline and sometimes carry trailing blanks. */
static void
trim(char *s)
{
	size_t	 n = strlen(s);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
}

void
wp_diag_xml_error(void *ctx, xmlErrorPtr e)
{
	char	 text[1024];
	enum wp_msg m = ctx != NULL ? *(enum wp_msg *)ctx : MSG_XML;

	if (e == NULL || e->level == XML_ERR_NONE)
		return;
	if (e->level == XML_ERR_WARNING)
		return;		/* libxml2's warnings are about DTDs we never load */
	snprintf(text, sizeof(text), "%s",
	    e->message != NULL ? e->message : "malformed XML");
	if (e->code == XML_ERR_INVALID_CHAR && e->int1 >= 0xD800 &&
	    e->int1 <= 0xDFFF)	/* UTF-8 for a surrogate is no UTF-8 */
		snprintf(text, sizeof(text), "Input is not proper UTF-8");
	if (!rewrite_parser(e, text, sizeof(text)))
		for (size_t i = 0; i < sizeof(rewrites) / sizeof(rewrites[0]); i++)
			if (strncmp(text, rewrites[i].prefix,
			    strlen(rewrites[i].prefix)) == 0)
				snprintf(text, sizeof(text), "%s",
				    rewrites[i].says);
	trim(text);
	for (char *nl = strchr(text, '\n'); nl != NULL; nl = strchr(nl, '\n'))
		*nl = ' ';
	/* the parser knows the column (libxml2 puts it in int2) */
	msg_col(m, e->file, e->line, e->domain == XML_FROM_PARSER ||
	    e->domain == XML_FROM_NAMESPACE ? e->int2 : 0, text);
}

static void
xslt_error(void *ctx, const char *fmt, ...)
{
	static char	 buf[1024];
	static size_t	 len;
	va_list		 ap;

	(void)ctx;
	/* libxslt prints one message in several calls; flush on newline. */
	va_start(ap, fmt);
	vsnprintf(buf + len, sizeof(buf) - len, fmt, ap);
	va_end(ap);
	len = strlen(buf);
	if (len > 0 && (buf[len - 1] == '\n' || len + 1 >= sizeof(buf))) {
		trim(buf);
		if (buf[0] != '\0')
			wp_msg(MSG_XSLT, NULL, 0, buf);
		len = 0;
		buf[0] = '\0';
	}
}

void
wp_diag_route_libxml(void)
{
	xmlSetStructuredErrorFunc(NULL, wp_diag_xml_error);
	/* and in every thread made from now on (libxml2's handler is a
	 * thread's own) */
	xmlThrDefSetStructuredErrorFunc(NULL, wp_diag_xml_error);
	xsltSetGenericErrorFunc(NULL, xslt_error);
}
