#!/bin/sh
# faults.sh: the sandbox's fault modes against submit (and the wizard once it
# submits), a full disk (an LD_PRELOAD shim, tests/enospc.c) and an
# unwritable state directory while the journal, a draft or an output file is
# written, and signals to a plain session. Nothing may be lost: an order the
# sandbox placed is reported with its ID or as unknown, never as failed, the
# journal has one outcome per submission, and answers end up somewhere.
# (tests/attempts.sh is the exactly-once matrix: faults x front ends x what
# the user does next.)
. "${0%/*}/lib.sh"
need_sandbox
CERTWIZ_TODAY=2026-11-20
CERTWIZ_RETRY_BASE_MS=5
CERTWIZ_SANDBOX_SLOW=3
CERTWIZ_SANDBOX_LATE=1
export CERTWIZ_TODAY CERTWIZ_RETRY_BASE_MS CERTWIZ_SANDBOX_SLOW
export CERTWIZ_SANDBOX_LATE
unset ENOSPC_DIR
srcdir=$(dirname "$0")
use_private_dirs
pids=
on_exit 'for p in $pids; do kill "$p" 2>/dev/null; done'
cases=0
journal=$SBSTATE/journal

need jq

# Runs certwiz (under timeout), keeping stdout, stderr and the status, and
# fails on a hang, a crash or a sanitizer report (not lib.sh's run).
run() {
	cases=$((cases + 1))
	timeout 60 "$CERTWIZ" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "$status" -ge 124 ]; then
		fail "$*: status $status (hang, crash or signal): $(tail -c 300 "$tmp/err")"
	fi
	grep -qE 'Sanitizer|runtime error:' "$tmp/err" &&
	    fail "$*: $(grep -m1 -E 'Sanitizer|runtime error:' "$tmp/err")"
}

# The number of lines in the journal.
jlines() {
	if [ -f "$journal" ]; then wc -l <"$journal"; else echo 0; fi
}

# Checks the journal lines of the newest attempt since line $1 (earlier
# open attempts being settled first aside): one "sent", the POST's
# outcome, and, after an unknown one, what the look-ups settled: the last
# outcome $2 for the case $3, with the order ID $4 (or none when empty).
expect_journal() {
	tail -n "+$(($1 + 1))" "$journal" >"$tmp/all"
	sub=$(jq -r 'select(.event == "sent") | .submission' "$tmp/all" |
	    tail -n 1)
	jq -c --arg s "$sub" 'select(.submission == $s)' "$tmp/all" >"$tmp/new"
	lines=$(wc -l <"$tmp/new")
	[ "$lines" -ge 2 ] && [ "$lines" -le 3 ] ||
	    { fail "$3: journal lines: $(cat "$tmp/all")"; return; }
	[ "$(sed -n 1p "$tmp/new" | jq -r .event)" = sent ] ||
	    fail "$3: the first journal line is not 'sent'"
	[ "$(tail -n 1 "$tmp/new" | jq -r .event)" = "$2" ] ||
	    fail "$3: journal outcome $(tail -n 1 "$tmp/new" | jq -r .event), expected $2"
	[ "$lines" -eq 2 ] || [ "$(sed -n 2p "$tmp/new" | jq -r .event)" = \
	    unknown ] || fail "$3: three journal lines without an unknown"
	id=$(tail -n 1 "$tmp/new" | jq -r '.order_id // empty')
	[ "$id" = "$4" ] || fail "$3: journal order ID '$id', expected '$4'"
}

