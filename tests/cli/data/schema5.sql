-- tests/cli/data/schema5.sql - a database written by tillit at schema 5,
-- before the audit log was a hash chain: `tillit init`, then a unit, a
-- person (edited), a committee meeting with an item and a follow-up
-- (edited), as the sqlite3 program dumps it (the OS user renamed
-- "kansli").  test_audit_chain.sh loads it to test the upgrade.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE units (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	name TEXT NOT NULL,
	kind TEXT NOT NULL,
	parent TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
	status TEXT NOT NULL DEFAULT 'active'
);
INSERT INTO units VALUES(1,'71c4de6f-a8cf-4eac-b1ce-3536bb645439','2026-11-23T09:00:00Z','2026-11-23T09:00:00Z','Kulturnämnden','committee',NULL,'active');
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','units_fts','units_fts',0,'CREATE VIRTUAL TABLE units_fts USING fts5(name, content=''units'', content_rowid=''seq'', tokenize=''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'units_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO units_fts_data VALUES(1,X'0101');
INSERT INTO units_fts_data VALUES(10,X'000000000101010001010101');
INSERT INTO units_fts_data VALUES(137438953473,X'000000170f306b756c7475726ec3a46d6e64656e01020204');
CREATE TABLE IF NOT EXISTS 'units_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO units_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'units_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO units_fts_docsize VALUES(1,X'01');
CREATE TABLE IF NOT EXISTS 'units_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO units_fts_config VALUES('version',4);
CREATE TABLE people (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	name TEXT NOT NULL,
	title TEXT,
	kind TEXT NOT NULL,
	unit TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
	login TEXT,
	email TEXT,
	status TEXT NOT NULL DEFAULT 'active'
);
INSERT INTO people VALUES(1,'c96c3027-83cb-4be1-b962-0848393f6021','2026-11-23T09:00:00Z','2026-11-23T09:00:00Z','Åsa Öberg','Ordförande','elected','71c4de6f-a8cf-4eac-b1ce-3536bb645439','asa.oberg',NULL,'active');
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','people_fts','people_fts',0,'CREATE VIRTUAL TABLE people_fts USING fts5(name, title, content=''people'', content_rowid=''seq'', tokenize=''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'people_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO people_fts_data VALUES(1,X'010201');
INSERT INTO people_fts_data VALUES(10,X'000000000102020002010101020101');
INSERT INTO people_fts_data VALUES(137438953473,X'000000170530c3a573610102020205b6626572670102030409');
INSERT INTO people_fts_data VALUES(274877906945,X'000000290c306f726466c3b672616e646501060101020104c3a573610103020205b662657267010303041209');
CREATE TABLE IF NOT EXISTS 'people_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO people_fts_idx VALUES(1,X'',2);
INSERT INTO people_fts_idx VALUES(2,X'',2);
CREATE TABLE IF NOT EXISTS 'people_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO people_fts_docsize VALUES(1,X'0201');
CREATE TABLE IF NOT EXISTS 'people_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO people_fts_config VALUES('version',4);
CREATE TABLE series (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	title TEXT NOT NULL,
	kind TEXT NOT NULL,
	unit TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
	notes TEXT
);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','series_fts','series_fts',0,'CREATE VIRTUAL TABLE series_fts USING fts5(title, notes, content=''series'', content_rowid=''seq'', tokenize=''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'series_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO series_fts_data VALUES(1,X'');
INSERT INTO series_fts_data VALUES(10,X'00000000000000');
CREATE TABLE IF NOT EXISTS 'series_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'series_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'series_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO series_fts_config VALUES('version',4);
CREATE TABLE meetings (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	title TEXT NOT NULL,
	kind TEXT NOT NULL,
	unit TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
	series TEXT REFERENCES series(id) DEFERRABLE INITIALLY DEFERRED,
	starts_at TEXT NOT NULL,
	ends_at TEXT,
	location TEXT,
	status TEXT NOT NULL DEFAULT 'planned',
	notes TEXT
);
INSERT INTO meetings VALUES(1,'9da19255-26a7-486f-89e3-f5e59926a593','2026-11-23T09:00:00Z','2026-11-23T09:00:00Z','Kulturnämndens sammanträde','committee','71c4de6f-a8cf-4eac-b1ce-3536bb645439',NULL,'2026-12-01 13:00',NULL,NULL,'planned',NULL);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','meetings_fts','meetings_fts',0,'CREATE VIRTUAL TABLE meetings_fts USING fts5(title, notes, content=''meetings'', content_rowid=''seq'', tokenize=''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'meetings_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO meetings_fts_data VALUES(1,X'010200');
INSERT INTO meetings_fts_data VALUES(10,X'000000000101010001010101');
INSERT INTO meetings_fts_data VALUES(137438953473,X'0000002910306b756c7475726ec3a46d6e64656e73010202010c73616d6d616e7472c3a464650102030414');
CREATE TABLE IF NOT EXISTS 'meetings_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO meetings_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'meetings_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO meetings_fts_docsize VALUES(1,X'0200');
CREATE TABLE IF NOT EXISTS 'meetings_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO meetings_fts_config VALUES('version',4);
CREATE TABLE participants (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	meeting TEXT NOT NULL REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
	person TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
	role TEXT NOT NULL,
	attendance TEXT NOT NULL DEFAULT 'unknown'
);
CREATE TABLE items (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	meeting TEXT NOT NULL REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
	number INTEGER NOT NULL,
	title TEXT NOT NULL,
	kind TEXT NOT NULL DEFAULT 'discussion',
	question TEXT,
	decided_by TEXT,
	tags TEXT,
	case_ref TEXT,
	notes TEXT,
	decision TEXT,
	refers_to TEXT REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED,
	status TEXT NOT NULL DEFAULT 'open'
);
INSERT INTO items VALUES(1,'aa10bf35-e782-44f4-b256-2b25f9292d24','2026-11-23T09:00:00Z','2026-11-23T09:00:00Z','9da19255-26a7-486f-89e3-f5e59926a593',1,'Bidrag till föreningar','decision',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'open');
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','items_fts','items_fts',0,'CREATE VIRTUAL TABLE items_fts USING fts5(title, case_ref, notes, decision, content=''items'', content_rowid=''seq'', tokenize=''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'items_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO items_fts_data VALUES(1,X'0103000000');
INSERT INTO items_fts_data VALUES(10,X'000000000101010001010101');
INSERT INTO items_fts_data VALUES(137438953473,X'000000280730626964726167010202010b66c3b672656e696e676172010204010474696c6c010203040b10');
CREATE TABLE IF NOT EXISTS 'items_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO items_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'items_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO items_fts_docsize VALUES(1,X'03000000');
CREATE TABLE IF NOT EXISTS 'items_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO items_fts_config VALUES('version',4);
CREATE TABLE principles (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	key TEXT NOT NULL,
	name TEXT NOT NULL,
	description TEXT,
	position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO principles VALUES(1,'d58bafbf-2f43-439c-ba39-4f40a12df8a7','2026-11-23T09:00:00Z','2026-11-23T09:00:00Z','tillit','Tillit','Vi litar på varandras kompetens och vilja och ger handlingsutrymme inom given ram.',1);
INSERT INTO principles VALUES(2,'547f1f5b-3291-4cdd-9c9b-da3df425e8c9','2026-11-23T09:00:00Z','2026-11-23T09:00:00Z','transparens','Transparens','Beslut, underlag och resultat är öppna och går att följa för invånare och medarbetare.',2);
INSERT INTO principles VALUES(3,'7ad9657d-2e6b-4963-9c98-227cd15672dd','2026-11-23T09:00:00Z','2026-11-23T09:00:00Z','rattssakerhet','Rättssäkerhet','Lika fall behandlas lika, och beslut följer lagen och fattas i rätt ordning.',3);
INSERT INTO principles VALUES(4,'0c64791a-fc67-4b5a-bc96-aa38589cb923','2026-11-23T09:00:00Z','2026-11-23T09:00:00Z','effektivitet','Effektivitet','Resurserna används där de gör störst nytta för invånarna.',4);
INSERT INTO principles VALUES(5,'03a866f2-55aa-4b5a-8bfe-3f22a44e554a','2026-11-23T09:00:00Z','2026-11-23T09:00:00Z','kvalitet','Kvalitet','Verksamheten håller utlovad kvalitet och följs upp utifrån effekt och resultat.',5);
CREATE TABLE mandates (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	matter TEXT NOT NULL,
	given_to TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
	given_by_unit TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
	given_by_person TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
	level INTEGER NOT NULL,
	limits TEXT,
	legal_basis TEXT,
	onward INTEGER NOT NULL DEFAULT 0,
	substitute TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
	report_back TEXT,
	valid_from TEXT,
	valid_until TEXT,
	meeting TEXT REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
	item TEXT REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED,
	case_ref TEXT,
	non_delegable INTEGER NOT NULL DEFAULT 0,
	status TEXT NOT NULL DEFAULT 'active'
);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','mandates_fts','mandates_fts',0,'CREATE VIRTUAL TABLE mandates_fts USING fts5(matter, limits, case_ref, content=''mandates'', content_rowid=''seq'', tokenize=''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'mandates_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO mandates_fts_data VALUES(1,X'');
INSERT INTO mandates_fts_data VALUES(10,X'00000000000000');
CREATE TABLE IF NOT EXISTS 'mandates_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'mandates_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'mandates_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO mandates_fts_config VALUES('version',4);
CREATE TABLE decisions (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	mandate TEXT NOT NULL REFERENCES mandates(id) DEFERRABLE INITIALLY DEFERRED,
	decided_on TEXT NOT NULL,
	summary TEXT NOT NULL,
	decided_by TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
	case_ref TEXT
);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','decisions_fts','decisions_fts',0,'CREATE VIRTUAL TABLE decisions_fts USING fts5(summary, case_ref, content=''decisions'', content_rowid=''seq'', tokenize=''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'decisions_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO decisions_fts_data VALUES(1,X'');
INSERT INTO decisions_fts_data VALUES(10,X'00000000000000');
CREATE TABLE IF NOT EXISTS 'decisions_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'decisions_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'decisions_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO decisions_fts_config VALUES('version',4);
CREATE TABLE frames (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	description TEXT NOT NULL,
	kind TEXT NOT NULL,
	holder_person TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
	holder_unit TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
	amount TEXT,
	amount_unit TEXT,
	trust TEXT NOT NULL DEFAULT 'medium',
	trust_factors TEXT,
	escalation TEXT,
	valid_from TEXT,
	valid_until TEXT,
	meeting TEXT REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
	item TEXT REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED,
	mandate TEXT REFERENCES mandates(id) DEFERRABLE INITIALLY DEFERRED,
	status TEXT NOT NULL DEFAULT 'active',
	version INTEGER NOT NULL,
	acked_by TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
	acked_at TEXT
);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','frames_fts','frames_fts',0,'CREATE VIRTUAL TABLE frames_fts USING fts5(description, trust_factors, content=''frames'', content_rowid=''seq'', tokenize=''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'frames_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO frames_fts_data VALUES(1,X'');
INSERT INTO frames_fts_data VALUES(10,X'00000000000000');
CREATE TABLE IF NOT EXISTS 'frames_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'frames_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'frames_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO frames_fts_config VALUES('version',4);
CREATE TABLE frame_versions (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	description TEXT NOT NULL,
	kind TEXT NOT NULL,
	holder_person TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
	holder_unit TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
	amount TEXT,
	amount_unit TEXT,
	trust TEXT NOT NULL DEFAULT 'medium',
	trust_factors TEXT,
	escalation TEXT,
	valid_from TEXT,
	valid_until TEXT,
	meeting TEXT REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
	item TEXT REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED,
	mandate TEXT REFERENCES mandates(id) DEFERRABLE INITIALLY DEFERRED,
	status TEXT NOT NULL DEFAULT 'active',
	version INTEGER NOT NULL,
	acked_by TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
	acked_at TEXT,
	frame TEXT NOT NULL REFERENCES frames(id) DEFERRABLE INITIALLY DEFERRED,
	replaced_at TEXT
);
CREATE TABLE followups (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	text TEXT NOT NULL,
	kind TEXT NOT NULL DEFAULT 'action',
	owner TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
	due TEXT,
	meeting TEXT REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
	item TEXT REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED,
	mandate TEXT REFERENCES mandates(id) DEFERRABLE INITIALLY DEFERRED,
	frame TEXT REFERENCES frames(id) DEFERRABLE INITIALLY DEFERRED,
	status TEXT NOT NULL DEFAULT 'open',
	outcome TEXT,
	closed_at TEXT
);
INSERT INTO followups VALUES(1,'bac5464e-6247-46db-bfcf-547b878a1665','2026-11-23T09:00:00Z','2026-11-23T09:00:00Z','Följ upp bidragen','action','c96c3027-83cb-4be1-b962-0848393f6021','2027-04-01','9da19255-26a7-486f-89e3-f5e59926a593',NULL,NULL,NULL,'open',NULL,NULL);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','followups_fts','followups_fts',0,'CREATE VIRTUAL TABLE followups_fts USING fts5(text, outcome, content=''followups'', content_rowid=''seq'', tokenize=''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'followups_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO followups_fts_data VALUES(1,X'010300');
INSERT INTO followups_fts_data VALUES(10,X'000000000102020002010101020101');
INSERT INTO followups_fts_data VALUES(137438953473,X'000000230930626964726167656e010204010566c3b66c6a0102020103757070010203040d0a');
INSERT INTO followups_fts_data VALUES(274877906945,X'000000230930626964726167656e010304010566c3b66c6a0103020103757070010303040d0a');
CREATE TABLE IF NOT EXISTS 'followups_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO followups_fts_idx VALUES(1,X'',2);
INSERT INTO followups_fts_idx VALUES(2,X'',2);
CREATE TABLE IF NOT EXISTS 'followups_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO followups_fts_docsize VALUES(1,X'0300');
CREATE TABLE IF NOT EXISTS 'followups_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO followups_fts_config VALUES('version',4);
CREATE TABLE balances (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	unit TEXT NOT NULL REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
	assessed_on TEXT NOT NULL,
	score INTEGER NOT NULL,
	comment TEXT,
	meeting TEXT REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','balances_fts','balances_fts',0,'CREATE VIRTUAL TABLE balances_fts USING fts5(comment, content=''balances'', content_rowid=''seq'', tokenize=''unicode61 remove_diacritics 0'')');
CREATE TABLE IF NOT EXISTS 'balances_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO balances_fts_data VALUES(1,X'');
INSERT INTO balances_fts_data VALUES(10,X'00000000000000');
CREATE TABLE IF NOT EXISTS 'balances_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'balances_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'balances_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO balances_fts_config VALUES('version',4);
CREATE TABLE audit (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	at TEXT NOT NULL,
	os_user TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id TEXT NOT NULL,
	action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
	field TEXT,
	old_value TEXT,
	new_value TEXT
);
INSERT INTO audit VALUES(1,'2026-11-23T09:00:00Z','kansli','principles','d58bafbf-2f43-439c-ba39-4f40a12df8a7','create',NULL,NULL,'Tillit');
INSERT INTO audit VALUES(2,'2026-11-23T09:00:00Z','kansli','principles','547f1f5b-3291-4cdd-9c9b-da3df425e8c9','create',NULL,NULL,'Transparens');
INSERT INTO audit VALUES(3,'2026-11-23T09:00:00Z','kansli','principles','7ad9657d-2e6b-4963-9c98-227cd15672dd','create',NULL,NULL,'Rättssäkerhet');
INSERT INTO audit VALUES(4,'2026-11-23T09:00:00Z','kansli','principles','0c64791a-fc67-4b5a-bc96-aa38589cb923','create',NULL,NULL,'Effektivitet');
INSERT INTO audit VALUES(5,'2026-11-23T09:00:00Z','kansli','principles','03a866f2-55aa-4b5a-8bfe-3f22a44e554a','create',NULL,NULL,'Kvalitet');
INSERT INTO audit VALUES(6,'2026-11-23T09:00:00Z','kansli','units','71c4de6f-a8cf-4eac-b1ce-3536bb645439','create',NULL,NULL,'Kulturnämnden');
INSERT INTO audit VALUES(7,'2026-11-23T09:00:00Z','kansli','people','c96c3027-83cb-4be1-b962-0848393f6021','create',NULL,NULL,'Åsa Öberg');
INSERT INTO audit VALUES(8,'2026-11-23T09:00:00Z','kansli','people','c96c3027-83cb-4be1-b962-0848393f6021','update','title',NULL,'Ordförande');
INSERT INTO audit VALUES(9,'2026-11-23T09:00:00Z','kansli','meetings','9da19255-26a7-486f-89e3-f5e59926a593','create',NULL,NULL,'Kulturnämndens sammanträde');
INSERT INTO audit VALUES(10,'2026-11-23T09:00:00Z','kansli','items','aa10bf35-e782-44f4-b256-2b25f9292d24','create',NULL,NULL,'Bidrag till föreningar');
INSERT INTO audit VALUES(11,'2026-11-23T09:00:00Z','kansli','followups','bac5464e-6247-46db-bfcf-547b878a1665','create',NULL,NULL,'Följ upp bidragen');
INSERT INTO audit VALUES(12,'2026-11-23T09:00:00Z','kansli','followups','bac5464e-6247-46db-bfcf-547b878a1665','update','due','2027-03-01','2027-04-01');
CREATE TABLE signatures (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	meeting TEXT NOT NULL REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
	person TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
	role TEXT NOT NULL,
	signed_at TEXT NOT NULL
);
CREATE TABLE seals (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	meeting TEXT NOT NULL UNIQUE REFERENCES meetings(id) DEFERRABLE INITIALLY DEFERRED,
	digest TEXT NOT NULL,
	sealed_at TEXT NOT NULL
);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('audit',12);
CREATE INDEX units_sort ON units(name, id);
CREATE INDEX units_parent ON units(parent, name, id);
CREATE INDEX units_kind ON units(kind, name, id);
CREATE INDEX units_status ON units(status, name, id);
CREATE TRIGGER units_fts_ai AFTER INSERT ON units BEGIN
	INSERT INTO units_fts(rowid, name) VALUES (new.seq, new.name);
END;
CREATE TRIGGER units_fts_ad AFTER DELETE ON units BEGIN
	INSERT INTO units_fts(units_fts, rowid, name) VALUES ('delete', old.seq, old.name);
END;
CREATE TRIGGER units_fts_au AFTER UPDATE ON units BEGIN
	INSERT INTO units_fts(units_fts, rowid, name) VALUES ('delete', old.seq, old.name);
	INSERT INTO units_fts(rowid, name) VALUES (new.seq, new.name);
END;
CREATE INDEX people_sort ON people(name, id);
CREATE INDEX people_unit ON people(unit, name, id);
CREATE INDEX people_kind ON people(kind, name, id);
CREATE INDEX people_status ON people(status, name, id);
CREATE TRIGGER people_fts_ai AFTER INSERT ON people BEGIN
	INSERT INTO people_fts(rowid, name, title) VALUES (new.seq, new.name, new.title);
END;
CREATE TRIGGER people_fts_ad AFTER DELETE ON people BEGIN
	INSERT INTO people_fts(people_fts, rowid, name, title) VALUES ('delete', old.seq, old.name, old.title);
END;
CREATE TRIGGER people_fts_au AFTER UPDATE ON people BEGIN
	INSERT INTO people_fts(people_fts, rowid, name, title) VALUES ('delete', old.seq, old.name, old.title);
	INSERT INTO people_fts(rowid, name, title) VALUES (new.seq, new.name, new.title);
END;
CREATE INDEX series_sort ON series(title, id);
CREATE INDEX series_unit ON series(unit, title, id);
CREATE INDEX series_kind ON series(kind, title, id);
CREATE TRIGGER series_fts_ai AFTER INSERT ON series BEGIN
	INSERT INTO series_fts(rowid, title, notes) VALUES (new.seq, new.title, new.notes);
END;
CREATE TRIGGER series_fts_ad AFTER DELETE ON series BEGIN
	INSERT INTO series_fts(series_fts, rowid, title, notes) VALUES ('delete', old.seq, old.title, old.notes);
END;
CREATE TRIGGER series_fts_au AFTER UPDATE ON series BEGIN
	INSERT INTO series_fts(series_fts, rowid, title, notes) VALUES ('delete', old.seq, old.title, old.notes);
	INSERT INTO series_fts(rowid, title, notes) VALUES (new.seq, new.title, new.notes);
END;
CREATE INDEX meetings_sort ON meetings(starts_at, id);
CREATE INDEX meetings_unit ON meetings(unit, starts_at, id);
CREATE INDEX meetings_kind ON meetings(kind, starts_at, id);
CREATE INDEX meetings_status ON meetings(status, starts_at, id);
CREATE INDEX meetings_series ON meetings(series, starts_at, id);
CREATE TRIGGER meetings_fts_ai AFTER INSERT ON meetings BEGIN
	INSERT INTO meetings_fts(rowid, title, notes) VALUES (new.seq, new.title, new.notes);
END;
CREATE TRIGGER meetings_fts_ad AFTER DELETE ON meetings BEGIN
	INSERT INTO meetings_fts(meetings_fts, rowid, title, notes) VALUES ('delete', old.seq, old.title, old.notes);
END;
CREATE TRIGGER meetings_fts_au AFTER UPDATE ON meetings BEGIN
	INSERT INTO meetings_fts(meetings_fts, rowid, title, notes) VALUES ('delete', old.seq, old.title, old.notes);
	INSERT INTO meetings_fts(rowid, title, notes) VALUES (new.seq, new.title, new.notes);
END;
CREATE INDEX participants_sort ON participants(role, id);
CREATE INDEX participants_person ON participants(person, role, id);
CREATE INDEX participants_meeting ON participants(meeting, role, id);
CREATE INDEX items_sort ON items(number, id);
CREATE INDEX items_kind ON items(kind, number, id);
CREATE INDEX items_status ON items(status, number, id);
CREATE INDEX items_meeting ON items(meeting, number, id);
CREATE INDEX items_refers_to ON items(refers_to);
CREATE TRIGGER items_fts_ai AFTER INSERT ON items BEGIN
	INSERT INTO items_fts(rowid, title, case_ref, notes, decision) VALUES (new.seq, new.title, new.case_ref, new.notes, new.decision);
END;
CREATE TRIGGER items_fts_ad AFTER DELETE ON items BEGIN
	INSERT INTO items_fts(items_fts, rowid, title, case_ref, notes, decision) VALUES ('delete', old.seq, old.title, old.case_ref, old.notes, old.decision);
END;
CREATE TRIGGER items_fts_au AFTER UPDATE ON items BEGIN
	INSERT INTO items_fts(items_fts, rowid, title, case_ref, notes, decision) VALUES ('delete', old.seq, old.title, old.case_ref, old.notes, old.decision);
	INSERT INTO items_fts(rowid, title, case_ref, notes, decision) VALUES (new.seq, new.title, new.case_ref, new.notes, new.decision);
END;
CREATE INDEX principles_sort ON principles(position, id);
CREATE INDEX mandates_sort ON mandates(matter, id);
CREATE INDEX mandates_given_to ON mandates(given_to, matter, id);
CREATE INDEX mandates_given_by_unit ON mandates(given_by_unit, matter, id);
CREATE INDEX mandates_status ON mandates(status, matter, id);
CREATE INDEX mandates_meeting ON mandates(meeting, matter, id);
CREATE INDEX mandates_given_by_person ON mandates(given_by_person);
CREATE INDEX mandates_substitute ON mandates(substitute);
CREATE INDEX mandates_item ON mandates(item);
CREATE TRIGGER mandates_fts_ai AFTER INSERT ON mandates BEGIN
	INSERT INTO mandates_fts(rowid, matter, limits, case_ref) VALUES (new.seq, new.matter, new.limits, new.case_ref);
END;
CREATE TRIGGER mandates_fts_ad AFTER DELETE ON mandates BEGIN
	INSERT INTO mandates_fts(mandates_fts, rowid, matter, limits, case_ref) VALUES ('delete', old.seq, old.matter, old.limits, old.case_ref);
END;
CREATE TRIGGER mandates_fts_au AFTER UPDATE ON mandates BEGIN
	INSERT INTO mandates_fts(mandates_fts, rowid, matter, limits, case_ref) VALUES ('delete', old.seq, old.matter, old.limits, old.case_ref);
	INSERT INTO mandates_fts(rowid, matter, limits, case_ref) VALUES (new.seq, new.matter, new.limits, new.case_ref);
END;
CREATE INDEX decisions_sort ON decisions(decided_on, id);
CREATE INDEX decisions_decided_by ON decisions(decided_by, decided_on, id);
CREATE INDEX decisions_mandate ON decisions(mandate, decided_on, id);
CREATE TRIGGER decisions_fts_ai AFTER INSERT ON decisions BEGIN
	INSERT INTO decisions_fts(rowid, summary, case_ref) VALUES (new.seq, new.summary, new.case_ref);
END;
CREATE TRIGGER decisions_fts_ad AFTER DELETE ON decisions BEGIN
	INSERT INTO decisions_fts(decisions_fts, rowid, summary, case_ref) VALUES ('delete', old.seq, old.summary, old.case_ref);
END;
CREATE TRIGGER decisions_fts_au AFTER UPDATE ON decisions BEGIN
	INSERT INTO decisions_fts(decisions_fts, rowid, summary, case_ref) VALUES ('delete', old.seq, old.summary, old.case_ref);
	INSERT INTO decisions_fts(rowid, summary, case_ref) VALUES (new.seq, new.summary, new.case_ref);
END;
CREATE INDEX frames_sort ON frames(description, id);
CREATE INDEX frames_holder_person ON frames(holder_person, description, id);
CREATE INDEX frames_holder_unit ON frames(holder_unit, description, id);
CREATE INDEX frames_kind ON frames(kind, description, id);
CREATE INDEX frames_status ON frames(status, description, id);
CREATE INDEX frames_meeting ON frames(meeting, description, id);
CREATE INDEX frames_item ON frames(item);
CREATE INDEX frames_mandate ON frames(mandate);
CREATE INDEX frames_acked_by ON frames(acked_by);
CREATE TRIGGER frames_fts_ai AFTER INSERT ON frames BEGIN
	INSERT INTO frames_fts(rowid, description, trust_factors) VALUES (new.seq, new.description, new.trust_factors);
END;
CREATE TRIGGER frames_fts_ad AFTER DELETE ON frames BEGIN
	INSERT INTO frames_fts(frames_fts, rowid, description, trust_factors) VALUES ('delete', old.seq, old.description, old.trust_factors);
END;
CREATE TRIGGER frames_fts_au AFTER UPDATE ON frames BEGIN
	INSERT INTO frames_fts(frames_fts, rowid, description, trust_factors) VALUES ('delete', old.seq, old.description, old.trust_factors);
	INSERT INTO frames_fts(rowid, description, trust_factors) VALUES (new.seq, new.description, new.trust_factors);
END;
CREATE INDEX frame_versions_sort ON frame_versions(version, id);
CREATE INDEX frame_versions_frame ON frame_versions(frame, version, id);
CREATE INDEX frame_versions_holder_person ON frame_versions(holder_person);
CREATE INDEX frame_versions_holder_unit ON frame_versions(holder_unit);
CREATE INDEX frame_versions_meeting ON frame_versions(meeting);
CREATE INDEX frame_versions_item ON frame_versions(item);
CREATE INDEX frame_versions_mandate ON frame_versions(mandate);
CREATE INDEX frame_versions_acked_by ON frame_versions(acked_by);
CREATE INDEX followups_sort ON followups(coalesce(due,'~'), id);
CREATE INDEX followups_owner ON followups(owner, coalesce(due,'~'), id);
CREATE INDEX followups_kind ON followups(kind, coalesce(due,'~'), id);
CREATE INDEX followups_status ON followups(status, coalesce(due,'~'), id);
CREATE INDEX followups_meeting ON followups(meeting, coalesce(due,'~'), id);
CREATE INDEX followups_item ON followups(item);
CREATE INDEX followups_mandate ON followups(mandate);
CREATE INDEX followups_frame ON followups(frame);
CREATE TRIGGER followups_fts_ai AFTER INSERT ON followups BEGIN
	INSERT INTO followups_fts(rowid, text, outcome) VALUES (new.seq, new.text, new.outcome);
END;
CREATE TRIGGER followups_fts_ad AFTER DELETE ON followups BEGIN
	INSERT INTO followups_fts(followups_fts, rowid, text, outcome) VALUES ('delete', old.seq, old.text, old.outcome);
END;
CREATE TRIGGER followups_fts_au AFTER UPDATE ON followups BEGIN
	INSERT INTO followups_fts(followups_fts, rowid, text, outcome) VALUES ('delete', old.seq, old.text, old.outcome);
	INSERT INTO followups_fts(rowid, text, outcome) VALUES (new.seq, new.text, new.outcome);
END;
CREATE INDEX balances_sort ON balances(assessed_on, id);
CREATE INDEX balances_unit ON balances(unit, assessed_on, id);
CREATE INDEX balances_meeting ON balances(meeting);
CREATE TRIGGER balances_fts_ai AFTER INSERT ON balances BEGIN
	INSERT INTO balances_fts(rowid, comment) VALUES (new.seq, new.comment);
END;
CREATE TRIGGER balances_fts_ad AFTER DELETE ON balances BEGIN
	INSERT INTO balances_fts(balances_fts, rowid, comment) VALUES ('delete', old.seq, old.comment);
END;
CREATE TRIGGER balances_fts_au AFTER UPDATE ON balances BEGIN
	INSERT INTO balances_fts(balances_fts, rowid, comment) VALUES ('delete', old.seq, old.comment);
	INSERT INTO balances_fts(rowid, comment) VALUES (new.seq, new.comment);
END;
CREATE UNIQUE INDEX principles_key ON principles(key);
CREATE INDEX people_login ON people(login);
CREATE INDEX meetings_unit_year ON meetings(unit, kind, starts_at);
CREATE INDEX items_meeting_title ON items(meeting, title);
CREATE INDEX followups_owner_status ON followups(owner, status, coalesce(due,'~'), id);
CREATE INDEX mandates_until ON mandates(status, valid_until);
CREATE INDEX audit_entity ON audit(entity_id, seq);
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE UNIQUE INDEX signatures_once ON signatures(meeting, person);
CREATE INDEX signatures_sort ON signatures(signed_at, id);
CREATE INDEX signatures_person ON signatures(person, signed_at, id);
CREATE INDEX signatures_meeting ON signatures(meeting, signed_at, id);
CREATE INDEX seals_sort ON seals(sealed_at, id);
CREATE INDEX seals_meeting ON seals(meeting, sealed_at, id);
CREATE TRIGGER meetings_locked_update BEFORE UPDATE ON meetings
WHEN OLD.status = 'signed' BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER meetings_locked_delete BEFORE DELETE ON meetings
WHEN OLD.status = 'signed' BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER participants_locked_insert BEFORE INSERT ON participants
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER participants_locked_update BEFORE UPDATE ON participants
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER participants_locked_delete BEFORE DELETE ON participants
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER items_locked_insert BEFORE INSERT ON items
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER items_locked_update BEFORE UPDATE ON items
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER items_locked_delete BEFORE DELETE ON items
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER mandates_locked_insert BEFORE INSERT ON mandates
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER mandates_locked_delete BEFORE DELETE ON mandates
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER frames_locked_insert BEFORE INSERT ON frames
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER frames_locked_delete BEFORE DELETE ON frames
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER frame_versions_locked_insert BEFORE INSERT ON frame_versions
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER frame_versions_locked_update BEFORE UPDATE ON frame_versions
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER frame_versions_locked_delete BEFORE DELETE ON frame_versions
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER balances_locked_insert BEFORE INSERT ON balances
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER balances_locked_update BEFORE UPDATE ON balances
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER balances_locked_delete BEFORE DELETE ON balances
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER signatures_locked_insert BEFORE INSERT ON signatures
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER signatures_locked_update BEFORE UPDATE ON signatures
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER signatures_locked_delete BEFORE DELETE ON signatures
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER followups_locked_insert BEFORE INSERT ON followups
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER followups_locked_update BEFORE UPDATE ON followups
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed')
AND (OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.text IS NOT NEW.text OR OLD.kind IS NOT NEW.kind OR OLD.owner IS NOT NEW.owner OR OLD.due IS NOT NEW.due OR OLD.meeting IS NOT NEW.meeting OR OLD.item IS NOT NEW.item OR OLD.mandate IS NOT NEW.mandate OR OLD.frame IS NOT NEW.frame) BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER followups_locked_delete BEFORE DELETE ON followups
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'signed') BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals BEGIN
	SELECT RAISE(ABORT, 'a seal cannot change');
END;
CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals BEGIN
	SELECT RAISE(ABORT, 'a seal cannot change');
END;
CREATE TRIGGER meetings_justering_update BEFORE UPDATE ON meetings
WHEN OLD.status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = OLD.id)
AND (NEW.status IS NOT 'signed' OR OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.title IS NOT NEW.title OR OLD.kind IS NOT NEW.kind OR OLD.unit IS NOT NEW.unit OR OLD.series IS NOT NEW.series OR OLD.starts_at IS NOT NEW.starts_at OR OLD.ends_at IS NOT NEW.ends_at OR OLD.location IS NOT NEW.location OR OLD.notes IS NOT NEW.notes) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER meetings_justering_delete BEFORE DELETE ON meetings
WHEN OLD.status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = OLD.id) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER participants_justering_insert BEFORE INSERT ON participants
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER participants_justering_update BEFORE UPDATE ON participants
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER participants_justering_delete BEFORE DELETE ON participants
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER items_justering_insert BEFORE INSERT ON items
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER items_justering_update BEFORE UPDATE ON items
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER items_justering_delete BEFORE DELETE ON items
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER mandates_justering_insert BEFORE INSERT ON mandates
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER mandates_justering_delete BEFORE DELETE ON mandates
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER frames_justering_insert BEFORE INSERT ON frames
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER frames_justering_delete BEFORE DELETE ON frames
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER frame_versions_justering_insert BEFORE INSERT ON frame_versions
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER frame_versions_justering_update BEFORE UPDATE ON frame_versions
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER frame_versions_justering_delete BEFORE DELETE ON frame_versions
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER balances_justering_insert BEFORE INSERT ON balances
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER balances_justering_update BEFORE UPDATE ON balances
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER balances_justering_delete BEFORE DELETE ON balances
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER followups_justering_insert BEFORE INSERT ON followups
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER followups_justering_update BEFORE UPDATE ON followups
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id))
AND (OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.text IS NOT NEW.text OR OLD.kind IS NOT NEW.kind OR OLD.owner IS NOT NEW.owner OR OLD.due IS NOT NEW.due OR OLD.meeting IS NOT NEW.meeting OR OLD.item IS NOT NEW.item OR OLD.mandate IS NOT NEW.mandate OR OLD.frame IS NOT NEW.frame) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER followups_justering_delete BEFORE DELETE ON followups
WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER signatures_justering_update BEFORE UPDATE ON signatures
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id)) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER mandates_locked_update BEFORE UPDATE ON mandates
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed')
AND (OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.matter IS NOT NEW.matter OR OLD.given_to IS NOT NEW.given_to OR OLD.given_by_unit IS NOT NEW.given_by_unit OR OLD.given_by_person IS NOT NEW.given_by_person OR OLD.level IS NOT NEW.level OR OLD.limits IS NOT NEW.limits OR OLD.legal_basis IS NOT NEW.legal_basis OR OLD.onward IS NOT NEW.onward OR OLD.substitute IS NOT NEW.substitute OR OLD.report_back IS NOT NEW.report_back OR OLD.valid_from IS NOT NEW.valid_from OR OLD.valid_until IS NOT NEW.valid_until OR OLD.meeting IS NOT NEW.meeting OR OLD.item IS NOT NEW.item OR OLD.case_ref IS NOT NEW.case_ref OR OLD.non_delegable IS NOT NEW.non_delegable) BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER frames_locked_update BEFORE UPDATE ON frames
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'signed')
AND (OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.description IS NOT NEW.description OR OLD.kind IS NOT NEW.kind OR OLD.holder_person IS NOT NEW.holder_person OR OLD.holder_unit IS NOT NEW.holder_unit OR OLD.amount IS NOT NEW.amount OR OLD.amount_unit IS NOT NEW.amount_unit OR OLD.trust IS NOT NEW.trust OR OLD.trust_factors IS NOT NEW.trust_factors OR OLD.escalation IS NOT NEW.escalation OR OLD.valid_from IS NOT NEW.valid_from OR OLD.valid_until IS NOT NEW.valid_until OR OLD.meeting IS NOT NEW.meeting OR OLD.item IS NOT NEW.item OR OLD.mandate IS NOT NEW.mandate OR OLD.version IS NOT NEW.version) BEGIN
	SELECT RAISE(ABORT, 'the meeting is signed and locked');
END;
CREATE TRIGGER mandates_justering_update BEFORE UPDATE ON mandates
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id))
AND (OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.matter IS NOT NEW.matter OR OLD.given_to IS NOT NEW.given_to OR OLD.given_by_unit IS NOT NEW.given_by_unit OR OLD.given_by_person IS NOT NEW.given_by_person OR OLD.level IS NOT NEW.level OR OLD.limits IS NOT NEW.limits OR OLD.legal_basis IS NOT NEW.legal_basis OR OLD.onward IS NOT NEW.onward OR OLD.substitute IS NOT NEW.substitute OR OLD.report_back IS NOT NEW.report_back OR OLD.valid_from IS NOT NEW.valid_from OR OLD.valid_until IS NOT NEW.valid_until OR OLD.meeting IS NOT NEW.meeting OR OLD.item IS NOT NEW.item OR OLD.case_ref IS NOT NEW.case_ref OR OLD.non_delegable IS NOT NEW.non_delegable) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER frames_justering_update BEFORE UPDATE ON frames
WHEN EXISTS (SELECT 1 FROM meetings WHERE id IN (OLD.meeting, NEW.meeting) AND status = 'held' AND EXISTS (SELECT 1 FROM signatures WHERE meeting = meetings.id))
AND (OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.description IS NOT NEW.description OR OLD.kind IS NOT NEW.kind OR OLD.holder_person IS NOT NEW.holder_person OR OLD.holder_unit IS NOT NEW.holder_unit OR OLD.amount IS NOT NEW.amount OR OLD.amount_unit IS NOT NEW.amount_unit OR OLD.trust IS NOT NEW.trust OR OLD.trust_factors IS NOT NEW.trust_factors OR OLD.escalation IS NOT NEW.escalation OR OLD.valid_from IS NOT NEW.valid_from OR OLD.valid_until IS NOT NEW.valid_until OR OLD.meeting IS NOT NEW.meeting OR OLD.item IS NOT NEW.item OR OLD.mandate IS NOT NEW.mandate OR OLD.version IS NOT NEW.version) BEGIN
	SELECT RAISE(ABORT, 'the meeting is under justering; reopen justering to change it');
END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
PRAGMA writable_schema=OFF;
PRAGMA application_id = 1414285652;
PRAGMA user_version = 5;
COMMIT;
