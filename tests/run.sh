#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/run.sh - runs the whole test suite against one build folder.
#
#   sh tests/run.sh build/default      (make test)
#   sh tests/run.sh build/asan         (make asan)
#
# First every unit test binary B/tests/test_* (cmocka): the test cases are
# counted from cmocka's "[  PASSED  ] N test(s)." and "[  FAILED  ] N
# test(s)," lines, and a binary that crashes or exits non-zero without a
# FAILED line counts as one failure.  Then every tests/cli/test_*.sh with
# TILLIT (the absolute path of B/tillit), TILLIT_GEN (of B/tillit-gen,
# the benchmark's generator), TILLIT_DOWNGRADE (of B/tests/downgrade,
# which takes a database back to an older schema) and a fresh TMPDIR
# exported, counting its "ok - ..." and "not ok - ..." lines ("ok - ...
# # SKIP ..." as skipped); a script that exits non-zero without a "not ok"
# line counts as one failure.  Every test
# also gets its own XDG_DATA_HOME inside that TMPDIR and no TILLIT_DB, so
# that none can reach a real database, and TZ=Europe/Stockholm unless TZ
# is already set.
#
# Then the same again on PostgreSQL, when TILLIT_TEST_PG names a server
# (tests/with-pg.sh starts one for make test): the store's unit tests
# that open their stores through tests/unit/engine.h, and the CLI scripts
# but those marked "# backend: sqlite-only (REASON)" near their top (and
# with those marked "# backend: pg-only", which run there alone), each
# with TILLIT_TEST_BACKEND=pg (tests/cli/lib.sh then gives it a database
# of its own on the server).  Their names are shown as "[pg] ...".
# Without a server that pass is counted as skipped, one per test.
#
# The output of each failing binary or script is shown, then a line per
# engine, and the last line is always "N passed, N failed", with
# ", N skipped" when something was skipped.  The exit status is 1 when
# anything failed.  Tests run JOBS at a time (default: the number of
# processors; a new one starts as soon as one ends), each under a time
# limit of TEST_TIMEOUT seconds (default 600) when timeout(1) is there.
#
# ONLY, when set, picks tests by file name (an extended regular
# expression), e.g. ONLY='json|roundtrip' make valgrind.  ENGINES, when
# set, picks the passes: "sqlite", "pg" or "sqlite pg" (the default).
# TIMES=1 adds each test's wall time in seconds, slowest first.
#
# TILLIT_WRAPPER, when set, is a command put in front of every unit test
# binary and every run of tillit (make valgrind sets it to valgrind): the
# CLI tests then get as TILLIT a small script that runs the wrapper on
# B/tillit.
set -u

B=${1:-build/default}
cd "$(dirname "$0")/.." || exit 3
root=$(pwd)

if [ ! -d "$B" ]; then
	echo "run.sh: no build folder $B; run make first" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
B=$(cd "$B" && pwd)

