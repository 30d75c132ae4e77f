#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_completion.sh - shell completion (issue 17, point 5):
# `tillit __complete WORDS` offers what may come next from the same
# tables as --help (for every noun and action, the options offered are
# the options its --help lists), and the scripts of `tillit completion
# bash|zsh|fish` complete in the real shells: bash through compgen,
# fish through `complete -C`; zsh is checked for syntax (its completion
# system needs an interactive terminal).
# backend: none
. "$(dirname "$0")/lib.sh"

next() { "$TILLIT" __complete "$@" | tr '\n' ' '; }

check_same "commands, nouns and global options" \
	"$(next | grep -oE '(^| )(--db|remind|followup) ' | tr -d '\n ')" \
	"--dbremindfollowup"
check_same "a noun's actions" "$(next followup)" \
	"add list show edit close done carry "
check_same "... only its own (ack is a frame's)" \
	"$(next frame | grep -c ack)" 1
check_same "an action's options" \
	"$(next followup add | grep -oE -- '--(text|owner|due) ' | tr -d '\n')" \
	"--text --owner --due "
check_same "after an option that takes a value, nothing (a file name)" \
	"$(next followup add --owner)" ""
check_same "global options are stepped over" "$(next --db x.db --as Åsa frame)" \
	"$(next frame)"
check_same "an unknown command offers nothing, quietly" \
	"$("$TILLIT" __complete frobnicate 2>&1)" ""
case " $(next export) " in
*" --csv-dialect "*) pass "a command's options" ;;
*) fail "a command's options" "$(next export)" ;;
esac

# Every noun's every action: the options offered are those --help lists.
bad=""
nouns=$("$TILLIT" --help | sed -n '/^Records/,/^$/p' | sed 1d | awk 'NF > 1 { print $1 }')
check_same "... of all $(echo "$nouns" | wc -w) nouns" \
	"$(echo "$nouns" | wc -w)" 27
for noun in $nouns; do
	for action in $("$TILLIT" __complete "$noun"); do
		want=$("$TILLIT" "$noun" "$action" --help 2>/dev/null |
			grep -oE '^  (-[a-zA-Z], )?--[a-z][a-z-]*' |
			sed 's/.*--/--/' | sort | tr '\n' ' ')
		got=$("$TILLIT" __complete "$noun" "$action" | sort |
			tr '\n' ' ')
		[ "$want" = "$got" ] || bad="$bad $noun/$action"
	done
done
check_same "for every noun and action, the options of its --help" "$bad" ""

# The shells themselves, with tillit on their PATH.
mkdir -p "$W/bin"
ln -s "$TILLIT" "$W/bin/tillit"
P="$W/bin:$PATH"
"$TILLIT" completion bash >"$W/tillit.bash"
run env PATH="$P" bash -c '. "$1"
complete -p tillit
COMP_WORDS=(tillit fol); COMP_CWORD=1; _tillit; echo "1: ${COMPREPLY[*]}"
COMP_WORDS=(tillit followup ad); COMP_CWORD=2; _tillit; echo "2: ${COMPREPLY[*]}"
COMP_WORDS=(tillit --db x.db frame list --csv-d); COMP_CWORD=5; _tillit
echo "3: ${COMPREPLY[*]}"' bash "$W/tillit.bash"
check_grep "bash: the script registers _tillit" '^complete -o default -F _tillit tillit$'
check_grep "bash: a noun from its start" '^1: followup$'
check_grep "bash: an action" '^2: add$'
check_grep "bash: an option, after --db and its value" '^3: --csv-dialect$'

if command -v fish >/dev/null 2>&1; then
	"$TILLIT" completion fish >"$W/tillit.fish"
	run env PATH="$P" fish --no-config -c 'source $argv[1]
complete -C"tillit fol"
complete -C"tillit followup add --ow"' "$W/tillit.fish"
	check_grep "fish: a noun" '^followup$'
	check_grep "fish: an option" '^--owner$'
else
	echo "ok - fish # SKIP fish is not installed"
fi
if command -v zsh >/dev/null 2>&1; then
	"$TILLIT" completion zsh >"$W/_tillit"
	run zsh -n "$W/_tillit"
	check_rc "zsh: the script reads as zsh" 0
	check_same "zsh: a #compdef script" "$(sed -n 1p "$W/_tillit")" \
		"#compdef tillit"
else
	echo "ok - zsh # SKIP zsh is not installed"
fi
run tl completion tcsh
check_err "an unknown shell" 2 "^tillit: Give the shell: bash, zsh or fish\\."
done_testing
