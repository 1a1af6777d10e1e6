#!/bin/sh
# The benchmark behind `make bench`: prints a table and writes
# build/bench.json.  Times are wall-clock medians of RUNS runs (default
# 5), wpgen and the reference floor (bench/floor.c, the same text laid
# out by a minimal Pango/Cairo program) alternating, so that both see the
# same machine.  Peak memory is the maximum resident set (GNU time).
#   sh scripts/bench.sh            everything (about 8 minutes)
#   QUICK=1 sh scripts/bench.sh    no scaling beyond 100 services
#   WATCH=1 sh scripts/bench.sh    only the watch's latency (half a minute)
#   WPGEN=path sh scripts/bench.sh another wpgen binary (to compare two)
set -u
export LC_ALL=C
RUNS=${RUNS:-5}
W=${WPGEN:-build/wpgen}
T=$(mktemp -d)
# The incremental run edits a content file; it is put back whatever happens
# (and left alone when it is already back, so that the build stays current).
restore() {
	[ -n "${wpid:-}" ] && kill "$wpid" 2>/dev/null
	[ -f "$T/service.xml" ] &&
	    ! cmp -s "$T/service.xml" content/secure-mx/service.xml &&
	    cp "$T/service.xml" content/secure-mx/service.xml
	rm -rf "$T"
}
trap restore EXIT
trap 'exit 1' INT TERM HUP
JSON=build/bench.json
TIME=/usr/bin/time

