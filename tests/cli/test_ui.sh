#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The full-screen program, headless (a script of keys in, screen dumps
# out, compared with expected text at a fixed size) and in tmux (colour,
# NO_COLOR, and the terminal given back on quit and on signals).
. "$(dirname "$0")/lib.sh"

# ui SCRIPT-LINES...: runs the program on $DB with those script lines.
ui() {
	printf '%s\n' "$@" >"$W/script"
	"$TILLIT" --db "$DB" --as "Björn Åkesson" ui --script "$W/script" \
		--size 100x30 >"$W/out" 2>"$W/err"
	RC=$?
}

# The n-th dump (1-based) of the last run, normalised.
dump() {
	awk -v n="$1" '/^----$/ { k++; next } k == n - 1' "$W/out" |
		normalize >"$W/dump"
}

check_dump() { # NAME N EXPECTED-FILE
	dump "$2"
	cp "$W/dump" "$W/out"
	check_out "$1" "$3"
}

# An empty database: the welcome screen offers the demo.
ui dump
check_dump "empty database shows the welcome screen" 1 ui_welcome.txt

# T fills it with the demo; the overview then shows what needs doing.
ui "key T" dump
check_dump "T fills the demo and shows the overview" 1 ui_overview.txt
run tl unit list --format csv
check_grep "the demo was stored" 'Kommunfullmäktige'

ui "key T" dump
dump 1
if grep -q "only into an empty database" "$W/dump"; then
	pass "T refuses demo data on a database with data"
else
	fail "T refuses demo data on a database with data"
fi

# Follow-ups, sorted by due date; Enter opens one.
ui "key 6" dump "key j Enter" dump
check_dump "follow-ups list" 1 ui_followups.txt
check_dump "Enter opens the selected follow-up" 2 ui_followup.txt

# G jumps to the end and g back; k/j and arrows move the same.
ui "key 6 G" dump "key g" dump
dump 1
if grep -q "Redovisa måluppfyllelse" "$W/dump"; then
	pass "G shows the last follow-up"
else
	fail "G shows the last follow-up"
fi

# A mouse click selects a line; Enter then opens it.
ui "key 6" "click 30 5" "key Enter" dump
dump 1
if grep -q "Skicka ut julschemat" "$W/dump" && grep -q "^ Follow-up:" "$W/dump"
then pass "a click selects a line"; else fail "a click selects a line" \
	"$(head -3 "$W/dump")"; fi

# The help screen comes from the table of actions.
ui "key ?" dump
dump 1
if grep -q "Help: Overview" "$W/dump" && grep -q "PageDown" "$W/dump"
then pass "? shows the keys of the view"; else fail "? shows the keys"; fi

# Too small a window gets a clear message, and comes back when enlarged.
ui "resize 40x12" dump "resize 100x30" dump
dump 1
if grep -q "enlarge" "$W/dump"; then pass "40x12 asks to enlarge the window"
else fail "40x12 asks to enlarge the window"; fi
dump 2
if grep -q "Overdue follow-ups" "$W/dump"; then
	pass "back at 100x30 the overview returns"
else
	fail "back at 100x30 the overview returns"
fi

# Control and escape sequences in stored text reach no terminal.  tillit
# refuses them in new text, so put them in as another program might.
# Eve works under Björn, so her follow-up is on his list.
must tl person add --name "Eve" --kind employee --unit "Hemtjänsten Norr"
must tl followup add --text "Rensa skärmen" --owner "Eve" --due 2020-01-01
if on_pg; then chr=chr; else chr=char; fi
dbsql "UPDATE people SET name = 'Eve ' || $chr(27) || ']2;x' ||
	$chr(7) WHERE name = 'Eve'; UPDATE followups SET text = 'Rensa ' ||
	$chr(27) || '[2J skärmen' WHERE text = 'Rensa skärmen';"
ui "key 6 g" dump
if grep -q "$(printf '\033')" "$W/out"; then
	fail "no escape byte reaches the screen"
