#!/bin/sh
# tests/html/run.sh: end-to-end test of the HTML pages in a real browser.
#
#   sh tests/html/run.sh BUILD_DIR     BUILD_DIR/<id>/whitepaper.html (beside
#                                      its document.xml and whitepaper.pdf),
#                                      BUILD_DIR/index.html
#   sh tests/html/run.sh --self-test   the checks themselves: each must fail on
#                                      tests/html/broken.html (an index check on
#                                      broken-index.html) and pass on pages made
#                                      from tests/html/blocks.xml, phrases.xml
#                                      and index-sample.xml
#
# Each page is opened by tests/html/drive.js in headless Chromium at 375 px
# (a phone) and 1280 px, light and dark (prefers-color-scheme emulated),
# on screen and in print; tests/html/check.js makes each check there:
#   validate  the Nu Html Checker (vnu.jar) finds no error
#   lang      lang="ja"; no script
#   links     every in-page link (a[href^="#"]) leads to an element id
#   width     375 px: the page does not scroll sideways; an element passes
#             the right edge only inside a box that scrolls on its own;
#             nothing is cut off
#   tables    375 px: a table wider than the screen scrolls in its own box,
#             with a visible cue, and the box takes the keyboard
#   narrow    375 px: the contents come before the revision history, which
#             is folded (and a link into it opens it); a skip link to the
#             text first; a link back to the top in view halfway down
#   wide      1280 px: the contents are a column beside the text, in view
#             halfway down; the history is open
#   dark      the colour scheme asked for, the SVG figures with it
#   marks     the clauses the newest revision names (read from the model,
#             document.xml) carry a mark linking to its history row; no
#             other clause does
#   pdf       the PDF link states the PDF's size
#   wording   nothing that speaks of pages (「次頁以降」)
#   headings  where headings carry phrase breaks (<wbr>), no phrase that
#             fits on a line is split
#   axe       axe-core finds no violation (WCAG A and AA, best practices),
#             in each of the four states
#   print     printed light (whatever the screen's scheme), the history
#             open, no screen-only links
#   changes   (the index) each whitepaper lists what its newest revision
#             changed; every date has one format
#   review    (a reviewer's copy: tests/redline.sh leaves a redline and
#             a comparison in BUILD_DIR/review/) a main landmark and the
#             legend; at least the model's insertions and deletions, each
#             underlined or struck through and said to a screen reader; a
#             bar beside each paragraph or item that holds one
# (an index page gets validate, lang, links, width, dark, changes,
# wording, headings, axe, print and shots; a reviewer's copy validate,
# lang, links, width, tables, dark, review, wording, headings, axe,
# print and shots)
#   shots     screenshots in BUILD_DIR/screenshots/ (NAME-375.png,
#             NAME-375-dark.png, NAME-1280.png, NAME-1280-dark.png,
#             NAME-1280-mid.png), for a human to look at
# Prints one line a page and check, then "html: N passed, N failed".
# Exit status: 0 all passed, 1 a check failed, 2 usage, missing pages or tools.
#
# Needs chromium (Debian; $CHROMIUM names another binary), node, java,
# xsltproc and xmllint; vnu.jar from the npm package vnu-jar ($VNU_JAR, else
# node_modules/vnu-jar/ here or in npm's global root) and axe.min.js from
# the npm package axe-core ($AXE_JS, else node_modules/axe-core/ likewise).

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
chrome=$(command -v "$chrome")
command -v node >/dev/null 2>&1 ||
	die "node not found, needed to drive the browser (Debian: apt-get install nodejs)"
command -v java >/dev/null 2>&1 ||
	die "java not found, needed by the Nu Html Checker (Debian: apt-get install default-jre-headless)"
command -v xsltproc >/dev/null 2>&1 && command -v xmllint >/dev/null 2>&1 ||
	die "xsltproc or xmllint not found (Debian: apt-get install xsltproc libxml2-utils)"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) not found"

# npm_file VAR PACKAGE PATH: $VAR, else PACKAGE's PATH under node_modules/
# here or in npm's global root.
npm_file() {
	eval "f=\${$1:-}"
	if [ -z "$f" ]; then
		for d in "$PWD/node_modules" "$(npm root -g 2>/dev/null)"; do
			if [ -f "$d/$2/$3" ]; then
				f=$d/$2/$3
				break
			fi
		done
	fi
	[ -n "$f" ] && [ -f "$f" ] || die "$2 not found: npm install $2 (here or with -g), or set $1"
	echo "$f"
}
vnu=$(npm_file VNU_JAR vnu-jar build/dist/vnu.jar) || exit 2
axe=$(npm_file AXE_JS axe-core axe.min.js) || exit 2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wpgen-html.XXXXXX") || die "cannot make a temporary folder"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

