/// A turn stopped at a host command whose outcome the person is told (see
/// ``Reply/awaitedEffect``): what to put back when the door could not carry the effect out, and
/// how far the turn had come. Never stored: a door finishes the turn before it keeps anything.
struct PausedTurn: Sendable {
    /// The remembered follow-up as it was before the command, put back when it failed.
    let followUpBefore: FollowUp?
    /// Whether a failure means nothing was kept, so the conversation goes on as without consent.
    let failureWithdrawsConsent: Bool
    /// The reply up to the command.
    var reply = Reply()
    /// The question being built up to the command.
    var prompt = ConversationState.Prompt.finished
    /// The turn's resumes so far and when it began: the turn's limits hold across the pause.
    var resumes = 0
    var started = ContinuousClock.now
}
