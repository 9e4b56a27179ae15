#!/bin/sh
# history.sh: `certwiz history` over journals of 1,000, 10,000 and 100,000
# order attempts (a sent line and an outcome each), against jq grouping
# the same lines by attempt; the time must grow with the journal's size,
# not its square (the first version took 76 s for 10,000).
set -u
. "$(dirname "$0")/lib.sh"
table_head "history: journals of N order attempts"
command -v jq >/dev/null 2>&1 || { table_note "skipped: jq is missing"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/state"
mkdir -p "$tmp/state/certwiz"
journal=$tmp/state/certwiz/journal
runs=${RUNS:-5}
for n in 1000 10000 100000; do
	awk -v n="$n" 'BEGIN {
		for (i = 0; i < n; i++) {
			printf "{\"time\":\"2026-12-01T10:00:00Z\",\"submission\":\"a%d\",\"product\":\"ds_org_individual\",\"platform\":\"us\",\"alternative_order_id\":null,\"event\":\"sent\",\"order_id\":null,\"http_status\":null,\"message\":\"POST order/certificate/ds_org_individual\",\"body_hash\":\"%064d\"}\n", i, i
			printf "{\"time\":\"2026-12-01T10:00:01Z\",\"submission\":\"a%d\",\"product\":\"ds_org_individual\",\"platform\":\"us\",\"alternative_order_id\":null,\"event\":\"placed\",\"order_id\":\"%d\",\"http_status\":201,\"message\":\"placed\"}\n", i, 100000000 + i
		}
	}' >"$journal"
	[ "$("$CERTWIZ" history --json | jq length)" -eq "$n" ] ||
	    { table_note "history does not list $n attempts"; continue; }
	cw=$(median $(time_runs "$runs" "$CERTWIZ" history --json))
	peer=$(median $(time_runs "$runs" jq -s 'group_by(.submission) | length' "$journal"))
	table_row "history --json, $n attempts ($(($(wc -c <"$journal") / 1024)) KiB)" \
	    "$runs" "$cw" ms "jq -s group_by" "$peer" "-"
done
table_note "Linear: ten times the attempts takes about ten times as long."
