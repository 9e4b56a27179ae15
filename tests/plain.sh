#!/bin/sh
# plain.sh: drives "certwiz wizard --plain" through a pipe for every product
# with the answer files in tests/data/plain, and checks the bodies it writes,
# its error messages, card masking and the draft saved when input ends.
. "${0%/*}/lib.sh"
need_sandbox
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY
use_private_dirs
CARD=4111111111111111

# Forgets the last order (recall.json, tests/recall.sh), so that every run
# here is a first order.
fresh() {
	rm -f "$XDG_STATE_HOME/certwiz/recall.json"
}

# Runs the plain wizard for product $1 on answer file $2, output to out.json.
wizard() {
	rm -f "$tmp/out.json"
	fresh
	"$CERTWIZ" wizard --plain --dry-run --output "$tmp/out.json" "$1" \
	    <"$2" >"$tmp/out" 2>"$tmp/err"
	status=$?
}

# Checks that a file does not hold a fixed string.
expect_not_in() {
	if grep -qF -- "$2" "$1"; then fail "$3: '$2' found in $1"; fi
}

# Every product: a complete order that validate accepts.
for p in $PRODUCTS; do
	wizard "$p" "$TESTDATA/plain/$p.txt"
	[ "$status" -eq 0 ] || fail "$p: status $status ($(tail -n 3 "$tmp/out" "$tmp/err"))"
	"$CERTWIZ" validate "$p" "$tmp/out.json" >/dev/null 2>&1 ||
	    fail "$p: validate rejects the body written"
	expect_in out "== Screen 1 of " "$p screen header"
	expect_in out "[payment_method] Payment method (" "$p payment prompt"
	expect_in out "[organization.id] Organization ID (required):" "$p id prompt"
	expect_in out "The order is complete and valid." "$p review"
	if grep -v '^\[.*:$' "$tmp/out" | grep -q '^\['; then
		grep -q '^\[[^ ]*\] error: ' "$tmp/out" &&
		    fail "$p: unexpected error lines"
	fi
done

# A bad answer shows the error and asks again.
wizard ds_org_individual "$TESTDATA/plain/ds_org_individual-bad.txt"
[ "$status" -eq 0 ] || fail "bad answers: status $status"
expect_in out "[subject.email] error: must be an email address, e.g. name@example.com" \
    "bad email error"
expect_in out "[order_validity.years] error: must be one of 1, 2 or 3" "bad enum error"
[ "$(grep -c '^\[subject.email\] Email (required)' "$tmp/out")" -eq 2 ] ||
    fail "bad email is asked again"
"$CERTWIZ" validate ds_org_individual "$tmp/out.json" >/dev/null 2>&1 ||
    fail "bad answers: final body not valid"

# Card payment and a hardware token: shipping and billing screens appear,
# the card stays out of stdout, the output file is private.
card=$TESTDATA/plain/ds_org_individual-card.txt
wizard ds_org_individual "$card"
[ "$status" -eq 0 ] || fail "card: status $status ($(tail -n 3 "$tmp/err"))"
expect_in out "== Screen 4 of 8: Shipping ==" "ship_token shows shipping"
expect_in out "== Screen 8 of 8: Card and billing ==" "card shows billing"
expect_in out "[credit_card.number] Card number (required):" "card prompt"
expect_in out '"number":	"************1111"' "masked card number"
expect_in out '"cvv":	"***"' "masked cvv"
expect_not_in "$tmp/out" "$CARD" "stdout holds the card number"
expect_not_in "$tmp/out" '"123"' "stdout holds the cvv"
[ "$(stat -c %a "$tmp/out.json")" = 600 ] || fail "output mode is not 0600"
[ "$(jq -r .credit_card.number "$tmp/out.json")" = "$CARD" ] ||
    fail "output file lacks the real card number"
"$CERTWIZ" validate ds_org_individual "$tmp/out.json" >/dev/null 2>&1 ||
    fail "card: body not valid"

