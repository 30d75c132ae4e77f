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
set -eu

# The folder of initdb and pg_ctl: in PATH, or Debian's, highest version.
pgbin() {
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
		[ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
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

cmd=${1:-}
case $cmd in
bin)
	pgbin
	;;
start)
	dir=${2:?"usage: pg.sh start DIR"}
	bin=$(pgbin) || {
		echo "pg.sh: no PostgreSQL server programs (initdb, pg_ctl);" \
			"install the postgresql package (scripts/deps.sh test)" >&2
		exit 1
	}
	if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
		echo "pg.sh: running as root, and there is no account" \
			"'postgres' to run the server as" >&2
		exit 1
	fi
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	# A Unix socket's path must stay under about 100 bytes.
	if [ ${#dir} -gt 80 ]; then
		echo "pg.sh: the folder's path is too long for a socket: $dir" >&2
		exit 1
	fi
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
		echo "pg.sh: initdb failed:" >&2
		tail -5 "$dir/initdb.log" >&2
		exit 1
	fi
	fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	[ "${PG_DURABLE:-0}" = 1 ] && fast=""
	if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
		-o "-k $dir -c listen_addresses= $fast -c max_connections=200" \
		start >/dev/null 2>&1; then
		echo "pg.sh: the server did not start:" >&2
		tail -5 "$dir/log" >&2
		exit 1
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
