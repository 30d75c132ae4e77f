/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * demo.c - Sjöstads kommun, a fictional municipality to try tillit with.
 *
 * The demo shows every part of the domain once in a believable setting:
 * the chain of governance from the council down to a home-care team, a
 * manager's series of one-to-ones with an employee (with follow-ups carried
 * over and overdue), a committee meeting with § items and attendance, a
 * governance dialogue with a grey-zone item, mandates at several delegation
 * levels with decisions logged under them, frames with versions and
 * acknowledgements, and governance balance assessments over time.
 *
 * Everything goes through the store API in one transaction.  Dates are
 * offsets from the clock, so the demo always looks current, and with
 * TILLIT_NOW fixed everything but the random ids is the same on every run.
 */
#include "tillit/service/demo.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"
#include "demo.h"

/* The end of a field list of demo_add(). */
#define END DEMO_END

/* A date `spec` ("+14d", "-3d", "today") from today, in the ring. */
const char *demo_day(struct demo *d, const char *spec)
{
	char *out = d->ring[d->next++ % RING];
	struct tl_error e;

	out[0] = '\0';
	if (d->rc == TL_OK &&
	    tl_date_parse(spec, d->today, out, &e) != TL_OK) {
		d->rc = tl_error_set(d->err, e.status, _("demo: %s"), e.msg);
		out[0] = '\0';
	}
	return out;
}

/* A wall time `spec` ("-14d 09:00") from today, in the ring. */
const char *demo_at(struct demo *d, const char *spec)
{
	char *out = d->ring[d->next++ % RING];
	struct tl_error e;

	out[0] = '\0';
	if (d->rc == TL_OK &&
	    tl_datetime_parse(spec, d->today, out, &e) != TL_OK) {
		d->rc = tl_error_set(d->err, e.status, _("demo: %s"), e.msg);
		out[0] = '\0';
	}
	return out;
}

/*
 * Stores a new record of `kind` whose fields follow as pairs of a field
 * index and a value (NULL values are skipped), ended by END.  Its id goes
 * to id when id is not NULL.  Does nothing after an earlier error.
 */
void demo_add(struct demo *d, enum tl_kind kind, char *id, ...)
{
	struct tl_record *r;
	struct tl_error e;
	va_list ap;
	int i;

	if (d->rc != TL_OK)
		return;
	r = tl_record_new(kind);
	if (!r) {
		d->rc = tl_error_set(d->err, TL_ESYS, _("out of memory"));
		return;
	}
	va_start(ap, id);
	while ((i = va_arg(ap, int)) != END) {
		const char *v = va_arg(ap, const char *);
		if (!tl_record_set(r, i, v)) {
			d->rc = tl_error_set(d->err, TL_ESYS,
					     _("out of memory"));
			break;
		}
	}
	va_end(ap);
	if (d->rc == TL_OK) {
		tl_error_clear(&e);
		if (tl_store_insert(d->st, r, &e) != TL_OK)
			d->rc = tl_error_set(d->err, e.status,
					     _("demo: cannot add %s \"%s\": "
					       "%s"),
					     r->e->label,
					     tl_record_str(r, r->e->title),
					     e.msg);
		else if (id)
			memcpy(id, r->id, TL_ID_LEN + 1);
	}
	tl_record_free(r);
}

/* Remembers the first failure of a store call. */
void demo_check(struct demo *d, enum tl_status rc, const struct tl_error *e,
		  const char *what)
{
	if (d->rc == TL_OK && rc != TL_OK)
		d->rc = tl_error_set(d->err, rc, _("demo: %s: %s"), what,
				     e->msg);
}

static void done(struct demo *d, const char *followup, const char *outcome)
{
	struct tl_error e;

	if (d->rc == TL_OK)
		demo_check(d, tl_store_followup_done(d->st, followup, outcome, &e),
		      &e, "cannot close a follow-up");
}

/* The holder of frame (person NULL: its holder person) acknowledges it. */
void demo_ack(struct demo *d, const char *frame, const char *person)
{
	struct tl_record *f = NULL;
	struct tl_error e;

	if (d->rc == TL_OK && !person)
		demo_check(d, tl_store_get(d->st, TL_K_FRAME, frame, &f, &e), &e,
		      "cannot read a frame");
	if (f)
		person = tl_record_get(f, TL_FRAME_HOLDER_PERSON);
	if (d->rc == TL_OK)
		demo_check(d, tl_store_frame_ack(d->st, frame, person, &e), &e,
		      "cannot acknowledge a frame");
	tl_record_free(f);
}

/* Changes two fields of a stored record, as a person editing it would. */
static void edit(struct demo *d, enum tl_kind kind, const char *id, int f1,
		 const char *v1, int f2, const char *v2)
{
	struct tl_record *r = NULL;
	struct tl_error e;

	if (d->rc != TL_OK)
		return;
	demo_check(d, tl_store_get(d->st, kind, id, &r, &e), &e,
	      "cannot read a record back");
	if (d->rc == TL_OK && (!tl_record_set(r, f1, v1) ||
			       !tl_record_set(r, f2, v2)))
		d->rc = tl_error_set(d->err, TL_ESYS, _("out of memory"));
	if (d->rc == TL_OK)
		demo_check(d, tl_store_update(d->st, r, &e), &e,
		      "cannot change a record");
	tl_record_free(r);
}

