/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * validate.c - core's checks of every value before it is stored.
 *
 * tl_validate_value turns what a person typed (or a file held) into the
 * one canonical string the store keeps for that field type, or explains in
 * one sentence why it cannot.  The checks of a whole record are
 * validate_record.c's.  Every message names the field by its
 * name (which is also its CLI option) and quotes at most about 40
 * characters of the bad value, sanitised so that no control character or
 * broken UTF-8 from the input can reach a terminal through a message.
 */
#include "tillit/core/validate.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/collate.h"
#include "tillit/core/date.h"
#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/core/text.h"

/* Characters of a bad value quoted in a message. */
#define QUOTE_CHARS 40
/* Room for the quote: 40 characters of up to 4 bytes and an ellipsis. */
#define QUOTE_SIZE 200
/* Digits before the decimal point of an amount; more would lose cents. */
#define AMOUNT_DIGITS 15

/* The value quoted for a message; see the file comment. */
static const char *quote(const char *in, char *buf, size_t size)
{
	return tl_text_quote(in, QUOTE_CHARS, buf, size);
}

/* A bounded output string. */
struct out {
	char *p;
	size_t size, len;
	bool full;
};

static void out_add(struct out *o, const char *s, size_t n)
{
	if (o->full || o->len + n + 1 > o->size) {
		o->full = true;
		return;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

/* Lower case for ASCII only, whatever the locale says. */
static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

/* s[0..*len) without leading and trailing white space. */
static const char *trim(const char *s, size_t *len)
{
	size_t n = strlen(s);

	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	*len = n;
	return s;
}

static bool all_space(const char *s)
{
	for (; *s; s++)
		if (!is_space(*s))
			return false;
	return true;
}

/* The field's value written as a NUL-terminated copy into buf. */
static void copy_trimmed(const char *in, char *buf, size_t size)
{
	size_t len;
	const char *s = trim(in, &len);

	if (len >= size)
		len = size - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
}

static enum tl_status too_long(const struct tl_field *f,
			       struct tl_error *err)
{
	return tl_error_set(err, TL_EINVAL, _("%s is longer than 64 KiB."),
			    f->name);
}

static enum tl_status finish(const struct tl_field *f, struct out *o,
			     struct tl_error *err)
{
	if (o->full || o->len > TL_TEXT_MAX) {
		if (o->size > 0)
			o->p[0] = '\0';
		return too_long(f, err);
	}
	return TL_OK;
}

/*
 * The control character at s (which is well-formed UTF-8), described for
 * a message, or NULL when s does not start with one.  C1 controls are
 * U+0080-U+009F, encoded C2 80 - C2 9F.
 */
static const char *control_at(const char *s)
{
	unsigned char c = (unsigned char)s[0];

	if (c == '\n' || c == '\r')
		return "a line break";
	if (c == '\t')
		return "a tab";
	if (c < 0x20 || c == 0x7F)
		return "a control character";
	if (c == 0xC2 && (unsigned char)s[1] >= 0x80 &&
	    (unsigned char)s[1] <= 0x9F)
		return "a control character";
	return NULL;
}

static enum tl_status bad_control(const struct tl_field *f, const char *in,
				  const char *what, struct tl_error *err)
{
	char q[QUOTE_SIZE];

	return tl_error_set(err, TL_EINVAL,
			    _("%s must not contain %s, but \"%s\" does."),
			    f->name, what, quote(in, q, sizeof(q)));
}

/* One line of text, trimmed. */
static enum tl_status check_text(const struct tl_field *f, const char *in,
				 struct out *o, struct tl_error *err)
{
	size_t len;
	const char *s = trim(in, &len);

	if (len > TL_TEXT_MAX)
		return too_long(f, err);
	for (size_t i = 0; i < len; i++) {
		const char *what = control_at(s + i);
		if (what)
			return bad_control(f, in, what, err);
	}
	out_add(o, s, len);
	return finish(f, o, err);
}

/*
 * Text that may run over several lines.  Line ends are kept as "\n": a
 * "\r\n" or a lone "\r" (pasted from other systems) becomes "\n".  Tabs
 * stay; other controls are refused.
 */
static enum tl_status check_longtext(const struct tl_field *f,
				     const char *in, struct out *o,
				     struct tl_error *err)
{
	const char *s = in, *run = in;

	for (; *s; s++) {
		const char *what;
		if (*s == '\n' || *s == '\t')
			continue;
		if (*s == '\r') {
			out_add(o, run, (size_t)(s - run));
			out_add(o, "\n", 1);
			if (s[1] == '\n')
				s++;
			run = s + 1;
			continue;
		}
		what = control_at(s);
		if (what)
			return bad_control(f, in, what, err);
	}
	out_add(o, run, (size_t)(s - run));
	return finish(f, o, err);
}

static enum tl_status check_enum(const struct tl_field *f, const char *in,
				 struct out *o, struct tl_error *err)
{
	char buf[64], choices[512], q[QUOTE_SIZE];
	size_t len;
	const char *s = trim(in, &len);

	/* "Committee" and "one-to-one" are what people type for these. */
	if (len < sizeof(buf)) {
		for (size_t i = 0; i < len; i++)
			buf[i] = s[i] == '-' ? '_' : ascii_lower(s[i]);
		buf[len] = '\0';
		if (tl_field_choice_ok(f, buf)) {
			out_add(o, buf, len);
			return finish(f, o, err);
		}
		/* A choice as the reader's language names it, in any case
		 * ("Medarbetarsamtal" for one_to_one), as lists show it. */
		char *typed = tl_text_fold(buf, NULL);
		for (int i = 0; typed && f->choices && f->choices[i]; i++) {
			char *name = tl_text_fold(_(f->choices[i]), NULL);
			bool same = name && !strcmp(name, typed);

			free(name);
			if (same) {
				free(typed);
				out_add(o, f->choices[i], strlen(f->choices[i]));
				return finish(f, o, err);
			}
		}
		free(typed);
	}
	return tl_error_set(err, TL_EINVAL,
			    _("\"%s\" is not a valid %s; choose one of %s."),
			    quote(in, q, sizeof(q)), f->name,
			    tl_field_choices_str(f, choices, sizeof(choices)));
}

static enum tl_status check_date(const struct tl_field *f, const char *in,
				 struct out *o, struct tl_error *err)
{
	char date[TL_DATE_SIZE];
	struct tl_error e;

	if (tl_date_parse(in, NULL, date, &e) != TL_OK)
		return tl_error_set(err, TL_EINVAL, "%s: %s", f->name, e.msg);
	out_add(o, date, strlen(date));
	return finish(f, o, err);
}

static enum tl_status check_datetime(const struct tl_field *f,
				     const char *in, struct out *o,
				     struct tl_error *err)
{
	char dt[TL_DATETIME_SIZE];
	struct tl_error e;

	if (tl_datetime_parse(in, NULL, dt, &e) != TL_OK)
		return tl_error_set(err, TL_EINVAL, "%s: %s", f->name, e.msg);
	out_add(o, dt, strlen(dt));
	return finish(f, o, err);
}

static enum tl_status check_int(const struct tl_field *f, const char *in,
				struct out *o, struct tl_error *err)
{
	char buf[32], q[QUOTE_SIZE];
	size_t len;
	const char *s = trim(in, &len);
	char *end;
	long v;

	if (len == 0 || len >= sizeof(buf))
		goto bad;
	memcpy(buf, s, len);
	buf[len] = '\0';
	/* strtol alone would take "0x10" or " 7" or "7abc" in part. */
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)buf[i]) &&
		    !(i == 0 && (buf[i] == '+' || buf[i] == '-') && len > 1))
			goto bad;
	errno = 0;
	v = strtol(buf, &end, 10);
	if (errno || *end || v < f->min || v > f->max)
		goto bad;
	snprintf(buf, sizeof(buf), "%ld", v);
	out_add(o, buf, strlen(buf));
	return finish(f, o, err);
