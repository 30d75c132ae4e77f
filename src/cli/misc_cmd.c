/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * misc_cmd.c - the commands that are not about one kind of record:
 *
 *   tillit init [--demo] [--principles vadstena|national]
 *   tillit search QUERY... [--limit N] [--format table|json]
 *   tillit log [ID] [--limit N] [--format table|json]
 *
 * init and import are the only commands that create a database (the
 * full-screen program makes one at its first start).  `export` and
 * `import` have files of their own, export_cmd.c and import_cmd.c.
 */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tillit/service/demo.h"
#include "tillit/core/i18n.h"
#include "tillit/export/json.h"
#include "tillit/core/id.h"
#include "tillit/core/model.h"
#include "tillit/core/rules.h"
#include "tillit/core/search.h"
#include "tillit/store/store.h"
#include "tillit/core/text.h"
#include "tillit/core/validate.h"

/* ---- init ------------------------------------------------------------ */


/* Records of any kind but principles: is the database in use? */
static enum tl_status count_records(struct cli *c, struct tl_store *st,
				    long *total)
{
	enum tl_status rc;
	long n;

	*total = 0;
	for (int k = 0; k < TL_K_COUNT; k++) {
		struct tl_query q = {.kind = (enum tl_kind)k};
		if (k == TL_K_PRINCIPLE)
			continue;
		rc = tl_store_count(st, &q, &n, &c->err);
		if (rc != TL_OK)
			return rc;
		*total += n;
	}
	return TL_OK;
}

/* Removes a database this run created and then failed to fill. */
void cli_remove_db(const char *path)
{
	char side[CLI_PATH_MAX + 8];

	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-journal", path);
	unlink(side);
}

enum tl_status cli_cmd_init(struct cli *c, int argc, char **argv)
{
	const char *preset = "vadstena";
	struct tl_store *st = NULL;
	bool demo = false, existed, had_data;
	char *label = NULL;
	struct stat sb;
	enum tl_status rc;
	long n = 0;
	const struct cli_opt opts[] = {
		{"demo", 0, false, NULL, N_("fill an empty database with a "
		 "believable municipality"), .on = &demo},
		{"principles", 0, true, "PRESET", N_("vadstena (the default: "
		 "Vadstena's five) or national (the national trust "
		 "delegation's eight)"), .str = &preset},
		{0},
	};
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = opts,
		.usage = N_("Usage: tillit init [--demo] [--principles "
			    "vadstena|national]\n\n"
			    "Creates the database (mode 0600, with its folder) "
			    "and fills in the\ngovernance principles.  On an "
			    "existing database it only adds the\nprinciples "
			    "when there are none.\n\nOptions:"),
	};

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	if (a.first < argc)
		return cli_usage(c, _("Unexpected argument '%.60s'; give the "
				 "database with --db PATH before 'init'."),
				 argv[a.first]);
	if (!tl_rules_preset(preset))
		return cli_fail(c, TL_EINVAL, _("Unknown principles preset "
				"\"%.40s\"; use vadstena or national."),
				preset);
	rc = tl_store_path(c->db_opt, c->db_path, sizeof(c->db_path),
			   &c->err);
	if (rc != TL_OK)
		return rc;
	/* A server's database is never made or removed here: it is the
	 * administrator's (createdb); init makes tillit's tables in it. */
	existed = tl_store_is_server(c->db_path) ||
		  stat(c->db_path, &sb) == 0;
	/* An empty file of the user's own becomes the database (db.c). */
	had_data = existed && (tl_store_is_server(c->db_path) ||
			       sb.st_size > 0 || !S_ISREG(sb.st_mode));
	rc = tl_store_open(c->db_path, TL_OPEN_CREATE, &st, &c->err);
	if (rc != TL_OK) {
		if (!existed)
			cli_remove_db(c->db_path);
		return rc;
	}
	if (demo) {
		rc = count_records(c, st, &n);
		if (rc == TL_OK && n > 0)
			rc = cli_fail(c, TL_EREFUSED, _("The database at %s "
				      "already holds records; --demo fills "
				      "only an empty one."),
				      tl_store_label(st));
	}
	if (rc == TL_OK)
		rc = tl_store_begin(st, &c->err);
	if (rc == TL_OK) {
		rc = tl_store_seed_principles(st, preset, &c->err);
		if (rc == TL_OK && demo)
			rc = tl_demo_fill(st, &c->err);
		if (rc == TL_OK)
			rc = tl_store_commit(st, &c->err);
		else
			tl_store_rollback(st);
	}
	if (st && tl_store_created(st))
		had_data = false;
	label = st ? strdup(tl_store_label(st)) : NULL;
	tl_store_close(st);
	if (rc != TL_OK) {
		if (!existed)
			cli_remove_db(c->db_path);
		free(label);
		return rc;
	}
	if (had_data)
		printf(_("Database %s already exists.\n"),
		       label ? label : "?");
	else
		printf(_("Created %s.\n"), label ? label : "?");
	free(label);
	if (demo)
		printf(_("Filled it with the demo data.\n"));
	return TL_OK;
}

