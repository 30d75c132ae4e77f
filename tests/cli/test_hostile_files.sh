#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Hostile files and terminals (issue 13, points 2 and 5): tillit makes a
# database only through init, import or the full-screen program's first
# start, and only as a new file (or an empty one of the user's own),
# 0600; every other command refuses a missing or empty file and leaves it
# as it was.  --mode loosens an export on purpose, and a bad mode is a
# usage error.  A drafts folder that is a link, not the user's, or
# writable by others is not used.  A terminal that cannot hold the
# full-screen program is one "tillit:" line and exit status 3.  The full
# id of a signed meeting names the meeting in `log`; names with many
# combining marks are shown whole on the screen.  And two edits of one
# follow-up at once, in an open form and from the command line: what
# happens is recorded (a known gap until records carry a version).
. "$(dirname "$0")/lib.sh"

# same NAME GOT WANT
same() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "got:  $2" "want: $3"
	fi
}
mode_of() {
	stat -c %a "$1" 2>/dev/null || echo missing
}

# ---- only init and import make a database, and only as a new file -------

if sqlite_only "database files: only init and import make one, 0600"; then
	E=$W/empty.db
	for cmd in "unit list" "meeting list" "followup list" "search budget" \
		"log" "export" "export followups" "verify" "unit add --name X \
		--kind team" "person add --name X --kind employee"; do
		: >"$E"
		chmod 0644 "$E"
		# shellcheck disable=SC2086
		run "$TILLIT" --db "$E" $cmd
		check_err "an empty --db file is refused by '$cmd'" 1 'empty file'
		if [ ! -s "$E" ] && [ "$(mode_of "$E")" = 644 ] &&
			[ ! -e "$E-wal" ] && [ ! -e "$E-shm" ]; then
			pass "'$cmd' leaves the empty file as it was (0644, empty)"
		else
			fail "'$cmd' leaves the empty file as it was" \
				"$(ls -l "$E"* 2>&1)"
		fi
		rm -f "$E" "$E-wal" "$E-shm"
	done
	for cmd in "unit list" "log" "export"; do
		# shellcheck disable=SC2086
		run "$TILLIT" --db "$W/missing.db" $cmd
		check_err "a missing --db file is refused by '$cmd'" 1 \
			"No database at .*tillit init"
	done
	if [ ! -e "$W/missing.db" ]; then
		pass "a missing database is not created by other commands"
	else
		fail "a missing database is not created by other commands"
	fi

	(umask 000 && "$TILLIT" --db "$W/new.db" init >"$W/out" 2>"$W/err")
	RC=$?
	check_rc "init makes a new database under umask 000" 0
	must "$TILLIT" --db "$W/new.db" unit add --name Enhet --kind team -q
	same "init's new database is 0600 under umask 000" \
		"$(mode_of "$W/new.db")" 600
	same "... and so are its -wal and -shm files" \
		"$(mode_of "$W/new.db-wal") $(mode_of "$W/new.db-shm")" "600 600"
	: >"$E"
	chmod 0644 "$E"
	run "$TILLIT" --db "$E" init
	check_grep "init takes an empty file of the user's own" "^Created "
	same "... and makes it 0600" "$(mode_of "$E")" 600
	rm -f "$E"*
	: >"$W/target.db"
	ln -s "$W/target.db" "$E"
	run "$TILLIT" --db "$E" init
	check_err "init refuses an empty file that is a link" 1 'link'
	if [ ! -s "$W/target.db" ]; then
		pass "... and writes nothing through it"
	else
		fail "... and writes nothing through it"
	fi
	rm -f "$E"
	tl init >/dev/null
	must tl export --output "$W/all.json"
	(umask 000 && "$TILLIT" --db "$W/imp.db" import "$W/all.json" \
		>"$W/out" 2>"$W/err")
	RC=$?
	check_rc "import makes a new database under umask 000" 0
	same "import's new database is 0600" "$(mode_of "$W/imp.db")" 600
	# The full-screen program's first start makes the default database.
	printf 'key 1\nkey Q\n' >"$W/quit.txt"
	(umask 000 && XDG_DATA_HOME=$W/fresh "$TILLIT" ui --script \
		"$W/quit.txt" >"$W/out" 2>"$W/err")
	RC=$?
	check_rc "the full-screen program starts on a fresh machine" 0
	same "... and makes its database 0600 in a 0700 folder" \
		"$(mode_of "$W/fresh/tillit/tillit.db") $(mode_of "$W/fresh/tillit")" \
		"600 700"