static void add_units(struct demo *d)
{
	demo_add(d, TL_K_UNIT, d->kf, TL_UNIT_NAME, "Kommunfullmäktige",
	    TL_UNIT_KIND, "council", END);
	demo_add(d, TL_K_UNIT, d->ks, TL_UNIT_NAME, "Kommunstyrelsen",
	    TL_UNIT_KIND, "board", TL_UNIT_PARENT, d->kf, END);
	demo_add(d, TL_K_UNIT, d->bun, TL_UNIT_NAME,
	    "Barn- och utbildningsnämnden", TL_UNIT_KIND, "committee",
	    TL_UNIT_PARENT, d->kf, END);
	demo_add(d, TL_K_UNIT, d->sn, TL_UNIT_NAME, "Socialnämnden",
	    TL_UNIT_KIND, "committee", TL_UNIT_PARENT, d->kf, END);
	demo_add(d, TL_K_UNIT, d->klf, TL_UNIT_NAME, "Kommunledningsförvaltningen",
	    TL_UNIT_KIND, "administration", TL_UNIT_PARENT, d->ks, END);
	demo_add(d, TL_K_UNIT, d->buf, TL_UNIT_NAME,
	    "Barn- och utbildningsförvaltningen", TL_UNIT_KIND,
	    "administration", TL_UNIT_PARENT, d->bun, END);
	demo_add(d, TL_K_UNIT, d->sf, TL_UNIT_NAME, "Socialförvaltningen",
	    TL_UNIT_KIND, "administration", TL_UNIT_PARENT, d->sn, END);
	demo_add(d, TL_K_UNIT, d->ekonomi, TL_UNIT_NAME, "Ekonomienheten",
	    TL_UNIT_KIND, "department", TL_UNIT_PARENT, d->klf, END);
	demo_add(d, TL_K_UNIT, d->solbacken, TL_UNIT_NAME, "Solbackens förskola",
	    TL_UNIT_KIND, "department", TL_UNIT_PARENT, d->buf, END);
	demo_add(d, TL_K_UNIT, d->angskolan, TL_UNIT_NAME, "Ängskolan",
	    TL_UNIT_KIND, "department", TL_UNIT_PARENT, d->buf, END);
	demo_add(d, TL_K_UNIT, d->hemtjanst, TL_UNIT_NAME, "Hemtjänsten Norr",
	    TL_UNIT_KIND, "department", TL_UNIT_PARENT, d->sf, END);
	demo_add(d, TL_K_UNIT, d->lag, TL_UNIT_NAME, "Arbetslag Åbacken",
	    TL_UNIT_KIND, "team", TL_UNIT_PARENT, d->hemtjanst, END);
}

/* One person: name, title, kind, unit and login. */
static void person(struct demo *d, char *id, const char *name,
		   const char *title, const char *kind, const char *unit,
		   const char *login)
{
	char email[64];

	snprintf(email, sizeof(email), "%s@sjostad.example", login);
	demo_add(d, TL_K_PERSON, id, TL_PERSON_NAME, name, TL_PERSON_TITLE, title,
	    TL_PERSON_KIND, kind, TL_PERSON_UNIT, unit, TL_PERSON_LOGIN,
	    login, TL_PERSON_EMAIL, email, END);
}

static void add_people(struct demo *d)
{
	person(d, d->karin, "Karin Sjöberg", "Kommunstyrelsens ordförande",
	       "elected", d->ks, "karin.sjoberg");
	person(d, d->anders, "Anders Holmgren",
	       "Ordförande, barn- och utbildningsnämnden", "elected", d->bun,
	       "anders.holmgren");
	person(d, d->lena, "Lena Åström", "Vice ordförande", "elected",
	       d->bun, "lena.astrom");
	person(d, d->perolof, "Per-Olof Nyström", "Ledamot", "elected",
	       d->bun, "perolof.nystrom");
	person(d, d->fatima, "Fatima Hassan", "Ledamot", "elected", d->bun,
	       "fatima.hassan");
	person(d, d->jonas, "Jonas Ekdahl", "Ersättare", "elected", d->bun,
	       "jonas.ekdahl");
	person(d, d->birgitta, "Birgitta Öhman", "Ordförande, socialnämnden",
	       "elected", d->sn, "birgitta.ohman");
	person(d, d->hassan, "Hassan Al-Sayed", "Ledamot, socialnämnden",
	       "elected", d->sn, "hassan.alsayed");
	person(d, d->goran, "Göran Lindqvist", "Kommundirektör", "manager",
	       d->klf, "goran.lindqvist");
	person(d, d->marta, "Märta Ängström", "Förvaltningschef", "manager",
	       d->buf, "marta.angstrom");
	person(d, d->ingrid, "Ingrid Nordén", "Socialchef", "manager", d->sf,
	       "ingrid.norden");
	person(d, d->bjorn, "Björn Åkesson", "Enhetschef, hemtjänsten",
	       "manager", d->hemtjanst, "bjorn.akesson");
	person(d, d->elin, "Elin Söderlund", "Förskolechef", "manager",
	       d->solbacken, "elin.soderlund");
	person(d, d->asa, "Åsa Öberg", "Undersköterska", "employee", d->lag,
	       "asa.oberg");
	person(d, d->sofia, "Sofia Bäckström", "Nämndsekreterare",
	       "official", d->buf, "sofia.backstrom");
	person(d, d->mikael, "Mikael Björk", "Controller", "employee",
	       d->ekonomi, "mikael.bjork");
}

/* One participant of a meeting. */
void demo_part(struct demo *d, const char *meeting, const char *person_id,
		 const char *role, const char *attendance)
{
	demo_add(d, TL_K_PARTICIPANT, NULL, TL_PART_MEETING, meeting,
	    TL_PART_PERSON, person_id, TL_PART_ROLE, role,
	    TL_PART_ATTENDANCE, attendance, END);
}

/*
 * Björn Åkesson's one-to-ones with Åsa Öberg: two held, one planned.
 * The staffing question from the first is still open, and overdue.
 */
