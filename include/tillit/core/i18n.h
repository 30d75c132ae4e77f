/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * i18n.h - translation of the strings people read, through gettext.
 *
 * _("text") translates at run time; N_("text") marks a string in a table
 * for translation where it is defined, and _() translates it where it is
 * shown.  The catalogue is po/sv.po; LANG=sv_SE.UTF-8 shows Swedish.
 */
#ifndef TILLIT_I18N_H
#define TILLIT_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/*
 * C_("context", "text") translates text within a context, for English
 * words that stand for two things another language tells apart ("series"
 * is one or many).  xgettext takes it as --keyword=C_:1c,2.
 */
#define C_(ctx, s) tl_pgettext(ctx "\004" s, s)

/*
 * NC_("context", "text") marks a string in a table for translation within
 * a context; tl_pgettext_in translates it where it is shown (the names
 * of the full-screen program's actions, in the hint bar: "open" is a
 * verb there, and an adjective as a status).  --keyword=NC_:1c,2.
 */
#define NC_(ctx, s) (s)

/* The translation of msgid within ctx, else msgid. */
const char *tl_pgettext_in(const char *ctx, const char *msgid)
	__attribute__((format_arg(2)));

/* The translation of ctx_msgid ("context\004text"), else msgid. */
const char *tl_pgettext(const char *ctx_msgid, const char *msgid)
	__attribute__((format_arg(2)));

/* The language messages are shown in, as a BCP 47 code ("sv", "en"):
 * the one documents declare. */
const char *tl_i18n_lang(void);

/* Binds the text domain "tillit" to the installed or built catalogues. */
void tl_i18n_init(void);

#endif
