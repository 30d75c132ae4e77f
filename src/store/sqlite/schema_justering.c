/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * schema_justering.c - the SQLite migrations of schema 6 to 12: justering
 * that holds (issue 12).  Frozen minutes and how each signature was made
 * (6), registered public keys (7), delegated decisions reported once (8),
 * § numbers that never repeat (9) and the audit log's hash chain (10);
 * and the protokoll of issue 16: the notice of justering (11) and a §
 * as the law records it (12).
 * schema.c lists them in tl_sqlite_migrations; the rules of schema.c's
 * opening comment hold here too: a released migration never changes.
 */
#include "sqlite.h"

/*
 * Schema 6: justering freezes the minutes.  When justering starts (the
 * first signature, or sending the minutes to justering), the seal is
 * written with the minutes as they are then: the document the signers
 * sign (`document`, plain text), the elements it was written from
 * (`elements`, to write the same minutes in any format) and the
 * canonical text of what the meeting locks (`canon`, to tell what has
 * changed in the live records since).  A signature records how it was
 * made (`method`: key or paper), the SSH signature and the public key it
 * was made with, or who recorded a signature on paper, and the names of
 * both as they were then (the signed minutes show those).  A meeting with a
 * seal is under justering as one with a signature is; reopening justering
 * removes the seal of a held meeting (a signed meeting's stays forever).
 */
const char tl_sqlite_migration_6[] =
	"ALTER TABLE seals ADD COLUMN document TEXT;\n"
	"ALTER TABLE seals ADD COLUMN elements TEXT;\n"
	"ALTER TABLE seals ADD COLUMN canon TEXT;\n"
	"ALTER TABLE signatures ADD COLUMN method TEXT;\n"
	"ALTER TABLE signatures ADD COLUMN sshsig TEXT;\n"
	"ALTER TABLE signatures ADD COLUMN pubkey TEXT;\n"
	"ALTER TABLE signatures ADD COLUMN recorded_by TEXT;\n"
	"ALTER TABLE signatures ADD COLUMN name TEXT;\n"
	"ALTER TABLE signatures ADD COLUMN recorder_name TEXT;\n"
	"DROP TRIGGER seals_no_delete;\n"
	"CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals\n"
	"WHEN NOT EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'a seal cannot change');\n"
	"END;\n"
	"DROP TRIGGER meetings_justering_update;\n"
	"CREATE TRIGGER meetings_justering_update BEFORE UPDATE ON meetings\n"
	"WHEN OLD.status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = OLD.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = OLD.id))\n"
	"AND (NEW.status IS NOT 'signed' OR OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.title IS NOT NEW.title OR OLD.kind IS NOT NEW.kind OR OLD.unit IS NOT NEW.unit OR OLD.series IS NOT NEW.series OR OLD.starts_at IS NOT NEW.starts_at OR OLD.ends_at IS NOT NEW.ends_at OR OLD.location IS NOT NEW.location OR OLD.notes IS NOT NEW.notes) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER meetings_justering_delete;\n"
	"CREATE TRIGGER meetings_justering_delete BEFORE DELETE ON meetings\n"
	"WHEN OLD.status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = OLD.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = OLD.id)) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER participants_justering_insert;\n"
	"CREATE TRIGGER participants_justering_insert BEFORE INSERT ON participants\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER participants_justering_update;\n"
	"CREATE TRIGGER participants_justering_update BEFORE UPDATE ON participants\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER participants_justering_delete;\n"
	"CREATE TRIGGER participants_justering_delete BEFORE DELETE ON participants\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER items_justering_insert;\n"
	"CREATE TRIGGER items_justering_insert BEFORE INSERT ON items\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER items_justering_update;\n"
	"CREATE TRIGGER items_justering_update BEFORE UPDATE ON items\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER items_justering_delete;\n"
	"CREATE TRIGGER items_justering_delete BEFORE DELETE ON items\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER mandates_justering_insert;\n"
	"CREATE TRIGGER mandates_justering_insert BEFORE INSERT ON mandates\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER mandates_justering_update;\n"
	"CREATE TRIGGER mandates_justering_update BEFORE UPDATE ON mandates\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id)))\n"
	"AND (OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.matter IS NOT NEW.matter OR OLD.given_to IS NOT NEW.given_to OR OLD.given_by_unit IS NOT NEW.given_by_unit OR OLD.given_by_person IS NOT NEW.given_by_person OR OLD.level IS NOT NEW.level OR OLD.limits IS NOT NEW.limits OR OLD.legal_basis IS NOT NEW.legal_basis OR OLD.onward IS NOT NEW.onward OR OLD.substitute IS NOT NEW.substitute OR OLD.report_back IS NOT NEW.report_back OR OLD.valid_from IS NOT NEW.valid_from OR OLD.valid_until IS NOT NEW.valid_until OR OLD.meeting IS NOT NEW.meeting OR OLD.item IS NOT NEW.item OR OLD.case_ref IS NOT NEW.case_ref OR OLD.non_delegable IS NOT NEW.non_delegable) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER mandates_justering_delete;\n"
	"CREATE TRIGGER mandates_justering_delete BEFORE DELETE ON mandates\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER frames_justering_insert;\n"
	"CREATE TRIGGER frames_justering_insert BEFORE INSERT ON frames\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER frames_justering_update;\n"
	"CREATE TRIGGER frames_justering_update BEFORE UPDATE ON frames\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id)))\n"
	"AND (OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.description IS NOT NEW.description OR OLD.kind IS NOT NEW.kind OR OLD.holder_person IS NOT NEW.holder_person OR OLD.holder_unit IS NOT NEW.holder_unit OR OLD.amount IS NOT NEW.amount OR OLD.amount_unit IS NOT NEW.amount_unit OR OLD.trust IS NOT NEW.trust OR OLD.trust_factors IS NOT NEW.trust_factors OR OLD.escalation IS NOT NEW.escalation OR OLD.valid_from IS NOT NEW.valid_from OR OLD.valid_until IS NOT NEW.valid_until OR OLD.meeting IS NOT NEW.meeting OR OLD.item IS NOT NEW.item OR OLD.mandate IS NOT NEW.mandate OR OLD.version IS NOT NEW.version) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER frames_justering_delete;\n"
	"CREATE TRIGGER frames_justering_delete BEFORE DELETE ON frames\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER frame_versions_justering_insert;\n"
	"CREATE TRIGGER frame_versions_justering_insert BEFORE INSERT ON frame_versions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER frame_versions_justering_update;\n"
	"CREATE TRIGGER frame_versions_justering_update BEFORE UPDATE ON frame_versions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER frame_versions_justering_delete;\n"
	"CREATE TRIGGER frame_versions_justering_delete BEFORE DELETE ON frame_versions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER balances_justering_insert;\n"
	"CREATE TRIGGER balances_justering_insert BEFORE INSERT ON balances\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER balances_justering_update;\n"
	"CREATE TRIGGER balances_justering_update BEFORE UPDATE ON balances\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER balances_justering_delete;\n"
	"CREATE TRIGGER balances_justering_delete BEFORE DELETE ON balances\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER followups_justering_insert;\n"
	"CREATE TRIGGER followups_justering_insert BEFORE INSERT ON followups\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER followups_justering_update;\n"
	"CREATE TRIGGER followups_justering_update BEFORE UPDATE ON followups\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id)))\n"
	"AND (OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.text IS NOT NEW.text OR OLD.kind IS NOT NEW.kind OR OLD.owner IS NOT NEW.owner OR OLD.due IS NOT NEW.due OR OLD.meeting IS NOT NEW.meeting OR OLD.item IS NOT NEW.item OR OLD.mandate IS NOT NEW.mandate OR OLD.frame IS NOT NEW.frame) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER followups_justering_delete;\n"
	"CREATE TRIGGER followups_justering_delete BEFORE DELETE ON followups\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"DROP TRIGGER signatures_justering_update;\n"
	"CREATE TRIGGER signatures_justering_update BEFORE UPDATE ON signatures\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	;

