#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_paragraph.sh - a § as the law records it (issue 16,
# points 1 and 2), on the demo committee: who decides each § (members
# present, a substitute serving for an absent member, not a disqualified
# member), motions, an open vote whose result must follow from its
# counts, each member's ballot, reservations, protokollsanteckningar, the
# decision basis and the recipients; the minutes say all of it, and
# signing locks it.
. "$(dirname "$0")/lib.sh"

must tl init --demo
i_am "Sofia Bäckström"
M="Barn- och utbildningsnämndens sammanträde"
item() { tl item list --meeting "$M" --format csv | grep ",$1," | cut -d, -f1; }
I1=$(item 1)
I5=$(item 5)

# --- votes: the result follows from the counts ---------------------------
run tl vote add --item "$I1" --proposition "Bifall" --yes 3 --no 1 \
	--result no
check_err "a result against the counts is refused" 1 \
	'Result: 3 yes against 1 no carries yes, not no\.$'
run tl vote add --item "$I1" --proposition "Bifall" --yes 1 --no 3 \
	--result yes
check_err "... either way" 1 'Result: 3 no against 1 yes carries no, not yes\.$'
run tl vote add --item "$I1" --proposition "Bifall" --yes 2 --no 2 \
	--result yes
check_err "a tie needs the chair's casting vote" 1 \
	"a tie, which the chair's casting vote decides"
run tl vote add --item "$I1" --proposition "Bifall" --yes 3 --no 1 \
	--result yes --casting 1
check_err "... which decides nothing else" 1 'it decides a tie only'
run tl vote add --item "$I1" --proposition "Bifall" --yes 3 --no 1 \
	--abstain 1 --result yes
check_err "no more votes than decision-makers" 1 \
	'add up to 5, but § 1 has 4 decision-makers\.$'
run tl vote add --item "$I1" --proposition "Bifall" --yes 2 --no 2 \
	--result no --casting 1 -q
check_rc "a tie decided by the chair's casting vote is recorded" 0
V=$(last_id)

# --- who decides -----------------------------------------------------------
run tl ballot add --vote "$V" --person "Märta Ängström" --choice yes
check_err "a guest has no vote" 1 \
	'Märta Ängström is not among the decision-makers of § 1'
run tl ballot add --vote "$V" --person "Jonas Ekdahl" --choice yes
check_rc "a substitute serving for an absent member votes" 0
run tl ballot add --vote "$V" --person "Jonas Ekdahl" --choice no
check_err "... once" 1 'has voted in this vote already'
must tl ballot add --vote "$V" --person "Lena Åström" --choice yes
run tl ballot add --vote "$V" --person "Anders Holmgren" --choice yes
check_err "no more yes ballots than the vote counts" 1 \
	'the vote counts 2 yes, and this would be one more'
run tl vote edit "$V" --yes 1 --no 3 --result no --casting 0
check_err "nor a count below the ballots already cast" 1 \
	'Yes: 2 members voted yes in this vote; the count cannot be 1\.$'
run tl motion add --item "$I5" --person "Lena Åström" --text "Bifall"
check_err "a disqualified member moves nothing in that §" 1 \
	'Lena Åström is not among the decision-makers of § 5'
run tl entry add --item "$I5" --kind reservation --person "Lena Åström" \
	--text "Emot"
check_err "... nor reserves against its decision" 1 \
	'did not take part in the decision of § 5'
run tl entry add --item "$I5" --kind reservation --text "Emot"
check_err "a reservation names its member" 1 'a reservation needs the member'
run tl entry add --item "$I5" --kind disqualified --person "Åsa Öberg"
check_err "only a participant can be disqualified" 1 \
	'Åsa Öberg takes no part in this meeting'
run tl vote add --item "$I5" --proposition "Bifall" --yes 3 --no 1 \
	--result yes
check_err "the disqualified member is not counted" 1 \
	'add up to 4, but § 5 has 3 decision-makers\.$'

