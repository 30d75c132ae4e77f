/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * rules.c - the governance rules of the domain: the grey zone between
 * politics and administration, the names of the delegation levels, the
 * warning for matters that may not be delegated, the preset lists of
 * governance principles, and how a record stands out in a list (overdue,
 * waiting, done).  All of them only inform; none blocks a change.
 */
#include "tillit/core/rules.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"

static bool eq(const char *a, const char *b)
{
	return a && !strcmp(a, b);
}

/*
 * Politics owns the "what" and the administration the "how".  Only the
 * meetings where the two meet formally (dialogue and committee) can cross
 * the line; a one-to-one or a forum has no political side.
 */
bool tl_rules_grey_zone(const char *meeting_kind, const char *question,
			const char *decided_by)
{
	return (eq(meeting_kind, "dialogue") ||
		eq(meeting_kind, "committee")) &&
	       eq(question, "how") && eq(decided_by, "politics");
}

const char *tl_rules_level_name(long level)
{
	static const char *const names[] = {
		N_("tell"), N_("sell"), N_("consult"), N_("agree"),
		N_("advise"), N_("inquire"), N_("delegate")};

	if (level < 1 || level > 7)
		return "?";
	return names[level - 1];
}

/*
 * The law (kommunallagen 6 kap. 38 §) forbids delegating matters on an
 * activity's goals, direction, scope or quality ("mål, inriktning,
 * omfattning eller kvalitet").  We look for those words in the matter's
 * text, in Swedish and English, in any letter case:
 *
 *   - a word containing inriktning, omfattning, kvalitet (so kvalitetsnivå
 *     too), goal, direction, scope or quality;
 *   - a word where "mål" ends the word or takes an ending (mål, målen,
 *     målet, verksamhetsmålen, målsättning), but not måltid or målning.
 *
 * It is a hint for a warning, so a simple rule that is easy to explain
 * beats a clever one.
 */
static const char *const stems[] = {
	"inriktning", "omfattning", "kvalitet", "goal", "direction", "scope",
	"quality", NULL};

#define MAL "m\xC3\xA5l"
static const char *const mal_endings[] = {
	"", "en", "et", "s", "ens", "ets", NULL};

/* A copy of s in lower case: ASCII, and Å Ä Ö to å ä ö.  Caller frees. */
static char *fold_case(const char *s)
{
	size_t len = strlen(s);
	char *out = malloc(len + 1);

	if (!out)
		return NULL;
	for (size_t i = 0; i <= len; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : (char)c;
		if (c == 0xC3 && i + 1 < len) {
			unsigned char c2 = (unsigned char)s[i + 1];
			if (c2 == 0x85 || c2 == 0x84 || c2 == 0x96)
				c2 += 0x20;
			out[++i] = (char)c2;
		}
	}
	return out;
}

/* Letters and digits; any byte of a multibyte character counts. */
static bool word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

static bool word_matches(const char *w, size_t len)
{
	char word[256];
	const char *p;

	if (len >= sizeof(word))
		len = sizeof(word) - 1;
	memcpy(word, w, len);
	word[len] = '\0';
	for (int i = 0; stems[i]; i++)
		if (strstr(word, stems[i]))
			return true;
	for (p = strstr(word, MAL); p; p = strstr(p + 1, MAL)) {
		const char *rest = p + strlen(MAL);
		if (!strncmp(rest, "s\xC3\xA4tt", 5)) /* målsättning */
			return true;
		for (int i = 0; mal_endings[i]; i++)
			if (!strcmp(rest, mal_endings[i]))
				return true;
	}
	return false;
}

bool tl_rules_report_due(const char *every, const char *since,
			 char due[11])
{
	static const struct {
		const char *every;
		const char *later;
	} cadence[] = {
		{"monthly", "+1m"}, {"quarterly", "+3m"}, {"tertial", "+4m"},
		{"half_yearly", "+6m"}, {"yearly", "+12m"},
	};
	struct tl_error err;

	due[0] = '\0';
	for (size_t i = 0; every && since &&
			   i < sizeof(cadence) / sizeof(cadence[0]); i++)
		if (!strcmp(every, cadence[i].every))
			return tl_date_parse(cadence[i].later, since, due,
					     &err) == TL_OK;
	return false;
}

