/*
 * sign_cmd.c - signing meetings and checking signed ones (sign.h):
 *
 *   tillit sign MEETING --by PERSON
 *   tillit sign MEETING --reopen
 *   tillit verify [MEETING]
 *
 * sign records one signature; from the first one the meeting is under
 * justering and cannot change, and at the last one it is signed and
 * locked, and the digest of its minutes is stored.  --reopen voids the
 * signatures given so far, so that the meeting can change again.  verify
 * recomputes the digests and names every signed meeting whose content no
 * longer matches, one line each on stdout, then fails (exit 1) with one
 * sentence; then it walks the audit log's hash chain and names the
 * first row that breaks it in the same way.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/service/sign.h"
#include "tillit/store/store.h"

/* ---- sign ------------------------------------------------------------ */


/* Prints who signed, and who is still to sign or that it is locked. */
static enum tl_status print_signed(struct cli *c, struct tl_store *st,
				   const char *meeting, const char *person,
				   bool complete)
{
	struct tl_signer *s = NULL;
	struct tl_refs refs;
	enum tl_status rc;
	int n = 0, waiting = 0;

	rc = tl_sign_signers(st, meeting, &s, &n, &c->err);
	if (rc != TL_OK)
		return rc;
	tl_refs_init(&refs, st);
	for (int i = 0; i < n; i++) {
		if (strcmp(s[i].person, person))
			continue;
		printf(_("%s signed \"%s\" as %s, %s.\n"),
		       tl_refs_title(&refs, TL_K_PERSON, person),
		       tl_refs_title(&refs, TL_K_MEETING, meeting),
		       _(s[i].role), s[i].signed_at);
	}
	if (complete) {
		puts(_("The meeting is now signed and locked."));
	} else {
		fputs(_("Still to sign:"), stdout);
		for (int i = 0; i < n; i++) {
			if (s[i].has_signed)
				continue;
			printf("%s %s (%s)", waiting++ ? "," : "",
			       tl_refs_title(&refs, TL_K_PERSON, s[i].person),
			       _(s[i].role));
		}
		puts(".");
	}
	tl_refs_done(&refs);
	free(s);
	return TL_OK;
}

/* sign --reopen: voids the signatures of a meeting under justering. */
static enum tl_status reopen(struct cli *c, struct tl_store *st,
			     const char *meeting)
{
	struct tl_refs refs;
	enum tl_status rc;
	long n = 0;

	rc = tl_store_reopen(st, meeting, &n, &c->err);
	if (rc != TL_OK)
		return rc;
	tl_refs_init(&refs, st);
	printf(_("Justering of \"%s\" is reopened; signatures voided: %ld. "
		 "Everyone signs again.\n"),
	       tl_refs_title(&refs, TL_K_MEETING, meeting), n);
	tl_refs_done(&refs);
	return TL_OK;
}

enum tl_status cli_cmd_sign(struct cli *c, int argc, char **argv)
{
	char meeting[TL_ID_LEN + 1], person[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	const char *by = NULL;
	enum tl_status rc = TL_OK;
	bool complete = false, reopening = false;
	const struct cli_opt opts[] = {
		{"by", 0, true, "PERSON", N_("who signs: an id, a prefix or a "
		 "name"), .str = &by},
		{"reopen", 0, false, NULL, N_("reopen justering: void the "
		 "signatures given so far"), .on = &reopening},
		{0},
	};
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = opts,
		.usage = N_("Usage: tillit sign MEETING --by PERSON\n"
			    "       tillit sign MEETING --reopen\n\n"
			    "Signs a meeting that has been held (justering).  "
			    "A committee meeting is\nsigned by its chair and "
			    "its adjusters, a one-to-one is confirmed "
			    "by\nthe manager and the employee, and other "
			    "meetings by their chair.  From\nthe first "
			    "signature the meeting is under justering: "
			    "nothing it recorded\ncan change, so that "
			    "everyone signs the same minutes.  --reopen "
			    "voids the\nsignatures given so far, and the "
			    "meeting can change again.  When the\nlast "
			    "signature is in, the meeting and everything "
			    "recorded in it are\nlocked, and the SHA-256 "
			    "digest of its minutes is stored for "
			    "'tillit\nverify'.  A correction after that is "
			    "a new item in a later meeting.\n\nOptions:"),
	};

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	if (a.first >= argc)
		return cli_usage(c, _("Give the meeting to sign."));
	if (a.first + 1 < argc)
		return cli_usage(c, _("sign takes one meeting."));
	if (reopening && by)
		return cli_usage(c, _("Give either --by PERSON or --reopen, "
				      "not both."));
	if (!reopening && (!by || !*by))
		return cli_usage(c, _("Say who signs with --by PERSON."));
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, TL_K_MEETING, argv[a.first], meeting,
				      &c->err);
	if (rc == TL_OK && reopening) {
		rc = reopen(c, st, meeting);
		tl_store_close(st);
		return rc;
	}
	if (rc == TL_OK)
		rc = tl_store_resolve(st, TL_K_PERSON, by, person, &c->err);
	if (rc == TL_OK)
		rc = tl_sign_meeting(st, meeting, person, &complete, &c->err);
	if (rc == TL_OK)
		rc = print_signed(c, st, meeting, person, complete);
	tl_store_close(st);
	return rc;
}

