/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * meeting.c - the order of a meeting's participants and the numbers of
 * its agenda items, for the screen and the documents alike.
 *
 * Participants are listed as minutes list them: chair, secretary,
 * adjusters, members and on in the model's order of roles, by name
 * within a role, and by record id when even the names agree, so that the
 * order never depends on how the rows happened to come.  Items go by
 * their (§) number; an item without one goes by its place in the agenda.
 */
#include "tillit/core/meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/collate.h"

int tl_meeting_role_rank(const char *role)
{
	const struct tl_field *f =
		&tl_entity_get(TL_K_PARTICIPANT)->fields[TL_PART_ROLE];

	for (int i = 0; role && f->choices[i]; i++)
		if (!strcmp(f->choices[i], role))
			return i;
	return TL_MEETING_ROLE_UNKNOWN;
}

int tl_meeting_part_cmp(const struct tl_record *a, const char *name_a,
			const struct tl_record *b, const char *name_b)
{
	int c = tl_meeting_role_rank(tl_record_get(a, TL_PART_ROLE)) -
		tl_meeting_role_rank(tl_record_get(b, TL_PART_ROLE));

	if (!c)
		c = tl_collate_cmp(name_a ? name_a : "", name_b ? name_b : "");
	if (!c)
		c = strcmp(a->id, b->id);
	return c;
}

/* An insertion sort: qsort could not carry the names along, and the
 * list is short. */
void tl_meeting_sort_parts(struct tl_record **parts, char **names, int n)
{
	for (int i = 1; i < n; i++) {
		struct tl_record *x = parts[i];
		char *xn = names[i];
		int j = i - 1;

		while (j >= 0 && tl_meeting_part_cmp(parts[j], names[j], x,
						     xn) > 0) {
			parts[j + 1] = parts[j];
			names[j + 1] = names[j];
			j--;
		}
		parts[j + 1] = x;
		names[j + 1] = xn;
	}
}

int tl_meeting_item_cmp(const void *pa, const void *pb)
{
	const struct tl_record *a = *(struct tl_record *const *)pa;
	const struct tl_record *b = *(struct tl_record *const *)pb;
	long na = atol(tl_record_str(a, TL_ITEM_NUMBER));
	long nb = atol(tl_record_str(b, TL_ITEM_NUMBER));

	if (na != nb)
		return na < nb ? -1 : 1;
	return strcmp(a->id, b->id);
}

void tl_meeting_item_no(const struct tl_record *item, int pos, char *buf,
			size_t size)
{
	const char *n = tl_record_get(item, TL_ITEM_NUMBER);

	if (n)
		snprintf(buf, size, "%s", n);
	else
		snprintf(buf, size, "%d", pos);
}

void tl_meeting_item_label(const struct tl_record *item, int pos,
			   bool committee, char *buf, size_t size)
{
	char no[24];

	tl_meeting_item_no(item, pos, no, sizeof(no));
	snprintf(buf, size, committee ? "\xC2\xA7 %s" : "%s.", no);
}

void tl_meeting_paragraph_range(struct tl_record *const *items, int n,
				char *buf, size_t size)
{
	long lo = 0, hi = 0;

	for (int i = 0; i < n; i++) {
		const char *v = tl_record_get(items[i], TL_ITEM_NUMBER);
		long no = v ? atol(v) : 0;

		if (no > 0 && (!lo || no < lo))
			lo = no;
		if (no > hi)
			hi = no;
	}
	if (size == 0)
		return;
	buf[0] = '\0';
	if (lo && lo == hi)
		snprintf(buf, size, "\xC2\xA7 %ld", lo);
	else if (lo)
		snprintf(buf, size, "\xC2\xA7\xC2\xA7 %ld\xE2\x80\x93%ld", lo, hi);
}

const char *const *tl_meeting_signing_roles(const char *kind)
{
	static const char *const committee[] = {"chair", "adjuster", NULL};
	static const char *const one_to_one[] = {"manager", "employee", NULL};
	static const char *const chair[] = {"chair", NULL};

	if (kind && !strcmp(kind, "committee"))
		return committee;
	if (kind && !strcmp(kind, "one_to_one"))
		return one_to_one;
	return chair;
}

bool tl_meeting_role_signs(const char *kind, const char *role)
{
	if (!role)
		return false;
	for (const char *const *r = tl_meeting_signing_roles(kind); *r; r++)
		if (!strcmp(*r, role))
			return true;
	return false;
}

int tl_meeting_cmp_text(const char *a, const char *b)
{
	if (!a || !b)
		return a ? -1 : b ? 1 : 0;
	return strcmp(a, b);
}

int tl_meeting_cmp_name(const char *a, const char *b)
{
	if (!a || !b)
		return a ? -1 : b ? 1 : 0;
	return tl_collate_cmp(a, b);
}

bool tl_meeting_offer_dropped(const struct tl_record *m, const char *id)
{
	const char *d = tl_record_get(m, TL_MEETING_DROPPED);
	size_t n = id ? strlen(id) : 0;

	for (const char *p = d; p && n && (p = strstr(p, id)); p += n)
		if ((p == d || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return true;
	return false;
}
