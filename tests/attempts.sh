#!/bin/sh
# attempts.sh: exactly once, as a matrix. Each cell is a fault of the
# sandbox hitting one front end's submission (submit, the plain wizard, the
# curses wizard, a resumed draft), followed by what a user does next: the
# same again (submit the same file again, resume the draft kept, or start
# over), then 'resolve'. For every cell the standalone sandbox must hold
# exactly one order, the user must have been shown its ID, and history must
# list it as placed with nothing left unknown. Then kill -9 at each step of
# a submission. Prints the matrix: cells and orders placed per cell.
. "${0%/*}/tui_lib.sh"
need_sandbox
need jq
need curl
CERTWIZ_TODAY=2026-11-20
CERTWIZ_RETRY_BASE_MS=5
CERTWIZ_RESOLVE_SECONDS=4
export CERTWIZ_TODAY CERTWIZ_RETRY_BASE_MS CERTWIZ_RESOLVE_SECONDS
TUI_WAIT=300
alt=document_signing_org_1
noalt=ds_org_individual
cells=0
matrix=$tmp/matrix

# A fresh standalone sandbox (late orders show after 1 s) and a fresh
# state directory for cell $1; certwiz reaches it as a real platform.
cell_start() {
	[ -z "$sandbox_pid" ] || { kill "$sandbox_pid"; wait "$sandbox_pid"; }
	start_sandbox CERTWIZ_SANDBOX_LATE=1 CERTWIZ_SANDBOX_SLOW="${slow:-6}" ||
	    { fail "$1: no sandbox"; return 1; }
	base=http://127.0.0.1:$sandbox_port
	CERTWIZ_BASE_URL_US=$base/services/v2
	CERTWIZ_BASE_URL_EU=$base/services/v2
	CERTWIZ_API_KEY_US=sandbox-us-key
	CERTWIZ_API_KEY_EU=sandbox-eu-key
	export CERTWIZ_BASE_URL_US CERTWIZ_BASE_URL_EU CERTWIZ_API_KEY_US \
	    CERTWIZ_API_KEY_EU
	XDG_STATE_HOME=$tmp/cell$cells
	drafts=$XDG_STATE_HOME/certwiz/drafts
	export XDG_STATE_HOME
	: >"$tmp/seen"
	cells=$((cells + 1))
}

# Queues the sandbox fault $1 for the next request.
fault() {
	curl -s -o /dev/null -X POST -d "{\"next\": [\"$1\"]}" \
	    "$base/_sandbox/faults"
}

# Runs certwiz (not in tmux) with stdin from $1; what it printed is added
# to what the user has seen.
cw() {
	in=$1
	shift
	timeout 120 "$CERTWIZ" "$@" <"$in" >"$tmp/out" 2>"$tmp/err"
	status=$?
	cat "$tmp/out" "$tmp/err" >>"$tmp/seen"
	[ "$status" -lt 124 ] || fail "$*: status $status (hang or crash)"
}

