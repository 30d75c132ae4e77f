/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * pdf_lib.c - loading Pango, Cairo and GLib for the PDF backend
 * (pdf_lib.h), and the one thing Cairo leaves out of a PDF that a
 * document needs: its language.
 *
 * The libraries are found through Pango's Cairo binding: dlsym() on its
 * handle searches the library and everything it depends on, which is
 * Pango, Cairo, GObject and GLib.  The header still gives every
 * function's type, so each call is checked as if it were linked.
 */
#include "pdf_lib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"

/* The library's file name (its SONAME), set by the Makefile. */
#ifndef TL_PANGOCAIRO_SONAME
#define TL_PANGOCAIRO_SONAME "libpangocairo-1.0.so.0"
#endif

struct tl_pdf_lib tl_pdf;

enum tl_status tl_pdf_load(struct tl_error *err)
{
	static void *handle;
	void *h;
	const char *missing = NULL;

	if (handle)
		return TL_OK;
	h = dlopen(TL_PANGOCAIRO_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return tl_error_set(err, TL_ESYS,
				    _("PDF export needs the Pango and Cairo "
				      "libraries (%s), which cannot be "
				      "loaded: %s."), TL_PANGOCAIRO_SONAME,
				    dlerror());
#define TL_PDF_LOAD(f) \
	if (!missing && !(tl_pdf.f = (__typeof__(tl_pdf.f))dlsym(h, #f))) \
		missing = #f;
	TL_PDF_FUNCS(TL_PDF_LOAD)
#undef TL_PDF_LOAD
	if (missing) {
		dlclose(h);
		return tl_error_set(err, TL_ESYS,
				    _("The Pango and Cairo libraries (%s) "
				      "lack %s; PDF export needs Pango 1.44 "
				      "and Cairo 1.16 or later."),
				    TL_PANGOCAIRO_SONAME, missing);
	}
	handle = h;
	return TL_OK;
}

/* ---- the language ------------------------------------------------------- */

/* The last occurrence of the n bytes of s in the len bytes at p. */
static const char *find_last(const char *p, size_t len, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
		if (!memcmp(p + i, s, n))
			return p + i;
	return NULL;
}

/* The first occurrence of s in the len bytes at p, or NULL. */
static const char *find_first(const char *p, size_t len, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(p + i, s, n))
			return p + i;
	return NULL;
}

/* The number after key ("/Root 5 0 R": 5) in the n bytes at p; -1. */
static long number_after(const char *p, size_t n, const char *key)
{
	const char *k = find_first(p, n, key);
	char *end;
	long v;

	if (!k)
		return -1;
	k += strlen(key);
	v = strtol(k, &end, 10);
	return end == k || end > p + n ? -1 : v;
}

size_t tl_pdf_set_lang(char **pdf, size_t len, const char *lang)
{
	const char *p = *pdf, *trailer, *startxref, *obj, *dict, *dict_end;
	char head[32];
	long root, size, info, prev;
	size_t tlen, add, at;
	char *buf, *grown;
	FILE *f;

	/* The last trailer: its /Size, /Root and /Info, and the offset of
	 * the cross-reference table it ends. */
	trailer = find_last(p, len, "\ntrailer");
	startxref = find_last(p, len, "\nstartxref");
	if (!trailer || !startxref || startxref < trailer)
		return 0;
	tlen = (size_t)(startxref - trailer);
	root = number_after(trailer, tlen, "/Root");
	size = number_after(trailer, tlen, "/Size");
	info = number_after(trailer, tlen, "/Info");
	prev = strtol(startxref + strlen("\nstartxref"), NULL, 10);
	if (root <= 0 || size <= root || prev <= 0)
		return 0;
	/* The catalogue's dictionary, as Cairo wrote it. */
	snprintf(head, sizeof(head), "\n%ld 0 obj", root);
	obj = find_first(p, len, head);
	if (!obj)
		return 0;
	obj += strlen(head);
	dict = find_first(obj, len - (size_t)(obj - p), "<<");
	dict_end = dict ? find_first(dict, len - (size_t)(dict - p),
				     "endobj") : NULL;
	if (!dict_end)
		return 0;
	dict_end = find_last(dict, (size_t)(dict_end - dict), ">>");
	if (!dict_end || find_first(dict, (size_t)(dict_end - dict), "/Lang"))
		return 0;

	buf = NULL;
	add = 0;
	f = open_memstream(&buf, &add);
	if (!f)
		return 0;
	at = len + 1;
	fprintf(f, "\n%ld 0 obj\n%.*s/Lang (%s)\n>>\nendobj\n", root,
		(int)(dict_end - dict), dict, lang);
	fprintf(f, "xref\n%ld 1\n%010zu 00000 n \n", root, at);
	fprintf(f, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n", size, root);
	if (info > 0)
		fprintf(f, "   /Info %ld 0 R\n", info);
	fprintf(f, "   /Prev %ld\n>>\nstartxref\n", prev);
	/* The new cross-reference section starts after the object. */
	if (fclose(f) != 0) {
		free(buf);
		return 0;
	}
	{
		const char *x = find_first(buf, add, "xref\n");
		size_t xref_at = len + (size_t)(x - buf);

		grown = realloc(*pdf, len + add + 32);
		if (!grown) {
			free(buf);
			return 0;
		}
		memcpy(grown + len, buf, add);
		add += (size_t)snprintf(grown + len + add, 32, "%zu\n%%%%EOF\n",
					xref_at);
	}
	free(buf);
	*pdf = grown;
	return len + add;
}