# --- The sandbox's faults against submit ---------------------------------
# Each row: faults, product, expected status, a message. Once the body may
# have left, only a 2xx with the order or DigiCert's error array decides;
# anything else is looked up (by alternative order ID, or List orders for
# ds_org_individual): found (0), not found for the look-up time (3), or
# still unknown when the look-ups fail (4). --again: the same body is placed
# here on purpose many times (attempts.sh checks the guard).
alt=document_signing_org_1
noalt=ds_org_individual
while read -r faults product want msg; do
	[ -n "$faults" ] || continue
	n=$(jlines)
	CERTWIZ_SANDBOX_FAULTS=$faults run --sandbox --timeout 1 submit \
	    --again "$product" "$TESTDATA/orders/$product.json"
	name="fault $faults, $product"
	expect_status "$want" "$name"
	grep -qF -- "$(echo "$msg" | tr _ ' ')" "$tmp/out" "$tmp/err" ||
	    fail "$name: no '$msg' in $(cat "$tmp/out" "$tmp/err" | head -c 500)"
	id=$(sed -n 's/^order ID: //p' "$tmp/out")
	case $want in
	0) [ -n "$id" ] || fail "$name: placed without an order ID"
	   expect_journal "$n" placed "$name" "$id" ;;
	1) [ -z "$id" ] || fail "$name: refused, yet an order ID $id"
	   cat "$tmp/out" "$tmp/err" | grep -q 'not placed' ||
	       fail "$name: says not whether it was placed"
	   expect_journal "$n" rejected "$name" "" ;;
	3) [ -z "$id" ] || fail "$name: failed, yet an order ID $id"
	   grep -q 'most likely not placed' "$tmp/err" ||
	       fail "$name: says not what the look-ups found"
	   expect_journal "$n" not_found "$name" "" ;;
	4) grep -q "'certwiz --sandbox resolve' looks again" "$tmp/err" ||
	       fail "$name: unknown outcome without advice"
	   grep -q 'may have been placed' "$tmp/err" ||
	       fail "$name: unknown outcome: does not say it may be placed"
	   expect_journal "$n" unknown "$name" "" ;;
	esac
	# One POST per submission, whatever happened: "sent" appears once.
	[ "$(grep -c '"event":"sent"' "$tmp/new")" -le 1 ] ||
	    fail "$name: sent twice"
	# What a user does next after an unknown outcome: resolve it (this
	# in-process sandbox is gone, so the order is not found).
	if [ "$want" -eq 4 ]; then
		run --sandbox resolve
		expect_status 0 "$name: resolve"
		expect_in out "not_found" "$name: resolve settles it"
	fi
done <<EOF
500 $alt 3 HTTP_500
500 $noalt 3 HTTP_500
500,500,500,500 $alt 4 HTTP_500
429 $alt 0 retrying_in
429,429,429 $noalt 0 (3_of_3)
429,429,429,429 $alt 1 (3_of_3)
429,429,429,429 $noalt 1 (3_of_3)
slow $alt 0 found_by_alternative_order_ID
slow $noalt 0 found_among_the_product's_orders
cut $alt 0 found_by_alternative_order_ID
cut $noalt 0 found_among_the_product's_orders
truncated $alt 0 found_by_alternative_order_ID
truncated $noalt 0 found_among_the_product's_orders
badstatus $alt 0 found_by_alternative_order_ID
badstatus $noalt 0 found_among_the_product's_orders
http09 $alt 0 found_by_alternative_order_ID
http09 $noalt 0 found_among_the_product's_orders
gateway504 $alt 0 found_by_alternative_order_ID
gateway504 $noalt 0 found_among_the_product's_orders
late $alt 0 found_by_alternative_order_ID
late $noalt 0 found_among_the_product's_orders
gateway404 $alt 3 HTTP_404
gateway404 $noalt 3 HTTP_404
cut,gateway404 $alt 0 found_by_alternative_order_ID
cut,gateway404 $noalt 0 found_among_the_product's_orders
html $alt 3 HTML_page
html $noalt 3 HTML_page
huge $alt 3 larger_than_1_MiB
huge $noalt 3 larger_than_1_MiB
cut,cut $alt 0 found_by_alternative_order_ID
slow,cut $alt 0 found_by_alternative_order_ID
cut,500 $alt 0 found_by_alternative_order_ID
cut,html $alt 0 found_by_alternative_order_ID
cut,cut,cut,cut $alt 4 the_outcome_is_still_unknown
429,cut $alt 0 found_by_alternative_order_ID
429,cut $noalt 0 found_among_the_product's_orders
429,truncated $alt 0 found_by_alternative_order_ID
429,slow $noalt 0 found_among_the_product's_orders
EOF
# --json keeps the outcome and the ID too.
CERTWIZ_SANDBOX_FAULTS=cut run --sandbox submit --json --again "$alt" \
    "$TESTDATA/orders/$alt.json"
