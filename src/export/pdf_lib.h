/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * pdf_lib.h - Pango, Cairo and GLib as the PDF backend (doc_pdf.c) calls
 * them: every function through a pointer of its own type, filled by
 * tl_pdf_load() from the libraries loaded with dlopen() on the first PDF
 * export.  They are not linked: GLib, HarfBuzz, fontconfig and FreeType
 * would then be loaded at every start of tillit, for a format few
 * commands write.  Internal to src/export/.
 */
#ifndef TILLIT_EXPORT_PDF_LIB_H
#define TILLIT_EXPORT_PDF_LIB_H

#include <stddef.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "tillit/core/error.h"

/* Every library function the backend calls. */
#define TL_PDF_FUNCS(X) \
	X(cairo_create) \
	X(cairo_destroy) \
	X(cairo_line_to) \
	X(cairo_move_to) \
	X(cairo_pdf_surface_create_for_stream) \
	X(cairo_pdf_surface_set_metadata) \
	X(cairo_set_line_width) \
	X(cairo_set_source_rgb) \
	X(cairo_show_page) \
	X(cairo_status) \
	X(cairo_stroke) \
	X(cairo_surface_destroy) \
	X(cairo_surface_finish) \
	X(cairo_surface_status) \
	X(g_free) \
	X(g_markup_escape_text) \
	X(g_object_unref) \
	X(pango_cairo_context_set_resolution) \
	X(pango_cairo_create_context) \
	X(pango_cairo_show_layout_line) \
	X(pango_font_description_free) \
	X(pango_font_description_from_string) \
	X(pango_layout_get_iter) \
	X(pango_layout_get_pixel_size) \
	X(pango_layout_iter_free) \
	X(pango_layout_iter_get_baseline) \
	X(pango_layout_iter_get_line_extents) \
	X(pango_layout_iter_get_line_readonly) \
	X(pango_layout_iter_next_line) \
	X(pango_layout_new) \
	X(pango_layout_set_font_description) \
	X(pango_layout_set_markup) \
	X(pango_layout_set_width) \
	X(pango_layout_set_wrap)

struct tl_pdf_lib {
#define TL_PDF_MEMBER(f) __typeof__(f) *f;
	TL_PDF_FUNCS(TL_PDF_MEMBER)
#undef TL_PDF_MEMBER
};

/* The loaded functions; valid after tl_pdf_load() returned TL_OK. */
extern struct tl_pdf_lib tl_pdf;

/*
 * Loads the libraries once per process; TL_ESYS with one sentence naming
 * the library when it is missing or lacks a function.
 */
enum tl_status tl_pdf_load(struct tl_error *err);

/*
 * The PDF in pdf (len bytes), made by Cairo, with the document's
 * language added to its catalogue (/Lang, which Cairo does not write) by
 * an incremental update: the new catalogue, its cross-reference section
 * and trailer appended.  Returns the new length, or 0 when the file is
 * not one this can update (it is then left as it is).  *pdf is
 * reallocated; out of memory, 0 too.
 */
size_t tl_pdf_set_lang(char **pdf, size_t len, const char *lang);

#endif
