#!/bin/sh
# hostile.sh: a hostile machine. A proxy in the environment, a config file
# that is a FIFO, a link or another user's, a state directory open to all
# and a journal that is a link, a server whose answers carry terminal
# escapes, a blank line at plain mode's last question, core dumps, and the
# sandbox under a crowd of idle and slow clients (tests/peer is the other
# end; loopback only, every wait bounded). Prints the load test's figures.
. "${0%/*}/lib.sh"
need_sandbox
# A sanitizer build: ASan keeps core dumps off by itself and its slower
# allocator skews the load test; the plain build runs all of this.
if ldd "$CERTWIZ" 2>/dev/null | grep -q -e libasan -e libubsan; then
	echo "SKIP: a sanitizer build (hostile.sh runs in the plain build)"
	exit 77
fi
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY
use_private_dirs
PEER=${PEER:-./tests/peer}
ORDER=$TESTDATA/orders/ds_org_individual.json
ESC=$(printf '\033')
BEL=$(printf '\007')
need jq curl

# Fails when file $1 holds an ESC or BEL byte, for the check named $2.
expect_no_controls() {
	if grep -q "[$ESC$BEL]" "$1"; then
		fail "$2: a control character reached $(basename "$1")"
	fi
}

# Starts tests/peer serving the raw HTTP answer in file $1; sets peer_port.
peer_log=$tmp/peer.log
start_peer() {
	: >"$peer_log"
	"$PEER" serve "$1" "$peer_log" >"$tmp/peer.out" 2>&1 &
	peer_pid=$!
	on_exit "kill $peer_pid 2>/dev/null"
	for try in 1 2 3; do	# a loaded machine: up to 15 s
		wait_in_file '^port ' "$tmp/peer.out"
	done
	peer_port=$(sed -n 's/^port //p' "$tmp/peer.out")
	[ -n "$peer_port" ] || fail "tests/peer did not start"
}

# Writes a raw HTTP answer, status line $1 and JSON body $2, to file $3.
http_answer() {
	printf 'HTTP/1.1 %s\r\nContent-Type: application/json\r\n' "$1" >"$3"
	printf 'Content-Length: %s\r\nConnection: close\r\n\r\n%s' \
	    "${#2}" "$2" >>"$3"
}

# --- 3: a proxy in the environment never sees a loopback request ------
http_answer '502 Bad Gateway' '' "$tmp/502"
start_peer "$tmp/502"
proxy=http://127.0.0.1:$peer_port
http_proxy=$proxy HTTP_PROXY=$proxy ALL_PROXY=$proxy \
    run --sandbox submit ds_org_individual "$ORDER"
expect_status 0 "--sandbox with a proxy set"
[ -s "$peer_log" ] &&
    fail "the proxy saw a loopback request: $(cat "$peer_log")"
kill "$peer_pid" 2>/dev/null

# --- 4: the config file -----------------------------------------------
conf=$XDG_CONFIG_HOME/certwiz/config
mkdir -p "$XDG_CONFIG_HOME/certwiz"
# Runs a submit that needs the key from the config file (no sandbox key),
# bounded by 10 s: a FIFO must not hang it.
submit_with_config() {
	CERTWIZ_BASE_URL_US=http://127.0.0.1:1/services/v2 \
	    timeout 10 "$CERTWIZ" --timeout 2 submit ds_org_individual "$ORDER" \
	    >"$tmp/out" 2>"$tmp/err"
	status=$?
}
mkfifo -m 600 "$conf"
submit_with_config
[ "$status" -eq 124 ] && fail "a FIFO as the config file hangs certwiz"
expect_status 3 "a FIFO as the config file"
expect_in err "is not a regular file" "a FIFO as the config file: message"
rm -f "$conf"
printf 'key_us = sk-from-a-link\n' >"$tmp/elsewhere"
chmod 600 "$tmp/elsewhere"
ln -s "$tmp/elsewhere" "$conf"
submit_with_config
expect_status 3 "a config file that is a link"
expect_in err "is a symbolic link" "a config file that is a link: message"
rm -f "$conf"
printf 'key_us = sk-shared\n' >"$conf"
chmod 620 "$conf"
submit_with_config
expect_status 3 "a group-writable config file"
expect_in err "chmod 600" "a group-writable config file: message"
chmod 600 "$conf"
if [ "$(id -u)" = 0 ] && chown nobody "$conf" 2>/dev/null; then
	submit_with_config
	expect_status 3 "another user's config file"
	expect_in err "not to you" "another user's config file: message"
else
	echo "note: not root; the other-owner config case is skipped"
fi
rm -f "$conf"

