# Sourced by the end-to-end test scripts (pdf.sh, incremental.sh,
# release.sh): a scratch folder $tmp, removed on exit, and the tally of
# checks, each ending in ok or bad; `tally NAME` prints it last and is
# the script's exit status.
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
tally() { echo "$1: $pass passed, $fail failed"; [ $fail -eq 0 ]; }
