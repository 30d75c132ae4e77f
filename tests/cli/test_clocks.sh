#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_clocks.sh - the legal clocks of a committee's protokoll
# (issue 16, point 3), on a fixed clock: a meeting on Thursday 17
# December 2026 whose periods cross the new year and Christmas.
# Justering is due within 14 days (New Year's Eve, so Monday 4 January);
# the notice by the second day after justering (justered on 22 December:
# Christmas Eve, so Monday 28 December); the appeal window three weeks
# from the notice (posted on 23 December: 13 January, the decisions
# standing from the 14th).  The notice's rules, who may post it, and the
# Overview's warning to the secretary.
. "$(dirname "$0")/lib.sh"

must tl init --demo
i_am "Sofia Bäckström"
M="Kommunstyrelsens sammanträde i december"
must tl meeting add --title "$M" --kind committee --unit Kommunstyrelsen \
	--starts-at "2026-12-17 09:00" --location "Stadshuset"
for who in "Karin Sjöberg:chair" "Sofia Bäckström:secretary" \
	"Anders Holmgren:adjuster"; do
	must tl participant add --meeting "$M" --person "${who%%:*}" \
		--role "${who#*:}" --attendance present
done
must tl item add --meeting "$M" --title "Val av justerare" --kind decision

run env TILLIT_NOW="2026-12-30 10:00" "$TILLIT" --db "$DB" meeting show "$M"
check_grep "before justering: due on the first working day after New Year" \
	'^Justering due: +2027-01-04 \(14 days after the meeting; 2026-12-31 is New Year.s Eve\), in 5 days$'
check_grep "... and the notice waits for justering" \
	'^Notice due: +the second day after justering$'
run env TILLIT_NOW="2027-01-05 10:00" "$TILLIT" --db "$DB" meeting show "$M"
check_grep "a day after, justering is overdue" \
	'^Justering due: +2027-01-04 .*, 1 day overdue$'

cat >"$W/script" <<SCRIPT
dump
SCRIPT
run env TILLIT_NOW="2026-12-30 10:00" "$TILLIT" --db "$DB" ui \
	--script "$W/script" --size 110x40
if [ "$RC" = 0 ] && grep -q "My justering and notices due" "$W/out" &&
	grep -q "Justering of $M: due 2027-01-04, in 5 days\." "$W/out"; then
	pass "the Overview warns the secretary"
else
	fail "the Overview warns the secretary" "$(cat "$W/out" "$W/err")"
fi
run env TILLIT_NOW="2026-12-30 10:00" "$TILLIT" --db "$DB" \
	--as "Åsa Öberg" ui --script "$W/script" --size 110x40
if [ "$RC" = 0 ] && ! grep -q "My justering and notices due" "$W/out"; then
	pass "... and not an employee who keeps no minutes"
else
	fail "... and not an employee who keeps no minutes" "$(cat "$W/out")"
fi

run tl notice add --meeting "$M" --posted-on 2026-12-23
check_err "no notice before the protokoll is justered" 1 \
	'its protokoll is not justered yet'
must tl meeting edit "$M" --status held
must env TILLIT_NOW="2026-12-21 16:00" "$TILLIT" --db "$DB" sign "$M" \
	--by "Karin Sjöberg" --paper
must env TILLIT_NOW="2026-12-22 15:10" "$TILLIT" --db "$DB" sign "$M" \
	--by "Anders Holmgren" --paper
run env TILLIT_NOW="2026-12-23 08:00" "$TILLIT" --db "$DB" meeting show "$M"
check_grep "justered on the day the last signer signed" \
	'^Justered: +2026-12-22$'
check_grep "the notice is due past Christmas" \
	'^Notice due: +2026-12-28 \(the second day after justering; 2026-12-24 is Christmas Eve\), in 5 days$'

run tl notice add --meeting "$M" --posted-on 2026-12-21
check_err "a notice does not go up before the justering" 1 \
	'cannot go up before the justering on 2026-12-22'
run tl notice add --meeting "$M" --posted-on 2026-12-23 \
	--removed-on 2027-01-13
check_err "it stays up until the appeal window has ended" 1 \
	'until the appeal window has ended on 2027-01-13; take it down on 2027-01-14 or later'
run tl --as "Åsa Öberg" notice add --meeting "$M" --posted-on 2026-12-23
check_err "only the chair or secretary posts it" 1 'chair and secretary'
run tl notice add --meeting "$M" --posted-on 2026-12-23 \
	--kept-at "Kommunledningskontoret, Stadshuset" \
	--posted-by "Sofia Bäckström" -q
