/*
 * lintlinks: the links pass.  A link's host, or its path on a host,
 * written a little differently from the form most other services write
 * is likely a typo (www.ijj.ad.jp for www.iij.ad.jp).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/chars.h"
#include "check/lint.h"
#include "check/lintint.h"

/* A link's host (lower case) and path, as characters. */
struct addr {
	uint32_t	*host, *path;
	size_t		 nhost, npath;
	size_t		 hf;		/* its host's form */
	int		 listed;	/* the dictionary's host, or made so */
};

static void
parse_addr(const char *href, struct addr *a)
{
	const char	*h = strstr(href, "://"), *p;

	h = h != NULL ? h + 3 : href + strlen(href);
	p = h + strcspn(h, "/?#");
	a->nhost = wp_utf8_decode(h, (size_t)(p - h), &a->host, NULL);
	for (size_t i = 0; i < a->nhost; i++)
		a->host[i] = lint_lower(a->host[i]);
	a->npath = wp_utf8_decode(p, strlen(p), &a->path, NULL);
}

/* A host the links write, or a path they write on one host. */
struct uform {
	const uint32_t	*c;		/* borrowed from a struct addr */
	size_t		 n;
	size_t		 host;		/* a path's host form */
	size_t		 links;		/* how many links write it */
	size_t		 writers;	/* how many services */
	char		*by;		/* by[svc]: does svc write it? */
};

static const struct addr *sort_ad;
static int sort_part;

static int
addr_cmp(const void *a, const void *b)
{
	const struct addr *x = &sort_ad[*(const size_t *)a];
	const struct addr *y = &sort_ad[*(const size_t *)b];
	const uint32_t	*cx = sort_part ? x->path : x->host;
	const uint32_t	*cy = sort_part ? y->path : y->host;
	size_t		 nx = sort_part ? x->npath : x->nhost;
	size_t		 ny = sort_part ? y->npath : y->nhost;

	if (sort_part && x->hf != y->hf)
		return x->hf < y->hf ? -1 : 1;
	return lint_cmp(cx, nx, cy, ny);
}

/*
 * The forms of the links' hosts (part 0) or paths on each host (part 1)
 * in *out; returns how many.  Hosts first: they set each addr's hf.
 */
static size_t
uforms(const struct lint *x, struct addr *ad, int part, struct uform **out)
{
	size_t	*ix = wp_malloc((x->nl + 1) * sizeof(*ix)), nf = 0;

	*out = wp_calloc(x->nl + 1, sizeof(**out));
	for (size_t i = 0; i < x->nl; i++)
		ix[i] = i;
	sort_ad = ad, sort_part = part;
	if (x->nl > 1)
		qsort(ix, x->nl, sizeof(*ix), addr_cmp);
	for (size_t k = 0; k < x->nl; k++) {
		struct addr	*a = &ad[ix[k]];
		struct uform	*f;

		if (k == 0 || addr_cmp(&ix[k - 1], &ix[k]) != 0) {
			f = &(*out)[nf++];
			f->c = part ? a->path : a->host;
			f->n = part ? a->npath : a->nhost;
			f->host = a->hf;
			f->by = wp_calloc(x->nsvc, 1);
		}
		f = &(*out)[nf - 1];
		f->links++;
		if (!f->by[x->l[ix[k]].svc]) {
			f->by[x->l[ix[k]].svc] = 1;
			f->writers++;
		}
		if (!part)
			a->hf = nf - 1;
	}
	free(ix);
	return nf;
}

/*
 * Of the forms (on host, for paths), the near form of mine that the
 * most services other than svc write, if more write it than write mine.
 * Returns its index, or -1.
 */
static long
url_majority(const struct uform *f, size_t nf, const uint32_t *mine,
    size_t nmine, int part, size_t host, int svc)
{
	size_t	 bestk = 0, k, own = 0;
	long	 best = -1;

	for (size_t g = 0; g < nf; g++) {
		int d;

		if (part && f[g].host != host)
			continue;
		k = f[g].writers - (f[g].by[svc] != 0);
		d = lint_osa(mine, nmine, f[g].c, f[g].n, LINT_MAX_EDITS);
		if (d == 0)
			own = k;
		else if (d <= lint_allowed(nmine, f[g].n) && k > bestk)
			best = (long)g, bestk = k;
	}
	return bestk >= LINT_MIN_MAJORITY && bestk > own ? best : -1;
}

static void
report_url(struct lint *x, const struct lint_link *l, const uint32_t *c,
    size_t n, const struct uform *m)
{
	char	*v = lint_utf8(c, n), *w = lint_utf8(m->c, m->n);

	lint_report(x, LINT_URL, l->file, l->line, "\"%s\" in \"%s\" is "
	    "written \"%s\" in %zu other links (a typo?)", v, l->href, w,
	    m->links);
	free(v);
	free(w);
}

/*
 * The dictionary's hosts come first: a host it lists is right however
 * few links write it, and one a little unlike a listed host is a typo
 * of that host (www.ij.ad.jp, written by four services of five, for
 * www.iij.ad.jp), whatever the majority; its path is then compared with
 * the paths on the listed host.
 */
static void
listed_host(struct lint *x, const struct lint_link *l, struct addr *a)
{
	int			 exact;
	long			 d = lint_domain(x, a->host, a->nhost, &exact);
	const struct lint_domain *dom;
	char			*v;

	if (d < 0)
		return;
	a->listed = 1;
	if (exact)
		return;
	dom = &x->dom[d];
	if (!l->voter) {
		v = lint_utf8(a->host, a->nhost);
		lint_report(x, LINT_URL, l->file, l->line, "\"%s\" in \"%s\" "
		    "is not \"%s\", as %s spells it (a typo?)", v, l->href,
		    dom->shown, x->names_file);
		free(v);
	}
	free(a->host);
	a->host = wp_malloc((dom->n + 1) * sizeof(*a->host));
	memcpy(a->host, dom->c, dom->n * sizeof(*a->host));
	a->nhost = dom->n;
}

void
lint_pass_links(struct lint *x)
{
	struct addr	*ad = wp_calloc(x->nl + 1, sizeof(*ad));
	struct uform	*hf, *pf;
	size_t		 nh, np;

	for (size_t i = 0; i < x->nl; i++) {
		parse_addr(x->l[i].href, &ad[i]);
		listed_host(x, &x->l[i], &ad[i]);
	}
	nh = uforms(x, ad, 0, &hf);
	np = uforms(x, ad, 1, &pf);
	for (size_t i = 0; i < x->nl; i++) {
		const struct lint_link	*l = &x->l[i];
		size_t			 host = ad[i].hf;
		long			 m;

		if (l->voter || ad[i].nhost == 0)
			continue;
		m = ad[i].listed ? -1 : url_majority(hf, nh, ad[i].host,
		    ad[i].nhost, 0, 0, l->svc);
		if (m >= 0) {
			report_url(x, l, ad[i].host, ad[i].nhost, &hf[m]);
			host = (size_t)m;	/* the path as on that host */
		}
		m = url_majority(pf, np, ad[i].path, ad[i].npath, 1, host,
		    l->svc);
		if (m >= 0)
			report_url(x, l, ad[i].path, ad[i].npath, &pf[m]);
	}
	for (size_t i = 0; i < nh; i++)
		free(hf[i].by);
	for (size_t i = 0; i < np; i++)
		free(pf[i].by);
	for (size_t i = 0; i < x->nl; i++) {
		free(ad[i].host);
		free(ad[i].path);
	}
	free(hf);
	free(pf);
	free(ad);
}
