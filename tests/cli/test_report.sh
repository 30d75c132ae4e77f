#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_report.sh - delegated decisions are reported exactly once
# (issue 12, defect 6).  Each goes to the first meeting of its committee,
# not cancelled and not yet under justering or signed, on or after the day
# it was registered; when that meeting's justering starts (its first
# signature) the decisions are claimed for it, and its minutes list those
# for good.  A decision registered later, whatever its date, goes to a
# later meeting, never into signed minutes; reopening justering releases
# the claims.  A database of the schema before the claims is upgraded so
# that a signed meeting lists what it listed when it was signed.
. "$(dirname "$0")/lib.sh"

must tl init --demo
i_am "Sofia Bäckström"

M="Barn- och utbildningsnämndens sammanträde" # 2026-11-16, held
BUN="Barn- och utbildningsnämnden"
PLACE="Beslut om placering i förskola"

meeting_id() {
	tl meeting list --format csv | awk -F, -v t="$1" '$2 == t {print $1}'
}

must tl meeting add -q --title "BUN december" --kind committee \
	--unit "$BUN" --starts-at "2026-12-14 13:00"
DEC=$(last_id)
must tl meeting add -q --title "BUN januari" --kind committee \
	--unit "$BUN" --starts-at "2027-01-18 13:00"
JAN=$(last_id)
MID=$(meeting_id "$M")

# reported MEETING: the decisions this test registers (their summaries
# start "K:", "L:" and so on) that its Markdown minutes report, in order.
reported() {
	tl export minutes "$1" --format md 2>"$W/err" | awk '
		$0 == "## Reported delegated decisions" {on = 1; next}
		/^## / {on = 0}
		on && /^- [0-9-]+: [A-Z]: / {print $3}' | tr '\n' ' '
}

# at WHEN COMMAND...: COMMAND with the clock at WHEN.
at() {
	when=$1
	shift
	TILLIT_NOW=$when "$@"
}

# add WHEN DECIDED_ON SUMMARY: registers a decision under $PLACE at WHEN.
add() {
	at "$1" "$TILLIT" --db "$DB" decision add --mandate "$PLACE" \
		--decided-on "$2" --summary "$3" >"$W/out" 2>"$W/err" ||
		fail "setup: decision $3" "$(cat "$W/err")"
}

# expect NAME MEETING WANT: the meeting reports exactly WANT.
expect() {
	got=$(reported "$2")
	if [ "$got" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "want: $3" "got:  $got"
	fi
}

# --- before justering: by the day of registration ------------------------

add "2026-11-12 09:00" 2026-11-11 "K:" # registered before the meeting
add "2026-11-20 09:00" 2026-11-15 "J:" # after its day, dated before it
expect "a decision registered before the meeting is reported to it" \
	"$MID" "K: "
expect "one registered after its day goes to the next meeting" \
	"$DEC" "J: "
expect "and not to the one after that" "$JAN" ""

# --- the meeting is signed: its list is claimed -----------------------------

for who in "Anders Holmgren" "Lena Åström" "Per-Olof Nyström"; do
	must tl sign "$M" --by "$who" --paper
done
run tl export minutes "$MID" --format md
cp "$W/out" "$W/signed.md"
run tl export minutes "$MID" --format txt
cp "$W/out" "$W/signed.txt"

# Defect 6: registered after the meeting was signed, dated before it.
add "2026-11-23 11:00" 2026-11-10 "L:"
run tl export minutes "$MID" --format md
if cmp -s "$W/signed.md" "$W/out"; then
	pass "a late decision does not change the signed minutes (md)"
else
	fail "a late decision does not change the signed minutes (md)" \
		"$(diff "$W/signed.md" "$W/out" | head -5)"
fi
run tl export minutes "$MID" --format txt
cmp -s "$W/signed.txt" "$W/out" &&
	pass "nor the signed minutes as text, byte for byte" ||
	fail "nor the signed minutes as text, byte for byte"
run tl verify "$MID"
check_rc "the signed minutes still verify" 0
expect "the late decision is reported to the next meeting" "$DEC" "L: J: "

# Exactly once: in the minutes of every meeting together.
n=0
for id in $(tl meeting list --format csv | sed 1d | cut -d, -f1); do
	case " $(reported "$id")" in *" L: "*) n=$((n + 1)) ;; esac
done
[ "$n" = 1 ] && pass "the late decision is in one meeting's minutes" ||
	fail "the late decision is in one meeting's minutes" "in $n"

# --- two meetings not yet signed: the earlier one ------------------------

add "2026-12-01 09:00" 2026-11-30 "P:"
expect "of two unsigned meetings, the earlier one reports it" \
	"$DEC" "L: J: P: "
expect "the later one does not" "$JAN" ""

# --- justering claims, and reopening releases ----------------------------

must tl meeting edit "$DEC" --status held
must tl participant add --meeting "$DEC" --person "Anders Holmgren" \
	--role chair --attendance present
