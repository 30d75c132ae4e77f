#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Hostile import, round two: the import keeps the rules the command line
# keeps, with the same sentence (and where in the file), whether what
# breaks a rule is all in the file or made by the file together with
# what is stored: no unit under itself, one person to a login, no record
# that refers to itself, and no signed status, seal or signature that
# signing did not make.  An integer field takes only a JSON number, and
# a malformed file is described in tillit's own words, in the user's
# language.  The unit form of the full-screen program refuses a cycle
# with the same sentence too.  What must still go in goes in: a whole export, signed
# meetings and all, into an empty database, and a reorganisation whose
# end is a tree.
. "$(dirname "$0")/lib.sh"

# jx FILE EXPR: EXPR, SQL over the text of the JSON file FILE as d.
jx() {
	sqlite3 :memory: "WITH t(d) AS (SELECT CAST(readfile('$1') AS TEXT)) \
		SELECT $2 FROM t;"
}

# one KIND RECORD...: a document holding only these records of KIND.
one() {
	kind=$1
	shift
	printf '{"format": "tillit", "version": 1, "%s": [' "$kind"
	sep=
	for r in "$@"; do
		printf '%s%s' "$sep" "$r"
		sep=', '
	done
	printf ']}\n'
}

# rec NOUN ID: the stored record as the export writes it.
rec() {
	tl "$1" show "$2" --format json
}

# set_field JSON FIELD VALUE: JSON (one record) with FIELD set to the
# JSON text VALUE.
set_field() {
	printf '%s' "$1" >"$W/rec.json"
	jx "$W/rec.json" "json_set(d, '\$.$2', json('$3'))"
}

# cli_says NAME ARGS...: the command line refuses ARGS; its sentence
# (without "tillit: ") is kept in $SAID.
cli_says() {
	name=$1
	shift
	run tl "$@"
	check_err "$name" 1
	SAID=$(sed -n '1s/^tillit: //p' "$W/err")
}

# refused NAME DBFILE FILE SENTENCE: importing FILE into DBFILE fails
# with one line that names FILE and holds SENTENCE, and changes nothing.
refused() {
	"$TILLIT" --db "$2" export >"$W/before.json" 2>/dev/null
	run "$TILLIT" --db "$2" import "$3"
	"$TILLIT" --db "$2" export >"$W/after.json" 2>/dev/null
	first=$(sed -n 1p "$W/err")
	if [ "$RC" != 1 ]; then
		fail "$1" "exit status $RC, expected 1"
	elif [ "$(wc -l <"$W/err")" -ne 1 ]; then
		fail "$1" "stderr has $(wc -l <"$W/err") lines, expected one"
	else
		case $first in
		"tillit: $3: "*"$4"*)
			if cmp -s "$W/before.json" "$W/after.json"; then
				pass "$1"
			else
				fail "$1" "the refused import changed the database"
			fi
			;;
		*) fail "$1" "the error does not name the file and say: $4" ;;
		esac
	fi
}

# imported NAME DBFILE FILE: importing FILE into DBFILE works.
imported() {
	run "$TILLIT" --db "$2" import "$3"
	check_rc "$1" 0
}

# copy_db FROM TO: a copy of the database FROM (its log too) as TO.
copy_db() {
	rm -f "$2" "$2-wal" "$2-shm"
	sqlite3 "$1" ".backup '$2'"
}

# demo_db: a new copy of the demo database (on the PostgreSQL pass, a
# new database of the server's, copied with tillit migrate).
demo_db() {
	if on_pg; then
		_d=$(newdb demo) &&
			"$TILLIT" --db "$W/demo.db" migrate --to "$_d" >/dev/null
		echo "$_d"
		return
	fi
	copy_db "$W/demo.db" "$W/copy-demo.db"
	echo "$W/copy-demo.db"
}

# empty_db: a new database with nothing in it but the seeded principles.
empty_db() {
	if on_pg; then
		_d=$(newdb empty) && "$TILLIT" --db "$_d" init >/dev/null 2>&1
		echo "$_d"
		return
	fi
	rm -f "$W/empty.db" "$W/empty.db-wal" "$W/empty.db-shm"
	"$TILLIT" --db "$W/empty.db" init >/dev/null 2>&1
	echo "$W/empty.db"
}

