#!/bin/sh
# cli.sh: drives the real certwiz binary through list, describe and validate,
# checking output and exit statuses.
. "${0%/*}/lib.sh"
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY

need jq

# Help, version and usage errors.
run --help; expect_status 0 "--help"; expect_in out "validate" "--help lists commands"
run -V; expect_status 0 "-V"; expect_in out "certwiz " "-V prints the version"
run --frobnicate; expect_status 2 "unknown option"
run; expect_status 2 "no command"
run frobnicate; expect_status 2 "unknown command"; expect_in err "unknown command" "unknown command message"
run list --bogus; expect_status 2 "unknown list option"; expect_in err "usage: certwiz list" "list usage"
run describe; expect_status 2 "describe without product"
run validate ds_org_individual; expect_status 2 "validate without file"
run describe --help; expect_status 0 "describe --help"

# sandbox --help lists every fault of the sandbox's table; README and the
# man page name each of them (when the sandbox is built in).
run sandbox --help; expect_status 0 "sandbox --help"
faults=$(sed -n 's/^  \([0-9a-z]*\)  .*/\1/p' "$tmp/out")
want="500 429 slow cut html truncated huge badstatus http09 gateway504"
want="$want gateway404 late"
[ "${CW_SANDBOX:-yes}" = no ] && want=
[ "$(echo $faults)" = "$want" ] ||
    fail "sandbox --help lists the faults: $(echo $faults)"
for f in $faults; do
	grep -q "^\.It Cm $f\$" "${srcdir:-.}/man/certwiz.1" ||
	    fail "certwiz.1 names the fault $f"
	grep -q "\`$f\`" "${srcdir:-.}/README.md" || fail "README names the fault $f"
done

# list, in text and JSON.
run list; expect_status 0 "list"
[ "$(wc -l <"$tmp/out")" -eq 6 ] || fail "list prints 6 lines"
expect_in out "pkio_private_services_server" "list names products"
grep -q '^eu_individual_org  *eu  *EU Qualified Personal Organisation$' "$tmp/out" || fail "list line format"
run list --json; expect_status 0 "list --json"
[ "$(jq length "$tmp/out")" = 6 ] || fail "list --json has 6 entries"
[ "$(jq -r '.[] | select(.id == "ds_org_individual") | .platform + " " + .endpoint' "$tmp/out")" = \
    "us order/certificate/ds_org_individual" ] || fail "list --json entry"
[ "$(jq -r '[.[] | keys | join(",")] | unique | .[]' "$tmp/out")" = "endpoint,id,platform,title" ] ||
    fail "list --json keys"

# describe, for every product.
for p in $PRODUCTS; do
	run describe "$p"; expect_status 0 "describe $p"
	expect_in out "Screen 1 of" "describe $p groups by screen"
	run describe --json "$p"; expect_status 0 "describe --json $p"
	[ "$(jq -r .product "$tmp/out")" = "$p" ] || fail "describe --json $p product"
	jq -e '.fields | length > 20' "$tmp/out" >/dev/null || fail "describe --json $p fields"
	jq -e '[.fields[].required] - ["required", "optional", "conditional"] | length == 0' \
	    "$tmp/out" >/dev/null || fail "describe --json $p required values"
	jq -e '.fields[] | select(.path == "organization.contacts[].email")' "$tmp/out" \
	    >/dev/null || fail "describe --json $p contact email"
done
run describe ds_org_individual
expect_in out "required when cs_provisioning_method is ship_token" "describe says conditions in words"
expect_in out "(shown only when payment_method is card)" "describe says when a screen shows"
# Screens numbered as the wizard numbers them; date examples lie ahead
# of "today" (never a fixed date that would one day be past).
run describe ds_org_individual
expect_in out "Screen 4 of 8: Shipping" "describe numbers screens as the wizard"
CERTWIZ_TODAY=2030-02-01 "$CERTWIZ" describe ds_org_individual >"$tmp/out"
expect_in out "For example 03 MAR 2030." "describe: date example from today"
CERTWIZ_TODAY=2030-02-01 "$CERTWIZ" describe --json ds_org_individual \
    >"$tmp/out"
jq -e '.fields[] | select(.path == "order_validity.custom_expiration_date")
    | .help | test("For example 03 MAR 2030[.]$")' "$tmp/out" >/dev/null ||
    fail "describe --json: date example from today"
