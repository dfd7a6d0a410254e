import DialogueRuntime

/// A variable gids reads or sets in the dialogue, with the type every language's dialogue
/// must declare it as: `gids check`, start and reload refuse content that lacks one or gives
/// it another type.
public struct HostVariable: Hashable, Sendable {
    /// Its name in the dialogue, with the `$`.
    public let name: String
    /// The type the dialogue must declare it with.
    public let type: ValueType

    private init(_ name: String, _ type: ValueType) {
        self.name = name
        self.type = type
    }

    /// The region whose help and crisis lines gids names (nl, be), or empty while unknown.
    public static let region = HostVariable("$region", .string)
    /// The organisation's name from `--org`, or empty.
    public static let organisation = HostVariable("$organisation", .string)
    /// Where gids keeps what it may remember, as the person reads it, or empty.
    public static let memoryLocation = HostVariable("$geheugen_plek", .string)
    /// Whether this door can write a file for the person (the terminal can, a bridge cannot).
    public static let canWriteFiles = HostVariable("$bestanden", .bool)
    /// How many hours a bridge keeps an idle conversation (0 in the terminal).
    public static let keptHours = HostVariable("$bewaar_uren", .number)
    /// Whether what a command was to keep was kept.
    public static let saved = HostVariable("$opgeslagen", .bool)
    /// Why it was not (an ``EffectOutcome``).
    public static let saveError = HostVariable("$opslag_fout", .string)
    /// The follow-up talk that is next (2 or 3), remembered from an earlier conversation.
    public static let followUpTalk = HostVariable("$vervolg_gesprek", .number)
    /// Whether that talk is due today.
    public static let followUpDue = HostVariable("$vervolg_nodig", .bool)
    /// When the last talk was, as the person hears it.
    public static let previousDate = HostVariable("$vorige_datum", .string)
    /// The signals recognised in the last talk.
    public static let previousSignals = HostVariable("$vorige_signalen", .string)
    /// The next talk after this one (2 or 3), or 0 when the talks are over.
    public static let nextTalk = HostVariable("$volgende_gesprek", .number)
    /// The day it is due, as the person hears it.
    public static let nextDate = HostVariable("$volgende_datum", .string)
    /// The event's date as the person typed it, for `<<read_event_date>>`.
    public static let dateText = HostVariable("$datum_tekst", .string)
    /// What `<<read_event_date>>` made of it: ok, unclear, future or unknown (approx set by the dialogue).
    public static let dateStatus = HostVariable("$datum_status", .string)
    /// Days since the event.
    public static let daysAgo = HostVariable("$dagen_geleden", .number)
    /// The event's date, ISO 8601, or empty.
    public static let eventDate = HostVariable("$event_datum", .string)
    /// The event's date as the person hears it ("gisteren", "op 12 maart").
    public static let eventDateText = HostVariable("$event_datum_tekst", .string)
    /// The kind of event (an id of `signals.yaml`).
    public static let eventKind = HostVariable("$soort", .string)
    /// That kind in words.
    public static let eventKindText = HostVariable("$soort_tekst", .string)
    /// Whether it is a pile-up of events rather than one.
    public static let pileUp = HostVariable("$opeenstapeling", .bool)
    /// Whether the person agreed that gids remembers the follow-up.
    public static let consent = HostVariable("$toestemming", .bool)
    /// Whether the person is worried about themselves.
    public static let worried = HostVariable("$zorgen", .bool)
    /// Whether the person has no support around them.
    public static let noSupport = HostVariable("$geen_steun", .bool)
    /// Whether the signal questions were asked in this talk.
    public static let signalsAsked = HostVariable("$signalen_gevraagd", .bool)
    /// How many signal questions were skipped.
    public static let skippedQuestions = HostVariable("$signalen_overgeslagen", .number)
    /// For signals that build up: how many days they have lasted.
    public static let daysWithSignals = HostVariable("$signalen_dagen", .number)
    /// Whether signals persist past the weeks the guideline names.
    public static let signalsPersist = HostVariable("$signalen_blijven", .bool)
    /// How many signals the person recognised.
    public static let signalCount = HostVariable("$signalen_aantal", .number)
    /// Those signals in words.
    public static let signalsText = HostVariable("$signalen_tekst", .string)
    /// The referral rule's advice: wait, none, ask or advise.
    public static let advice = HostVariable("$advies", .string)
    /// Why (worried, many, strain, persisting, ...).
    public static let adviceReason = HostVariable("$advies_reden", .string)
    /// The date on the summary to take along.
    public static let summaryDate = HostVariable("$samenvatting_datum", .string)
    /// Where the person wants the summary written.
    public static let file = HostVariable("$bestand", .string)
    /// Set when someone's death was heard as an answer, so the dialogue can offer to talk about it.
    public static let deathHeard = HostVariable("$overlijden_gehoord", .bool)
    /// Practice: the scenario chosen.
    public static let practiceScenario = HostVariable("$oefen_scenario", .string)
    /// Practice: the kinds of move the scenario rehearses, space-separated.
    public static let practiceKinds = HostVariable("$oefen_soort", .string)
    /// Practice: the trainee's own words, when typed.
    public static let practiceOwnWords = HostVariable("$oefen_eigen", .string)
    /// Practice: the kind of move the colleague reacts to (`good`, `mistake`, `neutral`, empty for
    /// none): a scenario's replies to the trainee's own words are chosen by it.
    public static let reactionKind = HostVariable("$oefen_zet", .string)
    /// Practice: that move itself (`minimise`, `referral` ...).
    public static let reactionMove = HostVariable("$oefen_stap", .string)
    /// Whether the crisis answer came up: the conversation then never ends without the crisis lines.
    public static let crisisShown = HostVariable("$crisis_getoond", .bool)
    /// The categories of risk already asked about, space-separated (BRIEF §9: ask, not again and again).
    public static let safetyAsked = HostVariable("$veiligheid_gevraagd", .string)
    /// How many options there are, for `RepromptNumber`.
    public static let optionCount = HostVariable("$aantal_keuzes", .number)

    /// Whether the person recognised signal `number` (1 to 13) in this talk.
    public static func signal(_ number: Int) -> HostVariable {
        HostVariable("$signaal_\(number)", .bool)
    }

    /// Every variable gids reads or sets.
    public static let all: [HostVariable] =
        [
            region, organisation, memoryLocation, canWriteFiles, keptHours, saved, saveError, followUpTalk, followUpDue,
            previousDate, previousSignals, nextTalk, nextDate, dateText, dateStatus, daysAgo, eventDate, eventDateText,
            eventKind, eventKindText, pileUp, consent, worried, noSupport, signalsAsked, skippedQuestions,
            daysWithSignals, signalsPersist, signalCount, signalsText, advice, adviceReason, summaryDate, file,
            deathHeard, practiceScenario, practiceKinds, practiceOwnWords, reactionKind, reactionMove, crisisShown,
            safetyAsked, optionCount,
        ]
        + (1...SignalCatalogue.signalCount).map(signal)
}
