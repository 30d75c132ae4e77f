#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_rls.sh - the organisation tier enforces the rules in the
# database itself (issue 15, point 3): row-level security made from the
# rules table.  Logged in through psql as a person's role, every table
# shows exactly the rows that tillit shows that person (its export and
# its audit log), for an employee, a manager and an elected member of
# the demo; what a person may not change is refused by the server too;
# and tillit still works as the role.
. "$(dirname "$0")/lib.sh"

if ! on_pg; then
	echo "ok - row-level security on the server # SKIP on PostgreSQL only"
	done_testing
	exit
fi

must tl init --demo
# The demo's logins become roles under a prefix of this run (the roles
# are the server's, shared by every database on it).
prefix_logins r$$_
must tl admin roles
run tl admin check
check_grep "admin check: every table is guarded" \
	"^Every table is guarded by row-level security"

# same_rows LOGIN NAME: psql as LOGIN shows, table by table, the ids
# tillit's export shows NAME, and as many audit rows as tillit's log.
same_rows() {
	"$TILLIT" --db "$DB user=$1" export --output "$W/mine.json"
	"$TILLIT" --db "$DB" --as "$2" log --format json --limit 1000 \
		>"$W/log.json"
	diffs=$(python3 - "$W/mine.json" "$W/log.json" "$DB user=$1" <<'PYEOF'
import json, subprocess, sys
mine = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
def ids(sql):
    out = subprocess.run(["psql", "-qXAt", sys.argv[3], "-c", sql],
                         capture_output=True, text=True, check=True)
    return set(out.stdout.split())
bad = []
for table, rows in mine.items():
    if isinstance(rows, list) and ids("SELECT id FROM " + table) != \
            {r["id"] for r in rows}:
        bad.append(table)
if ids("SELECT seq FROM audit") != {str(r["seq"]) for r in log}:
    bad.append("audit")
print(" ".join(bad))
PYEOF
)
	if [ -z "$diffs" ] && [ -s "$W/mine.json" ]; then
		pass "psql as $2 shows what tillit shows $2, table by table"
	else
		fail "psql as $2 shows what tillit shows $2, table by table" \
			"tables that differ: $diffs"
	fi
}

login_of() {
	tl person show "$1" | sed -n 's/^Login: *//p'
}
ASA=$(login_of "Åsa Öberg")
BJORN=$(login_of "Björn Åkesson")
INGRID=$(login_of "Ingrid Nordén")
HASSAN=$(login_of "Hassan Al-Sayed")
same_rows "$ASA" "Åsa Öberg"
same_rows "$BJORN" "Björn Åkesson"
same_rows "$INGRID" "Ingrid Nordén"
same_rows "$HASSAN" "Hassan Al-Sayed"

# psql as a role: count of rows of SQL.
as_role() {
	psql -qXAt "$DB user=$1" -c "$2" 2>"$W/err"
}
O2O="SELECT count(*) FROM meetings WHERE kind = 'one_to_one'"
n=$(as_role "$ASA" "$O2O")
[ "$n" -gt 0 ] && pass "psql: a participant reads her one-to-ones ($n)" ||
	fail "psql: a participant reads her one-to-ones" "$n"
n=$(as_role "$INGRID" "$O2O")
[ "$n" = 0 ] && pass "psql: the manager up the chain reads none of them" ||
	fail "psql: the manager up the chain reads none of them" "$n"
n=$(as_role "$INGRID" "SELECT count(*) FROM items WHERE meeting IN
	(SELECT id FROM meetings WHERE kind = 'one_to_one')")
[ "$n" = 0 ] && pass "psql: ... nor what is recorded in them" ||
	fail "psql: ... nor what is recorded in them" "$n"

# refused NAME TEXT: psql failed, saying TEXT.
refused() {
	if [ "$RC" != 0 ] && grep -q -- "$2" "$W/err"; then
		pass "$1"
	else
		fail "$1" "exit status $RC" "$(cat "$W/err")"
	fi
}

# Changes through psql as Åsa.
MINE=$(as_role "$ASA" "SELECT id FROM followups WHERE owner =
	(SELECT id FROM people WHERE login = session_user) AND status = 'open'
	LIMIT 1")
psql -qXAt "$DB user=$ASA" -c "UPDATE followups SET status = 'done',
	outcome = 'Klart' WHERE id = '$MINE' RETURNING status" >"$W/out" \
	2>"$W/err"
check_grep "psql: the owner marks her follow-up done" "^done$"
psql -qXAt "$DB user=$ASA" -c "UPDATE followups SET text = 'Annat'
	WHERE id = '$MINE'" >"$W/out" 2>"$W/err"
RC=$?
refused "psql: ... but may not change what was agreed" \
	"Only whoever gave it or the meeting's secretary may change this"
n=$(as_role "$ASA" "WITH u AS (UPDATE followups SET text = 'Annat' WHERE
	owner IS DISTINCT FROM (SELECT id FROM people WHERE login =
	session_user) RETURNING 1) SELECT count(*) FROM u")
[ "$n" = 0 ] && pass "psql: others' follow-ups she does not give: none changed" ||
	fail "psql: others' follow-ups she does not give: none changed" "$n"
psql -qXAt "$DB user=$ASA" -c "INSERT INTO units (id, created_at,
	updated_at, name, kind, status) VALUES ('x', 'x', 'x', 'Eget lag',
	'team', 'active')" >"$W/out" 2>"$W/err"
RC=$?
refused "psql: a person who is no admin may not add a unit" \
	"violates row-level security policy for table \"units\""
psql -qXAt "$DB user=$ASA" -c "INSERT INTO audit (seq, at, os_user,
	entity, entity_id, action, prev, hash) VALUES (100000, 'x', 'tillit',
	'units', 'x', 'create', 'x', 'x')" >"$W/out" 2>"$W/err"
