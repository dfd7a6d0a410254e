/// A line the server could not act on. Each becomes one `{"type":"error",...}` line; the
/// server carries on and no other session is touched.
public struct ProtocolError: Error, Hashable, Sendable {
    /// A stable, machine-readable code (`invalid_json`, `missing_session`, ...).
    public var code: String
    /// A precise explanation for the bridge's operator.
    public var message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    static let emptyLine = ProtocolError("empty_line", "the line is empty; send one JSON object per line")
    static let invalidUTF8 = ProtocolError("invalid_utf8", "the line is not valid UTF-8")
    static func lineTooLong(limit: Int) -> ProtocolError {
        ProtocolError("line_too_long", "the line is longer than \(limit) bytes and was skipped (see --max-line)")
    }
    static let truncated = ProtocolError("truncated_line", "the input ended in the middle of a line")
    static let storage = ProtocolError(
        "storage_failed", "the session could not be saved; nothing changed, send the line again")
}
