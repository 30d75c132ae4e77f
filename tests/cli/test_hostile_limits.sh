#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Hostile input, bounded resources: an import read from something that
# is not a regular file (/dev/zero, /dev/urandom, a FIFO, /dev/stdin)
# ends at once when it is not JSON and is copied only into TMPDIR,
# privately; one import record can make tillit hold only so much memory
# whatever its shape (many keys, one long string, deep nesting); and a
# search takes at most 32 words and 256 characters, refused with one
# sentence on the command line and on the full-screen program's status
# line.  doc/json-format.md ("Limits") and doc/tillit.1 give the figures;
# the peak memory of each import is measured here with /usr/bin/time.
. "$(dirname "$0")/lib.sh"

# The most memory (KiB of peak RSS) an import may take in these cases:
# doc/json-format.md promises 64 MiB.
RSS_MAX=65536

# in_time SECONDS COMMAND...: runs it as `run` does, killed after
# SECONDS (status 124) and unable to write more than 200 MiB to any file,
# so that a tillit that reads an endless stream fails here instead of
# hanging or filling the disk.
in_time() {
	secs=$1
	shift
	(ulimit -f 409600; exec timeout "$secs" "$@") >"$W/out" 2>"$W/err"
	RC=$?
}

# peak SECONDS COMMAND...: in_time, and the command's peak memory in KiB
# into $PEAK ("skip" when it cannot be measured: no /usr/bin/time, or
# tillit under valgrind or AddressSanitizer).
peak() {
	PEAK=skip
	if [ ! -x /usr/bin/time ] || [ -n "${TILLIT_WRAPPER:-}" ] ||
		[ -n "${ASAN_OPTIONS:-}" ]; then
		in_time "$@"
		return
	fi
	secs=$1
	shift
	rm -f "$W/rss"
	in_time "$secs" /usr/bin/time -f '%M' -o "$W/rss" "$@"
	PEAK=$(tail -n 1 "$W/rss" 2>/dev/null)
}

# check_peak NAME: the last peak() stayed within RSS_MAX.
check_peak() {
	case $PEAK in
	skip) echo "ok - $1 # SKIP memory is not measured here" ;;
	''|*[!0-9]*) fail "$1" "not measured (exit status $RC)" ;;
	*)
		if [ "$PEAK" -le "$RSS_MAX" ]; then
			pass "$1 (peak $((PEAK / 1024)) MiB)"
		else
			fail "$1" "peak RSS $PEAK KiB, over $RSS_MAX KiB"
		fi ;;
	esac
}

must tl init --demo
must tl export --format json --output "$W/demo.json"

# ---- imports from streams ----------------------------------------------

in_time 10 "$TILLIT" --db "$DB" import /dev/zero
check_err "importing /dev/zero ends at once with one sentence" 1 \
	'^tillit: /dev/zero:1:1: .*not JSON text'

in_time 10 "$TILLIT" --db "$DB" import /dev/urandom
check_err "importing /dev/urandom ends at once with one sentence" 1 \
	'^tillit: /dev/urandom:'

# imported NAME DB: DB holds the demo's records again.
imported() {
	"$TILLIT" --db "$2" export --format json --output "$W/again.json" &&
		cmp -s "$W/demo.json" "$W/again.json"
	if [ $? = 0 ] && [ "$RC" = 0 ]; then
		pass "$1"
	else
		fail "$1" "exit status $RC, or the export differs"
	fi
}

FIFODB=$(newdb fifo) || exit 1
mkfifo "$W/fifo"
cat "$W/demo.json" >"$W/fifo" &
in_time 20 "$TILLIT" --db "$FIFODB" import "$W/fifo"
wait
imported "a valid export imports through a FIFO" "$FIFODB"

STDINDB=$(newdb stdin) || exit 1
cat "$W/demo.json" | (ulimit -f 409600
	exec timeout 20 "$TILLIT" --db "$STDINDB" import /dev/stdin) \
	>"$W/out" 2>"$W/err"
RC=$?
imported "a valid export imports through /dev/stdin" "$STDINDB"

DASHDB=$(newdb dash) || exit 1
cat "$W/demo.json" | (ulimit -f 409600
	exec timeout 20 "$TILLIT" --db "$DASHDB" import -) \
	>"$W/out" 2>"$W/err"
