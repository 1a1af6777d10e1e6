# Every one of the row's 120 lines is on a page (the space pdftotext
# shows between 行 and a number is the typesetter's quarter em).
n=$(pdftotext "$1/whitepaper.pdf" - | sed 's/[[:space:]]//g; s/\xe2\x80\x82//g' |
    grep -o '行[0-9][0-9]*' | sort -u | wc -l)
[ "$n" -eq 120 ] || { echo "$n of the row's 120 lines are in the PDF"; exit 1; }
