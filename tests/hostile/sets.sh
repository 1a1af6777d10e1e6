#!/bin/sh
# A service's outputs are one build's set, whatever happens to the build:
# SIGKILL and SIGTERM at random moments, two builds into one folder at
# once, a full disk.  After each, the folder must hold exactly the files
# of one complete build (the old or the new), and no temporary may be
# left once a build has since succeeded (after SIGTERM: at once).
#
#   sh tests/hostile/sets.sh            from the top of the tree
#   ROUNDS=50 sh tests/hostile/sets.sh  more of each
set -u
WPGEN=${WPGEN:-build/wpgen}
ROUNDS=${ROUNDS:-12}
. "$(dirname "$0")/../tally.sh"
FILES="document.xml whitepaper.txt whitepaper.html whitepaper.pdf index-entry.xml"

# Two versions of a real service: the second with a sentence added.
mkdir -p "$tmp/v1/secure-mx" "$tmp/v2/secure-mx"
cp content/secure-mx/*.xml "$tmp/v1/secure-mx/"
cp content/secure-mx/*.xml "$tmp/v2/secure-mx/"
sed -i '0,/<\/p>/s//追加の一文です。<\/p>/' "$tmp/v2/secure-mx/service.xml"

build() {	# version outdir [options]
	v=$1 o=$2
	shift 2
	"$WPGEN" build --templates templates "$@" -o "$o" "$tmp/$v/secure-mx"
}

# The same in the background, $! being wpgen itself (not a subshell that
# a signal would kill while wpgen went on).
start() {	# version outdir [options]
	v=$1 o=$2
	shift 2
	exec "$WPGEN" build --templates templates "$@" -o "$o" \
	    "$tmp/$v/secure-mx" 2>/dev/null
}

# The fingerprint of a folder's set: every output's checksum, in order.
set_of() {	# dir
	(cd "$1" 2>/dev/null && sha256sum $FILES 2>/dev/null) | tr -d '\n'
}

build v1 "$tmp/ref1" 2>"$tmp/err" && build v2 "$tmp/ref2" 2>>"$tmp/err" ||
    { bad "the reference builds failed: $(cat "$tmp/err")"; exit 1; }
s1=$(set_of "$tmp/ref1")
s2=$(set_of "$tmp/ref2")
[ "$s1" != "$s2" ] || bad "the two versions build the same outputs"

# The same built as make builds them: each in OUTDIR/<id>/, its page
# linked to the index.
build v1 "$tmp/refj1" --no-index 2>>"$tmp/err" &&
    build v2 "$tmp/refj2" --no-index 2>>"$tmp/err" ||
    { bad "the reference builds failed: $(cat "$tmp/err")"; exit 1; }
j1=$(set_of "$tmp/refj1/secure-mx")
j2=$(set_of "$tmp/refj2/secure-mx")

# The folder holds one version's complete set.
whole() {	# what dir
	s=$(set_of "$2")
	if [ "$s" = "$s1" ] || [ "$s" = "$s2" ] || [ "$s" = "$j1" ] ||
	    [ "$s" = "$j2" ]; then ok; else
		bad "$1: $2 holds a mixed or partial set:"
		for f in $FILES; do
			printf '	%s:' "$f"
			for r in "$2" "$tmp/ref1" "$tmp/ref2" \
			    "$tmp/refj1/secure-mx" "$tmp/refj2/secure-mx"; do
				printf ' %.8s' "$(sha256sum <"$r/$f" 2>&1)"
			done
			echo
		done
		return 1
	fi
}

# No temporary beside or in the folder (of process pid only, if given:
# those of a process killed before are for the next build to sweep).
tidy() {	# what dir [pid]
	left=$(find "$(dirname "$2")" -name ".*.wpgen-${3:-}*")
	if [ -z "$left" ]; then ok; else bad "$1: temporaries left: $left"; fi
}

# A build killed at a random moment of its ~0.3 s.
out=$tmp/kill/secure-mx
build v1 "$out" 2>/dev/null
i=0
while [ $i -lt "$ROUNDS" ]; do
	i=$((i + 1))
	v=v$((i % 2 + 1))
	sig=KILL
	[ $((i % 3)) -eq 0 ] && sig=TERM
	(start $v "$out") &
	pid=$!
	sleep "0.$(awk -v s="$i" 'BEGIN { srand(s); printf "%03d", rand() * 400 }')"
	kill -s $sig $pid 2>/dev/null
	wait $pid 2>/dev/null
	whole "SIG$sig in round $i" "$out"
	[ $sig = TERM ] && tidy "after SIGTERM in round $i" "$out" "$pid-"
done
build v1 "$out" 2>/dev/null
tidy "a build after the killed ones" "$out"

# Several services with worker processes, the parent killed: the workers
# stop too, each service's folder whole.
outj=$tmp/jobs
mkdir -p "$tmp/v2b"
cp -r "$tmp/v2/secure-mx" "$tmp/v2b/"
i=0
while [ $i -lt "$((ROUNDS / 3 + 1))" ]; do
	i=$((i + 1))
	(exec "$WPGEN" build --templates templates -j 2 --no-index \
	    -o "$outj" "$tmp/v$((i % 2 + 1))/secure-mx" \
	    content/private-access 2>/dev/null) &
	pid=$!
	sleep "0.$(awk -v s="$i" 'BEGIN { srand(s + 7); printf "%03d", rand() * 500 }')"
	kill -s KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	sleep 0.5	# the workers' SIGTERM, from the kernel
	[ -d "$outj/secure-mx" ] && whole "workers, round $i" "$outj/secure-mx"
	left=$(find "$tmp" -path "$outj*" -name '.*.wpgen-*')
	if [ -z "$left" ]; then ok; else
		bad "workers, round $i: temporaries left: $left"; fi
done

# Several services as a line in one process (-j 1: one read, one
# typeset, others' PDFs drawn and written, at once), SIGTERM at random
# moments: each service's folder whole, no temporary left.
outl=$tmp/line
i=0
while [ $i -lt "$((ROUNDS / 3 + 1))" ]; do
	i=$((i + 1))
	(exec "$WPGEN" build --templates templates -j 1 --no-index \
	    -o "$outl" "$tmp/v$((i % 2 + 1))/secure-mx" \
	    content/private-access content/renrakucho 2>/dev/null) &
	pid=$!
	sleep "0.$(awk -v s="$i" 'BEGIN { srand(s + 11); printf "%03d", rand() * 700 }')"
	kill -s TERM $pid 2>/dev/null
	wait $pid 2>/dev/null
	[ -d "$outl/secure-mx" ] && whole "line, round $i" "$outl/secure-mx"
	for s in private-access renrakucho; do
		[ ! -d "$outl/$s" ] || [ "$(ls "$outl/$s" | wc -l)" = 6 ] ||
		    bad "line, round $i: $s holds $(ls "$outl/$s" | tr '\n' ' ')"
	done
	left=$(find "$tmp" -path "$outl*" -name '.*.wpgen-*')
	if [ -z "$left" ]; then ok; else
		bad "line, round $i: temporaries left: $left"; fi
done

# Two builds into one folder at once.
out=$tmp/two/secure-mx
i=0
while [ $i -lt "$ROUNDS" ]; do
	i=$((i + 1))
	(start v1 "$out") &
	a=$!
	(start v2 "$out") &
	b=$!
	wait $a; ra=$?
	wait $b; rb=$?
	if [ $ra -eq 0 ] && [ $rb -eq 0 ]; then ok; else
		bad "two builds at once, round $i: exit $ra and $rb"; fi
	whole "two builds at once, round $i" "$out"
	tidy "two builds at once, round $i" "$out"
done

# A full disk: a small tmpfs, filled but for a little.  (Needs root to
# mount; skipped, and said, without it.)
disk=$tmp/disk
mkdir -p "$disk"
if mount -t tmpfs -o size=2m tmpfs "$disk" 2>/dev/null; then
	out=$disk/out/secure-mx
	build v1 "$out" 2>/dev/null
	whole "the first build on the small disk" "$out"
	free=$(df -k --output=avail "$disk" | tail -1)
	head -c $(((free - 150) * 1024)) /dev/zero >"$disk/filler" 2>/dev/null
	if build v2 "$out" 2>"$tmp/err"; then
		bad "a build on a full disk succeeded"
	elif grep -q 'No space left on device' "$tmp/err"; then ok; else
		bad "a full disk was not said: $(cat "$tmp/err")"; fi
	whole "after the full disk" "$out"
	tidy "after the full disk" "$out"
	rm -f "$disk/filler"
	build v2 "$out" 2>/dev/null
	whole "the build after room was made" "$out"
	[ "$(set_of "$out")" = "$s2" ] && ok ||
	    bad "the build after room was made did not write the new set"
	umount "$disk"
else
	echo "sets: the full-disk check needs root (mount -t tmpfs): skipped"
fi

echo "sets: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
