#!/bin/sh
# The regression pairs: every input beside what wpgen must say or write
# for it, under tests/regress/, one folder an area:
#
#   check/<case>/   a service (or a generate.sh that writes one into
#                   build/regress/<case>/, for what git cannot keep: huge
#                   files, pipes, links), run through `wpgen check` and
#                   `wpgen build` over previous outputs:
#                     expected.err           what build says on stderr, and
#                                            check too unless there is
#                     expected.check.err
#                     expected.status        both exit statuses, if not 1
#                     expected.check.status  check's alone
#                     check.sh               more assertions on a build's
#                                            outputs: sh check.sh OUTDIR
#                     test.sh                instead of all the above, for
#                                            what is not one service built
#                                            once (a release, an index, the
#                                            templates, the environment):
#                                            sh test.sh WPGEN SCRATCH
#                     known-bug              a bug not fixed yet: the case
#                                            runs and reports, but does not
#                                            fail the suite
#                   Both commands run under timeout: the exit status must be
#                   exactly the expected one (never a signal or a hang), a
#                   failed build must leave the previous outputs byte for
#                   byte, a successful one write them all, and no temporary
#                   (.*.wpgen-*) may be left.
#   merge/<case>/   a service whose `wpgen text` must be expected.txt
#   diff/<case>/    old/ and new/, two versions of one service: the report
#                   of `wpgen diff --check-history old new` expected.txt,
#                   its warnings expected.err, the page of --html
#                   expected.html (if there); exit 0 when the report is
#                   empty, else 1
#   lint/           lint over content/: its findings expected-real.txt and
#                   expected-coverage.txt ('#' lines are comments), and the
#                   two as a --baseline that accepts them all
#   layout/<id>.txt where the lines and pages of content/<id>/'s PDF
#                   break (`wpgen layout`): a typesetting change shows in
#                   review as a diff of these
#
#   sh tests/regress.sh [CASE-DIR...]      from the top of the tree
#   REGEN=1 sh tests/regress.sh            rewrite every expected file
#                                          from what wpgen does now
#                                          (review the diff)
#   WPGEN=build/asan/wpgen sh tests/regress.sh
set -u
WPGEN=${WPGEN:-build/wpgen}
TIMEOUT=${TIMEOUT:-60}
OUTPUTS="document.xml whitepaper.txt whitepaper.html whitepaper.pdf"
REGEN=${REGEN:-0}
pass=0 fail=0 known=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- telling ---------------------------------------------------------

# Records one problem of the current case.
problem() {
	problems="$problems
	$*"
}

# Counts the current case as passed, failed or a known bug.
report() {	# case
	if [ -z "$problems" ]; then
		pass=$((pass + 1))
		[ -f "$1/known-bug" ] &&
		    echo "FIXED?: $1 passes: remove its known-bug file"
	elif [ -f "$1/known-bug" ]; then
		known=$((known + 1))
		echo "KNOWN BUG: $1: $(head -1 "$1/known-bug")$problems"
	else
		fail=$((fail + 1))
		echo "FAIL: $1$problems"
	fi
}

# Compares what was made with what is expected; with REGEN=1 it first
# makes it the expectation.
same() {	# what expected actual
	[ "$REGEN" = 1 ] && cp "$3" "$2"
	if [ ! -f "$2" ]; then
		problem "$1: no $2"
	elif ! cmp -s "$2" "$3"; then
		problem "$1: differs from $2:
$(diff -u "$2" "$3" | sed -n '3,20p')"
	fi
}

# Says what an exit status means when it is not a plain one.
describe() {
	if [ "$1" -eq 124 ] || [ "$1" -eq 137 ]; then
		echo "$1 (timed out after $TIMEOUT s: a hang?)"
	elif [ "$1" -gt 128 ]; then
		echo "$1 (killed by signal $(($1 - 128)))"
	else
		echo "$1"
	fi
}

status_is() {	# what actual expected
	[ "$2" -eq "$3" ] ||
	    problem "$1: exit status $(describe "$2"), expected $3"
}

# ---- check: a service through check and build ------------------------

