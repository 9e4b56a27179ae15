#!/bin/sh
# tui_show.sh: nothing the curses wizard shows is hidden or cut: whole
# errors and messages in the status area, notices of values that followed
# another answer, problems by label and screen, F3 beside the field it
# explains, "*" and defaults, null apart from no answer, a step bar that
# fits, widths by display columns, the look-up's columns lined up, the
# wizard without a UTF-8 locale, and the result screen's sentences.
. "${0%/*}/tui_lib.sh"

# The cursor's column in the pane.
cursor_x() {
	tm display-message -p -t w '#{cursor_x}'
}

# --- The status area: whole errors, notices, wrapped messages -------------
start ds_org_individual
# A value that follows another: Key type ecc moves Key size to p-256, and
# the status line says so.
goto_path certificate.csr_key_type
type_text e
wait_for 'Key type +< ecc >' "ecc chosen"
wait_for '^Key size set to p-256: 2048 is not allowed when Key type is ecc' \
    "the status line says Key size followed Key type"
wait_for '^ +Key size +p-256' "Key size is p-256"
# The CSR's error, cut beside the field, is whole in the status area.
keys Up
wait_for '^Path: certificate.csr ' "back on the CSR"
wait_for '^! CSR: is required because Provisioning method is email$' \
    "the CSR's whole error in the status area"
# An email's error, whole, though cut beside the field.
goto_path subject.email
type_text not-an-email
keys Tab BTab
wait_for 'Email \* +not-an-email +! must be an email addr.*…$' \
    "the error beside the field ends in an ellipsis"
wait_for '^! Email: must be an email address, e.g. name@example.com$' \
    "the email's whole error in the status area"
# A draft's long path wraps, not cut.
keys F2
wait_for "^draft saved to $drafts/ds_org_individual-" "F2 saves a draft"
wait_for '^\(secrets left out\)$' "the draft message wraps, whole"
# The review lists problems by label and screen; its head wraps.
keys F10
wait_for '^Review: ' "F10 opens the review"
wait_for '^ 1\. CSR \(screen Certificate\): is required because Provisioning' \
    "a problem by label and screen"
wait_for 'Email \(screen Subject\): must be an email address' \
    "the email's problem by label"
tm resize-window -t w -x 80 -y 24
wait_for '^Dry run: nothing is submitted; F10 writes the body to$' \
    "the review's head wraps at a word at 80 columns"
wait_for "^$tmp/out.json\$" "the output path on the next row"
keys Escape
wait_for '^Screen 2 of 8: Subject' "back on the form"
# At 80 columns the path line and key bar wrap rather than end at the edge.
wait_for '^\^C save\+quit$' "the key bar wraps at 80 columns"
tm resize-window -t w -x 100 -y 30

# --- F3: the whole chain in words, beside the field, never over it ------
set_choice payment_method c card
keys NPage
wait_for '^> +Card number \*' "on the card number"
keys F3
wait_for 'Card number is required because Payment method is card \(screen' \
    "F3: why, with labels and the screen"
wait_for '^> +Card number \*' "F3's box leaves the card number in view"
keys Escape
wait_gone 'is required because Payment' "any key closes F3"
goto_path credit_card.save_credit_card
keys F3
wait_for 'Save card is optional: it is sent only when given' \
    "F3 says why Save card is optional"
keys Escape
wait_gone 'Save card is optional' "F3 closed"
# Save card: no answer and null differ, and null can be chosen.
keys Right
wait_for '^> +Save card +< true >' "Save card true"
keys Right
wait_for '^> +Save card +< false >' "Save card false"
keys Right
wait_for '^> +Save card +< null >' "Save card null"
keys Right
wait_for '^> +Save card +< \(not set\) >' "Save card not set"
goto_path billing_address.city
keys F3
wait_for 'City is required because Payment method is card' \
    "F3 on the city, mid-screen"
wait_for '^> +City \*' "F3's box leaves the city in view"
keys Escape
wait_gone 'City is required because' "F3 closed"

# --- The step bar with 8 screens at 80 columns ------------------------------
start ds_org_individual
set_choice cs_provisioning_method s ship_token
set_choice payment_method c card
tm resize-window -t w -x 80 -y 24
keys PPage PPage PPage PPage PPage
wait_for '^Screen 2 of 8: Subject' "on Subject"
wait_for '^ 1 .* 2 Subject .* 8 [^ ]' \
    "the bar shows every screen, Subject's name whole"
snap
[ "$(sed -n 2p "$tmp/screen" | sed 's/ *$//' | wc -m)" -le 81 ] ||
    fail "the step bar is wider than 80 columns"