/*
 * Schema 7: registered public keys (issue 12): the ssh-ed25519 keys
 * people sign with.  A key is kept for good: a person's earlier key still
 * checks the signatures made with it.  So the table is append-only, except that a
 * key is retired once, when the next one is registered; the triggers
 * refuse any other change and every delete, whoever writes.  A person
 * has at most one current key (retired_at NULL).
 */
const char tl_sqlite_migration_keys[] =
	"CREATE TABLE person_keys (\n"
	"	seq INTEGER PRIMARY KEY,\n"
	"	id TEXT NOT NULL UNIQUE,\n"
	"	person TEXT NOT NULL REFERENCES people(id),\n"
	"	pubkey TEXT NOT NULL,\n"
	"	fingerprint TEXT NOT NULL,\n"
	"	added_at TEXT NOT NULL,\n"
	"	retired_at TEXT CHECK (retired_at IS NULL OR retired_at >= added_at)\n"
	");\n"
	"CREATE INDEX person_keys_person ON person_keys(person, added_at, seq);\n"
	"CREATE INDEX person_keys_fingerprint ON person_keys(fingerprint);\n"
	"CREATE UNIQUE INDEX person_keys_current ON person_keys(person) WHERE retired_at IS NULL;\n"
	"CREATE TRIGGER person_keys_no_update BEFORE UPDATE ON person_keys\n"
	"WHEN OLD.retired_at IS NOT NULL OR NEW.retired_at IS NULL OR NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.person IS NOT OLD.person OR NEW.pubkey IS NOT OLD.pubkey OR NEW.fingerprint IS NOT OLD.fingerprint OR NEW.added_at IS NOT OLD.added_at BEGIN\n"
	"	SELECT RAISE(ABORT, 'a registered key is kept as it is; it can only be retired, once');\n"
	"END;\n"
	"CREATE TRIGGER person_keys_no_delete BEFORE DELETE ON person_keys BEGIN\n"
	"	SELECT RAISE(ABORT, 'a registered key is kept as it is; it can only be retired, once');\n"
	"END;\n"
	;

