#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/reliability/crash.sh - crash consistency: kills a writer with
# SIGKILL at random moments and checks the database after every kill.
#
#   sh tests/reliability/crash.sh [KILLS [SERVER_EVERY]]   (20; 5)
#
# Three rounds in four the writer is the command line in a loop
# (writer.sh: meetings, items, follow-ups, mandates, follow-ups marked
# done, each id logged only after tillit reported success); every fourth
# it is the full-screen program adding follow-ups through its form from
# a key script.  After a random 50-700 ms the writer's whole process group
# gets SIGKILL, and then:
#   - the database is whole (rel_integrity: PRAGMA integrity_check);
#   - every write a writer logged as committed is in the database;
#   - no half-written record: no reference that points nowhere, every
#     record has its 'create' audit row and every audit row its record.
# At the end tillit still writes and reads the database.  `make test` runs
# 20 kills (tests/cli/test_crash.sh), `make reliability` 200 or more.
#
# The PostgreSQL form (TILLIT_TEST_BACKEND=pg) does the same on a database
# of a server of the test's own (scripts/pg.sh, in the scratch folder),
# checked with psql and pg_amcheck, and kills the server too: every
# SERVER_EVERY-th round (default 5) the command-line writer is left
# running while the server is stopped as a crash would stop it (pg_ctl
# stop -m immediate, through scripts/pg.sh restart-immediate), stays down
# 0-500 ms and starts again, recovering from its WAL.  The writer's
# commands fail meanwhile, each with one line of tillit's own saying the
# connection was lost or the server cannot be reached (counted; they are
# not lost writes, as tillit said they were not saved); no write tillit
# said was saved may be missing afterwards, and tillit must write again
# at once.  Then the writer is killed as in the other rounds.  The server
# must not be the suite's: other tests use that one meanwhile.
#
# The server acknowledges a commit only once its WAL is written
# (synchronous_commit on): the suite's fast server (synchronous_commit
# off) would lose the last commits of a crash by design.  REL_PG_DURABLE
# is scripts/pg.sh's PG_DURABLE for the server: "crash" (the default:
# commits survive the server's crash, but without fsync not the
# machine's, which is not what this test makes happen) or 1 (the server's
# defaults, fsync too; slower to restart).
. "$(dirname "$0")/common.sh"

KILLS=${1:-20}
SERVER_EVERY=0
if [ "$REL_ON_PG" = 1 ]; then
	SERVER_EVERY=${2:-5}
	N="crash (PostgreSQL)"
	PGD=${REL_PG_DURABLE:-crash}
	IC="pg_amcheck, tillit verify and a count"
	rel_pg_server "$PGD" >"$R/why" || {
		echo "ok - $N # SKIP no PostgreSQL server: $(cat "$R/why")"
		exit 0
	}
	DB=$(rel_pg_newdb crash) || { echo "$DB"; exit 1; }
else
	N="crash"
	IC="integrity_check"
	DB=$R/crash.db
fi
rel_setup "$DB"

round=0
hit=0
integrity_bad=0
lost_max=0
orphans_max=0
ui_rounds=0
server_rounds=0
restart_max=0
after_bad=0
first_bad=""
slogs=""
while [ "$round" -lt "$KILLS" ]; do
	round=$((round + 1))
	server=0
	if [ "$SERVER_EVERY" -gt 0 ] && [ $((round % SERVER_EVERY)) = 0 ]
	then
		server=1
		server_rounds=$((server_rounds + 1))
		log=$R/log.s$round
		slogs="$slogs $log.err"
		rel_start pg sh "$REL/writer.sh" "$TILLIT" "$DB" "$log" \
			"k$round"
	elif [ $((round % 4)) = 0 ]; then
		ui_rounds=$((ui_rounds + 1))
		rel_ui_script "$R/ui.$round" 100 "r$round"
		rel_start pg "$TILLIT" --db "$DB" ui --script "$R/ui.$round" \
			--size 100x30 >/dev/null 2>>"$R/ui.err"
	else
		rel_start pg sh "$REL/writer.sh" "$TILLIT" "$DB" \
			"$R/log.$round" "k$round"
	fi
	rel_sleep_ms "$(rel_random $((50 * REL_SLOW)) $((700 * REL_SLOW)))"
	if [ "$server" = 1 ]; then
		# The server dies under the writer and comes back.
		t0=$(date +%s%N)
		if ! sh "$REL/../../scripts/pg.sh" restart-immediate \
			"$REL_PGDIR" "$(printf '0.%03d' "$(rel_random 0 500)")" \
			2>"$R/restart.err"; then
			fail "$N: the server starts again after a crash" \
				"round $round: $(cat "$R/restart.err")"
			break
		fi
		t=$((($(date +%s%N) - t0) / 1000000))
		[ "$t" -gt "$restart_max" ] && restart_max=$t
		# tillit works again at once: a write, read back.
		if ! id=$("$TILLIT" --db "$DB" followup add -q \
			--text "Efter omstart $round" --owner "Writer Person" \
			2>>"$R/after.err") || ! "$TILLIT" --db "$DB" followup \
			show "$id" 2>>"$R/after.err" | grep -q "omstart $round"
		then
			after_bad=$((after_bad + 1))
		fi
		# The writer writes on a while before it is killed too.
		rel_sleep_ms "$(rel_random $((200 * REL_SLOW)) \
			$((700 * REL_SLOW)))"
	fi
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
	'' | *[!0-9]*) [ -n "$first_bad" ] ||
		first_bad="kill $round: orphan check failed: $orph"
		orph=999999 ;;
	esac
	case $lost in
	'' | *[!0-9]*) [ -n "$first_bad" ] ||
		first_bad="kill $round: lost check failed: $lost"
		lost=999999 ;;
	esac
	[ "$orph" -gt "$orphans_max" ] && orphans_max=$orph
	[ "$lost" -gt "$lost_max" ] && lost_max=$lost
	if [ "$orph" != 0 ] || [ "$lost" != 0 ]; then
		[ -n "$first_bad" ] ||
			first_bad="kill $round: $lost lost, $orph half-written"
	fi
