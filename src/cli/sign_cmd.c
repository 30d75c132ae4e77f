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
 * sentence.
 */
#include "internal.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* sign --reopen / --decline: voids the signatures of a meeting under
 * justering, and drops its frozen minutes. */
static enum tl_status reopen(struct cli *c, struct tl_store *st,
			     const char *meeting, const char *decline)
{
	char me[TL_ID_LEN + 1], *why = NULL;
	struct tl_refs refs;
	enum tl_status rc;
	long n = 0;

	rc = cli_whoami(c, st, me);
	tl_refs_init(&refs, st);
	if (rc == TL_OK && decline) {
		const char *name = tl_refs_title(&refs, TL_K_PERSON, me);
		size_t len = strlen(name) + strlen(decline) + 32;

		if (!(why = malloc(len)))
			rc = cli_fail(c, TL_ESYS, _("Out of memory."));
		else
			snprintf(why, len, "declined by %s: %s", name,
				 decline);
	}
	if (rc == TL_OK)
		rc = tl_store_reopen(st, meeting, why, &n, &c->err);
	if (rc == TL_OK && decline)
		printf(_("You declined to sign \"%s\"; justering is reopened "
			 "and goes back to the secretary with your comment. "
			 "Signatures voided: %ld.\n"),
		       tl_refs_title(&refs, TL_K_MEETING, meeting), n);
	else if (rc == TL_OK)
		printf(_("Justering of \"%s\" is reopened; signatures voided: "
			 "%ld. Everyone signs again.\n"),
		       tl_refs_title(&refs, TL_K_MEETING, meeting), n);
	tl_refs_done(&refs);
	free(why);
	return rc;
}

/* sign --send: freezes the minutes for justering. */
static enum tl_status send_to_justering(struct cli *c, struct tl_store *st,
					const char *meeting)
{
	struct tl_refs refs;
	enum tl_status rc;
	bool started = false;

	rc = tl_justering_start(st, meeting, &started, &c->err);
	if (rc != TL_OK)
		return rc;
	tl_refs_init(&refs, st);
	printf(started ? _("The minutes of \"%s\" are frozen and sent to "
			   "justering; nothing they show can change now.\n")
		       : _("The minutes of \"%s\" are under justering "
			   "already.\n"),
	       tl_refs_title(&refs, TL_K_MEETING, meeting));
	tl_refs_done(&refs);
	return TL_OK;
}

/* What `sign` was asked to do. */
struct sign_args {
	const char *by, *signature, *decline;
	bool reopen, send, paper;
};

/* One signature by person (me: whether that is the one running this). */
static enum tl_status sign_one(struct cli *c, struct tl_store *st,
			       const char *meeting, const char *person,
			       const char *me, const struct sign_args *sa,
			       bool *complete)
{
	struct tl_sign_how how = {0};
	struct tl_refs refs;
	enum tl_status rc = TL_OK;

	tl_refs_init(&refs, st);
	if (sa->paper)
		how.recorded_by = me;
	else if (strcmp(person, me))
		rc = cli_fail(c, TL_EREFUSED, _("You cannot sign as %s: give "
			      "their own signature (--signature FILE) or "
			      "record that they signed on paper (--paper)."),
			      tl_refs_title(&refs, TL_K_PERSON, person));
	else
		rc = cli_fail(c, TL_EREFUSED, _("Signing with your own key "
			      "is not possible yet; record a signature made "
			      "on paper with --paper."));
	tl_refs_done(&refs);
	if (rc == TL_OK)
		rc = tl_sign_meeting(st, meeting, person, &how, complete,
				     &c->err);
	return rc;
}

