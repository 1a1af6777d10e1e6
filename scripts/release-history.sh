#!/bin/sh
# scripts/release-history.sh: the history check before a release (make
# release runs it).  Against BASE, the previous release's git tag, each
# service's newest revision must name the clauses that changed; what it
# does not name is said as a warning (STRICT=--strict: an error, and the
# release stops).  With no BASE (no tag yet) there is nothing to check
# against: every clause is new, and it says so.  A service added since
# BASE is new, not a git error.
#
#   sh scripts/release-history.sh WPGEN TEMPLATES BASE STRICT SERVICE-DIR...
#
# Exit status: 0 when the release may go on, 1 when it may not.
set -u
[ $# -ge 4 ] || { echo "usage: release-history.sh WPGEN TEMPLATES BASE STRICT SERVICE-DIR..." >&2; exit 2; }
wpgen=$1 templates=$2 base=$3 strict=$4
shift 4
if [ -z "$base" ]; then
	echo "release: no release tag yet: every clause is new, no history to check"
	exit 0
fi
echo "release: the revision history against $base"
rc=0
for d in "$@"; do
	# shellcheck disable=SC2086
	"$wpgen" diff --templates "$templates" --no-color --check-history \
	    $strict --rev "$base" "$d" >/dev/null
	[ $? -le 1 ] || rc=1
done
exit $rc
