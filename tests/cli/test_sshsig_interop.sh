#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_sshsig_interop.sh - a person's public keys from the
# command line, with keys made by OpenSSH's ssh-keygen: `person key`
# registers a fresh ed25519 key and prints the fingerprint `ssh-keygen
# -lf` prints; a second key retires the first and keeps it (`person
# keys`, `person show`, the audit log); what is no ed25519 public key,
# an unreadable file, an unknown person, a key already someone's, are
# each refused in one sentence with nothing written; and a database
# from before keys takes its first key after the upgrade.
#
# The signatures themselves meet OpenSSH in tests/unit/test_sshsig.c:
# ssh-keygen -Y sign's signatures verify in tillit, and tillit's pass
# ssh-keygen -Y verify with an allowed_signers file, until one byte of
# the signed text changes.
. "$(dirname "$0")/lib.sh"

if ! command -v ssh-keygen >/dev/null 2>&1; then
	fail "ssh-keygen is installed (make deps-test: openssh-client)"
	done_testing
	exit
fi

must tl init --demo
K=$W/keys
mkdir -p "$K"
must ssh-keygen -q -t ed25519 -N '' -C 'lena@sjostad' -f "$K/lena"
must ssh-keygen -q -t ed25519 -N '' -C 'lena, new laptop' -f "$K/lena2"
must ssh-keygen -q -t ecdsa -N '' -f "$K/ec"
fpr() { # the fingerprint ssh-keygen prints for a .pub file
	ssh-keygen -lf "$1" | cut -d' ' -f2
}
# As extended regular expressions: base64 has + and /.
F1=$(fpr "$K/lena.pub" | sed 's/[+.]/\\&/g')
F2=$(fpr "$K/lena2.pub" | sed 's/[+.]/\\&/g')

# --- help ------------------------------------------------------------------

run tl person --help
check_grep "person --help names key" '^  key ID FILE  '
check_grep "person --help names keys" '^  keys ID  '
run tl person key --help
check_grep "person key --help" '^Usage: tillit person key PERSON FILE$'
run tl person keys --help
check_grep "person keys --help" '^Usage: tillit person keys PERSON$'

# --- registering -----------------------------------------------------------

run tl person keys "Lena Åström"
check_grep "no key yet" '^Lena Åström has no registered key\.$'
run tl person key "Lena Åström" "$K/lena.pub"
check_rc "a fresh ed25519 key is registered" 0
check_grep "its fingerprint is the one ssh-keygen -lf prints" \
	"^Registered the key $F1 for Lena Åström\.\$"
run tl person show "Lena Åström"
check_grep "person show names the current key" "^Key: +$F1\$"

TILLIT_NOW="2026-11-30 09:15" run tl person key "Lena Åström" - \
	<"$K/lena2.pub"
check_grep "a second key, from standard input, retires the first" \
	"^Registered the key $F2 for Lena Åström; their key $F1 is retired\.\$"
run tl person keys "Lena Åström"
check_grep "both keys are listed, the first retired" \
	"^$F1  2026-11-23T09:00:00Z  2026-11-30T08:15:00Z\$"
check_grep "the second is current" \
	"^$F2  2026-11-30T08:15:00Z  \(current\)\$"
run tl person show "Lena Åström"
check_grep "person show names the new key" "^Key: +$F2\$"
run tl log "Lena Åström" --format json
check_grep "the audit log has the change of key" \
	"\"field\": ?\"key\", ?\"old\": ?\"$F1\", ?\"new\": ?\"$F2\""

# --- refusals, with nothing written ------------------------------------------

keys_before=$(tl person keys "Lena Åström")
log_before=$(tl log | wc -l)

run tl person key "Lena Åström" "$K/lena2.pub"
check_err "the current key again" 1 \
	'^tillit: That key is the current key of Lena Åström already\.$'
run tl person key "Anders Holmgren" "$K/lena.pub"
check_err "a key that was another person's" 1 \
	'^tillit: That key is registered for Lena Åström; a key belongs to one person\.$'
run tl person key "Lena Åström" "$K/ec.pub"
check_err "an ecdsa key" 1 \
	'^tillit: The key is of type ecdsa-sha2-nistp256; tillit takes only ssh-ed25519 keys\.$'
run tl person key "Lena Åström" "$K/lena"
check_err "the private key" 1 \
	'^tillit: This is a private key; give the public key instead \(the \.pub file\)\.$'
run tl person key "Lena Åström" "$K/none.pub"
check_err "a file that is not there" 1 \
	'^tillit: Cannot read the key file .*/none\.pub: No such file or directory\.$'
run tl person key "Lena Åström" "$K"
check_err "a folder" 1 '^tillit: Cannot read the key file '
printf 'hello\n' >"$K/junk.pub"
run tl person key "Lena Åström" "$K/junk.pub"
check_err "text that is no key" 1 '^tillit: This is not an SSH public key'
cat "$K/lena.pub" "$K/lena2.pub" >"$K/two.pub"
run tl person key "Anders Holmgren" "$K/two.pub"
check_err "two keys in one file" 1 'more than one line'
run tl person key "Nobody Here" "$K/lena.pub"
check_err "an unknown person" 1 'No person matches "Nobody Here"'
run tl person key "Lena Åström"
check_err "no file is a usage error" 2 'Give the person and the file'
run tl person key "Lena Åström" a b
check_err "a third argument is a usage error" 2 "Unexpected argument 'b'"
run tl person keys
check_err "keys without a person is a usage error" 2
run tl unit key "Barn- och utbildningsnämnden" "$K/lena.pub"
check_err "only people have keys" 2 "Unknown action 'key'"

if [ "$(tl person keys "Lena Åström")" = "$keys_before" ] &&
	[ "$(tl log | wc -l)" = "$log_before" ]; then
	pass "the refusals wrote nothing"
else
	fail "the refusals wrote nothing"
fi

# --- the table keeps every key, whoever writes --------------------------------

if command -v sqlite3 >/dev/null 2>&1; then
	run dbsql "DELETE FROM person_keys"
	if [ "$RC" != 0 ] && grep -q 'a registered key is kept' "$W/err"; then
		pass "sqlite3 cannot delete a key"
	else
		fail "sqlite3 cannot delete a key" "exit status $RC"
	fi
	run dbsql "UPDATE person_keys SET pubkey = 'x'"
	if [ "$RC" != 0 ] && grep -q 'a registered key is kept' "$W/err"; then
		pass "sqlite3 cannot change a key"
	else
		fail "sqlite3 cannot change a key" "exit status $RC"
	fi

	# A database from before keys (schema 6) takes its first key.
	DB=$W/old.db
	must tl init --demo
	if on_pg; then version="SELECT version FROM schema_version;"
	else version="PRAGMA user_version;"; fi
	v=$(dbsql "$version")
	downgrade_to 6
	run tl person key "Anders Holmgren" "$K/ec.pub"
	check_err "an old database refuses an ecdsa key too" 1 'ecdsa'
	run tl person key "Anders Holmgren" "$K/lena.pub"
	check_rc "an old database, upgraded, takes a key" 0
	if [ "$(dbsql "SELECT count(*) FROM person_keys;")" = 1 ] &&
		[ "$(dbsql "$version")" = "$v" ]; then
		pass "it was upgraded, with the key"
	else
		fail "it was upgraded, with the key"
	fi
fi

done_testing
