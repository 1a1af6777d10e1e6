grep -q '株式会社テスト出版' "$1/whitepaper.txt" || { echo "the publisher is not in the text"; exit 1; }
pdfinfo "$1/whitepaper.pdf" | grep -q 'Author: *株式会社テスト出版' || { echo "the publisher is not the PDF's author"; exit 1; }
