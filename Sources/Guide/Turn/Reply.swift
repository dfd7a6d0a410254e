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

    /// What the safety net did this turn, so a bridge can show a call button or alert the
    /// organisation's on-call process.
    public enum Safety: String, Hashable, Sendable, Codable {
        /// The crisis answer (about the writer, or someone else in danger now).
        case crisis
        /// The check question: whether they think of ending their life or of harming someone.
        case check
    }

    /// The guide's messages, with markup as attributes.
    public var messages: [MarkedUpText]
    /// The options, numbered from 1 in this order.
    public var options: [MarkedUpText]
    public var expects: Expectation
    /// Problems for the operator (never anything the person typed).
    public var problems: [String]
    /// What the door carries out after showing the reply (forgetting the follow-up or the
    /// whole conversation, the debrief).
    public var effects: [Effect] = []
    /// What the door must carry out before the turn can go on, because the dialogue tells the
    /// person whether it worked (remembering, a summary file): the reply so far stops here,
    /// and ``Conversation/effectFinished(_:)`` with the outcome gives the whole turn.
    public var awaitedEffect: Effect?
    /// Set when the turn gave the crisis answer or asked the check question.
    public var safety: Safety?
    /// The nodes that started again this turn because the content changed under the stored
    /// conversation (see ``DialogueEvent/nodeRestarted(_:)``): for the operator's count.
    public var restartedNodes: [String] = []
    /// Whether the turn showed the crisis lines (so a conversation after a crisis ends with them).
    var showedCrisisLines = false

    /// Whether the conversation has ended (a turn waiting for an effect has not).
    public var isFinished: Bool { expects == .none && awaitedEffect == nil }

    /// A reply is encoded once its turn is whole: ``awaitedEffect`` and what only a turn in
    /// progress needs are not part of it.
    private enum CodingKeys: String, CodingKey { case messages, options, expects, problems, effects, safety }

    public init(
        messages: [MarkedUpText] = [], options: [MarkedUpText] = [], expects: Expectation = .none,
        problems: [String] = []
    ) {
        self.messages = messages
        self.options = options
        self.expects = expects
        self.problems = problems
    }
}
