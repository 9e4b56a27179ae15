# completion_zsh.zsh: types a command line and Tab into an interactive zsh
# (zsh/zpty) that loads _certwiz, and waits for the line to become the
# expected completion. Run by completion.sh as
#   zsh -f completion_zsh.zsh COMPLETION_DIR PROGRAM_DIR TYPED EXPECTED
# Exit status 0 when the expected line shows within 5 s.
zmodload zsh/zpty || exit 77
zpty z zsh -f -i
zpty -w z "PS1='>'; fpath=($1 \$fpath); autoload -Uz compinit;" \
    "compinit -u -D; path=($2 \$path); print RE''ADY"
zpty -r z out '*READY*'
zpty -n -w z "$3"$'\t'
all=
for i in {1..50}; do
	zpty -r -t z chunk && all+=$chunk
	[[ $all == *"$4"* ]] && break
	sleep 0.1
done
zpty -d z
[[ $all == *"$4"* ]]
