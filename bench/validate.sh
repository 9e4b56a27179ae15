#!/bin/sh
# validate.sh: certwiz validate over 10,000 generated order bodies against
# `jq empty` (the cost of parsing them) and ajv-cli with JSON Schemas of the
# same rules (bench/schema/). Targets: ≤ 1.5× jq, faster than ajv.
set -u
. "$(dirname "$0")/lib.sh"
bench=$(cd "$(dirname "$0")" && pwd)
tmp=${BENCH_TMP:-$(mktemp -d)}
count=${COUNT:-10000}
"$bench/gen-orders.sh" "$tmp/orders" "$count" || exit 1
products=$(ls "$tmp/orders")

# Runs certwiz validate once per product over all its files.
run_certwiz() {
	for p in $products; do
		(cd "$tmp/orders/$p" && ls | xargs "$CERTWIZ" validate "$p") \
		    >/dev/null 2>&1
	done
}
# Parses every file once with jq.
run_jq() {
	for p in $products; do
		(cd "$tmp/orders/$p" && ls | xargs jq empty) >/dev/null 2>&1
	done
}
ajv=$bench/node_modules/.bin/ajv
# Validates every file with ajv-cli, one process per product.
run_ajv() {
	for p in $products; do
		"$ajv" validate --spec=draft2020 -c ajv-formats --strict=false \
		    --all-errors -s "$bench/schema/$p.json" \
		    -d "$tmp/orders/$p/*.json" >/dev/null 2>&1
	done
}
case $CERTWIZ in /*) ;; *) CERTWIZ=$(pwd)/$CERTWIZ ;; esac

have_ajv=0
if [ -x "$ajv" ]; then
	have_ajv=1
elif command -v npm >/dev/null 2>&1; then
	npm install --prefix "$bench" --no-audit --no-fund --silent \
	    ajv-cli ajv-formats >/dev/null 2>&1 && [ -x "$ajv" ] && have_ajv=1
fi

run_certwiz; run_jq	# warm the page cache
cw=$(median $(time_runs "$RUNS" run_certwiz))
jqm=$(median $(time_runs "$RUNS" run_jq))
table_head "Validation: $count order bodies, 6 products, 60 % invalid"
table_row "certwiz validate" "$RUNS" "$cw" ms "jq empty" "$jqm" 1.5
if [ "$have_ajv" = 1 ]; then
	run_ajv
	av=$(median $(time_runs "$RUNS" run_ajv))
	table_row "certwiz validate" "$RUNS" "$cw" ms "ajv-cli (JSON Schema)" \
	    "$av" 1.0
	# Do both validators agree on which files are invalid?
	bad_cw=0 bad_ajv=0
	for p in $products; do
		n=$(cd "$tmp/orders/$p" && ls | xargs "$CERTWIZ" validate --json "$p" 2>/dev/null |
		    jq -s 'map(select(.valid | not)) | length')
		bad_cw=$((bad_cw + n))
		n=$("$ajv" validate --spec=draft2020 -c ajv-formats --strict=false \
		    -s "$bench/schema/$p.json" -d "$tmp/orders/$p/*.json" 2>&1 |
		    grep -c ' invalid$')
		bad_ajv=$((bad_ajv + n))
	done
	table_note "Invalid files found: certwiz $bad_cw, ajv $bad_ajv (of $count)."
else
	table_note "ajv: skipped (npm is missing or ajv-cli could not be installed)."
fi
[ -n "${BENCH_TMP:-}" ] || rm -rf "$tmp"
