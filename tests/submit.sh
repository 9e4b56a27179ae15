#!/bin/sh
# submit.sh: drives the real certwiz binary through submit, history and
# status against the sandbox: every product, validation, faults, keys.
. "${0%/*}/lib.sh"
need_sandbox
CERTWIZ_TODAY=2026-11-20
CERTWIZ_RETRY_BASE_MS=5
export CERTWIZ_TODAY CERTWIZ_RETRY_BASE_MS
use_private_dirs
need jq
o=$TESTDATA/orders

# Every product is placed through the in-process sandbox.
for p in $PRODUCTS; do
	run --sandbox submit "$p" "$TESTDATA/orders/$p.json"
	expect_status 0 "submit $p"
	expect_in out "order ID: " "submit $p prints the order id"
	[ "$p" != ds_org_individual ] ||
	    dsid=$(sed -n 's/^order ID: //p' "$tmp/out")
done
expect_in err "SANDBOX: orders go to the simulator" "--sandbox says so"

# The same body again is refused before anything is sent.
run --sandbox submit ds_org_individual "$TESTDATA/orders/ds_org_individual.json"
expect_status 5 "the same body again"
expect_in err "already placed as order $dsid on " "the same body again"
expect_in err "nothing was sent" "the same body again sends nothing"
expect_in err "submit --again" "the same body again names --again"

# JSON output.
run --sandbox submit --json --again ds_org_individual "$o/ds_org_individual.json"
expect_status 0 "submit --json"
[ "$(jq -r .outcome "$tmp/out")" = placed ] || fail "submit --json outcome"
jq -e '.order_id | length > 0' "$tmp/out" >/dev/null || fail "submit --json order_id"

# An invalid body is not sent.
jq 'del(.subject)' "$TESTDATA/orders/document_signing_org_1.json" >"$tmp/bad.json"
run --sandbox submit document_signing_org_1 "$tmp/bad.json"
expect_status 1 "invalid body"
expect_in err "nothing was sent" "invalid body"
expect_in out "subject" "invalid body names the field"
run --sandbox submit --again document_signing_org_1 - <"$o/document_signing_org_1.json"
expect_status 0 "submit from stdin"

# Faults.
# A 500 (HTML, not placed) after the body left: unknown, then looked up by
# alternative order ID for CERTWIZ_RESOLVE_SECONDS, found nowhere.
CERTWIZ_SANDBOX_FAULTS=500 \
    run --sandbox submit --again document_signing_org_1 "$o/document_signing_org_1.json"
expect_status 3 "500"
expect_in err "HTTP 500" "500 message"
expect_in err "looking the order up" "500 is looked up"
expect_in err "it was most likely not placed" "500 is not found"
CERTWIZ_SANDBOX_FAULTS=cut \
    run --sandbox submit --again document_signing_org_1 "$o/document_signing_org_1.json"
expect_status 0 "cut"
expect_in out "placed (found by alternative order ID" "cut is found"
# Without an alternative order ID it is found with List orders.
CERTWIZ_SANDBOX_FAULTS=cut \
    run --sandbox submit --again ds_org_individual "$o/ds_org_individual.json"
expect_status 0 "cut without alternative order ID"
expect_in out "placed (found among the product's orders created since it was \
sent): order " "cut without alternative order ID is found"
CERTWIZ_SANDBOX_FAULTS=429 \
    run --sandbox submit --again document_signing_org_2 "$o/document_signing_org_2.json"
expect_status 0 "429 retried"
expect_in err "retrying in" "429 retry is said"
CERTWIZ_SANDBOX_FAULTS=429,429,429,429 \
    run --sandbox submit --again document_signing_org_2 "$o/document_signing_org_2.json"
expect_status 1 "429 four times"
expect_in err "(3 of 3)" "429 is retried 3 times"
expect_in out "the order was not placed" "429 four times is rejected"
CERTWIZ_SANDBOX_FAULTS=slow \
    run --sandbox --timeout 1 submit --again eu_individual_org "$o/eu_individual_org.json"
