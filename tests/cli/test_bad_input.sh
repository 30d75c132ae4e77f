#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# backend: sqlite-only (before and after: sqlite3 .dump of the file)
# tests/cli/test_bad_input.sh - the table of bad inputs.
#
# Each case runs one tillit command that must fail, and checks three things:
#   - stderr holds exactly one non-empty line, "tillit: <sentence>";
#   - the exit status is the one of DESIGN.md section 6 (1 the user's error,
#     2 usage, 3 database or system error);
#   - the database did not change: a checksum of `sqlite3 DB .dump` and its
#     user_version, taken with the sqlite3 program rather than tillit, is the
#     same before and after (and, for the cases on other files, the bytes of
#     those files are the same).
# Some cases also check that the sentence names what was wrong.
#
# Run by tests/run.sh with TILLIT (the program) and a fresh TMPDIR; prints
# "ok - NAME" or "not ok - NAME" (with "# " lines saying why) per case.
# VERBOSE=1 also prints each error sentence, to read them over.
# Self-contained on purpose: it needs sh, sqlite3 and coreutils only.
# The $post conditions are kept in single quotes on purpose: they are
# evaluated after the command.
# shellcheck disable=SC2016
set -u

here=$(cd "$(dirname "$0")" && pwd)
TILLIT=${TILLIT:-$here/../../tillit}

T=$(mktemp -d) || exit 3
ro_top=""
cleanup() {
	for d in "$T" "$ro_top"; do
		[ -n "$d" ] || continue
		chmod -R u+rwX "$d" 2>/dev/null
		rm -rf "$d"
	done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A fixed clock and zone, a UTF-8 locale, and no way to reach a real
# database by accident.
TILLIT_NOW="2026-03-15 10:00"
TZ=Europe/Stockholm
LC_ALL=C.UTF-8
XDG_DATA_HOME=$T/xdg
export TILLIT_NOW TZ LC_ALL XDG_DATA_HOME
unset TILLIT_DB

DB=$T/tillit.db
NOID=00000000-0000-4000-8000-000000000000

tl() {
	"$TILLIT" --db "$DB" "$@"
}

bail() {
	echo "not ok - setup: $1"
	[ -s "$T/err" ] && sed 's/^/# /' "$T/err" | cut -c1-300
	exit 1
}

# Runs a setup step quietly; stops the script when it fails.
step() {
	"$@" >"$T/out" 2>"$T/err" || bail "$*"
}

# The database's content as a checksum, independent of tillit.
db_sum() {
	{
		sqlite3 "$DB" 'PRAGMA user_version;' && sqlite3 "$DB" .dump
	} 2>&1 | cksum
}

file_sum() {
	if [ -n "$1" ] && [ -e "$1" ]; then
		cksum <"$1"
	else
		echo "absent"
	fi
}

# expect NAME STATUS [PATTERN] -- COMMAND [ARG...]
#
# Runs COMMAND and checks the three things above; PATTERN, when given, is
# an extended regular expression the error line must match (any case).
# Before a call, $watch may name one more file whose bytes must not
# change, and $post a shell condition that must hold afterwards; both are
# cleared by the call.
watch=""
post=""
failures=0
expect() {
	name=$1 want=$2
	shift 2
	pattern=""
	if [ "$1" != -- ]; then
		pattern=$1
		shift
	fi
	shift
	before="$(db_sum) $(file_sum "$watch")"
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	after="$(db_sum) $(file_sum "$watch")"
	why=""
	[ "$rc" = "$want" ] || why="$why; exit status $rc, expected $want"
	lines=$(sed -n '$=' "$T/err")
	first=$(sed -n 1p "$T/err")
	if [ "${lines:-0}" != 1 ] || [ "$(wc -l <"$T/err")" -ne 1 ]; then
		why="$why; stderr has ${lines:-0} lines, expected exactly one"
	fi
	case $first in
	"tillit: "?*) ;;
	*) why="$why; the error does not read \"tillit: <sentence>\"" ;;
	esac
	if [ -n "$pattern" ] && ! printf '%s\n' "$first" |
		grep -Eiq -- "$pattern"; then
		why="$why; the error does not match /$pattern/"
	fi
	[ "$before" = "$after" ] || why="$why; the database or file changed"
	if [ -n "$post" ] && ! eval "$post"; then
		why="$why; afterwards this does not hold: $post"
	fi
	watch=""
	post=""
	if [ -z "$why" ]; then
		echo "ok - $name"
		[ -n "${VERBOSE:-}" ] && sed -n '1s/^/#   /p' "$T/err" | cut -c1-300
	else
		failures=$((failures + 1))
		echo "not ok - $name"
		echo "#   ${why#; }"
		sed -n '1,3s/^/#   stderr: /p' "$T/err" | cut -c1-300
		sed -n '1,2s/^/#   stdout: /p' "$T/out" | cut -c1-300
	fi
}

