#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_access.sh - who may read and change what (issue 15,
# point 2; doc/access.md): for each rule, one person who may and one who
# may not, reading and changing, on both engines.  Every "may not" is
# one sentence naming who may.  The people are acted as with --as, which
# the suite may use on its own database; a person acted as has only
# their own rights.
. "$(dirname "$0")/lib.sh"

must tl init
must tl unit add -q --name "Förvaltningen" --kind administration
ADM=$(last_id)
must tl unit add -q --name "Hemtjänsten" --kind department --parent "$ADM"
HEM=$(last_id)
must tl unit add -q --name "Arbetslag Åbacken" --kind team --parent "$HEM"
LAG=$(last_id)
must tl unit add -q --name "Ekonomi" --kind department
EKO=$(last_id)
must tl person add -q --name "Ingrid Nordén" --kind manager --unit "$ADM"
must tl person add -q --name "Björn Åkesson" --kind manager --unit "$HEM"
must tl person add -q --name "Åsa Öberg" --kind employee --unit "$LAG"
must tl person add -q --name "Mikael Björk" --kind employee --unit "$EKO"
MIKAEL=$(last_id)
must tl person add -q --name "Sofia Bäckström" --kind official --unit "$ADM"
must tl person add -q --name "Anders Holmgren" --kind elected

as() {
	who=$1
	shift
	run tl --as "$who" "$@"
}

# hidden NAME TEXT: the command ran, and its output does not show TEXT.
hidden() {
	if [ "$RC" = 0 ] && ! grep -q -- "$2" "$W/out"; then
		pass "$1"
	else
		fail "$1" "$(cat "$W/out" "$W/err")"
	fi
}

# --- a one-to-one: its two participants only ---------------------------
must tl series add -q --title "Samtal Björn och Åsa" --kind one_to_one
must tl meeting add -q --title "Medarbetarsamtal" --kind one_to_one \
	--series "Samtal Björn och Åsa" \
	--starts "2026-11-19 09:00" --notes "Åsa är sjukskriven i två veckor."
O2O=$(last_id)
must tl participant add -q --meeting "$O2O" --person "Björn Åkesson" \
	--role manager
must tl participant add -q --meeting "$O2O" --person "Åsa Öberg" \
	--role employee
must tl followup add -q --meeting "$O2O" --owner "Åsa Öberg" \
	--text "Boka tid hos företagshälsovården" --due 2026-12-01
FU_O2O=$(last_id)

as "Åsa Öberg" meeting show "$O2O"
check_rc "one-to-one: a participant reads it" 0
as "Ingrid Nordén" meeting show "$O2O"
check_err "one-to-one: the manager up the chain may not read it" 1 \
	"This meeting can be read only by its two participants"
as "Mikael Björk" search sjukskriven
hidden "one-to-one: a colleague's search does not find its notes" "Medarbetarsamtal"
as "Mikael Björk" series list
hidden "one-to-one: its series is not in a colleague's list" "Samtal Björn"
as "Mikael Björk" log --format json --limit 1000
hidden "one-to-one: a colleague's audit log does not show it" \
	"Medarbetarsamtal"
as "Åsa Öberg" log --format json --limit 1000
check_grep "one-to-one: a participant's audit log shows it" \
	"Medarbetarsamtal"
as "Åsa Öberg" series list
check_grep "one-to-one: a participant lists its series" "Samtal Björn"
as "Åsa Öberg" search sjukskriven
check_grep "one-to-one: a participant's search finds its notes" \
	"Medarbetarsamtal"
as "Ingrid Nordén" meeting list
hidden "one-to-one: not in the list of the manager up the chain" "Medarbetarsamtal"
as "Ingrid Nordén" followup list --owner "Åsa Öberg"
hidden "one-to-one: what was agreed in it is not in a line manager's list" "företagshälsovården"
as "Ingrid Nordén" followup show "$FU_O2O"
check_err "one-to-one: a line manager may not read its follow-up" 1 \
	"This follow-up can be read only by .*the one-to-one's two participants"
as "Björn Åkesson" meeting edit "$O2O" --location "Rum 3"
check_rc "one-to-one: a participant changes it" 0
as "Ingrid Nordén" meeting edit "$O2O" --location "Rum 4"
check_err "one-to-one: another may not change it" 1 \
	"This meeting can be read only by its two participants"
# Shared by name: the one it is shared with reads it, and no more.
as "Åsa Öberg" participant add --meeting "$O2O" --person "Ingrid Nordén" \
	--role guest
check_rc "one-to-one: a participant shares it by name" 0
as "Ingrid Nordén" meeting show "$O2O"
check_rc "one-to-one: whom it was shared with reads it" 0
as "Ingrid Nordén" meeting edit "$O2O" --location "Rum 4"
check_err "one-to-one: whom it was shared with may not change it" 1 \
	"Only its two participants may change this meeting"

# --- a committee meeting: read by all, changed by chair and secretary --
must tl meeting add -q --title "Nämndens sammanträde" --kind committee \
	--starts "2026-11-26 13:00"
CM=$(last_id)
must tl participant add -q --meeting "$CM" --person "Anders Holmgren" \
	--role chair
must tl participant add -q --meeting "$CM" --person "Sofia Bäckström" \
	--role secretary
must tl participant add -q --meeting "$CM" --person "Mikael Björk" \
	--role member
