#!/bin/sh
# effort_tmux.sh [SCRIPT]: runs a tmux test (default tests/tui_orders.sh: one
# complete order per product, existing organization, default balance
# payment; tests/tui_recall.sh: a first order, then a repeat order with the
# remembered organization and contact) with a tmux wrapper that logs every
# send-keys, then prints per product "PRODUCT keys chars": keys sent (a
# named key or a typed character each; a literal of more than 200
# characters, the CSR, counts as one paste) and characters of the answers.
# Only the first session of each product counts.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
real=$(command -v tmux) || exit 1
mkdir "$tmp/bin"
cat >"$tmp/bin/tmux" <<EOT
#!/bin/sh
for a in "\$@"; do
	case \$a in
	"sh '"*) f=\${a#sh \'}; f=\${f%\'}
		printf 'PRODUCT=%s\037' "\$(sed -n "3s/.* '\\([^']*\\)'\$/\\1/p" "\$f")" ;;
	*) printf '%s\037' "\$a" ;;
	esac
done >>"$tmp/log"
printf '\n' >>"$tmp/log"
exec "$real" "\$@"
EOT
chmod +x "$tmp/bin/tmux"
script=${1:-$top/tests/tui_orders.sh}
PATH=$tmp/bin:$PATH sh "$script" >"$tmp/out" 2>&1 ||
    { echo "effort: $script failed" >&2; exit 1; }
LC_ALL=C.UTF-8 awk -F '\037' '
	# The product is the last argument of the script new-session runs.
	/new-session/ { for (i = 1; i <= NF; i++) if ($i ~ /^PRODUCT=/) p = substr($i, 9)
		if (p in seen) { cur = ""; next }
		seen[p] = 1; order[++n] = p; cur = p; next }
	/send-keys/ && cur != "" { lit = 0; m = 0
		for (i = 1; i < NF; i++) {
			if ($i == "send-keys" || $i == "--") continue
			if ($i == "-t") { i++; continue }
			if ($i == "-l") { lit = 1; continue }
			if (lit) { len = length($i); if (len > 200) { k[cur]++ } else { k[cur] += len; c[cur] += len } }
			else k[cur]++
		} }
	END { for (i = 1; i <= n; i++) print order[i], k[order[i]] + 0, c[order[i]] + 0 }' "$tmp/log"
