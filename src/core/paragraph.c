/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * paragraph.c - the rules of a § that need no database (paragraph.h).
 */
#include "tillit/core/paragraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/meeting.h"

static bool is(const char *a, const char *b)
{
	return a && !strcmp(a, b);
}

bool tl_attendee_holds_seat(const char *role)
{
	return is(role, "chair") || is(role, "adjuster") || is(role, "member");
}

bool tl_attendee_takes_part(const char *role)
{
	return tl_attendee_holds_seat(role) || is(role, "substitute");
}

bool tl_attendee_decides(const struct tl_attendee *a, long item_no)
{
	bool seat = tl_attendee_holds_seat(a->role) ||
		    (is(a->role, "substitute") && a->replaces);

	return seat && is(a->attendance, "present") && !a->disqualified &&
	       (a->from_no <= 0 || item_no >= a->from_no) &&
	       (a->until_no <= 0 || item_no <= a->until_no);
}

bool tl_quorum(long n, long seats)
{
	return seats <= 0 || 2 * n > seats;
}

/* The integer in field i of r; 0 when unset. */
static long num(const struct tl_record *r, int i)
{
	const char *v = tl_record_get(r, i);

	return v ? atol(v) : 0;
}

enum tl_status tl_vote_check(const struct tl_record *v, struct tl_error *err)
{
	long yes = num(v, TL_VOTE_YES), no = num(v, TL_VOTE_NO);
	const char *result = tl_record_get(v, TL_VOTE_RESULT);
	bool casting = is(tl_record_get(v, TL_VOTE_CASTING), "1");

	if (!result)
		return TL_OK; /* a required field: the field check says so */
	if (yes != no && casting)
		return tl_error_set(err, TL_EINVAL, _("Chair's casting vote: it "
				    "decides a tie only, and %ld yes against "
				    "%ld no is none."), yes, no);
	if (yes == no && !casting)
		return tl_error_set(err, TL_EINVAL, _("Result: %ld yes and %ld "
				    "no are a tie, which the chair's casting "
				    "vote decides; set casting to 1."), yes,
				    no);
	if (yes > no && !is(result, "yes"))
		return tl_error_set(err, TL_EINVAL, _("Result: %ld yes against "
				    "%ld no carries yes, not no."), yes, no);
	if (no > yes && !is(result, "no"))
		return tl_error_set(err, TL_EINVAL, _("Result: %ld no against "
				    "%ld yes carries no, not yes."), no, yes);
	return TL_OK;
}

enum tl_status tl_entry_check(const struct tl_record *r, struct tl_error *err)
{
	const char *kind = tl_record_get(r, TL_ENTRY_KIND);
	const char *person = tl_record_get(r, TL_ENTRY_PERSON);
	const char *text = tl_record_get(r, TL_ENTRY_TEXT);

	if ((is(kind, "reservation") || is(kind, "statement") ||
	     is(kind, "disqualified")) && !person)
		return tl_error_set(err, TL_EINVAL, _("Person: a %s needs the "
				    "member it concerns; set person."),
				    _(kind));
	if ((is(kind, "basis") || is(kind, "procedure")) && !text)
		return tl_error_set(err, TL_EINVAL, _("Text: a %s is its text; "
				    "set text."), _(kind));
	if (is(kind, "justering") && !person)
		return tl_error_set(err, TL_EINVAL, _("Person: immediate "
				    "justering is signed by the chair or a "
				    "justerare; set person."));
	if (is(kind, "recipient") && !person && !text &&
	    !tl_record_get(r, TL_ENTRY_UNIT))
		return tl_error_set(err, TL_EINVAL, _("A recipient is a person, "
				    "a unit or a name; set person, unit or "
				    "text."));
	return TL_OK;
}

void tl_paragraph_justering(const char *meeting_kind,
			    struct tl_record *const *parts, int nparts,
			    struct tl_record *const *entries, int nentries,
			    const char *item, struct tl_par_justering *out)
{
	memset(out, 0, sizeof(*out));
	for (int i = 0; i < nparts; i++) {
		const char *person = tl_record_get(parts[i], TL_PART_PERSON);
		const char *latest = NULL;

		if (!tl_meeting_role_signs(meeting_kind,
					   tl_record_get(parts[i],
							 TL_PART_ROLE)))
			continue;
		out->signers++;
		for (int k = 0; k < nentries; k++) {
			const struct tl_record *e = entries[k];

			if (is(tl_record_get(e, TL_ENTRY_KIND), "justering") &&
			    is(tl_record_get(e, TL_ENTRY_ITEM), item) &&
			    is(tl_record_get(e, TL_ENTRY_PERSON), person))
				latest = e->created_at;
		}
		if (!latest)
			continue;
		out->nsigned++;
		if (strcmp(latest, out->at) > 0)
			snprintf(out->at, sizeof(out->at), "%s", latest);
	}
	out->complete = out->signers > 0 && out->nsigned == out->signers;
}
