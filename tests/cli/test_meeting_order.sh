#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_meeting_order.sh - the meeting screen and the minutes
# show a meeting the same way: the same participants in the same order,
# and every agenda item with the same number, also for a meeting of more
# than 200 items (the screen once stopped at 200).  The meeting is
# imported from a JSON document made here: a committee with 205 items,
# two of them sharing a number, and participants whose roles and names
# tie.
. "$(dirname "$0")/lib.sh"

NITEMS=205
id() { # N: a fixed id
	printf '%08x-0000-4000-8000-%012x' "$1" "$1"
}
UNIT=$(id 1)
MEETING=$(id 2)
TS='"created_at": "2026-11-23T09:00:00Z", "updated_at": "2026-11-23T09:00:00Z"'

# person N NAME: a person record.
person() {
	printf '{"id": "%s", %s, "name": "%s", "kind": "elected", "unit": "%s", "status": "active"}' \
		"$(id "$1")" "$TS" "$2" "$UNIT"
}
# part N PERSON ROLE: a participant record, present.
part() {
	printf '{"id": "%s", %s, "meeting": "%s", "person": "%s", "role": "%s", "attendance": "present"}' \
		"$(id "$1")" "$TS" "$MEETING" "$(id "$2")" "$3"
}

{
	printf '{"format": "tillit", "version": 1,\n'
	printf '"units": [{"id": "%s", %s, "name": "Provnämnden", "kind": "committee"}],\n' \
		"$UNIT" "$TS"
	printf '"people": [%s,\n%s,\n%s,\n%s,\n%s],\n' \
		"$(person 10 "Ulla Öberg")" "$(person 11 "Kim Berg")" \
		"$(person 12 "Kim Berg")" "$(person 13 "Eva Andersson")" \
		"$(person 14 "Ann Berg")"
	printf '"meetings": [{"id": "%s", %s, "title": "Långt sammanträde", "kind": "committee", "unit": "%s", "starts_at": "2026-11-16 13:00", "status": "held"}],\n' \
		"$MEETING" "$TS" "$UNIT"
	# Members tie on their role, and two of them on their name too.
	printf '"participants": [%s,\n%s,\n%s,\n%s,\n%s],\n' \
		"$(part 20 12 member)" "$(part 21 10 chair)" \
		"$(part 22 11 member)" "$(part 23 13 member)" \
		"$(part 24 14 secretary)"
	printf '"items": [\n'
	i=1
	while [ "$i" -le "$NITEMS" ]; do
		# Item 7 is there twice: the id decides which comes first.
		num=$i
		[ "$i" = 8 ] && num=7
		[ "$i" -gt 1 ] && printf ',\n'
		printf '{"id": "%s", %s, "meeting": "%s", "number": %d, "title": "Punkt %03d", "kind": "information", "status": "open"}' \
			"$(id $((1000 + NITEMS - i)))" "$TS" "$MEETING" "$num" "$i"
		i=$((i + 1))
	done
	printf ']}\n'
} >"$W/meeting.json"

must tl init
must tl import "$W/meeting.json"

# The screen: the meeting's detail, tall enough for every line.
printf '%s\n' "key 2 Enter" dump >"$W/script"
"$TILLIT" --db "$DB" ui --script "$W/script" --size 120x400 >"$W/ui" \
	2>"$W/err"
RC=$?
check_rc "the meeting screen opens the meeting" 0

# The agenda on screen and in the minutes: "§ N Title", one a line.
sed -n 's/^[ >] *\(§ [0-9-]*\) *\(Punkt [0-9]*\).*/\1 \2/p' "$W/ui" \
	>"$W/screen-items"
run tl export minutes "$MEETING" --format md
check_rc "the minutes are written" 0
sed -n 's/^### \(§ [0-9-]*\) \(Punkt [0-9]*\)$/\1 \2/p' "$W/out" \
	>"$W/minutes-items"
n=$(wc -l <"$W/minutes-items" | tr -d ' ')
[ "$n" = "$NITEMS" ] && pass "the minutes hold all $NITEMS items" ||
	fail "the minutes hold all $NITEMS items" "$n items"
grep -q "^ *Agenda ($NITEMS)\$" "$W/ui" &&
	pass "the screen counts all $NITEMS items" ||
	fail "the screen counts all $NITEMS items" \
		"$(grep '^ *Agenda' "$W/ui")"
if cmp -s "$W/screen-items" "$W/minutes-items"; then
	pass "the screen and the minutes number the items alike"
else
	fail "the screen and the minutes number the items alike" \
		"$(diff "$W/minutes-items" "$W/screen-items" | head -6)"
fi

# The participants: the screen's order is the order of the minutes'
# decision-makers (everyone but the secretary, Ann Berg, who is among
# the others present).
awk '/^ *Participants \(/ { on = 1; next } on && /^ *$/ { exit }
	on { sub(/^[ >]+/, ""); sub(/  .*/, ""); print }' "$W/ui" |
	grep -vxF "Ann Berg" >"$W/screen-people"
sed -n 's/^- \*\*Decision-makers:\*\* //p' "$W/out" | sed 's/, chair//g' |
	tr -d '\\' | awk -v RS=', ' 'NF { sub(/\n$/, ""); print }' \
	>"$W/minutes-people"
if [ -s "$W/screen-people" ] && cmp -s "$W/screen-people" \
	"$W/minutes-people"; then
	pass "the screen and the minutes list the participants alike"
else
	fail "the screen and the minutes list the participants alike" \
		"screen: $(tr '\n' '|' <"$W/screen-people")" \
		"minutes: $(tr '\n' '|' <"$W/minutes-people")"
fi

done_testing
