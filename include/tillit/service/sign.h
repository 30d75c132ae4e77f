/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * sign.h - signing (justering) and verifying minutes.
 *
 * A committee meeting is signed by its chair and each adjuster; a
 * one-to-one is confirmed by both parties (manager and employee); other
 * meetings by their chair.  Justering starts when the minutes are sent
 * to it or at the first signature: the minutes are frozen, and each
 * signature is an SSH signature over that frozen text by the signer's
 * own key (service/sshsig.h), or one recorded as made on paper.  When the
 * last signature is in, the meeting becomes `signed`: it and everything
 * recorded in it are locked (the store refuses changes and SQLite
 * triggers refuse them too), but for later work.
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

/* How a signature is made. */
struct tl_sign_how {
	/* An SSH signature (armored) by the signer over the frozen minutes
	 * (tl_justering_document), checked against the key registered for
	 * them; or NULL. */
	const char *sshsig;
	/* Or: the person who records that the signer signed on paper. */
	const char *recorded_by;
};

/*
 * person_id signs meeting_id as `how` says.  The first signature freezes
 * the minutes, if they were not sent to justering before.  TL_EREFUSED
 * when the meeting is not held yet, is signed already, the person is not
 * one who signs it (or has signed), or the signature is not good.
 * *complete is set true when this was the last signature and the meeting
 * is now signed and locked (may be NULL).
 */
enum tl_status tl_sign_meeting(struct tl_store *st, const char *meeting_id,
			       const char *person_id,
			       const struct tl_sign_how *how, bool *complete,
			       struct tl_error *err);

/*
 * person_id signs meeting_id with their own key: the minutes are frozen
 * (if they were not), signed by `ssh-keygen -Y sign` with keyfile (NULL:
 * ~/.ssh/id_ed25519 of the account this runs as; a .pub file signs
 * through ssh-agent), and the signature is checked and recorded as
 * tl_sign_meeting does.  ssh-keygen may ask for the key's passphrase on
 * the terminal.  TL_EINVAL when there is no key file.
 */
enum tl_status tl_sign_with_key(struct tl_store *st, const char *meeting_id,
				const char *person_id, const char *keyfile,
				bool *complete, struct tl_error *err);

/*
 * Sends a held meeting to justering: freezes its minutes as they are
 * now.  *started (may be NULL) is false when they were frozen already.
 * TL_EREFUSED when the meeting is not held, is signed, or has no one to
 * sign it.
 */
enum tl_status tl_justering_start(struct tl_store *st, const char *meeting_id,
				  bool *started, struct tl_error *err);

/* The frozen minutes of meeting_id, the text the signers sign, into
 * *document (caller frees).  TL_EREFUSED when they are not frozen. */
enum tl_status tl_justering_document(struct tl_store *st,
				     const char *meeting_id, char **document,
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

/* *due when person_id is one who signs meeting_id and has not yet. */
enum tl_status tl_sign_due(struct tl_store *st, const char *meeting_id,
			   const char *person_id, bool *due,
			   struct tl_error *err);

/* One finding of verify on meeting_id: a sentence without its full
 * stop. */
typedef void (*tl_verify_cb)(void *ctx, const char *meeting_id,
			     const char *finding);

/* What verify checked and found. */
struct tl_verify_count {
	long meetings;   /* under justering or signed */
	long keys;       /* signatures made with the signer's key */
	long paper;      /* signatures recorded as made on paper */
	long legacy;     /* signatures from before signing with keys */
	long unchecked;  /* made with keys this database does not hold (an
			  * import carries no keys) */
	long findings;
};

/*
 * Checks one meeting under justering or signed (meeting_id), or every
 * one (NULL): the frozen minutes against their digest and their
 * recording, the live records against what was frozen (one finding per
 * changed line), each signature against the frozen minutes and the key
 * of its signer, signatures dated before the meeting, and a signed
 * meeting's signers all having signed.  cb is called once per finding.
 * TL_EREFUSED when meeting_id is neither under justering nor signed;
 * TL_ENOTFOUND when it does not exist.
 */
enum tl_status tl_verify(struct tl_store *st, const char *meeting_id,
			 tl_verify_cb cb, void *ctx,
			 struct tl_verify_count *count, struct tl_error *err);

#endif
