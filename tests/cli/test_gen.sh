#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_gen.sh - tillit-gen, the benchmark's generator: a program
# of its own (tools/gen/, make gen), no longer a hidden `tillit gen`.  Its
# options, the counts bench/run.sh reads, the database tillit then reads,
# the same database from the same seed and clock, and its refusals.
. "$(dirname "$0")/lib.sh"

GEN=${TILLIT_GEN:-$HERE/../../build/default/tillit-gen}

# gen ARGS...: the generator on the test's database.
gen() {
	"$GEN" --db "$DB" "$@"
}

# check_gen_err NAME STATUS REGEX: like check_err, for "tillit-gen: ...".
check_gen_err() {
	if [ "$RC" != "$2" ]; then
		fail "$1" "exit status $RC, expected $2"
	elif [ "$(wc -l <"$W/err")" -ne 1 ] ||
		! grep -Eq -- "^tillit-gen: $3" "$W/err"; then
		fail "$1" "stderr is not one line matching /$3/:" \
			"$(cat "$W/err")"
	else
		pass "$1"
	fi
}

run tl gen --tier small
check_err "tillit has no gen command" 2 "^tillit: Unknown command 'gen'\."
! db_made && pass "tillit gen creates nothing" ||
	fail "tillit gen creates nothing"

run "$GEN" --help
check_grep "tillit-gen --help" '^Usage: tillit-gen \[--db PATH\] \(--scale N'
run gen
check_gen_err "no scale" 2 "Give --scale N or --tier small\|large\. Try"
run gen --tier medium
check_gen_err "an unknown tier" 2 "--tier takes small or large\."
run gen --scale 0
check_gen_err "scale 0" 2 "--scale takes a number above 0"
run gen --scale 101
check_gen_err "scale over 100" 2 "--scale takes a number above 0"
run gen --tier small --bogus
check_gen_err "an unknown option" 2 "Unknown option '--bogus'\."
run gen --tier
check_gen_err "a missing value" 2 "Option '--tier' needs a value\."
run gen --tier small extra
check_gen_err "a stray argument" 2 "Give --scale N"
! db_made && pass "usage errors create nothing" ||
	fail "usage errors create nothing"

run gen --tier small --quiet
check_rc "the small tier" 0
if grep -Eq '^followups +1000$' "$W/out" &&
	grep -Eq '^total +[0-9]+$' "$W/out" &&
	grep -Eq '^time +[0-9]+\.[0-9] s$' "$W/out"; then
	pass "the counts that bench/run.sh reads"
else
	fail "the counts that bench/run.sh reads" "$(cat "$W/out")"
fi
total=$(awk '$1 == "total" { print $2 }' "$W/out")
run tl person show "Märta Bänkström"
check_grep "tillit reads it: the generator's first person" \
	'^Name: +Märta Bänkström$'
run tl followup list --format csv
check_rc "tillit lists its follow-ups" 0
[ "$(($(wc -l <"$W/out") - 1))" = 1000 ] && pass "1000 follow-ups" ||
	fail "1000 follow-ups" "$(wc -l <"$W/out") lines"
cp "$W/out" "$W/followups.csv"

run gen --tier small --quiet
check_gen_err "a database that holds records" 1 \
	"The database holds records already; generate into a new one\.$"
run tl followup list --format csv
cmp -s "$W/out" "$W/followups.csv" && pass "the refusal changes nothing" ||
	fail "the refusal changes nothing"

# The same seed and clock give the same records, ids included; the
# database is found as tillit finds it ($TILLIT_DB).
AGAIN=$(newdb again) || exit 1
run env TILLIT_DB="$AGAIN" "$GEN" --tier small
[ "$RC" = 0 ] && { [ "$BACKEND" = pg ] || [ -s "$AGAIN" ]; } &&
	pass "the database of TILLIT_DB" ||
	fail "the database of TILLIT_DB" "exit status $RC"
grep -q '^gen: .*records$' "$W/err" &&
	pass "progress on stderr without --quiet" ||
	fail "progress on stderr without --quiet" "$(cat "$W/err")"
"$TILLIT" --db "$AGAIN" followup list --format csv >"$W/again.csv"
cmp -s "$W/again.csv" "$W/followups.csv" &&
	pass "the same seed and clock give the same follow-ups" ||
	fail "the same seed and clock give the same follow-ups"
OTHER=$(newdb other) || exit 1
run "$GEN" --db "$OTHER" --tier small --seed 7 --quiet
check_rc "another seed" 0
grep -Eq "^total +$total$" "$W/out" && pass "another seed, the same counts" ||
	fail "another seed, the same counts" "$(cat "$W/out")"
"$TILLIT" --db "$OTHER" followup list --format csv >"$W/other.csv"
cmp -s "$W/other.csv" "$W/followups.csv" &&
	fail "another seed gives other records" ||
	pass "another seed gives other records"

done_testing
