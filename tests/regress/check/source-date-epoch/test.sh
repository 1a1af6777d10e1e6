WPGEN=$1 S=$2
for v in abc -5 12x 1e9; do
	SOURCE_DATE_EPOCH=$v "$WPGEN" build --templates templates -o "$S/o" content/private-access 2>"$S/err"
	[ $? -eq 2 ] || { echo "SOURCE_DATE_EPOCH=$v was taken"; exit 1; }
	grep -q "SOURCE_DATE_EPOCH=\"$v\" is not a time" "$S/err" || { echo "not said: $(cat "$S/err")"; exit 1; }
done
[ ! -e "$S/o" ] || { echo "a build was written"; exit 1; }
SOURCE_DATE_EPOCH=1700000000 "$WPGEN" build --templates templates -o "$S/o" content/private-access || exit 1
pdfinfo "$S/o/whitepaper.pdf" | grep -q 'CreationDate: *Tue Nov 14 22:13:20 2023' || { echo "the date was not taken"; exit 1; }
