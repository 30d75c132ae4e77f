/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * demo_sign.c - justering in the demo municipality: Socialnämnden's
 * October meeting, frozen and signed by its chair and its adjuster with
 * their own keys six days after it, its notice posted two days later,
 * and a frame agreed there that its holder acknowledged afterwards; and
 * its November meeting, justered two days after it and announced the day
 * after, whose appeal window is still running.  The Barn- och
 * utbildningsnämnden meeting stays held, for a newcomer to sign.
 *
 * The demo's keys are made from each person's login (the SHA-256 of
 * "tillit demo key: LOGIN" is the ed25519 seed), so every demo database
 * has the same keys and real signatures that `tillit verify` and
 * `ssh-keygen -Y verify` check.  They are public, as the demo is: never
 * register one for a real person.
 */
#include "demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/service/sign.h"
#include "tillit/service/sshsig.h"
#include "tillit/store/audit.h"

/* The demo key of the person with this login: its seed. */
static void demo_seed(const char *login, unsigned char seed[32])
{
	char text[128], hex[65];

	snprintf(text, sizeof(text), "tillit demo key: %s", login);
	tl_sha256_hex(text, strlen(text), hex);
	for (int i = 0; i < 32; i++) {
		unsigned int b = 0;

		sscanf(hex + 2 * i, "%2x", &b);
		seed[i] = (unsigned char)b;
	}
}

/* Registers the demo key of person (whose login is login). */
static void register_key(struct demo *d, const char *person,
			 const char *login)
{
	unsigned char seed[32];
	struct tl_pubkey pk;
	char text[TL_PUBKEY_TEXT_SIZE], fpr[TL_PUBKEY_FPR_SIZE];
	struct tl_error e;

	demo_seed(login, seed);
	tl_pubkey_from_seed(seed, &pk);
	tl_pubkey_text(&pk, text);
	tl_pubkey_fingerprint(&pk, fpr);
	if (d->rc == TL_OK)
		demo_check(d, tl_store_key_add(d->st, person, text, fpr, NULL,
					       &e), &e, "cannot register a key");
}

/* person (login) signs meeting with their demo key. */
static void sign(struct demo *d, const char *meeting, const char *person,
		 const char *login)
{
	unsigned char seed[32];
	struct tl_sign_how how = {0};
	struct tl_error e;
	char *doc = NULL, *sig = NULL;

	if (d->rc != TL_OK)
		return;
	demo_seed(login, seed);
	demo_check(d, tl_justering_start(d->st, meeting, NULL, &e), &e,
		   "cannot send minutes to justering");
	if (d->rc == TL_OK)
		demo_check(d, tl_justering_document(d->st, meeting, &doc, &e),
			   &e, "cannot read the frozen minutes");
	if (d->rc == TL_OK)
		demo_check(d, tl_sshsig_sign_seed(seed, doc, strlen(doc),
						  TL_SSHSIG_NAMESPACE, &sig,
						  &e), &e, "cannot sign");
	how.sshsig = sig;
	if (d->rc == TL_OK)
		demo_check(d, tl_sign_meeting(d->st, meeting, person, &how,
					      NULL, &e), &e, "cannot sign");
	free(doc);
	free(sig);
}

/* A meeting of Socialnämnden with its chair, adjuster and secretary, and
 * the choice of adjuster as its first item. */
static void sn_meeting(struct demo *d, char *id, const char *title,
		       const char *starts, const char *ends)
{
	demo_add(d, TL_K_MEETING, id, TL_MEETING_TITLE, title,
		 TL_MEETING_KIND, "committee", TL_MEETING_UNIT, d->sn,
		 TL_MEETING_STARTS, demo_at(d, starts), TL_MEETING_ENDS,
		 demo_at(d, ends), TL_MEETING_LOCATION,
		 "Stadshuset, sessionssalen", TL_MEETING_STATUS, "held",
		 DEMO_END);
	demo_part(d, id, d->birgitta, "chair", "present");
	demo_part(d, id, d->sofia, "secretary", "present");
	demo_part(d, id, d->hassan, "adjuster", "present");
	demo_add(d, TL_K_ITEM, NULL, TL_ITEM_MEETING, id, TL_ITEM_TITLE,
		 "Val av justerare", TL_ITEM_KIND, "decision",
		 TL_ITEM_DECISION, "Hassan Al-Sayed utses att justera "
		 "protokollet.", TL_ITEM_STATUS, "closed", DEMO_END);
}

