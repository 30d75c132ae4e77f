/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * actions.c - the store's own actions on records, whatever engine holds
 * them: close a record the way its kind closes, mark a follow-up done,
 * acknowledge a frame, find "me" by login, and seed the principles.
 */
#include "tillit/store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/core/meeting.h"
#include "tillit/core/rules.h"
#include "backend.h"
#include "internal.h"

enum tl_status tl_store_close_record(struct tl_store *st, enum tl_kind kind,
				     const char *id, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(kind);
	struct tl_record *r = NULL;
	enum tl_status rc;

	if (!e || !e->close_value)
		return tl_error_set(err, TL_EUSAGE, _("A %s cannot be closed."),
				    e ? _(e->label) : _("record"));
	rc = tl_get(st, kind, id, &r, err);
	if (rc != TL_OK)
		return rc;
	if (e->open_values) {
		bool open = false;
		for (int i = 0; e->open_values[i]; i++)
			if (!strcmp(tl_record_str(r, e->status),
				    e->open_values[i]))
				open = true;
		if (!open) {
			rc = tl_error_set(err, TL_EREFUSED,
					  _("The %s is %s already."),
					  _(e->label),
					  _(tl_record_str(r, e->status)));
			tl_record_free(r);
			return rc;
		}
	}
	tl_record_set(r, e->status, e->close_value);
	rc = tl_store_update(st, r, err);
	tl_record_free(r);
	return rc;
}

enum tl_status tl_store_followup_done(struct tl_store *st, const char *id,
				      const char *outcome,
				      struct tl_error *err)
{
	struct tl_record *r = NULL;
	enum tl_status rc;

	if (!outcome || !*outcome)
		return tl_error_set(err, TL_EINVAL,
				    _("Say what came of it: an outcome is "
				    "required."));
	rc = tl_get(st, TL_K_FOLLOWUP, id, &r, err);
	if (rc != TL_OK)
		return rc;
	if (strcmp(tl_record_str(r, TL_FOLLOWUP_STATUS), "open")) {
		rc = tl_error_set(err, TL_EREFUSED,
				  _("The follow-up is %s already."),
				  _(tl_record_str(r, TL_FOLLOWUP_STATUS)));
		tl_record_free(r);
		return rc;
	}
	tl_record_set(r, TL_FOLLOWUP_STATUS, "done");
	tl_record_set(r, TL_FOLLOWUP_OUTCOME, outcome);
	rc = tl_store_update(st, r, err);
	tl_record_free(r);
	return rc;
}

enum tl_status tl_store_followup_carry(struct tl_store *st, const char *id,
				       const char *meeting_id,
				       const char *due, const char *owner,
				       char new_id[TL_ID_LEN + 1],
				       struct tl_error *err)
{
	static const int same[] = {TL_FOLLOWUP_TEXT, TL_FOLLOWUP_KIND,
				   TL_FOLLOWUP_OWNER, TL_FOLLOWUP_DUE,
				   TL_FOLLOWUP_MANDATE, TL_FOLLOWUP_FRAME};
	struct tl_record *r = NULL, *from = NULL, *to = NULL, *n = NULL;
	char *note = NULL;
	enum tl_status rc;

