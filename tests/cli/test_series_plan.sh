#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_series_plan.sh - set up and plan in the program (issue
# 17, point 2): a series carries the participants of its latest meeting
# and its standing agenda into each new meeting; one-to-ones have two
# agenda templates (how things are going and the room to act; the frames
# and mandates in use); a meeting recurs, so that planning the next one
# is one command, or one key (+); and units, people, series and balances
# are added in the full-screen program (8, Set up).
. "$(dirname "$0")/lib.sh"

must tl init --demo
i_am "Björn Åkesson"

# A template for the standing agenda, by its name in any case or accents.
must tl series add --title "Samtal med Åsa" --kind one_to_one \
	--unit "Hemtjänsten Norr" --template LÄGET --repeats monthly -q
S=$(last_id)
run tl series show "$S" --format json
check_same "--template läget gives the standing agenda, an item a line" \
	"$(json_value "$W/out" '$.agenda' | sed -n '1p;$p')" \
	"How are things going, for you and for those we are here for?
What we follow up until next time"
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" series add \
	--title "Samtal om ramar" --kind one_to_one --template ramar -q
R=$(tail -n 1 "$W/out")
run tl series show "$R" --format json
check_same "... in the reader's language (ramar, Swedish)" \
	"$(json_value "$W/out" '$.agenda' | sed -n 1p)" \
	"Ramarna du har: räcker de, och läser vi dem på samma sätt?"
run tl series add --title X --kind one_to_one --template nej
check_err "an unknown template is refused, naming the two" 1 \
	'no template "nej"; there are laget .* and ramar'
run tl series add --title X --kind one_to_one --template laget --agenda A
check_err "... and so is one beside --agenda" 2 'not both'

# The first meeting takes the standing agenda; its participants are set.
must tl meeting add --title "Samtal december" --kind one_to_one \
	--series "$S" --unit "Hemtjänsten Norr" --starts-at "2026-11-30 10:00" \
	--ends-at "2026-11-30 11:00" --location "Rum 3" -q
M1=$(last_id)
run tl item list --meeting "$M1" --format json
check_same "a meeting of the series starts with its standing agenda" \
	"$(grep -c '"title"' "$W/out")" 5
must tl participant add --meeting "$M1" --person "Åsa Öberg" --role employee
must tl participant add --meeting "$M1" --person "Björn Åkesson" \
	--role manager --attendance present

# The next one: a month later (the 30th of February is its last day? no:
# three months on from 30 November is 28 February), with its people.
run tl meeting next "$M1"
check_grep "meeting next plans the next one and says when" \
	'^Planned meeting [0-9a-f]{8}: Samtal med Åsa 2026-12-30, 2026-12-30 10:00\.$'
M2=$(tl meeting list --format csv | grep 'Samtal med Åsa 2026-12-30' |
	cut -d, -f1)
run tl meeting show "$M2" --format json
check_same "... a month later (monthly), as long, in the same place" \
	"$(json_value "$W/out" '$.starts_at')|$(json_value "$W/out" '$.ends_at')|$(json_value "$W/out" '$.location')|$(json_value "$W/out" '$.kind')" \
	"2026-12-30 10:00|2026-12-30 11:00|Rum 3|one_to_one"
run tl participant list --meeting "$M2" --format csv
check_same "... with the participants of the meeting before, in their roles" \
	"$(cut -d, -f3,4,5 "$W/out" | sed 1d | sort | tr '\n' ' ')" \
	"Björn Åkesson,manager,unknown Åsa Öberg,employee,unknown "
run tl item list --meeting "$M2" --format csv
check_same "... and the standing agenda" "$(sed 1d "$W/out" | wc -l)" 5

must tl series edit "$S" --repeats quarterly
must tl meeting edit "$M2" --starts-at "2026-11-30 10:00" \
	--ends-at "2026-11-30 11:00"
run tl meeting next "$M2" -q
M3=$(tail -n 1 "$W/out")
run tl meeting show "$M3" --format json
check_same "quarterly from 30 November: 28 February, the month's last day" \
	"$(json_value "$W/out" '$.starts_at')" "2027-02-28 10:00"

# Undo takes the planned meeting back whole: items, people, meeting.
rows=$(tl item list --format csv | wc -l)
run tl undo
check_rc "undo takes back the meeting planned" 0
run tl meeting show "$M3"
check_err "... the meeting is gone" 1 'No meeting'
check_same "... and its items with it" "$(tl item list --format csv | wc -l)" \
	"$((rows - 5))"

# A meeting of no series has no next one.
must tl meeting add --title "Enstaka möte" --kind forum \
	--starts-at "2026-12-03 13:00" -q
run tl meeting next "$(last_id)"
check_err "next on a meeting of no series is refused, saying why" 1 \
	'belongs to no series'

# The full-screen program: + on a meeting plans the next one and opens it.
ui() {
	printf '%s\n' "$@" >"$W/script"
	"$TILLIT" --db "$DB" ui --script "$W/script" --size 100x30 \
		>"$W/out" 2>"$W/err"
	RC=$?
}
ui "key 2" "key /" "type Samtal december" "key Enter" "key Enter" "key +" \
	dump
check_same "+ plans the next meeting and opens it" \
	"$(sed -n 1p "$W/out" | sed 's/  .*//')" \
	" Meeting: Samtal med Åsa 2027-02-28"

# 8, Set up: a unit added in a form; a one-to-one series offered a
# template with one key.
ui "key 8" dump "key Enter" "key a" "type Ängsgårdens hemtjänst" "key Tab" \
	"key Right" "key Right" "key Right" "key Right" "key C-x" dump
check_same "8 opens Set up, with units, people, series and balances" \
	"$(sed -n '/^----$/q;p' "$W/out" | grep -c 'Units\|People\|Series\|Governance balances')" 4
run tl unit list --format csv
check_grep "a unit added in the full-screen program" 'Ängsgårdens hemtjänst'
ui "key 8" "key j" "key j" "key Enter" "key a" "type Samtal med Mikael" \
	"key Tab" "key Right" "key C-x" "key r" dump
run tl series show "Samtal med Mikael" --format json
check_same "a series added in Set up, its template chosen with one key (r)" \
	"$(json_value "$W/out" '$.agenda' | sed -n 1p)" \
	"The frames you hold: are they enough, and do we read them the same way?"

done_testing
