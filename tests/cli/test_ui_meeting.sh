#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The meeting screen, headless: the detail of a meeting, and running it
# item by item (a script of keys in, screen dumps out).  What the keys
# changed is checked through the command line's CSV.
. "$(dirname "$0")/lib.sh"

# ui SCRIPT-LINES...: runs the program on $DB with those script lines.
ui() {
	printf '%s\n' "$@" >"$W/script"
	"$TILLIT" --db "$DB" ui --script "$W/script" --size 100x30 \
		>"$W/ui" 2>"$W/err"
	RC=$?
}

# dump N: the N-th screen dump (1-based) of the last ui run, in $W/dump.
dump() {
	awk -v n="$1" '/^----$/ { k++; next } k == n - 1' "$W/ui" >"$W/dump"
}

# in_dump NAME N REGEX: the N-th dump has a line matching REGEX.
in_dump() {
	dump "$2"
	if [ "$RC" != 0 ]; then
		fail "$1" "exit status $RC, expected 0"
	elif [ -s "$W/err" ]; then
		fail "$1" "stderr is not empty"
	elif grep -Eq -- "$3" "$W/dump"; then
		pass "$1"
	else
		fail "$1" "dump $2 does not match /$3/:" \
			"$(sed -n '1,30p' "$W/dump")"
	fi
}

# not_in_dump NAME N REGEX: no line of the N-th dump matches REGEX.
not_in_dump() {
	dump "$2"
	if grep -Eq -- "$3" "$W/dump"; then
		fail "$1" "dump $2 matches /$3/"
	else
		pass "$1"
	fi
}

must tl init --demo

# --- The committee meeting: an item that turns grey zone, a decision ---
# Meetings come newest first: December's dialogue, the governance
# dialogue, then the committee meeting.
ui "key 2 j j Enter" dump \
	"key r" dump \
	"key i" "type Var planeringsmötena ska ligga" "key Enter" dump \
	"key w w b" dump \
	"key D" \
	"type Nämnden beslutar att planeringsmötena läggs på tisdagar." \
	"key Enter" dump \
	"key H" dump
in_dump "Enter on a meeting opens its detail" 1 \
	'Barn- och utbildningsnämndens sammanträde +held$'
in_dump "the detail lists the participants" 1 'Anders Holmgren +chair +present$'
in_dump "the detail numbers committee items with §" 1 \
	'§ 2 +Delegationsordning'
in_dump "r runs the meeting, attendance first" 2 'Step 1 of 6: Attendance'
in_dump "i adds an item and goes to it" 3 \
	'Step 7 of 7: § 6 Var planeringsmötena ska ligga'
not_in_dump "the new item is not grey zone yet" 3 'GREY ZONE'
in_dump "w and b set what/how and decided-by" 4 \
	'Question: how +Decided by: politics'
in_dump "a how question decided by politics is grey zone at once" 4 \
	'GREY ZONE: politics is deciding a how question'
in_dump "D writes the decision" 5 \
	'Nämnden beslutar att planeringsmötena läggs på tisdagar\.'
in_dump "after H the detail marks the item grey zone" 6 \
	'§ 6 +Var planeringsmötena .* · how · politics +GREY ZONE$'
in_dump "H on a held meeting says so" 6 'The meeting is already held\.'

run tl meeting list --format csv
check_grep "the committee meeting is held" \
	'^[^,]*,Barn- och utbildningsnämndens sammanträde,committee,.*,held,'
run tl item list --format csv
check_grep "the item is stored, grey zone, with its decision" \
	',6,Var planeringsmötena ska ligga,discussion,how,politics,.*,Nämnden '\
'beslutar att planeringsmötena läggs på tisdagar\.,'

# --- A planned meeting: r opens it, t marks attendance, H finishes it ---
must tl meeting add -q --title "Extra sammanträde" --kind committee \
	--unit "Barn- och utbildningsnämnden" --starts-at "2026-11-24 13:00"
extra=$(last_id)
must tl participant add --meeting "$extra" --person "Sofia Bäckström" \
	--role secretary

# It comes second in the list, after December's dialogue.
ui "key 2 j Enter" dump "key r" dump "key q" dump
in_dump "a planned meeting shows as planned" 1 'Extra sammanträde +planned$'
in_dump "r opens a planned meeting" 2 'Step 1 of 1: Attendance +open$'
in_dump "q leaves the run for the detail" 3 'Extra sammanträde +open$'
run tl meeting list --format csv
check_grep "the meeting is stored as open" "^$extra,Extra sammanträde,.*,open,"

ui "key 2 j Enter r" "key t" dump \
	"key i" "type Information om lokalerna" "key Enter" "key K" dump \
	"key D" "type Informationen noteras." "key Enter" \
	"key H" "type y" dump "key r H" dump
in_dump "t marks the selected participant present" 1 \
	'Sofia Bäckström +secretary +present$'
in_dump "K cycles the item kind" 2 'Kind: decision'
in_dump "H finishes the meeting and goes back to the detail" 3 \
	'Extra sammanträde +held$'
in_dump "the status line says it is held" 3 'finished and held'
run tl meeting list --format csv
check_grep "the finished meeting is stored as held" \
	"^$extra,Extra sammanträde,.*,held,"
run tl participant list --format csv
check_grep "the attendance is stored" \
	"^[^,]*,Extra sammanträde,.*,secretary,present,.*,$extra,"
run tl item list --format csv
item_re="^[^,]*,Extra sammanträde,[0-9]+,Information om lokalerna,decision,"
check_grep "the item and its decision are stored" \
	"$item_re.*Informationen noteras\..*,$extra,"

# --- Carried over: the December one-to-one of a series ---
ui "key 2 Enter" dump "key r" dump \
	"key c" "type +14d" "key Enter" dump \
	"key d" "type Vikarier bokade till jul" "key Enter" dump \
	"key n" dump
in_dump "the detail lists what is carried over" 1 'Carried over \(4\)'
in_dump "the run starts with the carried-over follow-ups" 2 \
	'Step 1 of 4: Carried over from earlier meetings +open$'
in_dump "the first carried follow-up is selected" 2 \
	'^> +2026-11-02 +Kontakta bemanningsenheten'
in_dump "c carries it on to a new due date" 3 \
	'^> +2026-12-07 +Kontakta bemanningsenheten'
not_in_dump "d closes it with its outcome" 4 'Kontakta bemanningsenheten'
in_dump "n goes on to the attendance" 5 'Step 2 of 4: Attendance'
run tl followup list --format csv
check_grep "the carried-on follow-up is done with its outcome and new due" \
	'Kontakta bemanningsenheten[^,]*,action,[^,]*,2026-12-07,.*,done,'\
'Vikarier bokade till jul,'

# --- Small screens: the texts wrap, nothing breaks ---
ui "key 2 j j Enter r n n n n n n" "resize 60x16" dump "resize 100x30" dump
in_dump "the grey-zone warning wraps on a narrow screen" 1 \
	'^ GREY ZONE: politics is deciding a how question\. Politics$'
in_dump "and unwraps when the screen grows" 2 \
	'GREY ZONE: politics is deciding a how question\. Politics owns the '\
'what; the administration owns$'

done_testing
