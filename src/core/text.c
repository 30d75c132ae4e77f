/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * text.c - UTF-8 text: checking, display width, and safe display.
 *
 * Everything here walks text one character at a time with a strict UTF-8
 * decoder of our own, so that broken input (overlong forms, surrogates,
 * cut sequences) is treated the same way whatever the locale: each broken
 * piece is one '?' on screen.  Widths of well-formed characters come from
 * the C library's wcwidth(), which knows combining marks (0 cells) and
 * East Asian wide characters (2 cells) under a UTF-8 LC_CTYPE; glibc and
 * musl use Unicode code points as wchar_t values (__STDC_ISO_10646__), so
 * a decoded code point can be handed to wcwidth() directly.
 *
 * What reaches a terminal is "sanitised": a C0 control is shown in caret
 * notation ("^A", ESC as "^[", DEL as "^?"), a C1 control as '?', so text
 * typed or imported by anyone can never move the cursor or change colours.
 */
#include "tillit/core/text.h"

#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

/* A decoded character that is not well-formed UTF-8. */
#define BAD_CHAR UINT32_MAX

/* U+2026 HORIZONTAL ELLIPSIS, one cell wide. */
static const char ellipsis[] = "\xE2\x80\xA6";

static bool locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8"));
}

/* Whether the person's own locale (before tl_text_init) is UTF-8. */
static bool user_utf8 = true;

bool tl_text_user_utf8(void)
{
	return user_utf8;
}

void tl_text_init(void)
{
	const char *loc = setlocale(LC_CTYPE, "");

	user_utf8 = loc && locale_is_utf8();
	if (user_utf8)
		return;
	if (setlocale(LC_CTYPE, "C.UTF-8") && locale_is_utf8())
		return;
	/* Older systems lack C.UTF-8 but usually have this one. */
	setlocale(LC_CTYPE, "en_US.UTF-8");
}

/*
 * Decodes one character from s[0..len), len > 0.  Returns the bytes it
 * takes.  A broken sequence yields BAD_CHAR and the length of its longest
 * well-formed start (at least 1), so "\xE6\x97" followed by "x" is one bad
 * character and then "x".
 */
static size_t utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need, i;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;      /* no overlong forms */
		else if (c == 0xED)
			hi = 0x9F;      /* no surrogates D800-DFFF */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;      /* no overlong forms */
		else if (c == 0xF4)
			hi = 0x8F;      /* nothing above U+10FFFF */
	} else {
		*cp = BAD_CHAR;         /* 80-C1 (C0/C1 are overlong), F5-FF */
		return 1;
	}
	for (i = 1; i <= need; i++) {
		unsigned char b = i < len ? s[i] : 0;
		if (b < lo || b > hi) {
			*cp = BAD_CHAR;
			return i;
		}
		lo = 0x80;
		hi = 0xBF;
		v = (v << 6) | (b & 0x3F);
	}
	*cp = v;
	return need + 1;
}

bool tl_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;

	if (!s)
		return len == 0;
	while (i < len) {
		/* Most text is ASCII: past it eight bytes at a time. */
		while (i + 8 <= len) {
			uint64_t w;

			memcpy(&w, p + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i == len)
			break;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		i += utf8_next(p + i, len - i, &cp);
		if (cp == BAD_CHAR)
			return false;
	}
	return true;
}

