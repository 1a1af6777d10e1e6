# compare NAME EXPECTED ACTUAL: counts a pass when the files are the
# same, else a failure with the difference; with REGEN=1 it first
# rewrites EXPECTED from ACTUAL.  Sourced by the regression drivers,
# which set pass=0 fail=0.
compare() {
	if [ "${REGEN:-0}" = 1 ]; then
		cp "$3" "$2"
	fi
	if cmp -s "$2" "$3"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $1"
		diff -u "$2" "$3" | head -30
	fi
}
