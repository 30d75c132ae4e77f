#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/reliability/writer.sh - a writer for the crash and concurrency
# tests: adds meetings, agenda items, follow-ups and mandates through the
# command line, one command at a time, and marks follow-ups done.
#
#   sh writer.sh TILLIT DB LOG TAG [SECONDS]
#
# After each command that reported success (exit status 0) it appends
# one line "KIND ID" to LOG (KIND is the table: meetings, items,
# followups, mandates; "done ID" for a follow-up marked done), so LOG
# holds only writes that tillit said were committed.  A command that
# fails appends "error STATUS" and its stderr goes to LOG.err.  The
# database must hold a person "Writer Person" and a committee
# "Writer Committee".  Runs until killed, or for SECONDS when given.
set -u

T=$1 DB=$2 LOG=$3 TAG=$4
SECONDS_LEFT=${5:-}
end=""
[ -n "$SECONDS_LEFT" ] && end=$(($(date +%s) + SECONDS_LEFT))

tl() {
	"$T" --db "$DB" "$@" 2>>"$LOG.err"
}

# ok KIND ID: the command succeeded with this id.
note() {
	case $2 in
	????????-????-????-????-????????????) echo "$1 $2" >>"$LOG" ;;
	*) echo "error bad-id" >>"$LOG" ;;
	esac
}

bad() {
	echo "error $1" >>"$LOG"
}

i=0
while :; do
	if [ -n "$end" ] && [ "$(date +%s)" -ge "$end" ]; then
		break
	fi
	i=$((i + 1))
	if m=$(tl meeting add -q --title "Möte $TAG $i" --kind committee \
		--unit "Writer Committee" --starts-at "2026-12-01 10:00"); then
		note meetings "$m"
	else
		bad $?
		continue
	fi
	if it=$(tl item add -q --meeting "$m" --title "Ärende $TAG $i" \
		--kind decision --notes "Anteckning 'citat' ; -- %"); then
		note items "$it"
	else
		bad $?
		continue
	fi
	if f=$(tl followup add -q --text "Följ upp $TAG $i" \
		--owner "Writer Person" --due +14d --meeting "$m" --item "$it"); then
		note followups "$f"
	else
		bad $?
		continue
	fi
	if md=$(tl mandate add -q --matter "Mandat $TAG $i" \
		--given-to "Writer Person" --given-by-unit "Writer Committee" \
		--level 3 --meeting "$m" --item "$it"); then
		note mandates "$md"
	else
		bad $?
		continue
	fi
	if tl followup done "$f" --outcome "Klart $TAG $i" >/dev/null; then
		note done "$f"
	else
		bad $?
	fi
done
