#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# bench/pg.sh - the organisation tier's figures: the same database on a
# private PostgreSQL server (scripts/pg.sh, over its Unix socket, on this
# machine), measured as bench/run.sh measures the SQLite file.
#
#   sh bench/pg.sh TIER DB WORK
#
# Called by bench/run.sh after the SQLite figures, with the tier's SQLite
# database DB and the work folder WORK, in which it finds the scripts of
# the full-screen program's figures (ui-*.txt) and the JSON export of DB
# (export.json) and import file (import.json) run.sh wrote.  It loads the
# export into a new database on the server through the bulk path
# (COPY), checks that the server's export is the same bytes, measures,
# runs 20 writers at once for 60 s (WRITERS, WRITE_SECONDS), and writes
# WORK/pg-results.txt (lines as run.sh's results.txt) for run.sh's
# table.  The server is stopped and removed whatever happens.
set -eu

tier=$1 db=$2 work=$3
cd "$(dirname "$0")/.." || exit 3
root=$(pwd)
T=${TILLIT:-$root/tillit}
case $T in /*) ;; *) T=$root/$T ;; esac
runs=${RUNS:-10}
[ "$tier" = small ] && runs=${RUNS:-3}
writers=${WRITERS:-20}
wsecs=${WRITE_SECONDS:-60}
[ "$tier" = small ] && wsecs=${WRITE_SECONDS:-10}
results=$work/pg-results.txt
: >"$results"

dir=$(mktemp -d /tmp/tillit-bench-pg.XXXXXX)
trap 'sh "$root/scripts/pg.sh" stop "$dir"' EXIT
trap 'exit 130' INT TERM
# Durable, as a real server: fsync and synchronous commit on.
conn=$(PG_DURABLE=1 sh scripts/pg.sh start "$dir")
# A URI: one word, as hyperfine runs commands without a shell, and
# without '&', as /usr/bin/time runs them through one.
uri() { echo "postgresql://tillit@/$1?host=$dir"; }
psql -qX "$conn dbname=postgres" -c "CREATE DATABASE large"
pdb=$(uri large)

bench() { # as run.sh's: median, spread, min, max (ms)
	name=$1
	hyperfine --shell=none --warmup "${warmup:-2}" --runs "$runs" \
		--style none --export-csv "$work/pg-$name.csv" --output null \
		${prepare:+--prepare "$prepare"} -- "$2" >/dev/null 2>&1 || {
		echo "bench: pg $name failed: $2" >&2
		echo "$name NA NA NA NA" >>"$results"
		return 0
	}
	awk -F, -v n="$name" 'NR == 2 {
		printf "%s %.2f %.2f %.2f %.2f\n", n, $4 * 1000, $3 * 1000,
			$7 * 1000, $8 * 1000 }' "$work/pg-$name.csv" >>"$results"
}
rss() {
	/usr/bin/time -v sh -c "exec $2" >/dev/null 2>"$work/pg-$1.time" ||
		true
	kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' \
		"$work/pg-$1.time")
	echo "rss_$1 ${kib:-NA} 0 0 0" >>"$results"
}

# ---- the database: the SQLite file's export, through COPY ----
echo "bench: loading the $tier tier into PostgreSQL" >&2
start=$(date +%s.%N)
"$T" --db "$pdb" import "$work/export.json" >/dev/null
end=$(date +%s.%N)
echo "load $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f",
	(b - a) * 1000 }') 0 0 0" >>"$results"
psql -qX "$conn dbname=large" -c "VACUUM ANALYZE" >/dev/null
"$T" --db "$pdb" export --format json --output "$work/pg-export.json"
if cmp -s "$work/export.json" "$work/pg-export.json"; then
	echo "same_export 1 0 0 0" >>"$results"
else
	echo "same_export 0 0 0 0" >>"$results"
	echo "bench: the server's export differs from the file's" >&2
fi

me=$(sqlite3 -readonly "$db" "SELECT id FROM people WHERE name = \
'Märta Bänkström' LIMIT 1")
uirun() { echo "$T --db $pdb --as $me ui --script $work/ui-$1.txt --size 100x30"; }
overdue="$T --db $pdb followup list --overdue --owner $me --limit 50"

bench ui_start "$(uirun start)"
bench ui_list0 "$(uirun list0)"
bench ui_my "$(uirun my)"
bench ui_j "$(uirun j-50)"
bench ui_pgdn "$(uirun PageDown-50)"
bench ui_end "$(uirun G-10)"
bench ui_search0 "$(uirun search0)"
bench ui_search "$(uirun search)"
bench ui_goals "$(uirun goals)"
bench ui_goals_pgdn "$(uirun goals-pgdn)"
bench ui_goals_end "$(uirun goals-end)"
bench ui_goal0 "$(uirun goal0)"
bench ui_goal "$(uirun goal)"
bench cli_overdue "$overdue"
bench cli_search "$T --db $pdb search bemanningen"
bench cli_add "$T --db $pdb followup add --text Bänktest --owner $me --due 2026-07-01"
rss ui_start "$(uirun start)"
rss cli_overdue "$overdue"

runs_save=$runs
runs=3
bench cli_export "$T --db $pdb export --format json --output $work/pg-export.json"
rss cli_export "$T --db $pdb export --format json --output $work/pg-export.json"
# Import into a new database each run: the import file of run.sh.
runs=5 warmup=1
n=0
psql -qX "$conn dbname=postgres" -c "CREATE DATABASE imp"
prepare="psql -qX -d $(uri postgres) -c 'DROP DATABASE imp' -c 'CREATE DATABASE imp'"
bench cli_import "$T --db $(uri imp) import $work/import.json"
prepare=""
runs=$runs_save warmup=2

# ---- 20 writers at once ----
# Each writer adds follow-ups in a loop for the time given and logs the
# id of every add that said it was saved; afterwards every logged id
# must be there, and no writer may have seen an error.
echo "bench: $writers writers for $wsecs s on PostgreSQL" >&2
psql -qX "$conn dbname=postgres" -c "CREATE DATABASE writers"
wdb=$(uri writers)
"$T" --db "$wdb" init >/dev/null
"$T" --db "$wdb" person add --name "Skrivare" --kind employee -q >/dev/null
i=0
stop=$(($(date +%s) + wsecs))
while [ "$i" -lt "$writers" ]; do
	i=$((i + 1))
	(
		while [ "$(date +%s)" -lt "$stop" ]; do
			if id=$("$T" --db "$wdb" followup add --text "w$i" \
				--owner Skrivare -q 2>>"$work/pg-w$i.err"); then
				echo "$id" >>"$work/pg-w$i.log"
			else
				echo "error" >>"$work/pg-w$i.log"
			fi
		done
	) &
done
wait
cat "$work"/pg-w*.log >"$work/pg-writes.log" 2>/dev/null || true
errors=$(grep -c '^error' "$work/pg-writes.log" || true)
shown=$(cat "$work"/pg-w*.err 2>/dev/null | wc -l)
grep -v '^error' "$work/pg-writes.log" | sort >"$work/pg-written.ids"
"$T" --db "$wdb" followup list --limit 1000000 --format csv |
	sed -n '2,$s/^\([^,]*\),.*/\1/p' | sort >"$work/pg-stored.ids"
written=$(wc -l <"$work/pg-written.ids")
lost=$(comm -23 "$work/pg-written.ids" "$work/pg-stored.ids" | wc -l)
echo "writers $writers $wsecs $written 0" >>"$results"
echo "writer_errors $errors $shown $lost 0" >>"$results"
rm -f "$work"/pg-w*.log "$work"/pg-w*.err
echo "bench: PostgreSQL figures in $results" >&2
