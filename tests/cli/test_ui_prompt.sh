#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_ui_prompt.sh - the status line's prompts as a user meets
# them in a terminal (issue 17, point 3): one key answers a yes/no
# question (no Enter), and a one-line input longer than the line scrolls
# so that the end, where the cursor is, stays in view.
. "$(dirname "$0")/lib.sh"

command -v tmux >/dev/null 2>&1 || {
	echo "ok - prompts in a terminal # SKIP tmux is not installed"
	exit 0
}
must tl init --demo

t() { tmux -S "$W/tmux" "$@"; }
screen_has() { # TEXT [TRIES]: the screen shows TEXT within TRIES × 0.1 s
	i=0
	while [ "$i" -lt "${2:-30}" ]; do
		t capture-pane -p | grep -q -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
t new-session -d -x 100 -y 30 "env TILLIT_NOW='$TILLIT_NOW' TZ=$TZ \
	LC_ALL=C.UTF-8 TERM=xterm-256color '$TILLIT' --db '$DB'; sleep 30"
screen_has Overview 50 || fail "the program starts" "$(t capture-pane -p)"

# A search longer than the line: its end stays in view.
t send-keys /
screen_has "Search:" || fail "the search asks" "$(t capture-pane -p)"
t send-keys -l "abcdefghijklmnopqrstuvwxyz-0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz-0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ"
if screen_has "Search: ….*UVWXYZ *$"; then
	pass "a long input scrolls: its end, where one types, is in view"
else
	fail "a long input scrolls: its end, where one types, is in view" \
		"$(t capture-pane -p | tail -3)"
fi
t send-keys BSpace BSpace BSpace
if screen_has "Search: ….*RSTUVW *$"; then
	pass "... and follows the cursor back"
else
	fail "... and follows the cursor back" "$(t capture-pane -p | tail -3)"
fi
t send-keys Escape

# A question answered with one key: the filter's letter opens its own
# question at once.
t send-keys 6
screen_has "Follow-ups" || fail "the follow-ups open" "$(t capture-pane -p)"
t send-keys f
screen_has "Filter: (o)pen only" || fail "the filter asks" \
	"$(t capture-pane -p)"
t send-keys k
if screen_has "Kind (" 20; then
	pass "one key answers a letter menu, without Enter"
else
	fail "one key answers a letter menu, without Enter" \
		"$(t capture-pane -p | tail -3)"
fi
t send-keys Escape
t kill-server 2>/dev/null
done_testing
