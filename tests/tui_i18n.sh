#!/bin/sh
# tui_i18n.sh: the curses wizard draws Dutch with LANGUAGE=nl (in the UTF-8
# locale tui_lib.sh finds, C.UTF-8 if nothing else: LANGUAGE picks the
# catalogue whatever the locale's own language, except in plain C).
. "${0%/*}/tui_lib.sh"
: "${SRCDIR:=$(cd "${0%/*}/.." && pwd)}"
need msgfmt
if [ "${CW_NLS:-yes}" = no ]; then
	echo "SKIP: built with --disable-nls"
	exit 77
fi
mkdir -p "$tmp/locale/nl/LC_MESSAGES"
msgfmt -o "$tmp/locale/nl/LC_MESSAGES/certwiz.mo" "$SRCDIR/po/nl.po" ||
    fail "msgfmt nl.po"
CERTWIZ_LOCALEDIR=$tmp/locale LANGUAGE=nl
export CERTWIZ_LOCALEDIR LANGUAGE

rm -f "$tmp/out.json"
run wizard --dry-run --output "$tmp/out.json" ds_org_individual
wait_for '^Scherm 1 van [0-9]+: Certificaat' "the first screen in Dutch"
wait_for 'Handtekening-hash' "a field label in Dutch"
keys Tab
wait_for 'Tab volgende' "the key line in Dutch"
keys F1
wait_for 'sluit deze hulp' "the help overlay in Dutch"
keys Escape
wait_gone 'sluit deze hulp' "any other key closes the help"

finish "the wizard speaks Dutch"
