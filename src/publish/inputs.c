/*
 * inputs: what a service's outputs were made from, written beside them
 * as inputs.sha256, so that `wpgen build --changed` builds a service
 * only when something it is made from changed (its content, a template,
 * the fonts, wpgen itself, an option that shows in the outputs), when an
 * output is missing, or when its last build failed (which wrote none of
 * it, inputs.sha256 included).  Content and templates are compared by
 * their bytes, so that a touched or checked-out file with the same bytes
 * builds nothing; fonts and wpgen by size and time, which is cheaper and
 * changes when they are replaced.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "base/alloc.h"
#include "base/path.h"
#include "publish/publish.h"

/*
 * "<sha256>  path" of a file's bytes, or "missing  path" (or not an
 * ordinary file, or unreadable: the build says why).  Opened without
 * waiting, and read only when ordinary, so that a pipe or a device put
 * where content belongs is not waited on.
 */
static void
file_sum(GString *g, const char *path)
{
	GChecksum	*c;
	struct stat	 st;
	guchar		 buf[65536];
	ssize_t		 n;
	int		 fd;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1 || fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		if (fd != -1)
			close(fd);
		g_string_append_printf(g, "missing  %s\n", path);
		return;
	}
	c = g_checksum_new(G_CHECKSUM_SHA256);
	while ((n = read(fd, buf, sizeof(buf))) > 0 ||
	    (n == -1 && errno == EINTR))
		if (n > 0)
			g_checksum_update(c, buf, (gssize)n);
	close(fd);
	if (n == -1)
		g_string_append_printf(g, "missing  %s\n", path);
	else
		g_string_append_printf(g, "%s  %s\n",
		    g_checksum_get_string(c), path);
	g_checksum_free(c);
}

/* "size:mtime  path" of a file wpgen does not read as text. */
static void
file_stat(GString *g, const char *path)
{
	struct stat	 st;

	if (stat(path, &st) == -1)
		g_string_append_printf(g, "missing  %s\n", path);
	else
		g_string_append_printf(g, "%lld:%lld.%09ld  %s\n",
		    (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		    st.st_mtim.tv_nsec, path);
}

static gint
by_path(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every file under dir, in name order, each summed by how. */
static void
sum_tree(GString *g, const char *dir, void (*how)(GString *, const char *))
{
	GPtrArray	*names = g_ptr_array_new_with_free_func(g_free);
	GDir		*d = g_dir_open(dir, 0, NULL);
	const char	*name;

	while (d != NULL && (name = g_dir_read_name(d)) != NULL)
		g_ptr_array_add(names, wp_path(dir, name));
	if (d != NULL)
		g_dir_close(d);
	g_ptr_array_sort(names, by_path);
	for (guint i = 0; i < names->len; i++) {
		const char *p = names->pdata[i];
		if (g_file_test(p, G_FILE_TEST_IS_DIR))
			sum_tree(g, p, how);
		else
			how(g, p);
	}
	g_ptr_array_free(names, TRUE);
}

/* What every service of the run shares: templates, fonts, wpgen. */
static const char *
common(struct wp_session *s)
{
	GString		*g;
	char		*fonts, *subsets;
	const char	*epoch = getenv("SOURCE_DATE_EPOCH");

	if (s->inputs != NULL)
		return s->inputs;
	g = g_string_new("# what these outputs were made from: `wpgen build "
	    "--changed` builds them again when it changes\n");
	sum_tree(g, s->t->dir, file_sum);
	file_sum(g, s->fonts_conf);
	fonts = wp_dirname(s->fonts_conf);
	subsets = wp_path(fonts, "subset");
	sum_tree(g, subsets, file_stat);
	free(subsets);
	free(fonts);
	file_stat(g, "/proc/self/exe");
	g_string_append_printf(g, "SOURCE_DATE_EPOCH=%s\n",
	    epoch != NULL ? epoch : "");
	s->inputs = wp_strdup(g->str);
	g_string_free(g, TRUE);
	return s->inputs;
}

char *
wp_publish_inputs(struct wp_session *s, const char *dir,
    const char *index_href)
{
	/* the files wpgen reads of a service (input/service.c), and no
	 * other: an editor's backup beside them is not content */
	static const char *const files[] = { "service.xml", "revisions.xml" };
	GString	*g = g_string_new(common(s));
	char	*inputs, *path;

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		path = wp_path(dir, files[i]);
		file_sum(g, path);
		free(path);
	}

	g_string_append_printf(g, "index-href=%s\n",
	    index_href != NULL ? index_href : "");
	inputs = wp_strdup(g->str);
	g_string_free(g, TRUE);
	return inputs;
}

/* Whether a file holds exactly the text. */
static int
holds_text(const char *path, const char *text)
{
	gchar	*bytes;
	int	 same;

	if (!g_file_get_contents(path, &bytes, NULL, NULL))
		return 0;
	same = strcmp(bytes, text) == 0;
	g_free(bytes);
	return same;
}

int
wp_publish_current(struct wp_session *s, const char *dir, const char *outdir,
    const char *index_href, char **handed)
{
	char	*inputs = wp_publish_inputs(s, dir, index_href), *path;
	int	 current = 1;

	for (size_t i = 0; wp_publish_files[i] != NULL && current; i++) {
		path = wp_path(outdir, wp_publish_files[i]);
		current = strcmp(wp_publish_files[i], WP_INPUTS) == 0 ?
		    holds_text(path, inputs) : wp_exists(path);
		free(path);
	}
	if (handed != NULL)
		*handed = inputs;
	else
		free(inputs);
	return current;
}
