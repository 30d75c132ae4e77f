#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tillit migrate: a whole database copied into an empty one and back,
# checked before it is kept.  The target is the test's database ($DB): an
# SQLite file here, a PostgreSQL database when the suite runs on a server,
# so the same cases move a file to PostgreSQL and back.
. "$(dirname "$0")/lib.sh"

SRC=$W/a.db
must "$TILLIT" --db "$SRC" init --demo
# A change after the demo: the audit log has an update as well as creates.
must "$TILLIT" --db "$SRC" followup add --text "Återkoppla om äldreomsorgens ramar" --owner "Björn Åkesson" -q
"$TILLIT" --db "$SRC" export >"$W/a.json"
"$TILLIT" --db "$SRC" log --limit 1000 --format json >"$W/a.log"

run "$TILLIT" --db "$SRC" migrate --to "$DB"
check_grep "migrate --to copies and says what" '^Copied [0-9]+ records, [0-9]+ audit rows and [0-9]+ keys from .* the same [0-9]+ bytes\.$'
run tl export
if [ "$RC" = 0 ] && cmp -s "$W/out" "$W/a.json"; then
	pass "the copy exports the same bytes"
else
	fail "the copy exports the same bytes" "$(diff "$W/a.json" "$W/out" | head -5)"
fi
run tl log --limit 1000 --format json
if [ "$RC" = 0 ] && cmp -s "$W/out" "$W/a.log"; then
	pass "the copy has the same audit log"
else
	fail "the copy has the same audit log" "$(diff "$W/a.log" "$W/out" | head -5)"
fi
run tl verify
check_grep "the copy's signed minutes and audit chain verify" 'the chain is unbroken'
run tl followup list --owner "Björn Åkesson"
check_grep "the copy answers lists" 'Återkoppla om äldreomsorgens ramar'

# The copy's locks hold behind tillit's back (its triggers were off while
# the rows streamed in, and are back).
item=$(dbsql "SELECT i.id FROM items i JOIN meetings m ON m.id = i.meeting
	WHERE m.status = 'signed' LIMIT 1")
run dbsql "UPDATE items SET title = 'x' WHERE id = '$item'"
if [ -n "$item" ] && [ "$RC" != 0 ] && grep -q 'signed and locked' "$W/err"
then
	pass "a signed meeting of the copy is locked"
else
	fail "a signed meeting of the copy is locked" "item '$item', exit $RC"
fi

# Into a database that holds records: refused, and nothing changes.
run "$TILLIT" --db "$SRC" migrate --to "$DB"
check_err "a target with records is refused" 1 'already holds records'
run tl export
if cmp -s "$W/out" "$W/a.json"; then pass "the refused target is as it was"
else fail "the refused target is as it was"; fi

# And back: --from fills the file of --db, which is made.
run "$TILLIT" --db "$W/back.db" migrate --from "$DB"
check_rc "migrate --from copies back" 0
run "$TILLIT" --db "$W/back.db" export
if [ "$RC" = 0 ] && cmp -s "$W/out" "$W/a.json"; then
	pass "back again, the export is the original's"
else
	fail "back again, the export is the original's"
fi

# Usage.
run "$TILLIT" --db "$SRC" migrate
check_err "neither --to nor --from is a usage error" 2 'either --to DB or --from DB'
run "$TILLIT" --db "$SRC" migrate --to "$W/c.db" --from "$W/d.db"
check_err "both is a usage error" 2 'either --to DB or --from DB'
run "$TILLIT" --db "$SRC" migrate --to "$SRC"
check_err "a database into itself is refused" 1 "into itself"
# A source that is not there: an error, and no target file is left.
run "$TILLIT" --db "$W/none.db" migrate --to "$W/new.db"
check_err "a missing source is an error" 1
if [ ! -e "$W/new.db" ]; then pass "no target file is left behind"
else fail "no target file is left behind"; fi

done_testing