/*
 * Schema 8: delegated decisions are reported exactly once (issue 12): a
 * decision's reported_in is the committee meeting that claimed it when
 * its justering started (report.c), set and released only by the store.  A decision
 * claimed by a meeting under justering or signed is locked with it, as
 * what was recorded in the meeting is.  Meetings signed or under
 * justering before this claim what they listed then, by the rule of the
 * time (decided on or after the committee's previous meeting's day and
 * before their own), if it was registered before their first signature;
 * a decision registered later goes to a later meeting.
 */
const char tl_sqlite_migration_reported[] =
	"ALTER TABLE decisions ADD COLUMN reported_in TEXT REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED;\n"
	"CREATE INDEX decisions_reported_in ON decisions(reported_in, decided_on, id);\n"
	"CREATE TEMP TABLE reported_claims AS SELECT d.id AS decision, (\n"
	"	SELECT m.id FROM meetings m JOIN mandates md ON md.id = d.mandate AND md.given_by_unit = m.unit\n"
	"	WHERE m.kind = 'committee'\n"
	"	AND (m.status = 'signed' OR (m.status = 'held' AND EXISTS (SELECT 1 FROM signatures s WHERE s.meeting = m.id)))\n"
	"	AND d.decided_on < substr(m.starts_at, 1, 10)\n"
	"	AND d.decided_on >= coalesce((SELECT substr(p.starts_at, 1, 10) FROM meetings p WHERE p.unit = m.unit AND p.kind = 'committee' AND p.starts_at < m.starts_at ORDER BY p.starts_at DESC, p.id DESC LIMIT 1), '')\n"
	"	AND d.created_at <= coalesce((SELECT strftime('%Y-%m-%dT%H:%M:59Z', min(s.signed_at), 'utc') FROM signatures s WHERE s.meeting = m.id), '9999')\n"
	"	ORDER BY m.starts_at, m.id LIMIT 1) AS meeting FROM decisions d;\n"
	"UPDATE decisions SET reported_in = (SELECT meeting FROM reported_claims WHERE decision = decisions.id)\n"
	"WHERE id IN (SELECT decision FROM reported_claims WHERE meeting IS NOT NULL);\n"
	"DROP TABLE reported_claims;\n"
	"CREATE TRIGGER decisions_locked_insert BEFORE INSERT ON decisions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.reported_in AND status = 'signed') BEGIN\n"
	"	SELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER decisions_locked_update BEFORE UPDATE ON decisions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.reported_in, NEW.reported_in) AND status = 'signed') BEGIN\n"
	"	SELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER decisions_locked_delete BEFORE DELETE ON decisions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.reported_in AND status = 'signed') BEGIN\n"
	"	SELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER decisions_justering_insert BEFORE INSERT ON decisions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.reported_in AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TRIGGER decisions_justering_update BEFORE UPDATE ON decisions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.reported_in, NEW.reported_in) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TRIGGER decisions_justering_delete BEFORE DELETE ON decisions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.reported_in AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	;

/*
 * Schema 9: § numbers never repeat (issue 12): an item's number is
 * unique within its committee's year (the committee meetings of its meeting's unit
 * that start in the same calendar year), and within its meeting for
 * other meetings.  number.c keeps them so, in the order of the
 * meetings' dates; these triggers refuse a number twice whoever writes,
 * including a committee meeting moved onto another year's numbers.
 *
 * A file written before may already repeat numbers (a meeting moved
 * back across the new year kept its own).  Where a committee's year
 * does, the unsigned meetings after its last signed one (or one under
 * justering) are numbered again, in date order, on from the largest
 * number before them; signed minutes keep theirs, and the triggers only
 * look at what is written from now on, so the file still opens.
 */
