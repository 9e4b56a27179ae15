#!/bin/sh
# tui_copy.sh: "wizard --copy ORDER_ID" in the curses wizard on the
# embedded sandbox. A ds_org_individual order placed in plain mode is
# copied: the wizard opens on the CSR (the one answer not kept), and once
# the new CSR is pasted Enter opens the review and F10 places it; the
# curses wizard keeps the new order's answers (the same subject) in
# placed/ too.
. "${0%/*}/tui_lib.sh"
need_sandbox

{ cat "$TESTDATA/plain/ds_org_individual.txt"; echo y; } |
    CERTWIZ_TODAY=2026-11-20 "$CERTWIZ" --sandbox wizard --plain \
    ds_org_individual >"$tmp/out1" 2>"$tmp/err"
id=$(sed -n 's/^placed order \([0-9]*\).*/\1/p' "$tmp/out1")
[ -n "$id" ] || fail "first order: not placed ($(tail -n 3 "$tmp/err"))"
[ -f "$SBSTATE/placed/$id.json" ] || fail "first order: answers not kept"

# No wait: a draft named as the first order's (same second) has another
# key (draft_ident), so it is not taken for the order placed.
run --sandbox wizard --copy "$id"
wait_for '^Path: certificate\.csr ' "copy: opens on the CSR"
type_text "$(tr -d '\n' <"$TESTDATA/csr/rsa-2048.pem")"
keys Enter
# Nothing else needs an answer: Enter goes on to the review.
wait_for '^No problems left: F10 submits' "copy: the review, nothing to fix"
keys F10
wait_for '^  Order ID: +[0-9]+' "copy: the result screen shows the order"
keys Enter
wait_for '^EXIT=0' "copy: Enter exits with status 0"
n=$(ls "$SBSTATE/placed" | grep -c '^[0-9]*\.json$')
[ "$n" -eq 2 ] || fail "copy: $n placed files, not 2"
for f in "$SBSTATE"/placed/*.json; do
	[ "$(stat -c %a "$f")" = 600 ] || fail "$f: mode not 600"
	grep -qF BEGIN "$f" && fail "$f holds the CSR"
	grep -q '"surname":[[:space:]]*"Müller"' "$f" || fail "$f: no subject"
done
finish "tui_copy.sh: all checks passed"