expect_status 0 "slow"
expect_in out "placed (found by alternative order ID" "slow is found"
run --timeout 0 list
expect_status 2 "--timeout 0"

# No key, outside the sandbox: refused before anything is sent.
CERTWIZ_BASE_URL_US=http://127.0.0.1:1/services/v2 run submit ds_org_individual "$TESTDATA/orders/ds_org_individual.json"
expect_status 3 "no key"
expect_in err "CERTWIZ_API_KEY_US" "no key names the variable"
CERTWIZ_BASE_URL_US=http://example.com/services/v2 CERTWIZ_API_KEY_US=x run submit ds_org_individual "$TESTDATA/orders/ds_org_individual.json"
expect_status 3 "plain http refused"
expect_in err "https" "plain http message"

# The sandbox's orders are in its own history, not in the real one.
run history
expect_status 0 "history without --sandbox"
expect_in out "no submissions yet" "sandbox orders stay out of history"
[ -e "$XDG_STATE_HOME/certwiz/journal" ] && fail "--sandbox wrote the journal"
# History lists what was submitted.
run --sandbox history
expect_status 0 "history"
expect_in out "document_signing_org_1" "history lists products"
expect_in out "placed" "history lists outcomes"
run --sandbox history --json
expect_status 0 "history --json"
[ "$(jq 'length' "$tmp/out")" -ge 8 ] || fail "history --json length"
expect_in out "not_found" "history lists not_found"
grep -q '5555555555554444' "$SBSTATE/journal" && fail "journal holds a card number"
grep -q 'sandbox-us-key' "$SBSTATE/journal" && fail "journal holds a key"
[ "$(stat -c %a "$SBSTATE/journal")" = 600 ] || fail "journal mode"

# Status against a standalone sandbox on a free port.
port=
start_sandbox && port=$sandbox_port
if [ -z "$port" ]; then
	fail "could not start certwiz sandbox"
else
	CERTWIZ_BASE_URL_US=http://127.0.0.1:$port/services/v2
	CERTWIZ_API_KEY_US=sandbox-us-key
	export CERTWIZ_BASE_URL_US CERTWIZ_API_KEY_US
	run submit --json document_signing_org_1 "$TESTDATA/orders/document_signing_org_1.json"
	expect_status 0 "first submit to standalone sandbox"
	# Not --sandbox: the order goes to the normal state directory.
	grep -q '"placed"' "$XDG_STATE_HOME/certwiz/journal" ||
	    fail "standalone sandbox order not in the journal"
	# The key is in the environment, never on a command line.
	curl -s -o /dev/null -X POST -d '{"next": ["slow"]}' \
	    "http://127.0.0.1:$port/_sandbox/faults"
	"$CERTWIZ" --timeout 2 submit --again document_signing_org_1 "$o/document_signing_org_1.json" >/dev/null 2>&1 &
	subpid=$!
	for f in /proc/[0-9]*/cmdline; do
		{ tr '\0' ' ' <"$f"; } 2>/dev/null | grep -q "sandbox-us-ke[y]" && fail "key on a command line: $f"
	done
	wait "$subpid" || fail "slow submit to the standalone sandbox"
	run submit --json --again document_signing_org_1 "$o/document_signing_org_1.json"
	expect_status 0 "submit to standalone sandbox"
	id=$(jq -r .order_id "$tmp/out")
	run status --platform us "$id"
	expect_status 0 "status"
	expect_in out "order ID: $id" "status shows the order"
	run status --json --platform us "$id"
	[ "$(jq -r .order_id "$tmp/out")" = "$id" ] || fail "status --json"
	run status "$id" --platform us
	expect_status 0 "status ORDER_ID --platform us (the issue's order)"
	expect_in out "order ID: $id" "status with the option last"
	run status --platform us 999999999
	[ "$status" -ne 0 ] || fail "status of an unknown order"
	run status --platform xx 1
	expect_status 2 "status --platform xx"
	unset CERTWIZ_BASE_URL_US CERTWIZ_API_KEY_US
fi

finish "submit.sh: all passed"
