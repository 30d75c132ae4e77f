#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_undone.sh - reporting back and decisions carried out
# (issue 18, point 5): a mandate's cadence makes its report-backs fall
# due, an overdue one shows on its holder's Overview and in 'tillit export
# undone'; a decision § carries who carries it out and by when, and the
# undone report lists it until it is done; in every document format.
. "$(dirname "$0")/lib.sh"

TILLIT_NOW="2026-12-02 10:00"
export TILLIT_NOW
must tl init --demo

# The demo: home care's allocation mandate reports monthly, last ten
# weeks ago; the committee's school-year § is not carried out.
M=$(tl mandate list --format csv | grep 'Beslut om bistånd' | cut -d, -f1)
run tl mandate show "$M"
check_grep "mandate show: the last report-back" \
	'^Last report-back: +2026-09-23$'
check_grep "... and the next, overdue" \
	'^Next report-back: +2026-10-23, overdue$'

run tl export undone --unit Socialnämnden --format txt
check_grep "undone lists the committee's mandate whose report-back is overdue" \
	'^Beslut om bistånd i form av hemtjänst$'
check_grep "... with its holder and cadence" '^  Held by: +Ingrid Nordén$'
check_grep "... and says no decision of its own is open" \
	'^None: every decision with an owner is carried out\.$'
run tl export undone --unit "Barn- och utbildningsnämnden" --format txt
check_grep "the other committee's open decision, with its §" \
	'^§ 5 Läsårstider 2027/2028$'
check_grep "... its owner" '^  Owner: +Sofia Bäckström$'
check_grep "... and that its day has passed" \
	'Overdue: the day it was to be carried out has passed'
check_same "... the decision already carried out is not there" \
	"$(grep -c 'Delegationsordning' "$W/out")" 0
for fmt in md html pdf; do
	run tl export undone --format "$fmt" --output "$W/undone.$fmt"
	check_rc "undone as $fmt" 0
done
html_ok "... the HTML is valid (tidy)" "$W/undone.html"
check_same "... the PDF says it too" "$(pdftotext "$W/undone.pdf" - |
	grep -c 'Läsårstider 2027/2028')" 1

# The holder's Overview says it first.
printf 'dump\n' >"$W/script"
run "$TILLIT" --db "$DB" --as "Ingrid Nordén" ui --script "$W/script" \
	--size 100x30
check_grep "the holder's Overview: the report-back overdue" \
	'^   Beslut om bistånd i form av hemtjänst  · overdue since 2026-10-23$'
run "$TILLIT" --db "$DB" --as "Birgitta Öhman" ui --script "$W/script" \
	--size 100x30
check_grep "the giver's Overview (the committee that gave it): overdue too" \
	'^ Report-backs overdue to Socialnämnden$'
check_grep "... naming the mandate" \
	'^   Beslut om bistånd i form av hemtjänst  · overdue since 2026-10-23$'
# A mandate a person gave: its report-back, once overdue, is on the
# giver's own Overview.
PM=$(tl mandate list --format csv | grep ',Beställa förbrukningsmaterial' |
	cut -d, -f1)
must tl mandate edit "$PM" --report-every monthly
run env TILLIT_NOW="2026-12-20 10:00" "$TILLIT" --db "$DB" \
	--as "Björn Åkesson" ui --script "$W/script" --size 120x40
check_grep "the giver's Overview (the person who gave it): overdue" \
	'^ Report-backs overdue to me$'
check_grep "... naming the mandate" \
	'^   Beställa förbrukningsmaterial och enklare hjälpmedel till arbetslaget  · overdue since 2026-12-[0-9]{2}$'
run "$TILLIT" --db "$DB" --as "Björn Åkesson" ui --script "$W/script" \
	--size 100x40
check_same "... not before it is overdue" \
	"$(grep -c 'Report-backs overdue to me' "$W/out")" 0
must tl mandate edit "$PM" --report-every ""
run "$TILLIT" --db "$DB" --as "Sofia Bäckström" ui --script "$W/script" \
	--size 100x30
check_grep "the owner's Overview: the decision to carry out" \
	'Läsårstider 2027/2028'

# The committees' next meetings are offered what falls due by their day.
B=$(tl meeting list --format csv |
	grep '^[^,]*,Barn- och utbildningsnämndens sammanträde,' | cut -d, -f1)
run tl meeting next "$B"
check_grep "planning the committee's next meeting says it is offered a report" \
	"^Its agenda is offered 1 report: 'tillit meeting offers [0-9a-f]{8}'\.$"
NB=$(tl meeting list --status planned --unit "Barn- och utbildningsnämnden" \
	--format csv | sed -n 2p | cut -d, -f1)
