#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_identity.sh - who tillit takes you for (issue 15, point
# 1): on an SQLite file the OS account, read from the password database
# ($USER only when that has no entry for the user id); on PostgreSQL the
# role the server authenticated.  --as acts as another person only on a
# database of your own (a file your account owns) or, on the server, as
# a member of tillit_admin; the audit log then names both the person and
# the account.
. "$(dirname "$0")/lib.sh"

ME=$(my_login)
must tl init
must tl person add -q --name "Åsa Öberg" --kind manager --login "$ME"
ASA=$(last_id)
must tl person add -q --name "Björn Ärlig" --kind employee
BJORN=$(last_id)

# --- the account names the acting person -------------------------------
must tl followup add -q --text "Ringa förvaltningen" --owner "$ASA"
FU=$(last_id)
run tl log --limit 1
if [ "$RC" = 0 ] && grep -Fq "Åsa Öberg ($ME)" "$W/out"; then
	pass "the account's person acts, and the log names both"
else
	fail "the account's person acts, and the log names both" \
		"$(cat "$W/out" "$W/err")"
fi

# --- --as on a database of one's own -----------------------------------
if on_pg; then
	# The suite's role is the server's superuser, a member of every
	# role: tillit_admin is made for the test and is what lets it.
	psql -qX "$DB" -c "DO \$\$ BEGIN IF to_regrole('tillit_admin') IS
		NULL THEN CREATE ROLE tillit_admin NOLOGIN; END IF; END \$\$"
fi
# (Björn adds one of his own: the follow-up Åsa gave only she changes.)
run tl --as "Björn Ärlig" followup add -q --text "Boka lokal" \
	--owner "$BJORN"
check_rc "--as on one's own database is taken" 0
# (The log shows each the rows about what they may read: Björn's own.)
run tl --as "Björn Ärlig" log --limit 1
if grep -Fq "Björn Ärlig ($ME)" "$W/out"; then
	pass "a change made --as names that person and the real account"
else
	fail "a change made --as names that person and the real account" \
		"$(cat "$W/out")"
fi
run tl --as "Ingen Alls" followup list
check_err "--as someone who is not there: refused, saying so" 1 \
	"Ingen Alls"

if on_pg; then
	# A role of a person's own, not an admin: --as is refused, and it
	# is its own person that acts.
	psql -qX "$DB" -c "DROP ROLE IF EXISTS bjorn_t$$" \
		-c "CREATE ROLE bjorn_t$$ LOGIN" \
		-c "GRANT ALL ON ALL TABLES IN SCHEMA public TO bjorn_t$$" \
		-c "GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO bjorn_t$$" \
		>/dev/null
	must tl person edit "$BJORN" --login "bjorn_t$$"
	BDB="$DB user=bjorn_t$$"
	run "$TILLIT" --db "$BDB" --as "Åsa Öberg" followup edit "$FU" \
		--due 2027-01-20
	check_err "on the server, --as without tillit_admin: refused" 1 \
		"only a member of tillit_admin may use --as"
	run "$TILLIT" --db "$BDB" followup add -q --text "Ringa tillbaka" \
		--owner "$BJORN"
	check_rc "on the server, the role's own person acts" 0
	run tl --as "Björn Ärlig" log --limit 1
	check_grep "on the server, the log names the role" \
		"Björn Ärlig \\(bjorn_t$$\\)"
	run "$TILLIT" --db "$BDB" followup add -q --text "Skicka schemat" \
		--owner "$ASA"
	FU2=$(last_id)
	psql -qX "$DB" -c "GRANT tillit_admin TO bjorn_t$$" >/dev/null
	run "$TILLIT" --db "$BDB" --as "Åsa Öberg" followup done "$FU2" \
		--outcome "Skickat"
	check_rc "on the server, a member of tillit_admin may use --as" 0
	run tl log --limit 1
	check_grep "... and the log names the person and the role" \
		"Åsa Öberg \\(bjorn_t$$\\)"
	# Row-level security holds the role to its own person's rights:
	# acting as Åsa does not read what only she may.
	run "$TILLIT" --db "$BDB" --as "Åsa Öberg" followup show "$FU"
	check_err "... but --as reads no more than the role's own person" 1 \
		"No follow-up matches"
	psql -qX "$DB" -c "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM \
		bjorn_t$$" -c "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public \
		FROM bjorn_t$$" -c "DROP ROLE bjorn_t$$" >/dev/null 2>&1
elif [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	# A file another account owns: --as is refused.
	chown nobody "$DB"
	run tl --as "Åsa Öberg" followup list
	chown "$(id -u)" "$DB"
	check_err "--as on a file another account owns: refused" 1 \
		"is for a database of your own"
	# A user id the password database does not know: $USER names it.
	# (A folder it can reach: the test's own is the test account's.)
	GHOST=$(mktemp -d /tmp/tillit-ghost.XXXXXX)
	chmod 0777 "$GHOST"
	run setpriv --reuid=54321 --regid=54321 --clear-groups env \
		USER=gast HOME="$GHOST" "$TILLIT" --db "$GHOST/g.db" init
	check_rc "a user id without a name: init works" 0
	run setpriv --reuid=54321 --regid=54321 --clear-groups env \
		USER=gast HOME="$GHOST" "$TILLIT" --db "$GHOST/g.db" \
		person add -q --name "Gäst Gästsson" --kind official \
		--login gast
	run setpriv --reuid=54321 --regid=54321 --clear-groups env \
		USER=gast HOME="$GHOST" "$TILLIT" --db "$GHOST/g.db" log \
		--limit 1
	check_grep "without a name in the password database, \$USER names the account" \
		"Gäst Gästsson \\(gast\\)"
	rm -rf "$GHOST"
else
	echo "ok - another account's file and a nameless user id # SKIP needs root"
fi

done_testing
