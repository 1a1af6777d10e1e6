# `build --changed` and `watch` sum a service's content before reading
# it: a named pipe with no writer in service.xml's place (or
# revisions.xml's) is told from a file, not waited on.
WPGEN=$1 S=$2
mkdir -p "$S/svc"
cp content/secure-mx/service.xml "$S/svc/service.xml"

# A build --changed with a pipe in file's place: exit 1, saying so.
pipe_said() {
	rm -f "$S/svc/$1"
	mkfifo "$S/svc/$1"
	timeout 20 "$WPGEN" build --templates templates --changed \
	    -o "$S/out" "$S/svc" 2>"$S/err"
	rc=$?
	[ $rc -eq 1 ] || { echo "$1 a pipe: exit $rc, expected 1"; cat "$S/err"; exit 1; }
	grep -q "$1: error: not a regular file" "$S/err" ||
	    { echo "$1 a pipe: build --changed said:"; cat "$S/err"; exit 1; }
}
pipe_said revisions.xml
pipe_said service.xml
