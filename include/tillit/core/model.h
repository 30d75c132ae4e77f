/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * model.h - the domain model of DESIGN.md section 3, described as data.
 *
 * Every kind of record (unit, person, meeting, ...) is an entity with a
 * fixed list of fields.  The tables in model.c say, for each field, its
 * name (also its SQL column, JSON key and CLI option), type, whether it is
 * required, its allowed values and its range.  Store, export, CLI and UI all
 * work from these tables, so a field is declared once.
 *
 * A record holds one entity's values as canonical UTF-8 strings (NULL when
 * unset): dates "YYYY-MM-DD", times "YYYY-MM-DD HH:MM", integers in decimal,
 * booleans "0"/"1", amounts as a non-negative decimal, tags as a
 * comma-separated list of principle keys, references as full UUIDs.
 *
 * Labels, help texts and choice words are English, marked with N_() for
 * gettext; whoever shows one to a person translates it with _().
 */
#ifndef TILLIT_MODEL_H
#define TILLIT_MODEL_H

#include <stdbool.h>
#include <stddef.h>

enum tl_kind {
	TL_K_UNIT,
	TL_K_PERSON,
	TL_K_PRINCIPLE, /* before items, whose tags name principles */
	TL_K_SERIES,
	TL_K_MEETING,
	TL_K_PARTICIPANT,
	TL_K_ITEM,
	TL_K_MOTION,    /* what a member moved in a § (yrkande) */
	TL_K_VOTE,      /* a vote taken in a § (omröstning) */
	TL_K_BALLOT,    /* one member's vote in it */
	TL_K_ENTRY,     /* the rest of a § the law records */
	TL_K_GOAL,      /* what a unit wants achieved (målstyrning) */
	TL_K_INDICATOR, /* how a goal is measured (nyckeltal) */
	TL_K_TARGET,    /* an indicator's target for a period */
	TL_K_MEASUREMENT, /* an indicator's figure for a period (utfall) */
	TL_K_ANALYSIS,  /* the owning unit's account of a goal and period */
	TL_K_MANDATE,
	TL_K_DECISION,
	TL_K_REPORT_BACK, /* a mandate's holder reporting back */
	TL_K_EXECUTION, /* carrying out a decision § (verkställighet) */
	TL_K_FRAME,
	TL_K_FRAME_VERSION,
	TL_K_FOLLOWUP,
	TL_K_BALANCE,
	TL_K_NOTICE,    /* the justering announced on the notice board */
	TL_K_SIGNATURE, /* written by signing only (sign.h) */
	TL_K_SEAL,      /* the digest stored when a meeting is signed */
	TL_K_COUNT,
	TL_K_NONE = -1
};

enum tl_ftype {
	TL_FT_TEXT,     /* one line of text */
	TL_FT_LONGTEXT, /* text that may hold newlines and tabs */
	TL_FT_ENUM,     /* one of field->choices */
	TL_FT_DATE,     /* YYYY-MM-DD, a real calendar date */
	TL_FT_DATETIME, /* YYYY-MM-DD HH:MM, local wall time */
	TL_FT_INT,      /* integer in [min, max] */
	TL_FT_AMOUNT,   /* non-negative decimal, up to 2 decimals */
	TL_FT_BOOL,     /* "0" or "1" */
	TL_FT_REF,      /* UUID of a record of kind field->ref */
	TL_FT_TAGS,     /* comma-separated principle keys */
	TL_FT_NUMBER,   /* a decimal that may be negative, up to 4 decimals */
	TL_FT_PERIOD,   /* a year (2026), years (2025-2027), a tertial
			 * (2026T1) or a half-year (2026H1) */
};

enum {
	TL_FF_REQUIRED = 1 << 0, /* must be set */
	TL_FF_AUTO = 1 << 1,     /* set by the store (numbers, versions, acks) */
	/* Part of the full-text search: the one place that says what search
	 * reads, and so which kinds are searchable at all. */
	TL_FF_SEARCH = 1 << 2,
	TL_FF_FIXED = 1 << 3,    /* cannot change after creation */
};

/* Longest text a field accepts, in bytes. */
#define TL_TEXT_MAX 65536

struct tl_field {
	const char *name;            /* column, JSON key, CLI --option */
	const char *label;           /* human label for show and forms */
	enum tl_ftype type;
	unsigned flags;              /* TL_FF_* */
	const char *const *choices;  /* TL_FT_ENUM: NULL-terminated list */
	long min, max;               /* TL_FT_INT: inclusive range */
	enum tl_kind ref;            /* TL_FT_REF: kind referred to */
	const char *def;             /* value given at creation when unset */
	const char *help;            /* one line for --help and forms */
};