const char tl_sqlite_migration_numbers[] =
	"CREATE TEMP TABLE renumber AS\n"
	"WITH cm AS (SELECT id, unit, substr(starts_at, 1, 4) AS year, starts_at || id AS k, status = 'signed' OR (status = 'held' AND (EXISTS (SELECT 1 FROM signatures s WHERE s.meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals s WHERE s.meeting = meetings.id))) AS locked FROM meetings WHERE kind = 'committee' AND unit IS NOT NULL),\n"
	"ci AS (SELECT i.id, i.number, cm.unit, cm.year, cm.k, cm.locked FROM items i JOIN cm ON cm.id = i.meeting),\n"
	"repeats AS (SELECT DISTINCT unit, year FROM ci GROUP BY unit, year, number HAVING count(*) > 1),\n"
	"fixed AS (SELECT unit, year, max(k) AS k FROM ci WHERE locked GROUP BY unit, year),\n"
	"tail AS (SELECT ci.* FROM ci JOIN repeats USING (unit, year) LEFT JOIN fixed f USING (unit, year) WHERE NOT ci.locked AND (f.k IS NULL OR ci.k > f.k)),\n"
	"base AS (SELECT unit, year, max(number) AS n FROM ci WHERE id NOT IN (SELECT id FROM tail) GROUP BY unit, year)\n"
	"SELECT t.id, coalesce(b.n, 0) + row_number() OVER (PARTITION BY t.unit, t.year ORDER BY t.k, t.number, t.id) AS n FROM tail t LEFT JOIN base b USING (unit, year);\n"
	"UPDATE items SET number = (SELECT n FROM temp.renumber r WHERE r.id = items.id) WHERE id IN (SELECT id FROM temp.renumber);\n"
	"DROP TABLE temp.renumber;\n"
	"CREATE TRIGGER items_number_insert BEFORE INSERT ON items\n"
	"WHEN EXISTS (SELECT 1 FROM items WHERE meeting = NEW.meeting AND number = NEW.number)\n"
	"AND NOT EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND kind = 'committee' AND unit IS NOT NULL) BEGIN\n"
	"	SELECT RAISE(ABORT, 'the item number is already used in this meeting');\n"
	"END;\n"
	"CREATE TRIGGER items_number_update BEFORE UPDATE ON items\n"
	"WHEN (OLD.number IS NOT NEW.number OR OLD.meeting IS NOT NEW.meeting)\n"
	"AND EXISTS (SELECT 1 FROM items WHERE meeting = NEW.meeting AND number = NEW.number AND seq <> OLD.seq)\n"
	"AND NOT EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND kind = 'committee' AND unit IS NOT NULL) BEGIN\n"
	"	SELECT RAISE(ABORT, 'the item number is already used in this meeting');\n"
	"END;\n"
	"CREATE TRIGGER items_paragraph_insert BEFORE INSERT ON items\n"
	"WHEN EXISTS (SELECT 1 FROM meetings nm JOIN meetings m ON m.unit = nm.unit AND m.kind = 'committee' AND m.starts_at >= substr(nm.starts_at, 1, 4) || '-01-01' AND m.starts_at < printf('%04d-01-01', substr(nm.starts_at, 1, 4) + 1) JOIN items i ON i.meeting = m.id AND i.number = NEW.number WHERE nm.id = NEW.meeting AND nm.kind = 'committee') BEGIN\n"
	"	SELECT RAISE(ABORT, 'the § number is already used by this committee in the same year');\n"
	"END;\n"
	"CREATE TRIGGER items_paragraph_update BEFORE UPDATE ON items\n"
	"WHEN (OLD.number IS NOT NEW.number OR OLD.meeting IS NOT NEW.meeting)\n"
	"AND EXISTS (SELECT 1 FROM meetings nm JOIN meetings m ON m.unit = nm.unit AND m.kind = 'committee' AND m.starts_at >= substr(nm.starts_at, 1, 4) || '-01-01' AND m.starts_at < printf('%04d-01-01', substr(nm.starts_at, 1, 4) + 1) JOIN items i ON i.meeting = m.id AND i.number = NEW.number AND i.seq <> OLD.seq WHERE nm.id = NEW.meeting AND nm.kind = 'committee') BEGIN\n"
	"	SELECT RAISE(ABORT, 'the § number is already used by this committee in the same year');\n"
	"END;\n"
	"CREATE TRIGGER meetings_paragraph_update BEFORE UPDATE ON meetings\n"
	"WHEN NEW.kind = 'committee' AND NEW.unit IS NOT NULL\n"
	"AND (OLD.kind IS NOT NEW.kind OR OLD.unit IS NOT NEW.unit OR substr(OLD.starts_at, 1, 4) IS NOT substr(NEW.starts_at, 1, 4))\n"
	"AND EXISTS (SELECT 1 FROM items mine JOIN items i ON i.number = mine.number JOIN meetings m ON m.id = i.meeting WHERE mine.meeting = OLD.id AND m.id <> OLD.id AND m.kind = 'committee' AND m.unit = NEW.unit AND m.starts_at >= substr(NEW.starts_at, 1, 4) || '-01-01' AND m.starts_at < printf('%04d-01-01', substr(NEW.starts_at, 1, 4) + 1)) BEGIN\n"
	"	SELECT RAISE(ABORT, 'the § number is already used by this committee in the same year');\n"
	"END;\n"
	;

