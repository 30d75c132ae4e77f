#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Hostile input, the outputs other programs read: CSV cells that a
# spreadsheet would run as formulas are guarded (OWASP's rule) unless
# --csv-raw asks for them as stored, Markdown minutes keep their
# structure whatever the text in them says (checked by parsing them with
# cmark-gfm, GitHub's CommonMark, beside the same minutes with harmless
# text), and control characters stored by another program reach neither
# the terminal nor a calendar through CSV, iCalendar or the minutes,
# whose .ics parses back through libical to the text as the screen
# shows it, nor the terminal through JSON, which escapes them and keeps
# the text exact.
. "$(dirname "$0")/lib.sh"

# The bytes a terminal acts on: C0 controls but tab and newline, DEL,
# and the C1 controls (U+0080-U+009F, C2 80-C2 9F in UTF-8).
C0=$(printf '[\001-\010\013-\037\177]')
C1=$(printf '\302[\200-\237]')
CR=$(printf '\r')
# no_controls NAME FILE: FILE holds none of them (CSV and iCalendar end
# their lines in CRLF: a CR right before a LF is allowed).
no_controls() {
	LC_ALL=C sed "s/$CR\$//" "$2" >"$W/nocr"
	if LC_ALL=C grep -q "$C0" "$W/nocr" || LC_ALL=C grep -q "$C1" "$W/nocr"
	then
		fail "$1" "control bytes in the output:" \
			"$(LC_ALL=C grep -n "$C0\\|$C1" "$W/nocr" | head -3 |
				od -c | head -5)"
	else
		pass "$1"
	fi
}

# has NAME STRING: the last run succeeded and stdout holds STRING.
has() {
	if [ "$RC" != 0 ]; then
		fail "$1" "exit status $RC, expected 0"
	elif grep -qF -- "$2" "$W/out"; then
		pass "$1"
	else
		fail "$1" "stdout lacks: $2" "$(grep -F -- "$3" "$W/out" |
			head -3)"
	fi
}

must tl init
must tl unit add --name "Nämnden" --kind committee -q
UNIT=$(last_id)
must tl person add --name "Åsa Öberg" --kind employee --unit "$UNIT" -q
PERSON=$(last_id)

# ---- CSV: formula cells are guarded ----------------------------------------

# A cell whose first character is =, +, -, @, tab or CR is written as
# "'..." (quoted, with a single quote first), unless it is a plain
# number such as -5 or -2.50.
for t in '=HYPERLINK("http://evil.example/?x","klicka")' '+1+1' \
	'-2+3' '@SUM(A1:A9)' '-5 kr'; do
	must tl followup add --text "$t" --owner "$PERSON" -q
done
must tl followup add --text "-5" --owner "$PERSON" -q
must tl followup add --text "-2.50" --owner "$PERSON" -q
must tl followup add --text "Vanlig text, med komma" --owner "$PERSON" -q
# A tab or a CR first: tillit trims a tab and turns a CR into a line
# break, so another program puts them there.
must tl followup add --text "tab" --owner "$PERSON" -q
TABF=$(last_id)
dbsql "UPDATE followups SET text = char(9) || '=1+1' \
	WHERE id = '$TABF';" || echo "not ok - setup: sqlite3 UPDATE"

GUARDED='"'"'"'=HYPERLINK(""http://evil.example/?x"",""klicka"")"'
for how in "followup list --format csv" "export followups --format csv" \
	"export followups"; do
	# shellcheck disable=SC2086
	run tl $how
	has "$how: a cell starting with = is guarded" "$GUARDED" HYPERLINK
	has "$how: a cell starting with + is guarded" "\"'+1+1\"" '+1+1'
	has "$how: a cell starting with - is guarded" "\"'-2+3\"" '-2+3'
	has "$how: a cell starting with @ is guarded" "\"'@SUM(A1:A9)\"" SUM
	has "$how: a cell starting with a tab is guarded" \
		"\"'$(printf '\t')=1+1\"" '=1+1'
	has "$how: -5 kr is guarded like any text" "\"'-5 kr\"" '-5 kr'
	if grep -q ',-5,' "$W/out" && grep -q ',-2\.50,' "$W/out"; then
		pass "$how: a plain number such as -5 is written as it is"
	else
		fail "$how: a plain number such as -5 is written as it is" \
			"$(grep -e '-5' -e '-2\.50' "$W/out" | head -3)"
	fi
	has "$how: other text is written as before" \
		',"Vanlig text, med komma",' Vanlig
done

