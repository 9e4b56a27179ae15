#!/bin/sh
# tui_faults.sh: terminal faults against the curses wizard: a resize to 20x5
# and back (answers kept), keys while too small, SIGTERM and SIGHUP (a draft,
# 128+signal, the terminal restored), the terminal closed under it, and
# stdin not a terminal or closed (plain mode, no hang).
. "${0%/*}/tui_lib.sh"
need_sandbox
cases=0

# 1 when the pane is still on the alternate screen (curses not ended).
alt_screen() {
	[ "$(tm display-message -p -t w '#{alternate_on}' 2>/dev/null)" = 1 ]
}

# A resize to 20x5 mid-form, keys while it is that small, and back.
cases=$((cases + 1))
start ds_org_individual
keys NPage
wait_for '^Screen 2 of [0-9]+: Subject' "PgDn goes to Subject"
type_text "Zoë"; keys Tab; type_text "Müller"; keys Tab
wait_for 'Last name \* +Müller$' "the answers are shown"
tm resize-window -t w -x 20 -y 5
wait_for '^certwiz needs at' "20x5: the size message"
keys Tab Tab BTab
tm resize-window -t w -x 12 -y 2
sleep 0.2
tm resize-window -t w -x 100 -y 30
wait_for 'First name \* +Zoë$' "first name kept over 20x5"
wait_for 'Last name \* +Müller$' "last name kept over 20x5"
for size in "80 24" "20 5" "200 60" "100 30"; do
	set -- $size
	tm resize-window -t w -x "$1" -y "$2"
done
wait_for 'First name \* +Zoë$' "first name kept over several resizes"
keys C-c
wait_for '^EXIT=' "Ctrl-C after the resizes ends the wizard"

# SIGTERM and SIGHUP: a draft, 128+signal, the terminal given back.
for sig in TERM HUP; do
	cases=$((cases + 1))
	rm -rf "$drafts"
	start ds_org_individual
	keys NPage
	wait_for '^Screen 2 of [0-9]+: Subject' "SIG$sig: Subject"
	type_text "Zoë"
	wait_for 'First name \* +Zoë$' "SIG$sig: typed"
	pid=$(certwiz_pid)
	[ -n "$pid" ] || { fail "SIG$sig: no certwiz in the pane"; continue; }
	kill -s "$sig" "$pid"
	case $sig in TERM) n=15 ;; HUP) n=1 ;; esac
	wait_for "^EXIT=$((128 + n))" "SIG$sig exits $((128 + n))"
	wait_for "stopped by signal $n; draft saved to " "SIG$sig says where the draft is"
	alt_screen && fail "SIG$sig: the terminal is left on the alternate screen"
	set -- "$drafts"/*.json
	[ -f "$1" ] && grep -q 'Zoë' "$1" || fail "SIG$sig: the draft lacks the answer"
done

# SIGTERM when the draft cannot be written (its path turned into a
# directory): the message must not claim a draft was saved.
cases=$((cases + 1))
rm -rf "$tmp/rd"
mkdir -p "$tmp/rd"
printf '{"product": "ds_org_individual", "answers": {}}\n' >"$tmp/rd/d.json"
run wizard "--resume=$tmp/rd/d.json"
wait_for '^Screen 1 of [0-9]+: ' "unsaved: --resume starts"
keys NPage
wait_for '^Screen 2 of [0-9]+: Subject' "unsaved: Subject"
type_text "Zoë"
wait_for 'First name \* +Zoë$' "unsaved: typed"
rm -f "$tmp/rd/d.json"
mkdir "$tmp/rd/d.json"
pid=$(certwiz_pid)
[ -n "$pid" ] && kill -s TERM "$pid"
wait_for '^EXIT=143' "unsaved: SIGTERM exits 143"
wait_for 'stopped by signal 15; draft not saved' "unsaved: says the draft was not saved"
grep -q 'draft saved to' "$tmp/screen" && fail "unsaved: claims a draft was saved"

# The terminal closed under the wizard (the pane killed: SIGHUP): a draft.
cases=$((cases + 1))
rm -rf "$drafts"
start ds_org_individual
keys NPage
wait_for '^Screen 2 of [0-9]+: Subject' "closed terminal: Subject"
type_text "Zoë"
wait_for 'First name \* +Zoë$' "closed terminal: typed"
pid=$(certwiz_pid)
tm kill-server >/dev/null 2>&1
i=0
while [ $i -lt 50 ] && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
    { fail "closed terminal: certwiz still runs"; kill -9 "$pid"; }
set -- "$drafts"/*.json
[ -f "$1" ] && grep -q 'Zoë' "$1" || fail "closed terminal: no draft with the answer"

# stdin not a terminal, or closed: plain mode, ends with a message.
for how in devnull closed; do
	cases=$((cases + 1))
	case $how in
	devnull) timeout 20 "$CERTWIZ" wizard ds_org_individual </dev/null \
	    >"$tmp/out" 2>"$tmp/err" ;;
	closed) timeout 20 "$CERTWIZ" wizard ds_org_individual <&- \
	    >"$tmp/out" 2>"$tmp/err" ;;
	esac
	st=$?
	[ "$st" -eq 1 ] || [ "$st" -eq 2 ] || fail "stdin $how: status $st"
	[ -s "$tmp/err" ] || fail "stdin $how: no message"
	grep -q 'Screen 1 of' "$tmp/out" || [ "$how" = closed ] ||
	    fail "stdin $how: not the plain prompts"
done
# stdout not a terminal either, the picker too.
cases=$((cases + 1))
timeout 20 "$CERTWIZ" </dev/null >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" -eq 1 ] || [ "$st" -eq 2 ] || fail "picker without a terminal: status $st"

# The sandbox's faults through the curses wizard (a 500 on the review, then
# F10 placing exactly one order) are in tui_submit.sh.

echo "$cases terminal fault cases"
finish "tui_faults.sh: all checks passed"