# --- immediate justering (omedelbar justering) ----------------------------
# The demo's § 2 was justered at the meeting by the chair and both
# justerare: it is locked with all it records.
I2=$(item 2)
I3=$(item 3)
run tl entry add --item "$I2" --kind statement --person "Lena Åström" \
	--text "Tillägg"
check_err "a § justered immediately takes nothing more" 1 \
	'§ 2 is justered immediately and locked'
run tl item edit "$I2" --decision "Ändrat beslut"
check_err "... and its decision cannot change" 1 \
	'§ 2 is justered immediately and locked'
run tl entry add --item "$I3" --kind justering --person "Jonas Ekdahl"
check_err "only the chair and the justerare sign it" 1 \
	'Jonas Ekdahl does not sign this meeting.s minutes'
must tl entry add --item "$I3" --kind justering --person "Anders Holmgren"
run tl entry add --item "$I3" --kind justering --person "Anders Holmgren"
check_err "... each once" 1 'has signed the immediate justering of this § already'
run tl export minutes "$M" --format md
check_grep "the minutes say a § was justered immediately, when and by whom" \
	'^\*\*Justering:\*\* The § is justered immediately, on 20[0-9-]* 16:25, by Anders Holmgren, Lena Åström, Per-Olof Nyström\.$'
check_grep "... and how far another has come" \
	'^\*\*Justering:\*\* Immediate justering, signed so far by Anders Holmgren\.$'
run tl item edit "$I3" --notes "Ett tillägg innan justerarna har skrivit under"
check_rc "a § not yet justered by all stays open" 0
run tl export extract "$M" § 2 --format txt
check_grep "the extract of the § says it too" 'The § is justered immediately'

# Who could decide and sign it is part of what was justered: a new
# justerare would leave the § unsigned by one, and so open it again.
run tl participant add --meeting "$M" --person "Åsa Öberg" --role adjuster
check_err "no justerare is added after a § is justered immediately" 1 \
	'§ 2 of this meeting is justered immediately, and who could decide and sign it is part of it; its chair, justerare, members and substitutes cannot change\.$'
run tl participant add --meeting "$M" --person "Åsa Öberg" --role member
check_err "... nor a member" 1 '§ 2 of this meeting is justered immediately'
run tl participant add --meeting "$M" --person "Åsa Öberg" --role guest \
	--attendance present -q
check_rc "a guest may still be noted" 0
must tl participant remove "$(last_id)"
run tl item edit "$I2" --decision "Ändrat beslut"
check_err "... so the § stays locked" 1 '§ 2 is justered immediately and locked'
PL=$(tl participant list --meeting "$M" --format csv | grep ',adjuster,' |
	head -n 1 | cut -d, -f1)
run tl participant remove "$PL"
check_err "... nor is a signer removed" 1 \
	'§ 2 of this meeting is justered immediately'
run tl participant edit "$PL" --role member
check_err "... nor made another role" 1 \
	'§ 2 of this meeting is justered immediately'
run tl meeting edit "$M" --starts-at "2026-11-16 12:00"
check_err "... nor does its meeting move" 1 \
	"§ 2 of this meeting is justered immediately; the meeting's start, committee and kind cannot change\.$"

# The database holds the § whoever writes to it, with its own client
# (sqlite3 or psql) behind tillit's back.
ATTACKS="UPDATE items SET decision = 'Förfalskat' WHERE id = '$I2'
DELETE FROM entries WHERE item = '$I2' AND kind = 'justering'
UPDATE entries SET text = 'Förfalskat' WHERE item = '$I2' AND kind = 'statement'
INSERT INTO motions (id, created_at, updated_at, meeting, item, person, text, status) SELECT 'x-motion', created_at, updated_at, meeting, id, '$(tl person list --format csv | grep ',Lena Åström,' | cut -d, -f1)', 'Nytt yrkande', 'standing' FROM items WHERE id = '$I2'
UPDATE participants SET role = 'member' WHERE id = '$PL'
DELETE FROM participants WHERE id = '$PL'
INSERT INTO participants (id, created_at, updated_at, meeting, person, role, attendance) SELECT 'x-part', created_at, updated_at, meeting, '$(tl person list --format csv | grep ',Björn Ängström,' | cut -d, -f1)', 'adjuster', 'present' FROM items WHERE id = '$I2'
UPDATE meetings SET starts_at = '2026-11-17 13:00' WHERE id = (SELECT meeting FROM items WHERE id = '$I2')"
echo "$ATTACKS" | while IFS= read -r sql; do
	if dbsql "$sql" >"$W/sqlout" 2>&1; then
		echo "taken: $sql"
	elif ! grep -q "justered immediately" "$W/sqlout"; then
		echo "refused otherwise: $sql: $(cat "$W/sqlout")"
	fi