# --- 5: the state directory and the journal ----------------------------
# (--sandbox keeps a state directory of its own: certwiz/sandbox.)
state=$XDG_STATE_HOME/certwiz/sandbox
rm -rf "$XDG_STATE_HOME"
run --sandbox submit ds_org_individual "$ORDER"
expect_status 0 "a first order"
[ "$(stat -c %a "$state")" = 700 ] ||
    fail "state directory mode $(stat -c %a "$state")"
cp "$state/journal" "$tmp/journal.before"
chmod 777 "$state"
run --sandbox submit --again ds_org_individual "$ORDER"
expect_in err "chmod 700 $state" "a 0777 state directory: how to fix it"
cmp -s "$state/journal" "$tmp/journal.before" ||
    fail "a 0777 state directory was written to"
chmod 700 "$state"
chmod 644 "$state/journal"
run --sandbox submit --again ds_org_individual "$ORDER"
expect_status 0 "a 0644 journal"
[ "$(stat -c %a "$state/journal")" = 600 ] ||
    fail "a 0644 journal is left open to others"
mv "$state/journal" "$tmp/journal.real"
ln -s "$tmp/journal.real" "$state/journal"
cp "$tmp/journal.real" "$tmp/journal.before"
run --sandbox submit --again ds_org_individual "$ORDER"
expect_in err "symbolic link" "a journal that is a link"
cmp -s "$tmp/journal.real" "$tmp/journal.before" ||
    fail "a journal link's target was appended to"
rm -f "$state/journal"
chmod 755 "$state"
run --sandbox submit --again ds_org_individual "$ORDER"
expect_status 0 "a 0755 state directory"
[ "$(stat -c %a "$state")" = 700 ] ||
    fail "a 0755 state directory is not tightened"
if [ "$(id -u)" = 0 ] && chown nobody "$state" 2>/dev/null; then
	run --sandbox submit --again ds_org_individual "$ORDER"
	expect_in err "belongs to user" "another user's state directory"
	chown "$(id -u)" "$state"
else
	echo "note: not root; the other-owner state directory case is skipped"
fi

# --- 6: terminal escapes from a server, the journal and the sandbox log -
body='{"id": "1\u001b]0;owned\u0007\u001b[2J",
 "requests": [{"id": "2\u001b[31m", "status": "x\u009b2J"}]}'
http_answer '201 Created' "$body" "$tmp/201"
start_peer "$tmp/201"
CERTWIZ_BASE_URL_US=http://127.0.0.1:$peer_port/services/v2 \
    CERTWIZ_API_KEY_US=k run submit ds_org_individual "$ORDER"
expect_no_controls "$tmp/out" "a 201 with escapes (stdout)"
expect_no_controls "$tmp/err" "a 201 with escapes (stderr)"
grep -q 'order ID: 1' "$tmp/out" &&
    fail "an order ID that is not digits was taken"
journal=$XDG_STATE_HOME/certwiz/journal
expect_no_controls "$journal" "a 201 with escapes (journal)"
kill "$peer_pid" 2>/dev/null
mv "$journal" "$tmp/journal.201"	# its unknown outcome is not looked up
body='{"errors": [{"code": "invalid_value:x\u001b[2J",
 "message": "no\u001b]0;owned\u0007 \u0085 way"}]}'
http_answer '400 Bad Request' "$body" "$tmp/400"
start_peer "$tmp/400"
CERTWIZ_BASE_URL_US=http://127.0.0.1:$peer_port/services/v2 \
    CERTWIZ_API_KEY_US=k run submit ds_org_individual "$ORDER"
expect_status 1 "a 400 with escapes"
expect_no_controls "$tmp/out" "a 400 with escapes (stdout)"
grep -q "$(printf '\302\205')" "$tmp/out" && fail "a C1 control reached stdout"
kill "$peer_pid" 2>/dev/null
# A journal line written by someone else: history shows it neutralised.
{
	echo '{"event":"sent","submission":"S1","product":"x\u001b[2J"}'
	echo '{"event":"placed","submission":"S1","order_id":"9\u001b]0;\u0007"}'
} >>"$tmp/journal.201"
mv "$tmp/journal.201" "$journal"
run history
expect_no_controls "$tmp/out" "history replays escapes"
run history --json
expect_no_controls "$tmp/out" "history --json"
# A loaded body: its answers are shown as defaults and in the review.
jq '.subject.given_name = "Zo\u001b]0;owned\u0007\u001b[2J\u009b"' \
    "$ORDER" >"$tmp/esc.json"
yes '' | head -n 200 | "$CERTWIZ" wizard --plain --dry-run \
    --load "$tmp/esc.json" ds_org_individual >"$tmp/out" 2>"$tmp/err"
