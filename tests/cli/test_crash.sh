#!/bin/sh
# backend: sqlite-only (SIGKILL mid-write, the file checked by sqlite3)
# tests/cli/test_crash.sh - the short form of tests/reliability/crash.sh for
# `make test` (20 kills); `make reliability` runs the long form and
# writes doc/reliability.md.
exec sh "$(dirname "$0")/../reliability/crash.sh" 20
