/// Recognises signs of suicidal thoughts or danger in anything a person types.
///
/// Every language's lexicon is checked, whatever language the conversation is in:
/// a person may switch language when it matters most. False alarms are acceptable;
/// a missed signal is not.
public struct SafetyNet: Sendable {
    let lexicons: [Language: SafetyLexicon]

    public init(lexicons: [Language: SafetyLexicon]) {
        self.lexicons = lexicons
    }

    /// Whether the text may be a sign of crisis.
    public func isAlarming(_ text: String) -> Bool {
        let words = TextNormalizer.words(text)
        guard !words.isEmpty else { return false }
        return lexicons.values.contains { $0.firstAlarm(in: words) != nil }
    }
}
