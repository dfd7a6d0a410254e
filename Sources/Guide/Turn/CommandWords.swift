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
        let reader = YAMLReader(file: file)
        var words: [String: Command] = [:]
        var problems: [Diagnostic] = []
        for (key, keyNode, value) in try reader.mapping(try reader.root(of: text), what: "the commands file") {
            guard let command = Command(rawValue: key) else {
                problems.append(
                    reader.error(
                        keyNode,
                        "unknown command '\(key)'; expected \(Command.allCases.map(\.rawValue).joined(separator: ", "))"
                    ))
                continue
            }
            do throws(DiagnosticList) {
                for (_, _, list) in try reader.mapping(value, what: "the words for '\(key)'") {
                    for item in try reader.sequence(list, what: "the words for '\(key)'") {
                        let word = TextNormalizer.folded(try reader.string(item, what: "a command word"))
                        if let other = words[word], other != command {
                            throw DiagnosticList([reader.error(item, "'\(word)' already means '\(other.rawValue)'")])
                        }
                        words[word] = command
                    }
                }
            } catch {
                problems += error.diagnostics
            }
        }
        let missing = Command.allCases.filter { command in !words.values.contains(command) }
        if !missing.isEmpty {
            problems.append(
                Diagnostic(
                    .error, at: SourceLocation(file: file, line: 1, column: 1),
                    "no words for: \(missing.map(\.rawValue).joined(separator: ", "))"))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return CommandWords(words: words)
    }
}
