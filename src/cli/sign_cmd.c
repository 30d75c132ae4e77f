/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * sign_cmd.c - justering and checking it (sign.h):
 *
 *   tillit sign MEETING [--key FILE]
 *   tillit sign MEETING --by PERSON --signature FILE | --paper
 *   tillit sign MEETING --send | --reopen | --decline COMMENT
 *   tillit sign MEETING --export DIR
 *   tillit sign MEETING § N [--by PERSON --paper]
 *   tillit verify [MEETING]
 *
 * sign records one signature, as the person whose login is the OS
 * account, with their own key through ssh-keygen; someone else's only as
 * their own SSH signature, checked, or as one recorded on paper.  The
 * first signature (or --send) freezes the minutes: from then on the
 * meeting is under justering and cannot change, and at the last
 * signature it is signed and locked.  --reopen and --decline void the
 * signatures given so far, so that the meeting can change again.
 * --export writes the signed minutes, each signature and allowed_signers
 * for ssh-keygen -Y verify.  With § N, the signature of that § alone at
 * the meeting (omedelbar justering, store/paragraph.h): yours, or with
 * --by and --paper another's given on paper, recorded as an entry of
 * kind justering.  verify prints one line per finding (verify.c
 * says what it checks), then the audit log's first broken row, and fails
 * (exit 1) with one sentence.
 */
#include "internal.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include "tillit/core/i18n.h"
#include "tillit/export/atomic.h"
#include "tillit/core/id.h"
#include "tillit/core/model.h"
#include "tillit/read/present.h"
#include "tillit/service/sign.h"
#include "tillit/service/sshsig.h"
#include "tillit/core/paragraph.h"
#include "tillit/store/paragraph.h"
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

	rc = tl_store_actor(st, me, &c->err);
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
	const char *by, *signature, *decline, *key, *export_dir, *mode;
	bool reopen, send, paper;
};

/* An armored SSH signature is about 300 bytes; much more is not one. */
#define SIG_FILE_MAX 16384

/* The text of the signature file `path` (- for standard input), into
 * *out (caller frees). */
static enum tl_status read_signature(struct cli *c, const char *path,
				     char **out)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *buf = malloc(SIG_FILE_MAX);
	size_t n = 0;
	bool bad;

	*out = NULL;
	if (!fp || !buf) {
		int e = errno;

		free(buf);
		if (fp && fp != stdin)
			fclose(fp);
		return cli_fail(c, TL_EINVAL, _("Cannot read the signature "
				"file %s: %s."), path, strerror(fp ? ENOMEM : e));
	}
	n = fread(buf, 1, SIG_FILE_MAX - 1, fp);
	buf[n] = '\0';
	bad = ferror(fp) || (n == SIG_FILE_MAX - 1 && fgetc(fp) != EOF) ||
	      memchr(buf, '\0', n);
	if (fp != stdin)
		fclose(fp);
	if (bad) {
		free(buf);
		return cli_fail(c, TL_EINVAL, _("The signature file %s is not "
				"an SSH signature (ssh-keygen -Y sign writes "
				"one)."), path);
	}
	*out = buf;
	return TL_OK;
}

/*
 * sign MEETING § N: person's signature of that § at the meeting, as an
 * entry of kind justering (the store decides who may sign, and once);
 * then who is still to sign, or that the § is justered immediately.
 */
