/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * schema_goals.c - SQLite schemas 19 and 20: goal management, and
 * reporting back and decisions carried out (issue 18).
 *
 * Goals along the chain of governance, their indicators, each
 * indicator's targets and measured figures, and the owning unit's
 * analyses; a mandate, a frame (and its old versions) and a follow-up may
 * name the goal they serve.  None of these is part of the minutes, so
 * none has lock triggers; the goal of a signed meeting's frame, mandate
 * or follow-up is later work (rules.c), which the lock triggers of
 * schema 5 leave free because they name the columns they lock.
 * schema.c lists the migration in tl_sqlite_migrations.
 */
#include "sqlite.h"

/* A table's full-text index over `cols` (a list "a, b"), kept by three
 * triggers as HACKING's recipe says. */
#define FTS(t, cols, newcols, oldcols) \
	"CREATE VIRTUAL TABLE " t "_fts USING fts5(" cols ", content='" t \
	"', content_rowid='seq', tokenize='unicode61 remove_diacritics " \
	"0');\n" \
	"CREATE TRIGGER " t "_fts_ai AFTER INSERT ON " t " BEGIN\n" \
	"\tINSERT INTO " t "_fts(rowid, " cols ") VALUES (new.seq, " \
	newcols ");\n" \
	"END;\n" \
	"CREATE TRIGGER " t "_fts_ad AFTER DELETE ON " t " BEGIN\n" \
	"\tINSERT INTO " t "_fts(" t "_fts, rowid, " cols ") VALUES " \
	"('delete', old.seq, " oldcols ");\n" \
	"END;\n" \
	"CREATE TRIGGER " t "_fts_au AFTER UPDATE ON " t " BEGIN\n" \
	"\tINSERT INTO " t "_fts(" t "_fts, rowid, " cols ") VALUES " \
	"('delete', old.seq, " oldcols ");\n" \
	"\tINSERT INTO " t "_fts(rowid, " cols ") VALUES (new.seq, " \
	newcols ");\n" \
	"END;\n"

#define KEYS \
	"\tseq INTEGER PRIMARY KEY,\n" \
	"\tid TEXT NOT NULL UNIQUE,\n" \
	"\tcreated_at TEXT NOT NULL,\n" \
	"\tupdated_at TEXT NOT NULL,\n"

#define REFS(t) " REFERENCES " t "(id) DEFERRABLE INITIALLY DEFERRED"

const char tl_sqlite_migration_goals[] =
	"CREATE TABLE goals (\n" KEYS
	"\ttitle TEXT NOT NULL,\n"
	"\tdescription TEXT,\n"
	"\tkind TEXT NOT NULL DEFAULT 'goal',\n"
	"\tunit TEXT NOT NULL" REFS("units") ",\n"
	"\tparent TEXT" REFS("goals") ",\n"
	"\tperiod TEXT NOT NULL,\n"
	"\tmeeting TEXT" REFS("meetings") ",\n"
	"\titem TEXT" REFS("items") ",\n"
	"\tstatus TEXT NOT NULL DEFAULT 'active'\n"
	");\n"
	"CREATE INDEX goals_sort ON goals(period, id);\n"
	"CREATE INDEX goals_unit ON goals(unit, period, id);\n"
	"CREATE INDEX goals_kind ON goals(kind, period, id);\n"
	"CREATE INDEX goals_status ON goals(status, period, id);\n"
	"CREATE INDEX goals_parent ON goals(parent, period, id);\n"
	"CREATE INDEX goals_meeting ON goals(meeting);\n"
	"CREATE INDEX goals_item ON goals(item);\n"
	FTS("goals", "title, description", "new.title, new.description",
	    "old.title, old.description")
	"CREATE TABLE indicators (\n" KEYS
	"\tgoal TEXT NOT NULL" REFS("goals") ",\n"
	"\tname TEXT NOT NULL,\n"
	"\tmeasure TEXT,\n"
	"\tdirection TEXT NOT NULL DEFAULT 'higher',\n"
	"\tbaseline TEXT,\n"
	"\tbaseline_period TEXT,\n"
	"\tkpi TEXT,\n"
	"\tmunicipality TEXT,\n"
	"\tstatus TEXT NOT NULL DEFAULT 'active'\n"
	");\n"
	"CREATE INDEX indicators_sort ON indicators(goal, id);\n"
	"CREATE INDEX indicators_status ON indicators(status, goal, id);\n"
	"CREATE INDEX indicators_kpi ON indicators(kpi);\n"
	FTS("indicators", "name", "new.name", "old.name")
	"CREATE TABLE targets (\n" KEYS
	"\tindicator TEXT NOT NULL" REFS("indicators") ",\n"
	"\tperiod TEXT NOT NULL,\n"
	"\tvalue TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX targets_sort ON targets(period, id);\n"
	"CREATE INDEX targets_indicator ON targets(indicator, period, id);\n"
	"CREATE TABLE measurements (\n" KEYS
	"\tindicator TEXT NOT NULL" REFS("indicators") ",\n"
	"\tperiod TEXT NOT NULL,\n"
	"\tvalue TEXT,\n"
	"\twomen TEXT,\n"
	"\tmen TEXT,\n"
	"\tsource TEXT\n"
	");\n"
	"CREATE INDEX measurements_sort ON measurements(period, id);\n"
	"CREATE INDEX measurements_indicator ON measurements(indicator, "
	"period, id);\n"
	"CREATE TABLE analyses (\n" KEYS
	"\tgoal TEXT NOT NULL" REFS("goals") ",\n"
	"\tperiod TEXT NOT NULL,\n"
	"\tassessment TEXT NOT NULL,\n"
	"\thappened TEXT,\n"
	"\twhy TEXT,\n"
	"\tnext TEXT,\n"
	"\tresponse TEXT,\n"
	"\tmeeting TEXT" REFS("meetings") ",\n"
	"\titem TEXT" REFS("items") "\n"
	");\n"
	"CREATE INDEX analyses_sort ON analyses(period, id);\n"
	"CREATE INDEX analyses_goal ON analyses(goal, period, id);\n"
	"CREATE INDEX analyses_meeting ON analyses(meeting);\n"
	"CREATE INDEX analyses_item ON analyses(item);\n"
	FTS("analyses", "happened, why, next, response",
	    "new.happened, new.why, new.next, new.response",
	    "old.happened, old.why, old.next, old.response")
	"ALTER TABLE mandates ADD COLUMN goal TEXT" REFS("goals") ";\n"
	"ALTER TABLE frames ADD COLUMN goal TEXT" REFS("goals") ";\n"
	"ALTER TABLE frame_versions ADD COLUMN goal TEXT" REFS("goals") ";\n"
	"ALTER TABLE followups ADD COLUMN goal TEXT" REFS("goals") ";\n"
	"CREATE INDEX mandates_goal ON mandates(goal);\n"
	"CREATE INDEX frames_goal ON frames(goal);\n"
	"CREATE INDEX frame_versions_goal ON frame_versions(goal);\n"
	"CREATE INDEX followups_goal ON followups(goal);\n";

