#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Exports from the full-screen program: X in a list writes what the list
# shows, with its filter, as CSV (follow-ups may also go to iCalendar); X
# in a meeting offers CSV of its follow-ups beside the minutes.  The files
# hold the same bytes as the command line's CSV, å, ä and ö intact, are
# made under the umask (077 here: 0600), and a cancelled or failed export
# says so in one sentence.  Headless scripts first, then tmux for the
# prompts as a user sees them.
. "$(dirname "$0")/lib.sh"

must tl init --demo
run tl meeting list --kind committee --format csv
MEETING=$(sed -n 2p "$W/out" | cut -d, -f1)
[ -n "$MEETING" ] || { echo "not ok - setup: no committee meeting"; exit 1; }
HEADER=$(printf 'id,text,kind,owner,due,meeting,item,mandate,frame,status,outcome,closed_at,goal,owner_id,meeting_id,item_id,mandate_id,frame_id,goal_id\r')
OUT=$W/files
mkdir "$OUT"

# ui SCRIPT-LINES...: the program as the secretary, in $OUT, umask 077.
ui() {
	printf '%s\n' "$@" >"$W/script"
	(cd "$OUT" && umask 077 && "$TILLIT" --db "$DB" \
		--as "Sofia Bäckström" ui --script "$W/script" --size 100x30) \
		>"$W/out" 2>"$W/err"
	RC=$?
}

# screen_has NAME N REGEX: the n-th dump of the last run matches.
screen_has() {
	awk -v n="$2" '/^----$/ { k++; next } k == n - 1' "$W/out" >"$W/dump"
	if [ "$RC" = 0 ] && grep -Eq -- "$3" "$W/dump"; then
		pass "$1"
	else
		fail "$1" "exit $RC; screen $2 lacks /$3/:" \
			"$(tail -n 3 "$W/dump")"
	fi
}

# same_file NAME FILE COMMAND...: FILE holds what COMMAND prints.
same_file() {
	name=$1 file=$2
	shift 2
	"$@" >"$W/want" 2>"$W/err"
	if [ ! -f "$file" ]; then
		fail "$name" "no file $file" "$(ls "$OUT")"
	elif cmp -s "$file" "$W/want"; then
		pass "$name ($(($(wc -l <"$file") - 1)) records)"
	else
		fail "$name" "$(diff "$W/want" "$file" | head -5)"
	fi
}

mode_is_600() { # NAME FILE
	perm=$(stat -c %a "$2" 2>/dev/null)
	[ "$perm" = 600 ] && pass "$1" || fail "$1" "mode $perm"
}

# --- a list, with its filter: the open follow-ups ---------------------------

ui "key 6 f" "type o" "key X" "type c" "key Enter" \
	dump
screen_has "X c in the follow-ups writes CSV" 1 "Wrote followups\.csv\."
F=$OUT/followups.csv
# What Sofia may read (doc/access.md): the CLI is asked as her too.
same_file "the file is the CLI's CSV of the open follow-ups" "$F" \
	tl --as "Sofia Bäckström" followup list --open --format csv --limit 100000
[ "$(head -n 1 "$F")" = "$HEADER" ] && pass "the CSV starts with its header" ||
	fail "the CSV starts with its header" "$(head -n 1 "$F")"
grep -q '^[0-9a-f-]*,"Förvaltningen återkommer med hur planeringsmötena' "$F" &&
	pass "a known follow-up, with å intact" ||
	fail "a known follow-up, with å intact"
grep -q 'Ta fram förslag på introduktion' "$F" &&
	fail "the filter applies: a done follow-up is left out" ||
	pass "the filter applies: a done follow-up is left out"
mode_is_600 "the file is made under the umask (077: 0600)" "$F"
n=$(find "$OUT" -name '*.csv.*' | wc -l)
[ "$n" = 0 ] && pass "no temporary file is left" ||
	fail "no temporary file is left"

# Follow-ups may also go to iCalendar, from the same list.
ui "key 6 X" "type i" "key Enter" dump
screen_has "X i in the follow-ups writes iCalendar" 1 \
	"Wrote followups\.ics\."
grep -q '^BEGIN:VCALENDAR' "$OUT/followups.ics" &&
	pass "the .ics holds a calendar" || fail "the .ics holds a calendar"

# --- a list with one format: no question, straight to the file name ---------

ui "key 3 X" "key Enter" dump
screen_has "X in the delegation register writes CSV" 1 \
	"Wrote mandates\.csv\."
same_file "the file is the CLI's CSV of the mandates" "$OUT/mandates.csv" \
	tl --as "Sofia Bäckström" mandate list --format csv --limit 100000
grep -q 'Beslut om placering i förskola' "$OUT/mandates.csv" &&
	pass "a known mandate, with ö intact" ||
	fail "a known mandate, with ö intact"
mode_is_600 "the mandates' file is 0600 too" "$OUT/mandates.csv"

# A name of the user's own, in a folder of its own.
mkdir "$OUT/ut"
ui "key 4 X" "key C-u" "type ut/ramar.csv" "key Enter" dump
screen_has "a file name the user types" 1 "Wrote ut/ramar\.csv\."
same_file "the frames' file holds the frames" "$OUT/ut/ramar.csv" \
	tl --as "Sofia Bäckström" frame list --format csv --limit 100000

# --- a meeting: CSV of its follow-ups ---------------------------------------

ui "key 2 f" "type k" "type committee" "key Enter Enter X" \
	"type c" "key Enter" dump
screen_has "X c in a meeting writes its follow-ups as CSV" 1 \
	"Wrote Barn-och-utbildningsnämndens-sammanträde\.csv\."
