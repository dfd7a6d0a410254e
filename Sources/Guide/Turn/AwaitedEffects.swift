/// What the door tells the conversation about the effects it carried out: a turn that stopped
/// at one goes on with its outcome (see ``Reply/awaitedEffect``), and one carried out after
/// the reply that failed is told.
extension Conversation {
    /// The rest of a turn that stopped at ``Reply/awaitedEffect``, once the door carried it
    /// out: the dialogue says whether it worked (on a failure what was to be kept is put back)
    /// and goes on after `reply`, the turn as the door holds it (with anything a door added),
    /// to give the whole turn. Without a turn waiting, the question again.
    public mutating func effectFinished(_ outcome: EffectOutcome, continuing reply: Reply) -> Reply {
        guard var turn = paused else { return state.prompt.reply }
        paused = nil
        turn.reply = reply
        turn.reply.awaitedEffect = nil
        // Going on counts as a resume of the turn; the time the door took does not count.
        turn.resumes += 1
        turn.started = .now
        set(.saved, .bool(outcome == .done))
        if outcome != .done {
            state.settings.followUp = turn.followUpBefore
            if turn.failureWithdrawsConsent { set(.consent, .bool(false)) }
            set(.saveError, .string(outcome.rawValue))
            turn.reply.messages += say(.saveFailed)
        }
        return run(.resume, resuming: turn)
    }

    /// A turn a door answered without carrying out what it waited for: it counts as not done
    /// (nothing claims it was), and the operator is told. Returns the problem, or nil when no
    /// turn was waiting.
    mutating func settleUnfinishedEffect() -> String? {
        guard let paused else { return nil }
        let effect = paused.reply.awaitedEffect?.name ?? "an effect"
        _ = effectFinished(.failed, continuing: paused.reply)
        return "the door gave new input before carrying out \(effect) the turn waited for; it counts as not done"
    }

    /// Tells the person that something they asked for after the reply could not be done
    /// (forgetting), then shows the question again.
    public mutating func effectFailed() -> Reply {
        reshowingPrompt(after: say(.effectFailed))
    }

    /// The reply, with the operator told of a turn the door left waiting.
    func telling(_ problem: String?, _ reply: Reply) -> Reply {
        guard let problem else { return reply }
        var told = reply
        told.problems.append(problem)
        return told
    }
}
