#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# bench/run.sh - the benchmark of doc/performance.md (make bench), and a
# quick run of the same at a tiny scale (make bench-smoke).
#
#   sh bench/run.sh [large|small]
#
# Builds the database of the tier once into bench/data/ (tillit-gen),
# installs the peers when missing (scripts/deps.sh bench: hyperfine,
# taskwarrior, calcurse), then measures every figure as the median of
# several runs (hyperfine) with its spread, and peak RSS with
# /usr/bin/time -v.  Prints a table, tillit beside the peers, and for the
# large tier rewrites doc/performance.md (the figures, then
# bench/notes.md, which says what was changed and why).  The small tier
# writes bench/data/performance-small.md instead.
#
# Environment: TILLIT (the binary, default ./tillit), TILLIT_GEN (the
# generator, default build/default/tillit-gen: make gen), RUNS (runs a
# figure, default 10), TASK_1M=0 (leave out Taskwarrior with a million
# tasks, which takes some minutes), ONLY=dates (only the figures at three
# clock dates and the long table, for a quick look; writes no report).
set -eu

tier=${1:-large}
cd "$(dirname "$0")/.." || exit 3
root=$(pwd)
T=${TILLIT:-$root/tillit}
case $T in /*) ;; *) T=$root/$T ;; esac
G=${TILLIT_GEN:-$root/build/default/tillit-gen}
case $G in /*) ;; *) G=$root/$G ;; esac
runs=${RUNS:-10}
data=$root/bench/data
work=$data/work-$tier
mkdir -p "$data" "$work"
# Generation and measurement share one fixed clock, so that "overdue"
# means the same on every run.  The Overview and the lists are measured
# at two more dates too (the three dates below).
export TILLIT_NOW="2026-06-15 12:00"
export TZ=Europe/Stockholm
export LC_ALL=C.UTF-8
me="Märta Bänkström"

sh scripts/deps.sh bench

case $tier in
large) db=$data/large.db ;;
small) db=$data/small.db; runs=${RUNS:-3} ;;
*) echo "bench: tier is large or small" >&2; exit 2 ;;
esac

# ---- the database ----
# Made anew when the generator makes other data than the one kept.
[ -x "$G" ] || { echo "bench: no generator $G (make gen)" >&2; exit 3; }
gen_version=$("$G" --data-version)
made_by() { [ "$(awk '$1 == "version" { print $2 }' "$1" 2>/dev/null)" = \
	"$gen_version" ]; }
if [ ! -s "$db" ] || ! made_by "$db.counts"; then
	rm -f "$db" "$db-wal" "$db-shm" "$db-journal" "$db.counts"
	echo "bench: generating the $tier tier into $db" >&2
	"$G" --db "$db" --tier "$tier" --quiet >"$db.counts.tmp"
	mv "$db.counts.tmp" "$db.counts"
fi
records=$(awk '$1 == "total" { print $2 }' "$db.counts")
gen_time=$(awk '$1 == "time" { print $2 }' "$db.counts")
db_mib=$(du -m "$db" | awk '{ print $1 }')

# ---- helpers ----
results=$work/results.txt
: >"$results"

# bench NAME 'CMD': median and spread (ms) of CMD (quoted as for sh,
# run without a shell) into $results.
bench() {
	name=$1
	hyperfine --shell=none --warmup "${warmup:-2}" --runs "$runs" --style none \
		--export-csv "$work/$name.csv" --output null -- "$2" \
		>/dev/null 2>&1 || {
		echo "bench: $name failed: $2" >&2
		echo "$name NA NA NA NA" >>"$results"
		return 0
	}
	# command,mean,stddev,median,user,system,min,max
	awk -F, -v n="$name" 'NR == 2 {
		printf "%s %.2f %.2f %.2f %.2f\n", n, $4 * 1000, $3 * 1000,
			$7 * 1000, $8 * 1000 }' "$work/$name.csv" >>"$results"
}

# rss NAME 'CMD': peak RSS (KiB) of one run of CMD.
rss() {
	name=$1
	/usr/bin/time -v sh -c "exec $2" >/dev/null 2>"$work/$name.time" ||
		true
	kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' \
		"$work/$name.time")
	echo "rss_$name ${kib:-NA} 0 0 0" >>"$results"
}

get() { # get NAME [field]: median (2), spread (3), min (4), max (5)
	awk -v n="$1" -v f="${2:-2}" '$1 == n { print $f }' "$results"
}

# The person the benchmark acts as (the generator's first person).
me=$(sqlite3 "$db" "SELECT id FROM people WHERE name = '$me' LIMIT 1")
[ -n "$me" ] || { echo "bench: no person $me in $db" >&2; exit 1; }

# ---- three clock dates ----
# The data's dates run from its first meeting to its last follow-up's
# due date (tools/gen: meetings over the tier's years up to 60 days after
# the generation clock, follow-ups due up to 104 days after their
# meeting; at the large tier 2016-08-16 to 2026-11-23).  The Overview and
# the lists are measured with the clock a year before that, inside it
# (the generation clock) and a year after it: what is overdue or expiring
# is nothing before the data and everything open a year after.
now_inside=$TILLIT_NOW
inside=${TILLIT_NOW%% *}
before=$(sqlite3 -readonly "$db" "SELECT date(min(d), '-1 year') FROM (
	SELECT min(substr(starts_at, 1, 10)) AS d FROM meetings
	UNION ALL SELECT min(due) FROM followups)")
after=$(sqlite3 -readonly "$db" "SELECT date(max(d), '+1 year') FROM (
	SELECT max(substr(starts_at, 1, 10)) AS d FROM meetings
	UNION ALL SELECT max(due) FROM followups)")

# ---- UI (headless script mode) ----
ui() { # ui NAME LINES...: a script file of the given lines
	f=$work/ui-$1.txt
	shift
	printf '%s\n' "$@" >"$f"
}
ui start dump
ui list0 "key 6" dump
ui my "key 5" dump
keys() { # keys KEY N: N times key KEY on the follow-up list
	i=0
	{
		echo "key 6"
		while [ "$i" -lt "$2" ]; do echo "key $1"; i=$((i + 1)); done
		echo dump
	} >"$work/ui-$1-$2.txt"
}
nkeys=50
keys j $nkeys
keys PageDown $nkeys
keys G 10
# Opening a meeting is measured over N meetings: open it (Enter), go
# back (q) and down (j), against the same script with only the j's.
nmeet=20
meetings() { # meetings NAME KEYS...: key 2, then N times KEYS, dump
	f=$work/ui-$1.txt
	shift
	{
		echo "key 2"
		i=0
		while [ "$i" -lt "$nmeet" ]; do
			for k in "$@"; do echo "key $k"; done
			i=$((i + 1))
		done
		echo dump
	} >"$f"
}
meetings meeting0 j
meetings meeting Enter q j
# Goals (issue 18): the goal tree (9) against the start; Page Down ten
# times and the end (G) in it; a goal's screen with its charts, opened
# (Enter) and left (q) ten times, against the tree with its first goal
# selected.
ngoal=10
repeat_lines() { # repeat_lines N LINES...: the lines N times over
	n=$1
	shift
	while [ "$n" -gt 0 ]; do printf '%s\n' "$@"; n=$((n - 1)); done
}
ui goals "key 9" dump
ui goals-end "key 9" "key G" dump
ui goal0 "key 9" "key j" dump
{ echo "key 9"; repeat_lines 10 "key PageDown"; echo dump; } >"$work/ui-goals-pgdn.txt"
{ printf 'key 9\nkey j\n'; repeat_lines $ngoal "key Enter" "key q"; echo dump; } \
	>"$work/ui-goal.txt"
ui search0 "key /" dump
ui search "key /" "type bemanningen" "key Enter" dump

uirun() { echo "$T --db $db --as $me ui --script $work/ui-$1.txt --size 100x30"; }
overdue="$T --db $db followup list --overdue --owner $me --limit 50"

# The Overview, the follow-up list, My frames and mandates (each from the
# start) and the first page of my overdue follow-ups, at the three dates
# (inside: the figures without a suffix).
for when in before inside after; do
	eval "TILLIT_NOW=\"\$$when 12:00\""
	sfx=_$when
	[ "$when" = inside ] && { TILLIT_NOW=$now_inside; sfx=; }
	bench "ui_start$sfx" "$(uirun start)"
	bench "ui_list0$sfx" "$(uirun list0)"
	bench "ui_my$sfx" "$(uirun my)"
	bench "cli_overdue$sfx" "$overdue"
done
TILLIT_NOW=$now_inside

# A long list as a table beside the same rows as CSV: the table's cost is
# linear in its rows and near the CSV's (3 runs: half a minute each).
ntab=500000
[ "$tier" = small ] && ntab=$(awk '$1 == "followups" { print $2 }' \
	"$db.counts")
runs_save=$runs
runs=3
bench cli_table_n "$T --db $db followup list --limit $ntab"
bench cli_csv_n "$T --db $db followup list --limit $ntab --format csv"
rss cli_table_n "$T --db $db followup list --limit $ntab"
runs=$runs_save

if [ "${ONLY:-}" = dates ]; then
	for f in ui_start ui_list0 ui_my cli_overdue; do
		printf '%s: %s %s, %s %s, %s %s ms\n' "$f" \
			"$before" "$(get "${f}_before")" "$inside" "$(get "$f")" \
			"$after" "$(get "${f}_after")"
	done
	printf 'followup list --limit %s: table %s ms, csv %s ms\n' \
		"$ntab" "$(get cli_table_n)" "$(get cli_csv_n)"
	exit 0
fi

bench ui_j "$(uirun j-$nkeys)"
bench ui_pgdn "$(uirun PageDown-$nkeys)"
bench ui_end "$(uirun G-10)"
bench ui_meeting0 "$(uirun meeting0)"
bench ui_meeting "$(uirun meeting)"
bench ui_goals "$(uirun goals)"
bench ui_goals_pgdn "$(uirun goals-pgdn)"
bench ui_goals_end "$(uirun goals-end)"
bench ui_goal0 "$(uirun goal0)"
bench ui_goal "$(uirun goal)"
bench ui_search0 "$(uirun search0)"
bench ui_search "$(uirun search)"
rss ui_start "$(uirun start)"
rss ui_j "$(uirun j-$nkeys)"

# ---- CLI ----
search="$T --db $db search bemanningen"
add="$T --db $db followup add --text 'Bänktest: följ upp' --owner $me --due 2026-07-01"
bench cli_search "$search"
bench cli_add "$add"
rss cli_overdue "$overdue"
rss cli_search "$search"
rss cli_add "$add"

# Export of the whole database (fewer runs: it is long).
runs_save=$runs
runs=3
export="$T --db $db export --format json --output $work/export.json"
bench cli_export "$export"
rss cli_export "$export"
# Import into a fresh database: the export of one municipality-year
# (tillit-gen --scale 1, about 300,000 records, 120 MB of JSON), or of this
# tier when it is the small one.  Five runs after one warm-up: the
# figure is three seconds on a two-core machine shared with others.
if [ "$tier" = large ]; then
	made_by "$data/scale1.db.counts" ||
		rm -f "$data/scale1.db" "$data/scale1.db-wal" \
			"$data/scale1.db-shm" "$data/scale1.json"
	[ -s "$data/scale1.db" ] ||
		"$G" --db "$data/scale1.db" --scale 1 --quiet \
			>"$data/scale1.db.counts"
	[ -s "$data/scale1.json" ] ||
		"$T" --db "$data/scale1.db" export --format json --output \
			"$data/scale1.json"
	cp "$data/scale1.json" "$work/import.json"
	imp_records=$(awk '$1 == "total" { print $2 }' "$data/scale1.db.counts")
else
	cp "$work/export.json" "$work/import.json"
	imp_records=$records
fi
hyperfine --shell=none --runs 5 --warmup 1 --style none --output null \
	--prepare "rm -f $work/imp.db $work/imp.db-wal $work/imp.db-shm" \
	--export-csv "$work/cli_import.csv" -- \
	"$T --db $work/imp.db import $work/import.json" >/dev/null 2>&1 &&
	awk -F, 'NR == 2 { printf "cli_import %.2f %.2f %.2f %.2f\n",
		$4 * 1000, $3 * 1000, $7 * 1000, $8 * 1000 }' \
		"$work/cli_import.csv" >>"$results" ||
	echo "cli_import NA NA NA NA" >>"$results"
rm -f "$work/imp.db" "$work/imp.db-wal" "$work/imp.db-shm"
rss cli_import "$T --db $work/imp.db import $work/import.json"
rm -f "$work/imp.db" "$work/imp.db-wal" "$work/imp.db-shm"
runs=$runs_save

# ---- the organisation tier: the same on PostgreSQL (bench/pg.sh) ----
pg_done=""
if sh bench/pg.sh "$tier" "$db" "$work"; then
	pg_done=1
else
	echo "bench: the PostgreSQL figures failed (see above)" >&2
fi

# ---- peers ----
# Taskwarrior: pending tasks made from the follow-ups (text, due date,
# a project out of 97), written straight into a scratch data folder in
# Taskwarrior 2.6's own file format (one "[name:"value" ...]" line per
# task in pending.data, dates as epoch seconds, '"', '[' and ']' encoded
# as &dquot; &open; &close;): `task import` would take hours for a
# million tasks, and the figures are about querying, not loading.
task_load() { # task_load N DIR
	n=$1 dir=$2
	[ -s "$dir/loaded" ] && [ "$(cat "$dir/loaded")" = "$n" ] && return 0
	rm -rf "$dir"
	mkdir -p "$dir/data"
	printf 'data.location=%s/data\nconfirmation=off\nverbose=nothing\n%s\n' \
		"$dir" "gc=on" >"$dir/taskrc"
	sqlite3 -readonly "$db" "SELECT '[description:\"' ||
		replace(replace(replace(text, '\"', '&dquot;'), '[', '&open;'),
			']', '&close;') ||
		'\" due:\"' || strftime('%s', due || ' 12:00:00') ||
		'\" entry:\"1577865600\" modified:\"1577865600\" project:\"p' ||
		(seq % 97) || '\" status:\"pending\" uuid:\"' || id || '\"]'
		FROM followups WHERE due IS NOT NULL ORDER BY seq LIMIT $n" \
		>"$dir/data/pending.data"
	: >"$dir/data/completed.data"
	: >"$dir/data/undo.data"
	: >"$dir/data/backlog.data"
	echo "$n" >"$dir/loaded"
}
task_bench() { # task_bench N
	dir=$data/task-$1
	task_load "$1" "$dir"
	count="env TASKRC=$dir/taskrc task count project:p7 due.before:2026-06-15"
	bench task_count_$1 "$count"
	bench task_add_$1 "env TASKRC=$dir/taskrc task add Bänktest due:2026-07-01"
	rss task_count_$1 "$count"
}
ntask=100000
[ "$tier" = small ] && ntask=$(awk '$1 == "followups" { print $2 }' \
	"$db.counts")
task_bench "$ntask"
task1m=""
if [ "${TASK_1M:-1}" = 1 ] && [ "$tier" = large ]; then
	# Half a minute a run: three runs, one warm-up.
	runs_save=$runs
	runs=3 warmup=1
	task_bench 1000000
	runs=$runs_save warmup=2
	task1m=1000000
fi

# calcurse: 30,000 to-dos listed with calcurse -t.
ncal=30000
[ "$tier" = small ] && ncal=1000
cal=$data/calcurse-$ncal
if [ ! -s "$cal/todo" ]; then
	mkdir -p "$cal"
	sqlite3 "$db" "SELECT '[' || (seq % 9 + 1) || '] ' || text FROM
		followups ORDER BY seq LIMIT $ncal" >"$cal/todo"
	: >"$cal/apts"
fi
runs_save=$runs
runs=3
bench calcurse_t "calcurse -D $cal -t"
rss calcurse_t "calcurse -D $cal -t"
# The same work for tillit: that many follow-ups listed, every column.
bench cli_list_n "$T --db $db followup list --limit $ncal"
rss cli_list_n "$T --db $db followup list --limit $ncal"
runs=$runs_save

# ---- the table ----
ms() { v=$(get "$1"); [ "$v" = NA ] && echo NA || echo "$v"; }
diff_per() { # (ms(a) - ms(b)) / n
	a=$(get "$1") b=$(get "$2")
	awk -v a="$a" -v b="$b" -v n="$3" 'BEGIN {
		if (a == "NA" || b == "NA" || a == "" || b == "") print "NA";
		else { v = (a - b) / n; if (v < 0) v = 0; printf "%.2f", v } }'
}
spread() { get "$1" 3; }
mib() { awk -v k="$(get "rss_$1")" 'BEGIN {
	if (k == "NA" || k == "") print "NA"; else printf "%.1f", k / 1024 }'; }
rate() { awk -v n="$1" -v t="$(get "$2")" 'BEGIN {
	if (t == "NA" || t == "" || t == 0) print "NA";
	else printf "%.0f", n / (t / 1000) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {
	if (a == "NA" || b == "NA" || a == "" || b == "" || a == 0) print "";
	else printf "%.0f×", b / a }'; }
ratio1() { awk -v a="$1" -v b="$2" 'BEGIN {
	if (a == "NA" || b == "NA" || a == "" || b == "" || a == 0) print "";
	else printf "%.1f×", b / a }'; }
three() { echo "$(ms "${1}_before") / $(ms "$1") / $(ms "${1}_after") ms"; }

j=$(diff_per ui_j ui_list0 $nkeys)
pg=$(diff_per ui_pgdn ui_list0 $nkeys)
g=$(diff_per ui_end ui_list0 10)
mt=$(diff_per ui_meeting ui_meeting0 $nmeet)
gt=$(diff_per ui_goals ui_start 1)
gpg=$(diff_per ui_goals_pgdn ui_goals 10)
gend=$(diff_per ui_goals_end ui_goals 1)
gone=$(diff_per ui_goal ui_goal0 $ngoal)
st=$(diff_per ui_search ui_search0 1)
tc=$(get task_count_$ntask)
ta=$(get task_add_$ntask)
cc=$(get calcurse_t)
trss=$(mib task_count_$ntask)
table=$work/table.md
{
	echo "| figure | tillit | target | peer | peer's figure | ratio |"
	echo "|---|---|---|---|---|---|"
	echo "| UI start to first full Overview | $(ms ui_start) ms (± $(spread ui_start)) | ≤ 50 ms | | | |"
	echo "| UI start to first full Overview, clock at $before / $inside / $after | $(three ui_start) | ≤ 50 ms each | | | |"
	echo "| UI follow-up list (start, 6), the same three clocks | $(three ui_list0) | ≤ 50 ms each | | | |"
	echo "| UI My frames and mandates (start, 5), the same three clocks | $(three ui_my) | ≤ 50 ms each | | | |"
	echo "| CLI followup list --overdue --owner (first page), the same three clocks | $(three cli_overdue) | ≤ 20 ms each | | | |"
	echo "| UI keystroke: scroll (j) | $j ms | ≤ 5 ms | | | |"
	echo "| UI keystroke: Page Down | $pg ms | ≤ 5 ms | | | |"
	echo "| UI keystroke: jump to the end (G) | $g ms | ≤ 5 ms | | | |"
	echo "| UI open a meeting with its agenda (and back) | $mt ms | | | | |"
	echo "| UI Goals: open the goal tree (9), $(awk '$1 == "goals" { print $2 }' "$db.counts") goals | $gt ms | | | | |"
	echo "| UI Goals: Page Down / jump to the end (G) in the tree | $gpg / $gend ms | ≤ 5 ms | | | |"
	echo "| UI Goals: open a goal with its charts (and back) | $gone ms | ≤ 5 ms | | | |"
	echo "| UI search, first screen of results | $st ms | ≤ 50 ms | | | |"
	echo "| CLI followup list --overdue --owner (first page) | $(ms cli_overdue) ms (± $(spread cli_overdue)) | ≤ 20 ms | task count (filter), $ntask tasks | $tc ms | $(ratio "$(ms cli_overdue)" "$tc") |"
	echo "| CLI search WORD | $(ms cli_search) ms (± $(spread cli_search)) | | | | |"
	echo "| CLI followup add | $(ms cli_add) ms (± $(spread cli_add)) | ≤ 10 ms | task add, $ntask tasks | $ta ms | $(ratio "$(ms cli_add)" "$ta") |"
	echo "| CLI export --format json | $(rate "$records" cli_export) records/s ($(ms cli_export) ms for $records) | ≥ 200,000/s | | | |"
	echo "| CLI import (fresh db) | $(rate "$imp_records" cli_import) records/s ($(ms cli_import) ms for $imp_records) | ≥ 100,000/s | | | |"
	echo "| peak RSS, UI start | $(mib ui_start) MiB | ≤ 32 MiB | task count, $ntask tasks | $trss MiB | $(ratio "$(mib ui_start)" "$trss") |"
	echo "| peak RSS, UI 50 × j | $(mib ui_j) MiB | ≤ 32 MiB | | | |"
	echo "| peak RSS, CLI overdue list | $(mib cli_overdue) MiB | ≤ 32 MiB | task count, $ntask tasks | $trss MiB | $(ratio "$(mib cli_overdue)" "$trss") |"
	echo "| peak RSS, CLI search | $(mib cli_search) MiB | ≤ 32 MiB | | | |"
	echo "| peak RSS, CLI add | $(mib cli_add) MiB | ≤ 32 MiB | | | |"
	echo "| peak RSS, CLI export | $(mib cli_export) MiB | ≤ 32 MiB | | | |"
	echo "| peak RSS, CLI import | $(mib cli_import) MiB | ≤ 32 MiB | | | |"
	echo "| CLI followup list --limit $ncal (list that many) | $(ms cli_list_n) ms ($(mib cli_list_n) MiB) | | calcurse -t, $ncal to-dos | $cc ms ($(mib calcurse_t) MiB) | $(ratio "$(ms cli_list_n)" "$cc") |"
	echo "| CLI followup list --limit $ntab, a table | $(ms cli_table_n) ms ($(ratio1 "$(ms cli_csv_n)" "$(ms cli_table_n)") the CSV's; $(mib cli_table_n) MiB) | ≤ 3 × the CSV's | | | |"
	echo "| CLI followup list --limit $ntab --format csv | $(ms cli_csv_n) ms | | | | |"
	if [ -n "$task1m" ]; then
		echo "| CLI overdue list vs task count, 1,000,000 tasks | $(ms cli_overdue) ms | | task count | $(get task_count_1000000) ms ($(mib task_count_1000000) MiB) | $(ratio "$(ms cli_overdue)" "$(get task_count_1000000)") |"
		echo "| CLI followup add vs task add, 1,000,000 tasks | $(ms cli_add) ms | | task add | $(get task_add_1000000) ms | $(ratio "$(ms cli_add)" "$(get task_add_1000000)") |"
	fi
} >"$table"

# Both engines side by side, at the same tier in the same run.
pgget() { awk -v n="$1" -v f="${2:-2}" '$1 == n { print $f }' \
	"$work/pg-results.txt" 2>/dev/null; }
pgms() { v=$(pgget "$1"); echo "${v:-NA}"; }
pgper() { # (pg(a) - pg(b)) / n
	awk -v a="$(pgms "$1")" -v b="$(pgms "$2")" -v n="$3" 'BEGIN {
		if (a == "NA" || b == "NA") print "NA";
		else { v = (a - b) / n; if (v < 0) v = 0; printf "%.2f", v } }'; }
pgrate() { awk -v n="$1" -v t="$(pgms "$2")" 'BEGIN {
	if (t == "NA" || t == 0) print "NA"; else printf "%.0f", n / (t / 1000) }'; }
pgmib() { awk -v k="$(pgget "rss_$1")" 'BEGIN {
	if (k == "NA" || k == "") print "NA"; else printf "%.1f", k / 1024 }'; }
pgtable=$work/pg-table.md
if [ -n "$pg_done" ]; then
	{
		echo "| figure | SQLite | PostgreSQL | target | peer's figure | PostgreSQL's ratio |"
		echo "|---|---|---|---|---|---|"
		echo "| load the tier (import of its export, COPY) | | $(pgrate "$records" load) records/s ($(pgms load) ms) | | | |"
		echo "| export of the server gives the file's bytes | | $([ "$(pgget same_export)" = 1 ] && echo yes || echo NO) | yes | | |"
		echo "| UI start to first full Overview | $(ms ui_start) ms | $(pgms ui_start) ms (± $(pgget ui_start 3)) | ≤ 50 ms | | |"
		echo "| UI follow-up list (start, 6) | $(ms ui_list0) ms | $(pgms ui_list0) ms | ≤ 50 ms | | |"
		echo "| UI My frames and mandates (start, 5) | $(ms ui_my) ms | $(pgms ui_my) ms | ≤ 50 ms | | |"
		echo "| UI keystroke: scroll (j) | $j ms | $(pgper ui_j ui_list0 $nkeys) ms | ≤ 5 ms | | |"
		echo "| UI keystroke: Page Down | $pg ms | $(pgper ui_pgdn ui_list0 $nkeys) ms | ≤ 5 ms | | |"
		echo "| UI keystroke: jump to the end (G) | $g ms | $(pgper ui_end ui_list0 10) ms | ≤ 5 ms | | |"
		echo "| UI search, first screen of results | $st ms | $(pgper ui_search ui_search0 1) ms | ≤ 50 ms | | |"
		echo "| UI Goals: open the goal tree (9) | $gt ms | $(pgper ui_goals ui_start 1) ms | | | |"
		echo "| UI Goals: Page Down / the end (G) | $gpg / $gend ms | $(pgper ui_goals_pgdn ui_goals 10) / $(pgper ui_goals_end ui_goals 1) ms | ≤ 5 ms | | |"
		echo "| UI Goals: open a goal with its charts (and back) | $gone ms | $(pgper ui_goal ui_goal0 $ngoal) ms | ≤ 5 ms | | |"
		echo "| CLI followup list --overdue --owner (first page) | $(ms cli_overdue) ms | $(pgms cli_overdue) ms (± $(pgget cli_overdue 3)) | ≤ 20 ms, ≥ 50× task count | task count, $ntask tasks: $tc ms | $(ratio "$(pgms cli_overdue)" "$tc") |"
		echo "| CLI search WORD | $(ms cli_search) ms | $(pgms cli_search) ms | | | |"
		echo "| CLI followup add | $(ms cli_add) ms | $(pgms cli_add) ms (± $(pgget cli_add 3)) | ≤ 10 ms | task add: $ta ms | $(ratio "$(pgms cli_add)" "$ta") |"
		echo "| CLI export --format json | $(rate "$records" cli_export) records/s | $(pgrate "$records" cli_export) records/s | ≥ 200,000/s | | |"
		echo "| CLI import (fresh db) | $(rate "$imp_records" cli_import) records/s | $(pgrate "$imp_records" cli_import) records/s | ≥ 100,000/s | | |"
		echo "| peak RSS, UI start | $(mib ui_start) MiB | $(pgmib ui_start) MiB | ≤ 32 MiB | | |"
		echo "| peak RSS, CLI overdue list | $(mib cli_overdue) MiB | $(pgmib cli_overdue) MiB | ≤ 32 MiB | | |"
		echo "| peak RSS, CLI export | $(mib cli_export) MiB | $(pgmib cli_export) MiB | ≤ 32 MiB | | |"
		echo "| $(pgget writers) writers at once for $(pgget writers 3) s: adds said saved | | $(pgget writers 4) | | | |"
		echo "| ... errors shown / writes lost | | $(pgget writer_errors 3) / $(pgget writer_errors 4) | 0 / 0 | | |"
	} >"$pgtable"
else
	echo "PostgreSQL: not measured in this run (see bench's output)." >"$pgtable"
fi

cat "$table"
echo
cat "$pgtable"

# ---- the report ----
if [ "$tier" = large ]; then out=$root/doc/performance.md
else out=$data/performance-small.md; fi
{
	echo "# Performance"
	echo
	echo "Written by \`make bench\` (bench/run.sh); do not edit the figures"
	echo "by hand: the text after them comes from bench/notes.md."
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
	echo "- $(sqlite3 --version | cut -d' ' -f1 | sed 's/^/SQLite (shell) /'), $(task --version 2>/dev/null | sed 's/^/Taskwarrior /'), $(calcurse --version 2>/dev/null | head -1 | cut -d' ' -f1-2)"
	echo "- database: the $tier tier, $records records, $db_mib MiB, generated in $gen_time s"
	echo "- each figure: the median of $runs runs after 2 warm-up runs (export and calcurse: 3 runs; import: 5 runs after 1 warm-up), with the standard deviation; warm page cache"
	echo "- clock: $inside 12:00 (inside the data's dates), and for the rows that say so also $before (a year before the data) and $after (a year after it)"
	echo "- UI keystroke cost: (time of a script with N keys − time of the same script without them) / N, on the follow-up list, 100×30 screen; a meeting: N = 20 meetings opened (Enter), left (q) and stepped over (j), against the same script with only the j's"
	echo
	cat "$table"
	echo
	echo "## The organisation tier: the same on PostgreSQL"
	echo
	echo "The same database loaded into a private PostgreSQL $(psql --version 2>/dev/null | awk '{ print $3 }') server on this machine (bench/pg.sh: initdb in a temporary folder, a Unix socket only, the server's default durability: fsync and synchronous commit on), measured in the same run as the figures above, with the same scripts and runs.  A keystroke's cost, the ratios and the peers as above."
	echo
	cat "$pgtable"
	echo
	echo "Raw figures (ms: median, standard deviation, min, max; rss_*: KiB):"
	echo
	echo '```'
	cat "$results"
	echo
	cat "$work/pg-results.txt" 2>/dev/null | sed 's/^/pg_/'
	echo '```'
	echo
	[ -r "$root/bench/notes.md" ] && cat "$root/bench/notes.md"
} >"$out"
echo "bench: wrote $out" >&2

# A figure that could not be measured is written NA above, so that the
# report shows which; the run still fails, loudly, so that a report of
# NAs is never taken for a measurement.
missing=$(cat "$results" "$work/pg-results.txt" 2>/dev/null |
	awk '$2 == "NA" { printf "%s%s", n++ ? ", " : "", $1 }')
[ -n "$pg_done" ] || missing="${missing:+$missing, }the PostgreSQL figures"
if [ -n "$missing" ]; then
	echo "bench: not measured (NA in $out): $missing" >&2
	exit 1
fi