RC=$?
refused "psql: an audit row under another account is refused" \
	"violates row-level security policy for table \"audit\""
n=$(as_role "$BJORN" "WITH d AS (DELETE FROM items WHERE meeting IN
	(SELECT id FROM meetings WHERE kind = 'committee') RETURNING 1)
	SELECT count(*) FROM d")
[ "$n" = 0 ] && pass "psql: a guest of no committee deletes none of its items" ||
	fail "psql: a guest of no committee deletes none of its items" "$n"

# tillit as the role: what it may, it does; what not, one sentence.
run "$TILLIT" --db "$DB user=$BJORN" followup add -q --owner "Åsa Öberg" \
	--text "Ring kunden" --due 2027-01-15
check_rc "tillit as Björn's role gives Åsa a follow-up" 0
OTHER=$(last_id)
run "$TILLIT" --db "$DB user=$ASA" followup done "$OTHER" --outcome "Gjort"
check_rc "tillit as Åsa's role marks her follow-up done" 0
run "$TILLIT" --db "$DB user=$ASA" followup edit "$OTHER" --text "Annat"
check_err "... and refuses to change its text, saying who may" 1 \
	"Only whoever gave it or the meeting's secretary may change"
FRAME=$(as_role "$ASA" "SELECT id FROM frames WHERE holder_person =
	(SELECT id FROM people WHERE login = session_user) AND acked_at IS NULL
	LIMIT 1")
run "$TILLIT" --db "$DB user=$ASA" frame ack "$FRAME"
check_rc "tillit as Åsa's role acknowledges the frame she holds" 0
run "$TILLIT" --db "$DB user=$ASA" verify
check_grep "verify as a role checks the meetings, and says the log is the owner's" \
	"Only the database's owner can check the audit log's chain"
run tl verify
check_grep "... which the owner checks whole" "the chain is unbroken"

# Private notes: the author's own role alone, admins not excepted.
O2O_ID=$(as_role "$ASA" "SELECT id FROM meetings WHERE kind = 'one_to_one'
	LIMIT 1")
run "$TILLIT" --db "$DB user=$ASA" note add "$O2O_ID" --text "Bara för mig"
check_rc "private note: Åsa's role writes one" 0
n=$(as_role "$ASA" "SELECT count(*) FROM private_notes")
[ "$n" = 1 ] && pass "psql: the author's role reads her private note" ||
	fail "psql: the author's role reads her private note" "$n"
n=$(as_role "$BJORN" "SELECT count(*) FROM private_notes")
[ "$n" = 0 ] && pass "psql: the other participant's role reads none" ||
	fail "psql: the other participant's role reads none" "$n"
psql -qX "$DB" -c "GRANT tillit_admin TO \"$INGRID\"" >/dev/null
n=$(as_role "$INGRID" "SELECT count(*) FROM private_notes")
[ "$n" = 0 ] && pass "psql: an admin's role reads none" ||
	fail "psql: an admin's role reads none" "$n"
run "$TILLIT" --db "$DB user=$INGRID" --as "Åsa Öberg" note list
check_grep "... nor through tillit acting as the author" \
	"You have no private notes here"
psql -qXAt "$DB user=$BJORN" -c "INSERT INTO private_notes VALUES ('x',
	(SELECT id FROM people WHERE login = '$ASA'), '$O2O_ID', 'x', 'x')" \
	>"$W/out" 2>"$W/err"
RC=$?
refused "psql: a note in another's name is refused" \
	"violates row-level security policy for table \"private_notes\""

# A database that a role of its own owns, no superuser (as a DBA sets
# one up): the owner makes it, loads it and moves it, through the
# policies that hold it too.
OWNER=o$$_owner
psql -qX "$TILLIT_TEST_PG" -c "CREATE ROLE $OWNER LOGIN" >/dev/null
ODB=$(_createdb owned "OWNER $OWNER")
psql -qX "$ODB" -c "ALTER SCHEMA public OWNER TO $OWNER" >/dev/null
run "$TILLIT" --db "$ODB user=$OWNER" init
check_rc "a database a role owns: the role makes it" 0
must tl export --output "$W/all.json"
run "$TILLIT" --db "$ODB user=$OWNER" import "$W/all.json"
check_rc "... and loads an export into it" 0
run "$TILLIT" --db "$ODB user=$OWNER" meeting list
check_grep "... whose records it then reads" "Medarbetarsamtal, december"
n=$(psql -qXAt "$ODB" -c "SELECT count(*) FROM pg_class WHERE relnamespace =
	current_schema()::regnamespace AND relkind = 'r' AND NOT
	relforcerowsecurity")
[ "$n" = 0 ] && pass "... and every table holds its owner to the policies again" ||
	fail "... and every table holds its owner to the policies again" "$n"

while read -r id; do
	login=$(login_of "$id")
	[ -n "$login" ] && psql -qX "$DB" -c "DROP OWNED BY \"$login\";
		DROP ROLE IF EXISTS \"$login\"" >/dev/null 2>&1
done <"$W/people"
psql -qX "$TILLIT_TEST_PG" -c "DROP DATABASE IF EXISTS ${ODB##*dbname=} WITH
	(FORCE)" -c "DROP ROLE IF EXISTS $OWNER" >/dev/null 2>&1
done_testing
