/// What gids remembers about one person after a critical event, only with their consent:
/// the event's date (when they know it) and kind, the date of each conversation, which
/// signals were present each time, and the schedule. Never anything they typed.
public struct FollowUp: Hashable, Sendable, Codable {
    /// One conversation held.
    public struct Talk: Hashable, Sendable, Codable {
        /// 1, 2 or 3.
        public var number: Int
        public var date: DayDate
        /// The signals (1 to 13, BRIEF §4) the person recognised.
        public var signals: [Int]
        /// Whether the signals were asked about in this talk (an early first talk may not).
        public var signalsAsked: Bool
        /// How many of the questions about signals the person skipped ("weet ik niet, of sla
        /// over"): skipped is not absent.
        public var skippedQuestions: Int

        public init(number: Int, date: DayDate, signals: [Int], signalsAsked: Bool = true, skippedQuestions: Int = 0) {
            self.number = number
            self.date = date
            self.signals = signals
            self.signalsAsked = signalsAsked
            self.skippedQuestions = skippedQuestions
        }

        private enum CodingKeys: String, CodingKey { case number, date, signals, signalsAsked, skippedQuestions }

        /// Reads a talk, also one stored before gids kept whether signals were asked.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(Int.self, forKey: .number)
            date = try container.decode(DayDate.self, forKey: .date)
            signals = try container.decode([Int].self, forKey: .signals)
            signalsAsked = try container.decodeIfPresent(Bool.self, forKey: .signalsAsked) ?? true
            skippedQuestions = try container.decodeIfPresent(Int.self, forKey: .skippedQuestions) ?? 0
        }
    }

    /// The day of the event; nil when the person did not know it, or when strain piled up
    /// over time and has no one date (004 L241-245). The talks are then timed from the first talk.
    public var eventDate: DayDate?
    /// The kind of event, by id (see `Dialogues/signals.yaml` for the names).
    public var eventKind: String
    /// Several events piling up rather than one.
    public var isPileUp: Bool
    public var schedule: FollowUpSchedule
    public var talks: [Talk]
    /// The peer-support part has ended: after the third talk, or when the person said that
    /// professional help has taken over (004 L4478-4480: peer support stops after referral,
    /// not after advice).
    public var isClosed: Bool

    public init(
        eventDate: DayDate?, eventKind: String, isPileUp: Bool, schedule: FollowUpSchedule, talks: [Talk] = [],
        isClosed: Bool = false
    ) {
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

    /// The first day the next talk is due: the schedule's day counted from the event, but
    /// never sooner after the last talk than the schedule puts between those two talks, so an
    /// event told late does not bring talks a day apart. Nil when the follow-up is complete.
    public var nextTalkDate: DayDate? {
        guard let next = nextTalk, let due = schedule.dueDay(ofTalk: next) else { return nil }
        let fromEvent = eventDate?.adding(days: due)
        let fromLastTalk = talks.last.map { last in
            last.date.adding(days: due - (schedule.dueDay(ofTalk: last.number) ?? 0))
        }
        return [fromEvent, fromLastTalk].compactMap { $0 }.max()
    }

    /// Whether the next talk is due on `today`.
    public func isNextTalkDue(on today: DayDate) -> Bool {
        nextTalkDate.map { today >= $0 } ?? false
    }

    /// Days since the event on `today`, or, when its date is not known, at least the days since
    /// the first talk (the event came before it).
    public func daysSinceEvent(on today: DayDate) -> Int? {
        (eventDate ?? talks.first?.date).map { today.days(since: $0) }
    }
}
