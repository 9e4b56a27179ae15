#!/bin/sh
# secrets_core.sh: card orders placed under a pseudo-terminal (a tmux
# pane) by a certwiz run inside gdb, which takes a memory snapshot (gcore)
# at exit(), with the dump protection lifted for that run only
# (CERTWIZ_DEBUG_CORE=1). The card number, the CVV and the API key are then
# searched for in the snapshot, the pane's transcript (scrollback
# included), /proc/PID/environ and /proc/PID/cmdline: zero hits. Three
# modes: plain (card, CVV and key typed at their prompts), submit (a
# --output file and the key in the config file) and curses (--load of that
# file). The server is tests/peer, which takes any key and answers 201.
. "${0%/*}/tui_lib.sh"
command -v gdb >/dev/null 2>&1 || { echo "SKIP: gdb is missing"; exit 77; }
gdb -q -batch -nx -ex run --args /bin/true >/dev/null 2>&1 ||
    { echo "SKIP: gdb cannot run a program here (ptrace refused)"; exit 77; }
# A sanitizer build maps terabytes of shadow memory: its snapshot would fill
# the disk (80 GB seen), and ASan's own allocator keeps freed blocks around.
if ldd "$CERTWIZ" 2>/dev/null | grep -q -e libasan -e libubsan ||
    nm "$CERTWIZ" 2>/dev/null | grep -q __asan_init; then
	echo "SKIP: a sanitizer build (the snapshot is taken in the plain build)"
	exit 77
fi
PEER=${PEER:-./tests/peer}
CARD=4111111111111111
CVV=737
KEY=sk-core-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
ESC=$(printf '\033')

body='{"id": 100000777, "requests": [{"id": 300000777, "status": "pending"}]}'
printf 'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n' >"$tmp/201"
printf 'Content-Length: %s\r\nConnection: close\r\n\r\n%s' "${#body}" \
    "$body" >>"$tmp/201"
"$PEER" serve "$tmp/201" "$tmp/peer.log" >"$tmp/peer.out" 2>&1 &
peer_pid=$!
on_exit "kill $peer_pid 2>/dev/null"
wait_in_file '^port ' "$tmp/peer.out"
port=$(sed -n 's/^port //p' "$tmp/peer.out")
[ -n "$port" ] || { echo "tests/peer did not start"; exit 99; }

# Starts certwiz with the arguments under gdb in a fresh pane: at exit()
# gdb saves the memory to $tmp/core.$mode and /proc's environ and cmdline
# to $tmp/environ.$mode and $tmp/cmdline.$mode.
under_gdb() {
	mode=$1
	shift
	tm kill-server >/dev/null 2>&1
	runs=$((runs + 1))
	sock="certwiz-test-$$-$runs"
	cat >"$tmp/gdb.$mode" <<GDB
set breakpoint pending on
set confirm off
set pagination off
break exit
run
python
import gdb, shutil
pid = gdb.selected_inferior().pid
for n in ("environ", "cmdline"):
    shutil.copyfile("/proc/%d/%s" % (pid, n), "$tmp/%s.$mode" % n)
end
gcore $tmp/core.$mode
kill
GDB
	{
		echo "LC_ALL=$utf8 CERTWIZ_TODAY=2026-11-20 NO_COLOR=1"
		echo "CERTWIZ_DEBUG_CORE=1"
		echo "CERTWIZ_BASE_URL_US=http://127.0.0.1:$port/services/v2"
		echo "export LC_ALL CERTWIZ_TODAY NO_COLOR CERTWIZ_DEBUG_CORE"
		echo "export CERTWIZ_BASE_URL_US"
		printf "gdb -q -batch -nx -x '%s' --args '%s'" "$tmp/gdb.$mode" "$CERTWIZ"
		for a in "$@"; do
			printf " '%s'" "$a"
		done
		echo
		echo 'echo EXIT=$?'
		echo 'sleep 60'
	} >"$tmp/run.sh"
	tm new-session -d -s w -n w -x 100 -y 30 "sh '$tmp/run.sh'"
	tm set-option -t w history-limit 5000 >/dev/null
}

# Types lines $1 to $2 of the answers, each with Enter.
type_lines() {
	sed -n "$1,$2p" "$tmp/answers" | while IFS= read -r line; do
		[ -n "$line" ] && type_text "$line"
		keys Enter
	done
}