done >"$W/attacks"
if [ ! -s "$W/attacks" ]; then
	pass "the database refuses every change of the § and its meeting's attendance"
else
	fail "the database refuses every change of the § and its meeting's attendance" \
		"$(cat "$W/attacks")"
fi

# Its number is part of what was signed: an earlier meeting of the same
# committee and year takes no new § that would push it on, and new §§
# still go on at the end of its own (tests/unit/test_store.c: removing
# and moving).
YEAR=$(tl meeting show "$M" | sed -n 's/^Starts: *\([0-9]\{4\}\).*/\1/p')
must tl meeting add --title "Extra sammanträde" --kind committee \
	--unit "Barn- och utbildningsnämnden" --starts "$YEAR-01-02 08:00" -q
E=$(last_id)
run tl item add --meeting "$E" --title "Ett tidigare ärende"
check_err "no § is added before a § justered immediately" 1 \
	"The meeting of this committee on $YEAR-[0-9-]* has § 2 justered immediately, so no § can be added before it\.$"
run tl item list --meeting "$M" --format csv
check_grep "... and it is still § 2" "^$I2,[^,]*,2,"
run tl item add --meeting "$M" --title "Övriga frågor"
check_rc "a new § still goes on at the end of its meeting" 0
run tl item list --meeting "$M" --format csv
check_grep "... numbered after the last" ',6,Övriga frågor,'

# --- the minutes -----------------------------------------------------------
run tl export minutes "$M" --format txt
check_grep "the minutes say who was disqualified" \
	'Lena Åström is disqualified \(jäv\) and takes no part in the'
check_grep "... and who decided that § without her" \
	'Decision-makers in this §: Anders Holmgren, Per-Olof Nyström, Jonas Ekdahl'
run tl export minutes "$M" --format md
check_grep "the decision-makers with their parties, a serving substitute whom for" \
	'^- \*\*Decision-makers:\*\* Anders Holmgren \(S\), chair, Lena Åström \(M\), adjuster, Per-Olof Nyström \(C\), adjuster, Jonas Ekdahl \(V\), serving for Fatima Hassan \(S\)$'
check_grep "... others present with their titles" \
	'^- \*\*Others present:\*\* Sofia Bäckström, Nämndsekreterare \(secretary\), Märta Ängström, Förvaltningschef$'
check_grep "... the §§ in the header" '^- \*\*Paragraphs:\*\* §§ 1–6$'
check_grep "... how each § was governed in a note after it" \
	'^\*\*Governance:\*\* a "what" question, decided by politics, principles: Tillit, Rättssäkerhet\.$'
run tl export minutes "$M" --format txt
check_grep "the vote and its counts" \
	'Vote: Ja för att ärendet avgörs i dag, nej för återremiss\. Yes 3, no 1,'
check_grep "each member's ballot" '^  Voted no: +Per-Olof Nyström$'
check_grep "a tie says the casting vote decided" \
	"The votes were tied; the chair's casting vote decided\."
check_grep "a motion and what came of it" \
	'Motion: Per-Olof Nyström: Återremiss för att förvaltningen ska ta fram mål'
check_grep "the reservation and its reason" \
	'Reservation: Per-Olof Nyström: Till förmån för eget yrkande\.'
