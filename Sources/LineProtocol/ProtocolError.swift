/// A line the server could not act on. Each becomes one `{"type":"error",...}` line; the
/// server carries on and no other session is touched.
public struct ProtocolError: Error, Hashable, Sendable {
    /// What went wrong, for the bridge to act on.
    public var code: Code
    /// A precise explanation for the bridge's operator.
    public var message: String

    /// An error with its code and, for the operator, what exactly was wrong.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    static let emptyLine = ProtocolError(.emptyLine, "the line is empty; send one JSON object per line")
    static let invalidUTF8 = ProtocolError(.invalidUTF8, "the line is not valid UTF-8")
    static func lineTooLong(limit: Int) -> ProtocolError {
        ProtocolError(.lineTooLong, "the line is longer than \(limit) bytes and was skipped (see --max-line)")
    }
    static let truncated = ProtocolError(.truncatedLine, "the input ended in the middle of a line")
    static let storage = ProtocolError(
        .storageFailed, "the session could not be saved; nothing changed, send the line again")
}