/* ---- search ---------------------------------------------------------- */

enum { SO_LIMIT = 1, SO_FORMAT };

static const struct cli_opt search_opts[] = {
	{"limit", 0, true, "N", N_("at most N hits (default 50)"),
	 .key = SO_LIMIT},
	{"format", 0, true, "FORMAT", N_("table (the default) or json"),
	 .key = SO_FORMAT},
	{0},
};

static char *join_words(int n, char **words)
{
	size_t len = 1;
	char *s;

	for (int i = 0; i < n; i++)
		len += strlen(words[i]) + 1;
	s = malloc(len);
	if (!s)
		return NULL;
	s[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, words[i]);
	}
	return s;
}

static void json_str_or_null(json_t *obj, const char *key, const char *v)
{
	json_object_set_new(obj, key, v ? json_string(v) : json_null());
}

static void search_table(const struct tl_hit *hits, int n)
{
	struct cli_table *t = cli_table_new(4);
	char *cells[4];

	if (!t)
		return;
	cli_table_column(t, 0, _("Kind"), false, false);
	cli_table_column(t, 1, _("ID"), false, false);
	cli_table_column(t, 2, _("Title"), false, true);
	cli_table_column(t, 3, _("Match"), false, true);
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < n; i++) {
			cells[0] = strdup(tl_entity_get(hits[i].kind)->name);
			cells[1] = strndup(hits[i].id, TL_ID_SHORT);
			cells[2] = tl_text_sanitize(hits[i].title ?
						    hits[i].title : "", false);
			cells[3] = tl_text_sanitize(hits[i].snippet ?
						    hits[i].snippet : "", false);
			if (pass == 0)
				cli_table_measure(t, cells);
			else
				cli_table_print_row(t, cells, stdout);
			for (int j = 0; j < 4; j++)
				free(cells[j]);
		}
		if (pass == 0) {
			cli_table_layout(t, cli_term_width());
			cli_table_print_header(t, stdout);
		}
	}
	cli_table_free(t);
}

