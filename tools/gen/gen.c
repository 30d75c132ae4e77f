/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * gen.c - the benchmark database of gen.h: a made-up municipality after
 * some years, built fast through one bulk load (bulk.h).
 *
 * Everything comes from one small random generator (xorshift64*) with a
 * fixed seed, ids included, so two runs on the same day give the same
 * database.  Meetings are made in date order, each with its participants,
 * agenda items (committee § numbers run on through the calendar year, as
 * the store numbers them) and follow-ups; then mandates with decisions
 * under them, frames and governance balances.  Texts are put together
 * from Swedish phrase lists, so a search finds realistic numbers of hits.
 *
 * It is part of the tool tillit-gen (main.c), not of tillit: its
 * messages are in English only.
 */
#include "gen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/store/bulk.h"
#include "tillit/core/date.h"

typedef char gen_id[TL_ID_LEN + 1];

struct gen {
	struct tl_bulk *bulk;
	struct tl_error *err;
	enum tl_status rc;
	unsigned long long rng;
	const struct tl_gen_options *o;
	long *count;
	long today;            /* days since 1970-01-01 */
	long first;            /* the first meeting day */
	long span;             /* days over which meetings spread */
	struct tl_record *rec[TL_K_COUNT];
	char keys[16][32];     /* principle keys for tags */
	int nkeys;

	long nunits, npeople, nseries, nmeetings, nmandates;
	gen_id *units, *people, *series, *meetings, *mandates;
	int *unit_kind;        /* index into unit_kinds */
	long *unit_parent;     /* index of the unit above, or -1 */
	int *series_unit;
	long *meeting_day;
	long *mandate_day;
	int *meeting_unit;
};

/* ---- randomness ---- */

static unsigned long long next(struct gen *g)
{
	g->rng ^= g->rng >> 12;
	g->rng ^= g->rng << 25;
	g->rng ^= g->rng >> 27;
	return g->rng * 0x2545F4914F6CDD1DULL;
}

/* 0 .. n-1 */
static long pick(struct gen *g, long n)
{
	return n > 0 ? (long)((next(g) >> 11) % (unsigned long long)n) : 0;
}

#define ONE_OF(g, a) ((a)[pick((g), (long)(sizeof(a) / sizeof((a)[0])))])

static void new_id(struct gen *g, char out[TL_ID_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned long long a = next(g), b = next(g);
	int n = 0;

	for (int i = 0; i < 32; i++) {
		unsigned long long w = i < 16 ? a : b;
		int v = (int)((w >> ((i % 16) * 4)) & 15);
		if (i == 12)
			v = 4;                  /* version 4 */
		else if (i == 16)
			v = 8 | (v & 3);        /* variant 10xx */
		if (i == 8 || i == 12 || i == 16 || i == 20)
			out[n++] = '-';
		out[n++] = hex[v];
	}
	out[n] = '\0';
}

/* ---- dates ---- */

static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static void date_str(long day, char out[TL_DATE_SIZE])
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(out, TL_DATE_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u,
		 (unsigned)m % 100u, (unsigned)d % 100u);
}

/* "YYYY-MM-DD HH:MM" at minute `min` of the day. */
static void datetime_str(long day, int min, char out[TL_DATETIME_SIZE])
{
	char date[TL_DATE_SIZE];

	date_str(day, date);
	snprintf(out, TL_DATETIME_SIZE, "%.10s %02u:%02u", date,
		 (unsigned)(min / 60) % 24u, (unsigned)min % 60u);
}

/* The record stamps, "YYYY-MM-DDTHH:MM:SSZ". */
static void stamp(struct tl_record *r, long day, int min)
{
	char date[TL_DATE_SIZE];

	date_str(day, date);
	snprintf(r->created_at, sizeof(r->created_at), "%sT%02d:%02d:00Z",
		 date, (min / 60) % 24, min % 60);
	memcpy(r->updated_at, r->created_at, sizeof(r->updated_at));
}

/* A working day: Saturday moves to Friday, Sunday to Monday. */
static long weekday(long day)
{
	long w = ((day % 7) + 11) % 7; /* 0 Monday .. 6 Sunday */
	return w == 5 ? day - 1 : w == 6 ? day + 1 : day;
}

/* ---- text ---- */

static const char *const first_names[] = {
	"Anna", "Åsa", "Björn", "Örjan", "Märta", "Göran", "Sofia", "Håkan",
	"Ingrid", "Jonas", "Fatima", "Mikael", "Elin", "Pär", "Lena", "Ömer",
	"Karin", "Anders", "Birgitta", "Hassan", "Maja", "Ängla", "Linnéa",
	"Per-Olof", "Sölve", "Tove", "Olle", "Åke", "Märit", "Yusuf", "Sara",
	"Emil", "Astrid", "Jörgen", "Kristina", "Leila", "Nils", "Gunnel",
	"Stig", "Ebba"};
static const char *const last_names[] = {
	"Andersson", "Öberg", "Åkesson", "Lindqvist", "Nyström", "Björk",
	"Sjöberg", "Hägg", "Ström", "Ekström", "Källström", "Lindgren",
	"Axelsson", "Wallén", "Åberg", "Holmström", "Sandström", "Öhman",
	"Forsberg", "Jönsson", "Bäckström", "Håkansson", "Lundqvist",
	"Nordström", "Ali", "Karlsson", "Söderberg", "Engström", "Dahlén",
	"Mårtensson", "Östlund", "Grönqvist", "Berg", "Hedlund", "Fält"};
