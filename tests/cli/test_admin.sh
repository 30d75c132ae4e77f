#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_admin.sh - the organisation tier's accounts (issue 15,
# point 3): `tillit admin roles` makes a login role for every person of
# the demo with a login, in tillit_user, which may use tillit's tables;
# logging in as an employee's role, tillit takes you for that employee
# and psql reads the tables.  `tillit admin check` lists the tables that
# row-level security does not guard yet, and fails while there are any.
# On an SQLite file there is nothing to administer, and it says so.
. "$(dirname "$0")/lib.sh"

must tl init --demo
if ! on_pg; then
	run tl admin roles
	check_err "on an SQLite file: refused, saying why" 1 \
		"accounts are the computer's own"
	run tl admin check
	check_err "check on an SQLite file: refused" 1 "SQLite file"
	done_testing
	exit
fi

# The demo's logins are made roles under a prefix of this run, so that
# scripts and runs on one server do not meet: the logins are changed
# first (people are the admin's to change).
prefix_logins t$$_
N=$(wc -l <"$W/people")

run tl admin roles
check_grep "admin roles makes a role for every person with a login" \
	"^Made $N login roles in tillit_user; $N people have a login"
run tl admin roles
check_grep "... and a second time makes none" "^Made 0 login roles"

EMP=$(tl person list --kind employee --format csv | sed -n 2p)
EMP_ID=$(echo "$EMP" | cut -d, -f1)
EMP_NAME=$(echo "$EMP" | cut -d, -f2)
EMP_LOGIN=$(tl person show "$EMP_ID" | sed -n 's/^Login: *//p')
EDB="$DB user=$EMP_LOGIN"
run psql -qXAt "$EDB" -c "SELECT session_user, count(*) > 0 FROM followups"
check_grep "psql logs in as the employee's role and reads the tables" \
	"^$EMP_LOGIN\\|t$"
run "$TILLIT" --db "$EDB" followup add -q --text "Egen uppföljning" \
	--owner "$EMP_ID"
check_rc "tillit works as the employee's role" 0
run tl log --limit 1
check_grep "... and takes the role for the employee" \
	"$EMP_NAME \\($EMP_LOGIN\\)"
run "$TILLIT" --db "$EDB" --as "$EMP_ID" followup list
check_err "the employee's role may not use --as" 1 "tillit_admin"

run tl admin check
check_grep "admin check: every table is guarded" \
	"^Every table is guarded by row-level security"
psql -qX "$DB" -c "ALTER TABLE followups NO FORCE ROW LEVEL SECURITY" \
	-c "DROP POLICY tl_read ON audit" >/dev/null
run tl admin check
check_err "admin check fails while a table is unguarded" 1 \
	"2 tables have no row-level security policy for every role"
if grep -q '^followups: no row-level security guards it' "$W/out" &&
	grep -q '^audit: no row-level security guards it' "$W/out"; then
	pass "admin check names each unguarded table"
else
	fail "admin check names each unguarded table" "$(cat "$W/out")"
fi
must tl admin roles
run tl admin check
check_grep "admin roles guards them again" \
	"^Every table is guarded by row-level security"

# The roles are the server's, not the database's: gone with the test.
while read -r id; do
	login=$(tl person show "$id" | sed -n 's/^Login: *//p')
	[ -n "$login" ] && psql -qX "$DB" -c "DROP ROLE IF EXISTS \"$login\"" \
		>/dev/null 2>&1
done <"$W/people"
done_testing
