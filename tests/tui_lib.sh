# tui_lib.sh: shared by the tmux tests of the curses wizard (sourced, not
# run): a private tmux server, keys, bounded waits on capture-pane, moving
# the focus to a field by its JSON path, and a state directory of its own.
# lib.sh has the rest: $tmp, fail (here showing the screen), finish.
. "${0%/*}/lib.sh"
command -v tmux >/dev/null 2>&1 || { echo "SKIP: tmux is missing"; exit 77; }
utf8=$(locale -a 2>/dev/null | grep -i -m1 -E '^(C|en_US)\.utf-?8$')
[ -n "$utf8" ] || { echo "SKIP: no UTF-8 locale"; exit 77; }

use_private_dirs
drafts=$XDG_STATE_HOME/certwiz/drafts
runs=0
sock="certwiz-test-$$-$runs"
on_exit 'tmux -L "$sock" -f /dev/null kill-server >/dev/null 2>&1'
: >"$tmp/screen"
fail_context=$tmp/screen

# Runs tmux on the private server.
tm() {
	tmux -L "$sock" -f /dev/null "$@"
}

# Sends keys (tmux key names) to the wizard.
keys() {
	tm send-keys -t w "$@"
}

# Types text literally.
type_text() {
	tm send-keys -t w -l -- "$1"
}

# Saves the screen to $tmp/screen.
snap() {
	tm capture-pane -p -t w >"$tmp/screen" 2>/dev/null
}

# How long waits last, in tenths of a second: generous, since a loaded CI
# machine running a sanitizer build is slow; a wait that succeeds returns
# as soon as the screen shows what it waits for.
: "${TUI_WAIT:=150}"

# Waits for a line matching extended regex $1 ($2 names the check): $3
# tries (TUI_WAIT) $4 s apart (0.1), each taking the screen with $5
# (snap; snap_joined joins the lines the terminal wrapped).
wait_screen() {
	i=0
	while [ $i -lt "${3:-$TUI_WAIT}" ]; do
		${5:-snap}
		grep -qE -- "$1" "$tmp/screen" && return 0
		sleep "${4:-0.1}"
		i=$((i + 1))
	done
	fail "$2: no line matches '$1'"
	return 1
}

# Saves the screen to $tmp/screen with wrapped lines joined again.
snap_joined() {
	tm capture-pane -p -J -t w >"$tmp/screen" 2>/dev/null
}

# Waits up to TUI_WAIT/10 s for a line matching an extended regex.
wait_for() {
	wait_screen "$1" "$2"
}

# Waits up to TUI_WAIT/10 s until no line matches an extended regex.
wait_gone() {
	i=0
	while [ $i -lt "$TUI_WAIT" ]; do
		snap
		grep -qE -- "$1" "$tmp/screen" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "$2: a line still matches '$1'"
	return 1
}

# Starts certwiz with the given arguments in a fresh 100x30 window named w
# (through a script, so no quoting goes through tmux).
run() {
	tm kill-server >/dev/null 2>&1
	# Each run is a first order unless KEEP_RECALL=1 (recall.json, the
	# real one and the sandbox's).
	[ "${KEEP_RECALL:-0}" = 1 ] ||
	    rm -f "$XDG_STATE_HOME/certwiz/recall.json" "$SBSTATE/recall.json"
	runs=$((runs + 1))
	sock="certwiz-test-$$-$runs"
	{
		# RUN_LC_ALL: another locale; RUN_PRELOAD: a shim to preload.
		echo "LC_ALL=${RUN_LC_ALL:-$utf8} CERTWIZ_TODAY=2026-11-20" \
		    "NO_COLOR=1"
		echo "export LC_ALL CERTWIZ_TODAY NO_COLOR"
		[ -z "${RUN_PRELOAD:-}" ] ||
		    echo "LD_PRELOAD='$RUN_PRELOAD'; export LD_PRELOAD"
		printf "'%s'" "$CERTWIZ"
		for a in "$@"; do
			printf " '%s'" "$a"
		done
		echo
		echo 'echo EXIT=$?'
		echo 'sleep 30'
	} >"$tmp/run.sh"
	tm new-session -d -s w -n w -x 100 -y 30 "sh '$tmp/run.sh'"
}

# The pid of the certwiz running in the pane (the script's child).
certwiz_pid() {
	ps -o pid= --ppid "$(tm list-panes -t w -F '#{pane_pid}')" |
	    tr -d ' ' | head -n 1
}

# Starts the wizard on a product, writing the body to $tmp/out.json.
start() {
	rm -f "$tmp/out.json"
	run wizard --dry-run --output "$tmp/out.json" "$1"
	wait_for "^Screen [0-9]+ of [0-9]+: " "$1: the wizard starts"
}

# Starts the wizard on a product against the embedded sandbox (submitting);
# its top line says SANDBOX.
start_embedded() {
	rm -f "$tmp/out.json"
	run --sandbox wizard "$1"
	wait_for "^SANDBOX  Screen [0-9]+ of [0-9]+: " \
	    "$1: the wizard starts on the sandbox"
}

