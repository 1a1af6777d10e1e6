#!/bin/sh
# End-to-end checks of the built PDFs, read back with poppler-utils and
# qpdf: metadata, embedded fonts, every clause of tests/outline/<id>.txt
# in the text in order, the table of contents' page numbers and every
# bookmark leading to the page that holds its heading, links, the
# Tagged PDF (PDF/UA-1) structure, and a second build giving the same
# bytes.  With PDFJS (pdfjs-dist's folder, as make check sets it) the
# structure is also read through pdf.js (tests/pdf/tagged.mjs).
#   sh tests/pdf.sh [BUILD-DIR]        (default build/, after `make`)
set -u
export LC_ALL=C.UTF-8
B=${1:-build}
WPGEN=${WPGEN:-build/wpgen}
. "$(dirname "$0")/tally.sh"

# Text of page N of a PDF, one line each, without spaces (as a reader
# searching for a heading would compare it).
page_text() {
	pdftotext -enc UTF-8 -f "$2" -l "$2" "$1" - 2>/dev/null |
	    sed 's/[[:space:]　]//g'
}

for dir in content/*/; do
	id=$(basename "$dir")
	pdf=$B/$id/whitepaper.pdf
	model=$B/$id/document.xml
	if [ ! -s "$pdf" ]; then
		bad "$id: no $pdf (run make first)"
		continue
	fi

	# metadata: the title and author of the model
	title=$(sed -n 's:^ *<title[^>]*>\(.*\)</title>$:\1:p' "$model" | head -1)
	pdfinfo "$pdf" >"$tmp/info"
	if grep -q "^Title: *$title\$" "$tmp/info" &&
	    grep -q '^Author: *[^ ]' "$tmp/info"; then ok; else
		bad "$id: PDF Title/Author do not match the model"; fi

	# fonts: every one embedded as a subset
	if pdffonts "$pdf" | awk 'NR > 2 && ($(NF-4) != "yes" ||
	    $(NF-3) != "yes") { bad = 1 } END { exit bad }'; then ok; else
		bad "$id: a font is not embedded as a subset"; fi

	# text: every clause heading of the reference outline, in order
	pdftotext -enc UTF-8 "$pdf" - | sed 's/[[:space:]　]//g' >"$tmp/text"
	last=0 miss=0
	while IFS='	' read -r num ctl ttl; do
		case $num in '#'*|'') continue ;; esac
		key=$(printf '%s%s' "$num" "$ttl" | sed 's/[[:space:]　]//g')
		at=$(grep -n -F -x -- "$key" "$tmp/text" | cut -d: -f1 |
		    awk -v l="$last" '$1 > l { print; exit }')
		if [ -z "$at" ]; then
			miss=$((miss + 1))
			[ $miss -le 3 ] && echo "  $id: heading '$num $ttl' not found after line $last"
		else
			last=$at
		fi
	done <"tests/outline/$id.txt"
	if [ $miss -eq 0 ]; then ok; else
		bad "$id: $miss clause headings missing or out of order"; fi

	# bookmarks: each leads to a page that starts a line with its title
	qpdf --json --json-key=outlines "$pdf" >"$tmp/json" 2>/dev/null
	# (an entry's page comes before its kids, its title after them)
	awk -F'"' '/"destpageposfrom1"/ { split($0, a, ": "); s[++n] = a[2] + 0 }
	    /"title"/ { print s[n--] "\t" $4 }' "$tmp/json" >"$tmp/marks"
	n=0 wrong=0
	while IFS='	' read -r p t; do
		n=$((n + 1))
		key=$(printf '%s' "$t" | sed 's/[[:space:]　]//g')
		if ! page_text "$pdf" "$p" | grep -q -F -- "$key"; then
			wrong=$((wrong + 1))
			echo "  $id: bookmark '$t' -> page $p, which does not hold it"
		fi
	done <"$tmp/marks"
	if [ $n -ge 40 ] && [ $wrong -eq 0 ]; then ok; else
		bad "$id: $n bookmarks, $wrong wrong"; fi

	# contents: "title……N" lines; page N holds the heading
	toc=$(pdftotext -enc UTF-8 "$pdf" - | awk 'BEGIN { RS = "\f" }
	    /目次/ { print NR; exit }')
	pdftotext -enc UTF-8 -f "$toc" -l $((toc + 1)) "$pdf" - |
	    sed -n 's/^\(.*[^…]\) *…[…]* *\([0-9][0-9]*\)$/\2\t\1/p' >"$tmp/toc"
	n=0 wrong=0
	while IFS='	' read -r p t; do
		n=$((n + 1))
		key=$(printf '%s' "$t" | sed 's/[[:space:]　]//g')
		if ! page_text "$pdf" "$p" | grep -q -x -F -- "$key"; then
			wrong=$((wrong + 1))
			echo "  $id: contents '$t ... $p': not a heading on page $p"
		fi
	done <"$tmp/toc"
	if [ $n -ge 40 ] && [ $wrong -eq 0 ]; then ok; else
		bad "$id: $n contents entries, $wrong with a wrong page"; fi

	# links: internal ones (contents, cross-references) and URLs
	qpdf --json "$pdf" 2>/dev/null >"$tmp/json"
	annots=$(grep -c '"/Subtype": "/Link"' "$tmp/json")
	if [ "$annots" -gt 40 ]; then ok; else
		bad "$id: only $annots link annotations"; fi

	# streams: every one compressed but the XMP metadata (cairo writes
	# its content plain for the Tagged PDF pass, which compresses it)
	# (each stream's object read to its closing brace: its dictionary
	# may hold others, such as the cross-reference stream's
	# /DecodeParms)
	plain=$(qpdf --json=2 --json-key=qpdf "$pdf" 2>/dev/null |
	    awk 'BEGIN { RS = "\"stream\": [{]" } NR > 1 {
	    depth = 1
	    for (i = 1; i <= length($0) && depth > 0; i++) {
		c = substr($0, i, 1)
		if (c == "{") depth++
		else if (c == "}") depth-- }
	    d = substr($0, 1, i); n++
	    if (d !~ /"\/Filter"/ && d !~ /"\/Metadata"/) plain++ }
	    END { print (n < 20 ? "none" : plain + 0) }')
	if [ "$plain" = 0 ]; then ok; else
		bad "$id: streams left uncompressed: $plain"; fi

	# no text marked as the ActualText of nothing: a contents line's
	# dropped leaders once went to cairo as clusters without glyphs,
	# a thousand empty spans on a contents page
	empty=$(qpdf --qdf --object-streams=disable "$pdf" - 2>/dev/null |
	    tr '\n' ' ' | grep -a -o '/ActualText <[0-9a-fA-F]*> >> BDC *EMC' |
	    wc -l)
	if [ "$empty" = 0 ]; then ok; else
		bad "$id: $empty empty /ActualText spans"; fi

	pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
	if grep -q '"/Lang": "u:ja"' "$tmp/json" &&
	    grep -q '"/Marked": true' "$tmp/json" &&
	    grep -q '"/DisplayDocTitle": true' "$tmp/json" &&
	    pdfinfo -meta "$pdf" | grep -q '<pdfuaid:part>1</pdfuaid:part>' &&
	    [ "$(grep -c '"/Tabs": "/S"' "$tmp/json")" = "$pages" ] &&
	    [ "$(grep -c '"/Contents": "' "$tmp/json")" -ge "$annots" ] &&
	    [ "$(grep -c '"/StructParent": ' "$tmp/json")" = "$annots" ]; then
		ok; else bad "$id: a document-level entry of PDF/UA is missing"; fi

	# tagged: the structure has the model's headings (its bookmarks too),
	# list items, table cells (the history's four columns a revision)
	# and figures, each with alternative text
	pdfinfo -struct "$pdf" >"$tmp/struct"
	has() { grep -c "^ *$1\( \|:\|\$\)" "$tmp/struct"; }
	tags() { grep -o -E "<($1)[ >/]" "$model" | wc -l; }
	n_h=$(($(has H1) + $(has H2) + $(has H3)))
	want_h=$(tags 'section|history|toc|controls|chapter|clause')
	n_li=$(has LI) want_li=$(tags li)
	n_td=$(($(has TH) + $(has TD)))
	want_td=$(($(tags 'th|td') + 4 * $(tags 'revision|history')))
	n_fig=$(has Figure) want_fig=$(tags figure)
	alts=$(grep -c '"/Alt": ' "$tmp/json")
	if [ "$n_h" = "$want_h" ] && [ "$n_h" = "$(wc -l <"$tmp/marks")" ] &&
	    [ "$n_li" = "$want_li" ] && [ "$n_td" = "$want_td" ] &&
	    [ "$n_fig" = "$want_fig" ] && [ "$alts" = "$n_fig" ]; then ok; else
		bad "$id: structure has $n_h/$want_h headings, $n_li/$want_li list items, $n_td/$want_td cells, $n_fig/$want_fig figures, $alts with /Alt"
	fi

	# tagged: read as a reader does, the tree's text is the page text
	# without artifacts (pdf.js reads what is an artifact, poppler the
	# tree), and pdf.js finds what poppler and the model have
	if [ -n "${PDFJS:-}" ]; then
		if node tests/pdf/tagged.mjs "$(cd "$PDFJS" && pwd)" "$pdf" \
		    "$model" >"$tmp/pdfjs" 2>&1; then ok; else
			bad "$id: pdf.js reads the structure otherwise"
			cat "$tmp/pdfjs"; fi
	else
		echo "  $id: pdf.js check skipped (PDFJS not set)"
	fi

	# reproducible: a second build gives the same bytes
	if "$WPGEN" build -o "$tmp/again" "$dir" 2>"$tmp/err" &&
	    cmp -s "$pdf" "$tmp/again/whitepaper.pdf"; then ok; else
		bad "$id: a second build differs"; cat "$tmp/err"; fi
done

# fonts: the real content needs nothing beyond the two subsets `make`
# cuts, TrueType font programs (FontFile2; cairo embeds each face as two,
# its Latin characters apart), small (under 200 KB each once
# compressed), of two faces; a kanji outside them (𠮷, U+20BB7)
# is drawn from the full face, a CFF font program (FontFile3), and
# nothing is missing.
programs() {	# PDF: "FontFile2 N" or "FontFile3 N" for each font program
	qpdf --json "$1" 2>/dev/null |
	    sed -n 's|.*"/\(FontFile[23]\)": "\([0-9]*\) 0 R".*|\1 \2|p'
}
faces() {	# PDF: the distinct font names, subset tags dropped
	pdffonts "$1" | tail -n +3 | awk '{ sub(/^[A-Z]+\+/, "", $1); print $1 }' |
	    sort -u | tr '\n' ' '
}
kinds=$(for pdf in "$B"/*/whitepaper.pdf; do
	echo "$(programs "$pdf" | cut -d' ' -f1 | sort -u | tr '\n' ' ')$(faces "$pdf")"
