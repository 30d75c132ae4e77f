/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * entity.h - what the files of `tillit NOUN ACTION` share, and nobody
 * else sees: entity_cmd.c finds the action, entity_help.c prints its
 * --help, entity_list.c lists, entity_show.c shows one record,
 * entity_edit.c adds, changes, closes and removes, and entity_key.c
 * registers and lists a person's public keys.
 *
 * An action is a function of the command's context, the kind of record
 * and the arguments from the action's name on (argv[0] is "add"); it
 * returns an enum tl_status and leaves its message in c->err, as every
 * command does (internal.h).
 */
#ifndef TILLIT_CLI_ENTITY_H
#define TILLIT_CLI_ENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tillit/core/error.h"
#include "tillit/core/model.h"
#include "tillit/store/store.h"

#include "internal.h"

/* The keys of the --FIELD options (struct cli_opt): field i is
 * CLI_OPT_FIELD + i. */
#define CLI_OPT_FIELD 1000

/* ---- shared (entity_cmd.c) -------------------------------------------- */

/* "a follow-up", "an agenda item": the kind with its article, translated. */
const char *cli_a_label(const struct tl_entity *e);

/* Exactly one argument after the options that a read, the ID, to *id. */
enum tl_status cli_one_id(struct cli_args *a, const char **id);

/* The record of kind e that text names (id, prefix or exact name), to
 * *out; the caller frees it with tl_record_free. */
enum tl_status cli_find(struct cli *c, struct tl_store *st,
			const struct tl_entity *e, const char *text,
			struct tl_record **out);

/* ---- field options (entity_help.c) ------------------------------------ */

/* The option of a field, without its dashes: "given-to" for given_to. */
void cli_field_option(const char *field, char *buf, size_t size);

/* The alias of field i when it ends in "_at" and no field has the
 * shorter name ("starts" for starts_at), to buf; false when none. */
bool cli_field_alias(const struct tl_entity *e, int i, char *buf,
		     size_t size);

/* ---- help of the actions (entity_help.c) ------------------------------- */

/* The --help of each action, as the help of its cli_args (a->ctx is the
 * kind of record): the usage, then the option lines of its table. */
void cli_help_add(const struct cli_args *a, FILE *out);
void cli_help_edit(const struct cli_args *a, FILE *out);
void cli_help_list(const struct cli_args *a, FILE *out);
void cli_help_show(const struct cli_args *a, FILE *out);
void cli_help_close(const struct cli_args *a, FILE *out);
void cli_help_done(const struct cli_args *a, FILE *out);
void cli_help_ack(const struct cli_args *a, FILE *out);
void cli_help_carry(const struct cli_args *a, FILE *out);
void cli_help_remove(const struct cli_args *a, FILE *out);
void cli_help_next(const struct cli_args *a, FILE *out);
void cli_help_offers(const struct cli_args *a, FILE *out);

/* ---- the actions ------------------------------------------------------- */

/* entity_list.c */
enum tl_status cli_entity_list(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv);
/* entity_show.c */
enum tl_status cli_entity_show(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv);
/* entity_edit.c */
enum tl_status cli_entity_add(struct cli *c, const struct tl_entity *e,
			      int argc, char **argv);
enum tl_status cli_entity_edit(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv);
enum tl_status cli_entity_close(struct cli *c, const struct tl_entity *e,
				int argc, char **argv);
enum tl_status cli_entity_done(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv);
enum tl_status cli_entity_ack(struct cli *c, const struct tl_entity *e,
			      int argc, char **argv);
enum tl_status cli_entity_carry(struct cli *c, const struct tl_entity *e,
				int argc, char **argv);
enum tl_status cli_entity_remove(struct cli *c, const struct tl_entity *e,
				 int argc, char **argv);
enum tl_status cli_entity_next(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv);
/* entity_offers.c: a committee meeting's agenda offers */
enum tl_status cli_entity_offers(struct cli *c, const struct tl_entity *e,
				 int argc, char **argv);
/* entity_key.c: a person's public keys */
enum tl_status cli_entity_key(struct cli *c, const struct tl_entity *e,
			      int argc, char **argv);
enum tl_status cli_entity_keys(struct cli *c, const struct tl_entity *e,
			       int argc, char **argv);

/* ---- the table of a list (entity_list.c) ------------------------------- */

/*
 * Streams the records of q as a table on stdout: widths from the first
 * 100 rows, then row after row, at most limit rows when limit > 0.  Lines
 * start with indent spaces; skip is a field left out (the parent in a
 * nested list), or -1.  *count is the number of rows printed.
 */
enum tl_status cli_list_table(struct cli *c, struct tl_store *st,
			      const struct tl_query *q, long limit,
			      int indent, int skip, long *count);

#endif
