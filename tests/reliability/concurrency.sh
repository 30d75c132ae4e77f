#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/reliability/concurrency.sh - several programs on one database at
# once.
#
#   sh tests/reliability/concurrency.sh [SECONDS [WRITERS]]  (10 s, 3)
#
# For SECONDS, WRITERS command-line writers (writer.sh) and a full-screen
# program (headless, sessions of 20 follow-ups added through the form,
# one after the other) write while a reader exports everything as one
# JSON document again and again.  Then:
#   - no "database is locked" or "busy" reached any program's stderr, and
#     every command and session succeeded: writes waited their turn;
#   - nothing was lost: every id a writer logged, and every follow-up of
#     every finished session, is in the database;
#   - every snapshot the reader got was consistent: each item's meeting
#     and each follow-up's and mandate's item were in it, and the counts
#     of records never went down from one snapshot to the next;
#   - no error line at all reached any program's stderr;
#   - integrity_check is ok and no record is half-written.
# `make test` runs 10 s (tests/cli/test_concurrency.sh), `make
# reliability` 60 s or more.
#
# The PostgreSQL form (TILLIT_TEST_BACKEND=pg) runs the same on a new
# database of the server of TILLIT_TEST_PG (the suite's), or of a server
# of its own when there is none (scripts/pg.sh, with the durability of
# REL_PG_DURABLE, default 1: the server's defaults), checked with psql and
# pg_amcheck (rel_integrity).  tillit's writers take turns there on an
# advisory lock, so none should fail either: the target is 0 errors
# shown.
. "$(dirname "$0")/common.sh"

DUR=$((${1:-10} * REL_SLOW))
NW=${2:-3}
if [ "$REL_ON_PG" = 1 ]; then
	N="concurrency (PostgreSQL)"
	IC="pg_amcheck, tillit verify and a count"
	if [ -z "${TILLIT_TEST_PG:-}" ]; then
		rel_pg_server "${REL_PG_DURABLE:-1}" >"$R/why" || {
			echo "ok - $N # SKIP no PostgreSQL server: $(cat "$R/why")"
			exit 0
		}
	fi
	DB=$(rel_pg_newdb conc) || { echo "$DB"; exit 1; }
else
	N="concurrency"
	IC="integrity"
	DB=$R/conc.db
fi
rel_setup "$DB"
end=$(($(date +%s) + DUR))

i=0
while [ "$i" -lt "$NW" ]; do
	i=$((i + 1))
	rel_start pg sh "$REL/writer.sh" "$TILLIT" "$DB" "$R/log.w$i" "w$i" \
		"$DUR"
done

# The full-screen program: sessions of 20 additions until the time is up.
(
	s=0
	while [ "$(date +%s)" -lt "$end" ]; do
		s=$((s + 1))
		rel_ui_script "$R/ui.$s" 20 "s$s"
		if "$TILLIT" --db "$DB" ui --script "$R/ui.$s" --size 100x30 \
			>/dev/null 2>>"$R/ui.err"; then
			echo "session $s" >>"$R/ui.log"
		else
			echo "error session $s: $?" >>"$R/ui.log"
		fi
	done
) &
ui_pid=$!

