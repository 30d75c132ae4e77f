#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# backend: none (no database: the source tree and its scripts)
# The package lists of scripts/deps.sh: every make target that installs
# what it needs (build, test, fuzz, bench) has its own list, and a target
# the script does not know is a usage error, not a silent "nothing to
# install" (make bench once ran with no peers installed that way).
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$HERE/../.." && pwd)

run sh "$ROOT/scripts/deps.sh" --list bench
check_rc "deps.sh --list bench runs" 0
for pkg in hyperfine taskwarrior calcurse time libsqlite3-dev; do
	check_grep "make bench installs $pkg" "^$pkg\$"
done

run sh "$ROOT/scripts/deps.sh" --list test
check_grep "make test installs tmux" '^tmux$'
check_grep "make test installs the build's packages too" '^libncurses-dev$'

run sh "$ROOT/scripts/deps.sh" --list build
# Signing runs ssh-keygen (tl_sshsig_sign_file), and its tests do too.
check_grep "make run installs OpenSSH's client" '^openssh-client$'
if grep -q '^hyperfine$' "$W/out"; then
	fail "make run installs no benchmark peer" "$(cat "$W/out")"
else
	pass "make run installs no benchmark peer"
fi

run sh "$ROOT/scripts/deps.sh" --list benchmark
if [ "$RC" = 2 ] && grep -q 'deps.sh: unknown target' "$W/err"; then
	pass "deps.sh refuses a target it does not know"
else
	fail "deps.sh refuses a target it does not know" "rc $RC" \
		"$(cat "$W/err")"
fi

done_testing
