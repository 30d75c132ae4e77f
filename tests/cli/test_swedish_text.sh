#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_swedish_text.sh - Swedish text done right (issue 17,
# point 1): names sort in Swedish order (Å, Ä, Ö after Z; case and
# accents second) in lists, exports, the protokoll's list of those
# present and the pick-list; text typed decomposed (as macOS sends it)
# is stored composed (NFC) and found either way; a name is found
# whatever its case and accents and from inside a compound word; and a
# principle is given by its Swedish name.  On both engines.
. "$(dirname "$0")/lib.sh"

names() { # the "name" (or $1) of each record of a JSON list, a line each
	python3 -c 'import json, sys
for r in json.load(sys.stdin): print(r[sys.argv[1]])' "${1:-name}" \
		<"$W/out"
}

must tl init
# Added in an order of their own.
for n in "Örjan Ek" "Émile Roy" "Zoran Ali" "anna Alm" "Åsa Öberg" \
	"Bertil Ek" "Ärla Dahl" "Anna Alm" "Emil Roy" "Mehmet Üçer"; do
	must tl person add --name "$n" --kind official
done
run tl person list --format json
check_same "people list in Swedish order" "$(names | tr '\n' '|')" \
	"anna Alm|Anna Alm|Bertil Ek|Emil Roy|Émile Roy|Mehmet Üçer|Zoran Ali|Åsa Öberg|Ärla Dahl|Örjan Ek|"
run tl person list
check_same "... in the table too" "$(awk 'NR > 1 { print $2 }' "$W/out" |
	tr '\n' ' ')" "anna Anna Bertil Emil Émile Mehmet Zoran Åsa Ärla Örjan "
run tl export people --format csv
check_same "... and in a CSV export" "$(python3 -c 'import csv, sys
print("|".join(r["name"] for r in csv.DictReader(sys.stdin)))' <"$W/out")" \
	"anna Alm|Anna Alm|Bertil Ek|Emil Roy|Émile Roy|Mehmet Üçer|Zoran Ali|Åsa Öberg|Ärla Dahl|Örjan Ek"

for u in "Äldreomsorgen" "Arbetsmarknadsenheten" "Zonterapi" \
	"Överförmyndaren" "Socialförvaltningen" "Utbildningsförvaltningen" \
	"Ångestmottagningen"; do
	must tl unit add --name "$u" --kind department
done
run tl unit list --format json
check_same "units list in Swedish order" "$(names | tr '\n' '|')" \
	"Arbetsmarknadsenheten|Socialförvaltningen|Utbildningsförvaltningen|Zonterapi|Ångestmottagningen|Äldreomsorgen|Överförmyndaren|"
U=$(json_value "$W/out" '$[5].id')
must tl unit edit "$U" --name "Aktivitetshuset"
run tl unit list --format json
check_same "... a new name sorts by itself" "$(names | sed -n 1,2p | tr '\n' '|')" \
	"Aktivitetshuset|Arbetsmarknadsenheten|"

# ---- composed on the way in, found either way ----------------------------
RING=$(printf '\314\212')       # U+030A COMBINING RING ABOVE
DIAER=$(printf '\314\210')      # U+0308 COMBINING DIAERESIS
must tl person add --name "A${RING}ke O${DIAER}st" --kind official
run tl person show "Åke Öst" --format json
check_same "a name typed decomposed is stored composed" \
	"$(json_value "$W/out" '$.name')" "Åke Öst"
run tl person show "A${RING}ke O${DIAER}st"
check_grep "... and found by the decomposed form too" "^Name: +Åke Öst$"
run tl search "O${DIAER}st"
check_grep "... and by a search typed decomposed" "Åke Öst"

# ---- found whatever the case and accents, and inside a word -------------
run tl person show "åsa öberg"
check_grep "a name in lower case is found" "^Name: +Åsa Öberg$"
run tl person show "ASA OBERG"
check_grep "... and without its accents" "^Name: +Åsa Öberg$"
run tl person show "ucer"
check_grep "... and from a part of it" "^Name: +Mehmet Üçer$"
run tl unit show "socialförv"
check_grep "a unit from inside its compound name" \
	"^Name: +Socialförvaltningen$"
