import DialogueRuntime
import Foundation

/// The host commands of the critical-event path: understanding the event date, applying
/// the referral rule, remembering (with consent) and the summary to take along.
extension Conversation {
    /// Sets the variables gids provides at the start: region, organisation, where memory is
    /// kept, how long a bridge keeps the conversation, and what is remembered from earlier conversations.
    mutating func setHostVariables() {
        let settings = state.settings
        set(.region, .string(settings.region?.rawValue ?? ""))
        set(.organisation, .string(content.organisation?.name ?? ""))
        set(.memoryLocation, .string(settings.memoryLocation ?? ""))
        set(.canWriteFiles, .bool(settings.canWriteFiles))
        set(.keptHours, .number(Float(settings.keptHours ?? 0)))
        guard let followUp = settings.followUp else { return }
        if let next = followUp.nextTalk {
            set(.followUpTalk, .number(Float(next)))
            set(.followUpDue, .bool(followUp.isNextTalkDue(on: settings.today)))
        }
        setNextTalk(of: followUp)
        set(.daysAgo, .number(Float(followUp.daysSinceEvent(on: settings.today) ?? 0)))
        set(.eventDate, .string(followUp.eventDate?.description ?? ""))
        set(.eventDateText, .string(followUp.eventDate.map(spokenWhen) ?? ""))
        set(.eventKind, .string(followUp.eventKind))
        set(.eventKindText, .string(content.signals.eventKind(followUp.eventKind, in: textLanguage)))
        set(.pileUp, .bool(followUp.isPileUp))
        set(.consent, .bool(true))
        if let last = followUp.talks.last {
            set(.previousDate, .string(spokenWhen(last.date)))
            set(
                .previousSignals,
                .string(content.signals.names(of: last.signals, in: textLanguage).joined(separator: ", ")))
        }
    }

    /// `$volgende_gesprek` (2 or 3, or 0 when the talks are over) and `$volgende_datum`, the
    /// day it is due, as the dialogue says them at the end of a talk.
    private mutating func setNextTalk(of followUp: FollowUp) {
        set(.nextTalk, .number(Float(followUp.nextTalk ?? 0)))
        set(.nextDate, .string(followUp.nextTalkDate.map(spoken) ?? ""))
    }

    /// The language of what gids says outside its dialogue and help directory (dates, the names
    /// of signals): the conversation's, or for a translation the language it translates.
    private var textLanguage: Language { content.languages.source(of: state.language) }

    /// A date as the person hears it ("gisteren", "12 maart").
    private func spoken(_ date: DayDate) -> String {
        SpokenDate(date, in: textLanguage).text(today: state.settings.today)
    }

    /// A date as the time something happened ("gisteren", "op 12 maart").
    private func spokenWhen(_ date: DayDate) -> String {
        SpokenDate(date, in: textLanguage).when(today: state.settings.today)
    }

    /// `<<read_event_date>>`: `$datum_tekst` into `$datum_status` (ok, unclear, future,
    /// unknown), `$dagen_geleden`, `$event_datum` (ISO) and `$event_datum_tekst` (as said).
    mutating func readEventDate() {
        let today = state.settings.today
        switch EventDateParser.parse(string(.dateText), today: today) {
        case .date(let date):
            set(.dateStatus, .string("ok"))
            set(.daysAgo, .number(Float(today.days(since: date))))
            set(.eventDate, .string(date.description))
            set(.eventDateText, .string(spokenWhen(date)))
        case .unclear: set(.dateStatus, .string("unclear"))
        case .future: set(.dateStatus, .string("future"))
        case .unknown: set(.dateStatus, .string("unknown"))
        }
    }

    /// The signals the person recognised in this conversation (`$signaal_1` ... `$signaal_13`).
    var presentSignals: [Int] {
        (1...SignalCatalogue.signalCount).filter { isTrue(.signal($0)) }
    }

    /// This conversation's talk as it stands: its signals, whether they were asked
    /// (`$signalen_gevraagd`) and how many questions were skipped (`$signalen_overgeslagen`).
    private func talk(numbered talkNumber: Int) -> FollowUp.Talk {
        FollowUp.Talk(
            number: talkNumber, date: state.settings.today, signals: presentSignals,
            signalsAsked: isTrue(.signalsAsked),
            skippedQuestions: Int(number(.skippedQuestions)))
    }

    /// `<<evaluate_signals>>`: the referral rule on this conversation's signals, into
    /// `$signalen_aantal`, `$signalen_tekst`, `$advies` (wait, none, ask, advise),
    /// `$advies_reden` and `$signalen_blijven` (still there four to six weeks on). It reads
    /// the worry (`$zorgen`), no support (`$geen_steun`) and, for strain that builds up, how
    /// long the signals have been there (`$signalen_dagen`, -1 when not known). The days since
    /// the event are known from its date, from an approximate answer (`$datum_status`
    /// "approx", at least `$dagen_geleden`), or, for an event without a date, at least the
    /// days since the first talk.
    mutating func evaluateSignals() {
        let signals = presentSignals
        let days: Int? =
            !string(.eventDate).isEmpty || string(.dateStatus) == "approx"
            ? Int(number(.daysAgo)) : state.settings.followUp?.daysSinceEvent(on: state.settings.today)
        let daysWithSignals = Int(number(.daysWithSignals))
        let situation = ReferralRule.Situation(
            signals: Set(signals), daysSinceEvent: days, daysWithSignals: daysWithSignals >= 0 ? daysWithSignals : nil,
            personWorried: isTrue(.worried),
            hasNoSupport: isTrue(.noSupport))
        let (advice, reason) = ReferralRule.evaluate(
            situation, schedule: state.settings.followUp?.schedule ?? state.settings.schedule)
        set(.signalCount, .number(Float(signals.count)))
        set(.signalsText, .string(content.signals.list(of: signals, in: textLanguage)))
        set(.advice, .string(advice.rawValue))
        set(.adviceReason, .string(reason.rawValue))
        set(.signalsPersist, .bool(situation.signalsPersist))
    }

