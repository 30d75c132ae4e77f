/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * text.h - UTF-8 text: checking, display width, and safe display.
 *
 * Column alignment counts terminal cells, not bytes: "Åsa" is three cells
 * and four bytes, and a CJK character is two cells.  Widths come from the C
 * library's wcwidth() under a UTF-8 locale (tl_text_init sets LC_CTYPE).
 */
#ifndef TILLIT_TEXT_H
#define TILLIT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Sets LC_CTYPE from the environment, falling back to C.UTF-8. */
void tl_text_init(void);

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
bool tl_utf8_valid(const char *s, size_t len);

/*
 * How many bytes of s to quote when at most max may be shown: strlen(s)
 * when it fits, else max less the start of a character that would be cut
 * (for "%.*s" in messages, so that a quote never ends in half a
 * character).  0 for NULL.
 */
size_t tl_utf8_prefix(const char *s, size_t max);

/*
 * Terminal cells that s takes as tl_text_fit and tl_text_sanitize (without
 * keep_newlines) show it: a control in caret notation takes 2, a newline
 * or tab 1 (a space).
 */
size_t tl_text_width(const char *s);

/*
 * Copies s into out (size bytes) so that it fills exactly `width` cells:
 * cut at a character boundary with "…" when too wide, padded with spaces
 * when too narrow (on the right, or on the left when right_align).
 * Control characters are shown as sanitised by tl_text_sanitize.
 * Returns out.
 */
char *tl_text_fit(const char *s, size_t width, bool right_align, char *out,
		  size_t size);

/*
 * A copy of s that is safe to print to a terminal: C0 and C1 controls,
 * DEL and ESC become U+FFFD-free visible forms ("^[" style for C0, "?"
 * for C1 controls, invalid UTF-8 and the bidi embeddings, overrides and
 * isolates U+202A-U+202E and U+2066-U+2069); newlines and tabs are kept when keep_newlines,
 * otherwise shown as a space.  Caller frees; NULL when out of memory.
 */
char *tl_text_sanitize(const char *s, bool keep_newlines);

/*
 * Whether tl_text_sanitize(s, keep_newlines) gives s back unchanged: true
 * for NULL and for well-formed UTF-8 without a control character (but
 * '\n' and '\t' when keep_newlines) or a bidi control.  For writers of
 * many values (CSV), which copy only those that need it.
 */
bool tl_text_is_clean(const char *s, bool keep_newlines);

/* Whether the person's own locale was UTF-8 when tl_text_init ran (it
 * then works in UTF-8 whatever): a terminal that is not gets ASCII where
 * tillit would draw with block characters.  True before tl_text_init. */
bool tl_text_user_utf8(void);

/*
 * in quoted for a message, into buf (size bytes, at least 4 * chars + 4):
 * sanitised (tl_text_sanitize), so that no control character or broken
 * UTF-8 reaches a terminal, and cut after `chars` characters, never
 * inside one, with "…" when something was left out.  NULL quotes as "".
 * Returns buf.
 */
const char *tl_text_quote(const char *in, size_t chars, char *buf,
			  size_t size);

/* The first line of s, at most max_bytes, as a new string.  Caller frees. */
char *tl_text_first_line(const char *s, size_t max_bytes);

/*
 * The one of n names that `word` was most likely a typing slip of, for
 * "did you mean": the nearest by edit distance (a letter added, dropped,
 * changed, or two side by side swapped), when it is one edit away (two
 * for a word of five letters or more) and no other name is as near.
 * NULL when none is, when word is one of them, or shorter than three
 * letters.  Names may be NULL (skipped).
 */
const char *tl_text_nearest(const char *word, const char *const *names,
			    size_t n);

#endif
