import TextReading

/// Understands when something happened, the way people write it: "vandaag", "gisteren",
/// "eergisteren", "3 dagen geleden", "vorige week dinsdag", "12 maart", "2026-03-12",
/// "yesterday", "three days ago", "last Tuesday", "March 12".
///
/// Dates in the future are refused (an event has happened); a day and month without a
/// year mean the most recent such day.
public enum EventDateParser {
    public enum Result: Hashable, Sendable {
        case date(DayDate)
        /// Not understood: ask again.
        case unclear
        /// A date after today.
        case future
        /// The person says they do not know, or skips the question.
        case unknown
    }

    public static func parse(_ text: String, today: DayDate) -> Result {
        let words = TextNormalizer.words(text.replacingSeparators())
        guard !words.isEmpty else { return .unclear }
        let joined = words.joined(separator: " ")
        if notKnowing.contains(joined) { return .unknown }
        if let offset = relativeDays[joined] { return check(today.adding(days: -offset), today) }
        if ["morgen", "overmorgen", "tomorrow"].contains(joined) { return .future }
        if let ago = daysAgo(words) { return ago < 0 ? .unclear : check(today.adding(days: -ago), today) }
        if let weekday = weekday(words, today: today) { return check(weekday, today) }
        if let date = calendarDate(words, today: today) { return date }
        return .unclear
    }

    private static func check(_ date: DayDate, _ today: DayDate) -> Result {
        date > today ? .future : .date(date)
    }

    private static let relativeDays: [String: Int] = [
        "vandaag": 0, "vanmorgen": 0, "vanochtend": 0, "vanmiddag": 0, "vanavond": 0, "vannacht": 0, "net": 0,
        "zojuist": 0,
        "gisteren": 1, "gisteravond": 1, "gistermiddag": 1, "gisterochtend": 1, "gisternacht": 1, "eergisteren": 2,
        "today": 0, "this morning": 0, "this afternoon": 0, "tonight": 0, "last night": 1, "just now": 0,
        "yesterday": 1, "the day before yesterday": 2, "day before yesterday": 2,
        "vorige week": 7, "last week": 7, "vorige maand": 30, "last month": 30,
    ]

    /// Answers that say "I don't know" or "skip", with and without the usual chat spellings.
    private static let notKnowing: Set<String> = [
        "weet ik niet", "weet ik niet meer", "weet niet", "weet het niet", "weet het niet meer", "geen idee",
        "geen flauw idee",
        "sla over", "overslaan", "skip", "skip it", "pass", "onbekend", "niet zeker", "ik weet het niet",
        "ik weet het niet meer",
        "i don t know", "i dont know", "dont know", "don t know", "dunno", "no idea", "not sure", "i m not sure",
        "im not sure",
        "i can t remember", "i cant remember", "can t remember", "cant remember", "unknown",
    ]

    private static let numberWords: [String: Int] = [
        "een": 1, "één": 1, "1": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
        "negen": 9, "tien": 10,
        "elf": 11, "twaalf": 12, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple": 2, "paar": 2,
    ]

    /// "3 dagen geleden", "twee weken geleden", "a week ago", "3 days ago", "een paar dagen geleden".
    private static func daysAgo(_ words: [String]) -> Int? {
        guard let last = words.last, last == "geleden" || last == "ago" else { return nil }
        let filler: Set<String> = ["ongeveer", "about", "around", "zo", "n", "of", "sinds"]
        let phrase = words.dropLast().filter { !filler.contains($0) }
        guard let unit = phrase.last else { return nil }
        let amounts = phrase.dropLast()
        let amount: Int?
        switch amounts.count {
        case 0: amount = 1
        case 1: amount = Int(amounts[amounts.startIndex]) ?? numberWords[amounts[amounts.startIndex]]
        case 2 where numberWords[amounts[amounts.startIndex]] == 1:
            amount = numberWords[amounts[amounts.startIndex + 1]]  // "een paar", "a couple"
        default: amount = nil
        }
        guard let amount, amount < 2000 else { return nil }
        switch unit {
        case "dag", "dagen", "day", "days": return amount
        case "week", "weken", "weeks": return amount * 7
        case "maand", "maanden", "month", "months": return amount * 30
        case "jaar", "jaren", "year", "years": return amount * 365
        default: return nil
        }
    }

