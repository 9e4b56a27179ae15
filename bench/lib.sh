# lib.sh: helpers shared by the bench scripts (sourced, POSIX sh).
# Figures are medians of several runs; each table row names a peer measured
# in the same run and the ratio against it.

: "${CERTWIZ:=./src/certwiz}" "${RUNS:=5}"

# Prints the current time in nanoseconds.
now_ns() {
	date +%s%N
}

# Prints the median of the numbers given as arguments.
median() {
	printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1}
	END { if (NR == 0) { print "-"; exit }
	      if (NR % 2) print v[(NR + 1) / 2];
	      else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Runs a command RUNS times and prints each wall time in milliseconds.
time_runs() {
	n=$1; shift
	i=0
	while [ "$i" -lt "$n" ]; do
		t0=$(now_ns)
		"$@" >/dev/null 2>&1
		t1=$(now_ns)
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }'
		i=$((i + 1))
	done
}

# Prints a table header; the title goes above it.
table_head() {
	printf '\n### %s\n\n' "$1"
	echo "| measure | runs | median | peer | peer median | ratio | target | verdict |"
	echo "|---|---|---|---|---|---|---|---|"
}

# Prints one row: name runs median unit peer peer_median target_ratio.
# target_ratio is the largest ratio that passes, "-" for none; a target
# such as "<2 ms" with no peer is judged by the caller (pass verdict arg 8).
table_row() {
	awk -v name="$1" -v runs="$2" -v med="$3" -v unit="$4" -v peer="$5" \
	    -v pmed="$6" -v target="$7" -v verdict="${8:-}" 'BEGIN {
		ratio = "-"
		if (pmed != "-" && pmed != "" && pmed + 0 > 0 && med != "-")
			ratio = sprintf("%.2f×", med / pmed)
		if (verdict == "") {
			if (target == "-" || ratio == "-") verdict = "-"
			else verdict = (med / pmed <= target + 0) ? "met" : "NOT MET"
		}
		tgt = (target == "-") ? "-" : "≤ " target "×"
		if (target !~ /^[0-9.]+$/) tgt = target
		pm = (pmed == "-" || pmed == "") ? "-" : pmed " " unit
		printf "| %s | %s | %s %s | %s | %s | %s | %s | %s |\n",
		    name, runs, med, unit, peer, pm, ratio, tgt, verdict
	}'
}

# Prints a note under a table (e.g. why a peer was skipped).
table_note() {
	printf '\n%s\n' "$*"
}
