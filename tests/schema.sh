#!/bin/sh
# schema.sh: `certwiz schema` against ajv. For every product, the JSON
# Schema it prints is a valid draft 2020-12 schema, and ajv and `certwiz
# validate` agree on which order bodies are valid: the orders in
# tests/data/orders and every body of test_order's mutation and defect
# tables (TEST_ORDER_DUMP). The bodies that hit a rule JSON Schema cannot
# say (named in each schema's description) are left out below by name.
# Skips (77) only when node is missing; ajv-cli comes from ./quickstart.
. "${0%/*}/lib.sh"
command -v node >/dev/null 2>&1 || { echo "SKIP: node is missing"; exit 77; }
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY
: "${AJV_DIR:=${XDG_CACHE_HOME:-$HOME/.cache}/certwiz/ajv}"
ajv=$AJV_DIR/node_modules/.bin/ajv
if [ ! -x "$ajv" ]; then
	echo "ajv-cli missing under $AJV_DIR: installing it (./quickstart does)"
	npm install --prefix "$AJV_DIR" --no-audit --no-fund --silent \
	    --prefer-offline ajv-cli ajv-formats >/dev/null 2>&1
	[ -x "$ajv" ] || { echo "FAIL: cannot install ajv-cli"; exit 1; }
fi
test_order=${TEST_ORDER:-${CERTWIZ%/src/certwiz}/tests/test_order}
[ -x "$test_order" ] || { echo "SKIP: no $test_order (no cmocka)"; exit 77; }

# Bodies whose verdict rests on a rule the schemas list as not said:
# today's date, the Luhn digit, a CSR's DER body. Names are those
# test_order gives (what was changed), in whichever product folder.
EXCLUDED="
order_validity_custom_expiration_date_21_NOV_2029.json
order_validity_custom_expiration_date_19_NOV_2026.json
order_validity_custom_expiration_date_23_DEC_2027.json
order_validity_custom_expiration_date_23_DEC_2027~2.json
certificate.csr_-----BEGIN_CERTIFICATE_REQUEST-----aGVsbG8_-.json
credit_card.expiration_year_2025.json
credit_card.number_4111111111111112.json
credit_card_number_4111111111111111_expiration_month_10_expi.json
"

# The bodies: one folder per product.
for p in $PRODUCTS; do
	mkdir -p "$tmp/bodies/$p" "$tmp/schema"
	"$CERTWIZ" schema "$p" >"$tmp/schema/$p.json" ||
	    fail "$p: certwiz schema failed"
done
TEST_ORDER_DUMP=$tmp/bodies "$test_order" || fail "test_order could not dump"
for f in "$TESTDATA"/orders/*.json; do
	p=$(basename "$f" .json)
	case $p in pkio_example_*) p=pkio_private_services_server ;; esac
	cp "$f" "$tmp/bodies/$p/orders-$(basename "$f")"
done
for e in $EXCLUDED; do
	set -- "$tmp"/bodies/*/"$e"
	[ -f "$1" ] || fail "excluded body $e is no longer made"
	rm -f "$@"
done

# Compares the two verdicts on every body of one product.
compare() {
	p=$1
	(cd "$tmp/bodies/$p" && "$CERTWIZ" validate --json "$p" ./*.json) \
	    2>/dev/null | jq -r '"\(.file | sub("^\\./"; "")) \(if .valid
	    then "valid" else "invalid" end)"' | sort >"$tmp/cw"
	(cd "$tmp/bodies/$p" && "$ajv" validate --spec=draft2020 \
	    --strict=false -s "$tmp/schema/$p.json" -d "./*.json") 2>&1 |
	    sed -n -e 's#^\./\(.*\) valid$#\1 valid#p' \
	    -e 's#^\./\(.*\) invalid$#\1 invalid#p' | sort >"$tmp/ajv"
	n=$(wc -l <"$tmp/cw")
	[ "$n" -ge 3 ] || fail "$p: only $n bodies compared"
	[ "$(wc -l <"$tmp/ajv")" -eq "$n" ] ||
	    fail "$p: ajv judged $(wc -l <"$tmp/ajv") of $n bodies"
	diff "$tmp/cw" "$tmp/ajv" >"$tmp/diff" ||
	    fail "$p: certwiz and ajv disagree (< certwiz, > ajv):
$(cat "$tmp/diff")"
	total=$((total + n))
	bad=$((bad + $(grep -c ' invalid$' "$tmp/cw")))
}
need jq
total=0 bad=0
for p in $PRODUCTS; do
	compare "$p"
done
[ "$bad" -gt 50 ] || fail "only $bad invalid bodies in the corpus"

# The schemas compile under ajv's strict mode as well (an editor's view).
for p in $PRODUCTS; do
	"$ajv" compile --spec=draft2020 -s "$tmp/schema/$p.json" \
	    >"$tmp/out" 2>&1 || fail "$p: ajv compile: $(tail -n 3 "$tmp/out")"
done
# The rules the schemas cannot say are listed in their description.
jq -e '.description | test("Luhn") and test("after today")' \
    "$tmp/schema/pkio_qualified_organisation_services.json" >/dev/null ||
    fail "the description does not list the rules left out"
"$CERTWIZ" schema no_such_product >/dev/null 2>&1
[ $? -eq 2 ] || fail "schema of an unknown product: not exit 2"

finish "schema.sh: certwiz and ajv agree on $total bodies ($bad invalid)"
