#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/reliability/faults.sh - resource faults and privacy.
#
#   sh tests/reliability/faults.sh
#
#   - a full disk, simulated with a file size limit (ulimit -f): the
#     write that does not fit fails with one clear line ("The disk is
#     full"), exit status 3, no crash; what was committed before is all
#     there, the database is intact and takes writes again afterwards;
#   - a read-only database file, and one in a read-only folder (as
#     another user when running as root): reads work, writes are refused
#     with one line that says read-only, and the file does not change;
#   - damaged files (cut to half, header overwritten, pages of noise):
#     one line naming the file and exit status 3, or a normal answer for
#     what is not damaged; never a crash, and the file does not change;
#   - privacy: the database and its -wal and -shm files are 0600 and its
#     folder 0700; an export is 0600 whatever the umask (022 and 000);
#     no temporary file is left anywhere, in TMPDIR or beside the
#     database, after a session of commands and a full-screen session;
#     the audit log rejects UPDATE and DELETE even from the sqlite3
#     program.
# Run by `make test` (tests/cli/test_faults.sh) and `make reliability`.
. "$(dirname "$0")/common.sh"

DB=$R/data/tillit.db
mkdir -p "$R/data"
rel_setup "$DB"

tl() {
	"$TILLIT" --db "$DB" "$@"
}

# one_line FILE REGEX: FILE is one line "tillit: ..." matching REGEX.
one_line() {
	[ "$(wc -l <"$1")" = 1 ] && head -n 1 "$1" | grep -q '^tillit: ' &&
		head -n 1 "$1" | grep -Eiq -- "$2"
}

# --- a full disk --------------------------------------------------------

big=$(head -c 60000 /dev/zero | tr '\0' a)
: >"$R/full.log"
# ulimit -f limits the size of each file, and tillit keeps a -wal file
# beside the database (emptied at each checkpoint, about every 1 MiB of
# changes: src/store/sqlite/db.c, its WAL hook), which can be the larger of the
# two while the database is new; so the limit is set above the larger.
size=$(stat -c %s "$DB")
wal=$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)
[ "$wal" -gt "$size" ] && size=$wal
size_kb=$(( (size + 1023) / 1024 ))
limit=$((size_kb + 2000))
n=0
rc=0
while [ "$n" -lt 100 ]; do
	n=$((n + 1))
	out=$(ulimit -f "$limit" &&
		exec "$TILLIT" --db "$DB" followup add -q --text "$big $n" \
			--owner "Writer Person" 2>"$R/full.err")
	rc=$?
	[ "$rc" = 0 ] || break
	echo "followups $out" >>"$R/full.log"
done
committed=$(rel_reported "$R/full.log")
figure "full disk: writes before the limit" "$committed"
figure "full disk: exit status of the write that did not fit" "$rc"
if [ "$rc" = 3 ] && one_line "$R/full.err" 'disk is full'; then
	pass "full disk: one clear line and status 3 ($(cat "$R/full.err"))"
else
	fail "full disk: one clear line and status 3" "status $rc" \
		"$(head -3 "$R/full.err")"
fi
ic=$(rel_integrity "$DB")
lost=$(rel_lost "$DB" "$R/full.log")
figure "full disk: committed writes lost" "$lost"
if [ "$ic" = ok ] && [ "$lost" = 0 ] && [ "$committed" -gt 0 ]; then
	pass "full disk: intact, none of the $committed writes before it lost"
else
	fail "full disk: intact, nothing committed lost" "integrity: $ic" \
		"lost: $lost of $committed"
fi
if id=$(tl followup add -q --text "Efter full disk" --owner "Writer Person" \
	2>"$R/err") && tl followup show "$id" >/dev/null 2>>"$R/err"; then
	pass "full disk: writes work again once there is room"
else
	fail "full disk: writes work again once there is room" "$(cat "$R/err")"
fi

# --- read-only files and folders ----------------------------------------

as_user=""
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
		setpriv --reuid=65534 --regid=65534 --clear-groups -- true \
			2>/dev/null; then
		as_user="setpriv --reuid=65534 --regid=65534 --clear-groups --"
	fi
fi

