#!/bin/sh
# tui_load.sh: --load in the curses wizard: a customer's body with a bad
# email, a missing required field and a field the product does not know;
# each problem on its field at once, the count in the status line, the
# unknown field on the review; fixed, the body passes certwiz validate.
. "${0%/*}/tui_lib.sh"
command -v jq >/dev/null 2>&1 || { echo "SKIP: jq is missing"; exit 77; }

jq '.subject.email = "zoe.example.com" | del(.subject.job_title) |
    .favourite_colour = "blue"' "$TESTDATA/orders/ds_org_individual.json" \
    >"$tmp/customer.json"
"$CERTWIZ" validate ds_org_individual "$tmp/customer.json" >"$tmp/screen" &&
    fail "the customer body should not be valid"

run wizard --dry-run --output "$tmp/out.json" --load "$tmp/customer.json" \
    ds_org_individual
wait_for '^Screen 2 of [0-9]+: Subject' "the first screen with a problem"
wait_for '^2 problems in the loaded order; the review lists' \
    "the status line counts the problems"
wait_for 'Job title \* +! is required' "the missing field shown"
wait_for 'Email \* +zoe\.example\.com +! ' "the bad email shown"
wait_for '^> +Job title' "the focus on the first problem"
wait_for 'First name \* +Zoë$' "good answers kept, with no error"
keys F10
wait_for '^Review: ' "F10 opens the review"
wait_for '^warning: favourite_colour: ' "the unknown field on the review"
wait_for '^Problems left: 2\.' "the review lists the two problems"
keys 1
wait_for '^> +Job title' "1 jumps to the first problem"
type_text Director
set_text subject.email zoe@example.com
keys Tab
wait_gone '! ' "no error left on the screen"
finish_order ds_org_individual
jq -e 'has("favourite_colour") | not' "$tmp/out.json" >/dev/null ||
    fail "the unknown field left in the body"

finish "tui_load.sh: all checks passed"
