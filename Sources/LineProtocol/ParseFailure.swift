/// A line that could not be parsed, with what could be read of it.
public struct ParseFailure: Error, Sendable {
    /// What was wrong with the line.
    public var error: ProtocolError
    /// The line's `id`, when it could be read, so the bridge can match the error to its line.
    public var id: RequestID?
    /// The line's session, when it could be read (the error line echoes it when it is short).
    public var session: String?

    init(_ error: ProtocolError, id: RequestID? = nil, session: String? = nil) {
        self.error = error
        self.id = id
        self.session = session
    }
}
