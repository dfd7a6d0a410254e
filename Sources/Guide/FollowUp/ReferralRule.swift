/// When to advise contact with professional help after a critical event, exactly as the
/// guideline says (004 Rec 28, BRIEF §4):
/// - a worrying number of signals: the guideline gives no number, so the person's own
///   judgement of "worrying" decides, never a cut-off of ours;
/// - certainly when signals are still present 4 to 6 weeks after the event: from day 28,
///   the guide says so, gives the count and asks whether these signals worry them (the rule
///   speaks of a worrying number, not of any one signal);
/// - also in case of doubt: the person's own worry or doubt is reason enough.
///
/// Before the second talk is due by the schedule it is early to judge: watchful waiting
/// (004 L3552-3556), unless the person is worried.
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
        case worried
        case persisting
    }

    /// The first day (counting from the event) of the "4 to 6 weeks" in the rule.
    public static let persistenceDay = 28

    /// The advice for a signal check: `daysSinceEvent` is nil when the event's day is not
    /// known (then only worry or doubt leads to the advice).
    public static func evaluate(
        signalsPresent: Int, daysSinceEvent: Int?, personWorried: Bool, schedule: FollowUpSchedule
    ) -> (advice: Advice, reason: Reason) {
        if personWorried { return (.professionalHelp, .worried) }
        if let days = daysSinceEvent, days >= persistenceDay, signalsPresent > 0 {
            return (.askWhetherWorrying, .persisting)
        }
        if let days = daysSinceEvent, days < (schedule.dueDay(ofTalk: 2) ?? persistenceDay) {
            return (.watchfulWaiting, .early)
        }
        return (.none, signalsPresent == 0 ? .noSignals : .fewSignalsNoWorry)
    }
}