run tl meeting offers "$NB"
check_grep "... the report on carrying out the open decision" \
	'^1\. Report on carrying out § 5 Läsårstider 2027/2028 \(due 2026-11-30\)$'
run tl meeting offers "$NB" --accept 1
check_grep "the secretary accepts it: an item of the meeting, numbered on" \
	'^Added § 6: Report on carrying out § 5 Läsårstider 2027/2028\.$'
run tl meeting offers "$NB"
check_grep "... and it is offered no more" '^Nothing is offered'
must tl meeting add --title "Socialnämndens sammanträde i december" \
	--kind committee --unit Socialnämnden --starts-at "2026-12-16 13:00" -q
NS=$(last_id)
run tl meeting offers "$NS"
check_grep "Socialnämnden's next meeting is offered the overdue report-back" \
	'^1\. Report-back: Beslut om bistånd i form av hemtjänst \(due 2026-10-23\)$'
run tl meeting offers "$NS" --accept 2
check_err "--accept takes only the numbers offered" 2 '1 to 1, or all'
check_same "... and nothing was added" "$(tl item list --meeting "$NS" \
	--format csv | sed 1d | wc -l)" 0
must tl meeting add --title "Socialnämndens sammanträde i januari" \
	--kind committee --unit Socialnämnden --starts-at "2027-01-20 13:00" -q
run tl meeting offers "$(last_id)"
check_grep "a later meeting is not the committee's next: it is offered nothing" \
	'^Nothing is offered'
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" meeting offers \
	"$NS"
check_grep "in Swedish: Återrapportering" \
	'^1\. Återrapportering: Beslut om bistånd i form av hemtjänst'

# The secretary drops the offer from this meeting: it is not offered to
# it again, and nothing else changes.
run tl meeting offers "$NS" --accept 1 --drop 1
check_err "--accept and --drop, not both" 2 'Give --accept or --drop, not both\.'
run tl meeting offers "$NS" --drop 2
check_err "--drop takes only the numbers offered" 2 \
	'^tillit: --drop takes the numbers of offers, 1 to 1, or all\.'
run tl meeting offers "$NS" --drop 1
check_grep "the secretary drops the report-back from the meeting" \
	'^Dropped: Report-back: Beslut om bistånd i form av hemtjänst\.$'
run tl meeting offers "$NS"
check_grep "... and it is offered to it no more" '^Nothing is offered'
run tl meeting offers "$NS" --drop all
check_err "... nor dropped twice" 2 "The meeting is offered nothing\."
check_same "... and no item was added" "$(tl item list --meeting "$NS" \
	--format csv | sed 1d | wc -l)" 0
run tl mandate show "$M"
check_grep "... while the mandate is still overdue" \
	'^Next report-back: +2026-10-23, overdue$'
run tl meeting edit "$NS" --dropped "$NB"
check_err "what was dropped is the store's to write" 1 \
	'Offers dropped is kept by tillit and cannot be set by hand\.'
run tl meeting show "$NS" --format json
check_same "... and the meeting keeps it (JSON)" \
	"$(json_value "$W/out" '$.dropped')" "$M"
# What was dropped goes through the JSON export and back byte for byte.
tl export >"$W/dropped-1.json"
RT=$(newdb roundtrip) || exit 1
"$TILLIT" --db "$RT" import "$W/dropped-1.json" >/dev/null ||
	fail "the export with a dropped offer imports" "exit status $?"
"$TILLIT" --db "$RT" export >"$W/dropped-2.json"
grep -q '"dropped": *"'"$M"'"' "$W/dropped-2.json" &&
	cmp -s "$W/dropped-1.json" "$W/dropped-2.json" &&
	pass "... through the JSON export and back, byte for byte" ||
	fail "... through the JSON export and back, byte for byte" \
		"$(diff "$W/dropped-1.json" "$W/dropped-2.json" | head -5)"
run tl meeting show "$NS"
check_grep "... and shows what it dropped by name" \
	'^Offers dropped: +Beslut om bistånd i form av hemtjänst$'

