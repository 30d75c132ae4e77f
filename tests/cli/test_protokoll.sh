#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_protokoll.sh - the demo committee's protokoll, an extract
# of one § and the notice of a justering, each in Markdown, HTML, text
# and PDF, against expected files (issue 16, acceptance), in Swedish as a
# municipal secretary reads them (test_minutes.sh has the protokoll in
# English, test_pdf.sh every PDF in both).  The clock is fixed, so
# that the demo's dates are the same at every run; the PDF is compared
# through pdftotext (tests/cli/pdftext.py, which also checks every page's
# header and footer), the HTML through tidy.  UPDATE=1 writes the files
# anew, for a person to review.
. "$(dirname "$0")/lib.sh"

export TILLIT_NOW="2026-12-04 12:00"
BUN="Barn- och utbildningsnämndens sammanträde"
NOV="Socialnämndens sammanträde i november"
SV="env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv"

must tl init --demo

# doc NAME FILE LANG ARGS...: tillit export ARGS in each format, each
# against expected/FILE.FORMAT (the PDF's text as FILE.pdf.txt).
doc() {
	name=$1 file=$2 lang=$3
	shift 3
	for f in md html txt; do
		run $lang "$TILLIT" --db "$DB" export "$@" --format $f
		check_out "$name as $f" "$file.$f"
	done
	run $lang "$TILLIT" --db "$DB" export "$@" --format html \
		--output "$W/doc.html"
	html_ok "$name as HTML passes tidy" "$W/doc.html"
	run $lang "$TILLIT" --db "$DB" export "$@" --format pdf \
		--output "$W/doc.pdf"
	if [ "$RC" != 0 ]; then
		fail "$name as PDF" "exit status $RC"
		return
	fi
	run python3 "$HERE/pdftext.py" body "$W/doc.pdf"
	check_out "$name as PDF, read back by pdftotext" "$file.pdf.txt"
}

doc "the protokoll" protokoll "$SV" minutes "$BUN"
doc "an extract of § 3" extract "$SV" extract "$BUN" § 3
doc "the notice, its appeal window still running" notice "$SV" notice "$NOV"

done_testing
