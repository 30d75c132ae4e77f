/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * kolada.c - indicator figures from a Kolada file (kolada.h), read with
 * jansson.
 *
 * The whole file is read and checked before anything is written, so that
 * a mistake in its last entry leaves the database as it was.  Figures go
 * through core's checks as typed ones do; a figure with more than four
 * decimals is rounded to four.
 */
#include "tillit/import/kolada.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tillit/core/i18n.h"
#include "tillit/core/model.h"
#include "tillit/core/text.h"
#include "tillit/core/validate.h"

void tl_kolada_measurement_id(const char *indicator, const char *period,
			      char out[TL_ID_LEN + 1])
{
	char name[TL_ID_LEN + 64];

	snprintf(name, sizeof(name), "kolada:%s:%s", indicator, period);
	tl_id_of_name(name, out);
}

/* One entry of the file, checked: its figures as stored text. */
struct entry {
	const char *kpi, *municipality;
	char period[16];
	char total[32], women[32], men[32]; /* "" when the file has none */
};

/* An indicator that takes figures from Kolada. */
struct taker {
	char id[TL_ID_LEN + 1];
	char *kpi, *municipality;
};

struct takers {
	struct taker *v;
	size_t n, cap;
};

static void takers_done(struct takers *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].kpi);
		free(t->v[i].municipality);
	}
	free(t->v);
}

/* Every indicator that names a Kolada KPI. */
static enum tl_status takers_read(struct tl_store *st, struct takers *t,
				  struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_INDICATOR, .by_id = true};
	const struct tl_record *r;
	struct tl_iter *it = NULL;
	enum tl_status rc = tl_store_iter_new(st, &q, &it, err);

	while (rc == TL_OK && (rc = tl_store_iter_next(it, &r, err)) == TL_OK &&
	       r) {
		const char *kpi = tl_record_get(r, TL_INDICATOR_KPI);
		const char *mun = tl_record_get(r, TL_INDICATOR_MUNICIPALITY);
		struct taker *k;

		if (!kpi)
			continue;
		if (t->n == t->cap) {
			size_t cap = t->cap ? 2 * t->cap : 16;
			struct taker *v = realloc(t->v, cap * sizeof(*v));
			if (!v) {
				rc = tl_error_set(err, TL_ESYS,
						  _("Out of memory."));
				break;
			}
			t->v = v;
			t->cap = cap;
		}
		k = &t->v[t->n++];
		memcpy(k->id, r->id, sizeof(k->id));
		k->kpi = strdup(kpi);
		k->municipality = mun ? strdup(mun) : NULL;
		if (!k->kpi || (mun && !k->municipality))
			rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	}
	tl_store_iter_free(it);
	return rc;
}

