/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * minutes_doc.h - what the minutes (minutes.c), the summary of a
 * one-to-one (summary.c) and the sections they share (minutes_records.c)
 * know of each other.  Private to those three files.
 */
#ifndef TILLIT_EXPORT_MINUTES_DOC_H
#define TILLIT_EXPORT_MINUTES_DOC_H

#include <stdbool.h>

#include "tillit/export/doc.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/read/meeting.h"
#include "tillit/store/store.h"

/* One meeting's minutes being written. */
struct tl_minutes_doc {
	struct tl_doc *d;
	struct tl_refs refs;
	struct tl_meeting_data md;
	/* An extract (protokollsutdrag): the one item it holds. */
	const char *only_item;
	/* The own small protokoll of only_item, justered immediately,
	 * rather than an extract of the meeting's. */
	bool own;
};

/*
 * A label or a choice word as shown: translated, except in the canonical
 * form, whose digest must not depend on the language.
 */
static inline const char *L(const struct tl_minutes_doc *m,
			    const char *msgid)
	__attribute__((format_arg(2)));

static inline const char *L(const struct tl_minutes_doc *m,
			    const char *msgid)
{
	/* gettext("") is the catalogue's header. */
	return tl_doc_canonical(m->d) || !*msgid ? msgid : gettext(msgid);
}

/*
 * The name of a referred record ("" for NULL).  The canonical form names
 * it by id instead: people and units are not locked by signing, and
 * renaming one must not look like tampering with every meeting it was in.
 */
const char *tl_minutes_ref(struct tl_minutes_doc *m, enum tl_kind kind,
			   const char *id);
const char *tl_minutes_person(struct tl_minutes_doc *m, const char *id);

/* Whether participant p has this role. */
bool tl_minutes_role_is(const struct tl_record *p, const char *role);

/* NULL for someone present, else what their attendance was. */
const char *tl_minutes_attendance_note(struct tl_minutes_doc *m,
				       const struct tl_record *p);

/* Appends "Name (note)" or "Name" (note NULL) for participant p. */
void tl_minutes_join_person(struct tl_minutes_doc *m, struct tl_doc_join *j,
			    const struct tl_record *p, const char *note);

/* Compares follow-ups (qsort over struct tl_record *): by due date,
 * text and id. */
int tl_minutes_cmp_followups(const void *a, const void *b);

/* The sections both forms have. */
void tl_minutes_header(struct tl_minutes_doc *m, bool summary);
void tl_minutes_items(struct tl_minutes_doc *m);
void tl_minutes_mandates(struct tl_minutes_doc *m);
void tl_minutes_frames(struct tl_minutes_doc *m, const char *heading);
void tl_minutes_followups(struct tl_minutes_doc *m, const char *heading);
void tl_minutes_signatures(struct tl_minutes_doc *m);

/* What § items.v[i] records before its decision and after it
 * (minutes_paragraph.c); nothing unless the § parts were read. */
void tl_minutes_paragraph_before(struct tl_minutes_doc *m, int i);
void tl_minutes_paragraph_after(struct tl_minutes_doc *m, int i);
/* How far the immediate justering of § items.v[i] has come, when it has
 * begun (minutes_paragraph.c); never in the canonical form. */
void tl_minutes_paragraph_justering(struct tl_minutes_doc *m, int i);
/* Whether the § item is justered immediately; and its signatures: the
 * time of that justering, and a line for the secretary, the chair and
 * each justerare, with the signature each gave at the meeting. */
bool tl_minutes_paragraph_justered(const struct tl_minutes_doc *m,
				   const char *item);
void tl_minutes_paragraph_signatures(struct tl_minutes_doc *m,
				     const char *item);

/* The words of a signature after its signer: "2026-11-05 10:00, with
 * their own key" (caller frees). */
char *tl_minutes_signature_text(struct tl_minutes_doc *m,
				const struct tl_record *sg);
/* The layout of a committee's protokoll (minutes_formal.c): whether m is
 * written in it (a committee, not the canonical form), its attendance,
 * the governance note that ends each § (principles the names of its
 * principles, or NULL; grey whether it is in the grey zone), and the
 * signature lines (complete: the meeting is signed). */
bool tl_minutes_formal(const struct tl_minutes_doc *m);
void tl_minutes_formal_attendance(struct tl_minutes_doc *m);
void tl_minutes_governance_note(struct tl_minutes_doc *m,
				const struct tl_record *it,
				const char *principles, bool grey);
void tl_minutes_signature_lines(struct tl_minutes_doc *m, bool complete);

/* Who has a signature line in a committee's protokoll, in its order:
 * the secretary, the chair, the justerare (a role and its label). */
#define TL_MINUTES_NSIGNERS 3
struct tl_minutes_signer {
	const char *role;
	const char *label;
};
extern const struct tl_minutes_signer tl_minutes_signers[TL_MINUTES_NSIGNERS];

/* A line to sign on paper, before the name. */
#define TL_MINUTES_SIGN_LINE "................................"
/* The summary of a one-to-one (summary.c). */
void tl_minutes_summary(struct tl_minutes_doc *m);

#endif