static const char *const titles[] = {
	"enhetschef", "förskollärare", "undersköterska", "rektor",
	"socialsekreterare", "controller", "kommunsekreterare", "handläggare",
	"verksamhetschef", "förvaltningschef", "nämndsekreterare",
	"biståndshandläggare", "lärare", "ekonom", "HR-konsult",
	"samordnare"};
static const char *const places[] = {
	"Solbacken", "Ängsskolan", "Björkhagen", "Åsen", "Sjöstaden",
	"Östra hamnen", "Väster", "Lövgärdet", "Källbacken", "Norrmalm",
	"Gröndal", "Hälsans hus", "Tallbo", "Rönnen", "Fjällgården",
	"Strömsholm", "Ekdalen", "Vårdcentralen", "Hagaberg", "Sörby"};
static const char *const areas[] = {
	"äldreomsorgen", "hemtjänsten", "förskolan", "grundskolan",
	"gymnasiet", "socialtjänsten", "individ- och familjeomsorgen",
	"kultur och fritid", "samhällsbyggnad", "miljö och hälsa",
	"räddningstjänsten", "måltidsservice", "lokalförsörjningen",
	"överförmyndaren", "arbetsmarknadsenheten", "elevhälsan"};
static const char *const verbs[] = {
	"Återrapportera", "Följ upp", "Ta fram", "Utred", "Säkerställ",
	"Skicka ut", "Redovisa", "Förankra", "Samordna", "Kartlägg",
	"Pröva", "Se över", "Bjud in till dialog om", "Sammanställ",
	"Analysera", "Förbered beslut om"};
static const char *const objects[] = {
	"bemanningen", "vikarieanskaffningen", "kostnadsutfallet",
	"sjukfrånvaron", "brukarnöjdheten", "läsårets schema",
	"kompetensutvecklingen", "introduktionen av nya kollegor",
	"delegationsordningen", "internkontrollplanen", "lokalbehovet",
	"måltidernas kvalitet", "kontinuiteten i hemtjänsten",
	"samverkan med regionen", "arbetsmiljön", "förändringsarbetet",
	"tillitsbaserad styrning", "budgetprognosen", "upphandlingen",
	"digitaliseringen", "schemaläggningen", "elevernas måluppfyllelse",
	"väntetiderna", "boendeplaneringen"};
static const char *const qualifiers[] = {
	"till nästa möte", "före årsskiftet", "inom ramen för budgeten",
	"tillsammans med arbetslaget", "i samråd med facket",
	"för tredje kvartalet", "efter sommaren", "till nämnden",
	"på arbetsplatsträffen", "med berörda medarbetare",
	"i förvaltningens ledningsgrupp", "utan extra kostnader",
	"för hela förvaltningen", "i nästa delårsrapport"};
static const char *const item_heads[] = {
	"Information om", "Beslut om", "Diskussion om", "Uppföljning av",
	"Rapport om", "Yttrande över", "Återkoppling kring", "Dialog om"};
static const char *const outcomes[] = {
	"Klart, redovisat på mötet.", "Genomfört enligt plan.",
	"Klart; avvikelser rapporterade till förvaltningen.",
	"Åtgärdat efter dialog med arbetslaget.",
	"Slutfört, uppföljning sker i nästa delårsrapport."};
static const char *const matters[] = {
	"Beslut om placering av elever", "Inköp av läromedel",
	"Anställning av personal", "Beslut om bistånd enligt SoL",
	"Attest av fakturor", "Tecknande av avtal om lokaler",
	"Beviljande av ledighet", "Beslut om skolskjuts",
	"Yttrande i ärenden om serveringstillstånd",
	"Fördelning av föreningsbidrag", "Beslut om färdtjänst",
	"Avskrivning av fordringar", "Mindre upphandlingar",
	"Beslut om bostadsanpassningsbidrag"};
static const char *const legal[] = {
	"KL 7 kap. 5 §", "KL 6 kap. 37 §", "SoL 4 kap. 1 §",
	"Skollagen 10 kap. 30 §", "LOU 19 kap.", "KL 7 kap. 6 §"};
static const char *const frame_kinds[] = {
	"budget", "time", "staffing", "quality", "legal", "scope"};
static const char *const frame_text[] = {
	"Budget för", "Tid för att utveckla", "Bemanning inom",
	"Kvalitetsnivå för", "Lagrum och riktlinjer för", "Uppdraget kring"};
static const char *const trust_factors[] = {
	"Lång erfarenhet och god dialog med nämnden.",
	"Ny chef; tät uppföljning första året.",
	"Stabil ekonomi och låg personalomsättning.",
	"Tydliga mål och öppen återrapportering.",
	"Tidigare avvikelser har hanterats väl."};

static void set(struct gen *g, struct tl_record *r, int i, const char *v)
{
	if (g->rc == TL_OK && !tl_record_set(r, i, v))
		g->rc = tl_error_set(g->err, TL_ESYS, "Out of memory.");
}

static void setf(struct gen *g, struct tl_record *r, int i, const char *fmt,
		 ...) __attribute__((format(printf, 4, 5)));

static void setf(struct gen *g, struct tl_record *r, int i, const char *fmt,
		 ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	set(g, r, i, buf);
}

/* A fresh record of kind k: every value unset, a new id. */
static struct tl_record *fresh(struct gen *g, enum tl_kind k, char *id_out)
{
	struct tl_record *r = g->rec[k];

	for (int i = 0; i < r->e->nfields; i++)
		tl_record_set(r, i, NULL);
	new_id(g, r->id);
	if (id_out)
		memcpy(id_out, r->id, TL_ID_LEN + 1);
	return r;
}

