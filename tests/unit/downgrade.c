/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * downgrade.c - `downgrade DB VERSION`: takes a tillit database back to
 * schema VERSION (downgrade.h), for the shell tests of upgrades.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "downgrade.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: downgrade DB VERSION\n");
		return 2;
	}
	tl_test_downgrade(argv[1], atoi(argv[2]));
	return 0;
}