bad:
	return tl_error_set(err, TL_EINVAL,
			    _("%s must be a whole number from %ld to %ld, "
			    "not \"%s\"."), f->name, f->min, f->max,
			    quote(in, q, sizeof(q)));
}

/* Bytes of a space people put between groups of digits at s, or 0. */
static size_t group_space(const char *s)
{
	if (s[0] == ' ')
		return 1;
	if (!strncmp(s, "\xC2\xA0", 2))        /* no-break space */
		return 2;
	if (!strncmp(s, "\xE2\x80\xAF", 3) ||  /* narrow no-break space */
	    !strncmp(s, "\xE2\x80\x89", 3))    /* thin space */
		return 3;
	return 0;
}

/*
 * A non-negative amount: "250000", "250 000", "1250,50" (Swedish decimal
 * comma), "0250000.50".  The canonical form has no spaces, a point, no
 * leading zeros and no trailing zeros in the fraction: "250000.5".  More
 * than two decimals is refused rather than rounded, which also keeps
 * "250,000" (an English thousands comma) from quietly meaning 250.
 */
/*
 * A decimal: an amount (never negative, at most 2 decimals) or a number
 * (TL_FT_NUMBER: may be negative, at most 4 decimals).  Spaces may group
 * the digits of the whole part and a comma may stand for the point, as a
 * Swedish reader writes; the stored form has neither, nor leading zeros
 * or trailing zeros after the point.
 */
