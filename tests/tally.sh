# Sourced by the end-to-end test scripts (pdf.sh, incremental.sh,
# release.sh, redline.sh, watch.sh): a scratch folder $tmp, removed on
# exit, and the tally of checks, each ending in ok or bad; `tally NAME`
# prints it last and is the script's exit status.
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
tally() { echo "$1: $pass passed, $fail failed"; [ $fail -eq 0 ]; }

# A git repository at $1 holding content/secure-mx, committed and tagged
# v1.7; git's identity and dates fixed for this script and everything it
# commits after, no user or system configuration read.
repo_v17() {
	export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid \
	    GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid \
	    GIT_AUTHOR_DATE=2024-10-03T09:00:00Z \
	    GIT_COMMITTER_DATE=2024-10-03T09:00:00Z \
	    GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
	mkdir -p "$1/content" && cp -r content/secure-mx "$1/content/" &&
	    git -C "$1" init -q && git -C "$1" add -A &&
	    git -C "$1" commit -qm 1.7 && git -C "$1" tag v1.7
}
