#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The three journeys of the full-screen program, end to end in a real
# terminal (tmux), driven key by key the way a person would:
#
#   1. a manager holds a one-to-one with Åsa Öberg, agrees a budget frame
#      of 25 000 SEK, a mandate at level 5 and a follow-up due in 30 days,
#      finishes, quits, opens tillit again and finds it all;
#   2. a secretary records attendance and three § items with decisions,
#      one of them in the grey zone, in a committee meeting;
#   3. an employee opens My frames and acknowledges a frame.
#
# Each journey starts from records made with the command line, and checks
# what it did through `tillit export --format json` (read with grep and
# sed: python3 and jq may be missing).  tmux as lib_tmux.sh runs it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_tmux.sh"

# ---- reading the export ----------------------------------------------

# export_json DB: the export of DB into $W/export.json.
export_json() {
	"$TILLIT" --db "$1" export --format json >"$W/export.json" \
		2>"$W/err" || echo "# export failed: $(cat "$W/err")"
}

# records SECTION: the records of one array of the export, one a line
# (the export writes each record on a line of its own).
records() {
	awk -v s="\"$1\": [" '
		index($0, s) == 3 { on = 1; next }
		on && /^  []]/ { on = 0 }
		on && /^    [{]/ { print }' "$W/export.json"
}

# field NAME: the value of field NAME of the record on stdin, without
# quotes for a string; nothing when it is missing or null.
field() {
	sed -n -e "s/.*\"$1\": \"\\([^\"]*\\)\".*/\\1/p" \
	       -e "t" -e "s/.*\"$1\": \\([^,}\" ]*\\).*/\\1/p" |
		grep -v '^null$'
}

# is NAME ACTUAL EXPECTED: a case comparing two values.
is() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "got '$2', expected '$3'"
	fi
}

# one_rec NAME SECTION MATCH: the one record of SECTION whose line has
# MATCH (a fixed string), into $W/rec; a failed case when there is not
# exactly one.
one_rec() {
	records "$2" | grep -F -- "$3" >"$W/rec"
	nrec=$(wc -l <"$W/rec" | tr -d ' ')
	if [ "$nrec" = 1 ]; then
		return 0
	fi
	fail "$1" "$nrec records in \"$2\" have $3, expected one:" \
		"$(records "$2" | cut -c1-300)"
	return 1
}

# val FIELD: a field of the record in $W/rec.
val() {
	field "$1" <"$W/rec"
}

# ======================================================================
# Journey 1: a one-to-one, from the manager's chair.
# ======================================================================
DB1=$(newdb one)
DB=$DB1
must tl init
must tl unit add -q --name "Hemtjänst Östra" --kind department
must tl person add -q --name "Karin Lindqvist" --kind manager \
	--title "Enhetschef" --unit "Hemtjänst Östra" --login karin
manager=$(last_id)
must tl person add -q --name "Åsa Öberg" --kind employee \
	--title "Undersköterska" --unit "Hemtjänst Östra"
employee=$(last_id)
must tl meeting add -q --title "Medarbetarsamtal Åsa Öberg" \
	--kind one_to_one --unit "Hemtjänst Östra" \
	--starts-at "2026-11-23 10:00" --location "Rum Älven"
dialog=$(last_id)
must tl participant add --meeting "$dialog" --person "$manager" \
	--role manager
must tl participant add --meeting "$dialog" --person "$employee" \
	--role employee

# How the meeting shows what was agreed in it.
FRAME_LINE='budget: Vikariebudget för våren · 25000 SEK — Åsa Öberg'
MANDATE_LINE='Level 5 \(advise\): Boka vikarier .* — to Åsa Öberg'
FOLLOWUP_LINE='2026-12-23  Stäm av vikariebudgeten — Åsa Öberg'