must tl item add -q --meeting "$CM" --title "Budget 2027" --kind decision
as "Åsa Öberg" meeting show "$CM"
check_rc "minutes: anyone in the organisation reads them" 0
as "Åsa Öberg" item list --parent "$CM"
check_grep "minutes: anyone lists their items" "Budget 2027"
as "Mikael Björk" meeting edit "$CM" --location "Sessionssalen"
check_err "minutes: a member may not change them" 1 \
	"Only the meeting's chair and secretary may change this meeting"
as "Mikael Björk" item add --meeting "$CM" --title "Övrigt"
check_err "minutes: a member may not add an item" 1 \
	"Only the meeting's chair and secretary may change this meeting"
as "Sofia Bäckström" meeting edit "$CM" --location "Sessionssalen"
check_rc "minutes: the secretary changes them" 0
as "Anders Holmgren" item add --meeting "$CM" --title "Övrigt"
check_rc "minutes: the chair adds an item" 0

# --- a frame: holder, giver, line managers ----------------------------
as "Björn Åkesson" frame add -q --description "Bemanning i jul" \
	--kind staffing --holder-person "Åsa Öberg" --amount 4 \
	--amount-unit personer
check_rc "frame: a manager gives one" 0
FR=$(last_id)
as "Åsa Öberg" frame show "$FR"
check_rc "frame: its holder reads it" 0
as "Ingrid Nordén" frame show "$FR"
check_rc "frame: a manager up the holder's units reads it" 0
as "Mikael Björk" frame show "$FR"
check_err "frame: a colleague elsewhere may not read it" 1 \
	"This frame can be read only by "
as "Mikael Björk" frame list
hidden "frame: not in the list of one who may not read it" "Bemanning"
as "Åsa Öberg" frame edit "$FR" --amount 6
check_err "frame: its holder may not change what was agreed" 1 \
	"Only whoever gave it or the meeting's secretary may change"
as "Ingrid Nordén" frame edit "$FR" --amount 6
check_err "frame: a line manager may not change it" 1 \
	"Only whoever gave it"
as "Björn Åkesson" frame edit "$FR" --amount 5
check_rc "frame: whoever gave it changes it" 0
as "Åsa Öberg" frame ack "$FR"
check_rc "frame: its holder acknowledges it" 0

# --- a follow-up: the owner answers, the giver changes -----------------
as "Björn Åkesson" followup add -q --owner "Åsa Öberg" \
	--text "Skicka ut julschemat" --due 2026-12-10
check_rc "follow-up: a manager agrees one" 0
FU=$(last_id)
as "Mikael Björk" followup done "$FU" --outcome "Klart"
check_err "follow-up: another may not mark it done" 1 \
	"Only the follow-up's owner may answer for this follow-up"
as "Åsa Öberg" followup edit "$FU" --text "Något annat"
check_err "follow-up: its owner may not change what was agreed" 1 \
	"Only whoever gave it"
as "Björn Åkesson" followup edit "$FU" --due 2026-12-11
check_rc "follow-up: whoever gave it changes it" 0
as "Åsa Öberg" followup done "$FU" --outcome "Skickat"
check_rc "follow-up: its owner marks it done" 0

# The full-screen program, started --as a person, applies the same
# rules: the status line says who may.
as "Björn Åkesson" followup add -q --owner "Björn Åkesson" \
	--text "Beställa julmat" --due 2026-12-05
cat >"$W/script" <<EOF
key 6
dump
EOF
as "Åsa Öberg" ui --script "$W/script" --size 100x30
if [ "$RC" = 0 ] && ! grep -q "Beställa julmat" "$W/out" &&
	grep -q "Skicka ut julschemat" "$W/out"; then
	pass "full-screen: the list shows what the person may read"
else
	fail "full-screen: the list shows what the person may read" \
		"$(cat "$W/out" "$W/err")"
fi
# Ingrid manages Björn's unit: she reads his follow-up, and may not mark
# it done.
as "Ingrid Nordén" followup list
L=$(grep -n "Beställa julmat" "$W/out" | cut -d: -f1)
echo "key 6" >"$W/script"
i=2
while [ "$i" -lt "${L:-2}" ]; do
	echo "key j" >>"$W/script"
	i=$((i + 1))
done
cat >>"$W/script" <<EOF
key d
type Klart
key Enter
dump
EOF
as "Ingrid Nordén" ui --script "$W/script" --size 100x30
if [ "$RC" = 0 ] && grep -q "Only the follow-up's owner may answer" \
	"$W/out"; then
	pass "full-screen: a refused action says who may, in the status line"
else
	fail "full-screen: a refused action says who may, in the status line" \
		"$(tail -5 "$W/out")" "$(cat "$W/err")"
fi
as "Björn Åkesson" followup show "Beställa julmat"
check_grep "full-screen: the refused follow-up is still open" \
	"^Status: +open$"

# --- units, people and principles: admins ------------------------------
as "Åsa Öberg" unit add --name "Nytt lag" --kind team
check_err "units: a person who is no admin may not add one" 1 \
	"Only an admin may add units"
as "Åsa Öberg" person edit "$MIKAEL" --title "Chef"
check_err "people: a person who is no admin may not change one" 1 \
	"Only an admin may change this person"
as "Mikael Björk" unit list
check_grep "units: everyone reads them" "Arbetslag Åbacken"
# The account that owns the database is an admin when it is a person:
# it changes units, and still does not read a one-to-one.
i_am "Sofia Bäckström"
run tl unit add --name "Nytt lag" --kind team --parent "$HEM"
check_rc "units: an admin adds one" 0
run tl meeting show "$O2O"
check_err "one-to-one: an admin may not read it" 1 \
	"This meeting can be read only by its two participants"

done_testing
