#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_flows.sh - changing records from the command line: edit,
# close, followup done, frame ack, participant remove; the audit log row
# an edit leaves; meetings with participants and agenda; the grey zone and
# the non-delegable warning; filters; id prefixes and an ambiguous one.
. "$(dirname "$0")/lib.sh"

must tl init
must tl unit add --name "Socialnämnden" --kind committee
must tl person add --name "Åsa Öberg" --kind manager --unit Socialnämnden
must tl person add --name "Björn Ängström" --kind employee
must tl person add --name "Märta Ek" --kind elected

# --- a follow-up through its life ------------------------------------------

must tl followup add -q --text "Kolla läget" --owner "Björn Ängström" \
	--due 2026-11-20
FU=$(last_id)
FU8=$(printf '%.8s' "$FU")

run tl followup edit "$FU8" --text "Kolla läget igen" --due ""
check_out "edit by short id" edit-followup.txt
run tl followup edit "$FU8" --text "Kolla läget igen"
check_out "an edit that changes nothing" no-change.txt
# Wider: each time is marked "(set clock)", as TILLIT_NOW gave it.
run env COLUMNS=120 "$TILLIT" --db "$DB" log "$FU8"
check_grep "log: the edit's row with the old and the new value" \
	'update +followup +[0-9a-f]{8} +text +Kolla läget -> Kolla läget igen$'
check_grep "log: a cleared value" \
	'update +followup +[0-9a-f]{8} +due +2026-11-20 -> \(empty\)$'
run tl log "$FU8" --format json
sed 's/"user": "[^"]*"/"user": "<USER>"/; s/"seq": [0-9]*/"seq": N/
	s/"\(prev\|hash\)": "[0-9a-f]\{64\}"/"\1": "<HASH>"/g' \
	"$W/out" >"$W/log.json"
cp "$W/log.json" "$W/out"
check_out "log --format json" log-followup.json
run tl followup edit "$FU8"
check_err "edit without a field is usage" 2 \
	"Give at least one field.*Try 'tillit followup edit --help'\.$"

run tl followup done "$FU8"
check_err "done without --outcome is usage" 2 'outcome'
run tl followup done "$FU8" --outcome "Allt var bra."
check_out "followup done" done.txt
run tl followup show "$FU"
check_out "show a follow-up that is done" show-done.txt

must tl followup add -q --text "Ställs in" --owner "Åsa Öberg"
run tl followup close "$(last_id)"
check_grep "followup close" '^Closed follow-up [0-9a-f]{8}\.$'
run tl series add --title "Dialoger" --kind one_to_one
run tl series close Dialoger
check_err "a series cannot be closed" 1 'series cannot be closed'

# --- filters ---------------------------------------------------------------

must tl followup add --text "Försenad" --owner "Åsa Öberg" --due 2026-11-01
must tl followup add --text "I tid" --owner "Åsa Öberg" --due 2026-12-24
must tl followup add --text "Effekten" --owner "Märta Ek" --due +1m \
	--kind effect
run tl followup list --open
check_out "list --open" list-open.txt
run tl followup list --overdue
check_out "list --overdue" list-overdue.txt
run tl followup list --owner "Åsa Öberg" --open
check_out "list --owner NAME --open" list-owner.txt
run tl followup list --kind effect
check_out "list --kind effect" list-kind.txt
run tl followup list --due-before 2026-12-01 --status open
check_out "list --due-before --status" list-due-before.txt
run tl followup list --kind nonsense
check_err "an unknown --kind" 1 'nonsense.*result, effect, action'
run tl unit list --owner "Åsa Öberg"
check_err "a filter the kind lacks is usage" 2 \
	"^tillit: Units cannot be filtered by --owner\. Try 'tillit unit list --help'\.$"
run tl followup list --format xml
check_err "an unknown format is usage" 2 'xml'

# --- meetings, participants and the agenda ---------------------------------

must tl meeting add -q --title "Dialogmöte om hemtjänsten" --kind dialogue \
	--unit Socialnämnden --starts "2026-11-20 15:00" \
	--ends-at "2026-11-20 16:30" --location "Stadshuset"
M=$(last_id)
must tl participant add --meeting "$M" --person "Märta Ek" --role chair \
	--attendance present
must tl participant add -q --meeting "$M" --person "Åsa Öberg" \
	--role guest