# Input ending early: status 1, a draft without card data.
head -n "$(($(wc -l <"$card") - 3))" "$card" >"$tmp/short.txt"
wizard ds_org_individual "$tmp/short.txt"
[ "$status" -eq 1 ] || fail "early EOF: status $status"
expect_in err "input ended before the order was complete; draft saved to" "EOF message"
draft=$(sed -n 's/.*draft saved to //p' "$tmp/err")
[ -f "$draft" ] || fail "no draft at '$draft'"
case $draft in "$XDG_STATE_HOME"/certwiz/drafts/ds_org_individual-*.json) ;;
*) fail "draft path $draft" ;; esac
if [ -f "$draft" ]; then
	expect_not_in "$draft" "$CARD" "draft holds the card number"
	jq -e '.product == "ds_org_individual" and
	    (.answers.credit_card | has("number") or has("cvv") | not) and
	    .answers.credit_card.cardholder_name == "Zoe Muller"' "$draft" \
	    >/dev/null || fail "draft content"
	[ "$(stat -c %a "$draft")" = 600 ] || fail "draft mode is not 0600"
	[ "$(stat -c %a "$XDG_STATE_HOME/certwiz/drafts")" = 700 ] ||
	    fail "drafts dir mode is not 0700"
fi

# No answers at all: nothing changed, nothing saved.
wizard ds_org_individual /dev/null
[ "$status" -eq 1 ] || fail "empty input: status $status"
expect_in err "input ended before the order was complete" "empty input message"

# --load: problems first, then the loaded answers as defaults.
wizard ds_org_individual "$TESTDATA/plain/ds_org_individual.txt"
jq '.bogus = 1 | .subject.email = "nope"' "$tmp/out.json" >"$tmp/load.json"
yes '' | head -n 200 | "$CERTWIZ" wizard --plain --load "$tmp/load.json" \
    ds_org_individual >"$tmp/out" 2>"$tmp/err"
expect_in out "[bogus] warning: unknown field" "--load warns about unknown fields"
expect_in out "[subject.email] problem: must be an email address" "--load lists problems"
expect_in out "[subject.given_name] First name (required) [Zoë]:" "--load answers are defaults"

# Submitting on the embedded sandbox: a final "y" places every product's
# order; "n" sends nothing; the card never shows.
for p in $PRODUCTS; do
	fresh
	{ cat "$TESTDATA/plain/$p.txt"; echo y; } |
	    "$CERTWIZ" --sandbox wizard --plain "$p" >"$tmp/out" 2>"$tmp/err"
	status=$?
	[ "$status" -eq 0 ] || fail "$p submit: status $status ($(tail -n 3 "$tmp/out" "$tmp/err"))"
	expect_in out "[submit] Submit this order to the " "$p submit prompt"
	grep -qE '^order ID: [0-9]+$' "$tmp/out" || fail "$p submit: no order ID"
done
fresh
{ cat "$TESTDATA/plain/ds_org_individual.txt"; echo n; } |
    "$CERTWIZ" --sandbox wizard --plain ds_org_individual >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] || fail "submit declined: status"
expect_in out "Nothing was submitted." "submit declined"
expect_in err "the answers are kept in" "a declined order is kept in a draft"
# Input ending at the submit question: status 1 and a draft, not lost
# answers (README: input ending early saves a draft).
fresh
rm -rf "$XDG_STATE_HOME/certwiz/drafts"
"$CERTWIZ" --sandbox wizard --plain ds_org_individual \
    <"$TESTDATA/plain/ds_org_individual.txt" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "EOF at the submit question: status"
expect_in err "the answers are kept in" "EOF at the submit question: draft named"
set -- "$XDG_STATE_HOME"/certwiz/drafts/ds_org_individual-*.json
[ -f "$1" ] && grep -q 'Zo' "$1" ||
    fail "EOF at the submit question: no draft with the answers"
fresh
{ cat "$card"; echo y; } |
    "$CERTWIZ" --sandbox wizard --plain ds_org_individual >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] || fail "card submit: status ($(tail -n 3 "$tmp/out" "$tmp/err"))"
expect_not_in "$tmp/out" "$CARD" "card submit: stdout holds the card number"
expect_not_in "$tmp/err" "$CARD" "card submit: stderr holds the card number"
"$CERTWIZ" history >"$tmp/out" 2>&1
[ "$(grep -c ' placed ' "$tmp/out")" -eq 7 ] ||
    fail "submit: history does not list 7 placed orders"

# Product picker on stdin.
fresh
printf 'ds_org_individual\n' | "$CERTWIZ" --plain >"$tmp/out" 2>"$tmp/err"
expect_in out ") ds_org_individual  Document Signing for Business" "picker lists products"
expect_in out "== Screen 1 of 8: Certificate ==" "picker starts the product"

finish