# The reader: a snapshot, checked with the sqlite3 program's JSON
# functions, until the time is up.
(
	prev="0 0 0 0"
	n=0
	while [ "$(date +%s)" -lt "$end" ]; do
		n=$((n + 1))
		if ! "$TILLIT" --db "$DB" export --format json \
			--output "$R/snap.json" 2>>"$R/reader.err"; then
			echo "error export $n" >>"$R/reader.log"
			continue
		fi
		if ! "$TILLIT" --db "$DB" followup list --open --format csv \
			>/dev/null 2>>"$R/reader.err"; then
			echo "error list $n" >>"$R/reader.log"
		fi
		cur=$(sq :memory: "
WITH d(j) AS (SELECT readfile('$R/snap.json'))
SELECT (SELECT count(*) FROM d, json_each(d.j, '\$.meetings')),
 (SELECT count(*) FROM d, json_each(d.j, '\$.items')),
 (SELECT count(*) FROM d, json_each(d.j, '\$.followups')),
 (SELECT count(*) FROM d, json_each(d.j, '\$.mandates')),
 (SELECT count(*) FROM d, json_each(d.j, '\$.items') i
  WHERE json_extract(i.value, '\$.meeting') NOT IN
  (SELECT json_extract(m.value, '\$.id') FROM d, json_each(d.j, '\$.meetings') m))
 + (SELECT count(*) FROM d, json_each(d.j, '\$.followups') f
  WHERE json_extract(f.value, '\$.item') IS NOT NULL
  AND json_extract(f.value, '\$.item') NOT IN
  (SELECT json_extract(m.value, '\$.id') FROM d, json_each(d.j, '\$.items') m))
 + (SELECT count(*) FROM d, json_each(d.j, '\$.mandates') f
  WHERE json_extract(f.value, '\$.item') IS NOT NULL
  AND json_extract(f.value, '\$.item') NOT IN
  (SELECT json_extract(m.value, '\$.id') FROM d, json_each(d.j, '\$.items') m));
" 2>&1 | tr '|' ' ')
		# shellcheck disable=SC2086
		set -- $cur
		if [ $# != 5 ]; then
			echo "error check $n: $cur" >>"$R/reader.log"
			continue
		fi
		[ "$5" = 0 ] ||
			echo "bad $n: $5 dangling references" >>"$R/reader.log"
		# shellcheck disable=SC2086
		echo "$prev $1 $2 $3 $4" | awk -v n="$n" '
			$5 < $1 || $6 < $2 || $7 < $3 || $8 < $4 {
				print "bad " n ": counts went down: " $0 }' \
			>>"$R/reader.log"
		prev="$1 $2 $3 $4"
		echo "snapshot $n $prev" >>"$R/reader.log"
	done
) &
reader_pid=$!

wait "$ui_pid"
wait "$reader_pid"
for p in $REL_PGIDS; do
	wait "$p" 2>/dev/null
done
REL_PGIDS=""

reported=$(rel_reported "$R"/log.w*)
errors=$(cat "$R"/log.w* 2>/dev/null | grep -c '^error')
sessions=$(grep -c '^session' "$R/ui.log" 2>/dev/null)
ui_errors=$(grep -c '^error' "$R/ui.log" 2>/dev/null)
snapshots=$(grep -c '^snapshot' "$R/reader.log" 2>/dev/null)
reader_bad=$(grep -c '^bad' "$R/reader.log" 2>/dev/null)
reader_errors=$(grep -c '^error' "$R/reader.log" 2>/dev/null)
locked=$(cat "$R"/log.w*.err "$R/ui.err" "$R/reader.err" 2>/dev/null |
	grep -ci 'locked\|busy')
lost=$(rel_lost "$DB" "$R"/log.w*)
ui_rows=$(rel_sql "$DB" "SELECT count(*) FROM followups
	WHERE text LIKE 'UI %';")
shown=$(cat "$R"/log.w*.err "$R/ui.err" "$R/reader.err" 2>/dev/null |
	wc -l | tr -d ' ')
ui_lost=$((sessions * 20 - ui_rows))
[ "$ui_lost" -lt 0 ] && ui_lost=0
ic=$(rel_integrity "$DB")
orph=$(rel_orphans "$DB")

figure "$N: seconds" "$DUR"
figure "$N: command-line writers" "$NW"
figure "$N: writes reported committed" "$reported"
figure "$N: full-screen sessions finished" "$sessions"
figure "$N: follow-ups saved through the form" "$ui_rows"
figure "$N: reader snapshots checked" "$snapshots"
figure "$N: inconsistent snapshots" "$reader_bad"
figure "$N: \"locked\" or \"busy\" messages shown" "$locked"
figure "$N: failed commands or sessions" \
	"$((errors + ui_errors + reader_errors))"
figure "$N: error lines shown" "$shown"
figure "$N: committed writes lost" "$((lost + ui_lost))"

if [ "$locked" = 0 ]; then
	pass "$N: no \"database is locked\" reached the user"
else
	fail "$N: no \"database is locked\" reached the user" \
		"$(cat "$R"/log.w*.err "$R/ui.err" "$R/reader.err" |
			sort | uniq -c | head -5)"
fi
if [ $((errors + ui_errors + reader_errors)) = 0 ] && [ "$sessions" -gt 0 ]
then
	pass "$N: every writer command ($reported writes), $sessions sessions and $snapshots exports succeeded"
else
	fail "$N: every command and session succeeded" \
		"$errors writer, $ui_errors session, $reader_errors reader errors" \
		"$(cat "$R"/log.w*.err "$R/ui.err" "$R/reader.err" |
			sort | uniq -c | head -5)"
fi
if [ "$lost" = 0 ] && [ "$ui_lost" = 0 ] && [ "$reported" -gt 0 ]; then
	pass "$N: nothing lost ($reported writes, $ui_rows from the form)"
else
	fail "$N: nothing lost" \
		"$lost of $reported writes, $ui_lost of $((sessions * 20)) from the form"
fi
if [ "$reader_bad" = 0 ] && [ "$snapshots" -gt 0 ]; then
	pass "$N: $snapshots snapshots read, each consistent"
else
	fail "$N: every snapshot read is consistent" \
		"$(grep '^bad' "$R/reader.log" | head -3)"
fi
if [ "$shown" = 0 ]; then
	pass "$N: no error line was shown"
else
	fail "$N: no error line was shown" \
		"$(cat "$R"/log.w*.err "$R/ui.err" "$R/reader.err" 2>/dev/null |
			sort | uniq -c | head -5)"
fi
if [ "$ic" = ok ] && [ "$orph" = 0 ]; then
	pass "$N: $IC ok, no half-written record"
else
	fail "$N: $IC ok, no half-written record" \
		"integrity: $ic; half-written: $orph"
fi
[ "$REL_FAILED" = 0 ]
