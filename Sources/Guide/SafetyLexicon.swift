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
    enum Token: Hashable, Sendable {
        case word(String)
        case prefix(String)
        case gap
    }

    struct Pattern: Sendable {
        var tokens: [Token]
        /// Where the pattern was written, for `--explain`-style messages and tests.
        var line: Int

        /// For a one-word pattern long enough not to match by accident (a word of 7 letters,
        /// a prefix of 6), the letters to look for in the input with its spaces removed.
        var compactStem: String? {
            guard tokens.count == 1 else { return nil }
            switch tokens[0] {
            case .word(let word) where word.count >= 7: return word
            case .prefix(let stem) where stem.count >= 6: return stem
            default: return nil
            }
        }
    }

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
                tokens.append(isPrefix ? .prefix(word) : .word(word))
            }
            guard tokens.contains(where: { $0 != .gap }) else {
                problems.append(Diagnostic(.error, at: location, "this pattern has no words"))
                continue
            }
            if tokens.first == .gap || (tokens.last == .gap && !isException) {
                problems.append(Diagnostic(.error, at: location, isException ? "a pattern cannot start with '*'" : "a crisis pattern cannot start or end with '*'"))
                continue
            }
            let pattern = Pattern(tokens: tokens, line: offset + 1)
            if isException { exceptions.append(pattern) } else { alarms.append(pattern) }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        if alarms.isEmpty { throw DiagnosticList([Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "this crisis lexicon has no patterns")]) }
    }

    /// The line of the first alarm pattern found in `words` that no exception covers.
    func firstAlarm(in words: [String]) -> Int? {
        let excused = exceptions.flatMap { Self.spans(of: $0, in: words) }
        let compact = words.joined()
        for alarm in alarms {
            for span in Self.spans(of: alarm, in: words) where !excused.contains(where: { $0.contains(span) }) {
                return alarm.line
            }
            // Words run together or split apart ("zelf moord", "zelfmoordgedachten").
            if let stem = alarm.compactStem, compact.contains(stem), !excused.contains(where: { words[$0].joined().contains(stem) }) {
                return alarm.line
            }
        }
        return nil
    }

    /// Every range of words the pattern matches.
    static func spans(of pattern: Pattern, in words: [String]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for start in words.indices {
            if let end = match(pattern.tokens[...], words, at: start) { result.append(start...end) }
        }
        return result
    }

    /// The index of the last word matched when `tokens` match from `index`, or nil.
    private static func match(_ tokens: ArraySlice<Token>, _ words: [String], at index: Int) -> Int? {
        guard let token = tokens.first else { return index - 1 }
        let rest = tokens.dropFirst()
        switch token {
        case .gap:
            for skip in (0...3).reversed() where index + skip <= words.count {
                if let end = match(rest, words, at: index + skip) { return end }
            }
            return nil
        case .word(let expected):
            guard index < words.count, similar(words[index], expected) else { return nil }
            return match(rest, words, at: index + 1)
        case .prefix(let stem):
            guard index < words.count, startsSimilarly(words[index], stem) else { return nil }
            return match(rest, words, at: index + 1)
        }
    }

    /// Equal, or one edit apart for words of five letters or more.
    static func similar(_ word: String, _ expected: String) -> Bool {
        if word == expected { return true }
        guard expected.count >= 5, abs(word.count - expected.count) <= 1 else { return false }
        return EditDistance.between(word, expected) <= 1
    }

    private static func startsSimilarly(_ word: String, _ stem: String) -> Bool {
        if word.hasPrefix(stem) { return true }
        guard stem.count >= 5, word.count >= stem.count - 1 else { return false }
        return [stem.count - 1, stem.count, stem.count + 1].contains { length in
            length <= word.count && EditDistance.between(String(word.prefix(length)), stem) <= 1
        }
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
