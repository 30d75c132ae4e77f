#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# scripts/pg.sh - a private PostgreSQL server for the tests and the
# benchmark, in a folder of its own, reachable only through a Unix socket
# in that folder.
#
#   sh scripts/pg.sh start DIR    makes DIR, starts a server there and
#                                 prints its connection string
#   sh scripts/pg.sh stop DIR     stops it (at once) and removes DIR
#   sh scripts/pg.sh restart-immediate DIR [SECONDS]
#                                 kills the server as a crash would
#                                 (pg_ctl stop -m immediate: no
#                                 checkpoint, its clients cut off),
#                                 leaves it down SECONDS (default 0),
#                                 then starts it again as `start` did;
#                                 it recovers from its WAL before it
#                                 takes connections again
#   sh scripts/pg.sh bin          prints the folder of the server's
#                                 programs, or fails when there are none
#
# The server's data is DIR/data (initdb: user tillit, trust for local
# connections, UTF-8; no fsync and commits acknowledged before they are
# written, as it is thrown away, unless PG_DURABLE=1 asks for the
# server's defaults: the benchmark's; PG_DURABLE=crash writes every commit
# before acknowledging it but never fsyncs, so what was committed survives
# a crash of the server, not of the machine), its log DIR/log, and
# it listens on no TCP port.  PostgreSQL refuses to run as root, and CI
# runs as root: then initdb and the server run as the unprivileged
# account `postgres` (Debian's package makes it), which gets DIR.  The
# connection string printed is "host=DIR user=tillit", to which a caller
# adds dbname=.  The options the server was started with are kept in
# DIR/options, for restart-immediate.
#
# The programs are taken from TILLIT_PG_BIN when set, else Debian's
# /usr/lib/postgresql/VERSION/bin (the highest version), else PATH.
# A failure is one line on stderr (the server's own last lines follow
# it), with exit status 3 when there is no server to run (its programs
# or, under root, the postgres account are missing) and 1 when one did
# not start.
set -eu

# The folder of initdb and pg_ctl.
pgbin() {
	if [ -n "${TILLIT_PG_BIN:-}" ]; then
		[ -x "$TILLIT_PG_BIN/initdb" ] &&
			[ -x "$TILLIT_PG_BIN/pg_ctl" ] && echo "$TILLIT_PG_BIN"
		return
	fi
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null |
		sort -t/ -k5 -n -r); do
		[ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && {
			echo "$d"
			return 0
		}
	done
	if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
	then
		dirname "$(command -v pg_ctl)"
		return 0
	fi
	return 1
}

# as_owner CMD...: runs CMD as the account that owns the server.
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		if command -v runuser >/dev/null 2>&1; then
			runuser -u postgres -- "$@"
		else
			setpriv --reuid=postgres --regid=postgres --clear-groups \
				-- "$@"
		fi
	else
		"$@"
	fi
}

# fail STATUS SENTENCE [LOG]: one line on stderr, then the last lines of
# LOG that say something (not the empty ones), and exit.
fail() {
	echo "pg.sh: $2" >&2
	if [ $# -ge 3 ] && [ -s "$3" ]; then
		grep -v '^[[:space:]]*$' "$3" | tail -n 5 |
			sed 's/^/pg.sh:   /' >&2
	fi
	exit "$1"
}

# start_server BIN DIR: starts the server of DIR with its options and
# waits until it takes connections; says why not and exits 1.
start_server() {
	if ! as_owner "$1/pg_ctl" -D "$2/data" -l "$2/log" -w -t 60 \
		-o "$(cat "$2/options")" start >"$2/pg_ctl.log" 2>&1; then
		cat "$2/pg_ctl.log" >>"$2/log" 2>/dev/null || true
		why=$(sed -n 's/.*\(FATAL\|PANIC\):  *//p' "$2/log" |
			head -n 1)
		fail 1 "the server did not start in $2: ${why:-see $2/log}" \
			"$2/log"
	fi
}

cmd=${1:-}
case $cmd in
bin)
	pgbin
	;;
start)
	dir=${2:?"usage: pg.sh start DIR"}
	where=${TILLIT_PG_BIN:-/usr/lib/postgresql/*/bin or PATH}
	bin=$(pgbin) || fail 3 "no PostgreSQL server programs (initdb and\
 pg_ctl in $where): install the postgresql package (make deps-test)"
	if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
		fail 3 "running as root, and there is no account 'postgres' to\
 run the server as (PostgreSQL refuses root; Debian's postgresql package\
 makes it)"
	fi
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	# A Unix socket's path must stay under about 100 bytes.
	if [ ${#dir} -gt 80 ]; then
		fail 1 "the folder's path is too long for a socket: $dir"
	fi
	[ ! -e "$dir/data" ] || fail 1 "$dir/data exists already"
	if [ "$(id -u)" = 0 ]; then
		chown postgres "$dir"
		# The server's account must reach the folder: its parents
		# are only searched (x), never listed.
		p=$dir
		while p=$(dirname "$p") && [ "$p" != / ]; do
			chmod o+x "$p" 2>/dev/null || true
		done
	fi
	chmod 0755 "$dir"
	if ! as_owner "$bin/initdb" -D "$dir/data" -U tillit --auth=trust \
		-E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
		why=$(sed -n 's/^initdb: error: //p' "$dir/initdb.log" |
			head -n 1)
		fail 1 "initdb failed in $dir/data: ${why:-see its output}" \
			"$dir/initdb.log"
	fi
	case ${PG_DURABLE:-0} in
	1) fast="" ;;
	crash) fast="-c fsync=off" ;;
	*)
		fast="-c fsync=off -c synchronous_commit=off"
		fast="$fast -c full_page_writes=off"
		;;
	esac
	echo "-k $dir -c listen_addresses= $fast -c max_connections=200" \
		>"$dir/options"
	start_server "$bin" "$dir"
	echo "host=$dir user=tillit"
	;;
restart-immediate)
	dir=${2:?"usage: pg.sh restart-immediate DIR [SECONDS]"}
	down=${3:-0}
	bin=$(pgbin)
	[ -f "$dir/options" ] || {
		echo "pg.sh: no server started by pg.sh in $dir" >&2
		exit 1
	}
	as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop \
		>/dev/null 2>&1 || true
	[ "$down" = 0 ] || sleep "$down"
	start_server "$bin" "$dir"
	;;
stop)
	dir=${2:?"usage: pg.sh stop DIR"}
	if [ -d "$dir/data" ] && bin=$(pgbin); then
		as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop \
			>/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
	;;
*)
	echo "usage: sh scripts/pg.sh start DIR | stop DIR |" \
		"restart-immediate DIR [SECONDS] | bin" >&2
	exit 2
	;;
esac
