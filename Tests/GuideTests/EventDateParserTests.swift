import Guide
import Testing

/// Today in these tests is Thursday 12 March 2026.
private let today = DayDate(year: 2026, month: 3, day: 12)!

@Suite struct EventDateParserTests {
    @Test(
        "dates people write, in Dutch and English, are understood",
        arguments: [
            ("vandaag", "2026-03-12"), ("Vandaag.", "2026-03-12"), ("vanochtend", "2026-03-12"),
            ("vannacht", "2026-03-12"),
            ("gisteren", "2026-03-11"), ("gisteravond", "2026-03-11"), ("eergisteren", "2026-03-10"),
            ("3 dagen geleden", "2026-03-09"), ("drie dagen geleden", "2026-03-09"), ("een dag geleden", "2026-03-11"),
            ("een paar dagen geleden", "2026-03-10"), ("ongeveer 3 dagen geleden", "2026-03-09"),
            ("0 dagen geleden", "2026-03-12"),
            ("een week geleden", "2026-03-05"), ("twee weken geleden", "2026-02-26"), ("5 weken geleden", "2026-02-05"),
            ("een maand geleden", "2026-02-10"), ("100 dagen geleden", "2025-12-02"), ("vorige week", "2026-03-05"),
            ("dinsdag", "2026-03-10"), ("Dinsdag!", "2026-03-10"), ("dinsdagavond", "2026-03-10"),
            ("afgelopen maandag", "2026-03-09"),
            ("op zondag", "2026-03-08"), ("donderdag", "2026-03-05"), ("vorige week dinsdag", "2026-03-03"),
            ("vorige dinsdag", "2026-03-10"),
            ("12 maart", "2026-03-12"), ("1 maart", "2026-03-01"), ("op 1 maart", "2026-03-01"),
            ("12 maart 2025", "2025-03-12"),
            ("13 maart", "2025-03-13"), ("25 december", "2025-12-25"), ("1 jan", "2026-01-01"),
            ("12 mrt", "2026-03-12"),
            ("2026-03-12", "2026-03-12"), ("2026-03-01", "2026-03-01"), ("2026/03/01", "2026-03-01"),
            ("12-03-2026", "2026-03-12"),
            ("12.03.2026", "2026-03-12"), ("12/3", "2026-03-12"), ("3/12", "2025-12-03"), ("12-3-26", "2026-03-12"),
            ("today", "2026-03-12"), ("this morning", "2026-03-12"), ("yesterday", "2026-03-11"),
            ("last night", "2026-03-11"),
            ("the day before yesterday", "2026-03-10"), ("3 days ago", "2026-03-09"), ("three days ago", "2026-03-09"),
            ("a couple of days ago", "2026-03-10"), ("a week ago", "2026-03-05"), ("two weeks ago", "2026-02-26"),
            ("a month ago", "2026-02-10"), ("last week", "2026-03-05"), ("last Tuesday", "2026-03-10"),
            ("on Tuesday", "2026-03-10"),
            ("Tuesday evening", "2026-03-10"), ("this Monday", "2026-03-09"), ("March 12", "2026-03-12"),
            ("12 March", "2026-03-12"),
            ("March 1st", "2026-03-01"), ("the 1st of March", "2026-03-01"), ("12 March 2026", "2026-03-12"),
            ("Dec 25", "2025-12-25"),
        ])
    func understood(text: String, expected: String) {
        #expect(EventDateParser.parse(text, today: today) == .date(DayDate(iso: expected)!), "\(text)")
    }

    @Test(
        "dates in the future are refused",
        arguments: [
            "morgen", "overmorgen", "tomorrow", "2026-03-13", "2026-12-01", "13-03-2026", "1 april 2026",
            "April 1 2026",
        ])
    func future(text: String) {
        #expect(EventDateParser.parse(text, today: today) == .future, "\(text)")
    }

    @Test(
        "what is not a date is unclear, so gids asks again",
        arguments: [
            "", "   ", "ergens vorig jaar", "zomer", "volgende week", "in 3 dagen", "2026-02-30", "31 april",
            "29 februari", "12 13", "honderd dagen geleden", "last summer", "maandag dinsdag", "blauw", "32 maart",
            "vorige maand dinsdag",
        ])
    func unclear(text: String) {
        #expect(EventDateParser.parse(text, today: today) == .unclear, "\(text)")
    }
}

extension EventDateParserTests {
    @Test(
        "not knowing or skipping is understood, so the dialogue can offer a rough answer",
        arguments: [
            "weet ik niet", "Weet ik niet meer", "geen idee", "sla over", "I don't know", "dunno", "not sure", "skip",
        ])
    func unknown(text: String) {
        #expect(EventDateParser.parse(text, today: today) == .unknown, "\(text)")
    }

    @Test("years ago count as 365 days each")
    func yearsAgo() {
        #expect(EventDateParser.parse("2 jaar geleden", today: today) == .date(today.adding(days: -730)))
        #expect(EventDateParser.parse("a year ago", today: today) == .date(today.adding(days: -365)))
    }
}

@Suite struct SpokenDateTests {
    let today = DayDate(year: 2026, month: 3, day: 12)!

    @Test("dates are said as people say them: gisteren, 12 maart, with the year only when it is another year")
    func spoken() {
        #expect(SpokenDate(today, in: .nl).text(today: today) == "vandaag")
        #expect(SpokenDate(today.adding(days: -1), in: .nl).when(today: today) == "gisteren")
        #expect(SpokenDate(today.adding(days: -10), in: .nl).when(today: today) == "op 2 maart")
        #expect(SpokenDate(today.adding(days: 14), in: .en).text(today: today) == "26 March")
        #expect(SpokenDate(DayDate(year: 2025, month: 12, day: 24)!, in: .nl).text(today: today) == "24 december 2025")
        #expect(SpokenDate(today, in: .en).text(today: today, withYear: true) == "12 March 2026")
    }
}
