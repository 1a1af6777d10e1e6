WPGEN=$1 S=$2
top=$(pwd)
"$WPGEN" index --templates templates -o - content/secure-mx >"$S/page" 2>"$S/err" ||
    { echo "index -o -: $(cat "$S/err")"; exit 1; }
grep -q '<a href="secure-mx/whitepaper.html"' "$S/page" && [ ! -e ./- ] ||
    { echo "index -o - wrote no page, or a file called -"; exit 1; }
for cmd in build release; do
	"$WPGEN" $cmd --templates templates -o - content/secure-mx >"$S/out" 2>"$S/err"
	[ $? -eq 2 ] || { echo "$cmd -o - was taken"; exit 1; }
	grep -q "^wpgen $cmd: -o - is refused: $cmd writes several files" "$S/err" && [ ! -s "$S/out" ] ||
	    { echo "$cmd -o -: $(cat "$S/err")"; exit 1; }
done
cd content/secure-mx || exit 1
"$top/$WPGEN" check --templates "$top/templates" . 2>"$S/err" ||
    { echo "check . in a service folder: $(cat "$S/err")"; exit 1; }
"$top/$WPGEN" build --templates "$top/templates" -o "$S/dot" . 2>"$S/err" &&
    grep -q 'service="secure-mx"' "$S/dot/document.xml" ||
    { echo "build -o X . in a service folder: $(cat "$S/err")"; exit 1; }
