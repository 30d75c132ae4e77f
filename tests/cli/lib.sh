# SPDX-License-Identifier: EUPL-1.2
# tests/cli/lib.sh - a tiny framework for the shell tests of the command
# line.  A test script sources it, then runs cases:
#
#   run tl followup list          # runs a command: $W/out, $W/err, $RC
#   check_rc "name" 0             # the exit status, and stderr empty on 0
#   check_out "name" file         # stdout (normalised) = expected/file
#   check_grep "name" 'regex'     # stdout matches an extended regex
#   check_err "name" 1 'regex'    # exit status and one "tillit: ..." line
#   check_same "name" "$got" "$want"
#
# Each check prints "ok - name" or "not ok - name" followed by "# " lines
# saying why (a diff for outputs).  tests/run.sh counts those lines.
#
# The environment is fixed: TILLIT_NOW="2026-11-23 10:00",
# TZ=Europe/Stockholm, a UTF-8 locale, COLUMNS=100, no configuration file
# (XDG_CONFIG_HOME in the scratch folder), and a database of its own in a
# scratch folder ($DB), never the user's.  UPDATE=1 writes missing
# or changed expected files instead of failing (for a person to review).
#
# Under TILLIT_TEST_BACKEND=pg (tests/run.sh's PostgreSQL pass) $DB is
# instead a new database of its own on the server of TILLIT_TEST_PG (a
# connection string), dropped when the script ends.  A second database
# comes from `newdb NAME`, never from a path of the script's own.  `dbsql
# SQL` runs SQL on $DB with the engine's own client (sqlite3 or psql),
# and on_pg tells which engine $DB is on.  A script that tests what only
# a file has (its mode, its -wal file, sqlite3 on it, an older schema)
# says so near its top, and runs on SQLite only:
#   # backend: sqlite-only (REASON)
# A script with only a part of that kind puts it under
# `if sqlite_only REASON; then`, which on PostgreSQL prints
# "ok - REASON # SKIP on SQLite only" (counted as skipped).  A script
# that sets an EXIT trap of its own calls lib_cleanup from it.
# shellcheck shell=sh

set -u

HERE=$(cd "$(dirname "$0")" && pwd)
EXPECTED=$HERE/expected
TILLIT=${TILLIT:-$HERE/../../tillit}

W=$(mktemp -d "${TMPDIR:-/tmp}/tillit-cli.XXXXXX") || exit 3
BACKEND=sqlite
[ "${TILLIT_TEST_BACKEND:-}" != pg ] || BACKEND=pg

# lib_cleanup: drops the script's databases on the server (WITH FORCE:
# a program left running must not keep one) and removes $W.
lib_cleanup() {
	if [ -s "$W/dbs" ]; then
		while read -r _db; do
			echo "DROP DATABASE IF EXISTS $_db WITH (FORCE);"
		done <"$W/dbs" |
			psql -qX "${TILLIT_TEST_PG:?}" >/dev/null 2>&1
	fi
	rm -rf "$W"
}
trap lib_cleanup EXIT
trap 'exit 130' INT TERM

TILLIT_NOW="2026-11-23 10:00"
TZ=Europe/Stockholm
LC_ALL=C.UTF-8
COLUMNS=100
XDG_DATA_HOME=$W/xdg
# A configuration file of the user's own (keys, columns) must not change
# what the tests see; test_config.sh writes its own here.
XDG_CONFIG_HOME=$W/config
export TILLIT_NOW TZ LC_ALL COLUMNS XDG_DATA_HOME XDG_CONFIG_HOME
unset TILLIT_DB

# newdb NAME: a new database that does not exist yet, as tillit --db takes
# it: the path $W/NAME.db (removed first, with its -wal and -shm, when a
# database of that name was made before), or on PostgreSQL the connection
# string of a new empty database (t_PID_NAME_RANDOM, lower case as SQL
# folds it).  On failure it says why on stderr and returns 1, so use it as
# DB2=$(newdb y) || exit 1.
newdb() {
	if [ "$BACKEND" = pg ]; then
		_createdb "$1" ""
	else
		rm -f "$W/$1.db" "$W/$1.db-wal" "$W/$1.db-shm"
		echo "$W/$1.db"
	fi
}

# _createdb NAME OPTIONS: CREATE DATABASE on the server, for newdb; the
# database is dropped by lib_cleanup.
_createdb() {
	_name=$(printf '%s' "$1" | tr -c 'a-zA-Z0-9_' _ | tr 'A-Z' 'a-z')
	_name=t_$$_${_name}_$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')
	if ! psql -qX "${TILLIT_TEST_PG:?}" \
		-c "CREATE DATABASE $_name $2" >/dev/null 2>"$W/newdb.err"; then
		echo "not ok - setup: CREATE DATABASE $_name $2" >&2
		sed 's/^/#   /' "$W/newdb.err" >&2
		return 1
	fi
	echo "$_name" >>"$W/dbs"
	echo "$TILLIT_TEST_PG dbname=$_name"
}

DB=$(newdb x) || exit 1

RC=0
FAILED=0

