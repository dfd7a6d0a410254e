import Guide

/// One line gids writes to a bridge. See `docs/protocol.schema.json`.
public enum ProtocolResponse: Sendable {
    /// The guide's turn for a session.
    case reply(session: String, id: RequestID?, Reply)
    /// A line that could not be acted on, with its id and session when they could be read.
    case error(ProtocolError, id: RequestID?, session: String?)
    /// The answer to `ping`.
    case pong(id: RequestID?)
    /// Counts only. `storageFailures`: transactions the store could not commit.
    case stats(id: RequestID?, sessions: Int, lines: Int, errors: Int, storageFailures: Int, uptimeSeconds: Int)
    /// The sessions whose next follow-up talk is due (the answer to `due`).
    case due(id: RequestID?, sessions: [String])
    /// The session is deleted, with all it remembered (the answer to `forget`).
    case forgotten(id: RequestID?, session: String)
    /// A reply an earlier gids kept as its JSON line (the same line sent again), written again
    /// exactly as it is. (This gids keeps replies as values: see ``KeptReply``.)
    case keptLine([UInt8])
}
