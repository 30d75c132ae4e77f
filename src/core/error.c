/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * error.c - errors as values: a status and one sentence.
 */
#include "tillit/core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void tl_error_clear(struct tl_error *err)
{
	if (!err)
		return;
	err->status = TL_OK;
	err->msg[0] = '\0';
}

enum tl_status tl_error_set(struct tl_error *err, enum tl_status status,
			    const char *fmt, ...)
{
	va_list ap;
	size_t len;

	if (!err)
		return status;
	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	/* A cut message must not end inside a UTF-8 sequence. */
	len = strlen(err->msg);
	if (len == sizeof(err->msg) - 1) {
		while (len > 0 && ((unsigned char)err->msg[len - 1] & 0xC0) == 0x80)
			len--;
		if (len > 0 && ((unsigned char)err->msg[len - 1] & 0xC0) == 0xC0)
			len--;
		err->msg[len] = '\0';
	}
	return status;
}

int tl_status_exit_code(enum tl_status status)
{
	switch (status) {
	case TL_OK:
		return 0;
	case TL_EINVAL:
	case TL_ENOTFOUND:
	case TL_EAMBIG:
	case TL_EREFUSED:
	case TL_ESTALE:
		return 1;
	case TL_EUSAGE:
		return 2;
	case TL_EDB:
	case TL_ESYS:
		return 3;
	}
	return 3;
}