/* ---- verify ---------------------------------------------------------- */


/* One line for each signed meeting that does not match. */
static void report_mismatch(void *ctx, const char *meeting_id,
			    const char *title, const char *stored,
			    const char *actual)
{
	struct tl_refs *refs = ctx;

	(void)title;
	(void)actual;
	printf(stored ? _("%.*s %s: the content no longer matches its "
			  "signature.\n")
		      : _("%.*s %s: it is marked signed, but no digest was "
			  "stored when it was signed.\n"),
	       TL_ID_SHORT, meeting_id,
	       tl_refs_title(refs, TL_K_MEETING, meeting_id));
}

/* One line naming the row where the audit chain breaks, and why. */
static void report_audit_break(const struct tl_audit_break *b)
{
	const struct tl_entity *e = tl_entity_find(b->entity);

	printf(_("Audit log row %lld (%s %s %.*s): "), b->seq, b->action,
	       e ? e->name : b->entity, TL_ID_SHORT, b->id);
	switch (b->fault) {
	case TL_AUDIT_CHANGED:
		printf(_("it was changed after it was written (its content "
			 "does not give its hash).\n"));
		break;
	case TL_AUDIT_UNLINKED:
		printf(_("it does not follow row %lld: a row there was "
			 "changed, removed or put in.\n"), b->after);
		break;
	case TL_AUDIT_MISSING:
		if (b->seq - b->after == 2)
			printf(_("row %lld before it is missing.\n"),
			       b->after + 1);
		else
			printf(_("rows %lld to %lld before it are missing.\n"),
			       b->after + 1, b->seq - 1);
		break;
	case TL_AUDIT_UNSTARTED:
		printf(_("it does not start the chain (the hash before the "
			 "first row is 64 zeros).\n"));
		break;
	case TL_AUDIT_WHOLE:
		break;
	}
}

enum tl_status cli_cmd_verify(struct cli *c, int argc, char **argv)
{
	struct tl_audit_break brk = {.fault = TL_AUDIT_WHOLE};
	long audited = 0;
	char meeting[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	struct tl_refs refs;
	enum tl_status rc = TL_OK;
	long checked = 0, bad = 0;
	bool one = false;
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv,
		.usage = N_("Usage: tillit verify [MEETING]\n\n"
			    "Recomputes the SHA-256 digest of the minutes of "
			    "every signed meeting\n(or of MEETING) and compares "
			    "it with the digest stored when it was\nsigned.  "
			    "Each meeting whose content no longer matches is "
			    "named on a\nline of its own, and the exit status "
			    "is then 1.\n\n"
			    "It also checks the audit log, a hash chain: each "
			    "row's hash covers\nthe row and the hash of the row "
			    "before.  The first row that was\nchanged, removed "
			    "or put in after it was written is named, and the\n"
			    "exit status is 1.\n\nOptions:"),
	};

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	if (a.first + 1 < argc)
		return cli_usage(c, _("verify takes at most one meeting."));
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK && a.first < argc) {
		one = true;
		rc = tl_store_resolve(st, TL_K_MEETING, argv[a.first], meeting,
				      &c->err);
	}
	if (rc == TL_OK) {
		tl_refs_init(&refs, st);
		rc = tl_verify_meetings(st, one ? meeting : NULL,
					report_mismatch, &refs, &checked, &bad,
					&c->err);
		tl_refs_done(&refs);
	}
	if (rc == TL_OK)
		rc = tl_store_audit_check(st, &audited, &brk, NULL, &c->err);
	tl_store_close(st);
	if (rc != TL_OK)
		return rc;
	if (brk.fault != TL_AUDIT_WHOLE)
		report_audit_break(&brk);
	if (bad > 0 && brk.fault != TL_AUDIT_WHOLE)
		return cli_fail(c, TL_EREFUSED, _("Signed meetings whose content "
				"no longer matches their signatures: %ld of "
				"%ld; and the audit log breaks at row %lld."),
				bad, checked, brk.seq);
	if (bad > 0)
		return cli_fail(c, TL_EREFUSED, _("Signed meetings whose content "
				"no longer matches their signatures: %ld of "
				"%ld."), bad, checked);
	if (brk.fault != TL_AUDIT_WHOLE)
		return cli_fail(c, TL_EREFUSED, _("The audit log was changed "
				"after it was written: its chain breaks at row "
				"%lld."), brk.seq);
	if (checked == 1)
		puts(_("1 signed meeting checked; it matches."));
	else
		printf(_("%ld signed meetings checked; all match.\n"), checked);
	if (audited == 1)
		puts(_("1 audit row checked; the chain is unbroken."));
	else
		printf(_("%ld audit rows checked; the chain is unbroken.\n"),
		       audited);
	return TL_OK;
}