else
	pass "no escape byte reaches the screen"
fi
if grep -q 'Rensa ^\[\[2J skärmen' "$W/out"; then
	pass "an escape sequence shows as visible characters"
else
	fail "an escape sequence shows as visible characters" \
		"$(grep Rensa "$W/out")"
fi

# doc/keys.md is made from the table of actions and must be current.
run "$TILLIT" ui --keys-md
if [ "$RC" = 0 ] && cmp -s "$W/out" "$HERE/../../doc/keys.md"; then
	pass "doc/keys.md matches the table of actions"
else
	fail "doc/keys.md matches the table of actions" \
		"regenerate it: tillit ui --keys-md > doc/keys.md"
fi

# In a real terminal (tmux): colour unless NO_COLOR, and the terminal
# comes back on quit and on SIGTERM.
if command -v tmux >/dev/null 2>&1; then
	n=0
	t() { tmux -S "$W/tmux$n" "$@"; }
	start() { # ENV...
		t kill-server 2>/dev/null
		n=$((n + 1))
		t new-session -d -x 100 -y 30 \
			"env $* TILLIT_NOW='$TILLIT_NOW' TZ=$TZ LC_ALL=C.UTF-8 \
			TERM=xterm-256color sh -c 'echo BEFORE-TILLIT; \
			\"$TILLIT\" --db \"$DB\" --as Björn; echo EXIT=\$?; \
			sleep 30'"
		for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20
		do
			t capture-pane -p 2>/dev/null | grep -q Overview && break
			sleep 0.2
		done
	}
	start
	t capture-pane -p -e >"$W/pane"
	# A colour is SGR 30-37, 40-47 or 38;5/48;5; 39 and 49 are defaults.
	colour='\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]'
	if grep -q "Overview" "$W/pane" && grep -Eq "$colour" "$W/pane"; then
		pass "tmux: the overview in colour"
	else
		fail "tmux: the overview in colour" "$(head -3 "$W/pane")"
	fi
	t send-keys q
	sleep 0.5
	t capture-pane -p >"$W/pane"
	if grep -q "BEFORE-TILLIT" "$W/pane" && grep -q "EXIT=0" "$W/pane" &&
		! grep -q "Overview" "$W/pane"; then
		pass "tmux: q gives the terminal back"
	else
		fail "tmux: q gives the terminal back" "$(cat "$W/pane")"
	fi

	# Live data: a change made by another program shows within a second.
	start
	t send-keys 6
	sleep 0.3
	"$TILLIT" --db "$DB" followup add --text "Ny punkt från en annan terminal" \
		--owner "Björn Åkesson" --due 2026-11-24 >/dev/null 2>&1
	seen=no
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		sleep 0.2
		if t capture-pane -p | grep -q "Ny punkt från en annan"; then
			seen=yes
			break
		fi
	done
	if [ $seen = yes ]; then
		pass "tmux: a change from the CLI shows within two seconds"
	else
		fail "tmux: a change from the CLI shows within two seconds"
	fi
	t send-keys q q
	sleep 0.3

	start NO_COLOR=1
	t capture-pane -p -e >"$W/pane"
	if grep -q "Overview" "$W/pane" && ! grep -Eq "$colour" "$W/pane"; then
		pass "tmux: NO_COLOR gives a screen without colour"
	else
		fail "tmux: NO_COLOR gives a screen without colour"
	fi
	pkill -TERM -f -- "--db $DB --as Björn" 2>/dev/null
	sleep 0.5
	t capture-pane -p >"$W/pane"
	if grep -q "BEFORE-TILLIT" "$W/pane" && grep -q "EXIT=143" "$W/pane"
	then
		pass "tmux: SIGTERM restores the terminal"
	else
		fail "tmux: SIGTERM restores the terminal" "$(cat "$W/pane")"
	fi
	t kill-server 2>/dev/null
else
	echo "ok - tmux tests # SKIP tmux is not installed"
fi

done_testing