[ -x "$W" ] || { echo "bench: build/wpgen missing (run make)" >&2; exit 2; }
[ -x "$TIME" ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
cc -O2 -o "$T/floor" bench/floor.c $(pkg-config --cflags --libs pangocairo) ||
    exit 2

# "seconds kilobytes cpu-seconds" of one run of a command: wall time, peak
# memory, and processor time (user and system, the command's processes
# together)
measure() {
	$TIME -f '%e %M %U %S' -o "$T/m" "$@" >/dev/null 2>"$T/err" ||
	    { echo "bench: failed: $*" >&2; cat "$T/err" >&2; exit 1; }
	awk '{ print $1, $2, $3 + $4 }' "$T/m"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# wpgen watch: a copy of secure-mx and of the templates watched by one
# process; 20 times a sentence of one clause (9.2.1, mid-document) is
# changed, then 20 times a template that every clause shows (the control
# label, in settings.xml), a few tenths of a second apart as a writer's
# saves would be.  Each save's text is new (a number in the sentence, the
# edit's own), as a writer's is: none finds its paragraph set by an
# earlier one.  Each figure is what the watch prints: the time from the
# save being seen to the new PDF in place.  Sets we, wem (content:
# median, max) and wt, wtm (template).
watch_latency() {
	mkdir -p "$T/watch"
	cp -r content/secure-mx "$T/watch/secure-mx"
	cp -r templates "$T/watch/templates"
	ln -s "$PWD/fonts" "$T/watch/fonts"
	"$W" watch --templates "$T/watch/templates" -o "$T/watch/out" \
	    "$T/watch/secure-mx" 2>"$T/wlog" &
	wpid=$!
	k=0
	while ! grep -q watching "$T/wlog" && [ $k -lt 600 ]; do
		sleep 0.1; k=$((k + 1)); done
	watch_edits 's/記載しております[0-9]*。/記載しております@N@。/' \
	    '/<answer control="9.2.1"/,/<\/answer>/' "$T/watch/secure-mx/service.xml" \
	    >"$T/wedit"
	watch_edits 's/ISO\/IEC27017項番[0-9]*：/ISO\/IEC27017項番@N@：/' '' \
	    "$T/watch/templates/iso27017/settings.xml" >"$T/wtpl.ms"
	kill -INT $wpid; wait $wpid
	wpid=
	we=$(median <"$T/wedit"); wem=$(sort -n "$T/wedit" | tail -1)
	wt=$(median <"$T/wtpl.ms"); wtm=$(sort -n "$T/wtpl.ms" | tail -1)
	echo
	echo "watch: a sentence changed in clause 9.2.1 of secure-mx, save to new PDF: ${we} ms median, ${wem} ms max (of $(wc -l <"$T/wedit"))"
	echo "watch: the control label every clause shows (settings.xml): ${wt} ms median, ${wtm} ms max (of $(wc -l <"$T/wtpl.ms"))"
}

# 20 edits of a file by the sed command, @N@ in it the edit's number
# (within the address range, if one is given), each waited for (up to a
# minute); prints the watch's figure for each.
watch_edits() {
	i=0
	while [ $i -lt 20 ]; do
		n=$(grep -c ' pages, [0-9]* ms$\|not built' "$T/wlog")
		i=$((i + 1))
		sed -i "$2$(echo "$1" | sed "s/@N@/$i/")" "$3"
		k=0
		while [ "$(grep -c ' pages, [0-9]* ms$\|not built' "$T/wlog")" \
		    -le "$n" ] && [ $k -lt 600 ]; do sleep 0.1; k=$((k + 1)); done
		sleep 0.2
	done
	grep ' pages, [0-9]* ms$' "$T/wlog" | tail -n 20 |
	    sed 's/.* pages, \([0-9]*\) ms$/\1/'
}

if [ "${WATCH:-0}" = 1 ]; then
	watch_latency
	exit 0
fi

# The floor's input: the service's own text, headings marked.
paras() {
	awk -F'\t' 'NF > 1 { gsub(/\t/, " / "); print "0 " $0; next }
	    /^[0-9]+\.[0-9]+ / { print "3 " $0; next }
	    /^[0-9]+\. / { print "2 " $0; next }
	    /^$/ { next } { print "0 " $0 }' "build/$1/whitepaper.txt"
}

services=$(ls content)
echo "{" >"$JSON"
printf '%-18s %6s %6s %8s %8s %6s %9s %6s  %s\n' service wall_s floor_s ratio \
    peak_MB mem_x pdf_KB pages "stages (share of wpgen's own time)"
echo '  "services": [' >>"$JSON"
first=1
for id in $services; do
	paras "$id" >"$T/$id.paras"
	: >"$T/w" ; : >"$T/f" ; : >"$T/wm" ; : >"$T/fm"
	i=0
	while [ $i -lt "$RUNS" ]; do
		set -- $(measure "$W" build -o "$T/out" "content/$id")
		echo "$1" >>"$T/w"; echo "$2" >>"$T/wm"
		set -- $(measure "$T/floor" "$T/$id.paras" "$T/floor.pdf")
		echo "$1" >>"$T/f"; echo "$2" >>"$T/fm"
		i=$((i + 1))
	done
	w=$(median <"$T/w"); f=$(median <"$T/f")
	wm=$(median <"$T/wm"); fm=$(median <"$T/fm")
	"$W" build --timings -o "$T/out" "content/$id" 2>"$T/timings"
	pages=$(pdfinfo "$T/out/whitepaper.pdf" | awk '/^Pages:/ { print $2 }')
	bytes=$(wc -c <"$T/out/whitepaper.pdf")
	stages=$(awk '{ for (i = 3; i <= NF; i++) { split($i, a, "=");
	    if (a[1] == "total") t = a[2]; else { n[i] = a[1]; v[i] = a[2] } }
	    for (i = 3; i < NF; i++) printf "%s %d%% ", n[i], 100 * v[i] / t }' \
	    "$T/timings")
	jstages=$(awk '{ sep = ""; for (i = 3; i <= NF; i++) { split($i, a, "=");
	    printf "%s\"%s\": %s", sep, a[1], a[2]; sep = ", " } }' "$T/timings")
	printf '%-18s %6.3f %6.3f %7.2fx %8.1f %5.2fx %9d %6d  %s\n' "$id" "$w" "$f" \
	    "$(echo "$w $f" | awk '{ print $1 / $2 }')" \
	    "$(echo "$wm" | awk '{ print $1 / 1024 }')" \
	    "$(echo "$wm $fm" | awk '{ print $1 / $2 }')" \
	    $((bytes / 1024)) "$pages" "$stages"
	[ $first = 1 ] || echo "    ," >>"$JSON"
	first=0
	printf '    {"id": "%s", "wall_s": %s, "floor_s": %s, "peak_kb": %s, "floor_peak_kb": %s, "pages": %s, "pdf_bytes": %s, "stages_s": {%s}}\n' \
	    "$id" "$w" "$f" "$wm" "$fm" "$pages" "$bytes" "$jstages" >>"$JSON"
