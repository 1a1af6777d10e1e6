#!/bin/sh
# wpgen lint measured on a labelled set (tests/lint/README):
#   recall     each slip of tests/lint/planted.txt planted alone into a
#              copy of content/: found when `wpgen lint` says something
#              on the slip's line that it does not say of content/
#   precision  the services under tests/lint/clean/, new and correct
#              text, linted beside content/: every finding in them is a
#              false one
# Prints the figures; fails when recall is under 0.9 or a clean service
# has more than one finding.
#   sh tests/lint/eval.sh            from the top of the tree
#   VERBOSE=1 sh tests/lint/eval.sh  every slip with what lint said
set -u
WPGEN=${WPGEN:-build/wpgen}
VERBOSE=${VERBOSE:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tab=$(printf '\t')

# Lint's findings with the copy's folder written content/, and the counts
# in "in 11 other places" as N: a slip may change how often a form is.
lint() {	# top dir...
	top=$1
	shift
	"$WPGEN" lint --templates templates "$@" 2>&1 |
	    sed -e "s|^$top/|content/|" -e 's/[0-9][0-9]* other /N other /g'
}

lint content content/*/ >"$work/base"

n=0 found=0 noise=0
: >"$work/kinds"
grep -v '^#' tests/lint/planted.txt | grep -v '^$' >"$work/plants"
while IFS="$tab" read -r id kind was now; do
	n=$((n + 1))
	rm -rf "$work/c" && mkdir "$work/c" && cp -R content/. "$work/c/"
	f=$work/c/$id/service.xml
	line=$(LC_ALL=C grep -nF -- "$was" "$f" | cut -d: -f1)
	case $line in
	''|*[!0-9]*) echo "eval: $id: \"$was\" is not on one line of" \
		"content/$id/service.xml" >&2; exit 2 ;;
	esac
	LC_ALL=C awk -v was="$was" -v now="$now" '
	    !done && (i = index($0, was)) > 0 {
		$0 = substr($0, 1, i - 1) now substr($0, i + length(was))
		done = 1
	    }
	    { print }' "$f" >"$f.new" && mv "$f.new" "$f"
	lint "$work/c" "$work/c"/*/ >"$work/out"
	# what lint says now and did not say of content/
	LC_ALL=C grep -vxF -f "$work/base" "$work/out" >"$work/new" || :
	hit=$(grep -c "^content/$id/service.xml:$line: " "$work/new")
	other=$(grep -vc "^content/$id/service.xml:$line: " "$work/new")
	noise=$((noise + other))
	if [ "$hit" -gt 0 ]; then
		found=$((found + 1))
		echo "$kind 1" >>"$work/kinds"
		[ "$VERBOSE" = 1 ] && echo "found   $id:$line $was -> $now" &&
		    sed 's/^/        /' "$work/new"
	else
		echo "$kind 0" >>"$work/kinds"
		echo "missed: content/$id/service.xml:$line: $was -> $now"
		[ "$VERBOSE" = 1 ] && sed 's/^/        /' "$work/new"
	fi
done <"$work/plants"

nclean=0
for d in tests/lint/clean/*/; do nclean=$((nclean + 1)); done
lint content content/*/ tests/lint/clean/*/ | grep '^tests/lint/clean/' \
    >"$work/clean" || :
false_pos=$(wc -l <"$work/clean")
worst=0
for d in tests/lint/clean/*/; do
	k=$(grep -c "^$d" "$work/clean")
	[ "$k" -gt "$worst" ] && worst=$k
done
[ -s "$work/clean" ] && sed 's/^/false finding: /' "$work/clean"

awk '{ t[$1]++; f[$1] += $2 }
    END { for (k in t) printf "  %-10s %d/%d\n", k, f[k], t[k] }' \
    "$work/kinds" | sort
awk -v f="$found" -v n="$n" -v x="$noise" -v c="$false_pos" -v s="$nclean" \
    'BEGIN { printf "lint: recall %.2f (%d of %d planted slips found, " \
	"%d other new findings); %d findings on %d clean services\n",
	f / n, f, n, x, c, s }'
ok=$(awk -v f="$found" -v n="$n" 'BEGIN { print (f >= 0.9 * n) }')
if [ "$ok" != 1 ] || [ "$worst" -gt 1 ]; then
	echo "lint: below the mark: recall must be at least 0.9 and a clean" \
	    "service have at most one finding" >&2
	exit 1
fi
