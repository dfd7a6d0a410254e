/// Reads each clause of a passage for who it is about and how it is said (``Clause``), with
/// the words a reader gives it (``ClauseVocabulary``).
public struct ClauseReader: Sendable {
    public let vocabulary: ClauseVocabulary

    public init(vocabulary: ClauseVocabulary) {
        self.vocabulary = vocabulary
    }

    /// The passage's clauses, in order.
    public func clauses(of passage: Passage, readings: WordReadings) -> [Clause] {
        let roles = passage.words.map { vocabulary.roles(ofWord: $0) }
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
                holder = person(at: word, in: range, roles: roles, lastNamed: lastNamed)
            }
            let clauseRoles = range.reduce(into: ClauseVocabulary.Roles()) { $0.formUnion(roles[$1]) }
            let sentenceRoles = sentenceWords.reduce(into: ClauseVocabulary.Roles()) { $0.formUnion(roles[$1]) }
            let inQuotes = range.allSatisfy { passage.isQuoted[$0] }
            let reports = clauseRoles.contains(.reporting) && !inQuotes
            result.append(
                Clause(
                    words: range, holder: holder ?? .nobody, isQuestion: passage.sentenceAsks[sentence],
                    isQuoted: inQuotes || (speaker != nil && !reports), speaker: reports ? nil : speaker,
                    isPast: clauseRoles.contains(.past), isNegated: clauseRoles.contains(.negation),
                    isClinical: sentenceRoles.contains(.clinical), isTraining: sentenceRoles.contains(.training)))
            if let named = holder, named != .writer, named != .listener, !inQuotes { lastNamed = named }
            if reports { speaker = holder ?? .writer }
            let endsSentence = range.upperBound == sentenceWords.upperBound
            if endsSentence, !passage.endsWithColon[sentence] { speaker = nil }
        }
        return result
    }

    /// Whom a word names, if anyone.
    private func person(
        at word: Int, in range: Range<Int>, roles: [ClauseVocabulary.Roles], lastNamed: Clause.Holder?
    ) -> Clause.Holder? {
        let own = roles[word]
        if own.contains(.people) { return .people }
        if own.contains(.listener) { return .listener }
        if own.contains(.patients) { return .patient }
        if own.contains(.pronouns) { return lastNamed ?? .someoneElse }
        if own.contains(.possessive) {
            for next in (word + 1)..<min(word + 3, range.upperBound) {
                if roles[next].contains(.patients) { return .patient }
                if roles[next].contains(.others) { return .someoneElse }
            }
            return .writer
        }
        if own.contains(.others) { return .someoneElse }
        if own.contains(.writer) { return .writer }
        return nil
    }
}
