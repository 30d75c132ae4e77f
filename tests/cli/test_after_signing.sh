#!/bin/sh
# Life goes on after justering (issue 12, defect 5): what the signed
# minutes recorded stays as signed, but later work on the records born in
# the meeting is allowed: the holder acknowledges a frame agreed there,
# and a mandate granted there is revoked.  The signed minutes still
# verify, and a change to what they show is still refused.
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
run sqlite3 "$DB" "UPDATE frames SET description = 'x' WHERE id = '$FRAME'"
if [ "$RC" != 0 ] && grep -q 'signed and locked' "$W/err"; then
	pass "the database refuses it too"
else
	fail "the database refuses it too" "rc $RC" "$(cat "$W/err")"
fi

done_testing