enum tl_status cli_cmd_search(struct cli *c, int argc, char **argv)
{
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = search_opts,
		.usage = N_("Usage: tillit search QUERY... [--limit N] "
			    "[--format table|json]\n\n"
			    "Searches titles, names, notes, decisions, "
			    "matters, frame descriptions\nand follow-up "
			    "texts.  Every word must occur; words match as "
			    "prefixes.\nA search takes at most 32 words and "
			    "256 characters.\n\nOptions:"),
	};
	enum cli_format fmt = CLI_FMT_TABLE;
	struct tl_search_words words;
	struct tl_store *st = NULL;
	struct tl_hit *hits = NULL;
	enum tl_status rc = TL_OK;
	long limit = 50;
	char *query;
	int n = 0;

	while (cli_args_next(&a)) {
		if (a.key == SO_LIMIT) {
			a.rc = cli_parse_limit(c, a.value, &limit);
			if (limit > 1000)
				limit = 1000;
		} else {
			a.rc = cli_parse_format(c, a.value, CLI_FMT_TABLE |
						CLI_FMT_JSON, &fmt);
		}
	}
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	if (a.first >= argc)
		return cli_usage(c, _("Give the words to search for."));
	query = join_words(argc - a.first, argv + a.first);
	if (!query)
		return cli_fail(c, TL_ESYS, _("Out of memory."));
	/* The limits of a query, before the database is opened. */
	rc = tl_search_words(query, &words, &c->err);
	if (rc == TL_OK)
		rc = cli_open(c, TL_OPEN_READONLY, &st);
	if (rc == TL_OK)
		cli_pager_start();
	if (rc == TL_OK)
		rc = tl_store_search(st, query, (int)limit, &hits, &n,
				     &c->err);
	if (rc == TL_OK && fmt == CLI_FMT_JSON) {
		json_t *arr = json_array();
		for (int i = 0; arr && i < n; i++) {
			json_t *o = json_object();
			if (!o)
				break;
			json_str_or_null(o, "kind",
					 tl_entity_get(hits[i].kind)->name);
			json_str_or_null(o, "id", hits[i].id);
			json_str_or_null(o, "title", hits[i].title);
			json_str_or_null(o, "snippet", hits[i].snippet);
			json_array_append_new(arr, o);
		}
		if (!arr || tl_json_dumpf(arr, stdout, JSON_PRESERVE_ORDER |
					  JSON_INDENT(2)))
			rc = cli_fail(c, TL_ESYS, _("Cannot write the JSON "
				      "output."));
		else
			fputc('\n', stdout);
		json_decref(arr);
	} else if (rc == TL_OK && n == 0) {
		printf(_("No matches.\n"));
	} else if (rc == TL_OK) {
		search_table(hits, n);
	}
	tl_hits_free(hits, n);
	tl_store_close(st);
	free(query);
	return rc;
}

/* ---- log ------------------------------------------------------------- */

enum { LG_LIMIT = 1, LG_FORMAT };

static const struct cli_opt log_opts[] = {
	{"limit", 0, true, "N", N_("at most N rows"), .key = LG_LIMIT},
	{"format", 0, true, "FORMAT", N_("table (the default) or json"),
	 .key = LG_FORMAT},
	{0},
};

/* True when id starts with what was typed, in either case: the record
 * was found by its id, not by its name. */
static bool by_id(const char *id, const char *text)
{
	size_t n = strlen(text);

	return n <= TL_ID_LEN && !strncasecmp(id, text, n);
}

/*
 * Resolves an id (or prefix, or name) of a record of any kind.  An id
 * comes before a name, across kinds as within one: the full id of a
 * signed meeting is the meeting, although its seal is named by that id.
 */
static enum tl_status resolve_any(struct cli *c, struct tl_store *st,
				  const char *text, char out[TL_ID_LEN + 1])
{
	char ids[TL_K_COUNT][TL_ID_LEN + 1], list[400] = "";
	const struct tl_entity *kinds[TL_K_COUNT];
	struct tl_error err;
	size_t len = 0;
	int found = 0, n = 0, nid = 0;

	for (int k = 0; k < TL_K_COUNT; k++) {
		const struct tl_entity *e = tl_entity_get((enum tl_kind)k);
		enum tl_status rc = tl_store_resolve(st, e->kind, text, ids[n],
						     &err);
		if (rc == TL_EAMBIG) {
			c->err = err;
			return rc;
		}
		if (rc == TL_ENOTFOUND)
			continue;
		if (rc != TL_OK) {
			c->err = err;
			return rc;
		}
		nid += by_id(ids[n], text);
		kinds[n++] = e;
	}
	for (int i = 0; i < n; i++) {
		if (nid > 0 && !by_id(ids[i], text))
			continue; /* named so, but another record has the id */
		if (found == 0)
			memcpy(out, ids[i], TL_ID_LEN + 1);
		if (len < sizeof(list))
			len += (size_t)snprintf(list + len, sizeof(list) - len,
						"%s%s %.*s", found ? ", " : "",
						kinds[i]->name, TL_ID_SHORT,
						ids[i]);
		found++;
	}
	if (found == 1)
		return TL_OK;
	if (found > 1)
		return cli_fail(c, TL_EAMBIG, _("\"%.*s\" matches %d records: "
				"%s; give more of the id."),
				(int)tl_utf8_prefix(text, 60), text, found,
				list);
	/* A record that was deleted still has its rows. */
	if (tl_id_valid(text)) {
		memcpy(out, text, TL_ID_LEN + 1);
		return TL_OK;
	}
	return cli_fail(c, TL_ENOTFOUND, _("No record matches \"%.*s\"."),
			(int)tl_utf8_prefix(text, 60), text);
}