static enum tl_status check_amount(const struct tl_field *f, const char *in,
				   struct out *o, struct tl_error *err)
{
	bool number = f->type == TL_FT_NUMBER;
	size_t max_frac = number ? 4 : 2;
	char q[QUOTE_SIZE], num[AMOUNT_DIGITS + 8];
	size_t len, i = 0, nint = 0, nfrac = 0, n = 0;
	const char *s = trim(in, &len);
	char digits_int[AMOUNT_DIGITS + 1], frac[5];
	const char *end = s + len;
	const char *p = s;
	bool minus = false;

	if (p < end && (*p == '-' || !strncmp(p, "\u2212", 3))) {
		if (!number)
			return tl_error_set(err, TL_EINVAL,
					    _("%s must not be negative, but "
					      "\"%s\" is."), f->name,
					    quote(in, q, sizeof(q)));
		minus = true;
		p += *p == '-' ? 1 : 3;
	} else if (p < end && *p == '+')
		p++;
	/* The whole part, with spaces allowed only between digits. */
	while (p < end) {
		size_t sp;
		if (isdigit((unsigned char)*p)) {
			/* Leading zeros are dropped as they come. */
			if (nint > 0 || *p != '0') {
				if (nint >= AMOUNT_DIGITS)
					return tl_error_set(
						err, TL_EINVAL,
						_("%s \"%s\" is too large."),
						f->name,
						quote(in, q, sizeof(q)));
				digits_int[nint++] = *p;
			}
			n++;
			p++;
		} else if (n > 0 && (sp = group_space(p)) > 0 &&
			   p + sp < end && isdigit((unsigned char)p[sp])) {
			p += sp;
		} else {
			break;
		}
	}
	if (p < end && (*p == '.' || *p == ',')) {
		p++;
		while (p < end && isdigit((unsigned char)*p)) {
			if (nfrac >= max_frac)
				goto bad;
			frac[nfrac++] = *p++;
			n++;
		}
	}
	if (p != end || n == 0)
		goto bad;
	while (nfrac > 0 && frac[nfrac - 1] == '0')
		nfrac--;
	/* Minus zero is zero. */
	if (minus && (nint > 0 || nfrac > 0))
		num[i++] = '-';
	if (nint == 0)
		num[i++] = '0';
	memcpy(num + i, digits_int, nint);
	i += nint;
	if (nfrac > 0) {
		num[i++] = '.';
		memcpy(num + i, frac, nfrac);
		i += nfrac;
	}
	num[i] = '\0';
	out_add(o, num, i);
	return finish(f, o, err);
bad:
	if (number)
		return tl_error_set(err, TL_EINVAL,
				    _("%s must be a number with at most 4 "
				      "decimals, such as 87.5 or -2, not "
				      "\"%s\"."), f->name,
				    quote(in, q, sizeof(q)));
	return tl_error_set(err, TL_EINVAL,
			    _("%s must be a number with at most 2 decimals, "
			    "such as 250000 or 1250.50, not \"%s\"."),
			    f->name, quote(in, q, sizeof(q)));
}

/*
 * A period of goal follow-up: a year (2026), years (2025-2027, the first
 * before the last), a tertial (2026T1 to T3) or a half-year (2026H1,
 * H2); the letter in either case, and "2026 T1" with a space; stored as
 * the examples are written.
 */
static enum tl_status check_period(const struct tl_field *f, const char *in,
				   struct out *o, struct tl_error *err)
{
	char q[QUOTE_SIZE], canon[10];
	size_t len;
	const char *s = trim(in, &len);
	char letter = 0, part = 0;

