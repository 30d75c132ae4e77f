#!/bin/sh
# backend: sqlite-only (a file of its own, checked by sqlite3)
# tests/cli/test_concurrency.sh - the short form of tests/reliability/concurrency.sh for
# `make test` (10 seconds); `make reliability` runs the long form and
# writes doc/reliability.md.
exec sh "$(dirname "$0")/../reliability/concurrency.sh" 10
