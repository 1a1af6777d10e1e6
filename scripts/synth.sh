#!/bin/sh
# Makes N synthetic services for the benchmark from the real ones under
# content/: service k is a copy of one of them with its own id, name and
# document number, and a sentence that varies, so no two are the same.
#   sh scripts/synth.sh N OUTDIR
set -eu
n=$1 out=$2
mkdir -p "$out"
set -- $(ls content)
count=$#
k=1
while [ "$k" -le "$n" ]; do
	i=$(( (k - 1) % count + 1 ))
	eval src=\${$i}
	id=$(printf 'synth-%04d' "$k")
	mkdir -p "$out/$id"
	sed -e "s/<service id=\"$src\"/<service id=\"$id\"/" \
	    -e "s:<name>\([^<]*\)</name>:<name>\1 $k</name>:" \
	    -e "s:<document-number>\([^<]*\)</document-number>:<document-number>\1-$k</document-number>:" \
	    -e "0,/<p>/s:<p>:<p>第$k版の試験文です。:" \
	    "content/$src/service.xml" >"$out/$id/service.xml"
	[ -f "content/$src/revisions.xml" ] &&
	    cp "content/$src/revisions.xml" "$out/$id/"
	k=$((k + 1))
done
echo "$out: $n services"