# ---- the pages and what each must show ------------------------------------

# The plan for drive.js: NAME FILE KIND EXPECT, tab-separated, a line a page.
: >"$tmp/plan"
plan() {
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$tmp/plan"
}

# expect MODEL BYTES [EXTRA]: what the page made from MODEL must show.
expect() {
	xsltproc --param bytes "$2" --stringparam extra "${3:-}" \
	    "$here/expect.xsl" "$1" || die "cannot read $1"
}

# changes MODEL...: {"changes":{"<service>":N,...}}, N the changes of each
# model's newest revision.
changes() {
	printf '{"changes":{'
	sep=
	for m in "$@"; do
		id=$(xmllint --xpath 'string(/document/@service)' "$m") || die "cannot read $m"
		n=$(xmllint --xpath 'count(/document/history/revision[last()]/change)' "$m")
		printf '%s"%s":%s' "$sep" "$id" "$n"
		sep=,
	done
	printf '}}'
}

# review MODEL: what a reviewer's copy made from MODEL must show (at
# least its insertions and deletions: the page adds the headings').
review() {
	i=$(xmllint --xpath "count(//ins[not(ancestor::p[@output='print'])])" "$1") &&
	d=$(xmllint --xpath "count(//del[not(ancestor::p[@output='print'])])" "$1") ||
	    die "cannot read $1"
	printf '{"ins":%s,"del":%s}' "$i" "$d"
}

if [ $mode = self ]; then
	for m in blocks review; do
		xmllint --noout --relaxng "$root/templates/schema/document.rng" \
		    "$here/$m.xml" 2>"$tmp/rng.err" || {
			cat "$tmp/rng.err" >&2
			die "tests/html/$m.xml is no longer a valid document model: update it"
		}
	done
	build=$tmp/build
	mkdir -p "$build/broken" "$build/broken-index" "$build/blocks" "$build/phrases" \
	    "$build/review"
	cp "$here/broken.html" "$build/broken/whitepaper.html"
	cp "$here/broken-index.html" "$build/broken-index/index.html"
	for m in blocks phrases review; do
		xsltproc --stringparam pdf-size '121 KB' "$root/templates/xslt/html.xsl" \
		    "$here/$m.xml" >"$build/$m/whitepaper.html" ||
		    die "html.xsl failed on $m.xml"
	done
	xsltproc --stringparam date-format YYYY/MM/DD "$root/templates/xslt/index.xsl" \
	    "$here/index-sample.xml" >"$build/index.html" || die "index.xsl failed on index-sample.xml"
	plan broken "$build/broken/whitepaper.html" paper \
	    '{"marks":["ctl-1.1.1"],"row":"rev-1.1","version":"1.1","bytes":123456}'
	plan blocks "$build/blocks/whitepaper.html" paper \
	    "$(expect "$here/blocks.xml" 123456 ',"wide":1')"
	plan phrases "$build/phrases/whitepaper.html" paper \
	    "$(expect "$here/phrases.xml" 123456 ',"phrases":true')"
	plan review "$build/review/whitepaper.html" review "$(review "$here/review.xml")"
	plan broken-review "$build/broken/whitepaper.html" review '{"ins":1,"del":1}'
	# the sample is an index of entries, not of models: count there
	n=$(xsltproc - "$here/index-sample.xml" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text"/>
<xsl:template match="/index">{"changes":{<xsl:for-each select="whitepaper">
<xsl:if test="position() > 1">,</xsl:if>"<xsl:value-of select="@id"/>":<xsl:value-of select="count(revision/change)"/>
</xsl:for-each>}}</xsl:template>
</xsl:stylesheet>
EOF
) || die "cannot read index-sample.xml"
	plan index "$build/index.html" index "$(echo "$n" | tr -d '\n' | sed 's/}$/,"phrases":true}/')"
	plan broken-index "$build/broken-index/index.html" index '{"changes":{"a":2}}'
