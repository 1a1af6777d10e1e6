#!/bin/sh
# tests/lint.sh: lint over the real content must find exactly the real
# findings listed in tests/lint/expected-real.txt and the coverage
# warnings in tests/lint/expected-coverage.txt ('#' lines are comments).
# Run from the top of the tree after make.
#
# LINT is the command that lints the folders given and says each finding
# as "file:line: warning: text" (default: build/wpgen lint).
set -eu

LINT=${LINT:-build/wpgen lint}
expected=tests/lint/expected-real.txt
coverage=tests/lint/expected-coverage.txt
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# Exit status 1 means findings: expected here.
status=0
$LINT content/*/ >"$out" 2>&1 || status=$?
if [ "$status" -gt 1 ]; then
	echo "lint.sh: $LINT failed with status $status" >&2
	exit 1
fi
if cat "$expected" "$coverage" | grep -v '^#' | diff -u - "$out"; then
	echo "lint.sh: $(wc -l <"$out") findings, as expected"
else
	echo "lint.sh: findings differ from $expected (- expected, + found)" >&2
	exit 1
fi
