/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * keys.c - the public keys people register to sign with: one current key
 * a person, the earlier ones kept, and which key was current when.
 *
 * A key is registered, never edited or removed: registering another
 * retires the current one, in the same transaction and with an audit
 * row on the person that names both fingerprints.  A signature made
 * while a key was current stays checkable against it, however often
 * the person changes keys later.  What a key is (its type, its
 * fingerprint) is the signing service's; the store keeps the text.
 */
#include "tillit/store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "backend.h"
#include "internal.h"

/* Text fit to keep: not empty, one line, shorter than size. */
static bool fits(const char *s, size_t size)
{
	return s && *s && strlen(s) < size && !strpbrk(s, "\r\n");
}

/* The person's current key into *cur (*has false when none). */
static enum tl_status current_key(struct tl_store *st, const char *person,
				  struct tl_person_key *cur, bool *has,
				  struct tl_error *err)
{
	struct tl_person_key *keys = NULL;
	enum tl_status rc;
	int n = 0;

	*has = false;
	rc = st->ops->keys(st, person, NULL, &keys, &n, err);
	for (int i = n - 1; rc == TL_OK && i >= 0; i--) {
		if (!keys[i].retired_at[0]) {
			*cur = keys[i];
			*has = true;
			break;
		}
	}
	free(keys);
	return rc;
}

/* TL_EREFUSED when the key with this fingerprint is, or was, another
 * person's. */
static enum tl_status check_not_others(struct tl_store *st,
				       const char *person,
				       const char *fingerprint,
				       struct tl_error *err)
{
	struct tl_person_key *keys = NULL;
	struct tl_record *other = NULL;
	enum tl_status rc;
	int n = 0, i;

	rc = st->ops->keys(st, NULL, fingerprint, &keys, &n, err);
	for (i = 0; rc == TL_OK && i < n; i++)
		if (strcmp(keys[i].person, person))
			break;
	if (rc == TL_OK && i < n) {
		tl_get(st, TL_K_PERSON, keys[i].person, &other, NULL);
		rc = tl_error_set(err, TL_EREFUSED, _("That key is registered "
				  "for %s; a key belongs to one person."),
				  other ? tl_record_str(other,
							TL_PERSON_NAME)
					: keys[i].person);
		tl_record_free(other);
	}
	free(keys);
	return rc;
}

enum tl_status tl_store_key_add(struct tl_store *st, const char *person_id,
				const char *pubkey, const char *fingerprint,
				struct tl_person_key *out,
				struct tl_error *err)
{
	struct tl_person_key k, cur;
	struct tl_record *person = NULL;
	char now[TL_STAMP_SIZE];
	enum tl_status rc;
	bool has = false;

	if (!fits(pubkey, sizeof(k.pubkey)) ||
	    !fits(fingerprint, sizeof(k.fingerprint)))
		return tl_error_set(err, TL_EINVAL, _("A key is registered "
				    "as one line of text with its "
				    "fingerprint."));
	rc = tl_get(st, TL_K_PERSON, person_id ? person_id : "",
			  &person, err);
	if (rc == TL_ENOTFOUND)
		return tl_error_set(err, TL_EINVAL, _("Person: no person has "
				    "the id %s."), person_id ? person_id : "");
	if (rc != TL_OK)
		return rc;
	/* Who may register a key for whom is decided by the caller. */
	rc = tl_sp_begin(st, err);
	if (rc != TL_OK) {
		tl_record_free(person);
		return rc;
	}
	rc = current_key(st, person_id, &cur, &has, err);
	if (rc == TL_OK && has && !strcmp(cur.fingerprint, fingerprint))
		rc = tl_error_set(err, TL_EREFUSED, _("That key is the current "
				  "key of %s already."),
				  tl_record_str(person, TL_PERSON_NAME));
	tl_record_free(person);
	if (rc == TL_OK)
		rc = check_not_others(st, person_id, fingerprint, err);
	memset(&k, 0, sizeof(k));
	tl_id_new(k.id);
	snprintf(k.person, sizeof(k.person), "%s", person_id);
	snprintf(k.pubkey, sizeof(k.pubkey), "%s", pubkey);
	snprintf(k.fingerprint, sizeof(k.fingerprint), "%s", fingerprint);
	tl_clock_stamp(now);
	snprintf(k.added_at, sizeof(k.added_at), "%s", now);
	/* A clock set back must not make the old key outlive the new. */
	if (rc == TL_OK && has && strcmp(cur.added_at, now) > 0)
		rc = tl_error_set(err, TL_EREFUSED, _("The current key was "
				  "registered at %s, later than now; check "
				  "the clock."), cur.added_at);
	if (rc == TL_OK && has)
		rc = st->ops->key_retire(st, cur.id, now, err);
	if (rc == TL_OK)
		rc = st->ops->key_add(st, &k, err);
	if (rc == TL_OK)
		rc = tl_audit_add(st, "people", person_id, "update", "key",
				  has ? cur.fingerprint : NULL, fingerprint,
				  err);
	rc = tl_sp_end(st, rc, err);
	if (rc == TL_OK && out)
		*out = k;
	return rc;
}

enum tl_status tl_store_keys(struct tl_store *st, const char *person_id,
			     struct tl_person_key **keys, int *n,
			     struct tl_error *err)
{
	return st->ops->keys(st, person_id ? person_id : "", NULL, keys, n,
			     err);
}

enum tl_status tl_store_key_at(struct tl_store *st, const char *person_id,
			       const char *at, struct tl_person_key *out,
			       struct tl_error *err)
{
	struct tl_person_key *keys = NULL;
	enum tl_status rc;
	int n = 0, found = -1;

	rc = tl_store_keys(st, person_id, &keys, &n, err);
	/* The last registered by then, and not retired by then; stamps of
	 * one form compare as strings. */
	for (int i = 0; rc == TL_OK && i < n; i++)
		if (at ? strcmp(keys[i].added_at, at) <= 0 &&
			 (!keys[i].retired_at[0] ||
			  strcmp(keys[i].retired_at, at) > 0)
		       : !keys[i].retired_at[0])
			found = i;
	if (rc == TL_OK && found < 0 && at && n)
		rc = tl_error_set(err, TL_ENOTFOUND, _("The person had no "
				  "registered key at %s."), at);
	else if (rc == TL_OK && found < 0)
		rc = tl_error_set(err, TL_ENOTFOUND, _("The person has no "
				  "registered key."));
	if (rc == TL_OK)
		*out = keys[found];
	free(keys);
	return rc;
}