must tl init --demo
must tl export --output "$W/demo.json"
if on_pg; then
	must "$TILLIT" --db "$W/demo.db" migrate --from "$DB"
else
	copy_db "$DB" "$W/demo.db"
fi

unit() { tl unit list --format csv | awk -F, -v n="$1" '$2 == n { print $1 }'; }
KF=$(unit Kommunfullmäktige)
BUN=$(unit "Barn- och utbildningsnämnden")
BUF=$(unit "Barn- och utbildningsförvaltningen")
ANG=$(unit Ängskolan)

# ---- a unit under itself -------------------------------------------------

cli_says "the command line refuses a unit as its own parent" \
	unit edit "$KF" --parent "$KF"
OWN=$SAID
jx "$W/demo.json" "json_set(d, '\$.units[' || (SELECT key FROM \
	json_each(d, '\$.units') WHERE json_extract(value, '\$.id') = \
	'$KF') || '].parent', '$KF')" >"$W/own.json"
refused "import refuses a unit as its own parent (a whole file)" \
	"$(empty_db)" "$W/own.json" "unit $KF: $OWN"
one units "$(set_field "$(rec unit "$KF")" parent "\"$KF\"")" \
	>"$W/own1.json"
refused "import refuses a unit as its own parent (merged)" \
	"$(demo_db)" "$W/own1.json" "unit $KF: $OWN"

cli_says "the command line refuses a cycle in the chain of governance" \
	unit edit "$KF" --parent "$ANG"
CYCLE=$SAID
jx "$W/demo.json" "json_set(d, '\$.units[' || (SELECT key FROM \
	json_each(d, '\$.units') WHERE json_extract(value, '\$.id') = \
	'$KF') || '].parent', '$ANG')" >"$W/cycle.json"
refused "import refuses a cycle of units inside the file" \
	"$(empty_db)" "$W/cycle.json" "$CYCLE"
one units "$(set_field "$(rec unit "$KF")" parent "\"$ANG\"")" \
	>"$W/cycle1.json"
refused "import refuses a cycle made with the stored units (merged)" \
	"$(demo_db)" "$W/cycle1.json" "unit $KF: $CYCLE"
NEW=77777777-7777-4777-8777-777777777777
one units "$(set_field "$(rec unit "$KF")" parent "\"$NEW\"")" \
	"{\"id\": \"$NEW\", \"created_at\": \"2026-11-23T10:00:00Z\", \
\"updated_at\": \"2026-11-23T10:00:00Z\", \"name\": \"Ny nämnd\", \
\"kind\": \"committee\", \"parent\": \"$ANG\"}" >"$W/cycle2.json"
refused "import refuses a cycle through a new unit and a stored one" \
	"$(demo_db)" "$W/cycle2.json" "$CYCLE"

# A reorganisation: the administration moves under the school, which
# moves up under the committee.  Half-way it is a cycle; at the end a
# tree, and that is what counts.
copy_db "$W/demo.db" "$W/reorg.db"
one units "$(set_field "$(rec unit "$BUF")" parent "\"$ANG\"")" \
	"$(set_field "$(rec unit "$ANG")" parent "\"$BUN\"")" \
	>"$W/reorg.json"
imported "a reorganisation that ends as a tree is imported" \
	"$W/reorg.db" "$W/reorg.json"

# The form in the full-screen program meets the same rule: the council
# picked as under the school, which sits under it, is refused in the
# form's message line with the same sentence, and nothing is stored.
printf '%s\n' "key /" "type Kommunfullmäktige" "key Enter" "key Enter" \
	"key e" "key Tab Tab" "key Enter" "type Ängskolan" "key Enter" \
	"key C-x" "dump" "key Esc" "type y" >"$W/script"
run tl ui --script "$W/script" --size 100x30
if [ "$RC" = 0 ] && grep -qF "│$CYCLE" "$W/out"; then
	pass "the unit form refuses a cycle with the same sentence"
else
	fail "the unit form refuses a cycle with the same sentence" \
		"$(grep '^│' "$W/out" | tail -3)"
