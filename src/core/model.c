/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * model.c - the tables that describe every kind of record, and the generic
 * record that holds one.  The field order here must match the index enums
 * in model.h; the designated initialisers make a slip a compile error or
 * an obvious hole.
 */
#include "tillit/core/model.h"

#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

static const char *const unit_kinds[] = {
	N_("council"), N_("board"), N_("committee"), N_("administration"),
	N_("department"), N_("team"), NULL};
static const char *const active_closed[] = {N_("active"), N_("closed"), NULL};
static const char *const person_kinds[] = {
	N_("elected"), N_("official"), N_("manager"), N_("employee"), NULL};
static const char *const person_status[] = {N_("active"), N_("left"), NULL};
static const char *const meeting_kinds[] = {
	N_("one_to_one"), N_("committee"), N_("dialogue"), N_("forum"), NULL};
/* How often a series meets: the next meeting is planned that much later
 * (tl_store_meeting_next). */
static const char *const series_repeats[] = {
	N_("weekly"), N_("fortnightly"), N_("monthly"), N_("quarterly"),
	NULL};
/* A meeting that does not take place is cancelled, not held. */
static const char *const meeting_status[] = {
	N_("planned"), N_("open"), N_("held"), N_("signed"), N_("cancelled"),
	NULL};
static const char *const signature_methods[] = {"key", "paper", NULL};
static const char *const roles[] = {
	N_("chair"), N_("secretary"), N_("adjuster"), N_("member"),
	N_("substitute"), N_("manager"), N_("employee"), N_("guest"), NULL};
static const char *const attendance[] = {
	N_("unknown"), N_("present"), N_("absent"), N_("excused"), NULL};
static const char *const item_kinds[] = {
	N_("information"), N_("discussion"), N_("decision"), NULL};
static const char *const questions[] = {N_("what"), N_("how"), NULL};
static const char *const deciders[] = {
	N_("politics"), N_("administration"), NULL};
/* A withdrawn item (utgår) keeps its § number; the minutes say so. */
static const char *const item_status[] = {N_("open"), N_("closed"),
					  N_("withdrawn"), NULL};
static const char *const mandate_status[] = {
	N_("active"), N_("revoked"), N_("expired"), N_("superseded"), NULL};
static const char *const frame_kinds[] = {
	N_("budget"), N_("time"), N_("staffing"), N_("quality"), N_("legal"),
	N_("scope"), NULL};
static const char *const trust_levels[] = {
	N_("low"), N_("medium"), N_("high"), NULL};
static const char *const followup_kinds[] = {
	N_("result"), N_("effect"), N_("action"), NULL};
/* A follow-up carried on is done here and goes on in a later meeting. */
static const char *const followup_status[] = {
	N_("open"), N_("done"), N_("carried"), N_("cancelled"), NULL};

/* A motion is put to the committee or withdrawn by its mover. */
static const char *const motion_status[] = {
	N_("standing"), N_("withdrawn"), N_("adopted"), N_("rejected"), NULL};
static const char *const vote_results[] = {N_("yes"), N_("no"), NULL};
static const char *const ballot_choices[] = {
	N_("yes"), N_("no"), N_("abstain"), NULL};
/* What else a § records: a reservation (with its written reason), a
 * protokollsanteckning, a disqualified member (jäv), a document of the
 * decision basis, a recipient of the decision (expedieras till), and the
 * order of decision (propositionsordning). */
static const char *const entry_kinds[] = {
	N_("reservation"), N_("statement"), N_("disqualified"), N_("basis"),
	N_("recipient"), N_("procedure"), N_("justering"), NULL};

/* A goal's level in the chain of governance: fullmäktige's direction
 * goals (inriktningsmål), a committee's goals, a unit's commitments. */
static const char *const goal_kinds[] = {
	N_("direction"), N_("goal"), N_("commitment"), NULL};
static const char *const directions[] = {N_("higher"), N_("lower"), NULL};
/* The owning unit's own assessment of a goal for a period. */
static const char *const assessments[] = {
	N_("met"), N_("partly_met"), N_("not_met"), NULL};

/* How often a mandate's holder reports back (tl_rules_report_due). */
static const char *const report_every[] = {
	N_("monthly"), N_("quarterly"), N_("tertial"), N_("half_yearly"),
	N_("yearly"), NULL};
static const char *const execution_status[] = {N_("open"), N_("done"),
					       NULL};

static const char *const open_active[] = {N_("active"), NULL};
static const char *const open_meeting[] = {N_("planned"), N_("open"), NULL};
static const char *const open_open[] = {N_("open"), NULL};

#define REQ TL_FF_REQUIRED
#define AUTO TL_FF_AUTO
#define SRCH TL_FF_SEARCH
#define FIXED TL_FF_FIXED

#define TEXT(n, l, fl, h) {.name = n, .label = l, .type = TL_FT_TEXT, \
	.flags = (fl), .ref = TL_K_NONE, .help = h}
#define LONG(n, l, fl, h) {.name = n, .label = l, .type = TL_FT_LONGTEXT, \
	.flags = (fl), .ref = TL_K_NONE, .help = h}
#define ENUM(n, l, fl, c, d, h) {.name = n, .label = l, .type = TL_FT_ENUM, \
	.flags = (fl), .choices = c, .ref = TL_K_NONE, .def = d, .help = h}
#define DATE(n, l, fl, h) {.name = n, .label = l, .type = TL_FT_DATE, \
	.flags = (fl), .ref = TL_K_NONE, .help = h}
#define DTIME(n, l, fl, h) {.name = n, .label = l, .type = TL_FT_DATETIME, \
	.flags = (fl), .ref = TL_K_NONE, .help = h}
#define INT(n, l, fl, lo, hi, d, h) {.name = n, .label = l, \
	.type = TL_FT_INT, .flags = (fl), .min = lo, .max = hi, \
	.ref = TL_K_NONE, .def = d, .help = h}
#define REF(n, l, fl, k, h) {.name = n, .label = l, .type = TL_FT_REF, \
	.flags = (fl), .ref = k, .help = h}
#define NUMBER(n, l, fl, h) {.name = n, .label = l, .type = TL_FT_NUMBER, \
	.flags = (fl), .ref = TL_K_NONE, .help = h}
#define PERIOD(n, l, fl, h) {.name = n, .label = l, .type = TL_FT_PERIOD, \
	.flags = (fl), .ref = TL_K_NONE, .help = h}
#define BOOL(n, l, fl, d, h) {.name = n, .label = l, .type = TL_FT_BOOL, \
	.flags = (fl), .ref = TL_K_NONE, .def = d, .help = h}

static const struct tl_field unit_fields[] = {
	[TL_UNIT_NAME] = TEXT("name", N_("Name"), REQ | SRCH,
			      N_("the unit's name")),
	[TL_UNIT_KIND] = ENUM("kind", N_("Kind"), REQ, unit_kinds, NULL,
			      N_("council, board, committee, administration, "
				 "department or team")),
	[TL_UNIT_PARENT] = REF("parent", N_("Parent"), 0, TL_K_UNIT,
			       N_("the unit above it in the chain of "
				  "governance")),
	[TL_UNIT_STATUS] = ENUM("status", N_("Status"), 0, active_closed,
				"active", N_("active or closed")),
};

static const struct tl_field person_fields[] = {
	[TL_PERSON_NAME] = TEXT("name", N_("Name"), REQ | SRCH,
				N_("full name")),
	[TL_PERSON_TITLE] = TEXT("title", N_("Title"), SRCH,
				 N_("job or role title")),
	[TL_PERSON_KIND] = ENUM("kind", N_("Kind"), REQ, person_kinds, NULL,
				N_("elected, official, manager or employee")),
	[TL_PERSON_UNIT] = REF("unit", N_("Unit"), 0, TL_K_UNIT,
			       N_("the unit the person belongs to")),
	[TL_PERSON_LOGIN] = TEXT("login", N_("Login"), 0,
				 N_("OS user name that says who \"me\" is")),
	[TL_PERSON_EMAIL] = TEXT("email", N_("E-mail"), 0,
				 N_("e-mail address")),
	[TL_PERSON_STATUS] = ENUM("status", N_("Status"), 0, person_status,
				  "active", N_("active or left")),
	[TL_PERSON_PARTY] = TEXT("party", N_("Party"), 0,
				 N_("an elected member's party, e.g. S, M "
				    "or C")),
};

