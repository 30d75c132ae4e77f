#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_minutes.sh - `tillit export`: the minutes of the demo
# committee meeting as Markdown, HTML and text (each compared with an
# expected file, and the HTML checked as HTML5 by tidy), the summary of a
# one-to-one with "Since last time", the reported delegated decisions
# (each to the first meeting on or after the day it was registered), any list
# as CSV and JSON with filters, escaping, --output and usage errors.
. "$(dirname "$0")/lib.sh"

must tl init --demo
i_am "Sofia Bäckström"

# The id of the meeting titled $1, from the CSV list (id is column 1).
meeting_id() {
	tl meeting list --format csv | awk -F, -v t="$1" '$2 == t {print $1}'
}

# section FILE HEADING: the lines of a Markdown section, without blanks.
section() {
	awk -v h="## $2" '
		$0 == h {on = 1; next}
		/^## / {on = 0}
		on && NF' "$1"
}

BUN="Barn- och utbildningsnämndens sammanträde"
MEETING=$(meeting_id "$BUN")
[ -n "$MEETING" ] && pass "the demo committee meeting is in the list" ||
	fail "the demo committee meeting is in the list"

# --- the demo committee meeting, three ways --------------------------------

run tl export minutes "$MEETING" --format md
check_out "minutes as Markdown" minutes.md
run tl export minutes "$MEETING" --format html
check_out "minutes as HTML" minutes.html
cp "$W/out" "$W/minutes.html"
run tl export minutes "$MEETING" --format txt
check_out "minutes as text" minutes.txt

html_ok "the HTML is valid HTML5 (tidy: no errors, no warnings)" \
	"$W/minutes.html"
if grep -Eq '(src|href)=|@import|url\(' "$W/minutes.html"; then
	fail "the HTML loads nothing from outside"
else
	pass "the HTML loads nothing from outside"
fi
grep -q '@media print' "$W/minutes.html" &&
	grep -q '<html lang="en">' "$W/minutes.html" &&
	grep -q '<meta charset="utf-8">' "$W/minutes.html" &&
	pass "the HTML has lang, charset and a print style" ||
	fail "the HTML has lang, charset and a print style"
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" export minutes \
	"$MEETING" --format html
check_grep "... its lang the language of its labels: Swedish in Swedish" \
	'^<html lang="sv">$'

run tl export minutes "${MEETING%%-*}"
check_grep "a short id and Markdown by default" '^# Minutes: '
run tl export summary "$BUN" --format text
check_grep "'summary' and 'text' are aliases" '^Minutes: '

# --- --output: atomic, private ---------------------------------------------

: >"$W/protokoll.html"
chmod 600 "$W/protokoll.html"
run sh -c 'umask 022 && "$1" --db "$2" export minutes "$3" --format html \
	--output "$4"' sh "$TILLIT" "$DB" "$MEETING" "$W/protokoll.html"
check_rc "--output FILE" 0
cmp -s "$W/protokoll.html" "$W/minutes.html" &&
	pass "the file holds the same minutes" ||
	fail "the file holds the same minutes"
perm=$(stat -c %a "$W/protokoll.html")
[ "$perm" = 600 ] && pass "minutes written over a 0600 file keep 0600" ||
	fail "minutes written over a 0600 file keep 0600" "mode $perm"
[ ! -s "$W/out" ] && pass "nothing on standard output with --output" ||
	fail "nothing on standard output with --output"
n=$(find "$W" -name 'protokoll.html.*' | wc -l)
[ "$n" = 0 ] && pass "no temporary file is left" ||
	fail "no temporary file is left"
run tl export minutes "$MEETING" --output "$W/no/such/dir/m.md"
check_err "--output into a missing folder" 3 'no/such/dir'

# --- a one-to-one: the summary with "Since last time" -----------------------
# (read by its two participants only: here the employee)

run tl --as "Åsa Öberg" export summary "Medarbetarsamtal, november" --format md
check_grep "a one-to-one gives a summary" \
	'^# Summary: Medarbetarsamtal, november$'
section "$W/out" "Since last time" >"$W/since"
grep -q '^Follow-ups from Medarbetarsamtal, oktober (2026-10-12):$' \
	"$W/since" &&
	grep -q '^- Ta fram förslag på introduktion för nya kollegor (Åsa Öberg, due 2026-10-26, done: Förslaget klart' \
	"$W/since" &&
	grep -q '^- Kontakta bemanningsenheten om vikarier till jul och nyår (Björn Åkesson, due 2026-11-02, open)$' \
	"$W/since" &&
	pass "Since last time: last meeting's follow-ups and what became of them" ||
	fail "Since last time: last meeting's follow-ups and what became of them" \
		"$(cat "$W/since")"
