#!/bin/sh
# What lets `make` rebuild little: index-entry.xml is rewritten only when
# the service's entry in the index changes (an edited clause leaves it
# alone, a new revision does not), `wpgen index` makes the same page from
# those entries as from the service folders, `wpgen build --no-index`
# puts each service in its own folder and writes no index, `wpgen build
# --changed` builds a service only when what it is made from changed, and
# make, in a copy of this tree, rebuilds what an edit, a new service, a
# removed one, a deleted output or a failed build needs, and nothing when
# nothing changed.
#   sh tests/incremental.sh
set -u
export LC_ALL=C.UTF-8
WPGEN=${WPGEN:-build/wpgen}
. "$(dirname "$0")/tally.sh"

build() {
	"$WPGEN" build --templates templates -o "$tmp/out" "$tmp/svc" \
	    2>"$tmp/err" || { cat "$tmp/err"; return 1; }
}

cp -r content/secure-mx "$tmp/svc"
sed -i 's/<service id="secure-mx"/<service id="svc"/' "$tmp/svc/service.xml"
build || bad "the copy of secure-mx does not build"
touch -d '2001-01-01' "$tmp/out/index-entry.xml" "$tmp/out/document.xml"

# a clause edited: the model changes, the entry keeps its bytes and time
sed -i '0,/<p>/s:<p>:<p>一文を足します。:' "$tmp/svc/service.xml"
build
if [ "$tmp/out/document.xml" -nt "$tmp/out/index-entry.xml" ] &&
    [ "$(stat -c %Y "$tmp/out/index-entry.xml")" = \
    "$(date -d '2001-01-01' +%s)" ]; then ok; else
	bad "an edited clause rewrote index-entry.xml"; fi

# a new revision: version and date change, and the entry with them
sed -i 's:</revisions>:<revision version="9.9" date="2030-01-01"><change>試験</change></revision></revisions>:' \
    "$tmp/svc/revisions.xml"
if build && grep -q '<version>9.9</version>' "$tmp/out/index-entry.xml" &&
    [ "$(stat -c %Y "$tmp/out/index-entry.xml")" != \
    "$(date -d '2001-01-01' +%s)" ]; then ok; else
	bad "a new revision left index-entry.xml as it was"; fi

