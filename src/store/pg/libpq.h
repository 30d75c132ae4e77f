/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * libpq.h - the PostgreSQL client library, loaded when a store first
 * opens a PostgreSQL database (libpq.c), not when the program starts.
 *
 * Linked in, libpq brings some sixteen libraries with it (Kerberos,
 * LDAP, TLS) and added 6 ms to the start of every run, an SQLite one
 * too: most of a command's time.  The engine's files call the library
 * through the table tl_libpq, which these macros put in place of each
 * function's name; the types and constants are libpq-fe.h's.  A test
 * that links libpq itself defines TL_LIBPQ_LINKED before pg.h.
 */
#ifndef TILLIT_STORE_PG_LIBPQ_H
#define TILLIT_STORE_PG_LIBPQ_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "tillit/core/error.h"

#define TL_LIBPQ_FUNCTIONS(X) \
	X(PQbackendPID) X(PQclear) X(PQcmdTuples) X(PQconnectPoll) \
	X(PQconnectStartParams) X(PQconninfo) X(PQconninfoFree) \
	X(PQconninfoParse) X(PQconsumeInput) X(PQdb) X(PQerrorMessage) \
	X(PQexec) X(PQexecParams) X(PQexecPrepared) X(PQfinish) \
	X(PQfreemem) X(PQgetResult) X(PQgetisnull) X(PQgetvalue) X(PQhost) \
	X(PQmakeEmptyPGresult) X(PQnotifies) X(PQntuples) X(PQprepare) \
	X(PQputCopyData) X(PQputCopyEnd) X(PQreset) X(PQresultErrorField) \
	X(PQresultStatus) X(PQsendQuery) X(PQsetClientEncoding) \
	X(PQsetNoticeProcessor) X(PQsocket) X(PQstatus) \
	X(PQtransactionStatus)

struct tl_libpq {
#define TL_LIBPQ_MEMBER(f) __typeof__(f) *f;
	TL_LIBPQ_FUNCTIONS(TL_LIBPQ_MEMBER)
#undef TL_LIBPQ_MEMBER
};
extern struct tl_libpq tl_libpq;

/* Loads the library once; TL_ESYS with a sentence when it is not there. */
enum tl_status tl_libpq_load(struct tl_error *err);

#ifndef TL_LIBPQ_LINKED
#define PQbackendPID (tl_libpq.PQbackendPID)
#define PQclear (tl_libpq.PQclear)
#define PQcmdTuples (tl_libpq.PQcmdTuples)
#define PQconnectPoll (tl_libpq.PQconnectPoll)
#define PQconnectStartParams (tl_libpq.PQconnectStartParams)
#define PQconninfo (tl_libpq.PQconninfo)
#define PQconninfoFree (tl_libpq.PQconninfoFree)
#define PQconninfoParse (tl_libpq.PQconninfoParse)
#define PQconsumeInput (tl_libpq.PQconsumeInput)
#define PQdb (tl_libpq.PQdb)
#define PQerrorMessage (tl_libpq.PQerrorMessage)
#define PQexec (tl_libpq.PQexec)
#define PQexecParams (tl_libpq.PQexecParams)
#define PQexecPrepared (tl_libpq.PQexecPrepared)
#define PQfinish (tl_libpq.PQfinish)
#define PQfreemem (tl_libpq.PQfreemem)
#define PQgetResult (tl_libpq.PQgetResult)
#define PQgetisnull (tl_libpq.PQgetisnull)
#define PQgetvalue (tl_libpq.PQgetvalue)
#define PQhost (tl_libpq.PQhost)
#define PQmakeEmptyPGresult (tl_libpq.PQmakeEmptyPGresult)
#define PQnotifies (tl_libpq.PQnotifies)
#define PQntuples (tl_libpq.PQntuples)
#define PQprepare (tl_libpq.PQprepare)
#define PQputCopyData (tl_libpq.PQputCopyData)
#define PQputCopyEnd (tl_libpq.PQputCopyEnd)
#define PQreset (tl_libpq.PQreset)
#define PQresultErrorField (tl_libpq.PQresultErrorField)
#define PQresultStatus (tl_libpq.PQresultStatus)
#define PQsendQuery (tl_libpq.PQsendQuery)
#define PQsetClientEncoding (tl_libpq.PQsetClientEncoding)
#define PQsetNoticeProcessor (tl_libpq.PQsetNoticeProcessor)
#define PQsocket (tl_libpq.PQsocket)
#define PQstatus (tl_libpq.PQstatus)
#define PQtransactionStatus (tl_libpq.PQtransactionStatus)
#endif

#endif