size_t tl_utf8_prefix(const char *s, size_t max)
{
	size_t n;

	if (!s)
		return 0;
	n = strnlen(s, max + 1);
	if (n <= max)
		return n;
	n = max;
	/* s[n] is the first byte left out: back up to its character. */
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/*
 * The bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069): a terminal that does bidi would let them reorder what
 * follows, even past the end of the field ("Trojan Source"), so they are
 * shown as "?" like the C1 controls.  The marks U+200E and U+200F only
 * give a weak direction and are shown as they are.
 */
static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Cells of a printable, well-formed character. */
static int char_width(uint32_t cp)
{
	int w = wcwidth((wchar_t)cp);

	/* Unknown to the locale (or not assigned): most terminals use 1. */
	return w < 0 ? 1 : w;
}

/* How one character of the input is shown. */
struct glyph {
	size_t used;   /* input bytes */
	char show[4];  /* bytes to show */
	size_t len;    /* ... and how many */
	size_t width;  /* cells they take */
};

/* The display form of the character at s[0..len), len > 0. */
static void next_glyph(const char *s, size_t len, bool keep_newlines,
		       struct glyph *g)
{
	uint32_t cp;

	g->width = 1;
	g->len = 1;
	/* Printable ASCII, most of any text: itself, one cell. */
	if (s[0] >= 0x20 && s[0] < 0x7F) {
		g->used = 1;
		g->show[0] = s[0];
		return;
	}
	g->used = utf8_next((const unsigned char *)s, len, &cp);
	if (cp == BAD_CHAR || (cp >= 0x80 && cp <= 0x9F) ||
	    is_bidi_control(cp)) {
		g->show[0] = '?';
	} else if (cp == '\n' || cp == '\t') {
		g->show[0] = keep_newlines ? (char)cp : ' ';
	} else if (cp < 0x20 || cp == 0x7F) {
		/* Caret notation: ^@ .. ^_, and ^? for DEL. */
		g->show[0] = '^';
		g->show[1] = cp == 0x7F ? '?' : (char)(cp + 0x40);
		g->len = 2;
		g->width = 2;
	} else {
		memcpy(g->show, s, g->used);
		g->len = g->used;
		g->width = (size_t)char_width(cp);
	}
}

size_t tl_text_width(const char *s)
{
	size_t len, i = 0, w = 0;
	struct glyph g;

	if (!s)
		return 0;
	len = strlen(s);
	while (i < len) {
		next_glyph(s + i, len - i, false, &g);
		w += g.width;
		i += g.used;
	}
	return w;
}

char *tl_text_sanitize(const char *s, bool keep_newlines)
{
	size_t len, i = 0, n = 0;
	struct glyph g;
	char *out;

	if (!s)
		s = "";
	len = strlen(s);
	/* Caret notation doubles a byte; nothing else grows. */
	out = malloc(2 * len + 1);
	if (!out)
		return NULL;
	while (i < len) {
		next_glyph(s + i, len - i, keep_newlines, &g);
		memcpy(out + n, g.show, g.len);
		n += g.len;
		i += g.used;
	}
	out[n] = '\0';
	return out;
}

bool tl_text_is_clean(const char *s, bool keep_newlines)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, i = 0, n;
	uint32_t cp;

	if (!s)
		return true;
	len = strlen(s);
	while (i < len) {
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			i++;
			continue;
		}
		n = utf8_next(p + i, len - i, &cp);
		if (cp == BAD_CHAR || cp == 0x7F ||
		    (cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp))
			return false;
		if (cp < 0x20 && !(keep_newlines && (cp == '\n' || cp == '\t')))
			return false;
		i += n;
	}
	return true;
}

/* Appends n bytes if they fit in out[size] with the NUL; false if not. */
static bool put(char *out, size_t size, size_t *pos, const char *b, size_t n)
{
	if (*pos + n + 1 > size)
		return false;
	memcpy(out + *pos, b, n);
	*pos += n;
	return true;
}

static void put_spaces(char *out, size_t size, size_t *pos, size_t n)
{
	while (n-- > 0 && put(out, size, pos, " ", 1))
		;
}

char *tl_text_fit(const char *s, size_t width, bool right_align, char *out,
		  size_t size)
{
	size_t len, i, total = 0, shown = 0, avail, end, pos = 0, pad;
	struct glyph g;
	bool cut;

	if (!out || size == 0)
		return out;
	out[0] = '\0';
	if (!s)
		s = "";
	len = strlen(s);

	for (i = 0; i < len; i += g.used) {
		next_glyph(s + i, len - i, false, &g);
		total += g.width;
	}
	cut = total > width;
	avail = cut ? (width > 0 ? width - 1 : 0) : width;

	/*
	 * Keep whole characters while they fit; a zero-width combining mark
	 * stays with the character before it.
	 */
	for (end = 0; end < len; end += g.used) {
		next_glyph(s + end, len - end, false, &g);
		if (shown + g.width > avail)
			break;
		shown += g.width;
	}
	if (cut && width > 0)
		shown += 1; /* the ellipsis */
	pad = width - shown; /* a wide character may leave one cell */

	/*
	 * A buffer too small for the whole result gets as much as fits,
	 * still cut between characters.
	 */
	if (right_align)
		put_spaces(out, size, &pos, pad);
	for (i = 0; i < end; i += g.used) {
		next_glyph(s + i, len - i, false, &g);
		if (!put(out, size, &pos, g.show, g.len))
			break;
	}
	if (cut && width > 0)
		put(out, size, &pos, ellipsis, sizeof(ellipsis) - 1);
	if (!right_align)
		put_spaces(out, size, &pos, pad);
	out[pos] = '\0';
	return out;
}