static enum tl_status sign_paragraph(struct cli *c, struct tl_store *st,
				     const char *meeting, long number,
				     const char *person)
{
	struct tl_record *m = NULL, *item = NULL, *e = NULL;
	struct tl_par_justering j;
	struct tl_refs refs;
	enum tl_status rc;

	tl_refs_init(&refs, st);
	rc = tl_store_get(st, TL_K_MEETING, meeting, &m, &c->err);
	if (rc == TL_OK)
		rc = tl_store_paragraph_numbered(st, meeting,
						 tl_record_str(m,
							       TL_MEETING_TITLE),
						 number, &item, &c->err);
	if (rc == TL_OK && !(e = tl_record_new(TL_K_ENTRY)))
		rc = cli_fail(c, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK && (!tl_record_set(e, TL_ENTRY_ITEM, item->id) ||
			    !tl_record_set(e, TL_ENTRY_KIND, "justering") ||
			    !tl_record_set(e, TL_ENTRY_PERSON, person)))
		rc = cli_fail(c, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK)
		rc = tl_store_insert(st, e, &c->err);
	if (rc == TL_OK)
		rc = tl_store_paragraph_justering(st, item->id, &j, &c->err);
	if (rc == TL_OK)
		printf(_("%s signed the immediate justering of § %ld of "
			 "\"%s\".\n"),
		       tl_refs_title(&refs, TL_K_PERSON, person), number,
		       tl_record_str(m, TL_MEETING_TITLE));
	if (rc == TL_OK && j.complete)
		printf(_("§ %ld is now justered immediately and locked; its "
			 "notice goes up by the second day after.\n"),
		       number);
	else if (rc == TL_OK)
		printf(ngettext("%d signature of %d; the chair and every "
				"justerare sign it.\n",
				"%d signatures of %d; the chair and every "
				"justerare sign it.\n",
				(unsigned long)j.nsigned),
		       j.nsigned, j.signers);
	tl_record_free(e);
	tl_record_free(item);
	tl_record_free(m);
	tl_refs_done(&refs);
	return rc;
}

/* One signature by person (me: the one running this). */
static enum tl_status sign_one(struct cli *c, struct tl_store *st,
			       const char *meeting, const char *person,
			       const char *me, const struct sign_args *sa,
			       bool *complete)
{
	struct tl_sign_how how = {0};
	struct tl_refs refs;
	enum tl_status rc = TL_OK;
	char *sig = NULL;
	bool signer = false;

	tl_refs_init(&refs, st);
	if (sa->paper) {
		how.recorded_by = me;
	} else if (sa->signature) {
		rc = read_signature(c, sa->signature, &sig);
	} else if (strcmp(person, me)) {
		rc = cli_fail(c, TL_EREFUSED, _("You cannot sign as %s: give "
			      "their own signature (--signature FILE) or "
			      "record that they signed on paper (--paper)."),
			      tl_refs_title(&refs, TL_K_PERSON, person));
	} else {
		/* Someone who does not sign is told so before anything is
		 * frozen or signed. */
		rc = tl_sign_due(st, meeting, person, &signer, &c->err);
		if (rc == TL_OK && signer) {
			tl_refs_done(&refs);
			return tl_sign_with_key(st, meeting, person, sa->key,
						complete, &c->err);
		}
	}
	tl_refs_done(&refs);
	how.sshsig = sig;
	if (rc == TL_OK)
		rc = tl_sign_meeting(st, meeting, person, &how, complete,
				     &c->err);
	free(sig);
	return rc;
}

/* ---- the signed minutes, for OpenSSH alone ------------------------------ */

/* The name a signer goes by in allowed_signers: their login, else
 * "person-" and their short id. */
static void principal(struct tl_store *st, const char *person, char *buf,
		      size_t size)
{
	struct tl_record *p = NULL;
	struct tl_error err;
	const char *login = NULL;

	if (tl_store_get(st, TL_K_PERSON, person, &p, &err) == TL_OK)
		login = tl_record_get(p, TL_PERSON_LOGIN);
	if (login && *login && !strpbrk(login, " \t,\"*?!"))
		snprintf(buf, size, "%s", login);
	else
		snprintf(buf, size, "person-%.*s", TL_ID_SHORT, person);
	tl_record_free(p);
}

static enum tl_status put_text(FILE *out, void *ctx, struct tl_error *err)
{
	(void)err;
	fputs(ctx, out);
	return TL_OK;
}

/* Writes text to dir/name, replaced whole or not at all, private or
 * `mode` when it is not negative (atomic.h); false (said) when it
 * cannot. */
static bool write_text(struct cli *c, const char *dir, const char *name,
		       const char *text, int mode)
{
	struct tl_error err = {0};
	char path[2048];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (tl_write_atomic_mode(path, mode, put_text, (void *)text, &err) ==
	    TL_OK)
		return true;
	cli_fail(c, err.status, "%s", err.msg);
	return false;
}

