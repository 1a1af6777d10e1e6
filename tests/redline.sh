#!/bin/sh
# The reviewer's copies, end to end, on real content: secure-mx in a git
# repository of its own, tagged v1.7, then edited as a revision would
# edit it (two clauses changed, one added, one removed, a list item
# deleted, emphasis added, a revision row for each) and committed.
# Then: the diff's report reads as a reviewer expects ([-90-]{+180+},
# the deleted item one line, renumbering on one line) for --rev v1.7 and
# --rev v1.7..HEAD alike, in colour with its brackets; the history check
# finds nothing to say; the redline PDF (build --changes-since) holds
# the struck and the inserted text, its layout the change bars, and the
# legend; the comparison (diff --pdf, --html) has a row for each change
# and none for what did not change; a service added since the tag is
# new, not a git error, for diff, the redline and the release's history
# check; what is refused is refused.  The pages are left in
# build/review/ for tests/html/run.sh, which checks them in a browser.
set -u
WPGEN=${WPGEN:-build/wpgen}
. "$(dirname "$0")/tally.sh"
top=$(pwd)
wp() { cmd=$1; shift; "$WPGEN" "$cmd" --templates "$top/templates" "$@"; }
has() {	# what file text
	if grep -qF -- "$3" "$2"; then ok; else bad "$1: no \"$3\" in $2"; fi
}
hasnt() {
	if grep -qF -- "$3" "$2"; then bad "$1: \"$3\" in $2"; else ok; fi
}

# ---- the repository: v1.7, then 1.8 ----------------------------------

r=$tmp/repo
repo_v17 "$r" || bad "cannot make a git repository"
svc=$r/content/secure-mx
python3 - "$svc" <<'PY' || bad "cannot edit the content"
import re, sys
d = sys.argv[1]
p = d + "/service.xml"
s = open(p, encoding="utf-8").read()
def edit(old, new):
    global s
    assert old in s, old
    s = s.replace(old, new, 1)
# 5.1.1: a list item deleted
edit("        <li>クラウドサービスの変更はサービス利用者に通知する</li>\n", "")
# 12.4.1: a number changed
edit("イベントログなど過去90日分の記録", "イベントログなど過去180日分の記録")
# 9.2.3: emphasis added, nothing else
edit("アクセス元IPアドレスによる制限を設定する機能",
     "アクセス元IPアドレスによる<em>制限</em>を設定する機能")
# 9.1.2 added (5.1, the clauses after it in chapter 5 renumbered)
edit('    <answer control="9.2.1" title', '''    <answer control="9.1.2">
      <p>お客様専用のポータルサイトへのアクセスは、TLSによる暗号化通信に限っております。</p>
    </answer>
    <answer control="9.2.1" title''')
# CLD.9.5.2 removed
s, n = re.subn(r'    <answer control="CLD.9.5.2">.*?</answer>\n', '', s, flags=re.S)
assert n == 1
open(p, "w", encoding="utf-8").write(s)
p = d + "/revisions.xml"
s = open(p, encoding="utf-8").read()
edit("</revisions>", '''  <revision version="1.8" date="2025-04-01">
    <change control="5.1.1">1.1 情報セキュリティのための方針群の項目を整理</change>
    <change control="9.1.2">5.1 ネットワーク及びネットワークサービスへのアクセスの追加</change>
    <change control="9.2.3 12.4.1">5.4、8.4 の記述を更新</change>
    <change control="CLD.9.5.2" removed="yes">(旧)5.8 仮想マシンの要塞化の削除</change>
  </revision>
</revisions>''')
open(p, "w", encoding="utf-8").write(s)
PY
git -C "$r" commit -qam 1.8 || bad "cannot commit 1.8"

# ---- the report ------------------------------------------------------