journey1() {
	start "$DB1" "Karin Lindqvist"
	see "journey 1: tillit opens on the overview, as the manager" \
		'Overview .*Karin Lindqvist' || return 1
	keys 2
	see "journey 1: 2 lists the meetings" \
		'Medarbetarsamtal Åsa Öberg' || return 1
	keys Enter
	see "journey 1: Enter opens the meeting" \
		'^ one-to-one dialogue · Hemtjänst Östra' || return 1
	see "journey 1: the detail lists the employee as a participant" \
		'^ +Åsa Öberg +employee +unknown$' || return 1
	# å and ö take one cell each: the role column stays straight.
	sed 's/[ÅÄÖåäö]/x/g' "$W/pane" >"$W/ascii"
	c1=$(awk '/ manager /{ print index($0, " manager ") }' "$W/ascii")
	c2=$(awk '/ employee /{ print index($0, " employee ") }' "$W/ascii")
	is "journey 1: å and ö keep the participants' columns aligned" \
		"$c2" "$c1"

	keys r
	see "journey 1: r runs the meeting, attendance first" \
		'Step 1 of 1: Attendance +open$' || return 1
	keys i
	see "journey 1: i asks for the title of an item" \
		'Title of the new agenda item:' || return 1
	typing "Vikarier och budget i vår"
	keys Enter
	see "journey 1: the new item is the current step" \
		'Step 2 of 2: 1\. Vikarier och budget i vår' || return 1

	# The frame: F opens a form prefilled with the employee.
	keys F
	see "journey 1: F opens a new frame form" '─ New frame ─' ||
		return 1
	see "journey 1: the frame form is prefilled with the employee" \
		'│Holder +Åsa Öberg +│' || return 1
	typing "Vikariebudget för våren"
	keys Tab b Tab Tab Tab
	typing "25000"
	keys Tab
	typing "SEK"
	see "journey 1: the frame form holds budget, 25000 and SEK" \
		'│Amount unit +SEK +│' || return 1
	if grep -Eq '│Kind \* +budget +│' "$W/pane" &&
		grep -Eq '│Amount +25000 +│' "$W/pane"; then
		pass "journey 1: b chose budget, and 25000 is in the form"
	else
		fail "journey 1: b chose budget, and 25000 is in the form" \
			"$(cat "$W/pane")"
	fi
	keys C-x
	see "journey 1: C-x saves the frame" 'Saved the frame\.' || return 1
	see "journey 1: the item shows the frame" "$FRAME_LINE" || return 1

	# The mandate: m, prefilled with who gives it and who holds it.
	keys m
	see "journey 1: m opens a new mandate form" '─ New mandate ─' ||
		return 1
	see "journey 1: the mandate form is prefilled with the employee" \
		'│Given to \* +Åsa Öberg +│' || return 1
	if grep -Eq '│Given by person +Karin Lindqvist +│' "$W/pane"; then
		pass "journey 1: the mandate form is given by the manager"
	else
		fail "journey 1: the mandate form is given by the manager" \
			"$(cat "$W/pane")"
	fi
	typing "Boka vikarier inom vikariebudgeten"
	keys Tab Tab Tab Tab
	typing "5"
	see "journey 1: level 5 is typed into the mandate form" \
		'│Level \* +5 +│' || return 1
	keys C-x
	see "journey 1: C-x saves the mandate" 'Saved the mandate\.' ||
		return 1
	see "journey 1: the item shows the mandate at level 5" \
		"$MANDATE_LINE" || return 1

	# The follow-up: u, due in 30 days.
	keys u
	see "journey 1: u opens a new follow-up form" '─ New follow-up ─' ||
		return 1
	see "journey 1: the follow-up form is prefilled with the owner" \
		'│Owner \* +Åsa Öberg +│' || return 1
	typing "Stäm av vikariebudgeten"
	keys Tab Tab Tab
	typing "+30d"
	keys Tab
	see "journey 1: +30d becomes the date in 30 days" \
		'│Due +2026-12-23 +│' || return 1
	keys C-x
	see "journey 1: C-x saves the follow-up" 'Saved the follow-up\.' ||
		return 1
	see "journey 1: the item shows the follow-up" "$FOLLOWUP_LINE" ||
		return 1

	# Finish, and quit.
	keys H
	see "journey 1: H asks to finish the meeting" \
		'Finish the meeting and mark it held\? \(y/n\)' || return 1
	keys y Enter
	see "journey 1: y finishes it; the detail says held" \
		'^ Medarbetarsamtal Åsa Öberg +held$' || return 1
	keys q
	see "journey 1: q goes back to the meetings" '^ Meetings ' || return 1
	keys q
	see "journey 1: q goes back to the overview" '^ Overview ' || return 1
	keys q
	see "journey 1: q quits tillit with status 0" '^EXIT=0$' || return 1

	# Open it again: it is all there.
	start "$DB1" "Karin Lindqvist"
	see "journey 1: tillit opens again" 'Overview .*Karin Lindqvist' ||
		return 1
	keys 2
	see "journey 1: the meeting is listed as held" \
		'one_to_one +held +Medarbetarsamtal Åsa Öberg' || return 1
	keys Enter
	see "journey 1: reopened, the meeting shows the mandate" \
		"$MANDATE_LINE" || return 1
	see "journey 1: reopened, the meeting shows the frame" \
		"$FRAME_LINE +not acknowledged\$" || return 1
	see "journey 1: reopened, the meeting shows the follow-up" \
		"$FOLLOWUP_LINE" || return 1
	see "journey 1: reopened, the agenda has the item" \
		'^ +1\. +Vikarier och budget i vår' || return 1
	keys Q
	see "journey 1: Q quits at once" '^EXIT=0$'
}
journey1
stop

