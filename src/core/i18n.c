/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * i18n.c - finds the message catalogues and turns gettext on.
 *
 * The catalogue of the text domain "tillit" is looked for in the first of:
 *
 *   1. $TILLIT_LOCALEDIR, when set and not empty;
 *   2. the build tree: "locale" next to the running executable (make puts
 *      build/default/locale beside build/default/tillit), or
 *      "build/default/locale" under the executable's folder (the copy
 *      ./tillit at the top of the source tree).  Only a folder counts, so
 *      an installed /usr/bin/tillit never mistakes /usr/bin/locale, the
 *      program, for it;
 *   3. LOCALEDIR, given by the Makefile as $(PREFIX)/share/locale.
 *
 * The language comes from LC_ALL, LC_MESSAGES, LANG and LANGUAGE as usual.
 * A locale that is asked for but not installed (LANG=sv_SE.UTF-8 on a
 * system without it, as in a fresh Debian container) would leave messages
 * in the "C" locale, where gettext ignores every language setting; then
 * LC_MESSAGES falls back to C.UTF-8 and the wanted locale name becomes
 * LANGUAGE (unless LANGUAGE is set already), so Swedish still shows.
 */
#include "tillit/core/i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "tillit"

static bool is_dir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/*
 * The catalogue folder of the build tree, into buf; false when the
 * executable is not in one (or /proc is not there).
 */
static bool build_localedir(char *buf, size_t size)
{
	static const char *const subdirs[] = {"/locale",
					      "/build/default/locale"};
	char exe[PATH_MAX];
	ssize_t n;
	char *slash;

	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	for (size_t i = 0; i < sizeof(subdirs) / sizeof(subdirs[0]); i++) {
		size_t len = strlen(exe) + strlen(subdirs[i]) + 1;
		if (len > size)
			continue;
		memcpy(buf, exe, strlen(exe));
		memcpy(buf + strlen(exe), subdirs[i], strlen(subdirs[i]) + 1);
		if (is_dir(buf))
			return true;
	}
	return false;
}

/* The first non-empty value of the variables that name LC_MESSAGES. */
static const char *wanted_locale(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

const char *tl_pgettext(const char *ctx_msgid, const char *msgid)
{
	const char *t = gettext(ctx_msgid);

	return t == ctx_msgid ? msgid : t;
}

const char *tl_pgettext_in(const char *ctx, const char *msgid)
{
	char key[256];

	if (snprintf(key, sizeof(key), "%s\004%s", ctx, msgid) >=
	    (int)sizeof(key))
		return msgid;
	return tl_pgettext(key, msgid);
}

const char *tl_i18n_lang(void)
{
	/* TRANSLATORS: the language code (BCP 47) of this translation,
	 * which documents declare (HTML's lang, a PDF's /Lang): "sv". */
	return C_("language code", "en");
}

void tl_i18n_init(void)
{
	char dir[PATH_MAX];
	const char *env = getenv("TILLIT_LOCALEDIR");
	const char *path = LOCALEDIR;

	if (!setlocale(LC_MESSAGES, "")) {
		const char *want = wanted_locale();
		const char *language = getenv("LANGUAGE");
		if (want && strcmp(want, "C") && strcmp(want, "POSIX") &&
		    (!language || !*language))
			setenv("LANGUAGE", want, 1);
		if (!setlocale(LC_MESSAGES, "C.UTF-8"))
			setlocale(LC_MESSAGES, "C");
	}
	if (env && *env)
		path = env;
	else if (build_localedir(dir, sizeof(dir)))
		path = dir;
	bindtextdomain(DOMAIN, path);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
}
