/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * pager.c - long output through a pager when it goes to a terminal, as
 * git and man do: $TILLIT_PAGER, else $PAGER, else less (when it is on
 * the PATH); an empty value or "cat" pages nothing.  less is given
 * LESS=FRX unless LESS is set: it quits when the output fits on one
 * screen, shows colour, and leaves the screen as it was.  Errors still
 * go to standard error, unpaged.
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t pager_pid = -1;

/* Whether `name` is a program on the PATH. */
static bool on_path(const char *name)
{
	const char *path = getenv("PATH");
	char buf[4096];

	for (const char *p = path ? path : "/usr/bin:/bin"; *p;) {
		size_t n = strcspn(p, ":");

		if (n > 0 && (size_t)snprintf(buf, sizeof(buf), "%.*s/%s",
					      (int)n, p, name) < sizeof(buf) &&
		    access(buf, X_OK) == 0)
			return true;
		p += n;
		if (*p == ':')
			p++;
	}
	return false;
}

/* The pager to run, or NULL for none. */
static const char *pager_command(void)
{
	const char *p = getenv("TILLIT_PAGER");

	if (!p)
		p = getenv("PAGER");
	if (!p)
		return on_path("less") ? "less" : NULL;
	return *p && strcmp(p, "cat") ? p : NULL;
}

void cli_pager_start(void)
{
	const char *cmd;
	int fd[2];
	pid_t pid;

	if (pager_pid > 0 || !isatty(STDOUT_FILENO) ||
	    !(cmd = pager_command()))
		return;
	/* Colour and width are those of the terminal, before it becomes
	 * a pipe. */
	(void)cli_color();
	(void)cli_term_width();
	fflush(stdout);
	if (pipe(fd) != 0)
		return;
	pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return;
	}
	if (pid == 0) {
		dup2(fd[0], STDIN_FILENO);
		close(fd[0]);
		close(fd[1]);
		setenv("LESS", "FRX", 0);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	dup2(fd[1], STDOUT_FILENO);
	close(fd[0]);
	close(fd[1]);
	pager_pid = pid;
}

void cli_pager_end(void)
{
	if (pager_pid <= 0)
		return;
	fflush(stdout);
	close(STDOUT_FILENO);
	while (waitpid(pager_pid, NULL, 0) < 0 && errno == EINTR)
		;
	pager_pid = -1;
}
