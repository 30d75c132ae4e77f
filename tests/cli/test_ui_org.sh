#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The Organisation and Search screens, headless: a script of keys in,
# screen dumps out, checked for what they must show on the demo
# municipality (the chain of governance as a tree, people with their
# follow-ups and mandates, balance trends; search hits that open).
. "$(dirname "$0")/lib.sh"

# ui SCRIPT-LINES...: runs the program on $DB with those script lines.
ui() {
	printf '%s\n' "$@" >"$W/script"
	"$TILLIT" --db "$DB" ui --script "$W/script" --size 100x30 \
		>"$W/out" 2>"$W/err"
	RC=$?
}

# dump N: the N-th dump (1-based) of the last run into $W/dump.
dump() {
	awk -v n="$1" '/^----$/ { k++; next } k == n - 1' "$W/out" >"$W/dump"
}

# has NAME REGEX: the last dump matches REGEX (extended).
has() {
	if [ "$RC" != 0 ]; then
		fail "$1" "exit status $RC, expected 0"
	elif grep -Eq -- "$2" "$W/dump"; then
		pass "$1"
	else
		fail "$1" "the screen does not match /$2/:" \
			"$(sed -n '1,12p' "$W/dump")"
	fi
}

# hasnt NAME REGEX: the last dump does not match REGEX.
hasnt() {
	if [ "$RC" != 0 ]; then
		fail "$1" "exit status $RC, expected 0"
	elif grep -Eq -- "$2" "$W/dump"; then
		fail "$1" "the screen matches /$2/"
	else
		pass "$1"
	fi
}

# line_of REGEX: the number of the first line of the dump matching it.
line_of() {
	grep -En -- "$1" "$W/dump" | sed -n '1s/:.*//p'
}

# An empty database: the tree says how to start.
ui "key 7" dump
dump 1
has "an empty organisation says how to add units" '^  No units yet\.'

must tl init --demo

# ---- Organisation ----------------------------------------------------

ui "key 7" dump
dump 1
has "7 opens the organisation" '^ Organisation '
has "the council is a root, expanded" '^ ▾ Kommunfullmäktige +council'
has "the board is nested under the council" \
	'^ ├─ ▾ Kommunstyrelsen +board'
has "committees are nested under the council" \
	'^ ├─ ▾ Barn- och utbildningsnämnden +committee'
has "the last committee closes the branch" \
	'^ └─ ▾ Socialnämnden +committee'
has "administrations sit one level deeper, collapsed" \
	'^ │  ├─ ▸ Kommunledningsförvaltningen +administration'
has "people of an expanded unit are listed" \
	'^ │  └─ Karin Sjöberg +Kommunstyrelsens ordförande'
has "a balance trend, oldest first, with the latest's word" \
	'Socialförvaltningen .*\+1 → 0 +balanced$'
has "an under-governed unit" \
	'Barn- och utbildningsförvaltningen .*−1 +under-governed$'
hasnt "units below the top levels are not read yet" 'Hemtjänsten Norr'
# The board comes before the committees: the chain, not the alphabet.
board=$(line_of 'Kommunstyrelsen')
bun=$(line_of 'Barn- och utbildningsnämnden')
if [ -n "$board" ] && [ -n "$bun" ] && [ "$board" -lt "$bun" ]; then
	pass "the board comes before the committees"
else
	fail "the board comes before the committees"
fi

# Down to Socialförvaltningen (G is the last line, Hassan Al-Sayed), Enter
# expands it; the manager there has open follow-ups and a mandate.
ui "key 7 G k k Enter" dump "key j Enter" dump
dump 1
has "Enter expands a unit" '^    ├─ ▾ Socialförvaltningen'
has "its sub-unit shows, collapsed" '^    │  ├─ ▸ Hemtjänsten Norr +department'
has "a person's open follow-ups and mandates are counted" \
	'Ingrid Nordén +Socialchef .*follow-ups: 1 +mandates: 1$'
