#!/bin/sh
# Regression pairs for `wpgen diff`: each folder under tests/regress/diff/
# holds old/ and new/, two versions of one small service (each folder's
# service id is its name, old or new).  For each, the report of
# `diff --check-history old new` must equal expected.txt, its warnings
# expected.err (empty when there are none), and its exit status be 0
# when expected.txt is empty (identical), 1 when not.  A case with an
# expected.html is also run with --html, and the page compared.
# REGEN=1 sh tests/diff.sh rewrites the expected files from the current
# output: review the diff before committing it.
# WPDIFF names the command (word-split; default build/wpgen diff).
set -u
WPDIFF=${WPDIFF:-build/wpgen diff}
pass=0 fail=0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

. tests/compare.sh

for d in tests/regress/diff/*/; do
	d=${d%/}
	html=
	[ -f "$d/expected.html" ] && html="--html $out/page.html"
	# shellcheck disable=SC2086
	$WPDIFF --templates templates --no-color --check-history $html \
	    "$d/old" "$d/new" >"$out/txt" 2>"$out/err"
	rc=$?
	compare "$d: report" "$d/expected.txt" "$out/txt"
	compare "$d: warnings" "$d/expected.err" "$out/err"
	if [ -n "$html" ]; then
		compare "$d: html" "$d/expected.html" "$out/page.html"
	fi
	want=1
	[ -s "$d/expected.txt" ] || want=0
	if [ $rc -ne $want ]; then
		fail=$((fail + 1))
		echo "FAIL: $d: exit status $rc, expected $want"
	fi
done

# --strict makes the history warnings errors: trouble, exit status 2.
d=tests/regress/diff/history-forgot
$WPDIFF --templates templates --no-color --check-history --strict \
    "$d/old" "$d/new" >/dev/null 2>"$out/err"
rc=$?
if [ $rc -eq 2 ] && grep -q ': error: revision 1.1 does not name' "$out/err"
then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL: $d --strict: exit status $rc, expected 2 and an error"
	cat "$out/err"
fi

# --rev: a folder against itself at HEAD is identical (when it is).
d=tests/regress/merge/minimal
if git diff --quiet HEAD -- "$d" 2>/dev/null; then
	$WPDIFF --templates templates --no-color --rev HEAD "$d" \
	    >"$out/txt" 2>"$out/err"
	rc=$?
	if [ $rc -eq 0 ] && [ ! -s "$out/txt" ] && [ ! -s "$out/err" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: --rev HEAD $d: exit status $rc, expected 0, silence"
		cat "$out/txt" "$out/err"
	fi
fi

echo "diff: $pass passed, $fail failed"
[ $fail -eq 0 ]
