import Testing
import TextReading

@Suite struct WordReadingsTests {
    private func readings(_ text: String, vocabulary: [String] = []) -> [[String]] {
        let passage = Passage(text)
        let readings = WordReadings(
            of: passage, corrector: SpellingCorrector(vocabulary: vocabulary, dictionary: nil))
        return passage.words.indices.map { readings.readings(of: $0, in: passage) }
    }

    @Test("chat and Flemish forms are read as the standard word beside the word typed")
    func chatForms() {
        let read = readings("k zie t nie meer zitten")
        #expect(read[0].contains("ik"))
        #expect(read[2].contains("het"))
        #expect(read[3].contains("niet"))
        #expect(read[3].first == "nie")
    }

    @Test("a Dutch particle is joined back to its verb: before 'te', closing a main clause, before the final verbs")
    func separableVerbs() {
        #expect(readings("ik overweeg mezelf op te hangen")[5].contains("ophangen"))
        #expect(readings("ik hang me op")[1].contains("ophang"))
        #expect(readings("dat ik me op wil hangen")[5].contains("ophangen"))
        #expect(readings("ik stap er gewoon uit")[1].contains("uitstap"))
        #expect(!readings("ik zit op mijn kamer").joined().contains("opzit"), "a preposition is no particle")
    }

    @Test("a long typo is read as the word of the vocabulary it was meant to be, at most two edits away")
    func corrections() {
        let vocabulary = ["zelfmoord", "gesneden", "suicide"]
        #expect(readings("gedachten aan zelfmort", vocabulary: vocabulary)[2].contains("zelfmoord"))
        #expect(readings("suicde", vocabulary: vocabulary)[0].contains("suicide"))
        #expect(!readings("zelfstandig", vocabulary: vocabulary)[0].contains("zelfmoord"), "three edits is no typo")
        #expect(!readings("moord", vocabulary: vocabulary)[0].contains("zelfmoord"), "short words are not corrected")
    }

    @Test("Snowball stems fold plurals and inflections")
    func stems() {
        #expect(readings("my pills")[1].contains("pill"))
        #expect(readings("I disappeared")[1].contains("disappear"))
        #expect(readings("de pillen")[1].contains("pill"))
    }
}
