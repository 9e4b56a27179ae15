#!/bin/sh
# tui_lookup.sh: the curses wizard's account look-ups on the embedded
# sandbox (F4 on a contact's user ID fills the contact; F4 on container.id;
# a failed look-up leaves typing open) and the CSR read on its field
# (key, subject, signature; Ctrl-K sets the key type and size).
. "${0%/*}/tui_lib.sh"
need_sandbox

# The contact pick: F4 lists the users, Enter on the second fills
# Zoë Müller's ID, name, email, title and phone.
start_embedded document_signing_org_1
add_item organization.contacts 'organization\.contacts\[0\]'
goto_path 'organization.contacts[0].user_id'
wait_for 'F4 picks one of the users' "contact: the key line names F4"
keys F4
wait_for 'Users of the account' "contact: F4 lists the users"
wait_for '1002 +Zoë +Müller +zoe.muller@example.com' "contact: a user row"
keys Down
keys Enter
wait_for '1002 filled in, with the contact' "contact: Enter fills the contact"
wait_for '^> +User ID #1 +1002' "contact: the user ID"
wait_for '^ +First name #1 +Zoë' "contact: the first name"
wait_for '^ +Last name #1 +Müller' "contact: the last name"
wait_for '^ +Email #1 +zoe.muller@example.com' "contact: the email"
wait_for '^ +Job title #1 +Security Officer' "contact: the job title"
wait_for '^ +Telephone #1 +\+1 617-555-0102' "contact: the telephone"

# Typing part of a name first searches the users by it.
keys C-u
type_text dubois
keys F4
wait_for '1003 +Pierre +Dubois' "search: Dubois is listed"
wait_gone '1001 +John Smith' "search: Smith is not"
keys Escape
wait_gone 'Users of the account' "search: Esc closes the list"

# The container pick.
goto_path container.id
keys F4
wait_for 'Containers of the account' "container: F4 lists the containers"
keys Down
keys Enter
wait_for '679394 filled in' "container: Enter fills the ID"
keys C-q
wait_for 'quit without saving' "quit asks"
keys d
wait_for '^EXIT=' "quits"

# A failed look-up (HTTP 500) says so and leaves typing open.
CERTWIZ_SANDBOX_FAULTS=500
export CERTWIZ_SANDBOX_FAULTS
start_embedded document_signing_org_1
add_item organization.contacts 'organization\.contacts\[0\]'
goto_path 'organization.contacts[0].user_id'
keys F4
wait_for 'The look-up failed \(.*\); type the ID' "failed: said so"
type_text 1001
keys Tab
wait_for '^ +User ID #1 +1001' "failed: the typed ID is kept"
unset CERTWIZ_SANDBOX_FAULTS
quit_discard failed

# The CSR read on its field, and Ctrl-K setting the key fields from it.
start ds_org_individual
goto_path certificate.csr
type_text "$(tr -d '\n' <"$TESTDATA/csr/ecc-p384.pem")"
keys Tab
wait_for '^Path: certificate.csr_key_type' "csr: Tab leaves the CSR"
keys Tab
wait_for '^Path: certificate.key_size' "csr: Tab leaves the key type"
wait_for 'Key type .*! is rsa but the CSR.s key' \
    "csr: the key type disagrees"
keys Up
wait_for '^Path: certificate.csr_key_type' "csr: back on the key type"
keys Up
wait_for 'ECC P-384, CN=ecc384.example.com, signature valid; \^K sets' \
    "csr: key, subject and signature shown"
keys C-k
wait_for 'key type ecc and size p-384 set from the CSR' "csr: ^K sets them"
wait_for '^ +Key type +ecc' "csr: the key type is ecc"
wait_for '^ +Key size +p-384' "csr: the key size is p-384"
keys C-u
type_text "$(tr -d '\n' <"$TESTDATA/csr/bad-signature.pem")"
keys Tab
wait_for 'CSR \* .*! has a broken signature' "csr: a broken signature"
quit_discard csr
finish "tui_lookup.sh: all checks passed"