run tl unit show "förvaltningen"
check_err "several names hold it: they are named" 1 \
	"\"förvaltningen\" is in the names of 2 units: [0-9a-f]{8} Socialförvaltningen, [0-9a-f]{8} Utbildningsförvaltningen; give more of the name, or the id\.$"
run tl person show "anna alm"
check_err "two names alike but for case: both are named" 1 \
	"is in the names of 2 people: .*anna Alm.*Anna Alm"
run tl person show "Anna Alm" --format json
check_same "... and the exact name still finds its one" \
	"$(json_value "$W/out" '$.name')" "Anna Alm"
run tl person show "Qvist"
check_err "nothing holds it" 1 '^tillit: No person matches "Qvist"\.$'
run tl followup add --text "Ring upp" --owner "öberg" --due 2026-12-01
check_rc "an option's reference found the same way" 0
run tl followup list --owner "ÅSA" --format json
check_same "... and a filter's" "$(names text)" "Ring upp"

# ---- principles by their Swedish names ----------------------------------
must tl unit add --name "Kommunstyrelsen" --kind board
must tl meeting add --title "KS i december" --kind committee \
	--unit Kommunstyrelsen --starts-at "2026-12-17 09:00"
must tl series add --title "Ärendeberedning" --kind committee \
	--unit Kommunstyrelsen
run tl series show "arendeberedning"
check_grep "a series by its title, accents or none" "^Title: +Ärendeberedning$"
run tl meeting show "ks i dec"
check_grep "a meeting by a part of its title" "^Title: +KS i december$"
run tl item add --meeting "KS i december" --title "Riktlinjer" \
	--tags "Rättssäkerhet, tillit, Transparens"
check_rc "principles given by their Swedish names" 0
run tl item list --format json
check_same "... stored as their keys" "$(names tags)" \
	"rattssakerhet,tillit,transparens"

# ---- a choice in the reader's language ------------------------------------
SV="env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv"
run $SV "$TILLIT" --db "$DB" meeting list
check_grep "in Swedish a list shows a meeting's kind and status in Swedish" \
	'^[0-9a-f]{8} +2026-12-17 09:00 +nämnd +planerad +KS i december$'
run tl meeting list
check_grep "... and in English as stored" \
	'^[0-9a-f]{8} +2026-12-17 09:00 +committee +planned +KS i december$'
run $SV "$TILLIT" --db "$DB" meeting list --kind Nämnd --format json
check_same "a filter takes the Swedish name, in any case" "$(names title)" \
	"KS i december"
run $SV "$TILLIT" --db "$DB" meeting add --title "Samtal" \
	--kind Medarbetarsamtal --unit Kommunstyrelsen \
	--starts-at "2026-12-18 09:00"
check_rc "... and so does a field" 0
run tl meeting show "Samtal" --format json
check_same "... stored as the choice itself" "$(json_value "$W/out" '$.kind')" \
	"one_to_one"
run tl meeting list --kind meeting
check_err "a kind that is none is refused, naming them" 1 \
	'is not one of one_to_one, committee, dialogue, forum\.$'

# ---- the protokoll's list of those present -------------------------------
for who in "Örjan Ek:chair" "Zoran Ali:member" "Åsa Öberg:member" \
	"anna Alm:member" "Ärla Dahl:member" "Bertil Ek:secretary"; do
	must tl participant add --meeting "KS i december" \
		--person "${who%%:*}" --role "${who#*:}" --attendance present
done
run tl export minutes "KS i december" --format txt
check_grep "the members present in Swedish order" \
	"anna Alm.*Zoran Ali.*Åsa Öberg.*Ärla Dahl"

# ---- weekdays and weeks as dates (the clock: Monday 23 November 2026) ----
run tl followup add --text "Veckodag" --owner "Åsa Öberg" --due fredag
check_rc "a weekday as a date" 0
run tl followup add --text "Vecka" --owner "Åsa Öberg" --due "v 50"
check_rc "a week as a date" 0
run tl meeting add --title "Avstämning" --kind one_to_one \
	--unit Kommunstyrelsen --starts-at "nästa vecka 10:00"
