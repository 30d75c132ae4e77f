# SPDX-License-Identifier: EUPL-1.2
# tillit - a plain Makefile.  `make` builds ./tillit; see README.md.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
DOCDIR ?= $(PREFIX)/share/doc/tillit
# Where the shells look for completion scripts (tillit completion SHELL).
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
VERSION := $(shell sed -n 's/^\#define CLI_VERSION "\(.*\)"/\1/p' src/cli/cli.c)

CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS := ncursesw formw sqlite3 libpq uuid jansson yajl libical nettle hogweed

CFLAGS ?= -O2 -g
WARNFLAGS := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Werror
CPPFLAGS += -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE
# ncursesw brings its own feature macros; ours (above) win.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE, \
	$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
# tillit itself does not link libical: src/export/ical.c loads it with
# dlopen() (by its SONAME, read here) when an iCalendar export starts, so
# that ICU and libstdc++, which libical pulls in, are not loaded at every
# start.  libpq likewise (src/store/pg/libpq.c), when a PostgreSQL
# database is first opened: with Kerberos, LDAP and TLS it added 6 ms to
# every start, an SQLite one too.  --as-needed drops what no object uses; -O1 makes the symbol
# tables the loader reads smaller.
BIN_LIBS = $(shell $(PKG_CONFIG) --libs $(filter-out libical libpq,$(PKGS)) \
	2>/dev/null) $(LIBDL)
LIBDL ?= -ldl
LINKFLAGS := -Wl,--as-needed -Wl,-O1
LIBICAL_SONAME = $(or $(shell objdump -p \
	"$$($(PKG_CONFIG) --variable=libdir libical 2>/dev/null)/libical.so" \
	2>/dev/null | sed -n 's/^ *SONAME *//p'),libical.so.3)
LIBPQ_SONAME = $(or $(shell objdump -p \
	"$$($(PKG_CONFIG) --variable=libdir libpq 2>/dev/null)/libpq.so" \
	2>/dev/null | sed -n 's/^ *SONAME *//p'),libpq.so.5)
# The import reads with a thread of its own (POSIX threads).
THREAD_FLAGS := -pthread
ALL_CFLAGS = $(WARNFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) $(THREAD_FLAGS) \
	$(CFLAGS) -MMD -MP

