/// What a door drives, turn by turn: a ``Conversation``, or a ``PracticeSession`` built on one.
public protocol DialogueSession {
    /// The first turn.
    mutating func start() -> Reply
    /// The answer to what the person typed.
    mutating func respond(to input: String) -> Reply
    /// The person closed their input (Ctrl-D).
    mutating func endOfInput() -> Reply
    /// Something the reply asked the door to do could not be done.
    mutating func effectFailed() -> Reply
}

extension Conversation: DialogueSession {
    /// Starts the conversation at the guide's welcome.
    public mutating func start() -> Reply {
        start(at: .start)
    }
}

extension PracticeSession: DialogueSession {}
