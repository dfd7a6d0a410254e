import TextReading
import YarnScript

/// What gids recognises in an answer, from `Dialogues/answers.yaml`: not knowing ("weet ik
/// niet", "no idea"), saying there is nothing ("nee", "niks", "nothing really"), and words
/// that say it is heavy ("kapot", "uitgeput", "I can't cope"). Any language's words count in
/// every conversation, as with the command words.
///
/// Not knowing is an answer: at a choice question it chooses the option marked `#unsure`,
/// and neither a "weet ik niet" nor a "nee, dank je" is ever said back as if it were
/// something the person named (see ``isAnswer(_:)``).
public struct AnswerWords: Sendable {
    /// The kinds of words the file lists.
    enum Kind: String, CaseIterable {
        /// "weet ik niet": the whole answer says the person does not know.
        case unsure
        /// "nee, dank je": the whole answer says there is nothing to name.
        case nothing
        /// "kapot": a word or phrase anywhere in the answer says it is heavy.
        case heavy
    }

    private var phrases: [Kind: Set<String>]

    /// No words at all: what the compiler uses to learn the functions' types.
    static let none = AnswerWords(phrases: [:])

    /// Whether the whole answer says the person does not know.
    public func isUnsure(_ answer: String) -> Bool {
        phrases[.unsure, default: []].contains(TextNormalizer.folded(answer))
    }

    /// Whether the answer names something: not empty, not "weet ik niet", not "nee" or "niks",
    /// and not a bare number (a choice typed where words were asked). Only such an answer is
    /// said back to the person.
    public func isAnswer(_ answer: String) -> Bool {
        let folded = TextNormalizer.folded(answer)
        return !folded.isEmpty && Int(folded.replacingOccurrences(of: " ", with: "")) == nil
            && !phrases[.unsure, default: []].contains(folded) && !phrases[.nothing, default: []].contains(folded)
    }

    /// Whether a word or phrase in the answer says that it is heavy ("kapot", "ik trek dit niet").
    public func soundsHeavy(_ answer: String) -> Bool {
        let words = " " + TextNormalizer.folded(answer) + " "
        return phrases[.heavy, default: []].contains { words.contains(" \($0) ") }
    }

    static func load(text: String, file: String) throws(DiagnosticList) -> AnswerWords {
        let lists = try WordLists<Kind>(text: text, file: file, what: "the answers file", keyNoun: "key")
        var phrases: [Kind: Set<String>] = [:]
        for entry in lists.entries { phrases[entry.key, default: []].insert(entry.word) }
        return AnswerWords(phrases: phrases)
    }
}
