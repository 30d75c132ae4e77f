#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_records.sh - adding and listing records: the table (with
# å, ä, ö and CJK names lined up), JSON and CSV, show, and the help.
. "$(dirname "$0")/lib.sh"

# --- the program itself ----------------------------------------------------

run "$TILLIT" --version
check_out "--version" version.txt
run "$TILLIT" --help
check_grep "--help lists the commands" '^  followup +follow-ups$'
run "$TILLIT" help followup add
check_grep "help followup add lists the field options" \
	'^  --owner PERSON +who follows it up \(required\)$'
run "$TILLIT" followup add --help
check_out "followup add --help" help-followup-add.txt
run "$TILLIT" followup list -h
check_out "followup list -h" help-followup-list.txt
run "$TILLIT" frame --help
check_out "frame --help" help-frame.txt
run tl followup list
if on_pg; then
	check_err "list before init" 1 \
		"^tillit: The database t_[0-9a-z_]+ on /[^ ]+ holds no tillit data yet; run tillit init first\.$"
else
	check_err "list before init" 1 \
		"^tillit: No database at .*x\.db; run 'tillit init' to create one\.$"
fi
! db_made && pass "a read command creates no database" ||
	fail "a read command creates no database"

# Without a command the full-screen program starts; with no terminal it
# says what to use instead, and creates nothing.
run tl </dev/null
check_err "no command and no terminal" 1 \
	"^tillit: The full-screen program needs a terminal; see .tillit --help. for the command line\.$"
! db_made && pass "no terminal, no database created" ||
	fail "no terminal, no database created"
run "$TILLIT" --nonsense
check_err "an unknown global option" 2 "^tillit: Unknown option '--nonsense'\. Try 'tillit --help'\.$"
run "$TILLIT" --db
check_err "--db without a path" 2 "needs a value"
run env TILLIT_NOW=yesterday "$TILLIT" --db "$DB" followup list
check_err "a bad TILLIT_NOW" 1 'TILLIT_NOW'

# --- init ------------------------------------------------------------------

run tl init
if on_pg; then
	check_grep "init" '^Created t_[0-9a-z_]+ on /[^ ]+\.$'
else
	check_grep "init" '^Created .*/x\.db\.$'
	perm=$(stat -c %a "$DB" 2>/dev/null)
	[ "$perm" = 600 ] && pass "the database is mode 0600" ||
		fail "the database is mode 0600" "mode $perm"
fi
run tl init
check_grep "init again" '^Database .*(/x\.db| on /.*) already exists\.$'
run tl principle list
check_out "the Vadstena principles" principles.txt
NATIONAL=$(newdb national) || exit 1
must "$TILLIT" --db "$NATIONAL" init --principles national
run "$TILLIT" --db "$NATIONAL" principle list --format csv
n=$(($(wc -l <"$W/out") - 1))
[ "$n" = 8 ] && pass "init --principles national gives eight" ||
	fail "init --principles national gives eight" "$n principles"

# --- units and people, with å, ä, ö and wide characters -------------------

run tl unit add --name "Socialnämnden" --kind committee
check_grep "unit add" '^Added unit [0-9a-f]{8}: Socialnämnden\.$'
must tl unit add --name "Äldreomsorgen" --kind administration \
	--parent Socialnämnden
must tl unit add --name "Hemtjänst Öst" --kind team --parent Äldreomsorgen
run tl person add --name "Åsa Öberg" --kind manager --unit Äldreomsorgen \
	--title Enhetschef --login asaob
check_grep "person add with å, ä, ö" '^Added person [0-9a-f]{8}: Åsa Öberg\.$'
must tl person add --name "王小明" --kind employee --unit "Hemtjänst Öst" \
	--title "Undersköterska" --login wangx
must tl person add --name "Björn Ängström" --kind employee \
	--unit "Hemtjänst Öst" --title Vårdbiträde --login bjoan
must tl person add --name "Zoë Ek" --kind elected --login zoeek
run tl person add -q --name "Erik Lund" --kind official --login erikl
check_grep "add -q prints only the full id" \
	'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'

run tl unit list
check_out "unit list: parents by name" unit-list.txt
run tl person list
check_out "person list: å, ä, ö and CJK line up" person-list.txt
# Every row of the people table ends in a login of five cells, so every
# line must be exactly as wide as the header on a terminal.
width_ok=true
hw=$(sed -n 1p "$W/out" | wc -L)
while IFS= read -r line; do
	lw=$(printf '%s\n' "$line" | wc -L)
	[ "$lw" = "$hw" ] || width_ok=false
