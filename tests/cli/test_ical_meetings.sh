#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_ical_meetings.sh - meetings as iCalendar events and the
# follow-ups' reminders (issue 17, point 4), parsed back by libical (a
# small checker compiled here against it): one VEVENT a meeting with a
# stable UID, its times in UTC, the chair as ORGANIZER and each
# participant with an e-mail address an ATTENDEE with role and
# attendance; a changed meeting keeps its UID and raises its SEQUENCE, so
# a calendar updates it instead of doubling it; an open follow-up with a
# due date carries a VALARM, a done one none.  And `tillit import
# FILE.ics`: tillit's own calendar, changed in a calendar program,
# updates its meetings; another calendar's events become meetings, the
# same ones when imported again; a file with an error writes nothing.
. "$(dirname "$0")/lib.sh"

d=$W/ics
mkdir -p "$d"
cat >"$d/check.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libical/ical.h>

/* One line a component: EVENT uid seq start end organizer attendees...
 * or TODO uid status trigger|-.  Exits 1 when libical finds an error. */
int main(int argc, char **argv)
{
	static char buf[1 << 22];
	FILE *fp = argc == 2 ? fopen(argv[1], "rb") : NULL;
	icalcomponent *cal, *c;
	icalproperty *p;
	size_t n;

	if (!fp)
		return 2;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	cal = icalparser_parse_string(buf);
	if (!cal || icalcomponent_count_errors(cal)) {
		fprintf(stderr, "libical could not parse it\n");
		return 1;
	}
	for (c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     c; c = icalcomponent_get_next_component(cal,
						     ICAL_VEVENT_COMPONENT)) {
		struct icaltimetype s = icalcomponent_get_dtstart(c);
		struct icaltimetype e = icalcomponent_get_dtend(c);

		p = icalcomponent_get_first_property(c, ICAL_SEQUENCE_PROPERTY);
		printf("EVENT %s %d %s %s", icalcomponent_get_uid(c),
		       p ? icalproperty_get_sequence(p) : -1,
		       icaltime_as_ical_string(s), icaltime_as_ical_string(e));
		p = icalcomponent_get_first_property(c,
						     ICAL_ORGANIZER_PROPERTY);
		printf(" org=%s", p ? icalproperty_get_organizer(p) : "-");
		for (p = icalcomponent_get_first_property(c,
				ICAL_ATTENDEE_PROPERTY); p;
		     p = icalcomponent_get_next_property(c,
				ICAL_ATTENDEE_PROPERTY)) {
			icalparameter *r = icalproperty_get_first_parameter(p,
						ICAL_ROLE_PARAMETER);
			icalparameter *s2 = icalproperty_get_first_parameter(p,
						ICAL_PARTSTAT_PARAMETER);
			icalparameter *cn = icalproperty_get_first_parameter(p,
						ICAL_CN_PARAMETER);
			printf(" att=%s|%s|%s|%s", icalproperty_get_attendee(p),
			       cn ? icalparameter_get_cn(cn) : "-",
			       r ? icalparameter_enum_to_string(
				       icalparameter_get_role(r)) : "-",
			       s2 ? icalparameter_enum_to_string(
				       icalparameter_get_partstat(s2)) : "-");
		}
		printf("\n");
	}
	for (c = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	     c; c = icalcomponent_get_next_component(cal,
						     ICAL_VTODO_COMPONENT)) {
		icalcomponent *a = icalcomponent_get_first_component(c,
						ICAL_VALARM_COMPONENT);
		char trig[64] = "-";

		if (a) {
			p = icalcomponent_get_first_property(a,
						ICAL_TRIGGER_PROPERTY);
			icalparameter *rel = p ? icalproperty_get_first_parameter(
				p, ICAL_RELATED_PARAMETER) : NULL;
			if (p)
				snprintf(trig, sizeof(trig), "%s%s",
					 icaldurationtype_as_ical_string(
						 icalproperty_get_trigger(p)
						 .duration),
					 rel ? ";END" : "");
		}
		printf("TODO %s %s %s\n", icalcomponent_get_uid(c),
		       icalproperty_status_to_string(
			       icalcomponent_get_status(c)), trig);
	}
	icalcomponent_free(cal);
	return 0;
}
EOF
if ! ${CC:-cc} -o "$d/check" "$d/check.c" \
	$(pkg-config --cflags --libs libical) 2>"$d/cc.err"; then
	fail "compile the libical checker" "$(head -5 "$d/cc.err")"
	done_testing
	exit 1
