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
	  -DWP_VERSION='"$(VERSION)"' -DWP_DATADIR='"$(DATADIR)"'

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
	     check_paginate check_compose check_typeset check_diff \
	     check_lint
TEST_BINS  = $(TEST_NAMES:%=build/tests/%)

TEMPLATE_FILES = $(wildcard templates/*/*.xml templates/*/*.rng templates/*/*.xsl) \
		 fonts/fonts.conf
# The font subsets wpgen typesets with (fonts/fonts.conf says why), made
# from Debian's Noto CJK collections (face 0 is the Japanese one).
NOTO	 = /usr/share/fonts/opentype/noto
SUBSETS	 = fonts/subset/wpgen-serif-regular.ttf fonts/subset/wpgen-sans-bold.ttf

SERVICES = $(patsubst content/%/service.xml,%,$(wildcard content/*/service.xml))
OUTPUTS	 = document.xml whitepaper.pdf whitepaper.html whitepaper.txt \
	   index-entry.xml
ENTRIES	 = $(SERVICES:%=build/%/index-entry.xml)

.PHONY: all fonts services check unit-tests regress e2e bench release clean install uninstall
.SECONDARY:

all: build/wpgen $(SUBSETS) services

services: build/services.stamp build/index.html

build/config.mk: scripts/configure
	@mkdir -p build
	sh scripts/configure > $@.tmp
	mv $@.tmp $@

build/obj/%.o: src/%.c build/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The data folder is compiled into main.o: rebuild it when PREFIX changes.
# (Read by make itself: a make with nothing to do runs no program.)
ifneq ($(file < build/datadir),$(DATADIR))
build/datadir: FORCE
endif
build/datadir:
	@mkdir -p build
	@echo '$(DATADIR)' > $@

$(MAIN_OBJ): build/datadir

.PHONY: FORCE
FORCE:

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

# Every service out of date is built by one wpgen call, which reads the
# templates and sets up the fonts once for all of them and builds them on
# every core (five wpgen calls one after another took twice as long).
# Out of date: every service when a template, wpgen or a font changed;
# else each whose content changed since the last build (make's $?), each
# whose outputs are not all there (new, or one deleted by hand), and each
# whose last build failed (build/failed.list).  wpgen writes no index
# here (--no-index): the rule below writes it from the entries, and only
# when one changed.
MISSING	 = $(strip $(foreach s,$(SERVICES),$(if $(filter-out \
	   $(wildcard $(OUTPUTS:%=build/$s/%)),$(OUTPUTS:%=build/$s/%)),$s)))
FAILED	 = $(strip $(file < build/failed.list))
changed	 = $(if $(filter-out content/%,$1),$(SERVICES),\
	   $(foreach f,$1,$(word 2,$(subst /, ,$f))))
outdated = $(filter $(SERVICES),$(sort $(MISSING) $(FAILED) \
	   $(call changed,$(filter-out FORCE,$?))))

# The stamp takes the time the build began, so that an edit made while it
# ran is not missed.  When a service fails (its content has errors), the
# others still count as built: the stamp moves on, and the services that
# wrote no new document.xml go to build/failed.list for the next make.
# An interrupted build moves neither.
build/services.stamp: $(wildcard content/*/*.xml) $(TEMPLATE_FILES) build/wpgen \
		$(SUBSETS) $(if $(MISSING)$(FAILED),FORCE)
	@touch $@.next
	$(if $(outdated),build/wpgen build --templates templates --no-index \
		-o build $(outdated:%=content/%) || \
		{ for s in $(outdated); do [ build/$$s/document.xml -nt $@.next ] || \
		echo $$s; done >build/failed.list; mv $@.next $@; exit 1; })
	@rm -f build/failed.list; mv $@.next $@

$(foreach o,$(OUTPUTS),$(SERVICES:%=build/%/$o)): build/services.stamp ;

# The services' names, rewritten only when one is added or removed.
ifneq ($(file < build/services.list),$(SERVICES))
build/services.list: FORCE
endif
build/services.list:
	@mkdir -p build
	@echo '$(SERVICES)' > $@

# wpgen rewrites an index entry only when it changes: an edit of a
# clause rebuilds its service and leaves the index alone.
build/index.html: $(ENTRIES) $(TEMPLATE_FILES) build/wpgen build/services.list
	build/wpgen index --templates templates -o $@ $(ENTRIES)

# ---- tests ---------------------------------------------------------------

build/tests/%.o: tests/%.c build/config.mk
	@mkdir -p build/tests
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

build/tests/%: build/tests/%.o $(LIB_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(CHECK_LIBS) $(LIB_LIBS)

# The Nu Html Checker, pinned: fetched from the npm registry's tarball
# (no npm needed), checked against the registry's SHA-1.
VNU_VERSION = 26.9.27
VNU_SHA1    = 80a35dd6f8f7230132811a6ee8bd4257a119fb14
VNU_JAR     = build/vnu/package/build/dist/vnu.jar

build/test-deps.stamp: scripts/configure
	@mkdir -p build
	sh scripts/configure --test
	touch $@

$(VNU_JAR): build/test-deps.stamp
	@mkdir -p build/vnu
	curl -fsSL -o build/vnu/vnu.tgz \
		https://registry.npmjs.org/vnu-jar/-/vnu-jar-$(VNU_VERSION).tgz
	echo "$(VNU_SHA1)  build/vnu/vnu.tgz" | sha1sum -c -
	tar -xzf build/vnu/vnu.tgz -C build/vnu package/build/dist/vnu.jar
	touch $@

check: build/test-deps.stamp $(VNU_JAR)
	$(MAKE) WERROR=-Werror all $(TEST_BINS)
	$(MAKE) WERROR=-Werror unit-tests regress e2e hostile

unit-tests: $(TEST_BINS) $(SUBSETS)
	@set -e; for t in $(TEST_BINS); do \
		echo "== $$t"; CK_FORK=yes $$t; done

regress: build/wpgen $(SUBSETS)
	sh tests/regress.sh

# End to end: the real content built, its PDFs and HTML read back.
e2e: all
	sh tests/pdf.sh build
	sh tests/incremental.sh
	sh tests/release.sh
	VNU_JAR=$(VNU_JAR) sh tests/html/run.sh --self-test
	VNU_JAR=$(VNU_JAR) sh tests/html/run.sh build

# ---- release -------------------------------------------------------------

# dist/: per service <document number>_<version>.pdf, .html and .png,
# and manifest.json; refused when any content has errors.  Against the
# previous release (RELEASE_BASE, by default the newest git tag), each
# service's newest revision must name the clauses that changed: the
# differences are warnings (RELEASE_STRICT=--strict makes them errors).
RELEASE_BASE ?= $(shell git describe --tags --abbrev=0 2>/dev/null)
RELEASE_STRICT ?=
release: build/wpgen
	@if [ -n "$(RELEASE_BASE)" ]; then \
		for s in $(SERVICES); do \
			build/wpgen diff --templates templates --no-color \
			    --check-history $(RELEASE_STRICT) \
			    --rev $(RELEASE_BASE) content/$$s >/dev/null; \
			[ $$? -le 1 ] || exit 1; \
		done; \
	fi
	build/wpgen release --templates templates -o dist $(SERVICES:%=content/%)

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