	rc = tl_get(st, TL_K_FOLLOWUP, id, &r, err);
	if (rc == TL_OK)
		rc = tl_get(st, TL_K_MEETING, meeting_id, &to, err);
	if (rc == TL_OK && tl_record_get(r, TL_FOLLOWUP_MEETING))
		rc = tl_get(st, TL_K_MEETING,
				  tl_record_get(r, TL_FOLLOWUP_MEETING), &from,
				  err);
	if (rc == TL_OK && strcmp(tl_record_str(r, TL_FOLLOWUP_STATUS), "open"))
		rc = tl_error_set(err, TL_EREFUSED, _("The follow-up is %s "
				  "already; only an open one is carried on."),
				  _(tl_record_str(r, TL_FOLLOWUP_STATUS)));
	else if (rc == TL_OK && from &&
		 strcmp(tl_record_str(to, TL_MEETING_STARTS),
			tl_record_str(from, TL_MEETING_STARTS)) <= 0)
		rc = tl_error_set(err, TL_EREFUSED, _("A follow-up is carried "
				  "on in a meeting after the one it was agreed "
				  "in (%s)."), tl_record_str(from,
							     TL_MEETING_STARTS));
	if (rc == TL_OK && !(n = tl_record_new(TL_K_FOLLOWUP)))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (size_t i = 0; rc == TL_OK && i < sizeof(same) / sizeof(*same);
	     i++)
		if (!tl_set_given(n, same[i], tl_record_get(r, same[i])))
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK && (!tl_record_set(n, TL_FOLLOWUP_MEETING, to->id) ||
			    !tl_set_given(n, TL_FOLLOWUP_DUE, due) ||
			    !tl_set_given(n, TL_FOLLOWUP_OWNER, owner)))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK)
		rc = tl_sp_begin(st, err);
	if (rc != TL_OK)
		goto out;
	rc = tl_store_insert(st, n, err);
	if (rc == TL_OK) {
		size_t len = strlen(tl_record_str(to, TL_MEETING_TITLE)) + 64;

		note = malloc(len);
		if (!note)
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
		else
			snprintf(note, len, _("Carried on in %s (%.8s)."),
				 tl_record_str(to, TL_MEETING_TITLE), n->id);
	}
	if (rc == TL_OK && (!tl_record_set(r, TL_FOLLOWUP_STATUS, "carried") ||
			    !tl_record_set(r, TL_FOLLOWUP_OUTCOME, note)))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK)
		rc = tl_store_update(st, r, err);
	if (rc == TL_OK && new_id)
		memcpy(new_id, n->id, TL_ID_LEN + 1);
	rc = tl_sp_end(st, rc, err);
out:
	free(note);
	tl_record_free(r);
	tl_record_free(from);
	tl_record_free(to);
	tl_record_free(n);
	return rc;
}

enum tl_status tl_store_frame_ack(struct tl_store *st, const char *id,
				  const char *person_id,
				  struct tl_error *err)
{
	struct tl_record *r = NULL;
	char now[TL_DATETIME_SIZE];
	const char *holder;
	enum tl_status rc;

	rc = tl_get(st, TL_K_FRAME, id, &r, err);
	if (rc != TL_OK)
		return rc;
	holder = tl_record_get(r, TL_FRAME_HOLDER_PERSON);
	if (!person_id)
		rc = tl_error_set(err, TL_EINVAL, _("Say who acknowledges the "
				  "frame."));
	/* An acknowledgement is the holder's own word. */
	else if (holder && strcmp(holder, person_id))
		rc = tl_error_set(err, TL_EREFUSED, _("Only the frame's "
				  "holder acknowledges it."));
	else if (tl_record_get(r, TL_FRAME_ACKED_AT))
		rc = tl_error_set(err, TL_EREFUSED,
				  _("Version %s of the frame was acknowledged "
				  "already, on %s."),
				  tl_record_str(r, TL_FRAME_VERSION),
				  tl_record_str(r, TL_FRAME_ACKED_AT));
	else if (strcmp(tl_record_str(r, TL_FRAME_STATUS), "active"))
		rc = tl_error_set(err, TL_EREFUSED,
				  _("The frame is closed; only an active frame "
				  "can be acknowledged."));
	if (rc == TL_OK)
		rc = tl_access_check(st, r, TL_RIGHT_ANSWER, err);
	if (rc == TL_OK) {
		tl_clock_datetime(now);
		tl_record_set(r, TL_FRAME_ACKED_BY, person_id);
		tl_record_set(r, TL_FRAME_ACKED_AT, now);
		rc = tl_update_internal(st, r, err);
	}
	tl_record_free(r);
	return rc;
}

enum tl_status tl_store_meeting_take_offer(struct tl_store *st,
					   const char *id, const char *title,
					   char number[16],
					   struct tl_error *err)
{
	struct tl_record *r = tl_record_new(TL_K_ITEM);
	enum tl_status rc;

