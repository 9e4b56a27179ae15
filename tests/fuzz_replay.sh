#!/bin/sh
# fuzz_replay.sh: replays the fuzzers' seed corpora and every input they
# once crashed on (tests/data/fuzz-regressions/HARNESS/) through the harness
# code built without libFuzzer (tests/replay_*), then feeds the order and
# plain-mode regressions to the real binary, which must not crash or hang.
. "${0%/*}/lib.sh"
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY
use_private_dirs
corpus=$TESTDATA/../../fuzz/corpus
regressions=$TESTDATA/fuzz-regressions

# Fails unless status $1 of what $2 names is one certwiz may end with.
expect_exit() {
	case $1 in
	0|1|2) ;;
	*) fail "$2: exit status $1" ;;
	esac
}

# Replays harness $1's corpus and regressions through tests/replay_$1.
replay() {
	set -- "$1" "$corpus/fuzz_$1"
	[ -d "$regressions/fuzz_$1" ] && set -- "$@" "$regressions/fuzz_$1"
	name=$1
	shift
	./tests/replay_"$name" "$@" >"$tmp/out" 2>&1 ||
	    { cat "$tmp/out"; fail "replay_$name"; }
}

for h in form expr order plain api state; do
	replay "$h"
done

# Order bodies through "certwiz validate" for every product.
for f in "$regressions"/fuzz_order/*; do
	[ -f "$f" ] || continue
	for p in $PRODUCTS; do
		timeout 20 "$CERTWIZ" validate "$p" "$f" >/dev/null 2>&1
		expect_exit $? "validate $p $f"
	done
done

# Answer files through "certwiz wizard --plain".
for f in "$regressions"/fuzz_plain/*; do
	[ -f "$f" ] || continue
	timeout 20 "$CERTWIZ" wizard --plain --dry-run ds_org_individual \
	    <"$f" >/dev/null 2>&1
	expect_exit $? "wizard --plain $f"
done

finish "fuzz_replay: all passed"