static const struct tl_field series_fields[] = {
	[TL_SERIES_TITLE] = TEXT("title", N_("Title"), REQ | SRCH,
				 N_("name of the series")),
	[TL_SERIES_KIND] = ENUM("kind", N_("Kind"), REQ, meeting_kinds, NULL,
				N_("one_to_one, committee, dialogue or forum")),
	[TL_SERIES_UNIT] = REF("unit", N_("Unit"), 0, TL_K_UNIT,
			       N_("the committee or unit that meets")),
	[TL_SERIES_NOTES] = LONG("notes", N_("Notes"), SRCH, N_("notes")),
	[TL_SERIES_AGENDA] = LONG("agenda", N_("Standing agenda"), 0,
				  N_("the items every meeting of the series "
				     "starts with, one a line")),
	[TL_SERIES_REPEATS] = ENUM("repeats", N_("Repeats"), 0,
				   series_repeats, NULL,
				   N_("weekly, fortnightly, monthly or "
				      "quarterly: when the next meeting is")),
};

static const struct tl_field meeting_fields[] = {
	[TL_MEETING_TITLE] = TEXT("title", N_("Title"), REQ | SRCH,
				  N_("what the meeting is")),
	[TL_MEETING_KIND] = ENUM("kind", N_("Kind"), REQ | FIXED, meeting_kinds,
				 NULL,
				 N_("one_to_one, committee, dialogue or "
				    "forum")),
	[TL_MEETING_UNIT] = REF("unit", N_("Unit"), 0, TL_K_UNIT,
				N_("the committee or unit holding it")),
	[TL_MEETING_SERIES] = REF("series", N_("Series"), 0, TL_K_SERIES,
				  N_("the series it belongs to")),
	[TL_MEETING_STARTS] = DTIME("starts_at", N_("Starts"), REQ,
				    N_("start: YYYY-MM-DD HH:MM, or +7d "
				       "10:00")),
	[TL_MEETING_ENDS] = DTIME("ends_at", N_("Ends"), 0, N_("end")),
	[TL_MEETING_LOCATION] = TEXT("location", N_("Location"), 0,
				     N_("where")),
	[TL_MEETING_STATUS] = ENUM("status", N_("Status"), 0, meeting_status,
				   "planned",
				   N_("planned, open, held or signed")),
	[TL_MEETING_NOTES] = LONG("notes", N_("Notes"), SRCH, N_("notes")),
	/* Justeringens plats och tid, as the protokoll states it. */
	[TL_MEETING_JUSTERING] = TEXT("justering", N_("Justering"), 0,
				      N_("the place and time of justering, "
					 "e.g. 'Stadshuset, 2026-12-03 10:00'")),
	/* Set by tl_store_meeting_drop_offer alone. */
	[TL_MEETING_DROPPED] = TEXT("dropped", N_("Offers dropped"), AUTO,
				    N_("the report-backs and reports on "
				       "carrying out dropped from its agenda: "
				       "the ids of their mandates and "
				       "executions")),
};

static const struct tl_field participant_fields[] = {
	[TL_PART_MEETING] = REF("meeting", N_("Meeting"), REQ | FIXED,
				TL_K_MEETING, N_("the meeting")),
	[TL_PART_PERSON] = REF("person", N_("Person"), REQ | FIXED, TL_K_PERSON,
			       N_("who takes part")),
	[TL_PART_ROLE] = ENUM("role", N_("Role"), REQ, roles, "member",
			      N_("chair, secretary, adjuster, member, "
				 "substitute, manager, employee or guest")),
	[TL_PART_ATTENDANCE] = ENUM("attendance", N_("Attendance"), 0,
				    attendance, "unknown",
				    N_("unknown, present, absent or excused")),
	[TL_PART_REPLACES] = REF("replaces", N_("Replaces"), 0, TL_K_PERSON,
				 N_("the member a serving substitute "
				    "replaces")),
	[TL_PART_FROM_ITEM] = REF("from_item", N_("From §"), 0, TL_K_ITEM,
				  N_("the first § they took part in, when "
				     "they came later")),
	[TL_PART_UNTIL_ITEM] = REF("until_item", N_("Until §"), 0, TL_K_ITEM,
				   N_("the last § they took part in, when "
				      "they left earlier")),
};

static const struct tl_field item_fields[] = {
	[TL_ITEM_MEETING] = REF("meeting", N_("Meeting"), REQ | FIXED,
				TL_K_MEETING, N_("the meeting")),
	[TL_ITEM_NUMBER] = INT("number", N_("Number"), AUTO, 1, 1000000, NULL,
			       N_("§ number, given by tillit")),
	[TL_ITEM_TITLE] = TEXT("title", N_("Title"), REQ | SRCH,
			       N_("the matter")),
	[TL_ITEM_KIND] = ENUM("kind", N_("Kind"), 0, item_kinds, "discussion",
			      N_("information, discussion or decision")),
	[TL_ITEM_QUESTION] = ENUM("question", N_("Question"), 0, questions,
				  NULL, N_("what or how")),
	[TL_ITEM_DECIDED_BY] = ENUM("decided_by", N_("Decided by"), 0, deciders,
				    NULL, N_("politics or administration")),
	[TL_ITEM_TAGS] = {.name = "tags", .label = N_("Principles"),
	 .type = TL_FT_TAGS,
	 .ref = TL_K_NONE, .help = N_("principle keys, comma-separated")},
	[TL_ITEM_CASE_REF] = TEXT("case_ref", N_("Case"), SRCH,
				  N_("case reference, e.g. KS/2016:303")),
	[TL_ITEM_NOTES] = LONG("notes", N_("Notes"), SRCH, N_("notes")),
	[TL_ITEM_DECISION] = LONG("decision", N_("Decision"), SRCH,
				  N_("the decision text")),
	[TL_ITEM_REFERS_TO] = REF("refers_to", N_("Corrects"), 0, TL_K_ITEM,
				  N_("an earlier item this one corrects")),
	[TL_ITEM_STATUS] = ENUM("status", N_("Status"), 0, item_status, "open",
				N_("open, closed or withdrawn")),
};

/* The parts of a § (issue 16).  Each names its meeting, which the store
 * takes from the item (a ballot: from its vote), so that who reads and
 * changes them and what signing locks follow the meeting as for the rest
 * of the minutes. */
#define IN_MEETING(name) [name] = REF("meeting", N_("Meeting"), AUTO | FIXED, \
	TL_K_MEETING, N_("the meeting, from its §"))
#define IN_ITEM(name) [name] = REF("item", N_("§"), REQ | FIXED, TL_K_ITEM, \
	N_("the agenda item (§)"))

static const struct tl_field motion_fields[] = {
	IN_MEETING(TL_MOTION_MEETING),
	IN_ITEM(TL_MOTION_ITEM),
	[TL_MOTION_PERSON] = REF("person", N_("Moved by"), REQ, TL_K_PERSON,
				 N_("the member who moved it")),
	[TL_MOTION_TEXT] = LONG("text", N_("Motion"), REQ | SRCH,
				N_("what they moved, e.g. approval of the "
				   "administration's proposal")),
	[TL_MOTION_STATUS] = ENUM("status", N_("Status"), 0, motion_status,
				  "standing", N_("standing, withdrawn, "
				  "adopted or rejected")),
};

static const struct tl_field vote_fields[] = {
	IN_MEETING(TL_VOTE_MEETING),
	IN_ITEM(TL_VOTE_ITEM),
	[TL_VOTE_PROPOSITION] = TEXT("proposition", N_("Proposition"),
				     REQ | SRCH,
				     N_("what yes and no stand for")),
	[TL_VOTE_YES] = INT("yes", N_("Yes"), REQ, 0, 1000, NULL,
			    N_("votes for yes")),
	[TL_VOTE_NO] = INT("no", N_("No"), REQ, 0, 1000, NULL,
			   N_("votes for no")),
	[TL_VOTE_ABSTAIN] = INT("abstain", N_("Abstained"), 0, 0, 1000, "0",
				N_("members who abstained")),
	[TL_VOTE_RESULT] = ENUM("result", N_("Result"), REQ, vote_results,
				NULL, N_("yes or no: which side won")),
	[TL_VOTE_CASTING] = BOOL("casting", N_("Chair's casting vote"), 0,
				 "0", N_("a tie decided by the chair's "
				 "casting vote")),
};

static const struct tl_field ballot_fields[] = {
	IN_MEETING(TL_BALLOT_MEETING),
	[TL_BALLOT_VOTE] = REF("vote", N_("Vote"), REQ | FIXED, TL_K_VOTE,
			       N_("the vote")),
	[TL_BALLOT_PERSON] = REF("person", N_("Member"), REQ | FIXED,
				 TL_K_PERSON, N_("the member who voted")),
	[TL_BALLOT_CHOICE] = ENUM("choice", N_("Voted"), REQ, ballot_choices,
				  NULL, N_("yes, no or abstain")),
};

