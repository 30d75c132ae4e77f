#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_notice_export.sh - the notice of a committee's justering
# (anslagsbevis) in every format of the minutes, and the notice board as
# an Atom feed, read back by python3-feedparser (issue 16, point 3).
. "$(dirname "$0")/lib.sh"

must tl init --demo
OCT="Socialnämndens sammanträde i oktober"

run tl export notice "$OCT" --format txt
check_grep "the notice says when the appeal window ends" \
	'^Last day of appeal: +2026-11-17$'
check_grep "... which §§ the protokoll holds" '^Paragraphs: +§§ [0-9]+–[0-9]+$'
check_grep "... where the protokoll is kept" \
	'^Protokoll kept at: +Socialförvaltningen, Stadshuset$'
check_grep "... and who certifies it" '^Certified by: +Sofia Bäckström$'
check_grep "... and when it may come down" \
	'^Taken down on: +2026-11-18 at the earliest$'
run tl export notice "$OCT" --format md
check_grep "as Markdown" '^# Notice of justering: Socialnämndens sammanträde i oktober$'
run tl export notice "$OCT" --format html --output "$W/n.html"
check_rc "as HTML" 0
if tidy -q -e "$W/n.html" >"$W/tidy" 2>&1 && [ ! -s "$W/tidy" ]; then
	pass "... which tidy finds no fault in"
else
	fail "... which tidy finds no fault in" "$(cat "$W/tidy")"
fi
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" export notice \
	"$OCT" --format txt
check_grep "in Swedish" '^Sista dag för överklagande: +2026-11-17$'
run tl export notice "Barn- och utbildningsnämndens sammanträde"
check_err "a meeting not yet justered has no notice" 1 'has no notice yet'

# The feed: parsed by a feed reader, one entry per notice.
run tl export notices --format atom --output "$W/feed.atom"
check_rc "the notice board as an Atom feed" 0
/usr/bin/python3 - "$W/feed.atom" >"$W/parsed" 2>&1 <<'PY'
import sys, feedparser
f = feedparser.parse(sys.argv[1])
if f.bozo:
    print("bozo:", f.bozo_exception)
    sys.exit(1)
print("version", f.version)
print("title", f.feed.title)
for e in f.entries:
    print("entry", e.id, "|", e.title, "|", e.published[:10], "|",
          e.summary[:40])
PY
if [ $? = 0 ] && grep -q "^version atom10$" "$W/parsed" &&
	grep -q "^entry urn:uuid:.* | Notice of justering: $OCT | 2026-10-27 | The protokoll of Socialnämnden" \
		"$W/parsed"; then
	pass "... which python3-feedparser reads back, entry by entry"
else
	fail "... which python3-feedparser reads back, entry by entry" \
		"$(cat "$W/parsed")"
fi
run tl export notices --format csv
check_grep "the notice board also as CSV" '^id,'
run tl export followups --format atom
check_err "a feed is of notices only" 2 'atom'
# An extract of one § (protokollsutdrag), in every format.
BUN="Barn- och utbildningsnämndens sammanträde"
run tl export extract "$BUN" § 5 --format txt
check_grep "an extract holds the § asked for" '^§ 5 Läsårstider 2027/2028$'
if grep -q "^§ 3 " "$W/out"; then
	fail "... and no other" "$(grep '^§' "$W/out")"
else
	pass "... and no other"
fi
check_grep "... with the disqualification the § records" \
	'Lena Åström is disqualified'
check_grep "... how far justering has come" 'The minutes are not justered yet\.'
check_grep "... and the secretary's certificate" '^Secretary: +Sofia Bäckström$'
run tl export extract "$OCT" 2 --format md
check_grep "a signed meeting's extract says who signed" \
	'^- \*\*Chair:\*\* Birgitta Öhman \(20[0-9-]* [0-9:]*, with their own key\)$'
run tl export extract "$BUN" § 5 --format html --output "$W/x.html"
if tidy -q -e "$W/x.html" >"$W/tidy" 2>&1 && [ ! -s "$W/tidy" ]; then
	pass "the extract as HTML passes tidy"
else
	fail "the extract as HTML passes tidy" "$(cat "$W/tidy")"
fi
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" export extract \
	"$BUN" § 5 --format txt
check_grep "in Swedish: Rätt utdraget intygar" '^Rätt utdraget intygar$'
# ... and from the full-screen program: U on the run's step of a §.
i_am "Sofia Bäckström"
printf 'key 2\nkey Down\nkey Enter\nkey r\nkey n\nkey n\nkey n\nkey n\nkey n\nkey U\ntype t\nkey Enter\ndump\n' \
	>"$W/script"
(cd "$W" && "$TILLIT" --db "$DB" ui --script "$W/script" --size 110x40 \
	>"$W/out" 2>"$W/err")
if grep -q "Wrote extract-§-5\.txt\." "$W/out" &&
	grep -q "^§ 5 Läsårstider 2027/2028$" "$W/extract-§-5.txt"; then
	pass "full-screen: U exports the current § as an extract"
else
	fail "full-screen: U exports the current § as an extract" \
		"$(tail -3 "$W/out")" "$(cat "$W/err")"
fi
run tl export extract "$BUN" § 42
check_err "a § the meeting does not have" 1 'has no § 42\.$'
run tl export extract "$BUN"
check_err "an extract needs its §" 2 'Give the § to extract'
done_testing
