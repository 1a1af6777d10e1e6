WPGEN=$1 S=$2
for d in a b; do
	mkdir -p "$S/$d/svc-$d"
	sed "s/id=\"javascript-link\"/id=\"svc-$d\"/; s|<short-name>TCS</short-name>|&<document-number>TCS-001</document-number>|; s|<link href=\"javascript:alert(1)\">リンク</link>|本文|" \
	    tests/regress/check/javascript-link/service.xml >"$S/$d/svc-$d/service.xml"
	printf '<revisions><revision version="1.0" date="2024-01-01"><remark>初版</remark></revision></revisions>\n' \
	    >"$S/$d/svc-$d/revisions.xml"
done
"$WPGEN" release --templates templates -o "$S/dist" "$S/a/svc-a" "$S/b/svc-b" 2>"$S/err"
[ $? -eq 1 ] || { echo "the release was not refused"; exit 1; }
grep -q "svc-b/service.xml:4: error: this service's outputs would be written as TCS-001_1.0, as those of svc-a are" "$S/err" ||
    { echo "not said: $(cat "$S/err")"; exit 1; }
[ ! -e "$S/dist" ] || { echo "the refused release wrote $(ls "$S/dist")"; exit 1; }
mkdir -p "$S/c"
cp -r "$S/a/svc-a" "$S/c/"
"$WPGEN" build --templates templates --no-index -o "$S/out" "$S/a/svc-a" "$S/c/svc-a" 2>"$S/err"
[ $? -eq 1 ] || { echo "two services into one folder were built"; exit 1; }
grep -q "c/svc-a: error: this service's outputs would be written as .*/out/svc-a, as those of .*/a/svc-a are" "$S/err" ||
    { echo "not said: $(cat "$S/err")"; exit 1; }
[ ! -e "$S/out" ] || { echo "the refused build wrote $(ls "$S/out")"; exit 1; }
