#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_ui_find.sh - n and N find within a view (issue 17,
# point 5): the next or previous line with the words of the last search,
# asked for when there was none, whatever the case and accents; a list
# pages on from the store to find; the meeting screen keeps n for its
# next agenda item.
. "$(dirname "$0")/lib.sh"

must tl init --demo

# ui SCRIPT-LINES...: the program on $DB, headless, at 120x30.
ui() {
	printf '%s\n' "$@" >"$W/script"
	"$TILLIT" --db "$DB" --as "Björn Åkesson" ui --script "$W/script" \
		--size 120x30 >"$W/out" 2>"$W/err"
	RC=$?
}
# dump N: the N-th screen (from 1).
dump() { awk -v n="$1" '/^----$/ { k++; next } k == n - 1' "$W/out"; }
# opened N: the title bar of the N-th screen.
opened() { dump "$1" | sed -n 1p | sed 's/  .*//'; }

# The follow-ups by due date: Märta's are the last two; Åsa's the first.
ui "key 6" "key n" "type marta" "key Enter" "key Enter" dump \
	"key q" "key n" "key Enter" dump \
	"key q" "key N" "key Enter" dump \
	"key q" "key n" "key n" dump
check_rc "n and N in the follow-ups" 0
check_same "n asks for the words, then finds Märta's first (no accents typed)" \
	"$(opened 1)" " Follow-up: Utvärdera om den nya delegationsordningen kortar"
check_same "n again: her next" "$(opened 2)" \
	" Follow-up: Redovisa måluppfyllelse per skola efter vårtermi"
check_same "N: back to the one before" "$(opened 3)" \
	" Follow-up: Utvärdera om den nya delegationsordningen kortar"
check_same "n past the last: said, and the selection stays" \
	"$(dump 4 | grep -c 'No more lines with "marta" below.')" 1

# The last search's words: / then q, and n finds them in the list.
ui "key /" "type ängström" "key Enter" "key q" "key 3" "key n" \
	"key Enter" dump
check_same "n finds the words of the last search (/) in another view" \
	"$(opened 1)" " Mandate: Beslut om placering i förskola"

# A list longer than its window: n pages on through the store.
OWNER="Björn Åkesson"
i=0
while [ $i -lt 130 ]; do
	must tl followup add --text "Punkt $i" --owner "$OWNER" \
		--due 2026-12-31
	i=$((i + 1))
done
must tl followup add --text "Nålen i höstacken" --owner "$OWNER" \
	--due 2027-12-31
ui "key 6" "key n" "type NÅLEN" "key Enter" "key Enter" dump
check_same "n pages through a long list to its match" "$(opened 1)" \
	" Follow-up: Nålen i höstacken"

# The overview: n selects a line of its own.
ui "key n" "type julschemat" "key Enter" "key Enter" dump
check_same "n on the overview opens the line it found" "$(opened 1)" \
	" Follow-up: Skicka ut julschemat till arbetslaget"

# The meeting screen keeps n for the next agenda item.
M="Dialogmöte om hemtjänsten"
ui "key 2" "key /" "type $M" "key Enter" "key Enter" "key ?" dump
check_same "the meeting screen's help: n is the next item" \
	"$(dump 1 | grep -c '^  n  *Next agenda item')" 1
check_same "... and not find" "$(dump 1 | grep -c 'Find the next line')" 0
ui "key 6" "key ?" dump
check_same "a list's help offers n and N to find" \
	"$(dump 1 | grep -c '^  n  *Find the next line')" 1

done_testing
