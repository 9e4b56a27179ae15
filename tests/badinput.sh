#!/bin/sh
# badinput.sh: every command and validator given bad input (empty, huge,
# binary, invalid UTF-8, deep nesting, wrong JSON types, NUL bytes,
# duplicate keys, broken form files, odd ids and ports). Each must end in
# time with its exit status and a message: never a crash or a hang.
# VALGRIND_BADINPUT=1 runs a subset under valgrind too.
. "${0%/*}/lib.sh"
need_sandbox
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY
use_private_dirs
mkdir -p "$tmp/in"
tried=0
: "${CERTWIZ_FORMS:=$(dirname "$0")/../forms}"
export CERTWIZ_FORMS

need jq timeout

# Runs certwiz under timeout with stdin from $1, expecting one of the exit
# statuses in $2 ("1 2"), for the input named $3; the rest are arguments.
# Counts one bad input.
try() {
	in=$1 want=$2 name=$3
	shift 3
	tried=$((tried + 1))
	timeout 20 "$CERTWIZ" "$@" <"$in" >"$tmp/out" 2>"$tmp/err"
	st=$?
	judge "$name"
}

# Judges the last run: status $st against $want, output in $tmp/out, err.
judge() {
	if [ "$st" -eq 124 ]; then
		fail "$1: hangs (killed after 20 s)"
	elif [ "$st" -ge 128 ]; then
		fail "$1: killed by signal $((st - 128))"
	elif grep -qE 'Sanitizer|runtime error:|Segmentation' "$tmp/err"; then
		fail "$1: $(grep -m1 -E 'Sanitizer|runtime error:|Segmentation' "$tmp/err")"
	elif ! case " $want " in *" $st "*) true ;; *) false ;; esac; then
		fail "$1: status $st, expected $want: $(head -c 300 "$tmp/err")"
	elif [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then
		fail "$1: no message at all"
	fi
}

# Makes a file of $2 bytes of the character $3.
repeat() {
	head -c "$2" /dev/zero | tr '\0' "$3" >"$1"
}

# --- Generated order bodies that are not orders ---------------------------
d=$tmp/in
: >"$d/empty.json"
printf ' \n\t\r\n  ' >"$d/whitespace.json"
head -c 1048576 /dev/urandom >"$d/binary.json"
repeat "$d/deep-array.json" 100000 '['
yes '{"a":' | head -n 100000 | tr -d '\n' >"$d/deep-object.json"
repeat "$tmp/x1m" 1048576 x
printf '{"subject":{"given_name":"a\0b"}}' >"$d/nul-value.json"
printf '{"a\0":1}' >"$d/nul-key.json"
printf '\0' >"$d/nul-only.json"
printf '{"subject":{"given_name":"\377\376\300\200"}}' >"$d/badutf8-value.json"
printf '{"\377\376":1,"subject":{"\300\257":"x"}}' >"$d/badutf8-key.json"
printf '\357\273\277{}' >"$d/bom.json"
printf '{"subject":{"given_name":"a\\u0000b"}}' >"$d/escaped-nul.json"
printf '{"subject":{"given_name":"\\ud800"}}' >"$d/lone-surrogate.json"
printf '{"payment_method":"profile","payment_method":"card"}' >"$d/dup-top.json"
printf '{"subject":{"email":"a@b.c","email":"x"}}' >"$d/dup-nested.json"
printf '{"a":1}{"b":2}' >"$d/two-values.json"
printf '{"a":1' >"$d/truncated.json"
printf '{"a":1e999999,"b":-1e999999,"c":1e-999999}' >"$d/huge-number.json"
printf '{"order_validity":{"days":99999999999999999999999999}}' >"$d/big-int.json"
printf '{"order_validity":{"years":-1.5}}' >"$d/negative.json"
printf '{"organization":{"id":"%s"}}' "$(head -c 100000 /dev/zero | tr '\0' 9)" >"$d/long-digits.json"
for v in '[]' '"x"' 1 null true false '[{}]'; do
	printf '%s' "$v" >"$d/top-$(printf '%s' "$v" | tr -c 'a-z0-9' _).json"
done
# 20 MiB: over the 16 MiB read cap.
{ printf '{"x":"'; head -c 20971520 /dev/zero | tr '\0' x; printf '"}'; } \
    >"$tmp/big20.json"

