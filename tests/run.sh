#!/bin/sh
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
# exported, counting its "ok - ..." and "not ok - ..." lines; a script that exits non-zero
# without a "not ok" line counts as one failure.  Every test
# also gets its own XDG_DATA_HOME inside that TMPDIR and no TILLIT_DB, so
# that none can reach a real database, and TZ=Europe/Stockholm unless TZ
# is already set.
#
# The output of each failing binary or script is shown, and the last line
# is always "N passed, N failed".  The exit status is 1 when anything
# failed.  Tests run JOBS at a time (default: the number of processors),
# each under a time limit of TEST_TIMEOUT seconds (default 600) when
# timeout(1) is there.
#
# ONLY, when set, picks tests by file name (an extended regular
# expression), e.g. ONLY='json|roundtrip' make valgrind.
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
trap 'exit 130' INT TERM

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

jobs=${JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
case $jobs in '' | *[!0-9]* | 0) jobs=2 ;; esac
limit=${TEST_TIMEOUT:-600}
tmo=""
command -v timeout >/dev/null 2>&1 && tmo="timeout $limit"

# The interpreter a script asks for on its #! line, else sh.
interp() {
	first=""
	IFS= read -r first <"$1" || true
	case $first in
	'#!'*) echo "${first#??}" ;;
	*) echo sh ;;
	esac
}

# run_case N KIND PATH [ENGINE]: runs one binary (unit) or script (cli)
# in the background, leaving its output in $work/N.out and status in
# $work/N.rc; ENGINE "pg" runs it on the PostgreSQL server of
# TILLIT_TEST_PG (TILLIT_TEST_BACKEND=pg).
run_case() {
	n=$1 kind=$2 path=$3 engine=${4:-}
	echo "$kind" >"$work/$n.kind"
	echo "$path" >"$work/$n.name"
	echo "$engine" >"$work/$n.engine"
	(
		if [ "$engine" = pg ]; then
			TILLIT_TEST_BACKEND=pg
			export TILLIT_TEST_BACKEND
		else
			unset TILLIT_TEST_BACKEND
		fi
		t=$(mktemp -d) || exit 3
		# Keep tests off the user's own database, whatever they do.
		unset TILLIT_DB
		XDG_DATA_HOME=$t/xdg-data
		TMPDIR=$t
		TZ=${TZ:-Europe/Stockholm}
		export XDG_DATA_HOME TMPDIR TZ
		if [ "$kind" = unit ]; then
			# shellcheck disable=SC2086
			$tmo $wrapper "$path" >"$work/$n.out" 2>&1
		else
			TILLIT=$tillit_bin
			TILLIT_GEN=$B/tillit-gen
			TILLIT_DOWNGRADE=$B/tests/downgrade
			export TILLIT TILLIT_GEN TILLIT_DOWNGRADE
			# shellcheck disable=SC2046
			$tmo $(interp "$path") "$path" >"$work/$n.out" 2>&1
		fi
		echo $? >"$work/$n.rc"
		chmod -R u+rwX "$t" 2>/dev/null
		rm -rf "$t"
	) &
}

n=0
running=0
start_case() {
	n=$((n + 1))
	run_case "$n" "$1" "$2" "${3:-}"
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
}

# ONLY, when set, is an extended regular expression: only the tests whose
# file name (test_json, test_roundtrip.sh) it matches run.
chosen() {
	[ -z "${ONLY:-}" ] || basename "$1" | grep -Eq -- "$ONLY"
}
for bin in "$B"/tests/test_*; do
	if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then continue; fi
	chosen "$bin" || continue
	start_case unit "$bin"
done
skipped=0
for script in "$root"/tests/cli/test_*.sh; do
	[ -f "$script" ] || continue
	chosen "$script" || continue
	# A script of the PostgreSQL engine alone runs in its pass only.
	if grep -q '^# backend: pg-only' "$script"; then
		continue
	fi
	start_case cli "$script"
done

# The PostgreSQL pass (tests/with-pg.sh starts the server): the store's
# unit tests that open their stores through tests/unit/engine.h, and
# every command-line script but those marked
#   # backend: sqlite-only (REASON)
# which test what only a file has (its mode, its -wal file, sqlite3 on
# it), or
#   # backend: none (REASON)
# which use no database of the suite's (the build, the layers); and
#   # backend: pg-only (REASON)
# runs in this pass alone.  Without a server, the pass is counted as skipped.
pg_units="test_store test_iter test_meeting test_minutes test_json_export
	test_sign test_present"
for name in $pg_units; do
	bin=$B/tests/$name
	[ -x "$bin" ] || continue
	chosen "$bin" || continue
	if [ -n "${TILLIT_TEST_PG:-}" ]; then
		start_case unit "$bin" pg
	else
		skipped=$((skipped + 1))
	fi
done
for script in "$root"/tests/cli/test_*.sh; do
	[ -f "$script" ] || continue
	chosen "$script" || continue
	if grep -q '^# backend: none' "$script"; then
		continue
	elif grep -q '^# backend: sqlite-only' "$script" ||
		[ -z "${TILLIT_TEST_PG:-}" ]; then
		skipped=$((skipped + 1))
	else
		start_case cli "$script" pg
	fi
done
wait
[ -n "${TILLIT_TEST_PG:-}" ] || [ -z "${TILLIT_TEST_PG_SKIP:-}" ] ||
	echo "PostgreSQL pass skipped: $TILLIT_TEST_PG_SKIP"

passed=0
failed=0
i=0
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
	kind=$(cat "$work/$i.kind")
	name=$(cat "$work/$i.name")
	name=${name#"$root"/}
	name=${name#"$B"/}
	[ "$(cat "$work/$i.engine")" = pg ] && name="[pg] $name"
	out=$work/$i.out
	rc=$(cat "$work/$i.rc" 2>/dev/null || echo 99)
	if [ "$kind" = unit ]; then
		p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\..*/\1/p' \
			"$out" | awk '{s += $1} END {print s + 0}')
		f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s),.*/\1/p' \
			"$out" | awk '{s += $1} END {print s + 0}')
		s=$(sed -n 's/^ \([0-9][0-9]*\) SKIPPED TEST(S)$/\1/p' \
			"$out" | awk '{s += $1} END {print s + 0}')
		skipped=$((skipped + s))
		if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
			f=1
		elif [ "$rc" = 0 ] && [ "$p" = 0 ] && [ "$f" = 0 ]; then
			# Nothing ran: a binary that is not a cmocka suite.
			f=1
		fi
	else
		p=$(grep -c '^ok - ' "$out")
		f=$(grep -c '^not ok - ' "$out")
		if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
			f=1
		fi
	fi
	passed=$((passed + p))
	failed=$((failed + f))
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

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ]