static char *audit_change(const struct tl_audit *a)
{
	char *o, *n, *s;
	size_t len;

	if (!a->old_value && !a->new_value)
		return strdup("");
	/* A create or delete row carries the record's name, not a change. */
	if (!a->field) {
		o = tl_text_first_line(a->new_value ? a->new_value
						    : a->old_value, 200);
		s = o ? tl_text_sanitize(o, false) : NULL;
		free(o);
		return s;
	}
	o = tl_text_first_line(a->old_value ? a->old_value : _("(empty)"),
			       200);
	n = tl_text_first_line(a->new_value ? a->new_value : _("(empty)"),
			       200);
	if (!o || !n) {
		free(o);
		free(n);
		return NULL;
	}
	len = strlen(o) + strlen(n) + 5;
	s = malloc(len);
	if (s)
		snprintf(s, len, "%s -> %s", o, n);
	free(o);
	free(n);
	if (!s)
		return NULL;
	o = tl_text_sanitize(s, false);
	free(s);
	return o;
}

/* A time the audit row says TILLIT_NOW gave, not the system clock. */
static bool audit_clock_set(const struct tl_audit *a)
{
	return a->clock && !strcmp(a->clock, "TILLIT_NOW");
}

/* Who acted: "Name (account)", or the OS account alone when no person
 * had it as login.  A new string. */
static char *audit_who(struct tl_refs *refs, const struct tl_audit *a)
{
	char *user = tl_text_sanitize(a->os_user ? a->os_user : "", false);
	const char *name;
	char *s;
	size_t len;

	if (!a->actor || !user)
		return user;
	name = tl_refs_title(refs, TL_K_PERSON, a->actor);
	len = strlen(name) + strlen(user) + 4;
	s = malloc(len);
	if (s)
		snprintf(s, len, "%s (%s)", name, user);
	free(user);
	return s;
}

static void audit_cells(struct tl_refs *refs, const struct tl_audit *a,
			char **cells)
{
	const struct tl_entity *e = tl_entity_find(a->entity);
	size_t len = strlen(a->at) + strlen(_("(set clock)")) + 2;

	cells[0] = malloc(len);
	if (cells[0])
		snprintf(cells[0], len, audit_clock_set(a) ? "%s %s" : "%s",
			 a->at, _("(set clock)"));
	cells[1] = audit_who(refs, a);
	cells[2] = tl_text_sanitize(a->action ? a->action : "", false);
	cells[3] = e ? strdup(e->name)
		     : tl_text_sanitize(a->entity ? a->entity : "", false);
	cells[4] = strndup(a->id, TL_ID_SHORT);
	cells[5] = tl_text_sanitize(a->field ? a->field : "", false);
	cells[6] = audit_change(a);
}

static json_t *audit_json(struct tl_refs *refs, const struct tl_audit *a)
{
	json_t *o = json_object();
	const struct tl_entity *e = tl_entity_find(a->entity);

	if (!o)
		return NULL;
	json_object_set_new(o, "seq", json_integer(a->seq));
	json_str_or_null(o, "at", a->at);
	json_str_or_null(o, "clock", a->clock);
	json_str_or_null(o, "user", a->os_user);
	json_str_or_null(o, "actor", a->actor);
	json_str_or_null(o, "actor_name", a->actor ? tl_refs_title(refs,
			 TL_K_PERSON, a->actor) : NULL);
	json_str_or_null(o, "action", a->action);
	json_str_or_null(o, "entity", e ? e->name : a->entity);
	json_str_or_null(o, "id", a->id);
	json_str_or_null(o, "field", a->field);
	json_str_or_null(o, "old", a->old_value);
	json_str_or_null(o, "new", a->new_value);
	json_str_or_null(o, "prev", a->prev);
	json_str_or_null(o, "hash", a->hash);
	return o;
}

