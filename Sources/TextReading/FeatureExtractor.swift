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
/// A feature is its group and name (`w` and "dood"); it is filed by the FNV-1a digest of both
/// into `1 << bits` places (collisions are rare and harmless at this size). The digests are
/// worked out as the text is walked, without building the names, which only explanations
/// need. Changing anything here changes ``version``, and a model trained with another
/// version is refused.
public struct FeatureExtractor: Sendable {
    /// The version of the features: stored in every model, checked when one is loaded.
    public static let version: UInt32 = 2

    public let bits: Int
    public let clauseReader: ClauseReader

    public init(bits: Int = 18, clauseReader: ClauseReader) {
        self.bits = bits
        self.clauseReader = clauseReader
    }

    /// The features of a passage, its clauses read already or read here.
    public func features(of passage: Passage, readings: WordReadings, clauses: [Clause]? = nil) -> SparseVector {
        var sink = DigestSink()
        walk(passage, readings, clauses ?? clauseReader.clauses(of: passage, readings: readings), into: &sink)
        return sink.vector(bits: bits)
    }

    /// Every feature as its group and name, for explanations (`gids safety --explain`).
    public func features(of passage: Passage, readings: WordReadings, each: (String, String) -> Void) {
        withoutActuallyEscaping(each) { each in
            var sink = NamingSink(each: each)
            walk(passage, readings, clauseReader.clauses(of: passage, readings: readings), into: &sink)
        }
    }

    /// The place of a feature among the weights.
    public func index(group: String, name: String) -> Int {
        var hash = Group(rawValue: group.utf8.first ?? 0)?.seed ?? FNV1a()
        hash.add(name)
        return Int(hash.value & UInt64((1 << bits) - 1))
    }

    /// The groups of features, by the letter that names them.
    enum Group: UInt8, CaseIterable {
        case bigram = 98  // b
        case characters = 99  // c
        case flag = 102  // f
        case person = 112  // p
        case reading = 114  // r
        case tag = 116  // t
        case word = 119  // w

        /// The digest of the group's letter and the separator, where a feature's digest starts.
        var seed: FNV1a {
            var hash = FNV1a()
            hash.add(rawValue)
            hash.add(0)
            return hash
        }
    }

    /// Walks the text once, handing every feature to the sink.
    private func walk<Sink: FeatureSink>(
        _ passage: Passage, _ readings: WordReadings, _ clauses: [Clause], into sink: inout Sink
    ) {
        let primary = readings.primary
        // Character n-grams of the whole text in its standard forms, with spaces as edges: each
        // start's digest is extended letter by letter and handed over at 2 to 5 letters.
        var letters: [Unicode.Scalar] = [" "]
        for word in primary {
            letters.append(contentsOf: word.unicodeScalars)
            letters.append(" ")
        }
        if primary.isEmpty { letters.append(" ") }
        let characters = Group.characters.seed
        for start in letters.indices.dropLast() {
            var hash = characters
            var allSpaces = true
            for end in start..<min(start + 5, letters.count) {
                hash.addUTF8(letters[end])
                allSpaces = allSpaces && letters[end] == " "
                if end > start, !allSpaces { sink.ngram(letters[start...end], digest: hash.value) }
            }
        }
        for (index, word) in primary.enumerated() {
            sink.feature(.word, word)
            if index + 1 < primary.count, passage.clauseOfWord[index] == passage.clauseOfWord[index + 1] {
                sink.feature(.bigram, word, " ", primary[index + 1])
            }
            for other in readings.alternatives[index] where other != word { sink.feature(.reading, other) }
        }
        for clause in clauses {
            let holder = clause.holder.rawValue
            for word in clause.words {
                sink.feature(.person, holder, ":", primary[word])
                for tag in ClauseTag.allCases where tag.holds(in: clause) {
                    sink.feature(.tag, tag.rawValue, ":", primary[word])
                }
            }
            sink.feature(.flag, "holder:", holder)
            for tag in ClauseTag.allCases where tag.holds(in: clause) { sink.feature(.flag, tag.rawValue) }
        }
    }
}

/// What a walk over a text's features hands them to.
private protocol FeatureSink {
    /// A character n-gram, with its digest worked out already.
    mutating func ngram(_ letters: ArraySlice<Unicode.Scalar>, digest: UInt64)
    /// A feature whose name is the pieces put together.
    mutating func feature(_ group: FeatureExtractor.Group, _ a: String, _ b: String, _ c: String)
}

extension FeatureSink {
    mutating func feature(_ group: FeatureExtractor.Group, _ a: String, _ b: String = "") {
        feature(group, a, b, "")
    }
}

/// Collects digests per group: the features a model scores.
private struct DigestSink: FeatureSink {
    private var digests = [[UInt64]](repeating: [], count: FeatureExtractor.Group.allCases.count)

    mutating func ngram(_ letters: ArraySlice<Unicode.Scalar>, digest: UInt64) {
        digests[1].append(digest)
    }

    mutating func feature(_ group: FeatureExtractor.Group, _ a: String, _ b: String, _ c: String) {
        var hash = group.seed
        hash.add(a)
        hash.add(b)
        hash.add(c)
        digests[FeatureExtractor.Group.allCases.firstIndex(of: group) ?? 0].append(hash.value)
    }

    /// The features, group by group in the groups' order, each group's distinct digests sorted and
    /// weighted so the group has length one: the same vector for the same text, in every run.
    func vector(bits: Int) -> SparseVector {
        var vector = SparseVector()
        let mask = UInt64((1 << bits) - 1)
        for group in digests where !group.isEmpty {
            var unique = group.sorted()
            var kept = 1
            for index in 1..<unique.count where unique[index] != unique[kept - 1] {
                unique[kept] = unique[index]
                kept += 1
            }
            let value = 1 / Float(kept).squareRoot()
            for digest in unique[..<kept] {
                vector.indices.append(Int32(truncatingIfNeeded: digest & mask))
                vector.values.append(value)
            }
        }
        return vector
    }
}

/// Hands every feature on by its group and name.
private struct NamingSink: FeatureSink {
    let each: (String, String) -> Void

    func ngram(_ letters: ArraySlice<Unicode.Scalar>, digest: UInt64) {
        each("c", String(String.UnicodeScalarView(letters)))
    }

    func feature(_ group: FeatureExtractor.Group, _ a: String, _ b: String, _ c: String) {
        each(String(UnicodeScalar(group.rawValue)), a + b + c)
    }
}
