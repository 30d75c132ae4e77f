#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_paragraph_numbers.sh - § numbers never repeat (issue 12,
# defect 7).  A committee's § numbers run through the calendar year in
# the order of its meetings' dates: a meeting moved back into the old
# year is renumbered there (no two § 13 in 2026), and the year it left
# closes the gap; an item added to an older meeting takes its place in
# date order and the later meetings move up.  What would change the
# numbers before a meeting under justering or signed is refused, and so
# is moving such a meeting; the database refuses a § twice even from a
# raw sqlite3.  A withdrawn item keeps its number, and the minutes say
# "The item is withdrawn."  A file from before all this still opens, its
# repeated numbers put right where no signed minutes stand in the way.
. "$(dirname "$0")/lib.sh"

U="Barn- och utbildningsnämnden"

# numbers MEETING: the numbers of its items, in agenda order, on a line.
numbers() {
	tl item list --meeting "$1" --format csv | sed 1d | cut -d, -f3 |
		tr '\n' ' ' | sed 's/ $//'
}

# expect_numbers NAME MEETING "1 2 3"
expect_numbers() {
	got=$(numbers "$2")
	if [ "$got" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "numbers '$got', expected '$3'"
	fi
}

# add_items MEETING N: N items, "Ärende 1" to "Ärende N".
add_items() {
	i=1
	while [ "$i" -le "$2" ]; do
		must tl item add -q --meeting "$1" --title "Ärende $i"
		i=$((i + 1))
	done
}

# meeting TITLE STARTS [UNIT]: a committee meeting; its id in $M.
meeting() {
	must tl meeting add -q --title "$1" --kind committee \
		--unit "${3:-$U}" --starts-at "$2"
	M=$(last_id)
}

must tl init
must tl unit add --name "$U" --kind committee

# --- a meeting moved back across the new year -------------------------------

meeting "BUN november" "2026-11-10 18:00"
NOV=$M
meeting "BUN januari" "2027-01-12 18:00"
JAN=$M
meeting "BUN februari" "2027-02-09 18:00"
FEB=$M
add_items "$NOV" 14
add_items "$JAN" 12
add_items "$FEB" 2
expect_numbers "2026 runs § 1-14" "$NOV" "$(seq -s ' ' 1 14)"
expect_numbers "February 2027 holds § 13-14" "$FEB" "13 14"

run tl meeting edit "$FEB" --starts-at "2026-12-15 18:00"
check_rc "an unsigned meeting moves back into December 2026" 0
expect_numbers "it is renumbered after November's § 14" "$FEB" "15 16"
dups=$(for m in "$NOV" "$FEB"; do echo "$(numbers "$m")"; done | tr ' ' '\n' |
	sort | uniq -d | tr '\n' ' ')
if [ -z "$dups" ]; then
	pass "2026 has no § twice"
else
	fail "2026 has no § twice" "repeated: $dups"
fi

run tl meeting edit "$JAN" --starts-at "2026-12-01 18:00"
check_rc "January moves into December 2026 too" 0
expect_numbers "it takes § 15-26, before the other December meeting" \
	"$JAN" "$(seq -s ' ' 15 26)"
expect_numbers "and the later meeting moves up to § 27-28" "$FEB" "27 28"

run tl meeting edit "$JAN" --starts-at "2027-01-12 18:00"
check_rc "and back into 2027" 0
expect_numbers "where it starts again at § 1" "$JAN" "$(seq -s ' ' 1 12)"
expect_numbers "and 2026 closes the gap it left" "$FEB" "15 16"

run tl meeting edit "$FEB" --starts-at "2026-10-01 18:00"
check_rc "a meeting moved earlier within the year" 0
expect_numbers "takes the first numbers of the year" "$FEB" "1 2"
expect_numbers "and the meeting after it follows" "$NOV" \
	"$(seq -s ' ' 3 16)"

# --- an item added to an older meeting --------------------------------------

S="Socialnämnden"
must tl unit add --name "$S" --kind committee
meeting "SN september" "2026-09-15 13:00" "$S"
SEP=$M
meeting "SN oktober" "2026-10-20 13:00" "$S"
OCT=$M
add_items "$SEP" 2
add_items "$OCT" 2
run tl item add -q --meeting "$SEP" --title "Ett sent ärende"
check_rc "an item is added to the older meeting" 0
expect_numbers "it takes § 3, in date order" "$SEP" "1 2 3"
expect_numbers "and the later meeting moves up to § 4-5" "$OCT" "4 5"

# --- locked meetings --------------------------------------------------------

must tl person add --name "Anna Berg" --kind elected
must tl person add --name "Bo Ek" --kind elected
must tl participant add --meeting "$OCT" --person "Anna Berg" --role chair
must tl participant add --meeting "$OCT" --person "Bo Ek" --role adjuster
# She chairs September's too, and so may change it (doc/access.md).
must tl participant add --meeting "$SEP" --person "Anna Berg" --role chair
must tl meeting edit "$OCT" --status held
i_am "Anna Berg"
must tl sign "$OCT" --by "Anna Berg" --paper

run tl item add --meeting "$SEP" --title "Ännu ett"
check_err "no § is added before a meeting under justering" 1 \
	'^tillit: A later meeting of this committee in 2026 \(on 2026-10-20\) is under justering, so no § can be added before it\.$'
run tl meeting edit "$OCT" --starts-at "2026-10-21 13:00"
check_err "a meeting under justering cannot move" 1 'under justering'

must tl sign "$OCT" --by "Bo Ek" --paper
run tl item add --meeting "$SEP" --title "Ännu ett"
check_err "no § is added before a signed meeting" 1 \
	'^tillit: A later meeting of this committee in 2026 \(on 2026-10-20\) is already signed, so no § can be added before it\.$'
run tl meeting edit "$OCT" --starts-at "2026-10-21 13:00"
check_err "a signed meeting cannot move" 1 'signed and locked'
run tl meeting edit "$SEP" --starts-at "2026-11-01 13:00"
check_err "nor may an unsigned meeting move past it" 1 \
	'^tillit: A later meeting of this committee in 2026 \(on 2026-10-20\) is already signed, so the § numbers before it cannot change\.$'
run tl meeting edit "$SEP" --starts-at "2026-09-16 13:00"
check_rc "an unsigned meeting may move where its numbers stay" 0
expect_numbers "its numbers stay" "$SEP" "1 2 3"
meeting "SN november" "2026-11-17 13:00" "$S"
run tl item add -q --meeting "$M" --title "Efter justeringen"
check_rc "an item is added after the signed meeting" 0
expect_numbers "it takes the next number" "$M" "6"
expect_numbers "the signed meeting keeps its numbers" "$OCT" "4 5"

# --- a withdrawn item -------------------------------------------------------

W2=$(tl item list --meeting "$SEP" --format csv | sed -n 3p | cut -d, -f1)
run tl item edit "$W2" --status withdrawn --notes "Underlaget är inte klart."
check_rc "an item is withdrawn" 0
expect_numbers "it keeps its number" "$SEP" "1 2 3"
run tl export minutes "$SEP"
check_grep "the minutes say the item is withdrawn" \
	'The item is withdrawn\.'
# The withdrawn § (its heading, then everything up to the next heading).
awk '/^### / { on = ($0 ~ /^### § 2 /); next } /^## / { on = 0 }
	on && NF' "$W/out" >"$W/withdrawn"
if [ "$(cat "$W/withdrawn")" = "The item is withdrawn.
Underlaget är inte klart." ]; then
	pass "and show nothing else of it but its reason"
else
	fail "and show nothing else of it but its reason" "$(cat "$W/withdrawn")"
fi
run env LC_ALL=C.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" export minutes "$SEP"
check_grep "in Swedish: Ärendet utgår." 'Ärendet utgår\.'

# --- cancelled is not held --------------------------------------------------

run tl meeting close "$M"
run tl meeting show "$M"
check_grep "a meeting that does not take place is cancelled" \
	'^Status: +cancelled$'

# --- the database refuses a § twice ----------------------------------------

I2=$(tl item list --meeting "$NOV" --format csv | sed -n 3p | cut -d, -f1)
raw_refused() {
	run dbsql "$2"
	if [ "$RC" != 0 ] && grep -q '§ number is already used' "$W/err"
	then
		pass "$1"
	else
		fail "$1" "exit $RC" "$(cat "$W/err")"
	fi
}
if command -v sqlite3 >/dev/null 2>&1; then
	raw_refused "a raw sqlite3 UPDATE to a § of the same year is refused" \
		"UPDATE items SET number = 1 WHERE id = '$I2'"
	raw_refused "so is a raw INSERT of a § the year has" \
		"INSERT INTO items (id, created_at, updated_at, meeting, number, title) SELECT 'f0000000-0000-4000-8000-000000000000', created_at, updated_at, '$NOV', 1, 'x' FROM items WHERE id = '$I2'"
	raw_refused "and a raw move of a meeting onto another's numbers" \
		"UPDATE meetings SET starts_at = '2027-03-01 18:00' WHERE id = '$NOV'"
	run dbsql "UPDATE items SET number = 40 WHERE id = '$I2'"
	check_rc "a free number is still allowed" 0
else
	fail "sqlite3 is installed (make deps-test)"
fi

# --- a file from before: repeated numbers ----------------------------------

# A file from before the number triggers holds what the old rule made:
# a 2027 meeting moved back into 2026 kept its numbers.  Made here by
# taking the triggers away again, writing the repeats as the old rule
# did, and setting the schema version back by one (the migration that
# brings the triggers is the newest).
if command -v sqlite3 >/dev/null 2>&1; then
	DB=$W/old.db
	must tl init
	K="Kommunstyrelsen"
	must tl unit add --name "$K" --kind committee
	meeting "KS mars" "2026-03-03 09:00" "$K"
	K1=$M
	meeting "KS april" "2026-04-07 09:00" "$K"
	K2=$M
	meeting "KS maj" "2026-05-05 09:00" "$K"
	K3=$M
	meeting "KS juni" "2026-06-09 09:00" "$K"
	K4=$M
	add_items "$K1" 3
	add_items "$K2" 2
	add_items "$K3" 2
	add_items "$K4" 1
	# Schema 8, from before the numbers' triggers.
	downgrade_to 8
	must dbsql "
		UPDATE items SET number = number - 3 WHERE meeting = '$K2';
		UPDATE items SET number = number - 3 WHERE meeting = '$K3';
		UPDATE items SET number = 2 WHERE meeting = '$K4';
		UPDATE meetings SET status = 'signed' WHERE id IN ('$K1', '$K2');"
	expect_numbers "the old file repeats § 1-2 in a signed meeting" \
		"$K2" "1 2"
	run tl meeting list
	check_rc "the old file opens" 0
	expect_numbers "the signed meetings keep their numbers" "$K1" "1 2 3"
	expect_numbers "... both of them" "$K2" "1 2"
	expect_numbers "the unsigned meetings after them are renumbered" \
		"$K3" "4 5"
	expect_numbers "... in date order" "$K4" "6"
	run dbsql "UPDATE items SET number = 4 WHERE meeting = '$K4'"
	if [ "$RC" != 0 ] && grep -q '§ number is already used' "$W/err"
	then
		pass "and the upgraded file refuses a § twice"
	else
		fail "and the upgraded file refuses a § twice" "exit $RC" \
			"$(cat "$W/err")"
	fi
fi

done_testing
