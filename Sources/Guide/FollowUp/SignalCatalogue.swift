import YarnScript

/// The names of the 13 signals and of the kinds of critical event, in every language,
/// from `Dialogues/signals.yaml`: what summaries and `gids memory` show, with the words that
/// say of a talk that its signals were not asked, none were recognised, or questions were skipped.
public struct SignalCatalogue: Sendable {
    public static let signalCount = 13

    var signals: [Int: LocalizedText]
    var eventKinds: [String: LocalizedText]
    var talkWords: [TalkWord: LocalizedText]

    /// What a talk's line in a summary can say besides the names of signals (`talks:` in the file).
    enum TalkWord: String, CaseIterable {
        /// The signals were not asked about in that talk.
        case notAsked = "not_asked"
        /// Asked, and none recognised.
        case none
        /// Every question about signals was skipped.
        case allSkipped = "all_skipped"
        /// Some questions were skipped: `%` is the number.
        case skipped
    }

    /// How many questions the signals are asked in (two or so signals each, BRIEF §4).
    public static let questionCount = 7

    /// The names of these signals, in order.
    public func names(of numbers: [Int], in language: Language) -> [String] {
        numbers.sorted().compactMap { signals[$0]?.text(in: language) }
    }

    /// The names joined so that each stays one item ("slaapproblemen; schuld en schaamte").
    public func list(of numbers: [Int], in language: Language) -> String {
        names(of: numbers, in: language).joined(separator: "; ")
    }

    /// What one talk found, in words: the signals recognised, that none were, that the questions
    /// were skipped or not asked, and how many were skipped.
    public func summary(of talk: FollowUp.Talk, in language: Language) -> String {
        func word(_ word: TalkWord) -> String { talkWords[word]?.text(in: language) ?? "" }
        guard talk.signalsAsked else { return word(.notAsked) }
        if talk.signals.isEmpty, talk.skippedQuestions >= Self.questionCount { return word(.allSkipped) }
        var parts = talk.signals.isEmpty ? [word(.none)] : names(of: talk.signals, in: language)
        if talk.skippedQuestions > 0 {
            parts.append(word(.skipped).replacingOccurrences(of: "%", with: String(talk.skippedQuestions)))
        }
        return parts.joined(separator: "; ")
    }

    /// The name of a kind of event, or its id when unknown.
    public func eventKind(_ id: String, in language: Language) -> String {
        eventKinds[id]?.text(in: language) ?? id
    }

    /// Whether the dialogues may set `$soort` to this id.
    public func isKnownEventKind(_ id: String) -> Bool { eventKinds[id] != nil }

    static func load(text: String, file: String) throws(DiagnosticList) -> SignalCatalogue {
        let reader = YAMLReader(file: file)
        var signals: [Int: LocalizedText] = [:]
        var kinds: [String: LocalizedText] = [:]
        var talkWords: [TalkWord: LocalizedText] = [:]
        for (key, keyNode, value) in try reader.mapping(try reader.root(of: text), what: "the signals file") {
            switch key {
            case "signals":
                for (number, numberNode, name) in try reader.mapping(value, what: "signals") {
                    guard let index = Int(number), (1...signalCount).contains(index) else {
                        throw DiagnosticList([
                            reader.error(numberNode, "signals are numbered 1 to \(signalCount), not '\(number)'")
                        ])
                    }
                    signals[index] = try reader.localized(name, what: "signal \(index)")
                }
            case "event_kinds":
                for (id, _, name) in try reader.mapping(value, what: "event_kinds") {
                    kinds[id] = try reader.localized(name, what: "the event kind '\(id)'")
                }
            case "talks":
                for (id, idNode, words) in try reader.mapping(value, what: "talks") {
                    guard let word = TalkWord(rawValue: id) else {
                        throw DiagnosticList([
                            reader.error(
                                idNode,
                                "unknown key '\(id)'; expected \(TalkWord.allCases.map(\.rawValue).joined(separator: ", "))"
                            )
                        ])
                    }
                    talkWords[word] = try reader.localized(words, what: "the words for '\(id)'")
                }
            default:
                throw DiagnosticList([
                    reader.error(keyNode, "unknown key '\(key)'; expected signals, event_kinds or talks")
                ])
            }
        }
        let missing = (1...signalCount).filter { signals[$0] == nil }
        guard missing.isEmpty else {
            throw DiagnosticList([
                Diagnostic(
                    .error, at: SourceLocation(file: file, line: 1, column: 1),
                    "signals missing: \(missing.map(String.init).joined(separator: ", "))")
            ])
        }
        let missingWords = TalkWord.allCases.filter { talkWords[$0] == nil }
        guard missingWords.isEmpty else {
            throw DiagnosticList([
                Diagnostic(
                    .error, at: SourceLocation(file: file, line: 1, column: 1),
                    "talks: words missing for \(missingWords.map(\.rawValue).joined(separator: ", "))")
            ])
        }
        return SignalCatalogue(signals: signals, eventKinds: kinds, talkWords: talkWords)
    }
}
