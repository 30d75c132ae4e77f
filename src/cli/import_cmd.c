/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * import_cmd.c - tillit import FILE|- [--format json|ics|kolada]: a JSON
 * document merged by id (import/import.h), meetings from a calendar
 * (import/ics.h), or an indicator's figures from a Kolada file
 * (import/kolada.h).  With init, the only command that creates a
 * database.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "tillit/core/i18n.h"
#include "tillit/core/id.h"
#include "tillit/core/text.h"
#include "tillit/export/json.h"
#include "tillit/import/ics.h"
#include "tillit/import/import.h"
#include "tillit/import/kolada.h"
#include "tillit/store/store.h"

/* Whether FILE is a calendar: --format ics, else a name ending .ics. */
static bool is_calendar(const char *format, const char *file)
{
	size_t n = strlen(file);

	if (format)
		return !strcmp(format, "ics");
	return n > 4 && !strcasecmp(file + n - 4, ".ics");
}

/* tillit import FILE.ics: meetings from a calendar (import/ics.h). */
static enum tl_status import_calendar(struct cli *c, struct tl_store *st,
				      const char *file, const char *kind,
				      const char *unit)
{
	struct tl_ics_options o = {.kind = kind};
	struct tl_ics_stats s;
	char unit_id[TL_ID_LEN + 1];
	enum tl_status rc = TL_OK;

	if (unit) {
		rc = tl_store_resolve(st, TL_K_UNIT, unit, unit_id, &c->err);
		o.unit = unit_id;
	}
	if (rc == TL_OK)
		rc = tl_ics_import(st, file, &o, &s, &c->err);
	if (rc == TL_OK) {
		char *name = tl_text_sanitize(file, false);
		printf(_("Imported %s: %ld meetings added, %ld changed, %ld "
			 "unchanged, %ld events skipped.\n"),
		       !strcmp(file, "-") ? _("standard input")
					  : name ? name : file,
		       s.added, s.changed, s.unchanged, s.skipped);
		if (s.participants || s.strangers)
			printf(_("Participants: %ld added from the attendees; "
				 "%ld addresses are no person's e-mail here.\n"),
			       s.participants, s.strangers);
		free(name);
	}
	return rc;
}

/* tillit import FILE --format kolada: indicator figures (kolada.h). */
static enum tl_status import_kolada(struct cli *c, struct tl_store *st,
				    const char *file)
{
	struct tl_kolada_stats s;
	enum tl_status rc = tl_kolada_import(st, file, &s, &c->err);

	if (rc == TL_OK) {
		char *name = tl_text_sanitize(file, false);
		printf(_("Imported %s: %ld measurements added, %ld changed, "
			 "%ld unchanged.\n"),
		       !strcmp(file, "-") ? _("standard input")
					  : name ? name : file,
		       s.added, s.changed, s.unchanged);
		if (s.unmatched)
			printf(ngettext("%ld entry is of a KPI no indicator "
					"here names (indicator add --kpi).\n",
					"%ld entries are of a KPI no indicator "
					"here names (indicator add --kpi).\n",
					s.unmatched), s.unmatched);
		free(name);
	}
	return rc;
}

