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
record checkin-nl-nl "--lang nl --region nl" 1 "De reanimatie van vanochtend" 1 1 3
record checkin-nl-nl-freetext "--lang nl --region nl" 1 "Een familielid dat boos werd" "opgejaagd en moe" 2 1 3 2 1 "mijn leidinggevende" "morgen na de overdracht"
record checkin-nl-nl-anders "--lang nl --region nl" "een korte" "Niks bijzonders" 9 "een beetje leeg" nee 6 3
record checkin-nl-be "--lang nl --region be" 1 "Een overlijden op de afdeling" 6 3 1 3 1 4 2 1 "de arbeidsarts" "deze week"
record checkin-en-nl "--lang en --region nl" 1 "A patient who died unexpectedly" 1 2 2 4 2 1 "my GP" "tomorrow morning"
record checkin-en-be "--lang en --region be" 1 "An aggressive relative" shaky 3 1 3 2 2
record region-asked-nl "--lang nl" 2 3 1 1 2 2 2
record region-asked-en "--lang en" 1 3 6 2
record helpmap-nl-all-steps "--lang nl --region nl" 3 1 1 2 1 3 1 4 1 5 2 1 "de POH-GGZ" vrijdag
record practice-nl "--lang nl --region nl" 5 1 5 2
record longterm-nl-be "--lang nl --region be" 4 1 2 3 6 2
record longterm-en-nl "--lang en --region nl" 4 3 3 2 6 2

# The crisis answer from different states.
record crisis-at-menu-nl "--lang nl --region nl" "ik wil dood" 1 1 6
record crisis-at-question1-nl "--lang nl --region nl" 1 "ik denk aan zelfmoord sinds de dienst" 2 1 1 "Een moeilijke nachtdienst" 1 1 3
record crisis-at-question2-nl "--lang nl --region be" 1 "De drukte" "I want to die" 3 1 2
record crisis-at-region-question "--lang nl" crisis 1 1 1 6
record crisis-in-helpmap-en "--lang en --region nl" 3 112 1 1 6 2
record crisis-at-question3-en "--lang en --region be" 1 "A long shift" 2 "nobody would miss me if I was gone" 2 1 1 3 2
record crisis-misspelt-nl "--lang nl --region nl" 1 "zelmoord gedachten" 3 1 2

# Commands available anywhere, and answers gids does not understand.
record commands-nl "--lang nl --region nl" hulp 1 "Een drukke dag" terug "Een rustige dag" opnieuw 1 "Toch druk" stop
record commands-en "--lang en --region nl" help 1 "A quiet day" back "A busy day" restart 6
record bad-answers-checkin-nl "--lang nl" frankrijk 1 xyz 1 "" "Een drukke dag" "" 2 soms 3 "?" 1 zeven 2 hmm 2 "" 2
record bad-answers-other-sets-en "--lang en --region nl" 5 x 1 4 x 1 x 1 x 5 x 6 x 2
record bad-answers-crisis-en "--lang en --region be" crisis x 1 x 1 6

# Answers people type for a choice: a country's name or code, a word from the option ("chek-in",
# one typo), a service's name for its step of the help map, a number that is not there, and
# 'terug' at the first question.
record answers-nl "--lang nl" terug Nederland chek-in "Een rustige dag" 12 1 1 1 bedrijfsarts 2 2
record answers-en "--lang en" back BE "check in" "A calm day" 10 8 1 1 GP 2 2
# A check-in answer that was itself a critical event: the talk about it is offered.
record checkin-event-offer-nl "--lang nl --region nl" 1 "Een patiënt die me sloeg" 2 "Een patiënt die me sloeg" 2 3 2 1 1 1 vandaag geschrokken nee 2 2 4 2 2 3 6 2 3

