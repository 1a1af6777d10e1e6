/*
 * sfnt: TrueType font programs read table by table (OpenType 1.9,
 * "Font file"), stand-ins made of them, and outlines put back into the
 * subsets cut from a stand-in.
 */
#include <string.h>

#include "render/sfnt.h"

#define MAX_TABLES	64
#define HEAD_LEN	54	/* head, to indexToLocFormat and past */
#define GLYPH_HEAD	10	/* numberOfContours and the box */

/*
 * A stub glyph: one contour of two points, no instructions, and after
 * them (where FreeType reads no more, and cairo copies what loca says)
 * a mark, the id and the glyph's number.
 */
#define STUB_LEN	30
#define STUB_SIZE	32	/* to a four-byte boundary */
#define MARK		0x7770	/* "wp" */

struct table {
	guint32		 tag;
	const guint8	*data;
	size_t		 len;
	size_t		 off;		/* where it was, for the order */
};

struct sfnt {
	guint32		 version;
	struct table	 t[MAX_TABLES];	/* in the directory's order */
	size_t		 n;
};

/* A font's glyphs, by its loca. */
struct glyphs {
	const guint8	*glyf, *loca;
	size_t		 glyf_len;
	unsigned	 n;
	int		 wide;		/* loca's offsets 32-bit */
};

