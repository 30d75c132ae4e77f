/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * collate.c - Swedish order and NFC through ICU, loaded when first needed.
 *
 * ICU's C functions carry its major version in their names (ucol_open is
 * ucol_open_72 in ICU 72); its headers rename each call, so the names
 * looked up here are the headers' own, and every call is checked against
 * its declared type as if ICU were linked.  The library's file name (its
 * SONAME) comes from the Makefile.  Loading it costs some milliseconds
 * (a large C++ library), which is why it waits until a name is written,
 * a list is sorted in memory, or text beyond Latin Extended is typed.
 */
#include "tillit/core/collate.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "tillit/core/i18n.h"
#include "tillit/core/model.h"

#ifndef TL_LIBICU_SONAME
#define TL_LIBICU_SONAME "libicui18n.so.72"
#endif

/* The library's name of f: the header renames it (ucol_open_72). */
#define ICU_NAME_(f) #f
#define ICU_NAME(f) ICU_NAME_(f)

#define ICU_FUNCS(X) \
	X(ucol_open) \
	X(ucol_getSortKey) \
	X(ucol_strcollUTF8) \
	X(u_strFromUTF8WithSub) \
	X(u_strToUTF8) \
	X(unorm2_getNFCInstance) \
	X(unorm2_getNFDInstance) \
	X(unorm2_normalize) \
	X(u_strToLower)

static struct {
#define ICU_MEMBER(f) __typeof__(f) *f;
	ICU_FUNCS(ICU_MEMBER)
#undef ICU_MEMBER
	UCollator *sv;
	const UNormalizer2 *nfc, *nfd;
	char why[256]; /* why it did not load; "" when it did */
} icu;

static pthread_once_t icu_once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *h = dlopen(TL_LIBICU_SONAME, RTLD_NOW | RTLD_LOCAL);
	const char *missing = NULL;
	UErrorCode st = U_ZERO_ERROR;

	if (!h) {
		snprintf(icu.why, sizeof(icu.why), "%s", dlerror());
		return;
	}
#define ICU_LOAD(f) \
	if (!missing && !(icu.f = (__typeof__(icu.f))dlsym(h, ICU_NAME(f)))) \
		missing = ICU_NAME(f);
	ICU_FUNCS(ICU_LOAD)
#undef ICU_LOAD
	if (missing) {
		snprintf(icu.why, sizeof(icu.why), "%s", missing);
		return;
	}
	icu.sv = icu.ucol_open("sv_SE", &st);
	if (U_SUCCESS(st))
		icu.nfc = icu.unorm2_getNFCInstance(&st);
	if (U_SUCCESS(st))
		icu.nfd = icu.unorm2_getNFDInstance(&st);
	if (U_FAILURE(st) || !icu.sv || !icu.nfc || !icu.nfd) {
		snprintf(icu.why, sizeof(icu.why), "error %d", (int)st);
		icu.sv = NULL;
		icu.nfc = NULL;
	}
	/* The handle stays open until exit. */
}

static enum tl_status ready(struct tl_error *err)
{
	pthread_once(&icu_once, load);
	if (icu.sv && icu.nfc)
		return TL_OK;
	return tl_error_set(err, TL_ESYS,
			    _("Swedish sorting needs the ICU library (%s), "
			      "which cannot be loaded: %s."),
			    TL_LIBICU_SONAME, icu.why);
}

/*
 * UTF-8 text as UTF-16 in a new buffer; NULL when out of memory.  A byte
 * that is no UTF-8 (validate.c lets none be stored, but a file written
 * by another program may hold one) becomes U+FFFD, and *bad tells.
 */
static UChar *to_utf16(const char *s, int32_t *len, bool *bad)
{
	size_t n = strlen(s);
	UErrorCode st = U_ZERO_ERROR;
	int32_t subs = 0;
	UChar *u;

	if (n > INT32_MAX / 2 - 1)
		return NULL;
	/* One UTF-16 unit a byte at most. */
	u = malloc((n + 1) * sizeof(*u));
	if (!u)
		return NULL;
	icu.u_strFromUTF8WithSub(u, (int32_t)n + 1, len, s, (int32_t)n,
				 0xFFFD, &subs, &st);
	if (U_FAILURE(st)) {
		free(u);
		return NULL;
	}
	if (bad)
		*bad = subs > 0;
	return u;
}

/* Whether NFC leaves s as it is without asking ICU: every code point is
 * below U+0300, where no character decomposes or combines. */
static bool surely_nfc(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		/* U+0300 is CC 80; lead bytes from CC up start U+0300 on. */
		if (*p >= 0xCC)
			return false;
	return true;
}