# tl ARGS...: tillit on the test's database.
tl() {
	"$TILLIT" --db "$DB" "$@"
}

# run COMMAND [ARG...]: runs it, keeping stdout, stderr and the status.
run() {
	"$@" >"$W/out" 2>"$W/err"
	RC=$?
}

pass() {
	echo "ok - $1"
}

# fail NAME [REASON...]: a failed case, with the reasons and the output.
fail() {
	name=$1
	shift
	FAILED=$((FAILED + 1))
	echo "not ok - $name"
	for why in "$@"; do
		echo "#   $why"
	done
	sed -n '1,5s/^/#   stderr: /p' "$W/err"
}

# The output with ids made stable: a full UUID becomes <ID>, a short id
# (a word of exactly 8 hex digits) becomes xxxxxxxx, which keeps the
# width so that the alignment of tables stays visible.
normalize() {
	sed -e 's/[0-9a-f]\{8\}\(-[0-9a-f]\{4\}\)\{3\}-[0-9a-f]\{12\}/<ID>/g' \
	    -e 's/\(^\|[^0-9A-Za-z]\)[0-9a-f]\{8\}\([^0-9A-Za-z]\|$\)/\1xxxxxxxx\2/g' \
	    -e 's/\(^\|[^0-9A-Za-z]\)[0-9a-f]\{8\}\([^0-9A-Za-z]\|$\)/\1xxxxxxxx\2/g' \
	    "$@"
}

# check_rc NAME STATUS: the last run exited with STATUS (and, for 0,
# wrote nothing on stderr).
check_rc() {
	if [ "$RC" != "$2" ]; then
		fail "$1" "exit status $RC, expected $2"
	elif [ "$2" = 0 ] && [ -s "$W/err" ]; then
		fail "$1" "stderr is not empty"
	else
		pass "$1"
	fi
}

# check_out NAME FILE: the last run succeeded and its normalised stdout
# equals expected/FILE.
check_out() {
	normalize "$W/out" >"$W/norm"
	if [ "$RC" != 0 ]; then
		fail "$1" "exit status $RC, expected 0"
	elif [ ! -f "$EXPECTED/$2" ] || ! cmp -s "$W/norm" "$EXPECTED/$2"
	then
		if [ "${UPDATE:-0}" = 1 ]; then
			cp "$W/norm" "$EXPECTED/$2"
			pass "$1 # wrote expected/$2"
			return
		fi
		fail "$1" "stdout differs from expected/$2:"
		if [ -f "$EXPECTED/$2" ]; then
			diff -u "$EXPECTED/$2" "$W/norm" | sed 's/^/#   /'
		else
			echo "#   (expected/$2 is missing)"
			sed 's/^/#   /' "$W/norm"
		fi
	else
		pass "$1"
	fi
}

# check_grep NAME REGEX: the last run succeeded and stdout matches REGEX.
check_grep() {
	if [ "$RC" != 0 ]; then
		fail "$1" "exit status $RC, expected 0"
	elif ! grep -Eq -- "$2" "$W/out"; then
		fail "$1" "stdout does not match /$2/:" \
			"$(sed -n '1,5p' "$W/out")"
	else
		pass "$1"
	fi
}

# check_same NAME GOT WANT: two strings are the same.
check_same() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "got:  $2" "want: $3"
	fi
}

# json_value FILE PATH: the value at a JSON path ('$[0].name') of FILE.
json_value() {
	python3 -c 'import json, re, sys
v = json.load(open(sys.argv[1]))
for k in re.findall(r"\[(\d+)\]|\.(\w+)", sys.argv[2]):
    v = v[int(k[0])] if k[0] else v[k[1]]
print(v)' "$1" "$2"
}

# check_err NAME STATUS [REGEX]: the last run failed with STATUS and wrote
# exactly one line "tillit: ..." on stderr (matching REGEX when given).
check_err() {
	lines=$(wc -l <"$W/err")
	first=$(sed -n 1p "$W/err")
	if [ "$RC" != "$2" ]; then
		fail "$1" "exit status $RC, expected $2"
	elif [ "$lines" -ne 1 ]; then
		fail "$1" "stderr has $lines lines, expected one"
	else
		case $first in
		"tillit: "?*)
			if [ $# -ge 3 ] &&
				! printf '%s\n' "$first" | grep -Eq -- "$3"; then
				fail "$1" "the error does not match /$3/"
			else
				pass "$1"
			fi
			;;
		*) fail "$1" "the error does not start with 'tillit: '" ;;
		esac
	fi
}

# must STEP...: a setup step that has to work, or the script stops.
must() {
	if ! "$@" >"$W/out" 2>"$W/err"; then
		echo "not ok - setup: $*"
		sed 's/^/#   /' "$W/err"
		exit 1
	fi
}

# The id printed by `add -q`, as the last line of $W/out.
last_id() {
	tail -n 1 "$W/out"
}

# done_testing: the script's exit status.
done_testing() {
	[ "$FAILED" = 0 ]
}

# my_login: the account tillit takes the tests for: the OS account on
# an SQLite file, the role of the connection on PostgreSQL (the suite's
# server: tillit).
my_login() {
	if on_pg; then
		psql -qXAt "$DB" -c "SELECT session_user"
	else
		id -un
	fi
}

