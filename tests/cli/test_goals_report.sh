#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_goals_report.sh - the goal report (målrapport, issue 18,
# point 6): 'tillit export goals --unit U --period P' writes the demo
# committee's goals and those that break them down, analysis before
# numbers, each indicator's trend and chart, in every document format:
# Markdown, HTML (checked by tidy, the charts as inline SVG), text
# (against expected files), and PDF (read back by pdftotext, which must
# say what the text says); in Swedish too.
. "$(dirname "$0")/lib.sh"

PDFTEXT=$HERE/pdftext.py
SV="env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv"
BUN="Barn- och utbildningsnämnden"

must tl init --demo

for fmt in md txt html; do
	run tl export goals --unit "$BUN" --period 2025 --format "$fmt"
	check_out "the committee's goal report for 2025 as $fmt" \
		"goals-report.$fmt"
done
run $SV "$TILLIT" --db "$DB" export goals --unit "$BUN" --period 2025 \
	--format txt
check_out "... and in Swedish" goals-report-sv.txt

tl export goals --unit "$BUN" --period 2025 --format html \
	--output "$W/report.html" >/dev/null
html_ok "the HTML report is valid (tidy)" "$W/report.html"
check_same "... each indicator a chart in inline SVG, a bar a figure" \
	"$(grep -c '<svg ' "$W/report.html")|$(grep -o '<rect ' \
	"$W/report.html" | wc -l)|$(grep -o 'stroke-dasharray' \
	"$W/report.html" | wc -l)" "3|9|3"
check_same "... the charts named for screen readers" \
	"$(grep -c '<title>Elever i åk 9 som är behöriga' "$W/report.html")" 1

# PDF: what pdftotext reads is what the text says.
run tl export goals --unit "$BUN" --period 2025 --format txt \
	--output "$W/report.txt"
run tl export goals --unit "$BUN" --period 2025 --format pdf \
	--output "$W/report.pdf"
if [ "$RC" = 0 ] && python3 "$PDFTEXT" same "$W/report.pdf" \
	"$W/report.txt" >"$W/cmp" 2>&1; then
	pass "the PDF report says what the text says"
else
	fail "the PDF report says what the text says" "$(cat "$W/cmp")"
fi
pdftotext -layout "$W/report.pdf" - >"$W/pdf.txt" 2>/dev/null
check_same "... its charts in a fixed-width font: the target marks line up" \
	"$(grep -E '^ +20(23|24|25) +8[1-4]\.[0-9] ' "$W/pdf.txt" |
	   python3 -c 'import sys
print(len({l.rstrip("\n").index("\u2502") for l in sys.stdin}))')" 1

# A period without analyses says so; every unit's report starts at the
# council's goal.
run tl export goals --unit "$BUN" --period 2024 --format txt
check_same "a period no unit has analysed: each goal says so" \
	"$(grep -c 'no analysis of 2024 yet' "$W/out")" 4
run tl export goals --format txt
check_grep "every unit's report, for the year before today" \
	'^Goal report 2025: every unit$'
check_grep "... from the council's direction goal" \
	'^Alla barn och elever ges förutsättningar att nå sin fulla potential$'

# 'goals' in a list's formats is the list of goal records.
run tl export goals --format csv
check_grep "export goals --format csv lists the goals" \
	'^id,title,description,kind,unit,parent,period,'
run tl export goals --period 2026H3
check_err "a period must be one" 2 'period must be a year'
run tl export goals --owner "Sofia Bäckström"
check_err "the report takes --unit and --period only" 2 \
	'The goal report takes --unit and --period, not --owner'
run tl export followups --period 2025
check_err "--period is the goal report's" 2 "--period is the goal report's"
run tl export goals --unit "Ingen sådan enhet"
check_err "an unknown unit is one sentence" 1 'Ingen sådan enhet'

done_testing