done
echo '  ],' >>"$JSON"

# All services: one `wpgen build` as it is by default (a process a pair
# of cores, each building its services as a line, the fonts set up
# once), one with a worker process per core (-j nproc), and `make` and
# `make -j` a job per core (either names every service out of date to
# one wpgen call); the four alternating.
: >"$T/seq"; : >"$T/all"; : >"$T/mk"; : >"$T/mkj"
i=0
while [ $i -lt "$RUNS" ]; do
	rm -rf "$T/all-out"
	measure "$W" build -j "$(nproc)" -o "$T/all-out" $(printf 'content/%s ' $services) >>"$T/seq"
	rm -rf "$T/all-out"
	measure "$W" build -o "$T/all-out" $(printf 'content/%s ' $services) >>"$T/all"
	rm -f build/*/document.xml build/index.html
	measure make -s services >>"$T/mk"
	rm -f build/*/document.xml build/index.html
	measure make -s -j "$(nproc)" services >>"$T/mkj"
	i=$((i + 1))
done
seq=$(cut -d' ' -f1 "$T/seq" | median)
seqm=$(cut -d' ' -f2 "$T/seq" | median)
all=$(cut -d' ' -f1 "$T/all" | median)
allm=$(cut -d' ' -f2 "$T/all" | median)
mk=$(cut -d' ' -f1 "$T/mk" | median)
mkj=$(cut -d' ' -f1 "$T/mkj" | median)
n=$(echo $services | wc -w)
echo
jobs=$(( $(nproc) / 2 )); [ $jobs -ge 1 ] || jobs=1
echo "all $n services, one wpgen build (default, -j $jobs): ${all} s, peak $((allm / 1024)) MB per process"
echo "all $n services, a process per core (-j $(nproc)):  ${seq} s, peak $((seqm / 1024)) MB per process"
echo "all $n services, make (outputs removed first): ${mk} s; make -j $(nproc): ${mkj} s"
printf '  "all_process_per_core_s": %s, "all_process_per_core_peak_kb": %s,\n' "$seq" "$seqm" >>"$JSON"
printf '  "all_one_build_s": %s, "all_one_build_peak_kb": %s, "all_make_s": %s, "all_make_j_s": %s,\n' \
    "$all" "$allm" "$mk" "$mkj" >>"$JSON"

# Scaling: N synthetic services made from the real ones, each set built
# by one `wpgen build` (as many workers as cores).  The sizes alternate
# within each of five rounds, so that the machine's drift (its speed
# changes by a quarter over minutes) falls on all of them alike, and the
# median is kept.  A run of 1 or 10 services lasts under a second, where
# that drift is widest, so it runs five times a round; 100 services run
# once a round, 500 in the first, middle and last rounds.  Per document:
# wall time, and processor time (what the documents cost, whatever the
# scheduling).
echo
echo "scaling (one wpgen build of N services):"
printf '%8s %9s %12s %12s %10s\n' services wall_s wall_ms/doc cpu_ms/doc peak_MB
echo '  "scaling": [' >>"$JSON"
sizes="1 10 100 500"
[ "${QUICK:-0}" = 1 ] && sizes="1 10 100"
for n in $sizes; do
	sh scripts/synth.sh "$n" "$T/synth$n" >/dev/null
	: >"$T/sc$n"
