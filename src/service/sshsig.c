/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * sshsig.c - ssh-ed25519 keys and SSHSIG signatures, with Nettle's
 * ed25519, SHA-2 and base64, following OpenSSH's PROTOCOL.sshsig.
 *
 * The format, briefly.  A key's wire form is string "ssh-ed25519" and
 * string KEY (32 bytes), a string being a big-endian uint32 length and
 * the bytes.  What is signed is "SSHSIG", string NAMESPACE, string
 * RESERVED (empty), string HASH ("sha512" or "sha256") and string
 * H(message).  The signature blob is "SSHSIG", uint32 1, string KEYBLOB,
 * string NAMESPACE, string RESERVED, string HASH and string SIG, where
 * SIG is string "ssh-ed25519" and string ED25519-SIGNATURE (64 bytes);
 * it goes out in base64 between the BEGIN and END lines of the armor.
 *
 * Signing with a key file is left to `ssh-keygen -Y sign`, which knows
 * every form of private key, passphrases and the agent; tillit checks
 * what it hands back like any other signature.
 */
#include "tillit/service/sshsig.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nettle/base64.h>
#include <nettle/eddsa.h>
#include <nettle/sha2.h>

#include "tillit/core/i18n.h"

#define KEY_TYPE "ssh-ed25519"
#define MAGIC "SSHSIG"
#define MAGIC_LEN 6
#define SIG_VERSION 1
#define ARMOR_BEGIN "-----BEGIN SSH SIGNATURE-----"
#define ARMOR_END "-----END SSH SIGNATURE-----"
/* ssh-keygen wraps the base64 of a signature at 70 columns. */
#define ARMOR_COLS 70
/* A key's wire form: 4 + 11 + 4 + 32 bytes. */
#define KEY_BLOB_SIZE 51

extern char **environ;

/* ---- byte strings --------------------------------------------------- */

/* A growing buffer of bytes; oom once any append failed. */
struct wbuf {
	unsigned char *p;
	size_t n, cap;
	bool oom;
};

static void wbuf_put(struct wbuf *b, const void *data, size_t len)
{
	if (b->oom)
		return;
	if (b->n + len > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		unsigned char *p;
		while (cap < b->n + len)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, data, len);
	b->n += len;
}

static void wbuf_u32(struct wbuf *b, uint32_t v)
{
	unsigned char be[4] = {(unsigned char)(v >> 24),
			       (unsigned char)(v >> 16),
			       (unsigned char)(v >> 8), (unsigned char)v};

	wbuf_put(b, be, 4);
}

static void wbuf_string(struct wbuf *b, const void *data, size_t len)
{
	wbuf_u32(b, (uint32_t)len);
	wbuf_put(b, data, len);
}

static void wbuf_cstring(struct wbuf *b, const char *s)
{
	wbuf_string(b, s, strlen(s));
}

/* Reading a byte string: every get fails once the bytes run out. */
struct rbuf {
	const unsigned char *p;
	size_t n;
};

static bool rbuf_u32(struct rbuf *b, uint32_t *v)
{
	if (b->n < 4)
		return false;
	*v = (uint32_t)b->p[0] << 24 | (uint32_t)b->p[1] << 16 |
	     (uint32_t)b->p[2] << 8 | b->p[3];
	b->p += 4;
	b->n -= 4;
	return true;
}

static bool rbuf_string(struct rbuf *b, const unsigned char **data,
			size_t *len)
{
	uint32_t n;

	if (!rbuf_u32(b, &n) || n > b->n)
		return false;
	*data = b->p;
	*len = n;
	b->p += n;
	b->n -= n;
	return true;
}

/* The string just read equals the C string s. */
static bool bytes_are(const unsigned char *data, size_t len, const char *s)
{
	return len == strlen(s) && !memcmp(data, s, len);
}

/* True when the bytes are a short line of printable ASCII, fit to be
 * quoted in a message. */