static unsigned
be16(const guint8 *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static guint32
be32(const guint8 *p)
{
	return (guint32)p[0] << 24 | (guint32)p[1] << 16 |
	    (guint32)p[2] << 8 | p[3];
}

static void
set16(guint8 *p, unsigned v)
{
	p[0] = (guint8)(v >> 8);
	p[1] = (guint8)v;
}

static void
set32(guint8 *p, guint32 v)
{
	set16(p, v >> 16);
	set16(p + 2, v & 0xffff);
}

static void
put16(GByteArray *a, unsigned v)
{
	guint8 b[2];

	set16(b, v);
	g_byte_array_append(a, b, 2);
}

static void
put32(GByteArray *a, guint32 v)
{
	guint8 b[4];

	set32(b, v);
	g_byte_array_append(a, b, 4);
}

static void
pad4(GByteArray *a)
{
	static const guint8 zero[3];

	g_byte_array_append(a, zero, (-a->len) & 3);
}

static guint32
tag(const char *s)
{
	return be32((const guint8 *)s);
}

/* A plain TrueType font's table directory; 0, or -1. */
static int
parse(struct sfnt *s, const guint8 *b, size_t n)
{
	size_t i;

	if (n < 12)
		return -1;
	s->version = be32(b);
	s->n = be16(b + 4);
	if ((s->version != 0x00010000 && s->version != tag("true")) ||
	    s->n > MAX_TABLES || 12 + 16 * s->n > n)
		return -1;
	for (i = 0; i < s->n; i++) {
		const guint8 *e = b + 12 + 16 * i;
		size_t off = be32(e + 8), len = be32(e + 12);
		if (off > n || len > n - off)
			return -1;
		s->t[i] = (struct table){ be32(e), b + off, len, off };
	}
	return 0;
}

static struct table *
find(struct sfnt *s, const char *name)
{
	guint32 t = tag(name);

	for (size_t i = 0; i < s->n; i++)
		if (s->t[i].tag == t)
			return &s->t[i];
	return NULL;
}

/* The glyphs of a font with TrueType outlines; 0, or -1. */
static int
glyphs(struct sfnt *s, struct glyphs *g)
{
	struct table *head = find(s, "head"), *maxp = find(s, "maxp");
	struct table *loca = find(s, "loca"), *glyf = find(s, "glyf");

	if (head == NULL || maxp == NULL || loca == NULL || glyf == NULL ||
	    head->len < HEAD_LEN || maxp->len < 6)
		return -1;
	g->n = be16(maxp->data + 4);
	g->wide = be16(head->data + 50) != 0;
	g->loca = loca->data;
	g->glyf = glyf->data;
	g->glyf_len = glyf->len;
	return loca->len < ((size_t)g->n + 1) * (g->wide ? 4 : 2) ? -1 : 0;
}

/* Glyph i's bytes; 0, or -1 if loca points outside glyf. */
static int
glyph(const struct glyphs *g, unsigned i, const guint8 **p, size_t *len)
{
	size_t b, e;

	if (g->wide) {
		b = be32(g->loca + 4 * i);
		e = be32(g->loca + 4 * i + 4);
	} else {
		b = 2 * (size_t)be16(g->loca + 2 * i);
		e = 2 * (size_t)be16(g->loca + 2 * i + 2);
	}
	if (b > e || e > g->glyf_len)
		return -1;
	*p = g->glyf + b;
	*len = e - b;
	return 0;
}

/*
 * The font of s's tables as cairo 1.16 writes a subset: the directory
 * in s's order, the tables in the order they were in the file, each
 * from a four-byte boundary; if summed, with their checksums, and head's
 * checkSumAdjustment making the whole file's sum 0xB1B0AFBA.
 */
static GByteArray *
assemble(const struct sfnt *s, int summed)
{
	GByteArray	*a = g_byte_array_new();
	size_t		 order[MAX_TABLES], at[MAX_TABLES];
	size_t		 i, j, range = 1, shift = 0, head = 0;
	guint32		 sum;
	int		 has_head = 0;

	while (range * 2 <= s->n) {
		range *= 2;
		shift++;
	}
	put32(a, s->version);
	put16(a, (unsigned)s->n);
	put16(a, (unsigned)(range * 16));
	put16(a, (unsigned)shift);
	put16(a, (unsigned)(s->n * 16 - range * 16));
	g_byte_array_set_size(a, (guint)(12 + 16 * s->n));
	/* the order they were in: by offset (an insertion sort of a few) */
	for (i = 0; i < s->n; i++) {
		for (j = i; j > 0 && s->t[order[j - 1]].off > s->t[i].off; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	for (i = 0; i < s->n; i++) {
		const struct table *t = &s->t[order[i]];
		at[order[i]] = a->len;
		g_byte_array_append(a, t->data, (guint)t->len);
		pad4(a);
		if (t->tag == tag("head")) {
			head = at[order[i]];
			has_head = 1;
			/* summed without its adjustment */
			set32(a->data + head + 8, 0);
		}
	}
	for (i = 0; i < s->n; i++) {
		guint8 *e = a->data + 12 + 16 * i;
		sum = 0;
		for (j = at[i]; summed &&
		    j < at[i] + ((s->t[i].len + 3) & ~(size_t)3); j += 4)
			sum += be32(a->data + j);
		set32(e, s->t[i].tag);
		set32(e + 4, sum);
		set32(e + 8, (guint32)at[i]);
		set32(e + 12, (guint32)s->t[i].len);
	}
	if (summed && has_head) {
		sum = 0;
		for (j = 0; j < a->len; j += 4)
			sum += be32(a->data + j);
		set32(a->data + head + 8, 0xb1b0afba - sum);
	}
	return a;
}

/* ---- the stand-in ------------------------------------------------------ */

/* A stub at p for the glyph whose box is at box (xMin, yMin, xMax,
 * yMax), in a stand-in of id; 0, or -1 if its box is too wide to write. */
static int
stub(guint8 *p, const guint8 *box, unsigned id, unsigned gid)
{
	long	 x0 = (gint16)be16(box), y0 = (gint16)be16(box + 2);
	long	 w = (gint16)be16(box + 4) - x0;
	long	 h = (gint16)be16(box + 6) - y0;

	if (w < 0 || w > 32767 || h < 0 || h > 32767)
		return -1;
	set16(p, 1);			/* one contour */
	memcpy(p + 2, box, 8);
	set16(p + 10, 1);		/* ending at point 1 */
	set16(p + 12, 0);		/* no instructions */
	p[14] = p[15] = 0x01;		/* on the curve, x and y in words */
	set16(p + 16, (unsigned)x0 & 0xffff);
	set16(p + 18, (unsigned)w);
	set16(p + 20, (unsigned)y0 & 0xffff);
	set16(p + 22, (unsigned)h);
	set16(p + 24, MARK);
	set16(p + 26, id);
	set16(p + 28, gid);
	p[30] = 0;
	p[31] = 0;
	return 0;
}

GByteArray *
wp_sfnt_stub(const guint8 *font, size_t n, unsigned id)
{
	struct sfnt	 s;
	struct glyphs	 g;
	struct table	*head;
	GByteArray	*glyf, *loca, *out = NULL;
	guint8		 h[HEAD_LEN];
	const guint8	*p;
	size_t		 len, at = 0;
	unsigned	 i;

	if (id > 0xffff || parse(&s, font, n) == -1 || glyphs(&s, &g) == -1)
		return NULL;
	glyf = g_byte_array_sized_new(g.n * STUB_SIZE);
	g_byte_array_set_size(glyf, g.n * STUB_SIZE);
	loca = g_byte_array_sized_new(4 * (g.n + 1));
	g_byte_array_set_size(loca, 4 * (g.n + 1));
	for (i = 0; i < g.n; i++) {
		set32(loca->data + 4 * i, (guint32)at);
		if (glyph(&g, i, &p, &len) == -1)
			goto out;
		if (len < GLYPH_HEAD)	/* none (cairo drops a 0-contour one) */
			continue;
		if ((gint16)be16(p) < 0)	/* composite */
			goto out;
		if (be16(p) == 0)
			continue;
		if (stub(glyf->data + at, p + 2, id, i) == -1)
			goto out;
		at += STUB_SIZE;
	}
	set32(loca->data + 4 * i, (guint32)at);
	head = find(&s, "head");
	memcpy(h, head->data, HEAD_LEN);
	set16(h + 50, 1);		/* loca's offsets 32-bit */
	*head = (struct table){ head->tag, h, HEAD_LEN, head->off };
	*find(&s, "glyf") = (struct table){ tag("glyf"), glyf->data, at,
	    find(&s, "glyf")->off };
	*find(&s, "loca") = (struct table){ tag("loca"), loca->data,
	    loca->len, find(&s, "loca")->off };
	/* FreeType reads no checksum, and cairo sums the subsets it cuts */
	out = assemble(&s, 0);
out:
	g_byte_array_unref(glyf);
	g_byte_array_unref(loca);
	return out;
}

/* ---- the outlines put back --------------------------------------------- */

/* Whether glyph p (len bytes) is a stub: its id and number if so. */
static int
is_stub(const guint8 *p, size_t len, unsigned *id, unsigned *gid)
{
	if (len < STUB_LEN || be16(p) != 1 || be16(p + 10) != 1 ||
	    be16(p + 12) != 0 || p[14] != 0x01 || p[15] != 0x01 ||
	    be16(p + 24) != MARK)
		return 0;
	*id = be16(p + 26);
	*gid = be16(p + 28);
	return 1;
}

int
wp_sfnt_stub_id(const guint8 *sub, size_t n, unsigned *id)
{
	struct sfnt	 s;
	struct glyphs	 g;
	const guint8	*p;
	size_t		 len;
	unsigned	 gid;

	if (parse(&s, sub, n) == -1 || glyphs(&s, &g) == -1)
		return 0;
	for (unsigned i = 0; i < g.n; i++)
		if (glyph(&g, i, &p, &len) == 0 && len > 0)
			return is_stub(p, len, id, &gid);
	return 0;
}

GByteArray *
wp_sfnt_restore(const guint8 *sub, size_t n, const guint8 *font, size_t fn,
    const char **why)
{
	struct sfnt	 s, f;
	struct glyphs	 sg, fg;
	GByteArray	*glyf, *loca, *out = NULL;
	const guint8	*p;
	size_t		 len;
	unsigned	 i, id, first = 0, gid;
	int		 seen = 0;

	if (parse(&s, sub, n) == -1 || glyphs(&s, &sg) == -1) {
		*why = "a font subset is damaged";
		return NULL;
	}
	if (parse(&f, font, fn) == -1 || glyphs(&f, &fg) == -1) {
		*why = "a font is damaged";
		return NULL;
	}
	glyf = g_byte_array_new();
	loca = g_byte_array_new();
	*why = "a font subset's glyph is not its stand-in's";
	for (i = 0; i <= sg.n; i++) {
		if (fg.wide)
			put32(loca, glyf->len);
		else if (glyf->len <= 0x1fffe)
			put16(loca, glyf->len / 2);
		else {
			*why = "a font's outlines outgrow its short loca";
			goto out;
		}
		if (i == sg.n)
			break;
		if (glyph(&sg, i, &p, &len) == -1)
			goto out;
		if (len == 0)
			continue;
		if (!is_stub(p, len, &id, &gid) || (seen && id != first) ||
		    gid >= fg.n || glyph(&fg, gid, &p, &len) == -1)
			goto out;
		first = id;
		seen = 1;
		g_byte_array_append(glyf, p, (guint)len);
		pad4(glyf);
	}
	find(&s, "glyf")->data = glyf->data;
	find(&s, "glyf")->len = glyf->len;
	find(&s, "loca")->data = loca->data;
	find(&s, "loca")->len = loca->len;
	/* the font's own head: its loca's kind (cairo copies head whole) */
	*find(&s, "head") = (struct table){ tag("head"),
	    find(&f, "head")->data, find(&f, "head")->len,
	    find(&s, "head")->off };
	out = assemble(&s, 1);
out:
	g_byte_array_unref(glyf);
	g_byte_array_unref(loca);
	return out;
}
