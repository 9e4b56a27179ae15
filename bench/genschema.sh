#!/bin/sh
# genschema.sh: regenerates bench/schema/PRODUCT.json, the JSON Schemas ajv
# checks in bench/validate.sh, from `certwiz describe --json`.
set -eu
: "${CERTWIZ:=./src/certwiz}"
here=$(dirname "$0")
for p in $("$CERTWIZ" list | awk '{print $1}'); do
	"$CERTWIZ" describe --json "$p" | jq -f "$here/schema.jq" >"$here/schema/$p.json"
done
