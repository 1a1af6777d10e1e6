# `build --changed` and `watch` sum a service's content before reading
# it: a named pipe with no writer in service.xml's place (or
# revisions.xml's) is told from a file, not waited on.
WPGEN=$1 S=$2
mkdir -p "$S/svc"
cp content/secure-mx/service.xml "$S/svc/service.xml"
mkfifo "$S/svc/revisions.xml"
timeout 20 "$WPGEN" build --templates templates --changed -o "$S/out" \
    "$S/svc" 2>"$S/err"
rc=$?
[ $rc -eq 1 ] || { echo "build --changed: exit $rc, expected 1"; cat "$S/err"; exit 1; }
grep -q 'revisions.xml: error: not a regular file' "$S/err" ||
    { echo "build --changed said:"; cat "$S/err"; exit 1; }
rm "$S/svc/service.xml"
mkfifo "$S/svc/service.xml"
timeout 20 "$WPGEN" build --templates templates --changed -o "$S/out" \
    "$S/svc" 2>"$S/err"
rc=$?
[ $rc -eq 1 ] || { echo "build --changed: exit $rc, expected 1"; cat "$S/err"; exit 1; }
grep -q 'service.xml: error: not a regular file' "$S/err" ||
    { echo "build --changed said:"; cat "$S/err"; exit 1; }