must tl balance add --unit "$UNIT" --assessed-on 2026-11-01 --score -2 \
	--comment "-2: för mycket styrning" -q
run tl balance list --format csv
if grep -q ",-2," "$W/out"; then
	pass "a score of -2 stays a number in CSV"
else
	fail "a score of -2 stays a number in CSV" "$(cat "$W/out")"
fi
has "a comment starting with - is guarded" "\"'-2: för mycket styrning\"" \
	styrning

run tl followup list --format csv --csv-raw
has "list --csv-raw writes the cell as stored" \
	'"=HYPERLINK(""http://evil.example/?x"",""klicka"")"' HYPERLINK
has "list --csv-raw: + as stored" ',+1+1,' '+1+1'
run tl export followups --format csv --csv-raw
has "export --csv-raw writes the cell as stored" \
	'"=HYPERLINK(""http://evil.example/?x"",""klicka"")"' HYPERLINK
run tl followup list --help
check_grep "list --help names --csv-raw" '^  --csv-raw '
run tl export --help
check_grep "export --help names --csv-raw" '^  --csv-raw '

# ---- Markdown: text never changes the minutes' structure -------------------

# Every construct of CommonMark and GFM that text could start, in the
# fields of a meeting, its item, the item's follow-up and a mandate.
NL='
'
DECISION="Beslut:${NL}${NL}Signatures${NL}---${NL}~~inte~~ godkänt, ~x~\
${NL}1. ett${NL}2) två${NL}- tre${NL}+ fyra${NL}* fem${NL}    kod${NL}\
Rubrik${NL}===${NL}\`\`\`${NL}staket${NL}\`\`\`${NL}~~~${NL}> citat\
${NL}| a | b |${NL}|---|---|${NL}a | b${NL}:---${NL}***${NL}___${NL}\
<div>html</div>${NL}<b>fet</b> [länk](http://x.example) ![bild](y.png) \
<http://z.example> &amp; &#65; *e* _e_ **s** __s__ \`kod\` \\*${NL}\
# rubrik${NL}## rubrik ##${NL}[ref]: http://r.example${NL}- [ ] uppgift"
NOTES="# Anteckning${NL}${NL}    indrag${NL}${NL}* punkt${NL}<!-- x -->"
TITLE='~~Ärende~~ *viktigt* <b>x</b> #'
MTITLE='Möte ~~inställt~~ [x](y) #'
LOCATION='[plats](http://evil.example) | ![i](j) - _x_'
FUP="- [x] ~~klar~~ <i>x</i>${NL}1. steg"

# plain TEXT: the same text with every character but spaces, tabs and
# line breaks made an x: what harmless text of the same shape gives.
plain() {
	printf '%s\n' "$1" | sed 's/[^ 	]/x/g'
}

# minutes_of TITLE LOCATION ITEM NOTES DECISION FOLLOWUP: a meeting with
# one item, a follow-up from it and a mandate; its id in $M.
minutes_of() {
	must tl meeting add --title "$1" --kind committee --unit "$UNIT" \
		--starts-at "2026-12-01 10:00" --location "$2" -q
	M=$(last_id)
	must tl participant add --meeting "$M" --person "$PERSON" \
		--role chair --attendance present -q
	must tl item add --meeting "$M" --title "$3" --kind decision \
		--notes "$4" --decision "$5" -q
	I=$(last_id)
	must tl followup add --text "$6" --owner "$PERSON" --meeting "$M" \
		--item "$I" --due 2026-12-24 --outcome "$6" -q
	must tl mandate add --matter "$3" --given-to "$PERSON" \
		--given-by-unit "$UNIT" --level 3 --meeting "$M" \
		--limits "$5" -q
}
minutes_of "$MTITLE" "$LOCATION" "$TITLE" "$NOTES" "$DECISION" "$FUP"
HOSTILE=$M
minutes_of "$(plain "$MTITLE")" "$(plain "$LOCATION")" "$(plain "$TITLE")" \
	"$(plain "$NOTES")" "$(plain "$DECISION")" "$(plain "$FUP")"
PLAIN=$M

GFM="cmark-gfm -e strikethrough -e table -e tagfilter -e tasklist --to xml"
# skeleton FILE: the elements of FILE's Markdown as cmark-gfm reads it,
# one a line, every run of text nodes as one "text".
skeleton() {
	$GFM "$1" | grep -o '<[a-z_]*' | sed 's/^<//' |
		awk '$0 != "text" || last != "text" { print } { last = $0 }'
}
run tl export minutes "$HOSTILE" --format md
cp "$W/out" "$W/hostile.md"
run tl export minutes "$PLAIN" --format md
cp "$W/out" "$W/plain.md"
if ! command -v cmark-gfm >/dev/null 2>&1; then
	pass "markdown: parsed by cmark-gfm # SKIP cmark-gfm is not installed"
