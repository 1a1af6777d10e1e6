# wpgen: a plain Makefile.  `make` builds the tool and every service under
# content/; `make check` runs every test.  See README.md.

# No built-in rules: make would otherwise look for a way to remake each of
# the hundreds of files it knows (sources, headers, content) from RCS,
# SCCS, yacc and the like, which took half of a `make` with nothing to do.
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:

PREFIX	?= /usr/local
DESTDIR	?=
BINDIR	 = $(PREFIX)/bin
DATADIR	 = $(PREFIX)/share/wpgen
MANDIR	 = $(PREFIX)/share/man
VERSION	 = 0.1

CC	?= cc
CFLAGS	?= -O2 -g
WARN	 = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes
WERROR	?=
CPPFLAGS_WP = -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
	  -DWP_VERSION='"$(VERSION)"' -Ibuild/gen

ifeq ($(filter clean,$(MAKECMDGOALS)),)
-include build/config.mk
endif

ALL_CFLAGS = $(WARN) $(WERROR) -Isrc $(CPPFLAGS_WP) $(LIB_CFLAGS) $(CFLAGS) -MMD -MP

# src/ is a folder a stage (see README.md: How it works); every .c file
# there is wpgen, and src/cli/main.c its command line.
MAIN_SRC = src/cli/main.c
LIB_SRCS = $(filter-out $(MAIN_SRC),$(sort $(wildcard src/*/*.c)))
LIB_OBJS = $(LIB_SRCS:src/%.c=build/obj/%.o)
MAIN_OBJ = $(MAIN_SRC:src/%.c=build/obj/%.o)

TEST_NAMES = check_load check_validate check_merge check_outline \
	     check_paginate check_compose check_typeset check_diff check_redline \
	     check_lint check_phrase check_json check_pdf
TEST_BINS  = $(TEST_NAMES:%=build/tests/%)

# The font subsets wpgen typesets with (fonts/fonts.conf says why), made
# from Debian's Noto CJK collections (face 0 is the Japanese one).
NOTO	 = /usr/share/fonts/opentype/noto
SUBSETS	 = fonts/subset/wpgen-serif-regular.ttf fonts/subset/wpgen-sans-bold.ttf

SERVICES = $(patsubst content/%/service.xml,%,$(wildcard content/*/service.xml))

.PHONY: all fonts services check unit-tests regress e2e bench release clean install uninstall
.PHONY: textlint lint-eval prh
.SECONDARY:

all: build/wpgen $(SUBSETS) services

build/config.mk: scripts/configure
	@mkdir -p build
	sh scripts/configure > $@.tmp
	mv $@.tmp $@

build/obj/%.o: src/%.c build/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# wpgen's commit, for --version and the release's manifest: the last
# commit that changed wpgen's own sources (a commit of content alone
# must not make a new wpgen, which would build every service again),
# empty outside git.  Written when make reads this file, and only when
# it changes, so that `make -q` still says whether wpgen is current.
WP_SOURCE_PATHS = src Makefile mk scripts/configure
ifeq ($(filter clean,$(MAKECMDGOALS)),)
WP_COMMIT := $(shell git log -1 --format=%h --abbrev=12 -- \
	$(WP_SOURCE_PATHS) 2>/dev/null)
$(shell mkdir -p build/gen && \
	printf '\043define WP_COMMIT "%s"\n' "$(WP_COMMIT)" >build/gen/commit.h.tmp && \
	if cmp -s build/gen/commit.h.tmp build/gen/commit.h; then \
	rm build/gen/commit.h.tmp; else mv build/gen/commit.h.tmp build/gen/commit.h; fi)
endif
build/obj/base/version.o build/asan/obj/base/version.o \
    build/fuzz/obj/base/version.o: build/gen/commit.h

build/wpgen: $(LIB_OBJS) $(MAIN_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LIB_LIBS)

# Both subsets in one call, which cuts them side by side, a process per
# core: about 19 s, not 30 one after the other.
$(SUBSETS) &: scripts/subset-fonts build/config.mk
	@mkdir -p fonts/subset
	$(PYTHON) scripts/subset-fonts \
		$(NOTO)/NotoSerifCJK-Regular.ttc 0 fonts/subset/wpgen-serif-regular.ttf \
		$(NOTO)/NotoSansCJK-Bold.ttc 0 fonts/subset/wpgen-sans-bold.ttf

fonts: $(SUBSETS)

# Every service is built by one wpgen call, which reads the templates
# and sets up the fonts once for all of them and builds them on every
# core.  wpgen, not make, knows what is out of date (--changed): each
# service's folder keeps what its outputs were made from (inputs.sha256:
# the bytes of its content and of the templates, the fonts, wpgen), so
# that a service is built again only when one of those changed, an
# output is missing or its last build failed; the index page is
# rewritten only when its bytes change.
services: build/wpgen $(SUBSETS)
	build/wpgen build --templates templates --changed -o build \
		$(SERVICES:%=content/%)

# ---- tests ---------------------------------------------------------------

build/tests/%.o: tests/%.c build/config.mk
	@mkdir -p build/tests
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

build/tests/%: build/tests/%.o $(LIB_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(CHECK_LIBS) $(LIB_LIBS)

# The Nu Html Checker, pinned: fetched from the npm registry by npm
# itself (which checks the registry's integrity hash), then against the
# SHA-1 recorded here.
VNU_VERSION = 26.9.27
VNU_SHA1    = 80a35dd6f8f7230132811a6ee8bd4257a119fb14
VNU_JAR     = build/vnu/package/build/dist/vnu.jar

build/test-deps.stamp: scripts/configure
	@mkdir -p build
	sh scripts/configure --test
	touch $@

$(VNU_JAR): build/test-deps.stamp
	@mkdir -p build/vnu
	cd build/vnu && npm pack --silent vnu-jar@$(VNU_VERSION) >/dev/null
	echo "$(VNU_SHA1)  build/vnu/vnu-jar-$(VNU_VERSION).tgz" | sha1sum -c -
	tar -xzf build/vnu/vnu-jar-$(VNU_VERSION).tgz -C build/vnu \
		package/build/dist/vnu.jar
	touch $@

# textlint for wpgen lint --prose, with the rules it runs, pinned by
# tools/textlint/package-lock.json and installed by npm into
# build/textlint/ (beside build/wpgen, where wpgen looks for it).
TEXTLINT = build/textlint/node_modules/.bin/textlint
$(TEXTLINT): tools/textlint/package.json tools/textlint/package-lock.json
	@mkdir -p build/textlint
	cp tools/textlint/package.json tools/textlint/package-lock.json build/textlint/
	cd build/textlint && npm ci --no-audit --no-fund --silent
	touch $@
textlint: $(TEXTLINT)

# The publisher's names (templates/iso27017/names.xml) as a prh
# dictionary, for the writers' editors.
prh: build/wpgen
	build/wpgen lint --templates templates --prh build/prh.yml

# wpgen lint measured on its labelled set (tests/lint/): recall on
# planted slips, findings on clean new services; then --prose.
lint-eval: build/wpgen $(TEXTLINT)
	sh tests/lint/eval.sh
	sh tests/lint/prose.sh

# axe-core, pinned the same way: the accessibility rules the HTML test
# runs in the browser.
AXE_VERSION = 4.14.1
AXE_SHA1    = 14d8a6f3f085afd126b8b5ca1e42e50e17fb1d99
AXE_JS      = build/axe/package/axe.min.js

$(AXE_JS): build/test-deps.stamp
	@mkdir -p build/axe
	cd build/axe && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null
	echo "$(AXE_SHA1)  build/axe/axe-core-$(AXE_VERSION).tgz" | sha1sum -c -
	tar -xzf build/axe/axe-core-$(AXE_VERSION).tgz -C build/axe \
		package/axe.min.js
	touch $@

# pdf.js (pdfjs-dist), pinned the same way: tests/pdf.sh reads each PDF's
# structure through it, as Firefox's PDF reader does.  4.8.69: the last
# that runs on Debian 12's node 18.
PDFJS_VERSION = 4.8.69
PDFJS_SHA1    = 61ea5d66863d49b40e5eacbd4070341175bdda2e
PDFJS         = build/pdfjs/package

$(PDFJS)/legacy/build/pdf.mjs: build/test-deps.stamp
	@mkdir -p build/pdfjs
	cd build/pdfjs && npm pack --silent pdfjs-dist@$(PDFJS_VERSION) >/dev/null
	echo "$(PDFJS_SHA1)  build/pdfjs/pdfjs-dist-$(PDFJS_VERSION).tgz" | sha1sum -c -
	tar -xzf build/pdfjs/pdfjs-dist-$(PDFJS_VERSION).tgz -C build/pdfjs \
		package/legacy/build/pdf.mjs package/legacy/build/pdf.worker.mjs
	touch $@

check: build/test-deps.stamp $(VNU_JAR) $(AXE_JS) $(PDFJS)/legacy/build/pdf.mjs
	$(MAKE) WERROR=-Werror all $(TEST_BINS) $(TEXTLINT)
	$(MAKE) WERROR=-Werror unit-tests regress lint-eval e2e hostile

unit-tests: $(TEST_BINS) $(SUBSETS)
	@set -e; for t in $(TEST_BINS); do \
		echo "== $$t"; CK_FORK=yes $$t; done

regress: build/wpgen $(SUBSETS)
	sh tests/regress.sh

# End to end: the real content built, its PDFs and HTML read back.
e2e: all $(PDFJS)/legacy/build/pdf.mjs
	PDFJS=$(PDFJS) sh tests/pdf.sh build
	sh tests/incremental.sh
	sh tests/several.sh
	sh tests/watch.sh
	sh tests/release.sh
	sh tests/redline.sh
	VNU_JAR=$(VNU_JAR) AXE_JS=$(AXE_JS) sh tests/html/run.sh --self-test
	VNU_JAR=$(VNU_JAR) AXE_JS=$(AXE_JS) sh tests/html/run.sh build

# ---- release -------------------------------------------------------------

# $(DIST) (dist/): per service <document number>_<version>.pdf, .html,
# .png and @2x.png, manifest.json and SHA256SUMS; refused when any
# content has errors, or when a version the last release in $(DIST) has
# was changed since.  Against the previous release (RELEASE_BASE, by
# default the newest git tag), each service's newest revision must name
# the clauses that changed: the differences are warnings
# (RELEASE_STRICT=--strict makes them errors); with no tag, it says so
# and checks nothing (every clause is new), and a service added since
# the tag is new (scripts/release-history.sh).  REV=v1.6 makes the
# release of the content as it was at that revision or tag again (no
# history check: it was made once).
DIST ?= dist
REV ?=
RELEASE_BASE ?= $(shell git describe --tags --abbrev=0 2>/dev/null)
RELEASE_STRICT ?=
release: build/wpgen
	@[ -n "$(REV)" ] || sh scripts/release-history.sh build/wpgen templates \
	    "$(RELEASE_BASE)" "$(RELEASE_STRICT)" $(SERVICES:%=content/%)
	build/wpgen release --templates templates $(if $(REV),--rev $(REV)) \
		-o $(DIST) $(SERVICES:%=content/%)

# ---- benchmark -----------------------------------------------------------

# Prints a table and writes build/bench.json (see scripts/bench.sh).
bench: all
	sh scripts/bench.sh

# ---- install -------------------------------------------------------------

install: build/wpgen $(SUBSETS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates
	install -m 755 build/wpgen $(DESTDIR)$(BINDIR)/wpgen
	cd templates && for f in $$(find . -type f); do \
		install -D -m 644 $$f $(DESTDIR)$(DATADIR)/templates/$$f; done
	install -D -m 644 fonts/fonts.conf $(DESTDIR)$(DATADIR)/fonts/fonts.conf
	for f in $(SUBSETS); do \
		install -D -m 644 $$f $(DESTDIR)$(DATADIR)/$$f; done
	install -D -m 644 doc/wpgen.1 $(DESTDIR)$(MANDIR)/man1/wpgen.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/wpgen $(DESTDIR)$(MANDIR)/man1/wpgen.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build fonts/subset

include mk/hardening.mk
-include $(wildcard build/obj/*/*.d build/tests/*.d)