skip() {
	echo "ok - $1 # SKIP $2"
}

# --- setup: a small database -------------------------------------------

command -v sqlite3 >/dev/null 2>&1 || bail "the sqlite3 program is missing"
[ -x "$TILLIT" ] || bail "no program at $TILLIT"

step tl init
step tl unit add --name "Socialnämnden" --kind committee
step tl person add --name "Björn Ängström" --kind employee \
	--unit "Socialnämnden"
# Two people with the same name, for the ambiguous name.
step tl person add --name "Åsa Öberg" --kind manager
step tl person add --name "Åsa Öberg" --kind elected
step tl followup add --text "Ring Åsa om budgeten" --owner "Björn Ängström" \
	--due +14d
step tl meeting add --title "Dialog med Björn" --kind one_to_one \
	--starts-at "2026-03-20 10:00" --ends-at "2026-03-20 11:00"

sql() {
	sqlite3 "$DB" "$1" 2>"$T/err" || bail "sqlite3: $1"
}
FU=$(sql "SELECT id FROM followups LIMIT 1;")
MEET=$(sql "SELECT id FROM meetings LIMIT 1;")
if [ -z "$FU" ] || [ -z "$MEET" ]; then
	bail "records not found with sqlite3"
fi

# People until two ids share their first hex digit (at most 17 are needed).
i=0
amb=""
while [ "$i" -le 17 ]; do
	amb=$(sql "SELECT substr(id, 1, 1) FROM people GROUP BY 1
		   HAVING count(*) > 1 LIMIT 1;")
	[ -n "$amb" ] && break
	i=$((i + 1))
	step tl person add --name "Medarbetare nr $i" --kind employee
done
[ -n "$amb" ] || bail "no two people share a first id digit"
# The candidates' short ids: the error should list them.
amb_ids=$(sql "SELECT group_concat(substr(id, 1, 8), '|') FROM people
	       WHERE id LIKE '$amb%';")
asa_ids=$(sql "SELECT group_concat(substr(id, 1, 8), '|') FROM people
	       WHERE name = 'Åsa Öberg';")

B="Björn Ängström"

# --- dates, numbers and choices ------------------------------------------

expect "due date 2026-02-30" 1 '2026-02-30' -- \
	tl followup add --text "Kolla läget" --owner "$B" --due 2026-02-30
expect "meeting start 2026-02-29 (not a leap year)" 1 '2026-02-29' -- \
	tl meeting add --title "Skottdagsmöte" --kind one_to_one \
	--starts-at "2026-02-29 10:00"
expect "list filter --due-before 2026-02-30" 1 '2026-02-30' -- \
	tl followup list --due-before 2026-02-30
expect "delegation level 9" 1 'level' -- \
	tl mandate add --matter "Attestera fakturor" --given-to "$B" \
	--given-by-unit "Socialnämnden" --level 9
expect "delegation level 0" 1 'level' -- \
	tl mandate add --matter "Attestera fakturor" --given-to "$B" \
	--given-by-unit "Socialnämnden" --level 0
expect "delegation level that is not a number" 1 'level' -- \
	tl mandate add --matter "Attestera fakturor" --given-to "$B" \
	--given-by-unit "Socialnämnden" --level tre
expect "governance balance score 3 (range -2..2)" 1 'score' -- \
	tl balance add --unit "Socialnämnden" --assessed-on 2026-03-01 \
	--score 3
expect "unknown enum value --kind nonsense" 1 'kind' -- \
	tl followup add --text "Kolla läget" --owner "$B" --kind nonsense
expect "negative amount -5" 1 'amount|negative' -- \
	tl frame add --description "Kursbudget" --kind budget \
	--holder-person "$B" --amount -5
# The rules between fields.
expect "meeting that ends before it starts" 1 'end|start' -- \
	tl meeting add --title "Baklänges" --kind one_to_one \
	--starts-at "2026-03-20 10:00" --ends-at "2026-03-20 09:00"
expect "mandate valid until before valid from" 1 'valid|until|from' -- \
	tl mandate add --matter "Anställa vikarier" --given-to "$B" \
	--given-by-unit "Socialnämnden" --level 5 \
	--valid-from 2026-06-01 --valid-until 2026-05-01

# --- text ------------------------------------------------------------------

expect "empty name for a unit" 1 'name' -- \
	tl unit add --name "" --kind team
expect "invalid UTF-8 in a text field" 1 -- \
	tl followup add --text "$(printf 'Fel \303\050 tecken')" --owner "$B"
big=$(head -c 70000 /dev/zero | tr '\0' a)
expect "text over 64 KiB" 1 'text' -- \
	tl followup add --text "$big" --owner "$B"
big=""
# A missing required field: the command line itself is well formed (every
# --FIELD option is optional in its grammar) and core finds the record
# incomplete, exactly as for an empty value, so this is the user's error
# (1), not usage (2).
expect "missing required option --text" 1 'text' -- \
	tl followup add --owner "$B"

# --- ids and names ---------------------------------------------------------

expect "show an unknown id" 1 -- tl followup show "$NOID"
expect "edit an unknown id" 1 -- tl followup edit "$NOID" --text "Ny text"
expect "close an unknown id" 1 -- tl followup close "$NOID"
expect "ambiguous id prefix (one hex digit)" 1 "$amb_ids" -- tl person show "$amb"
expect "ambiguous id prefix for --owner" 1 "$amb_ids" -- \
	tl followup add --text "Kolla läget" --owner "$amb"
expect "unknown person name for --owner" 1 -- \
	tl followup add --text "Kolla läget" --owner "Ingen Alls"
expect "ambiguous person name for --owner" 1 "$asa_ids" -- \
	tl followup add --text "Kolla läget" --owner "Åsa Öberg"
# A field that is fixed at creation.  tillit could also leave --kind out
# of `meeting edit` and call it usage (2); the rule followed here is that
# the option is known and the change is refused (1), the clearer message.
expect "edit a meeting's kind (fixed)" 1 -- \
	tl meeting edit "$MEET" --kind committee

# --- usage -----------------------------------------------------------------

expect "unknown option" 2 -- tl followup list --nonsense
expect "unknown option on edit" 2 -- tl followup edit "$FU" --nonsense x
expect "option without its value" 2 -- \
	tl followup add --owner "$B" --text
expect "unknown command" 2 -- tl frobnicate
expect "unknown action for a noun" 2 -- tl followup frobnicate

# --- the clock -------------------------------------------------------------

# A bad TILLIT_NOW is bad input from the user's environment: 1.
expect "bad TILLIT_NOW" 1 'TILLIT_NOW' -- \
	env TILLIT_NOW="2026-13-45 99:99" "$TILLIT" --db "$DB" \
	followup add --text "Fel klocka" --owner "$B" --due +14d

# --- database files --------------------------------------------------------

if [ -e /nonexistent ]; then
	missing=$T/nonexistent/dir/x.db
	post='[ ! -e "$T/nonexistent" ]'
else
	missing=/nonexistent/dir/x.db
	post='[ ! -e /nonexistent ]'
fi
expect "missing database folder" 1 \
	"No database at $missing; run 'tillit init' to create one\." -- \
	"$TILLIT" --db "$missing" followup list

printf 'Det här är ingen databas.\n' >"$T/notdb.txt"
watch=$T/notdb.txt
expect "a file that is not a database" 3 -- \
	"$TILLIT" --db "$T/notdb.txt" followup list
watch=$T/notdb.txt
expect "init over a file that is not a database" 3 -- \
	"$TILLIT" --db "$T/notdb.txt" init

# An SQLite file of some other program, with user_version 99.
sqlite3 "$T/newer.db" 'CREATE TABLE t(x); PRAGMA user_version = 99;' ||
	bail "sqlite3 cannot make newer.db"
watch=$T/newer.db
post='[ "$(sqlite3 "$T/newer.db" "PRAGMA user_version;")" = 99 ]'
expect "SQLite file with a newer user_version (99)" 3 -- \
	"$TILLIT" --db "$T/newer.db" followup list
# A real tillit database as a newer tillit would leave it.
if ! sqlite3 "$DB" ".backup '$T/newer-tillit.db'" ||
	! sqlite3 "$T/newer-tillit.db" 'PRAGMA user_version = 99;'; then
	bail "sqlite3 cannot make newer-tillit.db"
fi
watch=$T/newer-tillit.db
post='[ "$(sqlite3 "$T/newer-tillit.db" "PRAGMA user_version;")" = 99 ]'
expect "tillit database from a newer schema (user_version 99)" 3 'newer' \
	-- "$TILLIT" --db "$T/newer-tillit.db" followup add \
	--text "Från framtiden" --owner "$B"

watch=""
post='[ ! -e "$T/preset.db" ]'
expect "init with an unknown principles preset" 1 -- \
	"$TILLIT" --db "$T/preset.db" init --principles nonsense

# Read-only databases.  Root writes to any file whatever its mode, so as
# root the command runs as nobody (setpriv or runuser); without either the
# cases are skipped.
as_user=""
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
		setpriv --reuid=65534 --regid=65534 --clear-groups -- true \
			2>/dev/null; then
		as_user="setpriv --reuid=65534 --regid=65534 --clear-groups --"
	elif command -v runuser >/dev/null 2>&1 &&
		runuser -u nobody -- true 2>/dev/null; then
		as_user="runuser -u nobody --"
	fi
fi

# ro_setup MODE: a copy of the database, mode 0444, in a folder of MODE,
# and a copy of the program that the user running it can reach.
ro_setup() {
	ro_top=$(mktemp -d /tmp/tillit-ro.XXXXXX) || return 1
	chmod 0755 "$ro_top"
	mkdir "$ro_top/bin" "$ro_top/db"
	cp "$TILLIT" "$ro_top/bin/tillit" && chmod 0755 "$ro_top/bin/tillit"
	cp "$DB" "$ro_top/db/ro.db" || return 1
	chmod 0444 "$ro_top/db/ro.db"
	chmod "$1" "$ro_top/db"
}
ro_done() {
	chmod -R u+rwX "$ro_top" 2>/dev/null
	rm -rf "$ro_top"
	ro_top=""
}
ro_case() {
	name=$1 dirmode=$2
	if [ "$(id -u)" = 0 ] && [ -z "$as_user" ]; then
		skip "$name" "running as root and cannot drop to another user"
		return
	fi
	if ! ro_setup "$dirmode"; then
		skip "$name" "cannot make a read-only copy"
		ro_done
		return
	fi
	# shellcheck disable=SC2086
	if [ -n "$as_user" ] && ! $as_user test -r "$ro_top/db/ro.db"; then
		skip "$name" "the other user cannot read the copy"
		ro_done
		return
	fi
	# shellcheck disable=SC2086
	if $as_user test -w "$ro_top/db/ro.db"; then
		skip "$name" "the file stays writable for this user"
		ro_done
		return
	fi
	watch=$ro_top/db/ro.db
	# shellcheck disable=SC2086
	expect "$name" 3 -- env TMPDIR=/tmp $as_user "$ro_top/bin/tillit" \
		--db "$ro_top/db/ro.db" \
		followup add --text "Skrivskyddat" --owner "$B"
	ro_done
}
ro_case "read-only database file (0444, folder writable)" 0777
ro_case "read-only database file and folder (0444, 0555)" 0555

# --- import ----------------------------------------------------------------

cat >"$T/malformed.json" <<'EOF'
{
  "format": "tillit",
  "version": 1,
  "units": [ {"id": "11111111-1111-4111-8111-111111111111",, } ]
}
EOF
expect "import malformed JSON (line and column)" 1 \
	'line[^0-9]*4.*col[^0-9]*[0-9]|json:4:[0-9]+' -- \
	tl import "$T/malformed.json"

printf '{"format": "other", "version": 1, "units": []}\n' >"$T/other.json"
expect "import a document whose format is \"other\"" 1 'format' -- \
	tl import "$T/other.json"

printf '{"format": "tillit", "version": 99, "units": []}\n' >"$T/v99.json"
expect "import a document of version 99" 1 'version' -- \
	tl import "$T/v99.json"

# One good unit and one bad: the import is all or nothing.
cat >"$T/half.json" <<'EOF'
{
  "format": "tillit",
  "version": 1,
  "units": [
    {"id": "11111111-1111-4111-8111-111111111111",
     "created_at": "2026-03-15T09:00:00Z", "updated_at": "2026-03-15T09:00:00Z",
     "name": "Kultur och fritid", "kind": "committee", "status": "active"},
    {"id": "22222222-2222-4222-8222-222222222222",
     "created_at": "2026-03-15T09:00:00Z", "updated_at": "2026-03-15T09:00:00Z",
     "name": "Äldreomsorgen", "kind": "nonsense", "status": "active"}
  ]
}
EOF
expect "import with one invalid record writes nothing" 1 -- \
	tl import "$T/half.json"

# A file the user names that is not there: "not found", the user's error.
expect "import a file that does not exist" 1 -- \
	tl import "$T/finns-inte.json"

[ "$failures" = 0 ]
