# Hardening: hostile input, sanitizers, valgrind and fuzzing.  Included
# by the Makefile, whose variables it uses; everything it builds lives
# under build/asan/ or build/fuzz/, never mixed with build/obj/.
#
#   make hostile     tests/hostile/isolation.sh (reproducible bytes) and
#                    tests/hostile/sets.sh (kills, two builds, full disk);
#                    the hostile inputs themselves are regression pairs,
#                    tests/regress/check/ (make regress)
#   make sanitize    ASan+UBSan build; unit tests, regress, hostile, a
#                    full build of every service and tests/watch.sh,
#                    with no report; then make tsan
#   make tsan        ThreadSanitizer build: every service built at once
#                    in one process (its threads), tests/several.sh and
#                    tests/watch.sh, with no report
#   make valgrind    a full build of every service under memcheck
#   make fuzz        each libFuzzer harness for FUZZ_TIME seconds (60);
#                    FUZZ_NAMES=fuzz_layout runs just that one

.PHONY: hostile sanitize tsan valgrind fuzz fuzz-build

SAN_CC	 = clang
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	    -fno-omit-frame-pointer -g -O1
SAN_CFLAGS = $(WARN) $(WERROR) -Isrc $(CPPFLAGS_WP) $(LIB_CFLAGS) -MMD -MP

# Sanitizer settings shared by every run.  Memory that libraries lose by
# themselves is kept out of the reports precisely by mk/lsan-libs.c;
# mk/lsan.supp is for anything of the kind that cannot be (none yet).
# WPGEN_FREE_AT_EXIT: wpgen frees what a run loaded rather than leave
# it to the process's end (publish.h), so that the leak checker sees it
# all go.
SAN_ENV	 = WPGEN_FREE_AT_EXIT=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1 \
	   LSAN_OPTIONS=suppressions=$(CURDIR)/mk/lsan.supp:print_suppressions=0 \
	   UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

ASAN_OBJS  = $(LIB_SRCS:src/%.c=build/asan/obj/%.o)
ASAN_TESTS = $(TEST_NAMES:%=build/asan/tests/%)