# Objects go to $(B); variants (asan, clang) use their own folder.
B ?= build/default
LIB_SRC := $(sort $(wildcard src/*/*.c src/*/*/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
MAIN_OBJ := $(B)/src/main.o
# tillit-gen, the large-tier generator of the benchmark (tools/gen/): a
# program of its own, built for make bench and make test, never installed.
# It needs only the domain and the store.
GEN_OBJ := $(patsubst %.c,$(B)/%.o,$(sort $(wildcard tools/gen/*.c)))
GEN_LIB_OBJ = $(filter $(B)/src/core/% $(B)/src/store/%,$(LIB_OBJ))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)

# Translations (gettext): po/LANG.po becomes $(B)/locale/LANG/LC_MESSAGES/
# tillit.mo, where a tillit of the build tree finds it (src/core/i18n.c).
MSGFMT ?= msgfmt
XGETTEXT ?= xgettext
MSGMERGE ?= msgmerge
LINGUAS := $(basename $(notdir $(wildcard po/*.po)))
MO := $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/tillit.mo)
POT_SRC = $(sort $(wildcard src/*.c src/*/*.c src/*/*/*.c))

.PHONY: bench bench-smoke
.PHONY: all run test unit-test asan clang install uninstall dist clean deps \
	deps-test check-layers pot gen FORCE
.PHONY: fuzz fuzz-build deps-fuzz

all: tillit

tillit: $(B)/tillit
	@if [ "$(B)" = build/default ]; then \
		cp $(B)/tillit tillit.new && mv -f tillit.new tillit; fi

$(B)/tillit: $(LIB_OBJ) $(MAIN_OBJ) | $(MO)
	$(CC) $(CFLAGS) $(THREAD_FLAGS) $(LDFLAGS) $(LINKFLAGS) -o $@ \
		$(LIB_OBJ) $(MAIN_OBJ) \
		$(BIN_LIBS)

gen: $(B)/tillit-gen

$(B)/tillit-gen: $(GEN_OBJ) $(GEN_LIB_OBJ)
	$(CC) $(CFLAGS) $(THREAD_FLAGS) $(LDFLAGS) $(LINKFLAGS) -o $@ \
		$(GEN_OBJ) $(GEN_LIB_OBJ) $(BIN_LIBS)

$(B)/src/export/ical.o: CPPFLAGS += -DTL_LIBICAL_SONAME='"$(LIBICAL_SONAME)"'
$(B)/src/store/pg/libpq.o: CPPFLAGS += -DTL_LIBPQ_SONAME='"$(LIBPQ_SONAME)"'
# ICU (Swedish order, NFC: src/core/collate.c) is loaded with dlopen()
# too, when a name is first written or sorted: a large C++ library.
LIBICU_SONAME = $(or $(shell objdump -p \
	"$$($(PKG_CONFIG) --variable=libdir icu-i18n 2>/dev/null)/libicui18n.so" \
	2>/dev/null | sed -n 's/^ *SONAME *//p'),libicui18n.so.72)
$(B)/src/core/collate.o: CPPFLAGS += -DTL_LIBICU_SONAME='"$(LIBICU_SONAME)"'
$(B)/src/core/collate.o: PKG_CFLAGS += $(shell $(PKG_CONFIG) --cflags \
	icu-i18n 2>/dev/null)
# The PDF backend: Pango and Cairo's headers, their library loaded with
# dlopen() too (src/export/pdf_lib.c), GLib and fontconfig being many
# libraries to load at every start for a format few commands write.
PDF_OBJ := $(B)/src/export/doc_pdf.o $(B)/src/export/pdf_lib.o
$(PDF_OBJ): PKG_CFLAGS += $(shell $(PKG_CONFIG) --cflags pangocairo \
	2>/dev/null)
PANGOCAIRO_SONAME = $(or $(shell objdump -p \
	"$$($(PKG_CONFIG) --variable=libdir pangocairo 2>/dev/null)/libpangocairo-1.0.so" \
	2>/dev/null | sed -n 's/^ *SONAME *//p'),libpangocairo-1.0.so.0)
$(B)/src/export/pdf_lib.o: CPPFLAGS += \
	-DTL_PANGOCAIRO_SONAME='"$(PANGOCAIRO_SONAME)"'

# Where an installed tillit looks for its catalogues.  The value is kept
# in $(B)/localedir, so that `make install PREFIX=/usr` rebuilds i18n.o.
$(B)/src/core/i18n.o: CPPFLAGS += -DLOCALEDIR='"$(LOCALEDIR)"'
$(B)/src/core/i18n.o: $(B)/localedir
$(B)/localedir: FORCE
	@mkdir -p $(B)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' >$@
FORCE:

$(B)/locale/%/LC_MESSAGES/tillit.mo: po/%.po
	@mkdir -p $(dir $@)
	$(MSGFMT) -c -o $@ $<

# Regenerates po/tillit.pot from the sources and merges it into every
# po/LANG.po; new strings then show up untranslated (make test fails
# until they are translated).
pot:
	$(XGETTEXT) --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
		--keyword=NC_:1c,2 \
		--from-code=UTF-8 \
		--language=C --add-comments=TRANSLATORS: --sort-by-file \
		--package-name=tillit --msgid-bugs-address="see README.md" \
		-o po/tillit.pot $(POT_SRC)
	@for po in $(wildcard po/*.po); do \
		echo "$(MSGMERGE) $$po"; \
		$(MSGMERGE) --quiet --update --backup=none $$po po/tillit.pot \
			|| exit 1; \
	done

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_OBJ) \
		$(PKG_LIBS) $(TEST_LIBS)

deps:
	@sh scripts/deps.sh build

deps-test:
	@sh scripts/deps.sh test

# The benchmark of doc/performance.md (bench/run.sh): builds the large
# tier once into bench/data/ (with tillit-gen), measures tillit and its
# peers, rewrites doc/performance.md.  bench-smoke does the same at a
# tiny scale in seconds and writes bench/data/performance-small.md.
# Neither runs in make test.
bench: tillit gen
	@TILLIT_GEN=$(B)/tillit-gen sh bench/run.sh large

bench-smoke: tillit gen
	@TILLIT_GEN=$(B)/tillit-gen sh bench/run.sh small

run: deps
	@$(MAKE) --no-print-directory tillit
	./tillit

# The whole suite: build with gcc (default CC) and check clang builds it
# clean too, then unit tests (cmocka) and CLI tests (shell), on SQLite
# and again on a private PostgreSQL server that tests/with-pg.sh starts
# for the run and stops after it (the PostgreSQL pass is counted as
# skipped when the server's programs are not installed).
test: deps-test
	@$(MAKE) --no-print-directory tillit gen
	@$(MAKE) --no-print-directory clang
	@$(MAKE) --no-print-directory check-layers
	@$(MAKE) --no-print-directory unit-test
	@sh tests/with-pg.sh sh tests/run.sh $(B)

unit-test: $(TEST_BIN) $(B)/tests/downgrade

# The warning-free build under clang, in its own folder.
clang:
	@if command -v clang >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory B=build/clang CC=clang \
			build/clang/tillit build/clang/tillit-gen \
			>/dev/null && \
		echo "clang: build clean"; \
	else echo "clang: not installed, skipped"; fi

# AddressSanitizer and UndefinedBehaviorSanitizer build, then the suite.
# The leaks suppressed (tests/lsan.supp) are not listed on stderr, which
# the tests read as tillit's own.
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
asan: deps-test
	@$(MAKE) --no-print-directory B=build/asan CFLAGS="$(ASAN_FLAGS)" \
		LDFLAGS="$(ASAN_FLAGS)" build/asan/tillit build/asan/tillit-gen \
		unit-test
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		sh tests/with-pg.sh sh tests/run.sh build/asan

# Every unit and command-line test with tillit (and the unit tests) under
# valgrind memcheck: an error or a byte definitely lost fails the run.
# Each run's report goes to build/valgrind/ (empty when clean); the
# run's line, for doc/reliability.md, is added to build/valgrind.history.
# On SQLite only (ENGINES=sqlite), as before tests/run.sh had a
# PostgreSQL pass: the figures of its history stay comparable.
.PHONY: valgrind reliability
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--suppressions=$(CURDIR)/tests/valgrind.supp
valgrind: deps-test
	@command -v valgrind >/dev/null 2>&1 || \
		{ echo "valgrind: not installed (apt-get install valgrind)" >&2; \
		exit 1; }
	@$(MAKE) --no-print-directory tillit gen unit-test
	@rm -rf build/valgrind && mkdir -p build/valgrind && \
		chmod 1777 build/valgrind
	@TILLIT_WRAPPER="$(VALGRIND) --log-file=$(CURDIR)/build/valgrind/%p.log" \
		TEST_TIMEOUT=1800 REL_SLOW=10 ENGINES=sqlite \
		sh -c 'sh tests/run.sh $(B); \
		echo $$? >build/valgrind.rc' 2>&1 | tee build/valgrind.out; \
	rc=$$(cat build/valgrind.rc); \
	runs=$$(ls build/valgrind | wc -l); \
	bad=$$(find build/valgrind -name '*.log' -size +0 | wc -l); \
	for f in $$(find build/valgrind -name '*.log' -size +0 | head -5); do \
		echo "--- $$f"; head -40 $$f; done; \
	echo "valgrind: $$runs runs, $$bad with errors or definite leaks"; \
	echo "$$(date -u '+%Y-%m-%d %H:%M UTC'), commit $$(git rev-parse \
		--short HEAD 2>/dev/null || echo unknown)," \
		"$$(if [ -n "$${ONLY:-}" ]; then echo "tests matching '$$ONLY'"; \
		else echo "the whole suite"; fi):" \
		"$$(tail -n 1 build/valgrind.out);" \
		"$$runs processes under valgrind, $$bad with an error or a" \
		"byte definitely lost" >>build/valgrind.history; \
	[ $$rc = 0 ] && [ $$bad = 0 ]

# The long form of the crash, concurrency and fault tests (REL_KILLS
# kills, REL_SECONDS of concurrent writers; on PostgreSQL too, with the
# server crashed every 10th round and REL_PG_WRITERS writers), which
# rewrites doc/reliability.md with what it measured.
REL_KILLS ?= 200
REL_SECONDS ?= 60
REL_WRITERS ?= 3
REL_PG_WRITERS ?= 20
reliability: deps-test
	@$(MAKE) --no-print-directory tillit
	@sh tests/reliability/report.sh $(B)/tillit $(REL_KILLS) \
		$(REL_SECONDS) $(REL_WRITERS) $(REL_PG_WRITERS)

# libFuzzer targets (tests/fuzz/fuzz_*.c) with ASan and UBSan, built by
# clang in build/fuzz, each run for FUZZ_SECONDS on its seed corpus
# (tests/fuzz/corpus/NAME); what they find goes to build/fuzz/corpus/NAME,
# crashes to build/fuzz/crash-NAME-*.  Not part of `make test`.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
	-fno-omit-frame-pointer -fno-sanitize-recover=undefined
fuzz: deps-fuzz
	@$(MAKE) --no-print-directory B=build/fuzz CC=clang \
		CFLAGS="$(FUZZ_FLAGS)" fuzz-build >/dev/null
	@fail=0; for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/corpus/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		build/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=20 \
			-print_final_stats=1 \
			-artifact_prefix=$(CURDIR)/build/fuzz/crash-$$t- \
			$(CURDIR)/build/fuzz/corpus/$$t \
			$(CURDIR)/tests/fuzz/corpus/$$t \
			>build/fuzz/$$t.log 2>&1 || { fail=1; \
			echo "fuzz: $$t FAILED, see build/fuzz/$$t.log"; }; \
		grep -E '^stat::number_of_executed_units' build/fuzz/$$t.log \
			| sed "s/^/fuzz: $$t /"; \
	done; exit $$fail

fuzz-build: $(FUZZ_TARGETS:%=$(B)/%)

# What a target links besides tillit's own libraries: fuzz_markdown
# parses with cmark-gfm (in the fuzz build only; tillit never links it).
FUZZ_LIBS_fuzz_markdown = $(or $(shell $(PKG_CONFIG) --libs libcmark-gfm \
	2>/dev/null),-lcmark-gfm -lcmark-gfm-extensions)

$(B)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined $(LDFLAGS) \
		-o $@ $< $(LIB_OBJ) $(PKG_LIBS) $(FUZZ_LIBS_$(notdir $@))

deps-fuzz:
	@sh scripts/deps.sh fuzz

# Layering (doc/HACKING.md): which layer may include which, ncurses only
# in ui, SQLite only in src/store/sqlite, no include circles.
check-layers:
	@sh scripts/check-layers.sh

install: tillit
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DOCDIR)/doc
	install -m 0755 tillit $(DESTDIR)$(BINDIR)/tillit
	install -m 0644 doc/tillit.1 $(DESTDIR)$(MANDIR)/man1/tillit.1
	install -m 0644 README.md LICENSE $(DESTDIR)$(DOCDIR)
	install -m 0644 doc/*.md $(DESTDIR)$(DOCDIR)/doc
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR)
	./tillit completion bash >$(DESTDIR)$(BASHCOMPDIR)/tillit
	./tillit completion zsh >$(DESTDIR)$(ZSHCOMPDIR)/_tillit
	./tillit completion fish >$(DESTDIR)$(FISHCOMPDIR)/tillit.fish
	@for l in $(LINGUAS); do \
		d=$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		echo "install $$d/tillit.mo"; \
		install -d $$d && \
		install -m 0644 $(B)/locale/$$l/LC_MESSAGES/tillit.mo \
			$$d/tillit.mo || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tillit $(DESTDIR)$(MANDIR)/man1/tillit.1
	rm -rf $(DESTDIR)$(DOCDIR)
	rm -f $(DESTDIR)$(BASHCOMPDIR)/tillit $(DESTDIR)$(ZSHCOMPDIR)/_tillit \
		$(DESTDIR)$(FISHCOMPDIR)/tillit.fish
	@for l in $(LINGUAS); do \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/tillit.mo; \
	done

# A release tarball, tillit-VERSION.tar.gz (into DISTDIR), of the files
# of the commit checked out (git archive): what a fresh clone holds,
# never build/ or bench/data/.
DISTDIR ?= .
dist:
	@command -v git >/dev/null 2>&1 && git rev-parse --git-dir \
		>/dev/null 2>&1 || { echo "dist: needs a git checkout" >&2; \
		exit 3; }
	@git archive --format=tar --prefix=tillit-$(VERSION)/ HEAD | \
		gzip -9n >$(DISTDIR)/tillit-$(VERSION).tar.gz.new && \
		mv -f $(DISTDIR)/tillit-$(VERSION).tar.gz.new \
			$(DISTDIR)/tillit-$(VERSION).tar.gz
	@echo "dist: wrote $(DISTDIR)/tillit-$(VERSION).tar.gz"

clean:
	rm -rf build tillit

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(GEN_OBJ:.o=.d) \
	$(TEST_BIN:=.d) $(B)/tests/downgrade.d
