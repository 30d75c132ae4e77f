/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * account.c - the OS account this process runs as, from the password
 * database.  The environment is asked only when that has no name for
 * the effective user id (a container's user without a passwd line):
 * $USER says who someone wants to be taken for, the user id says who
 * they are.
 */
#include "tillit/core/account.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool tl_os_account(char *buf, size_t n)
{
	uid_t uid = geteuid();
	struct passwd *pw;

	if (n == 0)
		return false;
	pw = getpwuid(uid);
	if (pw && pw->pw_name && *pw->pw_name) {
		if (strlen(pw->pw_name) < n) {
			memcpy(buf, pw->pw_name, strlen(pw->pw_name) + 1);
			return true;
		}
	} else {
		const char *user = getenv("USER");

		if (user && *user && strlen(user) < n) {
			memcpy(buf, user, strlen(user) + 1);
			return true;
		}
	}
	snprintf(buf, n, "uid %lu", (unsigned long)uid);
	return false;
}
