WPGEN=$1 S=$2
cases="tests/regress/check/malformed tests/regress/check/control-unknown
tests/regress/check/long-word tests/regress/check/scope-answered
tests/regress/check/schema-owner tests/regress/check/date-format-token"
# shellcheck disable=SC2086
"$WPGEN" check --templates templates $cases 2>"$S/text"
[ $? -eq 1 ] || { echo "check: exit $?"; exit 1; }
# shellcheck disable=SC2086
"$WPGEN" check --diagnostic-format=json --templates templates $cases 2>"$S/json"
[ $? -eq 1 ] || { echo "check --diagnostic-format=json: exit $?"; exit 1; }
# shellcheck disable=SC2086
"$WPGEN" build -j 2 --diagnostic-format json --templates templates -o "$S/o" \
    $cases tests/regress/check/xref-missing 2>"$S/jobs"
[ $? -eq 1 ] || { echo "build -j 2: exit $?"; exit 1; }
"$WPGEN" build --diagnostic-format=json --bogus -o "$S/u" content/secure-mx 2>"$S/usage"
[ $? -eq 2 ] || { echo "a usage error: exit $?"; exit 1; }
python3 - "$S" <<'PY' || exit 1
import json, sys
S = sys.argv[1]
def objects(name):
    out = []
    for n, line in enumerate(open("%s/%s" % (S, name), encoding="utf-8"), 1):
        o = json.loads(line)
        assert list(o) == ["file", "line", "column", "severity", "code",
                           "message"], "%s:%d: fields %s" % (name, n, list(o))
        assert o["severity"] in ("error", "warning"), o
        assert o["line"] is None or (type(o["line"]) is int and o["line"] > 0), o
        assert o["column"] is None or (type(o["column"]) is int and o["column"] > 0), o
        assert type(o["code"]) is str and o["code"], o
        out.append(o)
    return out
js = objects("json")
text = open(S + "/text", encoding="utf-8").read().splitlines()
said = ["%s:%d: %s: %s" % (o["file"], o["line"], o["severity"], o["message"])
        for o in js]
assert said == text, "JSON says otherwise than text:\n%s\n%s" % (said, text)
codes = {o["code"] for o in js}
for c in ("xml", "schema", "control-unknown", "overfull", "scope-answered",
          "date-format"):
    assert c in codes, "no %s among %s" % (c, codes)
bare = [o for o in js if o["code"] == "xml"]
assert bare[0]["line"] == 19 and bare[0]["column"] == 39, bare
assert all(o["column"] is None for o in js if o["code"] != "xml"), js
jobs = objects("jobs")
assert len(jobs) == len(js) + 1, "build -j 2 said %d, not %d" % (len(jobs), len(js) + 1)
u = objects("usage")
assert len(u) == 1 and u[0]["code"] == "usage" and u[0]["file"] is None and \
    "unknown option --bogus" in u[0]["message"], u
PY
