#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# A form that a signal interrupts (issue 5, point 3): when the terminal
# hangs up (SIGHUP) or tillit gets SIGTERM while a form is open, what was
# typed is kept as a draft next to the database (mode 0600), the terminal
# is given back, and the next start offers the draft: Enter opens the
# form again with what was typed, Esc throws it away.  Runs in tmux.
. "$(dirname "$0")/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "ok - tmux tests # SKIP tmux is not installed"
	exit 0
fi

must tl init
must tl person add --name "Björn Åkesson" --kind employee -q
# Beside the database file; a server's database has none, and its
# drafts go to the data folder, named by a hash of the connection string.
DRAFTS=$(drafts_dir)

# Each start gets a server of its own, so that one shutting down cannot
# race the next.
n=0
t() { tmux -S "$W/tmux$n" "$@"; }
trap 't kill-server 2>/dev/null; lib_cleanup' EXIT

# start: tillit in a fresh tmux session, after a marker line.
start() {
	t kill-server 2>/dev/null
	n=$((n + 1))
	t new-session -d -x 100 -y 30 \
		"env TILLIT_NOW='$TILLIT_NOW' TZ=$TZ LC_ALL=C.UTF-8 \
		TERM=xterm-256color sh -c 'echo BEFORE-TILLIT; \
		\"$TILLIT\" --db \"$DB\"; echo EXIT=\$?; sleep 30'"
}
# wait_for TEXT: until the screen shows TEXT (about 10 s at most, for
# slow runs under valgrind).
wait_for() {
	for _ in $(seq 50); do
		t capture-pane -p >"$W/pane" 2>/dev/null
		grep -q -- "$1" "$W/pane" && return 0
		sleep 0.2
	done
	return 1
}
# wait_gone TEXT: until the screen no longer shows TEXT.
wait_gone() {
	for _ in $(seq 50); do
		t capture-pane -p >"$W/pane" 2>/dev/null
		grep -q -- "$1" "$W/pane" || return 0
		sleep 0.2
	done
	return 1
}
# The pid of tillit: the child of the pane's shell.
tillit_pid() {
	pgrep -P "$(t display -p '#{pane_pid}')" | head -n 1
}
# step NAME COMMAND...: a case that passes when COMMAND succeeds.
step() {
	name=$1
	shift
	if "$@"; then
		pass "$name"
	else
		fail "$name" "$(sed -n '1,12p' "$W/pane")"
	fi
}

# ---- SIGHUP in the follow-up form ---------------------------------------

start
step "tillit starts" wait_for Overview
t send-keys 6
wait_for "Follow-ups" >/dev/null
t send-keys a
step "a opens the follow-up form" wait_for "New follow-up"
t send-keys -l "Ring tillbaka om budgeten"
t send-keys Tab Tab Enter
wait_for "Up/Down choose" >/dev/null
t send-keys -l "Björn"
sleep 0.3
t send-keys Enter
wait_gone "Up/Down choose" >/dev/null
t send-keys Tab
t send-keys -l "+14d"
step "the form shows what was typed" wait_for "Ring tillbaka om budgeten"
pid=$(tillit_pid)
if [ -n "$pid" ]; then
	kill -HUP "$pid"
	step "SIGHUP ends tillit with status 129" wait_for "EXIT=129"
else
	fail "found the pid of tillit"
fi
t capture-pane -p >"$W/pane"
if grep -q BEFORE-TILLIT "$W/pane" && ! grep -q "New follow-up" "$W/pane" &&
	[ "$(t display -p '#{alternate_on}')" = 0 ]; then
	pass "the terminal is restored (main screen, shell output back)"
else
	fail "the terminal is restored" "$(cat "$W/pane")"
fi

