/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * queue.c - the import's hand-over from the reader thread to the writing
 * one.  What the reader finds wrong comes through the ring after the
 * records before it, so the first error in the file is the one reported;
 * when writing fails, the reader is told to stop.
 */
#include "internal.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include "tillit/core/model.h"

/*
 * The ring between the reader thread and the writing one: QUEUE_LEN
 * items, a mutex and two condition variables.  The waiting side is woken
 * only when QUEUE_BATCH items (or room for them) are ready, or at an
 * item that is not a record, so that the threads do not wake each other
 * at every record.
 */
#define QUEUE_LEN 512
#define QUEUE_BATCH 64

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t filled, emptied;
	struct item ring[QUEUE_LEN];
	size_t head, count;
	bool reader_waits, writer_waits;
	bool stop;                 /* the writer gave up: stop reading */
};

struct queue *tl_import_queue_new(void)
{
	struct queue *q = calloc(1, sizeof(*q));

	if (!q)
		return NULL;
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->filled, NULL);
	pthread_cond_init(&q->emptied, NULL);
	return q;
}

void tl_import_queue_free(struct queue *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->count; i++)
		tl_record_free(q->ring[(q->head + i) % QUEUE_LEN].r);
	pthread_cond_destroy(&q->emptied);
	pthread_cond_destroy(&q->filled);
	pthread_mutex_destroy(&q->mu);
	free(q);
}

bool tl_import_queue_push(struct queue *q, enum item_kind kind,
			  enum tl_status rc, struct tl_record *r)
{
	bool ok;

	pthread_mutex_lock(&q->mu);
	while (q->count == QUEUE_LEN && !q->stop) {
		q->reader_waits = true;
		pthread_cond_wait(&q->emptied, &q->mu);
		q->reader_waits = false;
	}
	ok = !q->stop;
	if (ok) {
		q->ring[(q->head + q->count) % QUEUE_LEN] =
			(struct item){.kind = kind, .rc = rc, .r = r};
		q->count++;
		if (q->writer_waits &&
		    (q->count >= QUEUE_BATCH || kind != ITEM_RECORD))
			pthread_cond_signal(&q->filled);
	}
	pthread_mutex_unlock(&q->mu);
	return ok;
}

struct item tl_import_queue_pop(struct queue *q)
{
	struct item it;

	pthread_mutex_lock(&q->mu);
	while (q->count == 0) {
		q->writer_waits = true;
		pthread_cond_wait(&q->filled, &q->mu);
		q->writer_waits = false;
	}
	it = q->ring[q->head];
	q->head = (q->head + 1) % QUEUE_LEN;
	q->count--;
	if (q->reader_waits && q->count <= QUEUE_LEN - QUEUE_BATCH)
		pthread_cond_signal(&q->emptied);
	pthread_mutex_unlock(&q->mu);
	return it;
}

bool tl_import_push(struct import *im, struct tl_record *r)
{
	return tl_import_queue_push(im->q, ITEM_RECORD, TL_OK, r);
}

void tl_import_queue_stop(struct queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->stop = true;
	pthread_cond_signal(&q->emptied);
	pthread_mutex_unlock(&q->mu);
}
