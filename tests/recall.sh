#!/bin/sh
# recall.sh: answers remembered from the last order (recall.json): a first
# document_signing_org_1 order placed in plain mode on the embedded sandbox,
# then a document_signing_org_2 order whose answers leave the organization
# ID and contact empty (Enter keeps the remembered ones); with --no-recall
# the same short answers do not make an order. --sandbox keeps its own
# recall.json ($SBSTATE): a sandbox order never seeds a real one. The
# order's choices (provisioning, payment method) come back on the same
# product's next order; no card data, subject or CSR is ever kept.
. "${0%/*}/lib.sh"
need_sandbox
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY
use_private_dirs
recall=$SBSTATE/recall.json

# Places an order in plain mode: product $1, answers $2, options after.
order() {
	p=$1 f=$2
	shift 2
	{ cat "$f"; echo y; } | "$CERTWIZ" --sandbox wizard --plain "$@" "$p" \
	    >"$tmp/out" 2>"$tmp/err"
	status=$?
}

# The first order remembers the organization and its contact, 0600.
order document_signing_org_1 "$TESTDATA/plain/recall/document_signing_org_1.txt"
[ "$status" -eq 0 ] || fail "first order: status $status ($(tail -n 3 "$tmp/err"))"
grep -q "^placed order " "$tmp/out" || fail "first order not placed"
[ -f "$recall" ] || fail "no recall.json after the first order"
[ "$(stat -c %a "$recall" 2>/dev/null)" = 600 ] || fail "recall.json mode"
[ "$(stat -c %a "$XDG_STATE_HOME/certwiz")" = 700 ] || fail "state dir mode"
[ "$(stat -c %a "$SBSTATE")" = 700 ] || fail "sandbox state dir mode"
[ -e "$XDG_STATE_HOME/certwiz/recall.json" ] &&
    fail "a sandbox order wrote the real recall.json"
grep -q '"2812497"' "$recall" || fail "contact not remembered"
grep -q '"123456"' "$recall" || fail "organization not remembered"
grep -q remembered "$tmp/out" && fail "first order says it remembered"

# The second order keeps them with Enter.
order document_signing_org_2 "$TESTDATA/plain/recall/document_signing_org_2.txt"
[ "$status" -eq 0 ] || fail "second order: status $status ($(tail -n 3 "$tmp/err"))"
grep -qxF "remembered from your last US order: organization.id, organization.contacts" \
    "$tmp/out" || fail "second order: no note on the remembered answers"
grep -qF "[organization.id] Organization ID (required) [123456]:" "$tmp/out" ||
    fail "second order: the organization is not the default"
grep -q "^placed order " "$tmp/out" || fail "second order not placed"
grep -q '"user_id":[[:space:]]*2812497' "$tmp/out" ||
    fail "second order: the body lacks the remembered contact"

# The Europe account's orders do not see the US organization.
"$CERTWIZ" --sandbox wizard --plain --dry-run \
    pkio_qualified_organisation_services </dev/null >"$tmp/out" 2>&1
grep -q remembered "$tmp/out" && fail "an EU order got the US answers"
# A real (not --sandbox) order does not see the sandbox's answers.
"$CERTWIZ" wizard --plain --dry-run document_signing_org_2 \
    <"$TESTDATA/plain/recall/document_signing_org_2.txt" >"$tmp/out" 2>&1
grep -q remembered "$tmp/out" && fail "a real order got the sandbox's answers"
grep -qF "[organization.id] error: is required" "$tmp/out" ||
    fail "a real order: the empty organization ID is not refused"

# --no-recall starts blank: the short answers run out.
order document_signing_org_2 "$TESTDATA/plain/recall/document_signing_org_2.txt" \
    --no-recall
[ "$status" -eq 1 ] || fail "--no-recall: status $status, not 1"
grep -q remembered "$tmp/out" && fail "--no-recall still remembered"
grep -qF "[organization.id] error: is required" "$tmp/out" ||
    fail "--no-recall: the empty organization ID is not refused"

# A new organization (reading 15) is created with the order; from then on
# recall names it by the ID the answer gave, not by its details.
order ds_org_individual "$TESTDATA/plain/ds_org_individual-new-org.txt"
[ "$status" -eq 0 ] ||
    fail "new organization: status $status ($(tail -n 3 "$tmp/err"))"
new=$(sed -n 's/^organization ID: //p' "$tmp/out")
[ -n "$new" ] || fail "new organization: no organization ID in the answer"
grep -q "\"id\":[[:space:]]*\"$new\"" "$recall" ||
    fail "new organization: recall does not hold its new ID $new"
grep -q "Nieuw Labs" "$recall" &&
    fail "recall kept the new organization's details"
grep -q '"name":[[:space:]]*"Nieuw Labs Inc."' "$tmp/out" ||
    fail "new organization: the body lacks its name"

# No card data is ever kept: a card order leaves none in recall.json.
{ cat "$TESTDATA/plain/ds_org_individual-card.txt"; } | "$CERTWIZ" \
    --sandbox wizard --plain --dry-run ds_org_individual >"$tmp/out" 2>&1 ||
    fail "card order: $(tail -n 3 "$tmp/out")"
grep -q "^remembered from your last US order" "$tmp/out" ||
    fail "card order: no note on the remembered answers"
if grep -qE '4111|cvv|credit_card|billing' "$recall"; then
	fail "card data in recall.json"
fi
# ... nor the subject, nor the CSR; the order's choices are kept.
if grep -qE 'given_name|surname|zoe@example|Director|subject|REQUEST' \
    "$recall"; then
	fail "the subject or the CSR in recall.json"
fi
grep -q '"payment_method":[[:space:]]*"card"' "$recall" ||
    fail "the payment method chosen is not remembered"

# The next order of the product starts with its choices.
printf '\n\n\n\n\n' | "$CERTWIZ" --sandbox wizard --plain --dry-run \
    ds_org_individual >"$tmp/out" 2>&1
grep -q "^remembered from your last US order: cs_provisioning_method, .*payment_method" \
    "$tmp/out" || fail "the next order lacks the remembered choices"
grep -qF "[cs_provisioning_method] Provisioning method (required) 1) email 2) ship_token 3) client_app [ship_token]" \
    "$tmp/out" || fail "the remembered provisioning method is not the answer"

finish "recall.sh: all checks passed"
