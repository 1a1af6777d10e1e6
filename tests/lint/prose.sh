#!/bin/sh
# wpgen lint --prose on the real content: textlint runs (installed by
# make textlint), finds something, and each finding that quotes the text
# it is about ("X => Y" from prh, 「"X"は…」 from the preset) names a
# service.xml line that holds that text.  Without textlint, --prose fails
# in one line.
#   sh tests/lint/prose.sh      from the top of the tree
set -u
WPGEN=${WPGEN:-build/wpgen}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

"$WPGEN" lint --templates templates --prose content/*/ >"$work/out" 2>&1
rc=$?
[ $rc -eq 1 ] || { echo "prose: exit status $rc, expected 1"; fail=1; }
grep ' (textlint: [^)]*)$' "$work/out" >"$work/prose"
n=$(wc -l <"$work/prose")
[ "$n" -gt 0 ] || { echo "prose: textlint said nothing"; fail=1; }
checked=0
while IFS= read -r l; do
	file=${l%%:*}
	rest=${l#*:}
	line=${rest%%:*}
	msg=${l#*: warning: }
	# prh quotes the text as written; the preset a verb in its
	# dictionary form (活動を行う for 活動を行って): then its stem, less the
	# last character, must be on the line
	case $msg in
	*' => '*) quote=${msg%% => *} want=$quote ;;
	'【'*'"'*'"'*) quote=${msg#*\"}; quote=${quote%%\"*}
		want=$(printf '%s' "$quote" | sed 's/.$//') ;;
	*) continue ;;
	esac
	checked=$((checked + 1))
	if ! sed -n "${line}p" "$file" | grep -qF -- "$want"; then
		echo "prose: $file:$line does not hold \"$quote\": $l"
		fail=1
	fi
done <"$work/prose"
[ "$checked" -gt 0 ] || { echo "prose: no finding quotes its text"; fail=1; }

WPGEN_TEXTLINT=/nonexistent "$WPGEN" lint --templates templates --prose \
    content/secure-mx >/dev/null 2>"$work/err"
rc=$?
if [ $rc -ne 2 ] || ! grep -q 'error: wpgen lint --prose needs textlint, which is not installed' "$work/err"; then
	echo "prose: without textlint: exit $rc, said: $(cat "$work/err")"
	fail=1
fi
echo "prose: $n textlint findings on content/, $checked that quote their text each at a line that holds it"
[ $fail -eq 0 ]