/* A figure of the file as the text a number field stores; "" for null. */
static enum tl_status figure(const json_t *v, const struct tl_field *f,
			     char *out, size_t size, struct tl_error *err)
{
	char text[64];

	out[0] = '\0';
	if (!v || json_is_null(v))
		return TL_OK;
	if (json_is_integer(v))
		snprintf(text, sizeof(text), "%lld",
			 (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(text, sizeof(text), "%.4f", json_real_value(v));
	else if (json_is_string(v))
		snprintf(text, sizeof(text), "%s", json_string_value(v));
	else
		return tl_error_set(err, TL_EINVAL, _("a value must be a "
				    "number or null"));
	return tl_validate_value(f, text, out, size, err);
}

/* Entry number i (from 1) of the file, checked into *e. */
static enum tl_status entry_read(const json_t *o, size_t i, struct entry *e,
				 struct tl_error *err)
{
	const struct tl_entity *me = tl_entity_get(TL_K_MEASUREMENT);
	const json_t *kpi = json_object_get(o, "kpi");
	const json_t *mun = json_object_get(o, "municipality");
	const json_t *period = json_object_get(o, "period");
	const json_t *values = json_object_get(o, "values");
	char text[32], why[sizeof(err->msg)];
	enum tl_status rc = TL_OK;
	size_t j;
	json_t *v;

	memset(e, 0, sizeof(*e));
	if (!json_is_object(o))
		rc = tl_error_set(err, TL_EINVAL, _("it is not an object"));
	else if (!json_is_string(kpi) || !*json_string_value(kpi))
		rc = tl_error_set(err, TL_EINVAL, _("it has no \"kpi\""));
	else if (mun && !json_is_null(mun) && !json_is_string(mun))
		rc = tl_error_set(err, TL_EINVAL, _("its \"municipality\" is "
				  "not a string"));
	else if (!json_is_integer(period) && !json_is_string(period))
		rc = tl_error_set(err, TL_EINVAL, _("it has no \"period\""));
	else if (!json_is_array(values))
		rc = tl_error_set(err, TL_EINVAL, _("it has no \"values\" "
				  "array"));
	if (rc == TL_OK) {
		e->kpi = json_string_value(kpi);
		e->municipality = json_is_string(mun) ? json_string_value(mun)
						      : NULL;
		if (json_is_integer(period))
			snprintf(text, sizeof(text), "%lld",
				 (long long)json_integer_value(period));
		else
			snprintf(text, sizeof(text), "%s",
				 json_string_value(period));
		rc = tl_validate_value(&me->fields[TL_MEAS_PERIOD], text,
				       e->period, sizeof(e->period), err);
	}
	json_array_foreach(values, j, v) {
		const char *g = json_string_value(json_object_get(v, "gender"));
		char *into = NULL;
		int f = TL_MEAS_VALUE;

		if (rc != TL_OK)
			break;
		if (!json_is_object(v) || !g) {
			rc = tl_error_set(err, TL_EINVAL, _("value %zu has no "
					  "\"gender\""), j + 1);
			break;
		}
		if (!strcmp(g, "T"))
			into = e->total;
		else if (!strcmp(g, "K"))
			into = e->women, f = TL_MEAS_WOMEN;
		else if (!strcmp(g, "M"))
			into = e->men, f = TL_MEAS_MEN;
		else
			rc = tl_error_set(err, TL_EINVAL, _("value %zu has the "
					  "gender \"%.8s\", not T, K or M"),
					  j + 1, g);
		if (rc == TL_OK && *into)
			rc = tl_error_set(err, TL_EINVAL, _("the gender %s comes "
					  "twice"), g);
		if (rc == TL_OK)
			rc = figure(json_object_get(v, "value"),
				    &me->fields[f], into, sizeof(e->total),
				    err);
	}
	if (rc != TL_OK) {
		char q[64];

		snprintf(why, sizeof(why), "%s", err->msg);
		tl_error_set(err, rc, _("entry %zu (kpi %s): %s"), i,
			     e->kpi ? tl_text_quote(e->kpi, 20, q, sizeof(q))
				    : "?", why);
	}
	return rc;
}

/* Sets field i of r to v ("" for none); *changed when it differs. */
static bool put(struct tl_record *r, int i, const char *v, bool *changed)
{
	const char *now = tl_record_get(r, i);

	if (!*v)
		v = NULL;
	if ((!now && !v) || (now && v && !strcmp(now, v)))
		return true;
	*changed = true;
	return tl_record_set(r, i, v);
}

/* The measurement of indicator ind for period, into *m; TL_ENOTFOUND
 * when it has none. */
static enum tl_status of_period(struct tl_store *st, const char *ind,
				const char *period, struct tl_record **m,
				struct tl_error *err)
{
	struct tl_query q = {.kind = TL_K_MEASUREMENT, .parent = ind,
			     .limit = 1000};
	struct tl_page page = {0};
	enum tl_status rc = tl_store_list(st, &q, &page, err);

	*m = NULL;
	for (int i = 0; rc == TL_OK && i < page.n && !*m; i++)
		if (!strcmp(tl_record_str(page.recs[i], TL_MEAS_PERIOD),
			    period)) {
			*m = page.recs[i];
			page.recs[i] = NULL;
		}
	tl_page_done(&page);
	return rc == TL_OK && !*m ? TL_ENOTFOUND : rc;
}

/* The figures of e into the measurement of indicator `ind`. */
static enum tl_status measure(struct tl_store *st, const char *ind,
			      const struct entry *e,
			      struct tl_kolada_stats *s, struct tl_error *err)
{
	char id[TL_ID_LEN + 1];
	struct tl_record *m = NULL;
	bool changed = false, ok;
	enum tl_status rc;

	tl_kolada_measurement_id(ind, e->period, id);
	rc = tl_store_get(st, TL_K_MEASUREMENT, id, &m, err);
	if (rc == TL_ENOTFOUND) {
		/* The period's figure entered by hand: Kolada's replaces
		 * it, as an indicator has one a period. */
		tl_error_clear(err);
		rc = of_period(st, ind, e->period, &m, err);
	}
	if (rc == TL_ENOTFOUND) {
		tl_error_clear(err);
		m = tl_record_new(TL_K_MEASUREMENT);
		if (!m)
			return tl_error_set(err, TL_ESYS, _("Out of memory."));
		memcpy(m->id, id, sizeof(m->id));
		rc = TL_OK;
	}
	if (rc != TL_OK)
		return rc;
	ok = put(m, TL_MEAS_INDICATOR, ind, &changed) &&
	     put(m, TL_MEAS_PERIOD, e->period, &changed) &&
	     put(m, TL_MEAS_VALUE, e->total, &changed) &&
	     put(m, TL_MEAS_WOMEN, e->women, &changed) &&
	     put(m, TL_MEAS_MEN, e->men, &changed) &&
	     put(m, TL_MEAS_SOURCE, TL_KOLADA_SOURCE, &changed);
	if (!ok)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	else if (!m->created_at[0]) {
		rc = tl_store_insert(st, m, err);
		s->added += rc == TL_OK;
	} else if (changed) {
		rc = tl_store_update(st, m, err);
		s->changed += rc == TL_OK;
	} else
		s->unchanged++;
	tl_record_free(m);
	return rc;
}

/* The entries of the document: see kolada.h. */
static const json_t *entries_of(const json_t *doc)
{
	const json_t *v;

	if (json_is_array(doc))
		return doc;
	if (!json_is_object(doc) || json_object_get(doc, "kpi"))
		return NULL;
	v = json_object_get(doc, "values");
	return json_is_array(v) ? v : NULL;
}

enum tl_status tl_kolada_import(struct tl_store *st, const char *path,
				struct tl_kolada_stats *stats,
				struct tl_error *err)
{
	json_error_t jerr;
	json_t *doc, *one = NULL;
	const json_t *list;
	struct entry *es = NULL;
	struct takers t = {0};
	char q[200];
	enum tl_status rc = TL_OK;
	size_t n, i;

	memset(stats, 0, sizeof(*stats));
	tl_text_quote(strcmp(path, "-") ? path : _("standard input"), 60, q,
		      sizeof(q));
	doc = strcmp(path, "-") ? json_load_file(path, JSON_REJECT_DUPLICATES,
						 &jerr)
				: json_loadf(stdin, JSON_REJECT_DUPLICATES,
					     &jerr);
	if (!doc)
		return tl_error_set(err, TL_EINVAL, _("%s, line %d, column "
				    "%d: %s; nothing was imported."), q,
				    jerr.line, jerr.column, jerr.text);
	list = entries_of(doc);
	if (!list && json_is_object(doc) && json_object_get(doc, "kpi")) {
		one = json_array();
		if (one && json_array_append(one, doc) == 0)
			list = one;
	}
	if (!list) {
		json_decref(doc);
		json_decref(one);
		return tl_error_set(err, TL_EINVAL, _("%s is not in Kolada's "
				    "format (an object with a \"values\" "
				    "array of entries with \"kpi\", "
				    "\"period\" and \"values\"); nothing was "
				    "imported."), q);
	}
	n = json_array_size(list);
	es = calloc(n ? n : 1, sizeof(*es));
	if (!es)
		rc = tl_error_set(err, TL_ESYS, _("Out of memory."));
	for (i = 0; rc == TL_OK && i < n; i++)
		rc = entry_read(json_array_get(list, i), i + 1, &es[i], err);
	if (rc != TL_OK && es) {
		char why[sizeof(err->msg)];
		size_t len;

		snprintf(why, sizeof(why), "%s", err->msg);
		/* One sentence: the check's own full stop goes. */
		len = strlen(why);
		if (len > 0 && why[len - 1] == '.')
			why[len - 1] = '\0';
		tl_error_set(err, rc, _("%s, %s; nothing was imported."), q,
			     why);
	}
	if (rc == TL_OK)
		rc = tl_store_begin(st, err);
	if (rc == TL_OK) {
		rc = takers_read(st, &t, err);
		for (i = 0; rc == TL_OK && i < n; i++) {
			bool taken = false;

			/* Kolada lists a period it has no figure for. */
			if (!es[i].total[0] && !es[i].women[0] &&
			    !es[i].men[0])
				continue;

			for (size_t k = 0; rc == TL_OK && k < t.n; k++) {
				if (strcmp(t.v[k].kpi, es[i].kpi) ||
				    (t.v[k].municipality &&
				     (!es[i].municipality ||
				      strcmp(t.v[k].municipality,
					     es[i].municipality))))
					continue;
				taken = true;
				rc = measure(st, t.v[k].id, &es[i], stats,
					     err);
			}
			stats->unmatched += !taken;
		}
		if (rc == TL_OK)
			rc = tl_store_commit(st, err);
		else
			tl_store_rollback(st);
	}
	takers_done(&t);
	free(es);
	json_decref(one);
	json_decref(doc);
	if (rc != TL_OK)
		memset(stats, 0, sizeof(*stats));
	return rc;
}