# A build's outputs over previous ones: untouched when it failed, all
# written when it succeeded, and no temporary anywhere.
outputs() {	# case outdir status
	tmp=$(find "$work/o" -name '.*.wpgen-*')
	[ -z "$tmp" ] || problem "build left temporaries:" $tmp
	if [ "$3" -ne 0 ]; then
		extra=$(cd "$2" && for f in *; do
			case " $OUTPUTS " in
			*" $f "*) [ "$(cat "$f")" = "previous $f" ] || echo "$f" ;;
			*) echo "$f" ;;
			esac
		done)
		[ -z "$extra" ] || problem "the failed build touched:" $extra
		return
	fi
	for f in $OUTPUTS; do
		[ -s "$2/$f" ] && [ "$(cat "$2/$f")" != "previous $f" ] ||
		    problem "the build did not write $f"
	done
	if [ -f "$1/check.sh" ] && ! sh "$1/check.sh" "$2" >"$work/chk" 2>&1
	then
		problem "check.sh: $(cat "$work/chk")"
	fi
}

check_case() {	# case
	c=$1 name=$(basename "$1") src=$1 problems=""
	if [ -f "$c/test.sh" ]; then
		rm -rf "$work/t" && mkdir -p "$work/t"
		timeout -k 5 "$TIMEOUT" sh "$c/test.sh" "$WPGEN" "$work/t" \
		    >"$work/out" 2>&1 || problem "test.sh: $(cat "$work/out")"
		report "$c"
		return
	fi
	if [ -f "$c/generate.sh" ]; then
		src=build/regress/$name
		rm -rf "$src" && mkdir -p build/regress
		sh "$c/generate.sh" "$src" >"$work/gen" 2>&1 ||
		    problem "generate.sh failed: $(cat "$work/gen")"
	fi
	status=1
	[ -f "$c/expected.status" ] && status=$(cat "$c/expected.status")
	check_status=$status
	[ -f "$c/expected.check.status" ] &&
	    check_status=$(cat "$c/expected.check.status")

	timeout -k 5 "$TIMEOUT" "$WPGEN" check --templates templates "$src" \
	    >"$work/out" 2>"$work/check.err"
	status_is check $? "$check_status"
	out=$work/o/$name
	rm -rf "$work/o" && mkdir -p "$out"
	for f in $OUTPUTS; do echo "previous $f" >"$out/$f"; done
	timeout -k 5 "$TIMEOUT" "$WPGEN" build --templates templates \
	    -o "$out" "$src" >"$work/out" 2>"$work/build.err"
	rc=$?
	status_is build $rc "$status"

	same build "$c/expected.err" "$work/build.err"
	if [ "$REGEN" = 1 ]; then
		rm -f "$c/expected.check.err"
		cmp -s "$work/check.err" "$work/build.err" ||
		    cp "$work/check.err" "$c/expected.check.err"
	elif [ -f "$c/expected.check.err" ]; then
		same check "$c/expected.check.err" "$work/check.err"
	else
		same check "$c/expected.err" "$work/check.err"
	fi
	outputs "$c" "$out" "$rc"
	report "$c"
}

# ---- merge, diff, lint, layout ----------------------------------------

merge_case() {	# case
	problems=""
	"$WPGEN" text --templates templates "$1" >"$work/txt" 2>"$work/err"
	status_is text $? 0
	same text "$1/expected.txt" "$work/txt"
	report "$1"
}

diff_case() {	# case
	d=$1 problems="" html=""
	[ -f "$d/expected.html" ] && html="--html $work/page.html"
	# shellcheck disable=SC2086
	"$WPGEN" diff --templates templates --no-color --check-history $html \
	    "$d/old" "$d/new" >"$work/txt" 2>"$work/err"
	rc=$?
	same report "$d/expected.txt" "$work/txt"
	same warnings "$d/expected.err" "$work/err"
	[ -n "$html" ] && same html "$d/expected.html" "$work/page.html"
	want=1
	[ -s "$d/expected.txt" ] || want=0
	status_is diff $rc $want
	report "$d"
}

