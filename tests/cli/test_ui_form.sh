#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_ui_form.sh - the forms and the pick-list of the
# full-screen program, driven headless by key scripts (`tillit ui
# --script`), with what they stored checked through the command line:
# adding a follow-up with å, ä and ö, its owner chosen from the pick-list
# and its due date typed as +14d; a date that does not exist, whose error
# sits under the field while the form keeps what was typed; cancelling;
# editing with a field that cannot change; a refusal from the store in
# the form's message line; a form cut into pages on a small screen; and
# the new row selected in its list.
. "$(dirname "$0")/lib.sh"

# ui SCRIPT-LINES...: runs the full-screen program on the test database
# with the given script lines at 100x30; the dumps are in $W/out.
ui() {
	printf '%s\n' "$@" >"$W/script"
	run tl ui --script "$W/script" --size "${SIZE:-100x30}"
}

# dump N: the Nth screen dump of the last run, into $W/dump.
dump() {
	awk -v n="$1" 'BEGIN { k = 1 } /^----$/ { k++; next } k == n' \
		"$W/out" >"$W/dump"
}

# in_dump NAME REGEX: the dump in $W/dump matches REGEX.
in_dump() {
	if grep -Eq -- "$2" "$W/dump"; then
		pass "$1"
	else
		fail "$1" "no line matches /$2/ in the screen:" \
			"$(sed -n '1,30p' "$W/dump")"
	fi
}

# not_in_dump NAME REGEX: no line of the dump in $W/dump matches REGEX.
not_in_dump() {
	if grep -Eq -- "$2" "$W/dump"; then
		fail "$1" "a line matches /$2/ in the screen"
	else
		pass "$1"
	fi
}

must tl init
must tl person add -q --name "Åsa Öberg" --kind manager
ASA=$(last_id)
must tl person add -q --name "Björn Ängström" --kind employee
BJORN=$(last_id)
must tl person add --name "Gustav Gone" --kind employee --status left

# --- adding a follow-up -----------------------------------------------------

ui "key 6" "key a" \
	"type Följ upp åtgärderna på äldreboendet" \
	"key Tab Tab" "key Enter" "dump" \
	"type Ängs" "dump" "key Enter" \
	"key Tab" "type +14d" "key Tab" "dump" \
	"key C-x" "dump"
check_rc "ui: a follow-up added through the form" 0

dump 1
in_dump "form: the pick-list asks for the owner" '│ Owner: *│'
in_dump "pick: an empty query lists the people" 'Björn Ängström'
in_dump "pick: ... all who are active" 'Åsa Öberg'
not_in_dump "pick: ... but not those who left" 'Gustav Gone'
dump 2
in_dump "pick: typing filters by name prefix" 'Björn Ängström'
not_in_dump "pick: ... leaving out the rest" 'Åsa Öberg'
dump 3
in_dump "form: the owner shows as a name" '│Owner \* +Björn Ängström +│'
in_dump "form: +14d shows as the date after leaving it" \
	'│Due +2026-12-07 +│'
in_dump "form: the typed text with å, ä and ö" \
	'│Text \* +Följ upp åtgärderna på äldreboendet +│'
dump 4
in_dump "form: closed after saving, the list shows the new row" \
	'2026-12-07 open +Björn Ängström +Följ upp åtgärderna'

run tl followup list --format csv
check_grep "stored: text, owner and due date" \
	"^$(printf '%s' "[0-9a-f-]*,Följ upp åtgärderna på äldreboendet,action,Björn Ängström,2026-12-07,.*,$BJORN,")"

# --- a date that does not exist -----------------------------------------------

ui "key 6" "key a" "type Öppna förskolan i Väderstad" \
	"key Tab Tab" "key Enter" "type Åsa" "key Enter" \
	"key Tab" "type 2026-02-30" "key C-x" "dump" \
	"key C-u" "type tomorrow" "key C-x" "dump"
check_rc "ui: a bad date, then a good one" 0
dump 1
in_dump "bad date: the error sits under the field" \
	'^│ +due: "2026-02-30" is not a real date\. +│$'
in_dump "bad date: the field keeps what was typed" '│Due +2026-02-30 +│'
in_dump "bad date: the other fields keep theirs too" \
	'│Text \* +Öppna förskolan i Väderstad +│'