done

reported=$(rel_reported "$R"/log.*)
# Failed commands: in the rounds the server stays up there must be none;
# while it is down they are expected, each one line of tillit's.
errors=$(cat "$R"/log.[0-9]* 2>/dev/null | grep -c '^error')
down_errors=$(cat "$R"/log.s* 2>/dev/null | grep -c '^error')
# shellcheck disable=SC2086
down_lines=$(cat /dev/null $slogs 2>/dev/null | wc -l | tr -d ' ')
# shellcheck disable=SC2086
down_unclear=$(cat /dev/null $slogs 2>/dev/null | grep -cv \
	-e '^tillit: The connection to .* was lost while .*; what was under way was not saved\. Try again\.$' \
	-e '^tillit: Cannot reach the PostgreSQL server of .*; is it running?$')
ui_rows=$(rel_sql "$DB" "SELECT count(*) FROM followups
	WHERE text LIKE 'UI %';")

figure "$N: kills" "$KILLS"
figure "$N: kills while a tillit process was running" "$hit"
figure "$N: kills of the full-screen program" "$ui_rounds"
if [ "$REL_ON_PG" = 1 ]; then
	figure "$N: server crashes (pg_ctl stop -m immediate) and restarts" \
		"$server_rounds"
	figure "$N: longest restart, crash to taking connections (ms)" \
		"$restart_max"
	figure "$N: server durability (PG_DURABLE)" "$PGD"
fi
figure "$N: writes reported committed" "$reported"
figure "$N: follow-ups the full-screen program saved" "$ui_rows"
figure "$N: integrity failures" "$integrity_bad"
figure "$N: committed writes lost" "$lost_max"
figure "$N: half-written records" "$orphans_max"
figure "$N: failed writer commands" "$errors"
if [ "$REL_ON_PG" = 1 ]; then
	figure "$N: writer commands refused while the server was down" \
		"$down_errors"
	figure "$N: error lines shown while the server was down" \
		"$down_lines"
	figure "$N: of them not one of tillit's two sentences" "$down_unclear"
fi

if [ "$integrity_bad" = 0 ]; then
	pass "$N: $IC ok after each of $KILLS kills"
else
	fail "$N: $IC ok after each of $KILLS kills" \
		"$integrity_bad failures; $first_bad"
fi
if [ "$lost_max" = 0 ] && [ "$reported" -gt 0 ]; then
	pass "$N: none of $reported writes reported committed was lost"
else
	fail "$N: no write reported committed is lost" \
		"$lost_max lost of $reported; $first_bad"
fi
if [ "$orphans_max" = 0 ]; then
	pass "$N: no half-written record"
else
	fail "$N: no half-written record" "$first_bad"
fi
if [ "$errors" = 0 ]; then
	pass "$N: every writer command after a kill succeeded"
else
	fail "$N: every writer command after a kill succeeded" \
		"$(cat "$R"/log.[0-9]*.err 2>/dev/null | sort | uniq -c |
			head -5)"
fi
if [ "$REL_ON_PG" = 1 ]; then
	if [ "$after_bad" = 0 ] && [ "$server_rounds" -gt 0 ]; then
		pass "$N: tillit wrote and read at once after each of $server_rounds server crashes"
	else
		fail "$N: tillit writes and reads at once after a server crash" \
			"$after_bad of $server_rounds restarts failed" \
			"$(sort "$R/after.err" 2>/dev/null | uniq -c | head -3)"
	fi
	if [ "$down_unclear" = 0 ]; then
		pass "$N: while the server was down, each of $down_errors failed commands said so in one line of tillit's"
	else
		# shellcheck disable=SC2086
		fail "$N: while the server is down, a failed command says so in one line of tillit's" \
			"$(cat /dev/null $slogs | sort | uniq -c | head -5)"
	fi
fi
# Still usable by tillit: a write, then the write read back.
if id=$("$TILLIT" --db "$DB" followup add -q --text "Efter kraschen" \
	--owner "Writer Person" 2>"$R/after.err") &&
	"$TILLIT" --db "$DB" followup show "$id" 2>>"$R/after.err" |
	grep -q "Efter kraschen"; then
	pass "$N: tillit writes and reads the database afterwards"
else
	fail "$N: tillit writes and reads the database afterwards" \
		"$(cat "$R/after.err")"
fi
[ "$REL_FAILED" = 0 ]
