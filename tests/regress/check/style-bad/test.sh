WPGEN=$1 S=$2
cp -r templates "$S/templates"
mkdir -p "$S/fonts" && cp fonts/fonts.conf "$S/fonts/" && ln -s "$(pwd)/fonts/subset" "$S/fonts/subset"
sed -i 's|\(role="list" *family="Noto Serif CJK JP" weight="400" size="\)10pt|\10pt|' "$S/templates/style/pdf.xml"
sed -i 's|\(role="caption" *family="\)Noto Serif CJK JP|\1Noto Serf|' "$S/templates/style/pdf.xml"
"$WPGEN" check --templates "$S/templates" content/private-access 2>"$S/err"
[ $? -eq 1 ] || { echo "a 0 pt text was taken"; exit 1; }
grep -q 'style/pdf.xml:[0-9]*: error: size="0pt" sets no readable text' "$S/err" ||
    { echo "not said: $(cat "$S/err")"; exit 1; }
sed -i 's|\(role="list" *family="Noto Serif CJK JP" weight="400" size="\)0pt|\110pt|' "$S/templates/style/pdf.xml"
"$WPGEN" check --templates "$S/templates" content/private-access 2>"$S/err"
[ $? -eq 1 ] || { echo "an unknown family was taken"; exit 1; }
grep -q 'style/pdf.xml:[0-9]*: error: no font has the family "Noto Serf"' "$S/err" ||
    { echo "not said: $(cat "$S/err")"; exit 1; }
