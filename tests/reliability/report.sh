#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/reliability/report.sh - the long form of the reliability tests,
# and doc/reliability.md written from what they measured.
#
#   sh tests/reliability/report.sh TILLIT [KILLS [SECONDS [WRITERS
#                                         [PG_WRITERS]]]]
#
# Runs crash.sh (KILLS, default 200), concurrency.sh (SECONDS, default
# 60, with WRITERS command-line writers, default 3), their PostgreSQL
# forms (TILLIT_TEST_BACKEND=pg, each on a server of its own with the
# server's default durability: KILLS kills with the server crashed and
# restarted every 10th round, and SECONDS with PG_WRITERS writers, default
# 20; skipped, and said so, without PostgreSQL's programs), faults.sh,
# tests/cli/test_bad_input.sh, tests/cli/test_hostile.sh, the five
# tests/cli/test_hostile_*.sh (output, import, files, limits, tables) and
# tests/cli/test_tamper.sh (whose rows make a table of their own), keeps their
# output in build/reliability/, and writes doc/reliability.md: one row per
# check with its result and the test, then every figure measured.  A
# check that passes but records a known gap ("ok - NAME # GAP WHAT")
# shows as "known gap: WHAT".  The
# fuzzing runs (minutes each) are not repeated: their table is taken from
# tests/fuzz/RESULTS.md, where `make fuzz` runs are recorded, and the
# `make valgrind` runs from build/valgrind.history.  Exits 1 when a check
# failed (the report is written all the same, saying so).
# `make reliability` runs it.
set -u

TILLIT=${1:?usage: report.sh TILLIT [KILLS [SECONDS [WRITERS [PG_WRITERS]]]]}
KILLS=${2:-200}
SECS=${3:-60}
NW=${4:-3}
PGW=${5:-20}
# The server kills of the PostgreSQL crash form: every 10th round.
PG_EVERY=10
cd "$(dirname "$0")/../.." || exit 3
TILLIT=$(cd "$(dirname "$TILLIT")" && pwd)/$(basename "$TILLIT")
export TILLIT
out=build/reliability
mkdir -p "$out"
doc=doc/reliability.md

started=$(date -u '+%Y-%m-%d %H:%M UTC')
status=0
run() {
	name=$1
	shift
	echo "reliability: $name ..." >&2
	t0=$(date +%s)
	"$@" >"$out/$name.out" 2>&1 || status=1
	echo $(($(date +%s) - t0)) >"$out/$name.secs"
	echo "reliability: $name: $(grep -c '^ok - ' "$out/$name.out") ok," \
		"$(grep -c '^not ok - ' "$out/$name.out") not ok" >&2
}
run crash sh tests/reliability/crash.sh "$KILLS"
run concurrency sh tests/reliability/concurrency.sh "$SECS" "$NW"
# The PostgreSQL forms start servers of their own (not the suite's).
run crash_pg env -u TILLIT_TEST_PG TILLIT_TEST_BACKEND=pg REL_PG_DURABLE=1 \
	sh tests/reliability/crash.sh "$KILLS" "$PG_EVERY"
run concurrency_pg env -u TILLIT_TEST_PG TILLIT_TEST_BACKEND=pg \
	REL_PG_DURABLE=1 sh tests/reliability/concurrency.sh "$SECS" "$PGW"
run faults sh tests/reliability/faults.sh
run bad_input sh tests/cli/test_bad_input.sh
run hostile sh tests/cli/test_hostile.sh
run hostile_output sh tests/cli/test_hostile_output.sh
run hostile_import sh tests/cli/test_hostile_import.sh
run hostile_files sh tests/cli/test_hostile_files.sh
run hostile_limits sh tests/cli/test_hostile_limits.sh
run hostile_tables sh tests/cli/test_hostile_tables.sh
rm -f "$out/tamper.table"
TAMPER_TABLE=$out/tamper.table
export TAMPER_TABLE
run tamper sh tests/cli/test_tamper.sh
unset TAMPER_TABLE