# the index page: the same from the built entries as from the folders
mkdir -p "$tmp/all"
for s in content/*/; do
	id=$(basename "$s")
	"$WPGEN" build --templates templates -o "$tmp/all/$id" "$s" 2>/dev/null
done
"$WPGEN" index --templates templates -o "$tmp/from-content.html" content/*/ &&
"$WPGEN" index --templates templates -o "$tmp/from-entries.html" \
    "$tmp"/all/*/index-entry.xml
if cmp -s "$tmp/from-content.html" "$tmp/from-entries.html"; then ok; else
	bad "wpgen index: entries and folders give different pages"; fi

# anything else is refused, by name
"$WPGEN" index --templates templates -o "$tmp/x.html" \
    content/secure-mx/revisions.xml 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && grep -q 'revisions.xml: error: neither a service folder nor an index-entry.xml' "$tmp/err" &&
    [ ! -e "$tmp/x.html" ]; then ok; else
	bad "wpgen index of a file that is no entry: exit $rc"; cat "$tmp/err"; fi

# --no-index: each service in OUTDIR/<id>/, even one alone, and no index
"$WPGEN" build --templates templates --no-index -o "$tmp/ni1" "$tmp/svc" \
    2>"$tmp/err" &&
"$WPGEN" build --templates templates --no-index -o "$tmp/ni2" "$tmp/svc" \
    content/renrakucho 2>>"$tmp/err"
if [ -f "$tmp/ni1/svc/whitepaper.pdf" ] && [ ! -e "$tmp/ni1/index.html" ] &&
    [ -f "$tmp/ni2/renrakucho/index-entry.xml" ] && [ ! -e "$tmp/ni2/index.html" ] &&
    grep -q 'href="../index.html"' "$tmp/ni1/svc/whitepaper.html"
then ok; else bad "wpgen build --no-index"; cat "$tmp/err"; fi

# --changed: a service is built when what it is made from changed (its
# content's bytes, a template's, SOURCE_DATE_EPOCH), not when a file is
# only touched; the index page keeps its time when its bytes are the same
changed() {
	"$WPGEN" build --templates "$tmp/tpl" --changed -v -o "$tmp/ch" \
	    "$tmp/svc" 2>"$tmp/err"
}
cp -r templates "$tmp/tpl"
mkdir -p "$tmp/fonts" && cp -r fonts/* "$tmp/fonts/" 2>/dev/null
changed && [ -f "$tmp/ch/svc/inputs.sha256" ] && [ -f "$tmp/ch/index.html" ] ||
	bad "wpgen build --changed: the first build"
touch -d '2001-01-01' "$tmp/ch/svc/whitepaper.pdf" "$tmp/ch/index.html"
same() { [ "$(stat -c %Y "$1")" = "$(date -d '2001-01-01' +%s)" ]; }
touch "$tmp/svc/service.xml" "$tmp/tpl/style/pdf.xml"
changed
if grep -q '^svc: up to date' "$tmp/err" && same "$tmp/ch/svc/whitepaper.pdf" &&
    same "$tmp/ch/index.html"; then ok; else
	bad "wpgen build --changed after a touch rebuilt"; cat "$tmp/err"; fi
# an editor's backup and swap file beside the content are not content
cp "$tmp/svc/service.xml" "$tmp/svc/service.xml~"
echo swap >"$tmp/svc/.service.xml.swp"
changed
if grep -q '^svc: up to date' "$tmp/err" && same "$tmp/ch/svc/whitepaper.pdf"
then ok; else
	bad "wpgen build --changed after an editor's backup rebuilt"; cat "$tmp/err"; fi
rm "$tmp/svc/service.xml~" "$tmp/svc/.service.xml.swp"
for edit in "sed -i s/、/，/ $tmp/tpl/iso27017/boilerplate.xml" \
    "export SOURCE_DATE_EPOCH=1700000000" \
    "sed -i '0,/<p>/s:<p>:<p>一文。:' $tmp/svc/service.xml" \
    "rm $tmp/ch/svc/whitepaper.txt"; do
	touch -d '2001-01-01' "$tmp/ch/svc/whitepaper.pdf"
	eval "$edit"
	changed
	if ! grep -q 'up to date' "$tmp/err" && ! same "$tmp/ch/svc/whitepaper.pdf"
	then ok; else bad "wpgen build --changed after $edit: not rebuilt"; fi
done
unset SOURCE_DATE_EPOCH

# make itself, in a copy of this tree (wpgen and the outputs as built):
# an edited clause rebuilds that service alone and leaves the index; a
# service added or removed changes the index; a deleted output is made
# again; a broken service fails make and is built again by the next
if [ -x build/wpgen ] && [ -f build/index.html ]; then
	r=$tmp/repo
	mkdir -p "$r"
	cp -a Makefile mk scripts src templates fonts content tests "$r/"
	cp -a build "$r/build"
	stamp() { sleep 1; touch "$tmp/stamp"; }
	newer() { find "$r/build" -maxdepth 2 -name "$1" -newer "$tmp/stamp" |
	    sed "s:$r/build/::" | sort | tr '\n' ' '; }
	# the copy's wpgen is another file: its first make rebuilds all
	make -s -C "$r" services >/dev/null 2>&1
	stamp
	sed -i '0,/<p>/s:<p>:<p>一文を足します。:' "$r/content/renrakucho/service.xml"
	make -s -C "$r" services >/dev/null 2>&1
	got="$(newer whitepaper.pdf)|$(newer index.html)"
	if [ "$got" = "renrakucho/whitepaper.pdf |" ]; then ok; else
		bad "make after an edited clause rewrote: $got"; fi
	stamp
	cp -r "$r/content/secure-mx" "$r/content/zz-added"
	sed -i 's/<service id="secure-mx"/<service id="zz-added"/' \
	    "$r/content/zz-added/service.xml"
	make -s -C "$r" services >/dev/null 2>&1
	if grep -q 'zz-added/whitepaper.pdf' "$r/build/index.html"; then ok
	else bad "make after a service was added: not in the index"; fi
	stamp
	rm -rf "$r/content/zz-added"
	make -s -C "$r" services >/dev/null 2>&1
	if ! grep -q 'zz-added' "$r/build/index.html"; then ok
	else bad "make after a service was removed: still in the index"; fi
	# an output deleted by hand is made again, its service alone
	stamp
	rm "$r/build/secure-mx/whitepaper.pdf" \
	    "$r/build/private-access/index-entry.xml"
	make -s -C "$r" services >/dev/null 2>&1
	got="$(newer whitepaper.pdf)|$(newer index-entry.xml)"
	if [ "$got" = "private-access/whitepaper.pdf secure-mx/whitepaper.pdf |private-access/index-entry.xml " ]
	then ok; else bad "make after outputs were deleted rewrote: $got"; fi
	# a service whose content has errors fails make, and the next make
	# builds it again, alone; the others built with it stay built
	cp "$r/content/renrakucho/service.xml" "$tmp/renrakucho.xml"
	stamp
	sed -i '0,/<p>/s:<p>:<p><bogus/>:' "$r/content/renrakucho/service.xml"
	sed -i '0,/<p>/s:<p>:<p>一文。:' "$r/content/secure-mx/service.xml"
	make -s -C "$r" services >/dev/null 2>&1
	rc=$?
	got="$(newer whitepaper.pdf)"
	if [ $rc -ne 0 ] && [ "$got" = "secure-mx/whitepaper.pdf " ]
	then ok; else bad "make with a broken service: exit $rc, $got"; fi
	stamp
	make -s -C "$r" services >"$tmp/make.log" 2>&1
	rc=$?
	if [ $rc -ne 0 ] && [ -z "$(newer document.xml)" ] &&
	    grep -q 'renrakucho/service.xml:[0-9]*: error:' "$tmp/make.log" &&
	    ! grep -q 'secure-mx' "$tmp/make.log"
	then ok; else
		bad "make again with the service still broken: exit $rc, rewrote $(newer document.xml)"
		cat "$tmp/make.log"; fi
	# mended as it was: its outputs are those of that content already
	cp "$tmp/renrakucho.xml" "$r/content/renrakucho/service.xml"
	stamp
	make -s -C "$r" services >/dev/null 2>&1
	rc=$?
	if [ $rc -eq 0 ] && [ -z "$(newer whitepaper.pdf)" ]; then ok; else
		bad "make after the broken service was put back: exit $rc, rewrote $(newer whitepaper.pdf)"; fi
	# nothing out of date: make rewrites nothing
	stamp
	make -s -C "$r" all >/dev/null 2>&1
	got="$(find "$r/build" -newer "$tmp/stamp" -type f | sed "s:$r/build/::")"
	if [ -z "$got" ]; then ok; else
		bad "make with nothing to do rewrote: $got"; fi
	# another PREFIX compiles nothing again: the templates are found
	# beside the program, wherever it is installed
	if make -q -C "$r" build/wpgen PREFIX=/opt/elsewhere; then ok; else
		bad "make with another PREFIX would rebuild wpgen"; fi
fi

tally incremental