work=$(mktemp -d) || exit 3
trap 'rm -rf "$work"' EXIT
# Interrupted: the tests running are stopped too (each under timeout(1)
# is in a process group of its own, out of reach of the terminal's ^C),
# and their scripts' own traps clean up before this one ends.
stop_tests() {
	for _p in "$work"/*.pid; do
		[ -f "$_p" ] && kill -TERM "$(cat "$_p")" 2>/dev/null
	done
	wait
	exit 130
}
trap stop_tests INT TERM

wrapper=${TILLIT_WRAPPER:-}
tillit_bin=$B/tillit
if [ -n "$wrapper" ]; then
	# Reachable by the other user some tests switch to (setpriv).
	chmod 0755 "$work"
	tillit_bin=$work/tillit
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$wrapper" "$B/tillit" \
		>"$tillit_bin"
	chmod 0755 "$tillit_bin"
fi

engines=${ENGINES:-sqlite pg}
case " $engines " in *" sqlite "*) on_sqlite=1 ;; *) on_sqlite= ;; esac
case " $engines " in *" pg "*) on_pg=1 ;; *) on_pg= ;; esac

jobs=${JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
case $jobs in '' | *[!0-9]* | 0) jobs=2 ;; esac
limit=${TEST_TIMEOUT:-600}
tmo=""
command -v timeout >/dev/null 2>&1 && tmo="timeout $limit"

# JOBS slots, as tokens in a FIFO: a test takes one to start and gives it
# back when it ends, so that a long test never holds up the others.
mkfifo "$work/slots" || exit 3
exec 3<>"$work/slots"
i=0
while [ "$i" -lt "$jobs" ]; do
	echo >&3
	i=$((i + 1))
done

# The interpreter a script asks for on its #! line, else sh.
interp() {
	first=""
	IFS= read -r first <"$1" || true
	case $first in
	'#!'*) echo "${first#??}" ;;
	*) echo sh ;;
	esac
}

# Milliseconds since the epoch (GNU date), for TIMES.
now_ms() {
	t=$(date +%s%N 2>/dev/null)
	case $t in *N | '') echo 0 ;; *) echo $((t / 1000000)) ;; esac
}

# run_case N KIND PATH ENGINE: runs one binary (unit) or script (cli)
# in the background once a slot is free, leaving its output in
# $work/N.out, its status in $work/N.rc and its wall time in $work/N.ms;
# ENGINE "pg" runs it on the PostgreSQL server of TILLIT_TEST_PG
# (TILLIT_TEST_BACKEND=pg).
run_case() {
	n=$1 kind=$2 path=$3 engine=$4
	echo "$kind" >"$work/$n.kind"
	echo "$path" >"$work/$n.name"
	echo "$engine" >"$work/$n.engine"
	read -r _ <&3
	(
		if [ "$engine" = pg ]; then
			TILLIT_TEST_BACKEND=pg
			export TILLIT_TEST_BACKEND
		else
			unset TILLIT_TEST_BACKEND
		fi
		t0=$(now_ms)
		t=$(mktemp -d) || exit 3
		# Keep tests off the user's own database, whatever they do.
		unset TILLIT_DB
		XDG_DATA_HOME=$t/xdg-data
		TMPDIR=$t
		TZ=${TZ:-Europe/Stockholm}
		export XDG_DATA_HOME TMPDIR TZ
		if [ "$kind" = unit ]; then
			# shellcheck disable=SC2086
			$tmo $wrapper "$path" >"$work/$n.out" 2>&1 3>&- &
		else
			TILLIT=$tillit_bin
			TILLIT_GEN=$B/tillit-gen
			TILLIT_DOWNGRADE=$B/tests/downgrade
			export TILLIT TILLIT_GEN TILLIT_DOWNGRADE
			# shellcheck disable=SC2046
			$tmo $(interp "$path") "$path" >"$work/$n.out" \
				2>&1 3>&- &
		fi
		echo $! >"$work/$n.pid"
		wait $!
		echo $? >"$work/$n.rc"
		rm -f "$work/$n.pid"
		chmod -R u+rwX "$t" 2>/dev/null
		rm -rf "$t"
		echo $(($(now_ms) - t0)) >"$work/$n.ms"
		echo >&3
	) &
}

n=0
start_case() {
	n=$((n + 1))
	run_case "$n" "$1" "$2" "$3"
}

# ONLY, when set, is an extended regular expression: only the tests whose
# file name (test_json, test_roundtrip.sh) it matches run.
chosen() {
	[ -z "${ONLY:-}" ] || basename "$1" | grep -Eq -- "$ONLY"
}

# The PostgreSQL pass runs the store's unit tests that open their stores
# through tests/unit/engine.h, and every command-line script but those
# marked near their top
#   # backend: sqlite-only (REASON)
# which test what only a file has (its mode, its -wal file, sqlite3 on
# it, an older schema made by downgrade), or
#   # backend: none (REASON)
# which use no database of the suite's (the build, the layers) and so
# run once, in the SQLite pass; and those marked
#   # backend: pg-only (REASON)
# run in this pass alone.  Without a server (TILLIT_TEST_PG unset), each
# of the pass's tests is counted as skipped.
pg_units="test_store test_iter test_meeting test_minutes test_json_export
	test_sign test_present"
marker() {
	sed -n '2,12s/^# backend: \([a-z-]*\).*/\1/p' "$1" | head -n 1
}
skipped_pg=0
pg_server=
only=
if [ -n "$on_pg" ]; then
	if [ -n "${TILLIT_TEST_PG:-}" ]; then
		pg_server=1
	elif [ -n "${TILLIT_TEST_PG_FAIL:-}" ]; then
		# The programs are there but the server did not start: that
		# is a failure of the run, not a reason to skip.
		printf '%s\n' "$TILLIT_TEST_PG_FAIL" >"$work/pgfail"
	fi
