WPGEN=$1 S=$2
cat >"$S/good.xml" <<'XML'
<index><whitepaper id="x" html="javascript:alert(1)" pdf="../../etc/passwd"><meta><title>T</title><name>N</name><short-name>N</short-name><document-kind>K</document-kind><publisher>P</publisher><keywords>k</keywords></meta></whitepaper></index>
XML
cat >"$S/bad.xml" <<'XML'
<index>
<whitepaper id="../x"><meta><title>T</title><name>N</name><short-name>N</short-name><document-kind>K</document-kind><publisher>P</publisher><keywords>k</keywords></meta></whitepaper></index>
XML
"$WPGEN" index --templates templates -o "$S/i.html" "$S/good.xml" || exit 1
grep -q 'href="x/whitepaper.html"' "$S/i.html" && grep -q 'href="x/whitepaper.pdf"' "$S/i.html" ||
    { echo "the addresses were not made from the id"; exit 1; }
! grep -q -e javascript -e passwd "$S/i.html" || { echo "an address was copied"; exit 1; }
"$WPGEN" index --templates templates -o "$S/j.html" "$S/bad.xml" 2>"$S/err"
[ $? -eq 1 ] || { echo "an id that is a path was taken"; exit 1; }
grep -q "bad.xml:2: error: this <whitepaper> entry has no service id" "$S/err" ||
    { echo "not said: $(cat "$S/err")"; exit 1; }
[ ! -e "$S/j.html" ] || { echo "an index was written"; exit 1; }