static const struct tl_field entry_fields[] = {
	IN_MEETING(TL_ENTRY_MEETING),
	IN_ITEM(TL_ENTRY_ITEM),
	[TL_ENTRY_KIND] = ENUM("kind", N_("Kind"), REQ | FIXED, entry_kinds,
			       NULL, N_("reservation, statement, disqualified, "
			       "basis, recipient, procedure or justering (a "
			       "signer's immediate justering of the §)")),
	[TL_ENTRY_PERSON] = REF("person", N_("Person"), 0, TL_K_PERSON,
				N_("who reserved, stated or was "
				   "disqualified; a recipient")),
	[TL_ENTRY_UNIT] = REF("unit", N_("Unit"), 0, TL_K_UNIT,
			      N_("a unit that receives the decision")),
	[TL_ENTRY_TEXT] = LONG("text", N_("Text"), SRCH,
			       N_("the reason, statement, document or order "
				  "of decision")),
	[TL_ENTRY_CASE_REF] = TEXT("case_ref", N_("Case"), SRCH,
				   N_("a document's case reference")),
};

static const struct tl_field principle_fields[] = {
	[TL_PRINCIPLE_KEY] = TEXT("key", N_("Key"), REQ | FIXED,
				  N_("short key used in tags")),
	[TL_PRINCIPLE_NAME] = TEXT("name", N_("Name"), REQ, N_("name")),
	[TL_PRINCIPLE_DESCRIPTION] = LONG("description", N_("Description"), 0,
					  N_("what it means")),
	[TL_PRINCIPLE_POSITION] = INT("position", N_("Position"), 0, 0, 1000,
				      "0", N_("order in lists")),
};

static const struct tl_field mandate_fields[] = {
	[TL_MANDATE_MATTER] = TEXT("matter", N_("Matter"), REQ | SRCH,
				   N_("what may be decided")),
	[TL_MANDATE_GIVEN_TO] = REF("given_to", N_("Given to"), REQ,
				    TL_K_PERSON,
				    N_("the person who holds the mandate")),
	[TL_MANDATE_GIVEN_BY_UNIT] = REF("given_by_unit", N_("Given by unit"),
					 0, TL_K_UNIT,
					 N_("the delegating body")),
	[TL_MANDATE_GIVEN_BY_PERSON] = REF("given_by_person",
					   N_("Given by person"), 0,
					   TL_K_PERSON,
					   N_("the delegating person")),
	[TL_MANDATE_LEVEL] = INT("level", N_("Level"), REQ, 1, 7, NULL,
				 N_("delegation level 1-7: tell, sell, "
				    "consult, agree, advise, inquire, "
				    "delegate")),
	[TL_MANDATE_LIMITS] = LONG("limits", N_("Limits"), SRCH,
				   N_("the limits of the mandate")),
	[TL_MANDATE_LEGAL_BASIS] = TEXT("legal_basis", N_("Legal basis"), 0,
					N_("lagrum, e.g. KL 7 kap. 5 §")),
	[TL_MANDATE_ONWARD] = BOOL("onward", N_("Onward delegation"), 0, "0",
				   N_("may be delegated further (yes/no)")),
	[TL_MANDATE_SUBSTITUTE] = REF("substitute", N_("Substitute"), 0,
				      TL_K_PERSON,
				      N_("who decides in absence")),
	[TL_MANDATE_REPORT_BACK] = TEXT("report_back", N_("Report back"), 0,
					N_("how and when to report back")),
	[TL_MANDATE_VALID_FROM] = DATE("valid_from", N_("Valid from"), 0,
				       N_("first day")),
	[TL_MANDATE_VALID_UNTIL] = DATE("valid_until", N_("Valid until"), 0,
					N_("last day")),
	[TL_MANDATE_MEETING] = REF("meeting", N_("Meeting"), 0, TL_K_MEETING,
				   N_("meeting where it was given")),
	[TL_MANDATE_ITEM] = REF("item", N_("Item"), 0, TL_K_ITEM,
				N_("item where it was given")),
	[TL_MANDATE_CASE_REF] = TEXT("case_ref", N_("Case"), SRCH,
				     N_("case reference")),
	[TL_MANDATE_NON_DELEGABLE] = BOOL("non_delegable", N_("Non-delegable"),
					  0, "0",
					  N_("marked as a matter that may not "
					     "be delegated (yes/no)")),
	[TL_MANDATE_STATUS] = ENUM("status", N_("Status"), 0, mandate_status,
				   "active",
				   N_("active, revoked, expired or "
				      "superseded")),
	[TL_MANDATE_GOAL] = REF("goal", N_("Goal"), 0, TL_K_GOAL,
				N_("the goal it gives room to act for")),
	[TL_MANDATE_REPORT_EVERY] = ENUM("report_every", N_("Reports every"),
					 0, report_every, NULL,
					 N_("monthly, quarterly, tertial, "
					    "half_yearly or yearly: when "
					    "report-backs fall due")),
};

static const struct tl_field decision_fields[] = {
	[TL_DECISION_MANDATE] = REF("mandate", N_("Mandate"), REQ | FIXED,
				    TL_K_MANDATE, N_("the mandate used")),
	[TL_DECISION_DECIDED_ON] = DATE("decided_on", N_("Decided on"), REQ,
					N_("date of the decision")),
	[TL_DECISION_SUMMARY] = LONG("summary", N_("Summary"), REQ | SRCH,
				     N_("what was decided")),
	[TL_DECISION_DECIDED_BY] = REF("decided_by", N_("Decided by"), 0,
				       TL_K_PERSON, N_("who decided")),
	[TL_DECISION_CASE_REF] = TEXT("case_ref", N_("Case"), SRCH,
				      N_("case reference")),
	[TL_DECISION_REPORTED_IN] = REF("reported_in", N_("Reported in"),
					AUTO, TL_K_MEETING,
					N_("the committee meeting it was "
					   "reported to, from that meeting's "
					   "justering on")),
	/* Announced on its own instead (Kommunallagen 8 kap. 12 §): its
	 * appeal window runs from this day, and no committee reports it. */
	[TL_DECISION_ANNOUNCED_ON] = DATE("announced_on", N_("Announced on"),
					  0, N_("the day it went up on the "
						"notice board, when announced "
						"on its own instead of "
						"reported to the committee")),
};

/* A frame's fields, for frames and their old versions; `search` is SRCH
 * for frames, 0 for old versions, which full-text search leaves out. */
#define FRAME_FIELDS(search) \
	[TL_FRAME_DESCRIPTION] = LONG("description", N_("Description"), \
				      REQ | (search), \
				      N_("what the frame is")), \
	[TL_FRAME_KIND] = ENUM("kind", N_("Kind"), REQ, frame_kinds, NULL, \
			       N_("budget, time, staffing, quality, legal " \
				  "or scope")), \
	[TL_FRAME_HOLDER_PERSON] = REF("holder_person", N_("Holder"), 0, \
				       TL_K_PERSON, \
				       N_("the person who holds it")), \
	[TL_FRAME_HOLDER_UNIT] = REF("holder_unit", N_("Holder unit"), 0, \
				     TL_K_UNIT, N_("the unit that holds it")), \
	[TL_FRAME_AMOUNT] = {.name = "amount", .label = N_("Amount"), \
			     .type = TL_FT_AMOUNT, .ref = TL_K_NONE, \
			     .help = N_("a non-negative amount, " \
					"e.g. 250000")}, \
	[TL_FRAME_AMOUNT_UNIT] = TEXT("amount_unit", N_("Amount unit"), 0, \
				      N_("unit of the amount, " \
					 "e.g. SEK or h")), \
	[TL_FRAME_TRUST] = ENUM("trust", N_("Trust level"), 0, trust_levels, \
				"medium", N_("low, medium or high")), \
	[TL_FRAME_TRUST_FACTORS] = LONG("trust_factors", N_("Trust factors"), \
					(search), \
					N_("what the trust level rests on")), \
	[TL_FRAME_ESCALATION] = LONG("escalation", N_("Escalation"), 0, \
				     N_("when and to whom to escalate")), \
	[TL_FRAME_VALID_FROM] = DATE("valid_from", N_("Valid from"), 0, \
				     N_("first day")), \
	[TL_FRAME_VALID_UNTIL] = DATE("valid_until", N_("Valid until"), 0, \
				      N_("last day")), \
	[TL_FRAME_MEETING] = REF("meeting", N_("Meeting"), 0, TL_K_MEETING, \
				 N_("meeting where it was agreed")), \
	[TL_FRAME_ITEM] = REF("item", N_("Item"), 0, TL_K_ITEM, \
			      N_("item where it was agreed")), \
	[TL_FRAME_MANDATE] = REF("mandate", N_("Mandate"), 0, TL_K_MANDATE, \
				 N_("the mandate it belongs to")), \
	[TL_FRAME_STATUS] = ENUM("status", N_("Status"), 0, active_closed, \
				 "active", N_("active or closed")), \
	[TL_FRAME_VERSION] = INT("version", N_("Version"), AUTO, 1, 1000000, \
				 NULL, N_("version, counted by tillit")), \
	[TL_FRAME_ACKED_BY] = REF("acked_by", N_("Acknowledged by"), AUTO, \
				  TL_K_PERSON, N_("who acknowledged it")), \
	[TL_FRAME_ACKED_AT] = DTIME("acked_at", N_("Acknowledged at"), AUTO, \
				    N_("when it was acknowledged")), \
	[TL_FRAME_GOAL] = REF("goal", N_("Goal"), 0, TL_K_GOAL, \
			      N_("the goal it gives room to act for"))

