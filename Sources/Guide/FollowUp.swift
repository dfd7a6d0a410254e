/// What gids remembers about one person after a critical event, only with their consent:
/// the event's date and kind, the date of each conversation, which signals were present
/// each time, and the schedule. Never anything they typed.
public struct FollowUp: Hashable, Sendable, Codable {
    /// One conversation held.
    public struct Talk: Hashable, Sendable, Codable {
        /// 1, 2 or 3.
        public var number: Int
        public var date: DayDate
        /// The signals (1 to 13, BRIEF §4) the person recognised; empty when none or not checked.
        public var signals: [Int]

        public init(number: Int, date: DayDate, signals: [Int]) {
            self.number = number
            self.date = date
            self.signals = signals
        }
    }

    public var eventDate: DayDate
    /// The kind of event, by id (see `Dialogues/signals.yaml` for the names).
    public var eventKind: String
    /// Several events piling up rather than one.
    public var isPileUp: Bool
    public var schedule: FollowUpSchedule
    public var talks: [Talk]
    /// The peer-support part has ended (after the third talk, or earlier advice).
    public var isClosed: Bool

    public init(eventDate: DayDate, eventKind: String, isPileUp: Bool, schedule: FollowUpSchedule, talks: [Talk] = [], isClosed: Bool = false) {
        self.eventDate = eventDate
        self.eventKind = eventKind
        self.isPileUp = isPileUp
        self.schedule = schedule
        self.talks = talks
        self.isClosed = isClosed
    }

    /// The number of the next talk (2 or 3), or nil when the follow-up is complete.
    public var nextTalk: Int? {
        guard !isClosed else { return nil }
        let next = (talks.map(\.number).max() ?? 0) + 1
        return next <= 3 ? next : nil
    }

    /// Whether the next talk is due on `today` by the schedule.
    public func isNextTalkDue(on today: DayDate) -> Bool {
        guard let next = nextTalk, let due = schedule.dueDay(ofTalk: next) else { return false }
        return today.days(since: eventDate) >= due
    }
}