/* sign --export DIR: the frozen minutes as they were signed
 * (minutes.txt), each signature made with a key (LOGIN.sig) and an
 * allowed_signers file, so that anyone can check them with OpenSSH. */
static enum tl_status export_signed(struct cli *c, struct tl_store *st,
				    const char *meeting, const char *dir,
				    int mode)
{
	struct tl_page sigs = {0};
	char *doc = NULL, *allowed = NULL, *line, name[96], file[128];
	size_t len = 0;
	FILE *al = open_memstream(&allowed, &len);
	enum tl_status rc;
	int written = 0;

	if (!al)
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	/* The folder is as private as its files: 0700, unless --mode
	 * opens the files on purpose (then the umask decides). */
	if (mkdir(dir, mode < 0 ? 0700 : 0777) != 0 && errno != EEXIST) {
		fclose(al);
		free(allowed);
		return cli_fail(c, TL_ESYS, _("Cannot make the folder %s: "
				"%s."), dir, strerror(errno));
	}
	rc = tl_justering_document(st, meeting, &doc, &c->err);
	if (rc == TL_OK)
		rc = tl_store_signatures(st, meeting, &sigs, &c->err);
	if (rc == TL_OK && !write_text(c, dir, "minutes.txt", doc, mode))
		rc = TL_ESYS;
	for (int i = 0; rc == TL_OK && i < sigs.n; i++) {
		const struct tl_record *sg = sigs.recs[i];
		const char *sig = tl_record_get(sg, TL_SIGNATURE_SSHSIG);
		struct tl_pubkey pk;

		if (!sig || tl_pubkey_parse(tl_record_str(sg,
				TL_SIGNATURE_PUBKEY), &pk, &c->err) != TL_OK) {
			tl_error_clear(&c->err);
			continue;
		}
		principal(st, tl_record_str(sg, TL_SIGNATURE_PERSON), name,
			  sizeof(name));
		snprintf(file, sizeof(file), "%s.sig", name);
		if (!write_text(c, dir, file, sig, mode)) {
			rc = TL_ESYS;
			break;
		}
		line = tl_sshsig_allowed_signer(name, TL_SSHSIG_NAMESPACE,
						&pk);
		if (line)
			fputs(line, al);
		free(line);
		printf(_("%s/%s: the signature of %s; check it with\n"
			 "  ssh-keygen -Y verify -f %s/allowed_signers -I %s "
			 "-n %s -s %s/%s < %s/minutes.txt\n"), dir, file,
		       tl_record_str(sg, TL_SIGNATURE_NAME), dir, name,
		       TL_SSHSIG_NAMESPACE, dir, file, dir);
		written++;
	}
	if (fclose(al) != 0 && rc == TL_OK)
		rc = cli_fail(c, TL_ESYS, _("Out of memory."));
	if (rc == TL_OK && !write_text(c, dir, "allowed_signers",
				       allowed ? allowed : "", mode))
		rc = TL_ESYS;
	if (rc == TL_OK)
		printf(_("%s/minutes.txt: the minutes as they were frozen and "
			 "signed; signatures made with keys: %d.\n"), dir,
		       written);
	free(doc);
	free(allowed);
	tl_page_done(&sigs);
	return rc;
}

