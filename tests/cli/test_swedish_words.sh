#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_swedish_words.sh - the whole program is Swedish under a
# Swedish locale (issue 17, point 1): no English word is left in the
# full-screen program's views and their help, in the command line's
# lists and records, or in the documents it exports (minutes, summary,
# notice, a spreadsheet's CSV).  A word is English when the English word
# list has it and the Swedish one does not (wamerican, wswedish), and it
# is not the data's own (names, logins, addresses, what people wrote, as
# the JSON export holds it) or a key's name (Enter, Tab).
. "$(dirname "$0")/lib.sh"

EN=/usr/share/dict/american-english
SV=/usr/share/dict/swedish
if [ ! -r "$EN" ] || [ ! -r "$SV" ]; then
	echo "ok - Swedish screens # SKIP no word lists ($EN, $SV)"
	exit 0
fi

must tl init --demo
i_am "Björn Åkesson" # for remind, which reminds the account's person
COMMITTEE=$(tl meeting list --format csv | grep ',committee,' | sed -n 1p |
	cut -d, -f1)
ONE=$(tl meeting list --format csv | grep ',one_to_one,' | grep ',held,' |
	sed -n 1p | cut -d, -f1)
SIGNED=$(tl meeting list --format csv | grep ',committee,' |
	grep ',signed,' | sed -n 1p | cut -d, -f1)
# Its notice, unless the demo put one up already.
tl notice add --meeting "$SIGNED" --posted-on 2026-12-01 \
	--kept-at "Kommunkansliet" >/dev/null 2>&1 || true

sv() { env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" "$@"; }
mkdir -p "$W/sv"

# The command line: every kind's list, and the first record of each.
for noun in unit person principle series meeting participant item motion \
	vote ballot entry mandate decision frame frame-version followup \
	balance notice signature seal; do
	sv "$noun" list >"$W/sv/list-$noun" 2>&1
	id=$(tl "$noun" list --format csv 2>/dev/null | sed -n 2p | cut -d, -f1)
	[ -n "$id" ] && sv "$noun" show "$id" >"$W/sv/show-$noun" 2>&1
	sv "$noun" list --format csv --csv-dialect excel-sv \
		>"$W/sv/csv-$noun" 2>&1
done
sv remind >"$W/sv/remind" 2>&1

# The documents.
sv export minutes "$COMMITTEE" --format txt >"$W/sv/minutes.txt" 2>&1
sv export minutes "$COMMITTEE" --format md >"$W/sv/minutes.md" 2>&1
sv export summary "$ONE" >"$W/sv/summary.txt" 2>&1
sv export notice "$SIGNED" --format txt >"$W/sv/notice.txt" 2>&1

# The full-screen program: each view and its help, a record, a meeting
# running, a form, the organisation and the goals.
printf '%s\n' dump "key ?" dump "key q" "key 2" dump "key ?" dump "key q" \
	"key Enter" dump "key ?" dump "key q" "key r" dump "key q" "key q" \
	"key 3" dump "key Enter" dump "key ?" dump "key q" "key q" "key 4" \
	dump "key 5" dump "key 6" dump "key a" dump "key Esc" "key 7" dump \
	"key ?" dump "key q" "key 8" dump "key Enter" dump >"$W/script"
sv --as "Björn Åkesson" ui --script "$W/script" --size 120x40 \
	>"$W/sv/ui" 2>&1
# Goals, a goal's screen with its charts, and an indicator's.
printf '%s\n' "key 9" dump "key ?" dump "key q" "key n" \
	"type måluppfyllelse i årskurs" "key Enter" "key Enter" dump \
	"key q" "key n" "type meritvärde" "key Enter" "key Enter" dump \
	>"$W/script"
sv --as "Sofia Bäckström" ui --script "$W/script" --size 120x60 \
	>"$W/sv/ui-goals" 2>&1

for f in "$W"/sv/*; do
	[ -s "$f" ] || fail "every screen and export was made" "$f is empty"
done

# The data's own words, from the JSON export.
tl export --format json >"$W/data.json"

python3 - "$EN" "$SV" "$W/data.json" "$W"/sv/* >"$W/english" <<'EOF'
import json, re, sys

def words(path):
    return {w.strip().lower() for w in open(path, encoding="utf-8",
                                            errors="ignore")}

english, swedish = words(sys.argv[1]), words(sys.argv[2])
data = set()
def walk(v):
    if isinstance(v, dict):
        for x in v.values():
            walk(x)
    elif isinstance(v, list):
        for x in v:
            walk(x)
    elif isinstance(v, str):
        data.update(w.lower() for w in re.findall(r"[^\W\d_]+", v))
walk(json.load(open(sys.argv[3], encoding="utf-8")))
# Names of keys, and of tillit itself, are the same in every language.
keys = {"enter", "esc", "tab", "backtab", "space", "home", "end", "up",
        "down", "left", "right", "pageup", "pagedown", "backspace",
        "delete", "tillit"}
found = {}
for path in sys.argv[4:]:
    for n, line in enumerate(open(path, encoding="utf-8", errors="replace"),
                             1):
        for token in line.split():
            # An id, or anything with digits in it, is no word.
            if re.search(r"\d", token) or re.fullmatch(r"[0-9a-f]{8}",
                                                       token.strip("…")):
                continue
            for w in re.findall(r"[^\W\d_]+", token):
                lw = w.lower()
                if (len(lw) >= 3 and lw in english and lw not in swedish
                        and lw not in data and lw not in keys):
                    found.setdefault(lw, "%s:%d" % (path.split("/")[-1], n))
for w, where in sorted(found.items()):
    print("%s (%s)" % (w, where))
EOF
if [ -s "$W/english" ]; then
	fail "no English word in the Swedish screens and exports" \
		"$(tr '\n' ' ' <"$W/english")"
else
	pass "no English word in the Swedish screens and exports"
fi

# The check itself finds an English word where there is one.
printf 'Uppföljningar\nOwner: Björn\n' >"$W/sv/planted"
python3 - "$EN" "$SV" <<'EOF' >"$W/planted"
import sys
en = {w.strip().lower() for w in open(sys.argv[1], errors="ignore")}
sv = {w.strip().lower() for w in open(sys.argv[2], errors="ignore")}
print("owner" in en and "owner" not in sv,
      "uppföljningar" in en)
EOF
check_same "... and the word lists tell the two apart" \
	"$(cat "$W/planted")" "True False"

done_testing