# ro_case NAME FOLDER-MODE [wal]: a copy of the database, 0444, in a
# folder of that mode, used by a user who cannot write it.  With "wal"
# the copy is the files as tillit leaves them, the -wal (which may hold
# the last changes) and -shm files with the database, since tillit does
# not checkpoint when it closes; without, one file that holds everything.
ro_case() {
	name=$1
	if [ "$(id -u)" = 0 ] && [ -z "$as_user" ]; then
		echo "ok - $name # SKIP root and no setpriv"
		return
	fi
	top=$(mktemp -d /tmp/tillit-ro.XXXXXX) || return
	chmod 0755 "$top"
	mkdir "$top/bin" "$top/db"
	cp "$TILLIT" "$top/bin/tillit"
	chmod 0755 "$top/bin/tillit"
	if [ "${3:-}" = wal ]; then
		cp "$DB" "$top/db/ro.db"
		cp "$DB-wal" "$top/db/ro.db-wal"
		cp "$DB-shm" "$top/db/ro.db-shm"
		chmod 0444 "$top/db/ro.db-wal" "$top/db/ro.db-shm"
	else
		sqlite3 "$DB" ".backup '$top/db/ro.db'"
	fi
	chmod 0444 "$top/db/ro.db"
	chmod "$2" "$top/db"
	before=$(cksum <"$top/db/ro.db")
	# Another user, who is no person in it, reads what everyone may
	# (doc/access.md): the people, and the follow-up only its giver and
	# owner read is not shown.
	# shellcheck disable=SC2086
	$as_user env TMPDIR=/tmp "$top/bin/tillit" --db "$top/db/ro.db" \
		person list --format csv >"$R/ro.out" 2>"$R/ro.err"
	rrc=$?
	# shellcheck disable=SC2086
	$as_user env TMPDIR=/tmp "$top/bin/tillit" --db "$top/db/ro.db" \
		followup add --text "Skrivskyddat" --owner "Writer Person" \
		>/dev/null 2>"$R/rw.err"
	wrc=$?
	after=$(cksum <"$top/db/ro.db")
	if [ "$rrc" = 0 ] && grep -q "Writer Person" "$R/ro.out"; then
		pass "$name: reads work"
	else
		fail "$name: reads work" "status $rrc" "$(head -2 "$R/ro.err")"
	fi
	if [ "$wrc" = 3 ] && one_line "$R/rw.err" 'read-only' &&
		[ "$before" = "$after" ]; then
		pass "$name: a write is refused ($(cat "$R/rw.err"))"
	else
		fail "$name: a write is refused, file untouched" "status $wrc" \
			"$(head -2 "$R/rw.err")"
	fi
	chmod -R u+rwX "$top"
	rm -rf "$top"
}
# First, while the files are as tillit left them (the sqlite3 program,
# used below, checkpoints and removes the -wal file when it closes).
if [ -e "$DB-wal" ] && [ -e "$DB-shm" ]; then
	ro_case "read-only file with its -wal and -shm in a read-only folder" \
		0555 wal
else
	echo "ok - read-only folder with -wal and -shm # SKIP none left"
fi
ro_case "read-only file (0444) in a writable folder" 0777
ro_case "read-only file (0444) in a read-only folder (0555)" 0555

# --- damaged files ------------------------------------------------------