fi

must tl init --demo
must tl person edit "Björn Åkesson" --email "bjorn.akesson@sjostad.example"
M="Planeringsdag för hemtjänsten"
must tl meeting add --title "$M" --kind forum --unit "Hemtjänsten Norr" \
	--starts-at "2026-12-10 09:00" --ends-at "2026-12-10 12:00" \
	--location "Stadshuset; rum 2"
for who in "Björn Åkesson:chair:present" "Åsa Öberg:member:unknown" \
	"Sofia Bäckström:guest:excused"; do
	IFS=: read -r name role att <<EOT
$who
EOT
	must tl participant add --meeting "$M" --person "$name" \
		--role "$role" --attendance "$att"
done
run tl meeting show "$M" --format json
MID=$(json_value "$W/out" '$.id')

run tl export meetings --format ics --output "$d/m1.ics"
check_rc "export meetings --format ics" 0
"$d/check" "$d/m1.ics" >"$d/m1" 2>"$d/err"
check_same "libical parses it without an error" "$?$(cat "$d/err")" 0
check_same "one event a meeting" "$(grep -c '^EVENT' "$d/m1")" \
	"$("$TILLIT" --db "$DB" meeting list --format json | grep -c '"id"')"
line=$(grep "^EVENT $MID@tillit " "$d/m1")
check_same "the UID is the meeting's id" "${line:+found}" found
check_same "... its times in UTC (Stockholm is UTC+1 in December)" \
	"$(echo "$line" | cut -d' ' -f4,5)" "20261210T080000Z 20261210T110000Z"
case $line in
*" org=mailto:bjorn.akesson@sjostad.example "*) pass "the chair organises" ;;
*) fail "the chair organises" "$line" ;;
esac
case $line in
*"att=mailto:bjorn.akesson@sjostad.example|Björn Åkesson|CHAIR|ACCEPTED"*)
	pass "... and attends as CHAIR, ACCEPTED, with the name as CN" ;;
*) fail "... and attends as CHAIR, ACCEPTED, with the name as CN" "$line" ;;
esac
case $line in
*"|Åsa Öberg|REQ-PARTICIPANT|NEEDS-ACTION"*) pass "a member, not yet marked" ;;
*) fail "a member, not yet marked" "$line" ;;
esac
case $line in
*"|Sofia Bäckström|OPT-PARTICIPANT|DECLINED"*) pass "a guest, excused" ;;
*) fail "a guest, excused" "$line" ;;
esac
grep -qF 'LOCATION:Stadshuset\; rum 2' "$d/m1.ics" &&
	pass "the location, escaped as RFC 5545 says" ||
	fail "the location, escaped as RFC 5545 says"
seq1=$(echo "$line" | cut -d' ' -f3)

# The meeting moves: the same UID, a higher SEQUENCE, no second event.
must tl meeting edit "$M" --starts-at "2026-12-11 09:00" \
	--ends-at "2026-12-11 12:00"
run tl export meetings --format ics --output "$d/m2.ics"
"$d/check" "$d/m2.ics" >"$d/m2"
line2=$(grep "^EVENT $MID@tillit " "$d/m2")
check_same "a moved meeting keeps its UID, and its new time" \
	"$(echo "$line2" | cut -d' ' -f4)" "20261211T080000Z"
seq2=$(echo "$line2" | cut -d' ' -f3)
[ "$seq2" -gt "$seq1" ] && pass "... with a higher SEQUENCE ($seq1, $seq2)" ||
	fail "... with a higher SEQUENCE" "$seq1 then $seq2"