/*
 * Schema 20: reporting back and decisions carried out (issue 18, point
 * 5): a mandate's cadence of report-backs and the report-backs its holder
 * makes, and who carries out a decision §, by when, and which meeting
 * hears of it.  Neither is part of the minutes.
 */
/*
 * Schema 21: the offers of agenda items (report-backs, reports on
 * carrying out) that the secretary dropped from a meeting's agenda, so
 * that they are not offered to it again.
 */
const char tl_sqlite_migration_dropped_offers[] =
	"ALTER TABLE meetings ADD COLUMN dropped TEXT;\n";

const char tl_sqlite_migration_report_backs[] =
	"ALTER TABLE mandates ADD COLUMN report_every TEXT;\n"
	"CREATE TABLE report_backs (\n" KEYS
	"\tmandate TEXT NOT NULL" REFS("mandates") ",\n"
	"\treported_on TEXT NOT NULL,\n"
	"\ttext TEXT NOT NULL,\n"
	"\tmeeting TEXT" REFS("meetings") "\n"
	");\n"
	"CREATE INDEX report_backs_sort ON report_backs(reported_on, id);\n"
	"CREATE INDEX report_backs_mandate ON report_backs(mandate, "
	"reported_on, id);\n"
	"CREATE INDEX report_backs_meeting ON report_backs(meeting);\n"
	FTS("report_backs", "text", "new.text", "old.text")
	"CREATE TABLE executions (\n" KEYS
	"\titem TEXT NOT NULL" REFS("items") ",\n"
	"\towner TEXT NOT NULL" REFS("people") ",\n"
	"\tdue TEXT,\n"
	"\treport_to TEXT" REFS("meetings") ",\n"
	"\tstatus TEXT NOT NULL DEFAULT 'open',\n"
	"\tdone_on TEXT,\n"
	"\tnote TEXT\n"
	");\n"
	"CREATE INDEX executions_sort ON executions(coalesce(due,'~'), id);\n"
	"CREATE INDEX executions_owner ON executions(owner, "
	"coalesce(due,'~'), id);\n"
	"CREATE INDEX executions_status ON executions(status, "
	"coalesce(due,'~'), id);\n"
	"CREATE INDEX executions_item ON executions(item, coalesce(due,'~'), "
	"id);\n"
	"CREATE INDEX executions_report_to ON executions(report_to);\n"
	FTS("executions", "note", "new.note", "old.note");
