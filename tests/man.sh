#!/bin/sh
# man.sh: the man pages pass mandoc's lint and document every command and
# environment variable.  Run by "make check"; MANDIR names the man directory.

case $0 in
*/*)	srcdir=${0%/*}/.. ;;
*)	srcdir=.. ;;
esac
MANDIR=${MANDIR:-$srcdir/man}

if ! command -v mandoc >/dev/null 2>&1; then
	echo "man.sh: mandoc is not installed; skipping"
	exit 77
fi

fail=0
for page in "$MANDIR/certwiz.1" "$MANDIR/certwiz-forms.5"; do
	if [ ! -r "$page" ]; then
		echo "man.sh: cannot read $page"
		fail=1
		continue
	fi
	out=$(mandoc -T lint -W warning "$page" 2>&1)
	rc=$?
	if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
		echo "man.sh: mandoc -T lint -W warning $page (exit $rc):"
		printf '%s\n' "$out"
		fail=1
	fi
done

page=$MANDIR/certwiz.1
if [ -r "$page" ]; then
	for word in list describe validate CERTWIZ_FORMS CERTWIZ_TODAY; do
		if ! grep -Eq "(^|[^A-Za-z0-9_])$word([^A-Za-z0-9_]|\$)" \
		    "$page"; then
			echo "man.sh: $page does not mention $word"
			fail=1
		fi
	done
fi

exit "$fail"
