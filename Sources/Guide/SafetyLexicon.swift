import YarnScript

/// The crisis phrases of one language, read from `Dialogues/safety/<lang>.txt`.
///
/// One pattern per line. Case, accents, punctuation and extra spaces are ignored, and
/// words of five letters or more may be misspelt by one letter. In a pattern, `*` stands
/// for up to three words and a word ending in `*` matches every word that starts with
/// it. A line starting with `!` is an idiom that is not a crisis ("dood op"): an alarm
/// that falls entirely inside it is ignored; it may end in `*` to take in the words that
/// follow ("ga dood van de *"). `#` starts a comment.
public struct SafetyLexicon: Sendable {
    /// A word as Unicode scalars: folded text has one scalar per letter, so lengths and
    /// edits are counted cheaply and exactly.
    typealias Letters = [Unicode.Scalar]

    /// A word of a pattern, matched as a whole word or as the start of one.
    struct Term: Hashable, Sendable {
        var letters: Letters
        var isPrefix: Bool

        /// Whether an input word matches: equal or one edit apart for words of five letters
        /// or more, and for a prefix the same for the word's start.
        func matches(_ word: Letters) -> Bool {
            guard isPrefix else {
                return word == letters
                    || (letters.count >= 5 && abs(word.count - letters.count) <= 1 && EditDistance.isAtMostOne(word[...], letters[...]))
            }
            if word.starts(with: letters) { return true }
            guard letters.count >= 5, word.count >= letters.count - 1 else { return false }
            return [letters.count - 1, letters.count, letters.count + 1].contains { length in
                length <= word.count && EditDistance.isAtMostOne(word[..<length], letters[...])
            }
        }
    }

    enum Token: Hashable, Sendable {
        /// A term, by its index in ``SafetyLexicon/terms``.
        case term(Int)
        /// Up to three words.
        case gap
    }

    struct Pattern: Sendable {
        var tokens: [Token]
        /// Where the pattern was written, for `--explain`-style messages and tests.
        var line: Int
        /// For a one-word pattern long enough not to match by accident (a word of 7 letters,
        /// a prefix of 6), the letters to look for in the input with its spaces removed.
        var compactStem: String?
    }

    /// Every distinct word of the patterns: each is compared with an input word at most once.
    var terms: [Term] = []
    var alarms: [Pattern] = []
    var exceptions: [Pattern] = []

    /// Reads a lexicon; every malformed line is reported as `file:line:col: error: ...`.
    public init(text: String, file: String) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let isException = line.trimmingSpaces.hasPrefix("!")
            if isException { line = line.trimmingSpaces.dropFirst() }
            guard !line.trimmingSpaces.isEmpty else { continue }
            let location = SourceLocation(file: file, line: offset + 1, column: 1)
            var tokens: [Token] = []
            for piece in line.split(separator: " ") {
                if piece == "*" {
                    tokens.append(.gap)
                    continue
                }
                let isPrefix = piece.hasSuffix("*")
                let word = TextNormalizer.folded(String(isPrefix ? piece.dropLast() : piece))
                guard !word.isEmpty, !word.contains(" ") else {
                    problems.append(Diagnostic(.error, at: location, "'\(piece)' is not a word; use letters and digits, '*' alone for a gap, or 'word*' for a prefix"))
                    continue
                }
                let term = Term(letters: Array(word.unicodeScalars), isPrefix: isPrefix)
                if let index = terms.firstIndex(of: term) {
                    tokens.append(.term(index))
                } else {
                    tokens.append(.term(terms.count))
                    terms.append(term)
                }
            }
            guard tokens.contains(where: { $0 != .gap }) else {
                problems.append(Diagnostic(.error, at: location, "this pattern has no words"))
                continue
            }
            if tokens.first == .gap || (tokens.last == .gap && !isException) {
                problems.append(Diagnostic(.error, at: location, isException ? "a pattern cannot start with '*'" : "a crisis pattern cannot start or end with '*'"))
                continue
            }
            let pattern = Pattern(tokens: tokens, line: offset + 1, compactStem: compactStem(of: tokens))
            if isException { exceptions.append(pattern) } else { alarms.append(pattern) }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        if alarms.isEmpty { throw DiagnosticList([Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "this crisis lexicon has no patterns")]) }
    }

    private func compactStem(of tokens: [Token]) -> String? {
        guard tokens.count == 1, case .term(let index) = tokens[0] else { return nil }
        let term = terms[index]
        guard term.letters.count >= (term.isPrefix ? 6 : 7) else { return nil }
        return String(String.UnicodeScalarView(term.letters))
    }

    /// The line of the first alarm pattern found in `words` that no exception covers.
    func firstAlarm(in words: [String]) -> Int? {
        var matcher = Matcher(terms: terms, words: words.map { Array($0.unicodeScalars) })
        let excused = exceptions.flatMap { matcher.spans(of: $0) }
        let compact = words.joined()
        for alarm in alarms {
            for span in matcher.spans(of: alarm) where !excused.contains(where: { $0.contains(span) }) {
                return alarm.line
            }
            // Words run together or split apart ("zelf moord", "zelfmoordgedachten").
            if let stem = alarm.compactStem, compact.contains(stem), !excused.contains(where: { words[$0].joined().contains(stem) }) {
                return alarm.line
            }
        }
        return nil
    }
}

/// Matches patterns against one input's words, remembering which term matched which word.
private struct Matcher {
    let terms: [SafetyLexicon.Term]
    let words: [SafetyLexicon.Letters]
    /// For each word and term: 0 not yet compared, 1 no match, 2 a match.
    var known: [UInt8]

    init(terms: [SafetyLexicon.Term], words: [SafetyLexicon.Letters]) {
        self.terms = terms
        self.words = words
        known = [UInt8](repeating: 0, count: terms.count * words.count)
    }

    /// Every range of words the pattern matches.
    mutating func spans(of pattern: SafetyLexicon.Pattern) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for start in words.indices {
            if let end = match(pattern.tokens[...], at: start) { result.append(start...end) }
        }
        return result
    }

    /// The index of the last word matched when `tokens` match from `index`, or nil.
    private mutating func match(_ tokens: ArraySlice<SafetyLexicon.Token>, at index: Int) -> Int? {
        guard let token = tokens.first else { return index - 1 }
        let rest = tokens.dropFirst()
        switch token {
        case .gap:
            for skip in (0...3).reversed() where index + skip <= words.count {
                if let end = match(rest, at: index + skip) { return end }
            }
            return nil
        case .term(let term):
            guard index < words.count, matches(word: index, term: term) else { return nil }
            return match(rest, at: index + 1)
        }
    }

    private mutating func matches(word: Int, term: Int) -> Bool {
        let slot = word * terms.count + term
        if known[slot] == 0 { known[slot] = terms[term].matches(words[word]) ? 2 : 1 }
        return known[slot] == 2
    }
}

/// Several diagnostics thrown together.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
