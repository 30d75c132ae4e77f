#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Languages: Swedish through gettext (po/sv.po), for the command line and
# the full-screen program, and the catalogue kept complete: a string added
# to the sources without a Swedish translation fails here.
#
# LANG=sv_SE.UTF-8 must show Swedish even where that locale is not
# installed (a fresh Debian container has only C.UTF-8): tl_i18n_init
# then falls back on LANGUAGE, so this needs no `locales` package.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$HERE/../.." && pwd)

# sv COMMAND...: runs tillit in Swedish on the test's database.
sv() {
	env -u LC_ALL -u LANGUAGE LANG=sv_SE.UTF-8 "$TILLIT" --db "$DB" "$@"
}

run sv --help
check_grep "tillit --help is Swedish" '^Användning: tillit'
if grep -q '^Usage:' "$W/out"; then
	fail "tillit --help has no English left" "$(grep '^Usage:' "$W/out")"
else
	pass "tillit --help has no English left"
fi

run tl --help
check_grep "tillit --help stays English without LANG" '^Usage: tillit'

# LANGUAGE=sv under the C.UTF-8 locale is the other way to ask.
run env LC_ALL=C.UTF-8 LANGUAGE=sv "$TILLIT" --help
check_grep "LANGUAGE=sv with C.UTF-8 is Swedish" '^Användning: tillit'

must tl init --demo

run sv followup list --due-before 2026-02-30
check_err "a bad date is refused in Swedish, exit 1" 1 \
	'inget verkligt datum'

run sv frobnicate
check_err "an unknown command is a Swedish usage error, exit 2" 2 \
	'Okänt kommando .*Prova'

run sv followup list
check_grep "followup list has Swedish headers" \
	'^ID +Förfallodatum +Status +Ansvarig +Text'

run sv mandate list --format csv
check_grep "CSV keeps its English field names in Swedish" \
	'^id,matter,given_to,'

run sv followup list --status done --format json
if grep -q '"status": *"done"' "$W/out" && [ "$RC" = 0 ]; then
	pass "JSON keeps its English values in Swedish"
else
	fail "JSON keeps its English values in Swedish"
fi

# The full-screen program: the overview's title bar.
printf 'dump\n' >"$W/script"
run sv --as "Björn Åkesson" ui --script "$W/script" --size 100x30
if [ "$RC" = 0 ] && sed -n 1p "$W/out" | grep -q 'Översikt'; then
	pass "the overview's title bar reads Översikt"
else
	fail "the overview's title bar reads Översikt" \
		"$(sed -n 1,2p "$W/out")"
fi

# The catalogue: every message translated, none fuzzy, and po/tillit.pot
# made from the sources as they are now.
if ! command -v msgfmt >/dev/null 2>&1 ||
	! command -v xgettext >/dev/null 2>&1; then
	fail "gettext tools are installed (make deps)"
	done_testing
	exit
fi

msgfmt -c --statistics -o /dev/null "$ROOT/po/sv.po" >"$W/stat" 2>&1
if [ $? = 0 ] && grep -q 'translated message' "$W/stat" &&
	! grep -Eq 'untranslated|fuzzy' "$W/stat"; then
	pass "po/sv.po is complete and checks clean"
else
	fail "po/sv.po is complete and checks clean" "$(cat "$W/stat")" \
		"run 'make pot' and translate the new messages in po/sv.po"
fi

# The msgids (with their contexts) of a catalogue, one per line, sorted.
msgids() {
	msgcat --no-wrap --sort-output "$1" 2>/dev/null |
		awk '/^msgctxt / { c = $0 } /^msgid / { print c " " $0; c = "" }' |
		sort
}

(cd "$ROOT" && xgettext --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
	--keyword=NC_:1c,2 \
	--from-code=UTF-8 --language=C -o "$W/now.pot" \
	src/*.c src/*/*.c src/*/*/*.c) 2>"$W/xg"
msgids "$W/now.pot" >"$W/now.ids"
msgids "$ROOT/po/tillit.pot" >"$W/pot.ids"
msgids "$ROOT/po/sv.po" >"$W/sv.ids"
if [ ! -s "$W/now.ids" ]; then
	fail "xgettext reads the sources" "$(sed -n 1,3p "$W/xg")"
elif ! cmp -s "$W/now.ids" "$W/pot.ids"; then
	fail "po/tillit.pot is current (run 'make pot')" \
		"$(diff "$W/pot.ids" "$W/now.ids" | sed -n '2,6p')"
else
	pass "po/tillit.pot is current"
fi
# The header (msgid "") is in both; anything else missing is untranslated.
if cmp -s "$W/now.ids" "$W/sv.ids"; then
	pass "po/sv.po has every message of the sources"
else
	fail "po/sv.po has every message of the sources (run 'make pot')" \
		"$(diff "$W/sv.ids" "$W/now.ids" | sed -n '2,6p')"
fi

done_testing