# The critical-event path at its edges: the date's way out, a pile-up, an event not seen
# oneself, each kind's own follow-up, worry on day 3. (Transcripts that span several days,
# such as event-late-schedule-nl, hold their answers with '# session:' lines; after a change
# 'gids test --update' writes what gids says now.)
record event-date-way-out-nl "--lang nl --region nl" 2 4 1 1 "weet ik niet meer" 3 leeg nee 1 1 6 2 2 1 4 4 2 4 4 4 2 3 3 6 2 3
record event-date-unclear-en "--lang en --region be" 2 4 1 1 "last summer" 1 "I don't know" 4 flat no 1 1 6 2 2 1 4 4 4 4 4 4 2 3 6 2 3
record event-pile-up-bullying-nl "--lang nl --region be" 2 2 1 2 4 uitgeput nee 2 3 5 2 2 1 1 1 4 4 4 4 2 3 3 6 2 1
record event-indirect-moral-stress-en "--lang en --region nl" 2 5 2 1 "two days ago" angry no 1 2 3 2 2 2 6 2 3
record event-incident-nl "--lang nl --region nl" 2 3 1 1 eergisteren schuldig nee 1 1 3 2 2 3 6 2 3
record event-doubt-day-3-nl "--lang nl --region nl" 2 1 1 1 "3 dagen geleden" onrustig nee 1 1 4 2 2 2 6 2 1
record event-doubt-day-3-en "--lang en --region be" 2 1 1 1 "3 days ago" restless no 1 1 4 2 2 1 6 2 1

# An organisation's file, and Ctrl-D.
record org-nl "--lang nl --region nl --org ../Examples/org/voorbeeld-ziekenhuis.yaml" 3 2 1 3 2 1 "het team collegiale ondersteuning" "vandaag nog"
record org-crisis-en "--lang en --region nl --org ../Examples/org/voorbeeld-ziekenhuis.yaml" 1 "I want to hurt myself" 3 1 1 "A hard day" 2
record eof-summary-nl "--lang nl --region nl" 1 "Een lange dag" 2
record eof-summary-en "--lang en --region be" 1 "A long day"

# The safety net (BRIEF §9, §10): one transcript per category of risk, both languages and
# both regions; the crisis answer ('1' safe, '2' stop ends with the crisis lines) or the check
# question ('ja' gives the crisis answer).
record safety-wish-dead-nl-nl "--lang nl --region nl" "eerlijk gezegd wil ik gewoon niet meer wakker worden" 1 2
record safety-wish-dead-en-be "--lang en --region be" "I wish I was dead" 1 2
record safety-thoughts-nl-be "--lang nl --region be" "ik denk er steeds vaker aan om er een eind aan te maken" 1 2
record safety-thoughts-en-nl "--lang en --region nl" "I keep thinking about killing myself" 1 2
record safety-method-means-nl-nl "--lang nl --region nl" "ik heb thuis nog pillen liggen en ik denk er steeds aan" ja 1 2
record safety-method-means-en-be "--lang en --region be" "I bought a rope" yes 1 2
record safety-plan-intent-nl-be "--lang nl --region be" "ik heb besloten: vrijdag maak ik er een eind aan" 1 2
record safety-plan-intent-en-nl "--lang en --region nl" "tonight is the night" 1 2
record safety-preparing-nl-nl "--lang nl --region nl" "ik heb een afscheidsbrief geschreven" 1 2
record safety-preparing-en-be "--lang en --region be" "I've been giving my stuff away to friends" yes 1 2
record safety-past-attempt-nl-be "--lang nl --region be" "ik heb al eens een poging gedaan en het komt weer terug" 1 2
record safety-past-attempt-en-nl "--lang en --region nl" "I tried to kill myself before and it is coming back" 1 2
record safety-burden-nl-nl "--lang nl --region nl" "iedereen is beter af zonder mij" 1 2
record safety-burden-en-be "--lang en --region be" "I'm a burden to everyone" yes 1 2
record safety-self-harm-nl-be "--lang nl --region be" "ik snij mezelf weer" 1 2
record safety-self-harm-en-nl "--lang en --region nl" "I've been cutting myself again" 1 2
record safety-harm-others-nl-nl "--lang nl --region nl" "ik ben bang dat ik mijn kind iets aandoe" 1 2
record safety-harm-others-en-be "--lang en --region be" "I'm scared I'll hurt my kids" 1 2
record safety-someone-else-nl-be "--lang nl --region be" "mijn collega staat op het dak en zegt dat ze wil springen" 2
record safety-someone-else-en-nl "--lang en --region nl" "my friend just texted me goodbye and says she's going to end it tonight" 2
# The check question answered ja, nee and weet ik niet, inside the check-in.
record safety-check-ja-nl-nl "--lang nl --region nl" 1 "ik zie het niet meer zitten" ja 1 1 "Een zware dienst" 1 1 3
record safety-check-no-en-be "--lang en --region be" 1 "there's no way out for me" no "A heavy shift" 1 1 3
record safety-check-weet-niet-nl-be "--lang nl --region be" 1 "ik zie het niet meer zitten" "weet ik niet" 1 1 "Een zware dienst" 1 1 3
# A patient's suicide told inside the critical-event path, and at the check-in; then Ctrl-D.
record safety-patient-suicide-in-event-nl-nl "--lang nl --region nl" 2 4 1 1 gisteren "een patiënt heeft zich vannacht van het leven beroofd en ik vond hem"
record safety-patient-suicide-in-event-en-be "--lang en --region be" 2 4 1 1 yesterday "a patient took his own life on our ward and I found him"
record safety-patient-death-at-checkin-nl-be "--lang nl --region be" 1 "een cliënt heeft een eind aan zijn leven gemaakt, ik was erbij" 1 1 1
record safety-patient-death-at-checkin-en-nl "--lang en --region nl" 1 "a resident I looked after for years passed away last night" 1 1 3
# A crisis followed by 'stop', and by Ctrl-D.
record safety-crisis-then-stop-nl-nl "--lang nl --region nl" 1 "ik wil dood" 1 stop
record safety-crisis-then-ctrl-d-en-be "--lang en --region be" 1 "I want to die" 1

