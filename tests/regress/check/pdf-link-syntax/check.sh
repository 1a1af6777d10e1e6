# No action but /URI; the addresses percent-encoded, whole.
qpdf --qdf --object-streams=disable "$1/whitepaper.pdf" "$1/q.pdf" || exit 1
# (qdf puts each dictionary entry on a line of its own: an action is a
# block "/A <<" ... ">>" holding "/S /<kind>"; a script a line "/JS ...")
if ! awk '/^ *\/A <<$/ { inside = 1; kind = "" }
    inside && /^ *\/S / { kind = $2 }
    inside && /^ *>>$/ { inside = 0; actions++; if (kind != "/URI") bad = 1 }
    /^ *\/(JS|JavaScript|Launch|OpenAction|AA) / { bad = 1 }
    END { exit bad || actions != 2 }' "$1/q.pdf"; then
	echo "the PDF holds an action other than /URI"; exit 1; fi
grep -a -q -F '/URI (https://a.example/%29/S/JavaScript/JS%28app.alert%281%29)' "$1/q.pdf" ||
    { echo "the first address is not written whole and encoded"; exit 1; }
grep -a -q -F '/URI (https://b.example/a%28b%29c%41?q=%29x%5Cy)' "$1/q.pdf" ||
    { echo "the second address is not written whole and encoded"; exit 1; }
rm -f "$1/q.pdf"
