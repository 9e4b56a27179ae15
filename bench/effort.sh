#!/bin/sh
# effort.sh: operator effort: keystrokes to complete one order per product
# against the characters of its answers. Plain mode: the answer files in
# tests/data/plain (each line typed plus Enter; a CSR counts as one paste).
# Curses: tests/tui_orders.sh (one order per product, existing organization,
# balance payment) through bench/effort_tmux.sh (tmux send-keys units).
# Repeat orders: the first and a repeat order (organization and contact
# remembered in recall.json) in plain mode (tests/data/plain/recall) and in
# curses (tests/tui_recall.sh); the plain answer files are run through
# certwiz first, so the figures are of orders that complete.
# No target yet; a ratio near 1 means few keys beyond the answers.
set -u
. "$(dirname "$0")/lib.sh"
: "${TESTDATA:=tests/data}"
export LC_ALL=C.UTF-8
# Prints "keys chars" for a plain answer file.
plain_effort() {
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
		-----BEGIN*) echo "1 0" ;;
		*) n=$(printf '%s' "$line" | wc -m); echo "$((n + 1)) $n" ;;
		esac
	done <"$1" | awk '{ k += $1; c += $2 } END { print k, c }'
}
table_head "Operator effort: keystrokes per order vs characters of the answers"
for f in "$TESTDATA"/plain/*.txt; do
	p=$(basename "$f" .txt)
	case $p in *-*) continue ;; esac
	set -- $(plain_effort "$f")
	table_row "plain, $p (keys; peer: answer chars)" 1 "$1" keys \
	    "characters typed" "$2" - -
done
# Runs the first and the repeat plain order in a temporary state directory;
# 0 when both complete.
plain_repeat_ok() {
	st=$(mktemp -d)
	ok=0
	for p in document_signing_org_1 document_signing_org_2; do
		XDG_STATE_HOME=$st CERTWIZ_TODAY=2026-11-20 "$CERTWIZ" wizard \
		    --plain --dry-run "$p" <"$TESTDATA/plain/recall/$p.txt" \
		    >/dev/null 2>&1 || ok=1
	done
	rm -rf "$st"
	return $ok
}
if plain_repeat_ok; then
	set -- $(plain_effort "$TESTDATA/plain/recall/document_signing_org_1.txt")
	table_row "plain, first order, document_signing_org_1 with a contact" 1 \
	    "$1" keys "characters typed" "$2" - -
	set -- $(plain_effort "$TESTDATA/plain/recall/document_signing_org_2.txt")
	table_row "plain, repeat order (org_2 after org_1, recall.json)" 1 \
	    "$1" keys "characters typed" "$2" - -
else
	table_note "plain repeat order: skipped (the answer files do not complete)"
fi
if command -v tmux >/dev/null 2>&1 && [ -f "$(dirname "$0")/../tests/tui_recall.sh" ]; then
	sh "$(dirname "$0")/effort_tmux.sh" \
	    "$(dirname "$0")/../tests/tui_recall.sh" | while read -r p k c; do
		case $p in
		document_signing_org_1) w="first order, $p with a contact" ;;
		*) w="repeat order, $p (recall.json)" ;;
		esac
		table_row "curses, $w (tests/tui_recall.sh)" 1 "$k" keys \
		    "characters typed" "$c" - -
	done
fi
if command -v tmux >/dev/null 2>&1 && [ -f "$(dirname "$0")/../tests/tui_orders.sh" ]; then
	sh "$(dirname "$0")/effort_tmux.sh" | while read -r p k c; do
		table_row "curses, $p (tests/tui_orders.sh)" 1 "$k" keys \
		    "characters typed" "$c" - -
	done
	table_note "Curses keys include every Tab the tests send to reach a field" \
	    "(goto_path walks field by field), so they are an upper bound; a" \
	    "CSR typed or pasted counts as one key."
else
	table_note "curses: skipped (tmux or tests/tui_orders.sh missing)"
fi
# Named keys per answered field, first and repeat order of every product
# (bench/effort_plain.sh): in plain mode each question costs one Enter.
table_head "Named keys per answered field, first and repeat order (plain mode)"
sh "$(dirname "$0")/effort_plain.sh" | while read -r p k1 k2 n c1 c2; do
	if [ "$k2" = - ]; then
		table_note "plain, $p: the repeat order did not complete"
		continue
	fi
	awk -v p="$p" -v k1="$k1" -v k2="$k2" -v n="$n" -v c1="$c1" \
	    -v c2="$c2" 'BEGIN {
		printf "| plain, %s: named keys per answered field, first / " \
		    "repeat | 1 | %.2f / %.2f (%d / %d keys, %d fields) | " \
		    "characters typed, first / repeat | %d / %d | - | " \
		    "≤ 1.2 (curses) | - |\n", p, k1 / n, k2 / n, k1, k2, n,
		    c1, c2
	}'
done
table_note "Plain mode asks every field that applies, optional ones too (an" \
    "Enter each), so its keys per field stay near 2; a repeat order saves" \
    "characters (answers remembered, Enter keeps them), not Enters."