static const struct tl_field frame_fields[] = {FRAME_FIELDS(SRCH)};

static const struct tl_field frame_version_fields[] = {
	FRAME_FIELDS(0),
	[TL_FV_FRAME] = REF("frame", N_("Frame"), REQ | FIXED, TL_K_FRAME,
			    N_("the frame this is an old version of")),
	[TL_FV_REPLACED_AT] = DTIME("replaced_at", N_("Replaced at"), 0,
				    N_("when the next version replaced it")),
};

static const struct tl_field followup_fields[] = {
	[TL_FOLLOWUP_TEXT] = LONG("text", N_("Text"), REQ | SRCH,
				  N_("what to follow up")),
	[TL_FOLLOWUP_KIND] = ENUM("kind", N_("Kind"), 0, followup_kinds,
				  "action", N_("result, effect or action")),
	[TL_FOLLOWUP_OWNER] = REF("owner", N_("Owner"), REQ, TL_K_PERSON,
				  N_("who follows it up")),
	[TL_FOLLOWUP_DUE] = DATE("due", N_("Due"), 0,
				 N_("due date: YYYY-MM-DD, +14d, tomorrow")),
	[TL_FOLLOWUP_MEETING] = REF("meeting", N_("Meeting"), 0, TL_K_MEETING,
				    N_("meeting it came from")),
	[TL_FOLLOWUP_ITEM] = REF("item", N_("Item"), 0, TL_K_ITEM,
				 N_("item it came from")),
	[TL_FOLLOWUP_MANDATE] = REF("mandate", N_("Mandate"), 0, TL_K_MANDATE,
				    N_("mandate it follows up")),
	[TL_FOLLOWUP_FRAME] = REF("frame", N_("Frame"), 0, TL_K_FRAME,
				  N_("frame it follows up")),
	[TL_FOLLOWUP_STATUS] = ENUM("status", N_("Status"), 0, followup_status,
				    "open", N_("open, done, carried (on in a later "
				    "meeting) or cancelled")),
	[TL_FOLLOWUP_OUTCOME] = LONG("outcome", N_("Outcome"), SRCH,
				     N_("what came of it")),
	[TL_FOLLOWUP_CLOSED_AT] = DTIME("closed_at", N_("Closed at"), AUTO,
					N_("when it was done or cancelled")),
	[TL_FOLLOWUP_GOAL] = REF("goal", N_("Goal"), 0, TL_K_GOAL,
				 N_("the goal it follows up")),
};

/*
 * Reporting back (återrapportering): the holder of a mandate tells whoever
 * gave it what was done with it, at the cadence the mandate sets; and a
 * decision § carried out (verkställighet): who carries it out, by when,
 * and the meeting that should hear that it was.
 */
static const struct tl_field report_back_fields[] = {
	[TL_RB_MANDATE] = REF("mandate", N_("Mandate"), REQ | FIXED,
			      TL_K_MANDATE, N_("the mandate reported on")),
	[TL_RB_REPORTED_ON] = DATE("reported_on", N_("Reported on"), REQ,
				   N_("the day it was reported")),
	[TL_RB_TEXT] = LONG("text", N_("Text"), REQ | SRCH,
			    N_("what was reported")),
	[TL_RB_MEETING] = REF("meeting", N_("Meeting"), 0, TL_K_MEETING,
			      N_("the meeting where it was presented")),
};

static const struct tl_field execution_fields[] = {
	[TL_EXEC_ITEM] = REF("item", N_("Decision"), REQ | FIXED, TL_K_ITEM,
			     N_("the decision § to carry out")),
	[TL_EXEC_OWNER] = REF("owner", N_("Owner"), REQ, TL_K_PERSON,
			      N_("who carries it out")),
	[TL_EXEC_DUE] = DATE("due", N_("Due"), 0,
			     N_("by when it is carried out")),
	[TL_EXEC_REPORT_TO] = REF("report_to", N_("Report to"), 0,
				  TL_K_MEETING,
				  N_("the meeting that should hear that it "
				     "was")),
	[TL_EXEC_STATUS] = ENUM("status", N_("Status"), 0, execution_status,
				"open", N_("open or done")),
	[TL_EXEC_DONE_ON] = DATE("done_on", N_("Done on"), 0,
				 N_("the day it was carried out")),
	[TL_EXEC_NOTE] = LONG("note", N_("Note"), SRCH,
			      N_("how it was carried out")),
};

/*
 * Goals along the chain of governance (målstyrning): a goal is a "what"
 * question, owned by a unit, breaking down its parent goal, for a period,
 * decided at a meeting's §.  An indicator measures it; a target is what
 * the indicator should reach in a period, a measurement what it did
 * (total, women, men, and where the figure comes from).  An analysis is
 * the owning unit's own account of the goal for a period, analysis before
 * numbers, and the receiving committee's or manager's response to it.
 */
static const struct tl_field goal_fields[] = {
	[TL_GOAL_TITLE] = TEXT("title", N_("Title"), REQ | SRCH,
			       N_("what the goal is")),
	[TL_GOAL_DESCRIPTION] = LONG("description", N_("Description"), SRCH,
				     N_("what it means, and how one sees "
					"that it is reached")),
	[TL_GOAL_KIND] = ENUM("kind", N_("Level"), 0, goal_kinds, "goal",
			      N_("direction (the council's), goal (a "
				 "committee's) or commitment (a unit's)")),
	[TL_GOAL_UNIT] = REF("unit", N_("Unit"), REQ, TL_K_UNIT,
			     N_("the unit that owns it")),
	[TL_GOAL_PARENT] = REF("parent", N_("Parent goal"), 0, TL_K_GOAL,
			       N_("the goal it breaks down")),
	[TL_GOAL_PERIOD] = PERIOD("period", N_("Period"), REQ,
				  N_("the years it runs, e.g. 2025-2027 or "
				     "2026")),
	[TL_GOAL_MEETING] = REF("meeting", N_("Meeting"), 0, TL_K_MEETING,
				N_("meeting where it was decided")),
	[TL_GOAL_ITEM] = REF("item", N_("Item"), 0, TL_K_ITEM,
			     N_("the § where it was decided")),
	[TL_GOAL_STATUS] = ENUM("status", N_("Status"), 0, active_closed,
				"active", N_("active or closed")),
};

static const struct tl_field indicator_fields[] = {
	[TL_INDICATOR_GOAL] = REF("goal", N_("Goal"), REQ | FIXED, TL_K_GOAL,
				  N_("the goal it measures")),
	[TL_INDICATOR_NAME] = TEXT("name", N_("Name"), REQ | SRCH,
				   N_("what is measured")),
	[TL_INDICATOR_MEASURE] = TEXT("measure", N_("Unit of measure"), 0,
				      N_("e.g. %, days or SEK per "
					 "inhabitant")),
	[TL_INDICATOR_DIRECTION] = ENUM("direction", N_("Better when"), 0,
					directions, "higher",
					N_("higher or lower")),
	[TL_INDICATOR_BASELINE] = NUMBER("baseline", N_("Baseline"), 0,
					 N_("the figure it starts from")),
	[TL_INDICATOR_BASELINE_PERIOD] = PERIOD("baseline_period",
						N_("Baseline period"), 0,
						N_("the period of the "
						   "baseline, e.g. 2024")),
	[TL_INDICATOR_KPI] = TEXT("kpi", N_("Kolada KPI"), 0,
				  N_("its id in Kolada, e.g. N15419, for "
				     "importing its figures")),
	[TL_INDICATOR_MUNICIPALITY] = TEXT("municipality",
					   N_("Kolada municipality"), 0,
					   N_("the municipality's id in "
					      "Kolada, e.g. 0580")),
	[TL_INDICATOR_STATUS] = ENUM("status", N_("Status"), 0, active_closed,
				     "active", N_("active or closed")),
};

static const struct tl_field target_fields[] = {
	[TL_TARGET_INDICATOR] = REF("indicator", N_("Indicator"),
				    REQ | FIXED, TL_K_INDICATOR,
				    N_("the indicator it is a target of")),
	[TL_TARGET_PERIOD] = PERIOD("period", N_("Period"), REQ,
				    N_("e.g. 2026")),
	[TL_TARGET_VALUE] = NUMBER("value", N_("Target"), REQ,
				   N_("the figure to reach")),
};