expect_status 0 "cut, --json"
[ "$(jq -r .found_by_alternative_order_id "$tmp/out")" = true ] ||
    fail "cut, --json: found_by_alternative_order_id"
CERTWIZ_SANDBOX_FAULTS=cut,cut,cut,cut run --sandbox submit --json --again \
    "$alt" "$TESTDATA/orders/$alt.json"
expect_status 4 "cut,cut --json"
[ "$(jq -r .outcome "$tmp/out")" = unknown ] || fail "cut,cut --json: outcome"
# history lists every attempt with its outcome: as many as the journal
# has "sent" lines, the placed ones with their IDs, none without one.
run --sandbox history --json
expect_status 0 "history after the faults"
[ "$(jq length "$tmp/out")" -eq "$(grep -c '"event":"sent"' "$journal")" ] ||
    fail "history: $(jq length "$tmp/out") entries for $(grep -c '"event":"sent"' "$journal") attempts"
[ "$(jq '[.[] | select(.outcome == "placed" and .order_id == null)] | length' \
    "$tmp/out")" -eq 0 ] || fail "history: a placed order without an ID"
[ "$(jq '[.[] | select(.outcome | test("no outcome"))] | length' \
    "$tmp/out")" -eq 0 ] || fail "journal: an attempt without an outcome"

# --- An unwritable state directory: nothing is sent ----------------------
# The attempt is journaled before the POST; an order certwiz could lose is
# never sent.
: >"$tmp/file"
XDG_STATE_HOME=$tmp/file run --sandbox submit "$alt" "$TESTDATA/orders/$alt.json"
expect_status 3 "unwritable state: nothing sent"
expect_in err "nothing was sent" "unwritable state: message"
XDG_STATE_HOME=$tmp/file run history
[ "$status" -le 2 ] || fail "history with an unwritable state dir: $status"
[ -s "$tmp/out" ] || [ -s "$tmp/err" ] || fail "history: no message"

# --- Plain sessions: answers are kept when the output cannot be written ---
ans=$TESTDATA/plain/ds_org_individual.txt
run wizard --plain --dry-run --output "$tmp/file/order.json" ds_org_individual <"$ans"
expect_status 1 "output under a file"
expect_in err "cannot write $tmp/file/order.json" "output under a file: message"
expect_in err "draft saved to $XDG_STATE_HOME/certwiz/drafts/" \
    "output under a file: the answers go to a draft"
draft=$(sed -n 's/.*draft saved to \([^;]*\);.*/\1/p' "$tmp/err")
[ -f "$draft" ] && jq -e '.answers.subject.given_name == "Zoë"' "$draft" \
    >/dev/null || fail "output under a file: the draft lacks the answers"
rm -rf "$XDG_STATE_HOME/certwiz/drafts"
XDG_STATE_HOME=$tmp/file run wizard --plain --dry-run --output "$tmp/file/o.json" \
    ds_org_individual <"$ans"
expect_status 1 "output and drafts unwritable"
expect_in err "was not saved" "output and drafts unwritable: says so"
head -n 30 "$ans" >"$tmp/short"
XDG_STATE_HOME=$tmp/file run wizard --plain ds_org_individual <"$tmp/short"
expect_status 1 "unwritable drafts, input ends"
expect_in err "the draft was not saved" "unwritable drafts: message"

