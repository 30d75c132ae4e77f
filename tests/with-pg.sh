#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/with-pg.sh CMD [ARG...] - runs CMD with a private PostgreSQL
# server (scripts/pg.sh) in a temporary folder, and stops the server and
# removes the folder afterwards, whatever CMD did: passed, failed,
# crashed, or was interrupted (INT, TERM and HUP are passed on to CMD as
# TERM first).  CMD gets TILLIT_TEST_PG, the connection string of the
# server's maintenance database, where tests may CREATE DATABASE.
#
# Without the server's programs (make deps-test installs them) CMD still
# runs, without TILLIT_TEST_PG and with TILLIT_TEST_PG_SKIP set to the
# reason: tests/run.sh then counts the PostgreSQL pass as skipped.  When
# the programs are there but the server does not start, TILLIT_TEST_PG_FAIL
# says why instead, and tests/run.sh counts that as a failure.  CMD's exit
# status is this script's.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/tillit-pg.XXXXXX") || exit 3
child=
trap 'sh "$root/scripts/pg.sh" stop "$dir"; rm -f "$dir.err"' EXIT
trap '[ -z "$child" ] || kill -TERM "$child" 2>/dev/null
	[ -z "$child" ] || wait "$child"
	exit 130' INT TERM HUP

unset TILLIT_TEST_PG TILLIT_TEST_PG_SKIP TILLIT_TEST_PG_FAIL
if conn=$(sh "$root/scripts/pg.sh" start "$dir" 2>"$dir.err"); then
	TILLIT_TEST_PG="$conn dbname=postgres"
	export TILLIT_TEST_PG
	echo "with-pg: a PostgreSQL server for the tests in $dir"
else
	rc=$?
	why=$(head -n 1 "$dir.err")
	why=${why#pg.sh: }
	if [ "$rc" = 3 ]; then
		TILLIT_TEST_PG_SKIP=$why
		export TILLIT_TEST_PG_SKIP
		echo "with-pg: no PostgreSQL server, its tests are" \
			"skipped: $why"
	else
		TILLIT_TEST_PG_FAIL=$(cat "$dir.err")
		export TILLIT_TEST_PG_FAIL
		echo "with-pg: no PostgreSQL server for the tests: $why"
	fi
fi
rm -f "$dir.err"
# In the background so that a signal to this script can reach CMD (whose
# SIGINT the shell ignores there) and the server still be stopped after.
"$@" &
child=$!
wait "$child"
rc=$?
child=
exit "$rc"
