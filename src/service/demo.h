/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * demo.h - what the files of the demo (demo.c, demo_sign.c,
 * demo_protokoll.c, demo_goals.c) share: the
 * demo being made, with the ids of what it made, and the helpers that
 * add to it.  Private to src/service/.  The first failure is kept in
 * rc, and every later step does nothing.
 */
#ifndef TILLIT_SERVICE_DEMO_INT_H
#define TILLIT_SERVICE_DEMO_INT_H

#include "tillit/core/date.h"
#include "tillit/core/error.h"
#include "tillit/core/id.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

/* Buffers for relative dates, so that one call can use several. */
#define RING 8

/* Ends a field list of demo_add(). */
#define DEMO_END (-1)

typedef char demo_id[TL_ID_LEN + 1];

struct demo {
	struct tl_store *st;
	struct tl_error *err;
	enum tl_status rc;           /* the first error; later steps skip */
	char today[TL_DATE_SIZE];
	char ring[RING][TL_DATETIME_SIZE];
	int next;

	/* Units: the chain of governance. */
	demo_id kf, ks, bun, sn, klf, buf, sf, ekonomi, solbacken, angskolan,
		hemtjanst, lag;
	/* People. */
	demo_id karin, anders, lena, perolof, fatima, jonas, birgitta, goran,
		marta, bjorn, asa, sofia, elin, mikael, ingrid, hassan;
	/* Meetings, series and items. */
	demo_id s_samtal, s_bun, m_samtal1, m_samtal2, m_samtal3, m_bun,
		m_dialog;
	demo_id i_schema, i_intro, i_uppfoljning, i_inkop, i_tid, i_nasta,
		i_kompetens, i_justerare, i_delegation, i_budget, i_anmalan,
		i_lasar, i_kontinuitet, i_planering;
	/* Mandates, frames and follow-ups that others refer to. */
	demo_id md_placering, md_laromedel, md_inkop, md_jul, md_bistand,
		md_mal;
	demo_id f_budget, f_tid, f_bemanning, f_placering, f_kvalitet;
	demo_id fu_intro, fu_vikarier, fu_utdrag, fu_extra, fu_maluppf;
	/* Goals and their indicators (demo_goals.c). */
	demo_id g_dir, g_skola, g_forskola, g_ang, g_sol;
	demo_id ind_behorighet, ind_merit, ind_trygghet;
};

/* Adds a record of kind with fields given as (field, value) pairs up to
 * DEMO_END; its id into id when not NULL. */
void demo_add(struct demo *d, enum tl_kind kind, char *id, ...);
/* A date or a wall time `spec` ("+14d", "-14d 09:00") from today. */
const char *demo_day(struct demo *d, const char *spec);
const char *demo_at(struct demo *d, const char *spec);
/* Keeps the first failure of a store call (what: for the message). */
void demo_check(struct demo *d, enum tl_status rc, const struct tl_error *e,
		const char *what);
/* The holder of frame (person NULL: its holder person) acknowledges it. */
void demo_ack(struct demo *d, const char *frame, const char *person);
/* A participant of meeting. */
void demo_part(struct demo *d, const char *meeting, const char *person_id,
	       const char *role, const char *attendance);

/* The committee's §§ as the law records them (demo_protokoll.c). */
void demo_protokoll(struct demo *d);

/* Barn- och utbildningsnämnden's goals, followed up (demo_goals.c). */
void demo_goals(struct demo *d);

/* Justering in the demo (demo_sign.c). */
void demo_justering(struct demo *d);

#endif
