#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_dist.sh - make dist and make install (issue 17, point
# 7): the release tarball holds the committed sources, the licence and the
# documentation, and nothing built; make install puts the program, its
# manual, its catalogue and its documentation under DESTDIR.
# backend: none
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$HERE/../.." && pwd)
if ! git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
	echo "ok - make dist # SKIP not a git checkout"
	done_testing
	exit 0
fi
V=$(sed -n 's/^#define CLI_VERSION "\(.*\)"/\1/p' "$ROOT/src/cli/cli.c")
# The tarball is of the commit checked out, written outside the tree.
run make -s -C "$ROOT" dist DISTDIR="$W"
check_grep "make dist names its tarball" "^dist: wrote $W/tillit-$V\.tar\.gz$"
T=$W/tillit-$V.tar.gz
tar -tzf "$T" >"$W/list" 2>&1
for f in LICENSE README.md Makefile doc/HACKING.md doc/remind.md \
	doc/tillit.1 po/sv.po src/main.c scripts/deps.sh tests/run.sh; do
	grep -qx "tillit-$V/$f" "$W/list" &&
		pass "the tarball holds $f" ||
		fail "the tarball holds $f" "$(head -5 "$W/list")"
done
if grep -q "/build/\|\.o$\|^tillit-$V/tillit$\|bench/data" "$W/list"; then
	fail "... and nothing built" "$(grep "/build/\|\.o$" "$W/list" | head)"
else
	pass "... and nothing built"
fi
check_same "... every file under tillit-$V/" \
	"$(grep -vc "^tillit-$V/" "$W/list")" 0

# make install into a DESTDIR, of the build that make test made, never
# relinking it (-o): the other tests are running that program.  The
# default PREFIX, since another one is built into the program (its
# catalogues' folder).
BIN=$ROOT/build/default/tillit
if [ ! -x "$BIN" ]; then
	echo "ok - make install # SKIP no build/default (make test builds it)"
	done_testing
	exit 0
fi
before=$(stat -c %Y "$BIN")
run make -s -C "$ROOT" -o build/default/tillit install DESTDIR="$W/dest"
check_rc "make install DESTDIR=..." 0
check_same "... without building anything again" "$(stat -c %Y "$BIN")" \
	"$before"
for f in bin/tillit share/man/man1/tillit.1 \
	share/locale/sv/LC_MESSAGES/tillit.mo share/doc/tillit/README.md \
	share/doc/tillit/LICENSE share/doc/tillit/doc/remind.md \
	share/doc/tillit/doc/json-format.md \
	share/bash-completion/completions/tillit share/zsh/site-functions/_tillit \
	share/fish/vendor_completions.d/tillit.fish; do
	[ -s "$W/dest/usr/local/$f" ] && pass "installed: $f" ||
		fail "installed: $f"
done
run make -s -C "$ROOT" uninstall DESTDIR="$W/dest"
check_same "make uninstall leaves no file" \
	"$(find "$W/dest" -type f | wc -l)" 0
done_testing
