#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/lib_tmux.sh - the full-screen program in a real terminal
# (tmux), for the tests that drive it key by key as a person would;
# sourced after lib.sh.  A script without tmux is skipped whole.  Every
# tmux server has a socket of its own in the scratch folder and is
# killed at the end.  The screen is polled until the text a step waits
# for is there (at most $WAIT tenths of a second), never read after a
# fixed sleep.
# shellcheck shell=sh

if ! command -v tmux >/dev/null 2>&1; then
	echo "ok - the program in tmux # SKIP tmux missing"
	exit 0
fi
unset TMUX TMUX_PANE

WAIT=${WAIT:-50}
SOCK=""
NSESS=0
trap 'stop; lib_cleanup' EXIT

t() {
	tmux -f /dev/null -S "$SOCK" "$@"
}

# stop: kills the tmux server of the current session, if any.
stop() {
	if [ -n "$SOCK" ]; then
		t kill-server 2>/dev/null
		SOCK=""
	fi
}

# start DB PERSON: tillit on DB as PERSON in a new tmux session of 100
# columns and $ROWS rows (30 unless set),
# on a socket of its own.  When tillit ends, the pane says EXIT=status.
start() {
	stop
	NSESS=$((NSESS + 1))
	SOCK=$W/tmux$NSESS
	cat >"$W/session$NSESS.sh" <<EOF
TILLIT_NOW='$TILLIT_NOW'
TZ=Europe/Stockholm
LC_ALL=C.UTF-8
TERM=xterm-256color
export TILLIT_NOW TZ LC_ALL TERM
unset LANG LANGUAGE NO_COLOR
'$TILLIT' --db '$1' --as '$2' 2>'$W/stderr$NSESS'
echo "EXIT=\$?"
sleep 120
EOF
	t new-session -d -x 100 -y "${ROWS:-30}" "sh '$W/session$NSESS.sh'"
}

# screen: the pane as text, in $W/pane.
screen() {
	t capture-pane -p >"$W/pane" 2>/dev/null
}

# wait_for REGEX: true once a line of the screen matches REGEX (extended),
# false after $WAIT tenths of a second.
wait_for() {
	i=0
	while [ "$i" -lt "$WAIT" ]; do
		screen
		grep -Eq -- "$1" "$W/pane" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# settle: waits until the screen stops changing (two captures 0.3 s
# apart are the same, or $WAIT tenths of a second pass), for checks that
# something is NOT shown: a screen half redrawn could still hold the
# previous view's lines (as it can under valgrind).
settle() {
	i=0
	screen
	while [ "$i" -lt "$WAIT" ]; do
		cp "$W/pane" "$W/pane.prev"
		sleep 0.3
		screen
		cmp -s "$W/pane" "$W/pane.prev" && return 0
		i=$((i + 3))
	done
	return 0
}

# see NAME REGEX: a case that passes when the screen comes to show REGEX;
# when it does not, it fails with the screen, and returns false so that
# the journey stops there.
see() {
	if wait_for "$2"; then
		pass "$1"
		return 0
	fi
	FAILED=$((FAILED + 1))
	echo "not ok - $1"
	echo "#   the screen never showed /$2/; it shows:"
	cat -s "$W/pane" | sed 's/^/#   | /'
	if [ -s "$W/stderr$NSESS" ]; then
		sed 's/^/#   stderr: /' "$W/stderr$NSESS"
	fi
	return 1
}

# keys KEY...: tmux key names (Enter, Tab, C-x, or one character each).
keys() {
	t send-keys "$@"
}

# typing TEXT: the characters of TEXT, as typed.
typing() {
	t send-keys -l -- "$1"
}
