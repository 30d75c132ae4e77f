#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# backend: pg-only (a server connection that is lost and made again)
# The full-screen program on a PostgreSQL server whose connection is cut
# (the server ends its session, as a restart or a network failure
# would): the status line says so in one sentence, the program connects
# again by itself, and what was being typed in a form is kept and saved.
. "$(dirname "$0")/lib.sh"

command -v tmux >/dev/null 2>&1 || {
	echo "ok - reconnect # SKIP tmux is not installed"
	exit 0
}
must tl init
must tl person add --name "Björn Åkesson" --kind manager

# cut: ends the full-screen program's sessions on the server.
dbname=${DB##*dbname=}
cut() {
	psql -qXAt "$TILLIT_TEST_PG" -c "SELECT count(pg_terminate_backend(pid))
		FROM pg_stat_activity WHERE datname = '$dbname' AND
		application_name = 'tillit'" >"$W/cut"
}
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
	LC_ALL=C.UTF-8 TERM=xterm-256color '$TILLIT' --db '$DB' \
	--as 'Björn Åkesson'; sleep 30"
screen_has Overview 50 || fail "the program starts" "$(t capture-pane -p)"

# Cut while nothing is under way: the next look reconnects, no error.
t send-keys 6
screen_has "Follow-ups"
cut
if [ "$(cat "$W/cut")" = 1 ]; then pass "the server ends the program's session"
else fail "the server ends the program's session" "$(cat "$W/cut")"; fi
tl followup add --text "Skriven medan anslutningen var bruten" \
	--owner "Björn Åkesson" -q >/dev/null
if screen_has "Skriven medan anslutningen" 30; then
	pass "after the cut, another program's change still shows"
else
	fail "after the cut, another program's change still shows" \
		"$(t capture-pane -p | tail -3)"
fi

# Typing in a form while the connection is cut: the text is kept, and
# saving it works once the program has connected again.
t send-keys a
screen_has "Text" 30 || fail "the add form opens" "$(t capture-pane -p)"
t send-keys -l "Följ upp efter avbrottet"
cut
sleep 0.7
t send-keys Tab Tab Enter
sleep 0.3
t send-keys -l "Björn"
sleep 0.3
t send-keys Enter
sleep 0.3
t send-keys C-x
if screen_has "Följ upp efter avbrottet" 30 &&
	tl followup list --format csv | grep -q "Följ upp efter avbrottet"; then
	pass "what was typed during the cut is saved"
else
	fail "what was typed during the cut is saved" "$(t capture-pane -p)"
fi
t capture-pane -p >"$W/pane"
if grep -qi "host=\|user=tillit\|dbname=" "$W/pane"; then
	fail "the screen never shows the connection string" "$(cat "$W/pane")"
else
	pass "the screen never shows the connection string"
fi
t kill-server 2>/dev/null
done_testing
