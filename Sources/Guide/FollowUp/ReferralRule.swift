/// When to advise contact with professional help after a critical event, as the guideline
/// says it (004 Rec 28, L5076-5086; BRIEF §4):
/// - a worrying number of signals ("een verontrustende hoeveelheid"), at any time after the
///   event: the guideline names no number, and gids names none as the guideline's. gids reads
///   "worrying" as many of the signals (``manySignals``, more than half of the thirteen), or as
///   signals that disrupt work or home (sick leave, functioning, ``disruptingSignals``) while
///   the person has no support around them. That is gids's reading, said as its own reason;
///   the person saying they are not worried does not cancel it (the triage refers this group
///   directly, 004 L4432-4436);
/// - certainly when signals are still present four to six weeks after the event (from day 28;
///   for strain that builds up, four weeks after the signals began): gids says so, gives the
///   count and asks whether they worry the person;
/// - also in case of doubt: the person's own worry or doubt is reason enough (L5081-5082).
///
/// Before the second talk is due by the schedule it is early to judge: watchful waiting
/// (004 L3552-3556), unless the person is worried or the amount is worrying.
public enum ReferralRule {
    /// What the guide advises after a signal check.
    public enum Advice: String, Hashable, Sendable, Codable {
        /// Early to judge: look again later.
        case watchfulWaiting = "wait"
        /// No reason to advise professional help now; the help map stays open.
        case none
        /// Advise contact with professional help with trauma expertise.
        case professionalHelp = "advise"
        /// Signals are still there 4 to 6 weeks on: say the rule and ask whether they worry
        /// the person; worry or doubt then makes it ``professionalHelp``.
        case askWhetherWorrying = "ask"
    }

    /// Why the advice is what it is.
    public enum Reason: String, Hashable, Sendable, Codable {
        case early
        case noSignals = "no_signals"
        case fewSignalsNoWorry = "not_worried"
        /// The person is worried, or in doubt.
        case worried
        /// Many of the signals.
        case manySignals = "many"
        /// Signals that disrupt work or home, and no support around the person.
        case disruptedWithoutSupport = "strain"
        case persisting
    }

    /// What the rule looks at.
    public struct Situation: Hashable, Sendable {
        /// The signals (1 to 13) the person recognises now.
        public var signals: Set<Int>
        /// Days since the event; nil when its day is not known.
        public var daysSinceEvent: Int?
        /// For strain that builds up: days since the signals began, when the person could say
        /// (then the four-to-six-weeks rule counts from there).
        public var daysWithSignals: Int?
        /// The person is worried about how they are doing, or in doubt.
        public var personWorried: Bool
        /// The person said they have no support.
        public var hasNoSupport: Bool

        public init(
            signals: Set<Int>, daysSinceEvent: Int?, daysWithSignals: Int? = nil, personWorried: Bool,
            hasNoSupport: Bool = false
        ) {
            self.signals = signals
            self.daysSinceEvent = daysSinceEvent
            self.daysWithSignals = daysWithSignals
            self.personWorried = personWorried
            self.hasNoSupport = hasNoSupport
        }

        /// Whether the signals have been there four to six weeks: from day ``persistenceDay``
        /// after the event, or after they began.
        public var signalsPersist: Bool {
            guard !signals.isEmpty, let days = daysWithSignals ?? daysSinceEvent else { return false }
            return days >= persistenceDay
        }
    }

    /// The first day (counting from the event) of the "4 to 6 weeks" in the rule.
    public static let persistenceDay = 28

    /// gids's reading of "many" signals: more than half of the thirteen. Never said as a number,
    /// and never as the guideline's.
    public static let manySignals = 7

    /// The signals that say work or home life is disrupted: sick leave (5) and functioning at
    /// work or at home (12).
    public static let disruptingSignals: Set<Int> = [5, 12]

    /// The advice for a signal check (or, with no signals asked yet, for the moment before it).
    public static func evaluate(_ situation: Situation, schedule: FollowUpSchedule) -> (advice: Advice, reason: Reason)
    {
        if situation.personWorried { return (.professionalHelp, .worried) }
        if situation.signals.count >= manySignals { return (.professionalHelp, .manySignals) }
        if situation.hasNoSupport, !situation.signals.isDisjoint(with: disruptingSignals) {
            return (.professionalHelp, .disruptedWithoutSupport)
        }
        if situation.signalsPersist { return (.askWhetherWorrying, .persisting) }
        if let days = situation.daysSinceEvent, days < (schedule.dueDay(ofTalk: 2) ?? persistenceDay) {
            return (.watchfulWaiting, .early)
        }
        return (.none, situation.signals.isEmpty ? .noSignals : .fewSignalsNoWorry)
    }
}