else
	must tl init
fi

# ---- --mode: a wider mode only on purpose --------------------------------

must tl unit add --name Enhet --kind team -q
must tl person add --name "Björn Åkesson" --kind employee -q
must tl followup add --text "Ring tillbaka" --owner "Björn Åkesson" \
	--due +14d -q
FOLLOWUP=$(last_id)
(umask 077 && "$TILLIT" --db "$DB" export --output "$W/shared.json" \
	--mode 0640 >"$W/out" 2>"$W/err")
RC=$?
check_rc "export --mode 0640 runs" 0
same "export --mode 0640 makes a new file 0640 whatever the umask" \
	"$(mode_of "$W/shared.json")" 640
run tl export followups --output "$W/shared.json" --mode 644
same "--mode sets the mode of a file replaced too" \
	"$(mode_of "$W/shared.json")" 644
run tl export followups --output "$W/shared.json"
same "without --mode a replaced file keeps its mode" \
	"$(mode_of "$W/shared.json")" 644
MEETING=$(tl meeting add --title "Möte" --kind committee --unit Enhet \
	--starts-at "2026-12-01 10:00" -q | tail -n 1)
run tl export minutes "$MEETING" --format md --output "$W/m.md" --mode 0604
same "export minutes --mode 0604" "$(mode_of "$W/m.md")" 604
for m in 1777 4755 0800 8 abc "" -1 07777; do
	run tl export --output "$W/bad.json" --mode "$m"
	check_err "--mode '$m' is a usage error" 2 \
		'--mode takes a file mode in octal, from 0 to 0777'
done
if [ ! -e "$W/bad.json" ]; then
	pass "a bad --mode writes no file"
else
	fail "a bad --mode writes no file"
fi
run tl export --mode 0640
check_err "--mode without --output is a usage error" 2 'give --output'
run tl sign "$MEETING" --export "$W/signed" --mode 999
check_err "sign --export --mode 999 is a usage error" 2 \
	'--mode takes a file mode'

# ---- the signed meeting of the demo: sign --export --mode, and log -------

D=$(newdb demo) || exit 1
must "$TILLIT" --db "$D" init --demo
SIGNED=$("$TILLIT" --db "$D" meeting list --status signed --format csv |
	sed -n 2p | cut -d, -f1)
run "$TILLIT" --db "$D" sign "$SIGNED" --export "$W/signed" --mode 0644
check_rc "sign --export --mode 0644 runs" 0
same "sign --export --mode 0644 makes its files 0644" \
	"$(mode_of "$W/signed/minutes.txt") \
$(mode_of "$W/signed/allowed_signers")" "644 644"
(umask 000 && "$TILLIT" --db "$D" sign "$SIGNED" --export "$W/signed0" \
	>/dev/null 2>&1)
same "sign --export makes its folder 0700 and its files 0600 under umask 000" \
	"$(mode_of "$W/signed0") $(mode_of "$W/signed0/minutes.txt")" "700 600"
run "$TILLIT" --db "$D" log "$SIGNED"
check_grep "log takes the full id of a signed meeting" \
	"update +meeting +${SIGNED%%-*} +status +held -> signed"
run "$TILLIT" --db "$D" log "$(echo "$SIGNED" | tr a-f A-F)"
check_grep "... in capitals too" "create +meeting +${SIGNED%%-*}"
run "$TILLIT" --db "$D" log "${SIGNED%%-*}"
check_grep "log takes the short id of a signed meeting" \
	"create +meeting +${SIGNED%%-*}"
SEAL=$("$TILLIT" --db "$D" seal list --format csv | sed -n 2p | cut -d, -f1)
run "$TILLIT" --db "$D" log "$SEAL"
check_grep "log still takes the seal's own id" "create +seal +${SEAL%%-*}"