in_dump "bad date: the owner is kept" '│Owner \* +Åsa Öberg +│'
in_dump "bad date: the message line asks for corrections" \
	'Please correct the marked fields'
dump 2
in_dump "bad date: corrected, the form saves" \
	'2026-11-24 open +Åsa Öberg +Öppna förskolan i Väderstad'
run tl followup list --format csv
check_grep "stored after the correction" \
	"^[0-9a-f-]*,Öppna förskolan i Väderstad,action,Åsa Öberg,2026-11-24,.*,$ASA,"

# --- cancelling ------------------------------------------------------------------

ui "key 6" "key a" "type Ska inte sparas" "key Esc" "type y" \
	"dump"
check_rc "ui: cancel a form" 0
run tl followup list --format csv
if grep -q "Ska inte sparas" "$W/out"; then
	fail "cancel: nothing stored"
else
	pass "cancel: nothing stored"
fi

# --- editing: a field that cannot change, canonical date-times ---------------

must tl meeting add -q --title "Dialog med Åsa" --kind one_to_one \
	--starts-at "2026-11-25 10:00"
ui "key 2" "key e" "dump" "type  (flyttad)" "key Tab Tab Tab" "key C-u" \
	"type +2d 13:00" "key C-x"
check_rc "ui: edit a meeting" 0
dump 1
in_dump "edit: the fixed kind is shown but cannot change" \
	'│ +cannot be changed +│'
run tl meeting list --format csv
check_grep "edit: stored with the new title and start" \
	'^[0-9a-f-]*,Dialog med Åsa \(flyttad\),one_to_one,,,2026-11-25 13:00,'

# --- a refusal from the store -----------------------------------------------------

ui "key 3" "key a" "type Upphandling" "key Tab" "key Enter" "key Enter" \
	"key Tab Tab Tab" "type 5" "key C-x" "dump" "key Esc" "type y"
check_rc "ui: a mandate the store refuses" 0
dump 1
in_dump "refused: the store's reason in the form's message line" \
	'│A mandate must be given by a unit or a person'
in_dump "refused: the form stays open with what was typed" \
	'│Matter \* +Upphandling +│'
run tl mandate list --format csv
if grep -q Upphandling "$W/out"; then
	fail "refused: nothing stored"
else
	pass "refused: nothing stored"
fi

# --- a small screen: the form is cut into pages -----------------------------------

SIZE=60x16 ui "key 6" "key a" "dump" "key PageDown" "dump" "key Esc"
check_rc "ui: a form on a 60x16 screen" 0
dump 1
in_dump "small: the form says which page" 'page 1/[0-9]'
dump 2
in_dump "small: PageDown shows the next page" 'page 2/[0-9]'

# --- choices, and a resize while typing -------------------------------------------

ui "key 6" "key a" "type Mät effekten" "key Tab" "key Right" \
	"resize 60x16" "dump" "resize 100x30" "key Tab" "key Enter" \
	"type Björn" "key Enter" "key C-x"
check_rc "ui: a choice and a resize" 0
dump 1
in_dump "resize: the form is laid out again, keeping the text" \
	'│Text \* +Mät effekten +│'
in_dump "resize: ... and the choice" '│Kind +result +│'
run tl followup list --format csv
check_grep "choice: Right picks the next kind" \
	"^[0-9a-f-]*,Mät effekten,result,Björn Ängström,.*,$BJORN,"

# --- a new row is selected, wherever it sorts ---------------------------------
# Forty follow-ups due before it, so that it sorts far below the first
# screen; Enter then opens what is selected.
for i in $(seq 1 40); do
	must tl followup add --text "Fyllnad $i" --owner "Åsa Öberg" 		--due "+${i}d" -q
done
ui "key 6" "key a" "type Följ upp långt fram" "key Tab Tab" "key Enter" \
	"type Åsa" "key Enter" "key Tab" "type 2027-06-01" "key C-x" \
	"dump" "key Enter" "dump"
check_rc "ui: add a follow-up that sorts last" 0
dump 1
in_dump "the list scrolls to the new row" \
	'^ [0-9a-f]{8} 2027-06-01 open +Åsa Öberg +Följ upp långt fram'
dump 2
in_dump "... which is selected: Enter opens it" \
	'^ Follow-up: Följ upp långt fram'

done_testing
