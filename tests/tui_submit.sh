#!/bin/sh
# tui_submit.sh: submitting from the curses wizard on the embedded sandbox:
# a 500 on the review (the outcome unknown, looked up by alternative order
# ID, not found) and a retry that places exactly one order,
# the organization pick (F4), a key refused, DigiCert's error array listed
# on the review, and the masked key prompt.
. "${0%/*}/tui_lib.sh"
need_sandbox
CERTWIZ_RETRY_BASE_MS=5
export CERTWIZ_RETRY_BASE_MS

# Fills in a Document Signing org_1 order for organization $1.
fill_ds() {
	set_choice certificate.signature_hash sha2 sha256
	set_text subject.name "Jan Jansen"
	set_text subject.job_title Clerk
	set_text subject.phone 0201234567
	set_text subject.email jan@example.nl
	set_text organization.id "$1"
	set_choice order_validity.years 1 1
}

# The number of lines of the sandbox's history for a product with an
# outcome.
history_count() {
	"$CERTWIZ" --sandbox history 2>/dev/null | grep -cE "^[^ ]+ +$1 +$2 "
}

# HTTP 500 on the order: the outcome is unknown, the look-ups by its
# alternative order ID find nothing (not found), the review stays; F10
# again places the order, and it is in history once.
# (the first fault goes to the GET that warms the connection up)
CERTWIZ_SANDBOX_FAULTS=500,500
export CERTWIZ_SANDBOX_FAULTS
start_embedded document_signing_org_1
fill_ds 123456
set_text comments "rush please"
keys F10
wait_for '^No problems left: F10 submits' "500: review"
# F10 at once: the brief "draft saved" of opening the review must not take
# the outcome's message along when its 3 s are up.
keys F10
wait_for '^Not found: no order was found by its alternative order ID ' \
    "500: looked up and not found"
wait_for '^Review: ' "500: the review stays"
# A resize keeps the outcome's message, and it outlives the 3 s timer.
resize_and_back '^Not found: ' "500: the outcome message"
sleep 3.2
snap
grep -q '^Not found: ' "$tmp/screen" ||
    fail "500: the outcome's message went with the draft note's timer"
grep '"event":"unknown"' "$SBSTATE/journal" 2>/dev/null | grep -q 'HTTP 500' ||
    fail "500: the journal's unknown outcome does not name HTTP 500"
# The focused answer still shows on the form (the editor was wiped with
# the card data once sent), so typing edits it rather than replacing it.
keys Escape
wait_for '^> +Comments +rush please' "500: the focused answer is kept"
keys F10
wait_for '^No problems left: F10 submits' "500: review again"
keys F10
wait_for '^  Order ID: +[0-9]+' "500: F10 again places the order"
keys Enter
wait_for '^EXIT=0' "500: exits 0"
[ "$(history_count document_signing_org_1 placed)" -eq 1 ] ||
    fail "500: not exactly one placed order in history"
[ "$(history_count document_signing_org_1 not_found)" -eq 1 ] ||
    fail "500: not exactly one not_found attempt in history"
unset CERTWIZ_SANDBOX_FAULTS

# The organization pick: F4 lists the account's organizations.
start_embedded document_signing_org_1
goto_path organization.id
wait_for 'F4 picks one of the organizations' "pick: the key line names F4"
keys F4
wait_for 'Example Corp' "pick: F4 lists Example Corp"
keys Enter
wait_for '123456 filled in' "pick: Enter fills 123456"
wait_for 'Organization ID +\* +123456' "pick: the field holds 123456"
keys C-q
wait_for 'quit without saving' "pick: quit asks"
keys d
wait_for '^EXIT=' "pick: quits"

# A standalone sandbox on a free port, for runs with keys of their own.
start_sandbox || { echo "SKIP: no port for the sandbox"; exit 77; }
port=$sandbox_port
CERTWIZ_BASE_URL_US=http://127.0.0.1:$port/services/v2
export CERTWIZ_BASE_URL_US

# A key the platform refuses: the message says so in plain words.
CERTWIZ_API_KEY_US=wrong-key
export CERTWIZ_API_KEY_US
run wizard document_signing_org_1
wait_for "^Screen 1 of [0-9]+: " "401: the wizard starts"
fill_ds 123456
keys F10
wait_for '^Review: ' "401: review"
keys F10
wait_for 'API key was refused' "401: the key is refused in plain words"
unset CERTWIZ_API_KEY_US

keys C-q
wait_for '^EXIT=' "401: quits"

# The Europe account's key for a US product: DigiCert's error is listed.
CERTWIZ_API_KEY_US=sandbox-eu-key
export CERTWIZ_API_KEY_US
run wizard document_signing_org_1
wait_for "^Screen 1 of [0-9]+: " "refused: the wizard starts"
fill_ds 123456
keys F10
wait_for '^No problems left' "refused: review"
keys F10
wait_for '^DigiCert refused the order: 1 error' "refused: the errors are counted"
wait_for '^ 1\. .*not available' "refused: the error is listed"
keys C-q
wait_for '^EXIT=' "refused: quits"
unset CERTWIZ_API_KEY_US

# No key: F10 asks for it, masked; the order is placed with it and the
# key shows nowhere.
run wizard document_signing_org_1
wait_for "^Screen 1 of [0-9]+: " "prompt: starts"
fill_ds 123456
keys F10
wait_for '^No problems left' "prompt: review"
keys F10
wait_for 'API key for the US platform' "prompt: F10 asks for the key"
type_text sandbox-us-key
wait_for '[│|x] \*{14} +[│|x]$' "prompt: the key shows as stars"
grep -q sandbox-us-key "$tmp/screen" && fail "prompt: the key is shown"
keys Enter
wait_for '^  Order ID: +[0-9]+' "prompt: the order is placed"
keys Enter
wait_for '^EXIT=0' "prompt: exits 0"
grep -rq sandbox-us-key "$XDG_STATE_HOME" && fail "prompt: the key was stored"

finish "tui_submit.sh: all checks passed"