export_json "$DB1"
if one_rec "journey 1 export: one frame, held by the employee" frames \
	"\"holder_person\": \"$employee\""; then
	pass "journey 1 export: one frame, held by the employee"
	is "journey 1 export: the frame is a budget" "$(val kind)" budget
	is "journey 1 export: the frame's amount" "$(val amount)" 25000
	is "journey 1 export: the frame's amount unit" "$(val amount_unit)" SEK
	is "journey 1 export: the frame's meeting" "$(val meeting)" "$dialog"
	is "journey 1 export: the frame's description" "$(val description)" \
		"Vikariebudget för våren"
fi
if one_rec "journey 1 export: one mandate, given to the employee" mandates \
	"\"given_to\": \"$employee\""; then
	pass "journey 1 export: one mandate, given to the employee"
	is "journey 1 export: the mandate's level" "$(val level)" 5
	is "journey 1 export: the mandate is given by the manager" \
		"$(val given_by_person)" "$manager"
	is "journey 1 export: the mandate's meeting" "$(val meeting)" "$dialog"
fi
if one_rec "journey 1 export: one follow-up, owned by the employee" \
	followups "\"owner\": \"$employee\""; then
	pass "journey 1 export: one follow-up, owned by the employee"
	is "journey 1 export: the follow-up is due in 30 days" "$(val due)" \
		2026-12-23
	is "journey 1 export: the follow-up is open" "$(val status)" open
	is "journey 1 export: the follow-up's meeting" "$(val meeting)" \
		"$dialog"
fi
if one_rec "journey 1 export: the meeting" meetings "\"id\": \"$dialog\""
then
	is "journey 1 export: the meeting is held" "$(val status)" held
fi
if one_rec "journey 1 export: one agenda item" items \
	"\"meeting\": \"$dialog\""; then
	item=$(val id)
	is "journey 1 export: the item's title" "$(val title)" \
		"Vikarier och budget i vår"
	is "journey 1 export: the frame, mandate and follow-up are on it" \
		"$(records frames | grep -c "\"item\": \"$item\"")$(records \
		mandates | grep -c "\"item\": \"$item\"")$(records followups |
		grep -c "\"item\": \"$item\"")" 111
fi

# ======================================================================
# Journey 2: the secretary of a committee meeting.
# ======================================================================
DB2=$(newdb committee)
DB=$DB2
must tl init
must tl unit add -q --name "Kultur- och fritidsnämnden" --kind committee
must tl person add -q --name "Göran Ärlemark" --kind elected \
	--unit "Kultur- och fritidsnämnden"
