/// What a batch answered ahead of its transaction counted on (see ``GroupCommitStateMachine``):
/// the transaction its answers were worked out for, and whether they count on the answers of
/// the batch before it, which stood in for the store while that batch was being committed.
struct ReadAhead: Equatable, Sendable {
    /// The number the batch's transaction was expected to have (see `SessionTransaction.number`).
    var transaction: Int
    /// Whether the sessions of the batch before were read from its answers, not from the store.
    var countsOnPrevious: Bool
}
