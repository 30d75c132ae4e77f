/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * error.h - errors as values.
 *
 * Every fallible function in core, store and export returns an enum
 * tl_status and fills a struct tl_error with one clear sentence.  Only the
 * CLI and the UI decide how an error is shown and which exit code it maps to
 * (DESIGN.md section 6: 1 user's error, 2 usage, 3 database or system).
 */
#ifndef TILLIT_ERROR_H
#define TILLIT_ERROR_H

enum tl_status {
	TL_OK = 0,
	TL_EINVAL,    /* the user's input is not valid */
	TL_ENOTFOUND, /* no record with that id or prefix */
	TL_EAMBIG,    /* an id prefix matches more than one record */
	TL_EREFUSED,  /* valid input, but the change is not allowed */
	TL_ESTALE,    /* the record changed since it was read */
	TL_EUSAGE,    /* wrong command-line usage */
	TL_EDB,       /* the database failed, is damaged or is too new */
	TL_ESYS,      /* the operating system failed (files, memory) */
};

struct tl_error {
	enum tl_status status;
	char msg[1024];
};

/* Clears err (may be NULL). */
void tl_error_clear(struct tl_error *err);

/*
 * Records status and a printf-style message in err (err may be NULL) and
 * returns status, so callers can write `return tl_error_set(err, ...)`.
 * A message that does not fit is cut at a UTF-8 character boundary.
 */
enum tl_status tl_error_set(struct tl_error *err, enum tl_status status,
			    const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The exit code of DESIGN.md section 6 for a status: 0, 1, 2 or 3. */
int tl_status_exit_code(enum tl_status status);

#endif
