#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# backend: sqlite-only (attacks the database file with the sqlite3 program)
# tests/cli/test_tamper.sh - someone who can write the database file
# attacks the signed minutes and the audit log behind tillit's back,
# with the sqlite3 program (triggers dropped where they stand in the
# way), and `tillit verify` reports each attack it can see with its own
# sentence and exit status 1.  Each case is a row of the table in
# doc/reliability.md ("Tampering with signed minutes"); the attacks it
# cannot see are here too, asserting that verify passes, so that the
# table's claims are exactly as wide as this test.  With TAMPER_TABLE
# set to a file, each case also writes its row of that table there
# (tests/reliability/report.sh does, for doc/reliability.md).
. "$(dirname "$0")/lib.sh"

ROW=0
# row ATTACK WHAT: one row of the table, when it is asked for.
row() {
	ROW=$((ROW + 1))
	[ -n "${TAMPER_TABLE:-}" ] || return 0
	printf '| %s | %s | %s |\n' "$ROW" "$1" "$2" | sed 's/`/\\`/g' \
		>>"$TAMPER_TABLE"
}

command -v sqlite3 >/dev/null 2>&1 || {
	echo "not ok - sqlite3 is installed (make deps-test)"
	exit 1
}

BUN="Barn- och utbildningsnämndens sammanträde"
OCT="Socialnämndens sammanträde i oktober"

# The demo at 10:00 (its October meeting signed with its signers' keys),
# then the committee meeting signed on paper an hour later.
must tl init --demo
i_am "Sofia Bäckström"
for who in "Anders Holmgren" "Lena Åström" "Per-Olof Nyström"; do
	must env TILLIT_NOW="2026-11-23 11:00" "$TILLIT" --db "$DB" sign \
		"$BUN" --by "$who" --paper
done
run tl verify
check_rc "the untouched file verifies" 0
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$DB" "$W/clean.db"
B=$(sqlite3 "$DB" "SELECT id FROM meetings WHERE title = '$BUN'")
O=$(sqlite3 "$DB" "SELECT id FROM meetings WHERE title = '$OCT'")
HASSAN=$(sqlite3 "$DB" "SELECT id FROM people WHERE name = 'Hassan Al-Sayed'")

fresh() {
	cp "$W/clean.db" "$DB"
	rm -f "$DB-wal" "$DB-shm"
}

# attack NAME SQL REGEX: after SQL, verify exits 1 with a line matching
# REGEX on stdout.
attack() {
	fresh
	if ! sqlite3 "$DB" "$2" >"$W/sql" 2>&1; then
		fail "$1" "the attack's SQL failed" "$(cat "$W/sql")"
		return
	fi
	run tl verify
	if [ "$RC" = 1 ] && grep -Eq -- "$3" "$W/out"; then
		pass "$1"
		row "$1" "exit 1: $(grep -Em1 -- "$3" "$W/out" |
			sed 's/^[0-9a-f]\{8\} //')"
	else
		fail "$1" "exit $RC; stdout lacks /$3/" "$(head -5 "$W/out")" \
			"$(cat "$W/err")"
	fi
}

# unseen NAME WHY SQL: after SQL, verify still passes (a limit of
# verify, stated in the table with WHY).
unseen() {
	fresh
	if ! sqlite3 "$DB" "$3" >"$W/sql" 2>&1; then
		fail "$1" "the attack's SQL failed" "$(cat "$W/sql")"
		return
	fi
	run tl verify
	check_rc "$1 (not seen: see doc/reliability.md)" 0
	[ "$RC" = 0 ] && row "$1" "**not seen**, exit 0: $2"
}

# 1
attack "a decision of a signed meeting is changed" \
	"DROP TRIGGER items_locked_update;
	 UPDATE items SET decision = 'Nämnden beslutar något annat.'
	 WHERE meeting = '$B' AND title = 'Läsårstider 2027/2028';" \
	'changed since signing; the records now say “ *Decision: +Nämnden beslutar något annat\.”'
# 2
attack "the frozen minutes are edited" \
	"DROP TRIGGER seals_no_update;
	 UPDATE seals SET document = replace(document, '19 augusti',
	 '26 augusti') WHERE meeting = '$B';" \
	'the frozen minutes were changed: they no longer match the digest'
# 3: and their digest recomputed, as the first version's seal allowed.
fresh
sqlite3 "$DB" "SELECT writefile('$W/doc.txt', document) FROM seals
	WHERE meeting = '$O';" >/dev/null
sed 's/2,4 miljoner/24 miljoner/' "$W/doc.txt" >"$W/doc2.txt"
D=$(sha256sum "$W/doc2.txt" | cut -c1-64)
attack "the frozen minutes are edited and their digest recomputed" \
	"DROP TRIGGER seals_no_update;
	 UPDATE seals SET document = readfile('$W/doc2.txt'), digest = '$D'
	 WHERE meeting = '$O';" \
	'the signature of Birgitta Öhman does not match the frozen minutes'
# 4
attack "the recording the other formats are written from is edited" \
	"DROP TRIGGER seals_no_update;
	 UPDATE seals SET elements = replace(elements, '2,4 miljoner',
	 '24 miljoner') WHERE meeting = '$O';" \
	'the recording of the frozen minutes no longer gives the signed text'
# 5
attack "a decision and the frozen record of it are both changed" \
	"DROP TRIGGER items_locked_update; DROP TRIGGER seals_no_update;
	 UPDATE items SET decision = 'Annat.' WHERE meeting = '$B'
	 AND title = 'Läsårstider 2027/2028';
	 UPDATE seals SET canon = replace(canon, 'Läsåret börjar', 'Annat.')
	 WHERE meeting = '$B';" \
	'the record of what the meeting locked was changed after freezing'