fi

# The cases to run, one "KIND ENGINE PATH" a line.
add() {
	echo "$1 $2 $3" >>"$work/cases"
}
: >"$work/cases"
if [ -n "$on_sqlite" ]; then
	for bin in "$B"/tests/test_*; do
		if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then continue; fi
		chosen "$bin" || continue
		add unit sqlite "$bin"
	done
fi
for script in "$root"/tests/cli/test_*.sh; do
	[ -f "$script" ] || continue
	chosen "$script" || continue
	m=$(marker "$script")
	[ -z "$on_sqlite" ] || [ "$m" = pg-only ] || add cli sqlite "$script"
	[ -n "$on_pg" ] && [ "$m" != none ] || continue
	if [ "$m" = sqlite-only ] || [ -z "$pg_server" ]; then
		skipped_pg=$((skipped_pg + 1))
		[ -z "$pg_server" ] || only="$only ${script##*/}"
	else
		add cli pg "$script"
	fi
done
if [ -n "$on_pg" ]; then
	for name in $pg_units; do
		bin=$B/tests/$name
		[ -x "$bin" ] || continue
		chosen "$bin" || continue
		if [ -n "$pg_server" ]; then
			add unit pg "$bin"
		else
			skipped_pg=$((skipped_pg + 1))
		fi
	done
fi

# The slowest start first, so that the run does not end waiting for one
# long test alone: B/test-times keeps each case's wall time of the run
# before ("MS KIND ENGINE PATH"); a case it does not know starts first.
hist=$B/test-times
if [ -f "$hist" ]; then
	awk 'NR == FNR { ms = $1; $1 = ""; t[substr($0, 2)] = ms; next }
		{ print (($0 in t) ? t[$0] : 999999999), $0 }' \
		"$hist" "$work/cases" | sort -s -k1,1nr | cut -d' ' -f2-
else
	cat "$work/cases"
fi >"$work/order"
while read -r kind engine path; do
	start_case "$kind" "$path" "$engine"
done <"$work/order"
wait
exec 3>&-

