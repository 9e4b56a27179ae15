#!/bin/sh
# lookups.sh: plain mode's account look-ups on the embedded sandbox: "??"
# at a contact's user ID lists the users (a number or an ID picks one and
# fills the contact), at container.id the containers; a failed look-up
# leaves typing open; without a key nothing is offered.
. "${0%/*}/lib.sh"
need_sandbox
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY
use_private_dirs
p=document_signing_org_1
ans=$TESTDATA/plain/$p.txt

# Runs certwiz with no answers remembered from an earlier run.
cw() {
	rm -f "$XDG_STATE_HOME/certwiz/recall.json"
	"$CERTWIZ" "$@"
}

# The answer line (1-based) of the first prompt of $ans matching $1.
prompt_line() {
	rm -f "$XDG_STATE_HOME/certwiz/recall.json"
	{ cat "$ans"; echo n; } |
	    "$CERTWIZ" wizard --plain --no-recall --dry-run --output "$tmp/x.json" "$p" \
	    2>/dev/null | grep -E '^\[[^]]*\] .*:$' | grep -n -- "$1" |
	    head -n 1 | cut -d: -f1
}

# Replaces answer line $1 of $ans by the lines of $2, into $tmp/ans.
splice() {
	{ head -n $(($1 - 1)) "$ans"; printf '%b' "$2"
	  tail -n +$(($1 + 1)) "$ans"; } >"$tmp/ans"
}

# A contact picked by number 2: Zoë Müller, her details as defaults.
n=$(prompt_line 'Add an item to Contacts?')
[ -n "$n" ] || fail "no contacts prompt in the $p answers"
splice "$n" 'y\n??\n2\n\n\n\n\n\n1\nn\n'
cw --sandbox wizard --plain --no-recall --dry-run --output "$tmp/o.json" "$p" \
    <"$tmp/ans" >"$tmp/out" 2>"$tmp/err"
status=$?
expect_status 0 "contact pick: the order completes"
expect_in out "[organization.contacts[0].user_id] (?? lists the users; picking one fills in the contact)" \
    "contact pick: ? is offered"
expect_in out "[organization.contacts[0].user_id] Users of the account (contacts): answer a number from the list, or an ID" \
    "contact pick: ? lists the users"
expect_in out "[organization.contacts[0].user_id]   2) 1002 Zoë Müller zoe.muller@example.com Security Officer" \
    "contact pick: a numbered user line"
expect_in out "[organization.contacts[0].first_name] First name (optional) [Zoë]:" \
    "contact pick: the first name is filled"
[ "$(jq -c '.organization.contacts[0] | [.user_id, .first_name,
    .last_name, .email, .job_title, .telephone]' "$tmp/o.json")" = \
    '[1002,"Zoë","Müller","zoe.muller@example.com","Security Officer","+1 617-555-0102"]' ] ||
    fail "contact pick: the body's contact: $(jq -c .organization "$tmp/o.json")"

# An ID typed instead of a number picks that user too.
splice "$n" 'y\n??\n1003\n\n\n\n\n\n2\nn\n'
cw --sandbox wizard --plain --no-recall --dry-run --output "$tmp/o.json" "$p" \
    <"$tmp/ans" >"$tmp/out" 2>"$tmp/err"
[ "$(jq -r '.organization.contacts[0] | "\(.user_id) \(.last_name)"' \
    "$tmp/o.json")" = "1003 Dubois" ] || fail "contact pick by ID"

# A container picked by number from GET container.
n=$(prompt_line 'Add Container?')
[ -n "$n" ] || fail "no container prompt in the $p answers"
splice "$n" 'y\n??\n2\n'
cw --sandbox wizard --plain --no-recall --dry-run --output "$tmp/o.json" "$p" \
    <"$tmp/ans" >"$tmp/out" 2>"$tmp/err"
expect_in out "[container.id]   2) 679394 Labs 679393" "container pick: listed"
[ "$(jq -c .container "$tmp/o.json")" = '{"id":679394}' ] ||
    fail "container pick: $(jq -c .container "$tmp/o.json")"

# The look-up fails (HTTP 500): the prompt stays open for a typed ID.
n=$(prompt_line 'Organization ID')
splice "$n" '??\n123456\n'
CERTWIZ_SANDBOX_FAULTS=500 cw --sandbox wizard --plain --no-recall --dry-run \
    --output "$tmp/o.json" "$p" <"$tmp/ans" >"$tmp/out" 2>"$tmp/err"
status=$?
expect_status 0 "failed look-up: the order completes"
expect_in out "[organization.id] the look-up of the organizations failed (" \
    "failed look-up: said so"
[ "$(jq .organization.id "$tmp/o.json")" = 123456 ] ||
    fail "failed look-up: the typed ID"

# Without a key nothing is looked up, and nothing is asked for.
cw wizard --plain --no-recall --dry-run --output "$tmp/o.json" "$p" <"$ans" \
    >"$tmp/out" 2>"$tmp/err"
grep -qF "(?? lists" "$tmp/out" && fail "no key: a look-up was offered"
# With a key but no "??", nothing is fetched: scripted answers, and the
# faults the sandbox schedules, meet the same requests as before.
CERTWIZ_SANDBOX_FAULTS=500 cw --sandbox wizard --plain --no-recall --dry-run \
    --output "$tmp/o.json" "$p" <"$ans" >"$tmp/out" 2>"$tmp/err"
expect_status 0 "no ?: the order completes"
grep -qF 'look-up' "$tmp/out" && fail "no ?: a look-up was made"
finish "lookups: ok"
