#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_crash.sh - the short form of tests/reliability/crash.sh for
# `make test`: 20 kills; in the PostgreSQL pass (TILLIT_TEST_BACKEND=pg)
# its PostgreSQL form, on a server of its own, which is crashed and
# restarted every 5th round (4 times).  `make reliability` runs the long
# forms and writes doc/reliability.md.
exec sh "$(dirname "$0")/../reliability/crash.sh" 20 5
