#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_cli_color.sh - lists on a terminal colour their rows as
# the full-screen program does (issue 17, point 5): an overdue follow-up
# red, an unacknowledged frame yellow, a closed one faint; never into a
# pipe or a file, under TERM=dumb, or when NO_COLOR is set (no-color.org).
. "$(dirname "$0")/lib.sh"

command -v script >/dev/null 2>&1 || {
	echo "not ok - script (util-linux) is installed"
	exit 1
}
must tl init --demo
ESC=$(printf '\033')
# on_tty ARGS...: tillit on a terminal of its own (script's pty).
on_tty() {
	PAGER=cat script -qec "$(printf "'%s' " "$TILLIT" --db "$DB" "$@")" /dev/null |
		tr -d '\r' >"$W/out"
	RC=$?
}

# An overdue follow-up of the demo, and a closed one.
OVER=$(tl followup list --overdue --format csv | sed -n '2p' | cut -c1-8)
DONE=$(tl followup list --format csv | grep ',done,' | head -n 1 | cut -c1-8)
on_tty followup list
check_grep "an overdue row is red on a terminal" "^${ESC}\[31m$OVER .*${ESC}\[m$"
check_grep "a done one faint" "^${ESC}\[2m$DONE .*${ESC}\[m$"
if grep -q "^ID " "$W/out"; then
	pass "... and the header plain"
else
	fail "... and the header plain" "$(cat -v "$W/out" | head -3)"
fi
on_tty frame list
check_grep "an unacknowledged frame is yellow" "^${ESC}\[33m"

run tl followup list
if [ "$RC" = 0 ] && ! grep -q "$ESC" "$W/out" && grep -q "^$OVER " "$W/out"; then
	pass "no colour into a pipe"
else
	fail "no colour into a pipe" "$(cat -v "$W/out" | head -3)"
fi
NO_COLOR=1 on_tty followup list
if ! grep -q "$ESC" "$W/out" && grep -q "^$OVER " "$W/out"; then
	pass "none when NO_COLOR is set"
else
	fail "none when NO_COLOR is set" "$(cat -v "$W/out" | head -3)"
fi
TERM=dumb on_tty followup list
if ! grep -q "$ESC" "$W/out" && grep -q "^$OVER " "$W/out"; then
	pass "none on a dumb terminal"
else
	fail "none on a dumb terminal" "$(cat -v "$W/out" | head -3)"
fi
done_testing
