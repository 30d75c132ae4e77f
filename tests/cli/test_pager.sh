#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_pager.sh - long output goes through a pager when it goes
# to a terminal (issue 17, point 5): $TILLIT_PAGER, else $PAGER, else
# less; "cat" or empty pages nothing; never into a pipe; errors stay on
# standard error; the table keeps the terminal's width and colour.
. "$(dirname "$0")/lib.sh"

command -v script >/dev/null 2>&1 || {
	echo "not ok - script (util-linux) is installed"
	exit 1
}
must tl init --demo
ESC=$(printf '\033')
# on_tty ARGS...: tillit on a terminal of its own, 120 columns wide.
on_tty() {
	script -qec "stty cols 120 2>/dev/null; $(printf "'%s' " "$TILLIT" \
		--db "$DB" "$@")" /dev/null | tr -d '\r' >"$W/out"
	RC=$?
}
MARK="sed 's/^/paged: /'"

PAGER=$MARK on_tty followup list
check_grep "a list on a terminal goes through \$PAGER" '^paged: ID +Due'
check_grep "... which gets the terminal's colour" "^paged: ${ESC}\[31m"
if awk 'length > 100' "$W/out" | grep -q .; then
	pass "... and its width, not a pipe's"
else
	fail "... and its width, not a pipe's" "$(head -3 "$W/out")"
fi
TILLIT_PAGER=$MARK PAGER=false on_tty meeting show \
	"Barn- och utbildningsnämndens sammanträde"
check_grep "\$TILLIT_PAGER comes first, and show is paged" '^paged: Title: '
PAGER=$MARK on_tty export minutes "Barn- och utbildningsnämndens sammanträde" \
	--format txt
check_grep "the minutes exported to the screen are paged" '^paged: '
PAGER=cat on_tty followup list
if grep -q '^ID ' "$W/out" && ! grep -q '^paged' "$W/out"; then
	pass "PAGER=cat pages nothing"
else
	fail "PAGER=cat pages nothing" "$(head -3 "$W/out")"
fi
PAGER= on_tty followup list
if grep -q '^ID ' "$W/out"; then
	pass "... nor does an empty PAGER"
else
	fail "... nor does an empty PAGER" "$(head -3 "$W/out")"
fi
PAGER=$MARK run tl followup list
if [ "$RC" = 0 ] && grep -q '^ID ' "$W/out" && ! grep -q paged "$W/out"; then
	pass "never into a pipe"
else
	fail "never into a pipe" "$(head -3 "$W/out")"
fi
PAGER=$MARK script -qec "$(printf "'%s' " "$TILLIT" --db "$DB" followup \
	list --owner Nobody)" /dev/null 2>&1 | tr -d '\r' >"$W/out"
if grep -q "^tillit: " "$W/out" && ! grep -q "^paged: tillit" "$W/out"; then
	pass "an error is not paged"
else
	fail "an error is not paged" "$(cat "$W/out")"
fi
done_testing
