/// What each word of a passage may also be read as, beside the word as typed: its standard
/// form for a chat spelling ("nie": "niet"), the verb a Dutch particle split from ("op te
/// hangen": "ophangen"), the word a typo was meant to be ("zelfmort": "zelfmoord"), and its
/// Snowball stems ("pills": "pill"). The readers try every reading; the word itself is never
/// replaced, so what was written still counts as written.
public struct WordReadings: Sendable {
    /// For each word, its other readings in this order: standard forms, joined verbs,
    /// corrections, stems (of the word as typed, for words of four letters or more); without
    /// duplicates and without the word itself.
    public let alternatives: [[String]]
    /// For each word, the form the learned readers read first: its standard form or
    /// correction if it has one, else the word.
    public let primary: [String]

    /// The readings of a passage's words; `corrector` knows the words a typo may be meant as
    /// (nil: no corrections).
    public init(of passage: Passage, corrector: SpellingCorrector?) {
        let words = passage.words
        var alternatives = [[String]](repeating: [], count: words.count)
        var primary = words
        for (index, word) in words.enumerated() {
            let standard = ChatForms.standard(for: word)
            alternatives[index] += standard
            if let first = standard.first { primary[index] = first }
        }
        for clause in passage.clauseRanges {
            let joined = SeparableVerbs.joined(in: clause.map { primary[$0] })
            for (offset, verbs) in joined.enumerated() { alternatives[clause.lowerBound + offset] += verbs }
        }
        for (index, word) in words.enumerated() {
            // A chat form ("nie") is no typo.
            if let corrector, ChatForms.standard(for: word).isEmpty, let corrected = corrector.correction(for: word) {
                alternatives[index].append(corrected)
                primary[index] = corrected
            }
            // The stems of the word and of its standard form or correction; small words ("ik",
            // "nie") have none worth having.
            for form in Set([word, primary[index]]) where form.utf8.count >= Self.shortestStemmed {
                let stems = StemCache.shared.stems(of: form)
                alternatives[index] += [stems.dutch, stems.english]
            }
            var kept: [String] = []
            for reading in alternatives[index] where reading != word && !kept.contains(reading) { kept.append(reading) }
            alternatives[index] = kept
        }
        self.alternatives = alternatives
        self.primary = primary
    }

    /// The shortest word that is stemmed.
    static let shortestStemmed = 4

    /// Every reading of a word, the word first.
    public func readings(of index: Int, in passage: Passage) -> [String] {
        [passage.words[index]] + alternatives[index]
    }
}
