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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tillit/core/i18n.h"
#include "tillit/export/json.h"

/* The JSON export of st into memory (*buf, *len; the caller frees). */
static enum tl_status export_of(struct tl_store *st, char **buf, size_t *len,
				struct tl_error *err)
{
	FILE *f = open_memstream(buf, len);
	enum tl_status rc;

	if (!f)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	rc = tl_json_export(st, f, err);
	if (fclose(f) != 0 && rc == TL_OK)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	return rc;
}

/* Compares the copy with its source: their exports and their audit
 * chains' heads. */
static enum tl_status compare(struct tl_store *src, struct tl_store *dst,
			      size_t *bytes, struct tl_error *err)
{
	char *a = NULL, *b = NULL, ha[65], hb[65];
	size_t la = 0, lb = 0, at = 0;
	enum tl_status rc;

	rc = export_of(src, &a, &la, err);
	if (rc == TL_OK)
		rc = export_of(dst, &b, &lb, err);
	if (rc == TL_OK) {
		while (at < la && at < lb && a[at] == b[at])
			at++;
		if (at < la || at < lb)
			rc = tl_error_set(err, TL_EDB, _("The copy's export "
					  "differs from the original's at "
					  "byte %zu; nothing was kept."), at);
	}
	if (rc == TL_OK)
		rc = tl_store_audit_head(src, ha, err);
	if (rc == TL_OK)
		rc = tl_store_audit_head(dst, hb, err);
	if (rc == TL_OK && strcmp(ha, hb))
		rc = tl_error_set(err, TL_EDB, _("The copy's audit log does "
				  "not end as the original's; nothing was "
				  "kept."));
	*bytes = la;
	free(a);
	free(b);
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