static const struct tl_field measurement_fields[] = {
	[TL_MEAS_INDICATOR] = REF("indicator", N_("Indicator"), REQ | FIXED,
				  TL_K_INDICATOR,
				  N_("the indicator it is a figure of")),
	[TL_MEAS_PERIOD] = PERIOD("period", N_("Period"), REQ,
				  N_("e.g. 2025 or 2026T1")),
	[TL_MEAS_VALUE] = NUMBER("value", N_("Value"), 0,
				 N_("the figure, in total")),
	[TL_MEAS_WOMEN] = NUMBER("women", N_("Women"), 0,
				 N_("the figure for women")),
	[TL_MEAS_MEN] = NUMBER("men", N_("Men"), 0, N_("the figure for men")),
	[TL_MEAS_SOURCE] = TEXT("source", N_("Source"), 0,
				N_("where the figure comes from, e.g. "
				   "Kolada")),
};

static const struct tl_field analysis_fields[] = {
	[TL_ANALYSIS_GOAL] = REF("goal", N_("Goal"), REQ | FIXED, TL_K_GOAL,
				 N_("the goal it follows up")),
	[TL_ANALYSIS_PERIOD] = PERIOD("period", N_("Period"), REQ,
				      N_("e.g. 2026T1, 2026H1 or 2026")),
	[TL_ANALYSIS_ASSESSMENT] = ENUM("assessment", N_("Assessment"), REQ,
					assessments, NULL,
					N_("met, partly_met or not_met")),
	[TL_ANALYSIS_HAPPENED] = LONG("happened", N_("What happened"), SRCH,
				      N_("what happened in the period")),
	[TL_ANALYSIS_WHY] = LONG("why", N_("Why"), SRCH,
				 N_("why it turned out this way")),
	[TL_ANALYSIS_NEXT] = LONG("next", N_("What next"), SRCH,
				  N_("what the unit does now")),
	[TL_ANALYSIS_RESPONSE] = LONG("response", N_("Response"), SRCH,
				      N_("the committee's or manager's "
					 "response, in a dialogue")),
	[TL_ANALYSIS_MEETING] = REF("meeting", N_("Meeting"), 0, TL_K_MEETING,
				    N_("the dialogue where it was answered")),
	[TL_ANALYSIS_ITEM] = REF("item", N_("Item"), 0, TL_K_ITEM,
				 N_("the item where it was answered")),
};

static const struct tl_field balance_fields[] = {
	[TL_BALANCE_UNIT] = REF("unit", N_("Unit"), REQ, TL_K_UNIT,
				N_("the unit assessed")),
	[TL_BALANCE_ASSESSED_ON] = DATE("assessed_on", N_("Assessed on"), REQ,
					N_("date of the assessment")),
	[TL_BALANCE_SCORE] = INT("score", N_("Score"), REQ, -2, 2, NULL,
				 N_("-2 under-governed ... +2 over-governed")),
	[TL_BALANCE_COMMENT] = LONG("comment", N_("Comment"), SRCH, N_("why")),
	[TL_BALANCE_MEETING] = REF("meeting", N_("Meeting"), 0, TL_K_MEETING,
				   N_("dialogue where it was assessed")),
};

/*
 * A notice (anslag): the justering of a committee's protokoll announced
 * on the municipality's notice board, from which the appeal window runs
 * (clocks.h); or, with an item, the immediate justering of that § alone,
 * which runs a window of its own.  Recorded after signing, so it is no
 * part of the minutes.
 */
static const struct tl_field notice_fields[] = {
	[TL_NOTICE_MEETING] = REF("meeting", N_("Meeting"), REQ | FIXED,
				  TL_K_MEETING,
				  N_("the meeting whose protokoll was justered")),
	[TL_NOTICE_POSTED_ON] = DATE("posted_on", N_("Posted on"), REQ,
				     N_("the day the notice went up on the "
					"notice board")),
	[TL_NOTICE_REMOVED_ON] = DATE("removed_on", N_("Removed on"), 0,
				      N_("the day it was taken down, once the "
					 "appeal window has ended")),
	[TL_NOTICE_KEPT_AT] = TEXT("kept_at", N_("Protokoll kept at"), 0,
				   N_("where the protokoll can be read")),
	[TL_NOTICE_POSTED_BY] = REF("posted_by", N_("Certified by"), 0,
				    TL_K_PERSON,
				    N_("who certifies the notice")),
	[TL_NOTICE_ITEM] = REF("item", N_("§"), FIXED, TL_K_ITEM,
			       N_("a § justered immediately, when the notice "
				  "announces that § alone")),
};

/* Signatures and seals are written by signing (sign.h), never by hand:
 * every field is fixed, and the store refuses to add them directly. */
static const struct tl_field signature_fields[] = {
	[TL_SIGNATURE_MEETING] = REF("meeting", N_("Meeting"), REQ | FIXED,
				     TL_K_MEETING, N_("the meeting signed")),
	[TL_SIGNATURE_PERSON] = REF("person", N_("Person"), REQ | FIXED,
				    TL_K_PERSON, N_("who signed")),
	[TL_SIGNATURE_ROLE] = ENUM("role", N_("Role"), REQ | FIXED, roles,
				   NULL, N_("the role they signed in")),
	[TL_SIGNATURE_SIGNED_AT] = DTIME("signed_at", N_("Signed at"),
					 REQ | FIXED, N_("when they signed")),
	[TL_SIGNATURE_METHOD] = ENUM("method", N_("Method"), FIXED,
				     signature_methods, NULL,
				     N_("with their own key, or on paper")),
	[TL_SIGNATURE_SSHSIG] = LONG("sshsig", N_("SSH signature"), FIXED,
				     N_("the signature over the frozen "
					"minutes")),
	[TL_SIGNATURE_PUBKEY] = TEXT("pubkey", N_("Public key"), FIXED,
				     N_("the key the signature was made with")),
	[TL_SIGNATURE_RECORDED_BY] = REF("recorded_by", N_("Recorded by"),
					 FIXED, TL_K_PERSON,
					 N_("who recorded a signature made "
					    "on paper")),
	[TL_SIGNATURE_NAME] = TEXT("name", N_("Name"), FIXED,
				   N_("the signer's name when they signed")),
	[TL_SIGNATURE_RECORDER_NAME] = TEXT("recorder_name",
					    N_("Recorder's name"), FIXED,
					    N_("the recorder's name then")),
};

static const struct tl_field seal_fields[] = {
	[TL_SEAL_MEETING] = REF("meeting", N_("Meeting"), REQ | FIXED,
				TL_K_MEETING, N_("the signed meeting")),
	[TL_SEAL_DIGEST] = TEXT("digest", N_("Digest"), REQ | FIXED,
				N_("SHA-256 of the canonical minutes")),
	[TL_SEAL_SEALED_AT] = DTIME("sealed_at", N_("Sealed at"), REQ | FIXED,
				    N_("when justering started")),
	[TL_SEAL_DOCUMENT] = LONG("document", N_("Document"), FIXED,
				  N_("the frozen minutes the signers sign")),
	[TL_SEAL_ELEMENTS] = LONG("elements", N_("Elements"), FIXED,
				  N_("what the frozen minutes were written "
				     "from")),
	[TL_SEAL_CANON] = LONG("canon", N_("Canonical text"), FIXED,
			       N_("what the meeting locked, when frozen")),
};

#define NF(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const int unit_cols[] = {TL_UNIT_NAME, TL_UNIT_KIND, TL_UNIT_PARENT,
				TL_UNIT_STATUS, -1};
static const int person_cols[] = {TL_PERSON_NAME, TL_PERSON_KIND,
				  TL_PERSON_TITLE, TL_PERSON_UNIT,
				  TL_PERSON_LOGIN, -1};
static const int series_cols[] = {TL_SERIES_TITLE, TL_SERIES_KIND,
				  TL_SERIES_UNIT, -1};
static const int meeting_cols[] = {TL_MEETING_STARTS, TL_MEETING_KIND,
				   TL_MEETING_STATUS, TL_MEETING_TITLE, -1};
static const int part_cols[] = {TL_PART_MEETING, TL_PART_PERSON,
				TL_PART_ROLE, TL_PART_ATTENDANCE, -1};
static const int item_cols[] = {TL_ITEM_NUMBER, TL_ITEM_TITLE, TL_ITEM_KIND,
				TL_ITEM_QUESTION, TL_ITEM_DECIDED_BY, -1};
static const int motion_cols[] = {TL_MOTION_ITEM, TL_MOTION_PERSON,
				  TL_MOTION_STATUS, TL_MOTION_TEXT, -1};
static const int vote_cols[] = {TL_VOTE_ITEM, TL_VOTE_RESULT, TL_VOTE_YES,
				TL_VOTE_NO, TL_VOTE_ABSTAIN,
				TL_VOTE_PROPOSITION, -1};
static const int ballot_cols[] = {TL_BALLOT_VOTE, TL_BALLOT_PERSON,
				  TL_BALLOT_CHOICE, -1};
static const int entry_cols[] = {TL_ENTRY_ITEM, TL_ENTRY_KIND,
				 TL_ENTRY_PERSON, TL_ENTRY_TEXT, -1};
