#!/bin/sh
# tui_resume.sh: leaving the curses wizard and coming back. Ctrl-Q asks
# (save and quit, quit without saving, cancel) and keys typed before the
# question showed do not answer it; every way out says what became of the
# answers; a resumed draft opens where it was left and says so. The
# review shows the alternative order ID that is sent, the draft keeps it,
# and --output holds exactly the body the sandbox received.
. "${0%/*}/tui_lib.sh"
need jq curl sha256sum

# Waits like wait_for, on the screen with lines the terminal wrapped
# joined again (the messages on exit name long paths).
wait_joined() {
	wait_screen "$1" "$2" "$TUI_WAIT" 0.1 snap_joined
}

# The newest draft file, or nothing.
newest_draft() {
	ls -t "$drafts"/*.json 2>/dev/null | head -n 1
}

# --- Quitting ---------------------------------------------------------------
start ds_org_individual
wait_for '\^C save\+quit' "the key bar names Ctrl-C, save and quit"
keys NPage
set_text subject.surname "Müller"
keys Tab
wait_for '^Path: subject.job_title ' "on the job title"
# Ctrl-Q and a key typed ahead in one go: the question stays open.
type_text "$(printf '\021s')"
wait_for 's +save a draft and quit' "Ctrl-Q asks: save and quit"
wait_for 'd +quit without saving' "... quit without saving"
wait_for 'c +cancel \(or Esc\)' "... or cancel"
sleep 0.5
snap
grep -qE 'd +quit without saving' "$tmp/screen" ||
    fail "a key typed ahead with Ctrl-Q answered the question"
[ -z "$(newest_draft)" ] || fail "a key typed ahead saved a draft"
keys Escape
wait_gone 'quit without saving' "Esc cancels"
wait_for '^not quitting' "and says so"
# s saves a draft and quits, saying where it is and how to resume it.
keys C-q
wait_for 'd +quit without saving' "Ctrl-Q asks again"
keys s
wait_for '^EXIT=1' "s quits"
wait_joined "^certwiz: quit; draft saved to $drafts/ds_org_individual-" \
    "s says where the draft is"
wait_joined "resume: certwiz --resume=$drafts/ds_org_individual-" \
    "and how to resume it"
draft=$(newest_draft)
[ -n "$draft" ] || fail "s saved no draft"

# --- Resuming where it was left ----------------------------------------------
run wizard "--resume=$draft"
wait_for "^Resumed draft ${draft##*/} saved at 20[0-9-]+T[0-9:]+Z" \
    "the status line names the draft and when it was saved"
wait_for '^Screen 2 of 8: Subject' "the draft opens on the screen left"
wait_for '^Path: subject.job_title ' "at the field left"
wait_for 'Last name \* +Müller' "with the answers"
# d quits without saving; the draft keeps the answers saved before.
type_text "Director"
keys C-q
wait_for 'd +quit without saving' "Ctrl-Q asks about the change"
keys d
wait_for '^EXIT=1' "d quits"
wait_joined "^certwiz: quit; the changes since the last save were discarded" \
    "d says the changes were discarded"
wait_joined "the draft $draft keeps the answers saved before" \
    "and names the draft that keeps the rest"
grep -q Director "$draft" && fail "d saved the change"

# A change of screen saves the draft: Ctrl-Q then quits at once and says
# where the answers are.
run wizard "--resume=$draft"
wait_for '^Path: subject.job_title ' "resumed again"
type_text "Director"
keys NPage
wait_for '^draft saved \(' "a change of screen saves the draft"
keys C-q
wait_for '^EXIT=1' "Ctrl-Q quits at once after the save"
wait_joined "^certwiz: quit; draft saved to $draft" \
    "Ctrl-Q after an autosave names the draft"
# Nothing changed, no draft: the answers are said to be discarded.
start ds_org_individual
keys C-q
wait_for '^EXIT=1' "Ctrl-Q on an untouched order quits"
wait_joined '^certwiz: quit; answers discarded' "and says the answers went"
# Ctrl-C saves and quits, and says where.
start ds_org_individual
keys NPage
type_text "Zoë"
keys C-c
wait_for '^EXIT=1' "Ctrl-C quits"
wait_joined '^certwiz: interrupted; draft saved to .*; resume: certwiz' \
    "Ctrl-C names the draft and the command that resumes it"

# --- The alternative order ID: in the review, the draft and --output -------
if [ "${CW_SANDBOX:-yes}" != no ]; then
	start_sandbox ||
	    { echo "SKIP: no port for the sandbox"; finish; exit 77; }
	base=http://127.0.0.1:$sandbox_port
	CERTWIZ_BASE_URL_US=$base/services/v2
	CERTWIZ_API_KEY_US=sandbox-us-key
	export CERTWIZ_BASE_URL_US CERTWIZ_API_KEY_US
	rm -f "$drafts"/*.json
	run wizard --output "$tmp/sent.json" document_signing_org_1
	wait_for "^Screen 1 of [0-9]+: " "alt: the wizard starts"
	fill_document_signing_org
	keys F10
	wait_for '"alternative_order_id": +"[A-Za-z0-9]{32}"' \
	    "alt: the review shows the ID that will be sent"
	alt=$(sed -n 's/.*"alternative_order_id": *"\([A-Za-z0-9]*\)".*/\1/p' \
	    "$tmp/screen")
	# The draft saved when the review opened keeps it (so Ctrl-Q has
	# nothing to ask); resumed, the same ID is sent.
	keys C-q
	wait_for '^EXIT=1' "alt: Ctrl-Q quits at once"
	draft=$(newest_draft)
	grep -q "\"alternative_order_id\":[[:space:]]*\"$alt\"" "$draft" ||
	    fail "alt: the draft lacks the alternative order ID $alt"
	run wizard "--resume=$draft" --output "$tmp/sent.json"
	wait_for '^Resumed draft ' "alt: resumed"
	keys F10
	wait_for "\"alternative_order_id\": +\"$alt\"" \
	    "alt: the resumed review shows the same ID"
	wait_for '^No problems left: F10 submits' "alt: nothing left"
	keys F10
	wait_for '^  Order ID: +[0-9]+' "alt: placed"
	wait_for "^  Alternative order ID: +$alt" "alt: the result names the ID"
	keys Enter
	wait_for '^EXIT=0' "alt: exits 0"
	orders=$(curl -s "$base/_sandbox/orders")
	[ "$(echo "$orders" | jq -r '.orders[-1].alternative_order_id')" = \
	    "$alt" ] || fail "alt: the sandbox got another ID: $orders"
	[ "$(jq -r .alternative_order_id "$tmp/sent.json")" = "$alt" ] ||
	    fail "alt: --output lacks the ID sent"
	# --output holds exactly the bytes the sandbox received.
	sum=$(sha256sum <"$tmp/sent.json" | cut -d' ' -f1)
	[ "$(echo "$orders" | jq -r '.orders[-1].raw_sha256')" = "$sum" ] ||
	    fail "alt: --output is not the bytes the sandbox received"
fi

finish "tui_resume.sh: all checks passed"
