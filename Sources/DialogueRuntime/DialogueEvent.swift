/// What a running dialogue tells its host.
public enum DialogueEvent: Hashable, Sendable {
    /// A node began running.
    case nodeStart(String)
    /// The content changed since the state was stored: this node, which the conversation
    /// stood in, was edited (or the one it stood in is gone), so it started again from its
    /// beginning. A ``nodeStart(_:)`` for it follows.
    case nodeRestarted(String)
    /// A node finished; its visit count has gone up.
    case nodeComplete(String)
    /// A line to show.
    case line(DialogueLine)
    /// Options to offer; the dialogue waits for ``DialogueInput/select(_:)``.
    case options([DialogueOption])
    /// A command for the host, with inline expressions already substituted.
    case command(String)
    /// The dialogue has ended.
    case dialogueComplete
    /// Something went wrong; see ``RuntimeError`` for whether the dialogue goes on.
    case error(RuntimeError)
}

/// A line as the virtual machine delivers it: which line, and the values for its placeholders.
/// The host turns it into text for a locale (see ``LineResolver``).
public struct DialogueLine: Hashable, Sendable, Codable {
    /// The line's string-table id.
    public var id: String
    /// The text of each inline expression, in placeholder order.
    public var substitutions: [String]

    public init(id: String, substitutions: [String] = []) {
        self.id = id
        self.substitutions = substitutions
    }
}

/// One option of an option set.
public struct DialogueOption: Hashable, Sendable, Codable {
    /// The option's 0-based index in source order; pass it to ``DialogueInput/select(_:)``.
    public var index: Int
    /// The option's text.
    public var line: DialogueLine
    /// False when the option's condition failed: show it as unavailable, or hide it.
    public var isAvailable: Bool

    public init(index: Int, line: DialogueLine, isAvailable: Bool) {
        self.index = index
        self.line = line
        self.isAvailable = isAvailable
    }
}

/// What the host asks the virtual machine to do next.
public enum DialogueInput: Hashable, Sendable {
    /// Start (or restart) at a node. Variables, visit counts and once flags are kept.
    case start(node: String)
    /// Choose the option with this index, or `nil` for "no selection" when none is available.
    case select(Int?)
    /// Continue after a waiting command.
    case resume
}

/// A problem found while running, reported as an event instead of a crash.
public struct RuntimeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: String, Hashable, Sendable {
        /// The host made a request that does not fit the state (the dialogue is unchanged).
        case invalidInput
        /// The dialogue itself failed (the dialogue has ended).
        case dialogueFailed
    }

    public var kind: Kind
    /// A plain explanation for the operator.
    public var message: String
    /// The node that was running, if any.
    public var node: String?

    public init(_ kind: Kind, _ message: String, node: String? = nil) {
        self.kind = kind
        self.message = message
        self.node = node
    }

    public var description: String {
        if let node { return "in node '\(node)': \(message)" }
        return message
    }
}
