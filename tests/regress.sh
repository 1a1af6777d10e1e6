#!/bin/sh
# Regression pairs: each folder under tests/regress/check/ is a broken
# service whose `wpgen check` output must equal its expected.err (and
# exit 1); each folder under tests/regress/build/ one that passes check
# but cannot be built: `wpgen build` must say expected.err, exit 1 and
# leave the previous outputs as they were; each folder under
# tests/regress/merge/ a service whose `wpgen text` output must equal
# its expected.txt.
# REGEN=1 sh tests/regress.sh rewrites the expected files from the
# current output: review the diff before committing it.
set -u
WPGEN=${WPGEN:-build/wpgen}
pass=0 fail=0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

. tests/compare.sh

for d in tests/regress/check/*/; do
	d=${d%/}
	"$WPGEN" check --templates templates "$d" >"$out/stdout" 2>"$out/err"
	rc=$?
	if [ $rc -ne 1 ]; then
		fail=$((fail + 1))
		echo "FAIL: $d: exit status $rc, expected 1"
		continue
	fi
	compare "$d" "$d/expected.err" "$out/err"
done

for d in tests/regress/build/*/; do
	[ -d "$d" ] || continue
	d=${d%/}
	rm -rf "$out/b"
	mkdir "$out/b"
	for f in whitepaper.pdf whitepaper.html whitepaper.txt document.xml; do
		echo "previous $f" >"$out/b/$f"
	done
	"$WPGEN" build --templates templates -o "$out/b" "$d" >"$out/stdout" \
	    2>"$out/err"
	rc=$?
	if [ $rc -ne 1 ]; then
		fail=$((fail + 1))
		echo "FAIL: $d: exit status $rc, expected 1"
		continue
	fi
	left=$(cd "$out/b" && for f in *; do
		[ "$(cat "$f")" = "previous $f" ] || echo "$f"; done)
	if [ -n "$left" ]; then
		fail=$((fail + 1))
		echo "FAIL: $d: the failed build touched:" $left
		continue
	fi
	compare "$d" "$d/expected.err" "$out/err"
done

for d in tests/regress/merge/*/; do
	d=${d%/}
	if ! "$WPGEN" text --templates templates "$d" >"$out/txt" 2>"$out/err"; then
		fail=$((fail + 1))
		echo "FAIL: $d: wpgen text failed:"
		cat "$out/err"
		continue
	fi
	compare "$d" "$d/expected.txt" "$out/txt"
done

echo "regress: $pass passed, $fail failed"
[ $fail -eq 0 ]
