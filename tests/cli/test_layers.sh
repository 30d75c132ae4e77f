#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# backend: none (no database: the source tree and its scripts)
# make check-layers (scripts/check-layers.sh) on a copy of the checkout:
# it passes as the tree is, and fails, naming the file and line, on each
# kind of break planted into the copy: an upward include, SQLite or
# ncurses outside their folders, an engine's private header used outside
# the engine, a header outside a layer folder, and two source files that
# include each other's headers.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$HERE/../.." && pwd)

# fresh: a new copy of what the check reads, in $W/tree.
fresh() {
	rm -rf "$W/tree"
	mkdir -p "$W/tree"
	for d in Makefile scripts src include tools; do
		[ -e "$ROOT/$d" ] && cp -R "$ROOT/$d" "$W/tree/"
	done
}

# layers NAME RC REGEX: make check-layers in the copy exits RC (0 or
# not 0), and its output matches REGEX.
layers() {
	make --no-print-directory -C "$W/tree" check-layers >"$W/out" 2>&1
	rc=$?
	if { [ "$2" = 0 ] && [ $rc = 0 ]; } ||
		{ [ "$2" != 0 ] && [ $rc != 0 ]; }; then
		if grep -Eq "$3" "$W/out"; then
			pass "$1"
			return
		fi
	fi
	fail "$1" "exit status $rc" "$(cat "$W/out")"
}

fresh
layers "check-layers passes on this tree" 0 '^check-layers: ok$'

fresh
printf '#include "tillit/ui/view.h"\n' >>"$W/tree/src/core/date.c"
layers "an upward include (core includes ui) fails" 1 \
	'src/core/date\.c:[0-9]+: core includes ui'

fresh
printf '#include "tillit/service/sign.h"\n' >>"$W/tree/src/store/store.c"
layers "store including a service fails" 1 \
	'src/store/store\.c:[0-9]+: store includes service'

fresh
printf '#include "tillit/ui/view.h"\n' >>"$W/tree/src/cli/cli.c"
layers "cli may start the full-screen program" 0 '^check-layers: ok$'

fresh
printf '#include "tillit/cli/cli.h"\n' >>"$W/tree/src/ui/lines.c"
layers "ui including cli fails" 1 'src/ui/lines\.c:[0-9]+: ui includes cli'

fresh
printf '#include <sqlite3.h>\n' >>"$W/tree/src/store/store.c"
layers "sqlite3.h outside src/store/sqlite fails" 1 \
	'src/store/store\.c:[0-9]+: <sqlite3\.h> outside src/store/sqlite'

fresh
printf '#include "sqlite/sqlite.h"\n' >>"$W/tree/src/store/record.c"
layers "the SQLite engine's own header outside its folder fails" 1 \
	'src/store/record\.c:[0-9]+: includes src/store/sqlite/sqlite\.h'

fresh
printf 'static void f(void) { sqlite3_free(0); }\n' >>"$W/tree/src/ui/lines.c"
layers "an SQLite call outside src/store/sqlite fails" 1 \
	'src/ui/lines\.c: calls SQLite'

fresh
printf '#include <curses.h>\n' >>"$W/tree/src/export/ical.c"
layers "curses outside src/ui fails" 1 'src/export/ical\.c:[0-9]+: <curses\.h>'

fresh
printf '#ifndef X\n#define X\n#endif\n' >"$W/tree/include/tillit/flat.h"
layers "a header outside a layer folder fails" 1 \
	'include/tillit/flat\.h: a public header outside a layer folder'

fresh
for m in aa bb; do
	printf '#ifndef T_%s\n#define T_%s\nvoid %s(void);\n#endif\n' \
		$m $m $m >"$W/tree/include/tillit/core/$m.h"
done
printf '#include "tillit/core/aa.h"\n#include "tillit/core/bb.h"\n' \
	>"$W/tree/src/core/aa.c"
printf '#include "tillit/core/bb.h"\n#include "tillit/core/aa.h"\n' \
	>"$W/tree/src/core/bb.c"
layers "two modules that include each other's headers fail" 1 \
	'include circle'
if grep -q 'core/aa' "$W/out" && grep -q 'core/bb' "$W/out"; then
	pass "the circle's modules are named"
else
	fail "the circle's modules are named" "$(cat "$W/out")"
fi

done_testing