# 1 MiB strings in several fields of a valid order.
o=$TESTDATA/orders/ds_org_individual.json
for f in .subject.given_name .subject.email .certificate.csr \
    .organization.contacts[0].telephone .additional_emails[0] \
    .cs_provisioning_method .payment_method; do
	jq --rawfile x "$tmp/x1m" "$f = \$x" "$o" \
	    >"$d/1mib$(echo "$f" | tr -c 'a-z0-9' _).json"
done
jq --rawfile x "$tmp/x1m" '. + {($x): 1}' "$o" >"$d/1mib-key.json"
# Invalid UTF-8 inside an otherwise valid order.
sed 's/"Zoë"/"Zo\xe9\xff"/; s/"email": "zoe/"em\xc3ail": "zoe/' "$o" \
    >"$d/badutf8-order.json"
sed 's/"Zoë"/"Zo\x00"/' "$o" >"$d/nul-order.json"

# Every file is invalid but the 1 MiB ones: a long name or an unknown
# 1 MiB member (a warning) may still be a valid order.
for f in "$d"/*.json; do
	b=${f##*/}
	case $b in 1mib*) ok="0 1" ;; *) ok=1 ;; esac
	try /dev/null "$ok" "validate $b" validate ds_org_individual "$f"
	try "$f" "1" "validate - <$b" validate pkio_private_services_server -
	try /dev/null "1 2" "submit $b" --sandbox submit \
	    document_signing_org_1 "$f"
	grep -q 'nothing was sent' "$tmp/err" ||
	    fail "submit $b: not refused before sending: $(head -c 300 "$tmp/err")"
	try /dev/null "$ok 2" "wizard --load $b" wizard --plain --dry-run \
	    --load "$f" ds_org_individual
done
try /dev/null "2" "validate a 20 MiB file" validate ds_org_individual "$tmp/big20.json"
grep -q 'larger than 16 MiB' "$tmp/err" || fail "20 MiB: message"
try "$tmp/big20.json" "2" "validate 20 MiB on stdin" validate ds_org_individual -
try /dev/null "2" "submit a 20 MiB file" --sandbox submit ds_org_individual "$tmp/big20.json"
try /dev/null "2" "wizard --load 20 MiB" wizard --plain --load "$tmp/big20.json" ds_org_individual
try /dev/null "2" "validate a directory" validate ds_org_individual "$tmp"
try /dev/null "2" "submit a directory" --sandbox submit ds_org_individual "$tmp"
try /dev/null "2" "wizard --load a directory" wizard --plain --load "$tmp" ds_org_individual
try /dev/null "2" "validate a missing file" validate ds_org_individual "$tmp/none"
try /dev/null "1" "validate /dev/null" validate ds_org_individual /dev/null
try /dev/null "1 2" "submit /dev/null" --sandbox submit ds_org_individual /dev/null
try /dev/null "1" "validate - from /dev/null" validate ds_org_individual -
try /dev/null "2" "validate without a file" validate ds_org_individual
try /dev/null "2" "validate an empty product" validate "" "$o"
try /dev/null "2" "validate a 100 kB product" validate "$(head -c 100000 "$tmp/x1m")" "$o"
try /dev/null "2" "describe a 1 MiB product" describe "$(head -c 100000 "$tmp/x1m")"
try /dev/null "2" "describe ../forms/x" describe ../forms/ds_org_individual
try /dev/null "2" "submit --json a directory" --sandbox submit --json ds_org_individual "$tmp"

