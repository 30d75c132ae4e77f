#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_csv_dialect.sh - CSV for spreadsheets (issue 17, point
# 6): a reference is written as the name it refers to, with its id in a
# column of its own; and --csv-dialect excel-sv writes what Excel under a
# Swedish locale opens as it is: a byte order mark, ';' between cells,
# amounts with a decimal comma, the header and the choices in the
# reader's language.  Read back with Python's csv module.
. "$(dirname "$0")/lib.sh"

must tl init --demo
must tl frame add --description "Resor; utbildning och konferenser" \
	--kind budget --holder-person "Björn Åkesson" --amount "12 500,50" \
	--amount-unit SEK

# rows DIALECT FILE: the records of a CSV as Python reads it, one JSON
# object a line; "bom" first when the file starts with one.
rows() {
	python3 -c 'import csv, json, sys
data = open(sys.argv[2], "rb").read()
if data.startswith(b"\xef\xbb\xbf"):
    print("bom")
    data = data[3:]
text = data.decode("utf-8")
rows = list(csv.reader(text.splitlines(True), delimiter=sys.argv[1]))
widths = {len(r) for r in rows}
print("widths", len(widths))
for r in rows[1:]:
    print(json.dumps(dict(zip(rows[0], r)), ensure_ascii=False))' "$1" "$2"
}
# field FILE DESCRIPTION-START KEY: KEY of the row whose description
# starts so.
field() {
	python3 -c 'import json, sys
for line in open(sys.argv[1]):
    if line.startswith("{"):
        r = json.loads(line)
        if r.get("description", r.get("Description", r.get(
                "Beskrivning", ""))).startswith(sys.argv[2]):
            print(r[sys.argv[3]])' "$1" "$2" "$3"
}

run tl frame list --format csv
rows , "$W/out" >"$W/rfc"
check_same "RFC 4180 by default: no byte order mark, every row as wide" \
	"$(sed -n 1p "$W/rfc")" "widths 1"
check_same "a reference is the name it refers to" \
	"$(field "$W/rfc" "Resor" holder_person)" "Björn Åkesson"
run tl person show "Björn Åkesson" --format json
BJORN=$(json_value "$W/out" '$.id')
check_same "... and its id in a column of its own" \
	"$(field "$W/rfc" "Resor" holder_person_id)" "$BJORN"
check_same "... an unset one empty in both" \
	"$(field "$W/rfc" "Resor" meeting)|$(field "$W/rfc" "Resor" meeting_id)" "|"
check_same "an amount with its decimal point" \
	"$(field "$W/rfc" "Resor" amount)" "12500.5"

run tl frame list --format csv --csv-dialect excel-sv
rows ";" "$W/out" >"$W/sv"
check_same "excel-sv: a byte order mark first" "$(sed -n 1p "$W/sv")" bom
check_same "... ';' between cells, every row as wide" \
	"$(sed -n 2p "$W/sv")" "widths 1"
check_grep "... the header split by ';', in the reader's words" \
	"^.?.?.?ID;Description;Kind;Holder;Holder unit;Amount;.*;Holder \(id\);"
check_same "... a cell holding ';' quoted and whole" \
	"$(field "$W/sv" "Resor" Description)" "Resor; utbildning och konferenser"
check_same "... an amount with a decimal comma" \
	"$(field "$W/sv" "Resor" Amount)" "12500,5"
check_same "... å, ä and ö as written" \
	"$(field "$W/sv" "Resor" Holder)" "Björn Åkesson"
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" frame list \
	--format csv --csv-dialect excel-sv
rows ";" "$W/out" >"$W/sv_sv"
check_same "... under a Swedish locale, the header in Swedish" \
	"$(field "$W/sv_sv" "Resor" Innehavare)|$(field "$W/sv_sv" "Resor" Slag)|$(field "$W/sv_sv" "Resor" Status)" \
	"Björn Åkesson|budget|aktiv"
check_same "... and a choice too (trust level: medel)" \
	"$(field "$W/sv_sv" "Resor" Tillitsnivå)" medel
run tl frame list --format csv
check_grep "RFC 4180 keeps the names programs read by" \
	"^id,description,kind,holder_person,holder_unit,amount,.*,holder_person_id,"
check_same "... as many records as in JSON" \
	"$(grep -c '^{' "$W/sv")" \
	"$("$TILLIT" --db "$DB" frame list --format json | grep -c '"id"')"

run tl export frames --format csv --csv-dialect excel-sv \
	--output "$W/frames.csv"
check_rc "export NOUN takes the dialect too" 0
rows ";" "$W/frames.csv" >"$W/file"
check_same "... its file starts with the byte order mark" \
	"$(sed -n 1p "$W/file")" bom
check_same "... and holds the same rows" "$(cat "$W/file")" "$(cat "$W/sv")"

run tl frame list --format csv --csv-dialect excel
check_err "an unknown dialect is named, with the two there are" 2 \
	"^tillit: Unknown CSV dialect \"excel\"; use rfc4180 or excel-sv\\."
done_testing