# ---- the drafts folder: used only when it is the user's alone ------------

if command -v tmux >/dev/null 2>&1; then
	n=0
	t() { tmux -S "$W/tmux$n" "$@"; }
	trap 't kill-server 2>/dev/null; lib_cleanup' EXIT
	# start: tillit on $DB in a fresh tmux session.
	start() {
		t kill-server 2>/dev/null
		n=$((n + 1))
		t new-session -d -x 250 -y 30 \
			"env TILLIT_NOW='$TILLIT_NOW' TZ=$TZ LC_ALL=C.UTF-8 \
			TERM=xterm-256color sh -c 'umask 000; \
			\"$TILLIT\" --db \"$DB\"; echo EXIT=\$?; sleep 30'"
	}
	wait_for() {
		for _ in $(seq 50); do
			t capture-pane -p >"$W/pane" 2>/dev/null
			grep -q -- "$1" "$W/pane" && return 0
			sleep 0.2
		done
		return 1
	}
	# hang_up_in_form: opens a new follow-up, types, and hangs up.
	hang_up_in_form() {
		t send-keys 6
		wait_for "Follow-ups" >/dev/null
		t send-keys a
		wait_for "New follow-up" >/dev/null
		t send-keys -l "Utkast som inte får hamna fel"
		wait_for "Utkast som inte" >/dev/null
		pid=$(pgrep -P "$(t display -p '#{pane_pid}')" | head -n 1)
		[ -n "$pid" ] && kill -HUP "$pid"
		wait_for "EXIT=" >/dev/null
	}
	# drafts_case NAME REASON-REGEX DIR: with the drafts folder made
	# unfit, the start says so, the program goes on, and a hang-up
	# keeps no draft in DIR (where the folder leads).
	drafts_case() {
		start
		if wait_for "Drafts are not kept: .*$2"
		then
			pass "drafts folder $1: the status line says why drafts are not kept"
		else
			fail "drafts folder $1: the status line says why" \
				"$(tail -n 3 "$W/pane")"
		fi
		if grep -q "Overview" "$W/pane"; then
			pass "drafts folder $1: the program goes on"
		else
			fail "drafts folder $1: the program goes on"
		fi
		hang_up_in_form
		if grep -q "EXIT=129" "$W/pane" &&
			! grep -rqs "Utkast som inte" "$3"; then
			pass "drafts folder $1: no draft is written there"
		else
			fail "drafts folder $1: no draft is written there" \
				"$(ls -la "$3" 2>&1 | head -5)" \
				"$(grep EXIT "$W/pane")"
		fi
	}
	DRAFTS=$(drafts_dir)
	rm -rf "$DRAFTS"
	mkdir "$DRAFTS"
	chmod 0777 "$DRAFTS"
	drafts_case "writable by others" "others may write to the folder" \
		"$DRAFTS"
	rm -rf "$DRAFTS"
	mkdir -m 0700 "$W/elsewhere"
	ln -s "$W/elsewhere" "$DRAFTS"
	drafts_case "that is a symbolic link" "a symbolic link stands" \
		"$W/elsewhere"
	rm -f "$DRAFTS"
	if [ "$(id -u)" = 0 ]; then
		mkdir -m 0700 "$DRAFTS"
		chown 65534 "$DRAFTS"
		drafts_case "of another user" "another user owns the folder" \
			"$DRAFTS"
		rm -rf "$DRAFTS"
	else
		echo "ok - drafts folder of another user # SKIP not root"
	fi
	# A folder of the user's own is made 0700 even under umask 000.
	start
	wait_for Overview >/dev/null
	hang_up_in_form
	if [ "$(mode_of "$DRAFTS")" = 700 ] &&
		grep -rqs "Utkast som inte" "$DRAFTS"; then
		pass "a draft is kept in a new 0700 drafts folder"
	else
		fail "a draft is kept in a new 0700 drafts folder" \
			"$(ls -la "$DRAFTS" 2>&1)"
	fi
	rm -rf "$DRAFTS"
	t kill-server 2>/dev/null
