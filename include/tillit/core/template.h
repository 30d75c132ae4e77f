/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * template.h - the agenda templates of one-to-ones that tillit ships,
 * for a series' standing agenda (`tillit series add --template NAME`,
 * or the full-screen program's choice when a one-to-one series is
 * added).  Two, after the themes of the source texts: how things are
 * going and the room to act, and the frames and mandates in use.  The
 * items are in the reader's language.
 */
#ifndef TILLIT_CORE_TEMPLATE_H
#define TILLIT_CORE_TEMPLATE_H

struct tl_template {
	const char *name;          /* "laget": what --template takes */
	const char *title;         /* N_(): "How things are going ..." */
	const char *const *items;  /* N_() each, NULL ended */
};

/* The templates, *n of them. */
const struct tl_template *tl_templates(int *n);

/* The template called name (whatever its case and accents: "läget" is
 * "laget"), or NULL. */
const struct tl_template *tl_template_find(const char *name);

/* Its items in the reader's language, a line each: a new string (caller
 * frees), or NULL out of memory. */
char *tl_template_agenda(const struct tl_template *t);

#endif
