#!/bin/sh
# tui.sh: drives the curses wizard of the real certwiz binary inside a
# private tmux server: a complete order, a screen that comes and goes with
# an answer, an inline error, a resize and a UTF-8 name. tui_orders.sh,
# tui_drafts.sh and tui_load.sh test the rest; tui_lib.sh holds the helpers.
. "${0%/*}/tui_lib.sh"

# A complete ds_org_individual order.
start ds_org_individual
wait_for '^> +CSR \*' "a new order opens on the first field needing an answer"
keys BTab
wait_for '^> Provisioning method' "Shift-Tab reaches the provisioning method"
type_text c
wait_for 'Provisioning method .*< client_app >' "type-ahead selects client_app"
wait_gone '^ +CSR' "the CSR field goes with client_app"
keys NPage
wait_for '^Screen 2 of [0-9]+: Subject' "PgDn goes to Subject"
type_text "Zoë"; keys Tab; type_text "Müller"; keys Tab
wait_for 'First name \* +Zoë$' "UTF-8 first name shown"
wait_for 'Last name \* +Müller$' "UTF-8 last name shown"

# A resize mid-form: too small, then back with every answer kept.
resize_and_back 'First name \* +Zoë$' "first name"
wait_for 'Last name \* +Müller$' "last name kept over a resize"

# An inline error once the email field is left, gone once fixed.
type_text "Engineer"; keys Tab; type_text "+1 555 0100"; keys Tab
type_text "not-an-email"
wait_for 'Email \* +not-an-email$' "email typed, no error before leaving"
keys Tab
wait_for '^Screen 3 of [0-9]+: Organization' "Tab at the end goes on"
keys BTab
wait_for 'Email \* +not-an-email +! ' "error shown after leaving the email"
keys C-u; type_text "zoe@example.com"; keys Tab
wait_for '^Screen 3 of [0-9]+: Organization' "on to Organization"
keys PPage
wait_for 'Email \* +zoe@example.com$' "error gone once fixed"
keys NPage
# Existing or new organization: the choice shows the ID or the details.
wait_for '^> +Organization +< existing >' "focus on the organization choice"
type_text n
wait_for 'Organization +< new >' "type-ahead picks a new organization"
wait_for 'Legal name \*$' "a new organization asks for its legal name"
wait_for 'Organization contact' "and for its organization contact"
wait_gone 'Organization ID' "a new organization has no ID to give"
keys Space Space
wait_for 'Organization +< existing >' "back to an existing organization"
wait_gone 'Legal name' "the new organization's details are gone"
keys Tab
wait_for '^> +Organization ID' "focus on the organization ID"
type_text 123456; keys Tab
wait_for '^> +Contacts \* +0 items' "focus on the contacts list"
type_text +
wait_for 'a list takes no typing: Insert adds an item' "+ is not a command"
keys IC
wait_for '^> +Contact ID #1' "Insert adds a contact"
keys Tab; type_text 42
keys Tab Tab Tab Tab Tab Tab
wait_for '^> +Contact type #1' "on the contact type"
type_text o
wait_for 'Contact type #1 \* +< organization_contact >' "contact type chosen"
keys NPage
wait_for '^Screen 5 of 8: Validity' "on to Validity (numbered as describe numbers it)"
wait_for '^> +Years' "focus on years"
keys Space
wait_for 'Years \* +< 1 >' "Space picks 1 year"

# A conditional screen: card payment adds "Card and billing".
keys NPage NPage
wait_for '^Screen [0-9]+ of [0-9]+: Payment' "on to Payment"
wait_gone 'Card and billing' "no card screen with balance"
type_text c
wait_for '< card >' "type-ahead picks card"
wait_for '^ 1 Certificate .* 7 Payment   8 Card' "card screen in the step bar"
type_text b
wait_for '< balance >' "back to balance"
wait_gone 'Card and billing' "card screen gone again"

# Review, then finish (a dry run writing --output).
keys F10
wait_for '^Review: ' "F10 opens the review"
wait_for '"csa_agreed_to": *true' "review shows the body"
wait_for '^No problems left' "no problems left"
keys F10
wait_for '^EXIT=0' "F10 finishes with status 0"
if [ -f "$tmp/out.json" ]; then
	[ "$(stat -c %a "$tmp/out.json")" = 600 ] || fail "output mode is not 0600"
	"$CERTWIZ" validate ds_org_individual "$tmp/out.json" >"$tmp/validate" 2>&1 ||
	    { cp "$tmp/validate" "$tmp/screen"; fail "validate rejects the body"; }
	grep -q 'Zoë' "$tmp/out.json" || fail "UTF-8 name not in the body"
else
	fail "no output written"
fi

# Review lists problems and jumps to them; quitting asks first.
start ds_org_individual
keys F10
wait_for '^Problems left: ' "review lists problems"
wait_for '^ +1\. ' "problems are numbered"
keys F10
wait_for 'problems? left: fix' "finishing refused with problems"
keys 1
wait_for '^Screen [0-9]+ of [0-9]+: ' "1 jumps back to the form"
type_text x; keys C-q
wait_for 'd +quit without saving' "quit asks about unsaved changes"
type_text d
wait_for '^EXIT=1' "quitting unfinished exits 1"

finish "tui.sh: all checks passed"
