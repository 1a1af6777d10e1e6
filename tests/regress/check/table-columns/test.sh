# A six-column table's columns are sized from what they hold (CSS's
# automatic table layout): no cell is set a character a line while
# another column has room ("180日" whole, not 1⏎8⏎0⏎日), the empty
# column narrow, the long URL broken rather than squeezing the rest.
WPGEN=$1 S=$2
"$WPGEN" layout --templates templates tests/regress/check/table-columns \
    >"$S/layout" 2>"$S/err" || { echo "layout failed: $(cat "$S/err")"; exit 1; }
# each line's text, its quarter-em spaces (shown as spaces) left out
awk '{ t = $0; sub(/^ *[0-9.]+ +[0-9.]+ /, "", t); gsub(/ /, "", t);
    print t }' "$S/layout" >"$S/text"
for w in 180日 90日 毎日 毎時 取得間隔 保存期間 参照方法; do
	grep -qx "$w" "$S/text" || { echo "\"$w\" is not one line"; exit 1; }
done
# no line of one character but a page number
if awk '{ t = $0; sub(/^ *[0-9.]+ +[0-9.]+ /, "", t) }
    length(t) == 1 && t !~ /[0-9]/ { print; bad = 1 } END { exit !bad }' \
    "$S/layout"; then
	echo "a line of one character"; exit 1
fi
exit 0
