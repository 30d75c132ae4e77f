#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/cli/test_justering_keys.sh - each signer signs as themselves,
# with a signature anyone can check with OpenSSH alone (issue 12, defect
# 3 and point 2).  With fresh ed25519 keys made by ssh-keygen: the chair
# signs with their own key through tillit; an adjuster who has only the
# minutes file signs it with `ssh-keygen -Y sign`, and tillit takes the
# signature after checking it against their registered key; the
# exported minutes, signatures and allowed_signers pass `ssh-keygen -Y
# verify`; one changed byte of the minutes fails both checks; signing
# with someone else's key, or as someone else, is refused.
. "$(dirname "$0")/lib.sh"

M="Barn- och utbildningsnämndens sammanträde"
NS=justering@tillit
K=$W/keys
mkdir -p "$K"
for who in anders lena per; do
	ssh-keygen -q -t ed25519 -N '' -C "$who" -f "$K/$who" ||
		{ echo "not ok - setup: ssh-keygen makes a key"; exit 1; }
done

must tl init --demo
must tl person key "Anders Holmgren" "$K/anders.pub"
must tl person key "Lena Åström" "$K/lena.pub"
must tl person key "Per-Olof Nyström" "$K/per.pub"
i_am "Anders Holmgren"

# --- the chair signs with their own key ---------------------------------------

run tl sign "$M" --key "$K/lena"
check_err "the chair cannot sign with an adjuster's key" 1 \
	"^tillit: The signature was made with the key SHA256:[^ ]+, which is not the key registered for Anders Holmgren \\(SHA256:[^ ]+\\)\\.\$"
run tl sign "$M" --key "$K/anders"
check_grep "the chair signs with their own key" \
	"^Anders Holmgren signed \"$M\" as chair, 2026-11-23 10:00\\.\$"
run tl sign "$M" --by "Lena Åström"
check_err "nobody signs as someone else without their signature" 1 \
	'^tillit: You cannot sign as Lena Åström: give their own signature'

# --- an adjuster signs the minutes file away from tillit ----------------------

run tl sign "$M" --export "$W/bundle"
check_rc "the frozen minutes are exported" 0
cp "$W/bundle/minutes.txt" "$W/minutes.txt"
grep -q "^Minutes: $M\$" "$W/minutes.txt" &&
	pass "minutes.txt holds the minutes" ||
	fail "minutes.txt holds the minutes" "$(head -3 "$W/minutes.txt")"
ssh-keygen -q -Y sign -f "$K/lena" -n "$NS" "$W/minutes.txt" 2>"$W/err" ||
	fail "setup: ssh-keygen -Y sign" "$(cat "$W/err")"

# One changed byte: the signature over it is refused by tillit.
sed 's/^Minutes: /Minutez: /' "$W/bundle/minutes.txt" >"$W/changed.txt"
ssh-keygen -q -Y sign -f "$K/per" -n "$NS" "$W/changed.txt" 2>"$W/err" ||
	fail "setup: ssh-keygen -Y sign" "$(cat "$W/err")"
run tl sign "$M" --by "Per-Olof Nyström" --signature "$W/changed.txt.sig"
check_err "a signature over one changed byte is refused" 1 \
	'does not match'
cp "$W/minutes.txt" "$W/ns.txt"
ssh-keygen -q -Y sign -f "$K/per" -n file "$W/ns.txt" 2>"$W/err" ||
	fail "setup: ssh-keygen -Y sign -n file" "$(cat "$W/err")"
run tl sign "$M" --by "Per-Olof Nyström" --signature "$W/ns.txt.sig"
check_err "a signature in another namespace is refused" 1 'not for "justering@tillit"'
run tl sign "$M" --by "Per-Olof Nyström" --signature "$W/bundle/minutes.txt"
check_err "a file that is no signature is refused" 1 'SSH signature'

run tl sign "$M" --by "Per-Olof Nyström" --signature "$W/minutes.txt.sig"
check_err "Lena's signature is not Per-Olof's" 1 \
	'not the key registered for Per-Olof Nyström'
run tl sign "$M" --by "Lena Åström" --signature "$W/minutes.txt.sig"
check_grep "an adjuster's ssh-keygen signature is taken" \
	"^Lena Åström signed \"$M\" as adjuster, 2026-11-23 10:00\\.\$"
ssh-keygen -q -Y sign -f "$K/per" -n "$NS" "$W/bundle/minutes.txt" \
	2>"$W/err" || fail "setup: ssh-keygen -Y sign" "$(cat "$W/err")"
run tl sign "$M" --by "Per-Olof Nyström" --signature "$W/bundle/minutes.txt.sig"
check_grep "the last signature locks the meeting" \
	'^The meeting is now signed and locked\.$'

# --- anyone checks the signed minutes with OpenSSH alone ----------------------

rm -rf "$W/bundle"
run tl sign "$M" --export "$W/bundle"
check_rc "the signed minutes are exported" 0
n=0
for sig in "$W"/bundle/*.sig; do
	p=$(basename "$sig" .sig)
	if ssh-keygen -Y verify -f "$W/bundle/allowed_signers" -I "$p" -n "$NS" \
		-s "$sig" <"$W/bundle/minutes.txt" >"$W/v" 2>&1; then
		n=$((n + 1))
	else
		fail "ssh-keygen -Y verify: $p" "$(cat "$W/v")"
	fi
done
[ "$n" = 3 ] && pass "ssh-keygen -Y verify accepts all three signatures" ||
	fail "ssh-keygen -Y verify accepts all three signatures" "$n of 3"
cmp -s "$W/bundle/minutes.txt" "$W/minutes.txt" &&
	pass "the exported minutes are the ones signed, byte for byte" ||
	fail "the exported minutes are the ones signed, byte for byte"
sed 's/^Minutes: /Minutez: /' "$W/bundle/minutes.txt" >"$W/changed.txt"
p=$(basename "$(ls "$W"/bundle/*.sig | head -1)" .sig)
if ssh-keygen -Y verify -f "$W/bundle/allowed_signers" -I "$p" -n "$NS" \
	-s "$W/bundle/$p.sig" <"$W/changed.txt" >"$W/v" 2>&1; then
	fail "one changed byte fails ssh-keygen -Y verify"
else
	pass "one changed byte fails ssh-keygen -Y verify"
fi

run tl verify "$M"
check_grep "tillit verify checks the three signatures" \
	'signatures with own keys: 3, recorded on paper: 0'
run tl export minutes "$M" --format txt
check_grep "the minutes say who signed with their own key" \
	'^Chair: +Anders Holmgren \(2026-11-23 10:00, with their own key\)$'

# A key changed the day after: the signature stays valid against the key
# that was registered when it was made.
ssh-keygen -q -t ed25519 -N '' -C lena2 -f "$K/lena2"
must env TILLIT_NOW="2026-11-24 09:00" "$TILLIT" --db "$DB" person key \
	"Lena Åström" "$K/lena2.pub"
run tl verify "$M"
check_rc "a key registered later leaves the signatures valid" 0

# --- a frame is acknowledged by its holder only ------------------------------

must tl frame add -q --description "Ram för vikarier" --kind budget \
	--holder-person "Lena Åström"
FRAME=$(last_id)
run tl frame ack "$FRAME" --by "Lena Åström"
check_err "nobody acknowledges a frame as its holder" 1 \
	'^tillit: You cannot acknowledge as Lena Åström; only they can\.$'

done_testing