static void add_one_to_ones(struct demo *d)
{
	demo_add(d, TL_K_SERIES, d->s_samtal, TL_SERIES_TITLE,
	    "Medarbetarsamtal Björn Åkesson – Åsa Öberg", TL_SERIES_KIND,
	    "one_to_one", TL_SERIES_UNIT, d->hemtjanst, TL_SERIES_NOTES,
	    "Dialog var sjätte vecka om uppdrag, ramar och arbetsmiljö.",
	    END);

	demo_add(d, TL_K_MEETING, d->m_samtal1, TL_MEETING_TITLE,
	    "Medarbetarsamtal, oktober", TL_MEETING_KIND, "one_to_one",
	    TL_MEETING_UNIT, d->hemtjanst, TL_MEETING_SERIES, d->s_samtal,
	    TL_MEETING_STARTS, demo_at(d, "-42d 09:00"), TL_MEETING_ENDS,
	    demo_at(d, "-42d 10:00"), TL_MEETING_LOCATION,
	    "Hemtjänstens kontor, rum Ö2", TL_MEETING_STATUS, "held", END);
	demo_part(d, d->m_samtal1, d->bjorn, "manager", "present");
	demo_part(d, d->m_samtal1, d->asa, "employee", "present");
	demo_add(d, TL_K_ITEM, d->i_schema, TL_ITEM_MEETING, d->m_samtal1,
	    TL_ITEM_TITLE, "Hur fungerar det nya schemat?", TL_ITEM_KIND,
	    "discussion", TL_ITEM_QUESTION, "how", TL_ITEM_DECIDED_BY,
	    "administration", TL_ITEM_TAGS, "tillit,kvalitet",
	    TL_ITEM_NOTES, "Delade turer upplevs som tunga. Åsa vill "
	    "att arbetslaget själv får lägga ett förslag.", TL_ITEM_STATUS,
	    "closed", END);
	demo_add(d, TL_K_ITEM, d->i_intro, TL_ITEM_MEETING, d->m_samtal1,
	    TL_ITEM_TITLE, "Introduktion av nya kollegor", TL_ITEM_KIND,
	    "decision", TL_ITEM_QUESTION, "how", TL_ITEM_DECIDED_BY,
	    "administration", TL_ITEM_TAGS, "kvalitet", TL_ITEM_DECISION,
	    "Åsa tar fram ett förslag på introduktion för nya kollegor.",
	    TL_ITEM_STATUS, "closed", END);
	demo_add(d, TL_K_FOLLOWUP, d->fu_intro, TL_FOLLOWUP_TEXT,
	    "Ta fram förslag på introduktion för nya kollegor",
	    TL_FOLLOWUP_KIND, "action", TL_FOLLOWUP_OWNER, d->asa,
	    TL_FOLLOWUP_DUE, demo_day(d, "-28d"), TL_FOLLOWUP_MEETING,
	    d->m_samtal1, TL_FOLLOWUP_ITEM, d->i_intro, END);
	demo_add(d, TL_K_FOLLOWUP, d->fu_vikarier, TL_FOLLOWUP_TEXT,
	    "Kontakta bemanningsenheten om vikarier till jul och nyår",
	    TL_FOLLOWUP_KIND, "action", TL_FOLLOWUP_OWNER, d->bjorn,
	    TL_FOLLOWUP_DUE, demo_day(d, "-21d"), TL_FOLLOWUP_MEETING,
	    d->m_samtal1, TL_FOLLOWUP_ITEM, d->i_schema, END);
	done(d, d->fu_intro, "Förslaget klart och presenterat på "
	     "arbetsplatsträffen; arbetslaget ställde sig bakom det.");

	demo_add(d, TL_K_MEETING, d->m_samtal2, TL_MEETING_TITLE,
	    "Medarbetarsamtal, november", TL_MEETING_KIND, "one_to_one",
	    TL_MEETING_UNIT, d->hemtjanst, TL_MEETING_SERIES, d->s_samtal,
	    TL_MEETING_STARTS, demo_at(d, "-14d 09:00"), TL_MEETING_ENDS,
	    demo_at(d, "-14d 10:00"), TL_MEETING_LOCATION,
	    "Hemtjänstens kontor, rum Ö2", TL_MEETING_STATUS, "held",
	    TL_MEETING_NOTES, "Bra samtal. Vikariefrågan från förra gången "
	    "är fortfarande öppen.", END);
	demo_part(d, d->m_samtal2, d->bjorn, "manager", "present");
	demo_part(d, d->m_samtal2, d->asa, "employee", "present");
	demo_add(d, TL_K_ITEM, d->i_uppfoljning, TL_ITEM_MEETING, d->m_samtal2,
	    TL_ITEM_TITLE, "Uppföljning från förra samtalet", TL_ITEM_KIND,
	    "information", TL_ITEM_STATUS, "closed", END);
	demo_add(d, TL_K_ITEM, d->i_inkop, TL_ITEM_MEETING, d->m_samtal2,
	    TL_ITEM_TITLE, "Mandat att beställa material och hjälpmedel",
	    TL_ITEM_KIND, "decision", TL_ITEM_QUESTION, "how",
	    TL_ITEM_DECIDED_BY, "administration", TL_ITEM_TAGS,
	    "tillit,effektivitet", TL_ITEM_DECISION, "Åsa får beställa "
	    "förbrukningsmaterial och enklare hjälpmedel för arbetslaget "
	    "inom ramen.", TL_ITEM_STATUS, "closed", END);
	demo_add(d, TL_K_ITEM, d->i_tid, TL_ITEM_MEETING, d->m_samtal2,
	    TL_ITEM_TITLE, "Tid för att utveckla introduktionen",
	    TL_ITEM_KIND, "decision", TL_ITEM_QUESTION, "how",
	    TL_ITEM_DECIDED_BY, "administration", TL_ITEM_TAGS, "kvalitet",
	    TL_ITEM_DECISION, "Åsa får 40 timmar under våren för att "
	    "införa den nya introduktionen.", TL_ITEM_STATUS, "closed",
	    END);

	demo_add(d, TL_K_MEETING, d->m_samtal3, TL_MEETING_TITLE,
	    "Medarbetarsamtal, december", TL_MEETING_KIND, "one_to_one",
	    TL_MEETING_UNIT, d->hemtjanst, TL_MEETING_SERIES, d->s_samtal,
	    TL_MEETING_STARTS, demo_at(d, "+14d 09:00"), TL_MEETING_ENDS,
	    demo_at(d, "+14d 10:00"), TL_MEETING_LOCATION,
	    "Hemtjänstens kontor, rum Ö2", TL_MEETING_STATUS, "planned",
	    END);
	demo_part(d, d->m_samtal3, d->bjorn, "manager", "unknown");
	demo_part(d, d->m_samtal3, d->asa, "employee", "unknown");
	demo_add(d, TL_K_ITEM, d->i_nasta, TL_ITEM_MEETING, d->m_samtal3,
	    TL_ITEM_TITLE, "Återrapport: inköp inom mandatet", TL_ITEM_KIND,
	    "information", END);
	demo_add(d, TL_K_ITEM, d->i_kompetens, TL_ITEM_MEETING, d->m_samtal3,
	    TL_ITEM_TITLE, "Kompetensutveckling 2027", TL_ITEM_KIND,
	    "discussion", TL_ITEM_QUESTION, "how", TL_ITEM_DECIDED_BY,
	    "administration", END);
}

