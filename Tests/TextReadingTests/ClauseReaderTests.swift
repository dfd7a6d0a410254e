import Testing
import TextReading

@Suite struct ClauseReaderTests {
    private let reader = ClauseReader(
        vocabulary: ClauseVocabulary([
            .writer: ["ik", "me", "mij", "i"], .listener: ["je", "jij", "you"],
            .patients: ["patient", "client", "meneer", "mevrouw"], .others: ["hij", "ze", "collega*", "he", "she"],
            .pronouns: ["hij", "ze", "he", "she"], .possessive: ["mijn", "my"],
            .people: ["mensen", "sommige", "people"],
            .negation: ["niet", "not"], .past: ["was", "gisteren", "yesterday"], .reporting: ["zei", "said"],
            .training: ["cursus", "training"],
        ]))

    private func clauses(_ text: String) -> [Clause] {
        let passage = Passage(text)
        return reader.clauses(of: passage, readings: WordReadings(of: passage, corrector: nil))
    }

    @Test("a clause is about the first person it names; a pronoun about whoever was named last")
    func holders() {
        #expect(clauses("ik wil niet meer").map(\.holder) == [.writer])
        #expect(clauses("mijn collega is op, ze wil niet meer").map(\.holder) == [.someoneElse, .someoneElse])
        #expect(clauses("een patient belde, hij wil niet meer").map(\.holder) == [.patient, .patient])
        #expect(clauses("sommige mensen denken daaraan").map(\.holder) == [.people])
        #expect(clauses("denk je daaraan?").map(\.holder) == [.listener])
        #expect(clauses("moe").map(\.holder) == [.nobody])
    }

    @Test(
        "words after a reporting verb, or in quotation marks, are someone's: the speaker is named when a verb says so")
    func quotedSpeech() {
        let reported = clauses("de client zei: 'ik wil dood'")
        #expect(reported.map(\.isQuoted) == [false, true])
        #expect(reported[1].speaker == .patient)
        let own = clauses("ik zei tegen hem: ik kan niet meer")
        #expect(own[1].speaker == .writer)
        let unnamed = clauses("\"ik wil dood\" las ik")
        #expect(unnamed[0].isQuoted && unnamed[0].speaker == nil)
    }

    @Test("questions, the past, negations and training talk are features of the clause")
    func features() {
        let clause = clauses("was je gisteren niet op de cursus?")[0]
        #expect(clause.isQuestion && clause.isPast && clause.isNegated && clause.isTraining)
        let plain = clauses("ik ben moe")[0]
        #expect(!plain.isQuestion && !plain.isPast && !plain.isNegated && !plain.isTraining)
    }
}
