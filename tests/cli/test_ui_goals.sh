#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_ui_goals.sh - the Goals view and a goal's screen (issue
# 18, point 4), in tmux as a person uses them: 9 shows the goal tree by
# unit with each goal's latest assessment, its analysis and its
# indicators with their latest figure and target; Enter opens a goal's
# own screen with its analyses period by period and a chart of each
# indicator against its target, in block characters, and in ASCII when
# the terminal is not UTF-8; the Overview lists my unit's goals that owe
# an analysis of the year just ended; and Swedish says it in Swedish.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_tmux.sh"

TILLIT_NOW="2026-12-02 10:00"
must tl init --demo

# The committee's secretary opens Goals, on a terminal tall enough for a
# goal's whole screen.
ROWS=50
start "$DB" "Sofia Bäckström"
see "tillit starts on the Overview" '^ Overview' || exit 1
keys 9
see "9 opens Goals" '^ Goals ' || exit 1
see "... the council's direction goal at the root of the tree" \
	'^[ >]*Kommunfullmäktige  · 1 active goal$'
see "... the committee, once, with its two goals" \
	'^ +Barn- och utbildningsnämnden  · 2 active goals$'
check_same "... named once, though both its goals are under the council's" \
	"$(grep -c 'Barn- och utbildningsnämnden  · ' "$W/pane")" 1
see "... a goal with its level, period and latest assessment" \
	'Ökad måluppfyllelse i årskurs 9  · goal  · 2025-2027 +PARTLY MET$'
see "... what its analysis says happened" \
	'^ +2025: Behörighet och meritvärde ökar för tredje året'
see "... an indicator's latest figure and target" \
	'Elever i åk 9 som är behöriga till ett yrkesprogram: 84.9 % \(2025\)  · target 88 \(2027\)$'
see "... a unit's commitment under the goal it breaks down" \
	'^ +Ängskolan  · 1 active goal$'
see "... and a goal without an analysis says so" '^ +No analysis yet\.$'

# Down to the committee's first goal (n finds in the view), and into its
# own screen.
keys n
typing "måluppfyllelse i årskurs"
keys Enter
keys Enter
see "Enter opens the goal's own screen" \
	'^ Goal: Ökad måluppfyllelse i årskurs 9' || exit 1
see "... the goals that break it down" \
	'^ +Fler elever i årskurs 9 behöriga till gymnasiet'
see "... its analyses, period by period, each with its assessment" \
	'^ +2025 +PARTLY MET$'
see "... what happened and what next, in full" \
	'What next: Skolorna redovisar sina analyser till nämnden i april\.'
see "... each indicator, which way is better" \
	'Elever i åk 9 som är behöriga till ett yrkesprogram \(%\)  · higher is better'
see "... a bar a year in block characters" \
	'^ +2025 +84\.9 █+[▏▎▍▌▋▊▉]? +│$'
see "... and the target marked on them and on its own line" \
	'^ +2027 +88 ·+│ target$'
screen
b23=$(grep -E '^ +2023 +81\.4 ' "$W/pane" | grep -o '█' | wc -l)
b25=$(grep -E '^ +2025 +84\.9 ' "$W/pane" | grep -o '█' | wc -l)
[ "$b23" -gt 0 ] && [ "$b25" -gt "$b23" ] &&
	pass "the bar grows with the figure ($b23 then $b25 blocks)" ||
	fail "the bar grows with the figure" "2023: $b23, 2025: $b25"
keys q
see "q goes back to Goals" '^ Goals '
keys q
see "... and q again to the Overview" '^ Overview'
stop
ROWS=30

# The preschool's head is owed an analysis of last year.
start "$DB" "Elin Söderlund"
see "the Overview lists my unit's goals without an analysis of 2025" \
	"^ My unit's goals without an analysis of 2025$"
see "... the preschool's commitment" \
	'^ +Alla barn känner sig trygga i förskolan  · 2025-2027$'
stop

# Once it is written, the Overview no longer asks for it.
G=$(tl goal list --unit "Solbackens förskola" --format csv | sed -n 2p |
	cut -d, -f1)
must tl analysis add --goal "$G" --period 2025 --assessment met \
	--happened "Tryggheten steg i enkäten."
start "$DB" "Elin Söderlund"
see "the Overview is up" '^ Overview' && settle
check_same "... with no goal owed once its analysis is written" \
	"$(grep -c 'without an analysis' "$W/pane")" 0
stop

# Not a UTF-8 terminal: the same chart in ASCII (headless, as scripts
# run it).
printf 'key 9\nkey n\ntype måluppfyllelse i årskurs\nkey Enter\nkey Enter\ndump\n' \
	>"$W/script"
run env LC_ALL=C "$TILLIT" --db "$DB" --as "Sofia Bäckström" ui \
	--script "$W/script" --size 100x40
