#!/bin/sh
# A build of several services in one process runs them as a line: one
# service read, one typeset and others drawn and written, all at once
# (src/cli/jobs.c, src/publish/service.c).  Its outputs are each
# service's as built alone, whatever the order, the number of processes
# or --timings (which builds one at a time); a broken service among them
# fails alone, first, in the middle or last, and the others are built;
# a warning made an error (--werror) fails only the service it is about,
# and its message names only that service's file.
#   sh tests/several.sh
set -u
export LC_ALL=C.UTF-8
WPGEN=${WPGEN:-build/wpgen}
. "$(dirname "$0")/tally.sh"
FILES="document.xml whitepaper.txt whitepaper.html whitepaper.pdf index-entry.xml inputs.sha256"
S="secure-mx private-access renrakucho"

build() {	# outdir [options] service-dir...
	o=$1
	shift
	"$WPGEN" build --templates templates --no-index -o "$o" "$@"
}

# A service's outputs, as checksums; "none" when it has no folder.
set_of() {	# dir
	if [ -d "$1" ]; then (cd "$1" && sha256sum $FILES 2>&1); else
		echo none; fi
}

# Each service alone: the reference.
for s in $S; do
	build "$tmp/alone" "content/$s" 2>>"$tmp/err" ||
	    bad "$s alone does not build: $(cat "$tmp/err")"
done

same() {	# what outdir service...
	what=$1 o=$2
	shift 2
	for s in "$@"; do
		if [ "$(set_of "$o/$s")" = "$(set_of "$tmp/alone/$s")" ]; then
			ok; else bad "$what: $s differs from its build alone"; fi
	done
}

# The line, in two orders; worker processes; one at a time.
build "$tmp/line" -j 1 content/secure-mx content/private-access \
    content/renrakucho 2>"$tmp/err" || bad "-j 1: $(cat "$tmp/err")"
same "-j 1" "$tmp/line" $S
build "$tmp/back" -j 1 content/renrakucho content/private-access \
    content/secure-mx 2>"$tmp/err" || bad "-j 1, reversed: $(cat "$tmp/err")"
same "-j 1, reversed" "$tmp/back" $S
build "$tmp/procs" -j 2 content/secure-mx content/private-access \
    content/renrakucho 2>"$tmp/err" || bad "-j 2: $(cat "$tmp/err")"
same "-j 2" "$tmp/procs" $S
build "$tmp/timed" -j 1 --timings content/secure-mx content/private-access \
    content/renrakucho 2>"$tmp/err" || bad "--timings: $(cat "$tmp/err")"
same "--timings" "$tmp/timed" $S
if [ "$(grep -c '^timings .* pdf=[0-9.]* .* total=' "$tmp/err")" = 3 ]; then
	ok; else bad "--timings: not a line per service: $(cat "$tmp/err")"; fi

# A broken service (an element left open), first, in the middle, last.
mkdir -p "$tmp/broken"
cp -r content/private-access "$tmp/broken/"
sed -i '0,/<\/p>/s///' "$tmp/broken/private-access/service.xml"
n=0
for order in "B secure-mx renrakucho" "secure-mx B renrakucho" \
    "secure-mx renrakucho B"; do
	n=$((n + 1))
	dirs= at=0 k=0
	for s in $order; do
		k=$((k + 1))
		if [ "$s" = B ]; then
			dirs="$dirs $tmp/broken/private-access" at=$k
		else
			dirs="$dirs content/$s"
		fi
	done
	# shellcheck disable=SC2086
	build "$tmp/b$n" -j 1 -v $dirs 2>"$tmp/err"
	rc=$?
	if [ $rc = 1 ] && grep -q "^\[$at/3\] private-access: failed" "$tmp/err" &&
	    grep -q "^$tmp/broken/private-access/service.xml:[0-9]*: error:" \
	    "$tmp/err" && [ "$(set_of "$tmp/b$n/private-access")" = none ]
	then ok; else
		bad "broken service at $at: exit $rc, $(cat "$tmp/err")"; fi
	if grep "error" "$tmp/err" | grep -v "^$tmp/broken/" | grep -q .; then
		bad "broken service at $at: errors said of others: $(cat "$tmp/err")"
	else ok; fi
	same "broken service at $at" "$tmp/b$n" secure-mx renrakucho
done

# A warning in typesetting (a word with no place to break), made an
# error: that service fails, and only it.
cp -r content/renrakucho "$tmp/broken/"
sed -i '0,/<p>/s//<p>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/' \
    "$tmp/broken/renrakucho/service.xml"
build "$tmp/w" -j 1 -v --werror content/secure-mx \
    "$tmp/broken/renrakucho" content/private-access 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && grep -q "^\[2/3\] renrakucho: failed" "$tmp/err" &&
    grep -q "^$tmp/broken/renrakucho/service.xml:[0-9]*: error: \"AAAA.*no place to break" \
    "$tmp/err" && [ "$(set_of "$tmp/w/renrakucho")" = none ]; then ok; else
	bad "--werror: exit $rc, $(cat "$tmp/err")"; fi
same "--werror" "$tmp/w" secure-mx private-access
# without --werror it is a warning, and the service is built
build "$tmp/w2" -j 1 content/secure-mx "$tmp/broken/renrakucho" \
    content/private-access 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && grep -q "renrakucho/service.xml:[0-9]*: warning:" \
    "$tmp/err" && [ -f "$tmp/w2/renrakucho/whitepaper.pdf" ]; then ok; else
	bad "a warning: exit $rc, $(cat "$tmp/err")"; fi

tally several