must tl participant add --meeting "$DEC" --person "Lena Åström" \
	--role adjuster --attendance present
at "2026-12-14 17:00" "$TILLIT" --db "$DB" sign "$DEC" \
	--by "Anders Holmgren" --paper >"$W/out" 2>"$W/err" ||
	fail "setup: the chair signs December" "$(cat "$W/err")"
# On its own day, but after its justering started.
add "2026-12-14 18:00" 2026-12-14 "Q:"
expect "under justering a meeting keeps what it claimed" "$DEC" \
	"L: J: P: "
expect "a decision registered meanwhile goes to the next one" "$JAN" "Q: "
run tl decision list --format csv
LID=$(grep ',L:,' "$W/out" | cut -d, -f1)
run tl decision edit "$LID" --summary "L: ändrad"
check_err "a claimed decision cannot change under justering" 1 \
	'under justering'

at "2026-12-14 19:00" "$TILLIT" --db "$DB" sign "$DEC" --reopen \
	>"$W/out" 2>"$W/err" || fail "setup: reopen" "$(cat "$W/err")"
expect "reopening releases: the meeting reports by the rule again" \
	"$DEC" "L: J: P: Q: "
expect "and the next meeting no longer has it" "$JAN" ""
if command -v sqlite3 >/dev/null 2>&1; then
	n=$(dbsql "SELECT count(*) FROM decisions
			   WHERE reported_in = '$DEC'" 2>&1)
	[ "$n" = 0 ] && pass "no decision is claimed by the reopened meeting" ||
		fail "no decision is claimed by the reopened meeting" "$n"
	n=$(dbsql "SELECT group_concat(summary, ' ') FROM decisions
			   WHERE reported_in = '$MID'" 2>&1)
	[ "$n" = "K:" ] && pass "the signed meeting claimed its one" ||
		fail "the signed meeting claimed its one" "$n"
	run dbsql "UPDATE decisions SET reported_in = NULL
			   WHERE reported_in = '$MID'"
	if [ "$RC" != 0 ] && grep -q 'signed and locked' "$W/err"; then
		pass "the database refuses to release a signed meeting's claim"
	else
		fail "the database refuses to release a signed meeting's claim" \
			"rc $RC" "$(cat "$W/err")"
	fi
	run dbsql "UPDATE decisions SET reported_in = '$MID'
			   WHERE summary = 'Q:'"
	if [ "$RC" != 0 ] && grep -q 'signed and locked' "$W/err"; then
		pass "or to add a decision to its claim"
	else
		fail "or to add a decision to its claim" "rc $RC" \
			"$(cat "$W/err")"
	fi
else
	fail "sqlite3 is installed (make deps-test)"
fi
run tl decision edit "$LID" --summary "L: ändrad"
check_rc "after reopening, the decision can change" 0

# --- the day of registration is the local day -----------------------------
#
# At 00:30 in Stockholm it is still the day before in UTC, where created_at
# is kept: the decision was registered on the later day.

must tl meeting add -q --title "SN 15 november" --kind committee \
	--unit "Socialnämnden" --starts-at "2026-11-15 10:00" --status held
SN15=$(last_id)
must tl meeting add -q --title "SN 16 november" --kind committee \
	--unit "Socialnämnden" --starts-at "2026-11-16 10:00" --status held
SN16=$(last_id)
# Registered by the one given the mandate.
at "2026-11-16 00:30" "$TILLIT" --db "$DB" --as "Ingrid Nordén" decision add \
	--mandate "Beslut om bistånd i form av hemtjänst" \
	--decided-on 2026-11-14 --summary "N: natt" >"$W/out" 2>"$W/err" ||
	fail "setup: decision N:" "$(cat "$W/err")"
expect "registered just after midnight: not the day before's meeting" \
	"$SN15" ""
expect "but that day's" "$SN16" "N: "

# --- an upgrade: the schema before the claims ------------------------------
#
# The database is taken back to the schema before the claims (their column,
# index and triggers dropped), as a tillit before them left it: the signed
# meeting then listed, by the old rule, the decisions dated from the
# previous meeting to its own day.  The upgrade claims for it those that
# were there when its justering started, and not a later one.

# SQLite's schema history only: PostgreSQL's began after the claims.
if command -v sqlite3 >/dev/null 2>&1 && ! on_pg; then
	# Schema 5: from before the claims, and before frozen minutes, so
	# that the signed meeting's list is the live one.  (Its seal now
	# holds a digest no tillit of that time made: verify of an upgraded
	# seal is test_sign.c's.)
	downgrade_to 5
	expect "upgraded: the signed meeting lists what it listed when signed" \
		"$MID" "K: J: "
	n=$(dbsql "SELECT count(*) FROM decisions
			   WHERE reported_in = '$MID'" 2>&1)
	[ "$n" = 2 ] && pass "upgraded: its two are claimed" ||
		fail "upgraded: its two are claimed" "$n"
	expect "upgraded: the late one goes to the next meeting" "$DEC" \
		"L: P: Q: "
fi

done_testing
