#!/bin/sh
# scripts/pg.sh - a private PostgreSQL server for the tests and the
# benchmark, in a folder of its own, reachable only through a Unix socket
# in that folder.
#
#   sh scripts/pg.sh start DIR    makes DIR, starts a server there and
#                                 prints its connection string
#   sh scripts/pg.sh stop DIR     stops it (at once) and removes DIR
#   sh scripts/pg.sh bin          prints the folder of the server's
#                                 programs, or fails when there are none
#
# The server's data is DIR/data (initdb: user tillit, trust for local
# connections, UTF-8; no fsync, as it is thrown away, unless PG_DURABLE=1
# asks for the server's defaults: the benchmark's), its log DIR/log, and
# it listens on no TCP port.  PostgreSQL refuses to run as root, and CI
# runs as root: then initdb and the server run as the unprivileged
# account `postgres` (Debian's package makes it), which gets DIR.  The
# connection string printed is "host=DIR user=tillit", to which a caller
# adds dbname=.
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
	fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	[ "${PG_DURABLE:-0}" = 1 ] && fast=""
	if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
		-o "-k $dir -c listen_addresses= $fast -c max_connections=200" \
		start >"$dir/pg_ctl.log" 2>&1; then
		cat "$dir/pg_ctl.log" >>"$dir/log" 2>/dev/null || true
		why=$(sed -n 's/.*\(FATAL\|PANIC\):  *//p' "$dir/log" |
			head -n 1)
		why="the server did not start in $dir: ${why:-see $dir/log}"
		fail 1 "$why" "$dir/log"
	fi
	echo "host=$dir user=tillit"
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
	echo "usage: sh scripts/pg.sh start DIR | stop DIR | bin" >&2
	exit 2
	;;
esac
