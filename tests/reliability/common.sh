# SPDX-License-Identifier: EUPL-1.2
# tests/reliability/common.sh - what the crash, concurrency and fault
# tests share: a scratch folder, a database with the people the writers
# need, and the checks of a database after a fault.  Sourced; needs
# TILLIT (the program) and the sqlite3 program.  Each check prints
# "ok - NAME" or "not ok - NAME" (with "# " lines), as tests/run.sh counts
# them, and the figures measured go out as "# figure: NAME = VALUE" lines
# that tests/reliability/report.sh gathers into doc/reliability.md.
#
# Under TILLIT_TEST_BACKEND=pg the crash and concurrency tests run their
# PostgreSQL forms: the database is one on a server (rel_pg_newdb), and
# the checks (rel_*) read it with psql instead of sqlite3; they choose by
# the database's name, as tests/cli/lib.sh's on_pg does.
#
# REL_KEEP=1 keeps the scratch folder (its logs) for a look afterwards.
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
	# A server of the test's own (rel_pg_server) goes with it.
	[ -z "${REL_PGDIR:-}" ] ||
		sh "$REL/../../scripts/pg.sh" stop "$REL_PGDIR" 2>/dev/null
	chmod -R u+rwX "$R" 2>/dev/null
	[ -n "${REL_KEEP:-}" ] && { echo "kept $R"; return; }
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
REL_PGDIR=""
REL_PGCONN=""
# The PostgreSQL forms: TILLIT_TEST_BACKEND=pg (tests/run.sh's second pass).
REL_ON_PG=0
[ "${TILLIT_TEST_BACKEND:-}" = pg ] && REL_ON_PG=1
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
[ "$REL_ON_PG" = 0 ] || command -v psql >/dev/null 2>&1 ||
	bail "the psql program is missing"
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

# rel_is_pg DB: true when DB names a database on a PostgreSQL server
# (a connection string or URI) rather than a file.
rel_is_pg() {
	case $1 in *dbname=* | postgres://* | postgresql://*) return 0 ;; esac
	return 1
}

# rel_pg_server DURABILITY: starts a PostgreSQL server of the test's own
# (scripts/pg.sh, in $R/pg, stopped with the test) and sets REL_PGDIR
# and REL_PGCONN ("host=... user=tillit").  DURABILITY is PG_DURABLE's
# (scripts/pg.sh): 1 for the server's defaults, "crash" for commits that
# survive the server's crash but not the machine's.  Fails, saying why,
# when there is no server to start.
rel_pg_server() {
	REL_PGDIR=$R/pg
	REL_PGCONN=$(PG_DURABLE=$1 sh "$REL/../../scripts/pg.sh" start \
		"$REL_PGDIR" 2>"$R/pg.err") || {
		REL_PGDIR=""
		head -1 "$R/pg.err"
		return 1
	}
}

# rel_pg_newdb NAME: prints the connection string of a new database on
# the server of rel_pg_server, or else on the suite's (TILLIT_TEST_PG).
rel_pg_newdb() {
	if [ -n "$REL_PGCONN" ]; then
		_rm="$REL_PGCONN dbname=postgres"
	else
		_rm=${TILLIT_TEST_PG:?}
	fi
	_rd=r_$$_$1_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
	psql -qX "$_rm" -c "CREATE DATABASE $_rd" >/dev/null 2>"$R/newdb.err" ||
		bail "CREATE DATABASE $_rd: $(head -1 "$R/newdb.err")"
	echo "$_rm dbname=$_rd"
}

# sq DB SQL: the sqlite3 program, waiting up to 10 s for a lock.
sq() {
	sqlite3 -cmd ".timeout 10000" "$@"
}

