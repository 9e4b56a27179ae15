#!/bin/sh
# drafts.sh: drafts of plain wizard runs: where they go, that they are
# private and hold no card data, that an unwritable state directory gives a
# clear message, and that --resume picks a draft up again.
. "${0%/*}/lib.sh"
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY
card=$TESTDATA/plain/ds_org_individual-card.txt

need jq
head -n "$(($(wc -l <"$card") - 3))" "$card" >"$tmp/short.txt"

# A state directory that cannot be made: a clear message, status 1.
: >"$tmp/file"
XDG_STATE_HOME=$tmp/file "$CERTWIZ" wizard --plain ds_org_individual \
    <"$tmp/short.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] || fail "unwritable state: status"
grep -q "the draft was not saved: cannot make the directory $tmp/file/certwiz" \
    "$tmp/err" || fail "unwritable state message: $(cat "$tmp/err")"

# A read-only drafts directory (root ignores modes, so only as a user).
if [ "$(id -u)" -ne 0 ]; then
	mkdir -p "$tmp/ro/certwiz/drafts"
	chmod 555 "$tmp/ro/certwiz/drafts"
	XDG_STATE_HOME=$tmp/ro "$CERTWIZ" wizard --plain ds_org_individual \
	    <"$tmp/short.txt" >/dev/null 2>"$tmp/err"
	grep -q "the draft was not saved: cannot write .*Permission denied" \
	    "$tmp/err" || fail "read-only message: $(cat "$tmp/err")"
fi

# A saved draft: 0600 in a 0700 directory, no card number or CVV.
XDG_STATE_HOME=$tmp/state
export XDG_STATE_HOME
"$CERTWIZ" wizard --plain ds_org_individual <"$tmp/short.txt" >/dev/null \
    2>"$tmp/err"
draft=$(sed -n 's/.*draft saved to \([^;]*\);.*/\1/p' "$tmp/err")
[ -f "$draft" ] || fail "no draft saved: $(cat "$tmp/err")"
[ "$(stat -c %a "$draft")" = 600 ] || fail "draft mode"
[ "$(stat -c %a "$tmp/state/certwiz/drafts")" = 700 ] || fail "drafts dir mode"
grep -q 4111111111111111 "$draft" && fail "draft holds the card number"
jq -e '.answers.credit_card | (has("number") or has("cvv")) | not' "$draft" \
    >/dev/null || fail "draft holds card secrets"
jq -e '.saved | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T")' "$draft" >/dev/null ||
    fail "draft saved time"
ls "$tmp/state/certwiz/drafts" | grep -v '\.json$' && fail "temporary files left"

# --resume (newest draft): the draft's answers are the defaults.
yes '' | head -n 300 | "$CERTWIZ" --plain --resume >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "resume without card: status"
grep -qF "Resuming the draft $draft." "$tmp/out" || fail "resume names the draft"
grep -qF "[subject.given_name] First name (required) [Zoë]:" "$tmp/out" ||
    fail "resumed answers are defaults"
grep -qF "[credit_card.number] error: is required" "$tmp/out" ||
    fail "card number asked again"
"$CERTWIZ" --plain --resume=no-such-draft </dev/null >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "unknown draft: status"
grep -q "no-such-draft.json" "$tmp/err" || fail "unknown draft message"

finish