check_rc "next week with a time of day" 0
run tl followup list --owner "Åsa Öberg" --format json
check_same "... fredag is the 27th, v 50 its Monday the 7th" \
	"$(python3 -c 'import json, sys
print(" ".join(r["text"] + "=" + r["due"] for r in json.load(sys.stdin)))' \
	<"$W/out")" "Veckodag=2026-11-27 Ring upp=2026-12-01 Vecka=2026-12-07"
run tl meeting show "Avstämning" --format json
check_same "... nästa vecka is Monday the 30th" \
	"$(json_value "$W/out" '$.starts_at')" "2026-11-30 10:00"
run tl followup add --text "x" --owner "Åsa Öberg" --due "2027-W53"
check_err "a week that does not exist" 1 \
	'^tillit: due: "2027-W53" is not a real week\.$'

# ---- the pick-list -------------------------------------------------------
cat >"$W/script" <<SCRIPT
key 6
key f
key p
type ucer
dump
key Enter
dump
SCRIPT
run tl ui --script "$W/script" --size 100x30
if [ "$RC" = 0 ] && grep -q "Mehmet Üçer" "$W/out"; then
	pass "the pick-list finds Üçer from 'ucer'"
else
	fail "the pick-list finds Üçer from 'ucer'" "$(head -c 2000 "$W/out")"
fi
cat >"$W/script" <<SCRIPT
key 6
key f
key p
type ÖBERG
key Enter
dump
SCRIPT
run tl ui --script "$W/script" --size 100x30
if [ "$RC" = 0 ] && grep -q "Ring upp" "$W/out"; then
	pass "... and Åsa Öberg from 'ÖBERG', whose follow-up is listed"
else
	fail "... and Åsa Öberg from 'ÖBERG', whose follow-up is listed" \
		"$(head -c 2000 "$W/out")"
fi

# ---- the key-hint bar in Swedish -----------------------------------------
printf 'key 6\ndump\n' >"$W/script"
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" ui \
	--script "$W/script" --size 120x30
hints=$(grep '^ Enter ' "$W/out")
check_same "the hint bar of a list, in Swedish" "$hints" \
	" Enter öppna  a ny  e ändra  f filtrera  d klar  x stäng  X exportera  o ny ansvarig  ? hjälp  q tillbaka"
run tl ui --script "$W/script" --size 120x30
check_grep "... and in English, the actions' names" \
	'^ Enter open  a new  e edit  f filter  d done  x close  X export  o reassign  n find-next  \? help  q back$'

# ---- a name changed behind tillit's back ---------------------------------
if sqlite_only "a name changed with sqlite3 sorts by it once tillit writes"; then
	dbsql "UPDATE people SET name = 'Östen Alm' WHERE name = 'anna Alm';"
	must tl person add --name "Berit Ny" --kind official
	run tl person list --format json
	check_same "a name changed with sqlite3 sorts by it once tillit writes" \
		"$(names | tail -n 1)" "Östen Alm"
fi
# ---- amounts in the reader's digit grouping ----------------------------
must tl frame add --description "Budget för vikarier" --kind budget \
	--amount "1250000,5" --amount-unit SEK --holder-person "Åsa Öberg" -q
FR=$(last_id)
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" frame show "$FR"
nb=$(printf '\342\200\257') # U+202F, sv_SE's grouping
check_grep "an amount in Swedish digit grouping (narrow no-break spaces)" \
	"^Belopp: +1${nb}250${nb}000,50\$"
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" frame list
check_grep "... in the table too" " 1${nb}250${nb}000,50 +SEK"
run tl frame show "$FR"
check_grep "... and none where the locale groups none (C)" \
	'^Amount: +1250000.50$'
run env LC_ALL=sv_SE.UTF-8 "$TILLIT" --db "$DB" frame show "$FR" --format json
check_same "... while JSON keeps the stored value" \
	"$(json_value "$W/out" '$.amount')" 1250000.5
must tl frame edit "$FR" --amount "2 500 000"
run tl frame show "$FR" --format json
check_same "... and what the table shows is taken back as typed" \
	"$(json_value "$W/out" '$.amount')" 2500000

done_testing
