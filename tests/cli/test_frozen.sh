#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_frozen.sh - what is signed is frozen (issue 12, defect
# 1): the minutes of a signed meeting are written from what justering
# froze, byte for byte, in every format, whatever changes later in the
# live records: an adjuster renamed, the committee renamed, a delegated
# decision registered afterwards and dated before the meeting.  While
# justering is under way the same holds, and a signer may decline with a
# comment, which reopens justering.
. "$(dirname "$0")/lib.sh"

M="Barn- och utbildningsnämndens sammanträde"
must tl init --demo
i_am "Sofia Bäckström"
MANDATE=$(tl mandate list --meeting "$M" --format csv | sed -n 2p | cut -d, -f1)

# --- sent to justering: frozen before anyone signs ---------------------------

run tl sign "$M" --send
check_grep "the minutes are sent to justering" \
	"^The minutes of \"$M\" are frozen and sent to justering; nothing they show can change now\.\$"
run tl sign "$M" --send
check_grep "sending twice says so" 'under justering already'
ITEM=$(tl item list --meeting "$M" --format csv | sed -n 2p | cut -d, -f1)
run tl item edit "$ITEM" --decision "Ett annat beslut"
check_err "frozen minutes cannot change before the first signature" 1 \
	'^tillit: The meeting is under justering \(signed by 0 of 3\); reopen justering to change it\.$'

for who in "Anders Holmgren" "Lena Åström" "Per-Olof Nyström"; do
	must tl sign "$M" --by "$who" --paper
done
for f in txt md html; do
	must tl export minutes "$M" --format $f
	cp "$W/out" "$W/signed.$f"
done
grep -q '^Frozen at: *2026-11-23 10:00$' "$W/signed.txt" &&
	grep -Eq '^Content digest \(SHA-256\): *[0-9a-f]{64}$' "$W/signed.txt" &&
	pass "the signed minutes say when they were frozen, and what they cover" ||
	fail "the signed minutes say when they were frozen, and what they cover" \
		"$(tail -12 "$W/signed.txt")"

# --- the live records change; the signed minutes do not ----------------------

must tl person edit "Lena Åström" --name "Lena Lind"
UNIT=$(tl meeting show "$M" | sed -n 's/^Unit: *\([0-9a-f]*\).*/\1/p')
must tl unit edit "$UNIT" --name "Utbildningsnämnden"
must tl decision add --mandate "$MANDATE" --decided-on 2026-11-10 \
	--summary "Beslut om skolskjuts registrerat i efterhand"
for f in txt md html; do
	run tl export minutes "$M" --format $f
	if cmp -s "$W/signed.$f" "$W/out"; then
		pass "the signed minutes ($f) are byte-identical after the changes"
	else
		fail "the signed minutes ($f) are byte-identical after the changes" \
			"$(diff "$W/signed.$f" "$W/out" | head -8)"
	fi
done
run tl export minutes "$M" --format txt
grep -q 'Lena Åström' "$W/out" && ! grep -q 'Lena Lind' "$W/out" &&
	pass "the signed minutes keep the names as they were" ||
	fail "the signed minutes keep the names as they were"
run tl verify "$M"
check_rc "renaming people and committees is not tampering" 0

# --- a signer declines ---------------------------------------------------------

O="Medarbetarsamtal, november"
# A one-to-one is its two participants' own: the manager records it.
i_am "Björn Åkesson"
run tl sign "$O" --by "Björn Åkesson" --paper
check_rc "the manager's signature is recorded" 0
i_am "Åsa Öberg"
run tl sign "$O" --decline "Uppföljningen av bemanningen saknas."
check_grep "the employee declines, with a comment" \
	"^You declined to sign \"$O\"; justering is reopened and goes back to the secretary with your comment\. Signatures voided: 1\.\$"
OID=$(tl meeting list --format csv | grep "$O" | cut -d, -f1)
run env COLUMNS=300 "$TILLIT" --db "$DB" log "$OID"
check_grep "the audit log keeps the comment" \
	'justering +signatures: 1 -> declined by Åsa Öberg: Uppföljningen av bemanningen saknas\.$'
run tl signature list --meeting "$O" --format csv
[ "$(sed 1d "$W/out" | wc -l)" = 0 ] && pass "declining voids the signatures" ||
	fail "declining voids the signatures" "$(cat "$W/out")"

done_testing
