# All 5,000 letters of the word are on the pages, none beyond an edge
# (pdftotext drops text outside the page).
n=$(pdftotext "$1/whitepaper.pdf" - | tr -cd 'A' | wc -c)
[ "$n" -ge 5000 ] || { echo "$n of the word's 5000 letters are in the PDF"; exit 1; }