# Issue 25 (the content review of 6 December 2026): a worrying number of signals, worry or
# doubt with the talks going on, skipped questions said in words, the whole map after every
# talk, 'weet ik niet' at every question, a pile-up's duration, a death told in the check-in,
# heavy words of one's own, confidentiality and Flemish words per region, 'it has passed'.
record event-many-signals-not-worried-nl "--lang nl --region nl" 2 1 1 1 "10 weken geleden" gespannen nee 3 3 4 2 1 1 3 3 3 3 3 3 1 3 6 2 3
record event-many-signals-not-worried-en "--lang en --region nl" 2 1 1 1 "10 weeks ago" tense no 3 3 4 2 1 1 3 3 3 3 3 3 1 3 6 2 3
record event-many-signals-week-2-no-support-nl "--lang nl --region nl" 2 4 1 1 "2 weken geleden" kapot nee 3 3 1 2 1 1 3 3 3 3 1 4 1 3 6 2 1
record event-many-signals-week-2-no-support-en "--lang en --region nl" 2 4 1 1 "2 weeks ago" shattered no 3 3 1 2 1 1 3 3 3 3 1 4 1 3 6 2 1
record event-signals-disrupt-no-support-nl "--lang nl --region nl" 2 1 1 1 "3 weken geleden" moe "iemand die mijn dienst overneemt" 3 2 4 2 2 1 4 2 2 4 4 4 2 3 6 2 1
record event-signals-disrupt-no-support-en "--lang en --region nl" 2 1 1 1 "3 weeks ago" tired "someone to cover my shift" 3 2 4 2 2 1 4 2 2 4 4 4 2 3 6 2 1
record event-early-no-support-nl "--lang nl --region nl" 2 4 1 1 "10 dagen geleden" kapot nee 3 3 1 2 1 1 1 2 4 4 4 4 2 3 6 2 3
record event-early-no-support-en "--lang en --region be" 2 4 1 1 "10 days ago" wrecked no 3 3 1 2 1 1 1 2 4 4 4 4 2 3 6 2 3
record event-doubt-week-5-nl "--lang nl --region nl" 2 4 1 1 "5 weken geleden" "gaat wel" nee 1 1 6 2 1 1 4 2 4 4 4 4 2 3 2 6 2 3
record event-doubt-week-5-en "--lang en --region nl" 2 4 1 1 "5 weeks ago" so-so no 1 1 6 2 1 1 4 2 4 4 4 4 2 3 2 6 2 3
record event-week-5-one-signal-not-worried-nl "--lang nl --region nl" 2 4 1 1 "5 weken geleden" "gaat wel" nee 1 1 6 2 1 1 4 2 4 4 4 4 2 3 3 6 2 3
record event-signals-skipped-nl "--lang nl --region nl" 2 3 1 1 "3 weken geleden" moe nee 1 1 6 2 1 1 5 2 4 5 4 4 2 3 6 2 1
record event-signals-skipped-en "--lang en --region nl" 2 3 1 1 "3 weeks ago" tired no 1 1 6 2 1 1 5 2 4 5 4 4 2 3 6 2 1
record event-day-3-not-worried-whole-map-nl "--lang nl --region nl" 2 1 1 1 "3 dagen geleden" geschrokken nee 1 1 4 2 1 3 2 2 2 3
record event-day-3-not-worried-whole-map-en "--lang en --region nl" 2 1 1 1 "3 days ago" shaken no 1 1 4 2 1 3 2 2 2 3
record event-day-16-three-signals-nl "--lang nl --region nl" 2 3 1 1 "16 dagen geleden" moe nee 2 2 6 2 1 1 1 2 4 4 2 4 2 3 6 2 3
record dont-know-event-nl "--lang nl --region nl" 2 "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet" "weet ik niet"
record dont-know-event-en "--lang en --region nl" 2 "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know" "I don't know"
record dont-know-checkin-nl "--lang nl --region be" 1 "weet ik niet" "weet ik niet" "weet ik niet" 3
record dont-know-checkin-en "--lang en" "I don't know" 1 "I don't know" "no idea" "I don't know" "I don't know" 1 2 2
record event-pile-up-duration-nl "--lang nl --region nl" 2 2 1 2 3 uitgeput nee 2 3 5 2 1 1 1 2 4 4 4 4 2 2 3 3 6 2 1
record event-pile-up-duration-en "--lang en --region nl" 2 2 1 2 3 exhausted no 2 3 5 2 1 1 1 2 4 4 4 4 2 2 3 3 6 2 1
record checkin-patient-death-question1-nl "--lang nl --region nl" 1 "Een patiënt heeft zelfmoord gepleegd op de afdeling" verdoofd 2 1 4 1 1 gisteren verdoofd "nee, dank je" 2 2 3 2 1 2 3 6 2 3
record checkin-patient-death-question1-en "--lang en --region nl" 1 "a patient took his own life on the ward" numb 2 1 4 1 1 yesterday numb "no, thanks" 2 2 3 2 1 2 3 6 2 3
record checkin-heavy-own-words-nl "--lang nl --region nl" 1 "een reanimatie" 9 "kapot, ik trek dit niet lang meer" 1 3
record checkin-heavy-own-words-en "--lang en --region be" 1 "a resuscitation" 9 "completely drained, I can't keep this up" 1 3
record event-incident-confidentiality-nl-nl "--lang nl --region nl" 2 3 1 1 gisteren geschrokken nee 1 1 5 1 1 1 2 3 5 2 2 3
record event-incident-confidentiality-nl-be "--lang nl --region be" 2 3 1 1 gisteren geschrokken nee 1 1 5 1 1 1 2 3 5 2 2 3
record event-incident-confidentiality-en-nl "--lang en --region nl" 2 3 1 1 yesterday shaken no 1 1 5 1 1 1 2 3 5 2 2 3
record event-incident-confidentiality-en-be "--lang en --region be" 2 3 1 1 yesterday shaken no 1 1 5 1 1 1 2 3 5 2 2 3
record crisis-passed-safe-now-nl "--lang nl --region nl" 1 "ik wil er een eind aan maken" 2 3 2
record crisis-passed-safe-now-en "--lang en --region be" 1 "I want to end it all" 2 3 2
record helpmap-be-nl "--lang nl --region be" 3 hulp 5 1 4 2 1 "mijn huisarts" "weet ik niet"
record helpmap-be-en "--lang en --region be" 3 help 5 1 4 2 1 "my GP" "I don't know"
record event-kind-aggression-nl-be "--lang nl --region be" 2 1 1 1 gisteren "geschrokken en boos" "iemand die mijn dienst overneemt" 1 2 4 1 1 1 2 3 6 2 1
record event-kind-aggression-en-be "--lang en --region be" 2 1 1 1 yesterday "shaken and angry" "someone to cover my shift" 1 2 4 1 1 1 2 3 6 2 1