struct tl_entity {
	enum tl_kind kind;
	const char *name;   /* CLI noun: "followup" */
	const char *plural; /* SQL table and JSON key: "followups" */
	const char *label;  /* human name: "follow-up" */
	/* The same in sentences, whole phrases so that a translation can
	 * give each noun its own gender: "follow-ups", "a follow-up". */
	const char *plural_label;
	const char *a_label;
	const struct tl_field *fields;
	int nfields;
	int title;          /* field shown as the record's name */
	const int *columns; /* list columns, -1 terminated */
	/* Fields that list filters and sorting use; -1 when the kind has none. */
	int owner;          /* --owner: the person responsible */
	int unit;           /* --unit */
	int kindf;          /* --kind */
	int due;            /* --due-before and --overdue */
	int status;         /* --open */
	int parent;         /* the record it belongs to (item -> meeting) */
	int sort;           /* lists are ordered by this field, then id */
	bool sort_desc;     /* newest first */
	const char *const *open_values; /* statuses that count as open */
	const char *close_value;        /* status set by `close` */
};

/* Field indexes, one enum per kind, in the order of model.c's tables. */
enum { TL_UNIT_NAME, TL_UNIT_KIND, TL_UNIT_PARENT, TL_UNIT_STATUS,
       TL_UNIT_NFIELDS };
enum { TL_PERSON_NAME, TL_PERSON_TITLE, TL_PERSON_KIND, TL_PERSON_UNIT,
       TL_PERSON_LOGIN, TL_PERSON_EMAIL, TL_PERSON_STATUS,
       TL_PERSON_PARTY, TL_PERSON_NFIELDS };
enum { TL_SERIES_TITLE, TL_SERIES_KIND, TL_SERIES_UNIT, TL_SERIES_NOTES,
       TL_SERIES_AGENDA, TL_SERIES_REPEATS, TL_SERIES_NFIELDS };
enum { TL_MEETING_TITLE, TL_MEETING_KIND, TL_MEETING_UNIT,
       TL_MEETING_SERIES, TL_MEETING_STARTS, TL_MEETING_ENDS,
       TL_MEETING_LOCATION, TL_MEETING_STATUS, TL_MEETING_NOTES,
       TL_MEETING_JUSTERING, TL_MEETING_DROPPED, TL_MEETING_NFIELDS };
enum { TL_PART_MEETING, TL_PART_PERSON, TL_PART_ROLE,
       TL_PART_ATTENDANCE, TL_PART_REPLACES, TL_PART_FROM_ITEM,
       TL_PART_UNTIL_ITEM, TL_PART_NFIELDS };
enum { TL_ITEM_MEETING, TL_ITEM_NUMBER, TL_ITEM_TITLE, TL_ITEM_KIND,
       TL_ITEM_QUESTION, TL_ITEM_DECIDED_BY, TL_ITEM_TAGS,
       TL_ITEM_CASE_REF, TL_ITEM_NOTES, TL_ITEM_DECISION,
       TL_ITEM_REFERS_TO, TL_ITEM_STATUS, TL_ITEM_NFIELDS };
enum { TL_MOTION_MEETING, TL_MOTION_ITEM, TL_MOTION_PERSON, TL_MOTION_TEXT,
       TL_MOTION_STATUS, TL_MOTION_NFIELDS };
enum { TL_VOTE_MEETING, TL_VOTE_ITEM, TL_VOTE_PROPOSITION, TL_VOTE_YES,
       TL_VOTE_NO, TL_VOTE_ABSTAIN, TL_VOTE_RESULT, TL_VOTE_CASTING,
       TL_VOTE_NFIELDS };
enum { TL_BALLOT_MEETING, TL_BALLOT_VOTE, TL_BALLOT_PERSON, TL_BALLOT_CHOICE,
       TL_BALLOT_NFIELDS };
enum { TL_ENTRY_MEETING, TL_ENTRY_ITEM, TL_ENTRY_KIND, TL_ENTRY_PERSON,
       TL_ENTRY_UNIT, TL_ENTRY_TEXT, TL_ENTRY_CASE_REF, TL_ENTRY_NFIELDS };
enum { TL_GOAL_TITLE, TL_GOAL_DESCRIPTION, TL_GOAL_KIND, TL_GOAL_UNIT,
       TL_GOAL_PARENT, TL_GOAL_PERIOD, TL_GOAL_MEETING, TL_GOAL_ITEM,
       TL_GOAL_STATUS, TL_GOAL_NFIELDS };
