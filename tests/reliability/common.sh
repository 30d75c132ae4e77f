# tests/reliability/common.sh - what the crash, concurrency and fault
# tests share: a scratch folder, a database with the people the writers
# need, and the checks of a database after a fault.  Sourced; needs
# TILLIT (the program) and the sqlite3 program.  Each check prints
# "ok - NAME" or "not ok - NAME" (with "# " lines), as tests/run.sh counts
# them, and the figures measured go out as "# figure: NAME = VALUE" lines
# that tests/reliability/report.sh gathers into doc/reliability.md.
# shellcheck shell=sh

set -u

REL=$(cd "$(dirname "$0")" && pwd)
case $REL in */tests/cli) REL=$(cd "$REL/../reliability" && pwd) ;; esac
TILLIT=${TILLIT:-$REL/../../tillit}

R=$(mktemp -d "${TMPDIR:-/tmp}/tillit-rel.XXXXXX") || exit 3
rel_cleanup() {
	# Writers still running (a failed test) are stopped by their group.
	for p in ${REL_PGIDS:-}; do
		kill -s KILL -- "-$p" "$p" 2>/dev/null
	done
	chmod -R u+rwX "$R" 2>/dev/null
	rm -rf "$R"
}
trap rel_cleanup EXIT
trap 'exit 130' INT TERM

TILLIT_NOW="2026-11-23 10:00"
TZ=Europe/Stockholm
LC_ALL=C.UTF-8
XDG_DATA_HOME=$R/xdg
export TILLIT_NOW TZ LC_ALL XDG_DATA_HOME
unset TILLIT_DB

REL_FAILED=0
REL_PGIDS=""
# REL_SLOW=N stretches times N-fold for a slow tillit (under valgrind).
REL_SLOW=${REL_SLOW:-1}

pass() {
	echo "ok - $1"
}

fail() {
	REL_FAILED=$((REL_FAILED + 1))
	echo "not ok - $1"
	shift
	for why in "$@"; do
		echo "#   $why"
	done
}

figure() {
	echo "# figure: $1 = $2"
}

bail() {
	echo "not ok - setup: $1"
	exit 1
}

command -v sqlite3 >/dev/null 2>&1 || bail "the sqlite3 program is missing"
command -v setsid >/dev/null 2>&1 || bail "setsid (util-linux) is missing"
[ -x "$TILLIT" ] || bail "no program at $TILLIT"

# rel_setup DB: a new database with what the writers refer to.
rel_setup() {
	"$TILLIT" --db "$1" init >/dev/null &&
		"$TILLIT" --db "$1" person add --name "Writer Person" \
			--kind employee >/dev/null &&
		"$TILLIT" --db "$1" unit add --name "Writer Committee" \
			--kind committee >/dev/null ||
		bail "cannot make the database $1"
}

# sq DB SQL: the sqlite3 program, waiting up to 10 s for a lock.
sq() {
	sqlite3 -cmd ".timeout 10000" "$@"
}

# rel_integrity DB: prints what PRAGMA integrity_check says ("ok").
rel_integrity() {
	sq "$1" "PRAGMA integrity_check;" 2>&1 | tr '\n' ' ' |
		sed 's/ $//'
}

# rel_orphans DB: prints the number of half-written records: rows whose
# references point nowhere (items without their meeting, ...), records
# without their 'create' audit row, 'create' audit rows without their
# record, and follow-ups marked done without the audit row of it.
rel_orphans() {
	sq "$1" "
SELECT (SELECT count(*) FROM pragma_foreign_key_check)
 + (SELECT count(*) FROM items WHERE meeting NOT IN (SELECT id FROM meetings))
 + (SELECT count(*) FROM followups WHERE item IS NOT NULL
    AND item NOT IN (SELECT id FROM items))
 + (SELECT count(*) FROM mandates WHERE item IS NOT NULL
    AND item NOT IN (SELECT id FROM items))
 + (SELECT count(*) FROM meetings x WHERE NOT EXISTS (SELECT 1 FROM audit a
    WHERE a.entity_id = x.id AND a.action = 'create'))
 + (SELECT count(*) FROM items x WHERE NOT EXISTS (SELECT 1 FROM audit a
    WHERE a.entity_id = x.id AND a.action = 'create'))
 + (SELECT count(*) FROM followups x WHERE NOT EXISTS (SELECT 1 FROM audit a
    WHERE a.entity_id = x.id AND a.action = 'create'))
 + (SELECT count(*) FROM mandates x WHERE NOT EXISTS (SELECT 1 FROM audit a
    WHERE a.entity_id = x.id AND a.action = 'create'))
 + (SELECT count(*) FROM audit a WHERE a.action = 'create' AND a.entity IN
    ('meetings', 'items', 'followups', 'mandates') AND NOT EXISTS (
    SELECT 1 FROM meetings WHERE id = a.entity_id UNION ALL
    SELECT 1 FROM items WHERE id = a.entity_id UNION ALL
    SELECT 1 FROM followups WHERE id = a.entity_id UNION ALL
    SELECT 1 FROM mandates WHERE id = a.entity_id))
 + (SELECT count(*) FROM followups x WHERE x.status = 'done' AND NOT EXISTS (
    SELECT 1 FROM audit a WHERE a.entity_id = x.id AND a.action = 'update'
    AND a.field = 'status' AND a.new_value = 'done'));" 2>&1
}