# Practice (gids practice): for every scenario a strong run (the good candidates), a weak
# run (typical mistakes) and a mixed run (own words, a good candidate, a mistake).
# practice NAME LANG SCENARIO ANSWER... : one scenario from the practice menu, then stop.
practice() {
    local name=$1 lang=$2 scenario=$3
    shift 3
    printf '%s\n' "$scenario" "$@" 2 | "$gids" practice --dialogues ../Dialogues --seed 1 --now 2026-03-12 --lang "$lang" \
        --record "practice-$name.transcript" > /dev/null
}
practice nl-floor-strong nl 1 'Ik ben hier' 'Als ik je' 'Hoe gaat het' 'Je zegt dat'
practice nl-floor-weak nl 1 'Vertel eens precies' 'Ach, dat hoort' 'Ik denk dat' 'Dat gaat vast'
practice nl-floor-mixed nl 1 'Hoe gaat het met je?' 'Als ik je' 'Ik denk dat je PTSS hebt' 'Wat zou jij willen? Je huisarts kan helpen.'
practice nl-david-strong nl 2 'Ik vraag het' 'Dus je voelt' 'Hoe gaat het' 'Je zegt dat'
practice nl-david-weak nl 2 'Je kunt me' 'Je moet het' 'Ik denk dat' 'Als ik jou'
practice nl-david-mixed nl 2 'Ik ben er als collega. Wat speelt er?' 'Ik weet precies' 'Hoe gaat het' 'Dat gaat vanzelf over'
practice nl-verpleegkundige-strong nl 3 'Welke gebeurtenissen van' 'Je had te' 'Dat is een'
practice nl-verpleegkundige-weak nl 3 'Heb je genoeg' 'Maar je bent' 'Ik denk dat'
practice nl-verpleegkundige-mixed nl 3 'Wat is je vandaag bijgebleven?' 'Je moet leren nee te zeggen' 'Dat is een'
practice nl-incident-strong nl 4 'Ik ben hier' 'Je bent al' 'Hoe gaat het' 'Dat is heel'
practice nl-incident-weak nl 4 'Vertel eens stap' 'Wat voelde je' 'Ik denk dat' 'Mijn advies: neem'
practice nl-incident-mixed nl 4 'Wat is er precies gebeurd?' 'Als ik je goed hoor twijfel je nu aan jezelf' 'Hoe gaat het' 'Het valt best mee'
practice nl-agressie-strong nl 5 'Ik kom als' 'Je zegt dat' 'Merk je ook' 'Dat veel collega'"'"'s'
practice nl-agressie-weak nl 5 'Ik vertel het' 'Op de spoed' 'Dat is een' 'Kop op, het'
practice nl-agressie-mixed nl 5 'Ik kom als' 'Welke emoties voelde je toen?' 'Slaap je wel goed?' 'Dat veel collega'"'"'s'
practice nl-reanimatie-strong nl 6 'Vorige keer vertelde' 'Dat die beelden' 'Je zegt dat'
practice nl-reanimatie-weak nl 6 'Het is nu' 'Wat deed dat' 'Dat hoort bij'
practice nl-reanimatie-mixed nl 6 'Vorige keer vertelde' 'Wat deed dat met je?' 'Je zegt dat je je zorgen maakt. Je huisarts kan helpen; wat past bij jou?'
practice en-floor-strong en 1 'I'"'"'m here as' 'If I hear' 'How are you' 'You'"'"'re saying it'
practice en-floor-weak en 1 'Tell me exactly' 'Oh, that'"'"'s part' 'I think you' 'I'"'"'m sure it'"'"'ll'
practice en-floor-mixed en 1 'How are you?' 'If I hear' 'I think you have PTSD' 'What would help? Your GP could.'
practice en-incident-strong en 2 'I'"'"'m here as' 'You'"'"'ve been a' 'How are you' 'That'"'"'s very understandable,'
practice en-incident-weak en 2 'Tell me step' 'What did you' 'I think you'"'"'re' 'My advice: take'
practice en-incident-mixed en 2 'What exactly happened?' 'If I hear you right, you doubt yourself now' 'How are you' 'It'"'"'s not that bad'
practice en-nurse-strong en 3 'Which events of' 'You had too' 'That'"'"'s an understandable'
practice en-nurse-weak en 3 'Do you have' 'But you must' 'I think you'"'"'re'
practice en-nurse-mixed en 3 'What stayed with you today?' 'You need to learn to say no' 'That'"'"'s an understandable'
# The scenarios added for BRIEF §7 (the rock in the storm, moral stress, worked into the ground)
# and the English versions of every Dutch one.
practice nl-rots-strong nl 7 'Ik vraag het' 'Als ik je' 'Hoe lang merk' 'Je zegt dat'
practice nl-rots-weak nl 7 'Jij bent toch' 'Ik weet precies' 'Probeer gewoon wat' 'Dat komt wel'
practice nl-rots-mixed nl 7 'Hoe is het nu echt met je?' 'Ik weet precies' 'Wat merk je thuis en aan je slaap?' 'Je zegt dat'
practice nl-moreel-strong nl 8 'Ik ben er' 'Je moest kiezen' 'Hoe gaat het' 'Dat je niet'
practice nl-moreel-weak nl 8 'Je hebt echt' 'Dan moet je' 'Voel je je' 'Je moet meteen'
practice nl-moreel-mixed nl 8 'Wat is er precies gebeurd die avond?' 'Je moest kiezen' 'Hoe slaap je de laatste tijd?' 'Je kunt dit met je team bespreken in een moreel beraad. Wat zou jij willen?'
practice nl-kapotgewerkt-strong nl 9 'Ik ben hier' 'Als ik je' 'Hoe gaat het' 'Je zegt dat'
practice nl-kapotgewerkt-weak nl 9 'Kom op, over' 'Volgens mij heeft' 'Je bent toch' 'Ik zou een'
practice nl-kapotgewerkt-mixed nl 9 'Wat maakt het zo zwaar?' 'Iedereen heeft het' 'Hoe gaat het' 'Je huisarts kan meekijken. Wat past bij jou?'
practice en-david-strong en 4 'I'"'"'m asking as' 'So you don'"'"'t' 'How are you' 'You'"'"'re saying it'"'"'s'
practice en-david-weak en 4 'You can tell' 'You should just' 'I think you'"'"'ve' 'If I were'
practice en-david-mixed en 4 'How are things with you, really?' 'Don'"'"'t be so' 'How are you' 'It'"'"'ll pass on its own'
practice en-aggression-strong en 5 'I'"'"'m here as' 'You'"'"'re saying you' 'Have you noticed' 'Lots of colleagues'
practice en-aggression-weak en 5 'What did he' 'In A&E you' 'That'"'"'s a sign' 'Chin up, it'
practice en-aggression-mixed en 5 'I'"'"'m here as' 'What exactly did he shout at you?' 'Are you sleeping all right?' 'Lots of colleagues'
practice en-resuscitation-strong en 6 'Last time you' 'A lot of' 'You'"'"'re saying it'
practice en-resuscitation-weak en 6 'It'"'"'s been two' 'What did that' 'It'"'"'s part of'
practice en-resuscitation-mixed en 6 'Last time you' 'How are you feeling about it now?' 'You say you'"'"'re worried. Your GP could help; what would suit you?'
practice en-rock-strong en 7 'I'"'"'m asking as' 'If I'"'"'m hearing' 'How long have' 'You'"'"'re saying it'"'"'s'
practice en-rock-weak en 7 'You'"'"'re our rock,' 'I know exactly' 'Just try going' 'It'"'"'ll be fine,'
practice en-rock-mixed en 7 'How are you, really?' 'I know exactly' 'What do you notice at home and in your sleep?' 'You'"'"'re saying it'"'"'s'
practice en-moral-strong en 8 'I'"'"'m here as' 'You had to' 'How are you' 'Not being able'
practice en-moral-weak en 8 'You really didn'"'"'t' 'Then you should' 'Do you feel' 'You need to'
practice en-moral-mixed en 8 'What exactly happened that evening?' 'You had to' 'How are you sleeping lately?' 'You could talk it through with your team in moral deliberation. What would you like?'
practice en-worn-out-strong en 9 'I'"'"'m here as' 'If I'"'"'m hearing' 'How are you' 'You'"'"'re saying you'"'"'re'
practice en-worn-out-weak en 9 'Come on, in' 'I think this' 'You'"'"'re not depressed,' 'I'"'"'d get a'
practice en-worn-out-mixed en 9 'What makes it so hard?' 'Everyone has it' 'How are you' 'Your GP could help. What suits you?'
# A trainee asking the simulated colleague about suicide (a skill, answered by the colleague),
# and a trainee's own crisis (the real crisis answer).
practice nl-floor-asks-about-suicide nl 1 'Denk je weleens aan zelfmoord?' 'Ik ben hier' 'Als ik je' 'Hoe gaat het' 'Je zegt dat'
practice en-floor-asks-about-suicide en 1 'Do you ever think about suicide?' 'I'"'"'m here as' 'If I hear' 'How are you' 'You'"'"'re saying it'
practice nl-floor-own-crisis nl 1 'ik wil zelf eigenlijk ook dood' 1 1 'Ik ben hier' 'Als ik je' 'Hoe gaat het' 'Je zegt dat'