check_same "... and still one event a meeting" "$(grep -c '^EVENT' "$d/m2")" \
	"$(grep -c '^EVENT' "$d/m1")"
run tl export meetings --format ics --unit "Hemtjänsten Norr"
check_grep "the list's filters apply" "^UID:$MID@tillit"

# Follow-ups: a reminder the day before, for open ones with a due date.
run tl export followups --format ics --output "$d/f.ics"
"$d/check" "$d/f.ics" >"$d/f" 2>"$d/err"
check_same "the follow-ups parse too" "$?$(cat "$d/err")" 0
OPEN=$(grep -c '^TODO .* NEEDS-ACTION ' "$d/f")
check_same "every open follow-up with a due date has a VALARM, 09:00 the day before" \
	"$(grep -c '^TODO .* NEEDS-ACTION -PT15H;END$' "$d/f")" \
	"$("$TILLIT" --db "$DB" followup list --open --format json |
		grep -c '"due"')"
[ "$OPEN" -gt 0 ] && pass "... (there are open ones)" || fail "... (there are open ones)"
check_same "a done one has none" \
	"$(grep '^TODO .* COMPLETED ' "$d/f" | grep -vc ' -$')" 0

run tl export units --format ics
check_err "a list of units is no calendar" 2 \
	"A list cannot be exported as ics; use csv or json\\."

# ---- a calendar imported (tillit import FILE.ics) ------------------------
count() { "$TILLIT" --db "$DB" meeting list --format json | grep -c '"id"'; }
N=$(count)
run tl import "$d/m2.ics"
check_grep "importing tillit's own calendar changes nothing" \
	"^Imported .*m2\.ics: 0 meetings added, 0 changed, $N unchanged, 0 events skipped\.$"
# The planning day moved to 13:00-16:00 (UTC 12-15) in the calendar.
sed "/^UID:$MID@tillit/,/^END:VEVENT/{
s/^DTSTART:.*/DTSTART:20261211T120000Z\r/
s/^DTEND:.*/DTEND:20261211T150000Z\r/
}" "$d/m2.ics" >"$d/moved.ics"
run tl import "$d/moved.ics"
check_grep "a meeting moved in the calendar: one changed" \
	": 0 meetings added, 1 changed, $((N - 1)) unchanged"
run tl meeting show "$M" --format json
check_same "... now 13:00 to 16:00" \
	"$(json_value "$W/out" '$.starts_at') $(json_value "$W/out" '$.ends_at')" \
	"2026-12-11 13:00 2026-12-11 16:00"
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 "PRODID:-//Other//Cal//EN" \
	BEGIN:VEVENT "UID:abc-123@example.org" "DTSTAMP:20261120T080000Z" \
	"DTSTART;TZID=Europe/Stockholm:20261215T130000" \
	"DTEND;TZID=Europe/Stockholm:20261215T143000" \
	"SUMMARY:Samverkansmöte med regionen" "LOCATION:Regionhuset" \
	"DESCRIPTION:Om vårdplatser\\nOch om hemtjänsten" END:VEVENT \
	BEGIN:VEVENT "UID:def-456@example.org" "DTSTAMP:20261120T080000Z" \
	"DTSTART:20261216T080000Z" "SUMMARY:Telefonmöte" END:VEVENT \
	BEGIN:VEVENT "UID:ghi-789@example.org" "DTSTAMP:20261120T080000Z" \
	"DTSTART;VALUE=DATE:20261218" "SUMMARY:Studiedag" END:VEVENT \
	BEGIN:VEVENT "UID:no-start@example.org" "DTSTAMP:20261120T080000Z" \
	"SUMMARY:Utan start" END:VEVENT END:VCALENDAR >"$d/other.ics"
run tl import "$d/other.ics" --unit Socialnämnden --kind dialogue
check_grep "another calendar's events become meetings; one without a start is skipped" \
	": 3 meetings added, 0 changed, 0 unchanged, 1 events skipped\.$"
