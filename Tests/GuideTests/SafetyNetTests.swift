import Guide
import Testing

@Suite struct SafetyNetTests {
    private func decision(_ text: String) throws -> SafetyAssessment.Decision {
        try shippedContent().safetyNet.assess(text).decision
    }

    @Test("every crisis phrasing of the project's own corpus gets the crisis answer or the check question")
    func crisisCorpus() throws {
        let phrasings = try fixtureLines("crisis-phrasings.txt")
        #expect(phrasings.count >= 80)
        let missed = try phrasings.filter { try ![.crisis, .someoneElseInDanger, .check].contains(decision($0)) }
        print(
            "safety net, own corpus: \(phrasings.count - missed.count) of \(phrasings.count) crisis phrasings recognised (\(missed.count) missed)"
        )
        #expect(missed == [])
    }

    @Test("ordinary check-in answers, idioms included, give at most 5% crisis answers and 10% check questions")
    func ordinaryCorpus() throws {
        let answers = try fixtureLines("ordinary-answers.txt")
        #expect(answers.count >= 150)
        let crises = try answers.filter { try [.crisis, .someoneElseInDanger].contains(decision($0)) }
        let checks = try answers.filter { try decision($0) == .check }
        print(
            "safety net, own corpus: \(crises.count) crisis answers and \(checks.count) check questions in \(answers.count) ordinary answers: \(crises + checks)"
        )
        #expect(Double(crises.count) <= Double(answers.count) * 0.05)
        #expect(Double(checks.count) <= Double(answers.count) * 0.10)
    }

    @Test(
        "every crisis line a new user found missed reaches the crisis answer or the check question; means ready, the crisis answer"
    )
    func reportedMisses() throws {
        let file = repositoryRoot.appendingPathComponent("Tests/GuideTests/Fixtures/crisis-reported-misses.tsv").path
        let results = SafetyCorpus.run(try SafetyCorpus.read(file: file), content: try shippedContent())
        #expect(results.count == 13)
        for result in results {
            #expect(
                result.outcome == .crisis || (result.outcome == .check && result.yesReachedCrisis),
                "\(result.line.text)")
        }
        #expect(try decision("ik heb de pillen al klaarliggen") == .crisis)
        #expect(
            try decision("my flatmate's locked himself in his room and said he's taken something")
                == .someoneElseInDanger)
    }

    @Test("matching ignores case, accents, punctuation and extra spaces")
    func normalisation() throws {
        for text in ["ZELFMOORD", "zélfmoord!!", "ik   wil    dood", "I WANT TO DIE.", "ik\twil\tdood"] {
            #expect(try decision(text) == .crisis, "\(text)")
        }
    }

    @Test("idioms are not alarms, but a crisis phrase next to one still is")
    func idioms() throws {
        #expect(try decision("ik ben dood op") == .none)
        #expect(try decision("ik ga dood van de hitte") == .none)
        #expect(try decision("ik ben dood op en ik wil dood") == .crisis)
        #expect(try decision("my feet are killing me and I want to kill myself") == .crisis)
    }

    @Test(
        "what tries to slip past a word list is still read",
        arguments: [
            "ik wil\u{200B} dood", "zelf\u{200D}moord\u{2060}gedachten", "ik w\u{0456}l d\u{043E}\u{043E}d",
            "I want to k\u{0456}ll mys\u{0435}lf",
            "z3lfm00rd", "1 w4nt t0 d13", "ik wil do\u{0301}o\u{0301}d",
            "\u{FF49}\u{FF4B} \u{FF57}\u{FF49}\u{FF4C} \u{FF44}\u{FF4F}\u{FF4F}\u{FF44}",
            "IK WIL DOOD", "ikwilzelfmoordplegen", "ik heb echt suicidal thoughts", "sometimes denk ik aan zelfmoord",
        ])
    func evasions(text: String) throws {
        #expect(try decision(text) == .crisis)
    }

    @Test("a crisis in the middle of 64 KiB of an ordinary shift is found")
    func longText() throws {
        let shift = "Vandaag was druk, twee opnames en een val op kamer 12. The handover took forever. "
        let filler = String(repeating: shift, count: 32 * 1024 / shift.utf8.count)
        let text = filler + "Eigenlijk wil ik gewoon niet meer leven. " + filler
        #expect(text.utf8.count > 64 * 1000)
        #expect(try decision(text) == .crisis)
        #expect(try decision(filler + filler) == .none)
    }
}
