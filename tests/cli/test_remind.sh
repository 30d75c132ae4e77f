#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_remind.sh - `tillit remind` (issue 17, point 4): what is
# due today and tomorrow for the person whose login is the account, on a
# fixed clock (Monday 23 November 2026): their meetings, follow-ups due
# or overdue, mandates that end, frames to acknowledge, and the justering
# a secretary owes; nothing due prints nothing.  --notify goes to
# notify-send where there is a desktop session (a notify-send of the
# test's own stands in for the desktop's, which needs a notification
# daemon on a session bus), and prints where there is none.
. "$(dirname "$0")/lib.sh"

must tl init --demo
i_am "Björn Åkesson"
must tl meeting add --title "Arbetsplatsträff" --kind forum \
	--unit "Hemtjänsten Norr" --starts-at "tomorrow 09:00"
must tl participant add --meeting "Arbetsplatsträff" \
	--person "Björn Åkesson" --role chair --attendance present
must tl meeting add --title "Planeringsdag" --kind forum \
	--unit "Hemtjänsten Norr" --starts-at "+3d 09:00"
must tl participant add --meeting "Planeringsdag" \
	--person "Björn Åkesson" --role chair --attendance present
must tl followup add --text "Boka lokal" --owner "Björn Åkesson" \
	--due tomorrow
must tl followup add --text "Läs rapporten" --owner "Björn Åkesson" \
	--due +3d

run tl remind
check_rc "remind" 0
check_grep "a meeting tomorrow that I take part in" \
	'^Meeting 2026-11-24 09:00: Arbetsplatsträff$'
check_grep "a follow-up due tomorrow" '^Follow-up due 2026-11-24: Boka lokal$'
check_grep "an overdue one, said so" \
	'^Follow-up overdue since 2026-11-21: Skicka ut julschemat'
if grep -q "Planeringsdag\|Läs rapporten" "$W/out"; then
	fail "nothing due later than tomorrow" "$(cat "$W/out")"
else
	pass "nothing due later than tomorrow"
fi
if grep -q "Socialnämnden\|Åsa Öberg" "$W/out"; then
	fail "nothing of others" "$(cat "$W/out")"
else
	pass "nothing of others"
fi

run tl --as "Åsa Öberg" remind
check_grep "a frame waiting for my acknowledgement" \
	'^Frame to acknowledge: Tid för att införa den nya introduktionen'
run tl --as "Märta Ängström" remind
check_rc "nothing due" 0
check_same "... prints nothing, for a quiet login shell" "$(cat "$W/out")" ""

run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" remind
check_grep "in Swedish" '^Uppföljning försenad sedan 2026-11-21: Skicka ut'

# The justering a secretary owes: a committee meeting of 17 December,
# its justering due on Monday 4 January 2027 (New Year's Eve between).
M="Kommunstyrelsens sammanträde i december"
must tl meeting add --title "$M" --kind committee --unit Kommunstyrelsen \
	--starts-at "2026-12-17 09:00"
for who in "Karin Sjöberg:chair" "Sofia Bäckström:secretary" \
	"Anders Holmgren:adjuster"; do
	must tl participant add --meeting "$M" --person "${who%%:*}" \
		--role "${who#*:}" --attendance present
done
run env TILLIT_NOW="2027-01-03 08:00" "$TILLIT" --db "$DB" \
	--as "Sofia Bäckström" remind
check_grep "the secretary's justering due tomorrow" \
	'Justering of Kommunstyrelsens sammanträde i december.*2027-01-04'
run env TILLIT_NOW="2026-12-28 08:00" "$TILLIT" --db "$DB" \
	--as "Sofia Bäckström" remind
if grep -q "Kommunstyrelsens" "$W/out"; then
	fail "... but not a week before" "$(cat "$W/out")"
else
	pass "... but not a week before"
fi

# --notify: to the desktop when there is one, else printed.
mkdir "$W/bin"
cat >"$W/bin/notify-send" <<EOF
#!/bin/sh
printf '%s\n' "\$@" >"$W/notified"
EOF
chmod +x "$W/bin/notify-send"
run env PATH="$W/bin:$PATH" DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent \
	"$TILLIT" --db "$DB" remind --notify
check_rc "--notify" 0
check_same "... nothing printed once the desktop has it" "$(cat "$W/out")" ""
if [ -s "$W/notified" ] &&
	grep -q '^tillit: 5 things due today or tomorrow$' "$W/notified" &&
	grep -q '^Follow-up due 2026-11-24: Boka lokal$' "$W/notified"; then
	pass "... notify-send has the summary and the lines"
else
	fail "... notify-send has the summary and the lines" \
		"$(cat "$W/notified" 2>/dev/null)"
fi
rm -f "$W/notified"
run env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY \
	PATH="$W/bin:$PATH" "$TILLIT" --db "$DB" remind --notify
check_grep "no desktop session: printed instead" '^Follow-up due 2026-11-24'
[ -e "$W/notified" ] && fail "... and notify-send not run" ||
	pass "... and notify-send not run"
done_testing