enum tl_status cli_cmd_sign(struct cli *c, int argc, char **argv)
{
	char meeting[TL_ID_LEN + 1], person[TL_ID_LEN + 1], me[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	struct sign_args sa = {0};
	enum tl_status rc = TL_OK;
	bool complete = false;
	const struct cli_opt opts[] = {
		{"by", 0, true, "PERSON", N_("who signs, when not you: an id, "
		 "a prefix or a name"), .str = &sa.by},
		{"paper", 0, false, NULL, N_("record that they signed on paper "
		 "(recorded by you)"), .on = &sa.paper},
		{"send", 0, false, NULL, N_("send the minutes to justering: "
		 "freeze them, without signing"), .on = &sa.send},
		{"decline", 0, true, "COMMENT", N_("decline to sign: reopen "
		 "justering, with your comment"), .str = &sa.decline},
		{"reopen", 0, false, NULL, N_("reopen justering: void the "
		 "signatures given so far"), .on = &sa.reopen},
		{0},
	};
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = opts,
		.usage = N_("Usage: tillit sign MEETING\n"
			    "       tillit sign MEETING --by PERSON --paper\n"
			    "       tillit sign MEETING --send | --reopen | "
			    "--decline COMMENT\n\n"
			    "Signs a meeting that has been held (justering), "
			    "as you: the person whose\nlogin is your account. "
			    "A committee meeting is signed by its chair and "
			    "its\nadjusters, a one-to-one is confirmed by the "
			    "manager and the employee, and\nother meetings by "
			    "their chair.  --send freezes the minutes for "
			    "justering\n(the first signature does too): from "
			    "then on nothing they show can change,\nso that "
			    "everyone signs the same minutes.  --paper records "
			    "that PERSON signed\non paper; the minutes show it "
			    "as recorded by you.  --decline and --reopen\n"
			    "void the signatures given so far, and the "
			    "meeting can change again.  When\nthe last "
			    "signature is in, the meeting and everything "
			    "recorded in it are\nlocked.  A correction after "
			    "that is a new item in a later meeting.\n\n"
			    "Options:"),
	};
	int actions;

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	if (a.first >= argc)
		return cli_usage(c, _("Give the meeting to sign."));
	if (a.first + 1 < argc)
		return cli_usage(c, _("sign takes one meeting."));
	actions = sa.reopen + sa.send + (sa.decline != NULL);
	if (actions > 1 || (actions && (sa.by || sa.paper)))
		return cli_usage(c, _("Give one of --send, --reopen and "
				      "--decline, alone."));
	if (sa.paper && !sa.by)
		return cli_usage(c, _("Say who signed on paper with --by "
				      "PERSON."));
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, TL_K_MEETING, argv[a.first], meeting,
				      &c->err);
	if (rc == TL_OK && sa.send)
		rc = send_to_justering(c, st, meeting);
	else if (rc == TL_OK && actions)
		rc = reopen(c, st, meeting, sa.decline);
	if (actions) {
		tl_store_close(st);
		return rc;
	}
	if (rc == TL_OK)
		rc = cli_whoami(c, st, me);
	if (rc == TL_OK && sa.by)
		rc = tl_store_resolve(st, TL_K_PERSON, sa.by, person, &c->err);
	else if (rc == TL_OK)
		memcpy(person, me, sizeof(person));
	if (rc == TL_OK)
		rc = sign_one(c, st, meeting, person, me, &sa, &complete);
	if (rc == TL_OK)
		rc = print_signed(c, st, meeting, person, complete);
	tl_store_close(st);
	return rc;
}

/* ---- verify ---------------------------------------------------------- */


/* One line for each finding: the meeting, and what was found. */
static void report_finding(void *ctx, const char *meeting_id,
			   const char *finding)
{
	struct tl_refs *refs = ctx;

	printf("%.*s %s: %s.\n", TL_ID_SHORT, meeting_id,
	       tl_refs_title(refs, TL_K_MEETING, meeting_id), finding);
}

enum tl_status cli_cmd_verify(struct cli *c, int argc, char **argv)
{
	char meeting[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	struct tl_refs refs;
	struct tl_verify_count n = {0};
	enum tl_status rc = TL_OK;
	bool one = false;
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv,
		.usage = N_("Usage: tillit verify [MEETING]\n\n"
			    "Checks every meeting under justering or signed "
			    "(or MEETING): the frozen\nminutes against the "
			    "digest stored when they were frozen, each "
			    "signature\nagainst the frozen minutes and its "
			    "signer's key, and the live records\nagainst what "
			    "was signed.  Each finding is a line of its own, "
			    "and the\nexit status is then 1.\n\nOptions:"),
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
		rc = tl_verify(st, one ? meeting : NULL, report_finding, &refs,
			       &n, &c->err);
		tl_refs_done(&refs);
	}
	tl_store_close(st);
	if (rc != TL_OK)
		return rc;
	if (n.findings > 0)
		return cli_fail(c, TL_EREFUSED, ngettext("%ld finding in the "
				"meetings under justering or signed.",
				"%ld findings in the meetings under justering "
				"or signed.", n.findings), n.findings);
	printf(ngettext("%ld meeting under justering or signed checked; ",
			"%ld meetings under justering or signed checked; ",
			n.meetings), n.meetings);
	printf(_("signatures with own keys: %ld, recorded on paper: %ld, "
		 "from before keys: %ld. Everything matches.\n"), n.keys,
	       n.paper, n.legacy);
	return TL_OK;
}
