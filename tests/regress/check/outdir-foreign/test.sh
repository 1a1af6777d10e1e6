WPGEN=$1 S=$2
top=$(pwd)
mkdir -p "$S/out"
echo mine >"$S/out/notes.txt"
"$WPGEN" build --templates templates -o "$S/out" content/private-access 2>"$S/err"
[ $? -eq 4 ] || { echo "a folder holding notes.txt was replaced (or not exit 4)"; exit 1; }
grep -q 'out: error: cannot replace this output folder as a whole: it holds "notes.txt", which wpgen did not write there' "$S/err" ||
    { echo "not said: $(cat "$S/err")"; exit 1; }
[ "$(ls "$S/out")" = notes.txt ] && [ "$(cat "$S/out/notes.txt")" = mine ] ||
    { echo "the folder was touched"; exit 1; }
rm "$S/out/notes.txt"
cd "$S/out" && "$top/$WPGEN" build --templates "$top/templates" -o . "$top/content/private-access" 2>"$S/err"
[ $? -eq 4 ] || { echo "the current folder was replaced (or not exit 4)"; exit 1; }
grep -q '^\.: error: cannot replace this output folder as a whole: it is the current folder or holds it' "$S/err" ||
    { echo "not said: $(cat "$S/err")"; exit 1; }