/* Barn- och utbildningsnämnden's meeting last week, with its § items. */
static void add_committee(struct demo *d)
{
	char justering[64];

	/* Justeringens plats och tid, set at the meeting. */
	snprintf(justering, sizeof(justering), "Stadshuset, %s",
		 demo_at(d, "+3d 10:00"));
	demo_add(d, TL_K_SERIES, d->s_bun, TL_SERIES_TITLE,
	    "Barn- och utbildningsnämndens sammanträden", TL_SERIES_KIND,
	    "committee", TL_SERIES_UNIT, d->bun, END);
	demo_add(d, TL_K_MEETING, d->m_bun, TL_MEETING_TITLE,
	    "Barn- och utbildningsnämndens sammanträde", TL_MEETING_KIND,
	    "committee", TL_MEETING_UNIT, d->bun, TL_MEETING_SERIES,
	    d->s_bun, TL_MEETING_STARTS, demo_at(d, "-7d 13:00"),
	    TL_MEETING_ENDS, demo_at(d, "-7d 16:30"), TL_MEETING_LOCATION,
	    "Stadshuset, sammanträdesrummet Sjöbris", TL_MEETING_STATUS,
	    "held", TL_MEETING_JUSTERING, justering, END);
	demo_part(d, d->m_bun, d->anders, "chair", "present");
	demo_part(d, d->m_bun, d->sofia, "secretary", "present");
	demo_part(d, d->m_bun, d->lena, "adjuster", "present");
	demo_part(d, d->m_bun, d->perolof, "adjuster", "present");
	demo_part(d, d->m_bun, d->fatima, "member", "absent");
	demo_add(d, TL_K_PARTICIPANT, NULL, TL_PART_MEETING, d->m_bun,
	    TL_PART_PERSON, d->jonas, TL_PART_ROLE, "substitute",
	    TL_PART_ATTENDANCE, "present", TL_PART_REPLACES, d->fatima, END);
	demo_part(d, d->m_bun, d->marta, "guest", "present");

	demo_add(d, TL_K_ITEM, d->i_justerare, TL_ITEM_MEETING, d->m_bun,
	    TL_ITEM_TITLE, "Val av justerare", TL_ITEM_KIND, "decision",
	    TL_ITEM_DECISION, "Lena Åström och Per-Olof Nyström utses att "
	    "justera protokollet.", TL_ITEM_STATUS, "closed", END);
	demo_add(d, TL_K_ITEM, d->i_delegation, TL_ITEM_MEETING, d->m_bun,
	    TL_ITEM_TITLE, "Delegationsordning för barn- och "
	    "utbildningsnämnden", TL_ITEM_KIND, "decision",
	    TL_ITEM_QUESTION, "what", TL_ITEM_DECIDED_BY, "politics",
	    TL_ITEM_TAGS, "tillit,rattssakerhet", TL_ITEM_CASE_REF,
	    "BUN 2026/45", TL_ITEM_NOTES, "Förvaltningschefen föredrar "
	    "ärendet. Syftet är att beslut ska fattas så nära barn och "
	    "elever som möjligt.", TL_ITEM_DECISION, "Nämnden antar "
	    "delegationsordningen enligt förslaget. Beslut som fattas med "
	    "stöd av delegation anmäls vid nämndens nästa sammanträde.",
	    TL_ITEM_STATUS, "closed", END);
	demo_add(d, TL_K_ITEM, d->i_budget, TL_ITEM_MEETING, d->m_bun,
	    TL_ITEM_TITLE, "Mål och budget 2027 för förskola och skola",
	    TL_ITEM_KIND, "decision", TL_ITEM_QUESTION, "what",
	    TL_ITEM_DECIDED_BY, "politics", TL_ITEM_TAGS,
	    "effektivitet,kvalitet,transparens", TL_ITEM_CASE_REF,
	    "BUN 2026/38", TL_ITEM_DECISION, "Nämnden fastställer tre mål "
	    "för 2027: ökad måluppfyllelse i åk 9, trygg förskola och "
	    "budget i balans. Förvaltningen avgör hur målen nås.",
	    TL_ITEM_STATUS, "closed", END);
	demo_add(d, TL_K_ITEM, d->i_anmalan, TL_ITEM_MEETING, d->m_bun,
	    TL_ITEM_TITLE, "Anmälan av delegationsbeslut", TL_ITEM_KIND,
	    "information", TL_ITEM_TAGS, "transparens", TL_ITEM_CASE_REF,
	    "BUN 2026/12", TL_ITEM_DECISION, "Anmälan läggs till "
	    "handlingarna.", TL_ITEM_STATUS, "closed", END);
	demo_add(d, TL_K_ITEM, d->i_lasar, TL_ITEM_MEETING, d->m_bun,
	    TL_ITEM_TITLE, "Läsårstider 2027/2028", TL_ITEM_KIND,
	    "decision", TL_ITEM_QUESTION, "what", TL_ITEM_DECIDED_BY,
	    "politics", TL_ITEM_TAGS, "rattssakerhet", TL_ITEM_CASE_REF,
	    "BUN 2026/51", TL_ITEM_DECISION, "Läsåret börjar den 19 "
	    "augusti 2027 och slutar den 9 juni 2028.", TL_ITEM_STATUS,
	    "closed", END);

	demo_add(d, TL_K_FOLLOWUP, d->fu_utdrag, TL_FOLLOWUP_TEXT,
	    "Expediera protokollsutdrag om delegationsordningen till "
	    "förvaltningen", TL_FOLLOWUP_KIND, "action", TL_FOLLOWUP_OWNER,
	    d->sofia, TL_FOLLOWUP_DUE, demo_day(d, "-4d"), TL_FOLLOWUP_MEETING,
	    d->m_bun, TL_FOLLOWUP_ITEM, d->i_delegation, END);
	done(d, d->fu_utdrag, "Utdraget skickat till förvaltningschefen "
	     "och rektorerna.");
	demo_add(d, TL_K_FOLLOWUP, NULL, TL_FOLLOWUP_TEXT,
	    "Utvärdera om den nya delegationsordningen kortar "
	    "handläggningstiderna", TL_FOLLOWUP_KIND, "effect",
	    TL_FOLLOWUP_OWNER, d->marta, TL_FOLLOWUP_DUE, demo_day(d, "+180d"),
	    TL_FOLLOWUP_MEETING, d->m_bun, TL_FOLLOWUP_ITEM, d->i_delegation,
	    END);
	demo_add(d, TL_K_FOLLOWUP, d->fu_maluppf, TL_FOLLOWUP_TEXT,
	    "Redovisa måluppfyllelse per skola efter vårterminen",
	    TL_FOLLOWUP_KIND, "result", TL_FOLLOWUP_OWNER, d->marta,
	    TL_FOLLOWUP_DUE, demo_day(d, "+7m"), TL_FOLLOWUP_MEETING, d->m_bun,
	    TL_FOLLOWUP_ITEM, d->i_budget, END);
}

