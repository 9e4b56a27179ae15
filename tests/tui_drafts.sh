#!/bin/sh
# tui_drafts.sh: drafts of the curses wizard: saved on a change of screen,
# on SIGHUP without card data, resumed with --resume or from the picker;
# and the picker itself.
. "${0%/*}/tui_lib.sh"

# The picker: "certwiz" alone lists the six products; type-ahead and Enter
# open one.
run
wait_for '^certwiz: choose a product' "the picker starts"
for p in eu_individual_org pkio_qualified_organisation_services \
    pkio_private_services_server document_signing_org_1 \
    document_signing_org_2 ds_org_individual; do
	grep -qE "^[> ] $p +(eu|us) " "$tmp/screen" || fail "picker lists $p"
done
wait_for 'connections to DigiPoort' "the picker shows what a product is for"
type_text pkio_p
wait_for '^> pkio_private_services_server ' "type-ahead selects a product"
keys Down Up Enter
wait_for '^Screen 1 of [0-9]+: Certificate +PKIo Private Services Server' \
    "Enter opens the product"
keys C-q
wait_for '^EXIT=1' "quitting an untouched order exits 1"
run
wait_for '^certwiz: choose a product' "the picker starts again"
type_text q
wait_for "^nothing starts with 'q'" "q is type-ahead, not quit"
keys Escape
wait_for '^EXIT=1' "Esc quits the picker"
run
wait_for '^certwiz: choose a product' "the picker starts a third time"
pid=$(certwiz_pid)
[ -n "$pid" ] && kill -TERM "$pid"
wait_for '^EXIT=143' "SIGTERM in the picker exits 128+15"

# A change of screen saves a draft when answers changed.
start ds_org_individual
set_choice cs_provisioning_method c client_app
keys NPage
wait_for '^draft saved \(ds_org_individual-[0-9-]+\.json\)' \
    "PgDn saves a draft and says so"
set -- "$drafts"/*.json
[ "$#" -eq 1 ] && [ -f "$1" ] || fail "one draft after PgDn: $*"

# SIGHUP after a card number and CVV: the draft holds neither.
set_text subject.given_name "Zoë"
set_choice payment_method c card
set_text credit_card.number 4111111111111111
set_text credit_card.cvv 123
wait_for '^> +Security code \* +\*\*\*' "the CVV is masked"
pid=$(certwiz_pid)
if [ -n "$pid" ]; then
	kill -HUP "$pid"
	wait_for '^certwiz: stopped by signal 1; draft saved to ' \
	    "SIGHUP saves a draft"
	wait_for '^EXIT=129' "SIGHUP exits 129"
else
	fail "no certwiz process in the pane"
fi
set -- "$drafts"/*.json
if [ "$#" -eq 1 ] && [ -f "$1" ]; then
	draft=$1
	[ "$(stat -c %a "$draft")" = 600 ] || fail "draft mode"
	grep -q 4111111111111111 "$draft" && fail "draft holds the card number"
	grep -q '"cvv"' "$draft" && fail "draft holds the CVV"
	grep -q 'Zoë' "$draft" || fail "draft lacks the first name"
	grep -q '"card"' "$draft" || fail "draft lacks the payment method"
else
	fail "one draft after SIGHUP: $*"
fi

# --resume in curses: where it was left (on the CVV), the earlier
# answers, the card number asked again.
run --resume
wait_for '^Screen 8 of 8: Card and billing' "--resume opens the screen left"
wait_for '^> +Security code \*' "... at the field left"
wait_for '^ +Card number \*$' "the card number is asked again"
keys PPage PPage PPage PPage PPage
wait_for '^Screen 2 of 8: Subject' "back to Subject"
wait_for 'First name \* +Zoë' "resumed first name"
keys PPage
wait_for 'Provisioning method \* +client_app' "resumed provisioning method"
keys NPage
wait_for '^Screen 2 of 8: Subject' "on Subject again"
keys F2
wait_for '^draft saved to .*/ds_org_individual-' "F2 saves"
set -- "$drafts"/*.json
[ "$#" -eq 1 ] || fail "F2 after --resume writes the same draft: $*"
keys C-q
wait_for '^EXIT=1' "quit after F2 without asking"

# The picker lists the draft (product, time, file) and resumes it.
run
wait_for '^Saved drafts' "the picker lists drafts"
wait_for '^  draft +ds_org_individual +20[0-9-]+T[0-9:]+Z +ds_org_individual-' \
    "a draft entry: product, saved time, file name"
keys End Enter
wait_for '^Resumed draft ds_org_individual-' "a draft resumed from the picker"
wait_for 'First name \* +Zoë' "... on the screen saved (Subject)"
keys C-c
wait_for '^certwiz: interrupted' "Ctrl-C quits"

finish "tui_drafts.sh: all checks passed"