bool tl_rules_matter_non_delegable(const char *matter)
{
	char *s;
	size_t i = 0;
	bool found = false;

	if (!matter)
		return false;
	s = fold_case(matter);
	if (!s)
		return false;
	while (s[i] && !found) {
		size_t start;
		while (s[i] && !word_byte((unsigned char)s[i]))
			i++;
		start = i;
		while (s[i] && word_byte((unsigned char)s[i]))
			i++;
		if (i > start)
			found = word_matches(s + start, i - start);
	}
	free(s);
	return found;
}

/*
 * Vadstena's five governance principles, "Handen på hjärtat" (Vadstena
 * kommun, tillitsbaserad styrning och ledning).  Keys are plain ASCII so
 * that they are easy to type in tags.
 */
static const struct tl_principle_preset vadstena[] = {
	{"tillit", "Tillit",
	 "Vi litar på varandras kompetens och vilja och ger handlingsutrymme "
	 "inom given ram."},
	{"transparens", "Transparens",
	 "Beslut, underlag och resultat är öppna och går att följa för "
	 "invånare och medarbetare."},
	{"rattssakerhet", "Rättssäkerhet",
	 "Lika fall behandlas lika, och beslut följer lagen och fattas i rätt "
	 "ordning."},
	{"effektivitet", "Effektivitet",
	 "Resurserna används där de gör störst nytta för invånarna."},
	{"kvalitet", "Kvalitet",
	 "Verksamheten håller utlovad kvalitet och följs upp utifrån effekt "
	 "och resultat."},
	{NULL, NULL, NULL},
};

/* The principles of the national trust delegation (Tillitsdelegationen). */
static const struct tl_principle_preset national[] = {
	{"tillit", "Tillit",
	 "Styrningen utgår från tillit till medarbetarnas kompetens och vilja "
	 "att göra ett gott arbete."},
	{"invanarfokus", "Invånarfokus",
	 "Invånarnas behov och förväntningar är utgångspunkten för "
	 "verksamheten."},
	{"helhetssyn", "Helhetssyn",
	 "Vi ser till helheten och samarbetar över gränserna mellan "
	 "verksamheter."},
	{"handlingsutrymme", "Handlingsutrymme",
	 "Medarbetarna har utrymme att fatta beslut nära invånaren."},
	{"stod", "Stöd",
	 "Chefer och styrning ger medarbetarna det stöd de behöver i sitt "
	 "arbete."},
	{"kunskap", "Kunskap",
	 "Beslut och utveckling bygger på kunskap, erfarenhet och "
	 "uppföljning."},
	{"oppenhet", "Öppenhet",
	 "Vi delar information öppet och välkomnar synpunkter och kritik."},
	{"langsiktighet", "Långsiktighet",
	 "Styrningen ger stabila förutsättningar och ser till effekter på "
	 "lång sikt."},
	{NULL, NULL, NULL},
};

const struct tl_principle_preset *tl_rules_preset(const char *name)
{
	if (eq(name, "vadstena"))
		return vadstena;
	if (eq(name, "national"))
		return national;
	return NULL;
}

enum tl_standing tl_rules_standing(const struct tl_record *r,
				   const char *today)
{
	const char *due;

	switch (r->e->kind) {
	case TL_K_FOLLOWUP:
		due = tl_record_get(r, TL_FOLLOWUP_DUE);
		if (strcmp(tl_record_str(r, TL_FOLLOWUP_STATUS), "open"))
			return TL_STANDING_DONE;
		return due && strcmp(due, today) < 0 ? TL_STANDING_OVERDUE
						     : TL_STANDING_NORMAL;
	case TL_K_MANDATE:
		due = tl_record_get(r, TL_MANDATE_VALID_UNTIL);
		if (strcmp(tl_record_str(r, TL_MANDATE_STATUS), "active"))
			return TL_STANDING_DONE;
		return due && strcmp(due, today) < 0 ? TL_STANDING_OVERDUE
						     : TL_STANDING_NORMAL;
	case TL_K_FRAME:
		if (strcmp(tl_record_str(r, TL_FRAME_STATUS), "active"))
			return TL_STANDING_DONE;
		return tl_record_get(r, TL_FRAME_ACKED_AT)
		       ? TL_STANDING_NORMAL : TL_STANDING_WAITING;
	default:
		return TL_STANDING_NORMAL;
	}
}
