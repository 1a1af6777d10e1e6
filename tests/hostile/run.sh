#!/bin/sh
# Hostile and broken services: each must be refused with the expected
# file:line message (or, for the few that must pass, built), never with
# a crash, a hang, a touched output or a temporary file left behind.
#
#   sh tests/hostile/run.sh [CASE-DIR...]     from the top of the tree
#   WPGEN=build/asan/wpgen sh tests/hostile/run.sh
#   REGEN=1 sh tests/hostile/run.sh           rewrite the expected files
#
# A case is a folder under tests/hostile/ holding a service (or a
# generate.sh that writes one into build/hostile/<case>/, for what git
# cannot keep: huge files, pipes, links) and:
#   expected.err           what `wpgen build` says on stderr, and `wpgen
#                          check` too unless expected.check.err exists
#   expected.status        the exit status of both, if not 1
#   expected.check.status  the same for check alone
#   check.sh               more assertions on a successful build's
#                          outputs, run as `sh check.sh OUTDIR`
#   known-bug              a bug not fixed yet, described: the case runs
#                          and reports, but does not fail the suite
#   test.sh                instead of all the above, for what is not one
#                          service built once (a release, an index, the
#                          templates, the environment): run as
#                          `sh test.sh WPGEN SCRATCH` from the top of the
#                          tree, it passes when it exits 0 and says what
#                          failed otherwise
# The cases of tests/regress/check/ run here too, through build as
# well; those of tests/regress/build/ must pass check and fail build.
#
# For each case, both commands run under `timeout` ($TIMEOUT seconds):
# the exit status must be exactly the expected one (a signal or a hang
# fails), stderr must equal the expected text, a failed build must leave
# the previous outputs in OUTDIR byte for byte, a successful one must
# write all four, and no temporary (.*.wpgen-*) may be left beside it.
set -u
WPGEN=${WPGEN:-build/wpgen}
TIMEOUT=${TIMEOUT:-60}
OUTPUTS="document.xml whitepaper.txt whitepaper.html whitepaper.pdf"
pass=0 fail=0 known=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Says what an exit status means when it is not a plain one.
describe() {	# status
	if [ "$1" -eq 124 ] || [ "$1" -eq 137 ]; then
		echo "$1 (timed out after $TIMEOUT s: a hang?)"
	elif [ "$1" -gt 128 ]; then
		echo "$1 (killed by signal $(($1 - 128)))"
	else
		echo "$1"
	fi
}

# Records one problem of the current case.
problem() {
	problems="$problems
	$*"
}

# Compares what a command said with what it should have said.
said() {	# what expected actual
	if [ ! -f "$2" ]; then
		problem "$1: no $2"
	elif ! cmp -s "$2" "$3"; then
		problem "$1: stderr differs from $2:
$(diff -u "$2" "$3" | sed -n '3,14p')"
	fi
}

run_case() {	# case-folder kind
	case=$1 kind=$2 name=$(basename "$1") problems=""
	src=$case
	if [ -f "$case/test.sh" ]; then
		rm -rf "$work/t"
		mkdir -p "$work/t"
		if ! timeout -k 5 "$TIMEOUT" sh "$case/test.sh" "$WPGEN" \
		    "$work/t" >"$work/out" 2>&1; then
			problem "test.sh: $(cat "$work/out")"
		fi
		report
		return
	fi
	if [ -f "$case/generate.sh" ]; then
		src=build/hostile/$name
		rm -rf "$src"
		mkdir -p build/hostile
		if ! sh "$case/generate.sh" "$src" >"$work/gen" 2>&1; then
			problem "generate.sh failed: $(cat "$work/gen")"
		fi
	fi
	status=1 check_status=1
	[ -f "$case/expected.status" ] && status=$(cat "$case/expected.status")
	check_status=$status
	[ -f "$case/expected.check.status" ] &&
	    check_status=$(cat "$case/expected.check.status")
	check_err=$case/expected.err
	[ -f "$case/expected.check.err" ] && check_err=$case/expected.check.err
	if [ "$kind" = build-only ]; then	# tests/regress/build
		check_status=0
		: >"$work/empty"
		check_err=$work/empty
	fi

	# check
	timeout -k 5 "$TIMEOUT" "$WPGEN" check --templates templates "$src" \
	    >"$work/out" 2>"$work/check.err"
	rc=$?
	[ $rc -eq "$check_status" ] ||
	    problem "check: exit status $(describe $rc), expected $check_status"

	# build, over previous outputs
	out=$work/o/$name
	rm -rf "$work/o"
	mkdir -p "$out"
	for f in $OUTPUTS; do
		echo "previous $f" >"$out/$f"
	done
	timeout -k 5 "$TIMEOUT" "$WPGEN" build --templates templates \
	    -o "$out" "$src" >"$work/out" 2>"$work/build.err"
	rc=$?
	[ $rc -eq "$status" ] ||
	    problem "build: exit status $(describe $rc), expected $status"
	if [ "${REGEN:-0}" = 1 ] && [ "$kind" = hostile ]; then
		cp "$work/build.err" "$case/expected.err"
		if cmp -s "$work/check.err" "$work/build.err"; then
			rm -f "$case/expected.check.err"
		else
			cp "$work/check.err" "$case/expected.check.err"
		fi
		check_err=$case/expected.err
		[ -f "$case/expected.check.err" ] &&
		    check_err=$case/expected.check.err
	fi
	said check "$check_err" "$work/check.err"
	said build "$case/expected.err" "$work/build.err"
	tmp=$(find "$work/o" -name '.*.wpgen-*')
	[ -z "$tmp" ] || problem "build left temporary files:" $tmp
	if [ "$status" -ne 0 ]; then
		extra=$(cd "$out" && for f in *; do
			case " $OUTPUTS " in
			*" $f "*) [ "$(cat "$f")" = "previous $f" ] || echo "$f" ;;
			*) echo "$f" ;;
			esac
		done)
		[ -z "$extra" ] ||
		    problem "the failed build wrote or touched:" $extra
	else
		for f in $OUTPUTS; do
			if [ ! -s "$out/$f" ] ||
			    [ "$(cat "$out/$f")" = "previous $f" ]; then
				problem "the build did not write $f"
			fi
		done
		if [ -f "$case/check.sh" ] &&
		    ! sh "$case/check.sh" "$out" >"$work/chk" 2>&1; then
			problem "check.sh: $(cat "$work/chk")"
		fi
	fi

	report
}

# Counts the current case as passed, failed or a known bug.
report() {
	if [ -z "$problems" ]; then
		pass=$((pass + 1))
		[ -f "$case/known-bug" ] &&
		    echo "FIXED?: $case passes: remove its known-bug file"
	elif [ -f "$case/known-bug" ]; then
		known=$((known + 1))
		echo "KNOWN BUG: $case: $(head -1 "$case/known-bug")$problems"
	else
		fail=$((fail + 1))
		echo "FAIL: $case$problems"
	fi
}

if [ $# -gt 0 ]; then
	for c in "$@"; do
		c=${c%/}
		case $c in
		tests/regress/build/*) run_case "$c" build-only ;;
		tests/regress/*) run_case "$c" regress ;;
		*) run_case "$c" hostile ;;
		esac
	done
else
	for c in tests/hostile/*/; do
		run_case "${c%/}" hostile
	done
	for c in tests/regress/check/*/; do
		run_case "${c%/}" regress
	done
	for c in tests/regress/build/*/; do
		[ -d "$c" ] || continue
		run_case "${c%/}" build-only
	done
fi

echo "hostile: $pass passed, $fail failed, $known known bugs"
[ $fail -eq 0 ]