/*
 * Socialnämnden meets the administration.  The goal is a "what" question
 * for politics; which weekday the home-care teams plan on is a "how"
 * question, and politics deciding it is the grey zone.
 */
static void add_dialogue(struct demo *d)
{
	demo_add(d, TL_K_MEETING, d->m_dialog, TL_MEETING_TITLE,
	    "Dialogmöte om hemtjänsten", TL_MEETING_KIND, "dialogue",
	    TL_MEETING_UNIT, d->sn, TL_MEETING_STARTS, demo_at(d, "-3d 15:00"),
	    TL_MEETING_ENDS, demo_at(d, "-3d 17:00"), TL_MEETING_LOCATION,
	    "Stadshuset, rum Ängsö", TL_MEETING_STATUS, "held",
	    TL_MEETING_NOTES, "Politik och förvaltning i var sin halva av "
	    "den gyllene zonen.", END);
	demo_part(d, d->m_dialog, d->birgitta, "chair", "present");
	demo_part(d, d->m_dialog, d->hassan, "member", "present");
	demo_part(d, d->m_dialog, d->ingrid, "member", "present");
	demo_part(d, d->m_dialog, d->bjorn, "guest", "present");

	demo_add(d, TL_K_ITEM, d->i_kontinuitet, TL_ITEM_MEETING, d->m_dialog,
	    TL_ITEM_TITLE, "Mål för kontinuitet i hemtjänsten 2027",
	    TL_ITEM_KIND, "discussion", TL_ITEM_QUESTION, "what",
	    TL_ITEM_DECIDED_BY, "politics", TL_ITEM_TAGS, "kvalitet,tillit",
	    TL_ITEM_NOTES, "Nämnden vill att en brukare möter högst tolv "
	    "olika medarbetare under två veckor.", TL_ITEM_STATUS, "closed",
	    END);
	demo_add(d, TL_K_ITEM, d->i_planering, TL_ITEM_MEETING, d->m_dialog,
	    TL_ITEM_TITLE, "Vilken veckodag arbetslagen har planeringsmöte",
	    TL_ITEM_KIND, "decision", TL_ITEM_QUESTION, "how",
	    TL_ITEM_DECIDED_BY, "politics", TL_ITEM_TAGS, "effektivitet",
	    TL_ITEM_NOTES, "En hurfråga som hamnade på nämndens bord. "
	    "Flaggad som gråzon.", TL_ITEM_DECISION, "Planeringsmötena "
	    "läggs på tisdagar.", TL_ITEM_STATUS, "closed", END);

	demo_add(d, TL_K_FOLLOWUP, NULL, TL_FOLLOWUP_TEXT,
	    "Förvaltningen återkommer med hur planeringsmötena ska läggas, "
	    "så att frågan lämnas tillbaka dit den hör hemma",
	    TL_FOLLOWUP_KIND, "action", TL_FOLLOWUP_OWNER, d->ingrid,
	    TL_FOLLOWUP_DUE, demo_day(d, "+30d"), TL_FOLLOWUP_MEETING, d->m_dialog,
	    TL_FOLLOWUP_ITEM, d->i_planering, END);
	demo_add(d, TL_K_FOLLOWUP, NULL, TL_FOLLOWUP_TEXT,
	    "Redovisa kontinuiteten (antal medarbetare per brukare) för "
	    "tredje kvartalet", TL_FOLLOWUP_KIND, "result",
	    TL_FOLLOWUP_OWNER, d->bjorn, TL_FOLLOWUP_DUE, demo_day(d, "-1d"),
	    TL_FOLLOWUP_MEETING, d->m_dialog, TL_FOLLOWUP_ITEM,
	    d->i_kontinuitet, END);
	demo_add(d, TL_K_FOLLOWUP, d->fu_extra, TL_FOLLOWUP_TEXT,
	    "Boka ett extra dialogmöte före jul", TL_FOLLOWUP_KIND, "action",
	    TL_FOLLOWUP_OWNER, d->birgitta, TL_FOLLOWUP_DUE, demo_day(d, "+10d"),
	    TL_FOLLOWUP_MEETING, d->m_dialog, END);
	if (d->rc == TL_OK) {
		struct tl_error e;

		demo_check(d, tl_store_close_record(d->st, TL_K_FOLLOWUP,
					       d->fu_extra, &e),
		      &e, "cannot cancel a follow-up");
	}

	demo_add(d, TL_K_BALANCE, NULL, TL_BALANCE_UNIT, d->sf,
	    TL_BALANCE_ASSESSED_ON, demo_day(d, "-180d"), TL_BALANCE_SCORE, "1",
	    TL_BALANCE_COMMENT, "Nämnden tar många detaljbeslut om "
	    "scheman och bemanning: överstyrt.", END);
	demo_add(d, TL_K_BALANCE, NULL, TL_BALANCE_UNIT, d->sf,
	    TL_BALANCE_ASSESSED_ON, demo_day(d, "-3d"), TL_BALANCE_SCORE, "0",
	    TL_BALANCE_COMMENT, "Bättre balans sedan delegationsordningen "
	    "reviderades, men planeringsfrågan visar att gråzonen finns "
	    "kvar.", TL_BALANCE_MEETING, d->m_dialog, END);
	demo_add(d, TL_K_BALANCE, NULL, TL_BALANCE_UNIT, d->buf,
	    TL_BALANCE_ASSESSED_ON, demo_day(d, "-60d"), TL_BALANCE_SCORE, "-1",
	    TL_BALANCE_COMMENT, "Otydliga mål från nämnden; förvaltningen "
	    "efterfrågar tydligare besked i vad-frågorna: understyrt.",
	    END);
}