# rel_lost DB LOG...: prints how many writes the logs report as committed
# (lines "TABLE ID", "done ID") are missing from the database.
rel_lost() {
	_rdb=$1
	shift
	{
		echo "CREATE TEMP TABLE r(kind TEXT, id TEXT);"
		echo "BEGIN;"
		cat "$@" 2>/dev/null | sed -n \
			's/^\(meetings\|items\|followups\|mandates\|done\) \([0-9a-f-]\{36\}\)$/INSERT INTO r VALUES ('"'"'\1'"'"', '"'"'\2'"'"');/p'
		echo "COMMIT;"
		echo "SELECT
 (SELECT count(*) FROM r WHERE kind = 'meetings' AND id NOT IN
  (SELECT id FROM meetings))
 + (SELECT count(*) FROM r WHERE kind = 'items' AND id NOT IN
  (SELECT id FROM items))
 + (SELECT count(*) FROM r WHERE kind = 'followups' AND id NOT IN
  (SELECT id FROM followups))
 + (SELECT count(*) FROM r WHERE kind = 'mandates' AND id NOT IN
  (SELECT id FROM mandates))
 + (SELECT count(*) FROM r WHERE kind = 'done' AND id NOT IN
  (SELECT id FROM followups WHERE status = 'done'));"
	} | sq "$_rdb" 2>&1
}

# rel_reported LOG...: the number of writes the logs report.
rel_reported() {
	cat "$@" 2>/dev/null | grep -c '^[a-z]* [0-9a-f-]\{36\}$'
}

# rel_start VAR COMMAND...: starts COMMAND in a session (and process
# group) of its own, so that a kill reaches every process in it; sets VAR
# to its process group id.
rel_start() {
	_rv=$1
	shift
	setsid "$@" </dev/null &
	eval "$_rv=\$!"
	REL_PGIDS="$REL_PGIDS $!"
}

# rel_reap PGID: after a kill, waits (up to 10 s) until no process of the
# group is left but zombies, so that the locks it held are gone.
rel_reap() {
	_rk=0
	while [ "$_rk" -lt 1000 ] && ps -e -o pgid=,stat= 2>/dev/null |
		awk -v g="$1" '$1 == g && $2 !~ /^Z/ { f = 1 } END { exit !f }'
	do
		sleep 0.01
		_rk=$((_rk + 1))
	done
}

# rel_tillit_running PGID: true while a tillit of that group runs.
rel_tillit_running() {
	ps -e -o pgid=,comm=,stat= 2>/dev/null |
		awk -v g="$1" '$1 == g && $2 ~ /^tillit/ && $3 !~ /^Z/ { f = 1 }
			END { exit !f }'
}

# rel_random LO HI: a random number of milliseconds in [LO, HI].
rel_random() {
	_rn=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	echo $(($1 + _rn % ($2 - $1 + 1)))
}

# rel_sleep_ms MS
rel_sleep_ms() {
	sleep "$(($1 / 1000)).$(printf '%03d' $(($1 % 1000)))"
}

# rel_ui_script FILE N TAG: a key script for the full-screen program that
# adds N follow-ups ("UI TAG k") through the form, owned by Writer Person.
rel_ui_script() {
	{
		echo "key 6"
		_uk=0
		while [ "$_uk" -lt "$2" ]; do
			_uk=$((_uk + 1))
			echo "key a"
			echo "type UI $3 $_uk"
			echo "key Tab Tab"
			echo "key Enter"
			echo "type Writer"
			echo "key Enter"
			echo "key Tab"
			echo "type +7d"
			echo "key Tab"
			echo "key C-x"
		done
		echo "key q"
	} >"$1"
}
