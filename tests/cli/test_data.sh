#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_data.sh - whole databases: init --demo, export and import
# (the round trip is byte for byte), export --output, full-text search,
# and lists longer than a page (the CLI pages through the store, 100
# records at a time).
. "$(dirname "$0")/lib.sh"

# --- the demo, exported, imported into an empty database, exported -------

run tl init --demo
check_grep "init --demo" '^Filled it with the demo data\.$'
run tl init --demo
check_err "init --demo refuses a database in use" 1 'already holds records'
run tl export --format json
check_rc "export --format json" 0
cp "$W/out" "$W/first.json"
# Every kind's array the export writes (one for every kind of the
# model), but those only signing makes.
for kind in $(sed -n 's/^  "\([a-z_]*\)": \[.*/\1/p' "$W/first.json"); do
	case $kind in signatures | seals) continue ;; esac
	if grep -q "^  \"$kind\": \[\$" "$W/first.json"; then
		pass "the export has a non-empty $kind array"
	else
		fail "the export has a non-empty $kind array"
	fi
done

DB2=$(newdb y) || exit 1
must "$TILLIT" --db "$DB2" init
run "$TILLIT" --db "$DB2" import "$W/first.json"
check_grep "import into an empty database" \
	'^Imported .*/first\.json: [1-9][0-9]* added, [0-9]+ changed, [0-9]+ unchanged\.$'
run "$TILLIT" --db "$DB2" import "$W/first.json"
check_grep "importing twice changes nothing" \
	'^Imported .*/first\.json: 0 added, 0 changed, [1-9][0-9]* unchanged\.$'
run "$TILLIT" --db "$DB2" export
cp "$W/out" "$W/second.json"
if cmp -s "$W/first.json" "$W/second.json"; then
	pass "the second export is byte for byte the first"
else
	fail "the second export is byte for byte the first" \
		"$(diff "$W/first.json" "$W/second.json" | head -n 5)"
fi

# --- export --output -------------------------------------------------------

run sh -c 'umask 000 && "$1" --db "$2" export --output "$3"' sh \
	"$TILLIT" "$DB" "$W/out.json"
check_rc "export --output FILE" 0
if cmp -s "$W/first.json" "$W/out.json"; then
	pass "the file holds the export"
else
	fail "the file holds the export"
fi
# Every record, one-to-one notes too: the user's alone, whatever the
# umask (issue 13); a file replaced keeps its mode, never widened.
perm=$(stat -c %a "$W/out.json")
[ "$perm" = 600 ] && pass "a new export is 0600 under umask 000" ||
	fail "a new export is 0600 under umask 000" "mode $perm"
chmod 640 "$W/out.json"
run sh -c 'umask 000 && "$1" --db "$2" export --output "$3"' sh \
	"$TILLIT" "$DB" "$W/out.json"
perm=$(stat -c %a "$W/out.json")
[ "$perm" = 640 ] && pass "an export over a 0640 file keeps 0640" ||
	fail "an export over a 0640 file keeps 0640" "mode $perm"
leftover=$(find "$W" -name 'out.json.*' | wc -l)
[ "$leftover" = 0 ] && pass "no temporary file is left" ||
	fail "no temporary file is left"
run tl export --output "$W/no/such/folder/x.json"
check_err "export to a missing folder" 3 'no/such/folder'
run tl export --format csv
check_err "export --format csv is usage" 2 'csv'

# --- search ----------------------------------------------------------------

run tl search hemtjänst
check_rc "search" 0
check_grep "search shows kind, short id, title and the match" \
	'^[a-z]+ +[0-9a-f]{8}  .*\[[Hh]emtjänst'
run tl search zzzqqq
check_out "search without hits" no-matches.txt
run tl search
check_err "search without words is usage" 2 'search'
run tl search hemtjänst --format json --limit 1
check_grep "search --format json --limit 1" '^  \{$'
n=$(grep -c '"kind":' "$W/out")
[ "$n" = 1 ] && pass "--limit 1 gives one hit" || fail "--limit 1 gives one hit"

# --- the audit log ---------------------------------------------------------

run tl log --limit 3
check_rc "log --limit 3" 0
n=$(($(wc -l <"$W/out") - 1))
[ "$n" = 3 ] && pass "log --limit 3 shows three rows" ||
	fail "log --limit 3 shows three rows" "$n rows"

# --- lists longer than a page ----------------------------------------------

DB3=$(newdb many) || exit 1
must "$TILLIT" --db "$DB3" init
{
	stamp='"created_at": "2026-11-23T09:00:00Z", "updated_at": "2026-11-23T09:00:00Z"'
	printf '{"format": "tillit", "version": 1,\n'
	printf ' "people": [{"id": "00000000-0000-4000-8000-000000000001", %s, "name": "Åsa Öberg", "kind": "manager", "status": "active"}],\n' "$stamp"
	printf ' "followups": [\n'
	i=1
	while [ $i -le 250 ]; do
		d=$(( (i % 28) + 1 ))
		[ $i -gt 1 ] && printf ',\n'
		printf '  {"id": "%08x-0000-4000-8000-%012d", %s, "text": "Punkt %d", "kind": "action", "owner": "00000000-0000-4000-8000-000000000001", "due": "2026-12-%02d", "status": "open"}' \
			$((i + 256)) $i "$stamp" $i $d
		i=$((i + 1))
	done
	printf '\n ]}\n'
} >"$W/many.json"
must "$TILLIT" --db "$DB3" import "$W/many.json"
run "$TILLIT" --db "$DB3" followup list
n=$(($(wc -l <"$W/out") - 1))
[ "$n" = 250 ] && pass "a table of 250 rows over three pages" ||
	fail "a table of 250 rows over three pages" "$n rows"
u=$(sed 1d "$W/out" | cut -c1-8 | sort -u | wc -l)
[ "$u" = 250 ] && pass "every row once" || fail "every row once" "$u ids"
sed 1d "$W/out" | cut -c11-20 >"$W/dues"
if sort -c "$W/dues" 2>/dev/null; then
	pass "rows in due order across pages"
else
	fail "rows in due order across pages"
fi
run "$TILLIT" --db "$DB3" followup list --format csv
n=$(($(wc -l <"$W/out") - 1))
[ "$n" = 250 ] && pass "csv of 250 rows" || fail "csv of 250 rows" "$n"
run "$TILLIT" --db "$DB3" followup list --format json
n=$(grep -c '^  {"id": ' "$W/out")
[ "$n" = 250 ] && pass "json of 250 records" || fail "json of 250 records" "$n"
run "$TILLIT" --db "$DB3" followup list --limit 150 --format csv
n=$(($(wc -l <"$W/out") - 1))
[ "$n" = 150 ] && pass "--limit 150 across pages" ||
	fail "--limit 150 across pages" "$n rows"
run "$TILLIT" --db "$DB3" followup list --limit 0
check_err "--limit 0 is usage" 2 'limit'

done_testing
