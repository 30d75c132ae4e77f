#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_options.sh - how every command reads its options (the
# option tables of src/cli/args.c): the option lines of --help, short
# letters and their clusters, unique prefixes of long names, --name=VALUE,
# an option and its alias, and the usage errors (exit 2) for an unknown
# option, a missing value and a stray argument.
. "$(dirname "$0")/lib.sh"

must tl init --demo

# --- the --help of commands whose lines come from their tables ------------

run tl init --help
check_out "init --help" help-init.txt
run tl search -h
check_out "search -h" help-search.txt
run tl log --help
check_out "log --help" help-log.txt
run tl followup show --help
check_out "followup show --help" help-followup-show.txt
run tl followup done --help
check_out "followup done --help" help-followup-done.txt
run tl frame ack -h
check_out "frame ack -h" help-frame-ack.txt
run tl followup edit --help
check_out "followup edit --help" help-followup-edit.txt
run tl help participant remove
check_out "help participant remove" help-participant-remove.txt
run tl ui --help
check_grep "ui --help keeps its own columns" \
	'^  --size COLSxROWS   the screen of a script run \(100x30\)$'

# --- reading --------------------------------------------------------------

run tl followup list --lim 2 --format=csv
check_grep "a unique prefix and --name=VALUE" '^id,'
[ "$(wc -l <"$W/out")" = 3 ] && pass "--lim 2 gives two rows" ||
	fail "--lim 2 gives two rows" "$(cat "$W/out")"
run tl followup list --o
check_err "an ambiguous prefix" 2 \
	"^tillit: Unknown option '--o'\. Try 'tillit followup list --help'\.$"
run tl followup add --text "Kolla läget" --owner "Åsa Öberg" -qh
check_grep "-qh: the help wins, nothing is added" '^Usage: tillit followup add'
run tl followup list --format csv
check_rc "nothing was added by -qh" 0
grep -q 'Kolla läget' "$W/out" && fail "-qh added nothing" ||
	pass "-qh added nothing"
run tl meeting add --title "Planering" --kind committee \
	--start "2026-12-01 10:00" -q
check_rc "a prefix of both a field and its alias (--start)" 0
run tl meeting add --title "Planering" --kind committee --s x
check_err "a prefix of several fields" 2 "^tillit: Unknown option '--s'\."
run tl followup add --text x --quiet=yes
check_err "a flag given a value" 2 "^tillit: Unknown option '--quiet'\."
run tl followup add --text x -z
check_err "an unknown letter" 2 \
	"^tillit: Unknown option '-z'\. Try 'tillit followup add --help'\.$"
run tl followup done
check_err "no id" 2 "^tillit: Give the id of the record\."
run tl followup done a b
check_err "a stray argument" 2 "^tillit: Unexpected argument 'b'\."
run tl frame ack x --by
check_err "a missing value" 2 "^tillit: Option '--by' needs a value\."
run tl followup list --limit 0 --bogus
check_err "the first problem is named" 2 "^tillit: --limit takes a count"
run tl followup list --bogus --limit 0
check_err "the first problem is named (the other way)" 2 \
	"^tillit: Unknown option '--bogus'\."
run tl followup list -- --open
check_err "-- ends the options" 2 "^tillit: Unexpected argument '--open'\."
run tl ui --keys-md --bogus
check_grep "ui --keys-md acts at once" '^# Keys of the full-screen program'
run "$TILLIT" --db "$DB" --vers --bogus
check_out "a prefix of --version acts at once" version.txt
run "$TILLIT" --db "$DB" search --db x bemanningen
check_err "global options go before the command" 2 \
	"^tillit: Unknown option '--db'\. Try 'tillit search --help'\.$"

done_testing
