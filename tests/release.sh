#!/bin/sh
# The release, end to end.  The real content: two runs give the same
# bytes; each whitepaper has its PDF, HTML and cover at 1x and 2x under
# a versioned name; the manifest (read by python3's json) says how it
# was made, lists every file with its true size and SHA-256, and
# SHA256SUMS verifies with sha256sum -c; `make release` works in a tree
# with no tag.  Then a service in a git repository of its own, released
# into one folder again and again: a new version replaces the last
# (nothing of it left), a version re-released with changed content is
# refused naming the clause (exit 3) and leaves the folder as it was,
# `release --rev TAG` makes the tagged release again byte for byte, and
# trouble (git, the folder) is exit 4.
set -u
WPGEN=${WPGEN:-build/wpgen}
. "$(dirname "$0")/tally.sh"
top=$(pwd)

"$WPGEN" release --templates templates -o "$tmp/a" content/*/ 2>"$tmp/err" || { cat "$tmp/err"; bad "release failed"; }
"$WPGEN" release --templates templates -o "$tmp/b" content/*/ 2>"$tmp/err" || { cat "$tmp/err"; bad "second release failed"; }
if diff -r "$tmp/a" "$tmp/b" >/dev/null; then ok; else bad "two releases differ"; fi

n=$(ls content | wc -l)
for ext in '\.pdf' '\.html' '\.png' '@2x\.png'; do
	got=$(ls "$tmp/a" | grep -c "[0-9a-f]$ext\$")
	if [ "$got" -eq "$n" ]; then ok; else bad "$got $ext files for $n services"; fi
done

# the manifest, read as JSON: how it was made, every file as it is,
# no "" for a missing value, every name versioned
python3 - "$tmp/a" "$("$WPGEN" --version | head -1)" >"$tmp/py" 2>&1 <<'PY'
import hashlib, json, os, re, sys
d, version_line = sys.argv[1], sys.argv[2]
m = json.load(open(os.path.join(d, "manifest.json")))
bad = []
def need(cond, what):
    if not cond: bad.append(what)
need(m["manifest"] == 2, "format is not 2")
need(version_line.startswith("wpgen %s" % m["wpgen"]["version"]), "wpgen version")
c = m["wpgen"]["commit"]
need(c is None or c in version_line, "wpgen commit %s not in %s" % (c, version_line))
need(set(m["source"]) == {"commit", "date", "modified"}, "source fields")
need(m["model_schema"] == "3", "model_schema")
listed = {"manifest.json"}
for w in m["whitepapers"]:
    for k, v in w.items():
        need(v != "", "%s: %s is \"\"" % (w["service"], k))
    ver = w["version"]
    tag = ("_" + ver) if ver is not None else "_draft-"
    need(len(w["files"]) == 4, "%s: %d files" % (w["service"], len(w["files"])))
    need(len(w["parts"]) > 20, "%s: %d parts" % (w["service"], len(w["parts"])))
    for f in w["files"]:
        need(tag in f["name"], "%s carries no version" % f["name"])
        b = open(os.path.join(d, f["name"]), "rb").read()
        need(len(b) == f["bytes"], f["name"] + ": size")
        need(hashlib.sha256(b).hexdigest() == f["sha256"], f["name"] + ": sha256")
        listed.add(f["name"])
need(listed | {"SHA256SUMS"} == set(os.listdir(d)), "files not listed: %s" % (set(os.listdir(d)) - listed))
need(any(w["version"] is None and re.search(r"_draft-[0-9a-f]{12}\.pdf$", w["files"][0]["name"])
         for w in m["whitepapers"]), "the service without revisions is not a draft")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
if [ $? -eq 0 ]; then ok; else bad "manifest: $(cat "$tmp/py")"; fi
if (cd "$tmp/a" && sha256sum --quiet -c SHA256SUMS); then ok; else bad "sha256sum -c SHA256SUMS failed"; fi
[ "$(wc -l <"$tmp/a/SHA256SUMS")" -eq $((4 * n + 1)) ] && ok ||
    bad "SHA256SUMS has $(wc -l <"$tmp/a/SHA256SUMS") lines"

# the covers: PNGs of 595 x 842 and 1190 x 1684 pixels
size() { od -An -tu1 -j16 -N8 "$1" | awk '{ print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8 }'; }
[ "$(size "$tmp/a/IIJ-SMX193-0007_1.7.png")" = 595x842 ] && ok ||
    bad "cover is $(size "$tmp/a/IIJ-SMX193-0007_1.7.png")"
[ "$(size "$tmp/a/IIJ-SMX193-0007_1.7@2x.png")" = 1190x1684 ] && ok ||
    bad "2x cover is $(size "$tmp/a/IIJ-SMX193-0007_1.7@2x.png")"

# an error anywhere: nothing written
if "$WPGEN" release --templates templates -o "$tmp/c" content/secure-mx tests/regress/check/control-unknown 2>"$tmp/err"; then
	bad "release went on despite an error"
