/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * entity_key.c - a person's public keys, the ssh-ed25519 keys they sign
 * with:
 *
 *   tillit person key PERSON FILE    registers the key in FILE (- is
 *                                    standard input), a .pub file
 *   tillit person keys PERSON        lists their keys, the current last
 *
 * A new key retires the current one, which is kept: signatures made
 * with it are still checked against it.  `person show` names the
 * current key by its fingerprint (entity_show.c).
 */
#include "entity.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/core/text.h"
#include "tillit/service/sshsig.h"
#include "tillit/store/store.h"

/* A .pub file is one line of about 100 bytes; anything much longer is
 * not one. */
#define KEY_FILE_MAX 16384

/* The text of the key file `path` (- for standard input) into buf. */
static enum tl_status read_key_file(struct cli *c, const char *path,
				    char *buf, size_t size)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "r") : stdin;
	size_t n;
	bool bad;

	if (!fp)
		return cli_fail(c, TL_EINVAL, _("Cannot read the key file "
				"%s: %s."), path, strerror(errno));
	n = fread(buf, 1, size - 1, fp);
	buf[n] = '\0';
	bad = ferror(fp);
	if (!bad && n == size - 1 && fgetc(fp) != EOF) {
		if (fp != stdin)
			fclose(fp);
		return cli_fail(c, TL_EINVAL, _("The key file %s is too long "
				"to be a public key."), path);
	}
	if (fp != stdin)
		fclose(fp);
	if (bad)
		return cli_fail(c, TL_EINVAL, _("Cannot read the key file "
				"%s: %s."), path, strerror(EIO));
	if (memchr(buf, '\0', n))
		return cli_fail(c, TL_EINVAL, _("The key file %s is not "
				"text; give the public key (the .pub "
				"file)."), path);
	return TL_OK;
}

enum tl_status cli_entity_key(struct cli *c, const struct tl_entity *e,
			      int argc, char **argv)
{
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv,
		.usage = N_("Usage: tillit person key PERSON FILE\n\n"
			    "Registers the public key in FILE (- for standard "
			    "input) as the key PERSON\nsigns with: one line "
			    "\"ssh-ed25519 AAAA...\", as in ~/.ssh/"
			    "id_ed25519.pub.\nTheir current key, if any, is "
			    "retired and kept: what they signed with it\n"
			    "still checks against it.  Prints the key's "
			    "fingerprint.\n\nOptions:"),
	};
	char text[KEY_FILE_MAX], line[TL_PUBKEY_TEXT_SIZE];
	char fpr[TL_PUBKEY_FPR_SIZE], id[TL_ID_LEN + 1];
	struct tl_person_key old;
	struct tl_record *p = NULL;
	struct tl_store *st = NULL;
	struct tl_pubkey pk;
	enum tl_status rc;
	bool had = false;

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	if (argc - a.first < 2)
		return cli_usage(c, _("Give the person and the file of their "
				 "public key (- for standard input)."));
	rc = cli_args_max(&a, 2);
	if (rc == TL_OK)
		rc = read_key_file(c, argv[a.first + 1], text, sizeof(text));
	if (rc == TL_OK)
		rc = tl_pubkey_parse(text, &pk, &c->err);
	if (rc != TL_OK)
		return rc;
	tl_pubkey_text(&pk, line);
	tl_pubkey_fingerprint(&pk, fpr);
	rc = cli_open(c, 0, &st);
	if (rc == TL_OK)
		rc = cli_find(c, st, e, argv[a.first], &p);
	/* Who may register a key for whom: decided here, not yet. */
	if (rc == TL_OK) {
		snprintf(id, sizeof(id), "%s", p->id);
		had = tl_store_key_at(st, id, NULL, &old, NULL) == TL_OK;
		rc = tl_store_key_add(st, id, line, fpr, NULL, &c->err);
	}
	if (rc == TL_OK && had)
		printf(_("Registered the key %s for %s; their key %s is "
			 "retired.\n"), fpr, tl_record_str(p, TL_PERSON_NAME),
		       old.fingerprint);
	else if (rc == TL_OK)
		printf(_("Registered the key %s for %s.\n"), fpr,
		       tl_record_str(p, TL_PERSON_NAME));
	tl_record_free(p);
	tl_store_close(st);
	return rc;
}

enum tl_status cli_entity_keys(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv)
{
	static const char *const headers[] = {
		N_("Fingerprint"), N_("Added (UTC)"), N_("Retired (UTC)")};
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv,
		.usage = N_("Usage: tillit person keys PERSON\n\n"
			    "Lists the public keys registered for PERSON, the "
			    "first first: each\nkey's fingerprint, when it was "
			    "registered and when the next one retired\nit.  "
			    "The last one, not retired, is the key they sign "
			    "with now.\n\nOptions:"),
	};
	struct tl_person_key *keys = NULL;
	struct cli_table *t = NULL;
	struct tl_record *p = NULL;
	struct tl_store *st = NULL;
	const char *text = NULL;
	enum tl_status rc;
	char *cells[3];
	int n = 0;

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	rc = cli_one_id(&a, &text);
	if (rc == TL_OK)
		rc = cli_open(c, TL_OPEN_READONLY, &st);
	if (rc == TL_OK)
		rc = cli_find(c, st, e, text, &p);
	if (rc == TL_OK)
		rc = tl_store_keys(st, p->id, &keys, &n, &c->err);
	if (rc == TL_OK && n == 0)
		printf(_("%s has no registered key.\n"),
		       tl_record_str(p, TL_PERSON_NAME));
	if (rc == TL_OK && n > 0 && !(t = cli_table_new(3)))
		rc = cli_fail(c, TL_ESYS, _("Out of memory."));
	for (int j = 0; t && j < 3; j++)
		cli_table_column(t, j, _(headers[j]), false, false);
	for (int pass = 0; rc == TL_OK && t && pass < 2; pass++) {
		if (pass == 1) {
			cli_table_layout(t, cli_term_width());
			cli_table_print_header(t, stdout);
		}
		for (int i = 0; i < n; i++) {
			cells[0] = keys[i].fingerprint;
			cells[1] = keys[i].added_at;
			cells[2] = keys[i].retired_at[0] ? keys[i].retired_at
				 : (char *)_("(current)");
			if (pass == 0)
				cli_table_measure(t, cells);
			else
				cli_table_print_row(t, cells, stdout);
		}
	}
	cli_table_free(t);
	free(keys);
	tl_record_free(p);
	tl_store_close(st);
	return rc;
}