static void put(struct gen *g, struct tl_record *r)
{
	if (g->rc != TL_OK)
		return;
	g->rc = tl_bulk_add(g->bulk, r, g->err);
	if (g->rc == TL_OK)
		g->count[r->e->kind]++;
}

static void progress(struct gen *g, const char *what)
{
	if (g->o->progress)
		g->o->progress(g->o->ctx, what);
}

static long scaled(double scale, long per_unit, long least)
{
	long n = (long)(per_unit * scale + 0.5);
	return n < least ? least : n;
}

/* ---- the records ---- */

static const char *const unit_kinds[] = {
	"council", "board", "committee", "administration", "department",
	"team"};

static void make_units(struct gen *g)
{
	long n = g->nunits;
	/* How many of each level: 1 council, 1 board, then committees and
	 * administrations (2% each), departments (16%), the rest teams. */
	long ncomm = n / 50 > 1 ? n / 50 : 1;
	long nadm = ncomm, ndep = n * 16 / 100 > 1 ? n * 16 / 100 : 1;
	long lvl_start[6], lvl_n[6];

	lvl_n[0] = 1;
	lvl_n[1] = 1;
	lvl_n[2] = ncomm;
	lvl_n[3] = nadm;
	lvl_n[4] = ndep;
	lvl_n[5] = n - 2 - ncomm - nadm - ndep;
	lvl_start[0] = 0;
	for (int l = 1; l < 6; l++)
		lvl_start[l] = lvl_start[l - 1] + lvl_n[l - 1];
	for (int l = 0; l < 6; l++) {
		for (long i = 0; i < lvl_n[l]; i++) {
			long u = lvl_start[l] + i;
			struct tl_record *r = fresh(g, TL_K_UNIT, g->units[u]);
			const char *area = areas[i % (long)(sizeof(areas) /
							  sizeof(areas[0]))];
			long parent = -1;

			g->unit_kind[u] = l;
			g->unit_parent[u] = -1;
			switch (l) {
			case 0:
				set(g, r, TL_UNIT_NAME, "Kommunfullmäktige");
				break;
			case 1:
				set(g, r, TL_UNIT_NAME, "Kommunstyrelsen");
				parent = 0;
				break;
			case 2:
				setf(g, r, TL_UNIT_NAME, "Nämnden för %s %ld",
				     area, i + 1);
				parent = 1;
				break;
			case 3:
				setf(g, r, TL_UNIT_NAME, "Förvaltningen för "
				     "%s %ld", area, i + 1);
				parent = lvl_start[2] + i % lvl_n[2];
				break;
			case 4:
				setf(g, r, TL_UNIT_NAME, "Avdelning %s %ld",
				     ONE_OF(g, places), i + 1);
				parent = lvl_start[3] + i % lvl_n[3];
				break;
			default:
				setf(g, r, TL_UNIT_NAME, "Enhet %s %ld",
				     ONE_OF(g, places), i + 1);
				parent = lvl_start[4] + i % lvl_n[4];
				break;
			}
			set(g, r, TL_UNIT_KIND, unit_kinds[l]);
			if (parent >= 0)
				set(g, r, TL_UNIT_PARENT, g->units[parent]);
			g->unit_parent[u] = parent;
			stamp(r, g->first - 30, 8 * 60);
			put(g, r);
		}
	}
}

static void make_people(struct gen *g)
{
	for (long p = 0; p < g->npeople; p++) {
		struct tl_record *r = fresh(g, TL_K_PERSON, g->people[p]);
		long u = pick(g, g->nunits);
		long k = pick(g, 100);
		const char *kind = k < 5 ? "elected" : k < 15 ? "official" :
				   k < 23 ? "manager" : "employee";

		if (p == 0) {
			set(g, r, TL_PERSON_NAME, TL_GEN_PERSON);
			kind = "manager";
		} else {
			setf(g, r, TL_PERSON_NAME, "%s %s",
			     ONE_OF(g, first_names), ONE_OF(g, last_names));
		}
		set(g, r, TL_PERSON_TITLE, !strcmp(kind, "elected") ?
		    "förtroendevald" : ONE_OF(g, titles));
		set(g, r, TL_PERSON_KIND, kind);
		set(g, r, TL_PERSON_UNIT, g->units[u]);
		setf(g, r, TL_PERSON_EMAIL, "person%ld@kommun.example", p);
		if (pick(g, 50) == 0)
			set(g, r, TL_PERSON_STATUS, "left");
		stamp(r, g->first - 30, 9 * 60);
		put(g, r);
	}
}

static void make_series(struct gen *g)
{
	for (long s = 0; s < g->nseries; s++) {
		struct tl_record *r = fresh(g, TL_K_SERIES, g->series[s]);
		long u = s % g->nunits;
		int l = g->unit_kind[u];

		g->series_unit[s] = (int)u;
		if (l <= 2) {
			setf(g, r, TL_SERIES_TITLE, "Sammanträden %ld", s + 1);
			set(g, r, TL_SERIES_KIND, "committee");
		} else if (s % 2) {
			setf(g, r, TL_SERIES_TITLE, "Medarbetarsamtal %ld",
			     s + 1);
			set(g, r, TL_SERIES_KIND, "one_to_one");
		} else {
			setf(g, r, TL_SERIES_TITLE, "Styrdialog %ld", s + 1);
			set(g, r, TL_SERIES_KIND, "dialogue");
		}
		set(g, r, TL_SERIES_UNIT, g->units[u]);
		stamp(r, g->first - 20, 10 * 60);
		put(g, r);
	}
}

