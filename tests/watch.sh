#!/bin/sh
# wpgen watch, end to end: a copy of a service and of the templates,
# watched; after each edit (a clause, the content broken, mended, saved
# by rename as vim saves, a template, a template broken and mended, the
# style) the outputs and the messages are checked, and the outputs
# compared byte for byte with a cold `wpgen build --changed` of the same
# content.  Then Ctrl-C (SIGINT), and SIGTERM in the middle of a build:
# exit 0, no temporary left.  Nothing depends on timing: each step waits
# for what it expects, for up to two minutes.
#   sh tests/watch.sh
set -u
export LC_ALL=C.UTF-8
WPGEN=${WPGEN:-build/wpgen}
. "$(dirname "$0")/tally.sh"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

FILES="document.xml whitepaper.txt whitepaper.html whitepaper.pdf
index-entry.xml inputs.sha256"

cp -r content/secure-mx "$tmp/svc"
sed -i 's/<service id="secure-mx"/<service id="svc"/' "$tmp/svc/service.xml"
cp -r templates "$tmp/tpl"
# the fonts copied, not linked: a step replaces a subset
mkdir -p "$tmp/fonts/subset"
cp fonts/fonts.conf "$tmp/fonts/"
cp fonts/subset/*.ttf "$tmp/fonts/subset/"
log=$tmp/log

# Waits until a shell condition holds; 1 after two minutes.
await() {
	waited=0
	until eval "$1"; do
		waited=$((waited + 1))
		[ $waited -ge 1200 ] && return 1
		sleep 0.1
	done
}
count() { grep -c "$1" "$log"; }
built() { count 'svc: [0-9]* pages, [0-9]* ms$'; }

# The outputs are those a cold build of the same content writes.
same_as_cold() {
	rm -rf "$tmp/cold"
	"$WPGEN" build --templates "$tmp/tpl" --changed -o "$tmp/cold" \
	    "$tmp/svc" 2>"$tmp/cold.err" || { cat "$tmp/cold.err"; return 1; }
	for f in $FILES; do
		cmp -s "$tmp/out/svc/$f" "$tmp/cold/svc/$f" ||
		    { echo "$f differs from a cold build's"; return 1; }
	done
}
snapshot() { rm -rf "$tmp/snap"; cp -a "$tmp/out/svc" "$tmp/snap"; }
unchanged() {
	for f in $FILES; do
		cmp -s "$tmp/out/svc/$f" "$tmp/snap/$f" || return 1
	done
}
no_temporaries() { [ -z "$(find "$tmp" -name '.*.wpgen-*')" ]; }

"$WPGEN" watch 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q 'wpgen watch: give a service folder' "$tmp/err"
then ok; else bad "wpgen watch with no folder"; fi
"$WPGEN" watch --templates "$tmp/tpl" -o "$tmp/out" "$tmp/nowhere" \
    2>"$tmp/err"
if [ $? -eq 1 ] && grep -q "nowhere: error:" "$tmp/err"; then ok; else
	bad "wpgen watch of a folder that is not there"; cat "$tmp/err"; fi

"$WPGEN" watch --templates "$tmp/tpl" -o "$tmp/out" "$tmp/svc" 2>"$log" &
pid=$!

# the first build, then watching
if await 'grep -q "watching 1 service" "$log"' && [ "$(built)" = 1 ] &&
    same_as_cold; then ok; else bad "wpgen watch: the first build"; cat "$log"; fi

# a clause edited (sed -i writes a new file and renames it over)
folder=$(stat -c %i "$tmp/out/svc")
pdf=$(stat -c %i "$tmp/out/svc/whitepaper.pdf")
sed -i '0,/<p>/s:<p>:<p>一文を足します。:' "$tmp/svc/service.xml"
if await '[ "$(built)" = 2 ]' &&
    grep -q '一文を足します。' "$tmp/out/svc/whitepaper.txt" && same_as_cold
then ok; else bad "wpgen watch: an edited clause"; cat "$log"; fi
# the new PDF renamed into the folder, which stays: what a viewer that
# watches the file (GIO, evince) sees at once
if [ "$(stat -c %i "$tmp/out/svc")" = "$folder" ] &&
    [ "$(stat -c %i "$tmp/out/svc/whitepaper.pdf")" != "$pdf" ]; then ok
else bad "wpgen watch: the folder was replaced, not the files in it"; fi

# broken: the error at its line, the last good outputs kept
snapshot
sed -i '0,/<p>/s:<p>:<p><bogus/>:' "$tmp/svc/service.xml"
if await '[ "$(count "svc: not built")" = 1 ]' &&
    grep -q "svc/service.xml:[0-9]*: error:" "$log" && unchanged; then ok
else bad "wpgen watch: broken content"; cat "$log"; fi

# mended, written in place (the file truncated and written again)
sed 's:<bogus/>::; 0,/<p>/s:<p>:<p>直しました。:' "$tmp/svc/service.xml" \
    >"$tmp/mended.xml"
cat "$tmp/mended.xml" >"$tmp/svc/service.xml"
if await '[ "$(built)" = 3 ]' &&
    grep -q '直しました。' "$tmp/out/svc/whitepaper.txt" && same_as_cold
then ok; else bad "wpgen watch: mended content"; cat "$log"; fi

# saved as vim saves: the old file renamed away, a new one written
mv "$tmp/svc/service.xml" "$tmp/svc/service.xml~"
sed '0,/<p>/s:<p>:<p>改名で保存。:' "$tmp/svc/service.xml~" \
    >"$tmp/svc/service.xml"
rm "$tmp/svc/service.xml~"
if await 'grep -q "改名で保存。" "$tmp/out/svc/whitepaper.txt"' &&
    await '[ -f "$tmp/out/svc/inputs.sha256" ]' && same_as_cold
then ok; else bad "wpgen watch: a save by rename"; cat "$log"; fi

# a template: every service built again with it
n=$(built)
sed -i 's/、/，/' "$tmp/tpl/iso27017/boilerplate.xml"
if await '[ "$(built)" -gt "$n" ]' && same_as_cold; then ok; else
	bad "wpgen watch: an edited template"; cat "$log"; fi

# a broken template: reported, and the templates loaded before serve
cp "$tmp/tpl/iso27017/catalogue.xml" "$tmp/catalogue.xml"
echo '<broken' >>"$tmp/tpl/iso27017/catalogue.xml"
if await 'grep -q "templates: not loaded" "$log"' &&
    grep -q "tpl/iso27017/catalogue.xml:[0-9]*: error:" "$log"; then ok
else bad "wpgen watch: a broken template"; cat "$log"; fi
n=$(built)
sed -i '0,/<p>/s:<p>:<p>古い雛形で。:' "$tmp/svc/service.xml"
if await '[ "$(built)" -gt "$n" ]' &&
    grep -q '古い雛形で。' "$tmp/out/svc/whitepaper.txt"; then ok; else
	bad "wpgen watch: content edited under a broken template"; cat "$log"; fi
cp "$tmp/catalogue.xml" "$tmp/tpl/iso27017/catalogue.xml"
if await 'grep -q "templates: mended" "$log"' && same_as_cold; then ok
else bad "wpgen watch: the template mended"; cat "$log"; fi

# the style
n=$(built)
sed -i '0,/color="#[0-9a-fA-F]*"/s/color="#[0-9a-fA-F]*"/color="#123456"/' \
    "$tmp/tpl/style/pdf.xml"
if await '[ "$(built)" -gt "$n" ]' && same_as_cold; then ok; else
	bad "wpgen watch: an edited style"; cat "$log"; fi

# the clause headings a size larger, the measure as it was: each heading
# the watch has set is set again (a kept setting is keyed by its style),
# none taken from before
n=$(built)
sed -i 's/<text role="clause"\( *family="[^"]*" weight="700"\) size="11pt"/<text role="clause"\1 size="12pt"/' \
    "$tmp/tpl/style/pdf.xml"
if grep -q 'role="clause".*size="12pt"' "$tmp/tpl/style/pdf.xml" &&
    await '[ "$(built)" -gt "$n" ]' && same_as_cold; then ok; else
	bad "wpgen watch: the clause headings' size changed"; cat "$log"; fi

# a subset cut again while watching (make fonts renames the new file
# in): its tables in the PDF, as a cold build embeds them, not those of
# the file read before (the PDF is drawn in stand-ins made of a file's
# bytes, src/render/pdffont.c).  Here the new file differs in head's
# fontRevision, which cairo's subset copies.
n=$(built)
python3 - "$tmp/fonts/subset/wpgen-serif-regular.ttf" <<'EOF_PY'
import os, struct, sys
path = sys.argv[1]
font = bytearray(open(path, 'rb').read())
for i in range(struct.unpack('>H', font[4:6])[0]):
    tag, _, off, _ = struct.unpack('>4sIII', font[12 + 16 * i:28 + 16 * i])
    if tag == b'head':
        font[off + 4:off + 8] = struct.pack('>I', 0x00090001)
with open(path + '.new', 'wb') as f:
    f.write(font)
os.rename(path + '.new', path)
EOF_PY
if await '[ "$(built)" -gt "$n" ]' && same_as_cold; then ok; else
	bad "wpgen watch: a font subset replaced"; cat "$log"; fi

# Ctrl-C: exit 0, nothing left behind
kill -INT $pid
wait $pid
rc=$?
pid=
if [ $rc -eq 0 ] && no_temporaries; then ok; else
	bad "wpgen watch after SIGINT: exit $rc"
	find "$tmp" -name '.*.wpgen-*'; fi

# SIGTERM as soon as an edit is seen, in the middle of its build or
# before it: exit 0, no temporary, and a whole set in the folder
"$WPGEN" watch --templates "$tmp/tpl" -o "$tmp/out" "$tmp/svc" 2>"$log" &
pid=$!
await 'grep -q "watching 1 service" "$log"'
sed -i '0,/<p>/s:<p>:<p>止める。:' "$tmp/svc/service.xml"
sleep 0.05
kill -TERM $pid
wait $pid
rc=$?
pid=
whole=1
for f in $FILES; do [ -f "$tmp/out/svc/$f" ] || whole=0; done
if [ $rc -eq 0 ] && no_temporaries && [ $whole = 1 ]; then ok; else
	bad "wpgen watch after SIGTERM: exit $rc, whole set: $whole"
	find "$tmp" -name '.*.wpgen-*'; fi

tally watch
