/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * test_import_stream.c - an import read from a pipe: the cap on what is
 * read of a stream, met exactly and passed by one byte.
 *
 * A stream is copied into TMPDIR as the import reads it, up to
 * TL_IMPORT_STREAM_MAX bytes (4 GiB); the tests set a cap of a few
 * hundred bytes instead (tl_json_import_stream_max), and a child
 * process writes the document into a FIFO.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tillit/import/import.h"
#include "tillit/store/store.h"

#define PATH_SIZE 512

/* A document of exactly `size` bytes (at least 40): the head, then
 * spaces. */
static char *document(size_t size)
{
	static const char head[] = "{\"format\":\"tillit\",\"version\":1}";
	char *doc = malloc(size);

	assert_non_null(doc);
	assert_true(size >= sizeof(head));
	memset(doc, ' ', size);
	memcpy(doc, head, sizeof(head) - 1);
	return doc;
}

/*
 * Imports doc (len bytes) through a FIFO, a child writing it, with the
 * cap set to `cap`; the status, and the message into msg.
 */
static enum tl_status import_piped(const char *doc, size_t len,
				   long long cap, char *msg, size_t size)
{
	const char *dir = getenv("TMPDIR");
	char folder[PATH_SIZE], fifo[PATH_SIZE + 8];
	struct tl_store *st = NULL;
	struct tl_error err;
	enum tl_status rc;
	pid_t child;

	if (!dir || !*dir)
		dir = "/tmp";
	snprintf(folder, sizeof(folder), "%s/tillit-test-stream-XXXXXX", dir);
	assert_non_null(mkdtemp(folder));
	snprintf(fifo, sizeof(fifo), "%s/fifo", folder);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		FILE *fp;

		signal(SIGPIPE, SIG_DFL);
		fp = fopen(fifo, "wb");
		if (fp) {
			fwrite(doc, 1, len, fp);
			fclose(fp);
		}
		_exit(0);
	}
	assert_int_equal(tl_store_open(":memory:", TL_OPEN_CREATE, &st, &err),
			 TL_OK);
	tl_json_import_stream_max(cap);
	rc = tl_json_import(st, fifo, NULL, &err);
	tl_json_import_stream_max(0);
	snprintf(msg, size, "%s", rc == TL_OK ? "" : err.msg);
	tl_store_close(st);
	/* The child may still be writing what was not read. */
	kill(child, SIGTERM);
	waitpid(child, NULL, 0);
	unlink(fifo);
	rmdir(folder);
	return rc;
}

/* A stream exactly as long as the cap is read whole. */
static void test_stream_at_cap(void **state)
{
	char *doc = document(300), msg[1024];

	(void)state;
	assert_int_equal(import_piped(doc, 300, 300, msg, sizeof(msg)),
			 TL_OK);
	free(doc);
}

/* One byte more is refused, with the cap in the sentence. */
static void test_stream_over_cap(void **state)
{
	char *doc = document(301), msg[1024];

	(void)state;
	assert_int_equal(import_piped(doc, 301, 300, msg, sizeof(msg)),
			 TL_EINVAL);
	assert_non_null(strstr(msg, "is longer than 300 bytes, the most "
			       "tillit reads from a pipe or a device"));
	free(doc);
}

/* An endless stream (here 4 MiB of spaces after the head) ends at the
 * cap, long before its end. */
static void test_stream_endless(void **state)
{
	static const char head[] =
		"{\"format\":\"tillit\",\"version\":1,\"units\":[";
	size_t len = 4 * 1024 * 1024;
	char *doc = document(len), msg[1024];

	(void)state;
	memset(doc, ' ', len);
	memcpy(doc, head, sizeof(head) - 1);
	assert_int_equal(import_piped(doc, len, 1024 * 1024, msg,
				      sizeof(msg)), TL_EINVAL);
	assert_non_null(strstr(msg, "is longer than 1 MiB"));
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stream_at_cap),
		cmocka_unit_test(test_stream_over_cap),
		cmocka_unit_test(test_stream_endless),
	};

	/* The writer is a child; a reader that stops early must not kill
	 * the tests. */
	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
