/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * libpq.c - loads the PostgreSQL client library on first use (libpq.h).
 */
#define TL_LIBPQ_LINKED /* the real names, to take their types */
#include "libpq.h"

#include <dlfcn.h>
#include <stddef.h>

#include "tillit/core/i18n.h"

/* The library's name with its ABI version, as the loader knows it (the
 * Makefile reads it from libpq-dev's libpq.so). */
#ifndef TL_LIBPQ_SONAME
#define TL_LIBPQ_SONAME "libpq.so.5"
#endif

struct tl_libpq tl_libpq;

enum tl_status tl_libpq_load(struct tl_error *err)
{
	static void *lib;
	struct tl_libpq t;

	if (lib)
		return TL_OK;
	lib = dlopen(TL_LIBPQ_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		return tl_error_set(err, TL_ESYS, _("PostgreSQL cannot be "
				    "used: its client library (%s, Debian's "
				    "package libpq5) cannot be loaded: %s."),
				    TL_LIBPQ_SONAME, dlerror());
#define TL_LIBPQ_FIND(f) \
	if (!(*(void **)&t.f = dlsym(lib, #f))) \
		goto missing;
	TL_LIBPQ_FUNCTIONS(TL_LIBPQ_FIND)
#undef TL_LIBPQ_FIND
	tl_libpq = t;
	return TL_OK;
missing:
	dlclose(lib);
	lib = NULL;
	return tl_error_set(err, TL_ESYS, _("PostgreSQL cannot be used: its "
			    "client library (%s) is older than this tillit "
			    "needs."), TL_LIBPQ_SONAME);
}
