#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_concurrency.sh - the short form of
# tests/reliability/concurrency.sh for `make test` (10 seconds, 3
# writers); in the PostgreSQL pass (TILLIT_TEST_BACKEND=pg) its
# PostgreSQL form, on a database of the suite's server.  `make
# reliability` runs the long forms and writes doc/reliability.md.
exec sh "$(dirname "$0")/../reliability/concurrency.sh" 10 3
