#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# A meeting that does not take place is cancelled, which is not the same
# as held (issue 12, defect 7): `meeting close` records it as cancelled,
# the status can be chosen and filtered on, a cancelled meeting is no
# longer open, and it cannot be signed.
. "$(dirname "$0")/lib.sh"

must tl init
must tl unit add --name "Socialnämnden" --kind committee
must tl meeting add -q --title "Extra sammanträde" --kind committee \
	--unit "Socialnämnden" --starts-at "2026-12-10 13:00"
m=$(last_id)

run tl meeting close "$m"
check_rc "meeting close" 0
run tl meeting show "$m"
check_grep "a closed meeting is cancelled, not held" '^Status: +cancelled$'
run tl meeting list --status cancelled --format csv
check_grep "meetings can be listed by the status cancelled" "^$m,"
run tl meeting list --open --format csv
if grep -q "^$m," "$W/out"; then
	fail "a cancelled meeting is not open" "$(cat "$W/out")"
else
	pass "a cancelled meeting is not open"
fi

must tl meeting add -q --title "Ordinarie sammanträde" --kind committee \
	--unit "Socialnämnden" --starts-at "2026-12-17 13:00"
m2=$(last_id)
run tl meeting edit "$m2" --status cancelled
check_rc "the status cancelled can be set by hand" 0
run tl meeting show "$m2"
check_grep "it reads cancelled" '^Status: +cancelled$'

done_testing