done | sort -u)
if [ "$kinds" = "FontFile2 NotoSansCJKjp-Bold NotoSerifCJKjp-Regular " ]; then ok
else bad "every PDF should embed only the two TrueType subsets, not: $kinds"; fi
big=0 seen=0
for pdf in "$B"/*/whitepaper.pdf; do
	for o in $(programs "$pdf" | cut -d' ' -f2); do
		seen=$((seen + 1))
		n=$(qpdf --show-object="$o" --raw-stream-data "$pdf" | wc -c)
		[ "$n" -lt 200000 ] || { big=1; echo "  $pdf: font $o is $n bytes"; }
	done
done
if [ $big -eq 0 ] && [ $seen -gt 0 ]; then ok; else
	bad "a font program is over 200 KB (or none found)"; fi
mkdir -p "$tmp/rare"
sed '0,/<p>/s:<p>:<p>𠮷野さん、:' content/secure-mx/service.xml \
    >"$tmp/rare/service.xml"
sed -i 's/<service id="secure-mx"/<service id="rare"/' "$tmp/rare/service.xml"
cp content/secure-mx/revisions.xml "$tmp/rare/"
if "$WPGEN" build -o "$tmp/rare-out" "$tmp/rare" 2>"$tmp/err" &&
    [ "$(programs "$tmp/rare-out/whitepaper.pdf" | grep -c FontFile3)" = 1 ] &&
    pdftotext -enc UTF-8 "$tmp/rare-out/whitepaper.pdf" - | grep -q 𠮷野さん
then ok; else bad "a kanji outside the subsets: not drawn from the full face"
	cat "$tmp/err"; fi

# a damaged subset: a warning names it, and the full face serves
mkdir -p "$tmp/t/fonts/subset"
cp -r templates "$tmp/t/"
cp fonts/fonts.conf "$tmp/t/fonts/"
cp fonts/subset/wpgen-sans-bold.ttf "$tmp/t/fonts/subset/"
head -c 1000 fonts/subset/wpgen-serif-regular.ttf \
    >"$tmp/t/fonts/subset/wpgen-serif-regular.ttf"
if "$WPGEN" build --templates "$tmp/t/templates" -o "$tmp/damaged" \
    content/secure-mx 2>"$tmp/err" &&
    grep -q 'wpgen-serif-regular.ttf: warning: cannot read this font' "$tmp/err" &&
    [ "$(faces "$tmp/damaged/whitepaper.pdf")" = \
      "NotoSansCJKjp-Bold NotoSerifCJKjp-Regular " ] &&
    [ "$(programs "$tmp/damaged/whitepaper.pdf" | grep -c FontFile3)" = 1 ]
then ok; else bad "a damaged font subset: no warning, or no PDF"
	cat "$tmp/err"; fi

tally pdf