    private static let weekdays: [String: Int] = [
        "maandag": 1, "dinsdag": 2, "woensdag": 3, "donderdag": 4, "vrijdag": 5, "zaterdag": 6, "zondag": 7,
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]

    /// "dinsdag" (the most recent Tuesday before today), "dinsdagavond", "vorige week dinsdag", "last Tuesday".
    private static func weekday(_ words: [String], today: DayDate) -> DayDate? {
        let filler: Set<String> = [
            "op", "afgelopen", "on", "this", "past", "in", "the", "de", "morning", "afternoon", "evening", "night",
        ]
        let meaningful = words.filter { !filler.contains($0) }
        let days = meaningful.compactMap(weekdayNumber)
        guard days.count == 1, let day = days.first else { return nil }
        let rest = meaningful.filter { weekdayNumber($0) == nil }
        if rest == ["vorige", "week"] || rest == ["last", "week"] {
            // The given day in the calendar week before this one (weeks start on Monday).
            return today.adding(days: -(today.weekday - 1) - 7 + (day - 1))
        }
        guard rest.isEmpty || rest == ["vorige"] || rest == ["last"] else { return nil }
        let back = (today.weekday - day + 7) % 7
        return today.adding(days: back == 0 ? -7 : -back)
    }

    /// The weekday a word names, also with a part of the day attached ("dinsdagavond").
    private static func weekdayNumber(_ word: String) -> Int? {
        if let day = weekdays[word] { return day }
        for part in ["ochtend", "morgen", "middag", "avond", "nacht"] where word.hasSuffix(part) {
            if let day = weekdays[String(word.dropLast(part.count))] { return day }
        }
        return nil
    }

    private static let months: [String: Int] = [
        "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5,
        "juni": 6, "jun": 6,
        "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
        "november": 11,
        "nov": 11, "december": 12, "dec": 12, "january": 1, "february": 2, "march": 3, "mar": 3, "may": 5, "june": 6,
        "july": 7,
        "august": 8, "october": 10, "oct": 10,
    ]

    /// "12 maart", "12 maart 2026", "March 12", "2026-03-12", "12-03-2026", "12/3".
    private static func calendarDate(_ words: [String], today: DayDate) -> Result? {
        let filler: Set<String> = ["op", "on", "the", "of", "de", "den"]
        var parts = words.filter { !filler.contains($0) }
        parts = parts.map {
            $0.hasSuffix("st") || $0.hasSuffix("nd") || $0.hasSuffix("rd") || $0.hasSuffix("th")
                ? (Int($0.dropLast(2)).map(String.init) ?? $0) : $0
        }
        var day: Int?
        var month: Int?
        var year: Int?
        if parts.count == 3, parts.allSatisfy({ Int($0) != nil }) {
            let numbers = parts.compactMap { Int($0) }
            if numbers[0] > 31 {
                (year, month, day) = (numbers[0], numbers[1], numbers[2])
            } else {
                (day, month, year) = (numbers[0], numbers[1], numbers[2])
            }
        } else if parts.count == 2, parts.allSatisfy({ Int($0) != nil }) {
            let numbers = parts.compactMap { Int($0) }
            (day, month) = (numbers[0], numbers[1])
        } else {
            for part in parts {
                if let named = months[part] {
                    guard month == nil else { return nil }
                    month = named
                } else if let number = Int(part) {
                    if number > 31 { year = number } else if day == nil { day = number } else { return nil }
                } else {
                    return nil
                }
            }
        }
        guard let day, let month else { return nil }
        if let year {
            let full = year < 100 ? 2000 + year : year
            guard let date = DayDate(year: full, month: month, day: day) else { return .unclear }
            return check(date, today)
        }
        guard
            let thisYear = DayDate(year: today.year, month: month, day: day)
                ?? DayDate(year: today.year - 1, month: month, day: day)
        else {
            return .unclear
        }
        if thisYear <= today { return .date(thisYear) }
        return DayDate(year: today.year - 1, month: month, day: day).map(Result.date) ?? .unclear
    }
}

extension String {
    /// Date separators as spaces, so "12-03-2026", "12/3" and "2026-03-12" split into numbers.
    fileprivate func replacingSeparators() -> String {
        String(map { $0 == "-" || $0 == "/" || $0 == "." ? " " : $0 })
    }
}
