#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Installs the system packages tillit needs to build and test, when missing.
# On Debian and Ubuntu it uses apt-get (through sudo when not root);
# elsewhere it names the packages and stops.
#
#   sh scripts/deps.sh [build|test|fuzz|bench]   installs what is missing
#   sh scripts/deps.sh --list TARGET             prints the target's packages
set -eu

list=false
if [ "${1:-}" = --list ]; then
	list=true
	shift
fi

# pkg-config module, command, file, C header, PostgreSQL
# server program (pgbin: in PATH or /usr/lib/postgresql/*/bin),
# libFuzzer, or a locale (made with localedef from the package's
# sources when it is missing) :
# Debian package
needs="
cmd:cc:build-essential
cmd:make:make
cmd:pkg-config:pkg-config
cmd:msgfmt:gettext
pc:ncursesw:libncurses-dev
pc:sqlite3:libsqlite3-dev
pc:libpq:libpq-dev
pc:uuid:uuid-dev
pc:jansson:libjansson-dev
pc:yajl:libyajl-dev
pc:libical:libical-dev
pc:icu-i18n:libicu-dev
pc:nettle:nettle-dev
pc:hogweed:nettle-dev
cmd:ssh-keygen:openssh-client
pc:pangocairo:libpango1.0-dev
pc:cairo-pdf:libcairo2-dev
file:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core
"
test_needs="
pc:cmocka:libcmocka-dev
cmd:sqlite3:sqlite3
cmd:clang:clang
cmd:tmux:tmux
cmd:fish:fish
cmd:zsh:zsh
cmd:tidy:tidy
cmd:cmark-gfm:cmark-gfm
pgbin:initdb:postgresql
pgbin:pg_ctl:postgresql
cmd:psql:postgresql-client
file:/usr/lib/python3/dist-packages/holidays/countries/sweden.py:python3-holidays
file:/usr/lib/python3/dist-packages/feedparser/__init__.py:python3-feedparser
cmd:pdftotext:poppler-utils
cmd:pdfinfo:poppler-utils
cmd:pdffonts:poppler-utils
locale:sv_SE.UTF-8:locales
file:/usr/share/dict/american-english:wamerican
file:/usr/share/dict/swedish:wswedish
"

# The fuzz targets (make fuzz): clang and its libFuzzer runtime, which
# Debian ships as libclang-rt-N-dev for clang N, and cmark-gfm's library
# with its extensions, which fuzz_markdown parses with.
fuzz_needs="
cmd:clang:clang
fuzzer:clang:libclang-rt-14-dev
pc:libcmark-gfm:libcmark-gfm-dev
inc:cmark-gfm-core-extensions.h:libcmark-gfm-extensions-dev
"

# The benchmark (make bench, bench/run.sh): hyperfine times commands,
# /usr/bin/time -v measures peak memory, sqlite3 reads the generated
# database, Taskwarrior and calcurse are the peers measured beside
# tillit in the same run, and a private PostgreSQL server (scripts/pg.sh)
# holds the same tier for the organisation tier's figures.
bench_needs="
cmd:sqlite3:sqlite3
cmd:hyperfine:hyperfine
file:/usr/bin/time:time
cmd:task:taskwarrior
cmd:calcurse:calcurse
pgbin:initdb:postgresql
pgbin:pg_ctl:postgresql
cmd:psql:postgresql-client
"

case "${1:-build}" in
build) ;;
test) needs="$needs $test_needs" ;;
fuzz) needs="$needs $fuzz_needs" ;;
bench) needs="$needs $bench_needs" ;;
*)
	echo "deps.sh: unknown target '$1' (build, test, fuzz or bench)" >&2
	exit 2 ;;
esac

if $list; then
	for n in $needs; do echo "${n##*:}"; done | awk '!seen[$0]++'
	exit 0
fi

# True when clang links a libFuzzer target.
can_fuzz() {
	command -v clang >/dev/null 2>&1 || return 1
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\n%s\n' \
		'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }' |
		clang -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1
}

missing=""
locales=""
for n in $needs; do
	kind=${n%%:*}; rest=${n#*:}; what=${rest%%:*}; pkg=${rest#*:}
	case $kind in
	cmd) command -v "$what" >/dev/null 2>&1 && continue ;;
	file) [ -e "$what" ] && continue ;;
	# A PostgreSQL server program, which Debian keeps out of PATH.
	pgbin) command -v "$what" >/dev/null 2>&1 && continue
		ls /usr/lib/postgresql/*/bin/"$what" >/dev/null 2>&1 &&
			continue ;;
	inc) printf '#include <%s>\n' "$what" |
		cc -E -x c - >/dev/null 2>&1 && continue ;;
	pc) command -v pkg-config >/dev/null 2>&1 &&
		pkg-config --exists "$what" 2>/dev/null && continue ;;
	# A locale: generated below, from the package's sources.
	locale) locale -a 2>/dev/null | sed 's/utf8$/UTF-8/' |
			grep -qx "$what" && continue
		locales="$locales $what"
		[ -d /usr/share/i18n/locales ] && continue ;;
	fuzzer)
		can_fuzz && continue
		# The runtime that goes with the clang installed, if any.
		v=$(clang --version 2>/dev/null |
			sed -n 's/.*clang version \([0-9][0-9]*\).*/\1/p' | head -n 1)
		[ -n "$v" ] && pkg=libclang-rt-$v-dev ;;
	esac
	case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done

[ -z "$missing" ] && [ -z "$locales" ] && exit 0

if [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
	sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null 2>&1 || {
			echo "deps: need root or sudo to install:$missing$locales" >&2
			exit 1
		}
		sudo=sudo
	fi
	if [ -n "$missing" ]; then
		echo "deps: installing$missing" >&2
		export DEBIAN_FRONTEND=noninteractive
		$sudo apt-get update -qq >/dev/null || $sudo apt-get update
		# shellcheck disable=SC2086
		$sudo apt-get install -y -qq --no-install-recommends $missing \
			>/dev/null ||
			$sudo apt-get install -y --no-install-recommends $missing
	fi
	# sv_SE.UTF-8 is made as sv_SE from UTF-8 (-c: despite warnings).
	for l in $locales; do
		echo "deps: making the locale $l" >&2
		$sudo localedef -c -i "${l%%.*}" -f "${l#*.}" "$l" || true
	done
	exit 0
fi

echo "deps: please install these packages (Debian names):$missing" >&2
exit 1