damaged=0
for how in half header pages; do
	cp "$DB" "$R/bad.db"
	sz=$(stat -c %s "$R/bad.db")
	case $how in
	half) truncate -s $((sz / 2)) "$R/bad.db" ;;
	header) printf 'Detta är inget SQLite-huvud, bara skräp.' |
		dd of="$R/bad.db" bs=1 seek=0 conv=notrunc 2>/dev/null ;;
	pages) head -c 16384 /dev/urandom |
		dd of="$R/bad.db" bs=4096 seek=2 conv=notrunc 2>/dev/null ;;
	esac
	for cmd in list export search add meetings; do
		damaged=$((damaged + 1))
		before=$(cksum <"$R/bad.db")
		bad_tl() {
			"$TILLIT" --db "$R/bad.db" "$@" >/dev/null 2>"$R/bad.err"
		}
		case $cmd in
		list) bad_tl followup list ;;
		export) bad_tl export ;;
		search) bad_tl search Följ ;;
		add) bad_tl followup add --text Ny --owner "Writer Person" ;;
		meetings) bad_tl meeting list --format csv ;;
		esac
		brc=$?
		after=$(cksum <"$R/bad.db")
		name="damaged file ($how): $cmd"
		if [ "$before" != "$after" ] && [ "$brc" != 0 ]; then
			fail "$name" "a failed command changed the file"
		elif [ "$brc" = 3 ] && one_line "$R/bad.err" "$R/bad.db"; then
			pass "$name: status 3, names the file"
		elif [ "$brc" = 0 ] && ! grep -q . "$R/bad.err"; then
			pass "$name: done (the damaged pages were not needed)"
		elif [ "$brc" = 1 ] && one_line "$R/bad.err" .; then
			pass "$name: refused ($(cat "$R/bad.err"))"
		else
			fail "$name" "status $brc" "$(head -3 "$R/bad.err")"
		fi
	done
done
figure "damaged files: commands tried" "$damaged"

# --- privacy ------------------------------------------------------------

mkdir -p "$R/tmp" "$R/home/data"
umask 022
PDB=$R/home/data/p/tillit.db
export_ok=1
(
	TMPDIR=$R/tmp
	export TMPDIR
	"$TILLIT" --db "$PDB" init --demo >/dev/null &&
		"$TILLIT" --db "$PDB" person add --name "Writer Person" \
			--kind employee >/dev/null &&
		"$TILLIT" --db "$PDB" unit add --name "Writer Committee" \
			--kind committee >/dev/null &&
		"$TILLIT" --db "$PDB" followup add --text "Hemligt" \
			--owner "Writer Person" >/dev/null &&
		"$TILLIT" --db "$PDB" search Hemligt >/dev/null &&
		"$TILLIT" --db "$PDB" export --output "$R/home/all.json" &&
		"$TILLIT" --db "$PDB" export followups --format csv \
			--output "$R/home/f.csv" &&
		"$TILLIT" --db "$R/home/data/q.db" import "$R/home/all.json" \
			>/dev/null &&
		rel_ui_script "$R/home/ui" 3 p &&
		"$TILLIT" --db "$PDB" ui --script "$R/home/ui" --size 100x30 \
			>/dev/null
) 2>"$R/priv.err" || export_ok=0
if [ "$export_ok" = 1 ]; then
	pass "privacy: a session of commands and a full-screen session ran"
else
	fail "privacy: a session of commands and a full-screen session ran" \
		"$(head -3 "$R/priv.err")"
fi
m=$(stat -c %a "$PDB")
figure "privacy: database mode (umask 022)" "$m"
[ "$m" = 600 ] && pass "privacy: database 0600 under umask 022" ||
	fail "privacy: database 0600 under umask 022" "mode $m"
m=$(stat -c %a "$(dirname "$PDB")")
[ "$m" = 700 ] && pass "privacy: its new folder 0700" ||
	fail "privacy: its new folder 0700" "mode $m"
# The -wal and -shm files tillit makes: a writer killed mid-way leaves
# them behind.
k=0
while [ "$k" -lt 10 ] && [ ! -e "$PDB-wal" ]; do
	k=$((k + 1))
	rel_start pg sh "$REL/writer.sh" "$TILLIT" "$PDB" "$R/priv.log" p
	rel_sleep_ms "$(rel_random 200 400)"
	kill -s KILL -- "-$pg" "$pg" 2>/dev/null
	wait "$pg" 2>/dev/null
	rel_reap "$pg"
	REL_PGIDS=""
done
modes=$(for f in "$PDB"-wal "$PDB"-shm; do
	[ -e "$f" ] && stat -c %a "$f"; done | sort -u | tr '\n' ' ' | sed 's/ $//')
figure "privacy: modes of the -wal and -shm files" "${modes:-none left}"
case $modes in
'' | 600) pass "privacy: -wal and -shm files 0600 (${modes:-none left})" ;;
*) fail "privacy: -wal and -shm files 0600" "modes $modes" ;;
esac
m=$(stat -c %a "$R/home/all.json")
figure "privacy: export mode under umask 022" "$m"
[ "$m" = 600 ] && pass "privacy: export 0600 under umask 022" ||
	fail "privacy: export 0600 under umask 022" "mode $m"
