/*
 * sign.h - signing (justering) and verifying minutes.
 *
 * A committee meeting is signed by its chair and each adjuster; a
 * one-to-one is confirmed by both parties (manager and employee); other
 * meetings by their chair.  When the last signature is in, the meeting
 * becomes `signed`: it and everything recorded in it are locked (the
 * store refuses changes and SQLite triggers refuse them too), and the
 * SHA-256 digest of the canonical minutes (minutes.h) is stored.
 */
#ifndef TILLIT_SIGN_H
#define TILLIT_SIGN_H

#include <stdbool.h>
#include <stddef.h>

#include "tillit/core/error.h"
#include "tillit/core/model.h"
/* tl_sha256_hex, declared here before it moved to the store. */
#include "tillit/store/audit.h"
#include "tillit/store/store.h"

/*
 * person_id signs meeting_id.  TL_EREFUSED when the meeting is not held
 * yet, is signed already, or the person is not one who signs it (or has
 * signed).  *complete is set true when this was the last signature and the
 * meeting is now signed and locked (may be NULL).
 */
enum tl_status tl_sign_meeting(struct tl_store *st, const char *meeting_id,
			       const char *person_id, bool *complete,
			       struct tl_error *err);

/* One who signs a meeting. */
struct tl_signer {
	char person[TL_ID_LEN + 1];
	char role[16];       /* the role they sign in: chair, adjuster, ... */
	bool has_signed;
	char signed_at[17];  /* "YYYY-MM-DD HH:MM" when has_signed, else "" */
};

/*
 * Everyone who signs meeting_id, in the order of its participants (the
 * chair first), and whether they have signed: *signers (n of them; the
 * caller frees it with free()).  Participants marked absent or excused
 * do not sign.  *n may be 0 (no chair or adjuster recorded).
 */
enum tl_status tl_sign_signers(struct tl_store *st, const char *meeting_id,
			       struct tl_signer **signers, int *n,
			       struct tl_error *err);

/* One signed meeting whose stored digest no longer matches (stored is
 * NULL when the meeting is marked signed but has no digest). */
typedef void (*tl_verify_cb)(void *ctx, const char *meeting_id,
			     const char *title, const char *stored,
			     const char *actual);

/*
 * Recomputes the digest of one signed meeting (meeting_id) or of every
 * signed meeting (NULL), calling cb for each that does not match.
 * *checked and *bad count them (may be NULL).  TL_EREFUSED when
 * meeting_id is not signed; TL_ENOTFOUND when it does not exist.
 */
enum tl_status tl_verify_meetings(struct tl_store *st, const char *meeting_id,
				  tl_verify_cb cb, void *ctx, long *checked,
				  long *bad, struct tl_error *err);

#endif
