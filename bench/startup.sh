#!/bin/sh
# startup.sh: time until the first wizard screen is drawn on a pseudo-
# terminal (until its last line, the key bar, is drawn), against `dialog
# --form` with as many fields as that screen (until its buttons are), and
# the time to load every form file. Targets: no slower than dialog;
# loading every form under 2 ms.
set -u
. "$(dirname "$0")/lib.sh"
: "${BENCH_BIN:?run through bench/run}" "${CERTWIZ_FORMS:=forms}"
runs=${STARTUP_RUNS:-10}
product=ds_org_individual
state=$(mktemp -d)

# Prints the time to first screen in ms of each of $runs runs of a command.
first_screen() {
	wait=$1; shift
	i=0
	while [ "$i" -lt "$runs" ]; do
		env TERM=xterm XDG_STATE_HOME="$state" "$BENCH_BIN/ttytime" \
		    "$wait" "$@" 2>/dev/null |
		    sed -n 's/^first_us=\([0-9]*\) .*/\1/p' |
		    awk '{ printf "%.3f\n", $1 / 1000 }'
		i=$((i + 1))
	done
}

# The fields of the first screen (as the wizard shows them by default).
nfields=$("$CERTWIZ" describe --json "$product" | jq '.fields[0].screen as $s
	| [.fields[] | select(.screen == $s and .type != "object")] | length')
cw=$(median $(first_screen "Q quit" "$CERTWIZ" wizard --dry-run "$product"))
table_head "Start-up: first screen on a pty (100x30), $product"
if command -v dialog >/dev/null 2>&1; then
	set --
	i=1
	while [ "$i" -le "$nfields" ]; do
		set -- "$@" "Field number $i" "$i" 1 "" "$i" 30 40 0
		i=$((i + 1))
	done
	dl=$(median $(first_screen "ancel" dialog --form \
	    "Certificate" 28 96 20 "$@"))
	table_row "certwiz wizard (first screen)" "$runs" "$cw" ms \
	    "dialog --form, $nfields fields" "$dl" 1.0
else
	table_row "certwiz wizard (first screen)" "$runs" "$cw" ms \
	    "dialog (missing: skipped)" - -
fi
# Form loading: every form file 1000 times in one process, $RUNS times.
i=0 loads=""
while [ "$i" -lt "$RUNS" ]; do
	loads="$loads $("$BENCH_BIN/formload" "$CERTWIZ_FORMS" 1000 | awk '{print $2}')"
	i=$((i + 1))
done
fl=$(median $loads)
nforms=$("$BENCH_BIN/formload" "$CERTWIZ_FORMS" 1 | awk '{print $1}')
verdict=$(awk -v v="$fl" 'BEGIN { print (v < 2000) ? "met" : "NOT MET" }')
table_row "load all $nforms forms (µs per full load, 1000 loads)" "$RUNS" \
    "$fl" µs - - "< 2000 µs" "$verdict"
rm -rf "$state"
