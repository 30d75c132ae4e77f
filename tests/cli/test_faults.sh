#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# backend: sqlite-only (full disks, read-only and damaged database files)
# tests/cli/test_faults.sh - tests/reliability/faults.sh (full disk,
# read-only and damaged files, privacy) in `make test`; `make
# reliability` runs it too and writes doc/reliability.md.
exec sh "$(dirname "$0")/../reliability/faults.sh"
