#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_paragraph_notice.sh - a § justered immediately (omedelbar
# justering, issue 16, point 4) runs clocks of its own, on a fixed clock:
# justered at the meeting on Thursday 17 December 2026, its notice is due
# by the second day after (Saturday the 19th, so Monday the 21st); posted
# that Monday, its appeal window ends three weeks later (Monday 11
# January 2027) and its decision stands from the 12th, while the rest of
# the protokoll waits for its own justering.  The notice's rules, the
# Overview's warning, meeting and item show, the meeting screen, the §'s
# own small protokoll, its notice in every format and the notice board.
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
must tl item add --meeting "$M" --title "Krisberedskap under julen" \
	--kind decision --decision "Kommunstyrelsen inrättar en krisledning under helgerna." -q
I2=$(last_id)
must tl meeting edit "$M" --status held
on() { when=$1; shift; env TILLIT_NOW="$when" "$TILLIT" --db "$DB" "$@"; }

run on "2026-12-17 11:00" item show "$I2"
if [ "$RC" = 0 ] && ! grep -q "Legal clocks" "$W/out"; then
	pass "a § not yet justered immediately has no clocks of its own"
else
	fail "a § not yet justered immediately has no clocks of its own" \
		"$(cat "$W/out" "$W/err")"
fi
run tl notice add --meeting "$M" --item "$I2" --posted-on 2026-12-18
check_err "... nor a notice" 1 \
	'§ 2 is not justered immediately; its notice goes up once the chair and the justerare have signed it'
run tl export minutes "$M" § 2
check_err "... nor a protokoll of its own" 1 \
	'§ 2 of Kommunstyrelsens sammanträde i december is not justered immediately, so it has no protokoll of its own; export its extract instead\.$'

run on "2026-12-17 11:49" sign "$M" § 2
check_err "the secretary does not sign a §" 1 \
	"Sofia Bäckström does not sign this meeting's minutes; the chair and the justerare do"
run on "2026-12-17 11:50" sign "$M" § 2 --by "Karin Sjöberg"
check_err "another's signature of a § is one given on paper" 2 'add --paper'
run on "2026-12-17 11:50" sign "$M" § 2 --by "Karin Sjöberg" --paper
check_grep "the chair signs § 2 at the meeting" \
	"^Karin Sjöberg signed the immediate justering of § 2 of \"$M\"\.$"
check_grep "... which waits for the justerare" \
	'^1 signature of 2; the chair and every justerare sign it\.$'
run on "2026-12-17 11:52" sign "$M" § 2 --by "Anders Holmgren" --paper
check_grep "the justerare's signature makes it justered immediately" \
	'^§ 2 is now justered immediately and locked; its notice goes up by the second day after\.$'
run on "2026-12-17 11:53" sign "$M" § 7 --by "Anders Holmgren" --paper
check_err "a § the meeting does not have" 1 'has no § 7\.$'

run on "2026-12-20 10:00" meeting show "$M"
check_grep "the protokoll's own clocks run on" \
	'^Justering due: +2027-01-04 \(14 days after the meeting; 2026-12-31 is New Year.s Eve\), in 15 days$'
check_grep "the § has clocks of its own" \
	'^Legal clocks of § 2, justered immediately:$'
check_grep "... justered at the meeting" '^Justered immediately: +2026-12-17$'
check_grep "... its notice due the second day after, moved past the weekend" \
	'^Notice due: +2026-12-21 \(the second day after justering; 2026-12-19 is Saturday\), in 1 day$'

printf '%s\n' dump >"$W/script"
run on "2026-12-20 10:00" ui --script "$W/script" --size 120x40
check_grep "the Overview warns the secretary of the §'s notice" \
	"Notice of the immediate justering of § 2 of $M: due 2026-12-21, in 1 day\."
run on "2026-12-22 10:00" ui --script "$W/script" --size 120x40
check_grep "... and says when it is overdue" \
	"Notice of the immediate justering of § 2 of $M: due 2026-12-21, 1 day overdue\."

run tl notice add --meeting "$M" --item "$I2" --posted-on 2026-12-16
check_err "the notice does not go up before the § was justered" 1 \
	'cannot go up before the justering on 2026-12-17'
run tl notice add --meeting "$M" --item "$I2" --posted-on 2026-12-21 \
	--removed-on 2027-01-11
check_err "it stays up until the §'s appeal window has ended" 1 \
	'until the appeal window has ended on 2027-01-11; take it down on 2027-01-12 or later'
run tl --as "Åsa Öberg" notice add --meeting "$M" --item "$I2" \
	--posted-on 2026-12-21
check_err "only the chair or secretary posts it" 1 'chair and secretary'
OTHER=$(tl item list --meeting "Barn- och utbildningsnämndens sammanträde" \
	--format csv | grep ',2,Delegationsordning' | cut -d, -f1)
run tl notice add --meeting "$M" --item "$OTHER" --posted-on 2026-12-21
check_err "the § is one of the meeting's" 1 \
	'§ 2 is on the agenda of another meeting'
run tl notice add --meeting "$M" --posted-on 2026-12-21
check_err "the protokoll's notice still waits for its justering" 1 \
	'its protokoll is not justered yet'