done
for round in 1 2 3 4 5; do
	for n in $sizes; do
		[ "$n" -ge 500 ] && [ $((round % 2)) = 0 ] && continue
		runs=1
		[ "$n" -le 10 ] && runs=5
		while [ $runs -gt 0 ]; do
			rm -rf "$T/synth-out"
			measure "$W" build -o "$T/synth-out" "$T/synth$n"/*/ \
			    >>"$T/sc$n"
			runs=$((runs - 1))
		done
	done
done
first=1
: >"$T/perdoc"
for n in $sizes; do
	wall=$(cut -d' ' -f1 "$T/sc$n" | median)
	cpu=$(cut -d' ' -f3 "$T/sc$n" | median)
	peak=$(cut -d' ' -f2 "$T/sc$n" | median)
	printf '%8d %9.2f %12.1f %12.1f %10.1f\n' "$n" "$wall" \
	    "$(echo "$wall $n" | awk '{ print 1000 * $1 / $2 }')" \
	    "$(echo "$cpu $n" | awk '{ print 1000 * $1 / $2 }')" \
	    "$(echo "$peak" | awk '{ print $1 / 1024 }')"
	[ $first = 1 ] || echo "    ," >>"$JSON"
	first=0
	printf '    {"services": %s, "wall_s": %s, "cpu_s": %s, "peak_kb": %s}\n' \
	    "$n" "$wall" "$cpu" "$peak" >>"$JSON"
	[ "$n" -ge 10 ] && echo "$n $wall $cpu" >>"$T/perdoc"
done
rm -rf "$T"/synth*
# From 10 services up: the spread of the time per document, as the
# slowest against the fastest and as the farthest from their mean.
awk '{ w[NR] = 1000 * $2 / $1; c[NR] = 1000 * $3 / $1 }
    function spread(v, name,    i, lo, hi, mean, dev) {
	lo = hi = v[1]
	for (i = 1; i <= NR; i++) {
		if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i]; mean += v[i] / NR
	}
	dev = hi / mean - 1 > 1 - lo / mean ? hi / mean - 1 : 1 - lo / mean
	printf "per document from 10 services up, %s: %.1f to %.1f ms, the " \
	    "slowest %.0f%% above the fastest, all within %.0f%% of their " \
	    "mean (%.1f ms)\n", name, lo, hi, 100 * (hi / lo - 1), 100 * dev, mean
    }
    END { spread(w, "wall"); spread(c, "processor") }' "$T/perdoc"
echo '  ],' >>"$JSON"

# Incremental: one clause of one service edited (a sentence added, as a
# writer would), then make; RUNS times, the edit undone after each.  Which
# outputs make rewrote shows that only that service was rebuilt and the
# index was left alone (its entries did not change).
make -s all >/dev/null
svc=content/secure-mx/service.xml
cp "$svc" "$T/service.xml"
: >"$T/inc"
i=0
while [ $i -lt "$RUNS" ]; do
	sleep 1
	: >"$T/stamp"
	sed "0,/<p>/s:<p>:<p>追記$i。:" "$T/service.xml" >"$svc"
	set -- $(measure make -s all)
	echo "$1" >>"$T/inc"
	rebuilt=$(find build -maxdepth 2 \( -name whitepaper.pdf -o -name index.html \) \
	    -newer "$T/stamp" | sed 's:build/::; s:/whitepaper.pdf::' | sort | tr '\n' ' ')
	i=$((i + 1))
done
cp "$T/service.xml" "$svc"
make -s all >/dev/null
inc=$(median <"$T/inc")
echo
echo "incremental: a sentence added to content/secure-mx/service.xml; make: ${inc} s (median of $RUNS), rewrote: ${rebuilt}"
printf '  "incremental_s": %s, "incremental_rebuilt": "%s",\n' "$inc" "$rebuilt" >>"$JSON"
watch_latency
printf '  "watch_edit_ms": %s, "watch_edit_max_ms": %s, "watch_template_ms": %s, "watch_template_max_ms": %s\n}\n' \
    "$we" "$wem" "$wt" "$wtm" >>"$JSON"

echo "wrote $JSON"