/* Mandates at several delegation levels, and decisions taken under them. */
static void add_mandates(struct demo *d)
{
	demo_add(d, TL_K_MANDATE, d->md_placering, TL_MANDATE_MATTER,
	    "Beslut om placering i förskola", TL_MANDATE_GIVEN_TO, d->marta,
	    TL_MANDATE_GIVEN_BY_UNIT, d->bun, TL_MANDATE_LEVEL, "7",
	    TL_MANDATE_LIMITS, "Inom nämndens riktlinjer för kö och "
	    "placering. Avsteg från riktlinjerna beslutas av nämnden.",
	    TL_MANDATE_LEGAL_BASIS, "KL 7 kap. 5 §; skollagen 8 kap. 14 §",
	    TL_MANDATE_ONWARD, "1", TL_MANDATE_SUBSTITUTE, d->elin,
	    TL_MANDATE_REPORT_BACK, "Anmäls vid nämndens nästa sammanträde",
	    TL_MANDATE_REPORT_EVERY, "quarterly",
	    TL_MANDATE_VALID_FROM, demo_day(d, "-7d"), TL_MANDATE_VALID_UNTIL,
	    demo_day(d, "+24m"), TL_MANDATE_MEETING, d->m_bun, TL_MANDATE_ITEM,
	    d->i_delegation, TL_MANDATE_CASE_REF, "BUN 2026/45", END);
	demo_add(d, TL_K_MANDATE, d->md_laromedel, TL_MANDATE_MATTER,
	    "Inköp av läromedel och förbrukningsmaterial",
	    TL_MANDATE_GIVEN_TO, d->elin, TL_MANDATE_GIVEN_BY_UNIT, d->bun,
	    TL_MANDATE_GIVEN_BY_PERSON, d->marta, TL_MANDATE_LEVEL, "6",
	    TL_MANDATE_LIMITS, "Högst 50 000 kr per beslut, inom enhetens "
	    "budget. Förvaltningschefen vill bli informerad i efterhand.",
	    TL_MANDATE_LEGAL_BASIS, "KL 7 kap. 6 §", TL_MANDATE_ONWARD, "0",
	    TL_MANDATE_REPORT_BACK, "Månadsvis till förvaltningschefen",
	    TL_MANDATE_VALID_FROM, demo_day(d, "-7d"), TL_MANDATE_VALID_UNTIL,
	    demo_day(d, "+12m"), TL_MANDATE_CASE_REF, "BUN 2026/45", END);
	demo_add(d, TL_K_MANDATE, d->md_bistand, TL_MANDATE_MATTER,
	    "Beslut om bistånd i form av hemtjänst", TL_MANDATE_GIVEN_TO,
	    d->ingrid, TL_MANDATE_GIVEN_BY_UNIT, d->sn, TL_MANDATE_LEVEL,
	    "7", TL_MANDATE_LIMITS, "Upp till 120 timmar i månaden per "
	    "brukare; därutöver beslutar nämndens utskott.",
	    TL_MANDATE_LEGAL_BASIS, "KL 7 kap. 5 §; SoL 4 kap. 1 §",
	    TL_MANDATE_ONWARD, "1", TL_MANDATE_REPORT_BACK,
	    "Anmäls till socialnämnden månadsvis", TL_MANDATE_REPORT_EVERY,
	    "monthly", TL_MANDATE_VALID_FROM,
	    demo_day(d, "-12m"), TL_MANDATE_VALID_UNTIL, demo_day(d, "+12m"),
	    TL_MANDATE_CASE_REF, "SN 2025/118", END);
	demo_add(d, TL_K_MANDATE, d->md_mal, TL_MANDATE_MATTER,
	    "Fastställa mål och kvalitetsnivå för hemtjänsten",
	    TL_MANDATE_GIVEN_TO, d->ingrid, TL_MANDATE_GIVEN_BY_UNIT, d->sn,
	    TL_MANDATE_LEVEL, "7", TL_MANDATE_LIMITS, "Återkallat: mål och "
	    "kvalitetsnivå är nämndens egna beslut och kan inte delegeras.",
	    TL_MANDATE_LEGAL_BASIS, "KL 6 kap. 38 §", TL_MANDATE_VALID_FROM,
	    demo_day(d, "-12m"), TL_MANDATE_CASE_REF, "SN 2025/118",
	    TL_MANDATE_NON_DELEGABLE, "1", TL_MANDATE_STATUS, "revoked",
	    END);
	demo_add(d, TL_K_MANDATE, d->md_inkop, TL_MANDATE_MATTER,
	    "Beställa förbrukningsmaterial och enklare hjälpmedel till "
	    "arbetslaget", TL_MANDATE_GIVEN_TO, d->asa,
	    TL_MANDATE_GIVEN_BY_PERSON, d->bjorn, TL_MANDATE_LEVEL, "5",
	    TL_MANDATE_LIMITS, "Högst 5 000 kr per beställning, inom "
	    "arbetslagets budget.", TL_MANDATE_ONWARD, "0",
	    TL_MANDATE_SUBSTITUTE, d->bjorn, TL_MANDATE_REPORT_BACK,
	    "Kort återrapport vid varje medarbetarsamtal",
	    TL_MANDATE_VALID_FROM, demo_day(d, "-14d"), TL_MANDATE_VALID_UNTIL,
	    demo_day(d, "+6m"), TL_MANDATE_MEETING, d->m_samtal2,
	    TL_MANDATE_ITEM, d->i_inkop, END);
	demo_add(d, TL_K_MANDATE, d->md_jul, TL_MANDATE_MATTER,
	    "Förslag till schema för jul- och nyårshelgerna",
	    TL_MANDATE_GIVEN_TO, d->asa, TL_MANDATE_GIVEN_BY_PERSON,
	    d->bjorn, TL_MANDATE_LEVEL, "3", TL_MANDATE_LIMITS,
	    "Arbetslaget lägger ett förslag; enhetschefen beslutar efter att "
	    "ha hört det.", TL_MANDATE_REPORT_BACK,
	    "Förslaget lämnas senast tre veckor före jul",
	    TL_MANDATE_VALID_FROM, demo_day(d, "-14d"), TL_MANDATE_VALID_UNTIL,
	    demo_day(d, "+45d"), TL_MANDATE_MEETING, d->m_samtal2, END);

	demo_add(d, TL_K_DECISION, NULL, TL_DECISION_MANDATE, d->md_placering,
	    TL_DECISION_DECIDED_ON, demo_day(d, "-5d"), TL_DECISION_SUMMARY,
	    "Placering av 14 barn på Solbackens förskola från januari",
	    TL_DECISION_DECIDED_BY, d->marta, TL_DECISION_CASE_REF,
	    "BUN 2026/61", END);
	demo_add(d, TL_K_DECISION, NULL, TL_DECISION_MANDATE, d->md_placering,
	    TL_DECISION_DECIDED_ON, demo_day(d, "-2d"), TL_DECISION_SUMMARY,
	    "Avslag på ansökan om plats utanför upptagningsområdet",
	    TL_DECISION_DECIDED_BY, d->elin, TL_DECISION_CASE_REF,
	    "BUN 2026/64", END);
	demo_add(d, TL_K_DECISION, NULL, TL_DECISION_MANDATE, d->md_bistand,
	    TL_DECISION_DECIDED_ON, demo_day(d, "-6d"), TL_DECISION_SUMMARY,
	    "Beviljad hemtjänst, 28 timmar i månaden",
	    TL_DECISION_DECIDED_BY, d->ingrid, TL_DECISION_CASE_REF,
	    "SN 2026/233", END);
	demo_add(d, TL_K_DECISION, NULL, TL_DECISION_MANDATE, d->md_laromedel,
	    TL_DECISION_DECIDED_ON, demo_day(d, "-1d"), TL_DECISION_SUMMARY,
	    "Inköp av lärplattor till förskoleklassen, 38 000 kr",
	    TL_DECISION_DECIDED_BY, d->elin,
	    /* Announced on its own, not reported to the committee: its
	     * appeal window runs from today. */
	    TL_DECISION_ANNOUNCED_ON, demo_day(d, "today"), END);
}