run tl notice add --meeting "$M" --item "$I2" --posted-on 2026-12-21 \
	--kept-at "Kommunledningskontoret, Stadshuset" \
	--posted-by "Sofia Bäckström" -q
check_rc "the secretary posts the §'s notice" 0
run tl notice add --meeting "$M" --item "$I2" --posted-on 2026-12-22
check_err "one notice a §" 1 \
	'its immediate justering was announced already, on 2026-12-21'

run on "2026-12-28 10:00" item show "$I2"
check_grep "item show: the notice posted" '^Notice posted: +2026-12-21$'
check_grep "... the §'s appeal window, three weeks from its notice" \
	'^Appeal window ends: +2027-01-11 \(three weeks after the notice\)$'
check_grep "... and the day its decision stands" \
	'^Decision stands from: +2027-01-12, unless appealed$'
run on "2026-12-28 10:00" meeting show "$M"
check_grep "the protokoll's notice still waits" \
	'^Notice due: +the second day after justering$'
run on "2026-12-28 10:00" ui --script "$W/script" --size 120x40
if [ "$RC" = 0 ] && ! grep -q "immediate justering of § 2" "$W/out"; then
	pass "a posted notice is no longer due"
else
	fail "a posted notice is no longer due" "$(cat "$W/out")"
fi
printf '%s\n' "key /" "type $M" "key Enter" "key Enter" dump \
	>"$W/mscript"
run on "2026-12-28 10:00" ui --script "$W/mscript" --size 120x50
check_grep "the meeting screen shows the §'s clocks" \
	'Appeal window ends: 2027-01-11 \(three weeks after the notice\)'

# --- its own small protokoll --------------------------------------------------
run on "2026-12-28 10:00" export minutes "$M" § 2 --format txt
check_grep "the § has its own protokoll" \
	"^Minutes of a § justered immediately: $M$"
check_grep "... of that § alone" '^Paragraphs: +§ 2$'
check_grep "... justered at the meeting" \
	'^Place and time of justering: At the meeting, 2026-12-17 11:52'
check_grep "... each signer with the time they signed" \
	'^Adjuster: +Anders Holmgren \(signed 2026-12-17 11:52\)$'
check_grep "... the secretary with a line to sign" \
	'^Secretary: +\.+ Sofia Bäckström$'
check_grep "... and the notice certificate of the §" \
	'^The immediate justering of the § is announced on the notice board\.$'
if ! grep -q "Val av justerare\|Certified a true extract" "$W/out"; then
	pass "... and nothing of the other §§, nor an extract's certificate"
else
	fail "... and nothing of the other §§, nor an extract's certificate" \
		"$(cat "$W/out")"
fi
run on "2026-12-28 10:00" export extract "$M" § 2 --format txt
check_grep "an extract of it shows its justering too" \
	'^Chair: +Karin Sjöberg \(signed 2026-12-17 11:50\)$'
check_grep "... and certifies the extract" '^Certified a true extract$'
run on "2026-12-28 10:00" export minutes "$M" --format txt
check_grep "the full minutes refer to the § justered immediately" \
	'^  Justering: The § is justered immediately, on 2026-12-17 11:52, by Karin'

# --- its notice, in every format, and on the notice board ---------------------
run tl export notice "$M" § 2 --format txt
check_grep "the §'s notice" "^Notice of justering: $M, § 2$"
check_grep "... announces that § alone" \
	"^§ 2 of the protokoll of Kommunstyrelsen's meeting on 2026-12-17 is justered"
check_grep "... with its last day of appeal" '^Last day of appeal: +2027-01-11$'
run tl export notice "$M" § 2 --format md
check_grep "as Markdown" "^# Notice of justering: $M, § 2$"
run tl export notice "$M" § 2 --format html --output "$W/n.html"
check_rc "as HTML" 0
html_ok "... which tidy finds no fault in" "$W/n.html"
run tl export notice "$M" § 2 --format pdf --output "$W/n.pdf"
check_rc "as PDF" 0
run pdftotext -layout "$W/n.pdf" -
check_grep "... whose text says the same" 'Last day of appeal: +2027-01-11'
run tl export notice "$M" § 1
check_err "a § not justered immediately has no notice of its own" 1 \
	'§ 1 of Kommunstyrelsens sammanträde i december is not justered immediately, so it has no notice of its own\.$'
run tl export notice "$M" § 9
check_err "nor a § the meeting does not have" 1 'has no § 9\.$'
run tl export notice "$M" §
check_err "the § needs its number" 2 'Give the number after §'
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" export notice \
	"$M" § 2 --format txt
check_grep "in Swedish" '^§ 2 i protokollet från sammanträdet med Kommunstyrelsen den 2026-12-17'
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" export minutes \
	"$M" § 2 --format txt
check_grep "... and its own protokoll" \
	"^Protokoll, omedelbart justerad paragraf: $M$"
run tl export notices --format atom
check_grep "the notice board has the §'s notice" \
	"<title>Notice of justering: $M, § 2</title>"
run tl notice list
check_grep "the list of notices names the §" \
	'2026-12-21 +Kommunstyrelsens sammant.* +Krisberedskap'
done_testing