build/asan/obj/%.o: src/%.c build/config.mk
	@mkdir -p $(dir $@)
	$(SAN_CC) $(SAN_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

# Library leaks, and why they are not suppressions: see mk/lsan-libs.c.
build/asan/obj/lsan-libs.o: mk/lsan-libs.c build/config.mk
	@mkdir -p build/asan/obj
	$(SAN_CC) $(SAN_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

build/asan/wpgen: $(ASAN_OBJS) $(MAIN_SRC:src/%.c=build/asan/obj/%.o) build/asan/obj/lsan-libs.o
	$(SAN_CC) $(SAN_FLAGS) -o $@ $^ $(LIB_LIBS)

build/asan/tests/%.o: tests/%.c build/config.mk
	@mkdir -p build/asan/tests
	$(SAN_CC) $(SAN_CFLAGS) $(CHECK_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

build/asan/tests/%: build/asan/tests/%.o $(ASAN_OBJS) build/asan/obj/lsan-libs.o
	$(SAN_CC) $(SAN_FLAGS) -o $@ $^ $(CHECK_LIBS) $(LIB_LIBS)

# The unit tests run unforked (CK_FORK=no): a forked Check child has
# lost the parent's font threads, and LSan, unable to scan them, would
# report their memory as leaked.  The full build runs with -j 1 (one
# process and its threads); then once more in two worker processes
# (-j 2), which end in _exit(), where LSan does not look, for ASan and
# UBSan.
sanitize: build/test-deps.stamp $(SUBSETS)
	$(MAKE) WERROR=-Werror build/asan/wpgen $(ASAN_TESTS)
	@set -e; for t in $(ASAN_TESTS); do \
		echo "== $$t"; $(SAN_ENV) CK_FORK=no $$t; done
	$(SAN_ENV) WPGEN=build/asan/wpgen sh tests/regress.sh
	rm -rf build/asan/out build/asan/out-jobs
	$(SAN_ENV) build/asan/wpgen build -j 1 --templates templates \
		-o build/asan/out $(SERVICES:%=content/%)
	$(SAN_ENV) build/asan/wpgen build -j 2 --templates templates \
		-o build/asan/out-jobs $(SERVICES:%=content/%)
	$(SAN_ENV) WPGEN=build/asan/wpgen sh tests/watch.sh
	$(MAKE) WERROR=-Werror tsan
	@echo "sanitize: no report"

# ThreadSanitizer over a build of several services in one process: a
# reader thread, the typesetting one, each PDF's and each HTML page's
# (src/cli/jobs.c).  GLib's slice allocator hands memory between threads
# in ways ThreadSanitizer does not see, so it allocates with malloc here
# (G_SLICE=always-malloc); mk/tsan.supp has the one library race that
# is not.
TSAN_FLAGS = -fsanitize=thread -fno-omit-frame-pointer -g -O1
TSAN_ENV   = G_SLICE=always-malloc \
	     TSAN_OPTIONS=halt_on_error=1:suppressions=$(CURDIR)/mk/tsan.supp
TSAN_OBJS  = $(LIB_SRCS:src/%.c=build/tsan/obj/%.o) \
	     $(MAIN_SRC:src/%.c=build/tsan/obj/%.o)

build/tsan/obj/%.o: src/%.c build/config.mk
	@mkdir -p $(dir $@)
	$(SAN_CC) $(SAN_CFLAGS) $(TSAN_FLAGS) -c -o $@ $<

build/tsan/wpgen: $(TSAN_OBJS)
	$(SAN_CC) $(TSAN_FLAGS) -o $@ $^ $(LIB_LIBS)

tsan: build/test-deps.stamp build/tsan/wpgen $(SUBSETS)
	rm -rf build/tsan/out
	$(TSAN_ENV) build/tsan/wpgen build -j 1 --templates templates \
		-o build/tsan/out $(SERVICES:%=content/%)
	$(TSAN_ENV) WPGEN=build/tsan/wpgen sh tests/several.sh
	$(TSAN_ENV) WPGEN=build/tsan/wpgen sh tests/watch.sh
	@echo "tsan: no report"

# Library internals only, each with its reason: see mk/valgrind.supp.
valgrind: build/test-deps.stamp build/wpgen $(SUBSETS)
	rm -rf build/valgrind
	WPGEN_FREE_AT_EXIT=1 valgrind -q --error-exitcode=1 --leak-check=full \
		--show-leak-kinds=definite --errors-for-leak-kinds=definite \
		--num-callers=40 --suppressions=mk/valgrind.supp \
		build/wpgen build -j 1 --templates templates -o build/valgrind \
		$(SERVICES:%=content/%)
	@echo "valgrind: no error, no definite leak"

hostile: build/test-deps.stamp build/wpgen $(SUBSETS)
	sh tests/hostile/isolation.sh
	sh tests/hostile/sets.sh

# ---- fuzzing (libFuzzer) ---------------------------------------------------

FUZZ_TIME  ?= 60
FUZZ_NAMES ?= fuzz_load fuzz_layout
FUZZ_FLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	      -fno-omit-frame-pointer -g -O1
FUZZ_OBJS   = $(LIB_SRCS:src/%.c=build/fuzz/obj/%.o)

build/fuzz/obj/%.o: src/%.c build/config.mk
	@mkdir -p $(dir $@)
	$(SAN_CC) $(SAN_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
		-c -o $@ $<

build/fuzz/%: fuzz/%.c $(FUZZ_OBJS) build/asan/obj/lsan-libs.o
	@mkdir -p build/fuzz
	$(SAN_CC) $(SAN_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer \
		-o $@ $< $(FUZZ_OBJS) build/asan/obj/lsan-libs.o $(LIB_LIBS)

fuzz-build: build/test-deps.stamp
	$(MAKE) WERROR=-Werror $(FUZZ_NAMES:%=build/fuzz/%)

# Each harness runs FUZZ_TIME seconds from its seed corpus (read-only in
# fuzz/corpus/) into build/fuzz/corpus/; crashes land in build/fuzz/.
# fuzz_layout runs without libFuzzer's leak checks: fontconfig keeps
# pointers in its live patterns as tagged offsets, which LSan cannot
# follow, so any input that adds a font to Pango's caches would "leak";
# the layout's leaks are checked by `make sanitize`, whose runs free the
# fonts before they exit.
FUZZ_OPTS_fuzz_layout = -detect_leaks=0

fuzz: fuzz-build
	@set -e; for h in $(FUZZ_NAMES); do \
		mkdir -p build/fuzz/corpus/$$h; \
		echo "== $$h for $(FUZZ_TIME) s"; \
		opts=; [ $$h = fuzz_layout ] && opts="$(FUZZ_OPTS_fuzz_layout)"; \
		$(SAN_ENV) build/fuzz/$$h -max_total_time=$(FUZZ_TIME) $$opts \
		    -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
		    -dict=fuzz/$$h.dict -artifact_prefix=build/fuzz/$$h- \
		    build/fuzz/corpus/$$h fuzz/corpus/$$h \
		    >build/fuzz/$$h.log 2>&1 || { tail -40 build/fuzz/$$h.log; \
		    exit 1; }; \
		grep -h "^stat::number_of_executed_units" build/fuzz/$$h.log | \
		    sed "s/^stat::number_of_executed_units: */$$h: executions: /"; \
	done

-include $(wildcard build/asan/obj/*/*.d build/asan/obj/*.d build/asan/tests/*.d \
	build/fuzz/obj/*/*.d build/fuzz/*.d build/tsan/obj/*/*.d)
