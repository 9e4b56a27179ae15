#!/bin/sh
# copy.sh: "wizard --copy ORDER_ID" on the embedded sandbox, in plain mode.
# A ds_org_individual order is placed; its answers are kept in
# $SBSTATE/placed/ID.json (mode 0600, no card data, no CSR, no alternative
# order ID); a second order copied from it and given only a new CSR (every
# other answer kept with Enter) is placed as a new order with the same
# subject. An unknown ID is a usage error naming the folder.
. "${0%/*}/lib.sh"
need_sandbox
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY
use_private_dirs
a=$TESTDATA/plain/ds_org_individual.txt b=$TESTDATA/plain/ds_org_individual-card.txt
first=$tmp/first.txt

# The first order: a CSR (provisioning by email), paid by card.
{ sed -n 1,37p "$a"; sed -n 45,53p "$b"; sed -n 38p "$a"; sed -n 55,58p "$b"
  sed -n '39,$p' "$a"; } >"$first"
{ cat "$first"; echo y; } | "$CERTWIZ" --sandbox wizard --plain \
    ds_org_individual >"$tmp/out1" 2>"$tmp/err"
[ $? -eq 0 ] || fail "first order: $(tail -n 3 "$tmp/err")"
id=$(sed -n 's/^placed order \([0-9]*\).*/\1/p' "$tmp/out1")
[ -n "$id" ] || fail "first order: no order ID in $(cat "$tmp/out1")"
kept=$SBSTATE/placed/$id.json
[ -f "$kept" ] || fail "no $kept"
[ "$(stat -c %a "$kept")" = 600 ] || fail "placed file mode"
[ "$(stat -c %a "$SBSTATE/placed")" = 700 ] || fail "placed dir mode"
grep -q '"product":[[:space:]]*"ds_org_individual"' "$kept" ||
    fail "placed file lacks the product"
grep -q 'Müller' "$kept" || fail "placed file lacks the subject"
for word in BEGIN '"csr"' alternative_order_id card_number cvv 4111; do
	grep -qiF "$word" "$kept" && fail "placed file holds $word"
done

# The copy: the first answers with every line left empty but the CSR's
# and the card's number and CVV (never kept: typed again).
csr=$(grep -v '^$' "$TESTDATA/csr/rsa-2048.pem" | tr -d '\n')
awk -v csr="$csr" '/BEGIN CERTIFICATE REQUEST/ { print csr; next }
    /^4111/ { print; card = NR; next } card && NR == card + 3 { print; next }
    { print "" }' "$first" >"$tmp/copy.txt"
echo y >>"$tmp/copy.txt"
# No wait: a draft named as the first order's (same second) has another
# key (draft_ident), so it is not taken for the order placed.
"$CERTWIZ" --sandbox wizard --plain --copy "$id" <"$tmp/copy.txt" \
    >"$tmp/out2" 2>"$tmp/err"
[ $? -eq 0 ] || fail "copy: $(tail -n 3 "$tmp/err")"
grep -qF "A new order from the answers of order $id." "$tmp/out2" ||
    fail "copy: no note on where the answers come from"
id2=$(sed -n 's/^placed order \([0-9]*\).*/\1/p' "$tmp/out2")
[ -n "$id2" ] && [ "$id2" != "$id" ] || fail "copy: not placed as a new order"
grep -q '"surname":[[:space:]]*"Müller"' "$tmp/out2" ||
    fail "copy: the subject is not the first order's"
[ -f "$SBSTATE/placed/$id2.json" ] || fail "copy: its answers not kept"
grep -q "MIIChzCCAW8CAQAw" "$tmp/out2" || fail "copy: the new CSR not sent"

# An unknown order: a usage error that names the folder.
"$CERTWIZ" --sandbox wizard --plain --copy 999 </dev/null >"$tmp/out" \
    2>"$tmp/err"
[ $? -eq 2 ] || fail "unknown order: status not 2"
grep -qF "$SBSTATE/placed" "$tmp/err" || fail "unknown order: $(cat "$tmp/err")"
# --copy with a product or --resume is a usage error.
"$CERTWIZ" wizard --plain --copy "$id" ds_org_individual </dev/null \
    >/dev/null 2>&1
[ $? -eq 2 ] || fail "--copy with a product: status not 2"
finish "copy.sh: all checks passed"