/*
 * Schema 10: the audit log becomes a hash chain and says who acted (issue
 * 12).  Each row gains the acting person (actor: the person whose login
 * is the OS account, NULL when none), a clock mark ('TILLIT_NOW' when
 * that set its time, else 'system'), and prev and hash (store/audit.h).
 * The table is made anew rather than altered: the rows are copied in seq
 * order with tl_audit_chain(), the engine's SQL window function (sqlite/
 * audit.c), filling prev and hash as the copy goes, and the old table,
 * its index and its append-only triggers go with it; they are made again
 * on the new one.  Rows written before keep actor and clock NULL: they
 * recorded neither, and the upgrade does not guess.  (Copying names the
 * old columns, so it also takes a log that has more.)
 */
const char tl_sqlite_migration_chain[] =
	"CREATE TABLE audit_chained (\n"
	"	seq INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"	at TEXT NOT NULL,\n"
	"	actor TEXT,\n"
	"	os_user TEXT NOT NULL,\n"
	"	clock TEXT CHECK (clock IN ('system', 'TILLIT_NOW')),\n"
	"	entity TEXT NOT NULL,\n"
	"	entity_id TEXT NOT NULL,\n"
	"	action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),\n"
	"	field TEXT,\n"
	"	old_value TEXT,\n"
	"	new_value TEXT,\n"
	"	prev TEXT NOT NULL,\n"
	"	hash TEXT NOT NULL\n"
	");\n"
	"INSERT INTO audit_chained (seq, at, actor, os_user, clock, entity, entity_id, action, field, old_value, new_value, prev, hash)\n"
	"SELECT seq, at, NULL, os_user, NULL, entity, entity_id, action, field, old_value, new_value, substr(link, 1, 64), substr(link, 65)\n"
	"FROM (SELECT seq, at, os_user, entity, entity_id, action, field, old_value, new_value,\n"
	"	tl_audit_chain('" "0000000000000000000000000000000000000000000000000000000000000000" "', seq, at, NULL, NULL, os_user, entity, entity_id, action, field, old_value, new_value)\n"
	"	OVER (ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS link\n"
	"	FROM audit)\n"
	"ORDER BY seq;\n"
	"DROP TABLE audit;\n"
	"ALTER TABLE audit_chained RENAME TO audit;\n"
	"CREATE INDEX audit_entity ON audit(entity_id, seq);\n"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN\n"
	"	SELECT RAISE(ABORT, 'the audit log is append-only');\n"
	"END;\n"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN\n"
	"	SELECT RAISE(ABORT, 'the audit log is append-only');\n"
	"END;\n";

/*
 * Schema 11: notices (issue 16).  A notice records the day a committee's
 * justering was announced on the notice board, from which the appeal
 * window runs (core/clocks.h).  One per meeting; it is written after
 * signing and is no part of the minutes, so no lock triggers hold it.
 */
const char tl_sqlite_migration_notices[] =
	"CREATE TABLE notices (\n"
	"	seq INTEGER PRIMARY KEY,\n"
	"	id TEXT NOT NULL UNIQUE,\n"
	"	created_at TEXT NOT NULL,\n"
	"	updated_at TEXT NOT NULL,\n"
	"	meeting TEXT NOT NULL REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"	posted_on TEXT NOT NULL,\n"
	"	removed_on TEXT,\n"
	"	kept_at TEXT,\n"
	"	posted_by TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED\n"
	");\n"
	"CREATE INDEX notices_sort ON notices(posted_on, id);\n"
	"CREATE UNIQUE INDEX notices_meeting ON notices(meeting);\n"
	"CREATE INDEX notices_posted_by ON notices(posted_by);\n";

/*
 * Schema 12: a § as the law records it (issue 16).  An elected member's
 * party; a participant's place in the minutes (whom a serving substitute
 * replaces, the first and last § they took part in); and four kinds of
 * the § itself, each naming its meeting so that signing locks them as it
 * locks the rest of the minutes: motions, votes, each member's ballot,
 * and entries (reservations, protokollsanteckningar, disqualifications,
 * the decision basis, recipients and the order of decision).
 */