jq -e '.fields[] | select(.path == "ship_info.method") | .screen_number == 4' \
    "$tmp/out" >/dev/null || fail "describe --json: screen_number"
run describe --json ds_org_individual
[ "$(jq -r '.fields[] | select(.path == "credit_card") | .required + " " + .condition' "$tmp/out")" = \
    "conditional payment_method == 'card'" ] || fail "describe --json conditional"
[ "$(jq -c '.fields[] | select(.path == "cs_provisioning_method") | .values' "$tmp/out")" = \
    '["email","ship_token","client_app"]' ] || fail "describe --json values"
[ "$(jq -r '.base_url' "$tmp/out")" = "https://www.digicert.com/services/v2" ] || fail "describe base_url"
# describe --json: limits, patterns, values that depend on another field,
# conditions in words (issue 12).
jqt() {
	jq -e "$1" "$tmp/out" >/dev/null || fail "describe --json: $2"
}
f='.fields[] | select(.path == "certificate.key_size")'
jqt "$f | .values_if[1].values == [\"p-256\", \"p-384\"]" "ECC key sizes"
jqt "$f | .values_if[1].when_words == \"certificate.csr_key_type is ecc\"" \
    "values_if in words"
f='.fields[] | select(.path == "organization.contacts[].contact_type")'
jqt "$f | .max_count.verified_contact == 15" "15 verified contacts"
f='.fields[] | select(.path == "order_validity.custom_expiration_date")'
jqt "$f | .max_years == 3 and .max_days == null" "end date window"
f='.fields[] | select(.path == "order_validity.days")'
jqt "$f | .min == 1 and .max == 1095" "days range"
f='.fields[] | select(.path == "additional_emails")'
jqt "$f | .item_type == \"email\" and (.pattern | test(\"@\"))" \
    "list item type and pattern"
f='.fields[] | select(.path == "certificate.csr")'
jqt "$f | .condition_words == \"cs_provisioning_method is email\"" \
    "condition in words"
f='.fields[] | select(.path == "organization_choice")'
jqt "$f | .local and .values == [\"existing\", \"new\"]" "local choice"
run describe ds_org_individual
expect_in out "limits: at most 3 calendar years after today" "text limits"
expect_in out "each item: email" "text item type"
expect_in out "a choice of the wizard, never sent" "text local field"
run describe nosuchproduct; expect_status 2 "describe unknown product"
expect_in err "unknown product 'nosuchproduct'" "unknown product message"
run describe ../forms/eu_individual_org; expect_status 2 "describe a path"

# validate: valid orders, stdin, invalid ones, malformed JSON.
for p in $PRODUCTS; do
	run validate "$p" "$TESTDATA/orders/$p.json"; expect_status 0 "validate $p"
	expect_in out "$p.json: valid" "validate $p says valid"
done
for i in 1 2 3; do
	run validate pkio_private_services_server "$TESTDATA/orders/pkio_example_$i.json"
	expect_status 0 "page example $i"
done
"$CERTWIZ" validate ds_org_individual - <"$TESTDATA/orders/ds_org_individual.json" >"$tmp/out" 2>&1
status=$?; expect_status 0 "validate stdin"; expect_in out "-: valid" "stdin is named -"
jq '.organization.contacts[0].contact_type = "boss" | del(.subject.email)' \
    "$TESTDATA/orders/ds_org_individual.json" >"$tmp/bad.json"
run validate ds_org_individual "$tmp/bad.json"; expect_status 1 "validate invalid"
expect_in out "$tmp/bad.json: organization.contacts[0].contact_type: must be one of" "error path with index"
expect_in out "$tmp/bad.json: subject.email: is required" "missing field"
printf '{\n  "certificate": {,\n}\n' >"$tmp/broken.json"
run validate ds_org_individual "$tmp/broken.json"; expect_status 1 "malformed JSON"
expect_in out "$tmp/broken.json: line 2, column 20: malformed JSON" "malformed JSON located"
run validate ds_org_individual "$TESTDATA/orders/ds_org_individual.json" "$tmp/bad.json"
expect_status 1 "one of two invalid"
run validate ds_org_individual "$tmp/missing.json"; expect_status 2 "unreadable file"
expect_in err "missing.json" "unreadable file named"
run validate nosuch "$tmp/bad.json"; expect_status 2 "validate unknown product"
run validate eu_individual_org "$TESTDATA/orders/ds_org_individual.json"; expect_status 1 "wrong product"
expect_in out "warning: unknown field" "unknown fields warned"

