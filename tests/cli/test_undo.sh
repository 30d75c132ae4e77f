#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_undo.sh - `tillit undo` (issue 17, point 5): takes back
# the last change made by me, from the audit log, as a new audited
# change; never rewrites the log; refuses where the record has changed
# since, and for what cannot be put back.  The commands run back to back
# on a fixed clock, as a script would within one second: a change is what
# one command wrote, not what one second saw.
. "$(dirname "$0")/lib.sh"

must tl init --demo
i_am "Björn Åkesson"
log_rows() { dbsql "SELECT count(*) FROM audit"; }
log_head() { dbsql "SELECT seq || ':' || hash FROM audit ORDER BY seq LIMIT 5"; }

# An edit, then `done` on the same record, in the same second.
must tl followup add --text "Boka lokal" --owner "Björn Åkesson" -q
F=$(last_id)
must tl followup edit "$F" --text "Boka lokal för APT" --due 2026-12-01
must tl followup done "$F" --outcome "Bokad"
rows=$(log_rows)
head_before=$(log_head)

run tl undo --dry-run
check_rc "--dry-run says what it would undo" 0
check_grep "... the last command only (done), not the edit before it" \
	'^    Status: done -> open$'
if grep -q "Text\|Due" "$W/out"; then
	fail "... and not the edit before it" "$(cat "$W/out")"
else
	pass "... and not the edit before it"
fi
check_same "... and changes nothing" "$(log_rows)" "$rows"

run tl undo
check_rc "undo" 0
check_grep "... says what it did" '^Undid your change of 2026-11-23 10:00:$'
check_grep "... the outcome emptied" '^    Outcome: Bokad -> \(empty\)$'
run tl followup show "$F" --format json
check_same "the follow-up is open again" "$(json_value "$W/out" '$.status')" \
	open
check_same "... its outcome gone, its closing time too" \
	"$(grep -c '"outcome"\|"closed_at"' "$W/out")" 0
check_same "... the edit before stays" "$(json_value "$W/out" '$.text')" \
	"Boka lokal för APT"
check_same "the undo is new rows in the log (status, outcome, closed_at)" \
	"$(log_rows)" "$((rows + 3))"
check_same "... which is not rewritten" "$(log_head)" "$head_before"
run tl verify
check_rc "... and its chain is whole" 0

run tl undo
check_grep "undo again takes the undo back" '^    Status: open -> done$'
run tl followup show "$F" --format json
check_same "... done again" "$(json_value "$W/out" '$.status')" done

# A record added: undo removes it.
must tl followup add --text "Ring facket" --owner "Björn Åkesson" -q
G=$(last_id)
run tl undo
check_grep "undo of an add removes the record" \
	'^  follow-up [0-9a-f]{8} "Ring facket": removed \(the change added it\)$'
run tl followup show "$G"
check_err "... it is gone" 1 'No follow-up'

# Changed since by someone else: refused, nothing written.
must tl followup add --text "Skriv schema" --owner "Åsa Öberg" -q
H=$(last_id)
must tl followup edit "$H" --text "Skriv julschema"
must tl --as "Åsa Öberg" followup done "$H" --outcome "Klart"
rows=$(log_rows)
run tl undo
check_err "a record changed since by another is refused" 1 \
	'Åsa Öberg changed the follow-up "Skriv julschema" at .*, after your change'
check_same "... and nothing is written" "$(log_rows)" "$rows"

# A frame's edit: the content back, as a new version; its earlier version
# is history and stays.
must tl frame add --description "Budget för APT" --kind budget \
	--holder-person "Björn Åkesson" --amount 10000 --amount-unit SEK -q
FR=$(last_id)
must tl frame edit "$FR" --amount 20000
run tl undo
check_grep "a frame's amount set back" '^    Amount: 20 ?000 -> 10 ?000|^    Amount: 20000 -> 10000$'
run tl frame show "$FR" --format json
check_same "... the frame holds it" "$(json_value "$W/out" '$.amount')" 10000
check_same "... as version 3 (the undo is an edit)" \
	"$(json_value "$W/out" '$.version')" 3
check_same "... both earlier versions kept" \
	"$(dbsql "SELECT count(*) FROM frame_versions WHERE frame = '$FR'")" 2
run tl undo
run tl undo
check_grep "undo of the frame's undo of its undo" '^    Amount: 20 ?000 -> 10 ?000|^    Amount: 20000 -> 10000$'

# A frame added with its first version: both go.
must tl frame add --description "Tid för APT" --kind time \
	--holder-person "Björn Åkesson" -q
FT=$(last_id)
run tl undo
check_rc "undo of a frame added" 0
run tl frame show "$FT"
check_err "... the frame is gone" 1 'No frame'

# A removal cannot be put back: the log keeps only the name.
M=$(tl meeting list --format csv | sed -n 2p | cut -d, -f1)
must tl participant add --meeting "$M" --person "Märta Ängström" \
	--role member -q
P=$(last_id)
must tl participant remove "$P"
rows=$(log_rows)
run tl undo
check_err "a removal is refused, saying why" 1 \
	'removed the participant .*; the log keeps only its name'
check_same "... nothing written" "$(log_rows)" "$rows"

# Another person's last change is theirs: mine is untouched by it.
must tl --as "Åsa Öberg" followup add --text "Åsas punkt" \
	--owner "Åsa Öberg" -q
A=$(last_id)
run tl undo
check_err "my last change is still the removal, not Åsa's add" 1 \
	'removed the participant'
run tl followup show "$A"
check_rc "... Åsa's follow-up is there" 0

# Nothing of mine: said so.
must tl person add --name "Ny Person" --kind employee --login nobody-here
run "$TILLIT" --db "$DB" --as "Ny Person" undo
check_err "nothing to undo" 1 'no change that undo could take back'

run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" --as "Åsa Öberg" \
	undo --dry-run
check_grep "in Swedish" '^Skulle ångra din ändring'


# A change written before the log kept changes apart (schema 16): refused,
# not guessed at.
if sqlite_only "a change from an older database is refused"; then
	must tl followup add --text "Gammal punkt" --owner "Björn Åkesson"
	downgrade_to 16
	rows=$(log_rows)
	run tl undo
	check_err "a change from before schema 17 is refused" 1 \
		'written before tillit kept changes apart'
	check_same "... nothing written" "$(log_rows)" "$rows"
	must tl followup add --text "Ny punkt" --owner "Björn Åkesson"
	run tl undo
	check_grep "... and one made after the upgrade is undone" \
		'"Ny punkt": removed'
fi

done_testing