const char tl_sqlite_migration_paragraphs[] =
	"ALTER TABLE people ADD COLUMN party TEXT;\n"
	"ALTER TABLE participants ADD COLUMN replaces TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED;\n"
	"ALTER TABLE participants ADD COLUMN from_item TEXT REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED;\n"
	"ALTER TABLE participants ADD COLUMN until_item TEXT REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED;\n"
	"CREATE INDEX participants_replaces ON participants(replaces);\n"
	"CREATE INDEX participants_from_item ON participants(from_item);\n"
	"CREATE INDEX participants_until_item ON participants(until_item);\n"
	"CREATE TABLE motions (\n"
	"\tseq INTEGER PRIMARY KEY,\n"
	"\tid TEXT NOT NULL UNIQUE,\n"
	"\tcreated_at TEXT NOT NULL,\n"
	"\tupdated_at TEXT NOT NULL,\n"
	"\tmeeting TEXT NOT NULL REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\titem TEXT NOT NULL REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\tperson TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\ttext TEXT NOT NULL,\n"
	"\tstatus TEXT NOT NULL DEFAULT 'standing'\n"
	");\n"
	"CREATE INDEX motions_sort ON motions(item, id);\n"
	"CREATE INDEX motions_person ON motions(person, item, id);\n"
	"CREATE INDEX motions_status ON motions(status, item, id);\n"
	"CREATE INDEX motions_meeting ON motions(meeting);\n"
	"CREATE VIRTUAL TABLE motions_fts USING fts5(text, content='motions', content_rowid='seq', tokenize='unicode61 remove_diacritics 0');\n"
	"CREATE TRIGGER motions_fts_ai AFTER INSERT ON motions BEGIN\n"
	"\tINSERT INTO motions_fts(rowid, text) VALUES (new.seq, new.text);\n"
	"END;\n"
	"CREATE TRIGGER motions_fts_ad AFTER DELETE ON motions BEGIN\n"
	"\tINSERT INTO motions_fts(motions_fts, rowid, text) VALUES ('delete', old.seq, old.text);\n"
	"END;\n"
	"CREATE TRIGGER motions_fts_au AFTER UPDATE ON motions BEGIN\n"
	"\tINSERT INTO motions_fts(motions_fts, rowid, text) VALUES ('delete', old.seq, old.text);\n"
	"\tINSERT INTO motions_fts(rowid, text) VALUES (new.seq, new.text);\n"
	"END;\n"
	"CREATE TRIGGER motions_locked_insert BEFORE INSERT ON motions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER motions_locked_update BEFORE UPDATE ON motions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER motions_locked_delete BEFORE DELETE ON motions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER motions_justering_insert BEFORE INSERT ON motions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TRIGGER motions_justering_update BEFORE UPDATE ON motions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TRIGGER motions_justering_delete BEFORE DELETE ON motions\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TABLE votes (\n"
	"\tseq INTEGER PRIMARY KEY,\n"
	"\tid TEXT NOT NULL UNIQUE,\n"
	"\tcreated_at TEXT NOT NULL,\n"
	"\tupdated_at TEXT NOT NULL,\n"
	"\tmeeting TEXT NOT NULL REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\titem TEXT NOT NULL REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\tproposition TEXT NOT NULL,\n"
	"\tyes INTEGER NOT NULL,\n"
	"\tno INTEGER NOT NULL,\n"
	"\tabstain INTEGER NOT NULL DEFAULT 0,\n"
	"\tresult TEXT NOT NULL,\n"
	"\tcasting INTEGER NOT NULL DEFAULT 0\n"
	");\n"
	"CREATE INDEX votes_sort ON votes(item, id);\n"
	"CREATE INDEX votes_meeting ON votes(meeting);\n"
	"CREATE VIRTUAL TABLE votes_fts USING fts5(proposition, content='votes', content_rowid='seq', tokenize='unicode61 remove_diacritics 0');\n"
	"CREATE TRIGGER votes_fts_ai AFTER INSERT ON votes BEGIN\n"
	"\tINSERT INTO votes_fts(rowid, proposition) VALUES (new.seq, new.proposition);\n"
	"END;\n"
	"CREATE TRIGGER votes_fts_ad AFTER DELETE ON votes BEGIN\n"
	"\tINSERT INTO votes_fts(votes_fts, rowid, proposition) VALUES ('delete', old.seq, old.proposition);\n"
	"END;\n"
	"CREATE TRIGGER votes_fts_au AFTER UPDATE ON votes BEGIN\n"
	"\tINSERT INTO votes_fts(votes_fts, rowid, proposition) VALUES ('delete', old.seq, old.proposition);\n"
	"\tINSERT INTO votes_fts(rowid, proposition) VALUES (new.seq, new.proposition);\n"
	"END;\n"
	"CREATE TRIGGER votes_locked_insert BEFORE INSERT ON votes\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER votes_locked_update BEFORE UPDATE ON votes\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER votes_locked_delete BEFORE DELETE ON votes\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER votes_justering_insert BEFORE INSERT ON votes\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TRIGGER votes_justering_update BEFORE UPDATE ON votes\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TRIGGER votes_justering_delete BEFORE DELETE ON votes\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TABLE ballots (\n"
	"\tseq INTEGER PRIMARY KEY,\n"
	"\tid TEXT NOT NULL UNIQUE,\n"
	"\tcreated_at TEXT NOT NULL,\n"
	"\tupdated_at TEXT NOT NULL,\n"
	"\tmeeting TEXT NOT NULL REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\tvote TEXT NOT NULL REFERENCES votes(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\tperson TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\tchoice TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX ballots_sort ON ballots(vote, id);\n"
	"CREATE INDEX ballots_person ON ballots(person, vote, id);\n"
	"CREATE INDEX ballots_meeting ON ballots(meeting);\n"
	"CREATE UNIQUE INDEX ballots_once ON ballots(vote, person);\n"
	"CREATE TRIGGER ballots_locked_insert BEFORE INSERT ON ballots\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER ballots_locked_update BEFORE UPDATE ON ballots\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER ballots_locked_delete BEFORE DELETE ON ballots\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER ballots_justering_insert BEFORE INSERT ON ballots\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TRIGGER ballots_justering_update BEFORE UPDATE ON ballots\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TRIGGER ballots_justering_delete BEFORE DELETE ON ballots\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TABLE entries (\n"
	"\tseq INTEGER PRIMARY KEY,\n"
	"\tid TEXT NOT NULL UNIQUE,\n"
	"\tcreated_at TEXT NOT NULL,\n"
	"\tupdated_at TEXT NOT NULL,\n"
	"\tmeeting TEXT NOT NULL REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\titem TEXT NOT NULL REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\tkind TEXT NOT NULL,\n"
	"\tperson TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\tunit TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"\ttext TEXT,\n"
	"\tcase_ref TEXT\n"
	");\n"
	"CREATE INDEX entries_sort ON entries(item, id);\n"
	"CREATE INDEX entries_person ON entries(person, item, id);\n"
	"CREATE INDEX entries_kind ON entries(kind, item, id);\n"
	"CREATE INDEX entries_meeting ON entries(meeting);\n"
	"CREATE INDEX entries_unit ON entries(unit);\n"
	"CREATE VIRTUAL TABLE entries_fts USING fts5(text, case_ref, content='entries', content_rowid='seq', tokenize='unicode61 remove_diacritics 0');\n"
	"CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN\n"
	"\tINSERT INTO entries_fts(rowid, text, case_ref) VALUES (new.seq, new.text, new.case_ref);\n"
	"END;\n"
	"CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN\n"
	"\tINSERT INTO entries_fts(entries_fts, rowid, text, case_ref) VALUES ('delete', old.seq, old.text, old.case_ref);\n"
	"END;\n"
	"CREATE TRIGGER entries_fts_au AFTER UPDATE ON entries BEGIN\n"
	"\tINSERT INTO entries_fts(entries_fts, rowid, text, case_ref) VALUES ('delete', old.seq, old.text, old.case_ref);\n"
	"\tINSERT INTO entries_fts(rowid, text, case_ref) VALUES (new.seq, new.text, new.case_ref);\n"
	"END;\n"
	"CREATE TRIGGER entries_locked_insert BEFORE INSERT ON entries\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER entries_locked_update BEFORE UPDATE ON entries\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER entries_locked_delete BEFORE DELETE ON entries\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is signed and locked');\n"
	"END;\n"
	"CREATE TRIGGER entries_justering_insert BEFORE INSERT ON entries\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TRIGGER entries_justering_update BEFORE UPDATE ON entries\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n"
	"CREATE TRIGGER entries_justering_delete BEFORE DELETE ON entries\n"
	"WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND (EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id) OR EXISTS (SELECT 1 FROM seals WHERE meeting = meetings.id))) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');\n"
	"END;\n";

