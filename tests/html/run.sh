#!/bin/sh
# tests/html/run.sh: end-to-end test of the HTML pages in a real browser.
#
#   sh tests/html/run.sh BUILD_DIR     BUILD_DIR/<id>/whitepaper.html, BUILD_DIR/index.html
#   sh tests/html/run.sh --self-test   the checks themselves: each must fail on
#                                      tests/html/broken.html and pass on pages made
#                                      from tests/html/blocks.xml and index-sample.xml
#
# Checks, for each page:
#   validate  the Nu Html Checker (vnu.jar) finds no error
#   links     every in-page link (a[href^="#"]) leads to an element id
#   width     at a 375 px viewport nothing is wider than the viewport
#             (scrollWidth, and every element's right edge within 1 px)
#   shots     screenshots 1280 and 375 px wide in BUILD_DIR/screenshots/,
#             for a human to look at
# links and width run tests/html/check.js, injected into a copy of the page
# shown in a 375 px frame in headless Chromium; the verdict goes into the
# DOM, read back with --dump-dom (check.js says why a frame).
# Prints one line a page and check, then "html: N passed, N failed".
# Exit status: 0 all passed, 1 a check failed, 2 usage, missing pages or tools.
#
# Needs chromium (Debian; $CHROMIUM names another binary), java, and vnu.jar
# from the npm package vnu-jar: $VNU_JAR, else node_modules/vnu-jar/ in the
# current folder, else in npm's global root.

set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

die() {
	echo "tests/html/run.sh: $*" >&2
	exit 2
}

usage() {
	echo "usage: sh tests/html/run.sh BUILD_DIR | --self-test" >&2
	exit 2
}

[ $# -eq 1 ] || usage
case $1 in
--self-test) mode=self ;;
-*) usage ;;
*) mode=build ;;
esac

[ $mode = self ] || [ -d "$1" ] || die "$1: no such folder"

# ---- tools ----------------------------------------------------------------

chrome=${CHROMIUM:-}
if [ -z "$chrome" ]; then
	for c in chromium chromium-browser; do
		if command -v "$c" >/dev/null 2>&1; then
			chrome=$c
			break
		fi
	done
fi
if [ -z "$chrome" ] || ! command -v "$chrome" >/dev/null 2>&1; then
	die "chromium not found: install it (Debian: apt-get install chromium) or set CHROMIUM"
fi
command -v java >/dev/null 2>&1 ||
	die "java not found, needed by the Nu Html Checker (Debian: apt-get install default-jre-headless)"
vnu=${VNU_JAR:-}
if [ -z "$vnu" ]; then
	for j in "$PWD/node_modules/vnu-jar/build/dist/vnu.jar" \
	    "$(npm root -g 2>/dev/null)/vnu-jar/build/dist/vnu.jar"; do
		if [ -f "$j" ]; then
			vnu=$j
			break
		fi
	done
fi
if [ -z "$vnu" ] || [ ! -f "$vnu" ]; then
	die "vnu.jar not found: npm install vnu-jar (here or with -g), or set VNU_JAR"
fi
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) not found"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wpgen-html.XXXXXX") || die "cannot make a temporary folder"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

# ---- the pages ------------------------------------------------------------

if [ $mode = self ]; then
	command -v xsltproc >/dev/null 2>&1 || die "xsltproc not found, needed by --self-test"
	if ! xmllint --noout --relaxng "$root/templates/schema/document.rng" \
	    "$here/blocks.xml" 2>"$tmp/rng.err"; then
		cat "$tmp/rng.err" >&2
		die "tests/html/blocks.xml is no longer a valid document model: update it"
	fi
	build=$tmp/build
	mkdir -p "$build/broken" "$build/blocks"
	cp "$here/broken.html" "$build/broken/whitepaper.html"
	xsltproc "$root/templates/xslt/html.xsl" "$here/blocks.xml" \
	    >"$build/blocks/whitepaper.html" || die "html.xsl failed on blocks.xml"
	xsltproc "$root/templates/xslt/index.xsl" "$here/index-sample.xml" \
	    >"$build/index.html" || die "index.xsl failed on index-sample.xml"
else
	build=$(cd "$1" && pwd)
fi

# "name file" a line: each service's page by its id, then the index.
: >"$tmp/pages"
for f in "$build"/*/whitepaper.html; do
	[ -f "$f" ] || continue
	d=${f%/whitepaper.html}
	echo "${d##*/} $f" >>"$tmp/pages"
done
[ -s "$tmp/pages" ] || die "no $build/<id>/whitepaper.html: build the HTML pages first"
[ -f "$build/index.html" ] || die "no $build/index.html: build the index first"
echo "index $build/index.html" >>"$tmp/pages"

shots=$build/screenshots
mkdir -p "$shots" || die "cannot make $shots"

# ---- running the checks ---------------------------------------------------

pass=0
fail=0
: >"$tmp/results"

