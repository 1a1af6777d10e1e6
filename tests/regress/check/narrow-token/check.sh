# No cell's text runs into its neighbour's or out of the column:
# pdftotext -bbox merges touching text into one word, and the column's
# right edge is where the justified body lines end.
pdftotext -bbox "$1/whitepaper.pdf" - | awk '
/<page / { page++ }
/<word / {
	x = $0; sub(/.*xMax="/, "", x); sub(/".*/, "", x)
	w = $0; sub(/.*">/, "", w); sub(/<.*/, "", w)
	if (w ~ /ISO\/IEC.*ISO\/IEC/) merged = w
	if (w ~ /^ISO\/IEC$/ || w ~ /ISO\/IECISO/) { if (x + 0 > cell + 0) cell = x }
	else if (x + 0 > right + 0) right = x
}
END {
	if (merged != "") { print "cells run into each other: " merged; exit 1 }
	if (cell - right > 0.5) { printf "a cell ends %.2f pt right of the column\n", cell - right; exit 1 }
}'