/*
 * Schema 13: the place and time of justering that a committee's
 * protokoll states (justeringens plats och tid), on the meeting.
 */
const char tl_sqlite_migration_justering_place[] =
	"ALTER TABLE meetings ADD COLUMN justering TEXT;\n";

/*
 * Schema 14: a delegated decision announced on its own, on the notice
 * board, instead of reported to the committee: the day it went up, from
 * which its appeal window runs.
 */
const char tl_sqlite_migration_announced[] =
	"ALTER TABLE decisions ADD COLUMN announced_on TEXT;\n";

/*
 * Schema 15: a § justered immediately (omedelbar justering).  Its
 * notice, which announces that § alone and runs its own appeal window: a
 * meeting keeps one notice of its protokoll (item NULL), and a § one of
 * its own.  And its lock, as the store's (store/paragraph.c) for whoever
 * writes: the view paragraphs_justered holds the §§ that the chair and
 * every justerare of a committee meeting have signed (entries of kind
 * justering); such a § and what it records (motions, votes, ballots,
 * entries) do not change or go, no motion, vote or ballot is added to
 * it, and its meeting keeps its participants, start, committee and kind.
 * (A new entry is the store's to refuse: a copy puts the entries of a §
 * in in any order.)
 */
const char tl_sqlite_migration_paragraph_notices[] =
	"ALTER TABLE notices ADD COLUMN item TEXT REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED;\n"
	"DROP INDEX notices_meeting;\n"
	"CREATE INDEX notices_meeting ON notices(meeting, posted_on, id);\n"
	"CREATE UNIQUE INDEX notices_protokoll ON notices(meeting) WHERE item IS NULL;\n"
	"CREATE UNIQUE INDEX notices_item ON notices(item) WHERE item IS NOT NULL;\n"
	"CREATE VIEW paragraphs_justered AS SELECT i.id AS item, i.meeting AS meeting FROM items i WHERE EXISTS (SELECT 1 FROM entries e0 WHERE e0.item = i.id AND e0.kind = 'justering') AND EXISTS (SELECT 1 FROM meetings m WHERE m.id = i.meeting AND m.kind = 'committee') AND EXISTS (SELECT 1 FROM participants p WHERE p.meeting = i.meeting AND p.role IN ('chair', 'adjuster')) AND NOT EXISTS (SELECT 1 FROM participants p WHERE p.meeting = i.meeting AND p.role IN ('chair', 'adjuster') AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.item = i.id AND e.kind = 'justering' AND e.person = p.person));\n"
	"CREATE TRIGGER items_justered_update BEFORE UPDATE ON items\n"
	"WHEN EXISTS (SELECT 1 FROM paragraphs_justered WHERE item = OLD.id) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER items_justered_delete BEFORE DELETE ON items\n"
	"WHEN EXISTS (SELECT 1 FROM paragraphs_justered WHERE item = OLD.id) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER motions_justered_insert BEFORE INSERT ON motions\n"
	"WHEN EXISTS (SELECT 1 FROM paragraphs_justered WHERE item = NEW.item) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER motions_justered_update BEFORE UPDATE ON motions\n"
	"WHEN EXISTS (SELECT 1 FROM paragraphs_justered WHERE item = OLD.item) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER motions_justered_delete BEFORE DELETE ON motions\n"
	"WHEN EXISTS (SELECT 1 FROM paragraphs_justered WHERE item = OLD.item) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER votes_justered_insert BEFORE INSERT ON votes\n"
	"WHEN EXISTS (SELECT 1 FROM paragraphs_justered WHERE item = NEW.item) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER votes_justered_update BEFORE UPDATE ON votes\n"
	"WHEN EXISTS (SELECT 1 FROM paragraphs_justered WHERE item = OLD.item) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER votes_justered_delete BEFORE DELETE ON votes\n"
	"WHEN EXISTS (SELECT 1 FROM paragraphs_justered WHERE item = OLD.item) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER entries_justered_update BEFORE UPDATE ON entries\n"
	"WHEN EXISTS (SELECT 1 FROM paragraphs_justered WHERE item = OLD.item) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER entries_justered_delete BEFORE DELETE ON entries\n"
	"WHEN EXISTS (SELECT 1 FROM paragraphs_justered WHERE item = OLD.item) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER ballots_justered_insert BEFORE INSERT ON ballots\n"
	"WHEN EXISTS (SELECT 1 FROM votes v JOIN paragraphs_justered j ON j.item = v.item WHERE v.id = NEW.vote) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER ballots_justered_update BEFORE UPDATE ON ballots\n"
	"WHEN EXISTS (SELECT 1 FROM votes v JOIN paragraphs_justered j ON j.item = v.item WHERE v.id = OLD.vote) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER ballots_justered_delete BEFORE DELETE ON ballots\n"
	"WHEN EXISTS (SELECT 1 FROM votes v JOIN paragraphs_justered j ON j.item = v.item WHERE v.id = OLD.vote) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'the § is justered immediately and locked');\n"
	"END;\n"
	"CREATE TRIGGER participants_justered_insert BEFORE INSERT ON participants\n"
	"WHEN NEW.role IN ('chair', 'adjuster', 'member', 'substitute') AND EXISTS (SELECT 1 FROM paragraphs_justered WHERE meeting = NEW.meeting) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'a § of the meeting is justered immediately, and who could decide and sign it is part of it');\n"
	"END;\n"
	"CREATE TRIGGER participants_justered_update BEFORE UPDATE ON participants\n"
	"WHEN (OLD.role IN ('chair', 'adjuster', 'member', 'substitute') OR NEW.role IN ('chair', 'adjuster', 'member', 'substitute')) AND EXISTS (SELECT 1 FROM paragraphs_justered WHERE meeting = OLD.meeting) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'a § of the meeting is justered immediately, and who could decide and sign it is part of it');\n"
	"END;\n"
	"CREATE TRIGGER participants_justered_delete BEFORE DELETE ON participants\n"
	"WHEN OLD.role IN ('chair', 'adjuster', 'member', 'substitute') AND EXISTS (SELECT 1 FROM paragraphs_justered WHERE meeting = OLD.meeting) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'a § of the meeting is justered immediately, and who could decide and sign it is part of it');\n"
	"END;\n"
	"CREATE TRIGGER meetings_justered_update BEFORE UPDATE ON meetings\n"
	"WHEN (OLD.starts_at IS NOT NEW.starts_at OR OLD.unit IS NOT NEW.unit OR OLD.kind IS NOT NEW.kind) AND EXISTS (SELECT 1 FROM paragraphs_justered WHERE meeting = OLD.id) BEGIN\n"
	"\tSELECT RAISE(ABORT, 'a § of the meeting is justered immediately; its start, committee and kind cannot change');\n"
	"END;\n";