	/* Four digits of a year from 1900 on, first. */
	if (len < 4 || strspn(s, "0123456789") < 4 || s[0] < '1' ||
	    (s[0] == '1' && s[1] < '9'))
		goto bad;
	memcpy(canon, s, 4);
	canon[4] = '\0';
	if (len == 9 && s[4] == '-' && strspn(s + 5, "0123456789") == 4) {
		if (strncmp(s + 5, s, 4) <= 0)
			goto bad;
		memcpy(canon + 4, s + 4, 5);
		canon[9] = '\0';
	} else if (len == 6 || (len == 7 && s[4] == ' ')) {
		letter = ascii_lower(s[len - 2]);
		part = s[len - 1];
		if (!((letter == 't' && part >= '1' && part <= '3') ||
		      (letter == 'h' && part >= '1' && part <= '2')))
			goto bad;
		canon[4] = letter == 't' ? 'T' : 'H';
		canon[5] = part;
		canon[6] = '\0';
	} else if (len != 4)
		goto bad;
	out_add(o, canon, strlen(canon));
	return finish(f, o, err);
bad:
	return tl_error_set(err, TL_EINVAL,
			    _("%s must be a year (2026), years (2025-2027), a "
			      "tertial (2026T1) or a half-year (2026H1), not "
			      "\"%s\"."), f->name, quote(in, q, sizeof(q)));
}

static enum tl_status check_bool(const struct tl_field *f, const char *in,
				 struct out *o, struct tl_error *err)
{
	static const char *const yes[] = {"1", "yes", "true", "ja", "y", NULL};
	static const char *const no[] = {"0", "no", "false", "nej", "n", NULL};
	char buf[8], q[QUOTE_SIZE];
	size_t len;
	const char *s = trim(in, &len);

	if (len < sizeof(buf)) {
		for (size_t i = 0; i < len; i++)
			buf[i] = ascii_lower(s[i]);
		buf[len] = '\0';
		for (int i = 0; yes[i]; i++) {
			if (!strcmp(buf, yes[i])) {
				out_add(o, "1", 1);
				return finish(f, o, err);
			}
			if (!strcmp(buf, no[i])) {
				out_add(o, "0", 1);
				return finish(f, o, err);
			}
		}
	}
	return tl_error_set(err, TL_EINVAL,
			    _("%s must be yes or no, not \"%s\"."), f->name,
			    quote(in, q, sizeof(q)));
}

static enum tl_status check_ref(const struct tl_field *f, const char *in,
				struct out *o, struct tl_error *err)
{
	const struct tl_entity *e = tl_entity_get(f->ref);
	char buf[TL_ID_LEN + 1], q[QUOTE_SIZE];
	size_t len;
	const char *s = trim(in, &len);

	if (len == TL_ID_LEN) {
		for (size_t i = 0; i < len; i++)
			buf[i] = ascii_lower(s[i]);
		buf[len] = '\0';
		if (tl_id_valid(buf)) {
			out_add(o, buf, len);
			return finish(f, o, err);
		}
	}
	return tl_error_set(err, TL_EINVAL,
			    _("%s must be the full 36-character id of %s, "
			      "not \"%s\"."), f->name,
			    e ? _(e->a_label) : _("a record"),
			    quote(in, q, sizeof(q)));
}

/*
 * Principle keys, comma-separated: "tillit, Kvalitet" becomes
 * "tillit,kvalitet", and a principle may be named as it reads
 * ("Rättssäkerhet" is "rattssakerhet").  Empty entries ("a,,b", a
 * trailing comma) are
 * dropped; a key given twice is refused, as it is surely a slip.
 */
static enum tl_status check_tags(const struct tl_field *f, const char *in,
				 struct out *o, struct tl_error *err)
{
	char q[QUOTE_SIZE];
	const char *p = in;

