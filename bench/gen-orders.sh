#!/bin/sh
# gen-orders.sh: writes COUNT order bodies (default 10000) under DIR, one
# folder per product, from the valid orders in tests/data/orders: 40 %
# valid (with varied values), 20 % each missing a required field, with a
# value outside an enumeration, or with a malformed email.
#   bench/gen-orders.sh DIR [COUNT]
set -eu
dir=$1 count=${2:-10000}
: "${CERTWIZ:=./src/certwiz}" "${TESTDATA:=tests/data}"
products=$("$CERTWIZ" list | awk '{print $1}')
nprod=$(echo "$products" | wc -l)
per=$(( (count + nprod - 1) / nprod ))
left=$count
for p in $products; do
	n=$per; [ "$n" -gt "$left" ] && n=$left
	left=$((left - n))
	mkdir -p "$dir/$p"
	# The valid orders of this product serve as bases.
	bases=""
	for f in "$TESTDATA"/orders/*.json; do
		"$CERTWIZ" validate "$p" "$f" >/dev/null 2>&1 && bases="$bases $f"
	done
	[ -n "$bases" ] || { echo "gen-orders: no valid order for $p" >&2; exit 1; }
	# shellcheck disable=SC2086
	jq -c -s --argjson n "$n" --argjson req \
	    "$(jq -c '.required' "$(dirname "$0")/schema/$p.json")" '
	    . as $b | range($n) as $i | $b[$i % ($b | length)]
	    | (if .organization.id then .organization.id = 100000 + $i else . end)
	    | (if .comments != null or ($i % 3 == 0) then .comments = "bench order \($i)" else . end)
	    | ($i % 5) as $k
	    | if $k < 2 then .
	      elif $k == 2 then del(.[$req[$i % ($req | length)]])
	      elif $k == 3 then .payment_method = "bitcoin"
	      else [paths(strings) | select(.[-1] == "email")] as $e
	        | setpath($e[$i % ($e | length)]; "not-an-email-\($i)") end
	    ' $bases |
	awk -v d="$dir/$p" '{ f = sprintf("%s/%05d.json", d, NR); print > f; close(f) }'
done
