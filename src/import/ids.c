/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ids.c - the import's check that no id occurs twice in the file, across
 * the records written one by one and those of the bulk load.
 */
#include "internal.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/store/bulk.h"
#include "tillit/core/error.h"
#include "tillit/core/i18n.h"
#include "tillit/core/model.h"

static int hexval(char c)
{
	return c <= '9' ? c - '0' : c - 'a' + 10;
}

/*
 * No id may occur twice in the file.  A kind that goes in through the
 * bulk load had an empty table, which refuses an id twice at once
 * (tl_bulk_import's *dup); at the end tl_bulk_shared_id finds an id in two
 * such kinds.  Only the ids of records written one by one (a kind that
 * held records, principles) are kept, 16 bytes each: checked against
 * each other and against the bulk-loaded records at the end.  Into a new
 * database that is a handful; merged into one that holds every kind, it
 * is 16 bytes a record, as before.
 */
enum tl_status tl_import_keep_id(struct import *im, const char *id)
{
	unsigned char *u;

	if (im->nids == im->capids) {
		size_t cap = im->capids ? im->capids * 2 : 64;
		unsigned char (*t)[16] = realloc(im->ids, cap * sizeof(*t));

		if (!t)
			return tl_error_set(im->err, TL_ESYS,
					    _("Out of memory."));
		im->ids = t;
		im->capids = cap;
	}
	u = im->ids[im->nids++];
	for (int i = 0, j = 0; i < 16; j++) {
		if (id[j] == '-')
			continue;
		u[i++] = (unsigned char)(hexval(id[j]) << 4 | hexval(id[j + 1]));
		j++;
	}
	return TL_OK;
}

static int cmp_id(const void *a, const void *b)
{
	return memcmp(a, b, 16);
}

enum tl_status tl_import_dup_error(struct import *im, const char *id)
{
	char quoted[64];

	return tl_error_set(im->err, TL_EINVAL, _("%s: the id %s occurs more "
			    "than once."), im->path,
			    tl_import_clip(id, quoted, sizeof(quoted)));
}

static void id_text(const unsigned char *u, char id[TL_ID_LEN + 1])
{
	snprintf(id, TL_ID_LEN + 1, "%02x%02x%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x-%02x%02x%02x%02x%02x%02x", u[0], u[1], u[2], u[3],
		 u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12],
		 u[13], u[14], u[15]);
}

/* No id may occur twice in the file (see tl_import_keep_id): the
 * smallest one that does is named. */
enum tl_status tl_import_check_ids(struct import *im)
{
	char id[TL_ID_LEN + 1], best[TL_ID_LEN + 1] = "";
	enum tl_status rc;

	if (im->nids > 1)
		qsort(im->ids, im->nids, sizeof(*im->ids), cmp_id);
	for (size_t i = 1; i < im->nids; i++) {
		if (!memcmp(im->ids[i - 1], im->ids[i], 16)) {
			id_text(im->ids[i], best);
			break;
		}
	}
	for (size_t i = 0; i < im->nids; i++) {
		bool found;

		id_text(im->ids[i], id);
		if (best[0] && strcmp(id, best) >= 0)
			break;
		rc = tl_bulk_holds(im->bulk, id, &found, im->err);
		if (rc != TL_OK)
			return rc;
		if (found) {
			memcpy(best, id, sizeof(best));
			break;
		}
	}
	rc = tl_bulk_shared_id(im->bulk, id, im->err);
	if (rc != TL_OK)
		return rc;
	if (id[0] && (!best[0] || strcmp(id, best) < 0))
		memcpy(best, id, sizeof(best));
	return best[0] ? tl_import_dup_error(im, best) : TL_OK;
}
