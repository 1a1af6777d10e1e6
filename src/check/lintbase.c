/*
 * lintbase: a baseline of lint findings, the ones a team has looked at
 * and accepts, so that lint can gate CI on new ones.  The file is lint's
 * own output, "file:line: warning: text" a line ('#' starts a comment);
 * a finding is accepted when the file lists one with the same file and
 * text, whatever its line (lines move as content is edited), each line
 * accepting one finding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "check/lint.h"

struct entry {
	char	*file, *text;
	int	 used;
};

struct wp_baseline {
	struct entry	*v;
	size_t		 n, cap;
};

/*
 * Splits "file:line: warning: text" into file and text (pointers into
 * s, which it cuts); 0, or -1 when the line is no finding.
 */
static int
parse(char *s, char **file, char **text)
{
	static const char	 tag[] = ": warning: ";
	char			*w = strstr(s, tag), *p;

	if (w == NULL)
		return -1;
	*text = w + strlen(tag);
	*w = '\0';
	/* the file is up to ":line", the last colon and digits */
	p = strrchr(s, ':');
	if (p == NULL || p[1] == '\0' || strspn(p + 1, "0123456789") !=
	    strlen(p + 1))
		return -1;
	*p = '\0';
	*file = s;
	return **file != '\0' && **text != '\0' ? 0 : -1;
}

struct wp_baseline *
wp_baseline_load(const char *path)
{
	struct wp_baseline	*b = wp_calloc(1, sizeof(*b));
	FILE			*f = fopen(path, "r");
	char			*line = NULL, *file, *text;
	size_t			 cap = 0;
	ssize_t			 len;
	long			 no = 0;
	int			 bad = 0;

	if (f == NULL) {
		wp_msg(MSG_IO, path, 0, "cannot read the baseline");
		free(b);
		return NULL;
	}
	while ((len = getline(&line, &cap, f)) != -1) {
		no++;
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (parse(line, &file, &text) == -1) {
			wp_msg(MSG_BASELINE, path, no, "this line");
			bad = 1;
			continue;
		}
		b->v = wp_grow(b->v, &b->cap, b->n, sizeof(*b->v));
		b->v[b->n++] = (struct entry){ wp_strdup(file),
		    wp_strdup(text), 0 };
	}
	free(line);
	fclose(f);
	if (bad) {
		wp_baseline_free(b);
		return NULL;
	}
	return b;
}

int
wp_baseline_accept(struct wp_baseline *b, const char *file,
    const char *text)
{
	for (size_t i = 0; b != NULL && i < b->n; i++)
		if (!b->v[i].used && strcmp(b->v[i].file, file) == 0 &&
		    strcmp(b->v[i].text, text) == 0) {
			b->v[i].used = 1;
			return 1;
		}
	return 0;
}

size_t
wp_baseline_unused(const struct wp_baseline *b)
{
	size_t	 k = 0;

	for (size_t i = 0; b != NULL && i < b->n; i++)
		k += !b->v[i].used;
	return k;
}

void
wp_baseline_free(struct wp_baseline *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->n; i++) {
		free(b->v[i].file);
		free(b->v[i].text);
	}
	free(b->v);
	free(b);
}
