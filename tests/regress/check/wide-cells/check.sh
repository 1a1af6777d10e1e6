# Every letter of the sixteen 60-letter words is on the page (pdftotext
# drops text outside it).
n=$(pdftotext "$1/whitepaper.pdf" - | tr -cd 'x' | wc -c)
[ "$n" -ge 912 ] || { echo "$n of the cells' 912 letters x are in the PDF"; exit 1; }
n=$(pdftotext "$1/whitepaper.pdf" - | tr -cd 'W' | wc -c)
[ "$n" -ge 16 ] || { echo "$n of the cells' 16 letters W are in the PDF"; exit 1; }
