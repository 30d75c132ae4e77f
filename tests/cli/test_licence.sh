#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# backend: none (reads the source tree, not a database)
# tests/cli/test_licence.sh - tillit is licensed EUPL-1.2 (issue 17,
# point 7): the licence's text is in LICENSE, and every source file (C,
# shell, Python, the Makefile, CI's script, the man page) says so in an
# SPDX line near its top, so that a file copied out of the tree still
# carries its licence.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$HERE/../.." && pwd)
if head -n 1 "$ROOT/LICENSE" | grep -q '^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2$' &&
	grep -q "Appendix" "$ROOT/LICENSE"; then
	pass "LICENSE holds the EUPL-1.2, whole"
else
	fail "LICENSE holds the EUPL-1.2, whole" "$(head -n 2 "$ROOT/LICENSE")"
fi
if [ -d "$ROOT/.git" ] && command -v git >/dev/null 2>&1; then
	(cd "$ROOT" && git ls-files) >"$W/files"
else
	(cd "$ROOT" && find src include tools tests scripts bench .ci Makefile \
		doc/tillit.1 -type f 2>/dev/null) >"$W/files"
fi
grep -E '\.(c|h|sh|py)$|^\.ci/run$|^Makefile$|^doc/tillit\.1$' "$W/files" |
	grep -v '^tests/fuzz/corpus/' >"$W/sources"
: >"$W/missing"
while IFS= read -r f; do
	head -n 3 "$ROOT/$f" | grep -q 'SPDX-License-Identifier: EUPL-1\.2' ||
		echo "$f" >>"$W/missing"
done <"$W/sources"
if [ -s "$W/sources" ] && [ ! -s "$W/missing" ]; then
	pass "every source file carries its SPDX line ($(wc -l <"$W/sources") files)"
else
	fail "every source file carries its SPDX line" "$(head -n 10 "$W/missing")"
fi
done_testing