# result ok|FAIL PAGE CHECK DETAILS
result() {
	printf '%-4s %-18s %-9s %s\n' "$1" "$2" "$3" "$4" | tee -a "$tmp/results" |
	    { if [ $mode = self ]; then sed 's/^/    /'; else cat; fi; }
	if [ "$1" = ok ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
}

# chrome LOG ARGS...: one headless Chromium run with a profile of its own.
chrome() {
	log=$1
	shift
	prof=$(mktemp -d "$tmp/profile.XXXXXX")
	timeout 60 "$chrome" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --hide-scrollbars \
	    --user-data-dir="$prof" "$@" 2>>"$log" </dev/null
	rc=$?
	rm -rf "$prof"
	return $rc
}

# A copy of page $1 with check.js run at its end.
inject() {
	awk -v js="$here/check.js" '
	function script(  l) {
		print "<script>"
		while ((getline l < js) > 0)
			print l
		close(js)
		print "</script>"
	}
	!done && (i = index($0, "</body>")) {
		printf "%s\n", substr($0, 1, i - 1)
		script()
		print substr($0, i)
		done = 1
		next
	}
	{ print }
	END { if (!done) script() }' "$1"
}

# A page that shows page $1 in a frame 375 px wide (see check.js) and
# keeps the verdict the frame posts.
frame() {
	cat <<EOF
<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>check</title></head>
<body style="margin:0">
<iframe src="file://$1" width="375" height="2000" style="border:0; display:block"></iframe>
<script>
window.addEventListener("message", function (e) {
	var p = document.createElement("pre");
	p.textContent = String(e.data);
	document.body.appendChild(p);
});
</script>
</body></html>
EOF
}

# All pages through the validator at once (it takes seconds to start).
# Its GNU format: "file:/path":LINE.COL-LINE.COL: error: message
set --
while read -r name f; do
	set -- "$@" "$f"
done <"$tmp/pages"
timeout 300 java -jar "$vnu" --also-check-svg --errors-only --format gnu "$@" \
    >"$tmp/vnu.out" 2>&1
vnu_rc=$?

while read -r name f; do
	log=$tmp/$name.log
	: >"$log"

	# screenshots, beside the DOM check
	rm -f "$shots/$name-1280.png" "$shots/$name-375.png"
	chrome "$log" --window-size=1280,2000 --screenshot="$shots/$name-1280.png" \
	    "file://$f" >/dev/null &
	p1=$!
	chrome "$log" --window-size=375,2000 --screenshot="$shots/$name-375.png" \
	    "file://$f" >/dev/null &
	p2=$!
	mkdir -p "$tmp/$name"
	inject "$f" >"$tmp/$name/page.html"
	frame "$tmp/$name/page.html" >"$tmp/$name/frame.html"
	chrome "$log" --window-size=375,2000 --virtual-time-budget=5000 \
	    --dump-dom "file://$tmp/$name/frame.html" >"$tmp/$name.dom"
	wait $p1
	wait $p2

	# validate
	if [ $vnu_rc -gt 1 ] || { [ $vnu_rc -eq 1 ] && ! grep -q '^"file:' "$tmp/vnu.out"; }; then
		result FAIL "$name" validate "the checker failed: $(tail -n 1 "$tmp/vnu.out")"
	else
		n=$(grep -c -F "\"file:$f\":" "$tmp/vnu.out")
		if [ "$n" -eq 0 ]; then
			result ok "$name" validate "no errors (Nu Html Checker)"
		else
			first=$(grep -F "\"file:$f\":" "$tmp/vnu.out" | head -n 1 | sed 's/^"[^"]*"://')
			result FAIL "$name" validate "errors: $n, the first: $first"
		fi
	fi

	# links, width: the verdict check.js left in the DOM
	for c in links width; do
		v=$(grep -o "WPGEN:$c:[^<]*" "$tmp/$name.dom" | head -n 1 |
		    sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g')
		if [ -z "$v" ]; then
			result FAIL "$name" $c "no verdict from the browser: $(grep -v -i 'dbus\|^$' "$log" | tail -n 1)"
		else
			v=${v#WPGEN:"$c":}
			result "${v%%:*}" "$name" $c "${v#*:}"
		fi
	done

	# shots
	if [ -s "$shots/$name-1280.png" ] && [ -s "$shots/$name-375.png" ]; then
		result ok "$name" shots "${shots#"$root"/}/$name-{1280,375}.png"
	else
		result FAIL "$name" shots "no screenshot: $(grep -v -i 'dbus\|^$' "$log" | tail -n 1)"
	fi
done <"$tmp/pages"

if [ $mode = build ]; then
	echo "html: $pass passed, $fail failed"
	[ $fail -eq 0 ] || exit 1
	exit 0
fi

# ---- self-test: compare with what each page should give --------------------

echo "self-test: every check must fail on broken.html and pass on the others"
pass=0
fail=0
while read -r st name c details; do
	if [ "$name" = broken ] && [ "$c" != shots ]; then
		want=FAIL
	else
		want=ok
	fi
	if [ "$st" = "$want" ]; then
		printf 'ok   self-test %-8s on %-8s %s as it should\n' "$c" "$name" "$( [ $want = ok ] && echo passes || echo fails)"
		pass=$((pass + 1))
	else
		printf 'FAIL self-test %-8s on %-8s should %s: %s\n' "$c" "$name" "$( [ $want = ok ] && echo pass || echo fail)" "$details"
		fail=$((fail + 1))
	fi
done <"$tmp/results"
# every page must have given its four results
want=$(($(wc -l <"$tmp/pages") * 4))
got=$(wc -l <"$tmp/results")
if [ "$got" -ne "$want" ]; then
	echo "FAIL self-test: $got results for $want checks"
	fail=$((fail + 1))
fi
echo "html-self-test: $pass passed, $fail failed"
[ $fail -eq 0 ] || exit 1
exit 0
