#!/bin/sh
# keys.sh: instructions per keystroke (valgrind --tool=callgrind) in the
# curses wizard on a pty: typing into a field, and moving between screens.
# Each figure is (total with 2N keys - total with N keys) / N, so start-up
# and quitting cancel out. No target; only what changed should be redrawn.
set -u
. "$(dirname "$0")/lib.sh"
: "${BENCH_BIN:?run through bench/run}"
command -v valgrind >/dev/null 2>&1 || { table_note "keys: skipped (valgrind missing)"; exit 0; }
n=${KEYS_N:-40}
tmp=$(mktemp -d)
product=ds_org_individual
esc=$(printf '\033')

# Writes a key file: PgDn to the Subject screen (focus on the first name),
# then $2 times the key $1, then Ctrl-Q and y to quit.
keyfile() {
	{
		printf '%s[6~\n' "$esc"
		i=0
		while [ "$i" -lt "$2" ]; do
			printf '%s\n' "$1"
			i=$((i + 1))
		done
		printf '\021\ny\n'
	} >"$tmp/keys"
}
# Prints the instructions callgrind counted for a session with the keys.
instructions() {
	env TERM=xterm XDG_STATE_HOME="$tmp" "$BENCH_BIN/ttytime" -t 120 \
	    -d 30 -k "$tmp/keys" "Q quit" valgrind --tool=callgrind \
	    --callgrind-out-file="$tmp/cg.out" "$CERTWIZ" wizard --dry-run \
	    "$product" >/dev/null 2>&1
	awk '/^(summary|totals):/ { print $2; exit }' "$tmp/cg.out"
}
# Prints what measure $1 (instructions or out_bytes) costs per key $2:
# the median over $KEYS_RUNS of (2N keys - N keys) / N.
per_key() {
	i=0 v=""
	while [ "$i" -lt "${KEYS_RUNS:-3}" ]; do
		keyfile "$2" "$n"; a=$("$1")
		keyfile "$2" $((2 * n)); b=$("$1")
		v="$v $(awk -v a="$a" -v b="$b" -v n="$n" 'BEGIN { printf "%d\n", (b - a) / n }')"
		i=$((i + 1))
	done
	median $v
}
# Prints the bytes written to the terminal in a session with the keys (no
# valgrind): what a redraw costs on the wire.
out_bytes() {
	env TERM=xterm XDG_STATE_HOME="$tmp" "$BENCH_BIN/ttytime" -t 60 \
	    -d 30 -k "$tmp/keys" "Q quit" "$CERTWIZ" wizard --dry-run \
	    "$product" 2>/dev/null | sed -n 's/.*out_bytes=\([0-9]*\).*/\1/p'
}
typed_bytes=$(per_key out_bytes x)
screen_bytes=$(per_key out_bytes "$(printf '%s[6~\n%s[5~' "$esc" "$esc")")
screen_bytes=$(awk -v s="$screen_bytes" 'BEGIN { printf "%d", s / 2 }')
keyfile x 0; base=$(instructions)
typing=$(per_key instructions x)
# Screen changes: PgDn and PgUp alternate (one key file line each).
screens=$(per_key instructions "$(printf '%s[6~\n%s[5~' "$esc" "$esc")")
screens=$(awk -v s="$screens" 'BEGIN { printf "%d", s / 2 }')
table_head "Keystrokes: instructions (callgrind) per key, $product, N=$n and 2N"
table_row "start-up + quit (whole session, no keys)" 1 "$base" instr - - -
table_row "typing a character into a field" "${KEYS_RUNS:-3}" "$typing" instr - - -
table_row "changing screens (PgDn/PgUp)" "${KEYS_RUNS:-3}" "$screens" instr - - -
table_head "Redrawing: bytes written to the 100x30 terminal per key (a full repaint is ~3000 cells)"
table_row "typing a character into a field" "${KEYS_RUNS:-3}" "$typed_bytes" bytes - - -
table_row "changing screens (PgDn/PgUp)" "${KEYS_RUNS:-3}" "$screen_bytes" bytes - - -
rm -rf "$tmp"
