#!/usr/bin/env bash
# A minimal shell bridge for `gids serve --format plain`.
#
# Chat messages come in on stdin as lines "user<TAB>text"; the guide's answers go out on
# stdout as lines "@user: text" (options as "@user:   1. text", and "@user: [112]" before a
# crisis answer, where a real bridge shows a call button). gids runs as a coprocess;
# after each message the bridge reads gids's lines until the one whose kind is `expect` or
# `error`, which always ends a reply. Extra arguments go to `gids serve`.
#
#   printf 'anna\thoi\nanna\t1\n' | GIDS=.build/debug/gids Examples/bridges/bash-bridge.sh --store :memory:
set -euo pipefail
gids=${GIDS:-gids}

coproc GIDS_SERVE { exec "$gids" serve --format plain "$@"; }
gids_pid=$GIDS_SERVE_PID

# Plain-format fields escape backslash, tab and newline.
escape() { local s=${1//\\/\\\\}; s=${s//$'\t'/\\t}; printf '%s' "${s//$'\n'/\\n}"; }
unescape() { local s=${1//\\n/$'\n'}; s=${s//\\t/$'\t'}; printf '%s' "${s//\\\\/\\}"; }

while IFS=$'\t' read -r user text; do
    [ -n "$user" ] || continue
    printf '%s\t%s\n' "$(escape "$user")" "$(escape "$text")" >&"${GIDS_SERVE[1]}"
    while IFS=$'\t' read -r session kind first rest <&"${GIDS_SERVE[0]}"; do
        case $kind in
            message) printf '@%s: %s\n' "$(unescape "$session")" "$(unescape "$first")" ;;
            option) printf '@%s:   %s. %s\n' "$(unescape "$session")" "$first" "$(unescape "$rest")" ;;
            # The safety net gave the crisis answer or asked the check question: a real bridge
            # shows a call button here, or alerts the organisation's on-call process.
            safety) if [ "$first" = crisis ]; then printf '@%s: [112]\n' "$(unescape "$session")"; fi ;;
            expect) break ;;
            error) printf '@%s: (gids could not read that message: %s)\n' "$(unescape "$session")" "$first"; break ;;
            *) printf 'bridge: unexpected line from gids: %s\n' "$kind" >&2; break ;;
        esac
    done
done

# Closing gids's input ends it; wait for it (it may already have been reaped).
exec {GIDS_SERVE[1]}>&-
wait "$gids_pid" 2>/dev/null || true