/* One meeting with participants, agenda and follow-ups. */
static void make_meeting(struct gen *g, long m, long nitems, long nfollow,
			 long *committee_no, int *committee_year)
{
	static const char *const kinds[] = {
		"one_to_one", "one_to_one", "one_to_one", "one_to_one",
		"one_to_one", "committee", "dialogue", "dialogue", "dialogue",
		"forum"};
	struct tl_record *r;
	long day = weekday(g->first + m * g->span / g->nmeetings);
	int min = 8 * 60 + 30 * (int)pick(g, 16);
	const char *kind = ONE_OF(g, kinds);
	long s = pick(g, g->nseries);
	long u = g->series_unit[s];
	bool past = day < g->today;
	char starts[TL_DATETIME_SIZE], buf[TL_DATETIME_SIZE];
	gen_id items[16];
	int y, mo, d;
	const char *area = ONE_OF(g, areas);

	if (nitems > 16)
		nitems = 16;
	if (!strcmp(kind, "committee")) {
		/* Committees meet as themselves. */
		u = 2 + pick(g, g->nunits / 50 > 1 ? g->nunits / 50 : 1);
		if (u >= g->nunits)
			u = 0;
		s = -1;
	}
	g->meeting_day[m] = day;
	g->meeting_unit[m] = (int)u;
	r = fresh(g, TL_K_MEETING, g->meetings[m]);
	if (!strcmp(kind, "one_to_one"))
		setf(g, r, TL_MEETING_TITLE, "Medarbetarsamtal om %s",
		     ONE_OF(g, objects));
	else if (!strcmp(kind, "committee"))
		setf(g, r, TL_MEETING_TITLE, "Sammanträde, %s", area);
	else if (!strcmp(kind, "dialogue"))
		setf(g, r, TL_MEETING_TITLE, "Styrdialog om %s", area);
	else
		setf(g, r, TL_MEETING_TITLE, "Forum för %s, %s", area,
		     ONE_OF(g, places));
	set(g, r, TL_MEETING_KIND, kind);
	set(g, r, TL_MEETING_UNIT, g->units[u]);
	if (s >= 0 && pick(g, 3))
		set(g, r, TL_MEETING_SERIES, g->series[s]);
	datetime_str(day, min, starts);
	set(g, r, TL_MEETING_STARTS, starts);
	datetime_str(day, min + 60, buf);
	set(g, r, TL_MEETING_ENDS, buf);
	setf(g, r, TL_MEETING_LOCATION, "%s, rum %ld", ONE_OF(g, places),
	     1 + pick(g, 40));
	set(g, r, TL_MEETING_STATUS, past ? "held" : "planned");
	if (pick(g, 4) == 0)
		setf(g, r, TL_MEETING_NOTES, "Vi pratade om %s %s.",
		     ONE_OF(g, objects), ONE_OF(g, qualifiers));
	stamp(r, day - 14, 8 * 60);
	put(g, r);

	/* Two participants: the one who leads and one more. */
	for (int p = 0; p < 2; p++) {
		r = fresh(g, TL_K_PARTICIPANT, NULL);
		set(g, r, TL_PART_MEETING, g->meetings[m]);
		set(g, r, TL_PART_PERSON, g->people[(m * 7 + p * 13 +
						     pick(g, 5)) % g->npeople]);
		set(g, r, TL_PART_ROLE, p == 0 ? (!strcmp(kind, "committee") ?
		    "chair" : "manager") : (!strcmp(kind, "committee") ?
		    "secretary" : "employee"));
		set(g, r, TL_PART_ATTENDANCE, past ? "present" : "unknown");
		stamp(r, day - 14, 8 * 60 + 1);
		put(g, r);
	}
	if (g->rc != TL_OK)
		return;

	civil_from_days(day, &y, &mo, &d);
	for (long i = 0; i < nitems; i++) {
		long number = i + 1;
		if (!strcmp(kind, "committee")) {
			if (committee_year[u] != y) {
				committee_year[u] = y;
				committee_no[u] = 0;
			}
			number = ++committee_no[u];
		}
		r = fresh(g, TL_K_ITEM, items[i]);
		set(g, r, TL_ITEM_MEETING, g->meetings[m]);
		setf(g, r, TL_ITEM_NUMBER, "%ld", number);
		setf(g, r, TL_ITEM_TITLE, "%s %s", ONE_OF(g, item_heads),
		     ONE_OF(g, objects));
		set(g, r, TL_ITEM_KIND, i == 0 ? "information" :
		    pick(g, 3) == 0 ? "decision" : "discussion");
		if (pick(g, 2)) {
			set(g, r, TL_ITEM_QUESTION, pick(g, 3) ? "what" :
			    "how");
			set(g, r, TL_ITEM_DECIDED_BY, pick(g, 2) ?
			    "politics" : "administration");
		}
		if (g->nkeys > 0 && pick(g, 2))
			set(g, r, TL_ITEM_TAGS, g->keys[pick(g, g->nkeys)]);
		if (!strcmp(kind, "committee"))
			setf(g, r, TL_ITEM_CASE_REF, "KS/%d:%ld", y,
			     number);
		if (pick(g, 3) == 0)
			setf(g, r, TL_ITEM_NOTES, "%s %s %s.",
			     ONE_OF(g, verbs), ONE_OF(g, objects),
			     ONE_OF(g, qualifiers));
		if (past && pick(g, 3) == 0)
			setf(g, r, TL_ITEM_DECISION, "Nämnden beslutar att "
			     "%s %s.", ONE_OF(g, objects), ONE_OF(g,
			     qualifiers));
		set(g, r, TL_ITEM_STATUS, past ? "closed" : "open");
		stamp(r, day - 7, 9 * 60);
		put(g, r);
	}
	for (long f = 0; f < nfollow && g->rc == TL_OK; f++) {
		long due = day + 14 + pick(g, 90);
		long owner = (m * 5 + f) % 500 == 0 ? 0 :
			     pick(g, g->npeople);
		bool closed = due < g->today - 30 ? pick(g, 100) < 94 :
			      due < g->today && pick(g, 2);
		char dues[TL_DATE_SIZE];

		r = fresh(g, TL_K_FOLLOWUP, NULL);
		setf(g, r, TL_FOLLOWUP_TEXT, "%s %s %s", ONE_OF(g, verbs),
		     ONE_OF(g, objects), ONE_OF(g, qualifiers));
		set(g, r, TL_FOLLOWUP_KIND, pick(g, 4) == 0 ? "result" :
		    pick(g, 4) == 0 ? "effect" : "action");
		set(g, r, TL_FOLLOWUP_OWNER, g->people[owner]);
		date_str(due, dues);
		set(g, r, TL_FOLLOWUP_DUE, dues);
		set(g, r, TL_FOLLOWUP_MEETING, g->meetings[m]);
		if (nitems > 0)
			set(g, r, TL_FOLLOWUP_ITEM, items[pick(g, nitems)]);
		stamp(r, day, 16 * 60);
		if (closed) {
			bool cancel = pick(g, 20) == 0;
			datetime_str(due - pick(g, 10), 15 * 60, buf);
			set(g, r, TL_FOLLOWUP_STATUS, cancel ? "cancelled" :
			    "done");
			if (!cancel && pick(g, 3) == 0)
				set(g, r, TL_FOLLOWUP_OUTCOME,
				    ONE_OF(g, outcomes));
			set(g, r, TL_FOLLOWUP_CLOSED_AT, buf);
			snprintf(r->updated_at, sizeof(r->updated_at),
				 "%.10sT%.5s:00Z", buf, buf + 11);
		} else {
			set(g, r, TL_FOLLOWUP_STATUS, "open");
		}
		put(g, r);
	}
}

