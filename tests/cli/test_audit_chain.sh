#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_audit_chain.sh - the audit log proves it was only
# appended to, and says who acted (issue 12, defect 4 and point 3): each
# row records the acting person (the one whose login is the OS account)
# beside the OS account, marks a time taken from TILLIT_NOW, and carries
# the hash of the row before it.  Rewritten in the sqlite3 program with
# its triggers dropped and put back (a row changed, removed, put in, or
# rewritten with a made-up or a recomputed hash), `tillit verify` names
# the first broken row and exits 1.  A bulk import chains its rows too,
# and a database of schema 5 is chained when it is upgraded.
. "$(dirname "$0")/lib.sh"

ME=$(my_login)

must tl init --demo
must tl person add -q --name "Revisor Rask" --kind official --login "$ME"
RASK=$(last_id)
# A follow-up Rask gave, and so may change (doc/access.md).
must tl followup add -q --text "Granska delegationsordningen" \
	--owner "Revisor Rask" --due 2027-01-15
FU=$(last_id)

# --- who acted, and by which clock -----------------------------------------

must tl followup edit "$FU" --due 2027-02-01
run tl log --limit 1
if [ "$RC" = 0 ] && grep -Fq "Revisor Rask ($ME)" "$W/out"; then
	pass "log shows the acting person beside the OS account"
else
	fail "log shows the acting person beside the OS account" \
		"$(cat "$W/out")"
fi
check_grep "log marks a time taken from TILLIT_NOW" \
	'T09:00:00Z \(set clock\) '
run tl log --limit 1 --format json
check_grep "log --format json: the acting person's id" \
	"\"actor\": \"$RASK\""
check_grep "log --format json: the clock" '"clock": "TILLIT_NOW"'
check_grep "log --format json: the hash of the row and of the one before" \
	'"prev": "[0-9a-f]{64}", "hash": "[0-9a-f]{64}"'

run env -u TILLIT_NOW "$TILLIT" --db "$DB" followup edit "$FU" \
	--due 2027-03-01
check_rc "an edit by the system clock" 0
run tl log --limit 1 --format json
check_grep "the system clock is marked as such" '"clock": "system"'
run tl log --limit 1
if [ "$RC" = 0 ] && ! grep -q 'set clock' "$W/out"; then
	pass "a time from the system clock is not marked"
else
	fail "a time from the system clock is not marked" "$(cat "$W/out")"
fi

must tl person edit "$RASK" --login ""
must tl followup edit "$FU" --due 2027-04-01
run tl log --limit 1 --format json
check_grep "without a person of that login, the OS account alone" \
	"\"user\": \"$ME\", \"actor\": null"
must tl person edit "$RASK" --login "$ME"

# --- a clean chain ---------------------------------------------------------

N=$(dbsql "SELECT count(*) FROM audit")
run tl verify
check_grep "verify counts the audit rows it checked" \
	"^$N audit rows checked; the chain is unbroken\.\$"
check_rc "verify of an unbroken chain exits 0" 0

# The hash of a row, as audit.h documents it: SHA-256 over the items
# "tillit-audit-1", prev, seq, at, clock, actor, os_user, entity,
# entity_id, action, field, old_value, new_value, each as LEN:BYTES, (its
# length in bytes) or ~ when NULL.
item() {
	if [ "$BACKEND" = pg ]; then
		printf "CASE WHEN %s IS NULL THEN '~' ELSE octet_length(CAST(%s AS text)) || ':' || CAST(%s AS text) || ',' END" \
			"$1" "$1" "$1"
	else
		printf "CASE WHEN %s IS NULL THEN '~' ELSE length(CAST(%s AS BLOB)) || ':' || %s || ',' END" \
			"$1" "$1" "$1"
	fi
}
row_hash() { # row_hash SEQ: of $DB
	e=""
	for col in "'tillit-audit-1'" prev seq at clock actor os_user entity \
		entity_id action field old_value new_value; do
		e="$e${e:+ || }$(item "$col")"
	done
	printf '%s' "$(dbsql "SELECT $e FROM audit WHERE seq = $1")" |
		sha256sum | cut -c1-64
}
if [ "$(row_hash 5)" = "$(dbsql "SELECT hash FROM audit WHERE seq = 5")" ] &&
	[ "$(row_hash "$N")" = \
	"$(dbsql "SELECT hash FROM audit WHERE seq = $N")" ]; then
	pass "the documented encoding gives the stored hashes"
else
	fail "the documented encoding gives the stored hashes"
fi
if [ "$(dbsql "SELECT prev FROM audit WHERE seq = 1")" = \
	"0000000000000000000000000000000000000000000000000000000000000000" ]
then
	pass "the first row follows 64 zeros"
else
	fail "the first row follows 64 zeros"
fi

# --- tampering -------------------------------------------------------------

