import Foundation
import SessionStore

/// A batch of request lines, parsed and perhaps answered ahead of its transaction (see
/// ``SessionServer/prepare(_:readingAhead:)``), on its way to ``SessionServer/commit(_:)``.
final class PreparedBatch: @unchecked Sendable {
    /// What answering ahead counts on: the transaction the answers will be written in, and
    /// the batch before it, whose answers stand in for the store's until it is committed.
    struct Base {
        /// The batch being committed while this one is answered; nil when none is.
        var pending: PreparedBatch?
        /// The number the batch's transaction will have (see ``SessionTransaction/number``).
        var transaction: Int
    }

    /// Answers worked out ahead, with the sessions' records to write and what they count on.
    struct Answers {
        var responses: [ProtocolResponse]
        var records: [SessionRecord]
        var tally: TurnTally
        var transaction: Int
        var countsOnPending: Bool
    }

    let requests: [SessionServer.ParsedLine]
    let ahead: Answers?

    // Set by the commit, read by others only after `committed` says it is done.
    /// The store's transaction count once the batch was committed.
    var transactionsAfter = 0
    /// Whether the commit wrote the answers worked out ahead (and not new ones).
    var wroteAnswersAhead = false
    /// Left when the batch is committed and its responses handed on (written).
    let committed = DispatchGroup()

    init(requests: [SessionServer.ParsedLine], ahead: Answers?) {
        self.requests = requests
        self.ahead = ahead
    }
}
