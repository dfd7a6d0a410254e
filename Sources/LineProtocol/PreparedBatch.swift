import SessionStore

/// A batch of request lines, parsed and perhaps answered ahead of its transaction (see
/// ``SessionServer/prepare(_:readingAhead:)``), on its way to ``SessionServer/commit(_:writingAheadIf:)``.
struct PreparedBatch: Sendable {
    /// What answering ahead counts on: the transaction the answers will be written in, and
    /// the batch before it, whose answers stand in for the store's until it is committed.
    struct Base {
        /// The batch being committed while this one is answered; nil when none is.
        var pending: PreparedBatch?
        /// The number the batch's transaction will have (see ``SessionTransaction/number``).
        var transaction: Int
    }

    /// Answers worked out ahead, with the sessions' records to write and what they count on.
    struct Answers: Sendable {
        var responses: [ProtocolResponse]
        var records: [SessionRecord]
        var tally: TurnTally
        var readAhead: ReadAhead
    }

    let requests: [SessionServer.ParsedLine]
    let ahead: Answers?
}