# --- Signals to a plain session: a draft, 128+signal --------------------
for sig in TERM HUP INT; do
	cases=$((cases + 1))
	rm -rf "$XDG_STATE_HOME/certwiz/drafts"
	mkfifo "$tmp/fifo"
	"$CERTWIZ" wizard --plain ds_org_individual <"$tmp/fifo" >"$tmp/out" \
	    2>"$tmp/err" &
	pid=$!
	pids="$pids $pid"
	exec 3>"$tmp/fifo"
	cat "$tmp/short" >&3
	# The prompt after the first name: by then Zoë has been read.
	wait_in_file 'subject.surname' "$tmp/out"
	kill -s "$sig" "$pid"
	wait "$pid"
	st=$?
	exec 3>&-
	rm -f "$tmp/fifo"
	case $sig in TERM) n=15 ;; HUP) n=1 ;; INT) n=2 ;; esac
	[ "$st" -eq $((128 + n)) ] || fail "plain SIG$sig: status $st: $(cat "$tmp/err")"
	grep -q 'draft saved to' "$tmp/err" || fail "plain SIG$sig: no draft: $(cat "$tmp/err")"
	set -- "$XDG_STATE_HOME"/certwiz/drafts/*.json
	[ -f "$1" ] && grep -q 'Zoë' "$1" || fail "plain SIG$sig: the draft lacks the answers"
done
# stdin closed: not a hang, a message.
run wizard --plain ds_org_individual <&-
[ "$status" -eq 1 ] || [ "$status" -eq 2 ] || fail "stdin closed: status $status"
[ -s "$tmp/err" ] || fail "stdin closed: no message"

# --- A full disk (ENOSPC) through tests/enospc.c --------------------------
cc=${CC:-cc}
shim=$tmp/enospc.so
if ! command -v "$cc" >/dev/null 2>&1 ||
    ! "$cc" -shared -fPIC -o "$shim" "$srcdir/enospc.c" -ldl 2>"$tmp/cc.err"; then
	echo "note: no C compiler for the ENOSPC shim; the full-disk cases are skipped"
	shim=
fi
if [ -n "$shim" ]; then
	# An ASan binary wants its runtime first; allow the shim before it.
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
	export ASAN_OPTIONS
	# Does the shim work here at all?
	mkdir -p "$tmp/probe"
	if ENOSPC_DIR=$tmp/probe LD_PRELOAD=$shim "$CERTWIZ" wizard --plain \
	    --dry-run --output "$tmp/probe/x.json" ds_org_individual <"$ans" \
	    >/dev/null 2>"$tmp/err" ||
	    ! grep -q 'No space left on device' "$tmp/err"; then
		echo "note: the ENOSPC shim does not take here; skipped: $(head -c 300 "$tmp/err")"
		shim=
	fi
fi
if [ -n "$shim" ]; then
	# The journal on a full disk: the attempt cannot be journaled, so
	# nothing is sent (an order whose ID could be lost is never placed).
	mkdir -p "$SBSTATE"
	n=$(jlines)
	ENOSPC_DIR=$journal LD_PRELOAD=$shim run --sandbox submit --again \
	    "$alt" "$TESTDATA/orders/$alt.json"
	expect_status 3 "full disk, journal: not sent"
	expect_in err "could not write the journal" "full disk, journal: message"
	expect_in err "No space left on device" "full disk, journal: the reason"
	expect_in err "so the order was not sent" "full disk, journal: not sent"
	[ "$(jlines)" -eq "$n" ] || fail "full disk: journal lines were written"
	ENOSPC_DIR=$journal LD_PRELOAD=$shim CERTWIZ_SANDBOX_FAULTS=cut run \
	    --sandbox submit --again "$noalt" "$TESTDATA/orders/$noalt.json"
	expect_status 3 "full disk, journal, cut: not sent"
	# Drafts on a full disk: a clear message; no temporary file left.
	drafts=$XDG_STATE_HOME/certwiz/drafts
	rm -rf "$drafts"
	mkdir -p "$drafts"
	ENOSPC_DIR=$drafts LD_PRELOAD=$shim run wizard --plain ds_org_individual \
	    <"$tmp/short"
	expect_status 1 "full disk, draft"
	expect_in err "the draft was not saved" "full disk, draft: message"
	expect_in err "No space left on device" "full disk, draft: the reason"
	[ -z "$(ls -A "$drafts")" ] || fail "full disk: files left in drafts: $(ls -A "$drafts")"
	# The output file on a full disk: the answers go to a draft instead.
	mkdir -p "$tmp/full"
	ENOSPC_DIR=$tmp/full LD_PRELOAD=$shim run wizard --plain --dry-run \
	    --output "$tmp/full/order.json" ds_org_individual <"$ans"
	expect_status 1 "full disk, output"
	expect_in err "No space left on device" "full disk, output: the reason"
	expect_in err "draft saved to" "full disk, output: the answers kept"
	[ ! -e "$tmp/full/order.json" ] || fail "full disk: a partial output file"
	[ -z "$(ls -A "$tmp/full")" ] || fail "full disk: temporary files left: $(ls -A "$tmp/full")"
	# Everything full: still a message, nothing crashes.
	ENOSPC_DIR=$tmp LD_PRELOAD=$shim run wizard --plain --dry-run \
	    --output "$tmp/full/order.json" ds_org_individual <"$ans"
	expect_status 1 "full disk everywhere"
	expect_in err "was not saved" "full disk everywhere: message"
fi

# --- Submitting from the plain wizard -----------------------------------
{ cat "$TESTDATA/plain/$alt.txt"; echo y; } >"$tmp/submit-alt.txt"
{ cat "$TESTDATA/plain/$noalt.txt"; echo y; } >"$tmp/submit-noalt.txt"
run --sandbox wizard --plain "$alt" <"$tmp/submit-alt.txt"
if grep -q '^\[submit\] ' "$tmp/out"; then
	while read -r faults which want msg; do
		rm -rf "$SBSTATE/drafts" "$journal"	# the same answers again
		n=$(jlines)
		eval "product=\$$which"
		CERTWIZ_SANDBOX_FAULTS=$faults run --sandbox --timeout 1 wizard \
		    --plain --no-recall "$product" <"$tmp/submit-$which.txt"
		name="wizard, fault $faults, $product"
		expect_status "$want" "$name"
		grep -qF -- "$(echo "$msg" | tr _ ' ')" "$tmp/out" "$tmp/err" ||
		    fail "$name: no '$msg' in $(tail -c 500 "$tmp/err")"
		id=$(sed -n 's/^order ID: //p' "$tmp/out")
		case $want in
		0) [ -n "$id" ] || fail "$name: placed without an order ID"
		   expect_journal "$n" placed "$name" "$id" ;;
		3) expect_journal "$n" not_found "$name" "" ;;
		4) expect_journal "$n" unknown "$name" "" ;;
		esac
		# Not placed: the answers survive in a draft, without card data;
		# placed: the draft is gone.
		d=$(sed -n "s/^certwiz: the answers are kept in \(.*\); continue with: certwiz --sandbox --plain --resume=.*/\1/p" "$tmp/err")
		if [ "$want" -ne 0 ]; then
			[ -n "$d" ] && [ -f "$d" ] ||
			    fail "$name: no draft kept after the failure: $(tail -c 300 "$tmp/err")"
		elif [ -n "$(ls "$SBSTATE/drafts" 2>/dev/null)" ]; then
			fail "$name: a placed order's draft is left: $(ls "$SBSTATE/drafts")"
		fi
	done <<EOF2
, alt 0 order_ID:
500 alt 3 HTTP_500
500 noalt 3 HTTP_500
cut alt 0 found_by_alternative_order_ID
cut noalt 0 found_among_the_product's_orders
gateway504 alt 0 found_by_alternative_order_ID
cut,cut,cut,cut alt 4 the_outcome_is_still_unknown
html alt 3 HTML_page
EOF2
else
	echo "note: the wizard does not submit; its fault cases are skipped"
fi

echo "$cases fault cases"
finish "faults.sh: all passed"