done <"$W/out"
$width_ok && pass "every line of the table is $hw cells wide" ||
	fail "every line of the table is $hw cells wide"

# --- follow-ups ------------------------------------------------------------

run tl followup add --text "Ring Åsa om budgeten" --owner "Åsa Öberg" \
	--due +14d --kind result
check_grep "followup add with --due +14d" \
	'^Added follow-up [0-9a-f]{8}: Ring Åsa om budgeten\.$'
must tl followup add --text "$(printf 'Kolla schemat för 王小明\nAndra raden')" \
	--owner 王小明 --due 2026-11-01
must tl followup add --text 'Svara på "frågan", snart' --owner "Björn Ängström" \
	--due tomorrow
must tl followup add --text "Utan datum" --owner "Zoë Ek"

run tl followup list
check_out "followup list" followup-list.txt
run tl followup list --format json
check_out "followup list --format json" followup-list.json
run tl followup list --format csv
check_out "followup list --format csv (RFC 4180)" followup-list.csv
crlf=$(grep -c "$(printf '\r')\$" "$W/out")
[ "$crlf" = 5 ] && pass "csv lines end in CRLF" ||
	fail "csv lines end in CRLF" "$crlf of 5 lines do"

run tl followup show "Ring Åsa om budgeten"
check_out "followup show (by its text)" followup-show.txt
id=$(tl followup list --format csv | grep "^[0-9a-f-]*,Utan datum" | cut -d, -f1)
run tl followup show "$id" --format json
check_grep "show --format json" "^\\{\"id\": \"$id\", \"created_at\": "

run tl followup add --text "Ogiltigt" --owner "Zoë Ek" --due 2026-02-30
check_err "a date that does not exist" 1 '2026-02-30'
run tl followup add --text "Fel nyckel" --owner "Zoë Ek" --closed-at "2026-11-23 10:00"
check_err "a field set by tillit is refused" 1 'set by tillit'
run tl followup add --text "Utan ägare" --owner "Ingen Alls"
check_err "an owner nobody is called" 1 'No person matches "Ingen Alls"'
run tl followup add --text "Extra" --owner "Zoë Ek" extra
check_err "a stray argument to add is usage" 2 "extra"
run tl followup frobnicate
check_err "an unknown action is usage" 2 \
	"^tillit: Unknown action 'frobnicate' for follow-ups\. Try 'tillit followup --help'\.$"
run tl followups --open --limit 1
check_grep "a plural noun alone lists" '^ID +Due +Status +Owner +Text$'
run tl follow-up list --owner 王小明 --format csv
check_grep "follow-up (with a dash) and an owner by CJK name" \
	',"Kolla schemat för 王小明$'

# --- narrow terminals ------------------------------------------------------

run env COLUMNS=50 "$TILLIT" --db "$DB" followup list
check_out "COLUMNS=50 narrows the text" followup-list-50.txt
run tl followup list --limit 2
check_out "--limit 2" followup-list-limit2.txt

# --- empty lists -----------------------------------------------------------

run tl mandate list
check_out "an empty list" empty-mandates.txt
run tl mandate list --format json
check_out "an empty list in JSON" empty.json
run tl balance list --format csv
check_out "an empty list in CSV is the header" empty-balances.csv

# Columns are sized on the first page, but a date further down must not
# be cut: 100 undated follow-ups, then one with a date, newest first.
DB2=$(newdb paged) || exit 1
must "$TILLIT" --db "$DB2" init
must "$TILLIT" --db "$DB2" person add --name "Åsa" --kind employee
i=0
while [ $i -lt 100 ]; do
	printf 'followup add --text "Punkt %d" --owner Åsa\n' "$i"
	i=$((i + 1))
done >"$W/adds"
while read -r line; do
	eval "\"$TILLIT\" --db \"$DB2\" $line" >/dev/null || break
done <"$W/adds"
must "$TILLIT" --db "$DB2" followup add --text "Daterad" --owner Åsa \
	--due 2026-12-24
run "$TILLIT" --db "$DB2" followup list --reverse
check_grep "a date on a later page is shown whole" '2026-12-24  open +Åsa +Daterad'

done_testing
