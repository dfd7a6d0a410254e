import TextReading
import YarnScript

/// The commands a person can type at any moment, and the words for them in every
/// language, from `Dialogues/commands.yaml`.
public struct CommandWords: Sendable {
    /// A command available everywhere.
    public enum Command: String, CaseIterable, Sendable {
        /// End the conversation now.
        case stop
        /// Go back one step.
        case back
        /// Start again from the beginning.
        case restart
        /// Show the commands and where to find help right now.
        case help
        /// Show the crisis answer.
        case crisis
        /// Delete this conversation and everything remembered about the person, now
        /// ("vergeet mij"): forgetting is possible from inside the conversation, in every door.
        case forget
    }

    var words: [String: Command]

    /// The command a whole answer names, if any (`Stop`, `hulp`, `112`).
    public func command(in answer: String) -> Command? {
        words[TextNormalizer.folded(answer)]
    }

    static func load(text: String, file: String) throws(DiagnosticList) -> CommandWords {
        let lists = try WordLists<Command>(text: text, file: file, what: "the commands file", keyNoun: "command")
        let reader = YAMLReader(file: file)
        var words: [String: Command] = [:]
        var problems: [Diagnostic] = []
        for entry in lists.entries {
            if let other = words[entry.word], other != entry.key {
                problems.append(reader.error(entry.node, "'\(entry.word)' already means '\(other.rawValue)'"))
                continue
            }
            words[entry.word] = entry.key
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return CommandWords(words: words)
    }
}