check_rc "the secretary posts the notice" 0
N=$(last_id)
run tl notice add --meeting "$M" --posted-on 2026-12-24
check_err "one notice a meeting" 1 'announced already, on 2026-12-23'
must tl meeting add --title "Styrningsdialog i december" --kind dialogue \
	--starts-at "2026-12-17 13:00"
must tl participant add --meeting "Styrningsdialog i december" \
	--person "Sofia Bäckström" --role secretary
run tl notice add --meeting "Styrningsdialog i december" \
	--posted-on 2026-12-23
check_err "a dialogue has no notice" 1 'no committee meeting'

run env TILLIT_NOW="2027-01-02 10:00" "$TILLIT" --db "$DB" meeting show "$M"
check_grep "the appeal window runs three weeks from the notice" \
	'^Appeal window ends: +2027-01-13 \(three weeks after the notice\)$'
check_grep "... and then the decisions stand" \
	'^Decisions stand from: +2027-01-14, unless appealed$'
check_grep "the notice is shown as posted" '^Notice posted: +2026-12-23$'
run tl --as "Åsa Öberg" notice list
check_grep "everyone reads the notice board" "2026-12-23 +Kommunstyrelsens sammant"
run tl notice edit "$N" --removed-on 2027-01-14
check_rc "it comes down the day after the window" 0
run tl meeting edit "$M" --location "Rådhuset"
check_err "the signed meeting itself stays locked" 1 'signed'

# The same in Swedish.
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv TILLIT_NOW="2027-01-02 10:00" \
	"$TILLIT" --db "$DB" meeting show "$M"
check_grep "in Swedish: the clocks' words" \
	'^Överklagandetiden går ut: +2027-01-13 \(tre veckor efter anslaget\)$'

# --- a delegated decision announced on its own (8 kap. 12 §) ----------------
# Not reported to the committee: announced on the notice board, its
# appeal window three weeks from that day, past Epiphany (trettondedag
# jul, 2027-01-06).
PLACE="Beslut om placering i förskola"
must tl decision add --mandate "$PLACE" --decided-on 2026-12-15 \
	--summary "Plats på Solbackens förskola, beslutet anslaget" \
	--announced-on 2026-12-16 -q
D=$(last_id)
must tl decision add --mandate "$PLACE" --decided-on 2026-12-15 \
	--summary "Plats på Ekbackens förskola, anmäls till nämnden" -q
run env TILLIT_NOW="2026-12-18 10:00" "$TILLIT" --db "$DB" decision show "$D"
check_grep "an announced decision's appeal window, moved past a holiday" \
	'^Appeal window ends: +2027-01-07 \(three weeks after the notice; 2027-01-06 is Epiphany\), in 20 days$'
check_grep "... and the day it stands" \
	'^Decision stands from: +2027-01-08, unless it is appealed$'
run tl decision add --mandate "$PLACE" --decided-on 2026-12-15 \
	--summary "Fel" --announced-on 2026-12-14
check_err "it cannot be announced before it was decided" 1 \
	'announced_on \(2026-12-14\) is before decided_on \(2026-12-15\)'
must tl meeting add --title "Barn- och utbildningsnämndens sammanträde i januari" \
	--kind committee --unit "Barn- och utbildningsnämnden" \
	--starts-at "2027-01-20 13:00"
run tl export minutes "Barn- och utbildningsnämndens sammanträde i januari" \
	--format md
if grep -q "Ekbackens förskola, anmäls till nämnden" "$W/out" &&
	! grep -q "Solbackens förskola, beslutet anslaget" "$W/out"; then
	pass "the committee is reported the decision not announced, not the announced one"
else
	fail "the committee is reported the decision not announced, not the announced one" \
		"$(grep -n "förskola" "$W/out")"
fi
printf '%s\n' "key /" "type Solbackens beslutet anslaget" "key Enter" \
	"key Enter" dump >"$W/script"
run env TILLIT_NOW="2026-12-18 10:00" "$TILLIT" --db "$DB" ui \
	--script "$W/script" --size 120x40
check_grep "the decision's screen shows its appeal window too" \
	'Appeal window ends +2027-01-07 \(three weeks after the notice; 2027-01-06 is Epiphany\), in 20 days'
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv TILLIT_NOW="2026-12-18 10:00" \
	"$TILLIT" --db "$DB" decision show "$D"
check_grep "in Swedish" '^Beslutet vinner laga kraft: +2027-01-08, om det inte överklagas$'
done_testing
