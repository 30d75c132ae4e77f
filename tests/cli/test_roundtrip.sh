#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The JSON round trip of the acceptance list: a demo database exported,
# imported into an empty database and exported again gives the same bytes;
# every kind of record is in it; importing twice changes nothing.
# The demo is made on SQLite; the databases it is imported into are the
# engine's under test ($BACKEND), so that on PostgreSQL this is the
# parity check: SQLite's export, imported there and exported again, gives
# the same bytes.
. "$(dirname "$0")/lib.sh"
: "${TMPDIR:?}"
d="$TMPDIR/roundtrip"
mkdir -p "$d"
C=$(newdb c) || exit 1
P=$(newdb p) || exit 1
NS=$(newdb ns) || exit 1
DANG=$(newdb dang) || exit 1

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; [ $# -gt 0 ] && printf '#   %s\n' "$@"; }
check() { # name, then a command that must succeed
	name=$1; shift
	if "$@" >"$d/out" 2>&1; then ok "$name"; else notok "$name" "$(head -c 2000 "$d/out")"; fi
}

check "init --demo" "$TILLIT" --db "$d/a.db" init --demo
check "export the demo" sh -c "'$TILLIT' --db '$d/a.db' export --format json > '$d/1.json'"
# import creates a missing database, empty, and fills it from the file.
check "import into a new, empty database" "$TILLIT" --db "$C" import "$d/1.json"
check "export again" sh -c "'$TILLIT' --db \"\$1\" export --format json > '$d/2.json'" sh "$C"
if cmp -s "$d/1.json" "$d/2.json"; then
	ok "second export is byte-for-byte the first"
else
	notok "second export is byte-for-byte the first" "$(diff "$d/1.json" "$d/2.json" | head -20)"
fi

# Every kind's array, as the export names them (it writes one for every
# kind of the model), but those only signing makes.
kinds=$(sed -n 's/^  "\([a-z_]*\)": \[.*/\1/p' "$d/1.json")
[ "$(echo "$kinds" | wc -w)" -ge 13 ] && ok "export names every kind" ||
	notok "export names every kind" "$kinds"
for kind in $kinds; do
	case $kind in signatures | seals) continue ;; esac
	# One record a line: the line after `"kind": [` opens a record.
	if awk -v k="\"$kind\": [" 'index($0, k) { getline; found = ($1 ~ /^\{"id"/) }
		END { exit !found }' "$d/1.json"
	then ok "export has $kind"; else notok "export has $kind"; fi
done

if grep -q 'Å\|Ä\|Ö\|å\|ä\|ö' "$d/1.json" && ! grep -q '\\u00' "$d/1.json"; then
	ok "å, ä and ö are written as UTF-8, not escaped"
else
	notok "å, ä and ö are written as UTF-8, not escaped"
fi

"$TILLIT" --db "$C" import "$d/1.json" >"$d/again" 2>&1
db_dump "$C" >"$d/dump1" 2>/dev/null
"$TILLIT" --db "$C" import "$d/1.json" >"$d/again" 2>&1
db_dump "$C" >"$d/dump2" 2>/dev/null
if grep -q "0 added, 0 changed" "$d/again" && cmp -s "$d/dump1" "$d/dump2"; then
	ok "importing twice changes nothing"
else
	notok "importing twice changes nothing" "$(cat "$d/again")"
fi

# A pipe is read as well as a file (it is kept in a temporary file, so
# that a document whose kinds are out of order can be read twice).
if cat "$d/1.json" | "$TILLIT" --db "$P" import /dev/stdin >"$d/out" 2>&1 &&
	"$TILLIT" --db "$P" export --format json >"$d/3.json" 2>>"$d/out" &&
	cmp -s "$d/1.json" "$d/3.json"; then
	ok "import from a pipe gives the same database"
else
	notok "import from a pipe gives the same database" "$(head -c 2000 "$d/out")"
fi

# A record may leave out a field that has a default (here a meeting
# without "status").  The first import, in bulk, stores the default; a
# second import merges record by record and must find it unchanged, not
# write NULL over it (found by fuzzing).
sed 's/, "status": "planned"//' "$d/1.json" >"$d/nostatus.json"
grep -q '"status": "planned"' "$d/nostatus.json" &&
	notok "setup: a document without meeting status"
"$TILLIT" --db "$NS" import "$d/nostatus.json" >"$d/out" 2>&1
"$TILLIT" --db "$NS" import "$d/nostatus.json" >"$d/again" 2>&1
rc=$?
if [ "$rc" = 0 ] && grep -q "0 added, 0 changed" "$d/again" &&
	[ "$(dbsql_on "$NS" "SELECT count(*) FROM meetings
		WHERE status = 'planned'")" -gt 0 ]; then
	ok "a field left out takes its default, and a second import changes nothing"
else
	notok "a field left out takes its default, and a second import changes nothing" \
		"$(cat "$d/out" "$d/again")"
fi

# A reference to a record that is in neither the file nor the database:
# into a new database (references checked once, at the end of the bulk
# load) and into one that holds records (checked by SQLite at the
# commit), the same sentence, exit 1 and nothing saved.
awk 'index($0, "\"followups\": [") { f = 1 }
	f && !done && /"owner": "/ {
		sub(/"owner": "[^"]*"/, "\"owner\": \"00000000-0000-4000-8000-00000000dead\"")
		done = 1 }
	{ print }' "$d/1.json" >"$d/dangling.json"
fid=$(awk 'index($0, "00000000dead") { match($0, /"id": "[^"]*"/)
	print substr($0, RSTART + 7, 36); exit }' "$d/dangling.json")
want="The follow-up $fid refers to a person that does not exist; nothing was saved."
"$TILLIT" --db "$DANG" import "$d/dangling.json" >"$d/out" 2>&1
rc=$?
if [ -n "$fid" ] && [ "$rc" = 1 ] && grep -qF "$want" "$d/out" &&
	[ "$(dbsql_on "$DANG" "SELECT count(*) FROM followups" 2>/dev/null || echo 0)" = 0 ]; then
	ok "a dangling reference into a new database is named, and nothing is saved"
else
	notok "a dangling reference into a new database is named, and nothing is saved" \
		"rc=$rc id=$fid" "$(cat "$d/out")"
fi
db_dump "$C" >"$d/dump3" 2>/dev/null
"$TILLIT" --db "$C" import "$d/dangling.json" >"$d/out" 2>&1
rc=$?
db_dump "$C" >"$d/dump4" 2>/dev/null
if [ "$rc" = 1 ] && grep -qF "$want" "$d/out" && cmp -s "$d/dump3" "$d/dump4"; then
	ok "a dangling reference merged into a database is named, and nothing is saved"
else
	notok "a dangling reference merged into a database is named, and nothing is saved" \
		"rc=$rc" "$(cat "$d/out")"
fi