chair=$(last_id)
must tl person add -q --name "Sofia Säker" --kind official \
	--title "Nämndsekreterare" --unit "Kultur- och fritidsnämnden" \
	--login sofia
secretary=$(last_id)
must tl person add -q --name "Märta Öst" --kind elected \
	--unit "Kultur- och fritidsnämnden"
member=$(last_id)
must tl meeting add -q --title "Kultur- och fritidsnämndens sammanträde" \
	--kind committee --unit "Kultur- och fritidsnämnden" \
	--starts-at "2026-11-23 13:00" --location "Sessionssalen"
cmeet=$(last_id)
must tl participant add --meeting "$cmeet" --person "$chair" --role chair
must tl participant add --meeting "$cmeet" --person "$secretary" \
	--role secretary
must tl participant add --meeting "$cmeet" --person "$member" --role member

# add_item N TITLE DECISION: i, the title, D and the decision.
add_item() {
	keys i
	see "journey 2: i asks for the title of item $1" \
		'Title of the new agenda item:' || return 1
	typing "$2"
	keys Enter
	see "journey 2: item $1 is numbered § $1" \
		"Step $(($1 + 1)) of $(($1 + 1)): § $1 $2" || return 1
	keys D
	see "journey 2: D asks for the decision of § $1" '^ Decision:' ||
		return 1
	typing "$3"
	keys Enter
	see "journey 2: the decision of § $1 is saved" 'Decision saved\.' ||
		return 1
}

journey2() {
	start "$DB2" "Sofia Säker"
	see "journey 2: tillit opens, as the secretary" \
		'Overview .*Sofia Säker' || return 1
	keys 2
	see "journey 2: the meeting is listed as planned" \
		'committee +planned +Kultur- och fritidsnämndens' || return 1
	keys Enter
	see "journey 2: Enter opens the committee meeting" \
		'^ committee meeting · Kultur- och fritidsnämnden' || return 1
	keys r
	see "journey 2: r opens the meeting at the attendance" \
		'Step 1 of 1: Attendance +open$' || return 1
	# Chair, secretary, member: the first is selected.
	see "journey 2: the chair is selected first" \
		'^> +Göran Ärlemark +chair +unknown$' || return 1
	keys t
	see "journey 2: t marks the chair present" \
		'^> +Göran Ärlemark +chair +present$' || return 1
	keys j t
	see "journey 2: j t marks the secretary present" \
		'^> +Sofia Säker +secretary +present$' || return 1
	keys j t t
	see "journey 2: j t t marks the member absent" \
		'^> +Märta Öst +member +absent$' || return 1

	add_item 1 "Budget 2027 för biblioteken" \
		"Nämnden fastställer budgeten för biblioteken." || return 1
	add_item 2 "Öppettider på fritidsgården" \
		"Nämnden beslutar att fritidsgården öppnar kl. 15." || return 1
	# What the opening hours are is a how question; politics decides it.
	keys w w
	see "journey 2: w w makes § 2 a how question" \
		'Question: how +Decided by: -' || return 1
	keys b
	see "journey 2: b has politics decide § 2" \
		'Question: how +Decided by: politics' || return 1
	see "journey 2: the grey-zone warning shows at once" \
		'^ GREY ZONE: politics is deciding a how question\.' || return 1
	add_item 3 "Kulturpriset 2026" \
		"Nämnden delar ut kulturpriset till Ölands spelmanslag." ||
		return 1
	keys p
	see "journey 2: p goes back to § 2" \
		'Step 3 of 4: § 2 Öppettider på fritidsgården' || return 1
	see "journey 2: § 2 still shows its decision" \
		'Nämnden beslutar att fritidsgården öppnar kl\. 15\.' || return 1

	keys H
	see "journey 2: H asks to finish the meeting" \
		'Finish the meeting and mark it held\? \(y/n\)' || return 1
	keys y Enter
	see "journey 2: the meeting is held" \
		'^ Kultur- och fritidsnämndens sammanträde +held$' || return 1
	see "journey 2: the detail marks § 2 grey zone" \
		'^ +§ 2 +Öppettider på .*how · politics +GREY ZONE$' || return 1
	if grep -Eq '§ [13] .*GREY ZONE' "$W/pane"; then
		fail "journey 2: only § 2 is marked grey zone" \
			"$(grep '§' "$W/pane")"
	else
		pass "journey 2: only § 2 is marked grey zone"
	fi
	see "journey 2: the detail shows the attendance" \
		'^ +Märta Öst +member +absent$' || return 1
	keys q q q
	see "journey 2: q q q quits tillit" '^EXIT=0$'
}
journey2
stop

