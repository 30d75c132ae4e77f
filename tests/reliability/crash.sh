#!/bin/sh
# tests/reliability/crash.sh - crash consistency: kills a writer with
# SIGKILL at random moments and checks the database after every kill.
#
#   sh tests/reliability/crash.sh [KILLS]     (default 20)
#
# Three rounds in four the writer is the command line in a loop
# (writer.sh: meetings, items, follow-ups, mandates, follow-ups marked
# done, each id logged only after tillit reported success); every fourth
# it is the full-screen program adding follow-ups through its form from
# a key script.  After a random 50-700 ms the writer's whole process group
# gets SIGKILL, and then, with the sqlite3 program:
#   - PRAGMA integrity_check is ok;
#   - every write a writer logged as committed is in the database;
#   - no half-written record: no reference that points nowhere, every
#     record has its 'create' audit row and every audit row its record.
# At the end tillit still writes and reads the database.  `make test` runs
# 20 kills (tests/cli/test_crash.sh), `make reliability` 200 or more.
. "$(dirname "$0")/common.sh"

KILLS=${1:-20}
DB=$R/crash.db
rel_setup "$DB"

round=0
hit=0
integrity_bad=0
lost_max=0
orphans_max=0
ui_rounds=0
first_bad=""
while [ "$round" -lt "$KILLS" ]; do
	round=$((round + 1))
	if [ $((round % 4)) = 0 ]; then
		ui_rounds=$((ui_rounds + 1))
		rel_ui_script "$R/ui.$round" 100 "r$round"
		rel_start pg "$TILLIT" --db "$DB" ui --script "$R/ui.$round" \
			--size 100x30 >/dev/null 2>>"$R/ui.err"
	else
		rel_start pg sh "$REL/writer.sh" "$TILLIT" "$DB" \
			"$R/log.$round" "k$round"
	fi
	rel_sleep_ms "$(rel_random $((50 * REL_SLOW)) $((700 * REL_SLOW)))"
	rel_tillit_running "$pg" && hit=$((hit + 1))
	kill -s KILL -- "-$pg" "$pg" 2>/dev/null
	wait "$pg" 2>/dev/null
	rel_reap "$pg"
	REL_PGIDS=""

	ic=$(rel_integrity "$DB")
	orph=$(rel_orphans "$DB")
	lost=$(rel_lost "$DB" "$R"/log.*)
	if [ "$ic" != ok ]; then
		integrity_bad=$((integrity_bad + 1))
		[ -n "$first_bad" ] || first_bad="kill $round: integrity: $ic"
	fi
	case $orph in
	'' | *[!0-9]*) orph=999999; [ -n "$first_bad" ] ||
		first_bad="kill $round: orphan check failed" ;;
	esac
	case $lost in
	'' | *[!0-9]*) lost=999999; [ -n "$first_bad" ] ||
		first_bad="kill $round: lost check failed" ;;
	esac
	[ "$orph" -gt "$orphans_max" ] && orphans_max=$orph
	[ "$lost" -gt "$lost_max" ] && lost_max=$lost
	if [ "$orph" != 0 ] || [ "$lost" != 0 ]; then
		[ -n "$first_bad" ] ||
			first_bad="kill $round: $lost lost, $orph half-written"
	fi
done

reported=$(rel_reported "$R"/log.*)
errors=$(cat "$R"/log.* 2>/dev/null | grep -c '^error')
ui_rows=$(sq "$DB" "SELECT count(*) FROM followups
	WHERE text LIKE 'UI %';")

figure "crash: kills" "$KILLS"
figure "crash: kills while a tillit process was running" "$hit"
figure "crash: kills of the full-screen program" "$ui_rounds"
figure "crash: writes reported committed" "$reported"
figure "crash: follow-ups the full-screen program saved" "$ui_rows"
figure "crash: integrity failures" "$integrity_bad"
figure "crash: committed writes lost" "$lost_max"
figure "crash: half-written records" "$orphans_max"
figure "crash: failed writer commands" "$errors"

if [ "$integrity_bad" = 0 ]; then
	pass "crash: integrity_check ok after each of $KILLS kills"
else
	fail "crash: integrity_check ok after each of $KILLS kills" \
		"$integrity_bad failures; $first_bad"
fi
if [ "$lost_max" = 0 ] && [ "$reported" -gt 0 ]; then
	pass "crash: none of $reported writes reported committed was lost"
else
	fail "crash: no write reported committed is lost" \
		"$lost_max lost of $reported; $first_bad"
fi
if [ "$orphans_max" = 0 ]; then
	pass "crash: no half-written record"
else
	fail "crash: no half-written record" "$first_bad"
fi
if [ "$errors" = 0 ]; then
	pass "crash: every writer command after a kill succeeded"
else
	fail "crash: every writer command after a kill succeeded" \
		"$(cat "$R"/log.*.err 2>/dev/null | sort | uniq -c | head -5)"
fi
# Still usable by tillit: a write, then the write read back.
if id=$("$TILLIT" --db "$DB" followup add -q --text "Efter kraschen" \
	--owner "Writer Person" 2>"$R/after.err") &&
	"$TILLIT" --db "$DB" followup show "$id" 2>>"$R/after.err" |
	grep -q "Efter kraschen"; then
	pass "crash: tillit writes and reads the database afterwards"
else
	fail "crash: tillit writes and reads the database afterwards" \
		"$(cat "$R/after.err")"
fi
[ "$REL_FAILED" = 0 ]
