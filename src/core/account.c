/*
 * account.c - the OS account this process runs as, from the password
 * database.  The environment is not asked: $USER says who someone wants
 * to be taken for, the effective user id says who they are.
 */
#include "tillit/core/account.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

bool tl_os_account(char *buf, size_t n)
{
	uid_t uid = geteuid();
	struct passwd *pw;

	if (n == 0)
		return false;
	pw = getpwuid(uid);
	if (pw && pw->pw_name && *pw->pw_name &&
	    strlen(pw->pw_name) < n) {
		memcpy(buf, pw->pw_name, strlen(pw->pw_name) + 1);
		return true;
	}
	snprintf(buf, n, "uid %lu", (unsigned long)uid);
	return false;
}