section "$W/out" "Participants" >"$W/parties"
grep -q 'Manager:\*\* Björn Åkesson$' "$W/parties" &&
	grep -q 'Employee:\*\* Åsa Öberg$' "$W/parties" &&
	pass "the summary names the two parties" ||
	fail "the summary names the two parties" "$(cat "$W/parties")"
for want in "## Agreed frames" "## Mandates granted" "## Agreed follow-ups" \
	"### Tid för att införa den nya introduktionen för nya kollegor" \
	"- Skicka ut julschemat till arbetslaget (Björn Åkesson, due 2026-11-21, action)"; do
	if grep -qxF -- "$want" "$W/out"; then
		pass "summary has: $want"
	else
		fail "summary has: $want"
	fi
done
run tl --as "Åsa Öberg" export summary "Medarbetarsamtal, december" --format txt
check_grep "open follow-ups from earlier meetings carry over" \
	'^- Kontakta bemanningsenheten om vikarier till jul och nyår \(Björn'
run tl --as "Åsa Öberg" export summary "Medarbetarsamtal, oktober"
check_grep "the first meeting of a series says so" \
	'^This is the first meeting of its series\.$'

# --- reported delegated decisions -------------------------------------------
#
# The demo meeting (2026-11-16) gets a previous meeting (2026-10-19) and a
# next one (2026-12-14).  Each decision under the committee's mandates goes
# to the first of them on or after the day it was registered:
#   A  registered 2026-10-18                  -> October
#   B  registered on October's day            -> October
#   C  registered 2026-11-15                  -> November
#   D  registered on November's day           -> November
#   F  registered 2026-11-20, dated 2026-11-10 -> December
#   E  registered on December's day, and two of the demo's (registered
#      when it was made, 2026-11-23)           -> December
# (the demo's third, announced on its own, goes to no meeting),
# and one under another committee's mandate (never here).

must tl meeting add -q --title "BUN oktober" --kind committee \
	--unit "Barn- och utbildningsnämnden" --starts-at "2026-10-19 13:00" \
	--status held
OCT=$(last_id)
must tl meeting add -q --title "BUN december" --kind committee \
	--unit "Barn- och utbildningsnämnden" --starts-at "2026-12-14 13:00"
DEC=$(last_id)
# Another committee meets in between: it does not count.
must tl meeting add -q --title "SN november" --kind committee \
	--unit "Socialnämnden" --starts-at "2026-11-02 13:00"
PLACE="Beslut om placering i förskola"
# decision WHEN [--as PERSON] ARGS...: `decision add ARGS` registered at
# WHEN (by PERSON: the one given the mandate, or the secretary of the
# meeting it was given in).
decision() {
	now=$1
	shift
	as=
	if [ "$1" = --as ]; then
		as=$2
		shift 2
	fi
	if [ -n "$as" ]; then
		must env TILLIT_NOW="$now" "$TILLIT" --db "$DB" --as "$as" \
			decision add "$@"
	else
		must env TILLIT_NOW="$now" "$TILLIT" --db "$DB" decision add "$@"
	fi
}
decision "2026-10-18 09:00" --mandate "$PLACE" --decided-on 2026-10-17 \
	--summary "A: före förra sammanträdet"
decision "2026-10-19 09:00" --mandate "$PLACE" --decided-on 2026-10-19 \
	--summary "B: på förra sammanträdets dag"
decision "2026-11-15 09:00" --mandate "$PLACE" --decided-on 2026-11-15 \
	--summary "C: dagen före" --decided-by "Elin Söderlund"
decision "2026-11-16 09:00" --mandate "$PLACE" --decided-on 2026-11-16 \
	--summary "D: på sammanträdets dag" --case-ref "BUN 2026/50"
decision "2026-11-20 09:00" --mandate "$PLACE" --decided-on 2026-11-10 \
	--summary "F: registrerat sent"
decision "2026-12-14 09:00" --mandate "$PLACE" --decided-on 2026-12-14 \
	--summary "E: på decembersammanträdets dag"
decision "2026-11-01 09:00" --as "Ingrid Nordén" \
	--mandate "Beslut om bistånd i form av hemtjänst" \
	--decided-on 2026-11-01 --summary "X: socialnämndens"

# reported MEETING: the summaries in the section, one a line.
reported() {
	tl export minutes "$1" --format md >"$W/rep.md" 2>"$W/err"
	section "$W/rep.md" "Reported delegated decisions" |
		sed -n 's/^- [0-9-]*: \([^ ]*\).*/\1/p' | tr '\n' ' '
}

got=$(reported "$MEETING")
[ "$got" = "C: D: " ] &&
	pass "reported: exactly those registered since the previous meeting (C, D)" ||
	fail "reported: exactly those registered since the previous meeting (C, D)" \
		"got: $got"
