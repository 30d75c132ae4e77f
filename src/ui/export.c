/*
 * export.c - exports from the full-screen program: a meeting's minutes as
 * Markdown, printable HTML or text, or its follow-ups as iCalendar, to a
 * file the user names.  The file is written beside its final name and
 * renamed into place, so a failed export leaves no half file.
 */
#include "tillit/view.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tillit/i18n.h"
#include "tillit/ical.h"
#include "tillit/minutes.h"

/* A file name from a title: letters and digits kept, the rest '-'. */
static void slug(const char *title, const char *ext, char *out, size_t size)
{
	size_t n = 0;
	bool dash = false;

	for (const unsigned char *p = (const unsigned char *)title;
	     *p && n + 8 + strlen(ext) < size; p++) {
		if (*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) {
			out[n++] = (char)*p;
			dash = false;
		} else if (!dash && n > 0) {
			out[n++] = '-';
			dash = true;
		}
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	if (n == 0)
		n = (size_t)snprintf(out, size, "meeting");
	snprintf(out + n, size - n, ".%s", ext);
}

void ui_export_meeting(struct ui_app *app, const char *meeting_id)
{
	struct tl_store *st = ui_store(app);
	struct tl_record *m = NULL;
	struct tl_error err = {0};
	char *choice, *path, def[300], tmp[4200];
	const char *ext;
	enum tl_status rc;
	FILE *f;
	int fd;

	if (tl_store_get(st, TL_K_MEETING, meeting_id, &m, &err) != TL_OK) {
		ui_error(app, &err);
		return;
	}
	choice = ui_prompt(app, _("Export: (m)arkdown, (h)tml, (t)ext, or "
				  "(i)Calendar of its follow-ups:"), NULL);
	if (!choice || !strchr("mhti", choice[0]) || !choice[0]) {
		if (choice)
			ui_status(app, "%s", _("Nothing exported."));
		free(choice);
		tl_record_free(m);
		return;
	}
	ext = choice[0] == 'm' ? "md" : choice[0] == 'h' ? "html"
	      : choice[0] == 't' ? "txt" : "ics";
	slug(tl_record_str(m, TL_MEETING_TITLE), ext, def, sizeof(def));
	path = ui_prompt(app, _("Write to:"), def);
	if (!path || !*path) {
		free(choice);
		free(path);
		tl_record_free(m);
		return;
	}
	snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path);
	fd = mkstemp(tmp);
	f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		ui_status(app, _("Cannot write %s: %s."), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(choice);
		free(path);
		tl_record_free(m);
		return;
	}
	if (choice[0] == 'i') {
		struct tl_query q = {.kind = TL_K_FOLLOWUP,
				     .parent = meeting_id};
		rc = tl_ical_write_followups(st, &q, f, &err);
	} else {
		rc = tl_minutes_write(st, meeting_id,
				      choice[0] == 'm' ? TL_MINUTES_MD
				      : choice[0] == 'h' ? TL_MINUTES_HTML
				      : TL_MINUTES_TXT, f, &err);
	}
	if (fflush(f) != 0 || ferror(f))
		rc = rc != TL_OK ? rc : tl_error_set(&err, TL_ESYS,
			_("Cannot write %s: %s."), path, strerror(errno));
	fclose(f);
	/* mkstemp makes 0600; an export follows the umask like any file. */
	if (rc == TL_OK) {
		mode_t mask = umask(0);
		umask(mask);
		chmod(tmp, 0666 & ~mask);
	}
	if (rc == TL_OK && rename(tmp, path) != 0)
		rc = tl_error_set(&err, TL_ESYS, _("Cannot write %s: %s."),
				  path, strerror(errno));
	if (rc != TL_OK) {
		unlink(tmp);
		ui_error(app, &err);
	} else {
		ui_status(app, _("Wrote %s."), path);
	}
	free(choice);
	free(path);
	tl_record_free(m);
}
