#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_justering.sh - a meeting under justering (issue 12,
# defect 2): from the first signature until the last, what the minutes
# show cannot change, by the command line or by a raw sqlite3 UPDATE, so
# that every signer signs the same minutes.  The secretary may reopen
# justering instead: the signatures given so far are voided, the audit
# log says so, and the meeting can change again.  Then everyone signs,
# and the meeting is signed and locked as before.
. "$(dirname "$0")/lib.sh"

M="Barn- och utbildningsnämndens sammanträde"

must tl init --demo
i_am "Sofia Bäckström"

run tl sign "$M" --by "Anders Holmgren" --paper
check_grep "the chair signs first" \
	'^Still to sign: (Lena Åström|Per-Olof Nyström) \(adjuster\), (Lena Åström|Per-Olof Nyström) \(adjuster\)\.$'
run tl meeting list --status held --format csv
check_grep "one signature leaves the meeting held" "$M"

must tl export
cp "$W/out" "$W/before.json"

# --- under justering, nothing the minutes show may change -----------------

ITEM=$(tl item list --meeting "$M" --format csv | sed -n 2p | cut -d, -f1)
FRAME=$(tl frame list --meeting "$M" --format csv | sed -n 2p | cut -d, -f1)
UNDER='^tillit: The meeting is under justering \(signed by 1 of 3\); reopen justering to change it\.$'

run tl item edit "$ITEM" --decision "Ett annat beslut"
check_err "an item's decision cannot change under justering" 1 "$UNDER"
run tl item add --meeting "$M" --title "Övrigt"
check_err "nor may an item be added" 1 "$UNDER"
run tl frame edit "$FRAME" --description "En annan ram"
check_err "nor may a frame agreed in it change" 1 "$UNDER"
run tl followup add --meeting "$M" --text "Något nytt" \
	--owner "Anders Holmgren"
check_err "nor may a follow-up be added to it" 1 "$UNDER"
run tl meeting edit "$M" --location "Någon annanstans"
check_err "nor may the meeting itself change" 1 "$UNDER"
PART=$(tl participant list --meeting "$M" --format csv | sed -n 2p |
	cut -d, -f1)
run tl participant remove "$PART"
check_err "nor its attendance" 1 "$UNDER"

if command -v sqlite3 >/dev/null 2>&1; then
	run dbsql "UPDATE items SET decision = 'x' WHERE id = '$ITEM'"
	if [ "$RC" != 0 ] && grep -q 'the meeting is under justering' "$W/err"
	then
		pass "a raw sqlite3 UPDATE of its item is refused by the trigger"
	else
		fail "a raw sqlite3 UPDATE of its item is refused by the trigger" \
			"exit $RC" "$(cat "$W/err")"
	fi
	run dbsql "UPDATE meetings SET title = 'x' WHERE title = '$M'"
	if [ "$RC" != 0 ] && grep -q 'the meeting is under justering' "$W/err"
	then
		pass "a raw sqlite3 UPDATE of the meeting is refused too"
	else
		fail "a raw sqlite3 UPDATE of the meeting is refused too" \
			"exit $RC" "$(cat "$W/err")"
	fi
else
	fail "sqlite3 is installed (make deps-test)"
fi

run tl export
if cmp -s "$W/before.json" "$W/out"; then
	pass "nothing in the database changed"
else
	fail "nothing in the database changed" \
		"$(diff "$W/before.json" "$W/out" | head -5)"
fi

# --- reopening justering ----------------------------------------------------

run tl sign "$M" --reopen --by "Anders Holmgren" --paper
check_err "--reopen with --by is a usage error" 2 'alone'
run tl sign "Dialogmöte om hemtjänsten" --reopen
check_err "a meeting nobody signed has no justering to reopen" 1 \
	'not under justering'
run tl sign "$M" --reopen
check_grep "reopen voids the chair's signature" \
	"^Justering of \"$M\" is reopened; signatures voided: 1\. Everyone signs again\.\$"
run tl signature list --meeting "$M" --format csv
if [ "$RC" = 0 ] && [ "$(sed 1d "$W/out" | wc -l)" = 0 ]; then
	pass "no signature is left"
else
	fail "no signature is left" "$(cat "$W/out")"
fi
MID=$(tl meeting list --format csv | grep "$M" | cut -d, -f1)
# Wider: each time is marked "(set clock)", as TILLIT_NOW gave it.
run env COLUMNS=300 "$TILLIT" --db "$DB" log "$MID"
check_grep "the audit log says justering was reopened" \
	'update +meeting .* justering +signatures: 1 -> reopened$'
run env COLUMNS=300 "$TILLIT" --db "$DB" log --limit 3
check_grep "and that the signature was voided" \
	'delete +signature .* signed_at +2026-11-23 10:00 -> voided$'

run tl item edit "$ITEM" --decision "Ett annat beslut"
check_rc "after reopening, the decision can change" 0

# --- everyone signs the changed minutes, and it is locked ------------------

run tl sign "$M" --by "Anders Holmgren" --paper
check_grep "the chair signs again" '^Still to sign: '
run tl sign "$M" --by "Lena Åström" --paper
check_grep "an adjuster signs, under justering" \
	'^Still to sign: Per-Olof Nyström \(adjuster\)\.$'
run tl sign "$M" --by "Per-Olof Nyström" --paper
check_grep "the last signature locks it" \
	'^The meeting is now signed and locked\.$'
run tl item edit "$ITEM" --decision "Ännu ett beslut"
check_err "the signed meeting is locked as before" 1 \
	'^tillit: The meeting is signed and locked; record a correction in a later meeting\.$'
run tl sign "$M" --reopen
check_err "a signed meeting cannot be reopened" 1 'signed and locked'
run tl verify "$M"
check_rc "verify: the signed meeting matches" 0

done_testing
