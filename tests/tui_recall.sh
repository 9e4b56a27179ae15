#!/bin/sh
# tui_recall.sh: the curses wizard and the answers remembered from the last
# order: a document_signing_org_1 order with an organization and a contact
# placed on the embedded sandbox, then a document_signing_org_2 order that
# starts with them (the status line says so) and needs only the subject
# (not org_1's choices: those belong to org_1); a second
# document_signing_org_2 order starts with its choices too (signature
# hash, years) and opens on the first field that needs an answer, and
# recall.json holds no subject; Ctrl-X clears them. --sandbox remembers
# apart: a real order does not start with the sandbox's answers.
. "${0%/*}/tui_lib.sh"
need_sandbox

# The subject and validity of a document signing order.
subject() {
	set_choice certificate.signature_hash sha2 sha256
	set_text subject.name "Jan Jansen"
	set_text subject.job_title Clerk
	set_text subject.phone 0201234567
	set_text subject.email jan@example.nl
}

# The first order: everything typed, contact included.
start_embedded document_signing_org_1
subject
set_text organization.id 123456
add_item organization.contacts 'organization\.contacts\[0\]\.'
set_text 'organization.contacts[0].user_id' 2812497
set_choice 'organization.contacts[0].contact_type' v verified_contact
set_choice order_validity.years 1 1
submit_order document_signing_org_1
[ "$(stat -c %a "$SBSTATE/recall.json")" = 600 ] ||
    fail "recall.json is not 0600"
[ -e "$XDG_STATE_HOME/certwiz/recall.json" ] &&
    fail "a sandbox order wrote the real recall.json"

# The repeat order: the organization and contact are already there.
KEEP_RECALL=1
start_embedded document_signing_org_2
wait_for 'remembered organization 123456 and 1 contact from your last order \(Ctrl-X clears\)' \
    "the status line names the remembered answers"
subject
set_choice certificate.signature_hash sha3 sha384
set_choice order_validity.years 1 1
submit_order document_signing_org_2
for person in 'Jan Jansen' jan@example.nl 0201234567 Clerk subject; do
	grep -q "$person" "$SBSTATE/recall.json" &&
	    fail "recall.json keeps the subject ($person)"
done

# Not in a real (not --sandbox) order.
start document_signing_org_2
grep -q remembered "$tmp/screen" && fail "a real order got the sandbox's answers"
keys C-q
wait_for '^EXIT=' "the real order quits"

# Ctrl-X clears them: the review then misses the organization ID.
rm -f "$tmp/out.json"
run --sandbox wizard --dry-run --output "$tmp/out.json" document_signing_org_2
wait_for '^SANDBOX  Screen [0-9]+ of [0-9]+: ' "the sandbox wizard starts"
wait_for 'remembered signature hash sha384, organization 123456, 1 contact and years 1 from' \
    "the order's choices are remembered with the organization"
wait_for '^Path: subject\.name ' "a repeat order opens on the first field needed"
keys C-x
wait_for 'cleared the answers remembered from your last order' "Ctrl-X clears"
keys F10
wait_for '^Review: ' "F10 opens the review"
wait_for 'Organization ID \(screen Organization\): is required' "the cleared organization ID is a problem"
keys C-q
finish "tui_recall.sh: all checks passed"