	number[0] = '\0';
	if (!r || !tl_record_set(r, TL_ITEM_MEETING, id) ||
	    !tl_record_set(r, TL_ITEM_TITLE, title) ||
	    !tl_record_set(r, TL_ITEM_KIND, "information")) {
		tl_record_free(r);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	rc = tl_store_insert(st, r, err);
	if (rc == TL_OK)
		snprintf(number, 16, "%s", tl_record_str(r, TL_ITEM_NUMBER));
	tl_record_free(r);
	return rc;
}

enum tl_status tl_store_meeting_drop_offer(struct tl_store *st,
					   const char *id, const char *what,
					   struct tl_error *err)
{
	struct tl_record *m = NULL;
	const char *was;
	enum tl_status rc;
	char *list;
	size_t len;

	if (!what || !*what || strchr(what, ' '))
		return tl_error_set(err, TL_EINVAL, _("Say which offer to "
				    "drop."));
	rc = tl_get(st, TL_K_MEETING, id, &m, err);
	if (rc == TL_OK)
		rc = tl_access_check(st, m, TL_RIGHT_CHANGE, err);
	if (rc != TL_OK || tl_meeting_offer_dropped(m, what)) {
		tl_record_free(m);
		return rc;
	}
	was = tl_record_get(m, TL_MEETING_DROPPED);
	len = (was ? strlen(was) + 1 : 0) + strlen(what) + 1;
	if (!(list = malloc(len)))
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	else {
		snprintf(list, len, "%s%s%s", was ? was : "", was ? " " : "",
			 what);
		rc = tl_record_set(m, TL_MEETING_DROPPED, list)
			     ? tl_update_internal(st, m, err)
			     : tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	free(list);
	tl_record_free(m);
	return rc;
}

enum tl_status tl_store_person_by_login(struct tl_store *st,
					const char *login,
					char out[TL_ID_LEN + 1],
					struct tl_error *err)
{
	const struct tl_eq eq[] = {
		{TL_PERSON_LOGIN, login ? login : ""},
		{TL_PERSON_STATUS, "active"},
	};
	enum tl_status rc;
	bool found = false;

	rc = st->ops->find(st, TL_K_PERSON, eq, 2, NULL, out, &found, err);
	if (rc != TL_OK || found)
		return rc;
	return tl_error_set(err, TL_ENOTFOUND,
			    _("No active person has the login \"%.40s\"."),
			    login ? login : "");
}

enum tl_status tl_store_seed_principles(struct tl_store *st,
					const char *preset,
					struct tl_error *err)
{
	const struct tl_principle_preset *p =
		tl_rules_preset(preset ? preset : "vadstena");
	struct tl_query q = {.kind = TL_K_PRINCIPLE};
	enum tl_status rc;
	long n = 0;

	if (!p)
		return tl_error_set(err, TL_EINVAL,
				    _("\"%.40s\" is not a preset of principles; "
				      "choose vadstena or national."), preset);
	rc = tl_store_count(st, &q, &n, err);
	if (rc != TL_OK || n > 0)
		return rc;
	rc = tl_sp_begin(st, err);
	if (rc != TL_OK)
		return rc;
	for (int i = 0; rc == TL_OK && p[i].key; i++) {
		struct tl_record *r = tl_record_new(TL_K_PRINCIPLE);
		char pos[16];
		if (!r) {
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
			break;
		}
		snprintf(pos, sizeof(pos), "%d", i + 1);
		tl_record_set(r, TL_PRINCIPLE_KEY, p[i].key);
		tl_record_set(r, TL_PRINCIPLE_NAME, p[i].name);
		tl_record_set(r, TL_PRINCIPLE_DESCRIPTION, p[i].description);
		tl_record_set(r, TL_PRINCIPLE_POSITION, pos);
		rc = tl_store_insert(st, r, err);
		tl_record_free(r);
	}
	return tl_sp_end(st, rc, err);
}
