#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_hostile_tables.sh - a long list as a table: the rows of
# the CSV, in its order, past the first 100 (which set the widths), each
# owner's name right among more owners than the name cache's 32 recent
# ones, a name with escape sequences shown safe on every row, also when
# the cache serves it; and the cost of a row does not grow with the list:
# the database's locks are taken once for the list, not once a row (the
# old table took 3,773 locks for 5,000 rows and listed 500,000 rows ten
# times slower than the CSV).  Timing is left to the benchmark
# (bench/run.sh, doc/performance.md).
. "$(dirname "$0")/lib.sh"

GEN=${TILLIT_GEN:-$HERE/../../build/default/tillit-gen}

# 50 people and 5,000 follow-ups.
run "$GEN" --db "$DB" --scale 0.05 --quiet
check_rc "setup: tillit-gen --scale 0.05" 0

# One person's name holds an escape sequence, put in by another program.
EVIL=$(dbsql "SELECT id FROM people ORDER BY name LIMIT 1")
dbsql "UPDATE people SET name = 'Eve' || char(27) || '[2J Elak'
	WHERE id = '$EVIL'" || echo "not ok - setup: sqlite3 UPDATE"

# expect FILE [LIMIT]: "short id<TAB>owner's name" of the follow-ups in
# list order (from the CSV), the name as a table shows it (ESC as ^[).
expect() {
	tl followup list --format csv ${2:+--limit "$2"} >"$W/fu.csv"
	tl person list --format csv >"$W/people.csv"
	sqlite3 :memory: ".import --csv $W/fu.csv f" \
		".import --csv $W/people.csv p" \
		".separator \"\t\"" \
		"SELECT substr(f.id, 1, 8), replace(p.name, char(27), '^[')
		 FROM f LEFT JOIN p ON p.id = f.owner_id ORDER BY f.rowid" >"$1"
}

# shown FILE: the same two columns of the table in $W/out.
shown() {
	awk -F '  +' 'NR > 1 { print $1 "\t" $4 }' "$W/out" >"$1"
}

COLUMNS=400 run tl followup list
check_rc "a table of 5,000 follow-ups" 0
expect "$W/want"
shown "$W/got"
if [ "$(wc -l <"$W/want")" = 5000 ] && cmp -s "$W/want" "$W/got"; then
	pass "the CSV's rows in its order, each with its owner's name"
else
	fail "the CSV's rows in its order, each with its owner's name" \
		"$(diff "$W/want" "$W/got" | sed -n 1,6p)"
fi
if LC_ALL=C grep -q "$(printf '\033')" "$W/out"; then
	fail "no escape reaches the terminal, on any row"
else
	n=$(grep -c 'Eve\^\[\[2J Elak' "$W/out")
	[ "$n" -gt 32 ] && pass "no escape reaches the terminal, on any row" ||
		fail "no escape reaches the terminal, on any row" \
			"$n rows show the name"
fi

COLUMNS=400 run tl followup list --limit 150
expect "$W/want" 150
shown "$W/got"
if [ "$RC" = 0 ] && [ "$(wc -l <"$W/want")" = 150 ] &&
	cmp -s "$W/want" "$W/got"; then
	pass "--limit 150: the first 150, past the rows that set the widths"
else
	fail "--limit 150: the first 150, past the rows that set the widths" \
		"exit status $RC"
fi

# The locks a list takes (fcntl, SQLite's locks) do not grow with it.
if on_pg; then
	echo "ok - 5,000 rows take the locks of 150 # SKIP SQLite's locks"
elif command -v strace >/dev/null 2>&1 &&
	strace -o /dev/null true 2>/dev/null; then
	locks() {
		strace -f -e trace=fcntl -o "$W/strace" "$TILLIT" --db "$DB" \
			followup list --limit "$1" >/dev/null 2>&1
		grep -c 'SETLK' "$W/strace"
	}
	few=$(locks 150)
	many=$(locks 5000)
	if [ "$many" -le "$few" ]; then
		pass "5,000 rows take the locks of 150"
	else
		fail "5,000 rows take the locks of 150" \
			"$many locks for 5,000 rows, $few for 150"
	fi
else
	echo "ok - 5,000 rows take the locks of 150 # SKIP strace is not" \
		"usable here"
fi

done_testing