# i_am PERSON: the account running the tests is PERSON's login, as
# signing and acknowledging need; the person it was before has no login
# any more.
I_AM=
i_am() {
	[ -z "$I_AM" ] || must tl person edit "$I_AM" --login ""
	must tl person edit "$1" --login "$(my_login)"
	I_AM=$1
}

# downgrade_to VERSION: takes $DB back to schema VERSION, as a tillit of
# that time would have left it (tests/unit/downgrade.h), for upgrades.
downgrade_to() {
	must "${TILLIT_DOWNGRADE:-$HERE/../../build/default/tests/downgrade}" \
		"$DB" "$1"
}

# prefix_logins P: every person's login of $DB made P followed by it,
# so that the roles a test makes of them (tillit admin roles), which are
# the server's and shared by every database on it, do not meet another
# run's.  The people's ids are left in $W/people.
prefix_logins() {
	tl person list --format csv | sed -n '2,$p' | cut -d, -f1 >"$W/people"
	while read -r _id; do
		_login=$(tl person show "$_id" | sed -n 's/^Login: *//p')
		[ -n "$_login" ] && must tl person edit "$_id" --login "$1$_login"
	done <"$W/people"
}

# on_pg: true when $DB is a server's database (a script may point $DB at
# a file of its own even in the PostgreSQL pass).  _on_server DB: the
# same for DB.
on_pg() {
	_on_server "$DB"
}
_on_server() {
	case $1 in *dbname=* | postgres://* | postgresql://*) return 0 ;; esac
	return 1
}

# sqlite_only REASON: true on SQLite; on PostgreSQL false, after one line
# "ok - REASON # SKIP on SQLite only" (tests/run.sh counts it skipped).
# For the part of a script that needs the file (sqlite3 on it,
# downgrade_to), where the rest runs on both engines.
sqlite_only() {
	on_pg || return 0
	echo "ok - $1 # SKIP on SQLite only"
	return 1
}

# db_made [DB]: true when a database has been made at DB ($DB): the file
# is there, or on PostgreSQL the database holds tables.
db_made() {
	if _on_server "${1:-$DB}"; then
		[ "$(psql -qAtX "${1:-$DB}" -c "SELECT count(*) FROM pg_tables
			WHERE schemaname = current_schema()")" != 0 ]
	else
		[ -e "${1:-$DB}" ]
	fi
}

# dbsql SQL: runs SQL on $DB behind tillit's back, as another program
# could: sqlite3 on the file, or psql on the server's database (stopping
# at the first error).  What differs between the two dialects is the
# script's to choose (on_pg tells which $DB is), but SQLite's char() and
# group_concat() are said as PostgreSQL's chr() and string_agg(); rows
# print as sqlite3 prints them (values joined by |, one row a line).
# dbsql_on DB SQL does the same on another database.
dbsql() {
	dbsql_on "$DB" "$1"
}
dbsql_on() {
	if _on_server "$1"; then
		psql -qXAt -v ON_ERROR_STOP=1 "$1" -c "$(printf '%s' "$2" |
			sed 's/\([^a-z_]\)char(/\1chr(/g; s/group_concat(/string_agg(/g')"
	else
		sqlite3 "$1" "$2"
	fi
}

# db_dump DB: every row of DB as text, to compare before and after: the
# sqlite3 program's .dump, or pg_dump's data (without the sequences'
# positions, which a transaction rolled back moves too, and the random
# key of pg_dump's \restrict lines).
db_dump() {
	if _on_server "$1"; then
		pg_dump --data-only "$1" 2>/dev/null |
			grep -v -e '^SELECT pg_catalog.setval(' \
				-e '^\\\(un\)\{0,1\}restrict '
	else
		sqlite3 "$1" .dump
	fi
}

# drafts_dir: the folder where the full-screen program keeps the drafts of
# $DB (src/ui/draft.c): $DB.drafts beside a file; for a server's database
# a folder in the user's data folder named by a hash of the connection
# string (djb2, its low 32 bits), whose parent this makes.
drafts_dir() {
	if on_pg; then
		_h=5381
		for _c in $(printf '%s' "$DB" | od -An -v -tu1); do
			_h=$(((_h * 33 + _c) & 4294967295))
		done
		mkdir -p "$XDG_DATA_HOME/tillit"
		printf '%s/tillit/server-%08x.drafts\n' "$XDG_DATA_HOME" "$_h"
	else
		echo "$DB.drafts"
	fi
}

# html_ok NAME FILE: tidy finds neither errors nor warnings.
html_ok() {
	if ! command -v tidy >/dev/null 2>&1; then
		fail "$1" "tidy is not installed (make deps-test)"
		return
	fi
	tidy -q -e "$2" >"$W/tidy" 2>&1
	trc=$?
	if [ "$trc" = 0 ] && [ ! -s "$W/tidy" ]; then
		pass "$1"
	else
		fail "$1" "tidy exit status $trc:" "$(sed -n '1,8p' "$W/tidy")"
	fi
}