static void make_meetings(struct gen *g, long items_total,
			  long follow_total)
{
	long *no = calloc((size_t)g->nunits, sizeof(long));
	int *year = calloc((size_t)g->nunits, sizeof(int));

	if (!no || !year) {
		g->rc = tl_error_set(g->err, TL_ESYS, "Out of memory.");
	} else {
		for (long m = 0; m < g->nmeetings && g->rc == TL_OK; m++) {
			/* Spread the totals evenly: the counts of meeting m
			 * are the steps of floor((m + 1) * total / n). */
			long ni = (long)((m + 1) * (double)items_total /
					 g->nmeetings) -
				  (long)(m * (double)items_total /
					 g->nmeetings);
			long nf = (long)((m + 1) * (double)follow_total /
					 g->nmeetings) -
				  (long)(m * (double)follow_total /
					 g->nmeetings);
			make_meeting(g, m, ni, nf, no, year);
			if (m % 20000 == 19999)
				progress(g, "meetings");
		}
	}
	free(no);
	free(year);
}

static void make_mandates(struct gen *g, long ndecisions)
{
	char buf[TL_DATETIME_SIZE];

	for (long i = 0; i < g->nmandates && g->rc == TL_OK; i++) {
		long m = pick(g, g->nmeetings);
		long from = g->meeting_day[m];
		long until = from + 365 + pick(g, 3 * 365);
		struct tl_record *r = fresh(g, TL_K_MANDATE, g->mandates[i]);

		g->mandate_day[i] = from;
		setf(g, r, TL_MANDATE_MATTER, "%s inom %s",
		     ONE_OF(g, matters), ONE_OF(g, areas));
		set(g, r, TL_MANDATE_GIVEN_TO,
		    g->people[i % 500 == 0 ? 0 : pick(g, g->npeople)]);
		set(g, r, TL_MANDATE_GIVEN_BY_UNIT,
		    g->units[g->meeting_unit[m]]);
		setf(g, r, TL_MANDATE_LEVEL, "%ld", 1 + pick(g, 7));
		if (pick(g, 2))
			setf(g, r, TL_MANDATE_LIMITS, "Högst %ld prisbasbelopp "
			     "per ärende; %s.", 1 + pick(g, 20),
			     ONE_OF(g, qualifiers));
		set(g, r, TL_MANDATE_LEGAL_BASIS, ONE_OF(g, legal));
		set(g, r, TL_MANDATE_ONWARD, pick(g, 4) ? "0" : "1");
		set(g, r, TL_MANDATE_REPORT_BACK, "Anmäls till nämnden "
		    "månadsvis");
		date_str(from, buf);
		set(g, r, TL_MANDATE_VALID_FROM, buf);
		date_str(until, buf);
		set(g, r, TL_MANDATE_VALID_UNTIL, buf);
		set(g, r, TL_MANDATE_MEETING, g->meetings[m]);
		setf(g, r, TL_MANDATE_CASE_REF, "KS/%.4s:%ld", buf,
		     1 + pick(g, 900));
		set(g, r, TL_MANDATE_STATUS, until < g->today ? "expired" :
		    pick(g, 30) == 0 ? "revoked" : "active");
		stamp(r, from, 13 * 60);
		put(g, r);
	}
	progress(g, "mandates");
	for (long i = 0; i < ndecisions && g->rc == TL_OK; i++) {
		long md = pick(g, g->nmandates);
		long on = g->mandate_day[md] + pick(g, 365);
		struct tl_record *r = fresh(g, TL_K_DECISION, NULL);

		if (on > g->today)
			on = g->today;
		set(g, r, TL_DECISION_MANDATE, g->mandates[md]);
		date_str(on, buf);
		set(g, r, TL_DECISION_DECIDED_ON, buf);
		setf(g, r, TL_DECISION_SUMMARY, "Beslut om %s %s",
		     ONE_OF(g, objects), ONE_OF(g, qualifiers));
		set(g, r, TL_DECISION_DECIDED_BY,
		    g->people[pick(g, g->npeople)]);
		stamp(r, on, 14 * 60);
		put(g, r);
	}
}

