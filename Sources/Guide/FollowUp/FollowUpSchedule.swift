/// When the three peer-support conversations after a critical event take place.
///
/// The sources give three models (BRIEF §3): OLVG (004 L3474-3492), RPOG 33 (004
/// L3846-3848) and TRiM (004 L4483-4487); the guideline itself leaves the timing to the
/// situation, so the schedule is configuration. Days count from the event.
public enum FollowUpSchedule: String, CaseIterable, Codable, Sendable {
    /// A few days, 2 weeks, 1 month (the default).
    case olvg
    /// A few days, 4 to 6 weeks, 3 months.
    case rpog
    /// 48-72 hours, 1 month, 3 months.
    case trim

    /// The earliest day after the event at which each talk is due: talk 1, 2 and 3.
    public var dueDays: [Int] {
        switch self {
        case .olvg: [1, 14, 30]
        case .rpog: [2, 28, 90]
        case .trim: [2, 30, 90]
        }
    }

    /// The day a talk (1, 2 or 3) is due; nil for other numbers.
    public func dueDay(ofTalk number: Int) -> Int? {
        dueDays.indices.contains(number - 1) ? dueDays[number - 1] : nil
    }
}
