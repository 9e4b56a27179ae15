#!/bin/sh
# secrets.sh: card orders placed in every mode (submit to the built-in and
# to a standalone sandbox with the key from the environment and from the
# config file, the plain wizard, the curses wizard, sessions stopped by
# SIGHUP); then every file certwiz wrote, its output and the command lines of
# running certwiz processes are searched for the card number, the CVV and
# the API key. Only --output files (mode 0600) may hold card data, by design.
. "${0%/*}/lib.sh"
need_sandbox
CARD=4111111111111111
CVV=737
KEY=sandbox-us-key
have_tmux=0
if command -v tmux >/dev/null 2>&1 &&
    locale -a 2>/dev/null | grep -qi -E '^(C|en_US)\.utf-?8$'; then
	have_tmux=1
	. "${0%/*}/tui_lib.sh"
else
	echo "note: no tmux or UTF-8 locale; the curses cases are skipped"
fi
CERTWIZ_TODAY=2026-11-20
CERTWIZ_RETRY_BASE_MS=5
export CERTWIZ_TODAY CERTWIZ_RETRY_BASE_MS
use_private_dirs
in=$tmp/in out=$tmp/outputs logs=$tmp/logs
mkdir -p "$in" "$out" "$logs"
orders=0
nrun=0

need jq

# Runs certwiz with its output in $logs/N.out and .err; $1 is stdin.
cw() {
	i=$1
	shift
	nrun=$((nrun + 1))
	n=$nrun
	timeout 60 "$CERTWIZ" "$@" <"$i" >"$logs/$n.out" 2>"$logs/$n.err"
	status=$?
	last=$logs/$n
}

# The card answers with CVV 737.
sed "s/^123\$/$CVV/" "$TESTDATA/plain/ds_org_individual-card.txt" >"$in/card.txt"
grep -qx "$CVV" "$in/card.txt" || fail "the card answers have no CVV line"

# The plain wizard, --output: the one file that holds card data.
cw "$in/card.txt" wizard --plain --dry-run --output "$out/card.json" ds_org_individual
[ "$status" -eq 0 ] || fail "plain card order: status $status: $(cat "$last.err")"
[ "$(stat -c %a "$out/card.json")" = 600 ] || fail "--output mode is not 0600"
jq -e ".credit_card.number == \"$CARD\" and .credit_card.cvv == \"$CVV\"" \
    "$out/card.json" >/dev/null || fail "--output lacks the card"
orders=$((orders + 1))

# submit through the built-in sandbox, text and JSON.
cw "$out/card.json" --sandbox submit ds_org_individual -
[ "$status" -eq 0 ] || fail "submit --sandbox: $status: $(cat "$last.err")"
# The same body again (the card left out of its hash) is refused unsent;
# --again places it.
cw /dev/null --sandbox submit --json ds_org_individual "$out/card.json"
[ "$status" -eq 5 ] || fail "submit --sandbox --json, same body: $status"
grep -q 'already placed as order' "$last.err" ||
    fail "submit --sandbox --json, same body: $(cat "$last.err")"
cw /dev/null --sandbox submit --json --again ds_org_individual "$out/card.json"
[ "$status" -eq 0 ] || fail "submit --sandbox --json --again: $status"
cw /dev/null --sandbox submit --again ds_org_individual "$out/card.json"
[ "$status" -eq 0 ] || fail "submit --sandbox --again: $status"
orders=$((orders + 3))
# A card refused: the answer names the field, not the number.
jq '.credit_card.number = "4111111111111112"' "$out/card.json" >"$out/luhn.json"
chmod 600 "$out/luhn.json"
cw /dev/null --sandbox submit ds_org_individual "$out/luhn.json"
[ "$status" -eq 1 ] || fail "a bad card number: status $status"
grep -q 4111111111111112 "$last.out" "$last.err" && fail "a bad card number is printed"

# A standalone sandbox: the key from the environment, then the config file.
port=
if command -v curl >/dev/null 2>&1 && start_sandbox CERTWIZ_SANDBOX_SLOW=2; then
	port=$sandbox_port