if sqlite_only "the audit log tampered with in the file (sqlite3)"; then
	CLEAN=$W/clean.db
	must sqlite3 "$DB" "VACUUM INTO '$CLEAN'"
	TRIGGERS=$(sqlite3 "$CLEAN" "SELECT group_concat(sql, ';' || char(10)) || ';'
		FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'")

	# rehash SEQ: row SEQ of $DB gets the hash its content now has.
	rehash() {
		tamper_more "UPDATE audit SET hash = '$(row_hash "$1")'
			WHERE seq = $1"
	}

	# tamper_more SQL...: $DB changed again, as tamper does.
	tamper_more() {
		run sqlite3 "$DB" "DROP TRIGGER audit_no_update;
			DROP TRIGGER audit_no_delete; $*; $TRIGGERS"
		[ "$RC" = 0 ] || echo "# tamper: $(cat "$W/err")"
	}

	# tamper SQL...: $DB is the clean database changed by SQL in the sqlite3
	# program, with the audit log's triggers dropped first and put back after.
	tamper() {
		rm -f "$DB" "$DB-wal" "$DB-shm"
		cp "$CLEAN" "$DB"
		tamper_more "$@"
	}

	# check_break NAME SEQ REGEX: verify exits 1, with one line on stdout
	# naming audit row SEQ (its action, kind and short id) and matching REGEX.
	check_break() {
		run tl verify
		if [ "$RC" = 1 ] && [ "$(wc -l <"$W/out")" = 1 ] &&
			grep -Eq "^Audit log row $2 \((create|update|delete) [a-z_ ]+ [0-9a-f]{8}\): $3" \
				"$W/out" &&
			[ "$(wc -l <"$W/err")" = 1 ] &&
			grep -q "^tillit: .*row $2\." "$W/err"; then
			pass "$1"
		else
			fail "$1" "exit $RC" "$(cat "$W/out")"
		fi
	}

	tamper "UPDATE audit SET new_value = 'Förfalskat' WHERE seq = 10"
	check_break "a changed row is named" 10 'it was changed after it was written'

	tamper "DELETE FROM audit WHERE seq = 20"
	check_break "a removed row: the row after the gap is named" 21 \
		'row 20 before it is missing'

	tamper "DELETE FROM audit WHERE seq BETWEEN 20 AND 22"
	check_break "removed rows: the gap is named" 23 \
		'rows 20 to 22 before it are missing'

	tamper "UPDATE audit SET new_value = 'Förfalskat',
		hash = lower(hex(randomblob(32))) WHERE seq = 30"
	check_break "a row rewritten with a made-up hash is named" 30 \
		'it was changed after it was written'

	tamper "UPDATE audit SET new_value = 'Förfalskat' WHERE seq = 40"
	rehash 40
	check_break "a row rewritten with its hash recomputed: the next one is named" \
		41 'it does not follow row 40'

	# A row put in between 50 and 51, with the hash of 50 as its prev.
	SHIFT="UPDATE audit SET seq = -seq WHERE seq > 50;
		UPDATE audit SET seq = 1 - seq WHERE seq < 0;
		INSERT INTO audit (seq, at, actor, os_user, clock, entity, entity_id,
			action, field, old_value, new_value, prev, hash)
		SELECT 51, at, actor, os_user, clock, 'items', entity_id, 'update',
			'decision', 'Avslag', 'Bifall', hash, lower(hex(randomblob(32)))
		FROM audit WHERE seq = 50"
	tamper "$SHIFT"
	check_break "a row put in with a made-up hash is named" 51 \
		'it was changed after it was written'
	tamper "$SHIFT"
	rehash 51
	check_break "a row put in with its hash recomputed: the next one is named" \
		52 'it does not follow row 51'

	tamper "INSERT INTO audit (at, actor, os_user, clock, entity, entity_id,
			action, field, old_value, new_value, prev, hash)
		SELECT at, actor, os_user, clock, entity, entity_id, 'update', 'title',
			'a', 'b', hash, lower(hex(randomblob(32)))
		FROM audit ORDER BY seq DESC LIMIT 1"
	check_break "a row added at the end with a made-up hash is named" \
		$((N + 1)) 'it was changed after it was written'

	tamper "UPDATE audit SET prev = hash WHERE seq = 1"
	check_break "a first row that does not start the chain is named" 1 \
		'it does not start the chain'

	cp "$CLEAN" "$DB"
	rm -f "$DB-wal" "$DB-shm"
	run tl verify
	check_rc "the clean copy still verifies" 0
fi

# --- a bulk import chains its rows ------------------------------------------

must tl export --format json --output "$W/all.json"
DB=$(newdb imported) || exit 1
must tl init
must tl import "$W/all.json"
run tl verify
check_grep "an import into an empty database chains every row" \
	'^[0-9]+ audit rows checked; the chain is unbroken\.$'
must tl import "$W/all.json"
must tl person edit "$RASK" --title "Revisor"
run tl verify
check_grep "and the rows after it" \
	'^[0-9]+ audit rows checked; the chain is unbroken\.$'
run tl log --limit 1
if [ "$RC" = 0 ] && grep -Fq "Revisor Rask ($ME)" "$W/out"; then
	pass "an imported person acts by their login"
else
	fail "an imported person acts by their login" "$(cat "$W/out")"
fi

# --- a database of schema 5 is chained when it is upgraded --------------------

if sqlite_only "a database of schema 5 is chained when upgraded"; then
	DB=$W/old.db
	must sqlite3 "$DB" ".read '$HERE/data/schema5.sql'"
	run tl verify
	check_grep "an upgraded database's 12 rows are chained" \
		'^12 audit rows checked; the chain is unbroken\.$'
	run tl log --limit 1
	check_grep "its rows keep what they said" \
		'kansli +update +followup +[0-9a-f]{8} +due +2027-03-01 -> 2027-04-01$'
	if [ "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE actor IS NULL AND
		clock IS NULL AND hash IS NOT NULL")" = 12 ]; then
		pass "its rows say no person and no clock they did not record"
	else
		fail "its rows say no person and no clock they did not record"
	fi
	must tl followup edit "Följ upp bidragen" --due 2027-05-01
	run tl verify
	check_grep "and rows added after the upgrade follow them" \
		'^13 audit rows checked; the chain is unbroken\.$'
	run sqlite3 "$DB" "UPDATE audit SET os_user = 'x'"
	if [ "$RC" != 0 ] && grep -q 'append-only' "$W/err"; then
		pass "the upgraded log is still append-only"
	else
		fail "the upgraded log is still append-only"
	fi
fi

done_testing
