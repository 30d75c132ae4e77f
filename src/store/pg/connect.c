/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * connect.c - making the connection, with nothing of the server's shown.
 *
 * PQconnectdbParams() would print what the server sends while the
 * session starts through libpq's default notice processor, on stderr: a
 * server stopped at that moment sends "WARNING: terminating connection
 * due to immediate shutdown command" before it closes.  So the
 * connection is started, silenced, and only then completed, polling
 * its socket as libpq's own blocking call does.  One difference: when
 * connect_timeout runs out, libpq's call would try the next host of a
 * list of several; this gives up, and the store says the server cannot
 * be reached.
 */
#include "pg.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

/* Notices are the server's words: not shown. */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The connection's connect_timeout in milliseconds, or -1 for none (as
 * libpq: a value under 2 s counts as 2 s). */
static int timeout_ms(PGconn *conn)
{
	PQconninfoOption *opts = PQconninfo(conn);
	int ms = -1;

	for (PQconninfoOption *o = opts; o && o->keyword; o++) {
		long s;

		if (strcmp(o->keyword, "connect_timeout") || !o->val ||
		    !*o->val)
			continue;
		s = strtol(o->val, NULL, 10);
		if (s > 0)
			ms = (int)(s < 2 ? 2 : s > 86400 ? 86400 : s) * 1000;
	}
	PQconninfoFree(opts);
	return ms;
}

PGconn *tl_pg_connect(const char *const *keys, const char *const *vals)
{
	PGconn *conn = PQconnectStartParams(keys, vals, 1);
	PostgresPollingStatusType st = PGRES_POLLING_WRITING;
	int ms;

	if (!conn || PQstatus(conn) == CONNECTION_BAD)
		return conn;
	PQsetNoticeProcessor(conn, quiet, NULL);
	ms = timeout_ms(conn);
	while (st != PGRES_POLLING_OK && st != PGRES_POLLING_FAILED) {
		struct pollfd pfd = {
			.fd = PQsocket(conn),
			.events = st == PGRES_POLLING_READING ? POLLIN
							      : POLLOUT,
		};
		int n = poll(&pfd, 1, ms);

		if (n < 0 && errno == EINTR)
			continue;
		/* Out of time, or no socket to wait on: the status stays
		 * short of CONNECTION_OK, which the caller reports. */
		if (n <= 0)
			break;
		st = PQconnectPoll(conn);
	}
	return conn;
}
