/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * migrate_cmd.c - `tillit migrate --to DB` and `--from DB`: a whole
 * database moved between engines (an SQLite file and a PostgreSQL
 * server, either way), and checked before it is kept.
 *
 * The copy is tl_store_copy's (everything as stored, the audit log with
 * its chain, the keys), in one transaction of the target.  Before that
 * commits, both are exported as JSON (tillit export) and compared byte
 * for byte, and the heads of their audit chains too: a copy that differs
 * in anything is thrown away, and says where.
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tillit/core/i18n.h"
#include "tillit/export/json.h"

/* The JSON export of st into a new temporary file, read back from its
 * start (*f; the caller closes it, which removes it) with its length. */
static enum tl_status export_to(struct tl_store *st, FILE **f, long *len,
				struct tl_error *err)
{
	enum tl_status rc;

	*f = tmpfile();
	if (!*f)
		return tl_error_set(err, TL_ESYS, _("Could not make a "
				    "temporary file to compare the copy "
				    "with: %s."), strerror(errno));
	rc = tl_json_export(st, *f, err);
	if (rc == TL_OK && (fflush(*f) != 0 || (*len = ftell(*f)) < 0 ||
			    fseek(*f, 0, SEEK_SET) != 0))
		rc = tl_error_set(err, TL_ESYS, _("Could not write the "
				  "temporary file to compare the copy with: "
				  "%s."), strerror(errno));
	return rc;
}

/* How many bytes a and b have alike from their starts. */
static size_t alike(FILE *a, FILE *b)
{
	char x[16384], y[16384];
	size_t at = 0, n, m, i;

	do {
		n = fread(x, 1, sizeof(x), a);
		m = fread(y, 1, sizeof(y), b);
		for (i = 0; i < n && i < m && x[i] == y[i]; i++)
			;
		at += i;
	} while (i == sizeof(x) && n == m);
	return at;
}

/*
 * Compares the copy with its source: their exports and their audit
 * chains' heads.  The exports go to temporary files, not to memory: the
 * large tier's is over a gigabyte each.
 */
static enum tl_status compare(struct tl_store *src, struct tl_store *dst,
			      size_t *bytes, struct tl_error *err)
{
	FILE *a = NULL, *b = NULL;
	long la = 0, lb = 0;
	char ha[65], hb[65];
	enum tl_status rc;
	size_t at;

	rc = export_to(src, &a, &la, err);
	if (rc == TL_OK)
		rc = export_to(dst, &b, &lb, err);
	if (rc == TL_OK && ((at = alike(a, b)) != (size_t)la || la != lb))
		rc = tl_error_set(err, TL_EDB, _("The copy's export differs "
				  "from the original's at byte %zu; nothing "
				  "was kept."), at);
	if (a)
		fclose(a);
	if (b)
		fclose(b);
	if (rc == TL_OK)
		rc = tl_store_audit_head(src, ha, err);
	if (rc == TL_OK)
		rc = tl_store_audit_head(dst, hb, err);
	if (rc == TL_OK && strcmp(ha, hb))
		rc = tl_error_set(err, TL_EDB, _("The copy's audit log does "
				  "not end as the original's; nothing was "
				  "kept."));
	*bytes = (size_t)la;
	return rc;
}

enum tl_status cli_cmd_migrate(struct cli *c, int argc, char **argv)
{
	const char *to = NULL, *from = NULL;
	const struct cli_opt opts[] = {
		{"to", 0, true, "DB", N_("copy --db into DB (which must be "
		 "empty)"), .str = &to},
		{"from", 0, true, "DB", N_("copy DB into --db (which must be "
		 "empty)"), .str = &from},
		{0},
	};
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = opts,
		.usage = N_("Usage: tillit migrate --to DB | --from DB\n\n"
			    "Copies a whole database into an empty one, "
			    "whatever engine each is on: an\nSQLite file (a "
			    "path) or PostgreSQL (a connection string or "
			    "URI, such as\npostgresql:///tillit or \"host=... "
			    "dbname=...\").  Every record, the audit\nlog and "
			    "the registered keys are copied as they are "
			    "stored.  The copy is kept\nonly when an export "
			    "of each gives the same bytes and their audit "
			    "logs end\nalike; the original is never "
			    "changed.  A missing file is created.\n\n"
			    "Options:"),
	};
	struct tl_store *src = NULL, *dst = NULL;
	struct tl_copy_stats stats;
	char here[CLI_PATH_MAX];
	const char *target;
	size_t bytes = 0;
	enum tl_status rc;
	struct stat sb;
	bool made;

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	rc = cli_args_max(&a, 0);
	if (rc != TL_OK)
		return rc;
	if (!to == !from)
		return cli_usage(c, _("Give either --to DB or --from DB."));
	rc = tl_store_path(c->db_opt, here, sizeof(here), &c->err);
	if (rc != TL_OK)
		return rc;
	if (!strcmp(here, to ? to : from))
		return cli_fail(c, TL_EINVAL, _("A database cannot be copied "
				"into itself."));
	/* The source must be there; the target is made when missing (a
	 * file) or given its tables (a server's empty database). */
	target = to ? to : here;
	made = !tl_store_is_server(target) && stat(target, &sb) != 0;
	rc = tl_store_open(to ? here : from, TL_OPEN_READONLY, &src,
			   &c->err);
	if (rc == TL_OK)
		rc = tl_store_open(target, TL_OPEN_CREATE, &dst, &c->err);
	if (rc == TL_OK)
		rc = tl_store_begin(dst, &c->err);
	if (rc == TL_OK) {
		rc = tl_store_copy(src, dst, &stats, &c->err);
		if (rc == TL_OK)
			rc = compare(src, dst, &bytes, &c->err);
		if (rc == TL_OK)
			rc = tl_store_commit(dst, &c->err);
		else
			tl_store_rollback(dst);
	}
	if (rc == TL_OK)
		printf(_("Copied %ld records, %ld audit rows and %ld keys "
			 "from %s to %s; their exports are the same %zu "
			 "bytes.\n"), stats.records, stats.audit, stats.keys,
		       tl_store_label(src), tl_store_label(dst), bytes);
	tl_store_close(src);
	tl_store_close(dst);
	if (rc != TL_OK && made)
		cli_remove_db(target);
	return rc;
}