dump 2
has "a second level expands" '^    │  │  └─ Björn Åkesson'
has "overdue follow-ups are counted" \
	'Björn Åkesson .*follow-ups: [0-9]+ \([0-9]+ overdue\)'

# l expands, h collapses and then goes to the parent; Enter on a person
# opens that person.
ui "key 7 G k k l j l h h" dump "key j j Enter" dump
dump 1
has "l expands, h collapses" '^    │  ├─ ▸ Hemtjänsten Norr'
hasnt "the collapsed unit hides its people" 'Björn Åkesson'
dump 2
has "Enter on a person opens the person" '^ Person: Ingrid Nordén'

# g and G go to the ends; q goes back to the overview.
ui "key 7 G" dump "key g Enter" dump "key Enter q" dump
dump 2
has "Enter on the root collapses it" '^ ▸ Kommunfullmäktige'
hasnt "nothing under a collapsed root" 'Kommunstyrelsen'
dump 3
hasnt "q leaves the organisation" '^ Organisation '

# The tree stays aligned with narrow screens and wide names.
ui "key 7" "resize 60x16" dump
dump 1
has "at 60 columns the tree is cut, not wrapped" \
	'^ ├─ ▾ Barn- och utbildningsnämnden +committee'
if ! grep -Eq '^.{61}' "$W/dump"; then
	pass "no line is wider than the screen"
else
	fail "no line is wider than the screen"
fi

# A change elsewhere shows after a reload (C-l), the tree kept open.
must tl balance add --unit "Socialförvaltningen" --assessed-on 2026-11-23 \
	--score 2 --comment "Detaljstyrning igen."
ui "key 7 G k k Enter" "key C-l" dump
dump 1
has "a reload reads the balances again" \
	'Socialförvaltningen .*\+1 → 0 → \+2 +over-governed$'
has "a reload keeps expanded units expanded" '▸ Hemtjänsten Norr'

# People come a page at a time: a unit with more than a page of them ends
# in a line that reads the next page.
MAIN_DB=$DB
DB=$(newdb big)
must tl init
must tl unit add --name "Stora enheten" --kind department
i=1
while [ "$i" -le 205 ]; do
	must tl person add --name "Person $(printf %03d "$i")" \
		--kind employee --unit "Stora enheten"
	i=$((i + 1))
done
ui "key 7 G" dump "key Enter G" dump "key C-l" dump
dump 1
has "a long unit ends in a line for more people" \
	'└─ … more people \(Enter shows them\)$'
hasnt "only the first page is read" 'Person 201'
dump 2
has "Enter on it reads the next page" '└─ Person 205$'
dump 3
has "a reload keeps the pages read" '└─ Person 205$'
DB=$MAIN_DB

# ---- Search ------------------------------------------------------------

ui "key /" "type budget" "key Enter" dump "key Enter" dump
dump 1
has "the search view is titled with the query" '^ Search: budget '
has "hits are counted" '^ [0-9]+ hits, best first'
has "each hit shows its kind, short id and title" \
	'^ (agenda item|frame|mandate|§ entry) +[0-9a-f]{8}  '
has "the snippet shows the match without its brackets" \
	'^ +[^ ].*budget'
hasnt "the store's brackets are not shown" '\[budget\]'
dump 2
has "Enter opens the first hit" \
	'^ (Agenda item|Frame|Mandate|Item|§ entry): '

ui "key /" "type Kommunfullm" "key Enter" dump
dump 1
has "units are found by name" 'unit +[0-9a-f]{8}  Kommunfullmäktige'

ui "key /" "type zzyzzx" "key Enter" dump
dump 1
has "an empty result says so" 'Nothing found for "zzyzzx"'

# Text that looks like FTS syntax is searched for literally.
ui "key /" 'type "budget AND' "key Enter" dump
dump 1
has "FTS syntax in a query is no error" '^ Search: "budget AND'

done_testing
