#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_ui_place.sh - views keep their place and state when you
# leave them and come back (issue 17, point 3): a number key opens its
# view on top of those open, and q comes back to a running meeting at
# the step it was on, or to a list at the row it had.
. "$(dirname "$0")/lib.sh"

must tl init --demo

ui() {
	printf '%s\n' "$@" >"$W/script"
	"$TILLIT" --db "$DB" --as "Björn Åkesson" ui --script "$W/script" \
		--size 100x30 >"$W/out" 2>"$W/err"
	RC=$?
}
dump() { awk -v n="$1" '/^----$/ { k++; next } k == n - 1' "$W/out"; }

ui "key 2" "key /" "type Dialogmöte om hemtjänsten" "key Enter" "key Enter" \
	"key r" "key n" "key n" dump "key 3" dump "key q" dump "key 6" "key 7" \
	"key q" "key q" dump
check_rc "a running meeting, then 3, then q" 0
step=$(dump 1 | sed -n 2p)
check_same "the meeting runs at step 3" "$(printf '%s' "$step" |
	grep -c '^ Step 3 of 3')" 1
check_same "3 opens the delegation register" \
	"$(dump 2 | sed -n 1p | grep -c '^ Delegation register')" 1
check_same "q comes back to the meeting, running, at the same step" \
	"$(dump 3 | sed -n 1,2p)" "$(dump 1 | sed -n 1,2p)"
check_same "... and after 6, 7, q, q too" "$(dump 4 | sed -n 1,2p)" \
	"$(dump 1 | sed -n 1,2p)"

# A list keeps its row: down three, away and back.
ui "key 6" "key j" "key j" "key j" "key Enter" dump "key q" "key 4" "key q" \
	"key Enter" dump
check_same "the follow-ups keep the row selected" "$(dump 2 | sed -n 1p)" \
	"$(dump 1 | sed -n 1p)"

# The same number key twice opens nothing more: q then goes back.
ui "key 6" "key 6" "key q" dump
check_same "6 twice is one view: q is back on the overview" \
	"$(dump 1 | sed -n 1p | grep -c '^ Overview')" 1

# Each screen's footer and help list only the keys that work there.
ui "key 6" dump "key ?" dump "key q" "key 4" dump "key ?" dump
check_same "the follow-ups' hint bar: done and reassign, no acknowledge" \
	"$(dump 1 | tail -n 1 | grep 'd done' | grep 'o reassign' |
		grep -c 'acknowledge')" 0
check_same "... and it is there at all" "$(dump 1 | tail -n 1 |
	grep -c 'd done')" 1
check_same "the follow-ups' help: titled by the list, no frame's keys" \
	"$(dump 2 | sed -n 1p | grep -c '^ Help: Follow-ups')|$(dump 2 |
	grep -c 'Acknowledge a frame\|earlier versions\|Log a decision\|private note')" \
	"1|0"
check_same "the frames' help: acknowledge and versions, no follow-up's keys" \
	"$(dump 4 | grep -c 'Acknowledge a frame\|earlier versions')|$(dump 4 |
	grep -c 'follow-up done\|another owner')" "2|0"

done_testing
