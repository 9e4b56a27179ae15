#!/bin/sh
# tui_keys.sh: moving around the curses wizard at speed: Enter goes to the
# next field that still needs an answer (past optional, valid and
# single-value fields, on to the next screen, adding the item a required
# list needs, then the review); F5 and Ctrl-N go to the next problem from
# any field and from the review; F10 opens the review from every field of
# every screen; Tab and Shift-Tab still visit every field; a CSR's lines
# still take Enter as a line break; and no typed letter is a command on a
# choice, the review or the result screen. tui_typeahead.sh types every
# value of every choice.
. "${0%/*}/tui_lib.sh"

# A path as an extended regex.
re() {
	printf '%s' "$1" | sed 's/[][\.*^$+?(){}|]/\\&/g'
}

# Waits until the field at path $1 has the focus ($2 says why).
focus_is() {
	wait_for "^Path: $(re "$1") " "$2"
}

# --- Enter: the next field that needs an answer ---
start pkio_qualified_organisation_services
focus_is certificate.signature_hash \
    "nothing to answer on the first screen: the focus starts on its first field"
keys Enter
wait_for '^Screen 2 of [0-9]+: Organization' \
    "Enter leaves a screen with nothing to answer"
focus_is organization.id "Enter skips single-value (Signature hash, Profile, Key provisioning), optional (RSASSA-PSS) and valid (agreement) fields"
type_text 2042709
keys Enter
focus_is organization.contacts "Enter goes on to the required empty list"
wait_for 'Enter or Insert adds an item' "the hint says Enter adds an item"
keys Enter
focus_is 'organization.contacts[0].user_id' \
    "Enter on a required empty list adds an item"
keys Enter
focus_is 'organization.contacts[0].first_name' \
    "without a user ID the contact's name is needed"
keys BTab
focus_is 'organization.contacts[0].user_id' "Shift-Tab goes back"
type_text 2812497
keys Enter
focus_is 'organization.contacts[0].contact_type' \
    "with a user ID Enter skips the contact's name, email and phone"
type_text v
keys Enter
wait_for '^Review: ' "nothing left to answer: Enter opens the review"
wait_for '^No problems left' "the review has no problems"
keys Escape
focus_is 'organization.contacts[0].contact_type' "Esc goes back to the field"
keys F5
wait_for '^nothing left to fix: F10 reviews the order' \
    "F5 with nothing to fix says so"
keys C-n
wait_for '^nothing left to fix: F10 reviews the order' \
    "Ctrl-N with nothing to fix says so"

# Enter on the last needed field of a screen goes on to the next screen's
# first needed field; a CSR still takes Enter as a line break.
start ds_org_individual
focus_is certificate.csr "a new order opens on the first field that needs an answer, past the optional platform and CA, the one usage, the default usages and the chosen provisioning"
keys Up Up Up Up Up Up
focus_is certificate.server_platform.id "Up goes back to the first field"
keys Enter
focus_is certificate.csr "Enter skips the optional CA, the one usage, the default usages and the chosen provisioning"
type_text '-----BEGIN CERTIFICATE REQUEST-----'
keys Enter
focus_is certificate.csr "Enter inside a CSR is a line break"
type_text "$(tail -n +2 "$TESTDATA/csr-rsa.pem" | tr -d '\n' |
    sed 's/-----END/\n-----END/')"
keys Enter
wait_for '^Screen 2 of [0-9]+: Subject' \
    "Enter after the last needed field goes to the next screen"
focus_is subject.given_name "on the next screen's first needed field"
for v in "Zoë" "Müller" Director "+1 801 555 0100"; do
	type_text "$v"
	keys Enter
done
focus_is subject.email "one Enter per answer"
type_text not-an-email
keys Enter
wait_for '^Screen 3 of [0-9]+: Organization' "on to the organization"
focus_is organization.id "the organization ID is needed"
keys C-n
focus_is organization.contacts "Ctrl-N goes to the next problem"
keys F5
focus_is order_validity.years "F5 goes to the next problem, on a later screen"
keys F5
wait_for '^Screen 2 of [0-9]+: Subject' "F5 comes round to the first screens"
focus_is subject.email "F5 comes round to the wrong email"
wait_for 'Email \* +not-an-email +! ' "the wrong email is the problem"
keys C-u
type_text zoe@example.com
keys Enter
focus_is organization.id "a fixed field is left for the next needed one"

