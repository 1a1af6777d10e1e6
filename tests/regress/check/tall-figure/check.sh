# Every one of the figure's 300 items is on a page.
n=$(pdftotext "$1/whitepaper.pdf" - | sed 's/[[:space:]]//g; s/\xe2\x80\x82//g' |
    grep -o '部品[0-9][0-9]*' | sort -u | wc -l)
[ "$n" -eq 300 ] || { echo "$n of the figure's 300 items are in the PDF"; exit 1; }
