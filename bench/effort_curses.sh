#!/bin/sh
# effort_curses.sh [PRODUCT...]: named keys per answered field in the
# curses wizard, for a first order and a repeat order of every product,
# driven in tmux (100x30) as an operator who knows the keys: an answer,
# then Enter (the next field that needs one), Tab only to reach an
# optional field worth filling, F10 on the review.
#
# Each order is a script in bench/orders (PRODUCT.first, PRODUCT.repeat),
# one step a line:
#   at PATH      wait until the field at PATH has the focus (not a key)
#   see REGEX    wait until a line of the screen matches (not a key)
#   type TEXT    type TEXT (characters of an answer, not named keys)
#   csr FILE     paste the CSR in tests/data/FILE on one line (one paste)
#   key NAME...  press named keys (tmux names: Enter, Tab, F10 ...)
# Every "at" checks the focus is where the script says, so the keys
# counted are keys that did what they claim. The first order runs on an
# empty state directory; the repeat order right after it, with the
# recall.json the first one left (organization, contacts, shipping
# address, and the product's choices: profile, provisioning, signature
# hash, years, payment method ...), and must give the same body. A named key is a key that is not
# a character of an answer; an answered field is a value in the body
# (list items counted, the generated alternative order ID not).
# A copy order (PRODUCT.copy, where there is one) starts from the answers
# of the first order placed on the embedded sandbox ("wizard --copy
# ORDER_ID": a renewal or replacement for the same holder) and must give
# the same body too.
# Prints "product first_keys repeat_keys fields first_chars repeat_chars",
# one line per product ("-" for an order that did not complete), then
# "product copy copy_keys copy_chars" for each copy order.
set -u
: "${CERTWIZ:=./src/certwiz}" "${TESTDATA:=tests/data}"
orders=$(cd "$(dirname "$0")" && pwd)/orders
PRODUCTS=${*:-"eu_individual_org pkio_qualified_organisation_services
pkio_private_services_server document_signing_org_1 document_signing_org_2
ds_org_individual"}
command -v tmux >/dev/null 2>&1 || { echo "effort_curses: no tmux" >&2; exit 2; }
command -v jq >/dev/null 2>&1 || { echo "effort_curses: no jq" >&2; exit 2; }
utf8=$(locale -a 2>/dev/null | grep -i -m1 -E '^(C|en_US)\.utf-?8$')
dir=$(mktemp -d) || exit 2
sock=certwiz-effort-$$
trap 'tmux -L "$sock" kill-server >/dev/null 2>&1; rm -rf "$dir"' EXIT

# Runs tmux on the private server.
tm() {
	tmux -L "$sock" -f /dev/null "$@"
}

# A text as an extended regex.
re() {
	printf '%s' "$1" | sed 's/[][\.*^$+?(){}|]/\\&/g'
}

# Waits up to 15 s for a screen line matching $1; 1 (the screen on
# stderr) when none comes.
wait_re() {
	i=0
	while [ $i -lt 300 ]; do
		tm capture-pane -p -t w >"$dir/screen" 2>/dev/null
		grep -qE -- "$1" "$dir/screen" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "effort_curses: $P $kind: no line matches '$1'" >&2
	cat "$dir/screen" >&2
	return 1
}

# Starts the wizard on product $1 (with the options in $wopts, --dry-run
# unless set), the body going to $2, on a tmux server
# of its own (named for the product and order, as each order runs in a
# subshell), as tests/tui_lib.sh does.
start() {
	sock=certwiz-effort-$$-$1-$kind
	cat >"$dir/run.sh" <<EOT
LC_ALL=$utf8 CERTWIZ_TODAY=2026-11-20 NO_COLOR=1 XDG_STATE_HOME='$dir/state'
export LC_ALL CERTWIZ_TODAY NO_COLOR XDG_STATE_HOME
'$CERTWIZ' ${wopts:-wizard --dry-run --output '$2' '$1'}
echo EXIT=\$?
sleep 30
EOT
	tm new-session -d -s w -x 100 -y 30 "sh '$dir/run.sh'"
	wait_re '^(SANDBOX +)?Screen [0-9]+ of [0-9]+: '
}

# Runs the order script $1 for product $P into body $2; prints "keys
# chars", or returns 1.
run_order() {
	steps "$@"
	cw_rc=$?
	tm kill-server >/dev/null 2>&1
	return $cw_rc
}

# Does the work of run_order.
steps() {
	keys=0
	chars=0
	start "$P" "$2" || return 1
	while read -r cmd arg; do
		case $cmd in
		at) wait_re "^Path: $(re "$arg") " || return 1 ;;
		see) wait_re "$arg" || return 1 ;;
		type) tm send-keys -t w -l -- "$arg"
			chars=$((chars + $(printf '%s' "$arg" | wc -m))) ;;
		csr) tm send-keys -t w -l -- "$(tr -d '\n' <"$TESTDATA/$arg")"
			chars=$((chars + 1)) ;;
		key) for k in $arg; do
				tm send-keys -t w "$k"
				keys=$((keys + 1))
			done ;;
		''|'#'*) ;;
		*) echo "effort_curses: $1: unknown step $cmd" >&2
			return 1 ;;
		esac
	done <"$1"
	if [ "$kind" = place ]; then
		wait_re '^  Order ID: +[0-9]+' || return 1
		tm send-keys -t w Enter
	fi
	wait_re '^EXIT=0' || return 1
	echo "$keys $chars"
}

# The number of values in a body, without the alternative order ID.
fields() {
	jq 'del(.alternative_order_id) | [paths(scalars)] | length' "$1"
}

# Places the first order on the embedded sandbox, then runs the copy order
# from its answers (--copy, a dry run); prints "P copy keys chars".
copy_order() {
	rm -rf "$dir/state"
	kind=place wopts="--sandbox wizard $P"
	run_order "$orders/$P.first" "$dir/placed.json" >/dev/null ||
	    { echo "$P copy - -"; return; }
	id=$(ls "$dir/state/certwiz/sandbox/placed" | sed -n 's/\.json$//p')
	kind=copy wopts="--sandbox wizard --dry-run --output $dir/copy.json"
	wopts="$wopts --copy $id"
	if copy=$(run_order "$orders/$P.copy" "$dir/copy.json") &&
	    [ "$(jq -S 'del(.alternative_order_id)' "$dir/copy.json")" = \
	    "$(jq -S 'del(.alternative_order_id)' "$dir/first.json")" ]; then
		echo "$P copy $copy"
	else
		echo "$P copy - -"
	fi
	wopts=
}

for P in $PRODUCTS; do
	rm -rf "$dir/state"
	kind=first
	if ! first=$(run_order "$orders/$P.first" "$dir/first.json"); then
		echo "$P - - - - -"
		continue
	fi
	kind=repeat
	if repeat=$(run_order "$orders/$P.repeat" "$dir/repeat.json") &&
	    [ "$(jq -S 'del(.alternative_order_id)' "$dir/repeat.json")" = \
	    "$(jq -S 'del(.alternative_order_id)' "$dir/first.json")" ]; then
		set -- $first $repeat
		echo "$P $1 $3 $(fields "$dir/first.json") $2 $4"
	else
		set -- $first
		echo "$P $1 - $(fields "$dir/first.json") $2 -"
	fi
	[ -f "$orders/$P.copy" ] && copy_order
done
