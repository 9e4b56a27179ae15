#!/bin/sh
# csr.sh: certwiz validate reads the CSR with libcrypto (key against
# csr_key_type / key_size, signature), and falls back to the frame check,
# saying so, when libcrypto cannot be loaded.
. "${0%/*}/lib.sh"
CERTWIZ_TODAY=2026-11-20
export CERTWIZ_TODAY
need jq

# Writes $tmp/$1.json: the ds_org_individual sample with CSR file $2 and
# the JSON key type $3 and size $4.
body() {
	jq --rawfile csr "$TESTDATA/csr/$2" --argjson t "$3" --argjson s "$4" \
	    '.certificate.csr = $csr | .certificate.csr_key_type = $t |
	     .certificate.key_size = $s' \
	    "$TESTDATA/orders/ds_org_individual.json" >"$tmp/$1.json"
}

body ecc ecc-p256.pem '"rsa"' 4096
run validate ds_org_individual "$tmp/ecc.json"
expect_status 1 "an ECC CSR with csr_key_type rsa"
expect_in out "certificate.csr_key_type: is rsa but the CSR's key is ECC P-256: set it to ecc" \
    "the key type disagrees"
body ok ecc-p256.pem '"ecc"' '"p-256"'
run validate ds_org_individual "$tmp/ok.json"
expect_status 0 "an ECC P-256 CSR with ecc / p-256"
body bad bad-signature.pem '"rsa"' 2048
run validate --json ds_org_individual "$tmp/bad.json"
expect_status 1 "a CSR with a broken signature"
jq -e '.errors[] | select(.path == "certificate.csr" and
    (.message | test("broken signature")))' "$tmp/out" >/dev/null ||
    fail "validate --json names the broken signature: $(head -c 400 "$tmp/out")"

# Without libcrypto (a library of that name that cannot be loaded comes
# first on the search path) only the frame is checked, with a warning.
mkdir "$tmp/lib" && : >"$tmp/lib/libcrypto.so.3"
LD_LIBRARY_PATH=$tmp/lib "$CERTWIZ" validate ds_org_individual \
    "$tmp/ecc.json" >"$tmp/out" 2>"$tmp/err"
status=$?
expect_status 0 "the frame check passes without libcrypto"
expect_in out "certificate.csr: warning: was checked only for its PEM frame, not read: cannot load libcrypto.so.3" \
    "the fallback says so"
body trunc truncated.pem '"ecc"' '"p-256"'
LD_LIBRARY_PATH=$tmp/lib "$CERTWIZ" validate ds_org_individual \
    "$tmp/trunc.json" >"$tmp/out" 2>"$tmp/err"
status=$?
expect_status 1 "the frame check still refuses a truncated body"
expect_in out "body is not a DER-encoded request" "truncated body"
finish "csr: ok"
