# The strings come back as written; the file is sound.
qpdf --check "$1/whitepaper.pdf" >/dev/null || { echo "qpdf --check fails"; exit 1; }
[ "$(pdfinfo "$1/whitepaper.pdf" | sed -n 's/^Title: *//p')" = '表題) /S /JavaScript (\' ] ||
    { echo "the title does not read back as written"; exit 1; }
qpdf --json --json-key=outlines "$1/whitepaper.pdf" | grep -q -F '括弧) \\ (の見出し' ||
    { echo "the bookmark does not read back as written"; exit 1; }