enum { TL_INDICATOR_GOAL, TL_INDICATOR_NAME, TL_INDICATOR_MEASURE,
       TL_INDICATOR_DIRECTION, TL_INDICATOR_BASELINE,
       TL_INDICATOR_BASELINE_PERIOD, TL_INDICATOR_KPI,
       TL_INDICATOR_MUNICIPALITY, TL_INDICATOR_STATUS,
       TL_INDICATOR_NFIELDS };
enum { TL_TARGET_INDICATOR, TL_TARGET_PERIOD, TL_TARGET_VALUE,
       TL_TARGET_NFIELDS };
enum { TL_MEAS_INDICATOR, TL_MEAS_PERIOD, TL_MEAS_VALUE, TL_MEAS_WOMEN,
       TL_MEAS_MEN, TL_MEAS_SOURCE, TL_MEAS_NFIELDS };
enum { TL_ANALYSIS_GOAL, TL_ANALYSIS_PERIOD, TL_ANALYSIS_ASSESSMENT,
       TL_ANALYSIS_HAPPENED, TL_ANALYSIS_WHY, TL_ANALYSIS_NEXT,
       TL_ANALYSIS_RESPONSE, TL_ANALYSIS_MEETING, TL_ANALYSIS_ITEM,
       TL_ANALYSIS_NFIELDS };
enum { TL_PRINCIPLE_KEY, TL_PRINCIPLE_NAME, TL_PRINCIPLE_DESCRIPTION,
       TL_PRINCIPLE_POSITION, TL_PRINCIPLE_NFIELDS };
enum { TL_MANDATE_MATTER, TL_MANDATE_GIVEN_TO, TL_MANDATE_GIVEN_BY_UNIT,
       TL_MANDATE_GIVEN_BY_PERSON, TL_MANDATE_LEVEL, TL_MANDATE_LIMITS,
       TL_MANDATE_LEGAL_BASIS, TL_MANDATE_ONWARD, TL_MANDATE_SUBSTITUTE,
       TL_MANDATE_REPORT_BACK, TL_MANDATE_VALID_FROM,
       TL_MANDATE_VALID_UNTIL, TL_MANDATE_MEETING, TL_MANDATE_ITEM,
       TL_MANDATE_CASE_REF, TL_MANDATE_NON_DELEGABLE, TL_MANDATE_STATUS,
       TL_MANDATE_GOAL, TL_MANDATE_REPORT_EVERY, TL_MANDATE_NFIELDS };
enum { TL_RB_MANDATE, TL_RB_REPORTED_ON, TL_RB_TEXT, TL_RB_MEETING,
       TL_RB_NFIELDS };
enum { TL_EXEC_ITEM, TL_EXEC_OWNER, TL_EXEC_DUE, TL_EXEC_REPORT_TO,
       TL_EXEC_STATUS, TL_EXEC_DONE_ON, TL_EXEC_NOTE, TL_EXEC_NFIELDS };
enum { TL_DECISION_MANDATE, TL_DECISION_DECIDED_ON, TL_DECISION_SUMMARY,
       TL_DECISION_DECIDED_BY, TL_DECISION_CASE_REF, TL_DECISION_REPORTED_IN,
       TL_DECISION_ANNOUNCED_ON, TL_DECISION_NFIELDS };
/* A frame version repeats the frame's fields and adds two at the end. */
enum { TL_FRAME_DESCRIPTION, TL_FRAME_KIND, TL_FRAME_HOLDER_PERSON,
       TL_FRAME_HOLDER_UNIT, TL_FRAME_AMOUNT, TL_FRAME_AMOUNT_UNIT,
       TL_FRAME_TRUST, TL_FRAME_TRUST_FACTORS, TL_FRAME_ESCALATION,
       TL_FRAME_VALID_FROM, TL_FRAME_VALID_UNTIL, TL_FRAME_MEETING,
       TL_FRAME_ITEM, TL_FRAME_MANDATE, TL_FRAME_STATUS, TL_FRAME_VERSION,
       TL_FRAME_ACKED_BY, TL_FRAME_ACKED_AT, TL_FRAME_GOAL,
       TL_FRAME_NFIELDS };
enum { TL_FV_FRAME = TL_FRAME_NFIELDS, TL_FV_REPLACED_AT, TL_FV_NFIELDS };
enum { TL_FOLLOWUP_TEXT, TL_FOLLOWUP_KIND, TL_FOLLOWUP_OWNER,
       TL_FOLLOWUP_DUE, TL_FOLLOWUP_MEETING, TL_FOLLOWUP_ITEM,
       TL_FOLLOWUP_MANDATE, TL_FOLLOWUP_FRAME, TL_FOLLOWUP_STATUS,
       TL_FOLLOWUP_OUTCOME, TL_FOLLOWUP_CLOSED_AT, TL_FOLLOWUP_GOAL,
       TL_FOLLOWUP_NFIELDS };
