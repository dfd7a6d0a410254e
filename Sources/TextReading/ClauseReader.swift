/// Reads each clause of a passage for who it is about and how it is said (``Clause``), with
/// the words a reader gives it (``ClauseVocabulary``).
public struct ClauseReader: Sendable {
    public let vocabulary: ClauseVocabulary

    public init(vocabulary: ClauseVocabulary) {
        self.vocabulary = vocabulary
    }

    /// The passage's clauses, in order.
    public func clauses(of passage: Passage, readings: WordReadings) -> [Clause] {
        let reading = { (word: Int) in readings.readings(of: word, in: passage) }
        var lastNamed: Clause.Holder?
        // Whose words the clauses after a reporting verb give, until the sentence ends (or, after
        // a colon, the next one).
        var speaker: Clause.Holder?
        var result: [Clause] = []
        for range in passage.clauseRanges {
            let sentence = passage.sentenceOfWord[range.lowerBound]
            let sentenceWords = passage.sentenceRanges[sentence]
            var holder: Clause.Holder?
            for word in range where holder == nil {
                holder = person(at: word, in: range, reading: reading, lastNamed: lastNamed)
            }
            let says = { (set: WordSet) in range.contains { set.contains(any: reading($0)) } }
            let sentenceSays = { (set: WordSet) in sentenceWords.contains { set.contains(any: reading($0)) } }
            let inQuotes = range.allSatisfy { passage.isQuoted[$0] }
            let reports = says(vocabulary.reporting) && !inQuotes
            result.append(
                Clause(
                    words: range, holder: holder ?? .nobody, isQuestion: passage.sentenceAsks[sentence],
                    isQuoted: inQuotes || (speaker != nil && !reports), speaker: reports ? nil : speaker,
                    isPast: says(vocabulary.past), isNegated: says(vocabulary.negation),
                    isClinical: sentenceSays(vocabulary.clinical), isTraining: sentenceSays(vocabulary.training)))
            if let named = holder, named != .writer, named != .listener, !inQuotes { lastNamed = named }
            if reports { speaker = holder ?? .writer }
            let endsSentence = range.upperBound == sentenceWords.upperBound
            if endsSentence, !passage.endsWithColon[sentence] { speaker = nil }
        }
        return result
    }

    /// Whom a word names, if anyone.
    private func person(
        at word: Int, in range: Range<Int>, reading: (Int) -> [String], lastNamed: Clause.Holder?
    ) -> Clause.Holder? {
        let forms = reading(word)
        if vocabulary.generic.contains(any: forms) { return .people }
        if vocabulary.listener.contains(any: forms) { return .listener }
        if vocabulary.patients.contains(any: forms) { return .patient }
        if vocabulary.pronouns.contains(any: forms) { return lastNamed ?? .someoneElse }
        if vocabulary.possessive.contains(any: forms) {
            for next in (word + 1)..<min(word + 3, range.upperBound) {
                if vocabulary.patients.contains(any: reading(next)) { return .patient }
                if vocabulary.others.contains(any: reading(next)) { return .someoneElse }
            }
            return .writer
        }
        if vocabulary.others.contains(any: forms) { return .someoneElse }
        if vocabulary.writer.contains(any: forms) { return .writer }
        return nil
    }
}