RC=$?
imported "... and as import -, standard input" "$DASHDB"
check_grep "... which it names so" '^Imported standard input: [0-9]+ added'
SLOWDB=$(newdb slow) || exit 1
run "$TILLIT" --db "$SLOWDB" import - <"$W/demo.json"
check_grep "standard input redirected from a file imports too" \
	'^Imported standard input: [0-9]+ added'

# The kinds in reverse order: the import reads the stream twice.
sqlite3 :memory: "SELECT json_group_object(key, CASE WHEN type IN \
	('array', 'object') THEN json(value) ELSE value END) FROM (SELECT \
	key, value, type FROM json_each(CAST(readfile('$W/demo.json') AS \
	TEXT)) ORDER BY key = 'format', key = 'version', key DESC);" \
	>"$W/reversed.json" 2>/dev/null
if [ -s "$W/reversed.json" ]; then
	REVDB=$(newdb rev) || exit 1
	cat "$W/reversed.json" | (ulimit -f 409600
		exec timeout 20 "$TILLIT" --db "$REVDB" import \
		/dev/stdin) >"$W/out" 2>"$W/err"
	RC=$?
	imported "an export with its kinds in another order imports from a pipe" \
		"$REVDB"
else
	echo "ok - an export with its kinds in another order imports from a pipe # SKIP no sqlite3 with readfile()"
fi

# While a FIFO is read, the copy is a deleted file in TMPDIR, 0600.
mkdir "$W/tmp" "$W/other-tmp"
rm -f "$W/fifo"
mkfifo "$W/fifo"
TMPDIRDB=$(newdb tmpdir) || exit 1
TMPDIR=$W/tmp "$TILLIT" --db "$TMPDIRDB" import "$W/fifo" \
	>"$W/out" 2>"$W/err" &
