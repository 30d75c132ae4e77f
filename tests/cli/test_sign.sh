#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_sign.sh - signing (justering) from the command line: the
# demo committee meeting signed by its chair and adjusters becomes signed
# and locked; three routes to change it (the CLI, a raw sqlite3 UPDATE,
# the full-screen program) each fail clearly and change nothing; later
# work on its follow-ups goes on; `tillit verify` finds a change made with
# the trigger dropped; a one-to-one is signed when both parties confirm.
. "$(dirname "$0")/lib.sh"

M="Barn- och utbildningsnämndens sammanträde"

must tl init --demo
i_am "Sofia Bäckström"

# --- help and usage ------------------------------------------------------

run tl sign --help
check_grep "sign --help" '^Usage: tillit sign MEETING \[--key FILE\]$'
run tl verify --help
check_grep "verify --help" '^Usage: tillit verify \[MEETING\]'
run tl sign "$M" --by "Lena Åström"
check_err "nobody signs as someone else without their signature" 1 \
	'^tillit: You cannot sign as Lena Åström: give their own signature \(--signature FILE\) or record that they signed on paper \(--paper\)\.$'
run tl sign "$M" --paper
check_err "--paper says who signed on paper" 2 'Say who signed on paper'
run tl sign --by "Lena Åström"
check_err "sign without a meeting is a usage error" 2 'Give the meeting'

# --- who signs, and when ---------------------------------------------------

run tl --as "Björn Åkesson" sign "Medarbetarsamtal, december" \
	--by "Björn Åkesson" --paper
check_err "a planned meeting cannot be signed" 1 'not held'
run tl sign "$M" --by "Sofia Bäckström" --paper
check_err "the secretary does not sign a committee meeting" 1 \
	'Sofia Bäckström does not sign this meeting; a committee meeting is signed by its chair and its adjusters\.$'
run tl sign "$M" --by "Nobody Here" --paper
check_err "an unknown person" 1 'No person matches'

run tl sign "$M" --by "Lena Åström" --paper
check_grep "the first adjuster signs" \
	"^Lena Åström signed \"$M\" as adjuster, 2026-11-23 10:00\.\$"
check_grep "the others are still to sign" \
	'^Still to sign: Anders Holmgren \(chair\), Per-Olof Nyström \(adjuster\)\.$'
run tl sign "$M" --by "Lena Åström" --paper
check_err "nobody signs twice" 1 'has signed the meeting already'
run tl meeting list --status held --format csv
check_grep "one signature leaves it held" "$M"

run tl sign "$M" --by "Anders Holmgren" --paper
check_grep "the chair signs" '^Still to sign: Per-Olof Nyström \(adjuster\)\.$'
run tl sign "$M" --by "Per-Olof Nyström" --paper
check_grep "the last signature locks it" \
	'^The meeting is now signed and locked\.$'
run tl meeting list --status signed --format csv
check_grep "the meeting is signed" "$M"
run tl signature list --meeting "$M" --format csv
if [ "$RC" = 0 ] && [ "$(sed 1d "$W/out" | wc -l)" = 3 ]; then
	pass "three signatures are recorded"
else
	fail "three signatures are recorded" "$(cat "$W/out")"
fi

must tl export
cp "$W/out" "$W/before.json"

# --- three routes to change it, each refused -------------------------------

ITEM=$(tl item list --meeting "$M" --format csv | sed -n 2p | cut -d, -f1)
run tl item edit "$ITEM" --decision x
check_err "(a) the CLI refuses to edit an item of the signed meeting" 1 \
	'^tillit: The meeting is signed and locked; record a correction in a later meeting\.$'
run tl item add --meeting "$M" --title "Övrigt"
check_err "(a) nor may an item be added to it" 1 'signed and locked'
PART=$(tl participant list --meeting "$M" --format csv | sed -n 2p | cut -d, -f1)
run tl participant remove "$PART"
check_err "(a) nor may its attendance change" 1 'signed and locked'