else
	build=$(cd "$1" && pwd)
	set --
	for f in "$build"/*/whitepaper.html; do
		[ -f "$f" ] || continue
		d=${f%/whitepaper.html}
		[ -f "$d/document.xml" ] && [ -f "$d/whitepaper.pdf" ] ||
		    die "$d: no document.xml or whitepaper.pdf beside the page"
		plan "${d##*/}" "$f" paper "$(expect "$d/document.xml" "$(wc -c <"$d/whitepaper.pdf")")"
		set -- "$@" "$d/document.xml"
	done
	[ $# -gt 0 ] || die "no $build/<id>/whitepaper.html: build the HTML pages first"
	[ -f "$build/index.html" ] || die "no $build/index.html: build the index first"
	plan index "$build/index.html" index "$(changes "$@")"
	# the reviewer's copies tests/redline.sh left, when it ran
	if [ -f "$build/review/whitepaper-redline.html" ]; then
		plan redline "$build/review/whitepaper-redline.html" review \
		    "$(review "$build/review/document-redline.xml")"
	fi
	if [ -f "$build/review/comparison.html" ]; then
		plan comparison "$build/review/comparison.html" review '{"ins":1,"del":1}'
	fi
fi

shots=$build/screenshots
mkdir -p "$shots" || die "cannot make $shots"

# ---- running the checks ---------------------------------------------------

pass=0
fail=0
: >"$tmp/results"

# result ok|FAIL PAGE CHECK DETAILS
result() {
	printf '%-4s %-14s %-9s %s\n' "$1" "$2" "$3" "$4" | tee -a "$tmp/results" |
	    { if [ $mode = self ]; then sed 's/^/    /'; else cat; fi; }
	if [ "$1" = ok ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
}

# All pages through the validator at once (it takes seconds to start).
# Its GNU format: "file:/path":LINE.COL-LINE.COL: error: message
# Its CSS grammar predates container queries (CSS Containment 3, in every
# browser since 2023), which the scroll cue of a wide table uses: those
# two messages, and only they, are dropped.
set --
while IFS='	' read -r name f kind x; do
	set -- "$@" "$f"
done <"$tmp/plan"
timeout 300 java -jar "$vnu" --also-check-svg --errors-only --format gnu \
    --filterpattern 'CSS: (“container-type”: Property “container-type” doesn.t exist\.|Unrecognized at-rule “@container”)' \
    "$@" >"$tmp/vnu.out" 2>&1
vnu_rc=$?

# Every page through the browser at once (one browser, started once).
for f in "$shots"/*.png; do
	[ -f "$f" ] && rm -f "$f"
done
timeout 900 node "$here/drive.js" "$chrome" "$axe" "$shots" "$tmp/plan" \
    >"$tmp/drive.out" 2>"$tmp/drive.err"
drive_rc=$?
[ $drive_rc -le 1 ] || die "the browser could not be driven: $(tail -n 3 "$tmp/drive.err")"

while IFS='	' read -r name f kind x; do
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

	# the browser's checks, as drive.js said them: "ok|FAIL NAME CHECK ..."
	grep "^[a-zA-Z]* $name " "$tmp/drive.out" | while read -r st n c details; do
		echo "$st $c $details"
	done >"$tmp/$name.checks"
	[ -s "$tmp/$name.checks" ] ||
	    result FAIL "$name" browser "no verdict from the browser: $(tail -n 1 "$tmp/drive.err")"
	while read -r st c details; do
		result "$st" "$name" "$c" "$details"
	done <"$tmp/$name.checks"

	# shots
	missing=
	for s in 375 375-dark 1280 1280-dark; do
		[ -s "$shots/$name-$s.png" ] || missing="$missing $name-$s.png"
	done
	if [ -z "$missing" ]; then
		result ok "$name" shots "${shots#"$root"/}/$name-{375,1280}{,-dark}.png, $name-1280-mid.png"
	else
		result FAIL "$name" shots "no screenshot:$missing"
	fi
done <"$tmp/plan"

if [ $mode = build ]; then
	echo "html: $pass passed, $fail failed"
	[ $fail -eq 0 ] || exit 1
	exit 0
fi

# ---- self-test: compare with what each page should give --------------------

echo "self-test: every check must fail on the broken pages and pass on the others"
pass=0
fail=0
while read -r st name c details; do
	case $name/$c in
	broken*/shots) want=ok ;;
	broken*) want=FAIL ;;
	*) want=ok ;;
	esac
	if [ "$st" = "$want" ]; then
		printf 'ok   self-test %-9s on %-13s %s as it should\n' "$c" "$name" "$( [ $want = ok ] && echo passes || echo fails)"
		pass=$((pass + 1))
	else
		printf 'FAIL self-test %-9s on %-13s should %s: %s\n' "$c" "$name" "$( [ $want = ok ] && echo pass || echo fail)" "$details"
		fail=$((fail + 1))
	fi
done <"$tmp/results"
# every page must have given each of its results: validate and shots, and
# the browser's 13 checks of a whitepaper or 9 of an index
want=0
while IFS='	' read -r name f kind x; do
	case $kind in
	index) want=$((want + 11)) ;;
	review) want=$((want + 12)) ;;
	*) want=$((want + 15)) ;;
	esac
done <"$tmp/plan"
got=$(wc -l <"$tmp/results")
if [ "$got" -ne "$want" ]; then
	echo "FAIL self-test: $got results for $want checks"
	fail=$((fail + 1))
fi
echo "html-self-test: $pass passed, $fail failed"
[ $fail -eq 0 ] || exit 1
exit 0