# Opens the review and submits an order of the embedded sandbox
# (start_embedded); the result screen must show the order ID, and the
# sandbox's history (not the real one) lists it as placed.
submit_order() {
	keys F10
	wait_for '^Review: ' "$1: F10 opens the review"
	wait_for '^No problems left: F10 submits' "$1: no problems left" ||
	    return 1
	keys F10
	wait_for '^  Order ID: +[0-9]+' "$1: the result screen shows the order" ||
	    return 1
	wait_for 'the order is in the journal' "$1: the journal is named"
	wait_for '^What happens next' "$1: what happens next"
	keys Enter
	wait_for '^EXIT=0' "$1: Enter exits with status 0" || return 1
	"$CERTWIZ" --sandbox history >"$tmp/screen" 2>/dev/null
	grep -qE "^[^ ]+ +$1 +placed +[0-9]+" "$tmp/screen" ||
	    fail "$1: certwiz --sandbox history does not list it as placed"
	"$CERTWIZ" history >"$tmp/screen" 2>&1
	grep -qE "^[^ ]+ +$1 " "$tmp/screen" &&
	    fail "$1: a sandbox order in the real history"
	# A placed order's draft is gone: nothing to resume as is.
	ls "$SBSTATE/drafts/$1"-*.json >/dev/null 2>&1 &&
	    fail "$1: the placed order's draft is left"
}

# The focused field's path line.
path_line() {
	grep -E '^Path: ' "$tmp/screen"
}

# Waits until the focused field's path differs from $1 after a Tab; 1
# when it stays (Tab on the last field of the last screen: the status
# line says so, which ends the wait at once).
focus_moved() {
	j=0
	while [ $j -lt $((TUI_WAIT * 5)) ]; do
		snap
		# Only the path: the hint after it may change on its own (a
		# CSR's key line comes once the CSR is read).
		[ "$(path_line | awk '{ print $2 }')" != "$1" ] && return 0
		grep -q '^this is the last screen' "$tmp/screen" && return 1
		sleep 0.02
		j=$((j + 1))
	done
	return 1
}

# Moves the focus to the first field of the first screen (a new order
# opens on its first field that needs an answer): PgUp to the first
# screen, Up past its first field; the help box, opened once those keys
# are done, marks the end.
goto_top() {
	keys PPage PPage PPage PPage PPage PPage PPage PPage PPage
	for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		keys Up
	done
	keys F1
	wait_for 'closes this help' "the top of the form" ||
	    return 1
	keys Escape
	wait_gone 'closes this help' "the help box closes"
}

# Moves the focus forward (Tab, across screens) to the field at path $1;
# from the first field again when the last one is passed.
goto_path() {
	n=0
	top=0
	snap
	while [ $n -lt 150 ]; do
		grep -qF "Path: $1 " "$tmp/screen" && return 0
		prev=$(path_line | awk '{ print $2 }')
		keys Tab
		if ! focus_moved "$prev"; then
			[ $top = 0 ] || { fail "Tab to $1: never reached"; return 1; }
			top=1
			goto_top || return 1
		fi
		n=$((n + 1))
	done
	fail "Tab to $1: never reached"
	return 1
}

# Types text into the field at path $1 (cleared first).
set_text() {
	goto_path "$1" || return 1
	keys C-u
	type_text "$2"
}

# Chooses a value of the enumeration at path $1 by typing its first letters.
set_choice() {
	goto_path "$1" || return 1
	type_text "$2"
	wait_for "< $3" "$1: $3 chosen"
}

# Adds an item to the list at path $1 (Insert, on the list's own line).
add_item() {
	goto_path "$1" || return 1
	keys IC
	wait_for "^Path: $2" "$1: Insert adds an item"
}

# Reviews and finishes the order; validate must accept the body.
finish_order() {
	keys F10
	wait_for '^Review: ' "$1: F10 opens the review"
	wait_for '^No problems left' "$1: no problems left" || return 1
	keys F10
	wait_for '^EXIT=0' "$1: F10 finishes with status 0" || return 1
	if [ ! -f "$tmp/out.json" ]; then
		fail "$1: no body written"
		return 1
	fi
	[ "$(stat -c %a "$tmp/out.json")" = 600 ] || fail "$1: body mode"
	if ! "$CERTWIZ" validate "$1" "$tmp/out.json" >"$tmp/screen" 2>&1; then
		fail "$1: validate rejects the body"
		return 1
	fi
	return 0
}

# The CSR on one line, as typed.
csr_line() {
	tr -d '\n' <"$TESTDATA/csr-rsa.pem"
}

# Resizes the window below 80x24, checks the size message, resizes it back
# to 100x30 and waits for a line matching $1 ($2 names the check).
resize_and_back() {
	tm resize-window -t w -x 60 -y 20
	wait_for 'certwiz needs at least 80x24; this terminal is 60x20' "$2: size message"
	tm resize-window -t w -x 100 -y 30
	wait_for "$1" "$2: kept over a resize"
}

# Ctrl-Q with unsaved changes, then "quit without saving" once the
# question shows ($1 names the check).
quit_discard() {
	keys C-q
	wait_for 'd +quit without saving' "$1: quit asks" || return 1
	keys d
	wait_for '^EXIT=' "$1: quits"
}

# Fills in a document signing (org_1/org_2) order: its hash, subject,
# organization and years.
fill_document_signing_org() {
	set_choice certificate.signature_hash sha2 sha256
	set_text subject.name "Jan Jansen"
	set_text subject.job_title Clerk
	set_text subject.phone 0201234567
	set_text subject.email jan@example.nl
	set_text organization.id 123456
	set_choice order_validity.years 1 1
}
