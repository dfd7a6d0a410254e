import Foundation

/// A calendar date without a time: what "the day of the event" and "today" mean.
public struct DayDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A valid date, or nil (`DayDate(year: 2026, month: 2, day: 30)` is nil).
    public init?(year: Int, month: Int, day: Int) {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        guard let date = Self.calendar.date(from: components) else { return nil }
        let check = Self.calendar.dateComponents([.year, .month, .day], from: date)
        guard check.year == year, check.month == month, check.day == day else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date in ISO form (`2026-03-12`), or nil.
    public init?(iso text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Today in the local time zone.
    public static func today(from date: Date = Date(), timeZone: TimeZone = .current) -> DayDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return DayDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? DayDate(year: 1970, month: 1, day: 1)!
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private var noon: Date {
        Self.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
    }

    /// The date `days` later (or earlier, when negative).
    public func adding(days: Int) -> DayDate {
        let date = Self.calendar.date(byAdding: .day, value: days, to: noon) ?? noon
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: date)
        return DayDate(year: parts.year ?? year, month: parts.month ?? month, day: parts.day ?? day) ?? self
    }

    /// Whole days from `other` to this date (positive when this date is later).
    public func days(since other: DayDate) -> Int {
        Self.calendar.dateComponents([.day], from: other.noon, to: noon).day ?? 0
    }

    /// The day of the week, 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        let sundayFirst = Self.calendar.component(.weekday, from: noon)
        return (sundayFirst + 5) % 7 + 1
    }

    public static func < (a: DayDate, b: DayDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO form: `2026-03-12`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }
}