static bool printable(const unsigned char *data, size_t len)
{
	if (len == 0 || len > 64)
		return false;
	for (size_t i = 0; i < len; i++)
		if (data[i] < 0x20 || data[i] > 0x7e)
			return false;
	return true;
}

/* ---- base64 ---------------------------------------------------------- */

/* The base64 of len bytes, with padding, in a new string; NULL when out
 * of memory. */
static char *b64_encode(const void *data, size_t len)
{
	char *s = malloc(BASE64_ENCODE_RAW_LENGTH(len) + 1);

	if (!s)
		return NULL;
	base64_encode_raw(s, len, data);
	s[BASE64_ENCODE_RAW_LENGTH(len)] = '\0';
	return s;
}

/*
 * Decodes the base64 text of len chars (white space is skipped) into a
 * new buffer *out of *outlen bytes.  False when it is not base64 or is
 * out of memory (*out NULL either way).
 */
static bool b64_decode(const char *text, size_t len, unsigned char **out,
		       size_t *outlen)
{
	struct base64_decode_ctx ctx;
	unsigned char *buf = malloc(BASE64_DECODE_LENGTH(len) + 1);
	size_t n = 0;

	*out = NULL;
	*outlen = 0;
	if (!buf)
		return false;
	base64_decode_init(&ctx);
	if (!base64_decode_update(&ctx, &n, buf, len, text) ||
	    !base64_decode_final(&ctx)) {
		free(buf);
		return false;
	}
	*out = buf;
	*outlen = n;
	return true;
}

/* ---- keys ------------------------------------------------------------ */

/* The key's wire form into blob. */
static void key_blob(const struct tl_pubkey *pk,
		     unsigned char blob[KEY_BLOB_SIZE])
{
	struct wbuf b = {0};

	wbuf_cstring(&b, KEY_TYPE);
	wbuf_string(&b, pk->key, sizeof(pk->key));
	/* 51 bytes: failing is only possible when out of memory. */
	if (!b.oom && b.n == KEY_BLOB_SIZE)
		memcpy(blob, b.p, KEY_BLOB_SIZE);
	else
		memset(blob, 0, KEY_BLOB_SIZE);
	free(b.p);
}

/* The key of a wire form, into *pk; false when it is not an ed25519
 * key's.  *type and *tlen are the type it names (when it names one). */
static bool key_from_blob(const unsigned char *blob, size_t len,
			  struct tl_pubkey *pk, const unsigned char **type,
			  size_t *tlen)
{
	struct rbuf b = {blob, len};
	const unsigned char *key;
	size_t klen;

	*type = NULL;
	*tlen = 0;
	if (!rbuf_string(&b, type, tlen))
		return false;
	if (!bytes_are(*type, *tlen, KEY_TYPE) ||
	    !rbuf_string(&b, &key, &klen) || klen != sizeof(pk->key) ||
	    b.n != 0)
		return false;
	memcpy(pk->key, key, sizeof(pk->key));
	return true;
}

void tl_pubkey_text(const struct tl_pubkey *pk, char *out)
{
	unsigned char blob[KEY_BLOB_SIZE];
	char b64[BASE64_ENCODE_RAW_LENGTH(KEY_BLOB_SIZE) + 1];

	key_blob(pk, blob);
	base64_encode_raw(b64, sizeof(blob), blob);
	b64[BASE64_ENCODE_RAW_LENGTH(KEY_BLOB_SIZE)] = '\0';
	snprintf(out, TL_PUBKEY_TEXT_SIZE, "%s %s", KEY_TYPE, b64);
}

