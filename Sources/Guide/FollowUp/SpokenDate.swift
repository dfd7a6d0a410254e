/// A date as a person says it, for what gids tells them: "vandaag", "gisteren", "12 maart",
/// "12 maart 2025" (English: "today", "yesterday", "12 March"). The year is said only when
/// it is not this year's, or when `withYear` asks for it (a summary read later by a GP).
public struct SpokenDate {
    public var date: DayDate
    public var language: Language

    public init(_ date: DayDate, in language: Language) {
        self.date = date
        self.language = language
    }

    /// The date said relative to `today` where that is clearer.
    public func text(today: DayDate, withYear: Bool = false) -> String {
        if !withYear {
            switch date.days(since: today) {
            case 0: return language == .nl ? "vandaag" : "today"
            case -1: return language == .nl ? "gisteren" : "yesterday"
            case 1: return language == .nl ? "morgen" : "tomorrow"
            default: break
            }
        }
        let month = Self.months[language]?[date.month - 1] ?? String(date.month)
        let dayAndMonth = "\(date.day) \(month)"
        return withYear || date.year != today.year ? "\(dayAndMonth) \(date.year)" : dayAndMonth
    }

    /// The date as the time of something: "gisteren", "op 12 maart" ("yesterday", "on 12 March").
    public func when(today: DayDate) -> String {
        let said = text(today: today)
        guard abs(date.days(since: today)) > 1 else { return said }
        return (language == .nl ? "op " : "on ") + said
    }

    private static let months: [Language: [String]] = [
        .nl: [
            "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december",
        ],
        .en: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ],
    ]
}