fi
run tl unit show "$KF" --format json
if grep -q '"parent"' "$W/out"; then
	fail "the refused form stored nothing"
else
	pass "the refused form stored nothing"
fi

# ---- two people, one login -------------------------------------------------

FIRST=$(tl person list --format csv | sed -n 2p | cut -d, -f1)
SECOND=$(tl person list --format csv | sed -n 3p | cut -d, -f1)
rec person "$FIRST" >"$W/first.json"
LOGIN=$(jx "$W/first.json" "json_extract(d, '\$.login')")
cli_says "the command line refuses a login that is taken" \
	person add --name "Ny Person" --kind employee --login "$LOGIN"
TAKEN=$SAID
P2=88888888-8888-4888-8888-888888888888
one people "{\"id\": \"$P2\", \"created_at\": \"2026-11-23T10:00:00Z\", \
\"updated_at\": \"2026-11-23T10:00:00Z\", \"name\": \"Ny Person\", \
\"kind\": \"employee\", \"login\": \"$LOGIN\"}" >"$W/login1.json"
refused "import refuses a login a stored person has (merged)" \
	"$(demo_db)" "$W/login1.json" "person $P2: $TAKEN"
# Another person than the one with the login (the export is in id
# order, so the place of each is the ids' chance).
jx "$W/demo.json" "json_set(d, '\$.people[' || (SELECT key FROM \
	json_each(d, '\$.people') WHERE json_extract(value, '\$.id') <> \
	'$FIRST' LIMIT 1) || '].login', '$LOGIN')" >"$W/login2.json"
refused "import refuses two people with one login inside the file" \
	"$(empty_db)" "$W/login2.json" "$TAKEN"
# The login moves from one person to another: fine once the file is in.
copy_db "$W/demo.db" "$W/move.db"
one people "$(set_field "$(rec person "$SECOND")" login "\"$LOGIN\"")" \
	"$(rec person "$FIRST" | sed 's/, "login": "[^"]*"//')" \
	>"$W/move.json"
imported "a login that moves to another person is imported" \
	"$W/move.db" "$W/move.json"

# ---- a record that refers to itself ----------------------------------------

DIALOGUE=$(tl meeting list --kind dialogue --format csv | sed -n 2p |
	cut -d, -f1)
ITEM=$(tl item list --meeting "$DIALOGUE" --format csv | sed -n 2p | cut -d, -f1)
cli_says "the command line refuses an item that corrects itself" \
	item edit "$ITEM" --refers-to "$ITEM"
SELF=$SAID
jx "$W/demo.json" "json_set(d, '\$.items[' || (SELECT key FROM \
	json_each(d, '\$.items') WHERE json_extract(value, '\$.id') = \
	'$ITEM') || '].refers_to', '$ITEM')" >"$W/self.json"
refused "import refuses an item that corrects itself (a whole file)" \
	"$(empty_db)" "$W/self.json" "item $ITEM: $SELF"
one items "$(set_field "$(rec item "$ITEM")" refers_to "\"$ITEM\"")" \
	>"$W/self1.json"
refused "import refuses an item that corrects itself (merged)" \
	"$(demo_db)" "$W/self1.json" "item $ITEM: $SELF"

# ---- a signed status, seals and signatures that signing did not make ------

cli_says "the command line refuses to make a meeting signed" \
	meeting edit "$DIALOGUE" --status signed
SIGNED=$SAID
SIGNED_M=$(tl meeting list --status signed --format csv | sed -n 2p |
	cut -d, -f1)
jx "$W/demo.json" "json_set(d, '\$.seals', (SELECT json_group_array(json(value)) \
	FROM json_each(d, '\$.seals') WHERE json_extract(value, '\$.meeting') \
	<> '$SIGNED_M'))" >"$W/noseal.json"
refused "import refuses a signed meeting without its seal" \
	"$(empty_db)" "$W/noseal.json" "meeting $SIGNED_M: $SIGNED"
jx "$W/demo.json" "json_set(d, '\$.meetings[' || (SELECT key FROM \
	json_each(d, '\$.meetings') WHERE json_extract(value, '\$.id') = \
	'$DIALOGUE') || '].status', 'signed')" >"$W/madesigned.json"