check_grep "a protokollsanteckning" 'Note for the record: Per-Olof Nyström:'
check_grep "the decision basis with its case references" \
	'Decision basis: +Förslag till mål och budget 2027 \(BUN 2026/38-2\)'
check_grep "the recipients" 'Sent to: .*Märta Ängström'
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" export minutes \
	"$M" --format txt
check_grep "in Swedish" 'Expedieras till: Barn- och utbildningsförvaltningen'
check_grep "... with its Swedish words" 'Lena Åström anmäler jäv och deltar inte'
run tl export minutes "$M" --format html --output "$W/m.html"
if tidy -q -e "$W/m.html" >"$W/tidy" 2>&1; then
	pass "the HTML minutes pass tidy"
else
	fail "the HTML minutes pass tidy" "$(cat "$W/tidy")"
fi
grep -q "Reservation" "$W/m.html" && pass "... and carry the § parts" ||
	fail "... and carry the § parts" ""

# --- the full-screen program: the run's step shows the §, y records -------
cat >"$W/script" <<SCRIPT
key 2
key Down
key Enter
key r
key n
key n
key n
dump
key y
key Tab
key Enter
type Per-Olof
key Enter
key Tab
type Bifall med tillägget om fritidshemmen
key C-x
dump
key B
dump
SCRIPT
run tl ui --script "$W/script" --size 110x50
if [ "$RC" = 0 ] && grep -q "^ Motions (2)" "$W/out" &&
	grep -q "^ Votes (1)" "$W/out" &&
	grep -q "yes 3, no 1, abstained 0, yes carries; 4 ballots" "$W/out" &&
	grep -q "reservation: Per-Olof Nyström: Till förmån" "$W/out"; then
	pass "full-screen: the step of § 3 shows its motions, vote and entries"
else
	fail "full-screen: the step of § 3 shows its motions, vote and entries" \
		"$(cat "$W/out" "$W/err")"
fi
if grep -q "Saved the motion\." "$W/out" && grep -q "^ Motions (3)" "$W/out" &&
	grep -q "Per-Olof Nyström: Bifall med tillägget om fritidshemmen" \
		"$W/out"; then
	pass "full-screen: y records a motion on the item"
else
	fail "full-screen: y records a motion on the item" "$(cat "$W/out")"
fi
grep -q "─ New ballot ─" "$W/out" && grep -Eq "│Vote \* +Ja för att" "$W/out" &&
	pass "full-screen: B opens a ballot in the item's last vote" ||
	fail "full-screen: B opens a ballot in the item's last vote" \
		"$(tail -25 "$W/out")"

# --- quorum: a warning, not a block ---------------------------------------
Q="Barn- och utbildningsnämndens extra sammanträde"
must tl meeting add --title "$Q" --kind committee \
	--unit "Barn- och utbildningsnämnden" --starts-at "2026-11-20 13:00"
for who in "Anders Holmgren:chair:present" "Sofia Bäckström:secretary:present" \
	"Lena Åström:adjuster:absent" "Per-Olof Nyström:member:absent"; do
	p=${who%%:*}; rest=${who#*:}
	must tl participant add --meeting "$Q" --person "$p" \
		--role "${rest%%:*}" --attendance "${rest#*:}"
done
must tl item add --meeting "$Q" --title "Brådskande ärende" --kind decision
run tl export minutes "$Q" --format txt
check_grep "too few members: the minutes warn of no quorum" \
	'No quorum: 1 of the committee.s 3 members decide this §; the law wants'

# --- signing locks the § parts ---------------------------------------------
for who in "Anders Holmgren" "Lena Åström" "Per-Olof Nyström"; do
	must tl sign "$M" --by "$who" --paper
done
run tl motion add --item "$I1" --person "Anders Holmgren" --text "Ny"
check_err "a signed meeting takes no new motion" 1 'signed'
run tl export minutes "$M" --format txt
check_grep "the signed minutes keep the § parts" \
	'Reservation: Per-Olof Nyström'
run tl verify "$M"
check_rc "verify finds everything as signed" 0
done_testing