char *tl_text_first_line(const char *s, size_t max_bytes)
{
	const unsigned char *p;
	size_t len, n = 0;
	uint32_t cp;
	char *out;

	if (!s)
		s = "";
	p = (const unsigned char *)s;
	len = strcspn(s, "\n");
	/* A line ending "\r\n" is one line break. */
	if (len > 0 && s[len - 1] == '\r')
		len--;
	while (n < len) {
		size_t k = utf8_next(p + n, len - n, &cp);
		if (n + k > max_bytes)
			break;
		n += k;
	}
	out = malloc(n + 1);
	if (!out)
		return NULL;
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

const char *tl_text_quote(const char *in, size_t chars, char *buf,
			  size_t size)
{
	size_t cut = in ? strlen(in) : 0;
	char *head, *safe;
	size_t n = 0, shown = 0;
	bool more = cut > 4 * chars;

	/* Only the start is quoted; cut it before a character, not inside. */
	if (more) {
		cut = 4 * chars;
		while (cut > 0 && ((unsigned char)in[cut] & 0xC0) == 0x80)
			cut--;
	}
	head = strndup(in ? in : "", cut);
	safe = head ? tl_text_sanitize(head, false) : NULL;
	free(head);
	buf[0] = '\0';
	if (!safe)
		return buf;
	while (safe[n] && shown < chars) {
		size_t len = 1;
		while (((unsigned char)safe[n + len] & 0xC0) == 0x80)
			len++;
		if (n + len + 4 > size)
			break;
		n += len;
		shown++;
	}
	memcpy(buf, safe, n);
	if (safe[n] || more) {
		memcpy(buf + n, "\xE2\x80\xA6", 3); /* U+2026 ellipsis */
		n += 3;
	}
	buf[n] = '\0';
	free(safe);
	return buf;
}

/* The edit distance of a and b (optimal string alignment: insertions,
 * deletions, substitutions and adjacent transpositions, by bytes), or
 * limit + 1 when it is above limit or either is too long to matter. */
static size_t edits(const char *a, const char *b, size_t limit)
{
	enum { MAX = 64 };
	size_t la = strlen(a), lb = strlen(b);
	size_t d[MAX + 1][MAX + 1];

	if (la > MAX || lb > MAX || (la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t k = 0; k <= lb; k++)
		d[0][k] = k;
	for (size_t i = 1; i <= la; i++)
		for (size_t k = 1; k <= lb; k++) {
			size_t cost = a[i - 1] != b[k - 1];
			size_t best = d[i - 1][k - 1] + cost;

			if (d[i - 1][k] + 1 < best)
				best = d[i - 1][k] + 1;
			if (d[i][k - 1] + 1 < best)
				best = d[i][k - 1] + 1;
			if (i > 1 && k > 1 && a[i - 1] == b[k - 2] &&
			    a[i - 2] == b[k - 1] && d[i - 2][k - 2] + 1 < best)
				best = d[i - 2][k - 2] + 1;
			d[i][k] = best;
		}
	return d[la][lb];
}

const char *tl_text_nearest(const char *word, const char *const *names,
			    size_t n)
{
	size_t limit = strlen(word) >= 5 ? 2 : 1, best = limit + 1;
	const char *found = NULL;
	bool tie = false;

	if (strlen(word) < 3)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t e;

		if (!names[i])
			continue;
		e = edits(word, names[i], limit);
		if (e == 0)
			return NULL;
		if (e < best) {
			best = e;
			found = names[i];
			tie = false;
		} else if (e == best && found && strcmp(found, names[i])) {
			tie = true;
		}
	}
	return tie ? NULL : found;
}