umask 000
"$TILLIT" --db "$PDB" export --output "$R/home/all000.json" 2>>"$R/priv.err"
m=$(stat -c %a "$R/home/all000.json" 2>/dev/null)
figure "privacy: export mode under umask 000" "$m"
[ "$m" = 600 ] && pass "privacy: export 0600 under umask 000" ||
	fail "privacy: export 0600 under umask 000" "mode $m"
umask 022
left=$(find "$R/tmp" -mindepth 1 | wc -l)
figure "privacy: files left in TMPDIR" "$left"
[ "$left" = 0 ] && pass "privacy: nothing left in TMPDIR" ||
	fail "privacy: nothing left in TMPDIR" "$(find "$R/tmp" | head -3)"
extra=$(find "$R/home/data" -type f ! -name 'tillit.db' ! -name 'q.db' \
	! -name '*.db-wal' ! -name '*.db-shm' | wc -l)
[ "$extra" = 0 ] && pass "privacy: nothing but databases in the data folder" ||
	fail "privacy: nothing but databases in the data folder" \
		"$(find "$R/home/data" -type f | head -5)"
# $EDITOR (C-e in a form): its file is 0600, in XDG_RUNTIME_DIR or else
# beside the database, never in a shared /tmp, and gone afterwards.
cat >"$R/editor" <<'EOS'
#!/bin/sh
echo "$1 $(stat -c %a "$1")" >>"$EDLOG"
printf 'Skrivet i editorn\n' >"$1"
EOS
chmod 0755 "$R/editor"
printf '%s\n' "key 6" "key a" "key C-e" "key Tab Tab" "key Enter" \
	"type Writer" "key Enter" "key C-x" "key q" >"$R/ed.script"
mkdir -p "$R/run"
for rt in "$R/run" ""; do
	EDLOG=$R/ed.log EDITOR=$R/editor XDG_RUNTIME_DIR=$rt TMPDIR=$R/tmp \
		"$TILLIT" --db "$PDB" ui --script "$R/ed.script" --size 100x30 \
		>/dev/null 2>>"$R/priv.err"
done
where=$(cut -d' ' -f1 "$R/ed.log" | sed 's|/tillit-edit-[^/]*$||' |
	tr '\n' ' ')
modes=$(cut -d' ' -f2 "$R/ed.log" | sort -u | tr '\n' ' ')
saved=$(sqlite3 "$PDB" "SELECT count(*) FROM followups
	WHERE text = 'Skrivet i editorn';")
if [ "$where" = "$R/run $(dirname "$PDB") " ] && [ "$modes" = "600 " ] &&
	[ "$saved" = 2 ] && [ -z "$(ls "$R/run")" ] &&
	! ls "$(dirname "$PDB")" | grep -q tillit-edit; then
	pass "privacy: the \$EDITOR file is 0600, in XDG_RUNTIME_DIR or beside the database, and removed"
else
	fail "privacy: the \$EDITOR file is 0600, private and removed" \
		"where: $where" "modes: $modes" "saved: $saved"
fi
if ! sqlite3 "$PDB" "UPDATE audit SET old_value = 'x';" 2>/dev/null &&
	! sqlite3 "$PDB" "DELETE FROM audit;" 2>/dev/null &&
	[ "$(sqlite3 "$PDB" "SELECT count(*) FROM audit WHERE old_value = 'x';")" = 0 ]
then
	pass "privacy: the audit log rejects UPDATE and DELETE (sqlite3)"
else
	fail "privacy: the audit log rejects UPDATE and DELETE (sqlite3)"
fi
left=$(find "$R/tmp" -mindepth 1 | wc -l)
[ "$left" = 0 ] && pass "privacy: still nothing in TMPDIR after the editor" ||
	fail "privacy: still nothing in TMPDIR after the editor" \
		"$(find "$R/tmp" | head -3)"
[ "$REL_FAILED" = 0 ]
