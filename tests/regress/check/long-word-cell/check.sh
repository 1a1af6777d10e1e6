n=$(pdftotext "$1/whitepaper.pdf" - | tr -cd 'B' | wc -c)
[ "$n" -eq 9000 ] || { echo "$n of the 9,000 letters B are in the PDF"; exit 1; }
