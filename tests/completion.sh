#!/bin/sh
# completion.sh: drives bash's completion function for certwiz
# (completion/certwiz) with COMP_WORDS and COMP_CWORD for a table of
# command lines; the zsh one is typed into an interactive zsh.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "${0%/*}/lib.sh"
here=$(cd "${0%/*}" && pwd)
: "${COMPLETION:=$(cd "${0%/*}/../completion" && pwd)}"
use_private_dirs
source "$COMPLETION/certwiz"

# Drafts for --resume, newest first; files for --load, --output, validate.
drafts=$XDG_STATE_HOME/certwiz/drafts
mkdir -p "$drafts" "$tmp/work"
echo '{}' >"$drafts/old-draft.json"
touch -d '2026-01-01' "$drafts/old-draft.json"
echo '{}' >"$drafts/new-draft.json"
# Placed orders for --copy, newest first.
placed=$XDG_STATE_HOME/certwiz/placed
mkdir -p "$placed"
echo '{}' >"$placed/100000001.json"
touch -d '2026-01-01' "$placed/100000001.json"
echo '{}' >"$placed/100000002.json"
touch "$tmp/work/order.json" "$tmp/work/other.txt"
mkdir "$tmp/forms2" "$tmp/forms2/fragments"
cp "$CERTWIZ_FORMS/ds_org_individual.json" "$tmp/forms2/site_product.json"
sed -i 's/"id": "ds_org_individual"/"id": "site_product"/' \
    "$tmp/forms2/site_product.json"
cp "$CERTWIZ_FORMS"/fragments/*.json "$tmp/forms2/fragments/"
cd "$tmp/work" || exit 99

# Completes the command line $1 (a trailing space starts a new, empty word)
# and prints the candidates sorted, space-separated.
complete_line() {
	local line=$1
	read -r -a COMP_WORDS <<<"$line"
	[[ $line == *' ' ]] && COMP_WORDS+=('')
	COMP_WORDS[0]=$CERTWIZ
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_certwiz 2>/dev/null
	printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd' '
}

# command line | the candidates expected
ids=$(echo "$PRODUCTS" | tr ' ' '\n' | sort | paste -sd' ')
cmds="describe history list resolve sandbox schema status submit validate wizard"
while IFS='|' read -r line want; do
	[ -n "$line" ] || continue
	want=${want/@IDS@/$ids}
	want=${want/@CMDS@/$cmds}
	line=${line/FORMS2/$tmp/forms2}
	got=$(complete_line "$line")
	[ "$got" = "$want" ] || fail "'$line': got '$got', expected '$want'"
done <<'TABLE'
certwiz |@CMDS@
certwiz s|sandbox schema status submit
certwiz --|--forms-dir --help --plain --resume --sandbox --timeout --version
certwiz --sandbox w|wizard
certwiz --timeout 5 li|list
certwiz describe |@IDS@
certwiz describe ds|ds_org_individual
certwiz describe --json pkio_p|pkio_private_services_server
certwiz describe ds_org_individual |
certwiz --forms-dir FORMS2 describe s|site_product
certwiz --forms-dir=FORMS2 wizard si|site_product
certwiz describe -|--help --json
certwiz list --|--help --json
certwiz status --|--alternative-order-id --help --json --platform
certwiz status --platform us --alternative-order-id |
certwiz status --al|--alternative-order-id
certwiz submit --|--again --help --json
certwiz submit --again ds|ds_org_individual
certwiz schema |@IDS@
certwiz schema pkio_q|pkio_qualified_organisation_services
certwiz schema -|--help --json
certwiz r|resolve
certwiz resolve --|--help --json
certwiz resolve |
certwiz status --platform |eu us
certwiz sandbox --|--help --log --port
certwiz sandbox --port |
certwiz wizard --no|--no-color --no-recall
certwiz wizard --re|--resume --resume=
certwiz wizard --co|--copy
certwiz wizard --copy |100000001 100000002
certwiz wizard --resume=|new-draft old-draft
certwiz wizard --resume=o|old-draft
certwiz --resume |new-draft old-draft
certwiz wizard --load |order.json other.txt
certwiz wizard --output o|order.json other.txt
certwiz wizard --plain eu|eu_individual_org
certwiz validate e|eu_individual_org
certwiz validate ds_org_individual o|order.json other.txt
certwiz validate ds_org_individual order.json o|order.json other.txt
certwiz submit ds_org_individual |order.json other.txt
certwiz submit ds_org_individual order.json |
certwiz history |
certwiz nosuchcommand |
TABLE


# zsh's function, when zsh is installed: it parses, and an interactive
# zsh (zsh/zpty, completion_zsh.zsh) completes a few lines with it.
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$COMPLETION/_certwiz" || fail "_certwiz does not parse"
	zt=$here/completion_zsh.zsh
	while IFS='|' read -r typed want; do
		timeout 20 zsh -f "$zt" "$COMPLETION" "${CERTWIZ%/*}" \
		    "$typed" "$want" ||
		    fail "zsh: '$typed' did not become '$want'"
	done <<'TABLE'
certwiz sta|certwiz status
certwiz describe pkio_q|certwiz describe pkio_qualified_organisation_services
certwiz wizard --no-r|certwiz wizard --no-recall
certwiz wizard --cop|certwiz wizard --copy
certwiz status --platform=e|certwiz status --platform=eu
certwiz res|certwiz resolve
certwiz submit --ag|certwiz submit --again
certwiz status --alt|certwiz status --alternative-order-id
certwiz status --j|certwiz status --json
TABLE
fi

finish "all completion checks passed"
