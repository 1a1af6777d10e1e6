WPGEN=$1 S=$2
cat >"$S/good.xml" <<'XML'
<index><whitepaper id="x" html="javascript:alert(1)" pdf="../../etc/passwd"><meta><title>T</title><name>N</name><short-name>N</short-name><document-kind>K</document-kind><publisher>P</publisher><keywords>k</keywords></meta><revision id="rev-1.0" version="1.0" date="2024-01-01"><date>2024/01/01</date><change target="ctl-5.1.1">good</change><change target="x&quot; onclick=&quot;alert(1)">quoted</change><change target="ctl-1.1/../../etc/passwd">path</change><change><link href="javascript:alert(2)">link</link></change></revision></whitepaper></index>
XML
cat >"$S/bad.xml" <<'XML'
<index>
<whitepaper id="../x"><meta><title>T</title><name>N</name><short-name>N</short-name><document-kind>K</document-kind><publisher>P</publisher><keywords>k</keywords></meta></whitepaper></index>
XML
"$WPGEN" index --templates templates -o "$S/i.html" "$S/good.xml" || exit 1
grep -q 'href="x/whitepaper.html"' "$S/i.html" && grep -q 'href="x/whitepaper.pdf"' "$S/i.html" ||
    { echo "the addresses were not made from the id"; exit 1; }
! grep -q -e javascript -e passwd -e onclick "$S/i.html" || { echo "an address was copied"; exit 1; }
# a change links only to a clause of the whitepaper's own page, and
# shows every change as text
grep -q 'href="x/whitepaper.html#ctl-5.1.1"' "$S/i.html" ||
    { echo "a change to a clause is not linked to it"; exit 1; }
[ "$(grep -c 'href="x/whitepaper.html#' "$S/i.html")" -eq 1 ] ||
    { echo "a change with a target that is no clause id was linked"; exit 1; }
for t in good quoted path link; do
	grep -q "$t" "$S/i.html" || { echo "the change \"$t\" is not shown"; exit 1; }
done
"$WPGEN" index --templates templates -o "$S/j.html" "$S/bad.xml" 2>"$S/err"
[ $? -eq 1 ] || { echo "an id that is a path was taken"; exit 1; }
grep -q "bad.xml:2: error: this <whitepaper> entry has no service id" "$S/err" ||
    { echo "not said: $(cat "$S/err")"; exit 1; }
[ ! -e "$S/j.html" ] || { echo "an index was written"; exit 1; }