static const int principle_cols[] = {TL_PRINCIPLE_POSITION,
				     TL_PRINCIPLE_KEY, TL_PRINCIPLE_NAME, -1};
static const int mandate_cols[] = {TL_MANDATE_LEVEL, TL_MANDATE_MATTER,
				   TL_MANDATE_GIVEN_TO,
				   TL_MANDATE_VALID_UNTIL, TL_MANDATE_STATUS,
				   -1};
static const int decision_cols[] = {TL_DECISION_DECIDED_ON,
				    TL_DECISION_SUMMARY, TL_DECISION_MANDATE,
				    -1};
static const int frame_cols[] = {TL_FRAME_KIND, TL_FRAME_DESCRIPTION,
				 TL_FRAME_AMOUNT, TL_FRAME_AMOUNT_UNIT,
				 TL_FRAME_HOLDER_PERSON, TL_FRAME_TRUST,
				 TL_FRAME_ACKED_AT, -1};
static const int fv_cols[] = {TL_FRAME_VERSION, TL_FRAME_DESCRIPTION,
			      TL_FRAME_AMOUNT, TL_FV_REPLACED_AT, -1};
static const int followup_cols[] = {TL_FOLLOWUP_DUE, TL_FOLLOWUP_STATUS,
				    TL_FOLLOWUP_OWNER, TL_FOLLOWUP_TEXT, -1};
static const int goal_cols[] = {TL_GOAL_PERIOD, TL_GOAL_KIND, TL_GOAL_TITLE,
				TL_GOAL_UNIT, TL_GOAL_STATUS, -1};
static const int indicator_cols[] = {TL_INDICATOR_NAME,
				     TL_INDICATOR_MEASURE,
				     TL_INDICATOR_DIRECTION,
				     TL_INDICATOR_BASELINE,
				     TL_INDICATOR_GOAL, -1};
static const int target_cols[] = {TL_TARGET_PERIOD, TL_TARGET_VALUE,
				  TL_TARGET_INDICATOR, -1};
static const int measurement_cols[] = {TL_MEAS_PERIOD, TL_MEAS_VALUE,
				       TL_MEAS_WOMEN, TL_MEAS_MEN,
				       TL_MEAS_SOURCE, TL_MEAS_INDICATOR, -1};
static const int analysis_cols[] = {TL_ANALYSIS_PERIOD,
				    TL_ANALYSIS_ASSESSMENT, TL_ANALYSIS_GOAL,
				    TL_ANALYSIS_HAPPENED, -1};
static const int report_back_cols[] = {TL_RB_REPORTED_ON, TL_RB_MANDATE,
				       TL_RB_TEXT, -1};
static const int execution_cols[] = {TL_EXEC_DUE, TL_EXEC_STATUS,
				     TL_EXEC_OWNER, TL_EXEC_ITEM, -1};
static const int balance_cols[] = {TL_BALANCE_ASSESSED_ON, TL_BALANCE_UNIT,
				   TL_BALANCE_SCORE, TL_BALANCE_COMMENT, -1};
static const int notice_cols[] = {TL_NOTICE_POSTED_ON, TL_NOTICE_MEETING,
				  TL_NOTICE_ITEM, TL_NOTICE_REMOVED_ON,
				  TL_NOTICE_KEPT_AT, -1};
static const int signature_cols[] = {TL_SIGNATURE_SIGNED_AT,
				     TL_SIGNATURE_PERSON, TL_SIGNATURE_ROLE,
				     TL_SIGNATURE_MEETING, -1};
static const int seal_cols[] = {TL_SEAL_SEALED_AT, TL_SEAL_MEETING,
				TL_SEAL_DIGEST, -1};

/* The filter fields: owner, unit, kind, due, status, parent, sort. */
#define FILTERS(o, u, k, d, s, p, so) \
	.owner = o, .unit = u, .kindf = k, .due = d, .status = s, \
	.parent = p, .sort = so

