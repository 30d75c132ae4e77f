/*
 * sign_cmd.c - signing meetings and checking signed ones (sign.h):
 *
 *   tillit sign MEETING --by PERSON
 *   tillit verify [MEETING]
 *
 * sign records one signature; at the last one the meeting is signed and
 * locked, and the digest of its minutes is stored.  verify recomputes the
 * digests and names every signed meeting whose content no longer matches,
 * one line each on stdout, then fails (exit 1) with one sentence.
 */
#include "internal.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/i18n.h"
#include "tillit/id.h"
#include "tillit/model.h"
#include "tillit/present.h"
#include "tillit/sign.h"
#include "tillit/store.h"

/* ---- sign ------------------------------------------------------------ */

static void help_sign(void)
{
	puts(_("Usage: tillit sign MEETING --by PERSON\n\n"
	     "Signs a meeting that has been held (justering).  A committee "
	     "meeting is\nsigned by its chair and its adjusters, a one-to-one "
	     "is confirmed by\nthe manager and the employee, and other "
	     "meetings by their chair.  When\nthe last signature is in, the "
	     "meeting and everything recorded in it are\nlocked, and the "
	     "SHA-256 digest of its minutes is stored for 'tillit\nverify'.  "
	     "A correction after that is a new item in a later meeting.\n\n"
	     "Options:"));
	cli_help_opt(stdout, "--by PERSON", _("who signs: an id, a prefix or "
					     "a name"));
	cli_help_opt(stdout, "-h, --help", _("show this help"));
}

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

enum tl_status cli_cmd_sign(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"by", required_argument, NULL, 'b'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char meeting[TL_ID_LEN + 1], person[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	const char *by = NULL;
	enum tl_status rc = TL_OK;
	bool complete = false;
	int ch;

	optind = 0;
	while (rc == TL_OK &&
	       (ch = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (ch) {
		case 'b':
			by = optarg;
			break;
		case 'h':
			help_sign();
			return TL_OK;
		default:
			rc = cli_bad_option(c, ch, argv);
			break;
		}
	}
	if (rc != TL_OK)
		return rc;
	if (optind >= argc)
		return cli_usage(c, _("Give the meeting to sign."));
	if (optind + 1 < argc)
		return cli_usage(c, _("sign takes one meeting."));
	if (!by || !*by)
		return cli_usage(c, _("Say who signs with --by PERSON."));
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, TL_K_MEETING, argv[optind], meeting,
				      &c->err);
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

static void help_verify(void)
{
	puts(_("Usage: tillit verify [MEETING]\n\n"
	     "Recomputes the SHA-256 digest of the minutes of every signed "
	     "meeting\n(or of MEETING) and compares it with the digest stored "
	     "when it was\nsigned.  Each meeting whose content no longer "
	     "matches is named on a\nline of its own, and the exit status is "
	     "then 1.\n\nOptions:"));
	cli_help_opt(stdout, "-h, --help", _("show this help"));
}

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

enum tl_status cli_cmd_verify(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char meeting[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	struct tl_refs refs;
	enum tl_status rc = TL_OK;
	long checked = 0, bad = 0;
	bool one = false;
	int ch;

	optind = 0;
	while (rc == TL_OK &&
	       (ch = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			help_verify();
			return TL_OK;
		default:
			rc = cli_bad_option(c, ch, argv);
			break;
		}
	}
	if (rc != TL_OK)
		return rc;
	if (optind + 1 < argc)
		return cli_usage(c, _("verify takes at most one meeting."));
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK && optind < argc) {
		one = true;
		rc = tl_store_resolve(st, TL_K_MEETING, argv[optind], meeting,
				      &c->err);
	}
	if (rc == TL_OK) {
		tl_refs_init(&refs, st);
		rc = tl_verify_meetings(st, one ? meeting : NULL,
					report_mismatch, &refs, &checked, &bad,
					&c->err);
		tl_refs_done(&refs);
	}
	tl_store_close(st);
	if (rc != TL_OK)
		return rc;
	if (bad > 0)
		return cli_fail(c, TL_EREFUSED, _("Signed meetings whose content "
				"no longer matches their signatures: %ld of "
				"%ld."), bad, checked);
	if (checked == 1)
		puts(_("1 signed meeting checked; it matches."));
	else
		printf(_("%ld signed meetings checked; all match.\n"), checked);
	return TL_OK;
}
