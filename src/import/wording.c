/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * wording.c - what is wrong with a malformed file, in tillit's own
 * words.  jansson describes a syntax error in its own English ("'[' or
 * '{' expected near 'x'"), and the walk (walk.c) words what it finds
 * the same way; each such text is said again here as a sentence of
 * tillit's, translated like every other, with what the file holds there
 * quoted safely.  The line and column stay the scanner's (scan.c).
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/text.h"

/* The start of a parser's message and what tillit says instead. */
static const struct {
	const char *said;
	const char *sentence;
} wordings[] = {
	{"premature end of input",
	 N_("the file ends in the middle of a value")},
	{"unexpected newline",
	 N_("a string runs over the end of a line (a line break in text is "
	    "written \\n)")},
	{"control character",
	 N_("a string holds a control character (escape it, as \\t or "
	    "\\u0009)")},
	{"invalid escape", N_("a string holds an escape that JSON does not "
			      "have")},
	{"invalid Unicode", N_("a string holds an invalid \\u escape")},
	{"unable to decode byte", N_("the text is not valid UTF-8")},
	{"\\u0000", N_("a string holds \\u0000, which tillit does not keep")},
	{"NUL byte in object key", N_("a key holds \\u0000")},
	{"too big", N_("a number is too large")},
	{"real number overflow", N_("a number is too large")},
	{"invalid token", N_("this is not a JSON value")},
	{"maximum parsing depth", N_("the values are nested too deeply")},
	{"string or '}' expected",
	 N_("a key in double quotes, or '}', was expected")},
	{"duplicate object key",
	 N_("a key occurs twice in the same object")},
	{"':' expected", N_("':' was expected after the key")},
	{"'}' expected", N_("',' or '}' was expected")},
	{"']' expected", N_("',' or ']' was expected")},
	{"unexpected token", N_("a value was expected")},
	{"'[' or '{' expected",
	 N_("a tillit export is a JSON object, which starts with '{'")},
	{"end of file expected",
	 N_("nothing may follow the end of the document")},
};

const char *tl_import_wording(const char *said, char *buf, size_t size)
{
	static const char near_end[] = " near end of file";
	static const char near[] = " near '";
	const char *sentence = N_("the JSON is malformed");
	const char *at = strstr(said, near);
	char token[80], quoted[128];
	size_t n;

	for (size_t i = 0; i < sizeof(wordings) / sizeof(wordings[0]); i++) {
		if (!strncmp(said, wordings[i].said,
			     strlen(wordings[i].said))) {
			sentence = wordings[i].sentence;
			break;
		}
	}
	if (strstr(said, near_end)) {
		snprintf(buf, size, _("%s (at the end of the file)"),
			 _(sentence));
		return buf;
	}
	if (!at) {
		snprintf(buf, size, "%s", _(sentence));
		return buf;
	}
	/* What the file holds there, without the closing quote, nor the
	 * double quotes of a string (they are put back around it). */
	at += sizeof(near) - 1;
	n = strlen(at);
	if (n > 0 && at[n - 1] == '\'')
		n--;
	if (n >= 1 && at[0] == '"') {
		at++;
		n--;
		if (n >= 1 && at[n - 1] == '"')
			n--;
	}
	if (n >= sizeof(token))
		n = sizeof(token) - 1;
	memcpy(token, at, n);
	token[n] = '\0';
	snprintf(buf, size, _("%s (at \"%s\")"), _(sentence),
		 tl_text_quote(token, 20, quoted, sizeof(quoted)));
	return buf;
}