static const struct tl_entity entities[TL_K_COUNT] = {
	[TL_K_UNIT] = {
		.kind = TL_K_UNIT, .name = "unit", .plural = "units",
		.label = N_("unit"),
		.plural_label = N_("units"),
		.a_label = N_("a unit"),
		.fields = unit_fields,
		.nfields = NF(unit_fields), .title = TL_UNIT_NAME,
		.columns = unit_cols,
		FILTERS(-1, TL_UNIT_PARENT, TL_UNIT_KIND, -1, TL_UNIT_STATUS,
			TL_UNIT_PARENT, TL_UNIT_NAME),
		.open_values = open_active, .close_value = "closed"},
	[TL_K_PERSON] = {
		.kind = TL_K_PERSON, .name = "person", .plural = "people",
		.label = N_("person"),
		.plural_label = N_("people"),
		.a_label = N_("a person"),
		.fields = person_fields,
		.nfields = NF(person_fields), .title = TL_PERSON_NAME,
		.columns = person_cols,
		FILTERS(-1, TL_PERSON_UNIT, TL_PERSON_KIND, -1,
			TL_PERSON_STATUS, -1, TL_PERSON_NAME),
		.open_values = open_active, .close_value = "left"},
	[TL_K_SERIES] = {
		.kind = TL_K_SERIES, .name = "series", .plural = "series",
		.label = N_("series"),
		.plural_label = N_("series"),
		.a_label = N_("a series"),
		.fields = series_fields,
		.nfields = NF(series_fields), .title = TL_SERIES_TITLE,
		.columns = series_cols,
		FILTERS(-1, TL_SERIES_UNIT, TL_SERIES_KIND, -1, -1, -1,
			TL_SERIES_TITLE)},
	[TL_K_MEETING] = {
		.kind = TL_K_MEETING, .name = "meeting", .plural = "meetings",
		.label = N_("meeting"),
		.plural_label = N_("meetings"),
		.a_label = N_("a meeting"),
		.fields = meeting_fields,
		.nfields = NF(meeting_fields), .title = TL_MEETING_TITLE,
		.columns = meeting_cols,
		FILTERS(-1, TL_MEETING_UNIT, TL_MEETING_KIND, -1,
			TL_MEETING_STATUS, TL_MEETING_SERIES,
			TL_MEETING_STARTS),
		.sort_desc = true, .open_values = open_meeting,
		.close_value = "cancelled"},
	[TL_K_PARTICIPANT] = {
		.kind = TL_K_PARTICIPANT, .name = "participant",
		.plural = "participants", .label = N_("participant"),
		.plural_label = N_("participants"),
		.a_label = N_("a participant"),
		.fields = participant_fields,
		.nfields = NF(participant_fields), .title = TL_PART_PERSON,
		.columns = part_cols,
		FILTERS(TL_PART_PERSON, -1, TL_PART_ROLE, -1, -1,
			TL_PART_MEETING, TL_PART_ROLE)},
	[TL_K_ITEM] = {
		.kind = TL_K_ITEM, .name = "item", .plural = "items",
		.label = N_("agenda item"),
		.plural_label = N_("agenda items"),
		.a_label = N_("an agenda item"),
		.fields = item_fields,
		.nfields = NF(item_fields), .title = TL_ITEM_TITLE,
		.columns = item_cols,
		FILTERS(-1, -1, TL_ITEM_KIND, -1, TL_ITEM_STATUS,
			TL_ITEM_MEETING, TL_ITEM_NUMBER),
		.open_values = open_open, .close_value = "closed"},
	[TL_K_MOTION] = {
		.kind = TL_K_MOTION, .name = "motion", .plural = "motions",
		.label = N_("motion"),
		.plural_label = N_("motions"),
		.a_label = N_("a motion"),
		.fields = motion_fields, .nfields = NF(motion_fields),
		.title = TL_MOTION_TEXT, .columns = motion_cols,
		FILTERS(TL_MOTION_PERSON, -1, -1, -1, TL_MOTION_STATUS,
			TL_MOTION_ITEM, TL_MOTION_ITEM)},
	[TL_K_VOTE] = {
		.kind = TL_K_VOTE, .name = "vote", .plural = "votes",
		.label = N_("vote"),
		.plural_label = N_("votes"),
		.a_label = N_("a vote"),
		.fields = vote_fields, .nfields = NF(vote_fields),
		.title = TL_VOTE_PROPOSITION, .columns = vote_cols,
		FILTERS(-1, -1, -1, -1, -1, TL_VOTE_ITEM, TL_VOTE_ITEM)},
	[TL_K_BALLOT] = {
		.kind = TL_K_BALLOT, .name = "ballot", .plural = "ballots",
		.label = N_("ballot"),
		.plural_label = N_("ballots"),
		.a_label = N_("a ballot"),
		.fields = ballot_fields, .nfields = NF(ballot_fields),
		.title = TL_BALLOT_PERSON, .columns = ballot_cols,
		FILTERS(TL_BALLOT_PERSON, -1, -1, -1, -1, TL_BALLOT_VOTE,
			TL_BALLOT_VOTE)},
	[TL_K_ENTRY] = {
		.kind = TL_K_ENTRY, .name = "entry", .plural = "entries",
		.label = N_("§ entry"),
		.plural_label = N_("§ entries"),
		.a_label = N_("a § entry"),
		.fields = entry_fields, .nfields = NF(entry_fields),
		.title = TL_ENTRY_TEXT, .columns = entry_cols,
		FILTERS(TL_ENTRY_PERSON, -1, TL_ENTRY_KIND, -1, -1,
			TL_ENTRY_ITEM, TL_ENTRY_ITEM)},
	[TL_K_PRINCIPLE] = {
		.kind = TL_K_PRINCIPLE, .name = "principle",
		.plural = "principles", .label = N_("principle"),
		.plural_label = N_("principles"),
		.a_label = N_("a principle"),
		.fields = principle_fields, .nfields = NF(principle_fields),
		.title = TL_PRINCIPLE_NAME, .columns = principle_cols,
		FILTERS(-1, -1, -1, -1, -1, -1, TL_PRINCIPLE_POSITION)},
	[TL_K_GOAL] = {
		.kind = TL_K_GOAL, .name = "goal", .plural = "goals",
		.label = N_("goal"),
		.plural_label = N_("goals"),
		.a_label = N_("a goal"),
		.fields = goal_fields, .nfields = NF(goal_fields),
		.title = TL_GOAL_TITLE, .columns = goal_cols,
		FILTERS(-1, TL_GOAL_UNIT, TL_GOAL_KIND, -1, TL_GOAL_STATUS,
			TL_GOAL_PARENT, TL_GOAL_PERIOD),
		.open_values = open_active, .close_value = "closed"},
	[TL_K_INDICATOR] = {
		.kind = TL_K_INDICATOR, .name = "indicator",
		.plural = "indicators", .label = N_("indicator"),
		.plural_label = N_("indicators"),
		.a_label = N_("an indicator"),
		.fields = indicator_fields, .nfields = NF(indicator_fields),
		.title = TL_INDICATOR_NAME, .columns = indicator_cols,
		FILTERS(-1, -1, -1, -1, TL_INDICATOR_STATUS,
			TL_INDICATOR_GOAL, TL_INDICATOR_GOAL),
		.open_values = open_active, .close_value = "closed"},
	[TL_K_TARGET] = {
		.kind = TL_K_TARGET, .name = "target", .plural = "targets",
		.label = N_("target"),
		.plural_label = N_("targets"),
		.a_label = N_("a target"),
		.fields = target_fields, .nfields = NF(target_fields),
		.title = TL_TARGET_VALUE, .columns = target_cols,
		FILTERS(-1, -1, -1, -1, -1, TL_TARGET_INDICATOR,
			TL_TARGET_PERIOD)},
	[TL_K_MEASUREMENT] = {
		.kind = TL_K_MEASUREMENT, .name = "measurement",
		.plural = "measurements", .label = N_("measurement"),
		.plural_label = N_("measurements"),
		.a_label = N_("a measurement"),
		.fields = measurement_fields,
		.nfields = NF(measurement_fields),
		.title = TL_MEAS_VALUE, .columns = measurement_cols,
		FILTERS(-1, -1, -1, -1, -1, TL_MEAS_INDICATOR,
			TL_MEAS_PERIOD)},
	[TL_K_ANALYSIS] = {
		.kind = TL_K_ANALYSIS, .name = "analysis",
		.plural = "analyses", .label = N_("analysis"),
		.plural_label = N_("analyses"),
		.a_label = N_("an analysis"),
		.fields = analysis_fields, .nfields = NF(analysis_fields),
		.title = TL_ANALYSIS_HAPPENED, .columns = analysis_cols,
		FILTERS(-1, -1, -1, -1, -1,
			TL_ANALYSIS_GOAL, TL_ANALYSIS_PERIOD),
		.sort_desc = true},
	[TL_K_MANDATE] = {
		.kind = TL_K_MANDATE, .name = "mandate", .plural = "mandates",
		.label = N_("mandate"),
		.plural_label = N_("mandates"),
		.a_label = N_("a mandate"),
		.fields = mandate_fields,
		.nfields = NF(mandate_fields), .title = TL_MANDATE_MATTER,
		.columns = mandate_cols,
		FILTERS(TL_MANDATE_GIVEN_TO, TL_MANDATE_GIVEN_BY_UNIT, -1,
			TL_MANDATE_VALID_UNTIL, TL_MANDATE_STATUS,
			TL_MANDATE_MEETING, TL_MANDATE_MATTER),
		.open_values = open_active, .close_value = "revoked"},
	[TL_K_DECISION] = {
		.kind = TL_K_DECISION, .name = "decision",
		.plural = "decisions", .label = N_("delegated decision"),
		.plural_label = N_("delegated decisions"),
		.a_label = N_("a delegated decision"),
		.fields = decision_fields, .nfields = NF(decision_fields),
		.title = TL_DECISION_SUMMARY, .columns = decision_cols,
		FILTERS(TL_DECISION_DECIDED_BY, -1, -1, -1, -1,
			TL_DECISION_MANDATE, TL_DECISION_DECIDED_ON),
		.sort_desc = true},
	[TL_K_REPORT_BACK] = {
		.kind = TL_K_REPORT_BACK, .name = "report-back",
		.plural = "report_backs", .label = N_("report-back"),
		.plural_label = N_("report-backs"),
		.a_label = N_("a report-back"),
		.fields = report_back_fields,
		.nfields = NF(report_back_fields),
		.title = TL_RB_TEXT, .columns = report_back_cols,
		FILTERS(-1, -1, -1, -1, -1, TL_RB_MANDATE, TL_RB_REPORTED_ON),
		.sort_desc = true},
	[TL_K_EXECUTION] = {
		.kind = TL_K_EXECUTION, .name = "execution",
		.plural = "executions", .label = N_("execution"),
		.plural_label = N_("executions"),
		.a_label = N_("an execution"),
		.fields = execution_fields, .nfields = NF(execution_fields),
		.title = TL_EXEC_ITEM, .columns = execution_cols,
		FILTERS(TL_EXEC_OWNER, -1, -1, TL_EXEC_DUE, TL_EXEC_STATUS,
			TL_EXEC_ITEM, TL_EXEC_DUE),
		.open_values = open_open, .close_value = "done"},
	[TL_K_FRAME] = {
		.kind = TL_K_FRAME, .name = "frame", .plural = "frames",
		.label = N_("frame"),
		.plural_label = N_("frames"),
		.a_label = N_("a frame"),
		.fields = frame_fields,
		.nfields = NF(frame_fields), .title = TL_FRAME_DESCRIPTION,
		.columns = frame_cols,
		FILTERS(TL_FRAME_HOLDER_PERSON, TL_FRAME_HOLDER_UNIT,
			TL_FRAME_KIND, TL_FRAME_VALID_UNTIL, TL_FRAME_STATUS,
			TL_FRAME_MEETING, TL_FRAME_DESCRIPTION),
		.open_values = open_active, .close_value = "closed"},
	[TL_K_FRAME_VERSION] = {
		.kind = TL_K_FRAME_VERSION, .name = "frame-version",
		.plural = "frame_versions", .label = N_("frame version"),
		.plural_label = N_("frame versions"),
		.a_label = N_("a frame version"),
		.fields = frame_version_fields,
		.nfields = NF(frame_version_fields),
		.title = TL_FRAME_DESCRIPTION, .columns = fv_cols,
		FILTERS(-1, -1, -1, -1, -1, TL_FV_FRAME, TL_FRAME_VERSION)},
	[TL_K_FOLLOWUP] = {
		.kind = TL_K_FOLLOWUP, .name = "followup",
		.plural = "followups", .label = N_("follow-up"),
		.plural_label = N_("follow-ups"),
		.a_label = N_("a follow-up"),
		.fields = followup_fields, .nfields = NF(followup_fields),
		.title = TL_FOLLOWUP_TEXT, .columns = followup_cols,
		FILTERS(TL_FOLLOWUP_OWNER, -1, TL_FOLLOWUP_KIND,
			TL_FOLLOWUP_DUE, TL_FOLLOWUP_STATUS,
			TL_FOLLOWUP_MEETING, TL_FOLLOWUP_DUE),
		.open_values = open_open, .close_value = "cancelled"},
	[TL_K_BALANCE] = {
		.kind = TL_K_BALANCE, .name = "balance", .plural = "balances",
		.label = N_("governance balance"),
		.plural_label = N_("governance balances"),
		.a_label = N_("a governance balance"),
		.fields = balance_fields,
		.nfields = NF(balance_fields), .title = TL_BALANCE_COMMENT,
		.columns = balance_cols,
		FILTERS(-1, TL_BALANCE_UNIT, -1, -1, -1, TL_BALANCE_UNIT,
			TL_BALANCE_ASSESSED_ON),
		.sort_desc = true},
	[TL_K_NOTICE] = {
		.kind = TL_K_NOTICE, .name = "notice", .plural = "notices",
		.label = N_("notice"),
		.plural_label = N_("notices"),
		.a_label = N_("a notice"),
		.fields = notice_fields, .nfields = NF(notice_fields),
		.title = TL_NOTICE_MEETING, .columns = notice_cols,
		FILTERS(-1, -1, -1, -1, -1, TL_NOTICE_MEETING,
			TL_NOTICE_POSTED_ON),
		.sort_desc = true},
	[TL_K_SIGNATURE] = {
		.kind = TL_K_SIGNATURE, .name = "signature",
		.plural = "signatures", .label = N_("signature"),
		.plural_label = N_("signatures"),
		.a_label = N_("a signature"),
		.fields = signature_fields, .nfields = NF(signature_fields),
		.title = TL_SIGNATURE_PERSON, .columns = signature_cols,
		FILTERS(TL_SIGNATURE_PERSON, -1, -1, -1, -1,
			TL_SIGNATURE_MEETING, TL_SIGNATURE_SIGNED_AT)},
	[TL_K_SEAL] = {
		.kind = TL_K_SEAL, .name = "seal", .plural = "seals",
		.label = N_("seal"),
		.plural_label = N_("seals"),
		.a_label = N_("a seal"),
		.fields = seal_fields, .nfields = NF(seal_fields),
		.title = TL_SEAL_MEETING, .columns = seal_cols,
		FILTERS(-1, -1, -1, -1, -1, TL_SEAL_MEETING,
			TL_SEAL_SEALED_AT),
		.sort_desc = true},
};