else
	skeleton "$W/hostile.md" >"$W/hostile.sk"
	skeleton "$W/plain.md" >"$W/plain.sk"
	for node in heading list item code_block html_block html_inline \
		strikethrough emph strong link image block_quote \
		thematic_break table code tasklist; do
		h=$(grep -c "^$node\$" "$W/hostile.sk")
		p=$(grep -c "^$node\$" "$W/plain.sk")
		same=$([ "$h" = "$p" ] && echo yes)
		if [ -n "$same" ]; then
			pass "markdown: text makes no $node nodes"
		else
			fail "markdown: text makes no $node nodes" \
				"$h with the hostile text, $p with plain text"
		fi
	done
	if cmp -s "$W/hostile.sk" "$W/plain.sk"; then
		pass "markdown: the same structure as with plain text"
	else
		fail "markdown: the same structure as with plain text" \
			"$(diff "$W/plain.sk" "$W/hostile.sk" | head -8)"
	fi
	$GFM "$W/hostile.md" >"$W/hostile.xml"
	# The protokoll's own Signatures heading, and no other.
	$GFM "$W/plain.md" >"$W/plain.xml"
	h=$(grep -A1 '<heading' "$W/hostile.xml" | grep -c '>Signatures<')
	p=$(grep -A1 '<heading' "$W/plain.xml" | grep -c '>Signatures<')
	if [ "$h" = "$p" ] && [ "$p" -le 1 ]; then
		pass "markdown: a decision cannot make a Signatures heading"
	else
		fail "markdown: a decision cannot make a Signatures heading" \
			"$h with the hostile text, $p with plain text"
	fi
	if grep -q '<text[^>]*>[^<]*~~inte~~ godkänt' "$W/hostile.xml"; then
		pass "markdown: ~~inte~~ is shown as typed"
	else
		fail "markdown: ~~inte~~ is shown as typed"
	fi
fi

# ---- controls stored by another program ------------------------------------

# tillit refuses controls in new text, so put them in with sqlite3.
BAD="char(27) || ']0;pwned' || char(7) || char(27) || '[2J' || char(1) \
	|| char(8) || char(13) || char(127) || char(155) || '[31m'"
# What the screen shows for it.
SHOWN='^[]0;pwned^G^[[2J^A^H^M^??[31m'
must tl followup add --text "Kontroll" --owner "$PERSON" --due 2026-12-01 \
	--meeting "$HOSTILE" -q
CTL=$(last_id)
dbsql "
UPDATE followups SET text = 'F ' || $BAD, outcome = 'O ' || $BAD,
	kind = 'action' || $BAD || ';x,y' WHERE id = '$CTL';
UPDATE meetings SET title = 'M ' || $BAD, location = 'L ' || $BAD
	WHERE id = '$HOSTILE';
UPDATE items SET title = 'I ' || $BAD, notes = 'N ' || $BAD,
	decision = 'D ' || $BAD WHERE meeting = '$HOSTILE';
UPDATE mandates SET matter = 'X ' || $BAD WHERE meeting = '$HOSTILE';" ||
	echo "not ok - setup: sqlite3 UPDATE"

for cmd in "followup list --format csv" "export followups --format csv" \
	"followup list --format csv --csv-raw" \
	"export followups --format ics" \
	"export minutes M --format txt" \
	"export minutes M --format md" \
	"export minutes M --format html"; do
	# shellcheck disable=SC2086
	run tl $(echo "$cmd" | sed "s/ M / $HOSTILE /")
	if [ "$RC" != 0 ]; then
		fail "$cmd: runs" "exit status $RC"
		continue
	fi
	no_controls "$cmd: no control bytes reach the output" "$W/out"
done
run tl followup list --format csv
has "CSV shows a stored escape as the screen does" "F $SHOWN" 'F '

# JSON keeps the stored text exactly, so it escapes the controls rather
# than showing them: C0 as jansson does, DEL and C1 as \u007F, \u0080-
# \u009F.  Every command that prints JSON, and the full export.
for cmd in "export" "export followups --format json" \
	"followup list --format json" "followup show C --format json" \
	"meeting list --format json" "item list --format json" \
	"search pwned --format json"; do
	# shellcheck disable=SC2086
	run tl $(echo "$cmd" | sed "s/ C / $CTL /")
	if [ "$RC" != 0 ]; then
		fail "$cmd: runs" "exit status $RC"
		continue
	fi
	no_controls "$cmd: no control bytes reach the output" "$W/out"