# Hostile input: deep nesting, NUL bytes, binary, invalid UTF-8, huge strings.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' >"$tmp/deep.json"
run validate ds_org_individual "$tmp/deep.json"; expect_status 1 "deep nesting"
expect_in out "nested more than 1000 levels deep" "deep nesting message"
printf '{"comments": "a\000b"}' >"$tmp/nul.json"
run validate ds_org_individual "$tmp/nul.json"; expect_status 1 "NUL byte"
expect_in out "line 1, column 16: a NUL byte" "NUL byte located"
head -c 65536 /dev/urandom >"$tmp/binary.json"
run validate ds_org_individual "$tmp/binary.json"; expect_status 1 "binary input"
printf '{"subject": {"given_name": "\377\376"}}' >"$tmp/utf8.json"
run validate ds_org_individual "$tmp/utf8.json"; expect_status 1 "invalid UTF-8"
expect_in out "subject.given_name: is not valid UTF-8" "invalid UTF-8 named"
: >"$tmp/empty.json"
run validate ds_org_individual "$tmp/empty.json"; expect_status 1 "empty file"
expect_in out "empty input" "empty file message"
printf '{"organization": {"id": true, "contacts": "x"}, "csa_agreed_to": "no"}' >"$tmp/types.json"
run validate ds_org_individual "$tmp/types.json"; expect_status 1 "wrong JSON types"
expect_in out "organization.id: must be a numeric ID" "wrong type for id"
expect_in out "organization.contacts: must be an array" "wrong type for list"

# validate --json: one object per file, one per line.
run validate --json ds_org_individual "$TESTDATA/orders/ds_org_individual.json" "$tmp/bad.json"
expect_status 1 "validate --json"
[ "$(wc -l <"$tmp/out")" -eq 2 ] || fail "validate --json prints one line per file"
[ "$(jq -s -c '[.[].valid]' "$tmp/out")" = "[true,false]" ] || fail "validate --json valid flags"
[ "$(jq -s -r '.[1].errors[] | select(.path == "subject.email") | .message' "$tmp/out")" = "is required" ] ||
    fail "validate --json error entry"
jq -s -e '.[0] | has("file") and has("warnings")' "$tmp/out" >/dev/null || fail "validate --json keys"

# Options may follow the arguments, GNU style.
run validate ds_org_individual "$TESTDATA/orders/ds_org_individual.json" --json
expect_status 0 "validate FILE --json"
[ "$(jq -r .valid "$tmp/out")" = true ] || fail "--json after the file is an option"
run describe ds_org_individual --json; expect_status 0 "describe PRODUCT --json"
[ "$(jq -r .product "$tmp/out")" = ds_org_individual ] || fail "--json after the product"
run validate ds_org_individual -- "$TESTDATA/orders/ds_org_individual.json"
expect_status 0 "-- ends the options"

# Options: --forms-dir and CERTWIZ_FORMS.
mkdir "$tmp/empty"; run --forms-dir "$tmp/empty" list; expect_status 0 "empty forms dir"
[ -s "$tmp/out" ] && fail "empty forms dir lists nothing"
CERTWIZ_FORMS="$tmp/nowhere" "$CERTWIZ" list >/dev/null 2>&1 && fail "missing forms dir is an error"
CERTWIZ_TODAY=tomorrow "$CERTWIZ" list >/dev/null 2>&1 && fail "bad CERTWIZ_TODAY is an error"

# A broken form file is refused with its file and field named.
mkdir -p "$tmp/forms/fragments"
printf '{"id": "p", "title": "P", "platform": "us", "endpoint": "e", "summary": "s",\n "screens": [{"title": "S", "fields": [{"path": "a", "label": "A", "type": "strin"}]}]}\n' \
    >"$tmp/forms/p.json"
run --forms-dir "$tmp/forms" describe p; expect_status 2 "broken form"
expect_in err "p.json: field a: unknown type 'strin'" "broken form message"

# Built with --disable-sandbox, both ways into the simulator say it is
# not built in.
if [ "${CW_SANDBOX:-yes}" = no ]; then
	run --sandbox list; expect_status 2 "--sandbox without the sandbox"
	expect_in err "the sandbox is not built in" "--sandbox says why"
	run sandbox; expect_status 1 "sandbox without the sandbox"
	expect_in err "the sandbox is not built in" "sandbox says why"
fi

finish "all CLI checks passed"