enum tl_status cli_cmd_import(struct cli *c, int argc, char **argv)
{
	const char *format = NULL, *kind = NULL, *unit = NULL;
	const struct cli_opt opts[] = {
		{"format", 0, true, "FORMAT", N_("json, ics for a calendar "
		 "(the default for a FILE ending .ics), or kolada for "
		 "indicator figures"), .str = &format},
		{"kind", 0, true, "KIND", N_("ics: the kind of a new meeting "
		 "(forum by default)"), .str = &kind},
		{"unit", 0, true, "UNIT", N_("ics: the unit of a new meeting"),
		 .str = &unit},
		{0},
	};
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = opts,
		.usage = N_("Usage: tillit import FILE|- [--format "
			    "json|ics|kolada]\n\n"
			    "Merges a JSON document written by 'tillit "
			    "export' into the database,\nby id, in one "
			    "transaction: a record that is new is added, "
			    "one that\ndiffers is changed, an equal one is "
			    "left alone.  Importing the same\nfile twice "
			    "changes nothing.  A file with any error writes "
			    "nothing.\nA missing database is created, empty."
			    "  FILE may be a pipe or a device,\nand - is "
			    "standard input: up to 4 GiB of such a stream is "
			    "copied into\n$TMPDIR as it is read.\n\n"
			    "A calendar (FILE.ics, or --format ics) adds or "
			    "updates meetings, one\nfor each event: an event "
			    "tillit exported updates its meeting's title,\n"
			    "times and place; another becomes a meeting of "
			    "--kind and --unit, the\nsame one when the "
			    "calendar is imported again.\n\n"
			    "Figures in the Kolada API's JSON format "
			    "(--format kolada) become\nmeasurements of the "
			    "indicators whose --kpi they are of, credited to\n"
			    "Kolada, the same ones when the file is imported "
			    "again.  tillit reads\nthe file only: it never "
			    "goes on the network.\n\n"
			    "Options:"),
	};
	struct tl_json_stats stats = {0};
	struct tl_store *st = NULL;
	const char *file;
	enum tl_status rc;
	struct stat sb;
	bool existed;

	while (cli_args_next(&a))
		;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	if (format && strcmp(format, "json") && strcmp(format, "ics") &&
	    strcmp(format, "kolada"))
		return cli_usage(c, _("Unknown format \"%.40s\"; use %s."),
				 format, "json, ics or kolada");
	if (a.first >= argc)
		return cli_usage(c, _("Give the file to import."));
	rc = cli_args_max(&a, 1);
	if (rc != TL_OK)
		return rc;
	file = argv[a.first];
	/* Restoring into a new file is what an import is for, so a missing
	 * database is created (empty, without principles), and removed
	 * again when the import fails. */
	rc = tl_store_path(c->db_opt, c->db_path, sizeof(c->db_path),
			   &c->err);
	if (rc != TL_OK)
		return rc;
	existed = tl_store_is_server(c->db_path) ||
		  stat(c->db_path, &sb) == 0;
	if (is_calendar(format, file)) {
		rc = existed ? cli_open(c, 0, &st)
			     : tl_error_set(&c->err, TL_ENOTFOUND,
					    _("There is no database %s to "
					      "import a calendar into; make "
					      "it with 'tillit init'."),
					    c->db_path);
		if (rc == TL_OK)
			rc = import_calendar(c, st, file, kind, unit);
		tl_store_close(st);
		return rc;
	}
	if (kind || unit)
		return cli_usage(c, _("--kind and --unit are for a calendar "
				 "(--format ics)."));
	if (format && !strcmp(format, "kolada")) {
		rc = existed ? cli_open(c, 0, &st)
			     : tl_error_set(&c->err, TL_ENOTFOUND,
					    _("There is no database %s to "
					      "import figures into; make it "
					      "with 'tillit init'."),
					    c->db_path);
		if (rc == TL_OK)
			rc = import_kolada(c, st, file);
		tl_store_close(st);
		return rc;
	}
	rc = tl_store_open(c->db_path, TL_OPEN_CREATE, &st, &c->err);
	if (rc == TL_OK)
		rc = tl_json_import(st, file, &stats, &c->err);
	tl_store_close(st);
	if (rc != TL_OK && !existed)
		cli_remove_db(c->db_path);
	if (rc == TL_OK) {
		char *name = tl_text_sanitize(file, false);
		printf(_("Imported %s: %ld added, %ld changed, %ld "
			 "unchanged.\n"),
		       !strcmp(file, "-") ? _("standard input")
					  : name ? name : file,
		       stats.added, stats.changed, stats.unchanged);
		free(name);
	}
	return rc;
}