elif [ -e "$tmp/c" ]; then
	bad "a refused release wrote $tmp/c"
elif grep -q "release refused" "$tmp/err"; then ok; else
	bad "no 'release refused' message"; cat "$tmp/err"; fi

# make release in this tree, which has no tag: no history check, the
# same release (only the source commit may differ: make's is HEAD's)
if [ -z "$(git describe --tags --abbrev=0 2>/dev/null)" ]; then
	make -s release DIST="$tmp/mk" >"$tmp/out" 2>&1 || bad "make release with no tag: $(cat "$tmp/out")"
	if cmp -s "$tmp/mk/IIJ-SMX193-0007_1.7.pdf" "$tmp/a/IIJ-SMX193-0007_1.7.pdf"; then ok; else
		bad "make release wrote another PDF"; fi
fi

# ---- one service in a repository of its own -------------------------

r=$tmp/repo
repo_v17 "$r" || bad "cannot make a git repository"
svc=$r/content/secure-mx
rel() { "$WPGEN" release --templates "$top/templates" "$@" 2>"$tmp/err"; }

rel -o "$r/dist" "$svc" && ok || bad "first release: $(cat "$tmp/err")"
cp -r "$r/dist" "$tmp/v1.7"
commit=$(git -C "$r" rev-parse HEAD)
grep -q "\"source\": { \"commit\": \"$commit\", \"date\": \"2024-10-03T09:00:00Z\", \"modified\": false }" \
    "$r/dist/manifest.json" && ok || bad "source not recorded: $(grep source "$r/dist/manifest.json")"

# the same version, its content changed: refused, the clause named
sed -i 's/サービス運営を行います。/サービスの運営を行います。/' "$svc/service.xml"
rel -o "$r/dist" "$svc"
st=$?
[ $st -eq 3 ] && ok || bad "a changed 1.7 was released again: exit $st"
grep -q 'revisions.xml:38: error: version 1.7 was released before with other content: clause 5.1.1 「情報セキュリティのための方針群」 changed' \
    "$tmp/err" && ok || bad "not said: $(cat "$tmp/err")"
diff -r "$tmp/v1.7" "$r/dist" >/dev/null && ok || bad "the refused release touched the folder"

# a new version for it: the old one's files go, SHA256SUMS verifies
sed -i 's|</revisions>|  <revision version="1.8" date="2024-12-01"><change control="5.1.1">1.1 文言修正</change></revision>\n</revisions>|' \
    "$svc/revisions.xml"
rel -o "$r/dist" "$svc" && ok || bad "release of 1.8: $(cat "$tmp/err")"
[ "$(ls "$r/dist" | tr '\n' ' ')" = "IIJ-SMX193-0007_1.8.html IIJ-SMX193-0007_1.8.pdf IIJ-SMX193-0007_1.8.png IIJ-SMX193-0007_1.8@2x.png SHA256SUMS manifest.json " ] &&
    ok || bad "the folder holds: $(ls "$r/dist")"
(cd "$r/dist" && sha256sum --quiet -c SHA256SUMS) && ok || bad "1.8: sha256sum -c failed"
grep -q '"modified": true' "$r/dist/manifest.json" && ok ||
    bad "uncommitted content not recorded as modified"

# the tagged release made again from history, byte for byte
git -C "$r" commit -qam 1.8
rel --rev v1.7 -o "$tmp/again" "$svc" && ok || bad "release --rev v1.7: $(cat "$tmp/err")"
diff -r "$tmp/v1.7" "$tmp/again" >"$tmp/out" && ok || bad "release --rev v1.7 differs: $(cat "$tmp/out")"
"$WPGEN" build --templates "$top/templates" --rev v1.7 -o "$tmp/b17" "$svc" 2>"$tmp/err" &&
    cmp -s "$tmp/b17/whitepaper.pdf" "$tmp/v1.7/IIJ-SMX193-0007_1.7.pdf" && ok ||
    bad "build --rev v1.7 gave another PDF: $(cat "$tmp/err")"

# trouble: exit 4
rel --rev v9.9 -o "$tmp/none" "$svc"
st=$?
[ $st -eq 4 ] && [ ! -e "$tmp/none" ] && ok || bad "release --rev of no revision: exit $st"
cp "$r/dist/manifest.json" "$tmp/m" && echo '{ not json' >"$r/dist/manifest.json"
rel -o "$r/dist" "$svc"
st=$?
[ $st -eq 4 ] && grep -q "manifest.json: error: the previous release's manifest is not one wpgen wrote" "$tmp/err" &&
    ok || bad "a broken manifest: exit $st: $(cat "$tmp/err")"
cp "$tmp/m" "$r/dist/manifest.json"
echo mine >"$r/dist/notes.txt"
rel -o "$r/dist" "$svc"
st=$?
[ $st -eq 4 ] && [ -f "$r/dist/notes.txt" ] && ok || bad "a folder with notes.txt: exit $st"

tally release
