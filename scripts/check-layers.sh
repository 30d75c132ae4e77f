#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# scripts/check-layers.sh - make check-layers: the includes of every
# source file and header follow the layers of doc/HACKING.md.
#
#   sh scripts/check-layers.sh [ROOT]      (ROOT: the checkout, default ..)
#
# A file's layer is its folder: src/LAYER/... or include/tillit/LAYER/...
# (src/main.c is "main", tools/... is "tools").  A project include names
# its layer in its path ("tillit/store/store.h"); a private header is
# included by its bare name ("internal.h") from its own folder.  Checked:
#
#   1. the matrix below: which layer may include which;
#   2. every public header lives in a layer folder (none flat in
#      include/tillit/);
#   3. ncurses and its form, menu and panel libraries only in ui; SQLite
#      (its header or any sqlite3_ call) only in src/store/sqlite/;
#      libpq only in src/store/pg/; an engine's private headers
#      (src/store/ENGINE/) only in that engine's folder (src/store/sql/,
#      the SQL the engines share, is no engine: all of src/store/ may
#      include it);
#   4. no include circles: no two source files include each other's
#      headers, nor any longer ring of them (module x is x.c with its
#      x.h; a source file's includes are its edges).
#
# Prints one line per violation and "check-layers: ok" when there is
# none; exits 1 on any violation.
set -u

root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2

# LAYER: the layers it may include (itself always).
matrix="
core:
store: core
read: core store
export: core store read
import: core store export
service: core store read export import
ui: core store read export import service
cli: core store read export import service ui
main: cli
tools: core store
"

allowed() { # allowed FROM TO: true when FROM may include TO
	[ "$1" = "$2" ] && return 0
	line=$(printf '%s\n' "$matrix" | grep "^$1:") || return 1
	case " ${line#*:} " in *" $2 "*) return 0 ;; esac
	return 1
}

layer_of() { # the layer of a file by its path; "" when it has none
	case $1 in
	src/main.c) echo main ;;
	src/*/*) f=${1#src/}; echo "${f%%/*}" ;;
	include/tillit/*/*) f=${1#include/tillit/}; echo "${f%%/*}" ;;
	tools/*) echo tools ;;
	*) echo "" ;;
	esac
}

out=$(mktemp) || exit 2
edges=$(mktemp) || exit 2
trap 'rm -f "$out" "$edges"' EXIT

files=$(find src include tools -type f \( -name '*.c' -o -name '*.h' \) \
	2>/dev/null | LC_ALL=C sort)

# A module is a path without its folder root and extension: src/ui/lines.c
# and include/tillit/ui/lines.h are both "ui/lines".
module_of() {
	m=${1#src/}
	m=${m#include/tillit/}
	echo "${m%.*}"
}

for f in $files; do
	case $f in
	include/tillit/*/*) ;;
	include/*) echo "check-layers: $f: a public header outside a layer" \
		"folder (include/tillit/LAYER/)" >>"$out" ;;
	esac
	from=$(layer_of "$f")
	mod=$(module_of "$f")
	dir=$(dirname "$f")
	case $f in *.c) is_c=true ;; *) is_c=false ;; esac
	grep -n '^[[:space:]]*#[[:space:]]*include' "$f" /dev/null |
	while IFS= read -r hit; do
		line=${hit#*:}
		no=${line%%:*}
		inc=${line#*:}
		case $inc in
		*'<'*) # a system header
			h=${inc#*<}; h=${h%%>*}
			case $h in
			curses.h | ncurses.h | ncursesw/* | form.h | menu.h | panel.h)
				[ "$from" = ui ] || echo "check-layers: $f:$no:" \
					"<$h> outside src/ui" ;;
			sqlite3.h)
				case $f in src/store/sqlite/*) ;; *)
					echo "check-layers: $f:$no: <$h> outside" \
						"src/store/sqlite" ;;
				esac ;;
			libpq-fe.h | postgresql/*)
				case $f in src/store/pg/*) ;; *)
					echo "check-layers: $f:$no: <$h> outside" \
						"src/store/pg" ;;
				esac ;;
			esac ;;
		*'"tillit/'*) # a public header: its layer is in its path
			h=${inc#*\"}; h=${h%%\"*}
			rest=${h#tillit/}
			case $rest in
			*/*) to=${rest%%/*} ;;
			*) echo "check-layers: $f:$no: \"$h\" names no layer"
				continue ;;
			esac
			if [ -n "$from" ] && ! allowed "$from" "$to"; then
				echo "check-layers: $f:$no: $from includes $to" \
					"(\"$h\")"
			fi
			$is_c && echo "$mod $(module_of "include/$h")" >>"$edges"
			;;
		*'"'*) # a private header beside the file
			h=${inc#*\"}; h=${h%%\"*}
			p=$(printf '%s\n' "$dir/$h" |
				sed -e ':a' -e 's#[^/][^/]*/\.\./##' -e 'ta')
			# An engine's own headers stay with the engine.
			case $p in src/store/sql/*) ;;
			src/store/*/*)
				eng=${p#src/store/}; eng=src/store/${eng%%/*}/
				case $f in "$eng"*) ;; *)
					echo "check-layers: $f:$no: includes" \
						"$p, private to $eng" ;;
				esac ;;
			esac
			$is_c && echo "$mod $(module_of "$p")" >>"$edges"
			;;
		esac
	done >>"$out"
	# SQL calls, whatever the includes say.
	case $f in src/store/sqlite/*) ;; *)
		grep -n 'sqlite3_[a-z]' "$f" /dev/null | sed 's/:.*//' |
			head -n 1 | while read -r _; do
			echo "check-layers: $f: calls SQLite outside" \
				"src/store/sqlite"
		done >>"$out" ;;
	esac
done

# Include circles: tsort names the modules of any loop.
awk '$1 != $2' "$edges" | LC_ALL=C sort -u | tsort >/dev/null 2>"$edges.err"
if [ -s "$edges.err" ]; then
	sed -n 's/^tsort: -: input contains a loop:$//; s/^tsort: /  /p' \
		"$edges.err" | grep -v '^  -:' | sed 's/^  */  /' >"$edges.loop"
	echo "check-layers: include circle between these modules:" >>"$out"
	cat "$edges.loop" >>"$out"
fi
rm -f "$edges.err" "$edges.loop"

if [ -s "$out" ]; then
	cat "$out" >&2
	exit 1
fi
echo "check-layers: ok"