fi
if [ -n "$port" ]; then
	CERTWIZ_BASE_URL_US=http://127.0.0.1:$port/services/v2
	export CERTWIZ_BASE_URL_US
	CERTWIZ_API_KEY_US=$KEY cw /dev/null submit ds_org_individual "$out/card.json"
	[ "$status" -eq 0 ] || fail "submit with the key in the environment: $status: $(cat "$last.err")"
	# During a slow submit, no command line holds a secret.
	curl -s -o /dev/null -X POST -d '{"next": ["slow"]}' \
	    "http://127.0.0.1:$port/_sandbox/faults"
	CERTWIZ_API_KEY_US=$KEY "$CERTWIZ" --timeout 10 \
	    submit --again ds_org_individual - <"$out/card.json" >"$logs/slow.out.log" \
	    2>"$logs/slow.err.log" &
	subpid=$!
	sleep 0.5
	kill -0 "$subpid" 2>/dev/null || fail "the slow submit ended too soon"
	for f in /proc/[0-9]*/cmdline; do
		c=$({ tr '\0' ' ' <"$f"; } 2>/dev/null)
		case $c in *"$KEY"*|*"$CARD"*) fail "a secret on a command line: $f: $c" ;; esac
	done
	wait "$subpid" || fail "the slow submit failed: $(cat "$logs/slow.err.log")"
	orders=$((orders + 2))
	# The key from the config file (0600), and refused when group-readable.
	mkdir -p "$XDG_CONFIG_HOME/certwiz"
	printf '# certwiz keys\nkey_us = %s\n' "$KEY" >"$XDG_CONFIG_HOME/certwiz/config"
	chmod 644 "$XDG_CONFIG_HOME/certwiz/config"
	cw /dev/null submit ds_org_individual "$out/card.json"
	[ "$status" -eq 3 ] || fail "a group-readable config file: status $status"
	grep -q 'chmod 600' "$last.err" || fail "a group-readable config file: message"
	chmod 600 "$XDG_CONFIG_HOME/certwiz/config"
	cw /dev/null submit --again ds_org_individual "$out/card.json"
	[ "$status" -eq 0 ] || fail "submit with the key in the config file: $status: $(cat "$last.err")"
	cw /dev/null status --platform us 100000001
	orders=$((orders + 1))
	# A wrong key: refused with DigiCert's error array (rejected, not
	# placed), and the key not echoed.
	CERTWIZ_API_KEY_US=sk-secret-TEST-1234 cw /dev/null submit --again ds_org_individual "$out/card.json"
	[ "$status" -eq 1 ] || fail "a wrong key: status $status"
	grep -q 'the order was not placed' "$last.out" ||
	    fail "a wrong key: not said to be unplaced: $(cat "$last.out")"
	grep -q 'sk-secret-TEST-1234' "$last.out" "$last.err" && fail "a wrong key is printed"
	unset CERTWIZ_BASE_URL_US
else
	echo "note: no standalone sandbox (curl missing or no free port); those cases are skipped"
fi

# A plain session stopped by SIGHUP after the card: a draft without it.
head -n "$(grep -nx "$CVV" "$in/card.txt" | cut -d: -f1)" "$in/card.txt" >"$in/upto-cvv.txt"
mkfifo "$tmp/fifo"
"$CERTWIZ" wizard --plain ds_org_individual <"$tmp/fifo" >"$logs/hup.out.log" \
    2>"$logs/hup.err.log" &
pid=$!
exec 3>"$tmp/fifo"
cat "$in/upto-cvv.txt" >&3
wait_in_file 'credit_card.cvv' "$logs/hup.out.log"
sleep 0.3
kill -HUP "$pid"
wait "$pid"
st=$?
exec 3>&-
[ "$st" -eq 129 ] || fail "plain SIGHUP: status $st"
grep -q 'draft saved to' "$logs/hup.err.log" || fail "plain SIGHUP: no draft"