else
	echo "ok - drafts folder tests # SKIP tmux is not installed"
fi

# ---- a terminal that cannot hold the screen: one line, exit status 3 -----

if command -v tmux >/dev/null 2>&1; then
	t() { tmux -S "$W/tmux$n" "$@"; }
	# term_case NAME ENV REGEX: tillit under `env ENV` in a terminal
	# (tmux), its stderr and exit status kept (it is ended after 10 s
	# at most): one line matching REGEX, exit status 3.
	term_case() {
		tcase=$1
		rm -f "$W/term.err" "$W/term.rc" "$W/term.db"
		t kill-server 2>/dev/null
		n=$((n + 1))
		t new-session -d -x 100 -y 30 "env $2 TILLIT_NOW='$TILLIT_NOW' \
			LC_ALL=C.UTF-8 timeout 10 \"$TILLIT\" --db \"$W/term.db\" \
			2>\"$W/term.err\"; echo \$? >\"$W/term.rc\"; sleep 30"
		for _ in $(seq 75); do
			[ -s "$W/term.rc" ] && break
			sleep 0.2
		done
		cp "$W/term.err" "$W/err" 2>/dev/null || : >"$W/err"
		RC=$(cat "$W/term.rc" 2>/dev/null || echo none)
		check_err "$tcase: one tillit line and exit status 3" 3 "$3"
		t capture-pane -p >"$W/pane" 2>/dev/null
		if [ "$(t display -p '#{alternate_on}' 2>/dev/null)" != 1 ]; then
			pass "$tcase: the terminal is left as it was"
		else
			fail "$tcase: the terminal is left as it was"
		fi
		if [ ! -e "$W/term.db" ]; then
			pass "$tcase: no database is made"
		else
			fail "$tcase: no database is made"
		fi
	}
	term_case "TERM unset" "-u TERM" "TERM is not set"
	term_case "TERM empty" "TERM=" "TERM is not set"
	term_case "TERM unknown" "TERM=no-such-terminal" \
		"TERM=no-such-terminal is not known"
	term_case "TERM=dumb" "TERM=dumb" "cannot move the cursor"
	t kill-server 2>/dev/null
else
	echo "ok - terminal tests # SKIP tmux is not installed"
fi

# ---- names with many combining marks, on the screen ----------------------

ACUTE=$(printf '\314\201')
MARKS=$(printf "$ACUTE%.0s" $(seq 30))
# 12 letters, each under 30 accents: 732 bytes, 12 cells.
CM=""
for l in A b c d e f g h i j k l; do
	CM="$CM$l$MARKS"
done
must tl person add --name "$CM Z" --kind employee -q
must tl followup add --text "Följ upp $CM slut" --owner "$CM Z" --due +3d -q
# shown NAME KEYS WANT: the screen after KEYS, accents taken away, shows
# WANT (the whole name) and no "?" or broken character.
shown() {
	printf '%s\n' "$2" dump >"$W/cm.txt"
	run "$TILLIT" --db "$DB" ui --script "$W/cm.txt" --size 140x30
	# Stored composed, "A" and its first accent are "Á": decomposed
	# again before the acute accents go.
	python3 -c 'import sys, unicodedata
s = unicodedata.normalize("NFD", sys.stdin.read()).replace("\u0301", "")
sys.stdout.write(unicodedata.normalize("NFC", s))' <"$W/out" >"$W/plain"
	if [ "$RC" = 0 ] && grep -q -- "$3" "$W/plain" &&
		! grep "bcdefgh" "$W/plain" | grep -q "?" &&
		iconv -f UTF-8 -t UTF-8 "$W/out" >/dev/null 2>&1; then
		pass "a name with many combining marks is shown whole: $1"
	else
		fail "a name with many combining marks is shown whole: $1" \
			"$(grep -a -- "Följ\|abcd" "$W/plain" | head -3)"
	fi
}
shown "the follow-ups list (owner)" "key 6" "Abcdefghijkl Z"
shown "the follow-ups list (text)" "key 6" "Följ upp Abcdefghijkl slut"
shown "the overview" "key 1" "Följ upp Abcdefghijkl slut"
# A name wider than its column is cut by cells, with "…".
LONG=""
for l in A b c d e f g h i j k l m n o p q r s t u v w x y z; do
	LONG="$LONG$l$MARKS"