void tl_pubkey_fingerprint(const struct tl_pubkey *pk, char *out)
{
	unsigned char blob[KEY_BLOB_SIZE];
	uint8_t md[SHA256_DIGEST_SIZE];
	char b64[BASE64_ENCODE_RAW_LENGTH(SHA256_DIGEST_SIZE) + 1];
	struct sha256_ctx ctx;

	key_blob(pk, blob);
	sha256_init(&ctx);
	sha256_update(&ctx, sizeof(blob), blob);
	sha256_digest(&ctx, sizeof(md), md);
	base64_encode_raw(b64, sizeof(md), md);
	b64[BASE64_ENCODE_RAW_LENGTH(SHA256_DIGEST_SIZE)] = '\0';
	/* OpenSSH prints it without the padding: 43 of the 44 chars. */
	memcpy(out, "SHA256:", 7);
	memcpy(out + 7, b64, TL_PUBKEY_FPR_SIZE - 8);
	out[TL_PUBKEY_FPR_SIZE - 1] = '\0';
}

void tl_pubkey_from_seed(const unsigned char seed[32], struct tl_pubkey *pk)
{
	ed25519_sha512_public_key(pk->key, seed);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The word at *s (up to white space), its length in *len; *s moves past
 * the white space before it. */
static const char *next_word(const char **s, size_t *len)
{
	const char *w = *s;

	while (*w == ' ' || *w == '\t')
		w++;
	*len = 0;
	while (w[*len] && !is_space(w[*len]))
		(*len)++;
	*s = w + *len;
	return w;
}

enum tl_status tl_pubkey_parse(const char *line, struct tl_pubkey *pk,
			       struct tl_error *err)
{
	const char *s = line ? line : "", *type, *b64, *rest;
	size_t tlen, blen;
	unsigned char *blob = NULL;
	const unsigned char *btype;
	size_t bloblen, btlen;
	bool ok;

	while (is_space(*s))
		s++;
	if (!*s)
		return tl_error_set(err, TL_EINVAL, _("The key is empty; give "
				    "one line \"ssh-ed25519 AAAA...\", as in "
				    "a .pub file."));
	if (!strncmp(s, "-----BEGIN", 10) && strstr(s, "PRIVATE KEY"))
		return tl_error_set(err, TL_EINVAL, _("This is a private key; "
				    "give the public key instead (the .pub "
				    "file)."));
	type = next_word(&s, &tlen);
	b64 = next_word(&s, &blen);
	/* The comment, if any, runs to the end of the line. */
	rest = strchr(s, '\n');
	if (rest) {
		while (is_space(*rest))
			rest++;
		if (*rest)
			return tl_error_set(err, TL_EINVAL, _("Give one key: "
					    "the text has more than one "
					    "line."));
	}
	/* A key of another type is still "TYPE AAAA...". */
	if (blen < 4 || strncmp(b64, "AAAA", 4) ||
	    !printable((const unsigned char *)type, tlen))
		return tl_error_set(err, TL_EINVAL, _("This is not an SSH "
				    "public key; give one line \"ssh-ed25519 "
				    "AAAA...\", as in a .pub file."));
	if (tlen != strlen(KEY_TYPE) || strncmp(type, KEY_TYPE, tlen))
		return tl_error_set(err, TL_EINVAL, _("The key is of type "
				    "%.*s; tillit takes only ssh-ed25519 "
				    "keys."), (int)tlen, type);
	ok = b64_decode(b64, blen, &blob, &bloblen) &&
	     key_from_blob(blob, bloblen, pk, &btype, &btlen);
	free(blob);
	if (!ok)
		return tl_error_set(err, TL_EINVAL, _("The ssh-ed25519 key is "
				    "damaged: its base64 text is not an "
				    "ed25519 key."));
	return TL_OK;
}

char *tl_sshsig_allowed_signer(const char *principal, const char *ns,
			       const struct tl_pubkey *pk)
{
	char text[TL_PUBKEY_TEXT_SIZE];
	char *line;
	int n;

	if (!principal || !*principal ||
	    principal[strcspn(principal, " \t\r\n\",*?!")] ||
	    strchr(ns, '"') || strchr(ns, '\n'))
		return NULL;
	tl_pubkey_text(pk, text);
	n = snprintf(NULL, 0, "%s namespaces=\"%s\" %s\n", principal, ns,
		     text);
	line = n > 0 ? malloc((size_t)n + 1) : NULL;
	if (line)
		snprintf(line, (size_t)n + 1, "%s namespaces=\"%s\" %s\n",
			 principal, ns, text);
	return line;
}

/* ---- signatures ------------------------------------------------------ */

/* H(message) with the hash named alg ("sha512" or "sha256") into md;
 * its length, or 0 for a hash tillit does not know. */
static size_t message_hash(const char *alg, size_t alen, const void *msg,
			   size_t len, uint8_t md[SHA512_DIGEST_SIZE])
{
	if (bytes_are((const unsigned char *)alg, alen, "sha512")) {
		struct sha512_ctx ctx;
		sha512_init(&ctx);
		sha512_update(&ctx, len, msg);
		sha512_digest(&ctx, SHA512_DIGEST_SIZE, md);
		return SHA512_DIGEST_SIZE;
	}
	if (bytes_are((const unsigned char *)alg, alen, "sha256")) {
		struct sha256_ctx ctx;
		sha256_init(&ctx);
		sha256_update(&ctx, len, msg);
		sha256_digest(&ctx, SHA256_DIGEST_SIZE, md);
		return SHA256_DIGEST_SIZE;
	}
	return 0;
}

/* What is signed: the preamble, namespace, an empty reserved string,
 * the hash's name and the message's hash. */
static void signed_data(struct wbuf *b, const char *ns, const char *alg,
			size_t alen, const uint8_t *md, size_t mdlen)
{
	wbuf_put(b, MAGIC, MAGIC_LEN);
	wbuf_cstring(b, ns);
	wbuf_string(b, "", 0);
	wbuf_string(b, alg, alen);
	wbuf_string(b, md, mdlen);
}

/* The base64 text between the armor's lines, into *start and *len. */
static enum tl_status armor_body(const char *armored, const char **start,
				 size_t *len, struct tl_error *err)
{
	const char *s = armored ? armored : "", *end, *after;

	while (is_space(*s))
		s++;
	if (strncmp(s, ARMOR_BEGIN, strlen(ARMOR_BEGIN)))
		return tl_error_set(err, TL_EINVAL, _("This is not an SSH "
				    "signature: it does not begin with "
				    "\"%s\"."), ARMOR_BEGIN);
	s += strlen(ARMOR_BEGIN);
	end = strstr(s, ARMOR_END);
	if (!end)
		return tl_error_set(err, TL_EINVAL, _("The SSH signature is "
				    "cut short: its line \"%s\" is missing."),
				    ARMOR_END);
	for (after = end + strlen(ARMOR_END); is_space(*after); after++)
		;
	if (*after)
		return tl_error_set(err, TL_EINVAL, _("The SSH signature has "
				    "more text after its end line."));
	*start = s;
	*len = (size_t)(end - s);
	return TL_OK;
}

static enum tl_status damaged(struct tl_error *err)
{
	return tl_error_set(err, TL_EINVAL, _("The SSH signature is damaged; "
			    "it cannot be read."));
}

/* The namespace of a signature, quoted in a message, into buf. */
static const char *shown_ns(const unsigned char *ns, size_t len, char *buf,
			    size_t size)
{
	if (printable(ns, len))
		snprintf(buf, size, "\"%.*s\"", (int)len, (const char *)ns);
	else
		snprintf(buf, size, "%s", _("another namespace"));
	return buf;
}

/* Checks the decoded signature blob; see tl_sshsig_verify. */
static enum tl_status check_blob(const unsigned char *blob, size_t bloblen,
				 const void *msg, size_t len, const char *ns,
				 struct tl_pubkey *signer,
				 struct tl_error *err)
{
	struct rbuf b = {blob, bloblen}, sb;
	const unsigned char *kblob, *sns, *reserved, *alg, *sig, *stype, *raw;
	const unsigned char *ktype;
	size_t kblen, snslen, rlen, alen, siglen, stlen, rawlen, ktlen;
	struct tl_pubkey pk;
	uint8_t md[SHA512_DIGEST_SIZE];
	struct wbuf data = {0};
	char shown[80];
	uint32_t version;
	size_t mdlen;
	int good;

	if (bloblen < MAGIC_LEN || memcmp(blob, MAGIC, MAGIC_LEN))
		return damaged(err);
	b.p += MAGIC_LEN;
	b.n -= MAGIC_LEN;
	if (!rbuf_u32(&b, &version))
		return damaged(err);
	if (version != SIG_VERSION)
		return tl_error_set(err, TL_EINVAL, _("The SSH signature is of "
				    "version %u, which tillit does not "
				    "know."), (unsigned)version);
	if (!rbuf_string(&b, &kblob, &kblen) ||
	    !rbuf_string(&b, &sns, &snslen) ||
	    !rbuf_string(&b, &reserved, &rlen) ||
	    !rbuf_string(&b, &alg, &alen) ||
	    !rbuf_string(&b, &sig, &siglen) || b.n != 0)
		return damaged(err);
	if (!key_from_blob(kblob, kblen, &pk, &ktype, &ktlen)) {
		if (ktype && printable(ktype, ktlen) &&
		    !bytes_are(ktype, ktlen, KEY_TYPE))
			return tl_error_set(err, TL_EINVAL, _("The signature "
					    "was made with a key of type "
					    "%.*s; tillit takes only "
					    "ssh-ed25519 keys."), (int)ktlen,
					    (const char *)ktype);
		return damaged(err);
	}
	(void)reserved; /* to be ignored, says the format */
	(void)rlen;
	if (!bytes_are(sns, snslen, ns))
		return tl_error_set(err, TL_EREFUSED, _("The signature was "
				    "made for %s, not for \"%s\"."),
				    shown_ns(sns, snslen, shown,
					     sizeof(shown)), ns);
	mdlen = message_hash((const char *)alg, alen, msg, len, md);
	if (!mdlen)
		return tl_error_set(err, TL_EINVAL, _("The signature uses a "
				    "hash tillit does not know; it takes "
				    "sha512 and sha256."));
	sb = (struct rbuf){sig, siglen};
	if (!rbuf_string(&sb, &stype, &stlen) ||
	    !bytes_are(stype, stlen, KEY_TYPE) ||
	    !rbuf_string(&sb, &raw, &rawlen) ||
	    rawlen != ED25519_SIGNATURE_SIZE || sb.n != 0)
		return damaged(err);
	signed_data(&data, ns, (const char *)alg, alen, md, mdlen);
	if (data.oom) {
		free(data.p);
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	good = ed25519_sha512_verify(pk.key, data.n, data.p, raw);
	free(data.p);
	if (!good)
		return tl_error_set(err, TL_EREFUSED, _("The signature does "
				    "not match: the signed text, or the key, "
				    "is not the one it was made with."));
	if (signer)
		*signer = pk;
	return TL_OK;
}

enum tl_status tl_sshsig_verify(const char *armored, const void *msg,
				size_t len, const char *ns,
				struct tl_pubkey *signer,
				struct tl_error *err)
{
	const char *body = NULL;
	unsigned char *blob;
	size_t blen = 0, bloblen;
	enum tl_status rc;

	rc = armor_body(armored, &body, &blen, err);
	if (rc != TL_OK)
		return rc;
	if (!b64_decode(body, blen, &blob, &bloblen))
		return tl_error_set(err, TL_EINVAL, _("The SSH signature is "
				    "damaged: its base64 text does not "
				    "decode."));
	rc = check_blob(blob, bloblen, msg ? msg : "", msg ? len : 0, ns,
			signer, err);
	free(blob);
	return rc;
}

/* The armor around a signature blob, in a new string; NULL when out of
 * memory. */
static char *armor(const unsigned char *blob, size_t len)
{
	char *b64 = b64_encode(blob, len), *out, *o;
	size_t n, lines;

	if (!b64)
		return NULL;
	n = strlen(b64);
	lines = (n + ARMOR_COLS - 1) / ARMOR_COLS;
	out = malloc(strlen(ARMOR_BEGIN) + strlen(ARMOR_END) + n + lines +
		     3);
	if (out) {
		o = out + sprintf(out, "%s\n", ARMOR_BEGIN);
		for (size_t i = 0; i < n; i += ARMOR_COLS) {
			size_t k = n - i < ARMOR_COLS ? n - i : ARMOR_COLS;
			memcpy(o, b64 + i, k);
			o += k;
			*o++ = '\n';
		}
		sprintf(o, "%s\n", ARMOR_END);
	}
	free(b64);
	return out;
}

enum tl_status tl_sshsig_sign_seed(const unsigned char seed[32],
				   const void *msg, size_t len,
				   const char *ns, char **armored,
				   struct tl_error *err)
{
	struct tl_pubkey pk;
	unsigned char kblob[KEY_BLOB_SIZE];
	uint8_t md[SHA512_DIGEST_SIZE], raw[ED25519_SIGNATURE_SIZE];
	struct wbuf data = {0}, sig = {0}, blob = {0};
	size_t mdlen;

	*armored = NULL;
	if (!ns || !*ns)
		return tl_error_set(err, TL_EINVAL, _("A signature needs a "
				    "namespace."));
	tl_pubkey_from_seed(seed, &pk);
	key_blob(&pk, kblob);
	mdlen = message_hash("sha512", 6, msg ? msg : "", msg ? len : 0, md);
	signed_data(&data, ns, "sha512", 6, md, mdlen);
	if (!data.oom)
		ed25519_sha512_sign(pk.key, seed, data.n, data.p, raw);
	wbuf_cstring(&sig, KEY_TYPE);
	wbuf_string(&sig, raw, sizeof(raw));
	wbuf_put(&blob, MAGIC, MAGIC_LEN);
	wbuf_u32(&blob, SIG_VERSION);
	wbuf_string(&blob, kblob, sizeof(kblob));
	wbuf_cstring(&blob, ns);
	wbuf_string(&blob, "", 0);
	wbuf_cstring(&blob, "sha512");
	wbuf_string(&blob, sig.p, sig.n);
	if (!data.oom && !sig.oom && !blob.oom)
		*armored = armor(blob.p, blob.n);
	free(data.p);
	free(sig.p);
	free(blob.p);
	if (!*armored)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	return TL_OK;
}

/* ---- signing with ssh-keygen ----------------------------------------- */

/* The whole file at path, NUL-terminated, in *out (caller frees). */
static bool read_all(const char *path, char **out)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	*out = NULL;
	if (!fp)
		return false;
	do {
		if (n + 4096 + 1 > cap) {
			char *p = realloc(buf, cap = n + 4096 + 1);
			if (!p) {
				free(buf);
				fclose(fp);
				return false;
			}
			buf = p;
		}
		got = fread(buf + n, 1, 4096, fp);
		n += got;
	} while (got > 0);
	if (ferror(fp)) {
		free(buf);
		fclose(fp);
		return false;
	}
	fclose(fp);
	buf[n] = '\0';
	*out = buf;
	return true;
}

/* The first line of what ssh-keygen said on stderr that is more than
 * its account of the work, cleaned of control characters, into buf. */
static void first_complaint(const char *path, char *buf, size_t size)
{
	char *text = NULL, *line, *next;

	snprintf(buf, size, "%s", _("it gave no reason"));
	if (!read_all(path, &text))
		return;
	for (line = text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!*line || !strncmp(line, "Signing file ", 13) ||
		    !strncmp(line, "Write signature to ", 19))
			continue;
		for (char *c = line; *c; c++)
			if ((unsigned char)*c < 0x20 || *c == 0x7f)
				*c = ' ';
		snprintf(buf, size, "%.200s", line);
		break;
	}
	free(text);
}

