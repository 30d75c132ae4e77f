#!/bin/sh
# tests/with-pg.sh CMD [ARG...] - runs CMD with a private PostgreSQL
# server (scripts/pg.sh) in a temporary folder, and stops the server and
# removes the folder afterwards, whatever CMD did (failed, crashed or was
# interrupted).  CMD gets TILLIT_TEST_PG, the connection string of the
# server's maintenance database, where tests may CREATE DATABASE.
#
# When the server cannot start (its programs are not installed, say),
# CMD still runs, without TILLIT_TEST_PG and with TILLIT_TEST_PG_SKIP set
# to the reason: tests/run.sh then counts the PostgreSQL pass as skipped.
# CMD's exit status is this script's.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d /tmp/tillit-pg.XXXXXX) || exit 3
trap 'sh "$root/scripts/pg.sh" stop "$dir"' EXIT
trap 'exit 130' INT TERM HUP

if conn=$(sh "$root/scripts/pg.sh" start "$dir" 2>"$dir.err"); then
	TILLIT_TEST_PG="$conn dbname=postgres"
	export TILLIT_TEST_PG
	unset TILLIT_TEST_PG_SKIP
else
	TILLIT_TEST_PG_SKIP=$(head -1 "$dir.err")
	export TILLIT_TEST_PG_SKIP
	unset TILLIT_TEST_PG
	echo "with-pg: no PostgreSQL server for the tests: $TILLIT_TEST_PG_SKIP" >&2
fi
rm -f "$dir.err"
"$@"
