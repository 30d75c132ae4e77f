# tillit - a plain Makefile.  `make` builds ./tillit; see README.md.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale

CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS := ncursesw formw sqlite3 uuid jansson libical libcrypto

CFLAGS ?= -O2 -g
WARNFLAGS := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Werror
CPPFLAGS += -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE
# ncursesw brings its own feature macros; ours (above) win.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE, \
	$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(WARNFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP

# Objects go to $(B); variants (asan, clang) use their own folder.
B ?= build/default
LIB_SRC := $(sort $(wildcard src/core/*.c src/store/*.c src/export/*.c \
	src/cli/*.c src/ui/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
MAIN_OBJ := $(B)/src/main.o
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
POT_SRC = $(sort $(wildcard src/*.c src/*/*.c))

.PHONY: all run test unit-test asan clang install uninstall clean deps \
	deps-test check-layers pot FORCE

all: tillit

tillit: $(B)/tillit
	@if [ "$(B)" = build/default ]; then \
		cp $(B)/tillit tillit.new && mv -f tillit.new tillit; fi

$(B)/tillit: $(LIB_OBJ) $(MAIN_OBJ) | $(MO)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(LIB_OBJ) $(MAIN_OBJ) $(PKG_LIBS)

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

run: deps
	@$(MAKE) --no-print-directory tillit
	./tillit

# The whole suite: build with gcc (default CC) and check clang builds it
# clean too, then unit tests (cmocka) and CLI tests (shell).
test: deps-test
	@$(MAKE) --no-print-directory tillit
	@$(MAKE) --no-print-directory clang
	@$(MAKE) --no-print-directory check-layers
	@$(MAKE) --no-print-directory unit-test
	@sh tests/run.sh $(B)

unit-test: $(TEST_BIN)

# The warning-free build under clang, in its own folder.
clang:
	@if command -v clang >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory B=build/clang CC=clang \
			build/clang/tillit >/dev/null && \
		echo "clang: build clean"; \
	else echo "clang: not installed, skipped"; fi

# AddressSanitizer and UndefinedBehaviorSanitizer build, then the suite.
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
asan: deps-test
	@$(MAKE) --no-print-directory B=build/asan CFLAGS="$(ASAN_FLAGS)" \
		LDFLAGS="$(ASAN_FLAGS)" build/asan/tillit unit-test
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		sh tests/run.sh build/asan

# Layering (DESIGN.md section 4): includes run one way, core <- store <-
# export <- cli and ui; core knows neither ncurses nor SQLite, store knows
# no ncurses, and nothing outside store runs SQL.
check-layers:
	@fail=0; \
	if grep -rnE '#include *[<"](n?curses|ncursesw/|sqlite3|form|menu|panel)' \
		src/core include/tillit/model.h; then \
		echo "check-layers: core includes ncurses or sqlite3" >&2; fail=1; fi; \
	if grep -rnE '#include *[<"](n?curses|ncursesw/|form\.h|menu\.h|panel\.h)' \
		src/store; then \
		echo "check-layers: store includes ncurses" >&2; fail=1; fi; \
	if grep -rnE 'sqlite3_|#include *[<"]sqlite3' src/ui src/cli src/export \
		src/main.c; then \
		echo "check-layers: SQL outside src/store" >&2; fail=1; fi; \
	if grep -rnE '#include *"tillit/(store|json|demo|cli|ui)\.h"' src/core; then \
		echo "check-layers: core includes a higher layer" >&2; fail=1; fi; \
	if grep -rnE '#include *"tillit/(json|demo|cli|ui)\.h"' src/store; then \
		echo "check-layers: store includes a higher layer" >&2; fail=1; fi; \
	if grep -rnE '#include *"tillit/(cli|ui)\.h"' src/export; then \
		echo "check-layers: export includes cli or ui" >&2; fail=1; fi; \
	if [ $$fail = 0 ]; then echo "check-layers: ok"; else exit 1; fi

install: tillit
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 0755 tillit $(DESTDIR)$(BINDIR)/tillit
	install -m 0644 doc/tillit.1 $(DESTDIR)$(MANDIR)/man1/tillit.1
	@for l in $(LINGUAS); do \
		d=$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		echo "install $$d/tillit.mo"; \
		install -d $$d && \
		install -m 0644 $(B)/locale/$$l/LC_MESSAGES/tillit.mo \
			$$d/tillit.mo || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tillit $(DESTDIR)$(MANDIR)/man1/tillit.1
	@for l in $(LINGUAS); do \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/tillit.mo; \
	done

clean:
	rm -rf build tillit

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)