/*
 * Frames.  The budget frame was raised after it was acknowledged, so it
 * has a readable version 1 and is acknowledged again; Åsa has not yet
 * confirmed her time frame.
 */
static void add_frames(struct demo *d)
{
	demo_add(d, TL_K_FRAME, d->f_budget, TL_FRAME_DESCRIPTION,
	    "Driftbudget för förbrukningsmaterial och hjälpmedel",
	    TL_FRAME_KIND, "budget", TL_FRAME_HOLDER_PERSON, d->bjorn,
	    TL_FRAME_HOLDER_UNIT, d->hemtjanst, TL_FRAME_AMOUNT, "225000",
	    TL_FRAME_AMOUNT_UNIT, "SEK", TL_FRAME_TRUST, "high",
	    TL_FRAME_TRUST_FACTORS, "Lång erfarenhet som enhetschef; budget "
	    "i balans tre år i rad.", TL_FRAME_ESCALATION, "Prognos över "
	    "90 % före oktober: kontakta socialchefen.",
	    TL_FRAME_VALID_FROM, demo_day(d, "-60d"), TL_FRAME_VALID_UNTIL,
	    demo_day(d, "+12m"), END);
	demo_ack(d, d->f_budget, NULL);
	edit(d, TL_K_FRAME, d->f_budget, TL_FRAME_DESCRIPTION,
	     "Driftbudget för förbrukningsmaterial och hjälpmedel, utökad "
	     "för sommarvikarier", TL_FRAME_AMOUNT, "250000");
	demo_ack(d, d->f_budget, NULL);

	demo_add(d, TL_K_FRAME, d->f_tid, TL_FRAME_DESCRIPTION,
	    "Tid för att införa den nya introduktionen för nya kollegor",
	    TL_FRAME_KIND, "time", TL_FRAME_HOLDER_PERSON, d->asa,
	    TL_FRAME_AMOUNT, "40", TL_FRAME_AMOUNT_UNIT, "h", TL_FRAME_TRUST,
	    "medium", TL_FRAME_TRUST_FACTORS, "Första uppdraget av det här "
	    "slaget; enhetschefen finns som stöd.", TL_FRAME_ESCALATION,
	    "Räcker inte tiden: ta upp det vid nästa medarbetarsamtal.",
	    TL_FRAME_VALID_FROM, demo_day(d, "-14d"), TL_FRAME_VALID_UNTIL,
	    demo_day(d, "+6m"), TL_FRAME_MEETING, d->m_samtal2, TL_FRAME_ITEM,
	    d->i_tid, END);

	demo_add(d, TL_K_FRAME, d->f_bemanning, TL_FRAME_DESCRIPTION,
	    "Minst fyra undersköterskor per dagpass; helger enligt "
	    "grundschemat", TL_FRAME_KIND, "staffing", TL_FRAME_HOLDER_UNIT,
	    d->lag, TL_FRAME_AMOUNT, "4", TL_FRAME_AMOUNT_UNIT,
	    "personer per pass", TL_FRAME_TRUST, "high",
	    TL_FRAME_TRUST_FACTORS, "Arbetslaget lägger själv schemat och "
	    "har hållit bemanningen hela året.", TL_FRAME_ESCALATION,
	    "Kan passet inte bemannas: enhetschefen samma dag.",
	    TL_FRAME_VALID_FROM, demo_day(d, "-42d"), TL_FRAME_MEETING,
	    d->m_samtal1, TL_FRAME_ITEM, d->i_schema, END);
	demo_ack(d, d->f_bemanning, d->bjorn);

	demo_add(d, TL_K_FRAME, d->f_placering, TL_FRAME_DESCRIPTION,
	    "Placeringar följer skollagen och nämndens riktlinjer för kö "
	    "och placering", TL_FRAME_KIND, "legal", TL_FRAME_HOLDER_PERSON,
	    d->marta, TL_FRAME_TRUST, "high", TL_FRAME_ESCALATION,
	    "Avsteg från riktlinjerna går till nämnden.",
	    TL_FRAME_VALID_FROM, demo_day(d, "-7d"), TL_FRAME_MEETING, d->m_bun,
	    TL_FRAME_ITEM, d->i_delegation, TL_FRAME_MANDATE,
	    d->md_placering, END);
	demo_ack(d, d->f_placering, NULL);

	demo_add(d, TL_K_FRAME, d->f_kvalitet, TL_FRAME_DESCRIPTION,
	    "Varje barn har en aktuell utvecklingsplan som följs upp med "
	    "vårdnadshavare varje termin", TL_FRAME_KIND, "quality",
	    TL_FRAME_HOLDER_PERSON, d->elin, TL_FRAME_HOLDER_UNIT,
	    d->solbacken, TL_FRAME_TRUST, "medium", TL_FRAME_TRUST_FACTORS,
	    "Ny förskolechef sedan i våras; personalomsättningen har varit "
	    "hög.", TL_FRAME_ESCALATION, "Till förvaltningschefen om "
	    "planerna inte hinns med.", TL_FRAME_VALID_FROM, demo_day(d, "-7d"),
	    TL_FRAME_VALID_UNTIL, demo_day(d, "+12m"), TL_FRAME_MEETING, d->m_bun,
	    TL_FRAME_ITEM, d->i_budget, END);
	demo_ack(d, d->f_kvalitet, NULL);

	demo_add(d, TL_K_FOLLOWUP, NULL, TL_FOLLOWUP_TEXT,
	    "Återrapportera beställningar gjorda inom inköpsmandatet",
	    TL_FOLLOWUP_KIND, "result", TL_FOLLOWUP_OWNER, d->asa,
	    TL_FOLLOWUP_DUE, demo_day(d, "+7d"), TL_FOLLOWUP_MEETING,
	    d->m_samtal2, TL_FOLLOWUP_ITEM, d->i_inkop, TL_FOLLOWUP_MANDATE,
	    d->md_inkop, END);
	demo_add(d, TL_K_FOLLOWUP, NULL, TL_FOLLOWUP_TEXT,
	    "Hur upplever nya kollegor sin första vecka med den nya "
	    "introduktionen?", TL_FOLLOWUP_KIND, "effect", TL_FOLLOWUP_OWNER,
	    d->bjorn, TL_FOLLOWUP_DUE, demo_day(d, "+60d"), TL_FOLLOWUP_MEETING,
	    d->m_samtal2, TL_FOLLOWUP_ITEM, d->i_tid, TL_FOLLOWUP_FRAME,
	    d->f_tid, END);
	demo_add(d, TL_K_FOLLOWUP, NULL, TL_FOLLOWUP_TEXT,
	    "Skicka ut julschemat till arbetslaget", TL_FOLLOWUP_KIND,
	    "action", TL_FOLLOWUP_OWNER, d->bjorn, TL_FOLLOWUP_DUE,
	    demo_day(d, "-2d"), TL_FOLLOWUP_MEETING, d->m_samtal2,
	    TL_FOLLOWUP_MANDATE, d->md_jul, END);
	demo_add(d, TL_K_FOLLOWUP, NULL, TL_FOLLOWUP_TEXT,
	    "Anmäl placeringsbesluten till nämnden", TL_FOLLOWUP_KIND,
	    "result", TL_FOLLOWUP_OWNER, d->marta, TL_FOLLOWUP_DUE,
	    demo_day(d, "+21d"), TL_FOLLOWUP_MANDATE, d->md_placering, END);
	demo_add(d, TL_K_FOLLOWUP, NULL, TL_FOLLOWUP_TEXT,
	    "Prognos för driftbudgeten efter november", TL_FOLLOWUP_KIND,
	    "result", TL_FOLLOWUP_OWNER, d->mikael, TL_FOLLOWUP_DUE,
	    demo_day(d, "+14d"), TL_FOLLOWUP_FRAME, d->f_budget, END);
}