pid=$!
exec 3>"$W/fifo"
head -c 1000 "$W/demo.json" >&3
copy=
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	for fd in /proc/$pid/fd/*; do
		case $(readlink "$fd" 2>/dev/null) in
		"$W/tmp/"*) copy=$fd ;;
		esac
	done
	[ -n "$copy" ] && break
	sleep 0.25
done
if [ ! -d /proc/$pid ]; then
	echo "ok - the copy of a stream is in TMPDIR, 0600, deleted # SKIP no /proc"
elif [ -z "$copy" ]; then
	fail "the copy of a stream is in TMPDIR, 0600, deleted" \
		"no file of $pid in \$TMPDIR:" \
		"$(ls -l /proc/$pid/fd/ 2>&1 | sed -n '2,8p')"
else
	mode=$(stat -L -c %a "$copy")
	name=$(readlink "$copy")
	case $mode:$name in
	"600:"*" (deleted)")
		pass "the copy of a stream is in TMPDIR, 0600, deleted" ;;
	*)
		fail "the copy of a stream is in TMPDIR, 0600, deleted" \
			"mode $mode, name $name" ;;
	esac
fi
tail -c +1001 "$W/demo.json" >&3
exec 3>&-
wait $pid
RC=$?
imported "the stream read through TMPDIR imports" "$TMPDIRDB"
if [ -z "$(ls -A "$W/tmp")" ]; then
	pass "nothing is left in TMPDIR"
else
	fail "nothing is left in TMPDIR" "$(ls -A "$W/tmp")"
fi

# ---- one record, any shape: the memory stays bounded -------------------

HEAD='{"format":"tillit","version":1,"units":[{"id":"3f2b9c1e-8a4d-4f6b-9c2e-1a2b3c4d5e6f","created_at":"2026-11-23T10:00:00Z","updated_at":"2026-11-23T10:00:00Z",'
# One record of a million keys (12 MB): before, jansson built it whole.
awk -v h="$HEAD" 'BEGIN {
	printf "%s", h
	for (i = 0; i < 1000000; i++) printf "%s\"%x\":0", (i ? "," : ""), i
	print "}]}"
}' >"$W/keys.json"
peak 60 "$TILLIT" --db "$DB" import "$W/keys.json"
check_err "a record of a million keys is refused, naming where it is" 1 \
	'keys.json:1:41: the record here has more than 1000 keys and values'
check_peak "a record of a million keys is refused within 64 MiB"

# One string of 40 MB.
awk -v h="$HEAD" 'BEGIN {
	s = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	while (length(s) < 40000000) s = s s
	printf "%s\"name\":\"%s\"}]}\n", h, s
}' >"$W/string.json"
peak 60 "$TILLIT" --db "$DB" import "$W/string.json"
check_err "a record of 40 MB is refused, naming where it is" 1 \
	'string.json:1:41: the record here is longer than 8 MiB'
check_peak "a record of 40 MB is refused within 64 MiB"

# One string just under the 8 MiB a record may have, escaped, so that
# jansson reads it whole (and value.c refuses it as too long).
awk -v h="$HEAD" 'BEGIN {
	s = "\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9"
	while (length(s) < 8000000) s = s s
	printf "%s\"name\":\"%s\"}]}\n", h, substr(s, 1, 6 * 1383000)
}' >"$W/escaped.json"
peak 60 "$TILLIT" --db "$DB" import "$W/escaped.json"
check_err "a record of 8 MB of escapes is refused" 1 '64 KiB|too long'
check_peak "a record of 8 MB of escapes is refused within 64 MiB"

# Nesting a million deep.
awk -v h="$HEAD" 'BEGIN {
	printf "%s\"name\":", h
	for (i = 0; i < 1000000; i++) printf "["
	for (i = 0; i < 1000000; i++) printf "]"
	print "}]}"
}' >"$W/deep.json"
peak 60 "$TILLIT" --db "$DB" import "$W/deep.json"
check_err "a record nested a million deep is refused, naming where it is" \
	1 'deep.json:1:41: the record here is nested more than 32 deep'
check_peak "a record nested a million deep is refused within 64 MiB"

# A valid import of many records (the generator's scale 0.05, some
# 15,000 records) stays within the same bound.
G=${TILLIT_GEN:-$HERE/../../build/default/tillit-gen}
if [ -x "$G" ]; then
	GENDB=$(newdb gen) || exit 1
	must "$G" --db "$GENDB" --scale 0.05 --quiet
	must "$TILLIT" --db "$GENDB" export --format json \
		--output "$W/gen.json"
	GEN2DB=$(newdb gen2) || exit 1
	peak 120 "$TILLIT" --db "$GEN2DB" import "$W/gen.json"
	check_rc "a valid import of 15,000 records works" 0
	check_peak "a valid import of 15,000 records stays within 64 MiB"
else
	echo "ok - a valid import of 15,000 records works # SKIP no $G"
fi

# ---- search: at most 32 words and 256 characters -----------------------

words33=$(printf 'w%s ' $(seq 33))
run tl search $words33
check_err "a search of 33 words is refused with one sentence" 1 \
	'^tillit: A search takes at most 32 words; this one has 33\.$'

long=$(printf 'abcdefgh%.0s' $(seq 33))
run tl search "$long"
check_err "a search of 264 characters is refused with one sentence" 1 \
	'^tillit: A search takes at most 256 characters; this one has 264\.$'

# The case that took minutes: 10,000 one-letter words.
in_time 20 "$TILLIT" --db "$DB" search $(printf 'a %.0s' $(seq 10000))
check_err "a search of 10,000 words is refused at once" 1 'at most 32 words'

# The most a search may be: 32 words, 256 characters, words that match
# nearly everything, a word repeated and a phrase of one word repeated.
max=$(printf 'a b c d e f g h i j k l m n o p q r s t u v w x y z å ä ö 0 1 %s' \
	"$(printf 'om-%.0s' $(seq 64))om")
run tl search "$max"
if [ "$RC" = 0 ] && [ "$(printf '%s' "$max" | wc -m)" = 256 ]; then
	pass "the largest search allowed (32 words, 256 characters) runs"
else
	fail "the largest search allowed (32 words, 256 characters) runs" \
		"exit status $RC"
fi
run tl search Kommun kommun KOMMUN kom
check_grep "words that repeat or start one another still find" \
	'Kommunfullmäktige'

# The full-screen search says the same on its status line.
printf '%s\n' "key /" "type $words33" "key Enter" dump >"$W/script"
"$TILLIT" --db "$DB" --as "Björn Åkesson" ui --script "$W/script" \
	--size 100x30 >"$W/out" 2>"$W/err"
RC=$?
if [ "$RC" = 0 ] &&
	grep -q 'A search takes at most 32 words; this one has 33\.' "$W/out"
then
	pass "the full-screen search refuses 33 words on its status line"
else
	fail "the full-screen search refuses 33 words on its status line" \
		"exit status $RC" "$(tail -n 3 "$W/out")"
fi

done_testing