got=$(reported "$OCT")
[ "$got" = "A: B: " ] &&
	pass "reported without a previous meeting: all registered by its day (A, B)" ||
	fail "reported without a previous meeting: all registered by its day (A, B)" \
		"got: $got"
got=$(reported "$DEC")
[ "$got" = "F: Placering Avslag E: " ] &&
	pass "reported at the next meeting: F, the demo's two not announced, and E" ||
	fail "reported at the next meeting: F, the demo's two not announced, and E" \
		"got: $got"
tl export minutes "$MEETING" >"$W/rep.md"
section "$W/rep.md" "Reported delegated decisions" >"$W/rep"
grep -qxF -e '- 2026-11-16: D: på sammanträdets dag (Märta Ängström, under "Beslut om placering i förskola", case BUN 2026/50)' \
	"$W/rep" &&
	grep -qxF -e '- 2026-11-15: C: dagen före (Elin Söderlund, under "Beslut om placering i förskola")' \
	"$W/rep" &&
	grep -qxF "Decisions taken under the committee's mandates and registered since its previous meeting on 2026-10-19, and earlier ones not yet reported." \
	"$W/rep" &&
	pass "a reported decision: date, summary, who, mandate and case" ||
	fail "a reported decision: date, summary, who, mandate and case" \
		"$(cat "$W/rep")"

# --- escaping -----------------------------------------------------------------

must tl item add --meeting "$DEC" --title "<script>alert(\"x\")</script> & 'co'" \
	--kind decision --question how --decided-by politics \
	--notes "*inte* _kursiv_ [länk](x) &amp; #1" --decision "a < b && c > d"
run tl export minutes "$DEC" --format html
cp "$W/out" "$W/esc.html"
grep -qF '<h3>§ 6 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</h3>' \
	"$W/esc.html" &&
	grep -qF 'a &lt; b &amp;&amp; c &gt; d' "$W/esc.html" &&
	! grep -q '<script' "$W/esc.html" &&
	pass "HTML: <script>, &, quotes are escaped" ||
	fail "HTML: <script>, &, quotes are escaped" \
		"$(grep -n 'script' "$W/esc.html" | head -3)"
html_ok "the escaped HTML is still valid" "$W/esc.html"
grep -q '<p class="flag"><strong>Governance:</strong> .*in the grey zone' "$W/esc.html" &&
	pass "HTML: a how question decided by politics is flagged grey zone" ||
	fail "HTML: a how question decided by politics is flagged grey zone"
run tl export minutes "$DEC" --format md
check_grep "Markdown: < > and quotes cannot become HTML" \
	'^### § 6 \\<script\\>alert\("x"\)\\</script\\> & '"'co'"'$'
check_grep "Markdown: the grey zone is flagged" \
	'^> \*\*Governance:\*\* .*in the grey zone: the how belongs to the administration\.$'
check_grep "Markdown: emphasis, links and entities stay text" \
	'^\\\*inte\\\* \\_kursiv\\_ \\\[länk\\\]\(x\) \\&amp; #1$'
run tl export minutes "$DEC" --format txt
check_grep "text: as typed" '^  \*inte\* _kursiv_ \[länk\]\(x\) &amp; #1$'
check_grep "text: the grey zone is flagged" '^  \[!\] Governance: '

# --- any list as CSV and JSON, with filters --------------------------------

# The export writes what `list` writes, in full (every page).
same_as_list() {
	name=$1
	shift
	if ! tl export "$@" >"$W/exp" 2>"$W/err"; then
		fail "$name" "export failed: $(head -1 "$W/err")"
		return
	fi
	noun=$1
	shift
	if ! tl "$noun" list --limit 100000 "$@" >"$W/lst" 2>"$W/err"; then
		fail "$name" "list failed: $(head -1 "$W/err")"
	elif cmp -s "$W/exp" "$W/lst"; then
		pass "$name ($(wc -l <"$W/exp" | tr -d ' ') lines)"
	else
		fail "$name" "$(diff "$W/lst" "$W/exp" | head -5)"
	fi
}

same_as_list "followups as CSV" followup --format csv
same_as_list "followups --owner as CSV" followups --format csv \
	--owner "Björn Åkesson"
same_as_list "followups --from --to as CSV" followup --format csv \
	--from 2026-11-01 --to 2026-12-01
same_as_list "followups --owner --from --to --open as CSV" followup \
	--format csv --owner "Märta Ängström" --from 2026-11-01 --to 2027-06-01 \
	--open
same_as_list "mandates --unit as JSON" mandate --format json \
	--unit "Barn- och utbildningsnämnden"
same_as_list "meetings --kind --from as JSON" meeting --format json \
	--kind committee --from 2026-11-01
same_as_list "decisions --from --to as CSV" decision --format csv \
	--from 2026-11-01 --to 2026-12-01