# The newest draft of the cell, or nothing.
newest_draft() {
	ls -t "$drafts"/*.json 2>/dev/null | head -n 1
}

# The plain wizard's answers for product $1, then "y" at [submit].
answers() {
	{ cat "$TESTDATA/plain/$1.txt"; echo y; } >"$tmp/answers"
}

# Front "submit": the fault hits certwiz submit; next: submit again.
front_submit() {
	fault "$2"
	cw /dev/null submit "$1" "$TESTDATA/orders/$1.json"
	cw /dev/null submit "$1" "$TESTDATA/orders/$1.json"
}

# Front "plain": the fault hits the plain wizard; next: resume the draft
# kept, or, when none was kept, the same answers again.
front_plain() {
	answers "$1"
	fault "$2"
	cw "$tmp/answers" wizard --plain --no-recall "$1"
	d=$(newest_draft)
	if [ -n "$d" ]; then
		cw "$tmp/answers" wizard --plain "--resume=$d"
	else
		cw "$tmp/answers" wizard --plain --no-recall "$1"
	fi
}

# Front "resume": a draft is kept (the order declined), resumed, and the
# fault hits its submission; next: resume it again when it is still there.
front_resume() {
	{ cat "$TESTDATA/plain/$1.txt"; echo n; } >"$tmp/decline"
	cw "$tmp/decline" wizard --plain --no-recall "$1"
	d=$(newest_draft)
	[ -n "$d" ] || { fail "resume: no draft kept"; return; }
	answers "$1"
	fault "$2"
	cw "$tmp/answers" wizard --plain "--resume=$d"
	d=$(newest_draft)
	[ -z "$d" ] || cw "$tmp/answers" wizard --plain "--resume=$d"
}

# Submits from the curses review (F10 twice) and waits for an outcome;
# leaves the wizard: Enter on the result screen, else Ctrl-C (draft).
curses_submit() {
	keys F10
	wait_for '^Review: ' "$1: the review opens" || return
	keys F10
	wait_for 'Order ID: +[0-9]+|Outcome unknown|Not found|Not sent|Refused|Not placed' \
	    "$1: an outcome is shown" || return
	cat "$tmp/screen" >>"$tmp/seen"
	if grep -qE 'Order ID: +[0-9]+' "$tmp/screen"; then
		keys Enter
	else
		keys C-c
	fi
	wait_for '^EXIT=' "$1: the wizard ends"
	cat "$tmp/screen" >>"$tmp/seen"
}

# Front "curses": the fault hits the curses wizard's submission of a
# loaded order; next: resume the draft kept in curses, or load it again.
front_curses() {
	fault "$2"
	run wizard --load "$TESTDATA/orders/$1.json" "$1"
	wait_for 'Screen 1 of [0-9]+: ' "$1: curses starts" || return
	curses_submit "$1 $2"
	d=$(newest_draft)
	if [ -n "$d" ]; then
		run wizard "--resume=$d"
	else
		run wizard --load "$TESTDATA/orders/$1.json" "$1"
	fi
	wait_for 'Screen [0-9]+ of [0-9]+: ' "$1: curses starts again" ||
	    return
	curses_submit "$1 $2, again"
}

# The checks of a cell: one order in the sandbox, its ID shown, history
# lists it placed, nothing unknown left after resolve.
cell_check() {
	name="$1 x $2 x $3"
	cw /dev/null resolve
	placed=$(curl -s "$base/_sandbox/orders" | jq .placed)
	printf '%-8s %-12s %-24s %s\n' "$1" "$2" "$3" "$placed" >>"$matrix"
	[ "$placed" = 1 ] || fail "$name: $placed orders placed"
	id=$(curl -s "$base/_sandbox/orders" | jq -r '.orders[0].id')
	grep -q "$id" "$tmp/seen" || fail "$name: order $id never shown"
	"$CERTWIZ" history --json >"$tmp/hist" 2>/dev/null
	[ "$(jq --arg id "$id" '[.[] | select(.outcome == "placed" and
	    .order_id == $id)] | length' "$tmp/hist")" -ge 1 ] ||
	    fail "$name: history does not list order $id as placed"
	[ "$(jq '[.[] | select(.outcome | startswith("unknown"))] | length' \
	    "$tmp/hist")" -eq 0 ] || fail "$name: an attempt is left unknown"
	[ -z "$(newest_draft)" ] || fail "$name: a placed order's draft is left"
}

faults="badstatus http09 truncated gateway504 gateway404 late cut 500"
for front in submit plain resume curses; do
	k=0
	for f in $faults; do
		k=$((k + 1))
		if [ $((k % 2)) -eq 0 ]; then p=$alt; else p=$noalt; fi
		cell_start "$front $f" || continue
		"front_$front" "$p" "$f"
		cell_check "$front" "$f" "$p"
	done
done

# kill -9 at each step of a submission (at once: before or while the
# attempt is journaled; while the slow answer is awaited, after the order
# was placed), then what the user does: resolve, and submit again (placed
# now, or refused as placed before).
for step in 0.01 0.3 2; do
	cell_start "kill -9 after $step s" || continue
	fault slow
	"$CERTWIZ" submit "$alt" "$TESTDATA/orders/$alt.json" >"$tmp/out" \
	    2>"$tmp/err" &
	pid=$!
	sleep "$step"
	kill -9 "$pid"
	wait "$pid" 2>/dev/null
	: >"$tmp/seen"
	cw /dev/null resolve
	expect_status 0 "kill -9 after $step s: resolve"
	cw /dev/null submit "$alt" "$TESTDATA/orders/$alt.json"
	[ "$status" -eq 0 ] || [ "$status" -eq 5 ] ||
	    fail "kill -9 after $step s: submit again: status $status"
	cell_check "kill-9" "slow+${step}s" "$alt"
done

# SIGHUP, SIGINT or SIGTERM while the order is in flight: held until the
# outcome is journaled and printed, then 128+N. The answer takes 10 s, so
# a loaded machine (a sanitizer build under CI) still signals in flight.
slow=10
for sig in HUP INT TERM; do
	cell_start "SIG$sig in flight" || continue
	fault slow
	"$CERTWIZ" submit "$alt" "$TESTDATA/orders/$alt.json" >"$tmp/out" \
	    2>"$tmp/err" &
	pid=$!
	# In flight: the attempt is journaled, the slow answer awaited.
	wait_in_file '"event":"sent"' "$XDG_STATE_HOME/certwiz/journal"
	[ "$(grep -c '"event"' "$XDG_STATE_HOME/certwiz/journal")" -eq 1 ] ||
	    fail "SIG$sig in flight: the answer came before the signal"
	kill -s "$sig" "$pid"
	wait "$pid"
	st=$?
	case $sig in HUP) n=1 ;; INT) n=2 ;; TERM) n=15 ;; esac
	[ "$st" -eq $((128 + n)) ] || fail "SIG$sig in flight: status $st"
	cat "$tmp/out" "$tmp/err" >"$tmp/seen"
	grep -q '^order ID: [0-9]' "$tmp/out" ||
	    fail "SIG$sig in flight: the order ID was not printed"
	cell_check "SIG$sig" "slow" "$alt"
done
slow=

# --sandbox keeps its own journal, drafts and recall: nothing of it shows
# in the real history, and its hints carry --sandbox.
cell_start "sandbox state" && {
	cw /dev/null --sandbox submit "$alt" "$TESTDATA/orders/$alt.json"
	expect_status 0 "--sandbox submit"
	expect_in err "SANDBOX" "--sandbox says so"
	cw /dev/null history --json
	[ "$(jq length "$tmp/out")" -eq 0 ] ||
	    fail "a --sandbox order is in the real history"
	cw /dev/null --sandbox history --json
	[ "$(jq length "$tmp/out")" -eq 1 ] ||
	    fail "--sandbox history does not list its order"
	[ -f "$XDG_STATE_HOME/certwiz/sandbox/journal" ] &&
	    [ ! -e "$XDG_STATE_HOME/certwiz/journal" ] ||
	    fail "the sandbox journal is not its own"
	{ cat "$TESTDATA/plain/$alt.txt"; echo n; } >"$tmp/decline"
	cw "$tmp/decline" --sandbox wizard --plain --no-recall "$alt"
	expect_in err "continue with: certwiz --sandbox --plain --resume=" \
	    "the resume hint carries --sandbox"
}

# Drafts: sessions saving at the same moment each get a file of their own,
# and a draft another session holds is not resumed twice.
cell_start "drafts" && {
	head -n 5 "$TESTDATA/plain/$alt.txt" >"$tmp/short"
	pids=
	for n in 1 2 3 4 5 6; do
		"$CERTWIZ" wizard --plain --no-recall "$alt" <"$tmp/short" \
		    >/dev/null 2>&1 &
		pids="$pids $!"
	done
	for pid in $pids; do
		wait "$pid"
	done
	[ "$(ls "$drafts"/*.json | wc -l)" -eq 6 ] ||
	    fail "6 sessions at once: $(ls "$drafts" | wc -l) drafts"
	d=$(newest_draft)
	mkfifo "$tmp/hold"
	"$CERTWIZ" wizard --plain "--resume=$d" <"$tmp/hold" >/dev/null \
	    2>&1 &
	pid=$!
	exec 4>"$tmp/hold"
	sleep 0.5
	cw /dev/null wizard --plain "--resume=$d"
	[ "$status" -ne 0 ] || fail "a held draft was resumed twice"
	expect_in err "held by another certwiz session" \
	    "a held draft: says another session has it"
	exec 4>&-
	wait "$pid"
}

echo "The matrix (front, fault, product, orders placed):"
cat "$matrix"
echo "$cells cells"
finish "attempts.sh: all passed"