grep -q 'x1b' "$tmp/out" || fail "--load with escapes: the answer is not shown"
expect_no_controls "$tmp/out" "--load with escapes"
grep -q "$(printf '\302\233')" "$tmp/out" && fail "--load: a C1 control shown"
# The sandbox's log prints the decoded URL.
if start_sandbox; then
	kill "$sandbox_pid"; wait "$sandbox_pid" 2>/dev/null
	sandbox_pid=
	port=$sandbox_port
	"$CERTWIZ" sandbox --port "$port" --log >"$tmp/sb.out" 2>"$tmp/sb.log" &
	sandbox_pid=$!
	wait_in_file listening "$tmp/sb.out"
	curl -s -o /dev/null \
	    "http://127.0.0.1:$port/services/v2/%1b%5d0;owned%07%1b%5b2J"
	wait_in_file ' -> ' "$tmp/sb.log"
	grep -q ' -> ' "$tmp/sb.log" || fail "sandbox --log logged nothing"
	expect_no_controls "$tmp/sb.log" "sandbox --log"
fi

# --- 7: the sandbox under load -----------------------------------------
if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
	"$PEER" big "$port" >"$tmp/big"
	grep -q '^HTTP/1.1 413' "$tmp/big" ||
	    fail "a 2 MB body announced: $(cat "$tmp/big"), not 413 before reading"
	"$PEER" load "$port" "$sandbox_pid" 1000 300 >"$tmp/load" 2>&1 ||
	    fail "a normal client was not served under load"
	sed 's/^/load test: /' "$tmp/load"
	threads=$(sed -n 's/.*load: \([0-9]*\) threads.*/\1/p' "$tmp/load")
	[ -n "$threads" ] && [ "$threads" -le 20 ] ||
	    fail "sandbox threads under load: $threads"
	# 70,000 DNS names (under 1 MiB): answered at once, others served.
	jq -n '[range(70000)] | map("d\(.).nl")' >"$tmp/names"
	jq -c --slurpfile n "$tmp/names" '.certificate.dns_names = $n[0]' \
	    "$TESTDATA/orders/pkio_private_services_server.json" >"$tmp/many.json"
	start=$(date +%s)
	pkio=pkio_private_services_server
	code=$(curl -s -o "$tmp/many.out" -w '%{http_code}' -m 60 \
	    -H 'X-DC-DEVKEY: sandbox-eu-key' -H 'Content-Type: application/json' \
	    --data-binary @"$tmp/many.json" \
	    "http://127.0.0.1:$port/services/v2/order/certificate/$pkio")
	took=$(( $(date +%s) - start ))
	echo "load test: 70,000 dns_names ($(wc -c <"$tmp/many.json")" \
	    "bytes): HTTP $code in ${took}s"
	[ "$code" = 400 ] || fail "70,000 dns_names: HTTP $code"
	[ "$took" -le 10 ] || fail "70,000 dns_names took ${took}s"
	grep -q 'at most 250' "$tmp/many.out" ||
	    fail "70,000 dns_names: $(head -c 300 "$tmp/many.out")"
fi

# --- 8: plain mode's last question defaults to no ----------------------
rm -rf "$XDG_STATE_HOME"
{ cat "$TESTDATA/plain/ds_org_individual.txt"; echo; } |
    "$CERTWIZ" --sandbox wizard --plain ds_org_individual \
    >"$tmp/out" 2>"$tmp/err"
expect_in out "[submit] Place this order on the US platform? [y/N]:" \
    "the submit question"
expect_in out "Nothing was submitted." "a blank line at the submit question"
grep -q '"event":"placed"' "$state/journal" 2>/dev/null &&
    fail "a blank line at the submit question placed an order"

# --- 2: no core dumps, unless CERTWIZ_DEBUG_CORE=1 ----------------------
# Prints the core size limit of a certwiz waiting for input.
core_limit() {
	mkfifo "$tmp/wait"
	(ulimit -c unlimited 2>/dev/null; exec env "$@" "$CERTWIZ" wizard --plain \
	    ds_org_individual <"$tmp/wait" >/dev/null 2>&1) &
	cpid=$!
	exec 4>"$tmp/wait"
	sleep 0.5
	limit=$(awk '/^Max core file size/ {print $5}' /proc/$cpid/limits)
	exec 4>&-
	wait "$cpid"
	rm -f "$tmp/wait"
	echo "$limit"
}
[ "$(core_limit X=1)" = 0 ] || fail "certwiz runs with core dumps on"
if [ "$(ulimit -H -c)" != 0 ]; then
	[ "$(core_limit CERTWIZ_DEBUG_CORE=1)" = 0 ] &&
	    fail "CERTWIZ_DEBUG_CORE=1 does not lift the dump protection"
else
	echo "note: the hard core limit is 0 here; CERTWIZ_DEBUG_CORE unchecked"
fi

finish "hostile.sh: all passed"
