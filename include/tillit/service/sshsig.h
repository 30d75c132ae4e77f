/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * sshsig.h - signatures anyone can check with OpenSSH alone: ssh-ed25519
 * public keys as people already have them (id_ed25519.pub), and
 * signatures in OpenSSH's SSHSIG format (PROTOCOL.sshsig), the armored
 * "-----BEGIN SSH SIGNATURE-----" text that `ssh-keygen -Y sign` writes
 * and `ssh-keygen -Y verify` checks.
 *
 * Only ssh-ed25519 keys are taken.  tillit signs in a namespace of its
 * own (TL_SSHSIG_NAMESPACE), so that a signature made for tillit is
 * never taken for one made for anything else, and the other way round.
 */
#ifndef TILLIT_SERVICE_SSHSIG_H
#define TILLIT_SERVICE_SSHSIG_H

#include <stddef.h>

#include "tillit/core/error.h"

/* The namespace of tillit's signatures (`ssh-keygen -Y sign -n ...`). */
#define TL_SSHSIG_NAMESPACE "justering@tillit"

/* Bytes for "ssh-ed25519 AAAA..." and for "SHA256:...", with the NUL. */
#define TL_PUBKEY_TEXT_SIZE 81
#define TL_PUBKEY_FPR_SIZE 51

/* An ssh-ed25519 public key: its 32 bytes. */
struct tl_pubkey {
	unsigned char key[32];
};

/*
 * Parses one line "ssh-ed25519 AAAA... [comment]", as in id_ed25519.pub
 * or the key of an allowed_signers line, into *pk.  Leading and trailing
 * white space is ignored.  Anything else, a key of another type, a
 * private key or a damaged one included, is TL_EINVAL with one clear
 * sentence.
 */
enum tl_status tl_pubkey_parse(const char *line, struct tl_pubkey *pk,
			       struct tl_error *err);

/* The key as "ssh-ed25519 AAAA..." without a comment, into out (at least
 * TL_PUBKEY_TEXT_SIZE bytes). */
void tl_pubkey_text(const struct tl_pubkey *pk, char *out);

/*
 * The fingerprint "SHA256:..." exactly as `ssh-keygen -lf` prints it (the
 * SHA-256 of the key's wire form in base64 without padding), into out
 * (at least TL_PUBKEY_FPR_SIZE bytes).
 */
void tl_pubkey_fingerprint(const struct tl_pubkey *pk, char *out);

/* The public key of a raw 32-byte ed25519 private key (its seed). */
void tl_pubkey_from_seed(const unsigned char seed[32], struct tl_pubkey *pk);

/*
 * Checks the armored SSH signature `armored` over the len bytes at msg,
 * in namespace ns.  On success *signer (may be NULL) is the key that the
 * signature carries and was made with; whether that is the right
 * person's key is the caller's to check.  Both hashes of the format,
 * sha512 and sha256, are taken.  Text that is not such a signature, or a
 * signature made with a key other than ssh-ed25519, is TL_EINVAL; a
 * signature in another namespace, or one that does not match msg and its
 * key, is TL_EREFUSED; each with one clear sentence.
 */
enum tl_status tl_sshsig_verify(const char *armored, const void *msg,
				size_t len, const char *ns,
				struct tl_pubkey *signer,
				struct tl_error *err);

/*
 * Signs the len bytes at msg in namespace ns (not empty) with the raw
 * 32-byte ed25519 private key seed, in this process (the demo's keys),
 * hashing with sha512 as ssh-keygen does.  *armored is the signature as
 * `ssh-keygen -Y sign` writes it: the armor, base64 lines of 70 columns,
 * and a final newline; the caller frees it.  TL_ESYS when out of memory.
 */
enum tl_status tl_sshsig_sign_seed(const unsigned char seed[32],
				   const void *msg, size_t len,
				   const char *ns, char **armored,
				   struct tl_error *err);

/*
 * Signs the len bytes at msg in namespace ns by running `ssh-keygen -Y
 * sign -n ns -f keyfile` on a private temporary copy of them.  keyfile
 * is a private key, or a .pub file whose key ssh-agent holds (ssh-keygen
 * then asks the agent); ssh-keygen may ask for a passphrase on the
 * terminal.  The signature is checked (tl_sshsig_verify) before it is
 * handed back in *armored, which the caller frees.  TL_EINVAL when the
 * key file cannot be read or holds a key other than ssh-ed25519;
 * TL_ESYS when ssh-keygen is not installed, or fails (the sentence
 * then carries the first line of what it said).
 */
enum tl_status tl_sshsig_sign_file(const char *keyfile, const void *msg,
				   size_t len, const char *ns,
				   char **armored, struct tl_error *err);

/*
 * One line of an allowed_signers file for `ssh-keygen -Y verify -f`:
 * `principal namespaces="ns" ssh-ed25519 AAAA...` and a newline, in a
 * new string the caller frees; NULL when out of memory.  principal must
 * be one word without quotes or commas (an id or a login, say).
 */
char *tl_sshsig_allowed_signer(const char *principal, const char *ns,
			       const struct tl_pubkey *pk);

#endif
