#!/bin/sh
# effort.sh: operator effort: keystrokes to complete one order per product
# against the characters of its answers. Plain mode: the answer files in
# tests/data/plain (each line typed plus Enter; a CSR counts as one paste).
# Repeat orders: the first and a repeat order (organization and contact
# remembered in recall.json) in plain mode (tests/data/plain/recall); the
# plain answer files are run through certwiz first, so the figures are of
# orders that complete. Named keys per answered field, first and repeat
# order of every product: plain mode (bench/effort_plain.sh) and the
# curses wizard (bench/effort_curses.sh, targets ≤ 1.2 per field and a
# repeat order of at most half the keys of the first).
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
# A row for a copy order of product $1: $2 keys, $3 characters, against
# the first order's $4 keys ("-": it did not complete).
copy_row() {
	if [ "$2" = - ] || [ "$4" = - ]; then
		table_note "curses, $1: the copy order did not complete"
		return
	fi
	awk -v p="$1" -v k="$2" -v c="$3" -v f="$4" 'BEGIN {
		printf "| curses, %s: named keys, copy order (--copy) | 1 | " \
		    "%d keys | characters typed | %d | copy / first %.2f | " \
		    "≤ 0.5 of first | %s |\n", p, k, c, k / f,
		    (k <= f / 2 ? "met" : "missed")
	}'
}

# The same in the curses wizard (bench/effort_curses.sh): an answer, then
# Enter, which goes to the next field that needs one.
table_head "Named keys per answered field, first and repeat order (curses)"
if command -v tmux >/dev/null 2>&1; then
	sh "$(dirname "$0")/effort_curses.sh" |
	    while read -r p k1 k2 n c1 c2; do
		if [ "$k1" = copy ]; then
			copy_row "$p" "$k2" "$n" "$first"
			continue
		fi
		first=$k1
		if [ "$k2" = - ]; then
			table_note "curses, $p: an order did not complete"
			continue
		fi
		awk -v p="$p" -v k1="$k1" -v k2="$k2" -v n="$n" -v c1="$c1" \
		    -v c2="$c2" 'BEGIN {
			v = (k1 / n <= 1.2 ? "met" : "missed") " / " \
			    (k2 <= k1 / 2 ? "met" : "missed")
			printf "| curses, %s: named keys per answered field, " \
			    "first / repeat | 1 | %.2f / %.2f (%d / %d keys, " \
			    "%d fields) | characters typed, first / repeat | " \
			    "%d / %d | repeat / first %.2f | ≤ 1.2; repeat " \
			    "≤ 0.5 of first | %s |\n", p, k1 / n, k2 / n, k1, k2,
			    n, c1, c2, k2 / k1, v
		}'
	done
	table_note "Orders: bench/orders/PRODUCT.first and .repeat, each key" \
	    "checked against the field it lands on. The repeat order types" \
	    "again what recall.json does not keep: the person, the CSR and" \
	    "the choices of the order. A copy order (PRODUCT.copy) starts" \
	    "from a placed order's answers (wizard --copy ID: renewal or" \
	    "replacement for the same holder) and types only the new CSR."
else
	table_note "curses: skipped (no tmux)"
fi
