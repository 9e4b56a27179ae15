#!/bin/sh
# plain.sh: drives "certwiz wizard --plain" through a pipe for every product
# with the answer files in tests/data/plain, and checks the bodies it writes,
# its error messages, card masking and the draft saved when input ends.
. "${0%/*}/lib.sh"
need_sandbox
need jq curl sha256sum
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY
use_private_dirs
CARD=4111111111111111

# Forgets the last order (recall.json, tests/recall.sh; --sandbox keeps its
# own), so that every run here is a first order.
fresh() {
	rm -f "$XDG_STATE_HOME/certwiz/recall.json" "$SBSTATE/recall.json"
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
draft=$(sed -n 's/.*draft saved to \([^;]*\);.*/\1/p' "$tmp/err")
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
	expect_in out "[submit] Place this order on the " "$p submit prompt"
	grep -qE '^order ID: [0-9]+$' "$tmp/out" || fail "$p submit: no order ID"
	expect_in err "SANDBOX: orders go to the simulator" "$p submit SANDBOX"
	expect_in out "== SANDBOX  Screen 1 of " "$p: every screen says SANDBOX"
	expect_in out "Follow it with: certwiz --sandbox status --platform " \
	    "$p: what happens next"
	# The sentences follow the order placed: org_1's answers name no
	# contacts, so no contact named in it is said to get an email.
	[ "$p" = document_signing_org_1 ] || continue
	expect_in out "The order names no contacts" "org_1 result: no contacts"
	expect_not_in "$tmp/out" "named in the order get an email" \
	    "org_1 result: no contact gets an email"
done
# A placed order's draft is removed: none is left to resume.
set -- "$SBSTATE"/drafts/*.json
[ -e "$1" ] && fail "placed orders left drafts: $*"
fresh
{ cat "$TESTDATA/plain/ds_org_individual.txt"; echo n; } |
    "$CERTWIZ" --sandbox wizard --plain ds_org_individual >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] || fail "submit declined: status"
expect_in out "Nothing was submitted." "submit declined"
expect_in err "the answers are kept in" "a declined order is kept in a draft"
# Input ending at the submit question: status 1 and a draft, not lost
# answers (README: input ending early saves a draft).
fresh
rm -rf "$SBSTATE/drafts"
"$CERTWIZ" --sandbox wizard --plain ds_org_individual \
    <"$TESTDATA/plain/ds_org_individual.txt" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "EOF at the submit question: status"
expect_in err "the answers are kept in" "EOF at the submit question: draft named"
set -- "$SBSTATE"/drafts/ds_org_individual-*.json
[ -f "$1" ] && grep -q 'Zo' "$1" ||
    fail "EOF at the submit question: no draft with the answers"
fresh
{ cat "$card"; echo y; } |
    "$CERTWIZ" --sandbox wizard --plain ds_org_individual >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] || fail "card submit: status ($(tail -n 3 "$tmp/out" "$tmp/err"))"
expect_not_in "$tmp/out" "$CARD" "card submit: stdout holds the card number"
expect_not_in "$tmp/err" "$CARD" "card submit: stderr holds the card number"
"$CERTWIZ" --sandbox history >"$tmp/out" 2>/dev/null
[ "$(grep -c ' placed ' "$tmp/out")" -eq 7 ] ||
    fail "submit: sandbox history does not list 7 placed orders"
"$CERTWIZ" history >"$tmp/out" 2>&1
expect_in out "no submissions yet" "sandbox orders stay out of history"

# Answers with lines spliced in: plain_with FILE N LINES... prints the
# first N lines of FILE, then LINES, then the rest of FILE.
plain_with() {
	cw_file=$1 cw_n=$2
	shift 2
	sed -n "1,${cw_n}p" "$cw_file"
	printf '%s\n' "$@"
	sed -n "$((cw_n + 1)),\$p" "$cw_file"
}
ds=$TESTDATA/plain/ds_org_individual.txt

# "<" goes back one question, also across screens; "-" too, at a yes/no.
# Line 12 of the answers is the last name, 17 the organization ID, 27
# "Add another contact?".
plain_with "$ds" 11 Wrong '<' >"$tmp/back1.txt"
plain_with "$tmp/back1.txt" 17 '<' '' >"$tmp/back2.txt"
plain_with "$tmp/back2.txt" 30 '-' '' >"$tmp/back.txt"
wizard ds_org_individual "$tmp/back.txt"
[ "$status" -eq 0 ] || fail "back: status $status ($(tail -n 3 "$tmp/err"))"
expect_in out "[subject.surname] Last name (required) [Wrong]:" \
    "< asks the last question again with its answer"
[ "$(jq -r .subject.surname "$tmp/out.json")" = "Müller" ] ||
    fail "back: the corrected answer is not sent"
[ "$(grep -c '^\[subject.email\] Email (required)' "$tmp/out")" -eq 2 ] ||
    fail "back: < on the next screen does not go back to Email"
[ "$(grep -c '^\[organization.contacts\[0\].contact_type\]' "$tmp/out")" \
    -eq 2 ] || fail "back: - at a yes/no does not go back"
"$CERTWIZ" validate ds_org_individual "$tmp/out.json" >/dev/null 2>&1 ||
    fail "back: body not valid"
printf '<\n' | "$CERTWIZ" wizard --plain --dry-run ds_org_individual \
    >"$tmp/out" 2>"$tmp/err"
expect_in out "note: this is the first question" "< on the first question"

# "?" prints the help and why the field is asked, with labels.
plain_with "$ds" 4 '?' >"$tmp/help.txt"
wizard ds_org_individual "$tmp/help.txt"
[ "$status" -eq 0 ] || fail "?: status $status"
expect_in out "[cs_provisioning_method] help: How the certificate reaches you" \
    "? prints the help"
expect_in out "[cs_provisioning_method] why: Provisioning method is required" \
    "? prints why"
n=$(grep -n '^4111' "$card" | cut -d: -f1)
plain_with "$card" $((n - 1)) '?' >"$tmp/help.txt"
wizard ds_org_individual "$tmp/help.txt"
expect_in out "[credit_card.number] why: Card number is required because Payment method is card (screen Payment)." \
    "? on the card number names the condition in words"

# "??" lists the organizations from the look-up; without a key, or when
# it fails, it says so and the question is asked again.
plain_with "$ds" 16 '??' >"$tmp/look.txt"
fresh
{ cat "$tmp/look.txt"; echo n; } | "$CERTWIZ" --sandbox wizard --plain \
    ds_org_individual >"$tmp/out" 2>"$tmp/err"
expect_in out "[organization.id] Organizations of the account: answer a number" \
    "?? lists organizations"
expect_in out "[organization.id]   3) 123458 Exemple Canada Ltée ca" "?? shows a row"
wizard ds_org_individual "$tmp/look.txt"
[ "$status" -eq 0 ] || fail "?? without a key: status $status"
expect_in out "[organization.id] note: the look-up cannot run: no API key" \
    "?? without a key says so"
fresh
CERTWIZ_API_KEY_US=abc CERTWIZ_BASE_URL_US=https://127.0.0.1:9/services/v2 \
    "$CERTWIZ" --timeout 5 wizard --plain --dry-run ds_org_individual \
    <"$tmp/look.txt" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] || fail "?? failing: the order did not go on"
expect_in out "[organization.id] the look-up of the organizations failed (" \
    "?? says when the look-up fails"

# Key type ecc: Key size follows (and says so) instead of staying 2048.
# (with an ECC P-256 CSR, which the engine reads and matches to the key)
plain_with "$ds" 6 2 >"$tmp/ecc.txt"
sed -i '8d' "$tmp/ecc.txt"
ecc_csr=$(tr -d '\n' <"$TESTDATA/csr/ecc-p256.pem")
sed -i "6s|.*|$ecc_csr|" "$tmp/ecc.txt"
wizard ds_org_individual "$tmp/ecc.txt"
[ "$status" -eq 0 ] || fail "ecc: status $status ($(tail -n 3 "$tmp/out"))"
expect_in out "[certificate.csr_key_type] note: Key size set to p-256: 2048 is not allowed when Key type is ecc (screen Certificate)" \
    "Key size follows Key type"
[ "$(jq -r .certificate.key_size "$tmp/out.json")" = p-256 ] ||
    fail "ecc: key size sent is not p-256"

# "!" clears an optional answer: Comments (answer line 31) typed, then
# "<" back to it and "!".
plain_with "$ds" 30 abc '<' '!' >"$tmp/clear.txt"
sed -i '34d' "$tmp/clear.txt"
wizard ds_org_individual "$tmp/clear.txt"
[ "$status" -eq 0 ] || fail "!: status $status ($(tail -n 3 "$tmp/out"))"
expect_in out "[comments] Comments (optional) [abc]:" "! : the answer was there"
jq -e 'has("comments") | not' "$tmp/out.json" >/dev/null ||
    fail "! does not clear the answer"

# "Make default card" is a yes/no question that sends 1 or 0.
wizard ds_org_individual "$card"
expect_in out "[credit_card.set_as_default] Make default card (required) (y/n: y sends 1, n sends 0):" \
    "Make default card offers y/n"
[ "$(jq -r .credit_card.set_as_default "$tmp/out.json")" = 1 ] ||
    fail "Make default card: y does not send 1"

# The resume hint is a command that works as printed (with --sandbox and
# --plain): input ending early, and input ending at the submit question,
# whose draft the printed command then resumes and places.
fresh
head -n 20 "$ds" | "$CERTWIZ" --sandbox wizard --plain ds_org_individual \
    >"$tmp/out" 2>"$tmp/err"
expect_in err "; continue with: certwiz --sandbox --plain --resume=$XDG_STATE_HOME/" \
    "input ending early says how to continue"
fresh
rm -f "$SBSTATE/journal"	# the same order as above, placed once more
"$CERTWIZ" --sandbox wizard --plain ds_org_individual <"$ds" >"$tmp/out" \
    2>"$tmp/err"
hint=$(sed -n 's/.*; continue with: //p' "$tmp/err")
case $hint in "certwiz --sandbox --plain --resume="*) ;;
*) fail "resume hint: '$hint'" ;; esac
# Blank lines keep every answer but decline at [submit] (default no):
# count the prompts before it, then answer them blank and the last y.
yes '' | head -n 200 |
    eval "\"\$CERTWIZ\"${hint#certwiz}" >"$tmp/out" 2>"$tmp/err"
n=$(sed -n '/^\[submit\]/q;/:$/p' "$tmp/out" | wc -l)
{ yes '' | head -n "$n"; echo y; } |
    eval "\"\$CERTWIZ\"${hint#certwiz}" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] || fail "the resume hint does not work ($(tail -n 2 "$tmp/err"))"
expect_in out "Resuming the draft" "the resume hint resumes"
grep -qE '^order ID: [0-9]+$' "$tmp/out" ||
    fail "the resumed order was not placed"

# Product picker on stdin.
fresh
printf 'ds_org_individual\n' | "$CERTWIZ" --plain >"$tmp/out" 2>"$tmp/err"
expect_in out ") ds_org_individual  Document Signing for Business" "picker lists products"
expect_in out "== Screen 1 of 8: Certificate ==" "picker starts the product"

# The review gives the order its alternative order ID, and --output holds
# exactly the bytes the sandbox received (a standalone one, to ask it).
if start_sandbox; then
	fresh
	{ cat "$TESTDATA/plain/document_signing_org_1.txt"; echo y; } |
	    CERTWIZ_BASE_URL_US=http://127.0.0.1:$sandbox_port/services/v2 \
	    CERTWIZ_API_KEY_US=sandbox-us-key "$CERTWIZ" wizard --plain \
	    --output "$tmp/sent.json" document_signing_org_1 \
	    >"$tmp/out" 2>"$tmp/err" || fail "output: status $?"
	alt=$(sed -n 's/.*"alternative_order_id":[[:space:]]*"\([A-Za-z0-9]*\)".*/\1/p' \
	    "$tmp/out" | head -n 1)
	[ ${#alt} -eq 32 ] || fail "output: the review shows no alternative ID"
	orders=$(curl -s "http://127.0.0.1:$sandbox_port/_sandbox/orders")
	[ "$(echo "$orders" | jq -r '.orders[-1].alternative_order_id')" = \
	    "$alt" ] || fail "output: the sandbox got another ID: $orders"
	sum=$(sha256sum <"$tmp/sent.json" | cut -d' ' -f1)
	[ "$(echo "$orders" | jq -r '.orders[-1].raw_sha256')" = "$sum" ] ||
	    fail "output: --output is not the bytes the sandbox received"
	kill "$sandbox_pid" 2>/dev/null
fi

finish
