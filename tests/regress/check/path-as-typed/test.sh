WPGEN=$1 S=$2
mkdir -p "$S/sp ace/テスト/control-unknown"
cp tests/regress/check/control-unknown/service.xml "$S/sp ace/テスト/control-unknown/"
"$WPGEN" check --templates templates "$S/sp ace/テスト/control-unknown" 2>"$S/err"
[ $? -eq 1 ] || { echo "exit $?"; exit 1; }
! grep -q '%' "$S/err" || { echo "a path was percent-encoded: $(grep '%' "$S/err")"; exit 1; }
[ "$(grep -c "^$S/sp ace/テスト/control-unknown/service.xml:" "$S/err")" -eq 2 ] ||
    { echo "not named as typed: $(cat "$S/err")"; exit 1; }