# The same on the meeting screen, in a database of its own: the offers
# are listed under the agenda; I takes the selected one as an item, -
# drops it; and only the meeting's chair and secretary may.
# uidb NAME: a new demo database with a next meeting of Socialnämnden,
# UIDB and UIM.
uidb() {
	UIDB=$(newdb "$1") || exit 1
	"$TILLIT" --db "$UIDB" init --demo >/dev/null
	"$TILLIT" --db "$UIDB" meeting add --kind committee \
		--unit Socialnämnden --title "Socialnämndens extra sammanträde" \
		--starts-at "2026-12-16 13:00" -q >/dev/null
	UIM=$("$TILLIT" --db "$UIDB" meeting list --format csv |
		grep ',Socialnämndens extra' | cut -d, -f1)
}
uidb offers
# offer_ui KEY [--as PERSON]: opens the meeting, selects its offer,
# presses KEY and dumps the screen.
offer_ui() {
	k=$1
	shift
	printf 'key 2\nkey n\ntype extra sammanträde\nkey Enter\nkey Enter\nkey j\nkey %s\ndump\n' \
		"$k" >"$W/script"
	run "$TILLIT" --db "$UIDB" "$@" ui --script "$W/script" --size 100x30
}
offer_ui j
check_grep "the meeting screen lists what its agenda is offered" \
	'^ Offered for the agenda \(1\)$'
check_grep "... each offer with its due date, overdue marked" \
	'^>  Report-back: Beslut om bistånd i form av hemtjänst  · due 2026-10-23 +OVERDUE$'
offer_ui - --as "Sofia Bäckström"
check_grep "one who is not its chair or secretary cannot drop it" \
	"Only the meeting's chair and secretary may change this meeting\."
offer_ui I
check_grep "I takes it as an item, numbered on in the committee's year" \
	'^>  § 5 +Report-back: Beslut om bistånd i form a'
check_grep "... and says so" \
	'Added § 5: Report-back: Beslut om bistånd i form av hemtjänst\.'
run "$TILLIT" --db "$UIDB" meeting offers "$UIM"
check_grep "... and it is offered no more" '^Nothing is offered'
uidb offers2
offer_ui -
check_grep "- drops it from the meeting" \
	'Dropped from this meeting: Report-back: Beslut om bistånd i form av hemtjänst\.'
grep -q 'Offered for the agenda' "$W/out" &&
	fail "... and the offers are gone from the screen" ||
	pass "... and the offers are gone from the screen"
run "$TILLIT" --db "$UIDB" meeting offers "$UIM"
check_grep "... and from the meeting's offers" '^Nothing is offered'

# Reporting back moves the next one on a month and clears the Overview.
must tl report-back add --mandate "$M" --reported-on 2026-12-01 \
	--text "Fyrtio beslut, inga avslag."
run tl mandate show "$M"
check_grep "a report-back: the next falls due a month on" \
	'^Next report-back: +2027-01-01$'
printf 'key 3\ndump\n' >"$W/script"
run "$TILLIT" --db "$DB" ui --script "$W/script" --size 120x20
check_grep "the delegation register has a column of the last report-back" \
	' Last report-back$'
check_grep "... the mandate's, the one just made" \
	'Beslut om bistånd i form av hemtjänst .* active +2026-12-01$'
check_grep "... and a dash for one that has made none" \
	'Beslut om placering i förskola .* active +—$'
run tl export undone --unit Socialnämnden --format txt
check_grep "... and the undone report has no mandate left" \
	'^None: every mandate has reported back in time\.$'

# Carrying the decision out.
X=$(tl execution list --open --format csv | sed -n 2p | cut -d, -f1)
must tl execution edit "$X" --status done --done-on 2026-12-02
run tl export undone --format txt
check_same "done, the decision leaves the undone report" \
	"$(grep -c 'Läsårstider' "$W/out")" 0

# Closed, an execution is done today; opened again, it is not done.
X2=$(tl execution list --format csv | grep 'Delegationsordning' | cut -d, -f1)
must tl execution edit "$X2" --status open
run tl execution show "$X2" --format json
check_same "opened again, an execution has no day it was done" \
	"$(grep -c '"done_on"' "$W/out")" 0
must tl execution close "$X2"
run tl execution show "$X2" --format json
check_same "... and closed, it was done today" \
	"$(json_value "$W/out" '$.status') $(json_value "$W/out" '$.done_on')" \
	"done 2026-12-02"

# Cadences, and what is refused.
must tl mandate edit "$M" --report-every tertial
run tl mandate show "$M"
check_grep "tertial: four months on" '^Next report-back: +2027-04-01$'
run tl mandate edit "$M" --report-every weekly
check_err "a cadence is one of the five" 1 'report_every'
run tl report-back add --mandate "$M" --text "Utan datum"
check_err "a report-back needs its day" 1 'reported_on is required'
run tl export undone --period 2025
check_err "--period is the goal report's alone" 2 "--period is the goal report's"
run tl export undone --owner "Sofia Bäckström"
check_err "undone takes --unit only" 2 "'undone' takes --unit, not --owner"

# In Swedish.
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" export undone \
	--format txt
check_grep "Swedish: the title" '^Ej verkställt, 2026-12-02: alla enheter$'

done_testing