done
run tl export
cp "$W/out" "$W/ctl.json"
has "JSON escapes a stored C1 control and DEL" \
	'"text": "F \u001B]0;pwned\u0007\u001B[2J\u0001\b\r\u007F\u009B[31m"' \
	'"F '
# jsonget FILE ID FIELD: the string FIELD of the record ID in the export
# FILE, as a JSON parser reads it back (jansson, as import reads it).
cat >"$W/jsonget.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include <jansson.h>

int main(int argc, char **argv)
{
	json_t *doc, *arr, *rec;
	const char *key, *v;
	size_t i;

	doc = argc == 4 ? json_load_file(argv[1], 0, NULL) : NULL;
	if (!doc)
		return 2;
	json_object_foreach(doc, key, arr) {
		json_array_foreach(arr, i, rec) {
			v = json_string_value(json_object_get(rec, "id"));
			if (v && !strcmp(v, argv[2])) {
				v = json_string_value(json_object_get(rec,
								      argv[3]));
				if (!v)
					return 1;
				fputs(v, stdout);
				return 0;
			}
		}
	}
	return 1;
}
EOF
# shellcheck disable=SC2046
if ! cc -o "$W/jsonget" "$W/jsonget.c" $(pkg-config --cflags --libs \
	jansson) 2>"$W/cc.err"; then
	fail "the JSON reader compiles" "$(head -3 "$W/cc.err")"
else
	"$W/jsonget" "$W/ctl.json" "$CTL" text >"$W/parsed"
	dbsql "SELECT text FROM followups WHERE id = '$CTL';" |
		head -c -1 >"$W/stored"
	name="the export's escaped text parses back to the stored bytes"
	if [ -s "$W/stored" ] && cmp -s "$W/parsed" "$W/stored"; then
		pass "$name"
	else
		fail "$name" "$(od -c "$W/parsed" | head -3)"
	fi
fi
# Import reads the escapes as the controls they stand for, and refuses
# them with the sentence it gives for raw ones.
CTLDB=$(newdb ctl_import) || exit 1
run "$TILLIT" --db "$CTLDB" import "$W/ctl.json"
check_err "import reads an escaped control as the control" 1 \
	'must not contain a control character'

# Round trip: text around the escaped range (U+007E, U+00A0, U+00A1,
# U+07FF, U+2028, a backslash-u typed as text) exports, imports into a
# fresh database and exports again byte for byte the same.
RT=$(newdb rt) || exit 1
RT2=$(newdb rt2) || exit 1
must "$TILLIT" --db "$RT" init
must "$TILLIT" --db "$RT" person add --name "Åsa ~ ¡ß" --kind employee -q
must "$TILLIT" --db "$RT" followup add --owner "$(last_id)" -q --text \
	"$(printf '~ \302\240 \302\241 \337\277 \342\200\250 \\u009B \\\\ "x"')"
run "$TILLIT" --db "$RT" export
cp "$W/out" "$W/rt1.json"
run "$TILLIT" --db "$RT2" import "$W/rt1.json"
RC1=$RC
run "$TILLIT" --db "$RT2" export
if [ "$RC1" = 0 ] && [ "$RC" = 0 ] && cmp -s "$W/rt1.json" "$W/out"; then
	pass "export, import and export again give the same bytes"
else
	fail "export, import and export again give the same bytes" \
		"import status $RC1, export status $RC" \
		"$(diff "$W/rt1.json" "$W/out" | head -4)"
fi
run tl export minutes "$HOSTILE" --format txt
has "text minutes show a stored escape in a heading as the screen does" \
	"I $SHOWN" 'I '

# icscheck FILE: the file's lines are RFC 5545's (CRLF, at most 75
# octets, a fold never inside a UTF-8 sequence, no control character but
# a tab), libical parses it with
# no error (no X-LIC-ERROR), and then every VTODO as lines
# "SUMMARY\t...", "DESCRIPTION\t..." (line breaks as \n), "CATEGORIES\t".
cat >"$W/icscheck.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include <libical/ical.h>

static void put(const char *name, const char *v)
{
	printf("%s\t", name);
	for (; v && *v; v++)
		if (*v == '\n')
			fputs("\\n", stdout);
		else
			putchar(*v);
	putchar('\n');
}

