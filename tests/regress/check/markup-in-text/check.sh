# Markup written as text stays text: no element made of it in the HTML,
# and the text itself in the HTML and the plain text.
if grep -qi '<script\|<img' "$1/whitepaper.html"; then
	echo "the HTML has an element made from the content's text"; exit 1
fi
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$1/whitepaper.html" ||
    { echo "the HTML lost the text <script>"; exit 1; }
grep -q '<script>alert(1)</script>' "$1/whitepaper.txt" ||
    { echo "the plain text lost the text <script>"; exit 1; }
