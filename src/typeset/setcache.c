/*
 * setcache: set paragraphs kept across documents (setcache.h).  A key
 * is every input of a setting as bytes (lines.c makes it); an entry
 * lives while one of the last few documents used it.
 */
#include <stdlib.h>

#include "base/alloc.h"
#include "typeset/setcache.h"

/* Documents an entry outlives its last use by: a watch over several
 * services, or a build of them, sets the others in between. */
#define KEEP	4

struct entry {
	PangoLayout	*layout;	/* NULL: a measurement */
	struct wp_para	*para;		/* as set: copied out on a hit */
	double		 size[2];	/* a measurement's */
	unsigned long	 used;		/* the document that last used it */
};

struct wp_setcache {
	GHashTable	*map;		/* GBytes key -> struct entry */
	unsigned long	 now;		/* documents begun */
};

static void
entry_free(void *v)
{
	struct entry *en = v;

	if (en->layout != NULL)
		g_object_unref(en->layout);
	wp_para_free(en->para);
	free(en);
}

struct wp_setcache *
wp_setcache_new(void)
{
	struct wp_setcache *c = wp_calloc(1, sizeof(*c));

	c->map = g_hash_table_new_full(g_bytes_hash, g_bytes_equal,
	    (GDestroyNotify)g_bytes_unref, entry_free);
	return c;
}

void
wp_setcache_free(struct wp_setcache *c)
{
	if (c == NULL)
		return;
	g_hash_table_destroy(c->map);
	free(c);
}

static gboolean
stale(gpointer key, gpointer value, gpointer now)
{
	(void)key;
	return ((struct entry *)value)->used + KEEP <= *(unsigned long *)now;
}

void
wp_setcache_tick(struct wp_setcache *c)
{
	c->now++;
	g_hash_table_foreach_remove(c->map, stale, &c->now);
}

/* The entry under key, marked used now, or NULL. */
static struct entry *
find(struct wp_setcache *c, const GString *key)
{
	GBytes		*k = g_bytes_new_static(key->str, key->len);
	struct entry	*en = g_hash_table_lookup(c->map, k);

	g_bytes_unref(k);
	if (en != NULL)
		en->used = c->now;
	return en;
}

static struct entry *
keep(struct wp_setcache *c, const GString *key)
{
	struct entry	*en = wp_calloc(1, sizeof(*en));

	en->used = c->now;
	g_hash_table_replace(c->map, g_bytes_new(key->str, key->len), en);
	return en;
}

PangoLayout *
wp_setcache_find(struct wp_setcache *c, const GString *key,
    struct wp_para *p)
{
	struct entry	*en = find(c, key);

	if (en == NULL || en->layout == NULL)
		return NULL;
	wp_para_copy(p, en->para);
	return g_object_ref(en->layout);
}

void
wp_setcache_keep(struct wp_setcache *c, const GString *key,
    PangoLayout *lay, const struct wp_para *p)
{
	struct entry	*en = keep(c, key);

	en->layout = g_object_ref(lay);
	en->para = wp_para_new();
	wp_para_copy(en->para, p);
}

int
wp_setcache_find_size(struct wp_setcache *c, const GString *key,
    double size[2])
{
	struct entry	*en = find(c, key);

	if (en == NULL || en->layout != NULL)
		return 0;
	size[0] = en->size[0];
	size[1] = en->size[1];
	return 1;
}

void
wp_setcache_keep_size(struct wp_setcache *c, const GString *key,
    const double size[2])
{
	struct entry	*en = keep(c, key);

	en->size[0] = size[0];
	en->size[1] = size[1];
}
