# lib.sh: helpers shared by the shell tests (sourced, not run, as
# . "${0%/*}/lib.sh"; make check exports srcdir as the top source directory,
# so the path comes from $0). It sets CERTWIZ and TESTDATA when the
# environment does not, makes a temporary directory $tmp removed on exit,
# and holds one copy of: fail (counting), run (capturing), expect_status,
# expect_in, finish (the summary), on_exit, need, need_sandbox,
# use_private_dirs,
# wait_in_file and start_sandbox (a standalone sandbox on a free port).
# tui_lib.sh sources it too; sourcing it twice is harmless.
[ -z "${cw_lib_loaded:-}" ] || return 0
cw_lib_loaded=1
set -u
: "${CERTWIZ:=./src/certwiz}" "${TESTDATA:=tests/data}"
case $TESTDATA in /*) ;; *) TESTDATA=$PWD/$TESTDATA ;; esac
case $CERTWIZ in /*) ;; */*) CERTWIZ=$PWD/$CERTWIZ ;; esac
# No real key or platform from the caller's environment reaches a test.
unset CERTWIZ_API_KEY_US CERTWIZ_API_KEY_EU DIGICERT_API_KEY \
    CERTWIZ_BASE_URL_US CERTWIZ_BASE_URL_EU CERTWIZ_SANDBOX_FAULTS \
    CERTWIZ_STATE_DIR
# Look-ups after an unknown outcome go on for 2 s, not 2 minutes.
CERTWIZ_RESOLVE_SECONDS=2
export CERTWIZ_RESOLVE_SECONDS
# Messages in English whatever the caller's language (i18n.sh sets its own).
unset LANGUAGE LC_MESSAGES CERTWIZ_LOCALEDIR
PRODUCTS="eu_individual_org pkio_qualified_organisation_services
pkio_private_services_server document_signing_org_1 document_signing_org_2
ds_org_individual"
failures=0
status=0

# The temporary directory; on exit the commands given to on_exit run (the
# last registered first), then it goes, read-only parts included.
tmp=$(mktemp -d) || { echo "mktemp -d failed"; exit 99; }
cw_on_exit=
on_exit() {
	cw_on_exit="$1
$cw_on_exit"
}
cw_cleanup() {
	eval "$cw_on_exit"
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cw_cleanup EXIT

# Exits 99 (a hard error) unless every command named is on PATH.
need() {
	for cw_cmd; do
		command -v "$cw_cmd" >/dev/null 2>&1 ||
		    { echo "$cw_cmd is needed"; exit 99; }
	done
}

# Exits 77 (skipped) when certwiz was configured with --disable-sandbox
# (make check sets CW_SANDBOX=no): the test needs the simulator.
need_sandbox() {
	[ "${CW_SANDBOX:-yes}" != no ] && return 0
	echo "SKIP: the sandbox is not built in (--disable-sandbox)"
	exit 77
}

# Points the state, config and home directories into $tmp.
use_private_dirs() {
	XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config HOME=$tmp/home
	export XDG_STATE_HOME XDG_CONFIG_HOME HOME
	# What --sandbox keeps: its own journal, drafts and recall.json.
	SBSTATE=$XDG_STATE_HOME/certwiz/sandbox
	mkdir -p "$HOME"
}

# Reports a failed check (with the file $fail_context, when set, shown
# below it: tui_lib.sh sets it to the screen).
fail_context=
fail() {
	echo "FAIL: $*"
	[ -z "$fail_context" ] || sed 's/^/  | /' "$fail_context"
	failures=$((failures + 1))
}

# Runs certwiz with the given arguments, keeping stdout, stderr and status
# in $tmp/out, $tmp/err and $status. (faults.sh and tui_lib.sh have a run
# of their own.)
run() {
	"$CERTWIZ" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
}

# Checks the last status against $1 for the check named $2.
expect_status() {
	[ "$status" -eq "$1" ] ||
	    fail "$2: status $status, expected $1 ($(head -c 400 "$tmp/err"))"
}

# Checks that $tmp/$1 holds the fixed string $2, for the check named $3.
expect_in() {
	grep -qF -- "$2" "$tmp/$1" ||
	    fail "$3: '$2' not in $1: $(head -c 400 "$tmp/$1")"
}

# Waits up to 5 s for the file $2 to hold a line matching $1 (silently).
wait_in_file() {
	cw_i=0
	while [ $cw_i -lt 100 ] && ! grep -q -- "$1" "$2" 2>/dev/null; do
		sleep 0.05
		cw_i=$((cw_i + 1))
	done
}

# Starts a standalone "certwiz sandbox" on a free port, with the VAR=value
# arguments in its environment; its output goes to $tmp/sandbox.out and
# .err. Sets sandbox_port and sandbox_pid and returns 0, or returns 1 when
# no port could be had. It is killed on exit.
sandbox_port=
sandbox_pid=
on_exit '[ -z "$sandbox_pid" ] || kill "$sandbox_pid" 2>/dev/null'
start_sandbox() {
	sandbox_port=
	for cw_try in 1 2 3 4 5 6; do
		cw_p=$((20000 + ($$ * 7 + cw_try * 89) % 20000))
		env "$@" "$CERTWIZ" sandbox --port "$cw_p" \
		    >"$tmp/sandbox.out" 2>"$tmp/sandbox.err" &
		sandbox_pid=$!
		cw_i=0
		while [ $cw_i -lt 50 ]; do
			# Ours, not another test's sandbox on the same port.
			if grep -q "listening on http://127.0.0.1:$cw_p/" \
			    "$tmp/sandbox.out" 2>/dev/null &&
			    kill -0 "$sandbox_pid" 2>/dev/null; then
				sandbox_port=$cw_p
				return 0
			fi
			kill -0 "$sandbox_pid" 2>/dev/null || break
			sleep 0.1
			cw_i=$((cw_i + 1))
		done
		kill "$sandbox_pid" 2>/dev/null
		wait "$sandbox_pid" 2>/dev/null
		sandbox_pid=
	done
	return 1
}

# Ends the test: with the count of failures and status 1, or with the
# message given (if any) and status 0.
finish() {
	[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
	[ $# -eq 0 ] || echo "$*"
	exit 0
}
