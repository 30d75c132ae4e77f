#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Minutes in the full-screen program: the preview scrolls, the chair and
# the adjusters sign from the meeting view, the last signature locks the
# meeting (a lock shows, and editing says why it cannot be done), and the
# export choices write files.
. "$(dirname "$0")/lib.sh"

must tl init --demo
i_am "Sofia Bäckström"
run tl meeting list --kind committee --format csv
MEETING=$(sed -n 2p "$W/out" | cut -d, -f1)
[ -n "$MEETING" ] || { echo "not ok - setup: no committee meeting"; exit 1; }

# ui PERSON SCRIPT-LINES...: the program as PERSON, in $W.
ui() {
	as=$1
	shift
	printf '%s\n' "$@" >"$W/script"
	(cd "$W" && "$TILLIT" --db "$DB" --as "$as" ui --script "$W/script" \
		--size 100x30) >"$W/out" 2>"$W/err"
	RC=$?
}

# dump N: the n-th screen of the last run.
dump() {
	awk -v n="$1" '/^----$/ { k++; next } k == n - 1' "$W/out" >"$W/dump"
}

screen_has() { # NAME N REGEX
	dump "$2"
	if [ "$RC" = 0 ] && grep -Eq -- "$3" "$W/dump"; then
		pass "$1"
	else
		fail "$1" "exit $RC; screen $2 lacks /$3/:" \
			"$(sed -n '1,12p' "$W/dump")"
	fi
}


# The preview: M shows the minutes, j and PageDown scroll.
ui "Anders Holmgren" "key 2 f" "type k" "type committee" \
	"key Enter Enter M" dump "key PageDown" dump
screen_has "M previews the minutes" 1 "§ 1"
dump 1
cp "$W/dump" "$W/first"
dump 2
if ! cmp -s "$W/first" "$W/dump"; then pass "the preview scrolls"
else fail "the preview scrolls"; fi

# The secretary records the signatures made on paper, the chair's first:
# not yet locked.
ui "Sofia Bäckström" "key 2 f" "type k" "type committee" \
	"key Enter Enter S" "type Anders" "key Enter" "type y" dump
screen_has "the chair signs" 1 "wait for the other signatures"
ui "Sofia Bäckström" "key 2 f" "type k" "type committee" \
	"key Enter Enter S" "type Lena" "key Enter" "type y" dump
screen_has "the first adjuster signs" 1 "wait for the other signatures"
ui "Sofia Bäckström" "key 2 f" "type k" "type committee" \
	"key Enter Enter S" "type Per-Olof" "key Enter" "type y" \
	dump
screen_has "the last signature locks the meeting" 1 "now signed and locked"
screen_has "the meeting shows its lock" 1 "signed · locked"

run tl meeting show "$MEETING" --format json
check_grep "the meeting is signed" '"status": *"signed"'

# Editing it says why it cannot be done, and changes nothing.
must tl export --format json
cp "$W/out" "$W/before.json"
ui "Sofia Bäckström" "key 2 f" "type k" "type committee" \
	"key Enter Enter r n n D" dump
screen_has "editing a signed meeting explains the lock" 1 \
	"signed and locked"
must tl export --format json
if cmp -s "$W/out" "$W/before.json"; then
	pass "nothing changed in the signed meeting"
else
	fail "nothing changed in the signed meeting"
fi

# The export choices write files next to where tillit runs.
ui "Sofia Bäckström" "key 2 f" "type k" "type committee" \
	"key Enter Enter X" "type m" "key Enter" dump
screen_has "X m writes Markdown" 1 "Wrote .*\.md"
ui "Sofia Bäckström" "key 2 f" "type k" "type committee" \
	"key Enter Enter X" "type h" "key Enter" dump
screen_has "X h writes HTML" 1 "Wrote .*\.html"
ui "Sofia Bäckström" "key 2 f" "type k" "type committee" \
	"key Enter Enter X" "type i" "key Enter" dump
screen_has "X i writes iCalendar" 1 "Wrote .*\.ics"
ui "Sofia Bäckström" "key 2 f" "type k" "type committee" \
	"key Enter Enter X" "type p" "key Enter" dump
screen_has "X p writes PDF" 1 "Wrote .*\.pdf"
if pdftotext "$W"/*.pdf - 2>/dev/null | grep -q "^Minutes: "; then
	pass "... which pdftotext reads the minutes from"
else
	fail "... which pdftotext reads the minutes from" "$(ls "$W")"
fi
if grep -q "^# " "$W"/*.md && grep -q "<!DOCTYPE html>" "$W"/*.html &&
	grep -q "BEGIN:VTODO" "$W"/*.ics; then
	pass "the exported files hold minutes and to-dos"
else
	fail "the exported files hold minutes and to-dos" "$(ls "$W")"
fi

done_testing