if command -v sqlite3 >/dev/null 2>&1; then
	run dbsql "UPDATE items SET decision = 'x' WHERE id = '$ITEM'"
	if [ "$RC" != 0 ] && grep -q 'the meeting is signed and locked' "$W/err"
	then
		pass "(b) a raw sqlite3 UPDATE is refused by the trigger"
	else
		fail "(b) a raw sqlite3 UPDATE is refused by the trigger" \
			"exit $RC"
	fi
else
	fail "(b) sqlite3 is installed (make deps-test)"
fi

# (c) The full-screen program: Meetings, the committee meeting (second,
# newest first, of those the chair may read: not the one-to-ones), run
# it, go to § 1 and try to write its decision.
cat >"$W/script" <<EOF
key 2
key j
key Enter
dump
key r
key n
key D
dump
type Ändrat beslut
key Enter
dump
EOF
run tl --as "Anders Holmgren" ui --script "$W/script" --size 100x30
if [ "$RC" = 0 ] && grep -q "$M" "$W/out" &&
	grep -q 'signed and locked' "$W/out"; then
	pass "(c) the full-screen program says the meeting is signed and locked"
else
	fail "(c) the full-screen program says the meeting is signed and locked" \
		"exit $RC" "$(grep -n 'locked\|Meeting' "$W/out" | head -5)"
fi

run tl export
if cmp -s "$W/before.json" "$W/out"; then
	pass "nothing in the database changed"
else
	fail "nothing in the database changed" \
		"$(diff "$W/before.json" "$W/out" | head -5)"
fi

# --- later work goes on ----------------------------------------------------

FU=$(tl followup list --meeting "$M" --status open --format csv |
	sed -n 2p | cut -d, -f1)
run tl followup edit "$FU" --text "En annan text"
check_err "a follow-up's text stays as signed" 1 'signed and locked'
run tl followup edit "$FU" --due 2027-12-31
check_err "so does its due date" 1 'signed and locked'
run tl followup done "$FU" --outcome "Utvärderat"
check_rc "a follow-up of the signed meeting can still be done" 0

# --- verify ------------------------------------------------------------------

run tl verify
check_grep "verify: the signed meeting matches" \
	'^3 meetings under justering or signed checked; signatures with own keys: 4, recorded on paper: 3, from before keys: 0\. Everything matches\.$'
run tl verify "$M"
check_rc "verify MEETING" 0
run tl verify "Dialogmöte om hemtjänsten"
check_err "verify of a meeting that is not signed" 1 \
	'neither under justering nor signed'

if command -v sqlite3 >/dev/null 2>&1; then
	if on_pg; then on=" ON items"; else on=""; fi
	must dbsql "DROP TRIGGER items_locked_update$on;
		UPDATE items SET decision = 'Ändrat i efterhand' WHERE id = '$ITEM';"
	run tl verify
	if [ "$RC" = 1 ] &&
		grep -Eq "^[0-9a-f]{8} $M: changed since signing; the signed minutes say “ *Decision: .*”\.\$" \
			"$W/out" &&
		grep -Eq "^[0-9a-f]{8} $M: changed since signing; the records now say “ *Decision: Ändrat i efterhand”\.\$" \
			"$W/out" &&
		[ "$(wc -l <"$W/err")" = 1 ] &&
		grep -q '^tillit: 2 findings in the meetings under justering or signed\.$' "$W/err"; then
		pass "verify reports the meeting changed behind its back, exit 1"
	else
		fail "verify reports the meeting changed behind its back, exit 1" \
			"exit $RC" "$(cat "$W/out")"
	fi
	run tl verify "$M"
	check_err "verify MEETING reports it too" 1 '2 findings'
fi

# --- a one-to-one is confirmed by both parties -----------------------------

# A one-to-one is its two participants' own: the manager records both.
O="Medarbetarsamtal, november"
i_am "Björn Åkesson"
run tl sign "$O" --by "Björn Åkesson" --paper
check_grep "the manager confirms" '^Still to sign: Åsa Öberg \(employee\)\.$'
run tl sign "$O" --by "Åsa Öberg" --paper
check_grep "the employee confirms, and it is signed" \
	'^The meeting is now signed and locked\.$'
run tl meeting list --status signed --format csv
check_grep "the one-to-one is signed" "$O"

done_testing