enum tl_status tl_demo_fill(struct tl_store *st, struct tl_error *err)
{
	struct demo d = {.st = st, .err = err, .rc = TL_OK};
	struct tl_error local;
	enum tl_status rc;

	if (!err)
		d.err = err = &local;
	tl_error_clear(err);
	tl_clock_today(d.today);
	rc = tl_store_begin(st, err);
	if (rc != TL_OK)
		return rc;
	/* A second municipality on top of real records would only confuse. */
	for (int k = TL_K_UNIT; k <= TL_K_PERSON && rc == TL_OK; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		struct tl_query q = {.kind = e->kind};
		long n = 0;

		rc = tl_store_count(st, &q, &n, err);
		if (rc == TL_OK && n > 0)
			rc = tl_error_set(err, TL_EREFUSED, _("The database "
					  "already holds %s; the demo goes "
					  "into an empty one."), e->plural);
	}
	if (rc != TL_OK) {
		tl_store_rollback(st);
		return rc;
	}
	rc = tl_store_seed_principles(st, "vadstena", err);
	if (rc != TL_OK) {
		tl_store_rollback(st);
		return rc;
	}
	add_units(&d);
	add_people(&d);
	add_one_to_ones(&d);
	add_committee(&d);
	demo_protokoll(&d);
	add_dialogue(&d);
	add_mandates(&d);
	add_frames(&d);
	demo_goals(&d);
	demo_justering(&d);
	if (d.rc != TL_OK) {
		tl_store_rollback(st);
		return d.rc;
	}
	rc = tl_store_commit(st, err);
	if (rc != TL_OK)
		tl_store_rollback(st);
	return rc;
}