/* Writes len bytes to a new file path (0600). */
static bool write_new(const char *path, const void *data, size_t len)
{
	const char *p = data;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);

	if (fd < 0)
		return false;
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return false;
		}
		p += w;
		len -= (size_t)w;
	}
	return close(fd) == 0;
}

/* Runs ssh-keygen -Y sign on the file `doc`, its stderr to errpath.
 * TL_OK when it signed; else err says why. */
static enum tl_status run_keygen(const char *keyfile, const char *doc,
				 const char *ns, const char *errpath,
				 struct tl_error *err)
{
	char *argv[] = {"ssh-keygen", "-Y", "sign", "-n", (char *)ns, "-f",
			(char *)keyfile, (char *)doc, NULL};
	posix_spawn_file_actions_t fa;
	char why[256];
	pid_t pid;
	int rc, status;

	if (posix_spawn_file_actions_init(&fa) != 0)
		return tl_error_set(err, TL_ESYS, _("Out of memory."));
	rc = posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null",
					      O_WRONLY, 0);
	if (rc == 0)
		rc = posix_spawn_file_actions_addopen(&fa, STDERR_FILENO,
						      errpath, O_WRONLY |
						      O_CREAT | O_TRUNC,
						      0600);
	if (rc == 0)
		rc = posix_spawnp(&pid, "ssh-keygen", &fa, NULL, argv,
				  environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc == ENOENT)
		return tl_error_set(err, TL_ESYS, _("ssh-keygen was not found; "
				    "install OpenSSH's client "
				    "(openssh-client) to sign with a key "
				    "file."));
	if (rc != 0)
		return tl_error_set(err, TL_ESYS, _("ssh-keygen could not be "
				    "started: %s."), strerror(rc));
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return tl_error_set(err, TL_ESYS, _("ssh-keygen could "
					    "not be waited for: %s."),
					    strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return TL_OK;
	first_complaint(errpath, why, sizeof(why));
	return tl_error_set(err, TL_EINVAL, _("ssh-keygen could not sign with "
			    "%s: %s."), keyfile, why);
}

