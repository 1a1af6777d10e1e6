#!/bin/sh
# The release: two runs give the same bytes (manifest and files), the
# manifest's checksums and sizes match the files, each whitepaper has its
# PDF, HTML and cover PNG; and a service with an error stops the release
# before anything is written.
set -u
WPGEN=${WPGEN:-build/wpgen}
. "$(dirname "$0")/tally.sh"

"$WPGEN" release -o "$tmp/a" content/*/ 2>"$tmp/err" || { cat "$tmp/err"; bad "release failed"; }
"$WPGEN" release -o "$tmp/b" content/*/ 2>"$tmp/err" || { cat "$tmp/err"; bad "second release failed"; }
if diff -r "$tmp/a" "$tmp/b" >/dev/null; then ok; else bad "two releases differ"; fi

n=$(ls content | wc -l)
for ext in pdf html png; do
	got=$(ls "$tmp/a" | grep -c "\.$ext\$")
	if [ "$got" -eq "$n" ]; then ok; else bad "$got .$ext files for $n services"; fi
done
if grep -q '"name": "IIJ-SMX193-0007_1.7.pdf"' "$tmp/a/manifest.json"; then ok; else
	bad "manifest does not name IIJ-SMX193-0007_1.7.pdf"; fi

# every file's size and SHA-256 as the manifest says
sed -n 's/.*"name": "\([^"]*\)", "bytes": \([0-9]*\), "sha256": "\([0-9a-f]*\)".*/\1 \2 \3/p' \
    "$tmp/a/manifest.json" >"$tmp/files"
while read -r name bytes sum; do
	if [ "$(wc -c <"$tmp/a/$name")" -eq "$bytes" ] &&
	    [ "$(sha256sum "$tmp/a/$name" | cut -d' ' -f1)" = "$sum" ]; then ok; else
		bad "$name: size or SHA-256 differs from the manifest"; fi
done <"$tmp/files"
[ "$(wc -l <"$tmp/files")" -eq $((3 * n)) ] && ok || bad "manifest lists $(wc -l <"$tmp/files") files"

# the cover is a PNG
if head -c 8 "$tmp/a/IIJ-SMX193-0007_1.7.png" | od -An -c | grep -q 'P   N   G'; then ok; else
	bad "cover is not a PNG"; fi

# an error anywhere: nothing written
if "$WPGEN" release -o "$tmp/c" content/secure-mx tests/regress/check/control-unknown 2>"$tmp/err"; then
	bad "release went on despite an error"
elif [ -e "$tmp/c" ]; then
	bad "a refused release wrote $tmp/c"
elif grep -q "release refused" "$tmp/err"; then ok; else
	bad "no 'release refused' message"; cat "$tmp/err"; fi

tally release
