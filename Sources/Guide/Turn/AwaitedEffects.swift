/// What the door tells the conversation about the effects it carried out: a turn that stopped
/// at one goes on with its outcome (see ``Reply/awaitedEffect``), and one carried out after
/// the reply that failed is told.
extension Conversation {
    /// The rest of a turn that stopped at ``Reply/awaitedEffect``, once the door carried it
    /// out: the dialogue says whether it worked (on a failure what was to be kept is put back),
    /// and the reply is the whole turn. Without a turn waiting, the question again.
    public mutating func effectFinished(_ outcome: EffectOutcome) -> Reply {
        guard let paused else { return state.prompt.reply }
        self.paused = nil
        var turn = paused
        turn.reply.awaitedEffect = nil
        set(.saved, .bool(outcome == .done))
        if outcome != .done {
            state.settings.followUp = paused.followUpBefore
            if paused.failureWithdrawsConsent { set(.consent, .bool(false)) }
            set(.saveError, .string(outcome.rawValue))
            turn.reply.messages += say(.saveFailed)
        }
        return run(.resume, resuming: turn)
    }

    /// Tells the person that something they asked for after the reply could not be done
    /// (forgetting), then shows the question again.
    public mutating func effectFailed() -> Reply {
        reshowingPrompt(after: say(.effectFailed))
    }
}