# The small-terminal message wraps at a word.
tm resize-window -t w -x 40 -y 10
wait_for '^terminal is 40x10$' "the size message wraps at a word"
tm resize-window -t w -x 100 -y 30
wait_for '^Screen 2 of 8: Subject' "back at 100x30"

# --- "*" and defaults -----------------------------------------------------
start document_signing_org_1
wait_for '^ +Server platform ID +-1 +\(default\)$' \
    "the default -1 filled in and marked, without *"
goto_path 'organization.id'
wait_for '^ +Order organization contact$' "order contacts unmarked"
wait_gone '^ +First name \*' "no * inside contacts that are not sent"

# --- Widths by display columns ---------------------------------------------
start ds_org_individual
keys NPage
wait_for '^> +First name' "on the first name"
type_text "漢字ab"
wait_for 'First name \* +漢字ab$' "double-width characters shown"
keys Left Left
i=0
while [ "$(cursor_x)" != 44 ] && [ $i -lt "$TUI_WAIT" ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(cursor_x)" = 44 ] ||
    fail "the cursor after two double-width characters: $(cursor_x), not 44"

# --- Without a UTF-8 locale ------------------------------------------------
# LC_ALL=POSIX alone: C.UTF-8 is taken instead, so letters stay.
RUN_LC_ALL=POSIX
start ds_org_individual
wait_for 'Document Signing for Business – Employee$' "POSIX: the title whole"
wait_for '^────' "POSIX: lines drawn as lines"
keys NPage
type_text "Zoë"
wait_for 'First name \* +Zoë$' "POSIX: ë kept"
# No UTF-8 locale at all (a shim makes every one fail): ASCII, said once.
cc=${CC:-cc}
shim=$tmp/nolocale.so
if command -v "$cc" >/dev/null 2>&1 &&
    "$cc" -shared -fPIC -o "$shim" "${0%/*}/nolocale.c" -ldl 2>/dev/null; then
	RUN_PRELOAD=$shim
	# An ASan binary wants its runtime first; allow the shim before it.
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
	export ASAN_OPTIONS
	start ds_org_individual
	wait_for '^No UTF-8 locale \(C.UTF-8 and en_US.UTF-8 were tried\)' \
	    "ASCII: said on the status line"
	wait_for 'Document Signing for Business - Employee$' \
	    "ASCII: the title's dash as -"
	wait_for '^-----' "ASCII: lines drawn with -"
	grep -q 'qqqq\|???' "$tmp/screen" && fail "ASCII: garbage drawn"
	keys NPage
	type_text "Zoë"
	wait_for 'First name \* +Zoe$' "ASCII: ë shown as e"
	keys F10
	wait_for '"given_name": *"Zo' "ASCII: the review"
	keys Escape
	keys C-c
	wait_for '^EXIT=' "ASCII: Ctrl-C quits"
	grep -q '"Zoë"' "$drafts"/*.json || fail "ASCII: ë not kept in the draft"
	RUN_PRELOAD=
else
	echo "note: no C compiler for the locale shim; ASCII cases skipped"
fi
RUN_LC_ALL=

# --- On the embedded sandbox: the look-up's columns, the result screen ----
if [ "${CW_SANDBOX:-yes}" != no ]; then
	start_embedded document_signing_org_1
	set_choice certificate.signature_hash sha2 sha256
	set_text subject.name "Jan Jansen"
	set_text subject.job_title Clerk
	set_text subject.phone 0201234567
	set_text subject.email jan@example.nl
	goto_path organization.id
	keys F4
	wait_for 'Organizations of the account' "F4 lists the organizations"
	# Padded by display columns: the country codes line up after the
	# name with an é in it.
	wait_for '123456  Example Corp {9}us' "Example Corp padded to 19 columns"
	wait_for '123458  Exemple Canada Ltée  ca' "Exemple Canada Ltée row"
	keys Enter
	wait_for '123456 filled in' "Enter fills the ID"
	# An order without contacts: the result says so, never "the verified
	# contacts named in the order".
	set_choice order_validity.years 1 1
	keys F10
	wait_for '^No problems left: F10 submits' "review, nothing left"
	keys F10
	wait_for '^What happens next' "the result screen"
	wait_for 'The order names no( |$)' \
	    "the result: no contacts in the order"
	grep -q 'verified contacts named in the order' "$tmp/screen" &&
	    fail "the result speaks of contacts the order does not name"
	keys Enter
	wait_for '^EXIT=0' "Enter exits"
fi

finish "tui_show.sh: all checks passed"
