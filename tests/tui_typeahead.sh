#!/bin/sh
# tui_typeahead.sh: type-ahead never runs a command. For every product the
# curses wizard is walked field by field (Tab, an item added to each
# object list so its fields show), and on every choice and yes/no field
# each allowed value (from certwiz describe --json) is typed letter by
# letter, values that depend on another answer under each of its values
# (Key size under Key type rsa and ecc). After each value the same field
# must have the focus and show that value, with no question open: a
# letter such as the q of qscd never quits, a - never removes anything.
. "${0%/*}/tui_lib.sh"
need jq

PRODUCTS="eu_individual_org pkio_qualified_organisation_services
pkio_private_services_server document_signing_org_1 document_signing_org_2
ds_org_individual"

# The value a choice is left on once its values were typed, where the
# last one would hide fields with choices of their own (shipping).
leave_on() {
	case $1 in
	cs_provisioning_method) echo ship_token ;;
	provisioning_method) echo qscd ;;
	*) echo "" ;;
	esac
}

# A text as an extended regex.
re() {
	printf '%s' "$1" | sed 's/[][\.*^$+?(){}|]/\\&/g'
}

# The focused field's path, from the screen saved last.
focused() {
	path_line | awk '{ print $2 }'
}

# Waits for a line matching $1 as wait_for does, looking more often.
soon() {
	wait_screen "$1" "$2" $((TUI_WAIT * 5)) 0.02
}

# Types value $2 into the field at path $1 one character at a time and
# checks the field kept the focus, shows the value and opened nothing.
type_value() {
	v=$2
	while [ -n "$v" ]; do
		c=${v%"${v#?}"}
		v=${v#?}
		tm send-keys -t w -l -- "$c"
	done
	case $3 in
	boolean) shown="\\[[x ]\\] $(re "$2")" ;;
	*) shown="< $(re "$2") >" ;;
	esac
	soon "^> .*$shown" "$P: typing $2 into $1 shows it" || return 1
	soon "^Path: $(re "$1") " "$P: the focus stays on $1 after $2"
	grep -qE 'quit without saving|any key closes|Press any key' \
	    "$tmp/screen" && fail "$P: typing $2 into $1 opened a box"
	typed=$((typed + 1))
	return 0
}

# Moves the focus with key $1 until it is on path $2.
walk_to() {
	n=0
	while [ "$(focused)" != "$2" ] && [ $n -lt 60 ]; do
		p=$(focused)
		keys "$1"
		focus_moved "$p" || return 1
		n=$((n + 1))
	done
	[ "$(focused)" = "$2" ]
}

# A field's line of $tmp/fields: path, type, number of values_if.
field_row() {
	awk -F '\t' -v p="$1" '$1 == p' "$tmp/fields"
}

# Types every value of the choice at path $1 (form path $2, type $3).
type_values() {
	ty=$3
	echo "$2" >>"$tmp/typed.$P"
	if [ "$(field_row "$2" | cut -f 3)" -gt 0 ]; then
		jq -r --arg p "$2" '.fields[] | select(.path == $p) |
		    .values_if[] | (.when | capture("^(?<f>[^ ]+) == .(?<v>[^'"'"']*).$") |
		    "\(.f) \(.v)") + " " + ([.values[] | tostring] | join(" "))' \
		    "$tmp/d.json" >"$tmp/vif"
		while read -r ctl cv vals; do
			walk_to BTab "$ctl" || { fail "$P: back to $ctl"; return; }
			type_value "$ctl" "$cv" enum || return
			walk_to Tab "$1" || { fail "$P: on to $1"; return; }
			for v in $vals; do
				type_value "$1" "$v" "$ty" || return
			done
		done <"$tmp/vif"
		return
	fi
	if [ "$ty" = boolean ]; then
		vals="true false"
	else
		vals=$(jq -r --arg p "$2" '.fields[] | select(.path == $p) |
		    [.values[] | tostring] | join(" ")' "$tmp/d.json")
	fi
	for v in $vals; do
		type_value "$1" "$v" "$ty" || return
	done
	l=$(leave_on "$2")
	[ -z "$l" ] || type_value "$1" "$l" "$ty"
}

# Walks product $P's form and types into every choice on the way.
tour() {
	"$CERTWIZ" describe --json "$P" >"$tmp/d.json" ||
	    { fail "$P: describe --json"; return; }
	jq -r '.fields[] | [.path, .type, (.values_if | length)] | @tsv' \
	    "$tmp/d.json" >"$tmp/fields"
	: >"$tmp/typed.$P"
	start "$P"
	goto_top
	done_paths=" "
	i=0
	while [ $i -lt 400 ]; do
		snap
		p=$(focused)
		fp=$(printf '%s' "$p" | sed 's/\[[0-9]*\]/[]/g')
		t=$(field_row "$fp" | cut -f 2)
		case $done_paths in *" $p "*) t=done ;; esac
		done_paths="$done_paths$p "
		if [ "$t" = object-list ] && grep -qE '^> .* 0 items' \
		    "$tmp/screen"; then
			keys IC
			focus_moved "$p" || { fail "$P: Insert on $p"; return; }
			continue
		fi
		case $t in
		enum|boolean) type_values "$p" "$fp" "$t" ;;
		esac
		keys Tab
		focus_moved "$p" || break	# the last field
		i=$((i + 1))
	done
	keys C-c
	wait_for '^EXIT=' "$P: Ctrl-C leaves the wizard"
	# Every choice of the form was met on the way.
	awk -F '\t' '$2 == "enum" || $2 == "boolean" { print $1 }' \
	    "$tmp/fields" | sort -u >"$tmp/want"
	sort -u "$tmp/typed.$P" | comm -23 "$tmp/want" - >"$tmp/missed"
	[ ! -s "$tmp/missed" ] ||
	    fail "$P: choices never reached: $(tr '\n' ' ' <"$tmp/missed")"
}

typed=0
for P in $PRODUCTS; do
	tour
done
echo "typed $typed values"
finish "tui_typeahead.sh: all checks passed"
