#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Follow-ups as iCalendar (`tillit export followups --format ics`) on the
# demo: the file parses back through libical with no errors, holds one
# VTODO for each follow-up the same filters list (same ids, same due
# dates), and keeps RFC 5545's lines: CRLF, at most 75 octets.  A small
# checker is compiled here against libical, which the build needs anyway.
. "$(dirname "$0")/lib.sh"
: "${TMPDIR:?}"
d="$TMPDIR/ical"
mkdir -p "$d"
db=$DB

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; [ $# -gt 0 ] && printf '#   %s\n' "$@"; }

if ! "$TILLIT" export --help 2>&1 | grep -q 'ics'; then
	ok "# SKIP tillit export has no --format ics yet"
	exit 0
fi

# icscheck FILE: one line "id<TAB>due" a VTODO (due "-" when none),
# sorted by the caller; exits 1 on a parse error or a bad line.
cat >"$d/icscheck.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libical/ical.h>

int main(int argc, char **argv)
{
	static char buf[1 << 22];
	FILE *fp = argc == 2 ? fopen(argv[1], "rb") : NULL;
	size_t n, len;
	icalcomponent *cal, *c;
	const char *p, *eol;
	int bad = 0;

	if (!fp)
		return 2;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	for (p = buf; *p; p = eol + 2) {
		eol = strstr(p, "\r\n");
		len = eol ? (size_t)(eol - p) : strlen(p);
		if (!eol || len > 75 || memchr(p, '\n', len) ||
		    ((unsigned char)p[p[0] == ' '] & 0xC0) == 0x80) {
			fprintf(stderr, "bad line: %.80s\n", p);
			return 1;
		}
	}
	cal = icalparser_parse_string(buf);
	if (!cal || icalcomponent_count_errors(cal)) {
		fprintf(stderr, "libical could not parse it\n");
		bad = 1;
	}
	for (c = cal ? icalcomponent_get_first_component(cal,
		     ICAL_VTODO_COMPONENT) : NULL; c;
	     c = icalcomponent_get_next_component(cal, ICAL_VTODO_COMPONENT)) {
		const char *uid = icalcomponent_get_uid(c);
		icalproperty *due = icalcomponent_get_first_property(c,
						ICAL_DUE_PROPERTY);
		struct icaltimetype t;

		if (!uid || strlen(uid) != 43 || strcmp(uid + 36, "@tillit") ||
		    !icalcomponent_get_summary(c)) {
			bad = 1;
			continue;
		}
		printf("%.36s\t", uid);
		if (due) {
			t = icalproperty_get_due(due);
			printf("%04d-%02d-%02d%s\n", t.year, t.month, t.day,
			       t.is_date ? "" : " (not a DATE)");
		} else {
			printf("-\n");
		}
	}
	if (cal)
		icalcomponent_free(cal);
	return bad;
}
EOF
if ! ${CC:-cc} -o "$d/icscheck" "$d/icscheck.c" \
	$(pkg-config --cflags --libs libical) 2>"$d/cc.err"; then
	notok "compile the libical checker" "$(head -5 "$d/cc.err")"
	exit 1
fi

# ids_dues ARGS...: "id<TAB>due" of what `followup list ARGS` gives, sorted.
ids_dues() {
	"$TILLIT" --db "$db" followup list --format json --limit 1000 "$@" |
		awk '/^  \{"id": "/ {
			id = substr($0, 11, 36); due = "-"
			if (match($0, /"due": "[0-9-]+"/))
				due = substr($0, RSTART + 8, 10)
			printf "%s\t%s\n", id, due
		}' | sort
}

# case NAME ARGS...: export with ARGS, check it and compare with the list.
case_() {
	name=$1
	shift
	if ! "$TILLIT" --db "$db" export followups --format ics "$@" \
		>"$d/out.ics" 2>"$d/err"; then
		notok "$name: export" "$(head -3 "$d/err")"
		return
	fi
	if ! "$d/icscheck" "$d/out.ics" >"$d/got" 2>"$d/err"; then
		notok "$name: parses back through libical" "$(head -3 "$d/err")"
		return
	fi
	sort "$d/got" >"$d/got.sorted"
	ids_dues "$@" >"$d/want"
	if [ ! -s "$d/want" ] && [ "$name" != "nothing selected" ]; then
		notok "$name: the list is not empty"
	elif cmp -s "$d/got.sorted" "$d/want"; then
		ok "$name: $(wc -l <"$d/want" | tr -d ' ') to-dos, same ids and due dates"
	else
		notok "$name: same to-dos as the list" \
			"$(diff "$d/want" "$d/got.sorted" | head -10)"
	fi
}

if "$TILLIT" --db "$db" init --demo >"$d/err" 2>&1; then
	ok "init --demo"
else
	notok "init --demo" "$(head -3 "$d/err")"
	exit 1
fi

case_ "all follow-ups"
case_ "one owner" --owner "Åsa Öberg"
case_ "due in November" --from 2026-11-01 --to 2026-12-01
case_ "nothing selected" --from 2030-01-01 --to 2030-02-01

if "$TILLIT" --db "$db" export followups --format ics \
	--output "$d/file.ics" >"$d/out" 2>"$d/err" &&
	"$TILLIT" --db "$db" export followups --format ics >"$d/stdout.ics" &&
	cmp -s "$d/file.ics" "$d/stdout.ics" && [ ! -s "$d/out" ]; then
	ok "--output FILE writes the same calendar"
else
	notok "--output FILE writes the same calendar" "$(head -3 "$d/err")"
fi

# Stable: DTSTAMP comes from the records, not from the clock.
if TILLIT_NOW="2027-01-02 08:00" "$TILLIT" --db "$db" export followups \
	--format ics >"$d/later.ics" && cmp -s "$d/later.ics" "$d/stdout.ics"
then
	ok "the same records give the same bytes on another day"
else
	notok "the same records give the same bytes on another day"
fi