# Exports show what the one exporting may read: Björn's own follow-ups,
# those of his one-to-ones too, as Björn.
run tl --as "Björn Åkesson" export followups --owner "Björn Åkesson" \
	--from 2026-11-01 --to 2026-12-01
check_grep "CSV is the default for a list, with a header" \
	'^id,text,kind,owner,due,meeting,'
rows=$(($(wc -l <"$W/out") - 1))
[ "$rows" = 3 ] && pass "--owner and --from/--to select the three" ||
	fail "--owner and --from/--to select the three" "$rows rows"
if [ "$(tr -cd '\r' <"$W/out" | wc -c)" = "$((rows + 1))" ]; then
	pass "CSV lines end in CRLF (RFC 4180)"
else
	fail "CSV lines end in CRLF (RFC 4180)"
fi
run tl --as "Åsa Öberg" export mandates --format json --owner "Åsa Öberg"
check_grep "JSON list export" '^  \{"id": ?"[0-9a-f-]{36}"'
if command -v python3 >/dev/null 2>&1; then
	if python3 -c 'import json,sys; d=json.load(sys.stdin);
assert len(d) == 2 and all("matter" in r for r in d)' <"$W/out"; then
		pass "the JSON list parses, two mandates"
	else
		fail "the JSON list parses, two mandates"
	fi
fi
run tl export followups --format json --from 2030-01-01
check_out "an empty JSON list" empty.json
run tl export followups --format csv --output "$W/f.csv" --open
check_rc "a list to --output FILE" 0
tl followup list --open --format csv --limit 1000 >"$W/f-list.csv"
cmp -s "$W/f.csv" "$W/f-list.csv" && pass "the CSV file holds the list" ||
	fail "the CSV file holds the list"
run tl export followups --format ics --owner "Åsa Öberg"
check_grep "followups as iCalendar" '^BEGIN:VCALENDAR'

# --- the whole database stays as it was ------------------------------------

run tl export
check_grep "export alone is the JSON document" '"format": ?"tillit"'
run tl export --help
check_grep "export --help shows the minutes form" \
	'tillit export minutes MEETING'

# --- usage and errors ----------------------------------------------------------

run tl export minutes
check_err "minutes without a meeting" 2 'meeting'
run tl export minutes "$MEETING" --format csv
check_err "minutes as CSV" 2 'md, html, txt or pdf'
run tl export minutes "$MEETING" --owner "Åsa Öberg"
check_err "minutes take no filters" 2 'filters'
run tl export minutes "Inget sådant möte"
check_err "an unknown meeting" 1 'Inget sådant möte'
run tl export mandates --format ics
check_err "only follow-ups go to iCalendar" 2 'csv or json'
run tl export principles --unit "Socialnämnden"
check_err "a filter the kind lacks" 2 '--unit'
run tl export followups --kind nonsense
check_err "a bad --kind" 1 'nonsense'
run tl export frobs
check_err "an unknown noun" 2 'frobs'
run tl export --owner "Åsa Öberg"
check_err "a filter without a noun" 2 'followups'
run tl export --format md
check_err "the whole database only as JSON" 2 'json'
run tl export followups extra
check_err "an extra argument" 2 'extra'

# --- signatures ---------------------------------------------------------------

must tl sign "$MEETING" --by "Anders Holmgren" --paper
run tl export minutes "$MEETING"
section "$W/out" "Signatures" >"$W/sig"
grep -qxF -e '- **Chair:** Anders Holmgren (2026-11-23 10:00, on paper, recorded by Sofia Bäckström)' \
	"$W/sig" && grep -qxF -e '- **Adjuster:** ................................ Lena Åström' "$W/sig" && pass "minutes show the signatures so far" ||
	fail "minutes show the signatures so far" "$(cat "$W/sig")"
must tl sign "$MEETING" --by "Per-Olof Nyström" --paper
must tl sign "$MEETING" --by "Lena Åström" --paper
run tl export minutes "$MEETING" --format txt
check_grep "signed minutes say who signed, the chair on the chair's line" \
	'^Chair: +Anders Holmgren \(2026-11-23 10:00, on paper, recorded by'
run tl export minutes "$MEETING" --format txt
# Up to the reported decisions (logged above), what was recorded is
# what it was before signing; the status is beside the frozen minutes,
# in their signatures, not in them.
cut='/^Reported delegated decisions$/,$d'
sed -e "$cut" -e '/^Status: *held$/d' \
	"$EXPECTED/minutes.txt" >"$W/held.txt"
sed -e "$cut" "$W/out" >"$W/signed.txt"
if cmp -s "$W/held.txt" "$W/signed.txt"; then
	pass "signing changes nothing recorded"
else
	fail "signing changes nothing recorded" \
		"$(diff "$W/held.txt" "$W/signed.txt" | head -8)"
fi
run tl verify "$MEETING"
check_rc "the signed minutes verify" 0

done_testing
