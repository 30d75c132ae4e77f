#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_pdf.sh - minutes, extracts, notices and summaries as PDF
# (issue 16, point 7), read back with poppler's pdftotext and pdfinfo:
# each says what its text export says, in Swedish and in English, with
# names in any script; every page has the title in its header, and the
# initials field and "Sida N av M" in its footer; the metadata carries
# the title and the language; the fonts are embedded.
. "$(dirname "$0")/lib.sh"

PDFTEXT="$HERE/pdftext.py"
BUN="Barn- och utbildningsnämndens sammanträde"
OCT="Socialnämndens sammanträde i oktober"

must tl init --demo
# Guests whose names Latin-1 cannot spell, one of them right to left.
for name in "Łukasz Wójcik" "Ayşe Doğan" "ليلى حداد"; do
	must tl person add --name "$name" --kind official
	must tl participant add --meeting "$BUN" --person "$name" \
		--role guest --attendance present
done

SV="env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv"

# same NAME STEM LANG ARGS...: the document tillit ARGS exports, as PDF
# and as text, and the PDF read back says what the text says.
same() {
	name=$1 stem=$2 lang=$3
	shift 3
	run $lang "$TILLIT" --db "$DB" "$@" --format txt \
		--output "$W/$stem.txt"
	run $lang "$TILLIT" --db "$DB" "$@" --format pdf \
		--output "$W/$stem.pdf"
	if [ "$RC" != 0 ]; then
		fail "$name" "exit status $RC"
	elif python3 "$PDFTEXT" same "$W/$stem.pdf" "$W/$stem.txt" \
		>"$W/cmp" 2>&1; then
		pass "$name"
	else
		fail "$name" "$(cat "$W/cmp")"
	fi
}

same "the minutes as PDF say what the text says, in Swedish" bun "$SV" \
	export minutes "$BUN"
same "... and in English" bun-en "" export minutes "$BUN"
same "an extract of one § as PDF" extract "$SV" export extract \
	"$BUN" § 3
same "the notice as PDF" notice "$SV" export notice "$OCT"
same "a one-to-one's summary as PDF" summary "$SV" --as "Åsa Öberg" \
	export summary "Medarbetarsamtal, november"

# A name may be broken over two lines of the list of those present.
python3 "$PDFTEXT" body "$W/bun.pdf" 2>&1 | tr '\n' ' ' >"$W/body"
if grep -q "Łukasz Wójcik" "$W/body" &&
	grep -q "Ayşe Doğan" "$W/body" && grep -q "ليلى حداد" "$W/body"; then
	pass "names in Polish, Turkish and Arabic read back as written"
else
	fail "names in Polish, Turkish and Arabic read back as written" \
		"$(grep -n "gäst" "$W/body")"
fi

# The frame, checked page by page by pdftext.py: the minutes are long
# enough for more than one page.
pdfinfo "$W/bun.pdf" >"$W/info" 2>&1
pages=$(sed -n 's/^Pages: *//p' "$W/info")
if [ "${pages:-0}" -ge 2 ] &&
	pdftotext -layout "$W/bun.pdf" - | grep -q "Sida $pages av $pages\$" &&
	pdftotext -layout "$W/bun.pdf" - |
		grep -q "^ *Justerandes signatur:"; then
	pass "every page has its number of all and an initials field ($pages pages)"
else
	fail "every page has its number of all and an initials field" \
		"$(cat "$W/info")"
fi
if grep -q "^Title: *Protokoll: $BUN\$" "$W/info" &&
	grep -aq "/Lang (sv)" "$W/bun.pdf" &&
	grep -aq "/Lang (en)" "$W/bun-en.pdf" &&
	! grep -aq "/Lang (sv)" "$W/bun-en.pdf"; then
	pass "the metadata carry the title and the language of the labels"
else
	fail "the metadata carry the title and the language of the labels" \
		"$(grep Title "$W/info")"
fi
if pdfinfo "$W/bun.pdf" 2>&1 | grep -qi "error"; then
	fail "pdfinfo reads the file without a complaint" \
		"$(pdfinfo "$W/bun.pdf" 2>&1 | grep -i error)"
else
	pass "pdfinfo reads the file without a complaint"
fi
pdffonts "$W/bun.pdf" | awk 'NR > 2 && $(NF - 4) != "yes"' >"$W/unembedded"
if [ "$(pdffonts "$W/bun.pdf" | wc -l)" -gt 2 ] && [ ! -s "$W/unembedded" ]
then
	pass "every font is embedded"
else
	fail "every font is embedded" "$(cat "$W/unembedded")"
fi
python3 "$PDFTEXT" body "$W/bun-en.pdf" >/dev/null 2>"$W/cmp" &&
	pdftotext -layout "$W/bun-en.pdf" - | grep -q "Page 1 of " &&
	pdftotext -layout "$W/bun-en.pdf" - |
		grep -q "^ *Initials of those who sign:" &&
	pass "... and the frame in English" ||
	fail "... and the frame in English" "$(cat "$W/cmp")"

# The bytes go to a file or a pipe, never to a terminal.
run script -qec "'$TILLIT' --db '$DB' export minutes '$BUN' --format pdf" \
	/dev/null
if [ "$RC" = 2 ] && grep -q "pdf is not for a terminal" "$W/out" &&
	! grep -aq "%PDF" "$W/out"; then
	pass "PDF is not written to a terminal"
else
	fail "PDF is not written to a terminal" "status $RC" \
		"$(head -c 200 "$W/out")"
fi
run sh -c "'$TILLIT' --db '$DB' export minutes '$BUN' --format pdf | head -c 5"
check_grep "... but to a pipe" '^%PDF-'

done_testing
