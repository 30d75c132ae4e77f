/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * config.c - reads the configuration file (config.h): a line at a time,
 * split into words, each line's first word saying what it sets.
 */
#include "tillit/core/config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tillit/core/i18n.h"

/* Longer lines are refused rather than cut. */
#define LINE_MAX_BYTES 4096

static struct tl_config current;

const struct tl_config *tl_config(void)
{
	return &current;
}

void tl_config_use(struct tl_config *cfg)
{
	tl_config_free(&current);
	current = *cfg;
	memset(cfg, 0, sizeof(*cfg));
}

const int *tl_config_columns(const struct tl_entity *e)
{
	return current.columns[e->kind] ? current.columns[e->kind]
					: e->columns;
}

enum tl_status tl_config_error(const struct tl_config *cfg, int line,
			       struct tl_error *err, const char *fmt, ...)
{
	char what[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return tl_error_set(err, TL_EINVAL, _("%s, line %d: %s"),
			    cfg->path ? cfg->path : "config", line, what);
}

void tl_config_free(struct tl_config *cfg)
{
	struct tl_config_line *sets[] = {cfg->colors, cfg->binds};
	int counts[] = {cfg->ncolors, cfg->nbinds};

	for (int s = 0; s < 2; s++) {
		for (int i = 0; i < counts[s]; i++)
			for (int w = 0; w < sets[s][i].nwords; w++)
				free(sets[s][i].words[w]);
		free(sets[s]);
	}
	for (int k = 0; k < TL_K_COUNT; k++)
		free(cfg->columns[k]);
	free(cfg->path);
	free(cfg->db);
	memset(cfg, 0, sizeof(*cfg));
}

/* a followed by b, a new string; NULL out of memory. */
static char *concat(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *p = malloc(na + nb + 1);

	if (p) {
		memcpy(p, a, na);
		memcpy(p + na, b, nb + 1);
	}
	return p;
}

/* The default file's path, or NULL when no home folder is known. */
static char *default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	if (xdg && *xdg == '/')
		return concat(xdg, "/tillit/config");
	if (home && *home)
		return concat(home, "/.config/tillit/config");
	return NULL;
}

/*
 * Splits line s into at most max words (s is changed: the words point
 * into it).  Blanks separate words, "..." keeps blanks in one, and a word
 * that starts with '#' ends the line.  The number of words, or -1 with
 * *why set.
 */
static int split(char *s, char **words, int max, const char **why)
{
	int n = 0;

	for (;;) {
		char *w;

		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '#')
			return n;
		if (n == max) {
			*why = N_("the line has too many words.");
			return -1;
		}
		if (*s == '"') {
			w = ++s;
			while (*s && *s != '"')
				s++;
			if (!*s) {
				*why = N_("a \" is not closed.");
				return -1;
			}
		} else {
			w = s;
			while (*s && *s != ' ' && *s != '\t')
				s++;
		}
		words[n++] = w;
		if (*s)
			*s++ = '\0';
	}
}

/* "~/x" as $HOME/x; a copy of anything else.  NULL out of memory. */
static char *expand_home(const char *v)
{
	const char *home = getenv("HOME");

	if (v[0] == '~' && v[1] == '/' && home && *home)
		return concat(home, v + 1);
	return strdup(v);
}

static enum tl_status oom(struct tl_error *err)
{
	return tl_error_set(err, TL_ESYS, _("Out of memory."));
}

/* set NAME [=] VALUE */
static enum tl_status do_set(struct tl_config *cfg, int line, char **w,
			     int n, struct tl_error *err)
{
	static const char *const themes[] = {"default", "light", "mono"};
	const char *name, *value;

	if (n == 4 && !strcmp(w[2], "=")) {
		name = w[1];
		value = w[3];
	} else if (n == 3 && strcmp(w[2], "=")) {
		name = w[1];
		value = w[2];
	} else {
		return tl_config_error(cfg, line, err, _("write it as "
				       "'set NAME = VALUE' (a value with "
				       "blanks in \"...\")."));
	}
	if (!strcmp(name, "db")) {
		if (!*value)
			return tl_config_error(cfg, line, err,
					       _("db needs a path."));
		free(cfg->db);
		if (!(cfg->db = expand_home(value)))
			return oom(err);
		return TL_OK;
	}
	if (!strcmp(name, "theme")) {
		for (size_t i = 0; i < sizeof(themes) / sizeof(themes[0]); i++)
			if (!strcmp(value, themes[i])) {
				cfg->theme = (enum tl_theme)i;
				return TL_OK;
			}
		return tl_config_error(cfg, line, err, _("there is no theme "
				       "'%s'; there are default, light and "
				       "mono."), value);
	}
	if (!strcmp(name, "max_goals") || !strcmp(name, "max_indicators")) {
		char *end;
		long v = strtol(value, &end, 10);

		if (!*value || *end || v < 1 || v > 1000)
			return tl_config_error(cfg, line, err, _("%s is a "
					       "number from 1 to 1000, not "
					       "'%s'."), name, value);
		if (!strcmp(name, "max_goals"))
			cfg->max_goals = v;
		else
			cfg->max_indicators = v;
		return TL_OK;
	}
	return tl_config_error(cfg, line, err, _("there is no setting '%s'; "
			       "there are db, theme, max_goals and "
			       "max_indicators."), name);
}