export_json "$DB2"
records items | grep -F "\"meeting\": \"$cmeet\"" >"$W/items"
is "journey 2 export: the meeting has three items" \
	"$(wc -l <"$W/items" | tr -d ' ')" 3
is "journey 2 export: the items are numbered § 1, 2 and 3" \
	"$(field number <"$W/items" | sort -n | tr '\n' ' ')" "1 2 3 "
n=1
for title in "Budget 2027 för biblioteken" "Öppettider på fritidsgården" \
	"Kulturpriset 2026"; do
	if one_rec "journey 2 export: § $n is there" items \
		"\"title\": \"$title\""; then
		is "journey 2 export: $title is § $n" "$(val number)" "$n"
		if [ -n "$(val decision)" ]; then
			pass "journey 2 export: § $n has its decision"
		else
			fail "journey 2 export: § $n has its decision" \
				"$(cat "$W/rec")"
		fi
		q=$(val question)
		d=$(val decided_by)
		if [ "$n" = 2 ]; then
			is "journey 2 export: § 2 is a how question" "$q" how
			is "journey 2 export: § 2 is decided by politics" "$d" \
				politics
			is "journey 2 export: § 2's decision" "$(val decision)" \
				"Nämnden beslutar att fritidsgården öppnar kl. 15."
		else
			is "journey 2 export: § $n is not in the grey zone" \
				"$q/$d" "/"
		fi
	fi
	n=$((n + 1))
done
attendance_of() { # PERSON
	records participants | grep -F "\"meeting\": \"$cmeet\"" |
		grep -F "\"person\": \"$1\"" | field attendance
}
is "journey 2 export: the chair was present" "$(attendance_of "$chair")" \
	present
is "journey 2 export: the secretary was present" \
	"$(attendance_of "$secretary")" present
is "journey 2 export: the member was absent" "$(attendance_of "$member")" \
	absent
if one_rec "journey 2 export: the meeting" meetings "\"id\": \"$cmeet\""
then
	is "journey 2 export: the meeting is held" "$(val status)" held
fi

# ======================================================================
# Journey 3: an employee acknowledges a frame.
# ======================================================================
DB3=$(newdb frames)
DB=$DB3
must tl init
must tl unit add -q --name "Förskolan Ängen" --kind team
must tl person add -q --name "Björn Ödman" --kind manager \
	--unit "Förskolan Ängen"
must tl person add -q --name "Åke Ärlig" --kind employee \
	--unit "Förskolan Ängen" --login "$(my_login)"
emp=$(last_id)
must tl person add -q --name "Lena Berg" --kind employee \
	--unit "Förskolan Ängen"
must tl frame add -q --description "Inköp av lekmaterial" --kind budget \
	--holder-person "$emp" --amount 12000 --amount-unit SEK --trust high
f_buy=$(last_id)
must tl frame add -q --description "Planeringstid varje vecka" --kind time \
	--holder-person "$emp" --amount 4 --amount-unit h
f_time=$(last_id)
must tl frame add -q --description "Lenas utflyktsbudget" --kind budget \
	--holder-person "Lena Berg" --amount 3000 --amount-unit SEK
f_other=$(last_id)

