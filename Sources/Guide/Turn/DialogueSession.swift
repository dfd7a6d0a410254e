/// What a door drives, turn by turn: a ``Conversation``, or a ``PracticeSession`` built on one.
public protocol DialogueSession {
    /// The first turn.
    mutating func start() -> Reply
    /// The answer to what the person typed.
    mutating func respond(to input: String) -> Reply
    /// The person closed their input (Ctrl-D).
    mutating func endOfInput() -> Reply
    /// The rest of a turn that stopped at ``Reply/awaitedEffect``, with what became of it,
    /// going on after `reply` (the turn so far, as the door holds it).
    mutating func effectFinished(_ outcome: EffectOutcome, continuing reply: Reply) -> Reply
    /// Something the reply asked the door to do after it could not be done.
    mutating func effectFailed() -> Reply
}

extension DialogueSession {
    /// The whole turn: each effect it waits for carried out by `perform`, the door's own way of
    /// remembering or writing a file, and the turn then taken on with the outcome.
    public mutating func finishing(_ reply: Reply, performing perform: (Effect) -> EffectOutcome) -> Reply {
        var reply = reply
        while let effect = reply.awaitedEffect {
            reply = effectFinished(perform(effect), continuing: reply)
        }
        return reply
    }
}

extension Conversation: DialogueSession {
    /// Starts the conversation at the guide's welcome.
    public mutating func start() -> Reply {
        start(at: .start)
    }
}

extension PracticeSession: DialogueSession {}
