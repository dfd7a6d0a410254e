import Guide
import Testing

@Suite struct SafetyNetTests {
    @Test("every crisis phrasing in the corpus triggers the crisis answer")
    func crisisCorpus() throws {
        let safetyNet = try shippedContent().safetyNet
        let phrasings = try fixtureLines("crisis-phrasings.txt")
        #expect(phrasings.count >= 80)
        let missed = phrasings.filter { !safetyNet.isAlarming($0) }
        print("safety net: \(phrasings.count - missed.count) of \(phrasings.count) crisis phrasings recognised (\(missed.count) missed)")
        #expect(missed == [])
    }

    @Test("ordinary check-in answers, idioms included, give at most 5% false alarms")
    func ordinaryCorpus() throws {
        let safetyNet = try shippedContent().safetyNet
        let answers = try fixtureLines("ordinary-answers.txt")
        #expect(answers.count >= 150)
        let alarms = answers.filter { safetyNet.isAlarming($0) }
        let rate = Double(alarms.count) / Double(answers.count) * 100
        print("safety net: \(alarms.count) false alarms in \(answers.count) ordinary answers (\(String(format: "%.1f", rate))%, at most 5% allowed): \(alarms)")
        #expect(rate <= 5)
    }

    @Test("matching ignores case, accents, punctuation and extra spaces")
    func normalisation() throws {
        let safetyNet = try shippedContent().safetyNet
        for text in ["ZELFMOORD", "zélfmoord!!", "ik   wil    dood", "I WANT TO DIE.", "ik\twil\tdood"] {
            #expect(safetyNet.isAlarming(text), "\(text)")
        }
    }

    @Test("idioms are not alarms, but a crisis phrase next to one still is")
    func idioms() throws {
        let safetyNet = try shippedContent().safetyNet
        #expect(!safetyNet.isAlarming("ik ben dood op"))
        #expect(!safetyNet.isAlarming("ik ga dood van de hitte"))
        #expect(safetyNet.isAlarming("ik ben dood op en ik wil dood"))
        #expect(safetyNet.isAlarming("my feet are killing me and I want to kill myself"))
    }
}
