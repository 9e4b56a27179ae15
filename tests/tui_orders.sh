#!/bin/sh
# tui_orders.sh: a complete order for every product, typed into the curses
# wizard of the real binary in tmux and submitted to the embedded sandbox
# (certwiz --sandbox): the result screen shows the order and certwiz
# history lists it as placed.
. "${0%/*}/tui_lib.sh"
need_sandbox

# Adds a contact that is an existing user (only the ID and the type).
contact() {
	add_item organization.contacts 'organization\.contacts\[0\]\.' || return 1
	set_text 'organization.contacts[0].user_id' 2812497
	set_choice 'organization.contacts[0].contact_type' v verified_contact
}

# EU Qualified Personal Organisation: the individual, organization, years.
start_embedded eu_individual_org
set_choice certificate.profile_option n nonrepudiation
set_choice provisioning_method c csr
set_text certificate.csr "$(csr_line)"
set_text certificate.individual.first_name "Zoë"
set_text certificate.individual.last_name "Müller"
set_text certificate.individual.email zoe@example.nl
set_text certificate.individual.telephone "+31 20 555 0100"
set_text certificate.individual.country nl
set_text certificate.individual.state "Noord-Holland"
set_text certificate.individual.city Amsterdam
set_text certificate.individual.zip "1015 CJ"
set_text organization.id 2042709
contact
submit_order eu_individual_org

# PKIo Qualified eSeal: an existing organization and contact.
start_embedded pkio_qualified_organisation_services
set_text organization.id 2042709
contact
submit_order pkio_qualified_organisation_services

# PKIo Private Services Server: a name, the CSR typed on one line.
start_embedded pkio_private_services_server
set_text certificate.common_name domain.example.com
set_text certificate.csr "$(csr_line)"
set_text organization.id 2042709
contact
submit_order pkio_private_services_server

# Document Signing (org_1 and org_2): the subject, organization, years.
for p in document_signing_org_1 document_signing_org_2; do
	start_embedded $p
	fill_document_signing_org
	submit_order $p
done

# Document Signing for Business – Employee: the CSR read with Ctrl-R.
start_embedded ds_org_individual
set_text certificate.csr "$TESTDATA/csr-rsa.pem"
keys C-r
wait_for '^read [0-9]+ bytes from ' "Ctrl-R reads the CSR file"
set_text subject.given_name "Zoë"
set_text subject.surname "Müller"
set_text subject.job_title Director
set_text subject.phone "+1 801 555 0100"
set_text subject.email zoe@example.com
set_text organization.id 123456
contact
set_choice order_validity.years 1 1
submit_order ds_org_individual

finish "tui_orders.sh: all checks passed"