wp diff --no-color --check-history --rev v1.7 "$svc" >"$tmp/report" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ]; then ok; else bad "diff --rev v1.7: exit $rc: $(cat "$tmp/err")"; fi
if [ -s "$tmp/err" ]; then bad "the history check said: $(cat "$tmp/err")"; else ok; fi
has report "$tmp/report" '過去[-90-]{+180+}日分'
has report "$tmp/report" '  [-6. クラウドサービスの変更はサービス利用者に通知する-]'
hasnt report "$tmp/report" '[-7-]{+6+}'
has report "$tmp/report" 'による{+*+}制限{+*+}を設定'
has report "$tmp/report" 'clause 9.1.2 (5.1 ネットワーク及びネットワークサービスへのアクセス): added'
has report "$tmp/report" 'clause CLD.9.5.2 (5.8 仮想マシンの要塞化): removed'
has report "$tmp/report" 'clauses renumbered: 5.4–5.7 → 5.5–5.8'
wp diff --no-color --rev v1.7..HEAD "$svc" >"$tmp/range" 2>&1
sed 1,2d "$tmp/report" >"$tmp/a"
sed 1,2d "$tmp/range" >"$tmp/b"
if cmp -s "$tmp/a" "$tmp/b"; then ok; else bad "--rev v1.7..HEAD reports otherwise than --rev v1.7"; fi
has range "$tmp/range" "+++ $svc@HEAD"
wp diff --color=always --rev v1.7 "$svc" >"$tmp/color" 2>&1
has color "$tmp/color" "$(printf '\033[31m[-90-]\033[m\033[32m{+180+}\033[m')"
NO_COLOR=1 wp diff --color=auto --rev v1.7 "$svc" >"$tmp/nocolor" 2>&1
if grep -q "$(printf '\033')" "$tmp/nocolor"; then bad "NO_COLOR coloured"; else ok; fi
NO_COLOR=1 wp diff --color --rev v1.7 "$svc" >"$tmp/color2" 2>&1
if grep -q "$(printf '\033')" "$tmp/color2"; then ok; else bad "--color not coloured under NO_COLOR"; fi
for args in "--color=sometimes --rev v1.7 $svc" "--rev v1.7 --rev HEAD $svc" \
    "--rev v1.7..HEAD $svc $svc"; do
	# shellcheck disable=SC2086
	wp diff $args >/dev/null 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 2 ]; then ok; else bad "diff $args: exit $rc, not 2"; fi
done

# ---- the redline -----------------------------------------------------

out=$top/build/review
rm -rf "$out" && mkdir -p "$top/build"
wp build --changes-since v1.7 -o "$out" "$svc" 2>"$tmp/err" && ok ||
    bad "build --changes-since: $(cat "$tmp/err")"
for f in whitepaper-redline.pdf whitepaper-redline.html document-redline.xml; do
	if [ -s "$out/$f" ]; then ok; else bad "no $f"; fi
done
xmllint --noout --relaxng templates/schema/document.rng \
    "$out/document-redline.xml" 2>"$tmp/err" && ok ||
    bad "the redline model breaks document.rng: $(head -3 "$tmp/err")"
pdftotext "$out/whitepaper-redline.pdf" "$tmp/rl.txt" || bad "pdftotext failed"
# the text layer holds what was inserted and what was deleted
has redline "$tmp/rl.txt" '変更箇所の表示'
has redline "$tmp/rl.txt" 'クラウドサービスの変更はサービス利用者に通知する'
has redline "$tmp/rl.txt" 'お客様専用のポータルサイトへのアクセスは、TLS'
has redline "$tmp/rl.txt" '仮想マシンの要塞化'
has redline "$tmp/rl.txt" '180'
# and the layout says which is which, and where the bars are
wp layout --changes-since v1.7 "$svc" >"$tmp/layout" 2>"$tmp/err" || bad "layout: $(cat "$tmp/err")"
has layout "$tmp/layout" '[-クラウドサービスの変更はサービス利用者に通知する-]'
has layout "$tmp/layout" '{+5.1　ネットワーク及びネットワークサービスへのアクセス+}'
has layout "$tmp/layout" '[-ISO/IEC27017 項番：CLD.9.5.2　［削除］-]'
has layout "$tmp/layout" '[-90-]{+180+}'
has layout "$tmp/layout" '[-制限-]{+制限+}'
has layout "$tmp/layout" '{+下線+}の文字は追加した文字'
bars=$(grep -c '| change bar' "$tmp/layout")
# the revision row (5 lines), 5.1.1's item, the added clause (heading,
# tag, 2 lines), 5.4's line, the removed clause (heading, tag, 2
# lines), 8.4's line: 17 lines changed, a bar each
if [ "$bars" -eq 17 ]; then ok; else bad "$bars change bars, not 17"; fi
# the bars beside the text, in the left margin
awk '/\| change bar/ { if ($2 >= 97.6 || $2 < 80) exit 1 }' "$tmp/layout" && ok ||
    bad "a change bar outside the left margin"
# the published whitepaper is as it was: no mark, no bar
wp layout "$svc" >"$tmp/plain" 2>&1
if grep -q -e '| change bar' -e '{+' "$tmp/plain"; then bad "the whitepaper has marks"; else ok; fi
wp build -o "$tmp/plain-out" "$svc" 2>&1 && ok || bad "build failed"
if grep -q -e '<ins>' -e 'legend' "$tmp/plain-out/whitepaper.html"; then
	bad "the whitepaper's page has marks"; else ok; fi
# a reviewer's copy is of one service, in a folder of its own
wp build --changes-since v1.7 -o "$tmp/x" "$svc" "$svc" >/dev/null 2>&1
rc=$?
if [ $rc -eq 2 ]; then ok; else bad "--changes-since of two services: exit $rc"; fi
wp build --changes-since v1.7 -o "$tmp/plain-out" "$svc" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc -eq 4 ] && [ -s "$tmp/plain-out/whitepaper.pdf" ]; then ok; else
	bad "a redline over a whitepaper's folder: exit $rc"; fi