# --- Wrong JSON types: every member of every product's order, replaced by
# each kind of value. One validate run per product and kind; every file must
# be named in the output. ---------------------------------------------------
for p in $PRODUCTS; do
	src=$TESTDATA/orders/$p.json
	for kind in obj str num arr true false null; do
		case $kind in
		obj) v='{"x":1}' ;; str) v='"x"' ;; num) v=12345 ;;
		arr) v='[1,"x",{}]' ;; true) v=true ;; false) v=false ;;
		null) v=null ;;
		esac
		w=$tmp/types/$p-$kind
		mkdir -p "$w"
		jq -c --argjson v "$v" '. as $o | [paths][] as $p |
		    $o | setpath($p; $v)' "$src" |
		    awk -v w="$w" '{ f = w "/" NR ".json"; print > f; close(f) }'
		set -- "$w"/*.json
		tried=$((tried + $#))
		timeout 60 "$CERTWIZ" validate "$p" "$@" >"$tmp/out" 2>"$tmp/err"
		st=$?
		want=1
		judge "validate $p, $kind in every place"
		for f; do
			grep -qF "$f" "$tmp/out" || {
				fail "validate $p: nothing said about $f"
				break
			}
		done
	done
	# A few of them through submit (nothing may be sent for a wrong type
	# that makes the body invalid) and through --load.
	for f in "$tmp/types/$p-obj/1.json" "$tmp/types/$p-arr/2.json" \
	    "$tmp/types/$p-null/3.json"; do
		try /dev/null "0 1" "submit $p ${f#"$tmp"/types/}" --sandbox \
		    submit "$p" "$f"
		try /dev/null "0 1" "wizard --load $p ${f#"$tmp"/types/}" \
		    wizard --plain --dry-run --load "$f" "$p"
	done
done

# --- Plain wizard answers: bad lines in a good answer file ----------------
ans=$TESTDATA/plain/ds_org_individual.txt
nl=$(wc -l <"$ans")
i=0
for bad in 1mib binary badutf8 nul crlf cr-only ctrl; do
	case $bad in
	1mib) cat "$tmp/x1m" ;;
	binary) head -c 4096 /dev/urandom ;;
	badutf8) printf '\377\376\300\257 \355\240\200' ;;
	nul) printf 'a\0b\0' ;;
	crlf) printf '\r\r\n\r' ;;
	cr-only) printf 'x\ry\rz' ;;
	ctrl) printf '\033[2J\033]0;title\007\b\b' ;;
	esac >"$tmp/badline"
	for at in 1 7 12 $((nl / 2)) $((nl - 3)); do
		i=$((i + 1))
		{
			head -n "$((at - 1))" "$ans"
			cat "$tmp/badline"
			echo
			tail -n "+$at" "$ans"
		} >"$tmp/answers"
		try "$tmp/answers" "0 1" "plain wizard, $bad line before line $at" \
		    wizard --plain --dry-run --output "$tmp/o$i.json" ds_org_individual
		grep -q 'AddressSanitizer' "$tmp/err" && break
	done
	# The bad line alone, then end of input.
	try "$tmp/badline" "1" "plain wizard, only a $bad line" \
	    wizard --plain ds_org_individual
done
sed 's/$/\r/' "$ans" >"$tmp/crlf.txt"
try "$tmp/crlf.txt" "0" "plain wizard, CRLF answers" wizard --plain \
    --dry-run --output "$tmp/crlf.json" ds_org_individual
for cut in 1 5 20 $((nl - 1)); do
	head -n "$cut" "$ans" >"$tmp/part"
	try "$tmp/part" "1" "plain wizard, input ends after $cut lines" \
	    wizard --plain ds_org_individual
	grep -q 'input ended' "$tmp/err" || fail "EOF after $cut lines: message"
done
head -c 777 "$ans" >"$tmp/part"
try "$tmp/part" "1" "plain wizard, input ends mid-line" wizard --plain ds_org_individual
yes 'zzz' | head -n 100000 >"$tmp/junk"
try "$tmp/junk" "1" "plain wizard, 100000 refused answers" wizard --plain ds_org_individual
try "$tmp/x1m" "1 2" "product picker, a 1 MiB answer" wizard --plain
head -c 65536 /dev/urandom >"$tmp/rnd"
try "$tmp/rnd" "1 2" "product picker, binary answers" wizard --plain
try /dev/null "1 2" "resume a 1 MiB draft name" --plain --resume="$(head -c 100000 "$tmp/x1m")"
try /dev/null "2" "resume ../../etc/passwd" --plain --resume=../../../../etc/passwd
mkdir -p "$XDG_STATE_HOME/certwiz/drafts"
for f in empty.json binary.json deep-array.json top-_x_.json dup-top.json \
    badutf8-key.json; do
	cp "$d/$f" "$XDG_STATE_HOME/certwiz/drafts/bad-$f"
	try /dev/null "1 2" "resume a draft that is $f" --plain \
	    --resume="bad-$f"
done
try /dev/null "1 2" "picker with broken drafts" wizard --plain
rm -rf "$XDG_STATE_HOME/certwiz/drafts"

# --- Broken form files: every kind, for describe, list and validate -------
forms=${CERTWIZ_FORMS}
for kind in empty binary deep nul badutf8 notobject screens-string \
    fields-object path-number type-unknown when-garbage include-missing \
    include-loop values-string default-wrong big dir; do
	fd=$tmp/forms-$kind
	rm -rf "$fd"
	mkdir -p "$fd"
	cp -r "$forms"/. "$fd/"
	chmod -R u+w "$fd"
	f=$fd/ds_org_individual.json
	case $kind in
	empty) : >"$f" ;;
	binary) head -c 65536 /dev/urandom >"$f" ;;
	deep) repeat "$f" 100000 '{' ;;
	nul) printf '{"id":"ds_org_individual\0"}' >"$f" ;;
	badutf8) sed -i 's/"label": "Certificate"/"label": "\xff\xfe"/' "$f" ;;
	notobject) echo '[1,2,3]' >"$f" ;;
	screens-string) jq '.screens = "x"' "$forms/ds_org_individual.json" >"$f" ;;
	fields-object) jq '.screens[0].fields = {}' "$forms/ds_org_individual.json" >"$f" ;;
	path-number) jq '.screens[0].fields[0].path = 7' "$forms/ds_org_individual.json" >"$f" ;;
	type-unknown) jq '.screens[0].fields[0].type = "teapot"' "$forms/ds_org_individual.json" >"$f" ;;
	when-garbage) jq '.screens[0].fields[0].when = "((( == ))) &&"' "$forms/ds_org_individual.json" >"$f" ;;
	include-missing) jq '.screens[0].fields[1] = {"include": "no_such_fragment"}' "$forms/ds_org_individual.json" >"$f" ;;
	include-loop) jq '.fields += [{"include": "organization"}]' "$forms/fragments/organization.json" >"$fd/fragments/organization.json" ;;
	values-string) jq '(.screens[0].fields[] | select(.values) | .values) = "x"' "$forms/ds_org_individual.json" >"$f" ;;
	default-wrong) jq '(.screens[0].fields[] | select(.default) | .default) = {"a": [null]}' "$forms/ds_org_individual.json" >"$f" ;;
	big) { printf '{"id":"'; head -c 17000000 /dev/zero | tr '\0' a; printf '"}'; } >"$f" ;;
	dir) rm -f "$f" && mkdir "$f" ;;
	esac
	try /dev/null "2" "describe, form file $kind" --forms-dir "$fd" describe ds_org_individual
	try /dev/null "0 2" "list, form file $kind" --forms-dir "$fd" list
	try /dev/null "2" "validate, form file $kind" --forms-dir "$fd" validate ds_org_individual "$o"
	CERTWIZ_FORMS=$fd try /dev/null "2" "wizard, form file $kind (CERTWIZ_FORMS)" wizard --plain ds_org_individual
done
try /dev/null "2" "--forms-dir a missing directory" --forms-dir "$tmp/none" describe ds_org_individual
try /dev/null "2" "--forms-dir a regular file" --forms-dir "$o" list
try /dev/null "0 2" "--forms-dir empty (the default)" --forms-dir "" list

# --- Environment, ids, ports, options -------------------------------------
CERTWIZ_TODAY= try /dev/null "0" "CERTWIZ_TODAY empty (the clock)" validate ds_org_individual "$o"
for today in garbage 2026-13-45 2026-02-30 99999-01-01 "2026-11-20x" \
    "$(head -c 100000 "$tmp/x1m")"; do
	CERTWIZ_TODAY=$today try /dev/null "2" "CERTWIZ_TODAY='$(printf '%.20s' "$today")'" validate ds_org_individual "$o"
done
for id in ../x "" -1 1e3 "1 2" "$(head -c 100000 /dev/zero | tr '\0' 9)" \
    "%2e%2e" "1/../2" \
    "$(printf '\377\376')"; do
	try /dev/null "1 2" "status id '$(printf '%.20s' "$id")'" --sandbox status --platform us -- "$id"
done
try /dev/null "2" "status without --platform" --sandbox status 1
try /dev/null "2" "status --platform 1 MiB" --sandbox status --platform "$(head -c 100000 "$tmp/x1m")" 1
for port in abc -1 65536 99999999999999999999 "" 1.5 " 80" 0x50 \
    "$(head -c 100000 /dev/zero | tr '\0' 9)"; do
	try /dev/null "2" "sandbox --port '$(printf '%.20s' "$port")'" sandbox --port "$port"
done
for t in 0 -1 abc 1e9 99999999999999999999 ""; do
	try /dev/null "2" "--timeout '$t'" --sandbox --timeout "$t" submit ds_org_individual "$o"
done
try /dev/null "2" "an unknown command" frobnicate
try /dev/null "2" "a 1 MiB command" "$(head -c 100000 "$tmp/x1m")"
try /dev/null "2" "an unknown option" --frobnicate list
try "$TESTDATA/plain/ds_org_individual.txt" "1 2" "wizard --output to a directory" \
    wizard --plain --dry-run --output "$tmp" ds_org_individual
grep -q 'draft saved' "$tmp/err" || fail "--output to a directory: answers not kept"
CERTWIZ_BASE_URL_US=$(head -c 100000 "$tmp/x1m") CERTWIZ_API_KEY_US=k \
    try /dev/null "3" "a 1 MiB base URL" submit ds_org_individual "$o"
CERTWIZ_BASE_URL_US='http://[::1' CERTWIZ_API_KEY_US=k \
    try /dev/null "3" "a broken base URL" submit ds_org_individual "$o"
CERTWIZ_API_KEY_US="$(printf 'a\001b')" CERTWIZ_BASE_URL_US=http://127.0.0.1:9/x \
    try /dev/null "3" "a key with a control byte" submit ds_org_individual "$o"
CERTWIZ_RETRY_BASE_MS=garbage CERTWIZ_SANDBOX_FAULTS=429 \
    try /dev/null "0 2 3" "CERTWIZ_RETRY_BASE_MS garbage" --sandbox submit document_signing_org_2 "$TESTDATA/orders/document_signing_org_2.json"
CERTWIZ_SANDBOX_FAULTS="$(head -c 100000 "$tmp/x1m"),nonsense,,," \
    try /dev/null "0 2 3" "CERTWIZ_SANDBOX_FAULTS garbage" --sandbox submit document_signing_org_1 "$TESTDATA/orders/document_signing_org_1.json"
mkdir -p "$XDG_CONFIG_HOME/certwiz"
for conf in binary nul 1mib noeq; do
	c=$XDG_CONFIG_HOME/certwiz/config
	case $conf in
	binary) head -c 65536 /dev/urandom >"$c" ;;
	nul) printf 'key_us = a\0b\n' >"$c" ;;
	1mib) { printf 'key_us = '; cat "$tmp/x1m"; } >"$c" ;;
	noeq) printf 'key_us\n=\n==\nkey_us =\n' >"$c" ;;
	esac
	chmod 600 "$c"
	CERTWIZ_BASE_URL_US=http://127.0.0.1:9/services/v2 \
	    try /dev/null "3" "a config file that is $conf" submit ds_org_individual "$o"
done
rm -rf "$XDG_CONFIG_HOME"
: >"$tmp/journal-file"
mkdir -p "$XDG_STATE_HOME/certwiz" "$SBSTATE"
for j in binary deep nul 1mib; do
	case $j in
	binary) head -c 65536 /dev/urandom ;;
	deep) head -c 100000 /dev/zero | tr '\0' '[' ;;
	nul) printf '{"event":"pla\0ced"}\n' ;;
	1mib) printf '{"event":"placed","order_id":"'; cat "$tmp/x1m"; printf '"}\n' ;;
	esac >"$XDG_STATE_HOME/certwiz/journal"
	try /dev/null "0 1 2" "history, a journal that is $j" history
	try /dev/null "0 1 2" "history --json, a journal that is $j" history --json
	# The sandbox's own journal, read by --sandbox history.
	cp "$XDG_STATE_HOME/certwiz/journal" "$SBSTATE/journal"
	: >"$XDG_STATE_HOME/certwiz/journal"
	try /dev/null "0 1 2" "--sandbox history, a journal that is $j" \
	    --sandbox history
	try /dev/null "0 1 2" "--sandbox history --json, a journal that is $j" \
	    --sandbox history --json
	rm -f "$SBSTATE/journal"
done
rm -rf "$XDG_STATE_HOME"

# --- A subset under valgrind (opt-in: VALGRIND_BADINPUT=1) ----------------
if [ "${VALGRIND_BADINPUT:-0}" = 1 ] && command -v valgrind >/dev/null 2>&1; then
	vg="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
	for f in "$d/deep-array.json" "$d/deep-object.json" "$d/binary.json" \
	    "$d/badutf8-key.json" "$d/dup-nested.json" "$d/1mib_subject_email.json"; do
		tried=$((tried + 1))
		$vg "$CERTWIZ" validate ds_org_individual "$f" >/dev/null 2>"$tmp/err"
		[ $? -eq 99 ] && fail "valgrind: validate ${f##*/}: $(head -c 600 "$tmp/err")"
	done
fi

echo "$tried bad inputs tried"
finish "badinput.sh: all passed"
