#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The two engines hold the same records the same way (issue 14): the demo
# made on SQLite, exported, imported into the test's database ($DB: on the
# PostgreSQL pass a database of the server's) and exported again gives
# the same bytes; and the demo made straight on $DB has the same records,
# kind by kind, as the one made on SQLite (the demo's ids are new each
# time, and so are the signatures and seals that cover them: those are
# compared by count).
. "$(dirname "$0")/lib.sh"

must "$TILLIT" --db "$W/a.db" init --demo
"$TILLIT" --db "$W/a.db" export >"$W/a.json"

run tl import "$W/a.json"
check_rc "the SQLite demo's export imports into an empty database" 0
run tl export
if [ "$RC" = 0 ] && cmp -s "$W/out" "$W/a.json"; then
	pass "and exports again as the same bytes"
else
	fail "and exports again as the same bytes" \
		"$(diff "$W/a.json" "$W/out" | head -5)"
fi
run tl verify
check_grep "its signed minutes and audit log verify" 'the chain is unbroken'

# The demo made on each: the same records but for the ids.
DB2=$(newdb demo)
must "$TILLIT" --db "$DB2" init --demo
"$TILLIT" --db "$DB2" export >"$W/b.json"
# records by kind, ids and what is made from them taken out, sorted
shape() {
	awk '/^  "[a-z_]+": \[/ { kind = $1 } /^    \{/ { print kind, $0 }' "$1" |
		sed -e 's/[0-9a-f]\{8\}\(-[0-9a-f]\{4\}\)\{3\}-[0-9a-f]\{12\}/<ID>/g' \
		    -e 's/},$/}/' -e 's/"\(sshsig\|digest\|document\|elements\|canon\|pubkey\)": "\([^"\\]\|\\.\)*"/"\1": <MADE>/g' |
		sort
}
shape "$W/a.json" >"$W/a.shape"
shape "$W/b.json" >"$W/b.shape"
n=$(wc -l <"$W/a.shape")
if [ "$n" -gt 100 ] && cmp -s "$W/a.shape" "$W/b.shape"; then
	pass "init --demo makes the same $n records on both"
else
	fail "init --demo makes the same records on both" \
		"$(diff "$W/a.shape" "$W/b.shape" | head -6)"
fi
run "$TILLIT" --db "$DB2" verify
check_grep "the demo made there verifies" 'the chain is unbroken'

done_testing
