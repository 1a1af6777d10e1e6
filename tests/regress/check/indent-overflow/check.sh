# The long word ends within the column: no further right than the
# justified lines of the paragraph below it (pdftotext -bbox gives each
# word's box).
pdftotext -bbox "$1/whitepaper.pdf" - | awk '
/<page / { page++ }
/<word / {
	x = $0; sub(/.*xMax="/, "", x); sub(/".*/, "", x)
	w = $0; sub(/.*">/, "", w); sub(/<.*/, "", w)
	if (w ~ /^x+/ && length(w) >= 70) { long = x; lp = page }
	else if (x + 0 > right[page] + 0) right[page] = x
}
END {
	if (long == "") { print "the long word is not in the PDF"; exit 1 }
	if (long - right[lp] > 0.5) {
		printf "the long word ends at %.2f pt, %.2f pt right of the column\n", long, long - right[lp]
		exit 1
	}
}'
