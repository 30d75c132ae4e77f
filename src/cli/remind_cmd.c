/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * remind_cmd.c - `tillit remind [--notify]`: what is due today and
 * tomorrow for the person whose login is the account, one line each,
 * for a login shell or cron (doc/remind.md): the meetings they take part
 * in, their open follow-ups due by tomorrow (and those overdue), the
 * mandates they hold that end by tomorrow, the frames waiting for their
 * acknowledgement, and the justering and notices a secretary or chair
 * owes (read/clocks.h).  Nothing due prints nothing, so that a login
 * shell stays quiet.  --notify hands the lines to the desktop's
 * notifications (notify-send) when there is a desktop session and the
 * program is installed, and prints them when not.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tillit/core/date.h"
#include "tillit/core/i18n.h"
#include "tillit/read/clocks.h"
#include "tillit/read/present.h"

/* Records of a kind asked for at most; a reminder is a short list. */
#define REMIND_MAX 50

/* The reminder's lines, as they are made. */
struct lines {
	char *text;
	size_t len, cap;
	int n;
	bool oom;
};

static void add_line(struct lines *l, const char *line)
{
	size_t n = strlen(line) + 1;

	if (l->oom)
		return;
	if (l->len + n + 1 > l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 1024;
		char *t;

		while (cap < l->len + n + 1)
			cap *= 2;
		if (!(t = realloc(l->text, cap))) {
			l->oom = true;
			return;
		}
		l->text = t;
		l->cap = cap;
	}
	memcpy(l->text + l->len, line, n - 1);
	l->len += n - 1;
	l->text[l->len++] = '\n';
	l->text[l->len] = '\0';
	l->n++;
}

/* What a line reminds of. */
enum what { W_MEETING, W_FOLLOWUP, W_MANDATE, W_FRAME };

/* The line for a record: what it is, its date, its title. */
static void line_of(enum what w, const char *date, bool late,
		    const char *title, char *line, size_t size)
{
	switch (w) {
	case W_MEETING:
		snprintf(line, size, _("Meeting %s: %s"), date, title);
		break;
	case W_FOLLOWUP:
		if (late)
			snprintf(line, size, _("Follow-up overdue since %s: %s"),
				 date, title);
		else
			snprintf(line, size, _("Follow-up due %s: %s"), date,
				 title);
		break;
	case W_MANDATE:
		if (late)
			snprintf(line, size, _("Mandate ended %s: %s"), date,
				 title);
		else
			snprintf(line, size, _("Mandate ends %s: %s"), date,
				 title);
		break;
	case W_FRAME:
		snprintf(line, size, _("Frame to acknowledge: %s"), title);
		break;
	}
}

/* A line for each record of q (at most REMIND_MAX), dated by its field
 * `when` (-1: none), late when that is before today. */
static enum tl_status add_query(struct cli *c, struct tl_store *st,
				struct tl_refs *refs, struct lines *l,
				const struct tl_query *q0, enum what w,
				int when, const char *today)
{
	struct tl_query q = *q0;
	struct tl_page page = {0};
	enum tl_status rc;
	char line[1024];

	q.limit = REMIND_MAX;
	rc = tl_store_list(st, &q, &page, &c->err);
	for (int i = 0; rc == TL_OK && i < page.n; i++) {
		const struct tl_record *r = page.recs[i];
		const char *date = when >= 0 ? tl_record_get(r, when) : NULL;
		char *title = tl_present_title(refs, r);

		if (!title) {
			rc = cli_fail(c, TL_ESYS, _("Out of memory."));
			break;
		}
		line_of(w, date ? date : "", date && strncmp(date, today, 10) < 0,
			title, line, sizeof(line));
		free(title);
		add_line(l, line);
	}
	tl_page_done(&page);
	return rc;
}

/* The lines for `me` on `today`. */
static enum tl_status gather(struct cli *c, struct tl_store *st,
			     const char *me, const char *today,
			     struct lines *l)
{
	char after[TL_DATE_SIZE];
	struct tl_refs refs;
	struct tl_clock_due_item *due = NULL;
	struct tl_query q;
	int ndue = 0;
	enum tl_status rc;

