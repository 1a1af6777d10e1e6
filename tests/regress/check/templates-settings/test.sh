WPGEN=$1 S=$2
cp -r templates "$S/templates"
mkdir -p "$S/fonts" && cp fonts/fonts.conf "$S/fonts/" && ln -s "$(pwd)/fonts/subset" "$S/fonts/subset"
f=$S/templates/iso27017/settings.xml
sed -i 's|<date-format>YYYY/MM/DD</date-format>|<date-format>yyyy/mm/dd</date-format>|; s|{name}のISO|{nmae}のISO|; s|<toc-title>|<toc-titel>目次</toc-titel>\n  <toc-title>|' "$f"
"$WPGEN" check --templates "$S/templates" content/private-access 2>"$S/err"
[ $? -eq 1 ] || { echo "broken settings were taken: exit $?"; exit 1; }
for want in \
    "settings.xml:[0-9]*: error: date format \"yyyy/mm/dd\" has 'y', which is no part of a date" \
    "settings.xml:[0-9]*: error: {nmae} in <title-pattern> stands for nothing" \
    "settings.xml:[0-9]*: error: <toc-titel> is not a setting wpgen reads here, so it would be ignored (templates/iso27017/settings.xml holds <publisher>,"; do
	grep -q "$want" "$S/err" || { echo "not said: $want: $(cat "$S/err")"; exit 1; }
done
[ "$(grep -c . "$S/err")" -eq 3 ] || { echo "said more: $(cat "$S/err")"; exit 1; }
"$WPGEN" check --templates templates content/private-access 2>"$S/err" ||
    { echo "the shipped settings: $(cat "$S/err")"; exit 1; }
