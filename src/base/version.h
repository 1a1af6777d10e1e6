/*
 * version: which wpgen this is, for --version and the release's
 * manifest: its version, and the git commit its sources were built from.
 */
#ifndef WP_VERSION_H
#define WP_VERSION_H

/* wpgen's version, "0.1". */
const char	*wp_version(void);
/*
 * The commit that last changed wpgen's sources (the Makefile writes it
 * into build/gen/commit.h), or NULL when it was not built from git.
 */
const char	*wp_commit(void);

#endif