	/* The day after tomorrow: "before" it is today and tomorrow. */
	rc = tl_date_parse("+2d", today, after, &c->err);
	if (rc != TL_OK)
		return rc;
	tl_refs_init(&refs, st);
	q = (struct tl_query){.kind = TL_K_MEETING, .person = me,
			      .from = today, .to = after, .reverse = true};
	rc = add_query(c, st, &refs, l, &q, W_MEETING, TL_MEETING_STARTS,
		       today);
	q = (struct tl_query){.kind = TL_K_FOLLOWUP, .owner = me, .open = true,
			      .due_before = after};
	if (rc == TL_OK)
		rc = add_query(c, st, &refs, l, &q, W_FOLLOWUP,
			       TL_FOLLOWUP_DUE, today);
	q = (struct tl_query){.kind = TL_K_MANDATE, .owner = me, .open = true,
			      .due_before = after};
	if (rc == TL_OK)
		rc = add_query(c, st, &refs, l, &q, W_MANDATE,
			       TL_MANDATE_VALID_UNTIL, today);
	q = (struct tl_query){.kind = TL_K_FRAME, .owner = me, .open = true,
			      .unacked = true};
	if (rc == TL_OK)
		rc = add_query(c, st, &refs, l, &q, W_FRAME, -1, today);
	if (rc == TL_OK)
		rc = tl_clocks_due_for(st, me, today, 1, &due, &ndue, &c->err);
	for (int i = 0; rc == TL_OK && i < ndue; i++)
		add_line(l, due[i].text);
	tl_clock_due_free(due, ndue);
	tl_refs_done(&refs);
	if (rc == TL_OK && l->oom)
		rc = cli_fail(c, TL_ESYS, _("Out of memory."));
	return rc;
}

/* Whether there is a desktop to notify: a session bus or a display. */
static bool desktop(void)
{
	const char *v[] = {"DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY",
			   "DISPLAY"};

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (getenv(v[i]) && *getenv(v[i]))
			return true;
	return false;
}

/* notify-send SUMMARY BODY; true when it ran and said it sent it. */
static bool notify(const char *summary, const char *body)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		execlp("notify-send", "notify-send", "--app-name=tillit",
		       summary, body, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static const struct cli_opt remind_opts[] = {
	{"notify", 0, false, NULL, N_("send it to the desktop's "
	 "notifications where there are some"), .key = 1},
	{0},
};

enum tl_status cli_cmd_remind(struct cli *c, int argc, char **argv)
{
	struct tl_store *st = NULL;
	struct lines l = {0};
	char me[TL_ID_LEN + 1], today[TL_DATE_SIZE], summary[128];
	bool want_notify = false;
	enum tl_status rc;
	struct cli_args a = {
		.c = c, .argc = argc, .argv = argv, .opts = remind_opts,
		.usage = N_("Usage: tillit remind [--notify]\n\n"
			    "Prints what is due today and tomorrow for you "
			    "(the person whose login\nis your account): your "
			    "meetings, your follow-ups due or overdue, your\n"
			    "mandates that end, the frames waiting for your "
			    "acknowledgement, and\nthe justering and notices "
			    "you owe as a committee's secretary or chair.\n"
			    "Nothing due prints nothing.  For a login shell "
			    "or cron; doc/remind.md\nshows a systemd timer.\n\n"
			    "Options:"),
	};

	while (cli_args_next(&a))
		want_notify = true;
	if (a.rc != TL_OK || a.helped)
		return a.rc;
	rc = cli_args_max(&a, 0);
	if (rc == TL_OK)
		rc = cli_open(c, TL_OPEN_READONLY, &st);
	if (rc == TL_OK)
		rc = tl_store_actor(st, me, &c->err);
	tl_clock_today(today);
	if (rc == TL_OK)
		rc = gather(c, st, me, today, &l);
	tl_store_close(st);
	if (rc != TL_OK || l.n == 0) {
		free(l.text);
		return rc;
	}
	snprintf(summary, sizeof(summary),
		 ngettext("tillit: %d thing due today or tomorrow",
			  "tillit: %d things due today or tomorrow", l.n),
		 l.n);
	if (!want_notify || !desktop() || !notify(summary, l.text))
		fputs(l.text, stdout);
	free(l.text);
	return TL_OK;
}