enum tl_status cli_cmd_sign(struct cli *c, int argc, char **argv)
{
	char meeting[TL_ID_LEN + 1], person[TL_ID_LEN + 1], me[TL_ID_LEN + 1];
	struct tl_store *st = NULL;
	struct sign_args sa = {0};
	enum tl_status rc = TL_OK;
	bool complete = false;
	int mode = -1;
	long number = 0;
	const struct cli_opt opts[] = {
		{"by", 0, true, "PERSON", N_("who signs, when not you: an id, "
		 "a prefix or a name"), .str = &sa.by},
		{"key", 0, true, "FILE", N_("the key you sign with (default "
		 "~/.ssh/id_ed25519; a .pub file signs through ssh-agent)"),
		 .str = &sa.key},
		{"signature", 0, true, "FILE", N_("their SSH signature over the "
		 "frozen minutes (ssh-keygen -Y sign -n justering@tillit)"),
		 .str = &sa.signature},
		{"paper", 0, false, NULL, N_("record that they signed on paper "
		 "(recorded by you)"), .on = &sa.paper},
		{"send", 0, false, NULL, N_("send the minutes to justering: "
		 "freeze them, without signing"), .on = &sa.send},
		{"decline", 0, true, "COMMENT", N_("decline to sign: reopen "
		 "justering, with your comment"), .str = &sa.decline},
		{"reopen", 0, false, NULL, N_("reopen justering: void the "
		 "signatures given so far"), .on = &sa.reopen},
		{"export", 0, true, "DIR", N_("write the frozen minutes, each "
		 "signature and allowed_signers into DIR"),
		 .str = &sa.export_dir},
		{"mode", 0, true, "OCTAL", N_("with --export: make the files "
		 "this mode, like 0644 (default: 0600 for new ones)"),
		 .str = &sa.mode},
		{0},
	};
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = opts,
		.usage = N_("Usage: tillit sign MEETING [--key FILE]\n"
			    "       tillit sign MEETING --by PERSON --signature "
			    "FILE | --paper\n"
			    "       tillit sign MEETING --send | --reopen | "
			    "--decline COMMENT\n"
			    "       tillit sign MEETING --export DIR\n"
			    "       tillit sign MEETING § N [--by PERSON "
			    "--paper]\n\n"
			    "Signs a meeting that has been held (justering), "
			    "as you: the person whose\nlogin is your account, "
			    "with your own key (ssh-keygen -Y sign, which may "
			    "ask\nfor its passphrase or use ssh-agent).  A "
			    "committee meeting is signed by its\nchair and its "
			    "adjusters, a one-to-one by the manager and the "
			    "employee,\nand other meetings by their chair.  "
			    "--send freezes the minutes for\njustering (the "
			    "first signature does too): from then on nothing "
			    "they show\ncan change, so that everyone signs the "
			    "same minutes.  --signature takes\nPERSON's SSH "
			    "signature over the frozen minutes (made with "
			    "ssh-keygen -Y\nsign -n justering@tillit on the "
			    "minutes.txt that --export writes), checked\n"
			    "against their registered key.  --paper records "
			    "that PERSON signed on\npaper; the minutes show it "
			    "as recorded by you.  --decline and --reopen\n"
			    "void the signatures given so far, and the meeting "
			    "can change again.\nWhen the last signature is in, "
			    "the meeting and everything recorded in it\nare "
			    "locked.  A correction after that is a new item in "
			    "a later meeting.\n--export writes minutes.txt, "
			    "each signature and allowed_signers, for\n"
			    "ssh-keygen -Y verify.\n\n"
			    "With § N, signs that § alone at the meeting "
			    "(omedelbar justering): you,\nor with --by and "
			    "--paper someone who signed it on paper.  When the "
			    "chair\nand every justerare have signed, the § is "
			    "justered immediately and locked,\nand its own "
			    "notice and appeal window follow.\n\nOptions:"),
	};
	int actions;

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	if (a.first >= argc)
		return cli_usage(c, _("Give the meeting to sign."));
	if (a.first + 1 < argc && !strcmp(argv[a.first + 1], "\xC2\xA7")) {
		char *end = NULL;

		if (a.first + 3 == argc)
			number = strtol(argv[a.first + 2], &end, 10);
		if (number <= 0 || !end || *end)
			return cli_usage(c, _("Give the § to sign as § N, like "
					      "'tillit sign MEETING § 2'."));
	} else if (a.first + 1 < argc) {
		return cli_usage(c, _("sign takes one meeting."));
	}
	actions = sa.reopen + sa.send + (sa.decline != NULL) +
		  (sa.export_dir != NULL);
	if (actions > 1 || (actions && (sa.by || sa.paper || sa.signature ||
					sa.key)))
		return cli_usage(c, _("Give one of --send, --reopen, --decline "
				      "and --export, alone."));
	if (sa.mode && !sa.export_dir)
		return cli_usage(c, _("--mode goes with --export DIR."));
	if (sa.mode && cli_parse_mode(c, sa.mode, &mode) != TL_OK)
		return TL_EUSAGE;
	if (sa.paper && (sa.signature || sa.key))
		return cli_usage(c, _("A signature on paper has no key and no "
				      "SSH signature."));
	if (sa.paper && !sa.by)
		return cli_usage(c, _("Say who signed on paper with --by "
				      "PERSON."));
	if (number && (actions || sa.signature || sa.key))
		return cli_usage(c, _("A § is signed at the meeting: by you, "
				      "or with --by PERSON --paper."));
	if (number && sa.by && !sa.paper)
		return cli_usage(c, _("Someone else's signature of a § is one "
				      "given on paper: add --paper."));
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = tl_store_resolve(st, TL_K_MEETING, argv[a.first], meeting,
				      &c->err);
	if (rc == TL_OK && sa.send)
		rc = send_to_justering(c, st, meeting);
	else if (rc == TL_OK && sa.export_dir)
		rc = export_signed(c, st, meeting, sa.export_dir, mode);
	else if (rc == TL_OK && actions)
		rc = reopen(c, st, meeting, sa.decline);
	if (actions) {
		tl_store_close(st);
		return rc;
	}
	if (rc == TL_OK)
		rc = tl_store_actor(st, me, &c->err);
	if (rc == TL_OK && sa.by)
		rc = tl_store_resolve(st, TL_K_PERSON, sa.by, person, &c->err);
	else if (rc == TL_OK)
		memcpy(person, me, sizeof(person));
	if (rc == TL_OK && number) {
		rc = sign_paragraph(c, st, meeting, number, person);
		tl_store_close(st);
		return rc;
	}
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
	char unchecked[sizeof(c->err.msg)] = "";
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
			    "and the\nexit status is then 1.\n\n"
			    "It also checks the audit log, a hash chain: each "
			    "row's hash covers\nthe row and the hash of the row "
			    "before.  The first row that was\nchanged, removed "
			    "or put in after it was written is named.\n\n"
			    "Options:"),
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
	if (rc == TL_OK) {
		rc = tl_store_audit_check(st, &audited, &brk, NULL, &c->err);
		/* A role that reads part of the log checks the meetings. */
		if (rc == TL_EREFUSED) {
			snprintf(unchecked, sizeof(unchecked), "%s",
				 c->err.msg);
			rc = TL_OK;
		}
	}
	tl_store_close(st);
	if (rc != TL_OK)
		return rc;
	if (brk.fault != TL_AUDIT_WHOLE)
		report_audit_break(&brk);
	if (n.findings > 0 && brk.fault != TL_AUDIT_WHOLE)
		return cli_fail(c, TL_EREFUSED, ngettext("%ld finding in the "
				"meetings under justering or signed; and the "
				"audit log breaks at row %lld.", "%ld findings "
				"in the meetings under justering or signed; and "
				"the audit log breaks at row %lld.",
				n.findings), n.findings, brk.seq);
	if (n.findings > 0)
		return cli_fail(c, TL_EREFUSED, ngettext("%ld finding in the "
				"meetings under justering or signed.",
				"%ld findings in the meetings under justering "
				"or signed.", n.findings), n.findings);
	if (brk.fault != TL_AUDIT_WHOLE)
		return cli_fail(c, TL_EREFUSED, _("The audit log was changed "
				"after it was written: its chain breaks at row "
				"%lld."), brk.seq);
	printf(ngettext("%ld meeting under justering or signed checked; ",
			"%ld meetings under justering or signed checked; ",
			n.meetings), n.meetings);
	printf(_("signatures with own keys: %ld, recorded on paper: %ld, "
		 "from before keys: %ld. Everything matches.\n"), n.keys,
	       n.paper, n.legacy);
	if (n.unchecked > 0)
		printf(ngettext("%ld signature was made with a key this "
				"database does not hold (an import carries no "
				"keys): its signer's key was not checked.\n",
				"%ld signatures were made with keys this "
				"database does not hold (an import carries no "
				"keys): their signers' keys were not checked.\n",
				n.unchecked), n.unchecked);
	if (unchecked[0]) {
		printf(_("The audit log was not checked. %s\n"), unchecked);
		return TL_OK;
	}
	printf(ngettext("%ld audit row checked; the chain is unbroken.\n",
			"%ld audit rows checked; the chain is unbroken.\n",
			audited), audited);
	return TL_OK;
}
