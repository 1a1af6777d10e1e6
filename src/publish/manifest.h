/*
 * manifest: the release's manifest.json, for release.c: how the release
 * was made (wpgen, its sources, the model's schema), each whitepaper's
 * facts, files and the digests of its parts; and the previous release's
 * manifest read back, to refuse a version re-released with other content.
 */
#ifndef WP_PUBLISH_MANIFEST_H
#define WP_PUBLISH_MANIFEST_H

#include <stddef.h>

#include <glib.h>
#include <libxml/tree.h>

#include "base/json.h"
#include "publish/publish.h"

/* One part of a whitepaper (diff.h: wp_diff_parts) and its digest. */
struct part {
	char	*name;		/* "clause 9.2.1", "section intro" */
	char	*title;		/* or NULL */
	char	*sha256;	/* hex */
};

struct parts {
	struct part	*v;
	size_t		 n;
	char		*digest;	/* of them all, in hex */
};

/* The parts of a model; free with parts_free(). */
void	 parts_read(struct parts *, xmlDocPtr model);
void	 parts_free(struct parts *);

/* A released file: its name and bytes. */
struct released {
	const char	*name;
	const void	*buf;
	size_t		 len;
	char		 sha256[65];	/* of buf, in hex */
};

struct manifest {
	GString		*json;		/* manifest.json, being written */
	int		 entries;	/* whitepapers written so far */
	struct wp_json	*old;		/* the previous one, or NULL */
};

/*
 * Starts a manifest: what made it, and the sources of the services in
 * dirs (at git revision rev, unless NULL).  Returns 0, or -1 after
 * reporting (the templates' model schema unreadable).
 */
int	 manifest_begin(struct manifest *, const struct wp_session *,
	    int n, char **dirs, const char *rev);
/* One whitepaper: its facts, its files, its parts. */
void	 manifest_add(struct manifest *, const char *id, xmlDocPtr model,
	    int pages, const struct released *files, size_t nfiles,
	    const struct parts *);
/* Ends it; the text is m->json's, and freed with it. */
void	 manifest_end(struct manifest *);
void	 manifest_free(struct manifest *);

/*
 * Reads the previous release's manifest at path into m->old, if there
 * is one.  Returns 0, or -1 after reporting one that is not JSON.
 */
int	 manifest_previous(struct manifest *, const char *path);
/* Whether the previous manifest lists a file of this name. */
int	 manifest_listed(const struct manifest *, const char *name);
/*
 * The previous release of service id at this version, if any, must have
 * had the same parts; returns 0, or -1 after naming what changed.
 */
int	 manifest_same(const struct manifest *, const char *id,
	    xmlDocPtr model, const struct parts *);

#endif
