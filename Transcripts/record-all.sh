#!/usr/bin/env bash
# Re-records every transcript in this folder from its scripted answers. Run it after a
# deliberate change to the dialogues, then review `git diff Transcripts/` line by line.
# (For a change that keeps the same answers, `gids test --update` is enough.)
# Menu: 1 check-in, 2 critical event, 3 where to find help, 4 long-term strain, 5 practice, 6 stop.
set -euo pipefail
cd "$(dirname "$0")"
gids=${GIDS:-../.build/debug/gids}

# record NAME "OPTIONS" ANSWER... : one session; a final ^D is recorded when the answers run out.
record() {
    local name=$1 options=$2
    shift 2
    printf '%s\n' "$@" | "$gids" chat --dialogues ../Dialogues --seed 1 --now 2026-03-12 --data-dir "$(mktemp -d)" \
        --record "$name.transcript" $options > /dev/null
}

# The check-in and the help map, both languages, both regions.
record checkin-nl-nl "--lang nl --region nl" 1 "De reanimatie van vanochtend" 1 1 2
record checkin-nl-nl-freetext "--lang nl --region nl" 1 "Een familielid dat boos werd" "opgejaagd en moe" 2 1 3 2 1 "mijn leidinggevende" "morgen na de overdracht"
record checkin-nl-nl-anders "--lang nl --region nl" "een korte" "Niks bijzonders" 9 "een beetje leeg" nee 6 2
record checkin-nl-be "--lang nl --region be" 1 "Een overlijden op de afdeling" 6 3 1 3 1 4 2 1 "de arbeidsarts" "deze week"
record checkin-en-nl "--lang en --region nl" 1 "A patient who died unexpectedly" 1 2 1 4 2 1 "my GP" "tomorrow morning"
record checkin-en-be "--lang en --region be" 1 "An aggressive relative" "shaky" 3 1 3 2 2
record region-asked-nl "--lang nl" 2 3 1 1 2 2 1 3 1 4 1 5 2 2
record region-asked-en "--lang en" 1 3 6 2
record helpmap-nl-all-steps "--lang nl --region nl" 3 1 1 2 1 3 1 4 1 5 2 1 "de POH-GGZ" "vrijdag"
record practice-nl "--lang nl --region nl" 5 1 5 2
record longterm-nl-be "--lang nl --region be" 4 1 2 3 6 2
record longterm-en-nl "--lang en --region nl" 4 3 3 2 6 2

# The crisis answer from different states.
record crisis-at-menu-nl "--lang nl --region nl" "ik wil dood" 1 1 6
record crisis-at-question1-nl "--lang nl --region nl" 1 "ik denk aan zelfmoord sinds de dienst" 2 1 "Een moeilijke nachtdienst" 1 1 2
record crisis-at-question2-nl "--lang nl --region be" 1 "De drukte" "I want to die" 3 2
record crisis-at-region-question "--lang nl" crisis 1 1 1 6
record crisis-in-helpmap-en "--lang en --region nl" 3 112 1 1 6 2
record crisis-at-question3-en "--lang en --region be" 1 "A long shift" 2 "nobody would miss me if I was gone" 2 1 3 2
record crisis-misspelt-nl "--lang nl --region nl" 1 "zelmoord gedachten" 3 2

# Commands available anywhere, and answers gids does not understand.
record commands-nl "--lang nl --region nl" hulp 1 "Een drukke dag" terug "Een rustige dag" opnieuw 1 "Toch druk" stop
record commands-en "--lang en --region nl" help 1 "A quiet day" back "A busy day" restart 6
record bad-answers-checkin-nl "--lang nl" frankrijk 1 xyz 1 "" "Een drukke dag" "" 2 misschien 3 "?" 1 zeven 2 hmm 2 "" 2
record bad-answers-other-sets-en "--lang en --region nl" 5 x 1 4 x 1 x 1 x 5 x 6 x 2
record bad-answers-crisis-en "--lang en --region be" crisis x 1 x 1 6

# An organisation's file, and Ctrl-D.
record org-nl "--lang nl --region nl --org ../Examples/org/voorbeeld-ziekenhuis.yaml" 3 2 1 3 2 1 "het team collegiale ondersteuning" "vandaag nog"
record org-crisis-en "--lang en --region nl --org ../Examples/org/voorbeeld-ziekenhuis.yaml" 1 "I want to hurt myself" 3 1 "A hard day" 2
record eof-summary-nl "--lang nl --region nl" 1 "Een lange dag" 2
record eof-summary-en "--lang en --region be" 1 "A long day"
