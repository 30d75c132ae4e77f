#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_private.sh - private notes (issue 15, point 4): a note
# on a person, a meeting or an agenda item that only its author ever
# reads.  Not the other participant, not an admin; never in the shared
# SQLite file (a personal one, 0600, under $XDG_DATA_HOME), never in an
# export, the minutes or a summary; shown beside the record in the
# full-screen program, marked private.  (On the server, the database's
# own policies: test_rls.sh.)
. "$(dirname "$0")/lib.sh"

must tl init --demo
O2O=$(tl meeting list --format csv | grep "Medarbetarsamtal, december" |
	cut -d, -f1)
run tl --as "Åsa Öberg" note list
check_grep "none at first" "You have no private notes here"
if sqlite_only "reading makes no personal file"; then
	[ ! -e "$XDG_DATA_HOME/tillit/private.db" ] &&
		pass "reading makes no personal file" ||
		fail "reading makes no personal file" ""
fi
run tl --as "Åsa Öberg" note add "$O2O" -q \
	--text "Jag vill ta upp min sjukskrivning, hälsa och återgång"
check_rc "a participant writes a private note on her one-to-one" 0
NOTE=$(last_id)
run tl --as "Åsa Öberg" note add "Björn Åkesson" \
	--text "Björn lyssnar bättre på förmiddagar"
check_grep "... and one on a person, told it is hers alone" \
	"only you can read it"
run tl --as "Åsa Öberg" note list
check_grep "she lists her notes" "Jag vill ta upp min sjukskrivning"
run tl --as "Åsa Öberg" note list "$O2O"
hidden_ok=$(grep -c "Björn lyssnar" "$W/out")
[ "$hidden_ok" = 0 ] && grep -q "sjukskrivning" "$W/out" &&
	pass "... and those on one record" ||
	fail "... and those on one record" "$(cat "$W/out")"
run tl --as "Björn Åkesson" note list "$O2O"
check_grep "the other participant reads none of them" \
	"You have no private notes here"
run tl --as "Björn Åkesson" note delete "$NOTE"
check_err "... nor deletes one" 1 "You have no private note"
i_am "Sofia Bäckström"
run tl note list
check_grep "an admin (the database's owner as a person) reads none" \
	"You have no private notes here"

# Never with the organisation's data.
run tl export
grep -q "sjukskrivning" "$W/out" &&
	fail "the export does not carry them" "$(grep sjukskrivning "$W/out")" ||
	pass "the export does not carry them"
run tl --as "Åsa Öberg" export minutes "$O2O"
check_rc "the summary of the one-to-one is made" 0
grep -q "sjukskrivning" "$W/out" &&
	fail "... and does not print them" "$(cat "$W/out")" ||
	pass "... and does not print them"
if sqlite_only "the shared file and the personal one"; then
	grep -a -q "sjukskrivning" "$DB" &&
		fail "the shared SQLite file does not hold them" "" ||
		pass "the shared SQLite file does not hold them"
	P=$XDG_DATA_HOME/tillit/private.db
	grep -a -q "sjukskrivning" "$P" &&
		[ "$(stat -c %a "$P")" = 600 ] &&
		pass "they are in the personal file, mode 0600" ||
		fail "they are in the personal file, mode 0600" \
			"$(ls -l "$P" 2>&1)"
fi

# Bad input: one sentence each.
run tl --as "Åsa Öberg" note add "$O2O" --text ""
check_err "an empty note is refused" 2 "A private note needs a text"
FU=$(tl followup list --format csv | sed -n 2p | cut -d, -f1)
run tl --as "Åsa Öberg" note add "$FU" --text "x"
check_err "a note on a follow-up is refused" 1 \
	"No person, meeting or agenda item matches"
run tl --as "Ingrid Nordén" note add "$O2O" --text "x"
check_err "a note on a one-to-one one may not read is refused" 1 \
	"can be read only by its two participants"

# The full-screen program: W writes one, and the meeting shows them.
cat >"$W/script" <<SCRIPT
key 2
key Enter
key W
type Fråga om schemat i januari
key Enter
key G
dump
SCRIPT
run tl --as "Åsa Öberg" ui --script "$W/script" --size 100x40
if [ "$RC" = 0 ] && grep -q "Your private notes, which only you can read" \
	"$W/out" && grep -q "Fråga om schemat i januari" "$W/out" &&
	grep -q "sjukskrivning" "$W/out" && grep -q "private$" "$W/out"; then
	pass "full-screen: W writes one, shown beside the meeting, marked private"
else
	fail "full-screen: W writes one, shown beside the meeting, marked private" \
		"$(cat "$W/out" "$W/err")"
fi
printf 'key 2\nkey Enter\nkey G\ndump\n' >"$W/script"
run tl --as "Björn Åkesson" ui --script "$W/script" --size 100x40
if [ "$RC" = 0 ] && grep -q "Medarbetarsamtal, december" "$W/out" &&
	! grep -q "private" "$W/out"; then
	pass "full-screen: the other participant sees none"
else
	fail "full-screen: the other participant sees none" "$(cat "$W/out")"
fi

run tl --as "Åsa Öberg" note delete "$NOTE"
check_grep "the author deletes hers" "Deleted your private note"
run tl --as "Åsa Öberg" note list "$O2O"
if grep -q "sjukskrivning" "$W/out"; then
	fail "... and it is gone" "$(cat "$W/out")"
else
	pass "... and it is gone"
fi
done_testing
