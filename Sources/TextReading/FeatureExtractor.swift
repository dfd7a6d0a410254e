/// Turns a read passage into the features of the learned readers: what a small linear model
/// needs to generalise past the words it was trained on.
///
/// - Character n-grams (2 to 5 letters) of the text with its words' standard forms: they
///   carry typos, dialect and chat spelling ("zelfmort" shares most of "zelfmoord").
/// - Word unigrams and bigrams of the words' primary readings, and unigrams of every other
///   reading (joined verbs, stems): they carry meaning.
/// - Each clause's words prefixed with who the clause is about and how it is said ("patient:",
///   "past:", "question:", "quoted:", "negated:", "clinical:", "training:"), and flags for
///   the message as a whole: a linear model cannot combine features itself, so "zelfmoord"
///   about a patient in the past and "zelfmoord" about the writer now are told apart here.
///   Nothing counts how long a message is: the risk buried in a long answer about a shift
///   must not teach the reader that long answers are risky.
///
/// Each group is normalised on its own, so a long message does not outweigh a short one.
/// Features are filed by their FNV-1a digest into `1 << bits` places (collisions are rare
/// and harmless at this size). Changing anything here changes ``version``, and a model
/// trained with another version is refused.
public struct FeatureExtractor: Sendable {
    /// The version of the features: stored in every model, checked when one is loaded.
    public static let version: UInt32 = 2

    public let bits: Int
    public let clauseReader: ClauseReader

    public init(bits: Int = 18, clauseReader: ClauseReader) {
        self.bits = bits
        self.clauseReader = clauseReader
    }

    /// The features of a passage.
    public func features(of passage: Passage, readings: WordReadings) -> SparseVector {
        var digests: [String: Set<UInt64>] = [:]
        features(of: passage, readings: readings) { group, name in
            digests[group, default: []].insert(Self.digest(group: group, name: name))
        }
        var vector = SparseVector()
        let mask = UInt64((1 << bits) - 1)
        for group in digests.keys.sorted() {
            let unique = (digests[group] ?? []).sorted()
            let value = 1 / Float(unique.count).squareRoot()
            for digest in unique {
                vector.indices.append(Int32(truncatingIfNeeded: digest & mask))
                vector.values.append(value)
            }
        }
        return vector
    }

    /// The place of a feature among the weights.
    public func index(group: String, name: String) -> Int {
        Int(Self.digest(group: group, name: name) & UInt64((1 << bits) - 1))
    }

    private static func digest(group: String, name: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(group)
        hash.add(0)
        hash.add(name)
        return hash.value
    }

    /// Every feature as its group and name, for explanations (`gids safety --explain`).
    public func features(of passage: Passage, readings: WordReadings, each: (String, String) -> Void) {
        let primary = readings.primary
        // Character n-grams of the whole text in its standard forms, with spaces as edges.
        let letters = Array((" " + primary.joined(separator: " ") + " ").unicodeScalars)
        for length in 2...5 where letters.count >= length {
            for start in 0...(letters.count - length) {
                let gram = String(String.UnicodeScalarView(letters[start..<(start + length)]))
                if gram != String(repeating: " ", count: length) { each("c", gram) }
            }
        }
        for (index, word) in primary.enumerated() {
            each("w", word)
            if index + 1 < primary.count, passage.clauseOfWord[index] == passage.clauseOfWord[index + 1] {
                each("b", word + " " + primary[index + 1])
            }
            for other in readings.alternatives[index] where other != word { each("r", other) }
        }
        let clauses = clauseReader.clauses(of: passage, readings: readings)
        for clause in clauses {
            let tags = clauseTags(clause)
            for word in clause.words {
                each("p", clause.holder.rawValue + ":" + primary[word])
                for tag in tags { each("t", tag + ":" + primary[word]) }
            }
        }
        for clause in clauses { each("f", "holder:" + clause.holder.rawValue) }
        for tag in Set(clauses.flatMap(clauseTags)) { each("f", tag) }
    }

    private func clauseTags(_ clause: Clause) -> [String] {
        var tags: [String] = []
        if clause.isQuestion { tags.append("question") }
        if clause.isQuoted { tags.append("quoted") }
        if clause.isPast { tags.append("past") }
        if clause.isNegated { tags.append("negated") }
        if clause.isClinical { tags.append("clinical") }
        if clause.isTraining { tags.append("training") }
        return tags
    }
}
