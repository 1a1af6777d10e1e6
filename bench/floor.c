/* The reference floor of ../shared/bench/ (kept here unchanged, so that
 * `make bench` runs in any clone): what any Pango/Cairo whitepaper
 * generator must at least do.  wpgen is measured as a ratio to it. */
/* floor.c - lower-bound estimate for a Cairo/Pango whitepaper generator.
 *
 * Lays out every paragraph of a .paras file (one paragraph a line; prefix
 * "0 " body, "1 "/"2 "/"3 " heading levels; U+2028 = hard line break) with
 * pango_cairo at the common spec (A4, 25 mm margins, 160 mm measure, Noto
 * Serif CJK JP 10.5pt / 17.85pt lines, justified; headings Noto Sans CJK JP
 * Bold 18/14/12pt, level 1 starts a page) and writes a PDF through
 * cairo_pdf_surface_create, breaking pages line by line when full, with a
 * centred folio.  No cover, no ToC, no XML: only what any such generator
 * must do.
 *
 * usage: floor IN.paras OUT.pdf [IN2.paras OUT2.pdf ...]   (pairs: batch in one process)
 * build: cc -O2 -o floor floor.c $(pkg-config --cflags --libs pangocairo)
 */
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM(x) ((x) * 72.0 / 25.4)
static const double PW = 595.2756, PH = 841.8898;
static const double ML = MM(25), MT = MM(25), MB = MM(25), W = MM(160);

typedef struct { const char *font; double size, lh, before, after; } Style;
static const Style ST[4] = {
    {"Noto Serif CJK JP", 10.5, 10.5 * 1.7, 0, 10.5 * 0.6},
    {"Noto Sans CJK JP Bold", 18, 18 * 1.4, 0, 18 * 0.8},
    {"Noto Sans CJK JP Bold", 14, 14 * 1.4, 14 * 1.2, 14 * 0.5},
    {"Noto Sans CJK JP Bold", 12, 12 * 1.4, 12 * 1.0, 12 * 0.4},
};

typedef struct { cairo_t *cr; PangoLayout *folio; int page; double y; } Ctx;

static void finish_page(Ctx *c) {
    char buf[16];
    snprintf(buf, sizeof buf, "%d", c->page);
    pango_layout_set_text(c->folio, buf, -1);
    int w, h;
    pango_layout_get_size(c->folio, &w, &h);
    cairo_move_to(c->cr, (PW - (double)w / PANGO_SCALE) / 2, PH - MM(15));
    pango_cairo_show_layout(c->cr, c->folio);
    cairo_show_page(c->cr);
    c->page++;
    c->y = MT;
}

static int render(const char *in, const char *out) {
    FILE *f = fopen(in, "rb");
    if (!f) { perror(in); return 1; }
    cairo_surface_t *s = cairo_pdf_surface_create(out, PW, PH);
    cairo_t *cr = cairo_create(s);
    PangoLayout *lay[4];
    for (int i = 0; i < 4; i++) {
        lay[i] = pango_cairo_create_layout(cr);
        PangoFontDescription *fd = pango_font_description_from_string(ST[i].font);
        pango_font_description_set_absolute_size(fd, ST[i].size * PANGO_SCALE);
        pango_layout_set_font_description(lay[i], fd);
        pango_font_description_free(fd);
        pango_layout_set_width(lay[i], (int)(W * PANGO_SCALE));
        pango_layout_set_wrap(lay[i], PANGO_WRAP_WORD_CHAR);
        pango_layout_set_justify(lay[i], i == 0);
        pango_context_set_language(pango_layout_get_context(lay[i]), pango_language_from_string("ja"));
        pango_layout_context_changed(lay[i]);
    }
    Ctx c = {cr, pango_cairo_create_layout(cr), 1, MT};
    {
        PangoFontDescription *fd = pango_font_description_from_string("Noto Serif CJK JP 9");
        pango_layout_set_font_description(c.folio, fd);
        pango_font_description_free(fd);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int started = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] == '\n') line[--n] = 0;
        if (n < 2) continue;
        int lv = line[0] - '0';
        if (lv < 0 || lv > 3) lv = 0;
        const Style *st = &ST[lv];
        PangoLayout *L = lay[lv];
        pango_layout_set_text(L, line + 2, n - 2);
        if (lv == 1 && started) finish_page(&c);
        else if (c.y > MT) c.y += st->before;
        started = 1;
        int nl = pango_layout_get_line_count(L);
        if (lv > 0 && c.y + st->lh * nl + ST[0].lh * 2 > PH - MB) finish_page(&c); /* keep with next */
        for (int k = 0; k < nl; k++) {
            if (c.y + st->lh > PH - MB) finish_page(&c);
            PangoLayoutLine *pl = pango_layout_get_line_readonly(L, k);
            double base = c.y + (st->lh - st->size) / 2 + 0.88 * st->size;
            cairo_move_to(cr, ML, base);
            pango_cairo_show_layout_line(cr, pl);
            c.y += st->lh;
        }
        c.y += st->after;
    }
    finish_page(&c);
    int pages = c.page - 1;
    free(line);
    fclose(f);
    for (int i = 0; i < 4; i++) g_object_unref(lay[i]);
    g_object_unref(c.folio);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    int bad = cairo_surface_status(s) != CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    fprintf(stderr, "%s: %d pages%s\n", out, pages, bad ? " (cairo error)" : "");
    return bad;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc % 2 == 0) {
        fprintf(stderr, "usage: %s IN.paras OUT.pdf [IN2 OUT2 ...]\n", argv[0]);
        return 2;
    }
    int rc = 0;
    for (int i = 1; i + 1 < argc; i += 2) rc |= render(argv[i], argv[i + 1]);
    return rc;
}