run tl import "$d/other.ics" --unit Socialnämnden --kind dialogue
check_grep "... and importing it again adds none" \
	": 0 meetings added, 0 changed, 3 unchanged, 1 events skipped\.$"
run tl meeting show "Samverkansmöte med regionen" --format json
check_same "its time zone's wall time, its place, notes, kind and unit" \
	"$(python3 -c 'import json, sys
m = json.load(open(sys.argv[1]))
print(m["starts_at"], m["ends_at"], m["location"], m["notes"].replace("\n", "/"), m["kind"])' "$W/out")" \
	"2026-12-15 13:00 2026-12-15 14:30 Regionhuset Om vårdplatser/Och om hemtjänsten dialogue"
run tl meeting show "Telefonmöte" --format json
check_same "a UTC time in Stockholm's" "$(json_value "$W/out" '$.starts_at')" \
	"2026-12-16 09:00"
run tl meeting show "Studiedag" --format json
check_same "an all-day event from 00:00" "$(json_value "$W/out" '$.starts_at')" \
	"2026-12-18 00:00"

# Attendees who are people here take part: the organizer as chair, an
# optional attendee as guest, the rest as members; an address no person
# has is counted, and no person is made of it.
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 "PRODID:-//Other//Cal//EN" \
	BEGIN:VEVENT "UID:att-1@example.org" "DTSTAMP:20261120T080000Z" \
	"DTSTART:20261217T080000Z" "SUMMARY:Beredningsmöte" \
	"ORGANIZER;CN=Birgitta:mailto:Birgitta.Ohman@sjostad.example" \
	"ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:hassan.alsayed@sjostad.example" \
	"ATTENDEE;ROLE=OPT-PARTICIPANT:mailto:ingrid.norden@sjostad.example" \
	"ATTENDEE:mailto:okand@annan.example" \
	"ATTENDEE;ROLE=CHAIR:mailto:birgitta.ohman@sjostad.example" \
	END:VEVENT END:VCALENDAR >"$d/attendees.ics"
run tl import "$d/attendees.ics" --unit Socialnämnden --kind committee
check_grep "attendees who are people here take part; a stranger is counted" \
	"^Participants: 3 added from the attendees; 1 addresses are no person's e-mail here\.$"
run tl participant list --meeting Beredningsmöte --format csv
check_same "... the organizer as chair, optional as guest, the rest members" \
	"$(cut -d, -f3,4 "$W/out" | sed 1d | sort | tr '\n' ' ')" \
	"Birgitta Öhman,chair Hassan Al-Sayed,member Ingrid Nordén,guest "
run tl import "$d/attendees.ics" --unit Socialnämnden --kind committee
check_grep "... and once: importing again adds no one" \
	"^Participants: 0 added from the attendees; 1 addresses"
run tl person list --format csv
check_same "... and no person is made of an address" \
	"$(grep -c 'okand' "$W/out")" 0

N=$(count)
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 BEGIN:VEVENT "UID:bad@x" \
	"DTSTART:2026BAD" "SUMMARY:Fel" END:VEVENT BEGIN:VEVENT "UID:good@x" \
	"DTSTART:20261220T080000Z" "SUMMARY:Rätt" END:VEVENT END:VCALENDAR \
	>"$d/bad.ics"
run tl import "$d/bad.ics"
check_err "a line libical cannot read: refused" 1 \
	"bad\.ics has 1 line that libical cannot read; nothing was imported\.$"
check_same "... and nothing written, not even the good event" "$(count)" "$N"
echo "not a calendar" >"$d/text.ics"
run tl import "$d/text.ics"
check_err "a file that is no calendar" 1 "is not an iCalendar file"
run tl import "$d/m2.ics" --format json
check_err "--format json reads JSON" 1 ""
run tl export --output "$d/all.json"
run tl import "$d/all.json" --unit Socialnämnden
check_err "--unit is for a calendar" 2 "--kind and --unit are for a calendar"
done_testing