# rel_sql DB [SQL]: runs SQL (or standard input) on DB with the program
# of its engine, printing rows as sqlite3 does (values joined by |).
rel_sql() {
	if rel_is_pg "$1"; then
		if [ $# -gt 1 ]; then
			psql -qXAt -v ON_ERROR_STOP=1 "$1" -c "$2"
		else
			psql -qXAt -v ON_ERROR_STOP=1 "$1" -f -
		fi
	else
		sq "$@"
	fi
}

# rel_integrity DB: prints "ok" when the database is whole, else what is
# wrong.  On SQLite that is PRAGMA integrity_check.  PostgreSQL has no
# one statement for it; what stands for it here is
#   - pg_amcheck (the server's amcheck): every table's pages and rows
#     are sound, every B-tree index is ordered and holds every row of
#     its table (--heapallindexed);
#   - tillit verify: the audit log's hash chain is unbroken (and the
#     signed minutes match), through tillit's own reading of every row;
#   - a count of the rows of every table of tillit's, which reads each
#     one whole.
rel_integrity() {
	if ! rel_is_pg "$1"; then
		sq "$1" "PRAGMA integrity_check;" 2>&1 | tr '\n' ' ' |
			sed 's/ $//'
		return
	fi
	_ri=""
	_rb=$(sh "$REL/../../scripts/pg.sh" bin 2>/dev/null)
	if [ -n "$_rb" ] && [ -x "$_rb/pg_amcheck" ]; then
		"$_rb/pg_amcheck" --install-missing --heapallindexed "$1" \
			>"$R/amcheck.out" 2>&1 ||
			_ri="$_ri amcheck: $(head -3 "$R/amcheck.out" | tr '\n' ' ')"
	fi
	"$TILLIT" --db "$1" verify >"$R/verify.out" 2>&1 ||
		_ri="$_ri verify: $(head -3 "$R/verify.out" | tr '\n' ' ')"
	_rc=$(printf '%s\n' "SELECT format('SELECT count(*) FROM %I', tablename)
		FROM pg_tables WHERE schemaname = current_schema() \gexec" |
		rel_sql "$1" 2>&1 |
		awk '/^[0-9]+$/ { n++; next } { bad = bad " " $0 }
			END { if (bad != "" || n == 0) print " counts:" bad }')
	_ri="$_ri$_rc"
	echo "${_ri:-ok}"
}

# rel_orphans DB: prints the number of half-written records: rows whose
# references point nowhere (items without their meeting, ...), records
# without their 'create' audit row, 'create' audit rows without their
# record, and follow-ups marked done without the audit row of it.  The
# references of every foreign key are checked: by PRAGMA
# foreign_key_check on SQLite, by a query per foreign key the server
# knows of (pg_constraint) on PostgreSQL.
rel_orphans() {
	if rel_is_pg "$1"; then
		_ro="$(rel_sql "$1" <<'SQL' 2>&1
SELECT format('SELECT count(*) FROM %s c WHERE %s AND NOT EXISTS '
	'(SELECT 1 FROM %s p WHERE %s)', k.conrelid::regclass,
	string_agg(format('c.%I IS NOT NULL', ca.attname), ' AND '),
	k.confrelid::regclass,
	string_agg(format('p.%I = c.%I', pa.attname, ca.attname), ' AND '))
FROM pg_constraint k
CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS u(ck, pk)
JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = u.ck
JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = u.pk
WHERE k.contype = 'f'
	AND k.connamespace = current_schema()::regnamespace
GROUP BY k.oid, k.conrelid, k.confrelid \gexec
SQL
)"
		_rf="0"
	else
		_ro=""
		_rf="(SELECT count(*) FROM pragma_foreign_key_check)"
	fi
	_ro="$_ro
$(rel_sql "$1" "
SELECT $_rf
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
    AND a.field = 'status' AND a.new_value = 'done'));" 2>&1)"
	# The sum of the counts, or what went wrong (not a number).
	printf '%s\n' "$_ro" | awk '/^$/ { next } /^[0-9]+$/ { n += $1; next }
		{ bad = bad " " $0 } END { if (bad != "") print bad; else print n }'
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
	} | rel_sql "$_rdb" 2>&1
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