# The curses wizard: the card typed, then SIGHUP; and a card order loaded
# and finished with --output.
if [ "$have_tmux" = 1 ]; then
	start ds_org_individual
	set_choice payment_method c card
	set_text credit_card.number "$CARD"
	set_text credit_card.cvv "$CVV"
	wait_for '^> +Security code \* +\*\*\*' "the CVV is masked"
	grep -q "$CARD" "$tmp/screen" && fail "curses: the card number is shown in full"
	pid=$(certwiz_pid)
	if [ -n "$pid" ]; then
		for f in /proc/[0-9]*/cmdline; do
			c=$({ tr '\0' ' ' <"$f"; } 2>/dev/null)
			case $c in *"$CARD"*) fail "the card on a command line: $c" ;; esac
		done
		kill -HUP "$pid"
		wait_for '^EXIT=129' "curses SIGHUP exits 129"
	else
		fail "no certwiz in the pane"
	fi
	run wizard --dry-run --output "$out/curses.json" --load "$out/card.json" \
	    ds_org_individual
	wait_for '^Screen 1 of [0-9]+: ' "curses --load starts"
	keys F10
	wait_for '^Review: ' "curses: the review"
	grep -q "$CARD" "$tmp/screen" && fail "curses review: the card number in full"
	grep -qE "\"cvv\": *\"$CVV\"" "$tmp/screen" && fail "curses review: the CVV"
	wait_for '^No problems left' "curses: no problems left"
	keys F10
	wait_for '^EXIT=0' "curses: finished"
	grep -q "$CARD" "$tmp/screen" && fail "curses: the card number printed at the end"
	[ "$(stat -c %a "$out/curses.json" 2>/dev/null)" = 600 ] ||
	    fail "curses --output mode"
	tm kill-server >/dev/null 2>&1
	rm -f "$tmp/screen" "$tmp/out.json"
	orders=$((orders + 2))
fi

# --- The search --------------------------------------------------------
# Files certwiz wrote: everything under the temporary HOME, state and config
# directories (drafts, journal, config), none may hold the card or CVV; none
# but the config file the key.
files=$(find "$HOME" "$XDG_STATE_HOME" "$XDG_CONFIG_HOME" -type f 2>/dev/null)
[ -n "$files" ] || fail "certwiz wrote no files at all"
nd=$(find "$XDG_STATE_HOME" -name '*.json' -path '*drafts*' | wc -l)
[ "$nd" -ge 2 ] || fail "fewer drafts than expected: $nd"
[ -s "$XDG_STATE_HOME/certwiz/journal" ] || fail "no journal"
[ -s "$SBSTATE/journal" ] || fail "no sandbox journal"
for f in $files; do
	grep -q "$CARD" "$f" && fail "$f holds the card number"
	grep -q '4111[ -]1111[ -]1111[ -]1111' "$f" && fail "$f holds the card number (spaced)"
	grep -qiE "cvv[^,}]*$CVV" "$f" && fail "$f holds the CVV"
	jq -e '.. | objects | select(has("cvv") or has("number"))' "$f" \
	    >/dev/null 2>&1 && fail "$f has card members"
	case $f in
	"$XDG_CONFIG_HOME/certwiz/config") ;;
	*) grep -q "$KEY" "$f" && fail "$f holds the API key" ;;
	esac
	m=$(stat -c %a "$f")
	case $m in 600|400) ;; *) fail "$f has mode $m" ;; esac
done
for dir in $(find "$XDG_STATE_HOME" -type d -path '*certwiz*'); do
	[ "$(stat -c %a "$dir")" = 700 ] || fail "$dir has mode $(stat -c %a "$dir")"
done
# Everything certwiz printed: never the key, never the full card number.
for f in "$logs"/*; do
	case $f in */sb.*) continue ;; esac	# the sandbox names its test keys
	grep -q "$KEY" "$f" && fail "${f##*/} prints the API key: $(grep -m1 "$KEY" "$f")"
	grep -q "$CARD" "$f" && fail "${f##*/} prints the card number"
	grep -qiE "cvv[^,}]*$CVV" "$f" && fail "${f##*/} prints the CVV"
done
# The output files hold card data by design, so they are private.
for f in "$out"/*.json; do
	[ "$(stat -c %a "$f")" = 600 ] || fail "${f##*/}: mode $(stat -c %a "$f")"
done

echo "$orders card orders placed or written; $(echo "$files" | wc -l) files searched"
finish "secrets.sh: all passed"