set -- "$DRAFTS"/followup-*.json
draft=$1
if [ -f "$draft" ] && [ $# = 1 ]; then
	pass "one draft is kept next to the database"
else
	fail "one draft is kept next to the database" "$(ls -la "$DRAFTS" 2>&1)"
fi
same_mode() { [ "$(stat -c %a "$1" 2>/dev/null)" = "$2" ]; }
if same_mode "$draft" 600 && same_mode "$DRAFTS" 700; then
	pass "the draft is 0600 in a 0700 folder"
else
	fail "the draft is 0600 in a 0700 folder" \
		"$(stat -c '%a %n' "$draft" "$DRAFTS" 2>&1)"
fi
if grep -q '"text": "Ring tillbaka om budgeten"' "$draft" &&
	grep -q '"due": "+14d"' "$draft" &&
	grep -Eq '"owner": "[0-9a-f-]{36}"' "$draft"; then
	pass "the draft holds every field typed, by name"
else
	fail "the draft holds every field typed, by name" "$(cat "$draft")"
fi
run tl followup list --format csv
if [ "$(wc -l <"$W/out")" = 1 ]; then
	pass "nothing was saved to the database"
else
	fail "nothing was saved to the database"
fi

# ---- the next start offers it back --------------------------------------

start
step "the next start offers the draft" \
	wait_for "A draft of a follow-up was saved when tillit was closed"
step "the offer names what was typed" \
	wait_for "New follow-up: Ring tillbaka om budgeten"
step "the offer says Enter continues and Esc discards" \
	wait_for "Press Enter to continue editing it, or Esc to discard it"
t send-keys Enter
step "Enter opens the form with the typed text" wait_for "Text \* *Ring tillbaka om budgeten"
step "... and the owner chosen" wait_for "Owner \* *Björn Åkesson"
t send-keys C-x
step "C-x saves it" wait_for "Saved the follow-up"
run tl followup list
if grep -q "Ring tillbaka om budgeten" "$W/out" &&
	grep -q "2026-12-07" "$W/out" && grep -q "Björn Åkesson" "$W/out"; then
	pass "the follow-up from the draft is stored"
else
	fail "the follow-up from the draft is stored" "$(cat "$W/out")"
fi
if [ ! -e "$DRAFTS" ]; then
	pass "the draft is gone once saved"
else
	fail "the draft is gone once saved" "$(ls -la "$DRAFTS")"
fi
t send-keys Q
step "Q quits" wait_for "EXIT=0"

# ---- SIGTERM while editing, then Esc discards ---------------------------

start
wait_for Overview >/dev/null
t send-keys 6
wait_for "Ring tillbaka" >/dev/null
t send-keys e
step "e opens the edit form" wait_for "Edit follow-up"
t send-keys C-u
t send-keys -l "Ändrad text"
wait_for "Ändrad text" >/dev/null
kill -TERM "$(tillit_pid)"
step "SIGTERM ends tillit with status 143" wait_for "EXIT=143"
if grep -q '"id": "[0-9a-f-]\{36\}"' "$DRAFTS"/followup-*.json 2>/dev/null &&
	grep -q '"text": "Ändrad text"' "$DRAFTS"/followup-*.json; then
	pass "a draft of an edit keeps the record's id and the new text"
else
	fail "a draft of an edit keeps the record's id and the new text"
fi
start
step "the edit draft is offered" wait_for "Edit follow-up: Ändrad text"
t send-keys Escape
step "Esc throws it away" wait_for "The draft was thrown away"
if [ ! -e "$DRAFTS" ]; then
	pass "the discarded draft is removed"
else
	fail "the discarded draft is removed" "$(ls -la "$DRAFTS")"
fi
run tl followup list --format csv
check_grep "the stored record did not change" "Ring tillbaka om budgeten"
t send-keys Q
wait_for "EXIT=0" >/dev/null

# ---- a damaged draft is set aside, not lost -----------------------------

mkdir -m 700 "$DRAFTS"
echo '{"format":"tillit-draft", broken' >"$DRAFTS/followup-x.json"
start
step "a damaged draft is reported" wait_for "cannot be read"
if [ -f "$DRAFTS/followup-x.json.damaged" ] &&
	[ ! -e "$DRAFTS/followup-x.json" ]; then
	pass "a damaged draft is kept aside as .damaged"
else
	fail "a damaged draft is kept aside as .damaged" "$(ls -la "$DRAFTS")"
fi
t send-keys Q
wait_for "EXIT=0" >/dev/null

# ---- a symlink planted where the draft is written (issue 13) -------------
#
# Someone who can write the drafts folder puts a symbolic link where the
# draft's temporary file goes, pointing at another file of the user's:
# the draft is written all the same, and the other file stays as it was.

echo "precious" >"$W/victim"
rm -rf "$DRAFTS"
mkdir -m 700 "$DRAFTS"
start
wait_for Overview >/dev/null
t send-keys 6
wait_for "Follow-ups" >/dev/null
t send-keys a
wait_for "New follow-up" >/dev/null
t send-keys -l "Ett utkast"
step "the form shows what was typed, again" wait_for "Ett utkast"
pid=$(tillit_pid)
if [ -n "$pid" ]; then
	ln -s "$W/victim" "$DRAFTS/.draft-$pid.tmp"
	kill -HUP "$pid"
	wait_for "EXIT=" >/dev/null
else
	fail "found the pid of tillit, again"
fi
if [ "$(cat "$W/victim")" = "precious" ] && [ ! -L "$W/victim" ]; then
	pass "a planted symlink does not make tillit overwrite its target"
else
	fail "a planted symlink does not make tillit overwrite its target" \
		"$(head -c 200 "$W/victim")"
fi
set -- "$DRAFTS"/followup-*.json
if [ -f "$1" ] && [ ! -L "$1" ] && grep -q '"text": "Ett utkast"' "$1"; then
	pass "and the draft is kept, a file of its own"
else
	fail "and the draft is kept, a file of its own" "$(ls -la "$DRAFTS")"
fi

done_testing