enum tl_status tl_sshsig_sign_file(const char *keyfile, const void *msg,
				   size_t len, const char *ns,
				   char **armored, struct tl_error *err)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096], doc[4200], sig[4200], errpath[4200];
	enum tl_status rc;

	*armored = NULL;
	if (!ns || !*ns)
		return tl_error_set(err, TL_EINVAL, _("A signature needs a "
				    "namespace."));
	if (!keyfile || access(keyfile, R_OK) != 0)
		return tl_error_set(err, TL_EINVAL, _("Cannot read the key "
				    "file %s: %s."), keyfile ? keyfile : "",
				    strerror(keyfile ? errno : EINVAL));
	if (snprintf(dir, sizeof(dir), "%s/tillit-sign-XXXXXX",
		     tmp && *tmp ? tmp : "/tmp") >= (int)sizeof(dir) ||
	    !mkdtemp(dir))
		return tl_error_set(err, TL_ESYS, _("Cannot make a temporary "
				    "folder: %s."), strerror(errno));
	snprintf(doc, sizeof(doc), "%s/minutes", dir);
	snprintf(sig, sizeof(sig), "%s/minutes.sig", dir);
	snprintf(errpath, sizeof(errpath), "%s/stderr", dir);
	if (!write_new(doc, msg ? msg : "", msg ? len : 0))
		rc = tl_error_set(err, TL_ESYS, _("Cannot write a temporary "
				  "file: %s."), strerror(errno));
	else
		rc = run_keygen(keyfile, doc, ns, errpath, err);
	if (rc == TL_OK && !read_all(sig, armored))
		rc = tl_error_set(err, TL_ESYS, _("Cannot read the signature "
				  "ssh-keygen wrote: %s."), strerror(errno));
	unlink(doc);
	unlink(sig);
	unlink(errpath);
	rmdir(dir);
	/* What the key file held may not be an ed25519 key. */
	if (rc == TL_OK)
		rc = tl_sshsig_verify(*armored, msg, len, ns, NULL, err);
	if (rc != TL_OK) {
		free(*armored);
		*armored = NULL;
	}
	return rc;
}