/* columns NOUN FIELD... */
static enum tl_status do_columns(struct tl_config *cfg, int line, char **w,
				 int n, struct tl_error *err)
{
	const struct tl_entity *e = n > 1 ? tl_entity_find(w[1]) : NULL;
	int *cols;

	if (n < 3)
		return tl_config_error(cfg, line, err, _("write it as "
				       "'columns NOUN FIELD...', like "
				       "'columns followup due owner text'."));
	if (!e)
		return tl_config_error(cfg, line, err, _("there is no kind of "
				       "record called '%s' (see tillit "
				       "--help)."), w[1]);
	if (!(cols = calloc((size_t)n - 1, sizeof(*cols))))
		return oom(err);
	for (int i = 2; i < n; i++) {
		int f = tl_entity_field(e, w[i]);

		if (f < 0) {
			free(cols);
			return tl_config_error(cfg, line, err, _("a %s has no "
					       "field '%s' (see tillit %s add "
					       "--help)."), _(e->label), w[i],
					       e->name);
		}
		cols[i - 2] = f;
	}
	cols[n - 2] = -1;
	free(cfg->columns[e->kind]);
	cfg->columns[e->kind] = cols;
	return TL_OK;
}

/* color ... and bind ...: kept for the full-screen program to check. */
static enum tl_status keep(struct tl_config_line **set, int *count, int line,
			   char **w, int n, struct tl_error *err)
{
	struct tl_config_line *l = realloc(*set, (size_t)(*count + 1) *
					   sizeof(*l));

	if (!l)
		return oom(err);
	*set = l;
	l = &l[*count];
	memset(l, 0, sizeof(*l));
	l->line = line;
	for (int i = 1; i < n; i++) {
		if (!(l->words[l->nwords] = strdup(w[i]))) {
			(*count)++;
			return oom(err);
		}
		l->nwords++;
	}
	(*count)++;
	return TL_OK;
}

static enum tl_status do_line(struct tl_config *cfg, int line, char *s,
			      struct tl_error *err)
{
	char *w[TL_CONFIG_WORDS + 1];
	const char *why = NULL;
	int n = split(s, w, TL_CONFIG_WORDS + 1, &why);

	if (n < 0)
		return tl_config_error(cfg, line, err, "%s", _(why));
	if (n == 0)
		return TL_OK;
	if (!strcmp(w[0], "set"))
		return do_set(cfg, line, w, n, err);
	if (!strcmp(w[0], "columns"))
		return do_columns(cfg, line, w, n, err);
	if (!strcmp(w[0], "color") || !strcmp(w[0], "colour"))
		return keep(&cfg->colors, &cfg->ncolors, line, w, n, err);
	if (!strcmp(w[0], "bind"))
		return keep(&cfg->binds, &cfg->nbinds, line, w, n, err);
	return tl_config_error(cfg, line, err, _("'%s' is not something the "
			       "file can say; a line starts with set, color, "
			       "bind or columns."), w[0]);
}

enum tl_status tl_config_load(const char *path, struct tl_config *cfg,
			      struct tl_error *err)
{
	char buf[LINE_MAX_BYTES + 2];
	enum tl_status rc = TL_OK;
	bool given = path != NULL;
	FILE *f;
	int line = 0;

	memset(cfg, 0, sizeof(*cfg));
	cfg->path = given ? strdup(path) : default_path();
	if (!cfg->path)
		return given ? oom(err) : TL_OK;
	f = fopen(cfg->path, "r");
	if (!f) {
		int e = errno;
		struct stat sb;

		/* No file at the usual place is no configuration; nor is one
		 * this account cannot reach (another user's home, as when
		 * tillit runs under another uid), but one that is there and
		 * unreadable is said. */
		if (!given && (e == ENOENT || e == ENOTDIR ||
			       (e == EACCES && stat(cfg->path, &sb) != 0))) {
			tl_config_free(cfg);
			return TL_OK;
		}
		rc = tl_error_set(err, TL_ESYS, _("Cannot read %s: %s."),
				  cfg->path, strerror(e));
		tl_config_free(cfg);
		return rc;
	}
	while (rc == TL_OK && fgets(buf, sizeof(buf), f)) {
		size_t len = strlen(buf);

		line++;
		if (len > LINE_MAX_BYTES && buf[len - 1] != '\n') {
			rc = tl_config_error(cfg, line, err, _("the line is "
					     "longer than %d bytes."),
					     LINE_MAX_BYTES);
			break;
		}
		while (len > 0 && (buf[len - 1] == '\n' ||
				   buf[len - 1] == '\r'))
			buf[--len] = '\0';
		rc = do_line(cfg, line, buf, err);
	}
	if (rc == TL_OK && ferror(f))
		rc = tl_error_set(err, TL_ESYS, _("Cannot read %s: %s."),
				  cfg->path, strerror(errno));
	fclose(f);
	if (rc != TL_OK)
		tl_config_free(cfg);
	return rc;
}
