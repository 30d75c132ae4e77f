/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * core/meeting.h - the rules of how a meeting is listed, the same on the
 * screen and in every document: the order of its participants and the
 * number each agenda item goes by.  These are the rules the minutes have
 * always followed; their canonical text is signed, so they must not
 * change.
 */
#ifndef TILLIT_CORE_MEETING_H
#define TILLIT_CORE_MEETING_H

#include <stdbool.h>
#include <stddef.h>

#include "tillit/core/model.h"

/* The rank of a role the participant model does not know (or none). */
#define TL_MEETING_ROLE_UNKNOWN 99

/*
 * The rank of a meeting role: its place in the participant model's list
 * of roles (chair 0, secretary 1, adjuster 2, ...), TL_MEETING_ROLE_UNKNOWN
 * for NULL or a role not in the list.
 */
int tl_meeting_role_rank(const char *role);

/*
 * Compares two participants for the order they are listed in: by the
 * rank of their role, then by name (byte order), then by the
 * participant records' ids.  name_a and name_b are the names as the
 * reader shows them (the canonical minutes name people by id, and so
 * order by id); NULL counts as "".  Negative, zero or positive.
 */
int tl_meeting_part_cmp(const struct tl_record *a, const char *name_a,
			const struct tl_record *b, const char *name_b);

/*
 * Sorts n participants in that order; names[i] is parts[i]'s name and
 * moves with it.  Neither array may be NULL when n > 0.
 */
void tl_meeting_sort_parts(struct tl_record **parts, char **names, int n);

/*
 * Compares two agenda items (qsort over struct tl_record *) for the
 * agenda's order: by number, an unnumbered item as 0, then by id.
 */
int tl_meeting_item_cmp(const void *a, const void *b);

/*
 * The number an item goes by, into buf ("4"): its number, or for an
 * unnumbered item its position pos (from 1) in the agenda.
 */
void tl_meeting_item_no(const struct tl_record *item, int pos, char *buf,
			size_t size);

/*
 * The number as it stands before the item's title, into buf: "§ 4" in a
 * committee (§ numbers), "4." in other meetings.
 */
void tl_meeting_item_label(const struct tl_record *item, int pos,
			   bool committee, char *buf, size_t size);

/*
 * The §§ a committee's items hold, into buf: "§§ 3–15" from the lowest
 * and highest § number, "§ 4" for one, "" when none is numbered.
 */
void tl_meeting_paragraph_range(struct tl_record *const *items, int n,
				char *buf, size_t size);

/*
 * The meeting roles that sign (justering) a meeting of this kind, in the
 * order they sign, NULL-terminated: the chair and the adjusters of a
 * committee, both parties of a one-to-one, the chair of other meetings.
 * A static list.
 */
const char *const *tl_meeting_signing_roles(const char *kind);

/* True when a participant in `role` signs a meeting of this kind. */
bool tl_meeting_role_signs(const char *kind, const char *role);

/* strcmp, with an unset value (NULL) after every set one. */
int tl_meeting_cmp_text(const char *a, const char *b);

/* As tl_meeting_cmp_text, but names and titles in Swedish order
 * (collate.h). */
int tl_meeting_cmp_name(const char *a, const char *b);

/*
 * Whether the agenda offer of the mandate or execution `id` was dropped
 * from meeting m (its dropped field: ids, each after a space).
 */
bool tl_meeting_offer_dropped(const struct tl_record *m, const char *id);

#endif
