WPGEN=$1 S=$2
c=tests/regress/check/long-word
"$WPGEN" check --werror --templates templates $c 2>"$S/err"
[ $? -eq 1 ] || { echo "check --werror: exit $?"; exit 1; }
grep -q "^$c/service.xml:18: error: \"AAAA.*\" has no place to break" "$S/err" ||
    { echo "not said as an error: $(cat "$S/err")"; exit 1; }
mkdir -p "$S/o" && echo previous >"$S/o/whitepaper.pdf"
"$WPGEN" build --werror --templates templates -o "$S/o" $c 2>"$S/err"
[ $? -eq 1 ] || { echo "build --werror: exit $?"; exit 1; }
[ "$(ls "$S/o")" = whitepaper.pdf ] && [ "$(cat "$S/o/whitepaper.pdf")" = previous ] ||
    { echo "build --werror wrote: $(ls "$S/o")"; exit 1; }
"$WPGEN" build --templates templates -o "$S/o" $c 2>"$S/err"
[ $? -eq 0 ] || { echo "build without --werror: exit $?"; exit 1; }
grep -q ": warning: " "$S/err" || { echo "no warning: $(cat "$S/err")"; exit 1; }
"$WPGEN" text --werror --templates templates $c 2>"$S/err" >/dev/null
[ $? -eq 2 ] || { echo "text --werror was taken"; exit 1; }
grep -q "^wpgen text: --werror is not an option of text" "$S/err" ||
    { echo "not said: $(cat "$S/err")"; exit 1; }
