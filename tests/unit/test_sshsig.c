/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_sshsig.c - ssh-ed25519 keys and SSHSIG signatures (sshsig.h): a
 * key from a known seed (RFC 8032's first test vector), what a key line
 * may and may not be, signing and checking in this process, and the
 * same with OpenSSH itself: a signature of `ssh-keygen -Y sign` (sha512
 * and sha256) is taken, one of tl_sshsig_sign_seed passes `ssh-keygen -Y
 * verify` (and is byte for byte what ssh-keygen writes with the same
 * key), tl_sshsig_sign_file signs through ssh-keygen and through
 * ssh-agent, and one changed byte of the message fails both sides.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nettle/base64.h>

#include "tillit/core/error.h"
#include "tillit/service/sshsig.h"

#define NS TL_SSHSIG_NAMESPACE
#define PATH_SIZE 512
#define CMD_SIZE 2048

static char tmpdir[256];

/* RFC 8032, section 7.1, test 1: a seed and its public key. */
static const unsigned char rfc_seed[32] = {
	0x9d, 0x61, 0xb1, 0x9d, 0xef, 0xfd, 0x5a, 0x60, 0xba, 0x84, 0x4a,
	0xf4, 0x92, 0xec, 0x2c, 0xc4, 0x44, 0x49, 0xc5, 0x69, 0x7b, 0x32,
	0x69, 0x19, 0x70, 0x3b, 0xac, 0x03, 0x1c, 0xae, 0x7f, 0x60,
};
static const unsigned char rfc_pub[32] = {
	0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe,
	0xd3, 0xc9, 0x64, 0x07, 0x3a, 0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6,
	0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
};

static const char minutes[] = "Protokoll\n\n§ 12 Budget 2027\n"
			      "Beslut: nämnden antar budgeten.\n";

static int setup_env(void **state)
{
	const char *dir = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/tillit-test-sshsig-XXXXXX",
		 dir && *dir ? dir : "/tmp");
	assert_non_null(mkdtemp(tmpdir));
	return 0;
}