enum { TL_BALANCE_UNIT, TL_BALANCE_ASSESSED_ON, TL_BALANCE_SCORE,
       TL_BALANCE_COMMENT, TL_BALANCE_MEETING, TL_BALANCE_NFIELDS };
enum { TL_NOTICE_MEETING, TL_NOTICE_POSTED_ON, TL_NOTICE_REMOVED_ON,
       TL_NOTICE_KEPT_AT, TL_NOTICE_POSTED_BY, TL_NOTICE_ITEM,
       TL_NOTICE_NFIELDS };
enum { TL_SIGNATURE_MEETING, TL_SIGNATURE_PERSON, TL_SIGNATURE_ROLE,
       TL_SIGNATURE_SIGNED_AT, TL_SIGNATURE_METHOD, TL_SIGNATURE_SSHSIG,
       TL_SIGNATURE_PUBKEY, TL_SIGNATURE_RECORDED_BY, TL_SIGNATURE_NAME,
       TL_SIGNATURE_RECORDER_NAME, TL_SIGNATURE_NFIELDS };
enum { TL_SEAL_MEETING, TL_SEAL_DIGEST, TL_SEAL_SEALED_AT, TL_SEAL_DOCUMENT,
       TL_SEAL_ELEMENTS, TL_SEAL_CANON, TL_SEAL_NFIELDS };

/* The entity description of a kind; NULL for an invalid kind. */
const struct tl_entity *tl_entity_get(enum tl_kind kind);

/*
 * Whether lists of e are in the Swedish order of its name (units, people,
 * series, mandates and frames sort by their name, title, matter or
 * description; collate.h): true when e sorts by its title, a text.
 * PostgreSQL collates those columns "sv-SE-x-icu"; SQLite keeps each
 * row's ICU sort key (TL_SORT_KEY_MAX bytes at most) beside it.
 */
bool tl_entity_sorts_by_name(const struct tl_entity *e);

/*
 * Whether records of e are looked up by a name or title that people
 * type (units, people, series, meetings, agenda items, principles),
 * whatever its case and accents and from inside a word, when no id and
 * no title matches exactly (tl_store_resolve, the pick-list).
 */
bool tl_entity_named(const struct tl_entity *e);

/* Bytes of a sort key kept: two texts alike for longer tie, and their
 * ids decide. */
#define TL_SORT_KEY_MAX 256

/* The entity whose name or plural is `name` ("frame", "frames"), or NULL. */
const struct tl_entity *tl_entity_find(const char *name);

/* Index of the field called `name` in e, or -1. '-' matches '_'. */
int tl_entity_field(const struct tl_entity *e, const char *name);

/*
 * Index of the field that dates a record of e, the one that list filters
 * --from and --to compare: its due date, else the field it sorts by when
 * that is a date or a date and time; -1 when records of e have no date.
 */
int tl_entity_date_field(const struct tl_entity *e);

/* True when `value` is one of the field's choices. */
bool tl_field_choice_ok(const struct tl_field *f, const char *value);

/* The choices of a field joined with ", " into buf (for messages). */
const char *tl_field_choices_str(const struct tl_field *f, char *buf,
				 size_t size);

#define TL_ID_LEN 36

/* One record.  Made by tl_record_new, freed by tl_record_free. */
struct tl_record {
	const struct tl_entity *e;
	char id[TL_ID_LEN + 1];   /* "" until stored */
	char created_at[32];      /* UTC, "YYYY-MM-DDTHH:MM:SSZ"; "" if new */
	char updated_at[32];
	char **values;            /* e->nfields strings, NULL when unset */
	long long version;        /* as read (tl_store_version): the seq of
				     its last change in the audit log; 0
				     when not known (an update then takes
				     it as it is stored) */
};

/* A new empty record of `kind`; NULL when out of memory.  Caller frees. */
struct tl_record *tl_record_new(enum tl_kind kind);

/* A deep copy of r; NULL when out of memory.  Caller frees. */
struct tl_record *tl_record_dup(const struct tl_record *r);

/* Frees r and its values.  Accepts NULL. */
void tl_record_free(struct tl_record *r);

/* The value of field i, or NULL when unset.  The record owns it. */
const char *tl_record_get(const struct tl_record *r, int i);

/* The value of field i, or "" when unset. */
const char *tl_record_str(const struct tl_record *r, int i);

/*
 * Sets field i to a copy of value (NULL or "" unsets it).  Returns false
 * only when out of memory, leaving the old value.
 */
bool tl_record_set(struct tl_record *r, int i, const char *value);

/* The value of the field called `name`, or NULL. */
const char *tl_record_get_by_name(const struct tl_record *r,
				  const char *name);

#endif