enum tl_status tl_text_nfc(char *buf, size_t size, struct tl_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar *u, *v;
	int32_t ulen, vlen, blen;
	enum tl_status rc;

	if (!buf || surely_nfc(buf))
		return TL_OK;
	rc = ready(err);
	if (rc != TL_OK)
		return rc;
	bool bad = false;
	u = to_utf16(buf, &ulen, &bad);
	if (!u)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	/* Text that is no UTF-8 is left as it is, for its reader to
	 * refuse in its own words. */
	if (bad) {
		free(u);
		return TL_OK;
	}
	/* NFC grows a text by three times at the very most. */
	v = malloc(((size_t)ulen * 3 + 1) * sizeof(*v));
	if (!v) {
		free(u);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	vlen = icu.unorm2_normalize(icu.nfc, u, ulen, v, ulen * 3 + 1, &st);
	free(u);
	if (U_SUCCESS(st))
		icu.u_strToUTF8(buf, size > INT32_MAX ? INT32_MAX : (int32_t)size,
				&blen, v, vlen, &st);
	free(v);
	if (st == U_BUFFER_OVERFLOW_ERROR ||
	    st == U_STRING_NOT_TERMINATED_WARNING)
		return tl_error_set(err, TL_EINVAL,
				    _("The text is too long."));
	if (U_FAILURE(st))
		return tl_error_set(err, TL_EINVAL,
				    _("The text cannot be normalised."));
	return TL_OK;
}

char *tl_text_nfc_dup(const char *s, struct tl_error *err)
{
	size_t n = strlen(s ? s : "");
	/* NFC grows a text by three times at the very most. */
	size_t size = surely_nfc(s ? s : "") ? n + 1 : n * 3 + 1;
	char *out = malloc(size);

	if (!out) {
		tl_error_set(err, TL_ESYS, _("Out of memory."));
		return NULL;
	}
	memcpy(out, s ? s : "", n + 1);
	if (tl_text_nfc(out, size, err) != TL_OK) {
		free(out);
		return NULL;
	}
	return out;
}

/* ASCII text folds without ICU: its letters in lower case. */
static char *fold_ascii(const char *s)
{
	char *out = strdup(s);

	for (char *p = out; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return out;
}

char *tl_text_fold(const char *s, struct tl_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar *u, *low = NULL, *d = NULL;
	int32_t ulen, llen = 0, dlen = 0, n = 0, olen = 0;
	char *out = NULL;
	bool ascii = true;

	s = s ? s : "";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		ascii = ascii && *p < 0x80;
	if (ascii) {
		out = fold_ascii(s);
		if (!out)
			tl_error_set(err, TL_ESYS, _("Out of memory."));
		return out;
	}
	if (ready(err) != TL_OK)
		return NULL;
	u = to_utf16(s, &ulen, NULL);
	/* Lower case may grow a text by three times, and NFD again. */
	if (u)
		low = malloc(((size_t)ulen * 3 + 1) * sizeof(*low));
	if (low)
		llen = icu.u_strToLower(low, ulen * 3 + 1, u, ulen, "", &st);
	if (low && U_SUCCESS(st))
		d = malloc(((size_t)llen * 3 + 1) * sizeof(*d));
	if (d)
		dlen = icu.unorm2_normalize(icu.nfd, low, llen, d,
					    llen * 3 + 1, &st);
	if (d && U_SUCCESS(st)) {
		/* Without the combining marks of U+0300..U+036F. */
		for (int32_t i = 0; i < dlen; i++)
			if (d[i] < 0x300 || d[i] > 0x36f)
				d[n++] = d[i];
		out = malloc((size_t)n * 3 + 1);
	}
	if (out)
		icu.u_strToUTF8(out, n * 3 + 1, &olen, d, n, &st);
	free(u);
	free(low);
	free(d);
	if (!out || U_FAILURE(st)) {
		free(out);
		tl_error_set(err, TL_ESYS, _("Out of memory."));
		return NULL;
	}
	return out;
}

enum tl_status tl_collate_key(const char *text, unsigned char **key,
			      size_t *len, struct tl_error *err)
{
	enum tl_status rc = ready(err);
	UChar *u;
	int32_t ulen, need;
	uint8_t *k;

	*key = NULL;
	*len = 0;
	if (rc != TL_OK)
		return rc;
	u = to_utf16(text ? text : "", &ulen, NULL);
	if (!u)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	/* Most keys of a name fit in 64 bytes; else ask again with room. */
	k = malloc(64);
	need = k ? icu.ucol_getSortKey(icu.sv, u, ulen, k, 64) : 0;
	if (k && need > 64) {
		uint8_t *more = realloc(k, (size_t)need);
		if (!more) {
			free(k);
			k = NULL;
		} else {
			k = more;
			need = icu.ucol_getSortKey(icu.sv, u, ulen, k, need);
		}
	}
	free(u);
	if (!k || need <= 0) {
		free(k);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	*key = k;
	*len = (size_t)need - 1; /* without the key's closing NUL */
	if (*len > TL_SORT_KEY_MAX)
		*len = TL_SORT_KEY_MAX;
	return TL_OK;
}

int tl_collate_cmp(const char *a, const char *b)
{
	UErrorCode st = U_ZERO_ERROR;
	int r;

	a = a ? a : "";
	b = b ? b : "";
	if (ready(NULL) != TL_OK)
		return strcmp(a, b);
	r = icu.ucol_strcollUTF8(icu.sv, a, -1, b, -1, &st);
	if (U_FAILURE(st))
		return strcmp(a, b);
	/* Equal in Swedish order yet different: byte order decides, so
	 * that a sort is the same every time. */
	return r ? r : strcmp(a, b);
}