static void make_frames(struct gen *g, long nframes)
{
	char buf[TL_DATETIME_SIZE];

	for (long i = 0; i < nframes && g->rc == TL_OK; i++) {
		long m = pick(g, g->nmeetings);
		long from = g->meeting_day[m];
		long k = pick(g, 6);
		long holder = i % 500 == 0 ? 0 : pick(g, g->npeople);
		struct tl_record *r = fresh(g, TL_K_FRAME, NULL);

		setf(g, r, TL_FRAME_DESCRIPTION, "%s %s, %s",
		     frame_text[k], ONE_OF(g, areas), ONE_OF(g, places));
		set(g, r, TL_FRAME_KIND, frame_kinds[k]);
		set(g, r, TL_FRAME_HOLDER_PERSON, g->people[holder]);
		if (k == 0) {
			setf(g, r, TL_FRAME_AMOUNT, "%ld",
			     (1 + pick(g, 400)) * 5000);
			set(g, r, TL_FRAME_AMOUNT_UNIT, "SEK");
		} else if (k == 1) {
			setf(g, r, TL_FRAME_AMOUNT, "%ld", 10 + pick(g, 300));
			set(g, r, TL_FRAME_AMOUNT_UNIT, "h");
		}
		set(g, r, TL_FRAME_TRUST, pick(g, 5) == 0 ? "low" :
		    pick(g, 2) ? "high" : "medium");
		if (pick(g, 2))
			set(g, r, TL_FRAME_TRUST_FACTORS,
			    ONE_OF(g, trust_factors));
		set(g, r, TL_FRAME_ESCALATION, "Till närmaste chef vid "
		    "avvikelse över tio procent");
		date_str(from, buf);
		set(g, r, TL_FRAME_VALID_FROM, buf);
		date_str(from + 365, buf);
		set(g, r, TL_FRAME_VALID_UNTIL, buf);
		set(g, r, TL_FRAME_MEETING, g->meetings[m]);
		if (g->nmandates > 0 && pick(g, 3) == 0)
			set(g, r, TL_FRAME_MANDATE,
			    g->mandates[pick(g, g->nmandates)]);
		set(g, r, TL_FRAME_STATUS, from + 365 < g->today ? "closed" :
		    "active");
		set(g, r, TL_FRAME_VERSION, "1");
		stamp(r, from, 15 * 60);
		if (pick(g, 10) < 7) {
			datetime_str(from + 1 + pick(g, 10), 10 * 60, buf);
			set(g, r, TL_FRAME_ACKED_BY, g->people[holder]);
			set(g, r, TL_FRAME_ACKED_AT, buf);
		}
		put(g, r);
	}
}

static void make_balances(struct gen *g, long n)
{
	char buf[TL_DATE_SIZE];

	for (long i = 0; i < n && g->rc == TL_OK; i++) {
		long day = g->first + i * g->span / (n ? n : 1);
		struct tl_record *r = fresh(g, TL_K_BALANCE, NULL);

		if (day > g->today)
			day = g->today;
		set(g, r, TL_BALANCE_UNIT, g->units[pick(g, g->nunits)]);
		date_str(day, buf);
		set(g, r, TL_BALANCE_ASSESSED_ON, buf);
		setf(g, r, TL_BALANCE_SCORE, "%ld", pick(g, 5) - 2);
		setf(g, r, TL_BALANCE_COMMENT, "Styrningen av %s upplevs som "
		     "%s.", ONE_OF(g, areas), pick(g, 2) ? "för detaljerad" :
		     "otydlig");
		stamp(r, day, 11 * 60);
		put(g, r);
	}
}

static enum tl_status check_empty(struct tl_store *st, struct tl_error *err)
{
	static const enum tl_kind kinds[] = {TL_K_UNIT, TL_K_PERSON,
					     TL_K_MEETING};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		struct tl_query q = {.kind = kinds[i]};
		long n = 0;
		enum tl_status rc = tl_store_count(st, &q, &n, err);
		if (rc != TL_OK)
			return rc;
		if (n > 0)
			return tl_error_set(err, TL_EREFUSED,
					    "The database holds records "
					    "already; generate into a new "
					    "one.");
	}
	return TL_OK;
}

static enum tl_status load_keys(struct gen *g, struct tl_store *st)
{
	struct tl_query q = {.kind = TL_K_PRINCIPLE, .limit = 16};
	struct tl_page page = {0};
	enum tl_status rc = tl_store_list(st, &q, &page, g->err);

	for (int i = 0; rc == TL_OK && i < page.n && i < 16; i++)
		snprintf(g->keys[g->nkeys++], sizeof(g->keys[0]), "%s",
			 tl_record_str(page.recs[i], TL_PRINCIPLE_KEY));
	tl_page_done(&page);
	return rc;
}

