/// Recognises signs of suicidal thoughts or danger in anything a person types, and tells
/// them apart from a patient's death, clinical talk and questions put to someone else.
///
/// Every language's lexicon reads every message, as one, whatever language the conversation
/// is in: a person may switch language when it matters most, or mix two in one line. False
/// alarms are acceptable; a missed signal is not, so what is not clear is asked
/// (``SafetyAssessment/Decision/check``).
public struct SafetyNet: Sendable {
    let lexicon: SafetyLexicon

    public init(lexicon: SafetyLexicon) {
        self.lexicon = lexicon
    }

    /// What the message means for the person's safety, and why.
    public func assess(_ text: String) -> SafetyAssessment {
        let read = SafetyText(text)
        guard !read.words.isEmpty else { return .nothing }
        var reading = SafetyReading(read, with: lexicon)
        return reading.assessment()
    }
}