# The review: F5 goes to the first problem; typed letters do nothing.
keys F10
wait_for '^Review: ' "F10 opens the review"
type_text q
keys F1
wait_for 'closes this help' "q on the review opened nothing"
keys Escape
wait_gone 'quit without saving' "no quit question from q"
keys F5
wait_for '^Screen 3 of [0-9]+: Organization' \
    "F5 on the review goes back to the form"
focus_is organization.id "at the first problem"

# F10 reviews from every field of every screen and from the help box.
start ds_org_individual
goto_top
n=0
while [ $n -lt 120 ]; do
	snap
	p=$(path_line | awk '{ print $2 }')
	keys F10
	wait_for '^Review: ' "F10 on $p opens the review" || break
	keys Escape
	focus_is "$p" "Esc from the review goes back to $p" || break
	keys Tab
	focus_moved "$p" || break	# the last field of the last screen
	n=$((n + 1))
done
[ "$p" = payment_method ] || fail "the tour ended at $p, not payment_method"
[ $n -ge 28 ] || fail "F10 was tried on only $n fields"
keys F1
wait_for 'closes this help' "F1 opens the help"
keys F10
wait_for '^Review: ' "F10 over the help opens the review"
keys Escape
keys C-q
wait_for '^EXIT=1' "the untouched order quits"

# Tab and Shift-Tab still visit every field, optional and valid ones too.
start pkio_qualified_organisation_services
for p in certificate.profile_option certificate.is_rsassa_pss \
    provisioning_method csa_agreed_to organization_choice organization.id \
    organization.contacts; do
	keys Tab
	focus_is "$p" "Tab visits $p"
done
for p in organization.id organization_choice csa_agreed_to; do
	keys BTab
	focus_is "$p" "Shift-Tab visits $p"
done

# No typed character is a command on a choice: ? and q are type-ahead.
keys BTab BTab
focus_is certificate.is_rsassa_pss "on a yes/no field"
type_text '?'
wait_for "^no value starts with '\\?'" "? on a yes/no field is type-ahead"
wait_gone 'any key closes' "no why box from ?"
type_text t
wait_for 'Use RSASSA-PSS +\[x\] true' "t chooses true"
keys BTab
focus_is certificate.profile_option "on a single-value choice"
type_text q
wait_for "^no value starts with 'q'" "q on a choice is type-ahead"
wait_gone 'quit without saving' "no quit question from q"
keys F1
wait_for 'F5 or Ctrl-N +next problem' "the help box names F5 and Ctrl-N"
wait_for ' Enter +next field needing an answer' "and Enter"
keys Escape
wait_for '^Enter next needed +Tab next +F5 problem .*F10 review' \
    "the key bar names Enter, F5 and F10"
keys C-c
wait_for '^EXIT=1' "Ctrl-C quits"

# README, certwiz(1) and --help say the same.
: "${SRCDIR:=$(cd "${0%/*}/.." && pwd)}" "${MANDIR:=$SRCDIR/man}"
grep -q '^| F5 or Ctrl-N | next problem' "$SRCDIR/README.md" ||
    fail "README's key table lacks F5 or Ctrl-N"
grep -q '^| Enter | accept the field; go to the next field that needs an answer' \
    "$SRCDIR/README.md" || fail "README's key table lacks Enter"
grep -q '^\.It F5 , Ctrl\\-N$' "$MANDIR/certwiz.1" ||
    fail "certwiz(1) lacks F5, Ctrl-N"
grep -q 'q or Esc\|Ql q$' "$MANDIR/certwiz.1" "$SRCDIR/README.md" &&
    fail "README or certwiz(1) still has q as a key"
"$CERTWIZ" --help 2>&1 | grep -q 'Enter goes to the next field that needs an answer, F5 to the next problem, F10 to the review' ||
    fail "--help does not name Enter, F5 and F10"

finish "tui_keys.sh: all checks passed"
