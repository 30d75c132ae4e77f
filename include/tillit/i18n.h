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

/* Binds the text domain "tillit" to the installed or built catalogues. */
void tl_i18n_init(void);

#endif
