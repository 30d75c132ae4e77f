#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_did_you_mean.sh - a mistyped command, action or option
# gets the nearest one suggested (issue 17, point 5), and only when one is
# near: a word far from every name, or a right name used wrongly, gets the
# plain sentence.
. "$(dirname "$0")/lib.sh"

must tl init
run tl meetng list
check_err "a mistyped command" 2 \
	"^tillit: Unknown command 'meetng'; did you mean 'meeting'\? Try 'tillit --help'\.$"
run tl exprot minutes x
check_err "... two letters swapped" 2 "did you mean 'export'\?"
run tl followups lsit
check_err "a mistyped action" 2 \
	"^tillit: Unknown action 'lsit' for follow-ups; did you mean 'list'\? Try 'tillit followup --help'\.$"
run tl meeting list --ownr x
check_err "a mistyped option" 2 \
	"^tillit: Unknown option '--ownr'; did you mean '--owner'\? Try 'tillit meeting list --help'\.$"
run tl meeting add --tilte x
check_err "... of an action that adds" 2 "did you mean '--title'\?"
run tl frobnicate
check_err "nothing near: no suggestion" 2 \
	"^tillit: Unknown command 'frobnicate'\. Try 'tillit --help'\.$"
run tl followup list --quiet=x
check_err "a right name used wrongly gets no suggestion of itself" 2 \
	"^tillit: Unknown option '--quiet'\."
run env LC_ALL=sv_SE.UTF-8 LANGUAGE=sv "$TILLIT" --db "$DB" meetng
check_err "in Swedish" 2 'menade du ”meeting”\?'
done_testing
