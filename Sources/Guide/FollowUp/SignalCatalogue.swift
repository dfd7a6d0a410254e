import YarnScript

/// The names of the 13 signals and of the kinds of critical event, in every language,
/// from `Dialogues/signals.yaml`: what summaries and `gids memory` show.
public struct SignalCatalogue: Sendable {
    public static let signalCount = 13

    var signals: [Int: LocalizedText]
    var eventKinds: [String: LocalizedText]

    /// The names of these signals, in order.
    public func names(of numbers: [Int], in language: Language) -> [String] {
        numbers.sorted().compactMap { signals[$0]?.text(in: language) }
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
            default:
                throw DiagnosticList([reader.error(keyNode, "unknown key '\(key)'; expected signals or event_kinds")])
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
        return SignalCatalogue(signals: signals, eventKinds: kinds)
    }
}
