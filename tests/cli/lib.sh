# tests/cli/lib.sh - a tiny framework for the shell tests of the command
# line.  A test script sources it, then runs cases:
#
#   run tl followup list          # runs a command: $W/out, $W/err, $RC
#   check_rc "name" 0             # the exit status, and stderr empty on 0
#   check_out "name" file         # stdout (normalised) = expected/file
#   check_grep "name" 'regex'     # stdout matches an extended regex
#   check_err "name" 1 'regex'    # exit status and one "tillit: ..." line
#
# Each check prints "ok - name" or "not ok - name" followed by "# " lines
# saying why (a diff for outputs).  tests/run.sh counts those lines.
#
# The environment is fixed: TILLIT_NOW="2026-11-23 10:00",
# TZ=Europe/Stockholm, a UTF-8 locale, COLUMNS=100, and a database of its
# own in a scratch folder ($DB), never the user's.  UPDATE=1 writes missing
# or changed expected files instead of failing (for a person to review).
#
# Under TILLIT_TEST_BACKEND=pg (tests/run.sh's PostgreSQL pass) $DB is
# instead a new database of its own on the server of TILLIT_TEST_PG, and
# `newdb NAME` gives another.  A script that tests what only a file has
# says so near its top, and runs on SQLite only:
#   # backend: sqlite-only (REASON)
# shellcheck shell=sh

set -u

HERE=$(cd "$(dirname "$0")" && pwd)
EXPECTED=$HERE/expected
TILLIT=${TILLIT:-$HERE/../../tillit}

W=$(mktemp -d "${TMPDIR:-/tmp}/tillit-cli.XXXXXX") || exit 3
trap 'rm -rf "$W"' EXIT
trap 'exit 130' INT TERM

TILLIT_NOW="2026-11-23 10:00"
TZ=Europe/Stockholm
LC_ALL=C.UTF-8
COLUMNS=100
XDG_DATA_HOME=$W/xdg
export TILLIT_NOW TZ LC_ALL COLUMNS XDG_DATA_HOME
unset TILLIT_DB

# newdb NAME: a new, empty database: the file $W/NAME.db, or under
# TILLIT_TEST_BACKEND=pg the connection string of a new database.
newdb() {
	if [ "${TILLIT_TEST_BACKEND:-}" = pg ]; then
		_name=t_$$_$1_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
		if ! psql -qX "${TILLIT_TEST_PG:?}" -c "CREATE DATABASE $_name" \
			>/dev/null 2>"$W/newdb.err"; then
			echo "not ok - setup: CREATE DATABASE $_name"
			sed 's/^/#   /' "$W/newdb.err"
			exit 1
		fi
		echo "$TILLIT_TEST_PG dbname=$_name"
	else
		echo "$W/$1.db"
	fi
}

DB=$(newdb x) || exit 1

# dbsql SQL: runs SQL on $DB behind tillit's back, as another program
# could: sqlite3 on the file, or psql on the server's database.  What
# differs between the two dialects is the script's to choose (on_pg
# tells which $DB is: a script may point $DB at a file of its own).
on_pg() {
	case $DB in *dbname=* | postgres://* | postgresql://*) return 0 ;; esac
	return 1
}
# On the server, SQLite's char() and group_concat() are said as
# PostgreSQL's chr() and string_agg(); rows print as sqlite3 prints them
# (values joined by |, one row a line).
dbsql() {
	if on_pg; then
		psql -qXAt -v ON_ERROR_STOP=1 "$DB" -c "$(printf '%s' "$1" |
			sed 's/\([^a-z_]\)char(/\1chr(/g; s/group_concat(/string_agg(/g')"
	else
		sqlite3 "$DB" "$1"
	fi
}
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

# i_am PERSON: the account running the tests is PERSON's login, as
# signing and acknowledging need (tillit reads the account from the OS);
# the person it was before has no login any more.
I_AM=
i_am() {
	[ -z "$I_AM" ] || must tl person edit "$I_AM" --login ""
	must tl person edit "$1" --login "$(id -un)"
	I_AM=$1
}

# downgrade_to VERSION: takes $DB back to schema VERSION, as a tillit of
# that time would have left it (tests/unit/downgrade.h), for upgrades.
downgrade_to() {
	must "${TILLIT_DOWNGRADE:-$HERE/../../build/default/tests/downgrade}" \
		"$DB" "$1"
}