# 6
attack "a signed meeting is un-signed" \
	"DROP TRIGGER seals_no_delete; DROP TRIGGER signatures_locked_delete;
	 DROP TRIGGER meetings_locked_update;
	 DELETE FROM seals WHERE meeting = '$O';
	 DELETE FROM signatures WHERE meeting = '$O';
	 UPDATE meetings SET status = 'held' WHERE id = '$O';" \
	'the audit log says it was signed, but it is held now'
# 7
attack "a signature is removed from a signed meeting" \
	"DROP TRIGGER signatures_locked_delete;
	 DELETE FROM signatures WHERE meeting = '$O' AND person = '$HASSAN';" \
	'the audit log says Hassan Al-Sayed signed it, but their signature is gone'
# 8
attack "a signature row is given to someone else" \
	"DROP TRIGGER signatures_locked_update;
	 UPDATE signatures SET person = (SELECT id FROM people WHERE
	 name = 'Ingrid Nordén') WHERE meeting = '$O' AND person = '$HASSAN';" \
	'Ingrid Nordén has a signature on it, but does not sign it'
# 9
attack "a signature is backdated to before its meeting" \
	"DROP TRIGGER signatures_locked_update;
	 UPDATE signatures SET signed_at = '2026-01-02 09:00'
	 WHERE meeting = '$O' AND person = '$HASSAN';" \
	'the signature of Hassan Al-Sayed is dated 2026-01-02 09:00, before the meeting began'
# 10: someone else's key put in as Hassan's, and his signature made anew
# with it.
fresh
ssh-keygen -q -t ed25519 -N '' -f "$W/mallory" >/dev/null
sqlite3 "$DB" "SELECT writefile('$W/doc.txt', document) FROM seals
	WHERE meeting = '$O';" >/dev/null
ssh-keygen -q -Y sign -f "$W/mallory" -n justering@tillit "$W/doc.txt"
PUB=$(cut -d' ' -f1-2 "$W/mallory.pub")
FPR=$(ssh-keygen -lf "$W/mallory.pub" | cut -d' ' -f2)
attack "another key is put in as the signer's, and the signature remade" \
	"DROP TRIGGER person_keys_no_update; DROP TRIGGER person_keys_no_delete;
	 DROP TRIGGER signatures_locked_update;
	 DELETE FROM person_keys WHERE person = '$HASSAN';
	 INSERT INTO person_keys (id, person, pubkey, fingerprint, added_at)
	 VALUES ('00000000-0000-4000-8000-000000000001', '$HASSAN', '$PUB',
	 '$FPR', '2026-01-01T00:00:00Z');
	 UPDATE signatures SET sshsig = readfile('$W/doc.txt.sig'),
	 pubkey = '$PUB' WHERE meeting = '$O' AND person = '$HASSAN';" \
	"the key of Hassan Al-Sayed's signature \\(SHA256:[^)]+\\) was never registered through tillit"
# 11
attack "a row of the audit log is changed" \
	"DROP TRIGGER audit_no_update;
	 UPDATE audit SET new_value = 'Någon annan' WHERE seq = 20;" \
	'^Audit log row 20 .*changed after it was written'
# 12
attack "the audit log is emptied" \
	"DROP TRIGGER audit_no_delete; DELETE FROM audit;" \
	'the audit log was rewritten before these minutes were frozen'
# 13: signing with the clock set before the meeting is refused, not left
# for verify to find.
fresh
must tl meeting add --title "Socialnämndens sammanträde i december" \
	--kind committee --unit Socialnämnden --starts-at "2026-11-30 18:00" \
	--status held
must tl participant add --meeting "Socialnämndens sammanträde i december" \
	--person "Hassan Al-Sayed" --role adjuster --attendance present
run env TILLIT_NOW="2026-01-02 09:00" "$TILLIT" --db "$DB" sign \
	"Socialnämndens sammanträde i december" --by "Hassan Al-Sayed" --paper
check_err "a signature dated before its meeting is refused" 1 \
	'before the meeting began'
[ "$RC" = 1 ] && row "a signature is made with the clock (TILLIT_NOW) set before the meeting" \
	"refused when signing, exit 1: $(sed 's/^tillit: //' "$W/err")"

# --- what verify cannot see ----------------------------------------------------

# 14: rows cut off the end of the log after the last freezing.
unseen "the last rows of the audit log are cut off" \
	"the chain is whole without them, and no frozen minutes anchored a row after them; only a copy of the log kept elsewhere shows it" \
	"DROP TRIGGER audit_no_delete;
	 DELETE FROM audit WHERE seq > (SELECT max(seq) - 3 FROM audit);"
# 15: later work undone behind tillit's back (no audit row is written by
# a raw UPDATE, and the frozen minutes do not hold it).
unseen "a frame's acknowledgement is removed" \
	"later work is not in the frozen minutes, and a raw UPDATE writes no audit row; the log still shows the acknowledgement (tillit log)" \
	"UPDATE frames SET acked_by = NULL, acked_at = NULL
	 WHERE description = 'Ökad bemanning i hemtjänsten 2027';"
# 16: everything signed, and the whole log, removed.
unseen "every signed meeting and the whole audit log are removed" \
	"nothing is left to compare with: what the file says of itself is all verify has; only the exported minutes and signatures (sign --export), kept elsewhere, show it" \
	"PRAGMA foreign_keys = OFF;
	 DROP TRIGGER audit_no_delete; DELETE FROM audit;
	 DROP TRIGGER seals_no_delete; DELETE FROM seals;
	 DROP TRIGGER signatures_locked_delete;
	 DELETE FROM signatures;
	 DROP TRIGGER meetings_locked_update;
	 UPDATE meetings SET status = 'held' WHERE status = 'signed';"

done_testing