refused "import refuses a meeting made signed in the file" \
	"$(empty_db)" "$W/madesigned.json" "meeting $DIALOGUE: $SIGNED"
one meetings "$(set_field "$(rec meeting "$DIALOGUE")" status '"signed"')" \
	>"$W/madesigned1.json"
refused "import refuses to make a stored meeting signed (merged)" \
	"$(demo_db)" "$W/madesigned1.json" "$SIGNED"
jx "$W/demo.json" "json_set(d, '\$.seals[0].document', \
	replace(json_extract(d, '\$.seals[0].document'), 'e', 'E'))" \
	>"$W/forged.json"
refused "import refuses a seal whose minutes do not match its digest" \
	"$(empty_db)" "$W/forged.json" "digest"

# Signed elsewhere: a copy of the database sends the committee's meeting
# to justering and its signers sign; the copy's export brings the seal
# and the signatures to the database where the meeting is only held.
M="Barn- och utbildningsnämndens sammanträde"
MAIN_DB=$DB
DB=$W/copy.db
copy_db "$W/demo.db" "$DB"
i_am "Sofia Bäckström"
must tl sign "$M" --send
must tl export --output "$W/sent.json"
for who in "Anders Holmgren" "Lena Åström" "Per-Olof Nyström"; do
	must tl sign "$M" --by "$who" --paper
done
must tl export --output "$W/signed.json"
DB=$MAIN_DB
cli_says "the command line refuses a seal added by hand" \
	seal add --meeting "$M" --digest "$(printf '%064d' 0)" \
	--sealed-at "2026-11-23 10:00"
BYHAND=$SAID
refused "import refuses a seal added by merge to a stored meeting" \
	"$(demo_db)" "$W/sent.json" "$BYHAND"
refused "import refuses signatures and a signed status added by merge" \
	"$(demo_db)" "$W/signed.json" "$SIGNED"

# A whole export, signed meetings and all, still goes into an empty
# database, and what it holds verifies.
E=$(empty_db)
imported "a whole export with signed meetings goes into an empty database" \
	"$E" "$W/signed.json"
run "$TILLIT" --db "$E" verify
check_rc "the imported signed meetings verify" 0

# ---- integers, and the file's syntax in tillit's own words -----------------

one balances "{\"id\": \"99999999-9999-4999-8999-999999999999\", \
\"created_at\": \"2026-11-23T10:00:00Z\", \"updated_at\": \
\"2026-11-23T10:00:00Z\", \"unit\": \"$KF\", \"assessed_on\": \
\"2026-11-20\", \"score\": \"1\"}" >"$W/string.json"
refused "import refuses a string for an integer field" \
	"$(demo_db)" "$W/string.json" "field \"score\" must be an integer"

printf 'x\n' >"$W/x.json"
printf '{"format": "tillit", "version": 1,\n "units": [}\n' >"$W/bad.json"
printf '{"format": "tillit", "version": 1, "units": [' >"$W/cut.json"
printf '{"format": "tillit", "version": 1, "units": [], "units": []}' \
	>"$W/twice.json"
for f in x bad cut twice; do
	run tl import "$W/$f.json"
	if [ "$RC" = 1 ] && grep -q "^tillit: $W/$f.json:[0-9]*:[0-9]*: " \
		"$W/err" && ! grep -Eq "expected near|near '|premature end of \
input|duplicate object key|invalid token|end of file expected|unexpected token|near end" "$W/err"
	then
		pass "a malformed file ($f) is described in tillit's words"
	else
		fail "a malformed file ($f) is described in tillit's words"
	fi
	english=$(cat "$W/err")
	RC=0
	env LC_ALL=C.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" import \
		"$W/$f.json" >"$W/out" 2>"$W/err" || RC=$?
	if [ "$RC" = 1 ] && [ "$(cat "$W/err")" != "$english" ] &&
		grep -q "^tillit: $W/$f.json:[0-9]*:[0-9]*: " "$W/err"; then
		pass "a malformed file ($f) is described in Swedish too"
	else
		fail "a malformed file ($f) is described in Swedish too"
	fi
done

done_testing