static int teardown_env(void **state)
{
	char cmd[PATH_SIZE + 16];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Runs a shell command made like printf in tmpdir; its exit status. */
static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int sh(const char *fmt, ...)
{
	char cmd[CMD_SIZE], full[CMD_SIZE + PATH_SIZE];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	snprintf(full, sizeof(full), "cd '%s' && { %s; }", tmpdir, cmd);
	rc = system(full);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/* The path of name in tmpdir, in one of a few static buffers. */
static const char *at(const char *name)
{
	static char bufs[8][PATH_SIZE];
	static int next;
	char *p = bufs[next++ % 8];

	snprintf(p, PATH_SIZE, "%s/%s", tmpdir, name);
	return p;
}

/* The whole file name in tmpdir, NUL-terminated (caller frees). */
static char *slurp(const char *name)
{
	FILE *fp = fopen(at(name), "rb");
	char *buf;
	long n;

	if (!fp)
		fail_msg("cannot read %s", name);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* a, b and c joined, in a new string. */
static char *join(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);

	assert_non_null(s);
	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

static void spit(const char *name, const char *text, size_t len)
{
	FILE *fp = fopen(at(name), "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* A fresh ed25519 key without passphrase: name and name.pub. */
static void keygen(const char *name)
{
	assert_int_equal(sh("rm -f %s %s.pub && ssh-keygen -q -t ed25519 "
			    "-N '' -C 'test key' -f %s", name, name, name), 0);
}

/* The key of name.pub. */
static struct tl_pubkey pub_of(const char *name)
{
	char file[64];
	char *line;
	struct tl_pubkey pk;
	struct tl_error err;

	snprintf(file, sizeof(file), "%s.pub", name);
	line = slurp(file);
	if (tl_pubkey_parse(line, &pk, &err) != TL_OK)
		fail_msg("parse %s: %s", line, err.msg);
	free(line);
	return pk;
}

/* The length of the string at *off, which is then skipped. */
static uint32_t skip_string(const uint8_t *bin, size_t *off)
{
	const uint8_t *p = bin + *off;
	uint32_t len = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		       (uint32_t)p[2] << 8 | p[3];

	*off += 4 + len;
	return len;
}

/*
 * The seed of an unencrypted OpenSSH private key file (as ssh-keygen -N
 * '' writes it), read from its format: "openssh-key-v1", no cipher, one
 * key; the private part holds, after two check words, the type, the
 * public key and 64 bytes, the seed then the public key.
 */
static void seed_of(const char *name, unsigned char seed[32])
{
	char *text = slurp(name), *b, *e;
	struct base64_decode_ctx ctx;
	uint8_t *bin;
	size_t n = 0, off;

	b = strchr(text, '\n');
	e = strstr(text, "-----END");
	assert_true(b && e && b < e);
	bin = malloc((size_t)(e - b));
	assert_non_null(bin);
	base64_decode_init(&ctx);
	assert_true(base64_decode_update(&ctx, &n, bin, (size_t)(e - b), b));
	assert_true(base64_decode_final(&ctx));
	assert_memory_equal(bin, "openssh-key-v1", 15);
	off = 15;
	skip_string(bin, &off);  /* cipher name */
	skip_string(bin, &off);  /* kdf name */
	skip_string(bin, &off);  /* kdf options */
	off += 4;                /* number of keys */
	skip_string(bin, &off);  /* public key */
	off += 4;                /* the private part's length */
	off += 8;                /* check words */
	skip_string(bin, &off);  /* key type */
	skip_string(bin, &off);  /* public key */
	assert_int_equal(skip_string(bin, &off), 64);
	assert_true(off <= n);
	memcpy(seed, bin + off - 64, 32);
	free(bin);
	free(text);
}

/* ---- keys ------------------------------------------------------------- */

static void test_key_from_seed(void **state)
{
	struct tl_pubkey pk, back;
	char text[TL_PUBKEY_TEXT_SIZE], fpr[TL_PUBKEY_FPR_SIZE];
	struct tl_error err;

	(void)state;
	tl_pubkey_from_seed(rfc_seed, &pk);
	assert_memory_equal(pk.key, rfc_pub, 32);
	tl_pubkey_text(&pk, text);
	assert_int_equal(strlen(text), TL_PUBKEY_TEXT_SIZE - 1);
	assert_int_equal(strncmp(text, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI",
				 37), 0);
	assert_int_equal(tl_pubkey_parse(text, &back, &err), TL_OK);
	assert_memory_equal(back.key, pk.key, 32);
	tl_pubkey_fingerprint(&pk, fpr);
	assert_int_equal(strlen(fpr), TL_PUBKEY_FPR_SIZE - 1);
	assert_int_equal(strncmp(fpr, "SHA256:", 7), 0);
	assert_null(strchr(fpr, '='));
}

static void test_key_lines(void **state)
{
	struct tl_pubkey pk, ref;
	char text[TL_PUBKEY_TEXT_SIZE], line[256];
	struct tl_error err;

	(void)state;
	tl_pubkey_from_seed(rfc_seed, &ref);
	tl_pubkey_text(&ref, text);
	/* With a comment, blanks around, a CRLF line end. */
	snprintf(line, sizeof(line), "  %s anna@host with spaces\r\n", text);
	assert_int_equal(tl_pubkey_parse(line, &pk, &err), TL_OK);
	assert_memory_equal(pk.key, ref.key, 32);
	snprintf(line, sizeof(line), "%s\n\n", text);
	assert_int_equal(tl_pubkey_parse(line, &pk, &err), TL_OK);

	assert_int_equal(tl_pubkey_parse("", &pk, &err), TL_EINVAL);
	assert_string_equal(err.msg, "The key is empty; give one line "
			    "\"ssh-ed25519 AAAA...\", as in a .pub file.");
	assert_int_equal(tl_pubkey_parse(NULL, &pk, &err), TL_EINVAL);
	assert_int_equal(tl_pubkey_parse("ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB "
					 "x@y", &pk, &err), TL_EINVAL);
	assert_string_equal(err.msg, "The key is of type ssh-rsa; tillit "
			    "takes only ssh-ed25519 keys.");
	assert_int_equal(tl_pubkey_parse("-----BEGIN OPENSSH PRIVATE KEY---"
					 "--\nb3BlbnNzaC1rZXktdjEAAAAA\n",
					 &pk, &err), TL_EINVAL);
	assert_string_equal(err.msg, "This is a private key; give the public "
			    "key instead (the .pub file).");
	assert_int_equal(tl_pubkey_parse("hello world", &pk, &err), TL_EINVAL);
	assert_string_equal(err.msg, "This is not an SSH public key; give one "
			    "line \"ssh-ed25519 AAAA...\", as in a .pub "
			    "file.");
	assert_int_equal(tl_pubkey_parse("ssh-ed25519", &pk, &err),
			 TL_EINVAL);
	/* Two keys. */
	snprintf(line, sizeof(line), "%s a\n%s b\n", text, text);
	assert_int_equal(tl_pubkey_parse(line, &pk, &err), TL_EINVAL);
	assert_string_equal(err.msg, "Give one key: the text has more than "
			    "one line.");
	/* Cut short, and not base64. */
	snprintf(line, sizeof(line), "%.60s", text);
	assert_int_equal(tl_pubkey_parse(line, &pk, &err), TL_EINVAL);
	assert_string_equal(err.msg, "The ssh-ed25519 key is damaged: its "
			    "base64 text is not an ed25519 key.");
	assert_int_equal(tl_pubkey_parse("ssh-ed25519 AAAA!!!!", &pk, &err),
			 TL_EINVAL);
	/* The type in the text and the blob's must agree: an ed25519
	 * blob under another name is another type. */
	snprintf(line, sizeof(line), "ssh-ed448 %s", text + 12);
	assert_int_equal(tl_pubkey_parse(line, &pk, &err), TL_EINVAL);
	assert_string_equal(err.msg, "The key is of type ssh-ed448; tillit "
			    "takes only ssh-ed25519 keys.");
}

static void test_allowed_signer(void **state)
{
	struct tl_pubkey pk;
	char text[TL_PUBKEY_TEXT_SIZE], want[256];
	char *line;

	(void)state;
	tl_pubkey_from_seed(rfc_seed, &pk);
	tl_pubkey_text(&pk, text);
	line = tl_sshsig_allowed_signer("anna", NS, &pk);
	snprintf(want, sizeof(want), "anna namespaces=\"%s\" %s\n", NS, text);
	assert_string_equal(line, want);
	free(line);
	assert_null(tl_sshsig_allowed_signer("an na", NS, &pk));
	assert_null(tl_sshsig_allowed_signer("a,b", NS, &pk));
	assert_null(tl_sshsig_allowed_signer("", NS, &pk));
	assert_null(tl_sshsig_allowed_signer("a", "x\"y", &pk));
}

/* ---- signatures in this process -------------------------------------- */

static void test_sign_and_verify(void **state)
{
	struct tl_pubkey pk, signer;
	struct tl_error err;
	char *sig = NULL, *copy, *line, *end;
	char bad[sizeof(minutes)];

	(void)state;
	tl_pubkey_from_seed(rfc_seed, &pk);
	assert_int_equal(tl_sshsig_sign_seed(rfc_seed, minutes,
					     strlen(minutes), NS, &sig, &err),
			 TL_OK);
	/* The armor, lines of 70, a final newline. */
	assert_int_equal(strncmp(sig, "-----BEGIN SSH SIGNATURE-----\n", 30),
			 0);
	end = strstr(sig, "-----END SSH SIGNATURE-----\n");
	assert_non_null(end);
	assert_string_equal(end, "-----END SSH SIGNATURE-----\n");
	for (line = sig + 30; line < end; line = strchr(line, '\n') + 1) {
		size_t n = strcspn(line, "\n");
		assert_true(n == 70 || strchr(line, '\n') + 1 == end);
		assert_true(n > 0 && n <= 70);
	}
	/* Signing is deterministic. */
	assert_int_equal(tl_sshsig_sign_seed(rfc_seed, minutes,
					     strlen(minutes), NS, &copy, &err),
			 TL_OK);
	assert_string_equal(copy, sig);
	free(copy);

	memset(&signer, 0, sizeof(signer));
	assert_int_equal(tl_sshsig_verify(sig, minutes, strlen(minutes), NS,
					  &signer, &err), TL_OK);
	assert_memory_equal(signer.key, pk.key, 32);
	assert_int_equal(tl_sshsig_verify(sig, minutes, strlen(minutes), NS,
					  NULL, &err), TL_OK);

	/* One byte of the message changed. */
	memcpy(bad, minutes, sizeof(minutes));
	bad[20] ^= 1;
	assert_int_equal(tl_sshsig_verify(sig, bad, strlen(bad), NS, &signer,
					  &err), TL_EREFUSED);
	assert_string_equal(err.msg, "The signature does not match: the "
			    "signed text, or the key, is not the one it was "
			    "made with.");
	/* Cut short by one byte. */
	assert_int_equal(tl_sshsig_verify(sig, minutes, strlen(minutes) - 1,
					  NS, &signer, &err), TL_EREFUSED);
	/* Another namespace. */
	assert_int_equal(tl_sshsig_verify(sig, minutes, strlen(minutes),
					  "git", &signer, &err), TL_EREFUSED);
	assert_string_equal(err.msg, "The signature was made for "
			    "\"justering@tillit\", not for \"git\".");

	/* Not a signature, cut short, text after its end. */
	assert_int_equal(tl_sshsig_verify("hello", minutes, strlen(minutes),
					  NS, &signer, &err), TL_EINVAL);
	assert_string_equal(err.msg, "This is not an SSH signature: it does "
			    "not begin with \"-----BEGIN SSH "
			    "SIGNATURE-----\".");
	copy = strdup(sig);
	copy[strlen(copy) - 10] = '\0';
	assert_int_equal(tl_sshsig_verify(copy, minutes, strlen(minutes), NS,
					  &signer, &err), TL_EINVAL);
	assert_string_equal(err.msg, "The SSH signature is cut short: its "
			    "line \"-----END SSH SIGNATURE-----\" is "
			    "missing.");
	free(copy);
	copy = join("", sig, "x\n");
	assert_int_equal(tl_sshsig_verify(copy, minutes, strlen(minutes), NS,
					  &signer, &err), TL_EINVAL);
	free(copy);
	/* A line of the base64 dropped: the blob no longer reads. */
	copy = strdup(sig);
	line = copy + 30;
	memmove(line, line + 71, strlen(line + 71) + 1);
	assert_int_equal(tl_sshsig_verify(copy, minutes, strlen(minutes), NS,
					  &signer, &err), TL_EINVAL);
	free(copy);
	/* One character of the signature's bytes changed (near the end,
	 * inside the ed25519 signature). */
	copy = strdup(sig);
	line = strstr(copy, "-----END") - 6;
	*line = *line == 'A' ? 'B' : 'A';
	assert_int_equal(tl_sshsig_verify(copy, minutes, strlen(minutes), NS,
					  &signer, &err), TL_EREFUSED);
	free(copy);
	/* Leading blank lines and an empty message are fine. */
	free(sig);
	assert_int_equal(tl_sshsig_sign_seed(rfc_seed, "", 0, NS, &sig, &err),
			 TL_OK);
	copy = join("\n\n", sig, "\n");
	assert_int_equal(tl_sshsig_verify(copy, "", 0, NS, &signer, &err),
			 TL_OK);
	free(copy);
	free(sig);
	assert_int_equal(tl_sshsig_sign_seed(rfc_seed, "x", 1, "", &sig, &err),
			 TL_EINVAL);
	assert_null(sig);
}

/* ---- with OpenSSH ----------------------------------------------------- */

/* The checks of ssh-keygen's signature of file name, made with key. */
static void check_keygen_signature(const char *key, const char *name,
				   const char *ns, enum tl_status want)
{
	struct tl_pubkey pk = pub_of(key), signer;
	char file[64];
	char *msg = slurp(name), *sig;
	struct tl_error err;

	snprintf(file, sizeof(file), "%s.sig", name);
	sig = slurp(file);
	if (tl_sshsig_verify(sig, msg, strlen(msg), ns, &signer, &err) !=
	    want)
		fail_msg("verify %s: %s", file, err.msg);
	if (want == TL_OK)
		assert_memory_equal(signer.key, pk.key, 32);
	free(sig);
	free(msg);
}

static void test_keygen_signs_tillit_verifies(void **state)
{
	(void)state;
	keygen("anna");
	spit("minutes.txt", minutes, strlen(minutes));
	assert_int_equal(sh("ssh-keygen -q -Y sign -n %s -f anna minutes.txt "
			    "2>/dev/null", NS), 0);
	check_keygen_signature("anna", "minutes.txt", NS, TL_OK);
	check_keygen_signature("anna", "minutes.txt", "other", TL_EREFUSED);
	/* sha256, which ssh-keygen makes when asked to. */
	assert_int_equal(sh("cp minutes.txt m256.txt && ssh-keygen -q -Y sign "
			    "-n %s -O hashalg=sha256 -f anna m256.txt "
			    "2>/dev/null && grep -q . m256.txt.sig", NS), 0);
	check_keygen_signature("anna", "m256.txt", NS, TL_OK);
	/* One byte of the signed file changed. */
	assert_int_equal(sh("cp minutes.txt.sig changed.txt.sig && "
			    "sed 's/12/13/' minutes.txt >changed.txt && "
			    "! cmp -s minutes.txt changed.txt"), 0);
	check_keygen_signature("anna", "changed.txt", NS, TL_EREFUSED);
	/* ssh-keygen's own check agrees. */
	assert_int_equal(sh("printf 'anna namespaces=\"%s\" ' >anna.allowed && "
			    "cat anna.pub >>anna.allowed && "
			    "ssh-keygen -Y verify -f anna.allowed -I anna -n %s "
			    "-s changed.txt.sig <changed.txt >/dev/null 2>&1",
			    NS, NS), 255);
}

static void test_tillit_signs_keygen_verifies(void **state)
{
	unsigned char seed[32];
	struct tl_pubkey pk = {{0}};
	struct tl_error err;
	char *sig = NULL, *line, *theirs;

	(void)state;
	keygen("bo");
	seed_of("bo", seed);
	tl_pubkey_from_seed(seed, &pk);
	assert_memory_equal(pk.key, pub_of("bo").key, 32);
	spit("doc.txt", minutes, strlen(minutes));
	assert_int_equal(tl_sshsig_sign_seed(seed, minutes, strlen(minutes),
					     NS, &sig, &err), TL_OK);
	spit("doc.txt.sig", sig, strlen(sig));
	line = tl_sshsig_allowed_signer("bo", NS, &pk);
	spit("allowed", line, strlen(line));
	free(line);
	assert_int_equal(sh("ssh-keygen -Y verify -f allowed -I bo -n %s "
			    "-s doc.txt.sig <doc.txt >/dev/null 2>&1", NS), 0);
	/* The wrong principal, the wrong namespace, one byte changed. */
	assert_int_not_equal(sh("ssh-keygen -Y verify -f allowed -I cy -n %s "
				"-s doc.txt.sig <doc.txt >/dev/null 2>&1",
				NS), 0);
	assert_int_not_equal(sh("ssh-keygen -Y verify -f allowed -I bo -n git "
				"-s doc.txt.sig <doc.txt >/dev/null 2>&1"), 0);
	assert_int_not_equal(sh("sed 's/antar/avslår/' doc.txt | ssh-keygen -Y "
				"verify -f allowed -I bo -n %s -s doc.txt.sig "
				">/dev/null 2>&1", NS), 0);
	/* Byte for byte what ssh-keygen writes with the same key. */
	assert_int_equal(sh("mv doc.txt.sig ours.sig && ssh-keygen -q -Y sign "
			    "-n %s -f bo doc.txt 2>/dev/null", NS), 0);
	theirs = slurp("doc.txt.sig");
	assert_string_equal(sig, theirs);
	free(theirs);
	free(sig);
}

static void test_fingerprint_as_keygen(void **state)
{
	struct tl_pubkey pk;
	char fpr[TL_PUBKEY_FPR_SIZE], text[TL_PUBKEY_TEXT_SIZE];
	char *out, *line;

	(void)state;
	for (int i = 0; i < 3; i++) {
		keygen("fp");
		pk = pub_of("fp");
		tl_pubkey_fingerprint(&pk, fpr);
		assert_int_equal(sh("ssh-keygen -lf fp.pub | cut -d' ' -f2 "
				    ">fp.lf"), 0);
		out = slurp("fp.lf");
		out[strcspn(out, "\n")] = '\0';
		assert_string_equal(fpr, out);
		free(out);
		/* The text without the comment. */
		tl_pubkey_text(&pk, text);
		line = slurp("fp.pub");
		assert_int_equal(strncmp(line, text, strlen(text)), 0);
		assert_string_equal(line + strlen(text), " test key\n");
		free(line);
	}
	/* A key of another type, as ssh-keygen writes it. */
	assert_int_equal(sh("ssh-keygen -q -t ecdsa -N '' -f ec"), 0);
	line = slurp("ec.pub");
	{
		struct tl_error err;
		assert_int_equal(tl_pubkey_parse(line, &pk, &err), TL_EINVAL);
		assert_string_equal(err.msg, "The key is of type "
				    "ecdsa-sha2-nistp256; tillit takes only "
				    "ssh-ed25519 keys.");
	}
	free(line);
}

static void test_sign_file(void **state)
{
	struct tl_pubkey signer;
	struct tl_error err;
	char *sig = NULL, *old_path, pidtext[32] = "";
	const char *path = getenv("PATH");
	FILE *fp;

	(void)state;
	keygen("cy");
	assert_int_equal(tl_sshsig_sign_file(at("cy"), minutes,
					     strlen(minutes), NS, &sig, &err),
			 TL_OK);
	assert_int_equal(tl_sshsig_verify(sig, minutes, strlen(minutes), NS,
					  &signer, &err), TL_OK);
	assert_memory_equal(signer.key, pub_of("cy").key, 32);
	free(sig);

	/* No key file, a key of another type, no ssh-keygen. */
	assert_int_equal(tl_sshsig_sign_file(at("nobody"), "x", 1, NS, &sig,
					     &err), TL_EINVAL);
	assert_null(sig);
	assert_non_null(strstr(err.msg, "Cannot read the key file "));
	assert_non_null(strstr(err.msg, "No such file or directory."));
	assert_int_equal(sh("ssh-keygen -q -t ecdsa -N '' -f ec2"), 0);
	assert_int_equal(tl_sshsig_sign_file(at("ec2"), "x", 1, NS, &sig,
					     &err), TL_EINVAL);
	assert_string_equal(err.msg, "The signature was made with a key of "
			    "type ecdsa-sha2-nistp256; tillit takes only "
			    "ssh-ed25519 keys.");
	spit("junk", "not a key\n", 10);
	assert_int_equal(tl_sshsig_sign_file(at("junk"), "x", 1, NS, &sig,
					     &err), TL_EINVAL);
	assert_int_equal(strncmp(err.msg, "ssh-keygen could not sign with ",
				 31), 0);
	assert_null(strstr(err.msg, "Signing file"));
	old_path = strdup(path ? path : "");
	setenv("PATH", at("no-such-folder"), 1);
	assert_int_equal(tl_sshsig_sign_file(at("cy"), "x", 1, NS, &sig, &err),
			 TL_ESYS);
	setenv("PATH", old_path, 1);
	free(old_path);
	assert_string_equal(err.msg, "ssh-keygen was not found; install "
			    "OpenSSH's client (openssh-client) to sign with "
			    "a key file.");

	/* Through ssh-agent: only the .pub file is left here. */
	if (sh("command -v ssh-agent >/dev/null && command -v ssh-add "
	       ">/dev/null") != 0)
		return;
	assert_int_equal(sh("ssh-agent -a %s/agent.sock -s >agent.env",
			    tmpdir), 0);
	assert_int_equal(sh("sed -n 's/^SSH_AGENT_PID=\\([0-9]*\\);.*/\\1/p' "
			    "agent.env >agent.pid"), 0);
	fp = fopen(at("agent.pid"), "r");
	assert_non_null(fp);
	assert_non_null(fgets(pidtext, sizeof(pidtext), fp));
	fclose(fp);
	setenv("SSH_AUTH_SOCK", at("agent.sock"), 1);
	assert_int_equal(sh("SSH_AUTH_SOCK=%s/agent.sock ssh-add -q cy "
			    "2>/dev/null && mv cy cy.away", tmpdir), 0);
	assert_int_equal(tl_sshsig_sign_file(at("cy.pub"), minutes,
					     strlen(minutes), NS, &sig, &err),
			 TL_OK);
	kill((pid_t)strtol(pidtext, NULL, 10), SIGTERM);
	unsetenv("SSH_AUTH_SOCK");
	assert_int_equal(tl_sshsig_verify(sig, minutes, strlen(minutes), NS,
					  &signer, &err), TL_OK);
	assert_memory_equal(signer.key, pub_of("cy").key, 32);
	free(sig);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_from_seed),
		cmocka_unit_test(test_key_lines),
		cmocka_unit_test(test_allowed_signer),
		cmocka_unit_test(test_sign_and_verify),
		cmocka_unit_test(test_keygen_signs_tillit_verifies),
		cmocka_unit_test(test_tillit_signs_keygen_verifies),
		cmocka_unit_test(test_fingerprint_as_keygen),
		cmocka_unit_test(test_sign_file),
	};

	return cmocka_run_group_tests(tests, setup_env, teardown_env);
}
