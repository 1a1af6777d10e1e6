/*
 * write: the diff report in the format asked for.
 */
#include "diff/items.h"

int
wp_diff_write(const struct wp_diff *d, const struct wp_diff_opts *opts,
    FILE *out)
{
	static const struct wp_diff_opts	 defaults;
	const struct wp_diff_opts		*o = opts != NULL ? opts :
						    &defaults;

	diff_text_write(d, o, out);
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return d->n > 0;
}

int
wp_diff_models(xmlDocPtr old, xmlDocPtr new, const struct wp_diff_opts *opts,
    FILE *out)
{
	struct wp_diff	*d = wp_diff_new(old, new);
	int		 rc = wp_diff_write(d, opts, out);

	wp_diff_free(d);
	return rc;
}