static void *alloc(struct gen *g, long n, size_t size)
{
	void *p = calloc((size_t)(n > 0 ? n : 1), size);

	if (!p && g->rc == TL_OK)
		g->rc = tl_error_set(g->err, TL_ESYS, "Out of memory.");
	return p;
}

static const char *const goal_heads[] = {
	"Fler får", "Ökad kvalitet i", "Kortare väntan på", "Bättre arbetsmiljö i",
	"Hållbar ekonomi i", "Ökad delaktighet i", "Tryggare", "Jämlik"};
static const char *const indicator_names[] = {
	"Andel nöjda brukare", "Sjukfrånvaro", "Nettokostnad per invånare",
	"Väntetid i dagar", "Andel elever med godkända betyg",
	"Hållbart medarbetarengagemang", "Personalkontinuitet",
	"Andel beslut inom lagstadgad tid"};
static const char *const measures[] = {"%", "%", "kr", "dagar", "%",
				       "index", "antal", "%"};

/* A number given in tenths, in its stored form (no ".0"). */
static void tenths(struct gen *g, struct tl_record *r, int f, long v)
{
	if (v % 10)
		setf(g, r, f, "%ld.%ld", v / 10, v % 10);
	else
		setf(g, r, f, "%ld", v / 10);
}

/* The goals along the chain of governance: a unit's goals break down a
 * goal of the unit above; each has four indicators with a figure a year
 * for ten years and a tertial for five, a target a year for the last
 * four and this one, and an analysis of the last two years (but every
 * fifth goal owes the last).  Written after everything else, so that the
 * records before keep their ids. */
static void make_goals(struct gen *g, long ngoals)
{
	static const char *const assess[] = {"met", "partly_met", "not_met"};
	long *last = alloc(g, g->nunits, sizeof(long));
	gen_id *ids = alloc(g, ngoals, sizeof(gen_id));
	char gid[TL_ID_LEN + 1], iid[TL_ID_LEN + 1], per[16];
	int y, mo, d;

	civil_from_days(g->today, &y, &mo, &d);
	for (long u = 0; u < g->nunits && last && ids; u++)
		last[u] = -1;
	for (long i = 0; i < ngoals && last && ids && g->rc == TL_OK;
	     i++) {
		/* The council first; then round the units in their order,
		 * which has each unit after the one above it. */
		long u = i < 3 ? 0 : 1 + (i - 3) % (g->nunits - 1);
		long up = g->unit_parent[u];
		int l = g->unit_kind[u];
		struct tl_record *r = fresh(g, TL_K_GOAL, gid);
		long base = 40 + pick(g, 50);

		setf(g, r, TL_GOAL_TITLE, "%s %s", ONE_OF(g, goal_heads),
		     ONE_OF(g, areas));
		setf(g, r, TL_GOAL_DESCRIPTION, "Målet nås när %s har %s.",
		     ONE_OF(g, areas), ONE_OF(g, objects));
		set(g, r, TL_GOAL_KIND, l == 0 ? "direction" : l <= 2 ? "goal"
		    : "commitment");
		set(g, r, TL_GOAL_UNIT, g->units[u]);
		/* The units below break down the unit's last goal. */
		if (up >= 0 && last[up] >= 0)
			set(g, r, TL_GOAL_PARENT, ids[last[up]]);
		setf(g, r, TL_GOAL_PERIOD, "%d-%d", y - 3, y);
		stamp(r, g->today - 3 * 365, 9 * 60);
		memcpy(ids[i], gid, sizeof(gid));
		last[u] = i;
		put(g, r);
		for (int k = 0; k < 4 && g->rc == TL_OK; k++) {
			long n = pick(g, (long)(sizeof(indicator_names) /
						sizeof(indicator_names[0])));
			long v = 10 * base; /* in tenths */

			r = fresh(g, TL_K_INDICATOR, iid);
			set(g, r, TL_INDICATOR_GOAL, gid);
			setf(g, r, TL_INDICATOR_NAME, "%s, %s",
			     indicator_names[n], ONE_OF(g, places));
			set(g, r, TL_INDICATOR_MEASURE, measures[n]);
			set(g, r, TL_INDICATOR_DIRECTION, n == 1 || n == 3 ?
			    "lower" : "higher");
			stamp(r, g->today - 3 * 365, 9 * 60 + 5);
			put(g, r);
			/* Ten years, then the tertials of the last five. */
			for (int p = 0; p < 25 && g->rc == TL_OK; p++) {
				r = fresh(g, TL_K_MEASUREMENT, NULL);
				if (p < 10)
					snprintf(per, sizeof(per), "%d",
						 y - 10 + p);
				else
					snprintf(per, sizeof(per), "%dT%d",
						 y - 5 + (p - 10) / 3,
						 1 + (p - 10) % 3);
				v += 5 * (pick(g, 9) - 4);
				if (v < 10)
					v = 10;
				set(g, r, TL_MEAS_INDICATOR, iid);
				set(g, r, TL_MEAS_PERIOD, per);
				tenths(g, r, TL_MEAS_VALUE, v);
				if (p % 3 == 0) {
					tenths(g, r, TL_MEAS_WOMEN, v + 10);
					tenths(g, r, TL_MEAS_MEN, v - 10);
				}
				set(g, r, TL_MEAS_SOURCE, pick(g, 2) ?
				    "Kolada" : "Egen uppföljning");
				stamp(r, g->today - 30, 10 * 60);
				put(g, r);
			}
			for (int p = 0; p < 5 && g->rc == TL_OK; p++) {
				r = fresh(g, TL_K_TARGET, NULL);
				set(g, r, TL_TARGET_INDICATOR, iid);
				setf(g, r, TL_TARGET_PERIOD, "%d", y - 4 + p);
				setf(g, r, TL_TARGET_VALUE, "%ld",
				     base + 2 + p);
				stamp(r, g->today - 3 * 365, 9 * 60 + 10);
				put(g, r);
			}
		}
		for (int p = 0; p < 2 && g->rc == TL_OK; p++) {
			if (p == 1 && i % 5 == 4)
				break;
			r = fresh(g, TL_K_ANALYSIS, NULL);
			set(g, r, TL_ANALYSIS_GOAL, gid);
			setf(g, r, TL_ANALYSIS_PERIOD, "%d", y - 2 + p);
			set(g, r, TL_ANALYSIS_ASSESSMENT, ONE_OF(g, assess));
			setf(g, r, TL_ANALYSIS_HAPPENED, "%s %s.",
			     ONE_OF(g, verbs), ONE_OF(g, objects));
			setf(g, r, TL_ANALYSIS_WHY, "Förändringar i %s.",
			     ONE_OF(g, areas));
			setf(g, r, TL_ANALYSIS_NEXT, "Vi fortsätter %s.",
			     ONE_OF(g, qualifiers));
			stamp(r, g->today - 400 + 365 * p, 11 * 60);
			put(g, r);
		}
	}
	progress(g, "goals");
	free(last);
	free(ids);
}