# waiting: the frames the overview says wait for his acknowledgement.
waiting() {
	awk '/My frames waiting for my acknowledgement/ { on = 1; next }
		on && /^ *$/ { exit }
		on' "$W/pane"
}

# wait_until FUNC: true once FUNC is true of the screen ($W/pane), false
# after $WAIT tenths of a second.
wait_until() {
	i=0
	while [ "$i" -lt "$WAIT" ]; do
		screen
		"$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

BUY="Inköp av lekmaterial"
TIME="Planeringstid varje vecka"
both_waiting() {
	waiting | grep -qF "$BUY" && waiting | grep -qF "$TIME"
}
# The frame acknowledged ($acked_desc) no longer waits; the other does.
one_waiting() {
	! waiting | grep -qF "$acked_desc" &&
		waiting | grep -qF "$other_desc"
}

journey3() {
	start "$DB3" "Åke Ärlig"
	see "journey 3: tillit opens, as the employee" \
		'Overview .*Åke Ärlig' || return 1
	if wait_until both_waiting; then
		pass "journey 3: the overview has both his frames waiting"
	else
		fail "journey 3: the overview has both his frames waiting" \
			"$(cat "$W/pane")"
		return 1
	fi
	keys 5
	see "journey 3: 5 opens My frames" '^ My frames' || return 1
	# The screen may cut descriptions short: look for their start.
	see "journey 3: My frames shows his budget frame" 'Inköp' || return 1
	see "journey 3: My frames shows his time frame" 'Plane' || return 1
	settle
	if grep -Eq 'Lenas|Lena Berg' "$W/pane"; then
		fail "journey 3: another person's frame is not among his" \
			"$(cat "$W/pane")"
	else
		pass "journey 3: another person's frame is not among his"
	fi
	# j selects a frame (the first, or the next when one is selected
	# already), and A acknowledges it.
	keys j A
	see "journey 3: A acknowledges the frame" 'Frame acknowledged\.' ||
		return 1
	ack_done=yes
	keys q
	see "journey 3: q goes back to the overview" '^ Overview ' ||
		return 1
	# The export says which frame he acknowledged.
	export_json "$DB3"
	if records frames | grep -F "\"id\": \"$f_buy\"" |
		grep -q '"acked_at"'; then
		acked_desc=$BUY other_desc=$TIME
	else
		acked_desc=$TIME other_desc=$BUY
	fi
	if wait_until one_waiting; then
		pass "journey 3: the overview no longer has it waiting"
	else
		fail "journey 3: the overview no longer has it waiting" \
			"$(cat "$W/pane")"
	fi
	keys q
	see "journey 3: q quits tillit" '^EXIT=0$'
}
ack_done=no
journey3
stop

export_json "$DB3"
# Exactly one of his frames is acknowledged, by him, now.
nacked=0
for f in "$f_buy" "$f_time" "$f_other"; do
	one_rec "journey 3 export: frame $f is there" frames \
		"\"id\": \"$f\"" || continue
	by=$(val acked_by)
	at=$(val acked_at)
	if [ -z "$by$at" ]; then
		if [ "$f" = "$f_other" ]; then
			pass "journey 3 export: another person's frame stays unacked"
		fi
		continue
	fi
	nacked=$((nacked + 1))
	if [ "$f" = "$f_other" ]; then
		fail "journey 3 export: another person's frame stays unacked" \
			"acked_by '$by', acked_at '$at'"
		continue
	fi
	is "journey 3 export: the frame is acknowledged by the employee" \
		"$by" "$emp"
	case $at in
	2026-11-23*) pass "journey 3 export: acked_at is set, to now" ;;
	*) fail "journey 3 export: acked_at is set, to now" \
		"acked_at is '$at'" ;;
	esac
done
if [ "$ack_done" = yes ]; then
	is "journey 3 export: A acknowledged exactly one frame" "$nacked" 1
else
	is "journey 3 export: no frame is acknowledged without A" "$nacked" 0
fi

done_testing