done
must tl person add --name "$LONG" --kind employee -q
must tl followup add --text "Kort" --owner "$LONG" --due +4d -q
shown "cut to its column by cells" "key 6" " Abcdefghijklmnop[a-z]*…  *Kort"

# ---- one follow-up edited from two places at once -------------------------

# VERSION_CHECK is 0 until records carry a version (DESIGN.md section 3:
# "an update from a stale read is refused ... never silently
# overwritten"), and what happens now is reported as a known gap ("#
# GAP", a row of its own in doc/reliability.md).  Set it to 1 when that
# check exists: an edit lost without a word is then a failure.
VERSION_CHECK=0
# two_edits NAME FIELD-RESULT WHAT: the row for one edit of the command
# line, made while the form was open; FIELD-RESULT is "kept" or "lost".
two_edits() {
	if [ "$2" = kept ]; then
		pass "$1: the command line's edit is kept"
	elif [ "$VERSION_CHECK" = 1 ]; then
		fail "$1: no edit is lost without a word" "$3"
	else
		echo "ok - $1: the form's save overwrites the command line's" \
			"edit without a word # GAP $3"
	fi
}
if command -v tmux >/dev/null 2>&1; then
	n=$((n + 1))
	t() { tmux -S "$W/tmux$n" "$@"; }
	must tl followup add --text "Ring Anna" --owner "Björn Åkesson" \
		--due +20d -q
	F=$(last_id)
	t new-session -d -x 100 -y 30 \
		"env TILLIT_NOW='$TILLIT_NOW' TZ=$TZ LC_ALL=C.UTF-8 \
		TERM=xterm-256color \"$TILLIT\" --db \"$DB\"; sleep 30"
	wait_for Overview >/dev/null
	t send-keys 6
	wait_for "Ring Anna" >/dev/null
	# Down to the follow-up's row, then edit it.
	for _ in $(seq 10); do
		t capture-pane -p >"$W/pane"
		grep -q "^>.*Ring Anna" "$W/pane" && break
		t send-keys Down
		sleep 0.2
	done
	t send-keys e
	if wait_for "Text \*" && grep -q "Ring Anna" "$W/pane"; then
		pass "concurrent edits: the form is open on the follow-up"
	else
		fail "concurrent edits: the form is open on the follow-up" \
			"$(head -12 "$W/pane")"
	fi
	t send-keys C-u
	t send-keys -l "Ring Anna i formuläret"
	wait_for "i formuläret" >/dev/null
	# Meanwhile, the command line changes the text and the outcome.
	run tl followup edit "$F" --text "Ring Anna från kommandoraden" \
		--outcome "Anteckning från kommandoraden"
	check_rc "concurrent edits: the command line saves while the form is open" 0
	t send-keys C-x
	if wait_for "Saved the follow-up"; then
		said="the form said: Saved the follow-up."
	else
		said="the form said: $(tail -n 2 "$W/pane" | head -n 1)"
	fi
	t send-keys Q
	t kill-server 2>/dev/null
	run tl followup show "$F" --format json
	text=$(sed -n 's/.*"text": "\([^"]*\)".*/\1/p' "$W/out")
	outcome=$(sed -n 's/.*"outcome": "\([^"]*\)".*/\1/p' "$W/out")
	if [ "$text" = "Ring Anna från kommandoraden" ]; then
		r=kept
	else
		r=lost
	fi
	two_edits "concurrent edits of one follow-up's text (an open form, then the command line, then the form's save)" \
		"$r" "text is now \"$text\"; $said"
	if [ "$outcome" = "Anteckning från kommandoraden" ]; then
		r=kept
	else
		r=lost
	fi
	two_edits "concurrent edits of one follow-up, the command line changing a field the form left alone (outcome)" \
		"$r" "outcome is now \"$outcome\"; $said"
else
	echo "ok - concurrent edits # SKIP tmux is not installed"
fi

done_testing