check_grep "in the C locale the bars are # and the target |" \
	'^ +2025 +84\.9 #+ +\|$'
check_grep "... and its own line dots" '^ +2027 +88 \.+\| target$'

# In Swedish.
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" \
	--as "Sofia Bäckström" ui --script "$W/script" --size 100x40
check_grep "Swedish: the assessment" 'DELVIS UPPFYLLT$'
check_grep "... the decimal comma and which way is better" \
	'högre är bättre'
check_grep "... and the figures" '^ +2025 +84,9 '

# The § that set the goals, and where the committee answered the
# analysis, links to them.
printf 'key /\ntype budget 2027\nkey Enter\nkey Enter\ndump\n' >"$W/script"
run "$TILLIT" --db "$DB" --as "Sofia Bäckström" ui --script "$W/script" \
	--size 100x40
check_grep "an item's screen lists the goals it set" '^ Goals set here \(2\)$|^ Goals set here$'
check_grep "... each a line that opens it" '^   Ökad måluppfyllelse i årskurs 9  · active$'
check_grep "... and the goal analyses it answered" \
	'^ Goal analyses answered here'

# X writes the goal report from the screen: of every unit with a goal
# selected, of the unit with its line selected; the same file as
# 'tillit export goals'.
printf 'key 9\nkey j\nkey X\nkey m\nkey Enter\ndump\n' >"$W/script"
(cd "$W" && "$TILLIT" --db "$DB" --as "Sofia Bäckström" ui \
	--script "$W/script" --size 100x30) >"$W/out" 2>&1
check_grep "X in Goals writes the goal report" '^ Wrote goal-report\.md\.$'
tl export goals --format md >"$W/goals-cli.md"
cmp -s "$W/goal-report.md" "$W/goals-cli.md" &&
	pass "... the same as 'tillit export goals'" ||
	fail "... the same as 'tillit export goals'" \
		"$(diff "$W/goals-cli.md" "$W/goal-report.md" | head -5)"
printf 'key 9\nkey X\nkey h\nkey Enter\ndump\n' >"$W/script"
(cd "$W" && "$TILLIT" --db "$DB" --as "Sofia Bäckström" ui \
	--script "$W/script" --size 100x30) >"$W/out" 2>&1
check_grep "... with a unit's line selected, that unit's, as HTML" \
	'^ Wrote goal-report-Kommunfullmäktige\.html\.$'
tl export goals --unit Kommunfullmäktige --format html >"$W/goals-cli.html"
cmp -s "$W/goal-report-Kommunfullmäktige.html" "$W/goals-cli.html" &&
	pass "... the same as 'tillit export goals --unit'" ||
	fail "... the same as 'tillit export goals --unit'"

# Many goals: the benchmark's generator's small tier, ten goals with four
# indicators each, more than a screen.  The view reads a line's figures
# only when it shows, so what Page Down and G bring up must be filled in:
# every indicator with its figure and target, every goal's analysis.
GEN=${TILLIT_GEN:-$HERE/../../build/default/tillit-gen}
MANY=$(newdb many) || exit 1
"$GEN" --db "$MANY" --tier small --quiet >/dev/null ||
	fail "the generator's small tier" "exit status $?"
# lines_filled NAME: the screen in $W/out (one dump) has goal lines and
# each indicator line there has its figure.
lines_filled() {
	grep -v '^----$' "$W/out" >"$W/last"
	if ! grep -Eq '· (goal|commitment|direction)  · ' "$W/last"; then
		fail "$1" "no goal on the screen: $(cat "$W/last")"
	elif grep -E '^ +[A-ZÅÄÖ][^:]*, [A-ZÅÄÖ][a-zåäö ]+$' "$W/last" \
		>"$W/bare"; then
		fail "$1" "indicators without their figures: $(cat "$W/bare")"
	elif ! grep -Eq ': [0-9.]+ [^ ]+ \(20[0-9]{2}T[1-3]\)  · target ' \
		"$W/last"; then
		fail "$1" "no figure against a target: $(cat "$W/last")"
	else
		pass "$1"
	fi
}
printf 'key 9\nkey PageDown\nkey PageDown\ndump\n' >"$W/script"
run "$TILLIT" --db "$MANY" --as "Märta Bänkström" ui --script "$W/script" \
	--size 100x30
check_rc "many goals: 9 and Page Down twice" 0
lines_filled "... the lines Page Down brings up are filled in"
printf 'key 9\nkey G\ndump\n' >"$W/script"
run "$TILLIT" --db "$MANY" --as "Märta Bänkström" ui --script "$W/script" \
	--size 100x30
lines_filled "... and those of the end (G)"
grep -Eq '^ +(20[0-9]{2}: |No analysis yet\.)' "$W/last" &&
	pass "... with the goals' analyses" ||
	fail "... with the goals' analyses" "$(cat "$W/last")"

done_testing