# Types a secret once its prompt (regex $1) is the last line shown.
type_secret() {
	wait_for "$1" "the prompt $1"
	sleep 0.3
	type_text "$2"
	keys Enter
}

# Searches the snapshot and /proc copies of mode $1, and the transcript.
search() {
	m=$1
	[ -s "$tmp/core.$m" ] || { fail "$m: no memory snapshot"; return; }
	tm capture-pane -p -S -5000 -t w >"$tmp/transcript.$m"
	for f in "$tmp/core.$m" "$tmp/environ.$m" "$tmp/cmdline.$m" \
	    "$tmp/transcript.$m"; do
		n=$(grep -a -c -F "$CARD" "$f")
		[ "$n" -eq 0 ] || fail "$m: the card number $n time(s) in ${f##*/}"
		n=$(grep -a -c -F "$KEY" "$f")
		[ "$n" -eq 0 ] || fail "$m: the API key $n time(s) in ${f##*/}"
		# The CVV as typed, as a JSON value or as a C string.
		n=$(LC_ALL=C grep -a -c -E "(^|[^0-9])$CVV(\$|\"|[^0-9.:/-])" "$f")
		[ "$n" -eq 0 ] || fail "$m: the CVV $n time(s) in ${f##*/}"
	done
	echo "$m: snapshot of $(($(wc -c <"$tmp/core.$m") / 1024)) KiB searched"
}

# The card answers, then yes to the submit question.
sed "s/^123\$/$CVV/" "$TESTDATA/plain/ds_org_individual-card.txt" \
    >"$tmp/answers"
card_at=$(grep -nx "$CARD" "$tmp/answers" | cut -d: -f1)
cvv_at=$(grep -nx "$CVV" "$tmp/answers" | cut -d: -f1)
total=$(wc -l <"$tmp/answers")

# Plain mode: card and CVV typed at their prompts, the key at its prompt.
under_gdb plain wizard --plain ds_org_individual
wait_for '^== Screen 1 of' "plain: the wizard starts under gdb"
type_lines 1 $((card_at - 1))
type_secret '^\[credit_card\.number\] .*:$' "$CARD"
type_lines $((card_at + 1)) $((cvv_at - 1))
type_secret '^\[credit_card\.cvv\] .*:$' "$CVV"
type_lines $((cvv_at + 1)) "$total"
wait_for '^\[submit\] Place this order' "plain: the submit question"
type_text y
keys Enter
type_secret '^\[api_key\] API key' "$KEY"
wait_for '^order ID: 100000777' "plain: the order is placed"
wait_for '^EXIT=' "plain: gdb is done"
search plain
grep -q "$ESC" "$tmp/transcript.plain" &&
    fail "plain: an escape in the transcript"

# submit: the body from an --output file (mode 0600, the one place card
# data may be), the key from the config file.
"$CERTWIZ" wizard --plain --dry-run --output "$tmp/card.json" \
    ds_org_individual <"$tmp/answers" >/dev/null 2>&1 ||
    fail "the --output file"
mkdir -p "$XDG_CONFIG_HOME/certwiz"
printf 'key_us = %s\n' "$KEY" >"$XDG_CONFIG_HOME/certwiz/config"
chmod 600 "$XDG_CONFIG_HOME/certwiz/config"
rm -f "$XDG_STATE_HOME/certwiz/journal"	# the same order once more
under_gdb submit submit ds_org_individual "$tmp/card.json"
wait_for '^EXIT=' "submit: gdb is done"
grep -q 'order ID: 100000777' "$tmp/transcript.submit" 2>/dev/null ||
    tm capture-pane -p -S -5000 -t w | grep -q 'order ID: 100000777' ||
    fail "submit: the order is not placed"
search submit

# The curses wizard: the card order loaded from that file, reviewed and
# placed with F10, F10, then Enter at the result.
rm -f "$XDG_STATE_HOME/certwiz/journal"
under_gdb curses wizard --load "$tmp/card.json" ds_org_individual
wait_for '^Screen 1 of [0-9]+: ' "curses: the wizard starts under gdb"
keys F10
wait_for '^No problems left: F10 submits' "curses: no problems left"
keys F10
wait_for '^  Order ID: +100000777' "curses: the order is placed"
keys Enter
wait_for '^EXIT=' "curses: gdb is done"
search curses

[ -z "${KEEP_CORE:-}" ] || cp "$tmp"/core.* "$tmp"/transcript.* "$KEEP_CORE"/
finish "secrets_core.sh: no card number, CVV or key in memory at exit"