enum tl_status cli_cmd_log(struct cli *c, int argc, char **argv)
{
	static const char *const headers[] = {
		N_("Time"), N_("User"), N_("Action"), N_("Entity"), N_("ID"),
		N_("Field"), N_("Change")};
	enum cli_format fmt = CLI_FMT_TABLE;
	struct tl_store *st = NULL;
	struct tl_audit *rows = NULL;
	struct cli_table *t = NULL;
	struct tl_refs refs;
	char id[TL_ID_LEN + 1];
	const char *text = NULL;
	enum tl_status rc = TL_OK;
	long limit = 0, shown = 0;
	long long before = 0;
	int n = 0, page;
	char *cells[7];
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = log_opts,
		.usage = N_("Usage: tillit log [ID] [--limit N] "
			    "[--format table|json]\n\n"
			    "Shows the audit log, newest first: every create, "
			    "change and delete,\nwith the time (UTC; \"(set "
			    "clock)\" when TILLIT_NOW gave it), who acted\n"
			    "(the person whose login is the OS account, and "
			    "the account), the\nrecord, the field, and the old "
			    "and the new value.  With ID, only that\nrecord's "
			    "rows.  'tillit verify' checks that the log was "
			    "only added to.\n\n"
			    "Options:"),
	};

	while (cli_args_next(&a)) {
		if (a.key == LG_LIMIT)
			a.rc = cli_parse_limit(c, a.value, &limit);
		else
			a.rc = cli_parse_format(c, a.value, CLI_FMT_TABLE |
						CLI_FMT_JSON, &fmt);
	}
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	rc = cli_args_max(&a, 1);
	if (rc != TL_OK)
		return rc;
	if (a.first < argc)
		text = argv[a.first];
	rc = cli_open(c, TL_OPEN_READONLY, &st);
	if (rc == TL_OK)
		cli_pager_start();
	if (rc == TL_OK && text)
		rc = resolve_any(c, st, text, id);
	if (rc != TL_OK)
		goto out;
	tl_refs_init(&refs, st);
	if (fmt == CLI_FMT_JSON)
		fputs("[", stdout);
	for (;;) {
		page = 100;
		if (limit > 0 && limit - shown < page)
			page = (int)(limit - shown);
		if (page <= 0)
			break;
		rc = tl_store_audit(st, text ? id : NULL, before, page, &rows,
				    &n, &c->err);
		if (rc != TL_OK)
			break;
		if (fmt == CLI_FMT_JSON) {
			for (int i = 0; i < n; i++) {
				fputs(shown ? ",\n  " : "\n  ", stdout);
				cli_json_put(audit_json(&refs, &rows[i]),
					     stdout);
				shown++;
			}
		} else {
			if (!t && n > 0) {
				t = cli_table_new(7);
				if (!t) {
					rc = cli_fail(c, TL_ESYS,
						      _("Out of memory."));
					break;
				}
				for (int j = 0; j < 7; j++)
					cli_table_column(t, j, _(headers[j]),
							 false, j >= 5);
				cli_table_prefer(t, 6);
				for (int i = 0; i < n; i++) {
					audit_cells(&refs, &rows[i], cells);
					cli_table_measure(t, cells);
					for (int j = 0; j < 7; j++)
						free(cells[j]);
				}
				cli_table_layout(t, cli_term_width());
				cli_table_print_header(t, stdout);
			}
			for (int i = 0; i < n; i++) {
				audit_cells(&refs, &rows[i], cells);
				cli_table_print_row(t, cells, stdout);
				for (int j = 0; j < 7; j++)
					free(cells[j]);
				shown++;
			}
		}
		if (n > 0)
			before = rows[n - 1].seq;
		tl_audit_free(rows, n);
		rows = NULL;
		if (n < page)
			break;
	}
	if (rc == TL_OK && fmt == CLI_FMT_JSON)
		fputs(shown ? "\n]\n" : "]\n", stdout);
	else if (rc == TL_OK && shown == 0)
		printf(_("No changes logged.\n"));
	tl_refs_done(&refs);
out:
	cli_table_free(t);
	tl_store_close(st);
	return rc;
}
