/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_markdown.c - libFuzzer target for the Markdown writer
 * (src/export/doc_md.c): whatever a text says, it stays text.
 *
 * The input is the user text of a small document said through the
 * document writer (export/doc.h): its title, a block heading, two field
 * values, a paragraph, a labelled paragraph, a flag, and a list item and
 * its details, with fixed text around them.  The same document is
 * written again with the input's twin, in which every byte but a space,
 * a tab and a line break is an 'x': harmless text of the same shape.
 * Both are parsed with cmark-gfm (CommonMark with GitHub's tables,
 * strike-through, tag filter and task lists; not the extended autolinks,
 * which make a bare address a link to itself on purpose) and must give
 * the same tree of nodes, runs of text nodes counted as one and their
 * text not compared.  Any difference aborts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

#include "tillit/core/text.h"
#include "tillit/export/doc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const extensions[] = {
	"strikethrough", "table", "tagfilter", "tasklist",
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tl_text_init();
	cmark_gfm_core_extensions_ensure_registered();
	return 0;
}

/* The document with text in every place a user's text goes; its
 * Markdown as a new string (caller frees). */
static char *render(const char *text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct tl_doc d;

	if (!out)
		abort();
	tl_doc_init(&d, &tl_doc_md, out);
	tl_doc_title(&d, text);
	tl_doc_field(&d, "Place", text);
	tl_doc_section(&d, "Items");
	tl_doc_block(&d, text);
	tl_doc_field(&d, "Kind", "decision");
	tl_doc_field(&d, "Case", text);
	tl_doc_para(&d, text);
	tl_doc_labelled(&d, "Decision", text);
	tl_doc_flag(&d, "Grey zone", text);
	tl_doc_para(&d, "Fixed text after it.");
	tl_doc_item(&d, text, text);
	tl_doc_item(&d, "A fixed item", "2026-12-24");
	tl_doc_item(&d, text, NULL);
	tl_doc_section(&d, "Signatures");
	tl_doc_para(&d, "Not signed.");
	tl_doc_end(&d);
	tl_doc_done(&d);
	if (d.oom || fclose(out) != 0)
		abort();
	return buf;
}

/* Appends s to the growing string *sig. */
static void add(FILE *sig, const char *s)
{
	fputs(s, sig);
	fputc(' ', sig);
}

/* The tree of md as cmark-gfm parses it, one word a node (caller
 * frees). */
static char *shape(const char *md)
{
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_node *root, *node;
	cmark_iter *it;
	cmark_event_type ev;
	char *buf = NULL, word[64];
	size_t len = 0;
	FILE *sig = open_memstream(&buf, &len);
	int last_text = 0;

	if (!p || !sig)
		abort();
	for (size_t i = 0; i < sizeof(extensions) / sizeof(extensions[0]);
	     i++) {
		cmark_syntax_extension *e =
			cmark_find_syntax_extension(extensions[i]);

		if (!e || !cmark_parser_attach_syntax_extension(p, e))
			abort();
	}
	cmark_parser_feed(p, md, strlen(md));
	root = cmark_parser_finish(p);
	if (!root)
		abort();
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (cmark_node_get_type(node) == CMARK_NODE_TEXT) {
			if (!last_text)
				add(sig, "text");
			last_text = 1;
			continue;
		}
		last_text = 0;
		snprintf(word, sizeof(word), "%s%s", ev == CMARK_EVENT_EXIT
			 ? "/" : "", cmark_node_get_type_string(node));
		add(sig, word);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(node) == CMARK_NODE_HEADING) {
			snprintf(word, sizeof(word), "h%d",
				 cmark_node_get_heading_level(node));
			add(sig, word);
		}
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(node) == CMARK_NODE_LIST)
			add(sig, cmark_node_get_list_type(node) ==
			    CMARK_BULLET_LIST ? "bullet" : "ordered");
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	cmark_parser_free(p);
	if (fclose(sig) != 0)
		abort();
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *twin = malloc(size + 1);
	char *md, *md_twin, *a, *b;

	if (!text || !twin)
		abort();
	/* A stored text ends at its first NUL. */
	memcpy(text, data, size);
	text[size] = '\0';
	for (size_t i = 0; i <= size; i++)
		twin[i] = text[i] == '\0' || text[i] == ' ' ||
			  text[i] == '\t' || text[i] == '\n' ? text[i] : 'x';
	md = render(text);
	md_twin = render(twin);
	a = shape(md);
	b = shape(md_twin);
	if (strcmp(a, b)) {
		fprintf(stderr, "structure differs:\n%s\n---- with plain "
			"text:\n%s\n---- markdown:\n%s\n", a, b, md);
		abort();
	}
	free(a);
	free(b);
	free(md);
	free(md_twin);
	free(text);
	free(twin);
	return 0;
}