MF=$OUT/Barn-och-utbildningsnämndens-sammanträde.csv
same_file "the file is the CLI's CSV of the meeting's follow-ups" "$MF" \
	tl --as "Sofia Bäckström" followup list --meeting "$MEETING" --format csv --limit 100000
[ "$(head -n 1 "$MF")" = "$HEADER" ] &&
	[ "$(wc -l <"$MF")" -gt 1 ] &&
	pass "the meeting's CSV has its header and records" ||
	fail "the meeting's CSV has its header and records"
grep -q "$MEETING" "$MF" && pass "every record is of the meeting" ||
	fail "every record is of the meeting"
mode_is_600 "the meeting's file is 0600" "$MF"

# The minutes are still there.
ui "key 2 f" "type k" "type committee" "key Enter Enter X" \
	"type m" "key Enter" dump
screen_has "X m in a meeting still writes the minutes" 1 \
	"Wrote Barn-och-utbildningsnämndens-sammanträde\.md\."

# --- cancelling and failing -------------------------------------------------

ui "key 6 X" "key Esc" dump
screen_has "Esc at the question exports nothing" 1 "Nothing exported\."
ui "key 6 X" "type z" "key Esc" dump
screen_has "a key that is no format exports nothing" 1 "Nothing exported\."
rm -f "$OUT/followups.csv"
ui "key 6 X" "type z" "type c" "key Enter" dump
screen_has "... nor ends the question: the next key answers it" 1 \
	"Wrote followups\.csv\."
ui "key 3 X" "key Esc" dump
screen_has "Esc at the file name exports nothing" 1 "Nothing exported\."
ui "key 3 X" "key C-u" "key Enter" dump
screen_has "an empty file name exports nothing" 1 "Nothing exported\."
ui "key 2 f" "type k" "type committee" "key Enter Enter X" \
	"key Esc" dump
screen_has "Esc in a meeting's export exports nothing" 1 \
	"Nothing exported\."
ui "key 3 X" "key C-u" "type no/such/dir/m.csv" "key Enter" dump
screen_has "a missing folder gives one clear sentence" 1 \
	"Cannot write no/such/dir/m\.csv: No such file or directory\."
[ ! -e "$OUT/no" ] && pass "nothing is left behind" ||
	fail "nothing is left behind"

# --- help: lists show the key, without the meeting's keys ------------------

ui "key 6 ?" dump
screen_has "? in a list shows X export" 1 "X +Export the list"
if grep -q "Run the meeting" "$W/dump"; then
	fail "? in a list shows no meeting keys"
else
	pass "? in a list shows no meeting keys"
fi
ui "key 2 f" "type k" "type committee" "key Enter Enter ?" dump
screen_has "? in a meeting still shows X" 1 "X +Export the list"

# --- tmux: the prompts as a user sees them ---------------------------------

if command -v tmux >/dev/null 2>&1; then
	t() { tmux -S "$W/tmux" "$@"; }
	wait_for() { # REGEX: true once the pane shows it (within 4 s)
		for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
			t capture-pane -p >"$W/pane" 2>/dev/null
			grep -Eq -- "$1" "$W/pane" && return 0
			sleep 0.2
		done
		return 1
	}
	rm -f "$OUT/followups.csv"
	t new-session -d -x 100 -y 30 \
		"cd '$OUT' && umask 077 && env TILLIT_NOW='$TILLIT_NOW' \
		TZ=$TZ LC_ALL=C.UTF-8 TERM=xterm-256color \
		'$TILLIT' --db '$DB' --as 'Sofia Bäckström'; sleep 30"
	if wait_for Overview; then
		t send-keys 6
		wait_for "Follow-ups" >/dev/null
		t send-keys X
		if wait_for "Export the list as \(c\)SV or \(i\)Calendar:"; then
			pass "tmux: the list asks CSV or iCalendar"
		else
			fail "tmux: the list asks CSV or iCalendar" \
				"$(tail -n 3 "$W/pane")"
		fi
		t send-keys c
		if wait_for "Write to: followups\.csv"; then
			pass "tmux: the file name is offered"
		else
			fail "tmux: the file name is offered" \
				"$(tail -n 3 "$W/pane")"
		fi
		t send-keys Enter
		if wait_for "Wrote followups\.csv\."; then
			pass "tmux: CSV written from a list"
		else
			fail "tmux: CSV written from a list" \
				"$(tail -n 3 "$W/pane")"
		fi
		same_file "tmux: the file holds the follow-ups" \
			"$OUT/followups.csv" \
			tl --as "Sofia Bäckström" followup list --format csv --limit 100000
		mode_is_600 "tmux: the file is 0600" "$OUT/followups.csv"
		t send-keys 2 f
		wait_for "Filter:" >/dev/null
		t send-keys k committee Enter
		sleep 0.5
		t send-keys Enter
		wait_for "Meeting:" >/dev/null
		t send-keys X
		if wait_for "Export: \(m\)arkdown, \(h\)tml, \(t\)ext or \(p\)df; its follow-ups as \(c\)SV or \(i\)Calendar:"
		then
			pass "tmux: the meeting offers CSV of its follow-ups"
		else
			fail "tmux: the meeting offers CSV of its follow-ups" \
				"$(tail -n 3 "$W/pane")"
		fi
		t send-keys Escape
		t send-keys Q
	else
		fail "tmux: the program starts" "$(cat "$W/pane")"
	fi
	t kill-server 2>/dev/null
else
	echo "ok - tmux tests # SKIP tmux is not installed"
fi

done_testing