int main(int argc, char **argv)
{
	static char buf[1 << 22];
	FILE *fp = argc == 2 ? fopen(argv[1], "rb") : NULL;
	size_t n, len;
	icalcomponent *cal, *c;
	icalproperty *p;
	const char *s, *eol;
	int bad = 0;

	if (!fp)
		return 2;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	for (s = buf; *s; s = eol + 2) {
		eol = strstr(s, "\r\n");
		len = eol ? (size_t)(eol - s) : strlen(s);
		if (!eol || len > 75 ||
		    ((unsigned char)s[s[0] == ' '] & 0xC0) == 0x80) {
			printf("bad line: %.80s\n", s);
			return 1;
		}
		/* RFC 5545 allows no control character but HTAB. */
		for (size_t i = 0; i < len; i++)
			if (((unsigned char)s[i] < 0x20 && s[i] != '\t') ||
			    s[i] == 0x7F)
				bad = 1;
	}
	cal = icalparser_parse_string(buf);
	if (!cal || icalcomponent_count_errors(cal)) {
		printf("libical reports errors\n");
		return 1;
	}
	for (c = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	     c; c = icalcomponent_get_next_component(cal,
						     ICAL_VTODO_COMPONENT)) {
		put("SUMMARY", icalcomponent_get_summary(c));
		put("DESCRIPTION", icalcomponent_get_description(c));
		for (p = icalcomponent_get_first_property(c,
				ICAL_CATEGORIES_PROPERTY); p;
		     p = icalcomponent_get_next_property(c,
				ICAL_CATEGORIES_PROPERTY))
			put("CATEGORIES", icalproperty_get_categories(p));
	}
	icalcomponent_free(cal);
	if (bad)
		printf("a control character in a line\n");
	return bad;
}
EOF
# shellcheck disable=SC2046
if ! cc -o "$W/icscheck" "$W/icscheck.c" $(pkg-config --cflags --libs \
	libical) 2>"$W/cc.err"; then
	fail "the iCalendar checker compiles" "$(head -3 "$W/cc.err")"
else
	# A long text of two-byte characters, so that lines are folded.
	LONG=$(printf 'å%.0s' $(seq 120))
	dbsql "UPDATE followups SET outcome = 'O ' || $BAD || \
		'$LONG' || char(10) || 'rad 2; med, tecken\\' \
		WHERE id = '$CTL';"
	run tl export followups --format ics
	cp "$W/out" "$W/out.ics"
	run "$W/icscheck" "$W/out.ics"
	ICSRC=$RC
	RC=0 # the fields are checked whatever the lines were
	if [ "$ICSRC" = 0 ]; then
		pass "the .ics is valid RFC 5545 and parses back with no error"
	else
		fail "the .ics is valid RFC 5545 and parses back with no error" \
			"$(grep -v '^[A-Z]*	' "$W/out" | head -3)"
	fi
	# libical 3.0 folds this text's SUMMARY line between its CR and LF.
	must tl person add --name "Folke" --kind employee -q
	must tl followup add --owner Folke \
		--text "x$(printf 'å%.0s' $(seq 36))" -q
	run tl export followups --owner Folke --format ics
	cp "$W/out" "$W/fold.ics"
	run "$W/icscheck" "$W/fold.ics"
	FOLDRC=$RC
	RC=0
	if [ "$FOLDRC" = 0 ] && grep -q "^SUMMARY	x$(printf 'å%.0s' $(seq 36))\$" \
		"$W/out"; then
		pass "a line folded at a UTF-8 character keeps its CRLF"
	else
		fail "a line folded at a UTF-8 character keeps its CRLF" \
			"$(head -3 "$W/out")"
	fi
	RC=0
	"$W/icscheck" "$W/out.ics" >"$W/out"
	has "SUMMARY parses back as the screen shows it" \
		"$(printf 'SUMMARY\tF %s' "$SHOWN")" SUMMARY
	has "DESCRIPTION parses back as the screen shows it" \
		"Outcome: O $SHOWN$LONG\\nrad 2; med, tecken\\" DESCRIPTION
	if grep '^CATEGORIES' "$W/out" | grep -qvx \
		-e 'CATEGORIES	action' -e 'CATEGORIES	result' \
		-e 'CATEGORIES	effect'; then
		fail "CATEGORIES holds only a kind tillit knows" \
			"$(grep '^CATEGORIES' "$W/out" | sort -u | head -3)"
	else
		pass "CATEGORIES holds only a kind tillit knows"
	fi
fi

done_testing
