#!/bin/sh
# submit.sh: `certwiz submit` against curl(1) posting the same body to the
# same sandbox (`certwiz sandbox --port P`, started once). Target: ≤ 1.2×.
set -u
. "$(dirname "$0")/lib.sh"
: "${TESTDATA:=tests/data}"
runs=${SUBMIT_RUNS:-20}
product=ds_org_individual
body=$TESTDATA/orders/$product.json
table_head "Submitting: one $product order to the local sandbox"
if ! "$CERTWIZ" --help 2>/dev/null | grep -q '^ *submit '; then
	table_note "skipped: submit not available"
	exit 0
fi
command -v curl >/dev/null 2>&1 || { table_note "skipped: curl is missing"; exit 0; }
tmp=$(mktemp -d)
# Never the user's journal, drafts or config file: all of it goes to $tmp.
export XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
port=${SANDBOX_PORT:-$((20000 + $$ % 20000))}
"$CERTWIZ" sandbox --port "$port" >"$tmp/sandbox.log" 2>&1 &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null; rm -rf "$tmp"' EXIT
url=http://127.0.0.1:$port/services/v2
i=0
until curl -s -o /dev/null "$url/" 2>/dev/null || [ "$i" -ge 50 ]; do
	sleep 0.1; i=$((i + 1))
done
export CERTWIZ_BASE_URL_US="$url" CERTWIZ_API_KEY_US=sandbox-us-key
cw_submit() {
	"$CERTWIZ" submit --again "$product" "$body"
}
curl_post() {
	curl -s -f -X POST -H "X-DC-DEVKEY: sandbox-us-key" \
	    -H "Content-Type: application/json" --data @"$body" \
	    "$url/order/certificate/$product"
}
cw_submit >/dev/null 2>&1 || { table_note "skipped: certwiz submit failed: $(cw_submit 2>&1 | head -1)"; exit 0; }
cw=$(median $(time_runs "$runs" cw_submit))
cu=$(median $(time_runs "$runs" curl_post))
table_row "certwiz submit (whole process)" "$runs" "$cw" ms "curl -X POST" "$cu" 1.2
