import Testing

@testable import Guide

@Suite struct ReferralRuleTests {
    private func advice(
        _ signals: Set<Int>, day: Int?, signsFor: Int? = nil, worried: Bool = false, noSupport: Bool = false,
        schedule: FollowUpSchedule = .olvg
    ) -> (ReferralRule.Advice, ReferralRule.Reason) {
        ReferralRule.evaluate(
            .init(
                signals: signals, daysSinceEvent: day, daysWithSignals: signsFor, personWorried: worried,
                hasNoSupport: noSupport), schedule: schedule)
    }

    @Test("worry or doubt is reason enough, whatever the signals or the day")
    func worry() {
        for days in [0, 3, 15, 40] as [Int?] + [nil] {
            #expect(advice([], day: days, worried: true) == (.professionalHelp, .worried))
        }
    }

    @Test("many of the signals lead to the advice at any time, also when the person says they are not worried")
    func manySignals() {
        #expect(advice(Set(1...13), day: 70) == (.professionalHelp, .manySignals))
        #expect(advice(Set(1...7), day: 3) == (.professionalHelp, .manySignals))
        #expect(advice(Set(1...6), day: 3) == (.watchfulWaiting, .early))
        #expect(advice(Set(1...10), day: nil) == (.professionalHelp, .manySignals))
    }

    @Test("signals that disrupt work or home lead to the advice when the person has no support, not otherwise")
    func disruptedWithoutSupport() {
        #expect(advice([5], day: 14, noSupport: true) == (.professionalHelp, .disruptedWithoutSupport))
        #expect(advice([12, 6], day: 3, noSupport: true) == (.professionalHelp, .disruptedWithoutSupport))
        #expect(advice([12, 6], day: 14) == (.none, .fewSignalsNoWorry))
        #expect(advice([6, 9], day: 14, noSupport: true) == (.none, .fewSignalsNoWorry))
        #expect(advice([], day: 14, noSupport: true) == (.none, .noSignals))
    }

    @Test(
        "from day 28 on, a few signals still present lead to the question whether they worry the person, never straight to the advice"
    )
    func persisting() {
        #expect(advice([1], day: 28) == (.askWhetherWorrying, .persisting))
        #expect(advice([1, 2, 3], day: 90) == (.askWhetherWorrying, .persisting))
        #expect(advice([1], day: 27) == (.none, .fewSignalsNoWorry))
        #expect(advice([], day: 50) == (.none, .noSignals))
    }

    @Test("for strain that builds up, the four to six weeks count from when the signals began")
    func persistingFromTheSignals() {
        #expect(advice([6], day: 90, signsFor: 0) == (.none, .fewSignalsNoWorry))
        #expect(advice([6], day: 14, signsFor: 28) == (.askWhetherWorrying, .persisting))
        #expect(advice([6], day: 28, signsFor: nil) == (.askWhetherWorrying, .persisting))
    }

    @Test("before the second talk is due it is early to judge: watchful waiting, unless the amount is worrying")
    func early() {
        #expect(advice([1, 2, 3], day: 3) == (.watchfulWaiting, .early))
        #expect(advice([1, 2, 3, 4, 5], day: 14) == (.none, .fewSignalsNoWorry))
        #expect(advice([1, 2, 3, 4, 5], day: 20, schedule: .rpog) == (.watchfulWaiting, .early))
    }

    @Test(
        "schedules: OLVG a few days, 2 weeks, 1 month; RPOG a few days, 4-6 weeks, 3 months; TRiM 48-72 hours, 1 month, 3 months"
    )
    func schedules() {
        #expect(FollowUpSchedule.olvg.dueDays == [1, 14, 30])
        #expect(FollowUpSchedule.rpog.dueDays == [2, 28, 90])
        #expect(FollowUpSchedule.trim.dueDays == [2, 30, 90])
        let event = DayDate(year: 2026, month: 3, day: 1)!
        var followUp = FollowUp(
            eventDate: event, eventKind: "klacht", isPileUp: false, schedule: .olvg,
            talks: [.init(number: 1, date: event, signals: [])])
        #expect(followUp.nextTalk == 2)
        #expect(!followUp.isNextTalkDue(on: event.adding(days: 13)))
        #expect(followUp.isNextTalkDue(on: event.adding(days: 14)))
        followUp.isClosed = true
        #expect(followUp.nextTalk == nil)
    }

    @Test(
        "an event told late: the next talk keeps the schedule's distance from the last talk, so talks are never days apart"
    )
    func lateEvent() {
        let event = DayDate(year: 2026, month: 2, day: 19)!
        let firstTalk = event.adding(days: 21)
        var followUp = FollowUp(
            eventDate: event, eventKind: "klacht", isPileUp: false, schedule: .olvg,
            talks: [.init(number: 1, date: firstTalk, signals: [])])
        #expect(followUp.nextTalkDate == firstTalk.adding(days: 13))
        #expect(!followUp.isNextTalkDue(on: firstTalk.adding(days: 1)))
        let secondTalk = firstTalk.adding(days: 13)
        followUp.talks.append(.init(number: 2, date: secondTalk, signals: [6]))
        #expect(followUp.nextTalkDate == secondTalk.adding(days: 16))
        #expect(followUp.daysSinceEvent(on: secondTalk) == 34)
    }

    @Test("an event without a date is timed from the first talk, and counts at least the days since it")
    func noDate() {
        let firstTalk = DayDate(year: 2026, month: 3, day: 12)!
        let followUp = FollowUp(
            eventDate: nil, eventKind: "pesten", isPileUp: true, schedule: .olvg,
            talks: [.init(number: 1, date: firstTalk, signals: [])])
        #expect(followUp.nextTalkDate == firstTalk.adding(days: 13))
        #expect(followUp.daysSinceEvent(on: firstTalk.adding(days: 30)) == 30)
    }
}