# ---- the comparison (新旧対照表) ---------------------------------------

wp diff --no-color --rev v1.7..HEAD --pdf "$out/comparison.pdf" \
    --html "$out/comparison.html" "$svc" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ]; then ok; else bad "diff --pdf --html: exit $rc: $(cat "$tmp/err")"; fi
pdftotext -layout "$out/comparison.pdf" "$tmp/cmp.txt" || bad "pdftotext failed"
has comparison "$tmp/cmp.txt" '新（第 1.8 版）'
has comparison "$tmp/cmp.txt" '旧（第 1.7 版）'
has comparison "$tmp/cmp.txt" '5.4、8.4 の記述を更新'
has comparison "$tmp/cmp.txt" '1.1 情報セキュリティのための方針群'
has comparison "$tmp/cmp.txt" '（略）'
has comparison "$tmp/cmp.txt" '5.1 ネットワーク及びネットワークサービスへのアクセス'
has comparison "$tmp/cmp.txt" '5.8 仮想マシンの要塞化'
has comparison "$tmp/cmp.txt" '8.4 イベントログの取得'
has comparison "$tmp/cmp.txt" '項番の変更：5.1–5.7 → 5.2–5.8'
# clauses that did not change, or were only renumbered, have no row
hasnt comparison "$tmp/cmp.txt" '6.1 暗号による管理策の利用方針'
hasnt comparison "$tmp/cmp.txt" '5.5 利用者の秘密認証情報の管理'
# a row: each side its own text, the old item on the old side alone
python3 - "$tmp/cmp.txt" <<'PY' && ok || bad "the comparison's rows are not side by side"
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
rows = [l for l in t.splitlines() if "など過去" in l]
assert len(rows) == 1 and rows[0].count("など過去") == 2, rows
assert "6. クラウドサービスの変更はサービス利" in t
PY
has comparison "$out/comparison.html" '<ins>180</ins>'
has comparison "$out/comparison.html" '<del>90</del>'
has comparison "$out/comparison.html" 'href="whitepaper.html#ctl-12.4.1"'
has comparison "$out/comparison.html" '<main id="main">'
has comparison "$out/comparison.html" 'href="comparison.pdf"'

# ---- a service added since the tag ---------------------------------------

mkdir -p "$r/content/newsvc"
sed 's/<service id="renrakucho">/<service id="newsvc">/' content/renrakucho/service.xml \
    >"$r/content/newsvc/service.xml"
cp content/renrakucho/revisions.xml "$r/content/newsvc/"
git -C "$r" add -A && git -C "$r" commit -qm newsvc || bad "cannot commit newsvc"
wp diff --no-color --check-history --rev v1.7 "$r/content/newsvc" >"$tmp/new" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ]; then ok; else bad "diff of a new service: exit $rc: $(cat "$tmp/err")"; fi
has new "$tmp/new" 'new since v1.7'
has new "$tmp/err" 'no history to check'
hasnt new "$tmp/err" 'error'
wp layout --changes-since v1.7 "$r/content/newsvc" >"$tmp/newlayout" 2>"$tmp/err" && ok ||
    bad "redline of a new service: $(cat "$tmp/err")"
# (but for the legend's sample of a deletion)
if grep '\[-' "$tmp/newlayout" | grep -qv '取消線'; then
	bad "a new service's redline deletes"; else ok; fi
has new "$tmp/newlayout" '{+'
sh scripts/release-history.sh "$WPGEN" templates v1.7 "" "$svc" \
    "$r/content/newsvc" >"$tmp/rel" 2>&1
rc=$?
if [ $rc -eq 0 ]; then ok; else bad "release-history: exit $rc: $(cat "$tmp/rel")"; fi
has release "$tmp/rel" 'newsvc: new since v1.7'
hasnt release "$tmp/rel" 'error'
sh scripts/release-history.sh "$WPGEN" templates "" "" "$svc" >"$tmp/rel" 2>&1
has release "$tmp/rel" 'no release tag yet: every clause is new'
# 1.8 forgot a clause: the release's check says so, and --strict stops it
sed -i 's|<change control="9.2.3 12.4.1">|<change control="12.4.1">|' "$svc/revisions.xml"
git -C "$r" commit -qam "1.8 forgets 9.2.3"
sh scripts/release-history.sh "$WPGEN" templates v1.7 --strict "$svc" >"$tmp/rel" 2>&1
rc=$?
if [ $rc -eq 1 ]; then ok; else bad "release-history --strict: exit $rc"; fi
has release "$tmp/rel" 'error: revision 1.8 does not name clause 9.2.3'

tally redline