# --strict makes the history's warnings errors, exit 2; --rev compares a
# folder with itself at HEAD (when it has not changed since).
diff_options() {
	d=tests/regress/diff/history-forgot problems=""
	"$WPGEN" diff --templates templates --no-color --check-history \
	    --strict "$d/old" "$d/new" >/dev/null 2>"$work/err"
	status_is "diff --strict" $? 3
	grep -q ': error: revision 1.1 does not name' "$work/err" ||
	    problem "--strict said no error"
	report "$d (--strict)"
	d=tests/regress/merge/minimal problems=""
	git diff --quiet HEAD -- "$d" 2>/dev/null || return 0
	"$WPGEN" diff --templates templates --no-color --rev HEAD "$d" \
	    >"$work/txt" 2>"$work/err"
	status_is "diff --rev HEAD" $? 0
	[ ! -s "$work/txt" ] && [ ! -s "$work/err" ] ||
	    problem "--rev HEAD of an unchanged folder said: $(cat "$work/txt" "$work/err")"
	report "$d (--rev HEAD)"
}

lint_case() {
	d=tests/regress/lint problems=""
	"$WPGEN" lint --templates templates content/*/ >"$work/lint" 2>&1
	rc=$?
	[ $rc -le 1 ] || problem "lint: exit status $(describe $rc)"
	if [ "$REGEN" = 1 ]; then
		grep '^#' "$d/expected-real.txt" >"$work/head" || :
		grep -v ': control .* is neither answered' "$work/lint" |
		    cat "$work/head" - >"$d/expected-real.txt"
		grep '^#' "$d/expected-coverage.txt" >"$work/head" || :
		grep ': control .* is neither answered' "$work/lint" |
		    cat "$work/head" - >"$d/expected-coverage.txt"
	fi
	cat "$d/expected-real.txt" "$d/expected-coverage.txt" | grep -v '^#' \
	    >"$work/want"
	cmp -s "$work/want" "$work/lint" || problem "findings differ:
$(diff -u "$work/want" "$work/lint" | sed -n '3,20p')"
	# the expected findings as a baseline accept them all, wherever
	# their lines have moved; one finding less in it is said again
	sed 's/^\([^:]*\):\([0-9]*\):/\1:9\2:/' "$work/want" >"$work/base"
	"$WPGEN" lint --templates templates --baseline "$work/base" \
	    content/*/ >"$work/out" 2>&1
	rc=$?
	[ $rc -eq 0 ] && [ ! -s "$work/out" ] || problem "lint --baseline:" \
	    "exit $rc, said: $(head -3 "$work/out")"
	sed 1d "$work/base" >"$work/base1"
	"$WPGEN" lint --templates templates --baseline "$work/base1" \
	    content/*/ >"$work/out" 2>&1
	rc=$?
	[ $rc -eq 1 ] && [ "$(cat "$work/out")" = "$(head -1 "$work/want")" ] ||
	    problem "lint --baseline less one: exit $rc, said: $(head -3 "$work/out")"
	echo "not a finding" >"$work/bad"
	"$WPGEN" lint --templates templates --baseline "$work/bad" \
	    content/*/ >"$work/out" 2>&1
	rc=$?
	[ $rc -eq 2 ] && grep -q "bad:1: error: not a finding" "$work/out" ||
	    problem "lint --baseline of a bad file: exit $rc, said: $(cat "$work/out")"
	report "$d"
}

layout_case() {	# golden
	id=$(basename "$1" .txt) problems=""
	"$WPGEN" layout --templates templates "content/$id" >"$work/layout" \
	    2>"$work/err"
	status_is layout $? 0
	same layout "$1" "$work/layout"
	report "$1"
}

run() {	# case-dir
	case ${1%/} in
	tests/regress/check/*) check_case "${1%/}" ;;
	tests/regress/merge/*) merge_case "${1%/}" ;;
	tests/regress/diff/*) diff_case "${1%/}" ;;
	tests/regress/lint*) lint_case ;;
	tests/regress/layout/*) layout_case "$1" ;;
	*) echo "regress: $1 is no case of tests/regress/" >&2; fail=$((fail + 1)) ;;
	esac
}

if [ $# -gt 0 ]; then
	for c in "$@"; do run "$c"; done
else
	for c in tests/regress/check/*/ tests/regress/merge/*/ \
	    tests/regress/diff/*/; do
		run "$c"
	done
	diff_options
	lint_case
	for id in content/*/; do
		run "tests/regress/layout/$(basename "$id").txt"
	done
fi

echo "regress: $pass passed, $fail failed, $known known bugs"
[ $fail -eq 0 ]
