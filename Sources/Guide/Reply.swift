import DialogueRuntime

/// What the guide says in one turn, and what it expects next. Every door (terminal,
/// line protocol, practice, transcripts) renders this same value.
public struct Reply: Hashable, Sendable, Codable {
    /// What kind of answer the guide waits for.
    public enum Expectation: String, Hashable, Sendable, Codable {
        /// One of the numbered options (typed as number or text).
        case choice
        /// Free text.
        case text
        /// Nothing: the conversation has ended.
        case none
    }

    /// The guide's messages, with markup as attributes.
    public var messages: [MarkedUpText]
    /// The options, numbered from 1 in this order.
    public var options: [MarkedUpText]
    public var expects: Expectation
    /// Problems for the operator (never anything the person typed).
    public var problems: [String]
    /// What the door must carry out (remember, forget, write a summary).
    public var effects: [Effect] = []

    public var isFinished: Bool { expects == .none }

    public init(messages: [MarkedUpText] = [], options: [MarkedUpText] = [], expects: Expectation = .none, problems: [String] = []) {
        self.messages = messages
        self.options = options
        self.expects = expects
        self.problems = problems
    }
}