_Static_assert(NF(unit_fields) == TL_UNIT_NFIELDS, "unit fields");
_Static_assert(NF(person_fields) == TL_PERSON_NFIELDS, "person fields");
_Static_assert(NF(series_fields) == TL_SERIES_NFIELDS, "series fields");
_Static_assert(NF(meeting_fields) == TL_MEETING_NFIELDS, "meeting fields");
_Static_assert(NF(participant_fields) == TL_PART_NFIELDS, "part fields");
_Static_assert(NF(item_fields) == TL_ITEM_NFIELDS, "item fields");
_Static_assert(NF(principle_fields) == TL_PRINCIPLE_NFIELDS, "principle");
_Static_assert(NF(mandate_fields) == TL_MANDATE_NFIELDS, "mandate fields");
_Static_assert(NF(decision_fields) == TL_DECISION_NFIELDS, "decision");
_Static_assert(NF(frame_fields) == TL_FRAME_NFIELDS, "frame fields");
_Static_assert(NF(frame_version_fields) == TL_FV_NFIELDS, "fv fields");
_Static_assert(NF(followup_fields) == TL_FOLLOWUP_NFIELDS, "followup");
_Static_assert(NF(balance_fields) == TL_BALANCE_NFIELDS, "balance fields");
_Static_assert(NF(motion_fields) == TL_MOTION_NFIELDS, "motion fields");
_Static_assert(NF(vote_fields) == TL_VOTE_NFIELDS, "vote fields");
_Static_assert(NF(ballot_fields) == TL_BALLOT_NFIELDS, "ballot fields");
_Static_assert(NF(entry_fields) == TL_ENTRY_NFIELDS, "entry fields");
_Static_assert(NF(notice_fields) == TL_NOTICE_NFIELDS, "notice fields");
_Static_assert(NF(goal_fields) == TL_GOAL_NFIELDS, "goal fields");
_Static_assert(NF(report_back_fields) == TL_RB_NFIELDS, "report-back");
_Static_assert(NF(execution_fields) == TL_EXEC_NFIELDS, "execution");
_Static_assert(NF(indicator_fields) == TL_INDICATOR_NFIELDS, "indicator");
_Static_assert(NF(target_fields) == TL_TARGET_NFIELDS, "target fields");
_Static_assert(NF(measurement_fields) == TL_MEAS_NFIELDS, "measurement");
_Static_assert(NF(analysis_fields) == TL_ANALYSIS_NFIELDS, "analysis");
_Static_assert(NF(signature_fields) == TL_SIGNATURE_NFIELDS, "signature");
_Static_assert(NF(seal_fields) == TL_SEAL_NFIELDS, "seal fields");

const struct tl_entity *tl_entity_get(enum tl_kind kind)
{
	if ((int)kind < 0 || kind >= TL_K_COUNT)
		return NULL;
	return &entities[kind];
}

bool tl_entity_named(const struct tl_entity *e)
{
	const struct tl_field *f = e ? &e->fields[e->title] : NULL;

	return f && f->type == TL_FT_TEXT &&
	       (!strcmp(f->name, "name") || !strcmp(f->name, "title"));
}

bool tl_entity_sorts_by_name(const struct tl_entity *e)
{
	return e && e->sort == e->title &&
	       (e->fields[e->title].type == TL_FT_TEXT ||
		e->fields[e->title].type == TL_FT_LONGTEXT);
}

const struct tl_entity *tl_entity_find(const char *name)
{
	if (!name)
		return NULL;
	for (int k = 0; k < TL_K_COUNT; k++) {
		if (!strcmp(entities[k].name, name) ||
		    !strcmp(entities[k].plural, name))
			return &entities[k];
	}
	/* Friendly spellings people type. */
	if (!strcmp(name, "follow-up") || !strcmp(name, "follow-ups"))
		return &entities[TL_K_FOLLOWUP];
	if (!strcmp(name, "persons"))
		return &entities[TL_K_PERSON];
	return NULL;
}

static bool name_eq(const char *field, const char *name)
{
	for (; *field && *name; field++, name++) {
		char c = *name == '-' ? '_' : *name;
		if (*field != c)
			return false;
	}
	return *field == *name;
}

int tl_entity_field(const struct tl_entity *e, const char *name)
{
	if (!e || !name)
		return -1;
	for (int i = 0; i < e->nfields; i++)
		if (name_eq(e->fields[i].name, name))
			return i;
	return -1;
}

int tl_entity_date_field(const struct tl_entity *e)
{
	enum tl_ftype t = e->fields[e->sort].type;

	if (e->due >= 0)
		return e->due;
	return t == TL_FT_DATE || t == TL_FT_DATETIME ? e->sort : -1;
}

bool tl_field_choice_ok(const struct tl_field *f, const char *value)
{
	if (!f->choices || !value)
		return false;
	for (const char *const *c = f->choices; *c; c++)
		if (!strcmp(*c, value))
			return true;
	return false;
}

const char *tl_field_choices_str(const struct tl_field *f, char *buf,
				 size_t size)
{
	size_t len = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (const char *const *c = f->choices; c && *c; c++) {
		size_t n = strlen(*c) + (len ? 2 : 0);
		if (len + n + 1 > size)
			break;
		if (len) {
			memcpy(buf + len, ", ", 2);
			len += 2;
		}
		memcpy(buf + len, *c, strlen(*c) + 1);
		len += strlen(*c);
	}
	return buf;
}

struct tl_record *tl_record_new(enum tl_kind kind)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct tl_record *r;

	if (!e)
		return NULL;
	r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->e = e;
	r->values = calloc((size_t)e->nfields, sizeof(char *));
	if (!r->values) {
		free(r);
		return NULL;
	}
	return r;
}

struct tl_record *tl_record_dup(const struct tl_record *r)
{
	struct tl_record *d = tl_record_new(r->e->kind);

	if (!d)
		return NULL;
	memcpy(d->id, r->id, sizeof(d->id));
	memcpy(d->created_at, r->created_at, sizeof(d->created_at));
	memcpy(d->updated_at, r->updated_at, sizeof(d->updated_at));
	d->version = r->version;
	for (int i = 0; i < r->e->nfields; i++) {
		if (r->values[i] && !tl_record_set(d, i, r->values[i])) {
			tl_record_free(d);
			return NULL;
		}
	}
	return d;
}

void tl_record_free(struct tl_record *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->e->nfields; i++)
		free(r->values[i]);
	free(r->values);
	free(r);
}

const char *tl_record_get(const struct tl_record *r, int i)
{
	if (!r || i < 0 || i >= r->e->nfields)
		return NULL;
	return r->values[i];
}

const char *tl_record_str(const struct tl_record *r, int i)
{
	const char *v = tl_record_get(r, i);
	return v ? v : "";
}

bool tl_record_set(struct tl_record *r, int i, const char *value)
{
	char *copy = NULL;

	if (!r || i < 0 || i >= r->e->nfields)
		return true;
	if (value && *value) {
		copy = strdup(value);
		if (!copy)
			return false;
	}
	free(r->values[i]);
	r->values[i] = copy;
	return true;
}

const char *tl_record_get_by_name(const struct tl_record *r,
				  const char *name)
{
	return tl_record_get(r, tl_entity_field(r->e, name));
}
