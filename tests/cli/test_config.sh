#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_config.sh - the configuration file (issue 17, point 5),
# $XDG_CONFIG_HOME/tillit/config: the default database, list columns, key
# bindings by action name, colours and theme; a bad line is one message
# naming the file and the line, exit status 1, and nothing is opened.
. "$(dirname "$0")/lib.sh"

CFG=$XDG_CONFIG_HOME/tillit/config
mkdir -p "$XDG_CONFIG_HOME/tillit"
conf() { printf '%s\n' "$@" >"$CFG"; }

must tl init --demo

# The default database, after --db and $TILLIT_DB.
if on_pg; then
	conf "set db = \"$DB\""
else
	mkdir -p "$W/home/nämnd"
	cp "$DB" "$W/home/nämnd/tillit.db"
	rm -f "$DB"
	must tl init
	conf "set db = ~/nämnd/tillit.db"
fi
run env HOME="$W/home" "$TILLIT" unit list --format csv
check_grep "set db names the database when --db is not given (~ is home)" \
	'Kommunfullmäktige'
run env HOME="$W/home" TILLIT_DB="$W/other.db" "$TILLIT" init
check_rc "\$TILLIT_DB comes before the file" 0
check_same "... and made its own database" "$(test -e "$W/other.db" &&
	echo made)" made
run env HOME="$W/home" "$TILLIT" --db "$W/third.db" init
check_same "--db comes before both" "$(test -e "$W/third.db" && echo made)" \
	made
if on_pg; then
	conf ""
else
	# Back to a database at $DB for the rest.
	cp "$W/home/nämnd/tillit.db" "$DB"
	conf ""
fi

# List columns, on the command line and in the full-screen program.
conf "# my columns" "columns followup status text   # no owner" ""
run tl followup list
check_rc "columns: a list with the columns of the file" 0
check_same "... in its order" "$(sed -n 1p "$W/out" | tr -s ' ')" \
	"ID Status Text"
conf "columns followups due owner"
printf '%s\n' "key 6" dump >"$W/script"
run "$TILLIT" --db "$DB" --as "Björn Åkesson" ui --script "$W/script" \
	--size 100x30
check_same "... the full-screen list too" \
	"$(sed -n 2p "$W/out" | tr -s ' ')" " ID Due Owner"

# Keys by action name: bound keys replace the action's own, and a key
# taken from another action is that one's no more.
conf "bind close F5" "bind search s" "bind help C-h F2"
printf '%s\n' "key 6" dump "key s" "type Åsa" "key Enter" dump "key q" \
	"key F2" dump "key q" "key ?" dump >"$W/script"
run "$TILLIT" --db "$DB" --as "Björn Åkesson" ui --script "$W/script" \
	--size 120x90
check_rc "bind: the program runs with the file's keys" 0
awk '/^----$/ { k++; next } k == 0' "$W/out" >"$W/d1"
awk '/^----$/ { k++; next } k == 1' "$W/out" >"$W/d2"
awk '/^----$/ { k++; next } k == 2' "$W/out" >"$W/d3"
awk '/^----$/ { k++; next } k == 3' "$W/out" >"$W/d4"
check_same "... the hint bar says F5 for close, C-h for help" \
	"$(grep -c 'F5 close.*C-h help' "$W/d1")" 1
check_same "... s searches" "$(sed -n 1p "$W/d2" | grep -c 'Search')" 1
check_same "... F2 opens the help, which lists the keys as bound" \
	"$(grep -c 'C-h, F2 .*Show the keys of this view' "$W/d3")" 1
check_same "... ? is no longer help" "$(grep -c 'Show the keys' "$W/d4")" 0

# A theme and colours: seen in tmux, as escape sequences.
# top_line: the title bar of the program started in tmux, with its
# escape sequences.
top_line() {
	S=tillit-config-$$
	tmux new-session -d -s "$S" -x 100 -y 30 \
		"env XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$TILLIT' --db '$DB'"
	sleep 1
	tmux capture-pane -t "$S" -p -e 2>/dev/null | sed -n 1p
	tmux kill-session -t "$S" 2>/dev/null
}
if command -v tmux >/dev/null; then
	conf "color title white red bold"
	check_same "color: the title bar in the file's colours (red)" \
		"$(top_line | grep -c '41m')" 1
	conf "set theme = mono"
	check_same "theme mono: no colour, the title bar in reverse" \
		"$(top_line | grep -c '4[0-7]m')" 0
else
	echo "ok - colours in tmux # SKIP no tmux"
fi

# A bad line: one message with the file and the line; nothing opened.
bad() { # NAME REGEX LINES...
	_name=$1 _re=$2
	shift 2
	conf "$@"
	rm -f "$W/never.db"
	run "$TILLIT" --db "$W/never.db" init
	check_err "$_name" 1 "config, line [0-9]+: $_re"
	check_same "... and nothing is made" \
		"$(test -e "$W/never.db" && echo made)" ""
}
bad "an unknown setting" "there is no setting 'dbb'" "# ok" "set dbb = x"
bad "an unknown theme" "there is no theme 'dark'" "set theme = dark"
bad "set without a value" "write it as 'set NAME = VALUE'" "set db ="
bad "an unknown line" "'hello' is not something the file can say" hello
bad "an unknown noun" "there is no kind of record called 'task'" "columns task text"
bad "an unknown field" "a follow-up has no field 'textt'" \
	"columns followup status textt"
bad "an unknown action" "there is no action 'clos'" "bind clos x"
bad "an unknown key" "'F13' is no key tillit knows" "bind close F13"
bad "a key bound twice" "F5 is bound to close already" \
	"bind close F5" "bind done F5"
bad "an unknown colour" "'blu' is neither a colour nor an attribute" \
	"color title red blu"
bad "an unknown role" "there is no role 'titel'" "color titel red"
bad "an open quote" 'a " is not closed' 'set db = "x'
conf "" "" "set theme = mono" "bind clos x"
run tl unit list
check_err "the line number counts every line" 1 'config, line 4:'

run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" unit list
check_err "in Swedish" 1 'config, rad 4: det finns ingen åtgärd'

# Completion never stops on the file.
run "$TILLIT" __complete unit
check_grep "completion answers whatever the file says" '^list$'

done_testing