passed_sqlite=0 failed_sqlite=0 skipped_sqlite=0
passed_pg=0 failed_pg=0
i=0
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
	kind=$(cat "$work/$i.kind")
	name=$(cat "$work/$i.name")
	name=${name#"$root"/}
	name=${name#"$B"/}
	engine=$(cat "$work/$i.engine")
	[ "$engine" = pg ] && name="[pg] $name"
	out=$work/$i.out
	rc=$(cat "$work/$i.rc" 2>/dev/null || echo 99)
	ms=$(cat "$work/$i.ms" 2>/dev/null || echo 0)
	echo "$ms $name" >>"$work/times"
	echo "$ms $kind $engine $(cat "$work/$i.name")" >>"$work/hist"
	s=0
	if [ "$kind" = unit ]; then
		p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\..*/\1/p' \
			"$out" | awk '{s += $1} END {print s + 0}')
		f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s),.*/\1/p' \
			"$out" | awk '{s += $1} END {print s + 0}')
		s=$(sed -n 's/^ \([0-9][0-9]*\) SKIPPED TEST(S)$/\1/p' \
			"$out" | awk '{s += $1} END {print s + 0}')
		if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
			f=1
		elif [ "$rc" = 0 ] && [ "$p" = 0 ] && [ "$f" = 0 ]; then
			# Nothing ran: a binary that is not a cmocka suite.
			f=1
		fi
	else
		# "ok - NAME # SKIP WHY" is TAP's skipped case.
		s=$(grep -c '^ok - .*# SKIP' "$out")
		p=$(($(grep -c '^ok - ' "$out") - s))
		f=$(grep -c '^not ok - ' "$out")
		if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
			f=1
		fi
	fi
	if [ "$engine" = pg ]; then
		passed_pg=$((passed_pg + p))
		failed_pg=$((failed_pg + f))
		skipped_pg=$((skipped_pg + s))
	else
		passed_sqlite=$((passed_sqlite + p))
		failed_sqlite=$((failed_sqlite + f))
		skipped_sqlite=$((skipped_sqlite + s))
	fi
	if [ "$f" != 0 ]; then
		echo "--- FAIL: $name (exit $rc) ---"
		if [ "$kind" = unit ]; then
			cat "$out"
		else
			# The failing cases and what they printed, not the passes.
			grep -v '^ok - ' "$out"
		fi
		if [ "$rc" = 124 ] && [ -n "$tmo" ]; then
			echo "(stopped after $limit seconds)"
		elif [ "$rc" != 0 ]; then
			echo "(exited with status $rc)"
		fi
		echo
	fi
done
if [ -f "$work/pgfail" ]; then
	echo "--- FAIL: the PostgreSQL server for the tests ---"
	cat "$work/pgfail"
	echo
	failed_pg=$((failed_pg + 1))
fi

# This run's times, with those of the cases it did not run (ONLY).
if [ -f "$work/hist" ]; then
	if [ -f "$hist" ]; then
		awk 'NR == FNR { ms = $1; $1 = ""; seen[substr($0, 2)] = 1;
			print ms $0; next }
			{ l = $0; $1 = ""
			  if (!(substr($0, 2) in seen)) print l }' \
			"$work/hist" "$hist"
	else
		cat "$work/hist"
	fi >"$work/hist.new" && mv "$work/hist.new" "$hist" 2>/dev/null
fi

if [ "${TIMES:-0}" = 1 ] && [ -f "$work/times" ]; then
	echo "Wall time of each test, slowest first (seconds):"
	sort -k1,1nr "$work/times" |
		awk '{ms = $1; $1 = ""; printf "%8.1f %s\n", ms / 1000, $0}'
fi

# line LABEL PASSED FAILED SKIPPED: one summary line.
line() {
	if [ "$4" -gt 0 ]; then
		echo "$1$2 passed, $3 failed, $4 skipped"
	else
		echo "$1$2 passed, $3 failed"
	fi
}
[ -z "$on_sqlite" ] ||
	line "SQLite: " "$passed_sqlite" "$failed_sqlite" "$skipped_sqlite"
if [ -n "$on_pg" ]; then
	l=$(line "PostgreSQL: " "$passed_pg" "$failed_pg" "$skipped_pg")
	if [ -n "$pg_server" ]; then
		echo "$l"
		[ -z "$only" ] || echo "PostgreSQL: sqlite-only:$only"
	else
		why=$(printf '%s\n' "${TILLIT_TEST_PG_FAIL:-}" |
			sed -n '1s/^pg.sh: //p')
		why=${TILLIT_TEST_PG_SKIP:-${why:-TILLIT_TEST_PG is not set}}
		echo "$l (no server: $why)"
	fi
fi
passed=$((passed_sqlite + passed_pg))
failed=$((failed_sqlite + failed_pg))
line "" "$passed" "$failed" "$((skipped_sqlite + skipped_pg))"
[ "$failed" = 0 ]
