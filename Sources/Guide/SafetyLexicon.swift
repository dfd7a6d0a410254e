import YarnScript

/// The crisis phrases of one language, read from `Dialogues/safety/<lang>.txt`.
///
/// One pattern per line, in the language of ``PhrasePatterns``: case, accents, punctuation
/// and extra spaces are ignored, words of five letters or more may be misspelt by one
/// letter, `*` stands for up to three words and a word ending in `*` matches every word
/// that starts with it. A line starting with `!` is an idiom that is not a crisis ("dood op"): an alarm
/// that falls entirely inside it is ignored; it may end in `*` to take in the words that
/// follow ("ga dood van de *"). `#` starts a comment.
public struct SafetyLexicon: Sendable {
    var patterns = PhrasePatterns()
    var alarms: [PhrasePatterns.Pattern] = []
    var exceptions: [PhrasePatterns.Pattern] = []

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
            switch patterns.parse(line, line: offset + 1) {
            case .failure(let problem):
                problems.append(Diagnostic(.error, at: location, problem.message))
            case .success(let pattern) where pattern.tokens.last == .gap && !isException:
                problems.append(Diagnostic(.error, at: location, "a crisis pattern cannot end with '*'"))
            case .success(let pattern):
                if isException { exceptions.append(pattern) } else { alarms.append(pattern) }
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        if alarms.isEmpty { throw DiagnosticList([Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "this crisis lexicon has no patterns")]) }
    }

    /// The line of the first alarm pattern found in `words` that no exception covers.
    /// Runs on every message, so what most messages never need (the exceptions' spans, the
    /// words run together) is worked out only when an alarm asks for it.
    func firstAlarm(in words: [String]) -> Int? {
        var matcher = patterns.matcher(for: words)
        var excusedSpans: [ClosedRange<Int>]?
        func excused() -> [ClosedRange<Int>] {
            let spans = excusedSpans ?? exceptions.flatMap { matcher.spans(of: $0) }
            excusedSpans = spans
            return spans
        }
        var compactWords: [UInt8]?
        // By index: most patterns are ruled out by their first term without copying them.
        for index in alarms.indices {
            if matcher.mightMatch(firstTerm: alarms[index].firstTerm, isAnchored: alarms[index].isAnchored) {
                for span in matcher.spans(of: alarms[index]) where !excused().contains(where: { $0.contains(span) }) {
                    return alarms[index].line
                }
            }
            // Words run together or split apart ("zelf moord", "zelfmoordgedachten").
            guard let stem = alarms[index].compactStem else { continue }
            let compact = compactWords ?? Array(words.joined().utf8)
            compactWords = compact
            if Self.bytes(compact, contain: stem), !excused().contains(where: { Self.bytes(Array(words[$0].joined().utf8), contain: stem) }) {
                return alarms[index].line
            }
        }
        return nil
    }

    /// Whether UTF-8 bytes hold `stem` somewhere (a byte search is exact for UTF-8).
    private static func bytes(_ bytes: [UInt8], contain stem: [UInt8]) -> Bool {
        guard stem.count <= bytes.count else { return false }
        return (0...(bytes.count - stem.count)).contains { bytes[$0..<($0 + stem.count)].elementsEqual(stem) }
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