    /// `<<remember N>>`: with consent, keep talk N (and the event, at talk 1). The
    /// peer-support part ends after the third talk; advice to seek professional help does
    /// not end it (see ``endFollowUp()``). With or without consent, `$volgende_gesprek`
    /// and `$volgende_datum` say what comes next.
    mutating func remember(talk number: Int) -> Effect? {
        var followUp =
            state.settings.followUp
            ?? FollowUp(
                eventDate: DayDate(iso: string(.eventDate)), eventKind: string(.eventKind),
                isPileUp: isTrue(.pileUp), schedule: state.settings.schedule)
        followUp.talks.removeAll { $0.number >= number }
        followUp.talks.append(talk(numbered: number))
        if number == 3 { followUp.isClosed = true }
        setNextTalk(of: followUp)
        guard isTrue(.consent), state.settings.memoryLocation != nil else { return nil }
        state.settings.followUp = followUp
        return .remember(followUp)
    }

    /// `<<end_follow_up>>`: the person says professional help has taken over, so the peer-support
    /// talks stop (004 L4478-4480; L3646: "Daar houdt de rol van de peer supporter op"). What
    /// was remembered stays until it expires or is forgotten; gids no longer asks for a talk.
    mutating func endFollowUp() -> Effect? {
        guard var followUp = state.settings.followUp else { return nil }
        followUp.isClosed = true
        state.settings.followUp = followUp
        set(.followUpTalk, .number(0))
        set(.followUpDue, .bool(false))
        setNextTalk(of: followUp)
        return .remember(followUp)
    }

    /// The talks a summary shows: those remembered, and today's when it is not remembered.
    private func talksForSummary(includingToday: Bool) -> [FollowUp.Talk] {
        var talks = state.settings.followUp?.talks ?? []
        if includingToday, !talks.contains(where: { $0.date == state.settings.today }) {
            talks.append(talk(numbered: talks.count + 1))
        }
        return talks
    }

    /// `<<talk_lines>>` (the talks remembered) and `<<talk_lines today>>` (with today's): one
    /// line per talk, with its date and what it found in words (the signals recognised, none,
    /// skipped, or not asked), for the `Memory` and `TakeAlong` nodes.
    func talkLines(includingToday: Bool) -> [MarkedUpText] {
        talksForSummary(includingToday: includingToday).map { talk in
            let date = SpokenDate(talk.date, in: textLanguage).text(today: state.settings.today, withYear: true)
            return MarkedUpText(text: "\(date): \(content.signals.summary(of: talk, in: textLanguage)).")
        }
    }

    /// `<<take_along>>`: `$samenvatting_datum`, the event's date with its year, for the
    /// `TakeAlong` node.
    mutating func prepareTakeAlong() {
        let eventDate = DayDate(iso: string(.eventDate))
        set(
            .summaryDate,
            .string(
                eventDate.map { SpokenDate($0, in: textLanguage).text(today: state.settings.today, withYear: true) }
                    ?? ""))
    }

    /// What gids remembers about this person, in plain language (the `Memory` node).
    public mutating func memoryDescription() -> Reply {
        Reply(messages: say(.memory))
    }

    /// The question before deleting everything remembered (the `ForgetQuestion` node): the
    /// answer that deletes gives a reply with the ``Effect/forget`` effect; the door deletes
    /// and then says so with ``forgottenNotice()``.
    public mutating func forgetQuestion() -> Reply {
        start(at: .forgetQuestion)
    }

    /// What is said when the person keeps what is remembered (`ForgetKept`).
    public mutating func keptNotice() -> Reply {
        Reply(messages: say(.forgetKept))
    }

    /// The confirmation after everything remembered was deleted (the `Forgotten` node); when
    /// the settings name no memory location, it says there was nothing to delete.
    public mutating func forgottenNotice() -> Reply {
        Reply(messages: say(.forgotten))
    }

    /// `<<write_take_along>>`: the `TakeAlong` node's lines, to the file named in `$bestand`.
    mutating func writeTakeAlong() -> Effect? {
        let path = string(.file).trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else { return nil }
        prepareTakeAlong()
        let lines = say(.takeAlong).map(\.text)
        let text: String
        if path.lowercased().hasSuffix(".md"), let title = lines.first {
            text = (["# \(title)", ""] + lines.dropFirst().map { "- \($0)" }).joined(separator: "\n") + "\n"
        } else {
            text = lines.joined(separator: "\n") + "\n"
        }
        return .writeSummary(path: path, text: text)
    }

    /// Carries out a command whose effect the person is told about (`$opgeslagen`, and on a
    /// failure `$opslag_fout` and the `SaveFailed` node's words), and stops the turn at the
    /// effect: the door carries it out and gives the outcome to
    /// ``effectFinished(_:continuing:)``, so nothing claims a save before it is done, and a
    /// failure puts back the follow-up as it was before the command. Without an effect
    /// (nothing to keep) the turn goes on as saved.
    mutating func waitFor(
        into reply: inout Reply, failureWithdrawsConsent: Bool = false, _ command: (inout Conversation) -> Effect?
    ) {
        let before = state.settings.followUp
        guard let effect = command(&self) else {
            set(.saved, .bool(true))
            return
        }
        set(.saved, .bool(false))
        reply.awaitedEffect = effect
        paused = PausedTurn(followUpBefore: before, failureWithdrawsConsent: failureWithdrawsConsent)
    }
}