enum tl_status tl_gen_fill(struct tl_store *st,
			   const struct tl_gen_options *o,
			   long count[TL_K_COUNT], struct tl_error *err)
{
	struct gen g = {.err = err, .o = o, .count = count};
	double scale = o->scale;
	long years, items, follow, frames;
	char today[TL_DATE_SIZE];
	int y, m, d;

	memset(count, 0, sizeof(long) * TL_K_COUNT);
	if (!(scale > 0) || scale > 100)
		return tl_error_set(err, TL_EINVAL, "The scale must be more "
				    "than 0 and at most 100.");
	g.rc = check_empty(st, err);
	if (g.rc == TL_OK)
		g.rc = tl_store_seed_principles(st, "vadstena", err);
	if (g.rc == TL_OK)
		g.rc = load_keys(&g, st);
	if (g.rc != TL_OK)
		return g.rc;

	g.rng = o->seed ? o->seed : 0x7ea11e5eedULL;
	years = (long)scale;
	if ((double)years < scale)
		years++;
	if (years > 10)
		years = 10;
	tl_clock_today(today);
	sscanf(today, "%d-%d-%d", &y, &m, &d);
	g.today = days_from_civil(y, m, d);
	g.span = years * 365;
	g.first = g.today + 60 - g.span;
	g.nunits = scaled(scale, 50, 8);
	g.npeople = scaled(scale, 1000, 10);
	g.nseries = g.nunits * 2;
	g.nmeetings = scaled(scale, 20000, 20);
	g.nmandates = scaled(scale, 10000, 5);
	items = scaled(scale, 100000, 40);
	follow = scaled(scale, 100000, 40);
	frames = scaled(scale, 20000, 10);

	g.units = alloc(&g, g.nunits, sizeof(gen_id));
	g.unit_kind = alloc(&g, g.nunits, sizeof(int));
	g.unit_parent = alloc(&g, g.nunits, sizeof(long));
	g.people = alloc(&g, g.npeople, sizeof(gen_id));
	g.series = alloc(&g, g.nseries, sizeof(gen_id));
	g.series_unit = alloc(&g, g.nseries, sizeof(int));
	g.meetings = alloc(&g, g.nmeetings, sizeof(gen_id));
	g.meeting_day = alloc(&g, g.nmeetings, sizeof(long));
	g.meeting_unit = alloc(&g, g.nmeetings, sizeof(int));
	g.mandates = alloc(&g, g.nmandates, sizeof(gen_id));
	g.mandate_day = alloc(&g, g.nmandates, sizeof(long));
	for (int k = 0; k < TL_K_COUNT && g.rc == TL_OK; k++) {
		g.rec[k] = tl_record_new((enum tl_kind)k);
		if (!g.rec[k])
			g.rc = tl_error_set(err, TL_ESYS, "Out of memory.");
	}
	if (g.rc == TL_OK)
		g.rc = tl_bulk_begin(st, &g.bulk, err);
	if (g.rc == TL_OK) {
		make_units(&g);
		make_people(&g);
		make_series(&g);
		progress(&g, "units, people and series");
		make_meetings(&g, items, follow);
		make_mandates(&g, g.nmandates / 2);
		make_frames(&g, frames);
		make_balances(&g, scaled(scale, 1000, 5));
		make_goals(&g, scaled(scale, 500, 10));
		progress(&g, "records");
		if (g.rc == TL_OK) {
			progress(&g, "indexes");
			g.rc = tl_bulk_end(g.bulk, err);
		} else {
			tl_bulk_abort(g.bulk);
		}
	}
	for (int k = 0; k < TL_K_COUNT; k++)
		tl_record_free(g.rec[k]);
	free(g.units);
	free(g.unit_kind);
	free(g.unit_parent);
	free(g.people);
	free(g.series);
	free(g.series_unit);
	free(g.meetings);
	free(g.meeting_day);
	free(g.meeting_unit);
	free(g.mandates);
	free(g.mandate_day);
	if (g.rc != TL_OK)
		memset(count, 0, sizeof(long) * TL_K_COUNT);
	return g.rc;
}