	while (*p) {
		size_t seg = strcspn(p, ","), len;
		const char *key = p;
		char *tag, *named = NULL;

		/* Trim this key in place of a copy. */
		while (seg > 0 && is_space(*key)) {
			key++;
			seg--;
		}
		len = seg;
		while (len > 0 && is_space(key[len - 1]))
			len--;
		p = key + seg;
		if (*p == ',')
			p++;
		if (len == 0)
			continue;
		/* A principle's name ("Rättssäkerhet") gives its key as
		 * the key was made from it: folded (collate.h). */
		const char *typed = key;
		size_t typed_len = len;
		for (size_t i = 0; i < len && !named; i++)
			if ((unsigned char)key[i] >= 0x80) {
				char *k = strndup(key, len);
				named = k ? tl_text_fold(k, err) : NULL;
				free(k);
				if (!named)
					return err ? err->status : TL_ESYS;
				key = named;
				len = strlen(named);
			}
		for (size_t i = 0; i < len; i++) {
			char c = ascii_lower(key[i]);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			      c == '-' || c == '_')) {
				char *k = strndup(typed, typed_len);
				tl_error_set(err, TL_EINVAL,
					     _("\"%s\" in %s is not a principle "
					       "key; keys use only a-z, 0-9, - "
					       "and _."),
					     quote(k ? k : "", q, sizeof(q)),
					     f->name);
				free(k);
				free(named);
				return TL_EINVAL;
			}
		}
		if (o->full) { /* the check below reads the output */
			free(named);
			break;
		}
		if (o->len)
			out_add(o, ",", 1);
		tag = o->p + o->len;
		for (size_t i = 0; i < len; i++) {
			char c = ascii_lower(key[i]);
			out_add(o, &c, 1);
		}
		free(named);
		if (o->full)
			break;
		/* Compare the new key with those before it. */
		for (const char *t = o->p; t < tag;) {
			size_t tl = strcspn(t, ",");
			if (tl == len && !strncmp(t, tag, len))
				return tl_error_set(err, TL_EINVAL,
						    _("%s lists \"%s\" twice."),
						    f->name,
						    quote(tag, q, sizeof(q)));
			t += tl + 1;
		}
	}
	return finish(f, o, err);
}

/*
 * Text in Unicode's composed form (NFC), whatever form it was typed in:
 * "Å" typed as "A" and a combining ring (as macOS often sends it) is
 * stored, found and sorted as the one letter.
 */
static enum tl_status composed(const struct tl_field *f, enum tl_status rc,
			       char *out, size_t size, struct tl_error *err)
{
	if (rc != TL_OK)
		return rc;
	rc = tl_text_nfc(out, size, err);
	if (rc == TL_EINVAL)
		return too_long(f, err);
	return rc;
}

enum tl_status tl_validate_value(const struct tl_field *f, const char *in,
				 char *out, size_t size,
				 struct tl_error *err)
{
	struct out o = {.p = out, .size = size};
	char q[QUOTE_SIZE];
	size_t len;

	if (!f || !out || size == 0)
		return tl_error_set(err, TL_EINVAL, _("No field to check."));
	out[0] = '\0';
	if (!in)
		in = "";
	len = strlen(in);
	if (!tl_utf8_valid(in, len))
		return tl_error_set(err, TL_EINVAL,
				    _("%s is not valid UTF-8 text: \"%s\"."),
				    f->name, quote(in, q, sizeof(q)));

	/* Nothing, or only spaces, leaves the field unset. */
	if (all_space(in)) {
		if ((f->flags & TL_FF_REQUIRED) && !(f->flags & TL_FF_AUTO))
			return tl_error_set(err, TL_EINVAL, _("%s is required."),
					    f->name);
		return TL_OK;
	}

	switch (f->type) {
	case TL_FT_TEXT:
		return composed(f, check_text(f, in, &o, err), out, size, err);
	case TL_FT_LONGTEXT:
		return composed(f, check_longtext(f, in, &o, err), out, size,
				err);
	case TL_FT_ENUM:
		return check_enum(f, in, &o, err);
	case TL_FT_DATE:
		return check_date(f, in, &o, err);
	case TL_FT_DATETIME:
		return check_datetime(f, in, &o, err);
	case TL_FT_INT:
		return check_int(f, in, &o, err);
	case TL_FT_AMOUNT:
	case TL_FT_NUMBER:
		return check_amount(f, in, &o, err);
	case TL_FT_PERIOD:
		return check_period(f, in, &o, err);
	case TL_FT_BOOL:
		return check_bool(f, in, &o, err);
	case TL_FT_REF:
		return check_ref(f, in, &o, err);
	case TL_FT_TAGS:
		return composed(f, check_tags(f, in, &o, err), out, size, err);
	}
	copy_trimmed(in, out, size);
	return TL_OK;
}

bool tl_id_valid(const char *s)
{
	if (!s)
		return false;
	for (int i = 0; i < TL_ID_LEN; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		char c = s[i];
		if (dash ? c != '-' :
			   !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return false;
	}
	return s[TL_ID_LEN] == '\0';
}
