#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Life goes on after justering (issue 12, defect 5): what the signed
# minutes recorded stays as signed, but later work on the records born in
# the meeting is allowed: the holder acknowledges a frame agreed there,
# a mandate granted there is revoked, and an open follow-up is carried
# on in a later meeting with a new due date and owner.  The signed
# minutes still verify, and a change to what they show is still
# refused.
. "$(dirname "$0")/lib.sh"

M="Barn- och utbildningsnämndens sammanträde"
must tl init --demo
i_am "Sofia Bäckström"
# A frame agreed in the meeting that its holder has not yet acknowledged.
must tl frame add -q --meeting "$M" --kind budget --holder-person \
	"Lena Åström" --description "Ram för skolskjutsar: 400 000 kr"
FRAME=$(last_id)
MANDATE=$(tl mandate list --meeting "$M" --format csv | sed -n 2p | cut -d, -f1)
[ -n "$FRAME" ] && [ -n "$MANDATE" ] && pass "the meeting recorded a frame and a mandate" ||
	fail "the meeting recorded a frame and a mandate" "frame '$FRAME' mandate '$MANDATE'"
for who in "Anders Holmgren" "Lena Åström" "Per-Olof Nyström"; do
	must tl sign "$M" --by "$who" --paper
done
run tl meeting show "$M"
check_grep "the meeting is signed" '^Status: +signed$'

i_am "Lena Åström"
run tl frame ack "$FRAME"
check_rc "the holder acknowledges a frame from the signed meeting" 0
run tl frame show "$FRAME"
check_grep "the frame reads acknowledged" '^Acknowledged by: +[^ ]'
# The secretary, who may change what the meeting agreed (doc/access.md).
i_am "Sofia Bäckström"
run tl mandate close "$MANDATE"
check_rc "a mandate granted in the signed meeting is revoked" 0
run tl mandate show "$MANDATE"
check_grep "the mandate reads revoked" '^Status: +revoked$'

run tl verify "$M"
check_rc "the signed minutes still verify" 0
run tl frame edit "$FRAME" --description "Något annat"
check_err "what the minutes show still cannot change" 1 'signed and locked'
run tl mandate edit "$MANDATE" --matter "Något annat"
check_err "nor the mandate's matter" 1 'signed and locked'
run dbsql "UPDATE frames SET description = 'x' WHERE id = '$FRAME'"
if [ "$RC" != 0 ] && grep -q 'signed and locked' "$W/err"; then
	pass "the database refuses it too"
else
	fail "the database refuses it too" "rc $RC" "$(cat "$W/err")"
fi

# --- a follow-up is carried on in a later meeting ------------------------------

must tl export minutes "$M" --format txt
cp "$W/out" "$W/signed.txt"
FU=$(tl followup list --meeting "$M" --status open --format csv |
	sed -n 2p | cut -d, -f1)
must tl meeting add -q --title "BUN januari" --kind committee \
	--unit "Barn- och utbildningsnämnden" --starts-at "2027-01-18 13:00"
JAN=$(last_id)
run tl followup carry "$FU" --meeting "$JAN" --due 2027-03-31 \
	--owner "Sofia Bäckström"
check_grep "a follow-up of the signed meeting is carried on" \
	'^Carried on: follow-up [0-9a-f]{8} goes on as [0-9a-f]{8}\.$'
NEW=$(sed -n 's/.* goes on as \([0-9a-f]*\)\.$/\1/p' "$W/out")
run tl followup show "$NEW"
check_grep "the new one has the new due date" '^Due: +2027-03-31$'
check_grep "and the new owner" '^Owner: +[0-9a-f]{8} Sofia Bäckström$'
run tl followup show "$FU"
check_grep "the one agreed reads carried" '^Status: +carried$'
check_grep "and says where it went" '^Outcome: +Carried on in BUN januari'
run tl followup carry "$FU" --meeting "$JAN"
check_err "a follow-up is carried on once" 1 'carried already'
run tl export minutes "$M" --format txt
cmp -s "$W/out" "$W/signed.txt" &&
	pass "the signed minutes are as they were" ||
	fail "the signed minutes are as they were" \
		"$(diff "$W/signed.txt" "$W/out" | head -5)"
run tl verify "$M"
check_rc "and still verify" 0

done_testing