# rows NAME TEST: the checks of one run as table rows.
rows() {
	awk -v t="$2" '
		function cell(s) { gsub(/\|/, "\\|", s); return s }
		/^ok - .* # SKIP / {
			i = index($0, " # SKIP ")
			printf "| %s | skipped: %s | `%s` |\n",
				cell(substr($0, 6, i - 6)), cell(substr($0, i + 8)), t
			next
		}
		/^ok - .* # GAP / {
			i = index($0, " # GAP ")
			printf "| %s | known gap: %s | `%s` |\n",
				cell(substr($0, 6, i - 6)), cell(substr($0, i + 7)), t
			next
		}
		/^ok - / { printf "| %s | passed | `%s` |\n", cell(substr($0, 6)), t }
		/^not ok - / {
			printf "| %s | **FAILED** | `%s` |\n", cell(substr($0, 10)), t
		}' "$out/$1.out"
}
figures() {
	awk -v t="$2" '
		/^# figure: / {
			s = substr($0, 11)
			i = index(s, " = ")
			printf "| %s | %s | `%s` |\n", substr(s, 1, i - 1),
				substr(s, i + 3), t
		}' "$out/$1.out"
}
count() {
	grep -c "^$2 - " "$out/$1.out"
}

{
	echo "# Reliability report"
	echo
	echo "Written by \`make reliability\` (tests/reliability/report.sh) on"
	echo "$started; do not edit by hand.  Every row is a check that ran;"
	echo "\`make test\` runs the same scripts in a short form"
	echo "(tests/cli/test_crash.sh, test_concurrency.sh, test_faults.sh,"
	echo "test_bad_input.sh, test_hostile.sh, test_tamper.sh), the crash and"
	echo "concurrency tests in their PostgreSQL forms too."
	echo
	if [ "$status" = 0 ]; then
		echo "**Result: every check passed.**"
	else
		echo "**Result: some checks FAILED; see build/reliability/.**"
	fi
	echo
	echo "## Figures measured"
	echo
	echo "| Figure | Value | Test |"
	echo "|---|---|---|"
	figures crash tests/reliability/crash.sh
	figures concurrency tests/reliability/concurrency.sh
	figures crash_pg tests/reliability/crash.sh
	figures concurrency_pg tests/reliability/concurrency.sh
	figures faults tests/reliability/faults.sh
	echo "| bad inputs tried (one clear line, right exit status, database unchanged) | $(($(count bad_input ok) + $(count bad_input 'not ok'))) | \`tests/cli/test_bad_input.sh\` |"
	echo
	echo "## Crash consistency: SIGKILL at random moments"
	echo
	echo "A writer (the command line adding meetings, items, follow-ups and"
	echo "mandates and marking follow-ups done, or the full-screen program"
	echo "adding follow-ups through its form) is killed with SIGKILL after"
	echo "50-700 ms, $KILLS times; after every kill the database is checked"
	echo "with the sqlite3 program.  ($(cat "$out/crash.secs") s)"
	echo
	echo "| Check | Result | Test |"
	echo "|---|---|---|"
	rows crash tests/reliability/crash.sh
	echo
	echo "## Concurrency: $NW writers, the full-screen program and a reader"
	echo
	echo "For $SECS s, $NW command-line writers and headless full-screen"
	echo "sessions write one database while a reader exports it again and"
	echo "again.  Transactions take the write lock at once (BEGIN IMMEDIATE)"
	echo "and wait up to 5 s for it (busy timeout); a snapshot is one read"
	echo "transaction.  ($(cat "$out/concurrency.secs") s)"
	echo
	echo "| Check | Result | Test |"
	echo "|---|---|---|"
	rows concurrency tests/reliability/concurrency.sh
	echo
	echo "## PostgreSQL: clients killed, and the server crashed"
	echo
	echo "The crash test's PostgreSQL form, on a database of a private"
	echo "server (scripts/pg.sh) with the server's default durability:"
	echo "$KILLS rounds as above, the clients killed with SIGKILL; every"
	echo "${PG_EVERY}th round the server itself is stopped as a crash"
	echo "would stop it (\`pg_ctl stop -m immediate\`) under a running"
	echo "command-line writer, stays down 0-500 ms and is started again,"
	echo "recovering from its WAL.  A command that fails meanwhile says so"
	echo "in one line (\"Cannot reach the PostgreSQL server ...\" or \"The"
	echo "connection ... was lost ...; what was under way was not"
	echo "saved\"); no write tillit reported saved may be missing, and"
	echo "tillit must write again at once.  What stands for SQLite's"
	echo "integrity_check is pg_amcheck (tables and B-tree indexes,"
	echo "--heapallindexed), \`tillit verify\` (the audit log's chain) and"
	echo "a count of every table; the references of every foreign key are"
	echo "checked by a query each.  ($(cat "$out/crash_pg.secs") s)"
	echo
	echo "| Check | Result | Test |"
	echo "|---|---|---|"
	rows crash_pg tests/reliability/crash.sh
	echo
	echo "## PostgreSQL: $PGW writers, the full-screen program and a reader"
	echo
	echo "The concurrency test's PostgreSQL form: for $SECS s, $PGW"
	echo "command-line writers and headless full-screen sessions write one"
	echo "database of a private server while a reader exports it again and"
	echo "again.  Writers take turns on an advisory lock taken at BEGIN"
	echo "(pg_advisory_xact_lock) and wait up to 5 s for it (lock_timeout);"
	echo "a snapshot is one REPEATABLE READ transaction.  The target is 0"
	echo "errors shown and 0 writes lost.  ($(cat "$out/concurrency_pg.secs") s)"
	echo
	echo "| Check | Result | Test |"
	echo "|---|---|---|"
	rows concurrency_pg tests/reliability/concurrency.sh
	echo
	echo "## Resource faults, damaged files and privacy"
	echo
	echo "A full disk is simulated with a file size limit (\`ulimit -f\`):"
	echo "tillit ignores SIGXFSZ, so the write fails with EFBIG, SQLite rolls"
	echo "the transaction back and the store reports the disk full.  The"
	echo "limit applies to each file, so it is set 2000 blocks above the"
	echo "larger of the database and its -wal file (which tillit keeps, at"
	echo "most about 1 MiB, between commands).  A read-only database in a"
	echo "folder nobody may write to is read through its -wal and -shm files"
	echo "when both are there, and as immutable when it has no -wal file or"
	echo "an empty one (every commit is then in the file itself)."
	echo
	echo "| Check | Result | Test |"
	echo "|---|---|---|"
	rows faults tests/reliability/faults.sh
	echo "| database of a newer schema: refused, untouched | see below | \`tests/cli/test_bad_input.sh\` |"
	echo "| the audit log rejects UPDATE and DELETE through the store | unit test | \`tests/unit/test_store.c\` |"
	echo
	echo "## Bad input"
	echo
	echo "Each case must fail with one line \"tillit: ...\", the exit status of"
	echo "DESIGN.md section 6, and leave the database byte-for-byte the same."
	echo
	echo "| Input | Result | Test |"
	echo "|---|---|---|"
	rows bad_input tests/cli/test_bad_input.sh
	echo
	echo "## Hostile text"
	echo
	echo "Text that looks like SQL, wildcards, 1 MiB of text, NUL bytes,"
	echo "invalid UTF-8, right-to-left marks and overrides, combining and"
	echo "wide characters, and control and escape sequences put into the"
	echo "database by another program: kept literally or refused clearly,"
	echo "and tables stay aligned.  Stored control characters are not"
	echo "passed on by the outputs these rows check: plain-text lists and"
	echo "records, CSV (with and without --csv-raw), the .ics export, and"
	echo "minutes as text, Markdown and HTML (controls shown as ^X or ?,"
	echo "HTML escapes them), and JSON (the export, list, show and"
	echo "search): it keeps the stored text exactly, with every control in"
	echo "it escaped, C0, DEL and C1 (U+009B as a \\u escape), and parses"
	echo "back to the stored bytes.  CSV"
	echo "guards cells a spreadsheet would run as formulas, and Markdown"
	echo "escapes what CommonMark or GFM would read as structure (checked"
	echo "with cmark-gfm).  The full-screen program is checked in tmux: a"
	echo "name of"
	printf '%s\n' '`\033]0;pwned\007\033[2J` in every view neither changes the'
	echo "window title nor clears the screen (the tmux rows below)."
	echo
	echo "| Check | Result | Test |"
	echo "|---|---|---|"
	rows hostile tests/cli/test_hostile.sh
	rows hostile_output tests/cli/test_hostile_output.sh
	echo
	echo "## One set of rules for every way in"
	echo
	echo "What the command line refuses, import refuses too, with the same"
	echo "sentence: unit cycles, shared logins, records that refer to"
	echo "themselves, signed meetings and seals that signing did not make,"
	echo "text for a number, and malformed JSON in tillit's own words."
	echo
	echo "| Check | Result | Test |"
	echo "|---|---|---|"
	rows hostile_import tests/cli/test_hostile_import.sh
	echo
	echo "## Private files and the terminal"
	echo
	echo "Files that hold records are made 0600 whatever the umask unless"
	echo "--mode says otherwise, folders tillit writes its drafts to must"
	echo "be the user's own, only init and import make a database, and a"
	echo "terminal tillit cannot drive gets one line and exit status 3."
	echo "A row marked \"known gap\" records what happens today and is not"
	echo "a guarantee."
	echo
	echo "| Check | Result | Test |"
	echo "|---|---|---|"
	rows hostile_files tests/cli/test_hostile_files.sh
	echo
	echo "## Limits"
	echo
	echo "Imports from a pipe or a device end, a record's size, keys and"
	echo "depth are bounded before it is parsed, and a search takes at most"
	echo "32 words and 256 characters.  A list printed as a table reads"
	echo "its rows once, as the CSV of the same rows does."
	echo
	echo "| Check | Result | Test |"
	echo "|---|---|---|"
	rows hostile_limits tests/cli/test_hostile_limits.sh
	rows hostile_tables tests/cli/test_hostile_tables.sh
	echo
	echo "## Tampering with signed minutes"
	echo
	echo "Attacks by someone who can write the database file, made with"
	echo "the sqlite3 program on the demo database (its October meeting of"
	echo "Socialnämnden signed with its members' keys, the committee meeting"
	echo "of Barn- och utbildningsnämnden signed on paper), with the triggers"
	echo "dropped where they stand in the way, and what \`tillit verify\`"
	echo "says of each (tests/cli/test_tamper.sh; every row is a check of"
	echo "it).  Verify checks the frozen minutes against their digest and"
	echo "their recording, the live records against the canonical text"
	echo "frozen with them, each signature against the frozen minutes and the"
	echo "key registered for its signer when they signed, the audit log's"
	echo "hash chain, that every meeting the log says was signed still is by"
	echo "the same signers, that every signing key was registered through"
	echo "tillit, and that the log still holds the row each frozen minutes"
	echo "anchored."
	echo
	echo "What it cannot see, it cannot see because everything it has is in"
	echo "the file: the seal's digest is unkeyed and the log's chain is made"
	echo "by the same program that anyone can run.  What holds outside the"
	echo "file are the signatures: no one can make one without the signer's"
	echo "private key, and the minutes, signatures and allowed_signers that"
	echo "\`tillit sign MEETING --export DIR\` writes can be kept elsewhere"
	echo "and checked with \`ssh-keygen -Y verify\` alone.  Signatures"
	echo "recorded on paper have no such check: verify counts them, and the"
	echo "minutes say who recorded them.  Who may register a person's key is"
	echo "not yet checked (issue 15): the log names who did."
	echo
	echo "| # | Attack | What verify reports |"
	echo "|---|---|---|"
	cat "$out/tamper.table"
	echo
	echo "## Fuzzing"
	echo
	echo "libFuzzer targets with AddressSanitizer and"
	echo "UndefinedBehaviorSanitizer (\`make fuzz\`, FUZZ_SECONDS each), as"
	echo "recorded in tests/fuzz/RESULTS.md, which also says what each target"
	echo "feeds and checks, and what the runs found and how it was fixed."
	echo
	awk '/^## Runs/ { on = 1; next } on && /^## / { exit } on' \
		tests/fuzz/RESULTS.md | sed -e '/./,$!d' -e '/^$/d'
	echo
	echo "## Memory"
	echo
	echo "\`make asan\` runs every unit, command-line and headless-screen test"
	echo "under AddressSanitizer and UndefinedBehaviorSanitizer (\`.ci/run\`"
	echo "runs it after \`make test\`); \`make valgrind\` runs them with tillit"
	echo "and the unit tests under valgrind memcheck, failing on any error or"
	echo "any byte definitely lost."
	echo
	if [ -s build/valgrind.history ]; then
		echo "The runs of \`make valgrind\` on this machine (a"
		echo "failed test there is a test's own failure under valgrind's"
		echo "slowness; memory errors and leaks are the last figure):"
		echo
		sed 's/^/- /' build/valgrind.history
	else
		echo "\`make valgrind\` has not been run on this machine."
	fi
} >"$doc"
echo "reliability: wrote $doc" >&2
exit "$status"
