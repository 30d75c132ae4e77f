/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * account.h - who runs this program: the OS account, read from the OS.
 *
 * The account is the name of the effective user id in the password
 * database (getpwuid(geteuid())); $USER, which anyone can set to
 * anything, only when the database has no entry for the user id.  A
 * person's login is matched against it to say who acts on an SQLite
 * file (tl_store_actor; on PostgreSQL the role the server authenticated
 * is the account).
 */
#ifndef TILLIT_CORE_ACCOUNT_H
#define TILLIT_CORE_ACCOUNT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The name of the OS account this process runs as into buf (n bytes).
 * True when the password database names it, or, when it has no entry
 * for the user id (as in some containers), $USER does.  False otherwise
 * or when the name does not fit: buf then holds "uid N", N the effective
 * user id, which no login can be mistaken for (it has a space).  buf is
 * always terminated when n > 0.
 */
bool tl_os_account(char *buf, size_t n);

#endif