P=$(last_id)
must tl item add --meeting "$M" --title "Mål för hemtjänsten 2027" \
	--kind discussion --question what --decided-by politics \
	--tags tillit,kvalitet
must tl item add -q --meeting "$M" --title "Vilken veckodag för planering" \
	--kind decision --question how --decided-by politics \
	--decision "Tisdagar."
ITEM=$(last_id)
run tl meeting show "$M"
check_out "meeting show: participants and agenda" meeting-show.txt
run tl item show "$ITEM"
check_out "item show: the grey zone" item-show.txt
run tl item list --meeting "$M"
check_out "item list --meeting" item-list.txt
run tl meeting list --person "Märta Ek"
check_grep "meeting list --person" 'Dialogmöte om hemtjänsten$'
run tl participant remove "$P"
check_grep "participant remove" '^Removed participant [0-9a-f]{8}\.$'
run tl participant list --meeting "$M"
check_out "participant list after remove" participants.txt
run tl meeting edit "$M" --kind committee
check_err "a meeting's kind is fixed" 1

# --- mandates and decisions ------------------------------------------------

must tl mandate add -q --matter "Fastställa mål och kvalitetsnivå" \
	--given-to "Åsa Öberg" --given-by-unit Socialnämnden --level 7 \
	--valid-from 2026-01-01 --valid-until 2026-12-31 \
	--limits "$(printf 'Inom budget.\nRapportera varje kvartal.')"
MAN=$(last_id)
must tl decision add --mandate "$MAN" --decided-on 2026-11-02 \
	--summary "Beslut om kvalitetsnivå för nattpatrullen" \
	--decided-by "Åsa Öberg"
run tl mandate show "$MAN"
check_out "mandate show: level, warning, decisions" mandate-show.txt

# --- frames: acknowledgement and versions ----------------------------------

# Given by Åsa, the only one who may change it afterwards.
must tl --as "Åsa Öberg" frame add -q \
	--description "Budget för kompetensutveckling" \
	--kind budget --holder-person "Björn Ängström" --amount 25000.50 \
	--amount-unit SEK --trust high
FR=$(last_id)
run tl frame list --unacked
check_grep "frame list --unacked" '^[0-9a-f]{8}  budget +Budget för'
run tl frame ack "$FR"
check_err "only a person known by their login acknowledges" 1 \
	'No person in tillit has the login'
i_am "Åsa Öberg"
run tl frame ack "$FR"
check_err "only the holder acknowledges a frame" 1 \
	"^tillit: Only the frame's holder acknowledges it\.\$"
run tl frame ack "$FR" --by "Björn Ängström"
check_err "nobody acknowledges on the holder's behalf" 1 \
	'^tillit: You cannot acknowledge as Björn Ängström; only they can\.$'
i_am "Björn Ängström"
run tl frame ack "$FR"
check_grep "frame ack" '^Acknowledged frame [0-9a-f]{8}\.$'
run tl frame list --unacked
check_out "no frame left to acknowledge" no-unacked.txt
run tl --as "Åsa Öberg" frame edit "$FR" --amount 30000
check_grep "frame edit" '^Updated frame [0-9a-f]{8}\.$'
run tl frame show "$FR"
check_out "frame show: a new version, not acknowledged" frame-show.txt

# --- id prefixes -----------------------------------------------------------

# People until two ids share their first hex digit (at most 17 needed).
i=0
amb=""
while [ $i -le 17 ]; do
	amb=$(tl person list --format csv | sed -n '2,$s/^\(.\).*/\1/p' |
		sort | uniq -d | head -n 1)
	[ -n "$amb" ] && break
	i=$((i + 1))
	must tl person add --name "Medarbetare $i" --kind employee
done
n=$(tl person list --format csv | grep -c "^$amb")
run tl person show "$amb"
check_err "an ambiguous prefix ($n people start with $amb)" 1 \
	"^tillit: \"$amb\" matches $n people: ([0-9a-f]{8} [^,]+(, )?){$n}; give more of the id\.$"
first=$(tl person list --format csv | grep "^$amb" | head -n 1 | cut -c1-8)
run tl person show "$first"
check_grep "a unique 8-character prefix" "^ID: +$first"
run tl followup show 00000000
check_err "an unknown id" 1 'No follow-up matches "00000000"'

done_testing