/*
 * Socialnämnden's meeting id signed by its chair and its adjuster with
 * their keys at the wall times chair_at and adjuster_at (the clock set
 * back, so that the law's clocks run as they would have), and its notice
 * posted by the secretary on the day `posted`.
 */
static void justered(struct demo *d, const char *id, const char *chair_at,
		     const char *adjuster_at, const char *posted)
{
	tl_clock_set(demo_at(d, chair_at));
	sign(d, id, d->birgitta, "birgitta.ohman");
	tl_clock_set(demo_at(d, adjuster_at));
	sign(d, id, d->hassan, "hassan.alsayed");
	tl_clock_set(NULL);
	demo_add(d, TL_K_NOTICE, NULL, TL_NOTICE_MEETING, id,
		 TL_NOTICE_POSTED_ON, demo_day(d, posted), TL_NOTICE_KEPT_AT,
		 "Socialförvaltningen, Stadshuset", TL_NOTICE_POSTED_BY,
		 d->sofia, DEMO_END);
}

void demo_justering(struct demo *d)
{
	demo_id oct, nov, frame;

	/* Registered before the October meeting was signed (below). */
	tl_clock_set(demo_at(d, "-30d 09:00"));
	register_key(d, d->birgitta, "birgitta.ohman");
	register_key(d, d->hassan, "hassan.alsayed");
	tl_clock_set(NULL);

	sn_meeting(d, oct, "Socialnämndens sammanträde i oktober",
		   "-35d 18:00", "-35d 20:00");
	demo_part(d, oct, d->ingrid, "guest", "present");
	demo_add(d, TL_K_ITEM, NULL, TL_ITEM_MEETING, oct, TL_ITEM_TITLE,
		 "Bemanning i hemtjänsten 2027", TL_ITEM_KIND, "decision",
		 TL_ITEM_QUESTION, "what", TL_ITEM_DECIDED_BY, "politics",
		 TL_ITEM_TAGS, "tillit,kvalitet", TL_ITEM_CASE_REF,
		 "SN 2026/77", TL_ITEM_DECISION, "Nämnden ger socialchefen en "
		 "ram på 2,4 miljoner kronor för ökad bemanning i hemtjänsten "
		 "2027. Förvaltningen avgör hur bemanningen ordnas.",
		 TL_ITEM_STATUS, "closed", DEMO_END);
	demo_add(d, TL_K_FRAME, frame, TL_FRAME_DESCRIPTION,
		 "Ökad bemanning i hemtjänsten 2027", TL_FRAME_KIND, "budget",
		 TL_FRAME_HOLDER_PERSON, d->ingrid, TL_FRAME_AMOUNT, "2400000",
		 TL_FRAME_AMOUNT_UNIT, "SEK", TL_FRAME_TRUST, "high",
		 TL_FRAME_MEETING, oct, DEMO_END);
	/* Justered six days after the meeting, as it happened: the clock
	 * is set back for the signatures, so that the law's clocks run as
	 * they would have (core/clocks.h).  The notice went up two days
	 * later; its appeal window has ended since. */
	justered(d, oct, "-29d 10:00", "-29d 14:30", "-27d");
	/* Later work: the holder acknowledges the frame after signing. */
	demo_ack(d, frame, d->ingrid);

	sn_meeting(d, nov, "Socialnämndens sammanträde i november",
		   "-9d 18:00", "-9d 19:30");
	demo_add(d, TL_K_ITEM, NULL, TL_ITEM_MEETING, nov, TL_ITEM_TITLE,
		 "Uppföljning av bemanningen i hemtjänsten", TL_ITEM_KIND,
		 "information", TL_ITEM_TAGS, "transparens", TL_ITEM_DECISION,
		 "Informationen läggs till handlingarna.", TL_ITEM_STATUS,
		 "closed", DEMO_END);
	/* Justered two days after the meeting and announced the day after:
	 * its appeal window is still running. */
	justered(d, nov, "-7d 09:00", "-7d 09:30", "-6d");
}
