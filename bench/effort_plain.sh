#!/bin/sh
# effort_plain.sh: named keys per answered field in plain mode, for a first
# order and a repeat order of every product. A named key is a key that is
# not a character of an answer: in plain mode, the Enter ending each line.
# An answered field is a value in the body sent (list items counted). The
# first order is tests/data/plain/PRODUCT.txt on an empty state directory;
# the repeat order runs right after it (recall.json filled in), each prompt
# answered as in the first order, or with an empty line when the prompt
# already shows that answer in brackets; it must give the same body.
# Prints "product first_keys repeat_keys fields first_chars repeat_chars",
# one line per product.
set -u
: "${CERTWIZ:=./src/certwiz}" "${TESTDATA:=tests/data}"
PRODUCTS="eu_individual_org pkio_qualified_organisation_services
pkio_private_services_server document_signing_org_1 document_signing_org_2
ds_org_individual"
export LC_ALL=C.UTF-8 CERTWIZ_TODAY=2026-11-20
dir=$(mktemp -d) || exit 2
trap 'rm -rf "$dir"' EXIT

# Runs product $1 on answers $2, the body to $3, prompts to $dir/prompts.
run_order() {
	XDG_STATE_HOME=$dir/state "$CERTWIZ" wizard --plain --dry-run \
	    --output "$3" "$1" <"$2" >"$dir/out" 2>/dev/null
	cw_rc=$?
	grep '^\[[^ ]*\] .*:$' "$dir/out" >"$dir/prompts"
	return $cw_rc
}

# Characters typed for an answer file (a CSR counts as one paste).
chars() {
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
		-----BEGIN*) echo 1 ;;
		*) printf '%s' "$line" | wc -m ;;
		esac
	done <"$1" | awk '{ c += $1 } END { print c + 0 }'
}

# A prompt without its bracketed value: the key answers are matched by.
prompt_key() {
	sed 's/ \[[^]]*\]:$//; s/:$//'
}

# Writes $dir/map: "key<TAB>answer" for each prompt of the first order.
answer_map() {
	prompt_key <"$dir/prompts" | awk -v answers="$1" '{
		if ((getline a < answers) <= 0) a = ""
		print $0 "\t" a
	}' >"$dir/map"
}

# Builds the repeat answers one prompt at a time: runs what is there so
# far, takes the prompt input ended at, and answers it as the first order
# did, or with an empty line when the prompt shows that answer already
# (or the value a choice's number picks).
repeat_answers() {
	: >"$dir/repeat.txt"
	i=0
	while [ "$i" -lt 300 ]; do
		run_order "$1" "$dir/repeat.txt" "$dir/repeat.json" && return 0
		last=$(tail -n 1 "$dir/prompts")
		key=$(printf '%s\n' "$last" | prompt_key)
		shown=$(printf '%s\n' "$last" |
		    sed -n 's/.*\[\([^]]*\)\]:$/\1/p')
		a=$(awk -F '\t' -v k="$key" '$1 == k { a = $2 }
		    END { print a }' "$dir/map")
		[ -n "$a" ] && [ "$a" = "$shown" ] && a=
		case $a in
		[1-9]|[1-9][0-9])	# a choice's number: the value it picks
			v=$(printf '%s\n' "$last" |
			    sed -n "s/.* $a) \([^ ]*\) .*/\1/p")
			[ -n "$v" ] && [ "$v" = "$shown" ] && a= ;;
		esac
		printf '%s\n' "$a" >>"$dir/repeat.txt"
		i=$((i + 1))
	done
	return 1
}

for p in $PRODUCTS; do
	rm -rf "$dir/state"
	f=$TESTDATA/plain/$p.txt
	if ! run_order "$p" "$f" "$dir/first.json"; then
		echo "$p - - - - -"
		continue
	fi
	first=$(wc -l <"$dir/prompts")
	fields=$(jq '[paths(scalars)] | length' "$dir/first.json")
	answer_map "$f"
	if repeat_answers "$p" &&
	    [ "$(jq -S . "$dir/repeat.json")" = "$(jq -S . "$dir/first.json")" ]
	then
		echo "$p $first $(wc -l <"$dir/prompts") $fields" \
		    "$(chars "$f") $(chars "$dir/repeat.txt")"
	else
		echo "$p $first - $fields $(chars "$f") -"
	fi
done
