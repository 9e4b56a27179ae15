#!/bin/sh
# memory.sh: peak RSS of a whole plain-mode session and of a curses session
# (every screen, the review, quit) on a pty; valgrind's leak summary of the
# plain session. Target: ≤ 8 MiB; no leaks.
set -u
. "$(dirname "$0")/lib.sh"
: "${BENCH_BIN:?run through bench/run}" "${TESTDATA:=tests/data}"
product=ds_org_individual
answers=$TESTDATA/plain/$product.txt
tmp=$(mktemp -d)
export XDG_STATE_HOME="$tmp"
limit=8192
table_head "Memory: peak RSS of a whole wizard session, $product"
if [ -x /usr/bin/time ]; then
	i=0 v=""
	while [ "$i" -lt "$RUNS" ]; do
		/usr/bin/time -f %M -o "$tmp/rss" "$CERTWIZ" wizard --plain \
		    --dry-run "$product" <"$answers" >/dev/null 2>&1
		v="$v $(tail -1 "$tmp/rss")"
		i=$((i + 1))
	done
	m=$(median $v)
	table_row "plain session (--plain --dry-run < answers)" "$RUNS" "$m" KiB \
	    - - "≤ $limit KiB" "$(awk -v m="$m" -v l="$limit" 'BEGIN { print (m <= l) ? "met" : "NOT MET" }')"
else
	table_note "plain session: skipped (/usr/bin/time missing: Debian package time)"
fi
esc=$(printf '\033')
{ printf '%s[6~\n' "$esc" "$esc" "$esc" "$esc" "$esc"
  printf '%s[21~\n\021\ny\n' "$esc"; } >"$tmp/keys"
i=0 v=""
while [ "$i" -lt "$RUNS" ]; do
	v="$v $(env TERM=xterm "$BENCH_BIN/ttytime" -k "$tmp/keys" "Q quit" \
	    "$CERTWIZ" wizard --dry-run "$product" 2>/dev/null |
	    sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p')"
	i=$((i + 1))
done
m=$(median $v)
table_row "curses session (6 screens, review, quit; pty 100x30)" "$RUNS" "$m" KiB \
    - - "≤ $limit KiB" "$(awk -v m="$m" -v l="$limit" 'BEGIN { print (m <= l) ? "met" : "NOT MET" }')"
if command -v valgrind >/dev/null 2>&1; then
	valgrind --leak-check=full --log-file="$tmp/vg" "$CERTWIZ" wizard \
	    --plain --dry-run "$product" <"$answers" >/dev/null 2>&1
	lost=$(awk '/definitely lost:/ { d = $4 } /indirectly lost:/ { i = $4 }
	    /possibly lost:/ { p = $4 } /ERROR SUMMARY:/ { e = $4 }
	    END { printf "definitely %s, indirectly %s, possibly %s bytes; %s errors",
	    d ? d : 0, i ? i : 0, p ? p : 0, e }' "$tmp/vg")
	grep -q 'All heap blocks were freed' "$tmp/vg" && lost="all heap blocks freed; $lost"
	verdict=$(awk '/definitely lost:|indirectly lost:/ { if ($4 != "0") bad = 1 }
	    END { print bad ? "NOT MET" : "met" }' "$tmp/vg")
	table_row "leaks, plain session (valgrind --leak-check=full)" 1 "$lost" "" \
	    - - "no leaks" "$verdict"
fi
rm -rf "$tmp"
